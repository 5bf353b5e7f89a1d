-- The full-text index without stop words, and without a copy of the text.
--
-- 1. search_fts indexes the words of search_docs less the stop words, which
--    no search looks for on either engine (news.IsStopWord): "the", "of"
--    and their kind are a third of a story's words, and a third of the work
--    of indexing it. The store makes the words in Go (news.IndexWords, on
--    every CPU) and hands them to FTS5, which still stems them; a phrase is
--    searched for with its stop words left out too (searchMatch).
-- 2. It is contentless: the text lives in search_docs, for snippets and
--    keywords, and nothing reads it back from the index. contentless_delete
--    lets the store take a story out by its rowid alone, without handing
--    FTS5 the words it was indexed with.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (
	headline, standfirst, body, keywords, facets,
	content = '', contentless_delete = 1,
	-- See migration 8 for the prefix index.
	prefix = '4',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- bm25 with a headline word worth ten body words, a standfirst word five, a
-- tag, author or source name three, and the facets nothing.
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0, 0.0)');
-- See migration 9.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_fts (rowid, headline, standfirst, body, keywords, facets)
	SELECT seq, herald_index_words(headline), herald_index_words(standfirst), herald_index_words(body), herald_index_words(keywords), facets
	FROM search_docs ORDER BY seq;
