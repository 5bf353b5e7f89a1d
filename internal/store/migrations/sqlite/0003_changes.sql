-- Every committed write records the keys of what it changed, in the same
-- transaction, so that every Herald process sharing the database can drop
-- exactly the cached responses that show it.
CREATE TABLE changes (
	id         INTEGER PRIMARY KEY,
	keys       TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX changes_created ON changes (created_at);
