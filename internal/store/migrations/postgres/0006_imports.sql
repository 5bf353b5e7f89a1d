-- Imports from WordPress and Markdown folders: see the SQLite migration of
-- the same number for what each column means.
CREATE TABLE import_items (
	source      TEXT NOT NULL,
	kind        TEXT NOT NULL,
	source_id   TEXT NOT NULL,
	local_id    BIGINT NOT NULL,
	hash        TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 0,
	imported_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (source, kind, source_id)
);
CREATE INDEX import_items_local ON import_items (kind, local_id);

-- An import points the redirects that led to an old address straight at the
-- new one (as a move in the back office does): that lookup by target must not
-- read the whole table for each of a large site's old addresses.
CREATE INDEX redirects_to ON redirects (to_path);
