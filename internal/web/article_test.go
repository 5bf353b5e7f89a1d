package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/news"
)

// updatedAt is when a reader should be told a story last changed: the later
// of its update time and its newest corrections-log entry.
func updatedAt(a *news.Article) time.Time {
	t := a.LastModified()
	for _, c := range a.Corrections {
		if c.CreatedAt.After(t) {
			t = c.CreatedAt
		}
	}
	return t
}

func iso(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// loadStories returns every published story with everything it carries.
func loadStories(tb testing.TB, s *site) []*news.Article {
	tb.Helper()
	list, _, err := s.store.Articles(tb.Context(), storeAll())
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]*news.Article, len(list))
	for i, a := range list {
		full, err := s.store.Article(tb.Context(), a.Section.Slug, a.Slug)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = full
	}
	return out
}

func TestArticleAnatomy(t *testing.T) {
	s := sharedSite(t)
	stories := loadStories(t, s)
	published := map[string]bool{}
	for _, a := range stories {
		published[a.Path()] = true
	}
	var withCredits, withCorrections, updated, multiAuthor int
	for _, a := range stories {
		if len(a.Credits) > 0 {
			withCredits++
		}
		if len(a.Corrections) > 0 {
			withCorrections++
		}
		if updatedAt(a).Sub(a.PublishedAt) >= time.Minute {
			updated++
		}
		if len(a.Authors) > 1 {
			multiAuthor++
		}
		t.Run(a.Section.Slug+"/"+a.Slug, func(t *testing.T) {
			checkAnatomy(t, a, body(t, s.h, a.Path()), published)
		})
	}
	// The demo must exercise every optional part, or the test proves little.
	if withCredits == 0 || withCredits == len(stories) || withCorrections == 0 || updated == 0 || multiAuthor == 0 {
		t.Errorf("demo coverage: %d stories, %d with credits, %d with corrections, %d updated, %d with several authors",
			len(stories), withCredits, withCorrections, updated, multiAuthor)
	}
}

func checkAnatomy(t *testing.T, a *news.Article, page []byte, published map[string]bool) {
	doc := parseHTML(t, page)
	story := find(doc, tagClass(atom.Article, "story"))
	if story == nil {
		t.Fatal("no <article class=story>")
	}

	// Section label: the kicker links to the section front.
	if k := find(story, tagClass(atom.P, "kicker")); k == nil {
		t.Error("no kicker")
	} else if l := find(k, tag(atom.A)); l == nil || attr(l, "href") != "/"+a.Section.Slug+"/" || text(l) != a.Section.Name {
		t.Errorf("kicker = %q %v, want a link to /%s/ reading %q", text(k), links(k), a.Section.Slug, a.Section.Name)
	}

	// One h1, the headline.
	if h1s := findAll(doc, tag(atom.H1)); len(h1s) != 1 || text(h1s[0]) != a.Headline {
		var got []string
		for _, h := range h1s {
			got = append(got, text(h))
		}
		t.Errorf("h1 = %q, want exactly [%q]", got, a.Headline)
	}

	if sf := find(story, tagClass(atom.P, "standfirst")); sf == nil || text(sf) != a.Standfirst {
		t.Errorf("standfirst missing or wrong, want %q", a.Standfirst)
	}

	// Byline: every author, in order, linked to their page.
	if bl := find(story, tagClass(atom.P, "byline")); bl == nil {
		t.Error("no byline")
	} else {
		var want []string
		for _, au := range a.Authors {
			want = append(want, "/authors/"+au.Slug+"/")
			if !strings.Contains(text(bl), au.Name) {
				t.Errorf("byline %q does not name %s", text(bl), au.Name)
			}
		}
		if got := links(bl); !slices.Equal(got, want) {
			t.Errorf("byline links %q, want %q", got, want)
		}
	}

	// Dates and reading time.
	if p := find(story, tagClass(atom.Time, "published")); p == nil || attr(p, "datetime") != iso(a.PublishedAt) || text(p) == "" {
		t.Errorf("no <time class=published datetime=%q>", iso(a.PublishedAt))
	}
	up := find(story, tagClass(atom.Time, "updated"))
	if u := updatedAt(a); u.Sub(a.PublishedAt) >= time.Minute {
		if up == nil || attr(up, "datetime") != iso(u) {
			t.Errorf("no <time class=updated datetime=%q>", iso(u))
		} else if !strings.Contains(text(up.Parent), "Updated") {
			t.Errorf("updated time without the word Updated: %q", text(up.Parent))
		}
	} else if up != nil {
		t.Errorf("a story never updated shows Updated %q", text(up))
	}
	if rt := find(story, class("reading-time")); rt == nil || text(rt) != fmt.Sprintf("%d min read", a.ReadingMinutes()) {
		t.Errorf("reading time missing or wrong, want %d min read", a.ReadingMinutes())
	}

	// Body: the stored HTML, all of it.
	if b := find(story, class("story-body")); b == nil {
		t.Error("no story body")
	} else if got, want := text(b), text(parseHTML(t, []byte(a.BodyHTML))); got != want || len(got) < 200 {
		t.Errorf("story body (%d chars) differs from the stored body (%d chars)", len(got), len(want))
	}

	// Image, when the story has one, with its alt text.
	if a.Image != nil {
		fig := find(story, class("story-image"))
		if fig == nil {
			t.Error("no featured image")
		} else if img := find(fig, tag(atom.Img)); img == nil || attr(img, "src") != a.Image.URL || attr(img, "alt") != a.Image.Alt {
			t.Errorf("featured image does not show %s with its alt text", a.Image.URL)
		}
	}

	checkCredits(t, a, story)
	checkCorrections(t, a, story)
	checkAuthorBoxes(t, a, story)
	checkRelated(t, a, doc, published)

	// Back to top: a link to #top, and exactly one element it lands on.
	if find(doc, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == "#top" }) == nil {
		t.Error(`no back-to-top link href="#top"`)
	}
	if tops := findAll(doc, id("top")); len(tops) != 1 {
		t.Errorf(`%d elements with id="top", want 1`, len(tops))
	}
}

// checkCredits checks the credit line names and links every credited source.
func checkCredits(t *testing.T, a *news.Article, story *html.Node) {
	line := find(story, class("credit-line"))
	if len(a.Credits) == 0 {
		if line != nil {
			t.Errorf("a story without credits has a credit line %q", text(line))
		}
		return
	}
	if line == nil {
		t.Errorf("no credit line for %d credits", len(a.Credits))
		return
	}
	hrefs := links(line)
	for _, c := range a.Credits {
		src := "/sources/" + c.Source.Slug + "/"
		l := find(line, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == src })
		if l == nil || text(l) != c.Source.Name {
			t.Errorf("credit line %q does not link %s to %s", text(line), c.Source.Name, src)
		}
		if c.URL != "" && !slices.Contains(hrefs, c.URL) {
			t.Errorf("credit line does not link the credited report %s", c.URL)
		}
		phrase := c.Kind.Phrase()
		if !strings.Contains(strings.ToLower(text(line)), phrase) {
			t.Errorf("credit line %q does not say %q", text(line), phrase)
		}
	}
}

// checkCorrections checks every corrections-log entry is on the page.
func checkCorrections(t *testing.T, a *news.Article, story *html.Node) {
	sec := find(story, tagClass(atom.Section, "corrections"))
	if len(a.Corrections) == 0 {
		if sec != nil {
			t.Errorf("a story without corrections shows %q", text(sec))
		}
		return
	}
	if sec == nil {
		t.Errorf("no corrections section for %d entries", len(a.Corrections))
		return
	}
	items := findAll(sec, tag(atom.Li))
	if len(items) != len(a.Corrections) {
		t.Fatalf("%d corrections shown, want %d", len(items), len(a.Corrections))
	}
	for i, c := range a.Corrections {
		li := items[i]
		if !strings.Contains(text(li), c.Text) {
			t.Errorf("correction %d = %q, want it to say %q", i, text(li), c.Text)
		}
		if tm := find(li, tag(atom.Time)); tm == nil || attr(tm, "datetime") != iso(c.CreatedAt) {
			t.Errorf("correction %d has no <time datetime=%q>", i, iso(c.CreatedAt))
		}
	}
}

// checkAuthorBoxes checks one box per author with photo, name and bio.
func checkAuthorBoxes(t *testing.T, a *news.Article, story *html.Node) {
	boxes := findAll(story, class("author-box"))
	if len(boxes) != len(a.Authors) {
		t.Fatalf("%d author boxes, want %d", len(boxes), len(a.Authors))
	}
	for i, au := range a.Authors {
		box := boxes[i]
		if au.PhotoURL == "" {
			t.Errorf("demo author %s has no photo", au.Slug)
		} else if img := find(box, tag(atom.Img)); img == nil || attr(img, "src") != au.PhotoURL || !strings.Contains(attr(img, "alt"), au.Name) {
			t.Errorf("author box %d has no photo of %s with alt text naming them", i, au.Name)
		}
		if n := find(box, class("author-name")); n == nil || text(n) != au.Name || !slices.Contains(links(n), "/authors/"+au.Slug+"/") {
			t.Errorf("author box %d does not name and link %s", i, au.Name)
		}
		var bio []string
		for _, p := range findAll(box, class("bio")) {
			bio = append(bio, text(p))
		}
		if got, want := strings.Join(bio, " "), strings.Join(strings.Fields(au.Bio), " "); got != want || got == "" {
			t.Errorf("author box %d bio = %q, want %q", i, got, want)
		}
	}
}

// checkRelated checks Related Articles: one to four published stories, each
// once, never the story itself.
func checkRelated(t *testing.T, a *news.Article, doc *html.Node, published map[string]bool) {
	sec := find(doc, tagClass(atom.Section, "related"))
	if sec == nil {
		t.Error("no Related Articles")
		return
	}
	if h := find(sec, tag(atom.H2)); h == nil || text(h) != "Related Articles" {
		t.Error("related section is not headed Related Articles")
	}
	var got []string
	for _, h := range findAll(sec, class("card-headline")) {
		got = append(got, links(h)...)
	}
	if len(got) < 1 || len(got) > 4 {
		t.Errorf("%d related stories, want 1 to 4: %q", len(got), got)
	}
	seen := map[string]bool{}
	for _, p := range got {
		switch {
		case p == a.Path():
			t.Errorf("the story is related to itself")
		case !published[p]:
			t.Errorf("related story %s is not a published story", p)
		case seen[p]:
			t.Errorf("related story %s is listed twice", p)
		}
		seen[p] = true
	}
}

// jsonLDDocs returns the documents of every <script type="application/ld+json">.
func jsonLDDocs(tb testing.TB, page []byte) []map[string]any {
	tb.Helper()
	doc := parseHTML(tb, page)
	var out []map[string]any
	for _, sc := range findAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && attr(n, "type") == "application/ld+json"
	}) {
		var raw bytes.Buffer
		for c := range sc.ChildNodes() {
			raw.WriteString(c.Data)
		}
		var v map[string]any
		if err := json.Unmarshal(raw.Bytes(), &v); err != nil {
			tb.Fatalf("JSON-LD does not parse: %v\n%s", err, raw.String())
		}
		out = append(out, v)
	}
	return out
}

// storyWithCreditsAndCorrections is the demo story the JSON-LD and golden
// tests read: it has a credit, a corrections-log entry and an update.
const storyWithCreditsAndCorrections = "/usa-news/house-passes-stopgap-funding-bill/"

func TestArticleJSONLD(t *testing.T) {
	s := sharedSite(t)
	a, err := s.store.Article(t.Context(), "usa-news", "house-passes-stopgap-funding-bill")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Credits) == 0 || len(a.Corrections) == 0 || a.Image == nil {
		t.Fatalf("%s needs credits, corrections and an image for this test", a.Path())
	}
	docs := jsonLDDocs(t, body(t, s.h, a.Path()))
	var art map[string]any
	for _, d := range docs {
		if d["@type"] == "NewsArticle" {
			if art != nil {
				t.Error("two NewsArticle documents")
			}
			art = d
		}
	}
	if art == nil {
		t.Fatalf("no NewsArticle among %d JSON-LD documents", len(docs))
	}
	str := func(v any) string { s, _ := v.(string); return s }
	list := func(v any) []map[string]any {
		var out []map[string]any
		items, _ := v.([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}

	if got := str(art["@context"]); got != "https://schema.org" {
		t.Errorf("@context = %q", got)
	}
	if got := str(art["headline"]); got != a.Headline {
		t.Errorf("headline = %q, want %q", got, a.Headline)
	}
	if got := str(art["url"]); got != baseURL+a.Path() {
		t.Errorf("url = %q", got)
	}
	for _, key := range []string{"datePublished", "dateModified"} {
		if _, err := time.Parse(time.RFC3339, str(art[key])); err != nil {
			t.Errorf("%s = %q: %v", key, art[key], err)
		}
	}
	if p, _ := time.Parse(time.RFC3339, str(art["datePublished"])); !p.Equal(a.PublishedAt) {
		t.Errorf("datePublished = %v, want %v", p, a.PublishedAt)
	}
	if m, _ := time.Parse(time.RFC3339, str(art["dateModified"])); !m.Equal(updatedAt(a)) {
		t.Errorf("dateModified = %v, want %v", m, updatedAt(a))
	}

	authors := list(art["author"])
	if len(authors) != len(a.Authors) {
		t.Fatalf("%d authors, want %d", len(authors), len(a.Authors))
	}
	for i, au := range authors {
		if str(au["name"]) != a.Authors[i].Name || str(au["url"]) != baseURL+"/authors/"+a.Authors[i].Slug+"/" {
			t.Errorf("author %d = %v, want %s at /authors/%s/", i, au, a.Authors[i].Name, a.Authors[i].Slug)
		}
	}

	images := list(art["image"])
	if len(images) == 0 || str(images[0]["url"]) != baseURL+a.Image.URL {
		t.Errorf("image = %v, want %s", art["image"], baseURL+a.Image.URL)
	} else {
		get(t, s.h, sitePath(t, str(images[0]["url"])), http.StatusOK)
	}

	pub, _ := art["publisher"].(map[string]any)
	logo, _ := pub["logo"].(map[string]any)
	if str(pub["name"]) != "The Harbor Ledger" || str(logo["url"]) == "" {
		t.Errorf("publisher = %v, want a name and a logo", pub)
	} else if w := get(t, s.h, sitePath(t, str(logo["url"])), http.StatusOK); !strings.HasPrefix(w.Header().Get("Content-Type"), "image/") {
		t.Errorf("publisher logo is %s", w.Header().Get("Content-Type"))
	}

	if got := str(art["articleSection"]); got != a.Section.Name {
		t.Errorf("articleSection = %q, want %q", got, a.Section.Name)
	}

	citations := list(art["citation"])
	if len(citations) != len(a.Credits) {
		t.Errorf("%d citations, want %d", len(citations), len(a.Credits))
	}
	for i := range min(len(citations), len(a.Credits)) {
		c := a.Credits[i]
		want := c.URL
		if want == "" {
			want = c.Source.URL
		}
		if str(citations[i]["name"]) != c.Source.Name || str(citations[i]["url"]) != want {
			t.Errorf("citation %d = %v, want %s at %s", i, citations[i], c.Source.Name, want)
		}
	}

	corrections := list(art["correction"])
	if len(corrections) != len(a.Corrections) {
		t.Errorf("%d corrections, want %d", len(corrections), len(a.Corrections))
	}
	for i := range min(len(corrections), len(a.Corrections)) {
		c := a.Corrections[i]
		if str(corrections[i]["@type"]) != "CorrectionComment" || str(corrections[i]["text"]) != c.Text {
			t.Errorf("correction %d = %v, want a CorrectionComment saying %q", i, corrections[i], c.Text)
		}
		if d, err := time.Parse(time.RFC3339, str(corrections[i]["datePublished"])); err != nil || !d.Equal(c.CreatedAt) {
			t.Errorf("correction %d datePublished = %v, want %v", i, corrections[i]["datePublished"], c.CreatedAt)
		}
	}
}
