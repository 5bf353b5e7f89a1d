-- Story bodies move to a table of their own, as on SQLite, where it keeps
-- list reads off the bodies' overflow pages. PostgreSQL keeps long values out
-- of line already (TOAST); the one schema keeps the store's SQL the same on
-- both engines.
CREATE TABLE article_bodies (
	article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	body_md    TEXT NOT NULL DEFAULT '',
	body_html  TEXT NOT NULL DEFAULT ''
);
INSERT INTO article_bodies (article_id, body_md, body_html) SELECT id, body_md, body_html FROM articles;
ALTER TABLE articles DROP COLUMN body_md;
ALTER TABLE articles DROP COLUMN body_html;
