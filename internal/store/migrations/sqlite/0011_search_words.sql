-- The full-text index with its stop words marked, and without a copy of the
-- text.
--
-- 1. search_fts indexes the words of search_docs with each stop word, which
--    no search looks for on either engine (news.IsStopWord), replaced by one
--    mark (news.IndexWords). "the", "of" and their kind are a third of a
--    story's words, and each was an entry of its own in the index; the mark
--    is one entry for them all, and keeps their places, so that a phrase
--    matches as it did (searchMatch writes it the same way). The store makes
--    the words in Go, on the CPUs its SQL leaves free, and hands them to
--    FTS5, which still stems them.
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
