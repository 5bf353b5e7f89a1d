package feed

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/herald-news/herald/internal/news"
)

func testURLs() []URL {
	return []URL{
		{Loc: "/", LastMod: t0.Add(5 * time.Hour)},
		{Loc: "/usa-news/", LastMod: t0},
		{Loc: "/usa-news/port-talks-stall/", LastMod: t0.Add(5 * time.Hour)},
		{Loc: "/authors/maya-okafor/"},                                          // no lastmod
		{Loc: "/search?q=ports&page=2"},                                         // & must be escaped
		{Loc: "https://news.example/corrections/", LastMod: t0.Add(-time.Hour)}, // absolute passes through
	}
}

// newsSchema writes a schema that imports both the sitemaps.org schema and the
// News extension and returns its path. sitemap-news.xsd declares only the
// news: elements, and sitemap.xsd's url accepts other namespaces with a strict
// wildcard, so sitemap.xsd alone rejects news:news ("no matching global
// element declaration"): the two must be loaded together.
func newsSchema(t *testing.T) string {
	t.Helper()
	_, dir := xmllint(t)
	wrapper := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="%s" schemaLocation="%s"/>
  <xsd:import namespace="%s" schemaLocation="%s"/>
</xsd:schema>
`, nsSitemap, filepath.Join(dir, "sitemap.xsd"), nsSitemapNews, filepath.Join(dir, "sitemap-news.xsd"))
	path := filepath.Join(t.TempDir(), "news-wrapper.xsd")
	if err := os.WriteFile(path, []byte(wrapper), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSitemap(t *testing.T) {
	doc, err := Sitemap(testSite(), testURLs())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "sitemap", doc)

	var got struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.URLs) != 6 {
		t.Fatalf("got %d urls, want 6", len(got.URLs))
	}
	if u := got.URLs[4]; u.Loc != "https://news.example/search?q=ports&page=2" || u.LastMod != "" {
		t.Errorf("url 4 = %+v", u)
	}
	if u := got.URLs[2]; u.LastMod != "2025-03-14T14:30:00-05:00" {
		t.Errorf("lastmod = %q", u.LastMod)
	}

	t.Run("schema", func(t *testing.T) {
		_, dir := xmllint(t)
		validate(t, filepath.Join(dir, "sitemap.xsd"), doc)
	})
}

func TestSitemapIndex(t *testing.T) {
	doc, err := SitemapIndex(testSite(), []URL{
		{Loc: "/sitemap-1.xml", LastMod: t0},
		{Loc: "/sitemap-2.xml", LastMod: t0.Add(time.Hour)},
		{Loc: "/news-sitemap.xml"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") ||
		!strings.Contains(string(doc), "<loc>https://news.example/sitemap-2.xml</loc>") {
		t.Errorf("unexpected index:\n%s", doc)
	}
	_, dir := xmllint(t)
	validate(t, filepath.Join(dir, "siteindex.xsd"), doc)
}

func TestSitemapLimit(t *testing.T) {
	s := testSite()
	urls := make([]URL, MaxSitemapURLs+1)
	for i := range urls {
		urls[i] = URL{Loc: fmt.Sprintf("/usa-news/story-%d/", i), LastMod: t0}
	}
	if _, err := Sitemap(s, urls); err == nil {
		t.Error("Sitemap accepted 50,001 URLs")
	}
	if _, err := SitemapIndex(s, urls); err == nil {
		t.Error("SitemapIndex accepted 50,001 sitemaps")
	}
	doc, err := Sitemap(s, urls[:MaxSitemapURLs])
	if err != nil {
		t.Fatalf("Sitemap refused 50,000 URLs: %v", err)
	}
	if n := strings.Count(string(doc), "<url>"); n != MaxSitemapURLs {
		t.Errorf("got %d urls, want %d", n, MaxSitemapURLs)
	}
}

type newsURLs struct {
	URLs []struct {
		Loc  string `xml:"loc"`
		News struct {
			Name     string `xml:"publication>name"`
			Language string `xml:"publication>language"`
			Date     string `xml:"publication_date"`
			Title    string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

func parseNews(t *testing.T, doc []byte) newsURLs {
	t.Helper()
	var got newsURLs
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestNewsSitemap(t *testing.T) {
	s := testSite()
	now := t0.Add(6 * time.Hour)
	doc, err := NewsSitemap(s, fixedItems(), now)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "news-sitemap", doc)

	got := parseNews(t, doc)
	if len(got.URLs) != 2 { // ferry-fares is 86 hours old
		t.Fatalf("got %d urls, want 2:\n%s", len(got.URLs), doc)
	}
	n := got.URLs[0].News
	if n.Name != "The Harbor Ledger" || n.Language != "en" || n.Date != "2025-03-14T09:30:00-05:00" ||
		n.Title != strings.ReplaceAll(trickyHeadline, "\x01", "") {
		t.Errorf("news = %+v", n)
	}

	t.Run("schema", func(t *testing.T) {
		validate(t, newsSchema(t), doc)
	})
}

func TestNewsSitemapWindow(t *testing.T) {
	s := testSite()
	now := t0
	items := []news.Article{
		newArticle(1, "two-days-old", published(now.Add(-NewsSitemapMaxAge))), // the edge is out
		newArticle(2, "an-hour-old", published(now.Add(-time.Hour))),
		newArticle(3, "three-days-old", published(now.Add(-72*time.Hour))),
		newArticle(4, "scheduled", published(now.Add(time.Hour))),
		newArticle(5, "never-published", published(time.Time{})),
		newArticle(6, "almost-two-days", published(now.Add(-NewsSitemapMaxAge+time.Minute))),
		newArticle(7, "just-now", published(now)),
	}
	doc, err := NewsSitemap(s, items, now)
	if err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range parseNews(t, doc).URLs {
		locs = append(locs, u.Loc)
	}
	want := []string{ // newest first
		"https://news.example/usa-news/just-now/",
		"https://news.example/usa-news/an-hour-old/",
		"https://news.example/usa-news/almost-two-days/",
	}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("news sitemap urls (-want +got):\n%s", diff)
	}
}

func TestNewsSitemapCap(t *testing.T) {
	s := testSite()
	now := t0
	// 1,500 stories a minute apart, oldest first, all within two days.
	items := make([]news.Article, 1500)
	for i := range items {
		items[i] = newArticle(int64(i+1), fmt.Sprintf("story-%d", i), published(now.Add(-time.Duration(1500-i)*time.Minute)))
	}
	doc, err := NewsSitemap(s, items, now)
	if err != nil {
		t.Fatal(err)
	}
	got := parseNews(t, doc).URLs
	if len(got) != MaxNewsURLs {
		t.Fatalf("got %d urls, want %d", len(got), MaxNewsURLs)
	}
	if first, last := got[0].Loc, got[len(got)-1].Loc; first != "https://news.example/usa-news/story-1499/" || last != "https://news.example/usa-news/story-500/" {
		t.Errorf("kept %s .. %s, want the newest thousand, story-1499 .. story-500", first, last)
	}
}

func TestNewsSitemapEmpty(t *testing.T) {
	doc, err := NewsSitemap(testSite(), nil, t0)
	if err != nil {
		t.Fatal(err)
	}
	if got := parseNews(t, doc); len(got.URLs) != 0 {
		t.Errorf("got %d urls, want none", len(got.URLs))
	}
}

func TestNewsLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"": "en", "en": "en", "en-GB": "en", "EN_us": "en", "fr": "fr", "ast": "ast",
		"zh-TW": "zh-tw", "zh-Hant": "zh-tw", "zh-CN": "zh-cn", "zh": "zh-cn",
	} {
		if got := newsLanguage(in); got != want {
			t.Errorf("newsLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
