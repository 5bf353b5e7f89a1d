package feed

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/herald-news/herald/internal/news"
)

func decode(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return v
}

func TestArticleJSONLD(t *testing.T) {
	a := richArticle()
	data, err := ArticleJSONLD(testSite(), &a)
	if err != nil {
		t.Fatal(err)
	}
	url := "https://news.example/usa-news/port-talks-stall/"
	cw := func(name, url, kind string) map[string]any {
		m := map[string]any{"@type": "CreativeWork", "name": name, "description": kind}
		if url != "" {
			m["url"] = url
		}
		return m
	}
	want := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         strings.ReplaceAll(trickyHeadline, "\x01", ""),
		"description":      "Negotiators left <early> & said little.",
		"url":              url,
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": url},
		"identifier":       "tag:news.example,2025-03-14:article:42",
		"datePublished":    "2025-03-14T09:30:00-05:00",
		"dateModified":     "2025-03-14T14:30:00-05:00", // the correction, after UpdatedAt
		"image": []any{map[string]any{
			"@type": "ImageObject", "url": "https://news.example/media/port.png",
			"width": 1280.0, "height": 720.0, "caption": "Cranes at the east terminal.", "creditText": "Photo: Ada Ruiz",
		}},
		"author": []any{
			map[string]any{
				"@type": "Person", "name": "Maya Okafor", "url": "https://news.example/authors/maya-okafor/",
				"jobTitle": "Senior Correspondent, Washington", "image": "https://news.example/media/authors/maya-okafor.png",
				"sameAs": []any{"https://maya.example/"},
			},
			map[string]any{"@type": "Person", "name": "Jon Park", "url": "https://news.example/authors/jon-park/"},
			map[string]any{"@type": "Person", "name": "Harbor Wire", "url": "https://news.example/authors/harbor-wire/"},
		},
		"publisher": map[string]any{
			"@type": "Organization", "name": "The Harbor Ledger", "url": "https://news.example/",
			"logo": map[string]any{"@type": "ImageObject", "url": "https://news.example/static/logo.png"},
		},
		"articleSection":      "USA News",
		"keywords":            []any{"Ports", "Shipping & Trade"},
		"wordCount":           230.0,
		"isAccessibleForFree": true,
		"inLanguage":          "en",
		"citation": []any{
			cw("The Wall Street Journal", "https://wsj.example/2025/03/port-talks", "first reported by"),
			cw("Reuters", "https://reuters.example/", "citing"), // no credit URL: the source's home page
			cw("Politico", "https://politico.example/port", "according to"),
			cw("Associated Press", "", "via"),
			cw("Lena Ortiz", "", "additional reporting by"),
		},
		"isBasedOn": []any{
			cw("The Wall Street Journal", "https://wsj.example/2025/03/port-talks", "first reported by"),
		},
		"correction": []any{
			map[string]any{"@type": "CorrectionComment", "name": "Update", "text": "Adds comment from the port authority.", "datePublished": "2025-03-14T13:30:00-05:00"},
			map[string]any{"@type": "CorrectionComment", "name": "Correction", "text": "An earlier version misstated the fee as $40.", "datePublished": "2025-03-14T14:30:00-05:00"},
		},
	}
	if diff := cmp.Diff(want, decode(t, data)); diff != "" {
		t.Errorf("NewsArticle (-want +got):\n%s", diff)
	}
}

func TestArticleJSONLDMinimal(t *testing.T) {
	s := testSite()
	s.LogoURL = ""
	a := newArticle(1, "plain")
	got := decode(t, mustLD(t, s, &a))
	for _, k := range []string{"image", "keywords", "citation", "isBasedOn", "correction"} {
		if _, ok := got[k]; ok {
			t.Errorf("%s present on a story without one: %v", k, got[k])
		}
	}
	if _, ok := got["publisher"].(map[string]any)["logo"]; ok {
		t.Error("publisher logo present without Site.LogoURL")
	}
	if got["isAccessibleForFree"] != true || got["dateModified"] != "2025-03-14T09:30:00-05:00" {
		t.Errorf("got %v", got)
	}
}

func mustLD(t *testing.T, s Site, a *news.Article) []byte {
	t.Helper()
	data, err := ArticleJSONLD(s, a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestJSONLDCannotCloseScript puts markup meant to break out of the script
// element everywhere text goes in, and checks none of it survives as markup.
func TestJSONLDCannotCloseScript(t *testing.T) {
	evil := "</script><script>alert(1)</script><!-- \u2028"
	s := testSite()
	s.Name = evil
	a := newArticle(1, "x", headline(evil), standfirst(evil),
		by(news.Author{ID: 1, Slug: "x", Name: evil, JobTitle: evil}),
		tagged(news.Tag{ID: 1, Slug: "x", Name: evil}),
		credit(news.Source{ID: 1, Slug: "x", Name: evil}, news.CreditVia, ""),
		corrected(news.KindCorrection, evil, t0))
	a.Section.Name = evil

	docs := map[string][]byte{"article": mustLD(t, s, &a)}
	var err error
	if docs["website"], err = WebsiteJSONLD(s); err != nil {
		t.Fatal(err)
	}
	if docs["breadcrumb"], err = BreadcrumbJSONLD(s, &a); err != nil {
		t.Fatal(err)
	}
	for name, data := range docs {
		if bytes.ContainsAny(data, "<>") || bytes.Contains(data, []byte("\u2028")) {
			t.Errorf("%s: raw < > or U+2028 in output:\n%s", name, data)
		}
	}
	if got := decode(t, docs["article"])["headline"]; got != evil {
		t.Errorf("headline did not round-trip: %q", got)
	}

	// JSONLDScript escapes again, so even JSON from elsewhere stays inside.
	for _, in := range [][]byte{docs["article"], []byte(`{"a":"</script><b>"}`)} {
		el := string(JSONLDScript(in))
		if !strings.HasPrefix(el, `<script type="application/ld+json">`) ||
			strings.Count(strings.ToLower(el), "</script") != 1 || !strings.HasSuffix(el, "</script>") {
			t.Errorf("JSONLDScript = %s", el)
		}
	}
}

func TestWebsiteJSONLD(t *testing.T) {
	data, err := WebsiteJSONLD(testSite())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"@context":    "https://schema.org",
		"@type":       "WebSite",
		"name":        "The Harbor Ledger",
		"description": "News from the harbor & beyond",
		"url":         "https://news.example/",
		"inLanguage":  "en",
		"publisher": map[string]any{
			"@type": "Organization", "name": "The Harbor Ledger", "url": "https://news.example/",
			"logo": map[string]any{"@type": "ImageObject", "url": "https://news.example/static/logo.png"},
		},
		"potentialAction": map[string]any{
			"@type":       "SearchAction",
			"target":      map[string]any{"@type": "EntryPoint", "urlTemplate": "https://news.example/search?q={search_term_string}"},
			"query-input": "required name=search_term_string",
		},
	}
	if diff := cmp.Diff(want, decode(t, data)); diff != "" {
		t.Errorf("WebSite (-want +got):\n%s", diff)
	}
}

func TestBreadcrumbJSONLD(t *testing.T) {
	a := newArticle(1, "tide-tables", in(climate), headline("Tide tables"))
	data, err := BreadcrumbJSONLD(testSite(), &a)
	if err != nil {
		t.Fatal(err)
	}
	item := func(pos float64, name, url string) map[string]any {
		return map[string]any{"@type": "ListItem", "position": pos, "name": name, "item": url}
	}
	want := map[string]any{
		"@context": "https://schema.org",
		"@type":    "BreadcrumbList",
		"itemListElement": []any{
			item(1, "The Harbor Ledger", "https://news.example/"),
			item(2, "Climate & Energy", "https://news.example/climate/"),
			item(3, "Tide tables", "https://news.example/climate/tide-tables/"),
		},
	}
	if diff := cmp.Diff(want, decode(t, data)); diff != "" {
		t.Errorf("BreadcrumbList (-want +got):\n%s", diff)
	}
}

func BenchmarkArticleJSONLD(b *testing.B) {
	s := testSite()
	a := richArticle()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ArticleJSONLD(s, &a); err != nil {
			b.Fatal(err)
		}
	}
}
