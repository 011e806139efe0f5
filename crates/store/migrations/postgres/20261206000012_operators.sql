-- An operator can disable an account (`retrowalk user disable`): it can no
-- longer sign in, use a token or reset its password, until enabled again.
ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;

-- The access log of security events: sign-ins and failed ones, token use,
-- exports, restores, backups, deletions. Never health data: what happened,
-- to which account (kept as a bare id so a deletion's own event outlives the
-- account), from which client address, and a short detail such as a token's id.
CREATE TABLE security_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ms       BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    account_id  BIGINT,
    client      TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX security_events_account ON security_events(account_id, at_ms);
CREATE INDEX security_events_at ON security_events(at_ms);
