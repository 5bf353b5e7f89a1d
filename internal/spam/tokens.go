package spam

import (
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTokens is the most features one comment yields; the rest are dropped,
// which bounds the work of scoring and training a long comment.
const MaxTokens = 400

// maxTokenLen keeps a run of junk from making a huge feature.
const maxTokenLen = 40

// urlPattern finds web addresses in text, with or without a scheme.
var urlPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'\x60]+`)

// domainPattern finds bare host names such as "example.com" in text.
var domainPattern = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9-]*(?:\s?\.\s?[a-z0-9-]+)*\s?\.\s?(?:com|net|org|info|biz|co|us|uk|ru|de|io|me|tk|ly|be|gl|tv|cc|ws|in|xyz|online|site|club|top)\b`)

// emailPattern finds email addresses in text.
var emailPattern = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`)

// Tokens turns a comment into the features the classifier weighs: the
// words of its body and their pairs, the hosts it links to, the shape of
// its numbers and symbols ("a phone number", "a price", "many capitals"),
// its length, and the words of the name and the website's host. Each
// feature appears once, in a stable order, and none holds a space, so they
// can be stored space-separated.
func Tokens(name, website, body string) []string {
	t := tokenizer{seen: map[string]bool{}}
	t.body(body)
	for _, w := range words(name) {
		t.add("n:" + w)
	}
	if website != "" {
		t.add("site")
		if u, err := url.Parse(website); err == nil && u.Hostname() != "" {
			t.host("site:", u.Hostname())
		}
	}
	return t.out
}

type tokenizer struct {
	seen map[string]bool
	out  []string
}

func (t *tokenizer) add(tok string) {
	if tok == "" || len(t.out) >= MaxTokens {
		return
	}
	if strings.IndexFunc(tok, unicode.IsSpace) >= 0 {
		tok = strings.Join(strings.Fields(tok), "_")
	}
	if len(tok) > maxTokenLen {
		tok = tok[:maxTokenLen]
		for !utf8.ValidString(tok) {
			tok = tok[:len(tok)-1]
		}
	}
	if !t.seen[tok] {
		t.seen[tok] = true
		t.out = append(t.out, tok)
	}
}

// host adds a host name and its registrable tail: "www.shop.example.com"
// gives "shop.example.com", "example.com" and the top-level "com".
func (t *tokenizer) host(prefix, h string) {
	h = strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(h, ".")), "www.")
	labels := strings.Split(h, ".")
	t.add(prefix + h)
	if len(labels) > 2 {
		t.add(prefix + strings.Join(labels[len(labels)-2:], "."))
	}
	t.add(prefix + "tld:" + labels[len(labels)-1])
}

func (t *tokenizer) body(s string) {
	s = html.UnescapeString(strings.ToValidUTF8(s, " "))
	// Addresses first, then blank them out so their parts are not words.
	urls := urlPattern.FindAllString(s, -1)
	for _, raw := range urls {
		t.add("url")
		u := raw
		if !strings.Contains(strings.ToLower(u), "://") {
			u = "http://" + u
		}
		if p, err := url.Parse(strings.TrimRight(u, ".,;:!?)]")); err == nil && p.Hostname() != "" {
			t.host("dom:", p.Hostname())
			for _, w := range words(p.Path) {
				t.add("path:" + w)
			}
		}
	}
	switch {
	case len(urls) >= 2:
		t.add("urls:2+")
	case len(urls) == 1:
		t.add("urls:1")
	}
	s = urlPattern.ReplaceAllString(s, " ")
	if emailPattern.MatchString(s) {
		t.add("email")
		s = emailPattern.ReplaceAllString(s, " ")
	}
	for _, d := range domainPattern.FindAllString(s, -1) {
		t.add("url")
		t.host("dom:", strings.Join(strings.Fields(d), ""))
	}
	n := utf8.RuneCountInString(s)
	switch {
	case n < 20:
		t.add("len:tiny")
	case n < 60:
		t.add("len:short")
	case n < 160:
		t.add("len:mid")
	default:
		t.add("len:long")
	}
	t.shapes(s)
	ws := words(s)
	prev := ""
	for _, w := range ws {
		w = numberShape(w)
		t.add(w)
		if r := []rune(w); len(r) > stemLen {
			t.add("p:" + string(r[:stemLen]))
		}
		if prev != "" {
			t.add(prev + "_" + w)
		}
		prev = w
	}
}

// shapes adds features for how the text looks rather than what it says.
func (t *tokenizer) shapes(s string) {
	caps, letters, bangs := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caps++
			letters++
		case unicode.IsLetter(r):
			letters++
		case r == '!':
			bangs++
		case r == '£' || r == '$' || r == '€' || r == '¥':
			t.add("sym:money")
		case r == '%':
			t.add("sym:%")
		case r == '&':
			t.add("sym:&")
		case r == '*':
			t.add("sym:*")
		case r == '<' || r == '>':
			t.add("sym:angle")
		case r > 0x2000 && unicode.IsSymbol(r):
			t.add("sym:pict")
		}
	}
	if letters >= 8 && caps*2 > letters {
		t.add("shape:caps")
	}
	if bangs >= 3 {
		t.add("shape:bangs")
	} else if bangs > 0 {
		t.add("shape:bang")
	}
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits >= 7 {
		t.add("shape:digits")
	}
	for _, f := range strings.Fields(s) {
		if len(f) >= 3 && isAllUpper(f) {
			t.add("shape:capsword")
			break
		}
	}
}

func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// stemLen is the length of the word beginnings that stand in for a stem:
// "subscribe", "subscribers" and "subscribed" share "p:subsc".
const stemLen = 5

// numberShape replaces a number with its length, so that every phone number
// or price counts as one feature: "08002986030" becomes "num:11".
func numberShape(w string) string {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return w
		}
	}
	n := utf8.RuneCountInString(w)
	if n >= 9 {
		return "num:long"
	}
	return "num:" + strconv.Itoa(n)
}

// words splits text into lower-case runs of letters and digits, keeping
// apostrophes inside words ("don't"); one-letter words go.
func words(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(s[start:end], "'’")
		start = -1
		if utf8.RuneCountInString(w) < 2 {
			return
		}
		out = append(out, strings.ToLower(w))
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}
