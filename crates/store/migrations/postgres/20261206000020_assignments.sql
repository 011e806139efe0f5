-- Clinic mode: a questionnaire a clinic loads is that clinic's (a licence
-- holder's instrument stays with them); NULL is one the operator loaded for
-- every walker on the server.
ALTER TABLE questionnaires ADD COLUMN clinic_id BIGINT REFERENCES clinics(id) ON DELETE CASCADE;

-- What a walker's care team asks of them beyond the standard schedule: an
-- outcome measure, or a questionnaire (the clinic's own or the server's).
-- Ending one keeps the row: who asked, and when it stopped.
CREATE TABLE assignments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    walker_id    BIGINT NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id    BIGINT NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    kind         TEXT   NOT NULL,
    item         TEXT   NOT NULL,
    assigned_by  BIGINT NOT NULL,
    assigned_at  BIGINT NOT NULL,
    ended_at     BIGINT
);
CREATE UNIQUE INDEX assignments_standing ON assignments(walker_id, clinic_id, kind, item) WHERE ended_at IS NULL;
