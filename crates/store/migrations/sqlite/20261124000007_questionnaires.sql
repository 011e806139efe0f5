-- Questionnaires a clinic loaded (a FHIR R4 Questionnaire and its scoring,
-- both kept as JSON), shared by every walker on this server, and each
-- walker's answers with the scores they gave. A result keeps the title and
-- version it was taken with, so it stays readable if the clinic reloads or
-- removes the questionnaire.
CREATE TABLE questionnaires (
    id              TEXT PRIMARY KEY,
    questionnaire   TEXT NOT NULL,
    scoring         TEXT NOT NULL,
    loaded_at       INTEGER NOT NULL
);

CREATE TABLE questionnaire_results (
    id                  INTEGER PRIMARY KEY,
    walker_id           INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    questionnaire_id    TEXT NOT NULL,
    title               TEXT NOT NULL,
    version             TEXT NOT NULL,
    taken_on            TEXT NOT NULL,
    answers             TEXT NOT NULL,
    scores              TEXT NOT NULL,
    created_at          INTEGER NOT NULL
);
CREATE INDEX questionnaire_results_walker ON questionnaire_results(walker_id, taken_on);
