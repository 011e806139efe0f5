-- Files imported from watches and treadmills. One row per file and walker,
-- keyed by the file's SHA-256, so importing the same file again is caught.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    content     TEXT NOT NULL,
    warnings    TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    UNIQUE (walker_id, sha256)
);

-- The activities found in a file, as JSON (coach::imports::Imported), with
-- the local date they belong to.
CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    walker_id   INTEGER NOT NULL REFERENCES walkers(id) ON DELETE CASCADE,
    import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    local_date  TEXT NOT NULL,
    activity    TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX activities_walker ON activities(walker_id, local_date);
