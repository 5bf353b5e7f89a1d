package store

import "database/sql"

// RawDB exposes the database handle to the store's own tests, which act on it
// as another program would.
func RawDB(s *Store) (*sql.DB, error) { return s.db, nil }
