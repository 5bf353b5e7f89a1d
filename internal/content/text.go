package content

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlainText returns the visible text of sanitised HTML with every run of
// whitespace collapsed to one space, for excerpts, meta descriptions, word
// counts and search. Block elements and <br> separate words; inline ones do
// not. The result is text, not HTML: escape it again before putting it in a
// page.
func PlainText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	hidden := "" // element whose content is not shown, while inside it
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		if hidden == "" {
			b.WriteString(html.UnescapeString(s[:i]))
		}
		s = s[i:]
		switch {
		case s == "":
		case strings.HasPrefix(s, "<!--"):
			if j := strings.Index(s[4:], "-->"); j >= 0 {
				s = s[4+j+3:]
			} else {
				s = ""
			}
		case len(s) < 2 || !(isASCIIAlpha(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?'):
			// Not a tag: a browser shows the '<'.
			if hidden == "" {
				b.WriteByte('<')
			}
			s = s[1:]
		default:
			j := tagEnd(s)
			name := tagName(s[:j])
			end := s[1] == '/'
			s = s[j:]
			switch {
			case hidden != "":
				if end && name == hidden {
					hidden = ""
				}
			case !end && invisible[name]:
				hidden = name
			case blocks[name]:
				b.WriteByte(' ')
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tagEnd returns the index just past the '>' that ends the tag at the start
// of s, skipping '>' inside quoted attribute values, or len(s).
func tagEnd(s string) int {
	var quote byte
	afterEq := false
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>':
			return i + 1
		case afterEq && (c == '"' || c == '\''):
			quote = c
		}
		if c == '=' {
			afterEq = true
		} else if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			afterEq = false
		}
	}
	return len(s)
}

// blocks are the elements whose edges separate words.
var blocks = setOf(
	"address", "article", "aside", "blockquote", "br", "dd", "details", "div",
	"dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
	"summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
)

// invisible are the elements whose content a reader never sees. Sanitised
// HTML has none of them, but PlainText may be given other HTML.
var invisible = setOf("script", "style", "template", "noscript", "iframe", "object", "title", "head")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func isASCIIAlpha(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// WordCount returns the number of words in text. A word is a run of
// characters between spaces that holds at least one letter or digit, so
// "well-known" and "don't" count once and a lone "—" not at all. Chinese and
// Japanese, written without spaces, count one word per ideograph or kana,
// which is what reading-time estimates for them assume.
func WordCount(text string) int {
	n := 0
	inWord, hasAlnum := false, false
	flush := func() {
		if inWord && hasAlnum {
			n++
		}
		inWord, hasAlnum = false, false
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			flush()
		case isCJK(r):
			flush()
			n++
		default:
			inWord = true
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				hasAlnum = true
			}
		}
	}
	flush()
	return n
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// Excerpt returns text with whitespace collapsed, cut to at most max runes
// at a word boundary, with "…" added when it was cut (so the result has at
// most max+1 runes). It never cuts inside a word: if the first word alone is
// longer than max the result is just "…". It returns "" when max < 1.
func Excerpt(text string, max int) string {
	if max < 1 {
		return ""
	}
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, "\uFFFD")), " ")
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	// cut is the byte offset just after the first max runes.
	cut, n := 0, 0
	for i := range text {
		if n == max {
			cut = i
			break
		}
		n++
	}
	for cut > 0 && !wordBoundary(text, cut) {
		_, size := utf8.DecodeLastRuneInString(text[:cut])
		cut -= size
	}
	head := strings.TrimRightFunc(text[:cut], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
	})
	return head + "…"
}

// wordBoundary reports whether text may be cut at byte offset i, which is
// inside text and on a rune boundary.
func wordBoundary(text string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(before) || unicode.IsSpace(after) || isCJK(before) || isCJK(after)
}

// Paragraphs splits plain text into paragraphs on blank lines (lines that
// are empty or hold only whitespace). Each paragraph is trimmed and keeps
// its single line breaks as "\n"; empty paragraphs are dropped.
func Paragraphs(text string) []string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var paras, lines []string
	flush := func() {
		if p := strings.TrimSpace(strings.Join(lines, "\n")); p != "" {
			paras = append(paras, p)
		}
		lines = lines[:0]
	}
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return paras
}

// TextToHTML turns plain text, such as a comment or an author's bio, into
// safe HTML: everything is escaped, blank lines separate <p> paragraphs,
// single line breaks become <br>, and bare http(s) URLs become links with
// rel="nofollow ugc noopener". No markup in text ever gets through.
func TextToHTML(text string) string {
	text = strings.ReplaceAll(text, "\x00", "\uFFFD")
	var b strings.Builder
	for i, p := range Paragraphs(text) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>")
		for j, line := range strings.Split(p, "\n") {
			if j > 0 {
				b.WriteString("<br>\n")
			}
			writeLinked(&b, strings.TrimSpace(line))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

// bareURL finds candidate URLs in plain text; writeLinked trims what
// usually follows a URL in prose.
var bareURL = regexp.MustCompile(`(?i)\bhttps?://[^\s\p{Z}\p{Cc}<>"]+`)

// writeLinked writes line escaped, with its http(s) URLs as links.
func writeLinked(b *strings.Builder, line string) {
	for {
		loc := bareURL.FindStringIndex(line)
		if loc == nil {
			b.WriteString(html.EscapeString(line))
			return
		}
		raw := trimURL(line[loc[0]:loc[1]])
		b.WriteString(html.EscapeString(line[:loc[0]]))
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			esc := html.EscapeString(raw)
			b.WriteString(`<a href="` + esc + `" rel="nofollow ugc noopener">` + esc + `</a>`)
		} else {
			b.WriteString(html.EscapeString(raw))
		}
		line = line[loc[0]+len(raw):]
	}
}

// trimURL drops trailing punctuation that belongs to the sentence, not the
// URL: "see https://example.com/a." and "(https://example.com/a)".
func trimURL(u string) string {
	// Counted once: counting on every trimmed rune would make a URL ending
	// in thousands of ')' quadratic.
	opens, closes := strings.Count(u, "("), strings.Count(u, ")")
	openSq, closeSq := strings.Count(u, "["), strings.Count(u, "]")
	for u != "" {
		r, size := utf8.DecodeLastRuneInString(u)
		switch {
		case strings.ContainsRune(".,;:!?'*", r):
		case r == ')' && opens < closes:
			closes--
		case r == ']' && openSq < closeSq:
			closeSq--
		default:
			return u
		}
		u = u[:len(u)-size]
	}
	return u
}
