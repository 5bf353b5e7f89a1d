// Package demo holds Herald's demo newsroom: an original, fictional news site
// (The Harbor Ledger) with sections, authors, sources, tags, static pages and
// stories, and the pictures that go with them, all made by this package.
//
// Only the command line imports it, to fill an empty database for
// `herald serve --demo`.
package demo

import (
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Story is a demo article before it is stored: references to sections, authors,
// tags and sources are by slug, and times are offsets before the moment the demo
// is loaded, so the site always looks current.
type Story struct {
	Slug        string
	Section     string   // section slug
	Authors     []string // author slugs, in byline order
	Tags        []string // tag slugs
	Headline    string
	Standfirst  string
	Body        string // Markdown
	Credits     []Credit
	Corrections []Correction
	Age         time.Duration // published this long before load time
	UpdatedAge  time.Duration // updated this long before load time; 0 when never updated
	Image       *Image
	Comments    bool // comments open
}

// Credit is a source credit by source slug.
type Credit struct {
	Source string
	Kind   news.CreditKind
	URL    string
}

// Correction is a corrections-log entry, Age before load time.
type Correction struct {
	Kind news.CorrectionKind
	Text string
	Age  time.Duration
}

// Image describes a featured image that this package draws itself.
type Image struct {
	Seed    int64 // picks the drawing
	Alt     string
	Caption string
	Credit  string
}

// Newsroom is the whole demo site.
type Newsroom struct {
	Name     string
	Tagline  string
	Sections []news.Section
	Authors  []news.Author // PhotoURL is "/media/authors/{slug}.png"
	Tags     []news.Tag
	Sources  []news.Source
	Pages    []news.Page
	Stories  []Story
}

// Site returns the demo newsroom. It is the same on every call.
func Site() *Newsroom {
	n := &Newsroom{
		Name:     "The Harbor Ledger",
		Tagline:  "Independent news from the coast and the country",
		Sections: sections(),
		Authors:  authors(),
		Tags:     tags(),
		Sources:  sources(),
		Pages:    pages(),
	}
	n.Stories = append(n.Stories, storiesA()...)
	n.Stories = append(n.Stories, storiesB()...)
	return n
}
