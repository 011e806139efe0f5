-- Failed sign-ins and reset codes, kept in the database so that every app
-- server sees the same counts. Keys are hashes (of the e-mail, of the client
-- address), never the e-mail or address themselves.
CREATE TABLE auth_failures (
    scope   TEXT    NOT NULL,
    key     TEXT    NOT NULL,
    at_ms   INTEGER NOT NULL
);
CREATE INDEX auth_failures_key ON auth_failures(scope, key, at_ms);
