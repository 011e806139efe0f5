-- A counter bumped with every write about a walker, in the same transaction.
-- App servers cache a walker's state and reuse it while the counter is unchanged.
ALTER TABLE walkers ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
