package importer

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown writes sanitised HTML as Markdown, so that the back office's
// editor, which edits Markdown, can edit an imported story. Readers see the
// sanitised HTML itself until the story is next saved; Markdown cannot say
// everything HTML can (a figure's caption becomes an emphasised line), so
// the first save in the editor may change such details.
func toMarkdown(sanitised string) (string, error) {
	root, err := parseFragment(sanitised)
	if err != nil {
		return "", err
	}
	var w mdWriter
	w.blocks(root, "")
	return strings.TrimSpace(strings.Join(w.out, "\n\n")) + "\n", nil
}

type mdWriter struct {
	out []string // blocks
}

func (w *mdWriter) add(block string) {
	if strings.TrimSpace(block) != "" {
		w.out = append(w.out, block)
	}
}

// blocks writes the children of n as blocks.
func (w *mdWriter) blocks(n *html.Node, _ string) {
	var inl strings.Builder
	flush := func() {
		w.add(strings.TrimSpace(inl.String()))
		inl.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockElems[c.DataAtom] {
			flush()
			w.block(c)
			continue
		}
		inline(&inl, c)
	}
	flush()
}

func (w *mdWriter) block(n *html.Node) {
	switch n.DataAtom {
	case atom.P:
		w.add(strings.TrimSpace(inlineOf(n)))
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		w.add(strings.Repeat("#", level) + " " + oneLine(inlineOf(n)))
	case atom.Hr:
		w.add("---")
	case atom.Pre:
		code := textOf(n)
		lang := ""
		if c := n.FirstChild; c != nil && c.DataAtom == atom.Code {
			for _, a := range c.Attr {
				if a.Key == "class" && strings.HasPrefix(a.Val, "language-") {
					lang = strings.TrimPrefix(a.Val, "language-")
				}
			}
		}
		fence := "```"
		for strings.Contains(code, fence) {
			fence += "`"
		}
		w.add(fence + lang + "\n" + strings.TrimRight(code, "\n") + "\n" + fence)
	case atom.Blockquote:
		var sub mdWriter
		sub.blocks(n, "")
		body := strings.Join(sub.out, "\n\n")
		lines := strings.Split(body, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight("> "+l, " ")
		}
		w.add(strings.Join(lines, "\n"))
	case atom.Ul, atom.Ol:
		w.add(list(n))
	case atom.Figure:
		var sub mdWriter
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Figcaption {
				if t := oneLine(inlineOf(c)); t != "" {
					sub.add("*" + t + "*")
				}
				continue
			}
			var b strings.Builder
			inline(&b, c)
			sub.add(strings.TrimSpace(b.String()))
		}
		w.out = append(w.out, sub.out...)
	case atom.Table:
		w.add(table(n))
	default:
		w.blocks(n, "")
	}
}

// list writes a list, its nested lists indented under their items.
func list(n *html.Node) string {
	var lines []string
	i := 1
	for _, a := range n.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(a.Val); err == nil {
				i = v
			}
		}
	}
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = strconv.Itoa(i) + ". "
			i++
		}
		var sub mdWriter
		sub.blocks(li, "")
		body := strings.Join(sub.out, "\n\n")
		pad := strings.Repeat(" ", len(marker))
		for j, l := range strings.Split(body, "\n") {
			switch {
			case j == 0:
				lines = append(lines, marker+l)
			case l == "":
				lines = append(lines, "")
			default:
				lines = append(lines, pad+l)
			}
		}
		if body == "" {
			lines = append(lines, strings.TrimSpace(marker))
		}
	}
	return strings.Join(lines, "\n")
}

// table writes a GitHub-style table; cells keep their inline formatting on
// one line.
func table(n *html.Node) string {
	var rows [][]string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Tr {
				var row []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						row = append(row, oneLine(inlineOf(td))) // escapeMD has escaped "|"
					}
				}
				rows = append(rows, row)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	if len(rows) == 0 {
		return ""
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var b strings.Builder
	for i, r := range rows {
		for len(r) < width {
			r = append(r, "")
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func inlineOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		inline(&b, c)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// textOf is the text of n, as it is, for code.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// inline writes an inline node as Markdown.
func inline(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(escapeMD(collapse(n.Data)))
		return
	case html.ElementNode:
	default:
		return
	}
	wrap := func(mark string) {
		inner := inlineOf(n)
		if strings.TrimSpace(inner) == "" {
			b.WriteString(inner)
			return
		}
		lead := inner[:len(inner)-len(strings.TrimLeft(inner, " "))]
		trail := inner[len(strings.TrimRight(inner, " ")):]
		b.WriteString(lead + mark + strings.TrimSpace(inner) + mark + trail)
	}
	switch n.DataAtom {
	case atom.Em, atom.I:
		wrap("*")
	case atom.Strong, atom.B:
		wrap("**")
	case atom.Del, atom.S:
		wrap("~~")
	case atom.Code:
		code := textOf(n)
		fence := "`"
		for strings.Contains(code, fence) {
			fence += "`"
		}
		pad := ""
		if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") {
			pad = " "
		}
		b.WriteString(fence + pad + code + pad + fence)
	case atom.Br:
		b.WriteString("\\\n")
	case atom.A:
		href := attr(n, "href")
		text := inlineOf(n)
		if href == "" {
			b.WriteString(text)
			return
		}
		if strings.TrimSpace(text) == "" {
			text = escapeMD(href)
		}
		b.WriteString("[" + text + "](" + mdURL(href) + ")")
	case atom.Img:
		src := attr(n, "src")
		if src == "" {
			return
		}
		out := "![" + escapeMD(attr(n, "alt")) + "](" + mdURL(src)
		if t := attr(n, "title"); t != "" {
			out += ` "` + strings.ReplaceAll(t, `"`, `\"`) + `"`
		}
		b.WriteString(out + ")")
	default:
		b.WriteString(inlineOf(n))
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// mdURL writes an address for a Markdown link: in angle brackets when it
// has spaces or parentheses.
func mdURL(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

// collapse turns runs of whitespace into one space, as HTML shows them.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// mdSpecial are the characters that would be read as Markdown.
var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`,
)

// escapeMD escapes text so Markdown shows it as it is. A line that would
// start a list gets its marker escaped too.
func escapeMD(s string) string {
	s = mdSpecial.Replace(s)
	trim := strings.TrimLeft(s, " ")
	switch {
	case strings.HasPrefix(trim, "- "), strings.HasPrefix(trim, "+ "), trim == "-", trim == "+":
		return s[:len(s)-len(trim)] + `\` + trim
	}
	i := 0
	for i < len(trim) && trim[i] >= '0' && trim[i] <= '9' {
		i++
	}
	if i > 0 && i < len(trim) && (trim[i] == '.' || trim[i] == ')') {
		return s[:len(s)-len(trim)] + trim[:i] + `\` + trim[i:]
	}
	return s
}
