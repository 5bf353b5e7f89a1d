package store

import (
	"context"
	"database/sql"
	"io/fs"

	"github.com/herald-news/herald/internal/news"
)

// dialect is everything that differs between the engines. Each engine's file
// implements it; no other code asks which engine it runs on.
type dialect interface {
	name() string
	open(ctx context.Context, dsn string, o openOptions) (*sql.DB, error)
	// tables lists the tables of the current schema.
	tables(ctx context.Context, db *sql.DB) ([]string, error)
	rebind(query string) string
	// cachesStatements reports whether Store should keep prepared
	// statements itself (see db); false where the driver already does.
	cachesStatements() bool
	isUnique(err error) bool
	migrations() fs.FS
	// notify announces payload on channel when tx commits; a no-op where the
	// engine cannot.
	notify(ctx context.Context, tx *sql.Tx, channel, payload string) error
	// listen calls fn with each payload announced on channel until ctx ends.
	listen(ctx context.Context, dsn, channel string, fn func(payload string)) error
	// tryLock takes the advisory lock key on conn without waiting and
	// reports whether it got it; unlock releases it. Engines with one writer
	// always get it.
	tryLock(ctx context.Context, conn *sql.Conn, key int64) (bool, error)
	unlock(ctx context.Context, conn *sql.Conn, key int64) error
	// lock serialises migrations between processes sharing the database.
	lockMigrations(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
	// searchMatch renders a parsed search in the engine's full-text query
	// language, to be bound as a parameter; "" when it finds nothing.
	searchMatch(q news.SearchQuery) string
	// searchSQL is the engine's SQL for a search (see search.go).
	searchSQL() searchSQL
	// searchSettings are statements to run, in a read-only transaction of
	// its own, before a search's query; none when the engine needs none.
	searchSettings() []string
}
