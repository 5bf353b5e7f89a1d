-- Author, tag and source lists read in date order from their link tables.
--
-- A list of a tag's stories had to find every story with the tag, read each
-- story's row to learn its status and time, and sort them, to show twenty: a
-- cost that grew with the tag. Each link row now carries its story's status
-- and publication time, and an index orders the links of one author, tag or
-- source by them, so a page of a list reads its twenty stories and no more,
-- and counting a list reads the index alone.
--
-- Triggers keep the copies exact: a new link takes its story's values, and a
-- change of a story's status or time is copied to all its links.
ALTER TABLE article_authors ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE article_authors ADD COLUMN published_at TEXT;
ALTER TABLE article_tags ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE article_tags ADD COLUMN published_at TEXT;
ALTER TABLE article_credits ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE article_credits ADD COLUMN published_at TEXT;

UPDATE article_authors SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = article_authors.article_id);
UPDATE article_tags SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = article_tags.article_id);
UPDATE article_credits SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = article_credits.article_id);

CREATE INDEX article_authors_list ON article_authors (author_id, status, published_at DESC, article_id DESC);
CREATE INDEX article_tags_list ON article_tags (tag_id, status, published_at DESC, article_id DESC);
CREATE INDEX article_credits_list ON article_credits (source_id, status, published_at DESC, article_id DESC);

CREATE TRIGGER article_authors_list_fill AFTER INSERT ON article_authors BEGIN
	UPDATE article_authors SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = NEW.article_id)
	WHERE article_id = NEW.article_id AND author_id = NEW.author_id;
END;
CREATE TRIGGER article_tags_list_fill AFTER INSERT ON article_tags BEGIN
	UPDATE article_tags SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = NEW.article_id)
	WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
END;
CREATE TRIGGER article_credits_list_fill AFTER INSERT ON article_credits BEGIN
	UPDATE article_credits SET (status, published_at) = (SELECT a.status, a.published_at FROM articles a WHERE a.id = NEW.article_id)
	WHERE article_id = NEW.article_id AND position = NEW.position;
END;
CREATE TRIGGER articles_list_links AFTER UPDATE OF status, published_at ON articles
WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at BEGIN
	UPDATE article_authors SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
	UPDATE article_tags SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
	UPDATE article_credits SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
END;
