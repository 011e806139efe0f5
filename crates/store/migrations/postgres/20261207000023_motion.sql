-- Motion recordings of logged sessions (issue #15): the analysis only — the
-- bouts with their direction, steps, cadence and variability, as JSON
-- (coach::motion::MotionBout) —, never the samples.
CREATE TABLE motion_recordings (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    walker_id    BIGINT NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    session_date TEXT NOT NULL,
    source       TEXT NOT NULL,
    duration_s   DOUBLE PRECISION NOT NULL,
    bouts        TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX motion_recordings_walker ON motion_recordings(walker_id, session_date);
