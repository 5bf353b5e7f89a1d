package store

import (
	"context"
	"database/sql"
	"io/fs"
)

// dialect is everything that differs between the engines. Each engine's file
// implements it; no other code asks which engine it runs on.
type dialect interface {
	name() string
	open(ctx context.Context, dsn string) (*sql.DB, error)
	// tables lists the tables of the current schema.
	tables(ctx context.Context, db *sql.DB) ([]string, error)
	rebind(query string) string
	isUnique(err error) bool
	migrations() fs.FS
	// lock serialises migrations between processes sharing the database.
	lockMigrations(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
}
