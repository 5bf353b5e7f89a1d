package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/herald-news/herald/internal/news"
)

// Cards are memoised. A story's card is drawn on many pages: its section's
// list, each of its tags' lists, its authors', the related lists of other
// stories. A static export renders every one of those pages, and html/template
// spent a third of the export's CPU, most of it on cards. With a memo the
// engine draws each card once and writes the same HTML wherever it appears.
//
// A card's HTML is a function of the fields the card templates read, and
// cardKey names every one of them. TestCardKeyCoversTemplates reads the card
// templates and fails if they come to read a field cardKey leaves out. The
// memo is per engine, and an engine is made anew when the settings change
// (the time zone dates are shown in, among others). It is off with a theme,
// whose cards may read other fields.

// cardMemo keeps rendered cards up to a number of bytes; when full it starts
// again empty, which costs nothing to keep and, on a long run through the
// archive, loses little.
type cardMemo struct {
	max int

	mu    sync.Mutex
	size  int
	cards map[string]template.HTML
}

// MemoCards keeps up to maxBytes of rendered cards; 0 turns the memo off.
// Call it before the engine renders.
func (e *Engine) MemoCards(maxBytes int) {
	if maxBytes <= 0 || e.themed {
		e.memo = nil
		return
	}
	e.memo = &cardMemo{max: maxBytes, cards: map[string]template.HTML{}}
}

// card renders the card template name for a, from the memo when it is on.
func (e *Engine) card(name string, a news.Article) (template.HTML, error) {
	m := e.memo
	var key string
	if m != nil {
		key = cardKey(name, &a)
		m.mu.Lock()
		h, ok := m.cards[key]
		m.mu.Unlock()
		if ok {
			return h, nil
		}
	}
	var buf bytes.Buffer
	if err := e.cards.ExecuteTemplate(&buf, name, &a); err != nil { // a pointer, for Path
		return "", fmt.Errorf("render card %s: %w", name, err)
	}
	h := template.HTML(buf.String()) // rendered by html/template, in the same context
	if m != nil {
		m.mu.Lock()
		if m.size+len(h)+len(key) > m.max {
			m.cards, m.size = map[string]template.HTML{}, 0
		}
		m.cards[key] = h
		m.size += len(h) + len(key)
		m.mu.Unlock()
	}
	return h, nil
}

// cardKey names everything a card of a shows: the fields the card templates
// read (see cardFields).
func cardKey(name string, a *news.Article) string {
	var b strings.Builder
	b.Grow(256)
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	field(name)
	b.WriteString(strconv.FormatInt(a.ID, 10))
	b.WriteByte(' ')
	field(a.Slug)
	field(a.Section.Slug)
	field(a.Section.Name)
	field(a.Headline)
	field(a.Standfirst)
	b.WriteString(strconv.FormatInt(a.PublishedAt.UnixNano(), 10))
	b.WriteByte(' ')
	b.WriteString(strconv.Itoa(a.CommentCount))
	if img := a.Image; img != nil {
		b.WriteString(" img ")
		field(img.URL)
		b.WriteString(strconv.Itoa(img.Width))
		b.WriteByte('x')
		b.WriteString(strconv.Itoa(img.Height))
	}
	b.WriteString(" by")
	for _, au := range a.Authors {
		field(au.Name)
	}
	return b.String()
}

// cardFields are the fields (and methods) the card templates may read, as
// they are written in the templates; cardKey covers each.
var cardFields = map[string]bool{
	".Section.Slug": true, ".Section.Name": true, ".Path": true, ".Headline": true, ".Standfirst": true,
	".Image": true, ".URL": true, ".Width": true, ".Height": true,
	".Authors": true, ".Name": true, ".Sep": true, // the byline
	".PublishedAt": true, ".CommentCount": true,
}
