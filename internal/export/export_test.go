package export_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/export"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

// The fixed clock and address every export is made with, so that two runs
// over the same content give the same bytes.
const baseURL = "http://herald.test"

var now = time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)

const notFound = "/_missing/"

func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// The demo newsroom is loaded once per test binary into a closed SQLite file;
// each test opens a copy of its own.
var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

func demoFile() (string, error) {
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "herald-export-test-"); demoErr != nil {
			return
		}
		ctx := context.Background()
		st, err := store.Open(ctx, filepath.Join(demoDir, "demo.db"))
		if err != nil {
			demoErr = err
			return
		}
		if _, err = st.Migrate(ctx); err == nil {
			err = demo.Load(ctx, st, now)
		}
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		demoErr = err
	})
	return filepath.Join(demoDir, "demo.db"), demoErr
}

// demoStore returns a SQLite store of its own holding the demo newsroom.
func demoStore(tb testing.TB) *store.Store {
	tb.Helper()
	src, err := demoFile()
	if err != nil {
		tb.Fatalf("building the demo database: %v", err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "herald.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return st
}

// run exports the site over st into dir, as `herald export` does.
func run(tb testing.TB, st *store.Store, dir string) export.Result {
	tb.Helper()
	res, err := runErr(st, dir)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func runErr(st *store.Store, dir string) (export.Result, error) {
	ctx := context.Background()
	site, err := web.New(ctx, web.Options{
		Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: baseURL,
		Now: func() time.Time { return now }, CacheBytes: -1, Static: true, CardMemoBytes: 64 << 20,
	})
	if err != nil {
		return export.Result{}, err
	}
	urls, err := site.PublicURLs(ctx)
	if err != nil {
		return export.Result{}, err
	}
	return export.Run(ctx, export.Options{Handler: site.Handler(), URLs: urls, NotFound: notFound, Dir: dir, BaseURL: baseURL})
}

// snapshot reads every file of an export, by its path relative to dir.
func snapshot(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// sitePath returns the path of a link that points into the site, or "" for a
// link that points elsewhere (another site, a fragment, mailto:).
func sitePath(link string) (string, bool) {
	if strings.HasPrefix(link, baseURL+"/") {
		link = strings.TrimPrefix(link, baseURL)
	}
	if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") {
		return "", false
	}
	u, err := url.Parse(link)
	if err != nil {
		return link, true // reported as unresolved
	}
	if u.Query().Has("page") {
		return link, true // a static server ignores the query: a broken pager
	}
	return u.Path, true // other queries (?reply=N) only fine-tune the page
}

// resolves reports whether a static server would find a file for p.
func resolves(files map[string][]byte, p string) bool {
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	_, ok := files[rel]
	return ok
}

// checkLinks walks every exported HTML file and checks that every link and
// embedded resource that points into the site resolves to an exported file,
// and that every sitemap's <loc> does.
func checkLinks(t *testing.T, files map[string][]byte) {
	t.Helper()
	checked := 0
	for rel, b := range files {
		switch {
		case strings.HasSuffix(rel, ".html"):
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode {
					continue
				}
				for _, a := range n.Attr {
					if !(a.Key == "href" || a.Key == "src" || (a.Key == "content" && n.Data == "meta" && strings.HasPrefix(a.Val, baseURL+"/"))) {
						continue
					}
					p, ok := sitePath(a.Val)
					if !ok {
						continue
					}
					checked++
					if !resolves(files, p) {
						t.Errorf("%s: <%s %s=%q> points at no exported file", rel, n.Data, a.Key, a.Val)
					}
				}
			}
		case strings.HasSuffix(rel, ".xml") && strings.Contains(string(b), "<urlset"):
			for _, m := range regexp.MustCompile(`<loc>([^<]+)</loc>`).FindAllStringSubmatch(string(b), -1) {
				p, ok := sitePath(html.UnescapeString(m[1]))
				checked++
				if !ok || !resolves(files, p) {
					t.Errorf("%s: <loc>%s</loc> points at no exported file", rel, m[1])
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d links; the export looks too small", checked)
	}
}

func TestExportDemo(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	// One approved comment, so that a thread is exported.
	newest, _, err := st.Articles(ctx, store.ArticleFilter{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := st.CommentSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	commented := false
	for _, a := range newest {
		c := &news.Comment{ArticleID: a.ID, Name: "Rosa", Email: "rosa@example.com", Body: "The clearest account of this I have read.", EmailHash: "rosa"}
		if st.AddComment(ctx, c, cs, false, a.PublishedAt.Add(time.Hour)) != nil {
			continue // comments closed on this one
		}
		if err := st.ModerateComment(ctx, c.ID, news.CommentApproved); err != nil {
			t.Fatal(err)
		}
		commented = true
		break
	}
	if !commented {
		t.Fatal("no story of the demo takes comments")
	}
	dir := filepath.Join(t.TempDir(), "site")
	first := run(t, st, dir)
	files := snapshot(t, dir)

	// What a static server needs is there, each as a file.
	for _, rel := range []string{
		"index.html", "404.html", "robots.txt", "sitemap.xml", "sitemaps/pages.xml", "sitemaps/stories-1.xml",
		"news-sitemap.xml", "feed.xml", "atom.xml", "feed.json", "corrections/index.html",
		"world/index.html", "world/feed.xml", "about/index.html", export.ManifestName,
	} {
		if _, ok := files[rel]; !ok {
			t.Errorf("no %s in the export", rel)
		}
	}
	if first.Written != first.Files || first.Unchanged != 0 || first.Removed != 0 || first.Vanished != 0 {
		t.Errorf("first run = %+v; want every file written", first)
	}
	if got := len(files) - 1; got != first.Files { // the manifest aside
		t.Errorf("the folder holds %d files; the run reported %d", got, first.Files)
	}
	// Nothing in a static copy asks for what only a running Herald
	// answers: no form (search or comment), no call for a comment token,
	// and the threads are still there to read, marked closed.
	var threads, closed int
	for rel, b := range files {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		for _, dead := range []string{"<form", `action="/search"`, "/search?q=", "/comments/form"} {
			if bytes.Contains(b, []byte(dead)) {
				t.Errorf("%s holds %q, which a static server cannot answer", rel, dead)
			}
		}
		if bytes.Contains(b, []byte(`class="comment-list"`)) {
			threads++
		}
		if bytes.Contains(b, []byte(`class="comments-closed"`)) {
			closed++
		}
	}
	if threads == 0 || closed == 0 {
		t.Errorf("%d story pages show a thread and %d say comments are closed; want some of each", threads, closed)
	}
	if !bytes.Contains(files["404.html"], []byte("Page not found")) {
		t.Errorf("404.html is not the not-found page:\n%.300s", files["404.html"])
	}
	var stories, assets, media, feeds int
	for rel := range files {
		switch {
		case strings.HasPrefix(rel, "static/"):
			assets++
		case strings.HasPrefix(rel, "media/"):
			media++
		case path.Base(rel) == "feed.xml":
			feeds++
		case strings.Count(rel, "/") == 2 && strings.HasSuffix(rel, "/index.html") &&
			!strings.HasPrefix(rel, "authors/") && !strings.HasPrefix(rel, "tags/") && !strings.HasPrefix(rel, "sources/"):
			stories++
		}
	}
	published, total, err := st.Articles(context.Background(), store.ArticleFilter{Limit: 1})
	if err != nil || len(published) == 0 {
		t.Fatal(err)
	}
	if stories != total || assets == 0 || media == 0 || feeds < 10 {
		t.Errorf("exported %d stories of %d, %d assets, %d media files, %d RSS feeds", stories, total, assets, media, feeds)
	}

	t.Run("links resolve", func(t *testing.T) { checkLinks(t, files) })

	t.Run("feeds parse", func(t *testing.T) {
		n := 0
		for rel, b := range files {
			switch path.Base(rel) {
			case "feed.xml", "atom.xml", "feed.json":
			default:
				continue
			}
			f, err := gofeed.NewParser().ParseString(string(b))
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				continue
			}
			if len(f.Items) == 0 && !strings.HasPrefix(rel, "comments/") { // a story may have no comments
				t.Errorf("%s has no items", rel)
			}
			n++
		}
		if n < 30 {
			t.Errorf("parsed %d feeds; want the site's and every section's, author's and tag's", n)
		}
	})

	t.Run("second run writes nothing", func(t *testing.T) {
		second := run(t, st, dir)
		if second.Written != 0 || second.Removed != 0 || second.Unchanged != first.Files || second.Files != first.Files {
			t.Errorf("second run = %+v; want all %d unchanged", second, first.Files)
		}
		if after := snapshot(t, dir); !sameFiles(files, after) {
			t.Error("the second run changed the folder")
		}
	})

	t.Run("withdrawing a story", func(t *testing.T) {
		victim := published[0] // the lead story: on the front page and in every feed it belongs to
		showed := map[string]bool{}
		for rel, b := range files {
			if rel != export.ManifestName && bytes.Contains(b, []byte(victim.Path())) {
				showed[rel] = true
			}
		}
		page := strings.TrimPrefix(victim.Path(), "/") + "index.html"
		comments := "comments" + victim.Path() + "feed.xml"
		if !showed["index.html"] || !showed["feed.xml"] || !showed[page] || !showed[comments] {
			t.Fatalf("the victim %s is not where a lead story should be", victim.Path())
		}
		if err := st.WithdrawArticle(context.Background(), victim.ID, "Withdrawn for the test."); err != nil {
			t.Fatal(err)
		}
		third := run(t, st, dir)
		after := snapshot(t, dir)
		for _, rel := range []string{page, comments} {
			if _, ok := after[rel]; ok {
				t.Errorf("%s is still in the export", rel)
			}
			delete(showed, rel)
		}
		if third.Removed != 2 || third.Files != first.Files-2 {
			t.Errorf("third run = %+v; want the story and its comment feed removed", third)
		}
		var changed []string
		for rel, b := range after {
			if rel != export.ManifestName && !bytes.Equal(files[rel], b) {
				changed = append(changed, rel)
			}
		}
		sort.Strings(changed)
		if third.Written != len(changed) {
			t.Errorf("the run reports %d written; %d files changed", third.Written, len(changed))
		}
		for _, rel := range changed {
			if !showed[rel] {
				t.Errorf("%s was rewritten, but it did not show the withdrawn story", rel)
			}
			delete(showed, rel)
		}
		for rel := range showed {
			t.Errorf("%s showed the withdrawn story and was not rewritten", rel)
		}
		for rel, b := range after {
			if bytes.Contains(b, []byte(victim.Path())) && rel != export.ManifestName {
				t.Errorf("%s still shows the withdrawn story", rel)
			}
		}
		manifest := string(after[export.ManifestName])
		if strings.Contains(manifest, page) || !strings.Contains(manifest, "\nindex.html\n") {
			t.Errorf("the manifest was not brought up to date:\n%.400s", manifest)
		}
	})
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// addStories publishes n more stories in the section of a demo story, by the
// same authors and with the same tags, so that its lists run to several pages.
func addStories(tb testing.TB, st *store.Store, n int) *news.Article {
	tb.Helper()
	ctx := context.Background()
	list, _, err := st.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil || len(list) == 0 {
		tb.Fatal("no demo story to copy", err)
	}
	model, err := st.ArticleByID(ctx, list[0].ID)
	if err != nil {
		tb.Fatal(err)
	}
	var batch []*news.Article
	for i := range n {
		a := *model
		a.ID, a.Corrections, a.Credits = 0, nil, nil
		a.Slug = fmt.Sprintf("more-news-%d", i+1)
		a.Headline = fmt.Sprintf("More news, part %d", i+1)
		a.PublishedAt = now.Add(-time.Duration(30*24+i) * time.Hour)
		a.CreatedAt, a.ModifiedAt, a.UpdatedAt = a.PublishedAt, a.PublishedAt, time.Time{}
		batch = append(batch, &a)
	}
	if err := st.CreateArticles(ctx, batch); err != nil {
		tb.Fatal(err)
	}
	return model
}

func TestExportPaginates(t *testing.T) {
	st := demoStore(t)
	model := addStories(t, st, 45)
	dir := t.TempDir()
	run(t, st, dir)
	files := snapshot(t, dir)

	sec := model.Section.Slug
	author := model.Authors[0].Slug
	for _, rel := range []string{
		sec + "/page/2/index.html", sec + "/page/3/index.html",
		"authors/" + author + "/page/2/index.html", "authors/" + author + "/page/3/index.html",
	} {
		if _, ok := files[rel]; !ok {
			t.Errorf("no %s in the export", rel)
		}
	}
	if _, ok := files[sec+"/page/4/index.html"]; ok {
		t.Errorf("%s/page/4/ was exported; the section has three pages", sec)
	}
	page2 := string(files[sec+"/page/2/index.html"])
	for _, want := range []string{
		`href="/` + sec + `/"`, `href="/` + sec + `/page/3/"`, // the pager, both ways
		`<link rel="canonical" href="` + baseURL + `/` + sec + `/page/2/">`,
	} {
		if !strings.Contains(page2, want) {
			t.Errorf("page 2 of %s has no %s", sec, want)
		}
	}
	for rel, b := range files {
		if strings.HasSuffix(rel, ".html") && bytes.Contains(b, []byte("?page=")) {
			t.Errorf("%s still links to ?page=", rel)
		}
	}
	checkLinks(t, files)
}

func TestExportRefusesForeignFolders(t *testing.T) {
	st := demoStore(t)
	foreign := t.TempDir()
	mine := filepath.Join(foreign, "notes.txt")
	if err := os.WriteFile(mine, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := runErr(st, foreign)
	if err == nil || !strings.Contains(err.Error(), "not empty") || strings.Contains(err.Error(), "\n") {
		t.Errorf("exporting into a folder of someone else's: err = %v; want a one-line refusal", err)
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "my notes" {
		t.Errorf("the foreign file was touched: %q, %v", b, err)
	}
	if names, _ := os.ReadDir(foreign); len(names) != 1 {
		t.Errorf("the foreign folder now holds %d entries", len(names))
	}
	if err := export.CheckDir(mine); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("exporting into a file: err = %v", err)
	}
	if err := export.CheckDir(filepath.Join(foreign, "new")); err != nil {
		t.Errorf("a folder that does not exist yet: %v", err)
	}
}

// TestExportKeepsOthersFiles: a file someone adds to an export folder is not
// the export's, so a later run leaves it alone; a file of the export that is
// changed by hand is put right.
func TestExportKeepsOthersFiles(t *testing.T) {
	st := demoStore(t)
	dir := t.TempDir()
	run(t, st, dir)
	extra := filepath.Join(dir, "world", "notes.txt")
	if err := os.WriteFile(extra, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	front := filepath.Join(dir, "index.html")
	if err := os.WriteFile(front, []byte("defaced"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, st, dir)
	if res.Written != 1 || res.Removed != 0 {
		t.Errorf("run = %+v; want the front page alone rewritten", res)
	}
	if b, err := os.ReadFile(extra); err != nil || string(b) != "keep me" {
		t.Errorf("someone else's file: %q, %v", b, err)
	}
	if b, _ := os.ReadFile(front); !bytes.Contains(b, []byte("<!DOCTYPE html>")) {
		t.Error("the defaced front page was not rewritten")
	}
}

func TestFilePath(t *testing.T) {
	for _, tc := range []struct{ target, want string }{
		{"/", "index.html"},
		{"/world/", "world/index.html"},
		{"/world/?page=2", "world/page/2/index.html"},
		{"/world/a-story/", "world/a-story/index.html"},
		{"/feed.xml", "feed.xml"},
		{"/authors/ada/feed.json", "authors/ada/feed.json"},
		{"/sitemaps/stories-1.xml", "sitemaps/stories-1.xml"},
		{"/media/authors/ada%20ortiz.png", "media/authors/ada ortiz.png"},
		{"/static/site.0123456789.css", "static/site.0123456789.css"},
	} {
		got, err := export.FilePath(tc.target)
		if err != nil || got != tc.want {
			t.Errorf("FilePath(%q) = %q, %v; want %q", tc.target, got, err, tc.want)
		}
	}
	for _, bad := range []string{
		"", "world/", "http://x.test/", "/world/?q=1", "/world?page=2", "/world/?page=x", "/../etc/passwd",
		"/a/../../b", "/" + export.ManifestName, "/world/?page=2&q=1", "/x#frag",
	} {
		if got, err := export.FilePath(bad); err == nil {
			t.Errorf("FilePath(%q) = %q; want an error", bad, got)
		}
	}
}

func TestManifestOutsideFolderRefused(t *testing.T) {
	st := demoStore(t)
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "precious")
	if err := os.WriteFile(victim, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, victim)
	if err := os.WriteFile(filepath.Join(dir, export.ManifestName), []byte(filepath.ToSlash(rel)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := runErr(st, dir); err == nil {
		t.Error("a manifest naming a file outside the folder was followed")
	}
	if _, err := os.Stat(victim); errors.Is(err, fs.ErrNotExist) {
		t.Error("a file outside the folder was removed")
	}
}

// BenchmarkExport measures the export of the demo site into a new folder
// (every file written) and into an up-to-date one (every file compared).
func BenchmarkExport(b *testing.B) {
	st := demoStore(b)
	for _, bc := range []struct {
		name  string
		fresh bool
	}{{"fresh", true}, {"unchanged", false}} {
		b.Run(bc.name, func(b *testing.B) {
			root := b.TempDir()
			dir := filepath.Join(root, "site")
			run(b, st, dir)
			files, i := 0, 0
			b.ResetTimer()
			for b.Loop() {
				if bc.fresh {
					i++
					dir = filepath.Join(root, fmt.Sprint(i))
				}
				files += run(b, st, dir).Files
			}
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkExportDB exports the site in the database named by
// HERALD_BENCH_DB (a generated newsroom, say) into a new folder on each
// iteration; it is skipped without one. bench/export.sh measures the same
// through the command.
func BenchmarkExportDB(b *testing.B) {
	src := os.Getenv("HERALD_BENCH_DB")
	if src == "" {
		b.Skip("HERALD_BENCH_DB is not set")
	}
	ctx := context.Background()
	// As herald export opens it and runs the collector.
	st, err := store.Open(ctx, src, store.MapReads(1<<40), store.CountListsOnce())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	files := 0
	for b.Loop() {
		files += run(b, st, b.TempDir()).Files
	}
	b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "pages/s")
}
