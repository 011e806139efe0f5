-- Clinic mode at scale: a patient list is one access-log entry naming every
-- walker it showed (ids, comma-separated), not one entry per walker: a list
-- of 34 wrote 34 rows and their index entries on every request. A walker's
-- own log finds these entries through the accounts on their care team.
ALTER TABLE security_events ADD COLUMN walker_ids TEXT;
-- Who was ever on a walker's care team (removed members too): the walker's
-- log looks their lists up through it.
CREATE INDEX care_team_relationship ON care_team(relationship_id);
