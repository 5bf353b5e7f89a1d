-- Author, tag and source lists read in date order from their link tables:
-- each link row carries its story's status and publication time, indexed, so
-- a page of a list reads its twenty stories and no more (see the SQLite
-- migration of the same number). Triggers keep the copies exact.
ALTER TABLE article_authors ADD COLUMN status TEXT NOT NULL DEFAULT '', ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE article_tags ADD COLUMN status TEXT NOT NULL DEFAULT '', ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE article_credits ADD COLUMN status TEXT NOT NULL DEFAULT '', ADD COLUMN published_at TIMESTAMPTZ;

UPDATE article_authors x SET status = a.status, published_at = a.published_at FROM articles a WHERE a.id = x.article_id;
UPDATE article_tags x SET status = a.status, published_at = a.published_at FROM articles a WHERE a.id = x.article_id;
UPDATE article_credits x SET status = a.status, published_at = a.published_at FROM articles a WHERE a.id = x.article_id;

CREATE INDEX article_authors_list ON article_authors (author_id, status, published_at DESC, article_id DESC);
CREATE INDEX article_tags_list ON article_tags (tag_id, status, published_at DESC, article_id DESC);
CREATE INDEX article_credits_list ON article_credits (source_id, status, published_at DESC, article_id DESC);

CREATE FUNCTION herald_link_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT a.status, a.published_at INTO NEW.status, NEW.published_at FROM articles a WHERE a.id = NEW.article_id;
	RETURN NEW;
END
$$;
CREATE TRIGGER article_authors_list_fill BEFORE INSERT ON article_authors FOR EACH ROW EXECUTE FUNCTION herald_link_fill();
CREATE TRIGGER article_tags_list_fill BEFORE INSERT ON article_tags FOR EACH ROW EXECUTE FUNCTION herald_link_fill();
CREATE TRIGGER article_credits_list_fill BEFORE INSERT ON article_credits FOR EACH ROW EXECUTE FUNCTION herald_link_fill();

CREATE FUNCTION herald_links_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_authors SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
	UPDATE article_tags SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
	UPDATE article_credits SET status = NEW.status, published_at = NEW.published_at WHERE article_id = NEW.id;
	RETURN NULL;
END
$$;
CREATE TRIGGER articles_list_links AFTER UPDATE OF status, published_at ON articles FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at)
EXECUTE FUNCTION herald_links_follow();
