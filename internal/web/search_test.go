package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/news"
)

// searchFor is the address of a search for q with extra parameters.
func searchFor(q string, extra ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return "/search?" + v.Encode()
}

// results returns the headline links of a search results page, in order.
func results(doc *html.Node) []string {
	var out []string
	for _, li := range findAll(doc, tagClass(atom.Article, "search-result")) {
		if h := find(li, tagClass(atom.H2, "card-headline")); h != nil {
			if a := find(h, tag(atom.A)); a != nil {
				out = append(out, attr(a, "href"))
			}
		}
	}
	return out
}

// notes returns the notes a search page gives the reader.
func notes(doc *html.Node) []string {
	var out []string
	if ul := find(doc, class("search-notes")); ul != nil {
		for _, li := range findAll(ul, tag(atom.Li)) {
			out = append(out, text(li))
		}
	}
	return out
}

func TestSearchPage(t *testing.T) {
	h := sharedSite(t).h
	const dock = "/usa-news/dockworkers-tentative-deal-averts-strike/"

	t.Run("empty form", func(t *testing.T) {
		doc := parseHTML(t, body(t, h, "/search"))
		checkSearchPage(t, doc)
		if r := results(doc); len(r) != 0 {
			t.Errorf("results without a query: %v", r)
		}
		if n := notes(doc); len(n) != 0 {
			t.Errorf("notes without a query: %v", n)
		}
		if find(doc, class("search-empty")) != nil {
			t.Error(`"no results" shown before anything was searched`)
		}
	})

	t.Run("results", func(t *testing.T) {
		doc := parseHTML(t, body(t, h, searchFor("dockworkers")))
		checkSearchPage(t, doc)
		r := results(doc)
		if len(r) == 0 || r[0] != dock {
			t.Fatalf("dockworkers finds %v; want %s first", r, dock)
		}
		first := find(doc, tagClass(atom.Article, "search-result"))
		if k := find(first, class("kicker")); k == nil || text(k) != "USA News" {
			t.Error("the result does not name its section")
		}
		if tm := find(first, tag(atom.Time)); tm == nil || attr(tm, "datetime") == "" {
			t.Error("the result has no date")
		}
		snippet := find(first, class("search-snippet"))
		if snippet == nil {
			t.Fatal("the result has no snippet")
		}
		marks := findAll(snippet, tag(atom.Mark))
		if len(marks) == 0 || !strings.EqualFold(text(marks[0]), "dockworkers") {
			t.Errorf("the snippet marks %d matches, first %q", len(marks), text(marks[0]))
		}
		if in := find(doc, id("search-q")); in == nil || attr(in, "value") != "dockworkers" {
			t.Error("the search box does not keep the query")
		}
		if c := find(doc, class("search-count")); c == nil || !strings.Contains(text(c), "match") {
			t.Error("no count of results")
		}
	})

	t.Run("phrase, exclusion and prefix", func(t *testing.T) {
		r := results(parseHTML(t, body(t, h, searchFor(`"tentative deal"`))))
		if len(r) == 0 || r[0] != dock {
			t.Errorf(`"tentative deal" finds %v`, r)
		}
		for _, got := range results(parseHTML(t, body(t, h, searchFor(`port -dockworkers`)))) {
			if got == dock {
				t.Error("-dockworkers did not leave the dockworkers story out")
			}
		}
		if r := results(parseHTML(t, body(t, h, searchFor("dockwork*")))); len(r) == 0 || r[0] != dock {
			t.Errorf("dockwork* finds %v", r)
		}
	})

	t.Run("no results", func(t *testing.T) {
		doc := parseHTML(t, body(t, h, searchFor("xylophonist zeppelin")))
		if r := results(doc); len(r) != 0 {
			t.Errorf("nonsense finds %v", r)
		}
		if find(doc, class("search-empty")) == nil {
			t.Error(`no "no results" message`)
		}
	})

	t.Run("section and sort", func(t *testing.T) {
		for _, href := range results(parseHTML(t, body(t, h, searchFor("port", "section", "port-alder")))) {
			if !strings.HasPrefix(href, "/port-alder/") {
				t.Errorf("section=port-alder found %s", href)
			}
		}
		from := parseHTML(t, body(t, h, searchFor("port", "from", "2026-11-10", "to", "2026-11-15")))
		if len(results(from)) == 0 {
			t.Error("a date range found nothing")
		}
		for _, tm := range findAll(from, tag(atom.Time)) {
			if d := attr(tm, "datetime"); d < "2026-11-10" || d > "2026-11-16T06" { // the site's zone is behind UTC
				t.Errorf("from=2026-11-10&to=2026-11-15 found a story of %s", d)
			}
		}
		if in := find(from, id("search-from")); in == nil || attr(in, "value") != "2026-11-10" {
			t.Error("the form does not keep the start date")
		}
		doc := parseHTML(t, body(t, h, searchFor("port", "sort", "date")))
		var times []string
		for _, tm := range findAll(doc, tag(atom.Time)) {
			times = append(times, attr(tm, "datetime"))
		}
		for i := 1; i < len(times); i++ {
			if times[i] > times[i-1] {
				t.Errorf("sort=date is not newest first: %v", times)
				break
			}
		}
		if sel := find(doc, id("search-sort")); sel != nil {
			for _, o := range findAll(sel, tag(atom.Option)) {
				if hasAttr(o, "selected") != (attr(o, "value") == "date") {
					t.Errorf("the order option %q is selected: %v", attr(o, "value"), hasAttr(o, "selected"))
				}
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		doc := parseHTML(t, body(t, h, searchFor("the port", "sort", "date")))
		if len(results(doc)) < 20 {
			t.Skip("the demo newsroom has too few matching stories for two pages")
		}
		next := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "rel") == "next" })
		if next == nil {
			t.Fatal("no link to the next page")
		}
		u, err := url.Parse(attr(next, "href"))
		if err != nil || u.Path != "/search" || u.Query().Get("q") != "the port" || u.Query().Get("sort") != "date" || u.Query().Get("page") != "2" {
			t.Fatalf("next page link %q loses the search", attr(next, "href"))
		}
		page2 := parseHTML(t, body(t, h, attr(next, "href")))
		if len(results(page2)) == 0 {
			t.Error("page 2 is empty")
		}
		if ol := find(page2, tagClass(atom.Ol, "search-results")); ol == nil || attr(ol, "start") != "21" {
			t.Error("page 2 does not number its results from 21")
		}
		w := get(t, h, searchFor("the port", "page", "99"), http.StatusFound)
		if loc := w.Header().Get("Location"); !strings.Contains(loc, "page=") {
			t.Errorf("a page past the end redirects to %q", loc)
		}
	})
}

// checkSearchPage checks what every search page has: noindex, a labelled
// search form of its own and no canonical link.
func checkSearchPage(t *testing.T, doc *html.Node) {
	t.Helper()
	robots := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Meta && attr(n, "name") == "robots" })
	if robots == nil || !strings.Contains(attr(robots, "content"), "noindex") {
		t.Error("search page is not noindex")
	}
	if find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "canonical" }) != nil {
		t.Error("search page has a canonical link")
	}
	form := find(doc, tagClass(atom.Form, "search-form"))
	if form == nil || attr(form, "action") != "/search" || attr(form, "method") != "get" || attr(form, "role") != "search" {
		t.Fatal("no search form of the page's own")
	}
	for _, ctl := range findAll(form, func(n *html.Node) bool {
		return (n.DataAtom == atom.Input && attr(n, "type") != "hidden") || n.DataAtom == atom.Select
	}) {
		ident := attr(ctl, "id")
		if ident == "" || find(form, func(n *html.Node) bool { return n.DataAtom == atom.Label && attr(n, "for") == ident }) == nil {
			t.Errorf("form control %q has no label", attr(ctl, "name"))
		}
	}
}

// TestSearchBadInput sends what readers and robots really send. Every answer
// is the search page, 200, with a note or "no results" where that helps, and
// nothing of SQL or FTS shows through.
func TestSearchBadInput(t *testing.T) {
	h := sharedSite(t).h
	long := strings.Repeat("dockworkers port ", 60)
	tests := []struct {
		name, target string
		note         bool // the reader is told something
	}{
		{"empty", "/search?q=", false},
		{"blank", "/search?q=+++", false},
		{"enormous", searchFor(long), true},
		{"enormous word", searchFor(strings.Repeat("x", 5000)), true},
		{"unbalanced quote", searchFor(`"tentative deal`), true},
		{"lone quote", searchFor(`"`), true},
		{"operators only", searchFor(`- * + " ( ) : ^`), true},
		{"minus only", searchFor(`-dockworkers`), true},
		{"fts5 keywords", searchFor(`NEAR(dock port) AND OR NOT`), true},
		{"column filter", searchFor(`headline:dock {body}: ^port`), false},
		{"tsquery syntax", searchFor(`dock & port | !strike <-> 'x':*`), false},
		{"sql", searchFor(`'; DROP TABLE articles; --`), false},
		{"control characters", "/search?q=%00%01dock%07%1b%7f", false},
		{"invalid utf-8", "/search?q=%FF%FEdock%C3", false},
		{"stop words only", searchFor("the of and"), true},
		{"page not a number", searchFor("port", "page", "abc"), true},
		{"page zero", searchFor("port", "page", "0"), true},
		{"page enormous", searchFor("port", "page", "99999999999999"), true},
		{"page past the limit", searchFor("port", "page", "101"), false}, // redirected or capped
		{"unknown sort", searchFor("port", "sort", "random"), true},
		{"unknown section", searchFor("port", "section", "nope"), true},
		{"unknown author and tag", searchFor("port", "author", "nobody", "tag", "nothing"), true},
		{"bad dates", searchFor("port", "from", "yesterday", "to", "2026-13-45"), true},
		{"many parameters", "/search?q=port&q=dock&section=&section=world&page=1&page=2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := request(h, http.MethodGet, tt.target, nil)
			if w.Code == http.StatusFound {
				w = request(h, http.MethodGet, w.Header().Get("Location"), nil)
			}
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s = %d\n%s", tt.target, w.Code, excerpt(w.Body.Bytes()))
			}
			page := w.Body.String()
			for _, leak := range []string{"fts5", "syntax error", "SQL", "tsquery", "sqlite", "pgx", "panic"} {
				if strings.Contains(strings.ToLower(page), strings.ToLower(leak)) && !strings.Contains(strings.ToLower(tt.target), strings.ToLower(leak)) {
					t.Errorf("the page mentions %q", leak)
				}
			}
			doc := parseHTML(t, w.Body.Bytes())
			checkSearchPage(t, doc)
			if tt.note && len(notes(doc)) == 0 {
				t.Error("the reader is not told what happened to the search")
			}
		})
	}
}

func TestSearchEscapes(t *testing.T) {
	s := newDemoSite(t)
	ctx := context.Background()
	sec, err := s.store.SectionBySlug(ctx, "world")
	if err != nil {
		t.Fatal(err)
	}
	authors, err := s.store.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{
		Slug: "zeppelin-markup", Section: *sec, Headline: "A <b>zeppelin</b> & the \"press\"",
		BodyMarkdown: "x", BodyHTML: `<p>Readers wrote &lt;script&gt;alert(1)&lt;/script&gt; about the zeppelin &amp; more.</p>`,
		WordCount: 8, Status: news.StatusPublished, PublishedAt: now.Add(-time.Hour), Authors: authors[:1],
	}
	if err := s.store.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	page := string(body(t, s.h, searchFor(`<script>alert("q")</script>`)))
	if strings.Contains(page, "<script>alert") || strings.Contains(page, `alert("q")`) {
		t.Error("the page carries the query unescaped")
	}
	page = string(body(t, s.h, searchFor("zeppelin")))
	for _, bad := range []string{"<script>alert", "<b>zeppelin"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page carries %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "<mark>zeppelin</mark>") {
		t.Error("the match is not marked")
	}
	if !strings.Contains(page, "&lt;b&gt;zeppelin&lt;/b&gt;") && !strings.Contains(page, "A &lt;b&gt;zeppelin") {
		t.Error("the headline's text is not escaped as text")
	}

	// The index follows the story: withdrawn, it is no longer found.
	if err := s.store.WithdrawArticle(ctx, a.ID, "Withdrawn."); err != nil {
		t.Fatal(err)
	}
	if r := results(parseHTML(t, body(t, s.h, searchFor("zeppelin")))); len(r) != 0 {
		t.Errorf("a withdrawn story is found: %v", r)
	}
}
