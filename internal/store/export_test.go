package store

import (
	"database/sql"
	"io/fs"
)

// SetMigrations replaces the embedded migrations, for tests of Migrate itself.
func SetMigrations(s *Store, fsys fs.FS) { s.migrationsFS = fsys }

// RawDB exposes the database handle to the store's own tests, which act on it
// as another program would.
func RawDB(s *Store) (*sql.DB, error) { return s.db.DB, nil }

// EngineMigrations is the engine's embedded migrations, for tests that
// migrate part of the way.
func EngineMigrations(s *Store) fs.FS { return s.dialect.migrations() }

// SetRelatedHeld sets how much RebuildRelated holds before it forgets, and
// returns a func that sets it back.
func SetRelatedHeld(n int) func() {
	old := relatedHeld
	relatedHeld = n
	return func() { relatedHeld = old }
}
