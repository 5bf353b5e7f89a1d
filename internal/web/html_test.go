package web_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/web"
)

// parseHTML parses a page, failing the test when it cannot.
func parseHTML(tb testing.TB, b []byte) *html.Node {
	tb.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// findAll returns every element under n, in document order, for which match
// is true.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

// find returns the first element under n for which match is true, or nil.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && match(c) {
			return c
		}
	}
	return nil
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries attribute key at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// hasClass reports whether n's class attribute lists class.
func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// text is the text content of n with runs of white space folded to one space.
func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Matchers for find and findAll.

func tag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

func tagClass(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && hasClass(n, class) }
}

func class(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, class) }
}

func id(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "id") == id }
}

// links returns the href of every <a> under n.
func links(n *html.Node) []string {
	var out []string
	for _, a := range findAll(n, tag(atom.A)) {
		out = append(out, attr(a, "href"))
	}
	return out
}

// TestCardMemoSamePages: with the card memo on (as herald export runs), every
// page comes out byte for byte as it does with the memo off, the first time
// and from the memo.
func TestCardMemoSamePages(t *testing.T) {
	plain := sharedSite(t)
	memo := newDemoSite(t, func(o *web.Options) { o.CacheBytes, o.CardMemoBytes = -1, 1<<20 })
	pages := append(everyPage(t, plain), "/", "/feed.xml", "/authors/maya-okafor/", "/corrections/")
	for round := range 2 {
		for _, p := range pages {
			want := request(plain.h, http.MethodGet, p, nil)
			got := request(memo.h, http.MethodGet, p, nil)
			if got.Code != want.Code || got.Body.String() != want.Body.String() {
				t.Errorf("round %d, %s: %d, %d bytes with the memo; %d, %d bytes without", round+1, p, got.Code, got.Body.Len(), want.Code, want.Body.Len())
			}
		}
	}
}
