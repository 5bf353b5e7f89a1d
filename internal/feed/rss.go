package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"strconv"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// XML namespaces the feeds and sitemaps use.
const (
	nsAtom        = "http://www.w3.org/2005/Atom"
	nsContent     = "http://purl.org/rss/1.0/modules/content/"
	nsDC          = "http://purl.org/dc/elements/1.1/"
	nsMedia       = "http://search.yahoo.com/mrss/"
	nsSitemap     = "http://www.sitemaps.org/schemas/sitemap/0.9"
	nsSitemapNews = "http://www.google.com/schemas/sitemap-news/0.9"
)

// encoding/xml cannot declare a prefix for a namespace, so extension elements
// are named with their prefix ("content:encoded") and the root declares the
// prefixes as plain attributes. The output is ordinary namespaced XML.

type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSAtom    string     `xml:"xmlns:atom,attr"`
	NSContent string     `xml:"xmlns:content,attr"`
	NSDC      string     `xml:"xmlns:dc,attr"`
	NSMedia   string     `xml:"xmlns:media,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	Generator     string    `xml:"generator"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          atomLink  `xml:"atom:link"`
	Image         *rssImage `xml:"image,omitempty"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type rssImage struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	Description string        `xml:"description,omitempty"`
	Content     *cdata        `xml:"content:encoded,omitempty"`
	Creators    []string      `xml:"dc:creator"`
	Categories  []rssCategory `xml:"category"`
	PubDate     string        `xml:"pubDate,omitempty"`
	Updated     string        `xml:"atom:updated,omitempty"`
	Media       *mediaContent `xml:"media:content,omitempty"`
}

// cdata holds HTML as a CDATA section, which keeps it readable; encoding/xml
// splits any "]]>" inside so the section cannot end early.
type cdata struct {
	Value string `xml:",cdata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssCategory struct {
	Domain string `xml:"domain,attr,omitempty"`
	Value  string `xml:",chardata"`
}

type mediaContent struct {
	URL         string     `xml:"url,attr"`
	Medium      string     `xml:"medium,attr"`
	Type        string     `xml:"type,attr,omitempty"`
	Width       string     `xml:"width,attr,omitempty"`
	Height      string     `xml:"height,attr,omitempty"`
	Description *mediaText `xml:"media:description,omitempty"`
	Credit      string     `xml:"media:credit,omitempty"`
}

type mediaText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

// RSS writes an RSS 2.0 feed of items, in the order given, for channel c. Its
// self link is c.Path+"feed.xml". Each item carries the standfirst as its
// description, the full body in content:encoded, every author as dc:creator,
// the section and tags as categories, the first publication as pubDate, the
// last change (corrections included) as atom:updated, and the featured image as
// media:content. The guid is ArticleID, so it survives a change of slug.
func RSS(s Site, c Channel, items []news.Article) ([]byte, error) {
	doc := rssDoc{
		Version:   "2.0",
		NSAtom:    nsAtom,
		NSContent: nsContent,
		NSDC:      nsDC,
		NSMedia:   nsMedia,
		Channel: rssChannel{
			Title:       clean(c.title(s)),
			Link:        s.abs(c.path()),
			Description: clean(c.description(s)),
			Language:    s.Language,
			Generator:   Generator,
			Self:        atomLink{Href: s.abs(c.path() + RSSName), Rel: "self", Type: "application/rss+xml"},
			Items:       make([]rssItem, 0, len(items)),
		},
	}
	if t := newest(items); !t.IsZero() {
		doc.Channel.LastBuildDate = rssDate(s, t)
	}
	if s.LogoURL != "" {
		doc.Channel.Image = &rssImage{URL: s.abs(s.LogoURL), Title: doc.Channel.Title, Link: doc.Channel.Link}
	}
	for i := range items {
		doc.Channel.Items = append(doc.Channel.Items, rssEntry(s, &items[i]))
	}
	return marshalXML(doc)
}

func rssEntry(s Site, a *news.Article) rssItem {
	it := rssItem{
		Title: clean(a.Headline),
		Link:  s.articleURL(a),
		GUID:  rssGUID{IsPermaLink: "false", Value: ArticleID(s, a)},
		// RSS readers treat description as HTML; the standfirst is plain text.
		Description: html.EscapeString(clean(a.Standfirst)),
		Content:     &cdata{clean(s.absolutize(a.BodyHTML))},
	}
	for _, au := range a.Authors {
		it.Creators = append(it.Creators, clean(au.Name))
	}
	if a.Section.Name != "" {
		it.Categories = append(it.Categories, rssCategory{Domain: s.abs("/"), Value: clean(a.Section.Name)})
	}
	for _, t := range a.Tags {
		it.Categories = append(it.Categories, rssCategory{Domain: s.abs("/tags/"), Value: clean(t.Name)})
	}
	if !a.PublishedAt.IsZero() {
		it.PubDate = rssDate(s, a.PublishedAt)
	}
	if u := Updated(a); !u.IsZero() {
		it.Updated = rfc3339(s, u)
	}
	if img := s.itemImageURL(a); img != "" {
		m := &mediaContent{URL: img, Medium: "image", Type: imageType(img)}
		if a.Image.Width > 0 && a.Image.Height > 0 {
			m.Width, m.Height = strconv.Itoa(a.Image.Width), strconv.Itoa(a.Image.Height)
		}
		if a.Image.Caption != "" {
			m.Description = &mediaText{Type: "plain", Value: clean(a.Image.Caption)}
		}
		m.Credit = clean(a.Image.Credit)
		it.Media = m
	}
	return it
}

// rssDate is RFC 1123 with a numeric zone, the form RSS readers parse best.
func rssDate(s Site, t time.Time) string { return t.In(s.loc()).Format(time.RFC1123Z) }

func rfc3339(s Site, t time.Time) string { return t.In(s.loc()).Format(time.RFC3339) }

// marshalXML writes v as an indented UTF-8 XML document with its declaration.
func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
