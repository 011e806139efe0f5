-- Break-glass: a clinician of the walker's clinic who is not on their care
-- team opens the record, with a reason, for a limited time (read only). Kept
-- as history; the walker and the clinic's admins see every one.
CREATE TABLE break_glass (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id   INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL
);
CREATE INDEX break_glass_account ON break_glass(account_id, walker_id, ends_at);
CREATE INDEX break_glass_clinic ON break_glass(clinic_id, started_at);
