-- Clinic mode: an access-log entry can name the walker whose records were
-- reached by someone else (a clinician), so the walker can read who has seen
-- their data. A bare id, like account_id: the entry outlives a deletion.
ALTER TABLE security_events ADD COLUMN walker_id INTEGER;
CREATE INDEX security_events_walker ON security_events(walker_id, at_ms);
