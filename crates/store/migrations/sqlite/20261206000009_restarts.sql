-- A clinician's restart of a stopped programme is an override of kind
-- 'restart': who (by_name), their role, when they signed it, the note (reason)
-- and the dose it restarts at. Existing rows are plain dose overrides.
ALTER TABLE overrides ADD COLUMN kind TEXT NOT NULL DEFAULT 'dose';
ALTER TABLE overrides ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE overrides ADD COLUMN signed_at INTEGER;
