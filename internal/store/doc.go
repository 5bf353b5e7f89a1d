// Package store is the only package that speaks SQL. One concrete *Store serves
// both engines: SQLite (the embedded default, through a pure-Go driver) and
// PostgreSQL (through pgx). Queries are written once with ? placeholders; the
// differences between the engines (placeholders, error codes, connection setup,
// migrations) live in dialect_sqlite.go and dialect_postgres.go and nowhere else.
//
// Every public method takes a context first, runs in at most one transaction, and
// returns errors wrapped around the news package's sentinels: a missing row is
// news.ErrNotFound and a unique violation is news.ErrConflict on either engine.
//
// store imports only news; the command line, web, admin, api and jobs packages
// import it.
package store
