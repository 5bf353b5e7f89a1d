package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/herald-news/herald/internal/news"
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// sqliteDialect runs Herald on a SQLite file through the pure-Go driver, with
// WAL, foreign keys, a busy timeout and immediate write transactions (so two
// writers queue instead of failing on a lock upgrade).
type sqliteDialect struct{}

func (sqliteDialect) name() string { return "sqlite" }

func (sqliteDialect) cachesStatements() bool { return true }

func (sqliteDialect) open(ctx context.Context, path string, o openOptions) (*sql.DB, error) {
	if err := inspectSQLiteFile(ctx, path); err != nil {
		return nil, err
	}
	v := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		v.Add("_pragma", p)
	}
	if o.mapBytes > 0 {
		v.Add("_pragma", fmt.Sprintf("mmap_size(%d)", o.mapBytes))
	}
	v.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+v.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return db, nil
}

// escapePath keeps a file name with ? or # in it from being read as URI parts.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// inspectSQLiteFile refuses, without writing to it, a file that is not a SQLite
// database or is a SQLite database of some other program. A missing or empty
// file is fine: it becomes a new Herald database.
func inspectSQLiteFile(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if st.IsDir() {
		return fmt.Errorf("store: %s is a directory, not a database file", path)
	}
	if st.Size() == 0 {
		return nil
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("store: %s is not a SQLite database, so not a Herald database; it was left untouched: %w", path, ErrNotHerald)
	}
	ro, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	defer ro.Close()
	tables, err := (sqliteDialect{}).tables(ctx, ro)
	if err != nil {
		return fmt.Errorf("store: read %s: %w", path, err)
	}
	return checkTables(path, tables)
}

func (sqliteDialect) tables(ctx context.Context, db *sql.DB) ([]string, error) {
	return queryStrings(ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
}

func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) isUnique(err error) bool {
	var e *sqlite.Error
	if errors.As(err, &e) {
		c := e.Code()
		return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

func (sqliteDialect) migrations() fs.FS {
	sub, _ := fs.Sub(sqliteMigrations, "migrations/sqlite")
	return sub
}

// lockMigrations needs nothing on SQLite: the migration's immediate transaction
// already excludes every other writer.
func (sqliteDialect) lockMigrations(context.Context, *sql.Conn) (func(), error) {
	return func() {}, nil
}

// notify does nothing: SQLite has no channel between processes. Other
// processes find changes by polling the changes table.
func (sqliteDialect) notify(context.Context, *sql.Tx, string, string) error { return nil }

// listen waits for ctx to end; see notify.
func (sqliteDialect) listen(ctx context.Context, _, _ string, _ func(string)) error {
	<-ctx.Done()
	return nil
}

// tryLock always gets the lock: SQLite has one writer at a time, so there
// is no other node to keep out.
func (sqliteDialect) tryLock(context.Context, *sql.Conn, int64) (bool, error) { return true, nil }

// unlock has nothing to release; see tryLock.
func (sqliteDialect) unlock(context.Context, *sql.Conn, int64) error { return nil }

// searchMatch writes an FTS5 query: each term a quoted string (a phrase when
// it has several words, "word"* for a prefix), all of them joined by AND,
// then NOT each exclusion. Quoting every word means FTS5 reads none of them
// as an operator or a column name.
//
// A term that could match the facets column (see migration 8), one made of
// words like s3 or t40, is kept to the columns of text. Only such a term is:
// a column filter makes FTS5 read the positions of every match, and the
// bm25 ranking counts each term's matches over the whole archive.
func (sqliteDialect) searchMatch(q news.SearchQuery) string {
	var must, not []string
	for _, t := range q.Terms {
		words := searchWords(t)
		if len(words) == 0 {
			continue
		}
		s := `"` + strings.ReplaceAll(strings.Join(words, " "), `"`, `""`) + `"`
		if t.Prefix {
			s += "*"
		}
		if facetLike(words) {
			s = "{headline standfirst body keywords} : " + s
		}
		if t.Exclude {
			not = append(not, s)
		} else {
			must = append(must, s)
		}
	}
	if len(must) == 0 {
		return ""
	}
	expr := strings.Join(must, " AND ")
	if len(must) > 1 && len(not) > 0 {
		expr = "(" + expr + ")"
	}
	for _, s := range not {
		expr += " NOT " + s
	}
	return expr
}

// searchSettings are none: SQLite's plan for a MATCH is always the index.
func (sqliteDialect) searchSettings() []string { return nil }

// searchSQL searches the FTS5 table, which hands matches over newest (highest
// seq) first without sorting, scored by its configured bm25 (see migrations 2
// and 8; FTS5's rank is lower for a better match). Filters by section, author
// and tag are facet words in the query, and dates a range of rowids, so that
// FTS5 skips the stories that fail them. It reads the story's id, time and
// section from the small covering index search_docs_facts rather than the
// rows, which hold whole bodies.
//
// The store keeps FTS5 in step with search_docs (there are no triggers): it
// indexes rows after writing them, and takes them out, with the values they
// were indexed with, before deleting them. The index is contentless (see
// migration 11): it keeps no text, and nothing reads text from it. Bulk
// indexing runs with a larger page cache on its connection (see
// withBulkCache).
func (sqliteDialect) searchSQL() searchSQL {
	return searchSQL{
		candidates: `SELECT d.article_id, d.published_at, %s FROM search_fts
			JOIN search_docs d INDEXED BY search_docs_facts ON d.seq = search_fts.rowid
			WHERE search_fts MATCH ? AND %s ORDER BY search_fts.rowid DESC LIMIT ?`,
		score: `-search_fts.rank`,
		seq:   `search_fts.rowid`,
		facet: ` AND facets : "%s"`,
		index: `INSERT INTO search_fts (rowid, headline, standfirst, body, keywords, facets)
			SELECT seq, headline, standfirst, body, keywords, facets FROM search_docs WHERE article_id IN (%s) ORDER BY seq`,
		unindex: `INSERT INTO search_fts (search_fts, rowid, headline, standfirst, body, keywords, facets)
			SELECT 'delete', seq, headline, standfirst, body, keywords, facets FROM search_docs WHERE article_id IN (%s)`,
		clear: `INSERT INTO search_fts (search_fts) VALUES ('delete-all')`,
		reindex: `INSERT INTO search_fts (rowid, headline, standfirst, body, keywords, facets)
			SELECT seq, headline, standfirst, body, keywords, facets FROM search_docs ORDER BY seq`,
		cacheSize:    `PRAGMA cache_size`,
		setCacheSize: `PRAGMA cache_size = %d`,
	}
}
