-- Clinic mode's model. A membership gives an account a role in a clinic
-- (clinician or admin) until it ends; a care relationship connects a walker
-- with a clinic from when they join until they disconnect; the care team names
-- the clinicians of that clinic who look after the walker. The access rule
-- checks all three at query time, so ending any of them cuts access at the
-- very next request, on every server. Ended rows stay: they are history.
CREATE TABLE memberships (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    clinic_id   INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE UNIQUE INDEX memberships_active ON memberships(account_id, clinic_id) WHERE ended_at IS NULL;

CREATE TABLE care_relationships (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    clinic_id   INTEGER NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE UNIQUE INDEX care_relationships_active ON care_relationships(walker_id, clinic_id) WHERE ended_at IS NULL;

CREATE TABLE care_team (
    id               INTEGER PRIMARY KEY,
    relationship_id  INTEGER NOT NULL REFERENCES care_relationships(id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    added_at         INTEGER NOT NULL,
    removed_at       INTEGER
);
CREATE UNIQUE INDEX care_team_active ON care_team(relationship_id, account_id) WHERE removed_at IS NULL;
CREATE INDEX care_team_account ON care_team(account_id);
