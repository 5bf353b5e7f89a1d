-- Imports from WordPress and Markdown folders. Each row says which Herald
-- row an imported thing became, keyed by where it came from, so that running
-- an import again updates what changed instead of duplicating anything.
--
-- source names the site or folder imported ("wordpress https://example.com",
-- "markdown /srv/site/content"); kind is what the thing is there (post,
-- page, comment, author, user, category, media, file); source_id is its id
-- there (a WordPress post ID, an author's login, a file's path). hash is a
-- digest of what the import last wrote, so an unchanged thing is skipped;
-- version is the story's version after the import wrote it, so a story
-- edited in Herald since is left alone.
CREATE TABLE import_items (
	source      TEXT NOT NULL,
	kind        TEXT NOT NULL,
	source_id   TEXT NOT NULL,
	local_id    INTEGER NOT NULL,
	hash        TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 0,
	imported_at TEXT NOT NULL,
	PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;
CREATE INDEX import_items_local ON import_items (kind, local_id);

-- An import points the redirects that led to an old address straight at the
-- new one (as a move in the back office does): that lookup by target must not
-- read the whole table for each of a large site's old addresses.
CREATE INDEX redirects_to ON redirects (to_path);
