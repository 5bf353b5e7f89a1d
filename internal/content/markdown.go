package content

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is built once; goldmark converters are safe for concurrent use.
// Raw HTML is left disabled (goldmark writes a comment in its place, which
// the sanitiser then drops), so authors cannot smuggle markup past the
// Markdown syntax.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.Linkify,
		extension.Typographer,
	),
	goldmark.WithParserOptions(
		parser.WithASTTransformers(util.Prioritized(headings{}, 100)),
	),
)

// Markdown renders CommonMark with GFM tables, strikethrough and autolinks
// to HTML that is safe to insert into a page. The result passes through
// Sanitize. An h1 in the source becomes an h2, since the page has its own
// h1, and every heading gets an id derived from its text with the prefix
// "h-" ("## Why it matters" gets id="h-why-it-matters"), so #anchors work
// and cannot collide with the page's own ids.
func Markdown(src string) (string, error) {
	src = strings.ToValidUTF8(src, "\uFFFD")
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("content: markdown: %w", err)
	}
	return Sanitize(buf.String()), nil
}

// headings demotes h1 to h2 and gives every heading a unique id.
type headings struct{}

func (headings) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	ids := &headingIDs{used: make(map[string]bool), next: make(map[string]int)}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if h.Level == 1 {
			h.Level = 2
		}
		h.SetAttributeString("id", []byte(ids.id(headingText(h, src))))
		return ast.WalkSkipChildren, nil
	})
}

// headingIDs hands out unique heading ids within one document.
type headingIDs struct {
	used map[string]bool
	next map[string]int // next suffix to try for a base id
}

// id returns "h-" and the slug of text, with "-2", "-3" … appended when an
// earlier heading already has that id.
func (ids *headingIDs) id(text string) string {
	base := Slugify(text)
	if base == "" {
		base = "section"
	}
	base = "h-" + base
	id := base
	// Remembering where the search stopped keeps a document of many equal
	// headings linear rather than quadratic.
	n := max(ids.next[base], 2)
	for ids.used[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	ids.next[base] = n
	ids.used[id] = true
	return id
}

// headingText returns the text a reader sees in a heading.
func headingText(h *ast.Heading, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Entities such as "&amp;" stay unresolved in text segments.
	return html.UnescapeString(b.String())
}
