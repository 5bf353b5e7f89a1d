package e2e

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestServeBusyPort starts a second herald on the port the shared one holds.
func TestServeBusyPort(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "second.db")
	r := herald(t, nil, "serve", "--db", db, "--addr", serveAddr)
	if r.code == 0 {
		t.Fatalf("second herald serve on busy %s exited 0; stderr:\n%s", serveAddr, r.stderr)
	}
	msg := strings.TrimSuffix(r.stderr, "\n")
	if msg == "" || strings.Contains(msg, "\n") {
		t.Errorf("stderr = %q, want one line", r.stderr)
	}
	if !strings.Contains(msg, serveAddr) {
		t.Errorf("stderr = %q, want it to name the address %s", msg, serveAddr)
	}
}

// TestServeRefusesNonDatabase gives herald a text file as its database.
func TestServeRefusesNonDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "notes.db")
	want := []byte("not a database\n")
	if err := os.WriteFile(db, want, 0o644); err != nil {
		t.Fatal(err)
	}
	r := herald(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if r.code == 0 {
		t.Fatalf("herald serve on a text file exited 0; stderr:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "not a") {
		t.Errorf("stderr = %q, want a message that names %s and says it is not a database", r.stderr, db)
	}
	assertUntouched(t, dir, db, want)
}

// TestServeRefusesForeignSQLite gives herald another program's SQLite file.
func TestServeRefusesForeignSQLite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "other.db")
	execSQL(t, db, `CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)`, `INSERT INTO foo (name) VALUES ('bar')`)
	want, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	r := herald(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if r.code == 0 {
		t.Fatalf("herald serve on another program's database exited 0; stderr:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "foo") {
		t.Errorf("stderr = %q, want a message that names %s and its table foo", r.stderr, db)
	}
	assertUntouched(t, dir, db, want)
}

// assertUntouched checks that the file at path still holds want and that no
// journal files appeared beside it in dir.
func assertUntouched(t *testing.T, dir, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed: %d bytes before, %d after", path, len(want), len(got))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("herald left %s beside the file it refused", e.Name())
		}
	}
}

// execSQL runs statements on the SQLite file at path and closes it.
func execSQL(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestHelp checks that the help a user reaches first names every flag they
// need to start a site.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"serve", "--help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := herald(t, nil, args...)
			if r.code != 0 {
				t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			var missing []string
			for _, flag := range []string{"--addr", "--db", "--base-url", "--demo"} {
				if !strings.Contains(r.stdout, flag) {
					missing = append(missing, flag)
				}
			}
			if len(missing) > 0 {
				t.Errorf("help does not mention %s:\n%s", strings.Join(missing, ", "), r.stdout)
			}
			if n := strings.Count(r.stdout, "Usage:"); n != 1 {
				t.Errorf("help shows its usage %d times, want once", n)
			}
		})
	}
}

// TestServeReadsHERALDADDR starts herald with its address only in the
// environment.
func TestServeReadsHERALDADDR(t *testing.T) {
	t.Parallel()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	db := filepath.Join(t.TempDir(), "env.db")
	p := serveT(t, heraldEnv([]string{"HERALD_ADDR=" + addr}), "serve", "--db", db)
	if err := p.waitHealthy("http://"+addr, 30*time.Second); err != nil {
		t.Fatalf("%v\nherald's output:\n%s", err, p.output())
	}
	if err := p.stop(20 * time.Second); err != nil {
		t.Fatalf("%v\nherald's output:\n%s", err, p.output())
	}
}

// TestMigrate migrates a fresh file twice; the second run changes nothing.
func TestMigrate(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "fresh.db")
	r := herald(t, nil, "migrate", "--db", db)
	if r.code != 0 {
		t.Fatalf("first migrate: exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	first := appliedMigrations(t, db)
	if len(first) == 0 {
		t.Fatal("after migrate, schema_migrations is empty")
	}
	r = herald(t, nil, "migrate", "--db", db)
	if r.code != 0 {
		t.Fatalf("second migrate: exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	if again := appliedMigrations(t, db); !slices.Equal(first, again) {
		t.Errorf("second migrate changed schema_migrations: %v, then %v", first, again)
	}
}

// appliedMigrations lists the versions in schema_migrations.
func appliedMigrations(t *testing.T, path string) []int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestServeRefusesNewerSchema serves a database that a newer Herald migrated.
func TestServeRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "newer.db")
	if r := herald(t, nil, "migrate", "--db", db); r.code != 0 {
		t.Fatalf("migrate: exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	execSQL(t, db, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2099-01-01T00:00:00Z')`)
	r := herald(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if r.code == 0 {
		t.Fatalf("herald serve on a newer schema exited 0; stderr:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "schema version") || !strings.Contains(r.stderr, "9999") {
		t.Errorf("stderr = %q, want it to name the schema version 9999", r.stderr)
	}
}
