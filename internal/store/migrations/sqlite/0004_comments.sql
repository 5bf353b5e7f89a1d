-- Readers' comments, their moderation and the local spam classifier.
--
-- A comment's email is private: only email_hash, a keyed hash of it, is
-- ever used for anything public (recognising a returning commenter, drawing
-- an avatar). client_hash is a keyed hash of the client's address, for rate
-- limits, emptied after the retention period. spam_tokens are the features
-- the classifier scored, space-separated; trained says which class they were
-- counted in, so that a moderator's change of mind moves them exactly.
CREATE TABLE comments (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	parent_id   INTEGER REFERENCES comments (id) ON DELETE SET NULL,
	depth       INTEGER NOT NULL DEFAULT 1,
	status      TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
	name        TEXT NOT NULL,
	email       TEXT NOT NULL,
	email_hash  TEXT NOT NULL,
	website     TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL,
	body_hash   TEXT NOT NULL,
	client_hash TEXT NOT NULL DEFAULT '',
	spam_score  REAL NOT NULL DEFAULT 0.5,
	spam_tokens TEXT NOT NULL DEFAULT '',
	trained     TEXT NOT NULL DEFAULT '' CHECK (trained IN ('', 'spam', 'ham')),
	reason      TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL
);
CREATE INDEX comments_article ON comments (article_id, status, created_at, id);
CREATE INDEX comments_status ON comments (status, created_at DESC, id DESC);
CREATE INDEX comments_email ON comments (email_hash, status);
CREATE INDEX comments_client ON comments (client_hash, created_at);
CREATE INDEX comments_body ON comments (article_id, body_hash);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_created ON comments (created_at);

-- A story's own choice of when its comments close, overriding the site's.
CREATE TABLE comment_closing (
	article_id       INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	close_after_days INTEGER NOT NULL
);

-- The classifier's model: for each feature, how many spam and how many
-- genuine comments held it, and how many of each it learnt from.
CREATE TABLE spam_tokens (
	token TEXT PRIMARY KEY,
	spam  INTEGER NOT NULL DEFAULT 0,
	ham   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE spam_totals (
	class TEXT PRIMARY KEY CHECK (class IN ('spam', 'ham')),
	docs  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO spam_totals (class, docs) VALUES ('spam', 0), ('ham', 0);
