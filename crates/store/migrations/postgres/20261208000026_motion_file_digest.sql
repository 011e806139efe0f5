-- The SHA-256 of the file a motion recording was read from (#15), so the
-- same recording is never kept twice for a walker: a phone that sends its
-- queued recording again after a lost reply, or a file imported twice,
-- would double the week's steps and minutes. Recordings kept before, and
-- those restored from an archive, have none.
ALTER TABLE motion_recordings ADD COLUMN sha256 TEXT;
CREATE UNIQUE INDEX motion_recordings_file ON motion_recordings(walker_id, sha256) WHERE sha256 IS NOT NULL;
