package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/static"
)

// TestCardKeyCoversTemplates: every field the card templates read is one
// cardKey covers; a card template that comes to read another field fails
// here until cardKey (and cardFields) name it.
func TestCardKeyCoversTemplates(t *testing.T) {
	src, err := embedded.ReadFile("templates/partials/cards.html")
	if err != nil {
		t.Fatal(err)
	}
	fieldRe := regexp.MustCompile(`\.[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*`)
	cardTemplates := map[string]bool{"byline": true, "card-kicker": true, "card-media": true, "card-foot": true, "card": true, "card-image": true, "card-image-h2": true}
	seen := 0
	// Each definition runs to the next one.
	for _, part := range strings.Split(string(src), `{{define "`)[1:] {
		name, body, _ := strings.Cut(part, `"`)
		if !cardTemplates[name] {
			continue
		}
		seen++
		for _, f := range fieldRe.FindAllString(body, -1) {
			if !cardFields[f] {
				t.Errorf("card template %q reads %s, which cardKey does not cover", name, f)
			}
		}
	}
	if seen != len(cardTemplates) {
		t.Fatalf("found %d of the %d card templates in cards.html", seen, len(cardTemplates))
	}
}

// TestCardKeyChanges: changing anything a card shows changes its key.
func TestCardKeyChanges(t *testing.T) {
	base := func() *news.Article {
		return &news.Article{
			ID: 7, Slug: "tide", Section: news.Section{Slug: "harbour", Name: "Harbour"}, Headline: "Tide turns", Standfirst: "Early.",
			PublishedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), CommentCount: 2,
			Image:   &news.Image{URL: "/media/t.jpg", Width: 800, Height: 600},
			Authors: []news.Author{{Name: "Ada Mills"}, {Name: "Bo Chen"}},
		}
	}
	key := cardKey("card", base())
	for name, change := range map[string]func(a *news.Article){
		"id": func(a *news.Article) { a.ID = 8 }, "slug": func(a *news.Article) { a.Slug = "tide-2" },
		"section slug": func(a *news.Article) { a.Section.Slug = "port" }, "section name": func(a *news.Article) { a.Section.Name = "Port" },
		"headline": func(a *news.Article) { a.Headline = "Tide turned" }, "standfirst": func(a *news.Article) { a.Standfirst = "" },
		"published": func(a *news.Article) { a.PublishedAt = a.PublishedAt.Add(time.Minute) }, "comments": func(a *news.Article) { a.CommentCount = 3 },
		"no image": func(a *news.Article) { a.Image = nil }, "image url": func(a *news.Article) { a.Image.URL = "/media/u.jpg" },
		"image width": func(a *news.Article) { a.Image.Width = 640 }, "image height": func(a *news.Article) { a.Image.Height = 480 },
		"author name": func(a *news.Article) { a.Authors[1].Name = "Bo Chan" }, "fewer authors": func(a *news.Article) { a.Authors = a.Authors[:1] },
		// Lengths are part of the key: moving text from one field to the
		// next is a change.
		"text moved": func(a *news.Article) { a.Headline, a.Standfirst = "Tide turnsE", "arly." },
	} {
		a := base()
		change(a)
		if cardKey("card", a) == key {
			t.Errorf("%s: the key did not change", name)
		}
	}
	if cardKey("card-image", base()) == key {
		t.Error("the template's name is not in the key")
	}
}

// TestCardMemo: a memoised card is the card drawn afresh, and the memo
// starts again when full.
func TestCardMemo(t *testing.T) {
	assets, err := static.Load()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(assets, time.UTC, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := news.Article{ID: 1, Slug: "s", Section: news.Section{Slug: "x", Name: "X"}, Headline: "A <b>bold</b> claim",
		PublishedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Authors: []news.Author{{Name: "Ada"}}}
	fresh, err := e.card("card-image", a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fresh), "A &lt;b&gt;bold&lt;/b&gt; claim") || !strings.Contains(string(fresh), `href="/x/s/"`) {
		t.Fatalf("card = %s", fresh)
	}
	e.MemoCards(3 * len(fresh))
	for range 3 {
		h, err := e.card("card-image", a)
		if err != nil || h != fresh {
			t.Fatalf("memoised card differs: %v\n%s", err, h)
		}
	}
	if len(e.memo.cards) != 1 {
		t.Errorf("%d cards kept, want 1", len(e.memo.cards))
	}
	for i := range 10 {
		a.ID = int64(100 + i)
		if _, err := e.card("card-image", a); err != nil {
			t.Fatal(err)
		}
	}
	if e.memo.size > e.memo.max {
		t.Errorf("memo holds %d bytes, over its %d", e.memo.size, e.memo.max)
	}
	themed, err := New(assets, time.UTC, emptyTheme{})
	if err != nil {
		t.Fatal(err)
	}
	if themed.MemoCards(1 << 20); themed.memo != nil {
		t.Error("a themed engine memoises cards")
	}
}

// emptyTheme is a theme that replaces nothing.
type emptyTheme struct{}

func (emptyTheme) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }
