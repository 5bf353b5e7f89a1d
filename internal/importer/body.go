package importer

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/content"
)

// body turns an imported HTML body into what Herald stores: sanitised HTML
// for readers and Markdown for the editor.
type bodyEnv struct {
	oldHosts map[string]bool // the old site's hosts: links there become site paths, which redirect
	uploads  *uploads        // nil without --uploads
	counts   map[string]*ShortcodeCount
	// taken are the addresses of the body last cleaned that now point at
	// copies from the uploads folder, old → new.
	taken map[string]string
}

// wordpress cleans a WordPress body: block comments, shortcodes, the
// paragraphs of the classic editor, images from the uploads folder, links
// to the old site; then sanitises it and writes the Markdown.
func (e *bodyEnv) wordpress(raw string) (htmlOut, md string, err error) {
	s := stripBlockComments(raw)
	s = shortcodes(s, e.counts)
	root, err := parseFragment(s)
	if err != nil {
		return "", "", err
	}
	// Block-editor bodies have their paragraphs already; autop leaves
	// those alone and only wraps the text that shortcodes left between them.
	autop(root)
	if err := e.rewrite(root); err != nil {
		return "", "", err
	}
	return e.finish(root)
}

// html cleans HTML rendered from Markdown: images from the uploads folder
// and links to the old site.
func (e *bodyEnv) html(rendered string) (string, error) {
	e.taken = map[string]string{}
	root, err := parseFragment(rendered)
	if err != nil {
		return "", err
	}
	if err := e.rewrite(root); err != nil {
		return "", err
	}
	out, err := render(root)
	if err != nil {
		return "", err
	}
	return content.Sanitize(out), nil
}

func (e *bodyEnv) finish(root *html.Node) (string, string, error) {
	out, err := render(root)
	if err != nil {
		return "", "", err
	}
	clean := content.Sanitize(out)
	md, err := toMarkdown(clean)
	if err != nil {
		return "", "", err
	}
	return clean, md, nil
}

// parseFragment parses HTML as the content of a <body> into a container
// node.
func parseFragment(s string) (*html.Node, error) {
	ctx := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return nil, err
	}
	root := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root, nil
}

func render(root *html.Node) (string, error) {
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// blockElems are the elements WordPress's wpautop leaves out of paragraphs.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Figure: true,
	atom.Hr: true, atom.Address: true, atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Form: true, atom.Fieldset: true, atom.Details: true, atom.Iframe: true,
	atom.Script: true, atom.Style: true, atom.Object: true, atom.Video: true, atom.Audio: true, atom.Figcaption: true,
	atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Caption: true, atom.Noscript: true,
}

// paraBreak is a blank line: where classic-editor text starts a paragraph.
var paraBreak = regexp.MustCompile(`\n[ \t\r]*\n\s*`)

// autop gives classic-editor text the paragraphs WordPress adds when it
// shows it (wpautop): runs of text and inline elements between blocks
// become paragraphs, split at blank lines, with single line breaks kept as
// <br>. It works inside <blockquote> and <div> too, as wpautop does.
func autop(n *html.Node) {
	var run []*html.Node
	var out []*html.Node
	flush := func() {
		out = append(out, paragraphs(run)...)
		run = nil
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		if c.Type == html.ElementNode && blockElems[c.DataAtom] {
			flush()
			if c.DataAtom == atom.Blockquote || c.DataAtom == atom.Div {
				autop(c)
			}
			out = append(out, c)
		} else if c.Type == html.TextNode || c.Type == html.ElementNode {
			run = append(run, c)
		}
		c = next
	}
	flush()
	for _, c := range out {
		n.AppendChild(c)
	}
}

// paragraphs splits a run of inline nodes at blank lines into <p> elements.
func paragraphs(run []*html.Node) []*html.Node {
	var paras [][]*html.Node
	cur := []*html.Node{}
	for _, c := range run {
		if c.Type != html.TextNode {
			cur = append(cur, c)
			continue
		}
		parts := paraBreak.Split(c.Data, -1)
		for i, part := range parts {
			if i > 0 {
				paras = append(paras, cur)
				cur = []*html.Node{}
			}
			if part != "" {
				cur = append(cur, &html.Node{Type: html.TextNode, Data: part})
			}
		}
	}
	paras = append(paras, cur)
	var out []*html.Node
	for _, nodes := range paras {
		trimEdges(nodes)
		if blank(nodes) {
			continue
		}
		p := &html.Node{Type: html.ElementNode, DataAtom: atom.P, Data: "p"}
		for _, c := range nodes {
			if c.Type == html.TextNode && strings.Contains(c.Data, "\n") {
				lines := strings.Split(c.Data, "\n")
				for i, l := range lines {
					if i > 0 {
						p.AppendChild(&html.Node{Type: html.ElementNode, DataAtom: atom.Br, Data: "br"})
					}
					if l != "" {
						p.AppendChild(&html.Node{Type: html.TextNode, Data: l})
					}
				}
				continue
			}
			p.AppendChild(c)
		}
		out = append(out, p)
	}
	return out
}

// trimEdges trims the whitespace at the start of a paragraph's first text
// and the end of its last.
func trimEdges(nodes []*html.Node) {
	if len(nodes) == 0 {
		return
	}
	if f := nodes[0]; f.Type == html.TextNode {
		f.Data = strings.TrimLeft(f.Data, " \t\r\n")
	}
	if l := nodes[len(nodes)-1]; l.Type == html.TextNode {
		l.Data = strings.TrimRight(l.Data, " \t\r\n")
	}
}

func blank(nodes []*html.Node) bool {
	for _, c := range nodes {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// rewrite points images at the copies taken from the uploads folder and
// makes links to the old site into site paths, which redirect to where the
// things linked now live.
func (e *bodyEnv) rewrite(n *html.Node) error {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Img:
			for i, a := range n.Attr {
				if a.Key == "src" {
					v, err := e.link(a.Val, true)
					if err != nil {
						return err
					}
					n.Attr[i].Val = v
				}
			}
		case atom.A:
			for i, a := range n.Attr {
				if a.Key == "href" {
					v, err := e.link(a.Val, false)
					if err != nil {
						return err
					}
					n.Attr[i].Val = v
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := e.rewrite(c); err != nil {
			return err
		}
	}
	return nil
}

// link rewrites one address: a file of the uploads folder becomes the
// stored copy's /media/ path; any other address on the old site becomes a
// site path.
func (e *bodyEnv) link(raw string, image bool) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw, nil
	}
	onOldSite := u.Host == "" && u.Scheme == "" || e.oldHosts[strings.ToLower(u.Hostname())]
	if !onOldSite {
		return raw, nil
	}
	if e.uploads != nil {
		if local, ok, err := e.uploads.take(u.Path, image); err != nil {
			return "", err
		} else if ok {
			if e.taken != nil {
				e.taken[raw] = local
			}
			return local, nil
		}
	}
	if u.Host == "" || image || strings.Contains(u.Path, "/wp-content/") {
		// Files stay where they are: the old site (or a CDN in front of
		// it) keeps serving them until they are taken with --uploads.
		return raw, nil
	}
	rel := &url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery, Fragment: u.Fragment}
	if rel.Path == "" {
		rel.Path = "/"
	}
	return rel.String(), nil
}
