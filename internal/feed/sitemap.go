package feed

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Limits the sitemaps protocol and Google News set on one file.
const (
	MaxSitemapURLs    = 50_000
	MaxSitemapBytes   = 50 * 1024 * 1024
	MaxNewsURLs       = 1_000
	NewsSitemapMaxAge = 48 * time.Hour
)

// URL is one entry of a sitemap or a sitemap index.
type URL struct {
	Loc     string    // site-relative path, made absolute with Site.BaseURL; absolute URLs pass through
	LastMod time.Time // zero leaves lastmod out
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	NSNews  string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	News    *newsNews `xml:"news:news,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

type newsNews struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// Sitemap writes a sitemaps.org 0.9 urlset of urls, in the order given. It
// refuses more than MaxSitemapURLs entries or an output over MaxSitemapBytes:
// the caller must split them and list the parts with SitemapIndex.
func Sitemap(s Site, urls []URL) ([]byte, error) {
	if len(urls) > MaxSitemapURLs {
		return nil, fmt.Errorf("feed: sitemap: %d URLs, at most %d fit in one file", len(urls), MaxSitemapURLs)
	}
	doc := urlset{NS: nsSitemap, URLs: sitemapURLs(s, urls)}
	return checkSize("sitemap", doc)
}

// SitemapIndex writes a sitemaps.org 0.9 sitemap index listing sitemaps, with
// the same limits as Sitemap.
func SitemapIndex(s Site, sitemaps []URL) ([]byte, error) {
	if len(sitemaps) > MaxSitemapURLs {
		return nil, fmt.Errorf("feed: sitemap index: %d sitemaps, at most %d fit in one file", len(sitemaps), MaxSitemapURLs)
	}
	doc := sitemapIndex{NS: nsSitemap, Sitemaps: sitemapURLs(s, sitemaps)}
	return checkSize("sitemap index", doc)
}

func sitemapURLs(s Site, urls []URL) []sitemapURL {
	out := make([]sitemapURL, len(urls))
	for i, u := range urls {
		out[i].Loc = s.abs(u.Loc)
		if !u.LastMod.IsZero() {
			out[i].LastMod = rfc3339(s, u.LastMod)
		}
	}
	return out
}

func checkSize(what string, doc any) ([]byte, error) {
	b, err := marshalXML(doc)
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSitemapBytes {
		return nil, fmt.Errorf("feed: %s: %d bytes, at most %d fit in one file", what, len(b), MaxSitemapBytes)
	}
	return b, nil
}

// NewsSitemap writes a Google News sitemap: a sitemaps.org urlset whose
// entries carry news:news. Only items first published within the two days
// before now (and not after it) are listed, newest first, at most MaxNewsURLs
// of them, as Google asks. The publication is s.Name in s.Language reduced to
// the ISO 639 code Google accepts ("en-GB" becomes "en"; zh-cn and zh-tw stay).
// With nothing recent the urlset is empty, which Google accepts though the
// sitemaps.org schema wants at least one url.
func NewsSitemap(s Site, items []news.Article, now time.Time) ([]byte, error) {
	since := now.Add(-NewsSitemapMaxAge)
	recent := make([]*news.Article, 0, len(items))
	for i := range items {
		p := items[i].PublishedAt
		if !p.IsZero() && p.After(since) && !p.After(now) {
			recent = append(recent, &items[i])
		}
	}
	sort.SliceStable(recent, func(i, j int) bool { return recent[i].PublishedAt.After(recent[j].PublishedAt) })
	if len(recent) > MaxNewsURLs {
		recent = recent[:MaxNewsURLs]
	}
	doc := urlset{NS: nsSitemap, NSNews: nsSitemapNews, URLs: make([]sitemapURL, len(recent))}
	pub := newsPublication{Name: clean(s.Name), Language: newsLanguage(s.Language)}
	for i, a := range recent {
		doc.URLs[i] = sitemapURL{
			Loc:     s.articleURL(a),
			LastMod: rfc3339(s, Updated(a)),
			News: &newsNews{
				Publication: pub,
				Date:        rfc3339(s, a.PublishedAt),
				Title:       clean(a.Headline),
			},
		}
	}
	return checkSize("news sitemap", doc)
}

// newsLanguage reduces a BCP 47 tag to what Google News accepts.
func newsLanguage(tag string) string {
	t := strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	switch {
	case t == "":
		return "en"
	case strings.HasPrefix(t, "zh-tw"), strings.HasPrefix(t, "zh-hant"):
		return "zh-tw"
	case strings.HasPrefix(t, "zh"):
		return "zh-cn"
	}
	if i := strings.IndexByte(t, '-'); i >= 0 {
		t = t[:i]
	}
	return t
}

// Robots writes robots.txt: everything may be crawled except the back office
// and the API, and the sitemaps are named by absolute URL as the protocol
// requires. Disallow lines come before Allow so that crawlers which take the
// first matching rule, rather than the longest, read it the same way.
func Robots(s Site) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	b.WriteString("Disallow: /admin/\n")
	b.WriteString("Disallow: /api/\n")
	b.WriteString("Allow: /\n\n")
	b.WriteString("Sitemap: " + s.abs("/sitemap.xml") + "\n")
	b.WriteString("Sitemap: " + s.abs("/news-sitemap.xml") + "\n")
	return []byte(b.String())
}
