-- facets names a story's section, authors and tags as words ("s3 a12 t40"),
-- for SQLite's full-text index to filter searches by (see the SQLite
-- migration). PostgreSQL filters by the columns and link tables through its
-- own indexes and never reads it; it is kept here so that both engines hold
-- the same search_docs and the store writes it with one statement.
ALTER TABLE search_docs ADD COLUMN facets TEXT NOT NULL DEFAULT '';
UPDATE search_docs SET facets = 's' || section_id
	|| coalesce((SELECT ' ' || string_agg('a' || author_id, ' ') FROM article_authors x WHERE x.article_id = search_docs.article_id), '')
	|| coalesce((SELECT ' ' || string_agg('t' || tag_id, ' ') FROM article_tags x WHERE x.article_id = search_docs.article_id), '');
