package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

// snapshot fetches each path twice (so the second answer comes from the cache)
// and returns the ETags.
func snapshot(t *testing.T, h http.Handler, paths []string) map[string]string {
	t.Helper()
	tags := map[string]string{}
	for _, p := range paths {
		get(t, h, p, http.StatusOK)
		w := get(t, h, p, http.StatusOK)
		if w.Header().Get("X-Cache") != "hit" {
			t.Fatalf("GET %s twice: second answer not from the cache", p)
		}
		tags[p] = w.Header().Get("ETag")
	}
	return tags
}

// expectChanged fails unless each path is re-rendered with a new ETag.
func expectChanged(t *testing.T, h http.Handler, before map[string]string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		w := request(h, http.MethodGet, p, nil)
		if w.Header().Get("X-Cache") == "hit" || w.Header().Get("ETag") == before[p] {
			t.Errorf("%s still answers its old copy (X-Cache %s, ETag %s) after a change it shows",
				p, w.Header().Get("X-Cache"), w.Header().Get("ETag"))
		}
	}
}

// expectKept fails unless each path is still answered from the cache with its
// old ETag.
func expectKept(t *testing.T, h http.Handler, before map[string]string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		w := get(t, h, p, http.StatusOK)
		if w.Header().Get("X-Cache") != "hit" || w.Header().Get("ETag") != before[p] {
			t.Errorf("%s was dropped from the cache by a change it does not show", p)
		}
	}
}

// cacheScene is the demo site with one story whose section, author and tag
// pages are known, and pages that do not show that story.
type cacheScene struct {
	site    *site
	article *news.Article
	// paths showing the story, and paths that do not
	shows, others []string
}

func newCacheScene(t *testing.T) *cacheScene {
	t.Helper()
	s := newDemoSite(t)
	ctx := context.Background()
	a, err := s.store.Article(ctx, "culture", "review-the-salt-road")
	if err != nil {
		t.Fatal(err)
	}
	author := a.Authors[0]
	sc := &cacheScene{site: s, article: a}
	sc.shows = []string{a.Path(), "/culture/", "/authors/" + author.Slug + "/", "/culture/feed.xml", "/authors/" + author.Slug + "/feed.xml"}
	sc.others = []string{"/about/", "/usa-news/", "/business/feed.xml", "/robots.txt"}
	return sc
}

func TestCacheExactInvalidation(t *testing.T) {
	ctx := context.Background()
	t.Run("correction", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		all := append(append([]string{"/corrections/"}, sc.shows...), sc.others...)
		before := snapshot(t, h, all)
		err := sc.site.store.AddCorrection(ctx, sc.article.ID, &news.Correction{Kind: news.KindCorrection, Text: "A date was wrong.", CreatedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, sc.article.Path(), "/corrections/", "/culture/feed.xml")
		expectKept(t, h, before, sc.others...)
	})
	t.Run("publish", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		before := snapshot(t, h, append(append([]string{"/", "/feed.xml"}, sc.shows...), sc.others...))
		a := &news.Article{
			Slug: "a-new-story", Section: sc.article.Section, Headline: "A new story", BodyMarkdown: "Text.",
			BodyHTML: "<p>Text.</p>", WordCount: 1, Status: news.StatusPublished, PublishedAt: now,
			Authors: sc.article.Authors[:1], CommentsOpen: true,
		}
		if err := sc.site.store.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, "/", "/feed.xml", "/culture/", "/culture/feed.xml", "/authors/"+a.Authors[0].Slug+"/")
		expectKept(t, h, before, sc.others...)
	})
	t.Run("withdraw", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		before := snapshot(t, h, append(append([]string{}, sc.shows...), sc.others...))
		if err := sc.site.store.WithdrawArticle(ctx, sc.article.ID, "Withdrawn at the subject's request."); err != nil {
			t.Fatal(err)
		}
		get(t, h, sc.article.Path(), http.StatusGone)
		expectChanged(t, h, before, sc.shows[1:]...)
		expectKept(t, h, before, sc.others...)
	})
	t.Run("new static page changes navigation only", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		before := snapshot(t, h, []string{"/about/", "/usa-news/", "/feed.xml", "/robots.txt"})
		if err := sc.site.store.CreatePage(ctx, &news.Page{Slug: "jobs", Title: "Jobs", BodyHTML: "<p>Join us.</p>"}); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, "/about/", "/usa-news/")
		expectKept(t, h, before, "/feed.xml", "/robots.txt")
		// The navigation is kept with the site's settings, not read per
		// page: the new page must be in the footer of what renders now.
		if body := get(t, h, "/usa-news/", http.StatusOK).Body.String(); !strings.Contains(body, `href="/jobs/"`) {
			t.Error("after a new page, /usa-news/ does not link it")
		}
	})
	t.Run("settings change everything", func(t *testing.T) {
		sc := newCacheScene(t)
		h := sc.site.h
		before := snapshot(t, h, []string{"/about/", "/feed.xml"})
		st, err := sc.site.store.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st.Name = "The Harbor Ledger Weekly"
		if err := sc.site.store.SaveSettings(ctx, st); err != nil {
			t.Fatal(err)
		}
		expectChanged(t, h, before, "/about/", "/feed.xml")
		for _, p := range []string{"/about/", "/feed.xml"} {
			if !strings.Contains(string(body(t, h, p)), "The Harbor Ledger Weekly") {
				t.Errorf("%s does not show the new site name", p)
			}
		}
	})
}

// TestCacheSeesOtherProcesses changes the database through a second store on
// the same SQLite file, as the herald command does, and waits for the running
// site to notice.
func TestCacheSeesOtherProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	copyFile(t, demoFile(t), path)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := web.New(ctx, web.Options{Store: st, Logger: slog.New(slog.DiscardHandler), BaseURL: baseURL,
		Now: func() time.Time { return now }, PollInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Watch(ctx)
	h := srv.Handler()
	before := snapshot(t, h, []string{"/corrections/", "/about/"})

	other, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	list, _, err := other.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.AddCorrection(ctx, list[0].ID, &news.Correction{Kind: news.KindUpdate, Text: "Added a reaction.", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 2*time.Second, "the corrections page to show another process's correction", func() bool {
		w := request(h, http.MethodGet, "/corrections/", nil)
		return w.Header().Get("ETag") != before["/corrections/"]
	})
	expectKept(t, h, before, "/about/")
}

// TestCacheAcrossNodes runs two sites on one PostgreSQL database: a change
// committed through one node reaches the other's cache by NOTIFY, long before
// its next poll.
func TestCacheAcrossNodes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dsn := pgtest.DB(t)
	stA := openPG(t, dsn)
	if err := demo.Load(ctx, stA, now); err != nil {
		t.Fatal(err)
	}
	stB := openPG(t, dsn)
	nodes := make([]*web.Server, 2)
	for i, st := range []*store.Store{stA, stB} {
		srv, err := web.New(ctx, web.Options{Store: st, Logger: slog.New(slog.DiscardHandler), BaseURL: baseURL,
			Now: func() time.Time { return now }, PollInterval: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		go srv.Watch(ctx)
		nodes[i] = srv
	}
	hB := nodes[1].Handler()
	before := snapshot(t, hB, []string{"/corrections/", "/about/"})
	time.Sleep(200 * time.Millisecond) // let B's LISTEN connection start
	list, _, err := stA.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := stA.AddCorrection(ctx, list[0].ID, &news.Correction{Kind: news.KindUpdate, Text: "Added a reaction.", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, time.Second, "node B to drop its copy of the corrections page", func() bool {
		w := request(hB, http.MethodGet, "/corrections/", nil)
		return w.Header().Get("ETag") != before["/corrections/"]
	})
	expectKept(t, hB, before, "/about/")
}

func openPG(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// waitUntil polls cond until it holds or limit passes.
func waitUntil(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCacheEncodingsAndValidators(t *testing.T) {
	h := sharedSite(t).h
	plain := body(t, h, "/about/")
	for _, tt := range []struct {
		accept, want string
	}{
		{"br", "br"},
		{"gzip", "gzip"},
		{"gzip, deflate, br", "br"},
		{"br;q=0.5, gzip;q=0.9", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"identity", ""},
		{"br;q=banana, gzip", "gzip"},
		{strings.Repeat("x", 5000), ""},
		{";;;,,,q=", ""},
	} {
		w := request(h, http.MethodGet, "/about/", http.Header{"Accept-Encoding": {tt.accept}})
		if w.Code != http.StatusOK || w.Header().Get("Content-Encoding") != tt.want {
			t.Errorf("Accept-Encoding %.40q: %d, Content-Encoding %q; want 200, %q", tt.accept, w.Code, w.Header().Get("Content-Encoding"), tt.want)
			continue
		}
		var r io.Reader = w.Body
		switch tt.want {
		case "br":
			r = brotli.NewReader(w.Body)
		case "gzip":
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("Accept-Encoding %.40q: body does not decode to the page (%v)", tt.accept, err)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("no Vary: Accept-Encoding")
		}
	}

	w := request(h, http.MethodGet, "/about/", http.Header{"Accept-Encoding": {"br"}})
	etag, lastMod := w.Header().Get("ETag"), w.Header().Get("Last-Modified")
	for _, tt := range []struct {
		name   string
		header http.Header
		want   int
	}{
		{"same etag", http.Header{"If-None-Match": {etag}}, http.StatusNotModified},
		{"etag of another encoding", http.Header{"If-None-Match": {strings.Replace(etag, "-br", "-gzip", 1)}}, http.StatusNotModified},
		{"weak etag in a list", http.Header{"If-None-Match": {`"nope", W/` + etag}}, http.StatusNotModified},
		{"other etag", http.Header{"If-None-Match": {`"0000"`}}, http.StatusOK},
		{"huge if-none-match", http.Header{"If-None-Match": {strings.Repeat(`"a",`, 5000)}}, http.StatusOK},
		{"malformed if-none-match", http.Header{"If-None-Match": {`"unterminated`}}, http.StatusOK},
		{"if-modified-since now", http.Header{"If-Modified-Since": {lastMod}}, http.StatusNotModified},
		{"if-modified-since long ago", http.Header{"If-Modified-Since": {"Mon, 02 Jan 2006 15:04:05 GMT"}}, http.StatusOK},
		{"malformed if-modified-since", http.Header{"If-Modified-Since": {"yesterday-ish"}}, http.StatusOK},
		{"huge if-modified-since", http.Header{"If-Modified-Since": {strings.Repeat("Mon ", 1000)}}, http.StatusOK},
	} {
		if got := request(h, http.MethodGet, "/about/", tt.header); got.Code != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got.Code, tt.want)
		}
	}
	if sk := w.Header().Get("Surrogate-Key"); !strings.Contains(sk, news.KeyNav) || !strings.Contains(sk, "p:") {
		t.Errorf("Surrogate-Key %q does not name what the page shows", sk)
	}
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "stale-while-revalidate") {
		t.Errorf("Cache-Control %q lacks stale-while-revalidate", cc)
	}
}

// TestCacheUnderMemoryPressure keeps serving, within its bound, when the pages
// asked for outgrow it.
func TestCacheUnderMemoryPressure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	copyFile(t, demoFile(t), path)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const limit = 2 << 20
	srv, err := web.New(context.Background(), web.Options{Store: st, Logger: slog.New(slog.DiscardHandler), BaseURL: baseURL,
		Now: func() time.Time { return now }, CacheBytes: limit})
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	list, _, err := st.Articles(context.Background(), store.ArticleFilter{Limit: 100})
	var paths []string
	for _, a := range list {
		paths = append(paths, a.Path(), a.Path()+"?page=2", a.Path()+"?page=3")
	}
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		for _, p := range paths {
			get(t, h, p, http.StatusOK)
		}
	}
	stats := srv.CacheStats()
	if stats.Bytes > limit || stats.Evictions == 0 || stats.Entries == 0 {
		t.Fatalf("cache stats after overflowing it: %+v", stats)
	}
}

// TestCacheOff renders every request when the cache is turned off.
func TestCacheOff(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	copyFile(t, demoFile(t), path)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := web.New(context.Background(), web.Options{Store: st, Logger: slog.New(slog.DiscardHandler), BaseURL: baseURL,
		Now: func() time.Time { return now }, CacheBytes: -1})
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	get(t, h, "/", http.StatusOK)
	w := get(t, h, "/", http.StatusOK)
	if w.Header().Get("X-Cache") == "hit" || srv.CacheStats().Entries != 0 {
		t.Fatal("the cache kept a page while turned off")
	}
	if w.Header().Get("ETag") == "" {
		t.Fatal("no ETag without the cache")
	}
}

// TestCacheKey shares one cached copy among requests that differ only in
// parameters no page reads (a newsletter's utm_source), and keeps apart those
// that differ in one a page does read.
func TestCacheKey(t *testing.T) {
	h := newDemoSite(t).h
	front := snapshot(t, h, []string{"/"})["/"]
	for _, p := range []string{"/?utm_source=newsletter", "/?utm_source=a&utm_medium=b&fbclid=123", "/?x=%ZZ&y"} {
		w := get(t, h, p, http.StatusOK)
		if p == "/?x=%ZZ&y" {
			continue // does not parse: keyed as it came, but still a page
		}
		if w.Header().Get("X-Cache") != "hit" || w.Header().Get("ETag") != front {
			t.Errorf("GET %s: X-Cache %s, ETag %s; want the front page's cached copy %s", p, w.Header().Get("X-Cache"), w.Header().Get("ETag"), front)
		}
	}
	// p is read (old WordPress addresses): ?p=999, which redirects nowhere,
	// is the front page, but keyed apart from it.
	for _, p := range []string{"/?p=999", "/culture/?page=1"} {
		first := get(t, h, p, http.StatusOK)
		if first.Header().Get("X-Cache") == "hit" {
			t.Errorf("GET %s first: a hit, from some other page's copy", p)
		}
		again := get(t, h, p+"&utm_campaign=autumn", http.StatusOK)
		if again.Header().Get("X-Cache") != "hit" || again.Header().Get("ETag") != first.Header().Get("ETag") {
			t.Errorf("GET %s with utm_campaign: X-Cache %s; want the copy of %s", p, again.Header().Get("X-Cache"), p)
		}
	}
	// Keys a page names many times are listed once.
	keys := strings.Fields(get(t, h, "/", http.StatusOK).Header().Get("Surrogate-Key"))
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Errorf("Surrogate-Key lists %q twice", k)
		}
		seen[k] = true
	}
	if len(keys) < 10 {
		t.Errorf("front page Surrogate-Key %v: too few keys", keys)
	}
}
