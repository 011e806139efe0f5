-- What a clinician's change did to a walker's programme, as data (issue #14):
-- the walker reads it in their own language on "Who has seen my data";
-- `detail` keeps the English sentence for the exports. JSON
-- (stored::RecordChangeV1); NULL for every other entry.
ALTER TABLE security_events ADD COLUMN change TEXT;
