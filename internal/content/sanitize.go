package content

import (
	"html"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// headingIDPattern is the shape of the ids Markdown gives headings. Ids from
// elsewhere must have it too, so that they can never collide with the ids the
// page templates use.
var headingIDPattern = regexp.MustCompile(`^h-[a-z0-9]+(-[a-z0-9]+)*$`)

// policy is the one allow-list. It is built once and only read afterwards;
// bluemonday policies are safe for concurrent use.
var policy = newPolicy()

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(
		"p", "h1", "h2", "h3", "h4", "h5", "h6",
		"em", "strong", "del", "code", "pre", "blockquote",
		"ul", "ol", "li", "hr", "br",
		"figure", "figcaption",
		"table", "thead", "tbody", "tr", "th", "td",
		"sup", "sub",
	)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt", "title").OnElements("img")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,5}$`)).OnElements("img")
	p.AllowAttrs("id").Matching(headingIDPattern).OnElements("h1", "h2", "h3", "h4", "h5", "h6")
	// Markdown emits these three; none of them can carry script or style.
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|center|right)$`)).OnElements("th", "td")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+#.-]{1,40}$`)).OnElements("code")

	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	// Without this bluemonday does not check URL schemes at all.
	p.RequireParseableURLs(true)
	return p
}

// Sanitize applies the allow-list to HTML that came from elsewhere, such as
// a WordPress import, and returns HTML that is safe to insert into a page.
// Elements outside the list are dropped but their text is kept (except for
// script, style and the like, whose content goes too). Like Markdown, it
// demotes h1 to h2, adds loading="lazy" to images and rel="noopener" to links
// that leave the site.
func Sanitize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return finish(policy.Sanitize(s))
}

// finish rewrites the tags in bluemonday's output for what an allow-list
// cannot express. It relies on that output being re-serialised by
// golang.org/x/net/html: every literal '<' starts a tag, text and attribute
// values have '<', '>' and '"' escaped, and values are double-quoted.
func finish(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			// Cannot happen with bluemonday's output; escape rather than trust.
			b.WriteString(s[:i])
			b.WriteString(html.EscapeString(s[i:]))
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(rewriteTag(s[i : i+j+1]))
		s = s[i+j+1:]
	}
}

// hrefAttr and srcAttr find a URL attribute in a re-serialised tag; a
// literal quote cannot occur inside a value, so the match cannot start there.
var (
	hrefAttr = regexp.MustCompile(` href="([^"]*)"`)
	srcAttr  = regexp.MustCompile(` src="([^"]*)"`)
)

func rewriteTag(tag string) string {
	name := tagName(tag)
	switch {
	case strings.HasPrefix(tag, "</"):
		// Attributes on end tags mean nothing; do not pass them on.
		if name == "h1" {
			name = "h2"
		}
		return "</" + name + ">"
	case name == "h1":
		return "<h2" + tag[len("<h1"):]
	case name == "img":
		m := srcAttr.FindStringSubmatch(tag)
		if m == nil {
			return ""
		}
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
			return ""
		}
		return `<img loading="lazy"` + tag[len("<img"):]
	case name == "a":
		m := hrefAttr.FindStringSubmatch(tag)
		if m != nil && isExternal(html.UnescapeString(m[1])) {
			tag = strings.TrimSuffix(strings.TrimSuffix(tag, ">"), "/")
			return tag + ` rel="noopener">`
		}
	}
	return tag
}

// tagName returns the lower-case element name of a tag such as "<a href=…>"
// or "</p>".
func tagName(tag string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(tag, "<"), "/")
	n := strings.IndexAny(t, " \t\n\f\r/>")
	if n < 0 {
		n = len(t)
	}
	return strings.ToLower(t[:n])
}

// isExternal reports whether a link leaves the site: it names a host, or
// starts with "/\", which browsers read as "//".
func isExternal(href string) bool {
	if strings.HasPrefix(href, `/\`) {
		return true
	}
	u, err := url.Parse(href)
	return err == nil && u.Host != ""
}
