package pgtest

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"
)

var pkgDSN string

func TestMain(m *testing.M) { os.Exit(Main(m, &pkgDSN)) }

// requireAvailable skips or fails the test like DB does.
func requireAvailable(tb testing.TB) {
	tb.Helper()
	if err := Available(); err != nil {
		if skippable(err) {
			tb.Skip(err)
		}
		tb.Fatal(err)
	}
}

func selectOne(tb testing.TB, dsn string) {
	tb.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(context.Background(), "SELECT 1").Scan(&n); err != nil {
		tb.Fatalf("%s: %v", dsn, err)
	}
	if n != 1 {
		tb.Fatalf("%s: SELECT 1 = %d", dsn, n)
	}
}

func TestCluster(t *testing.T) {
	requireAvailable(t)
	ctx := context.Background()
	began := time.Now()
	c, err := NewCluster(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cluster started in %v on port %d", time.Since(began).Round(time.Millisecond), c.Port())
	defer func() {
		began := time.Now()
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
		t.Logf("cluster stopped in %v", time.Since(began).Round(time.Millisecond))
		for _, d := range []string{c.root, c.sockDir} {
			if _, err := os.Stat(d); !os.IsNotExist(err) {
				t.Errorf("%s still there after Stop: %v", d, err)
			}
		}
	}()

	for _, name := range []string{"one", "two"} {
		began := time.Now()
		dsn, err := c.CreateDatabase(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("created %s in %v", dsn, time.Since(began).Round(time.Millisecond))
		if !strings.HasPrefix(dsn, "postgres://postgres@127.0.0.1:") || !strings.Contains(dsn, "/"+name+"?") {
			t.Errorf("dsn = %q", dsn)
		}
		selectOne(t, dsn)
	}
	if err := c.DropDatabase(ctx, "one"); err != nil {
		t.Fatal(err)
	}
}

func TestDB(t *testing.T) {
	t.Parallel()
	a, b := DB(t), DB(t)
	if a == b {
		t.Fatalf("DB returned %q twice", a)
	}
	selectOne(t, a)
	selectOne(t, b)
}

func TestPackageDSN(t *testing.T) {
	t.Parallel()
	if pkgDSN == "" {
		t.Skip("PostgreSQL unavailable")
	}
	selectOne(t, pkgDSN)
}

func TestWithDatabase(t *testing.T) {
	for _, tt := range []struct{ dsn, want string }{
		{"postgres://u:p@db:5433/old?sslmode=disable", "postgres://u:p@db:5433/new?sslmode=disable"},
		{"postgresql://u@db", "postgresql://u@db/new"},
		{"host=db user=u dbname=old", "host=db user=u dbname=old dbname=new"},
	} {
		if got := withDatabase(tt.dsn, "new"); got != tt.want {
			t.Errorf("withDatabase(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
	}
}

func TestDatabaseName(t *testing.T) {
	a, b := databaseName("TestStore/Article ünïcode-123"), databaseName("TestStore/Article ünïcode-123")
	if a == b {
		t.Errorf("two calls gave %q", a)
	}
	if !strings.HasPrefix(a, "t_teststore_article_n_code_123_") || len(a) > 63 {
		t.Errorf("databaseName = %q", a)
	}
	if long := databaseName(strings.Repeat("x", 200)); len(long) > 63 {
		t.Errorf("len(%q) = %d", long, len(long))
	}
}
