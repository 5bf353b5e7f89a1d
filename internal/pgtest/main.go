package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test binary's one server, started by Main or by the first DB call.
var pkg struct {
	once    sync.Once
	main    bool     // Main is running
	cluster *Cluster // nil when using HERALD_TEST_POSTGRES
	srv     *server
	err     error
	dbs     []string // databases that Main made, dropped when it ends
}

// Main runs the package's tests for TestMain and returns their exit code:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, nil)) }
//
// With dsn nil, the package's cluster starts at the first call to [DB], so a
// run that needs no database (-run, -fuzz) pays nothing. With dsn not nil, the
// cluster starts at once and *dsn is set to a database made for the whole
// package; *dsn stays empty when PostgreSQL is unavailable outside CI, and the
// tests that use it must then skip. Main stops the cluster when the tests end,
// whether they pass or not.
func Main(m *testing.M, dsn *string) int {
	pkg.main = true
	code := run(m, dsn)
	if err := stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

func run(m *testing.M, dsn *string) int {
	if dsn != nil {
		srv, err := start()
		switch {
		case err == nil:
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			name := databaseName("pkg")
			d, err := srv.createDatabase(ctx, name)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			pkg.dbs = append(pkg.dbs, name)
			*dsn = d
		case skippable(err):
			fmt.Fprintf(os.Stderr, "pgtest: tests that need PostgreSQL will skip: %v\n", err)
		default:
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return m.Run()
}

// DB creates a database of its own for the test, drops it when the test ends,
// and returns its DSN (a postgres:// URL). The test skips when PostgreSQL is
// unavailable, or fails under CI=true. It needs [Main] in TestMain.
func DB(tb testing.TB) string {
	tb.Helper()
	if !pkg.main {
		tb.Fatal("pgtest: DB needs TestMain to call pgtest.Main")
	}
	srv, err := start()
	if err != nil {
		if skippable(err) {
			tb.Skip(err)
		}
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := databaseName(tb.Name())
	dsn, err := srv.createDatabase(ctx, name)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := srv.dropDatabase(ctx, name); err != nil {
			tb.Error(err)
		}
	})
	return dsn
}

// skippable reports whether tests may skip on err rather than fail: only when
// PostgreSQL is missing and this is not CI.
func skippable(err error) bool {
	return errors.Is(err, ErrUnavailable) && os.Getenv("CI") != "true"
}

// start returns the package's server, starting it on first use.
func start() (*server, error) {
	pkg.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if env := os.Getenv("HERALD_TEST_POSTGRES"); env != "" {
			pkg.srv, pkg.err = external(ctx, env)
			return
		}
		pkg.cluster, pkg.err = NewCluster(ctx, "")
		if pkg.err == nil {
			pkg.srv = pkg.cluster.srv
		}
	})
	return pkg.srv, pkg.err
}

// stop drops the databases Main made and stops the cluster, if any.
func stop() error {
	var errs []error
	if pkg.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		for _, name := range pkg.dbs {
			errs = append(errs, pkg.srv.dropDatabase(ctx, name))
		}
	}
	if pkg.cluster != nil {
		errs = append(errs, pkg.cluster.Stop())
	} else if pkg.srv != nil {
		errs = append(errs, pkg.srv.db.Close())
	}
	return errors.Join(errs...)
}

// external connects to the server named by HERALD_TEST_POSTGRES.
func external(ctx context.Context, dsn string) (*server, error) {
	srv := newServer(dsn, func(name string) string { return withDatabase(dsn, name) })
	if err := srv.db.PingContext(ctx); err != nil {
		_ = srv.db.Close()
		return nil, fmt.Errorf("pgtest: HERALD_TEST_POSTGRES: %w", err)
	}
	return srv, nil
}

// withDatabase returns dsn, a URL or a keyword/value string, naming database name.
func withDatabase(dsn, name string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.Path = "/" + name
		u.RawPath = ""
		return u.String()
	}
	return dsn + " dbname=" + name // a later keyword wins
}

// databaseName returns a new name that is unique across test binaries sharing
// a server, and tells which test made it.
func databaseName(prefix string) string {
	var b strings.Builder
	b.WriteString("t_")
	for _, r := range strings.ToLower(prefix) {
		if b.Len() >= 40 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	random := make([]byte, 6)
	_, _ = rand.Read(random) // never fails
	b.WriteString("_" + hex.EncodeToString(random))
	return b.String()
}
