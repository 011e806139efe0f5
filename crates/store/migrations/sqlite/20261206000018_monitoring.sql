-- Monitoring time: clinician minutes spent on a walker's record, by day, from
-- the walker page's timer or typed in. Counted per calendar month for the
-- clinic's month-end table; the clinic decides what it may bill.
CREATE TABLE monitoring_minutes (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id   INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    minutes     INTEGER NOT NULL,
    source      TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX monitoring_minutes_walker ON monitoring_minutes(walker_id, clinic_id, day);
