package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrNotHerald means the database belongs to some other program.
var ErrNotHerald = errors.New("not a Herald database")

// ErrSchemaTooNew means the database was migrated by a newer Herald.
var ErrSchemaTooNew = errors.New("database schema is newer than this Herald")

// migration is one numbered SQL file.
type migration struct {
	version int
	name    string
	sql     string
}

// checkTables accepts an empty database or one that has Herald's migrations table.
func checkTables(what string, tables []string) error {
	if len(tables) == 0 || slices.Contains(tables, "schema_migrations") {
		return nil
	}
	return fmt.Errorf("store: %s holds tables of another program (%s); it was left untouched: %w",
		what, strings.Join(firstN(tables, 3), ", "), ErrNotHerald)
}

func firstN(s []string, n int) []string {
	sort.Strings(s)
	if len(s) > n {
		return append(s[:n:n], "…")
	}
	return s
}

func queryStrings(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *Store) loadMigrations() ([]migration, error) {
	fsys := s.migrationsFS
	if fsys == nil {
		fsys = s.dialect.migrations()
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s is not named NNNN_name.sql", name)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion reports the newest migration applied to the database and the
// newest this Herald knows.
func (s *Store) SchemaVersion(ctx context.Context) (current, latest int, err error) {
	ms, err := s.loadMigrations()
	if err != nil {
		return 0, 0, err
	}
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	tables, err := s.dialect.tables(ctx, s.db.DB)
	if err != nil {
		return 0, 0, s.wrap(err, "schema version")
	}
	if !slices.Contains(tables, "schema_migrations") {
		return 0, latest, nil
	}
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, 0, s.wrap(err, "schema version")
	}
	return int(v.Int64), latest, nil
}

// Migrate applies every migration the database lacks, in order, each in its own
// transaction, and returns how many it applied. It refuses a database migrated
// by a newer Herald.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	ms, err := s.loadMigrations()
	if err != nil {
		return 0, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, s.wrap(err, "migrate")
	}
	defer conn.Close()
	unlock, err := s.dialect.lockMigrations(ctx, conn)
	if err != nil {
		return 0, err
	}
	defer unlock()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return 0, s.wrap(err, "migrate")
	}
	applied, err := appliedVersions(ctx, conn)
	if err != nil {
		return 0, s.wrap(err, "migrate")
	}
	known := map[int]bool{}
	for _, m := range ms {
		known[m.version] = true
	}
	for v := range applied {
		if !known[v] && len(ms) > 0 && v > ms[len(ms)-1].version {
			return 0, fmt.Errorf("store: the database is at schema version %d but this Herald knows only up to %d; run a newer Herald: %w",
				v, ms[len(ms)-1].version, ErrSchemaTooNew)
		}
	}
	count := 0
	for _, m := range ms {
		// Each migration is applied unless it was, whatever the order: a
		// lower number that arrives after a higher one still runs.
		if applied[m.version] {
			continue
		}
		err := func() error {
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
				m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
				return err
			}
			return tx.Commit()
		}()
		if err != nil {
			return count, fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		count++
	}
	return count, nil
}

// appliedVersions reads which migrations the database has.
func appliedVersions(ctx context.Context, conn *sql.Conn) (map[int]bool, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}
