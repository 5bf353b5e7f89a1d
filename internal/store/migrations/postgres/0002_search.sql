-- Full-text search and related articles. It mirrors the SQLite migration; the
-- index is a weighted tsvector with a GIN index instead of FTS5.
--
-- search_docs holds the plain text of every published story, and of no other,
-- one row each. The store writes it in the same transaction as the story, so
-- the index is never behind the site.
CREATE TABLE search_docs (
	-- seq orders the index by time: the publication time in seconds, shifted
	-- left 24 bits, with the low 24 bits of the story's id. A search ranks
	-- the newest matches, whatever order stories were added in.
	seq          BIGINT PRIMARY KEY,
	article_id   BIGINT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
	-- The story's time and section, copied here so that a search filters and
	-- orders its matches without reading the articles' rows.
	published_at TIMESTAMPTZ NOT NULL,
	section_id   BIGINT NOT NULL,
	headline   TEXT NOT NULL,
	standfirst TEXT NOT NULL,
	body       TEXT NOT NULL, -- the body as text, then the corrections log
	keywords   TEXT NOT NULL, -- tags, authors and credited sources, by name
	-- analysed is true once the store has counted the row's words in
	-- search_terms and given it related_terms; rows this migration fills are
	-- not analysed until Store.RebuildSearchIndex runs.
	analysed   BOOLEAN NOT NULL DEFAULT FALSE,
	-- A headline word weighs most (A), then standfirst and names (B), then the
	-- body (D), as bm25's column weights do on SQLite.
	tsv        tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, headline), 'A') ||
		setweight(to_tsvector('english'::regconfig, standfirst), 'B') ||
		setweight(to_tsvector('english'::regconfig, keywords), 'B') ||
		setweight(to_tsvector('english'::regconfig, body), 'D')) STORED
);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);

-- search_terms counts, for each keyword (news.Keywords), the analysed stories
-- that use it: the document frequencies of TF-IDF. The row for the empty term
-- counts the analysed stories themselves.
CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL
);

-- related_terms is each published story's strongest keywords with their
-- TF-IDF weights, scaled so that a story's weights have a length of 1000:
-- the inverted index that related articles are found through. Integer weights
-- make the sums the same on every engine.
CREATE TABLE related_terms (
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	term       TEXT NOT NULL,
	weight     INTEGER NOT NULL,
	PRIMARY KEY (article_id, term)
);
CREATE INDEX related_terms_term ON related_terms (term, weight DESC, article_id);

-- related_articles is each published story's related stories, best first by
-- score, as computed when it or they were published or changed.
CREATE TABLE related_articles (
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	related_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	score      BIGINT NOT NULL,
	PRIMARY KEY (article_id, related_id)
);
CREATE INDEX related_articles_related ON related_articles (related_id);

-- Stories already published are searchable at once, by their Markdown source;
-- Store.RebuildSearchIndex replaces it with their text, and RebuildRelated
-- computes their related articles.
INSERT INTO search_docs (seq, article_id, published_at, section_id, headline, standfirst, body, keywords)
	SELECT (extract(epoch FROM published_at)::bigint << 24) | (id & 16777215), id, published_at, section_id, headline, standfirst, body_md, ''
	FROM articles WHERE status = 'published';
