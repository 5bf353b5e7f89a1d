package web_test

import (
	"encoding/xml"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The sitemaps.org and Google News namespaces.
const (
	nsSitemap     = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsSitemapNews = "http://www.google.com/schemas/sitemap-news/0.9"
)

type sitemapIndexDoc struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

type urlsetDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    *struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func parseXML(tb testing.TB, what string, b []byte, v any) {
	tb.Helper()
	if err := xml.Unmarshal(b, v); err != nil {
		tb.Fatalf("parse %s: %v\n%s", what, err, excerpt(b))
	}
}

// sitemapURLs returns every child sitemap's path and every page path the
// sitemaps list, in order.
func sitemapURLs(tb testing.TB, s *site) (children, pages []string) {
	tb.Helper()
	var index sitemapIndexDoc
	parseXML(tb, "/sitemap.xml", body(tb, s.h, "/sitemap.xml"), &index)
	for _, sm := range index.Sitemaps {
		child := sitemapPath(tb, sm.Loc)
		children = append(children, child)
		var set urlsetDoc
		parseXML(tb, child, body(tb, s.h, child), &set)
		for _, u := range set.URLs {
			pages = append(pages, sitemapPath(tb, u.Loc))
		}
	}
	return children, pages
}

func sitemapPath(tb testing.TB, loc string) string {
	tb.Helper()
	if loc == "" {
		tb.Fatal("sitemap entry with an empty loc")
	}
	return sitePath(tb, loc)
}

func TestSitemapURLsAnswer(t *testing.T) {
	s := sharedSite(t)
	children, pages := sitemapURLs(t, s)
	if !slices.Contains(children, "/sitemaps/pages.xml") || !slices.Contains(children, "/sitemaps/stories-1.xml") {
		t.Errorf("sitemap index lists %v, want pages.xml and stories-1.xml", children)
	}
	stories, _, err := s.store.Articles(t.Context(), storeAll())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < len(stories)+10 {
		t.Errorf("sitemaps list %d URLs for %d stories; pages are missing", len(pages), len(stories))
	}
	seen := map[string]bool{}
	for _, p := range pages {
		if seen[p] {
			t.Errorf("%s is listed twice", p)
		}
		seen[p] = true
	}
	for _, a := range stories {
		if !seen[a.Path()] {
			t.Errorf("story %s is not in the sitemaps", a.Path())
		}
	}
	for _, p := range []string{"/", "/corrections/", "/usa-news/", "/about/", "/authors/maya-okafor/", "/tags/congress/", "/sources/capitol-dispatch/"} {
		if !seen[p] {
			t.Errorf("%s is not in the sitemaps", p)
		}
	}
	for _, p := range pages {
		w := request(s.h, http.MethodGet, p, nil)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", p, w.Code)
			continue
		}
		if mt, _, _ := mime.ParseMediaType(w.Header().Get("Content-Type")); mt != "text/html" {
			t.Errorf("GET %s: Content-Type %q, want text/html", p, w.Header().Get("Content-Type"))
		}
	}
}

func TestRobots(t *testing.T) {
	s := sharedSite(t)
	w := get(t, s.h, "/robots.txt", http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q, want text/plain", ct)
	}
	var maps []string
	for line := range strings.Lines(w.Body.String()) {
		if v, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			maps = append(maps, strings.TrimSpace(v))
		}
	}
	want := []string{baseURL + "/sitemap.xml", baseURL + "/news-sitemap.xml"}
	if !slices.Equal(maps, want) {
		t.Errorf("robots.txt names sitemaps %q, want %q:\n%s", maps, want, w.Body)
	}
	for _, m := range maps {
		get(t, s.h, sitePath(t, m), http.StatusOK)
	}
}

// newsSchema writes a schema that imports both the sitemaps.org schema and the
// News extension and returns its path: sitemap.xsd's url takes other
// namespaces with a strict wildcard, so it rejects news:news unless the News
// schema is loaded beside it (see internal/feed/sitemap_test.go).
func newsSchema(tb testing.TB) string {
	tb.Helper()
	_, dir := xmllint(tb)
	wrapper := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="%s" schemaLocation="%s"/>
  <xsd:import namespace="%s" schemaLocation="%s"/>
</xsd:schema>
`, nsSitemap, filepath.Join(dir, "sitemap.xsd"), nsSitemapNews, filepath.Join(dir, "sitemap-news.xsd"))
	path := filepath.Join(tb.TempDir(), "news-wrapper.xsd")
	if err := os.WriteFile(path, []byte(wrapper), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestSitemapSchemas(t *testing.T) {
	s := sharedSite(t)
	_, dir := xmllint(t)
	children, _ := sitemapURLs(t, s)
	t.Run("index", func(t *testing.T) {
		validate(t, filepath.Join(dir, "siteindex.xsd"), body(t, s.h, "/sitemap.xml"))
	})
	for _, c := range children {
		t.Run(strings.TrimPrefix(c, "/sitemaps/"), func(t *testing.T) {
			validate(t, filepath.Join(dir, "sitemap.xsd"), body(t, s.h, c))
		})
	}
	t.Run("news", func(t *testing.T) {
		validate(t, newsSchema(t), body(t, s.h, "/news-sitemap.xml"))
	})
}

func TestNewsSitemapWindow(t *testing.T) {
	s := sharedSite(t)
	var set urlsetDoc
	parseXML(t, "/news-sitemap.xml", body(t, s.h, "/news-sitemap.xml"), &set)

	all, _, err := s.store.Articles(t.Context(), storeAll())
	if err != nil {
		t.Fatal(err)
	}
	var want []string // newest first, as the store lists them
	for _, a := range all {
		if a.PublishedAt.After(now.Add(-48*time.Hour)) && !a.PublishedAt.After(now) {
			want = append(want, baseURL+a.Path())
		}
	}
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("the demo has %d of %d stories in the last two days; the test needs some in and some out", len(want), len(all))
	}
	var got []string
	for _, u := range set.URLs {
		got = append(got, u.Loc)
		if u.News == nil {
			t.Errorf("%s has no news:news", u.Loc)
			continue
		}
		d, err := time.Parse(time.RFC3339, u.News.Date)
		if err != nil {
			t.Errorf("%s: publication_date %q: %v", u.Loc, u.News.Date, err)
		} else if !d.After(now.Add(-48*time.Hour)) || d.After(now) {
			t.Errorf("%s: published %v, outside the two days before %v", u.Loc, d, now)
		}
		if u.News.Name != "The Harbor Ledger" || u.News.Language != "en" || u.News.Title == "" {
			t.Errorf("%s: news = %+v", u.Loc, *u.News)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("news sitemap lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
