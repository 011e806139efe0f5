-- Outcome measures: one row per result. value is in the measure's unit
-- (the 40-metre walk as m/s); detail holds extra parts as JSON (own activities).
CREATE TABLE outcomes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    walker_id   BIGINT NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    measure     TEXT    NOT NULL,
    value       DOUBLE PRECISION    NOT NULL,
    taken_on    TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX outcomes_walker ON outcomes(walker_id, taken_on);
