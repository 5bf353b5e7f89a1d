package feed

import (
	"html"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/herald-news/herald/internal/news"
)

// Generator is the name feeds give for the program that wrote them.
const Generator = "Herald"

// Site is what every document needs to know about the publication itself.
type Site struct {
	Name        string
	Description string
	// BaseURL is absolute with no trailing slash: "https://news.example" or
	// "http://127.0.0.1:8080". Every link in every document starts with it.
	BaseURL  string
	Language string // BCP 47 tag, "en"
	LogoURL  string // publisher logo, absolute or site-relative; may be empty
	// Location is the zone dates are written in; nil means UTC. It changes how
	// a date is written, never which instant it names.
	Location *time.Location
	// NoSearch leaves search out of what the documents offer: a static
	// copy of the site has no /search.
	NoSearch bool
}

// Channel is one feed: the whole site, or one section, author or tag.
type Channel struct {
	Title       string // falls back to Site.Name
	Description string // falls back to Site.Description
	// Path is the site path of the HTML page this feed mirrors, "/" or
	// "/usa-news/" or "/authors/maya-okafor/". The feeds themselves live
	// beside it: Path+"feed.xml", Path+"atom.xml", Path+"feed.json".
	Path string
}

// The file names of a channel's three feeds, relative to Channel.Path.
const (
	RSSName      = "feed.xml"
	AtomName     = "atom.xml"
	JSONFeedName = "feed.json"
)

func (c Channel) title(s Site) string {
	if c.Title != "" {
		return c.Title
	}
	return s.Name
}

func (c Channel) description(s Site) string {
	if c.Description != "" {
		return c.Description
	}
	return s.Description
}

func (c Channel) path() string {
	p := c.Path
	if p == "" {
		p = "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

func (s Site) loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// abs makes a site-relative reference absolute. Absolute http(s) URLs pass
// through; "//host/x" takes the site's scheme; anything else is taken as a
// path from the site root.
func (s Site) abs(ref string) string {
	switch {
	case ref == "":
		return ""
	case strings.HasPrefix(ref, "http://"), strings.HasPrefix(ref, "https://"):
		return ref
	case strings.HasPrefix(ref, "//"):
		return s.scheme() + ":" + ref
	case strings.HasPrefix(ref, "/"):
		return s.base() + ref
	}
	return s.base() + "/" + ref
}

func (s Site) base() string { return strings.TrimRight(s.BaseURL, "/") }

func (s Site) scheme() string {
	if u, err := url.Parse(s.BaseURL); err == nil && u.Scheme != "" {
		return u.Scheme
	}
	return "https"
}

// host is the site's host name without a port, for tag URIs (RFC 4151 allows
// a DNS name or an email address there, not a port).
func (s Site) host() string {
	if u, err := url.Parse(s.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}

func (s Site) articleURL(a *news.Article) string { return s.abs(a.Path()) }
func (s Site) authorURL(au news.Author) string   { return s.abs("/authors/" + au.Slug + "/") }
func (s Site) sectionURL(sec news.Section) string {
	return s.abs("/" + sec.Slug + "/")
}

// ArticleID is the article's permanent identifier in every feed: a tag URI
// (RFC 4151) built from the site's host, the UTC date of first publication and
// the article's database id, "tag:news.example,2025-03-14:article:42". It does
// not change when the slug or section does, so readers never see a story
// twice. An article never published falls back to its creation date.
func ArticleID(s Site, a *news.Article) string {
	t := a.PublishedAt
	if t.IsZero() {
		t = a.CreatedAt
	}
	return "tag:" + s.host() + "," + t.UTC().Format("2006-01-02") + ":article:" + strconv.FormatInt(a.ID, 10)
}

// Updated is when machines should consider the article last changed: the later
// of its LastModified time and its newest corrections-log entry.
func Updated(a *news.Article) time.Time {
	t := a.LastModified()
	for _, c := range a.Corrections {
		if c.CreatedAt.After(t) {
			t = c.CreatedAt
		}
	}
	return t
}

// newest is the latest Updated time among items; zero when there are none.
func newest(items []news.Article) time.Time {
	var t time.Time
	for i := range items {
		if u := Updated(&items[i]); u.After(t) {
			t = u
		}
	}
	return t
}

// clean drops what XML 1.0 cannot carry (control characters, lone surrogates,
// U+FFFE/U+FFFF) and bytes that are not UTF-8, so every document parses
// whatever an editor pasted.
func clean(s string) string {
	ok := true
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && isBadByte(s, i)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && isBadByte(s, i)) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isBadByte(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// imageType guesses an image's media type from its file extension, from a
// fixed table so the answer does not depend on the machine's mime.types.
func imageType(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	dot := strings.LastIndexByte(u, '.')
	if dot < 0 || strings.Contains(u[dot:], "/") {
		return ""
	}
	switch strings.ToLower(u[dot+1:]) {
	case "png":
		return "image/png"
	case "jpg", "jpeg":
		return "image/jpeg"
	case "gif":
		return "image/gif"
	case "webp":
		return "image/webp"
	case "avif":
		return "image/avif"
	case "svg":
		return "image/svg+xml"
	}
	return ""
}

// absolutize rewrites root-relative and scheme-relative URLs in the href, src,
// poster, cite and srcset attributes of sanitised HTML to absolute ones, so a
// feed reader, which has no idea where the page lives, can follow them. It only
// looks inside tags: text that happens to read href="/x" is left alone. Links
// relative to the page ("x.png") are left for xml:base (Atom) or the reader.
func (s Site) absolutize(h string) string {
	if !strings.Contains(h, `"/`) && !strings.Contains(h, `'/`) && !strings.Contains(h, `=/`) {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 256)
	i := 0
	for i < len(h) {
		lt := strings.IndexByte(h[i:], '<')
		if lt < 0 {
			b.WriteString(h[i:])
			break
		}
		b.WriteString(h[i : i+lt])
		i += lt
		if strings.HasPrefix(h[i:], "<!--") {
			end := strings.Index(h[i+4:], "-->")
			if end < 0 {
				b.WriteString(h[i:])
				break
			}
			b.WriteString(h[i : i+4+end+3])
			i += 4 + end + 3
			continue
		}
		if i+1 >= len(h) || !isASCIILetter(h[i+1]) {
			b.WriteByte('<')
			i++
			continue
		}
		i = s.copyTag(&b, h, i)
	}
	return b.String()
}

// copyTag copies the start tag at h[i] to b, rewriting URL attributes, and
// returns the index just past it.
func (s Site) copyTag(b *strings.Builder, h string, i int) int {
	j := i + 1
	for j < len(h) && !isHTMLSpace(h[j]) && h[j] != '>' && h[j] != '/' {
		j++
	}
	b.WriteString(h[i:j])
	i = j
	for i < len(h) {
		c := h[i]
		if c == '>' {
			b.WriteByte(c)
			return i + 1
		}
		if isHTMLSpace(c) || c == '/' {
			b.WriteByte(c)
			i++
			continue
		}
		k := i
		for k < len(h) && !isHTMLSpace(h[k]) && h[k] != '=' && h[k] != '>' && h[k] != '/' {
			k++
		}
		if k == i { // a stray '=': copy it and move on
			k++
		}
		name := strings.ToLower(h[i:k])
		b.WriteString(h[i:k])
		i = k
		m := i
		for m < len(h) && isHTMLSpace(h[m]) {
			m++
		}
		if m >= len(h) || h[m] != '=' {
			continue
		}
		m++
		for m < len(h) && isHTMLSpace(h[m]) {
			m++
		}
		b.WriteString(h[i:m])
		i = m
		if i >= len(h) {
			return i
		}
		if q := h[i]; q == '"' || q == '\'' {
			end := strings.IndexByte(h[i+1:], q)
			if end < 0 {
				b.WriteString(h[i:])
				return len(h)
			}
			b.WriteByte(q)
			b.WriteString(s.rewriteAttr(name, h[i+1:i+1+end]))
			b.WriteByte(q)
			i += 1 + end + 1
			continue
		}
		k = i
		for k < len(h) && !isHTMLSpace(h[k]) && h[k] != '>' {
			k++
		}
		b.WriteString(s.rewriteAttr(name, h[i:k]))
		i = k
	}
	return i
}

func (s Site) rewriteAttr(name, val string) string {
	switch name {
	case "href", "src", "poster", "cite":
		return s.absRef(val)
	case "srcset":
		parts := strings.Split(val, ",")
		for n, p := range parts {
			t := strings.TrimLeft(p, " \t\n\r\f")
			lead := p[:len(p)-len(t)]
			parts[n] = lead + s.absRef(t)
		}
		return strings.Join(parts, ",")
	}
	return val
}

// absRef makes one attribute value absolute when it starts with "/". The value
// is still HTML-escaped text, so the base goes in escaped too.
func (s Site) absRef(v string) string {
	switch {
	case strings.HasPrefix(v, "//"):
		return s.scheme() + ":" + v
	case strings.HasPrefix(v, "/"):
		return html.EscapeString(s.base()) + v
	}
	return v
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// itemImageURL is the absolute URL of the article's featured image, or "".
func (s Site) itemImageURL(a *news.Article) string {
	if a.Image == nil || a.Image.URL == "" {
		return ""
	}
	return s.abs(a.Image.URL)
}

// categories lists the section name and then the tag names, without blanks.
func categories(a *news.Article) []string {
	out := make([]string, 0, 1+len(a.Tags))
	if a.Section.Name != "" {
		out = append(out, clean(a.Section.Name))
	}
	for _, t := range a.Tags {
		if t.Name != "" {
			out = append(out, clean(t.Name))
		}
	}
	return out
}
