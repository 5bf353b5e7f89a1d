package web_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The fixed clock and address every fixture is built with, so pages, feeds
// and sitemaps come out the same on every run.
const baseURL = "http://herald.test"

var now = time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	code := pgtest.Main(m, nil)
	if err := fixtures.close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// fixtures are built at most once per test binary: a closed SQLite file
// holding the demo newsroom, which each store of its own starts as a copy of,
// and one shared read-only site for the tests that change nothing.
var fixtures fixtureSet

type fixtureSet struct {
	fileOnce sync.Once
	dir      string
	file     string
	fileErr  error

	siteOnce sync.Once
	site     *site
	siteErr  error
}

// close closes the shared store and removes the files.
func (f *fixtureSet) close() error {
	var err error
	if f.site != nil {
		err = f.site.store.Close()
	}
	if f.dir != "" {
		if rmErr := os.RemoveAll(f.dir); err == nil {
			err = rmErr
		}
	}
	return err
}

// site is a store loaded with the demo newsroom and the public site over it.
type site struct {
	store *store.Store
	srv   *web.Server
	h     http.Handler
}

// demoFile returns the path of a closed SQLite database holding the demo
// newsroom loaded at now. Callers copy it; they never open it.
func demoFile(tb testing.TB) string {
	tb.Helper()
	fixtures.fileOnce.Do(func() {
		fixtures.dir, fixtures.fileErr = os.MkdirTemp("", "herald-web-test-")
		if fixtures.fileErr != nil {
			return
		}
		path := filepath.Join(fixtures.dir, "demo.db")
		ctx := context.Background()
		st, err := store.Open(ctx, path)
		if err != nil {
			fixtures.fileErr = err
			return
		}
		if _, err = st.Migrate(ctx); err == nil {
			err = demo.Load(ctx, st, now)
		}
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		fixtures.file, fixtures.fileErr = path, err
	})
	if fixtures.fileErr != nil {
		tb.Fatalf("building the demo database: %v", fixtures.fileErr)
	}
	return fixtures.file
}

// copyFile copies src, with any WAL file beside it, to dst.
func copyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + suffix)
		if suffix != "" && os.IsNotExist(err) {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// newDemoSite returns a site of the test's own on a fresh copy of the demo
// database, for tests that change content.
func newDemoSite(tb testing.TB, edit ...func(*web.Options)) *site {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "herald.db")
	copyFile(tb, demoFile(tb), path)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return newSite(tb, st, edit...)
}

// options are the server options every fixture uses: the fixed clock and
// address, and a silent log.
func options(st *store.Store) web.Options {
	return web.Options{
		Store:   st,
		Logger:  slog.New(slog.DiscardHandler),
		BaseURL: baseURL,
		Now:     func() time.Time { return now },
	}
}

// newSite builds the public site over st; edit, when given, adjusts the
// options first.
func newSite(tb testing.TB, st *store.Store, edit ...func(*web.Options)) *site {
	tb.Helper()
	o := options(st)
	for _, e := range edit {
		e(&o)
	}
	srv, err := web.New(context.Background(), o)
	if err != nil {
		tb.Fatal(err)
	}
	return &site{store: st, srv: srv, h: srv.Handler()}
}

// sharedSite returns the site every read-only test uses. Tests must not
// change its content: they take newDemoSite instead.
func sharedSite(tb testing.TB) *site {
	tb.Helper()
	file := demoFile(tb)
	fixtures.siteOnce.Do(func() {
		path := filepath.Join(fixtures.dir, "shared.db")
		copyFile(tb, file, path)
		st, err := store.Open(context.Background(), path)
		if err != nil {
			fixtures.siteErr = err
			return
		}
		srv, err := web.New(context.Background(), options(st))
		if err != nil {
			st.Close()
			fixtures.siteErr = err
			return
		}
		fixtures.site = &site{store: st, srv: srv, h: srv.Handler()}
	})
	if fixtures.siteErr != nil {
		tb.Fatalf("building the shared site: %v", fixtures.siteErr)
	}
	return fixtures.site
}

// request sends one request through h and returns the recorded answer.
func request(h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// get fetches target and fails the test unless it answers want.
func get(tb testing.TB, h http.Handler, target string, want int) *httptest.ResponseRecorder {
	tb.Helper()
	w := request(h, http.MethodGet, target, nil)
	if w.Code != want {
		tb.Fatalf("GET %s = %d, want %d\n%s", target, w.Code, want, excerpt(w.Body.Bytes()))
	}
	return w
}

// body fetches target, fails unless it answers 200, and returns the body.
func body(tb testing.TB, h http.Handler, target string) []byte {
	tb.Helper()
	return get(tb, h, target, http.StatusOK).Body.Bytes()
}

// sitePath turns an absolute URL on the base URL into a request target, and
// fails the test for any other host.
func sitePath(tb testing.TB, u string) string {
	tb.Helper()
	p, ok := strings.CutPrefix(u, baseURL)
	if !ok || (p != "" && !strings.HasPrefix(p, "/")) {
		tb.Fatalf("URL %q is not on %s", u, baseURL)
	}
	if p == "" {
		p = "/"
	}
	return p
}

// excerpt shortens a body for a failure message.
func excerpt(b []byte) string {
	const max = 2000
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// golden compares got with testdata/name.golden, or rewrites the file under
// -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./internal/web -run Golden -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		tb.Errorf("%s differs from the golden file; run go test ./internal/web -run Golden -update if the change is meant:\n%s",
			path, firstDiff(want, got))
	}
}

// firstDiff shows where two documents part, line by line, with a little
// context: enough to see the problem without printing whole pages.
func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	if i == len(wl) && i == len(gl) {
		return "(no difference)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d):\n", i+1, len(wl), len(gl))
	for j := max(0, i-2); j < i; j++ {
		fmt.Fprintf(&b, "   %4d  %s\n", j+1, clip(wl[j]))
	}
	for j := i; j < min(i+5, len(wl)); j++ {
		fmt.Fprintf(&b, " - %4d  %s\n", j+1, clip(wl[j]))
	}
	for j := i; j < min(i+5, len(gl)); j++ {
		fmt.Fprintf(&b, " + %4d  %s\n", j+1, clip(gl[j]))
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// schemaDir is where the shared XML schemas live, beside the repository.
const schemaDir = "../../../shared/testdata/schemas"

// needTool stops a test that cannot run here: CI must have every tool, so
// there it fails; on a developer's machine it skips.
func needTool(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg + " (required when CI=true)")
	}
	tb.Skip(msg)
}

// xmllint finds xmllint and the schema directory, or stops the test.
func xmllint(tb testing.TB) (bin, dir string) {
	tb.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		needTool(tb, "xmllint not found: apt-get install libxml2-utils")
	}
	dir, err = filepath.Abs(schemaDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range []string{"sitemap.xsd", "siteindex.xsd", "sitemap-news.xsd"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			needTool(tb, "XML schema not found: "+err.Error())
		}
	}
	return bin, dir
}

// validate runs xmllint --schema over doc and fails the test with its report.
func validate(tb testing.TB, schema string, doc []byte) {
	tb.Helper()
	bin, _ := xmllint(tb)
	f := filepath.Join(tb.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", schema, f).CombinedOutput()
	if err != nil {
		tb.Errorf("xmllint --schema %s: %v\n%s", filepath.Base(schema), err, out)
	}
}

// storeAll selects every published story, newest first.
func storeAll() store.ArticleFilter {
	return store.ArticleFilter{Limit: 50_000, NoTotal: true}
}
