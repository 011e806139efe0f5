-- Clinic mode: the clinician's work on a walker's record.
--
-- A clearance or a dose signed in retrowalk names the clinician's account and
-- the clinic they signed for. Bare ids, like the access log's: the signature
-- outlives a deletion, and its words (by, role) say who it was.
ALTER TABLE clearances ADD COLUMN signer_account_id BIGINT;
ALTER TABLE clearances ADD COLUMN signer_clinic_id BIGINT;
ALTER TABLE overrides ADD COLUMN signer_account_id BIGINT;
ALTER TABLE overrides ADD COLUMN signer_clinic_id BIGINT;

-- A clinician's review of something the coach raised about a walker: a flag
-- acknowledged, or a decision approved. `rule` and `day` name it (the flag's
-- rule and the day it was raised; the decision's rule and the day it took
-- effect). Reviews are never edited or deleted: they are the history.
CREATE TABLE reviews (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    walker_id   BIGINT NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    subject     TEXT    NOT NULL,
    rule        TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    account_id  BIGINT NOT NULL,
    clinic_id   BIGINT NOT NULL,
    note        TEXT    NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX reviews_walker ON reviews(walker_id, id);

-- Messages between a walker and the care team of one clinic: one thread per
-- walker and clinic. `sender` is `walker` or `care_team`; `read_at` is when
-- the other side first read it.
CREATE TABLE messages (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    walker_id    BIGINT NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id    BIGINT NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    account_id   BIGINT NOT NULL,
    sender       TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    read_at      BIGINT
);
CREATE INDEX messages_thread ON messages(walker_id, clinic_id, id);

-- An invitation to join a clinic's care: a short code (kept hashed), good
-- until it expires or is used once.
CREATE TABLE invitations (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    clinic_id    BIGINT NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    code_hash    TEXT    NOT NULL UNIQUE,
    invited_by   BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    accepted_by  BIGINT,
    accepted_at  BIGINT
);
