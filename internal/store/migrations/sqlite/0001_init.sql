-- Herald's first schema. Times are TEXT in a fixed-width UTC form
-- ("2006-01-02 15:04:05.000000+00:00") so that they sort as they compare.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Every first path segment that content owns, so sections and static pages can
-- never take each other's slugs.
CREATE TABLE top_level_slugs (
	slug TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('section', 'page'))
);

CREATE TABLE sections (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE REFERENCES top_level_slugs (slug) ON UPDATE CASCADE,
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pages (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE REFERENCES top_level_slugs (slug) ON UPDATE CASCADE,
	title      TEXT NOT NULL,
	body_md    TEXT NOT NULL DEFAULT '',
	body_html  TEXT NOT NULL DEFAULT '',
	position   INTEGER NOT NULL DEFAULT 0,
	updated_at TEXT NOT NULL
);

CREATE TABLE authors (
	id        INTEGER PRIMARY KEY,
	slug      TEXT NOT NULL UNIQUE,
	name      TEXT NOT NULL,
	job_title TEXT NOT NULL DEFAULT '',
	bio       TEXT NOT NULL DEFAULT '',
	photo_url TEXT NOT NULL DEFAULT '',
	links     TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE tags (
	id   INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL
);

CREATE TABLE sources (
	id   INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	url  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
	id              INTEGER PRIMARY KEY,
	section_id      INTEGER NOT NULL REFERENCES sections (id),
	slug            TEXT NOT NULL,
	headline        TEXT NOT NULL,
	standfirst      TEXT NOT NULL DEFAULT '',
	body_md         TEXT NOT NULL DEFAULT '',
	body_html       TEXT NOT NULL DEFAULT '',
	word_count      INTEGER NOT NULL DEFAULT 0,
	status          TEXT NOT NULL CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'withdrawn')),
	published_at    TEXT,
	updated_at      TEXT,
	created_at      TEXT NOT NULL,
	modified_at     TEXT NOT NULL,
	image_url       TEXT NOT NULL DEFAULT '',
	image_alt       TEXT NOT NULL DEFAULT '',
	image_caption   TEXT NOT NULL DEFAULT '',
	image_credit    TEXT NOT NULL DEFAULT '',
	image_width     INTEGER NOT NULL DEFAULT 0,
	image_height    INTEGER NOT NULL DEFAULT 0,
	comments_open   INTEGER NOT NULL DEFAULT 1,
	seo_title       TEXT NOT NULL DEFAULT '',
	seo_description TEXT NOT NULL DEFAULT '',
	withdrawn_note  TEXT NOT NULL DEFAULT '',
	UNIQUE (section_id, slug)
);
CREATE INDEX articles_status_published ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_section_published ON articles (section_id, status, published_at DESC, id DESC);

CREATE TABLE article_authors (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	author_id  INTEGER NOT NULL REFERENCES authors (id),
	position   INTEGER NOT NULL,
	PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors (author_id, article_id);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags (id),
	PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE article_credits (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	source_id  INTEGER NOT NULL REFERENCES sources (id),
	kind       TEXT NOT NULL,
	url        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, position)
);
CREATE INDEX article_credits_source ON article_credits (source_id, article_id);

CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
	body       TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX corrections_article ON corrections (article_id, created_at);
CREATE INDEX corrections_created ON corrections (created_at DESC, id DESC);

CREATE TABLE redirects (
	from_path  TEXT PRIMARY KEY,
	to_path    TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE media (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE,
	content_type TEXT NOT NULL,
	data         BLOB NOT NULL,
	width        INTEGER NOT NULL DEFAULT 0,
	height       INTEGER NOT NULL DEFAULT 0,
	created_at   TEXT NOT NULL
);
