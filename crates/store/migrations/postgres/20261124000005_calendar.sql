-- The secret calendar feed of a walker: only the SHA-256 of its token is kept.
-- A new link replaces the old one; deleting the row revokes the feed.
CREATE TABLE calendar_feeds (
    walker_id   BIGINT PRIMARY KEY REFERENCES walkers(id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);
