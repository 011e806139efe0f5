-- Outcome measures: one row per result. value is in the measure's unit
-- (the 40-metre walk as m/s); detail holds extra parts as JSON (own activities).
CREATE TABLE outcomes (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    measure     TEXT    NOT NULL,
    value       REAL    NOT NULL,
    taken_on    TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX outcomes_walker ON outcomes(walker_id, taken_on);
