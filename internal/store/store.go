package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Store is Herald's database. It is safe for concurrent use.
type Store struct {
	db      *db
	dialect dialect
	dsn     string

	migrationsFS fs.FS // the engine's embedded migrations unless a test sets others

	pendingMu sync.Mutex
	pending   map[*sql.Tx][]Change        // changes recorded in transactions not yet committed
	deferred  map[*sql.Tx]map[string]bool // keys to record when the transaction commits
	onChange  func(Change)

	countsMu sync.Mutex
	counts   map[string]int // lists counted already, with CountListsOnce
}

// Open connects to the database named by dsn: a postgres:// or postgresql:// URL
// selects PostgreSQL, anything else is a SQLite file path. Open checks that the
// database is empty or Herald's own and refuses anything else without writing to
// it. It does not migrate; call Migrate.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	var d dialect
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		d = postgresDialect{}
	} else {
		d = sqliteDialect{}
	}
	db, err := d.open(ctx, dsn, o)
	if err != nil {
		return nil, err
	}
	st := &Store{db: newDB(db, d.cachesStatements()), dialect: d, dsn: dsn, pending: map[*sql.Tx][]Change{}, deferred: map[*sql.Tx]map[string]bool{}}
	if o.countsOnce {
		st.counts = map[string]int{}
	}
	return st, nil
}

// Option adjusts how Open connects.
type Option func(*openOptions)

type openOptions struct {
	mapBytes   int64
	countsOnce bool
}

// CountListsOnce has the store count each list (a section's stories, a
// tag's, an author's, a source's) the first time a page of it is read, and
// answer later pages' counts from memory. A static export renders every page
// of every list, and counting the whole list again for each page made its
// cost grow with the square of the list. Use it only in a process that reads
// an archive nothing changes while it runs: the counts are never read again.
func CountListsOnce() Option {
	return func(o *openOptions) { o.countsOnce = true }
}

// MapReads has SQLite read the database file through a memory map of up to n
// bytes (PRAGMA mmap_size) instead of a read call and a copy for each page
// its page cache misses. A long read of the whole archive, such as a static
// export, spends a sixth less CPU so. The mapped pages count in the
// process's resident size, though they are the kernel's file cache, so serve
// does not use it: its memory is measured and bounded. PostgreSQL ignores it.
func MapReads(n int64) Option {
	return func(o *openOptions) { o.mapBytes = n }
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Engine names the database engine: "sqlite" or "postgres".
func (s *Store) Engine() string { return s.dialect.name() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// q rewrites a query written with ? placeholders for the engine.
func (s *Store) q(query string) string { return s.dialect.rebind(query) }

// tx runs fn in one transaction and commits it, or rolls back when fn fails.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		tx.Rollback()
		s.takePending(tx) // dropped unless the commit below took them
		s.takeDeferred(tx)
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if keys := s.takeDeferred(tx); len(keys) > 0 {
		if err := s.recordChange(ctx, tx, keys...); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if changes := s.takePending(tx); s.onChange != nil {
		for _, c := range changes {
			s.onChange(c)
		}
	}
	return nil
}

// deferKeys adds keys to the change tx records when it commits: for writes
// deep inside a transaction (the related-article scorer) that find out one
// story at a time what they changed.
func (s *Store) deferKeys(tx *sql.Tx, keys ...string) {
	s.pendingMu.Lock()
	defer s.pendingMu.Unlock()
	set := s.deferred[tx]
	if set == nil {
		set = map[string]bool{}
		s.deferred[tx] = set
	}
	for _, k := range keys {
		set[k] = true
	}
}

// takeDeferred removes and returns the keys deferred in tx.
func (s *Store) takeDeferred(tx *sql.Tx) []string {
	s.pendingMu.Lock()
	defer s.pendingMu.Unlock()
	set := s.deferred[tx]
	delete(s.deferred, tx)
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	return keys
}

// wrap maps driver errors onto the news sentinels and adds a prefix.
func (s *Store) wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	prefix := "store: " + fmt.Sprintf(format, args...)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s: %w", prefix, news.ErrNotFound)
	case s.dialect.isUnique(err):
		return fmt.Errorf("%s: %w", prefix, news.ErrConflict)
	}
	return fmt.Errorf("%s: %w", prefix, err)
}

// timeLayout is how times are written: fixed width and UTC, so that on SQLite,
// where they are text, they sort as they compare. PostgreSQL parses the same form.
const timeLayout = "2006-01-02 15:04:05.000000+00:00"

// dbTime writes a time in timeLayout.
type dbTime time.Time

// Value implements driver.Valuer.
func (t dbTime) Value() (driver.Value, error) {
	return time.Time(t).UTC().Format(timeLayout), nil
}

// nullTime writes NULL for the zero time.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dbTime(t)
}

// timeScan reads a time column from either engine into *T; NULL gives the zero time.
type timeScan struct{ T *time.Time }

// Scan implements sql.Scanner.
func (ts timeScan) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*ts.T = time.Time{}
	case time.Time:
		*ts.T = v.UTC()
	case string:
		return ts.parse(v)
	case []byte:
		return ts.parse(string(v))
	default:
		return fmt.Errorf("store: cannot read a time from %T", src)
	}
	return nil
}

func (ts timeScan) parse(v string) error {
	for _, layout := range []string{timeLayout, time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			*ts.T = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("store: cannot read time %q", v)
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// int64Args converts ids to query arguments.
func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}
