-- The back office: accounts, sessions, sign-in throttling, revisions, the
-- audit log, who has a story open, and story versions for safe concurrent saves.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'admin')),
	password_hash TEXT NOT NULL DEFAULT '',
	author_id     INTEGER REFERENCES authors (id),
	created_at    TEXT NOT NULL,
	disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	seen_at    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One row per failed sign-in, keyed by account and by client, for throttling.
CREATE TABLE signin_failures (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX signin_failures_key ON signin_failures (key, created_at);

CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	number     INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	user_id    INTEGER REFERENCES users (id),
	created_at TEXT NOT NULL,
	version    INTEGER NOT NULL,
	snapshot   TEXT NOT NULL,
	UNIQUE (article_id, number)
);

CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER REFERENCES users (id),
	action     TEXT NOT NULL,
	target     TEXT NOT NULL DEFAULT '',
	detail     TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX audit_log_created ON audit_log (created_at DESC, id DESC);

CREATE TABLE presence (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	seen_at    TEXT NOT NULL,
	PRIMARY KEY (article_id, user_id)
);

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users (id);
CREATE INDEX articles_scheduled ON articles (status, published_at) WHERE status = 'scheduled';

ALTER TABLE media ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN parent TEXT NOT NULL DEFAULT '';

-- The media library lists originals and finds each one's narrower copies
-- without reading image bytes: in SQLite the columns after a row's blob can
-- only be reached by reading through the blob, so this index covers them.
CREATE INDEX media_library ON media (parent, created_at, id, name, content_type, width, height, alt, credit);
