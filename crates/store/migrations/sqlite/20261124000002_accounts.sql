-- Accounts for the web app and API. A walker signs up first; screening and
-- set-up follow. Secrets (session and API tokens, reset codes) are stored only
-- as SHA-256 hashes, passwords only as Argon2id PHC strings.

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    walker_id      INTEGER NOT NULL UNIQUE REFERENCES walkers(id) ON DELETE CASCADE,
    email          TEXT    NOT NULL UNIQUE,
    password_hash  TEXT    NOT NULL,
    role           TEXT    NOT NULL DEFAULT 'walker',
    created_at     INTEGER NOT NULL
);

CREATE TABLE web_sessions (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX web_sessions_account ON web_sessions(account_id);

CREATE TABLE api_tokens (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE reset_codes (
    code_hash    TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at   INTEGER NOT NULL
);
