-- Story bodies move to a table of their own.
--
-- A body runs to several pages, and SQLite stores what does not fit in a row's
-- page in a chain of overflow pages: every column after the body could be
-- read only by walking that chain. Lists (the front page, section fronts,
-- feeds, related stories) read every column but the body, so each story they
-- showed cost several page reads. Without the bodies an articles row takes a
-- few hundred bytes, and a list of twenty reads a handful of pages.
CREATE TABLE article_bodies (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	body_md    TEXT NOT NULL DEFAULT '',
	body_html  TEXT NOT NULL DEFAULT ''
);
INSERT INTO article_bodies (article_id, body_md, body_html) SELECT id, body_md, body_html FROM articles;
ALTER TABLE articles DROP COLUMN body_md;
ALTER TABLE articles DROP COLUMN body_html;
