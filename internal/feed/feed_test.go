package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/herald-news/herald/internal/news"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gofeedjson "github.com/mmcdole/gofeed/json"
)

// format is one of the three feed writers, with what a reader sees of it.
type format struct {
	name string
	self string // file name under the channel path
	make func(Site, Channel, []news.Article) ([]byte, error)
}

var formats = []format{
	{"rss", RSSName, RSS},
	{"atom", AtomName, Atom},
	{"jsonfeed", JSONFeedName, JSONFeed},
}

// parsedItem is what a feed reader gets from one item, whatever the format.
type parsedItem struct {
	Title       string
	Link        string
	GUID        string
	Description string
	Authors     []string
	Categories  []string
	Published   time.Time
	Updated     time.Time
	Image       string
}

func parse(t *testing.T, doc []byte) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, doc)
	}
	return f
}

func project(f *gofeed.Feed, it *gofeed.Item) parsedItem {
	p := parsedItem{Title: it.Title, Link: it.Link, GUID: it.GUID, Description: it.Description, Categories: it.Categories}
	if it.PublishedParsed != nil {
		p.Published = *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		p.Updated = *it.UpdatedParsed
	}
	if it.Image != nil {
		p.Image = it.Image.URL
	}
	for _, e := range it.Enclosures { // Atom carries the image as an enclosure link
		if p.Image == "" && strings.HasPrefix(e.Type, "image/") {
			p.Image = e.URL
		}
	}
	if f.FeedType == "rss" && it.DublinCoreExt != nil {
		// gofeed's Item.Authors keeps only the first dc:creator.
		p.Authors = it.DublinCoreExt.Creator
	} else {
		for _, a := range it.Authors {
			p.Authors = append(p.Authors, a.Name)
		}
	}
	return p
}

func TestFeedsParse(t *testing.T) {
	s := testSite()
	c := Channel{Title: "USA News — The Harbor Ledger", Description: "From the USA desk", Path: "/usa-news/"}
	items := fixedItems()
	rich := richArticle()
	cleanHeadline := strings.ReplaceAll(trickyHeadline, "\x01", "")

	for _, fm := range formats {
		t.Run(fm.name, func(t *testing.T) {
			doc, err := fm.make(s, c, items)
			if err != nil {
				t.Fatal(err)
			}
			f := parse(t, doc)

			if f.Title != c.Title {
				t.Errorf("feed title = %q, want %q", f.Title, c.Title)
			}
			if f.Description != c.Description {
				t.Errorf("feed description = %q, want %q", f.Description, c.Description)
			}
			if want := "https://news.example/usa-news/"; f.Link != want {
				t.Errorf("feed link = %q, want %q", f.Link, want)
			}
			if want := "https://news.example/usa-news/" + fm.self; f.FeedLink != want {
				t.Errorf("feed self link = %q, want %q", f.FeedLink, want)
			}
			if f.Language != "en" {
				t.Errorf("feed language = %q, want en", f.Language)
			}
			if fm.name != "jsonfeed" {
				if f.Generator != "Herald" {
					t.Errorf("generator = %q, want Herald", f.Generator)
				}
				// The newest change is the correction at t0+5h.
				if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(t0.Add(5*time.Hour)) {
					t.Errorf("feed updated = %v, want %v", f.UpdatedParsed, t0.Add(5*time.Hour))
				}
			}
			if len(f.Items) != len(items) {
				t.Fatalf("got %d items, want %d", len(f.Items), len(items))
			}

			want := parsedItem{
				Title:       cleanHeadline,
				Link:        "https://news.example/usa-news/port-talks-stall/",
				GUID:        "tag:news.example,2025-03-14:article:42",
				Description: rich.Standfirst,
				Authors:     []string{"Maya Okafor", "Jon Park", "Harbor Wire"},
				Categories:  []string{"USA News", "Ports", "Shipping & Trade"},
				Published:   t0,
				Updated:     t0.Add(5 * time.Hour), // the correction, later than UpdatedAt
				Image:       "https://news.example/media/port.png",
			}
			if fm.name == "rss" {
				// RSS descriptions are HTML, so the plain standfirst is escaped once more.
				want.Description = html.EscapeString(rich.Standfirst)
			}
			if diff := cmp.Diff(want, project(f, f.Items[0])); diff != "" {
				t.Errorf("first item (-want +got):\n%s", diff)
			}

			content := f.Items[0].Content
			notes := `href="#notes"`
			if fm.name == "atom" {
				// gofeed applies xml:base, the article's URL, to Atom HTML content.
				notes = `href="https://news.example/usa-news/port-talks-stall/#notes"`
			}
			for _, w := range []string{
				`href="https://news.example/usa-news/earlier-talks/"`,
				`src="https://news.example/media/port.png"`,
				`srcset="https://news.example/media/port-640.png 640w, https://news.example/media/port-1280.png 1280w"`,
				`href="https://elsewhere.example/x"`,
				notes,
			} {
				if !strings.Contains(content, w) {
					t.Errorf("content lacks %s:\n%s", w, content)
				}
			}
			if strings.Contains(content, `src="/`) || strings.Contains(content, `href="/usa-news`) {
				t.Errorf("content still has a site-relative link:\n%s", content)
			}

			second := project(f, f.Items[1])
			if second.Link != "https://news.example/climate/tide-tables/" || second.Authors[0] != "Zoë Lefèvre" ||
				!second.Published.Equal(t0.Add(-26*time.Hour)) || !second.Updated.Equal(t0.Add(-26*time.Hour)) || second.Image != "" {
				t.Errorf("second item = %+v", second)
			}
		})
	}
}

// TestAuthorLinks checks what gofeed's common model drops: the author page in
// Atom's author uri and in JSON Feed's authors.
func TestAuthorLinks(t *testing.T) {
	s := testSite()
	items := []news.Article{richArticle()}
	want := []string{
		"https://news.example/authors/maya-okafor/",
		"https://news.example/authors/jon-park/",
		"https://news.example/authors/harbor-wire/",
	}

	doc, err := Atom(s, Channel{Path: "/"}, items)
	if err != nil {
		t.Fatal(err)
	}
	af, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range af.Entries[0].Authors {
		got = append(got, p.URI)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("atom author uris (-want +got):\n%s", diff)
	}
	if af.Entries[0].Content.Type != "html" {
		t.Errorf("atom content type = %q, want html", af.Entries[0].Content.Type)
	}

	doc, err = JSONFeed(s, Channel{Path: "/"}, items)
	if err != nil {
		t.Fatal(err)
	}
	jf, err := (&gofeedjson.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if jf.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("json feed version = %q", jf.Version)
	}
	got = nil
	for _, a := range jf.Items[0].Authors {
		got = append(got, a.URL)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json feed author urls (-want +got):\n%s", diff)
	}
	if av := jf.Items[0].Authors[0].Avatar; av != "https://news.example/media/authors/maya-okafor.png" {
		t.Errorf("avatar = %q", av)
	}
	if jf.Items[0].ContentHTML == "" || jf.Items[0].Image != "https://news.example/media/port.png" {
		t.Errorf("json feed item = %+v", jf.Items[0])
	}
}

// TestIDStableAcrossMove moves a story to a new slug and section: every feed
// must keep its id, so readers do not show it twice, while the link follows.
func TestIDStableAcrossMove(t *testing.T) {
	s := testSite()
	before := richArticle()
	after := richArticle()
	after.Slug = "port-talks-collapse"
	after.Section = climate

	for _, fm := range formats {
		t.Run(fm.name, func(t *testing.T) {
			read := func(a news.Article) *gofeed.Item {
				doc, err := fm.make(s, Channel{Path: "/"}, []news.Article{a})
				if err != nil {
					t.Fatal(err)
				}
				return parse(t, doc).Items[0]
			}
			b, a := read(before), read(after)
			if b.GUID == "" || b.GUID != a.GUID {
				t.Errorf("id changed with the slug: %q -> %q", b.GUID, a.GUID)
			}
			if a.Link != "https://news.example/climate/port-talks-collapse/" {
				t.Errorf("link = %q, want the new path", a.Link)
			}
		})
	}
}

func TestArticleID(t *testing.T) {
	tests := []struct {
		name string
		base string
		a    news.Article
		want string
	}{
		{"https", "https://news.example", newArticle(7, "x"), "tag:news.example,2025-03-14:article:7"},
		{"port dropped", "http://127.0.0.1:8080", newArticle(7, "x"), "tag:127.0.0.1,2025-03-14:article:7"},
		// 02:00 UTC is still the 13th in New York: the id uses the UTC date, so
		// changing the site's zone never changes an id.
		{"utc date", "https://news.example", newArticle(8, "x", published(time.Date(2025, 3, 14, 2, 0, 0, 0, time.UTC))), "tag:news.example,2025-03-14:article:8"},
		{"never published", "https://news.example", newArticle(9, "x", published(time.Time{})), "tag:news.example,2025-03-14:article:9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSite()
			s.BaseURL = tt.base
			if got := ArticleID(s, &tt.a); got != tt.want {
				t.Errorf("ArticleID = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUpdated(t *testing.T) {
	tests := []struct {
		name string
		a    news.Article
		want time.Time
	}{
		{"published only", newArticle(1, "a"), t0},
		{"updated later", newArticle(1, "a", updated(t0.Add(time.Hour))), t0.Add(time.Hour)},
		{"correction latest", newArticle(1, "a", updated(t0.Add(time.Hour)), corrected(news.KindCorrection, "x", t0.Add(2*time.Hour))), t0.Add(2 * time.Hour)},
		{"correction older than update", newArticle(1, "a", updated(t0.Add(3*time.Hour)), corrected(news.KindUpdate, "x", t0.Add(2*time.Hour))), t0.Add(3 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Updated(&tt.a); !got.Equal(tt.want) {
				t.Errorf("Updated = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHostileText feeds every writer text XML 1.0 cannot carry and checks the
// output still parses strictly, with the bad characters gone.
func TestHostileText(t *testing.T) {
	s := testSite()
	s.Name = "Ledger\x00"
	a := newArticle(1, "a",
		headline("Bad\x01\x0b\x1f chars \ufffe and \xff bytes ]]> <b>&amp;"),
		standfirst("tab\tnewline\nok\x08"),
		body("<p>body\x02 ]]> end</p>"),
		by(news.Author{ID: 9, Slug: "x", Name: "Nul\x00 Name"}),
	)
	wantTitle := "Bad chars  and  bytes ]]> <b>&amp;"

	xmlDocs := map[string]func() ([]byte, error){
		"rss":  func() ([]byte, error) { return RSS(s, Channel{}, []news.Article{a}) },
		"atom": func() ([]byte, error) { return Atom(s, Channel{}, []news.Article{a}) },
		"news": func() ([]byte, error) { return NewsSitemap(s, []news.Article{a}, t0.Add(time.Hour)) },
	}
	for name, mk := range xmlDocs {
		t.Run(name, func(t *testing.T) {
			doc, err := mk()
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(bytes.NewReader(doc))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("output is not well-formed XML: %v\n%s", err, doc)
				}
			}
			if !bytes.Contains(doc, []byte("Bad chars  and  bytes ]]&gt; &lt;b&gt;&amp;amp;")) {
				t.Errorf("headline not cleaned and escaped as expected:\n%s", doc)
			}
		})
	}
	for _, fm := range formats {
		t.Run("parse/"+fm.name, func(t *testing.T) {
			doc, err := fm.make(s, Channel{}, []news.Article{a})
			if err != nil {
				t.Fatal(err)
			}
			f := parse(t, doc)
			if f.Items[0].Title != wantTitle {
				t.Errorf("title = %q, want %q", f.Items[0].Title, wantTitle)
			}
			if f.Title != "Ledger" {
				t.Errorf("feed title = %q, want Ledger", f.Title)
			}
			// gofeed re-serialises Atom HTML content, escaping ">" in text.
			if !strings.Contains(html.UnescapeString(f.Items[0].Content), "body ]]> end") {
				t.Errorf("content = %q", f.Items[0].Content)
			}
		})
	}
}

// TestEmptyChannel covers a new section with nothing in it yet: the feeds are
// still valid and their dates still do not come from the clock.
func TestEmptyChannel(t *testing.T) {
	s := testSite()
	for _, fm := range formats {
		t.Run(fm.name, func(t *testing.T) {
			doc, err := fm.make(s, Channel{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			f := parse(t, doc)
			if len(f.Items) != 0 || f.Title != s.Name || f.Link != "https://news.example/" {
				t.Errorf("feed = %+v", f)
			}
			again, _ := fm.make(s, Channel{}, nil)
			if !bytes.Equal(doc, again) {
				t.Error("two calls gave different bytes")
			}
		})
	}
	doc, _ := JSONFeed(s, Channel{}, nil)
	var v struct{ Items []any }
	if err := json.Unmarshal(doc, &v); err != nil || v.Items == nil {
		t.Errorf("json feed items must be [], got %s", doc)
	}
}

func TestFeedXMLWellFormed(t *testing.T) {
	s := testSite()
	for _, fm := range formats[:2] {
		t.Run(fm.name, func(t *testing.T) {
			doc, err := fm.make(s, Channel{Path: "/"}, fixedItems())
			if err != nil {
				t.Fatal(err)
			}
			wellFormed(t, doc)
		})
	}
}

// TestRSSSchema validates RSS against the RSS 2.0 XSD. The schema lets
// extension elements from other namespaces through (lax wildcards), so
// content:encoded, dc:creator, atom:link and media:content pass; it does check
// dates, guid attributes and the core elements. It needs at least one item.
func TestRSSSchema(t *testing.T) {
	_, dir := xmllint(t)
	doc, err := RSS(testSite(), Channel{Path: "/"}, fixedItems())
	if err != nil {
		t.Fatal(err)
	}
	validate(t, dir+"/rss-2.0.xsd", doc)
}

func TestAbsolutize(t *testing.T) {
	s := testSite()
	tests := []struct{ in, want string }{
		{`<a href="/x/">x</a>`, `<a href="https://news.example/x/">x</a>`},
		{`<a href='/x/'>x</a>`, `<a href='https://news.example/x/'>x</a>`},
		{`<a href=/x/>x</a>`, `<a href=https://news.example/x/>x</a>`},
		{`<A HREF = "/x">x</A>`, `<A HREF = "https://news.example/x">x</A>`},
		{`<img src="//cdn.example/a.png">`, `<img src="https://cdn.example/a.png">`},
		{`<img srcset="/a.png 1x,/b.png 2x">`, `<img srcset="https://news.example/a.png 1x,https://news.example/b.png 2x">`},
		{`<blockquote cite="/src/">q</blockquote>`, `<blockquote cite="https://news.example/src/">q</blockquote>`},
		{`<video poster="/p.jpg"></video>`, `<video poster="https://news.example/p.jpg"></video>`},
		{`<a title="/x" data-href="/y" href="/z">`, `<a title="/x" data-href="/y" href="https://news.example/z">`},
		{`<a href="https://other.example/">`, `<a href="https://other.example/">`},
		{`<a href="#frag">`, `<a href="#frag">`},
		{`<a href="relative/x">`, `<a href="relative/x">`},
		{`<p>text says href="/x"</p>`, `<p>text says href="/x"</p>`},
		{`<!-- <a href="/x"> -->`, `<!-- <a href="/x"> -->`},
		{`a < b > c <a href="/x">`, `a < b > c <a href="https://news.example/x">`},
		{`<br/><img src="/a.png"/>`, `<br/><img src="https://news.example/a.png"/>`},
		{`<a href="/x?a=1&amp;b=2">`, `<a href="https://news.example/x?a=1&amp;b=2">`},
		{`<a href="/unterminated`, `<a href="/unterminated`},
		{`<a href=`, `<a href=`},
		{`<!-- open`, `<!-- open`},
		{`<`, `<`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := s.absolutize(tt.in); got != tt.want {
			t.Errorf("absolutize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
		{"a\x00b\x01c\x1fd", "abcd"},
		{"\ufffe\uffff", ""},
		{"bad \xff\xfe byte", "bad  byte"},
		{"keep \ufffd replacement", "keep \ufffd replacement"},
		{"港口 😀", "港口 😀"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChannelDefaults(t *testing.T) {
	s := testSite()
	doc, err := Atom(s, Channel{Path: "tags/ports"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := parse(t, doc)
	if f.Link != "https://news.example/tags/ports/" || f.FeedLink != "https://news.example/tags/ports/atom.xml" {
		t.Errorf("links = %q, %q", f.Link, f.FeedLink)
	}
	if f.Title != s.Name || f.Description != s.Description {
		t.Errorf("title, description = %q, %q", f.Title, f.Description)
	}
	if !f.UpdatedParsed.Equal(time.Unix(0, 0)) {
		t.Errorf("updated = %v, want the epoch", f.UpdatedParsed)
	}
}

func TestRobots(t *testing.T) {
	s := testSite()
	s.BaseURL = "http://127.0.0.1:8080"
	want := "User-agent: *\n" +
		"Disallow: /admin/\n" +
		"Disallow: /api/\n" +
		"Allow: /\n" +
		"\n" +
		"Sitemap: http://127.0.0.1:8080/sitemap.xml\n" +
		"Sitemap: http://127.0.0.1:8080/news-sitemap.xml\n"
	if diff := cmp.Diff(want, string(Robots(s))); diff != "" {
		t.Errorf("robots.txt (-want +got):\n%s", diff)
	}
}

func TestGoldenFeeds(t *testing.T) {
	s := testSite()
	c := Channel{Title: "The Harbor Ledger", Path: "/"}
	for _, fm := range formats {
		t.Run(fm.name, func(t *testing.T) {
			doc, err := fm.make(s, c, fixedItems())
			if err != nil {
				t.Fatal(err)
			}
			golden(t, fm.name, doc)
		})
	}
}

func BenchmarkRSS50(b *testing.B) {
	s := testSite()
	items := make([]news.Article, 50)
	for i := range items {
		items[i] = richArticle()
		items[i].ID = int64(i + 1)
		items[i].BodyHTML = strings.Repeat(items[i].BodyHTML, 8) // about 4 KB, a typical story
	}
	c := Channel{Path: "/"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RSS(s, c, items); err != nil {
			b.Fatal(err)
		}
	}
}
