// Package pgtest starts throwaway PostgreSQL 15 clusters for tests, from the
// machine's own binaries in /usr/lib/postgresql/15/bin (DESIGN.md §7 and §9).
//
// It is a test helper: import it only from _test.go files. A package whose tests
// need PostgreSQL calls [Main] from its TestMain and [DB] in each test, which gets
// a fresh database of its own that is dropped when the test ends:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, nil)) }
//
//	func TestSomething(t *testing.T) {
//		dsn := pgtest.DB(t) // postgres://postgres@127.0.0.1:PORT/NAME?sslmode=disable
//		...
//	}
//
// When the environment variable HERALD_TEST_POSTGRES holds the DSN of an existing
// server, databases are made there instead and no cluster is started. When neither
// is possible (no binaries, or no postgres OS user while running as root), tests
// that need PostgreSQL are skipped, except under CI=true, where they fail.
package pgtest
