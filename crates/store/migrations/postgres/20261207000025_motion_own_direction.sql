-- Whether a recording's direction was read against the walker's own forward
-- steps (a guided session's warm-up) rather than the common sign (#15).
ALTER TABLE motion_recordings ADD COLUMN own_direction BIGINT NOT NULL DEFAULT 0;
