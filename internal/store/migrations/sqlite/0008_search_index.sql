-- The full-text index, rebuilt for speed.
--
-- 1. The store keeps search_fts in step with search_docs itself, one
--    statement for each batch of stories (Store.refreshSearch), instead of
--    through triggers. Every statement that fires a trigger opens a savepoint,
--    and at every savepoint FTS5 writes what it holds in memory out as a new
--    segment of its index: publishing a thousand stories made a thousand
--    one-story segments, and indexing spent most of its time merging them.
--    Nothing but the store writes search_docs; anything that did would have
--    to do the same (see searchSQL in dialect_sqlite.go).
DROP TRIGGER search_docs_insert;
DROP TRIGGER search_docs_delete;
DROP TRIGGER search_docs_update;

-- 2. facets names a story's section, authors and tags as words of their own
--    ("s3 a12 t40 t41"), which FTS5 indexes in a column that searches never
--    look in unless asked. A search in one section then asks the index for
--    the stories that have both the reader's words and that section's word,
--    instead of reading the section of every story that has the words: a
--    word in a tenth of the archive meant reading ten rows for each one kept.
--    The store writes it with the row; the search_docs columns stay the
--    truth, and a search checks them too.
ALTER TABLE search_docs ADD COLUMN facets TEXT NOT NULL DEFAULT '';
UPDATE search_docs SET facets = 's' || section_id
	|| coalesce((SELECT ' ' || group_concat('a' || author_id, ' ') FROM article_authors x WHERE x.article_id = search_docs.article_id), '')
	|| coalesce((SELECT ' ' || group_concat('t' || tag_id, ' ') FROM article_tags x WHERE x.article_id = search_docs.article_id), '');

DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (
	headline, standfirst, body, keywords, facets,
	content = 'search_docs', content_rowid = 'seq',
	-- A prefix index of four letters: "harb*" reads one list instead of
	-- merging those of every word that starts so, which took 20 to 60 ms
	-- for a common start at 100,000 stories. It costs a fifth of the
	-- indexing rate and three quarters more index. Three letters ("sta*")
	-- would cost as much again; five and more letters match fewer words.
	prefix = '4',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- bm25 with a headline word worth ten body words, a standfirst word five, a
-- tag, author or source name three, and the facets nothing.
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0, 0.0)');
-- FTS5 holds up to this many bytes of new index in memory before it writes a
-- segment (1 MiB by default, some hundred stories): a bulk load writes fewer,
-- larger segments and merges them less often.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO search_fts (search_fts) VALUES ('rebuild');
