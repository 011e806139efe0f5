-- Clinic mode: the clinician's work on a walker's record.
--
-- A clearance or a dose signed in retrowalk names the clinician's account and
-- the clinic they signed for. Bare ids, like the access log's: the signature
-- outlives a deletion, and its words (by, role) say who it was.
ALTER TABLE clearances ADD COLUMN signer_account_id INTEGER;
ALTER TABLE clearances ADD COLUMN signer_clinic_id INTEGER;
ALTER TABLE overrides ADD COLUMN signer_account_id INTEGER;
ALTER TABLE overrides ADD COLUMN signer_clinic_id INTEGER;

-- A clinician's review of something the coach raised about a walker: a flag
-- acknowledged, or a decision approved. `rule` and `day` name it (the flag's
-- rule and the day it was raised; the decision's rule and the day it took
-- effect). Reviews are never edited or deleted: they are the history.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    subject     TEXT    NOT NULL,
    rule        TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    account_id  INTEGER NOT NULL,
    clinic_id   INTEGER NOT NULL,
    note        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX reviews_walker ON reviews(walker_id, id);

-- Messages between a walker and the care team of one clinic: one thread per
-- walker and clinic. `sender` is `walker` or `care_team`; `read_at` is when
-- the other side first read it.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    walker_id    INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id    INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    account_id   INTEGER NOT NULL,
    sender       TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    read_at      INTEGER
);
CREATE INDEX messages_thread ON messages(walker_id, clinic_id, id);

-- An invitation to join a clinic's care: a short code (kept hashed), good
-- until it expires or is used once.
CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    code_hash    TEXT    NOT NULL UNIQUE,
    invited_by   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    accepted_by  INTEGER,
    accepted_at  INTEGER
);
