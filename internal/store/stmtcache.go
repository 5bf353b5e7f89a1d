package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statement cache. Herald's queries are a fixed
// set of texts, but those with IN lists vary with the list's length; past the
// bound a query is simply run unprepared.
const maxCachedStatements = 512

// db is the connection pool, with a cache of prepared statements in front of
// the reads and writes made outside transactions.
//
// Parsing and planning SQL costs more than running most of Herald's queries:
// on SQLite it was about a third of the CPU time of rendering a story page.
// Each statement is prepared once per connection (database/sql prepares a
// cached *sql.Stmt again on each pooled connection it meets) and kept until
// Close. Engines whose driver already caches statements (pgx does) leave the
// cache off; see dialect.cachesStatements.
type db struct {
	*sql.DB
	cache bool

	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newDB(pool *sql.DB, cache bool) *db {
	return &db{DB: pool, cache: cache, stmts: map[string]*sql.Stmt{}}
}

// stmt returns the prepared statement for query, preparing it on first use;
// nil when the cache is off or full, or the query does not prepare (the caller
// then runs it directly, which reports the same error).
func (d *db) stmt(ctx context.Context, query string) *sql.Stmt {
	if !d.cache {
		return nil
	}
	d.mu.RLock()
	st, ok := d.stmts[query]
	d.mu.RUnlock()
	if ok {
		return st
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if st, ok := d.stmts[query]; ok {
		return st
	}
	if len(d.stmts) >= maxCachedStatements {
		return nil
	}
	// Prepared without the caller's context: the statement outlives the
	// request that first needed it.
	st, err := d.DB.PrepareContext(context.WithoutCancel(ctx), query)
	if err != nil {
		return nil
	}
	d.stmts[query] = st
	return st
}

// QueryContext runs a query through its cached statement.
func (d *db) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := d.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a one-row query through its cached statement.
func (d *db) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := d.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.DB.QueryRowContext(ctx, query, args...)
}

// ExecContext runs a statement through its cached statement.
func (d *db) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := d.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return d.DB.ExecContext(ctx, query, args...)
}

// Close closes the cached statements and then the pool.
func (d *db) Close() error {
	d.mu.Lock()
	for q, st := range d.stmts {
		st.Close()
		delete(d.stmts, q)
	}
	d.mu.Unlock()
	return d.DB.Close()
}
