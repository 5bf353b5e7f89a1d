package feed

import (
	"encoding/xml"
	"time"

	"github.com/herald-news/herald/internal/news"
)

type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"xml:lang,attr,omitempty"`
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Subtitle  string        `xml:"subtitle,omitempty"`
	Links     []atomLink    `xml:"link"`
	Updated   string        `xml:"updated"`
	Generator atomGenerator `xml:"generator"`
	Logo      string        `xml:"logo,omitempty"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomGenerator struct {
	Value string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
	Content    *atomContent   `xml:"content,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

type atomContent struct {
	Type  string `xml:"type,attr"`
	Base  string `xml:"xml:base,attr,omitempty"`
	Value string `xml:",cdata"`
}

// Atom writes an Atom 1.0 (RFC 4287) feed of items, in the order given, for
// channel c. Its self link is c.Path+"atom.xml" and its id the absolute URL of
// the page it mirrors. Entry ids are ArticleID; entry updated is Updated, so a
// correction shows as a change. The feed's updated is its newest entry's, or
// the Unix epoch for a feed with no entries (Atom requires one, and the clock
// would make the output change on every call).
func Atom(s Site, c Channel, items []news.Article) ([]byte, error) {
	page := s.abs(c.path())
	updated := newest(items)
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f := atomFeed{
		Lang:     s.Language,
		ID:       page,
		Title:    clean(c.title(s)),
		Subtitle: clean(c.description(s)),
		Links: []atomLink{
			{Href: page, Rel: "alternate", Type: "text/html"},
			{Href: s.abs(c.path() + AtomName), Rel: "self", Type: "application/atom+xml"},
		},
		Updated:   rfc3339(s, updated),
		Generator: atomGenerator{Value: Generator},
		Logo:      s.abs(s.LogoURL),
		Entries:   make([]atomEntry, 0, len(items)),
	}
	for i := range items {
		f.Entries = append(f.Entries, atomItem(s, &items[i]))
	}
	return marshalXML(f)
}

func atomItem(s Site, a *news.Article) atomEntry {
	link := s.articleURL(a)
	e := atomEntry{
		ID:      ArticleID(s, a),
		Title:   clean(a.Headline),
		Links:   []atomLink{{Href: link, Rel: "alternate", Type: "text/html"}},
		Updated: rfc3339(s, Updated(a)),
		Summary: clean(a.Standfirst),
		Content: &atomContent{Type: "html", Base: link, Value: clean(s.absolutize(a.BodyHTML))},
	}
	if !a.PublishedAt.IsZero() {
		e.Published = rfc3339(s, a.PublishedAt)
	}
	if img := s.itemImageURL(a); img != "" {
		e.Links = append(e.Links, atomLink{Href: img, Rel: "enclosure", Type: imageType(img)})
	}
	for _, au := range a.Authors {
		e.Authors = append(e.Authors, atomPerson{Name: clean(au.Name), URI: s.authorURL(au)})
	}
	if len(e.Authors) == 0 {
		// Atom requires an author on every entry (or on the feed); the
		// publication is the honest answer for an unsigned story.
		e.Authors = []atomPerson{{Name: clean(s.Name), URI: s.abs("/")}}
	}
	if a.Section.Name != "" {
		e.Categories = append(e.Categories, atomCategory{Term: a.Section.Slug, Scheme: s.abs("/"), Label: clean(a.Section.Name)})
	}
	for _, t := range a.Tags {
		e.Categories = append(e.Categories, atomCategory{Term: t.Slug, Scheme: s.abs("/tags/"), Label: clean(t.Name)})
	}
	return e
}
