-- Full-text search and related articles.
--
-- search_docs holds the plain text of every published story, and of no other,
-- one row each; search_fts indexes it with FTS5 (external content, kept in step
-- by the triggers below). The store writes them in the same transaction as the
-- story, so the index is never behind the site.
CREATE TABLE search_docs (
	-- seq orders the index by time: the publication time in seconds, shifted
	-- left 24 bits, with the low 24 bits of the story's id. A search ranks
	-- the newest matches, and finds them first in the index in this order
	-- whatever order stories were added in.
	seq          INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
	-- The story's time and section, copied here, before the long text, so
	-- that a search filters and orders its matches without reading the
	-- articles' rows, whose bodies run to several pages.
	published_at TEXT NOT NULL,
	section_id   INTEGER NOT NULL,
	headline   TEXT NOT NULL,
	standfirst TEXT NOT NULL,
	body       TEXT NOT NULL, -- the body as text, then the corrections log
	keywords   TEXT NOT NULL, -- tags, authors and credited sources, by name
	-- analysed is 1 once the store has counted the row's words in search_terms
	-- and given it related_terms; rows this migration fills are not analysed
	-- until Store.RebuildSearchIndex runs.
	analysed   INTEGER NOT NULL DEFAULT 0
);

-- A search reads the time and section of up to a thousand matches; this
-- index holds them in a few pages, where the rows would take one each.
CREATE INDEX search_docs_facts ON search_docs (seq, article_id, published_at, section_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
	headline, standfirst, body, keywords,
	content = 'search_docs', content_rowid = 'seq',
	-- No prefix index: it would more than halve the indexing rate, and a
	-- prefix query of three or more letters is quick without one.
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- bm25 with a headline word worth ten body words, a standfirst word five and a
-- tag, author or source name three.
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)');

CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
	INSERT INTO search_fts (rowid, headline, standfirst, body, keywords)
		VALUES (new.seq, new.headline, new.standfirst, new.body, new.keywords);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
	INSERT INTO search_fts (search_fts, rowid, headline, standfirst, body, keywords)
		VALUES ('delete', old.seq, old.headline, old.standfirst, old.body, old.keywords);
END;
CREATE TRIGGER search_docs_update AFTER UPDATE ON search_docs BEGIN
	INSERT INTO search_fts (search_fts, rowid, headline, standfirst, body, keywords)
		VALUES ('delete', old.seq, old.headline, old.standfirst, old.body, old.keywords);
	INSERT INTO search_fts (rowid, headline, standfirst, body, keywords)
		VALUES (new.seq, new.headline, new.standfirst, new.body, new.keywords);
END;

-- search_terms counts, for each keyword (news.Keywords), the analysed stories
-- that use it: the document frequencies of TF-IDF. The row for the empty term
-- counts the analysed stories themselves.
CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL
) WITHOUT ROWID;

-- related_terms is each published story's strongest keywords with their
-- TF-IDF weights, scaled so that a story's weights have a length of 1000:
-- the inverted index that related articles are found through. Integer weights
-- make the sums the same on every engine.
CREATE TABLE related_terms (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	term       TEXT NOT NULL,
	weight     INTEGER NOT NULL,
	PRIMARY KEY (article_id, term)
) WITHOUT ROWID;
CREATE INDEX related_terms_term ON related_terms (term, weight DESC, article_id);

-- related_articles is each published story's related stories, best first by
-- score, as computed when it or they were published or changed.
CREATE TABLE related_articles (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	score      INTEGER NOT NULL,
	PRIMARY KEY (article_id, related_id)
) WITHOUT ROWID;
CREATE INDEX related_articles_related ON related_articles (related_id);

-- Stories already published are searchable at once, by their Markdown source;
-- Store.RebuildSearchIndex replaces it with their text, and RebuildRelated
-- computes their related articles.
INSERT INTO search_docs (seq, article_id, published_at, section_id, headline, standfirst, body, keywords)
	SELECT (CAST(strftime('%s', published_at) AS INTEGER) << 24) | (id & 16777215), id, published_at, section_id, headline, standfirst, body_md, ''
	FROM articles WHERE status = 'published';
