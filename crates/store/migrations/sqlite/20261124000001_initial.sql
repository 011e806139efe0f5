-- retrowalk initial schema (SQLite). Times are UTC milliseconds; session dates
-- are the walker's local dates (YYYY-MM-DD). Never edit an applied migration.

CREATE TABLE clinics (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE walkers (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL,
    clinic_id   INTEGER REFERENCES clinics(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE screenings (
    id            INTEGER PRIMARY KEY,
    walker_id     INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    answers       TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    rules_version TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX screenings_walker ON screenings(walker_id, id);

CREATE TABLE clearances (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    cleared_by  TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    cleared_at  INTEGER NOT NULL,
    covers      TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX clearances_walker ON clearances(walker_id, id);

CREATE TABLE programmes (
    id                   INTEGER PRIMARY KEY,
    walker_id            INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    start_date           TEXT    NOT NULL,
    weeks                INTEGER NOT NULL,
    training_days        TEXT    NOT NULL,
    equipment            TEXT    NOT NULL,
    baseline_pain        INTEGER NOT NULL,
    forward_speed_tenths INTEGER NOT NULL,
    time_zone            TEXT    NOT NULL,
    created_at           INTEGER NOT NULL
);
CREATE INDEX programmes_walker ON programmes(walker_id, id);

CREATE TABLE session_logs (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    session_date  TEXT    NOT NULL,
    minutes       INTEGER NOT NULL,
    bouts         INTEGER NOT NULL,
    speed_tenths  INTEGER,
    incline_pct   INTEGER NOT NULL,
    support       TEXT    NOT NULL,
    surface       TEXT    NOT NULL,
    pain_before   INTEGER NOT NULL,
    pain_peak     INTEGER NOT NULL,
    pain_after    INTEGER NOT NULL,
    rpe           INTEGER,
    symptoms      TEXT    NOT NULL,
    notes         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    UNIQUE (programme_id, session_date)
);

CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    session_date  TEXT    NOT NULL,
    checkin_date  TEXT    NOT NULL,
    pain          INTEGER NOT NULL,
    symptoms      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    UNIQUE (programme_id, session_date)
);

CREATE TABLE overrides (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    effective     TEXT    NOT NULL,
    minutes       INTEGER NOT NULL,
    speed_tenths  INTEGER NOT NULL,
    incline_pct   INTEGER NOT NULL,
    support       TEXT    NOT NULL,
    surface       TEXT    NOT NULL,
    by_name       TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

-- The audit trail: every decision as it was made and shown, with what caused it.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    cause         TEXT    NOT NULL,
    rule          TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    effective     TEXT    NOT NULL,
    decision      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX decisions_programme ON decisions(programme_id, id);
