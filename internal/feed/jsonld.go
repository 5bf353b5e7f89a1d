package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/herald-news/herald/internal/news"
)

// The JSON-LD documents are built from typed structs rather than maps so that
// field order, and so the bytes, are stable.

type ldThing struct {
	Type string `json:"@type"`
	ID   string `json:"@id,omitempty"`
}

type ldImage struct {
	Type    string `json:"@type"`
	URL     string `json:"url"`
	Width   int    `json:"width,omitempty"`
	Height  int    `json:"height,omitempty"`
	Caption string `json:"caption,omitempty"`
	// CreditText is schema.org's property for the credit line of a picture.
	CreditText string `json:"creditText,omitempty"`
}

type ldPerson struct {
	Type     string   `json:"@type"`
	Name     string   `json:"name"`
	URL      string   `json:"url,omitempty"`
	JobTitle string   `json:"jobTitle,omitempty"`
	Image    string   `json:"image,omitempty"`
	SameAs   []string `json:"sameAs,omitempty"`
}

type ldOrganization struct {
	Type string   `json:"@type"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Logo *ldImage `json:"logo,omitempty"`
}

type ldCreativeWork struct {
	Type        string `json:"@type"`
	Name        string `json:"name"`
	URL         string `json:"url,omitempty"`
	Description string `json:"description,omitempty"`
}

type ldCorrection struct {
	Type          string `json:"@type"`
	Name          string `json:"name"`
	Text          string `json:"text"`
	DatePublished string `json:"datePublished,omitempty"`
}

type ldNewsArticle struct {
	Context             string           `json:"@context"`
	Type                string           `json:"@type"`
	Headline            string           `json:"headline"`
	Description         string           `json:"description,omitempty"`
	URL                 string           `json:"url"`
	MainEntityOfPage    ldThing          `json:"mainEntityOfPage"`
	Identifier          string           `json:"identifier"`
	DatePublished       string           `json:"datePublished,omitempty"`
	DateModified        string           `json:"dateModified,omitempty"`
	Image               []ldImage        `json:"image,omitempty"`
	Author              []ldPerson       `json:"author,omitempty"`
	Publisher           ldOrganization   `json:"publisher"`
	ArticleSection      string           `json:"articleSection,omitempty"`
	Keywords            []string         `json:"keywords,omitempty"`
	WordCount           int              `json:"wordCount,omitempty"`
	CommentCount        int              `json:"commentCount,omitempty"`
	IsAccessibleForFree bool             `json:"isAccessibleForFree"`
	InLanguage          string           `json:"inLanguage,omitempty"`
	Citation            []ldCreativeWork `json:"citation,omitempty"`
	IsBasedOn           []ldCreativeWork `json:"isBasedOn,omitempty"`
	Correction          []ldCorrection   `json:"correction,omitempty"`
}

// ArticleJSONLD writes the schema.org NewsArticle for a's page.
//
// Credits become citation, one CreativeWork each, named for the source, linked
// to the credited report (or the source's home page when the credit has no
// link, and not at all when neither is known), with the credit's kind in words
// as its description ("first reported by"); "first reported by" credits are
// also isBasedOn. A source may be an outlet or a person, so it is not typed
// further. Every corrections-log entry becomes a CorrectionComment in
// correction, named "Correction" or "Update" after its kind; the newest entry
// moves dateModified.
//
// The output is safe to put between <script type="application/ld+json"> and
// </script> as it is: encoding/json writes <, > and & inside strings as
// \u003c, \u003e and \u0026, so no string can close the script element. See
// JSONLDScript for use from html/template.
func ArticleJSONLD(s Site, a *news.Article) ([]byte, error) {
	link := s.articleURL(a)
	d := ldNewsArticle{
		Context:             "https://schema.org",
		Type:                "NewsArticle",
		Headline:            clean(a.Headline),
		Description:         clean(a.Standfirst),
		URL:                 link,
		MainEntityOfPage:    ldThing{Type: "WebPage", ID: link},
		Identifier:          ArticleID(s, a),
		Publisher:           publisher(s),
		ArticleSection:      clean(a.Section.Name),
		WordCount:           a.WordCount,
		CommentCount:        a.CommentCount,
		IsAccessibleForFree: true,
		InLanguage:          s.Language,
	}
	if !a.PublishedAt.IsZero() {
		d.DatePublished = rfc3339(s, a.PublishedAt)
	}
	if u := Updated(a); !u.IsZero() {
		d.DateModified = rfc3339(s, u)
	}
	if img := s.itemImageURL(a); img != "" {
		d.Image = []ldImage{{
			Type:       "ImageObject",
			URL:        img,
			Width:      a.Image.Width,
			Height:     a.Image.Height,
			Caption:    clean(a.Image.Caption),
			CreditText: clean(a.Image.Credit),
		}}
	}
	for _, au := range a.Authors {
		p := ldPerson{
			Type:     "Person",
			Name:     clean(au.Name),
			URL:      s.authorURL(au),
			JobTitle: clean(au.JobTitle),
			Image:    s.abs(au.PhotoURL),
		}
		for _, l := range au.Links {
			p.SameAs = append(p.SameAs, l.URL)
		}
		d.Author = append(d.Author, p)
	}
	for _, t := range a.Tags {
		d.Keywords = append(d.Keywords, clean(t.Name))
	}
	for _, c := range a.Credits {
		w := ldCreativeWork{
			Type:        "CreativeWork",
			Name:        clean(c.Source.Name),
			URL:         c.URL,
			Description: c.Kind.Phrase(),
		}
		if w.URL == "" {
			w.URL = c.Source.URL
		}
		d.Citation = append(d.Citation, w)
		if c.Kind == news.CreditFirstReported {
			d.IsBasedOn = append(d.IsBasedOn, w)
		}
	}
	for _, c := range a.Corrections {
		e := ldCorrection{Type: "CorrectionComment", Name: "Correction", Text: clean(c.Text)}
		if c.Kind == news.KindUpdate {
			e.Name = "Update"
		}
		if !c.CreatedAt.IsZero() {
			e.DatePublished = rfc3339(s, c.CreatedAt)
		}
		d.Correction = append(d.Correction, e)
	}
	return marshalLD(d)
}

func publisher(s Site) ldOrganization {
	o := ldOrganization{Type: "Organization", Name: clean(s.Name), URL: s.abs("/")}
	if s.LogoURL != "" {
		o.Logo = &ldImage{Type: "ImageObject", URL: s.abs(s.LogoURL)}
	}
	return o
}

type ldWebSite struct {
	Context         string          `json:"@context"`
	Type            string          `json:"@type"`
	Name            string          `json:"name"`
	Description     string          `json:"description,omitempty"`
	URL             string          `json:"url"`
	InLanguage      string          `json:"inLanguage,omitempty"`
	Publisher       ldOrganization  `json:"publisher"`
	PotentialAction *ldSearchAction `json:"potentialAction,omitempty"`
}

type ldSearchAction struct {
	Type       string       `json:"@type"`
	Target     ldEntryPoint `json:"target"`
	QueryInput string       `json:"query-input"`
}

type ldEntryPoint struct {
	Type        string `json:"@type"`
	URLTemplate string `json:"urlTemplate"`
}

// WebsiteJSONLD writes the schema.org WebSite for the front page, with a
// SearchAction that points at /search?q= unless the site is a static copy,
// which cannot search.
func WebsiteJSONLD(s Site) ([]byte, error) {
	site := ldWebSite{
		Context:     "https://schema.org",
		Type:        "WebSite",
		Name:        clean(s.Name),
		Description: clean(s.Description),
		URL:         s.abs("/"),
		InLanguage:  s.Language,
		Publisher:   publisher(s),
	}
	if !s.NoSearch {
		site.PotentialAction = &ldSearchAction{
			Type:       "SearchAction",
			Target:     ldEntryPoint{Type: "EntryPoint", URLTemplate: s.abs("/search?q={search_term_string}")},
			QueryInput: "required name=search_term_string",
		}
	}
	return marshalLD(site)
}

type ldBreadcrumbs struct {
	Context string       `json:"@context"`
	Type    string       `json:"@type"`
	Items   []ldListItem `json:"itemListElement"`
}

type ldListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// BreadcrumbJSONLD writes the schema.org BreadcrumbList for a's page: the
// site's name, the section, the headline.
func BreadcrumbJSONLD(s Site, a *news.Article) ([]byte, error) {
	return marshalLD(ldBreadcrumbs{
		Context: "https://schema.org",
		Type:    "BreadcrumbList",
		Items: []ldListItem{
			{Type: "ListItem", Position: 1, Name: clean(s.Name), Item: s.abs("/")},
			{Type: "ListItem", Position: 2, Name: clean(a.Section.Name), Item: s.sectionURL(a.Section)},
			{Type: "ListItem", Position: 3, Name: clean(a.Headline), Item: s.articleURL(a)},
		},
	})
}

// marshalLD encodes with encoding/json's HTML escaping left on: that is what
// makes the output safe inside a script element.
func marshalLD(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("feed: json-ld: %w", err)
	}
	return b, nil
}

// JSONLDScript wraps JSON-LD in a <script type="application/ld+json"> element
// for html/template, which would otherwise escape it as a JavaScript string.
// It escapes <, >, &, U+2028 and U+2029 again with json.HTMLEscape, so even
// bytes that did not come from this package cannot end the element early.
func JSONLDScript(data []byte) template.HTML {
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString(`<script type="application/ld+json">`)
	json.HTMLEscape(&b, data)
	b.WriteString(`</script>`)
	return template.HTML(b.String())
}
