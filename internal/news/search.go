package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchQuery is a reader's search understood: the words, phrases and
// prefixes a story must contain and those it must not. The search package
// parses one from what a reader typed; the store renders it into the
// engine's own query language and binds it as a parameter, never as SQL text.
// The zero value finds nothing.
type SearchQuery struct {
	Terms []SearchTerm
}

// SearchTerm is one thing a story must (or, with Exclude, must not) contain:
// a word, or with several Words a phrase, whose words appear in that order.
type SearchTerm struct {
	Words   []string // lower case, each a SearchWord
	Prefix  bool     // the last word may be the start of a longer word
	Exclude bool
}

// MaxSearchWord is the longest word, in characters, a search looks for.
const MaxSearchWord = 100

// Searchable reports whether q has a term a story must contain: a search
// made only of exclusions, or of nothing, finds nothing.
func (q SearchQuery) Searchable() bool {
	for _, t := range q.Terms {
		if !t.Exclude && len(t.Words) > 0 {
			return true
		}
	}
	return false
}

// String writes q back in the syntax the search box reads:
// harbor "trade deal" -rain tari*.
func (q SearchQuery) String() string {
	parts := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		if len(t.Words) == 0 {
			continue
		}
		s := strings.Join(t.Words, " ")
		if len(t.Words) > 1 {
			s = `"` + s + `"`
		}
		if t.Prefix {
			s += "*"
		}
		if t.Exclude {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// SearchSort is the order of search results.
type SearchSort string

// The orders a search can take.
const (
	SortRelevance SearchSort = "relevance" // best match first (the default)
	SortDate      SearchSort = "date"      // newest first
)

// Snippet is a passage of a story's text with the words a search matched
// marked. It is text, not HTML: a page escapes every part and wraps the
// matched ones in <mark>.
type Snippet []SnippetPart

// SnippetPart is a run of a snippet's text, matched or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// isWordRune reports whether r belongs inside a word: letters, digits and the
// combining marks that some scripts write letters with.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// IsSearchWord reports whether w can stand as a word of a SearchQuery: at
// least one and at most MaxSearchWord characters, every one a letter, digit
// or combining mark, in lower case. Nothing else may reach a query language.
func IsSearchWord(w string) bool {
	if w == "" || !utf8.ValidString(w) || utf8.RuneCountInString(w) > MaxSearchWord {
		return false
	}
	for _, r := range w {
		if !isWordRune(r) || unicode.ToLower(r) != r {
			return false
		}
	}
	return true
}

// Words splits text into lower-case words: the longest runs of letters,
// digits and combining marks. Everything else, punctuation, symbols and
// spaces, separates words, as it does for both engines' full-text parsers.
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(text[start:]))
	}
	return out
}

// stopWords is PostgreSQL's English stop list (tsearch_data/english.stop).
// Words on it are left out of searches on both engines, so that SQLite, which
// indexes them, answers the same as PostgreSQL, which does not.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`i me my myself we our ours ourselves you your yours yourself
		yourselves he him his himself she her hers herself it its itself they them their theirs
		themselves what which who whom this that these those am is are was were be been being have
		has had having do does did doing a an the and but if or because as until while of at by for
		with about against between into through during before after above below to from up down in
		out on off over under again further then once here there when where why how all any both
		each few more most other some such no nor not only own same so than too very s t can will
		just don should now`) {
		stopWords[w] = true
	}
}

// IsStopWord reports whether w (lower case) is too common to search for.
func IsStopWord(w string) bool { return stopWords[w] }

// Keyword field weights: a word in the headline says more about what a story
// is about than one in the body.
const (
	headlineWeight   = 3
	standfirstWeight = 2
	bodyWeight       = 1
)

// Keywords counts the words that say what a story is about, for related
// articles: stop words, one-letter words and numbers are left out, plurals
// are folded onto their singular, and a headline word counts three times, a
// standfirst word twice.
//
// It reads each word of the three texts once, in a buffer of its own, and
// makes a string only for each distinct keyword: a story's body is most of
// the work of indexing it.
func Keywords(headline, standfirst, body string) map[string]int {
	pos := make(map[string]int32, 256)
	var counts []int
	var buf []byte
	for _, f := range []struct {
		text   string
		weight int
	}{{headline, headlineWeight}, {standfirst, standfirstWeight}, {body, bodyWeight}} {
		buf = eachLowerWord(f.text, buf, func(w []byte) {
			k, ok := keyword(w)
			if !ok {
				return
			}
			if i, ok := pos[string(k)]; ok {
				counts[i] += f.weight
				return
			}
			pos[string(k)] = int32(len(counts))
			counts = append(counts, f.weight)
		})
	}
	out := make(map[string]int, len(pos))
	for k, i := range pos {
		out[k] = counts[i]
	}
	return out
}

// keyword returns the form under which w (lower case) counts as a keyword,
// or false when it does not count. It may fold w in place.
func keyword(w []byte) ([]byte, bool) {
	if len(w) > 40 || stopWords[string(w)] || utf8.RuneCount(w) < 2 {
		return nil, false
	}
	digits := true
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		if !unicode.IsDigit(r) {
			digits = false
			break
		}
		i += size
	}
	if digits {
		return nil, false
	}
	return stemPlural(w), true
}

// eachLowerWord calls fn with each word of text, as Words splits it, in
// lower case in buf, which it grows as it must and returns for reuse. fn
// must not keep the word.
func eachLowerWord(text string, buf []byte, fn func(w []byte)) []byte {
	forEachWord(text, func(start, end int) {
		buf = buf[:0]
		w := text[start:end]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				for _, r := range w[i:] {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				}
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		fn(buf)
	})
	return buf
}

// stemPlural folds English plurals onto the singular, after Harman's
// S-stemmer: "ies" becomes "y", "es" becomes "e", and a final "s" goes, except
// after "u" and "s" ("status", "press"). It is deliberately light: related
// articles want "port" and "ports" to agree, not "election" and "elect".
func stemPlural(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && hasSuffix(w, "ies") && !hasSuffix(w, "eies") && !hasSuffix(w, "aies"):
		return append(w[:n-3], 'y')
	case n > 3 && hasSuffix(w, "es") && !hasSuffix(w, "aes") && !hasSuffix(w, "ees") && !hasSuffix(w, "oes"):
		return w[:n-1]
	case n > 3 && hasSuffix(w, "s") && !hasSuffix(w, "us") && !hasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

func hasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

// snippetWords is about how many words a snippet shows.
const snippetWords = 32

// Snippet picks the passage of text, about thirty words long, that holds
// most of the words q looks for, and marks them. A word matches when it is
// the same word as the query's, give or take an ending ("floods" for
// "flooding"), or, for a prefix, when it starts so. The engines match words
// by their own stemmers, so a story can be found by a form the snippet does
// not mark; the snippet is then the passage with most of the rest, or the
// opening. An empty text gives an empty snippet.
func (q SearchQuery) Snippet(text string) Snippet {
	type want struct {
		word   string
		prefix bool
	}
	var wants []want
	for _, t := range q.Terms {
		if t.Exclude {
			continue
		}
		for i, w := range t.Words {
			prefix := t.Prefix && i == len(t.Words)-1
			if !prefix {
				w = lightStem(w)
			}
			wants = append(wants, want{w, prefix})
		}
	}
	type token struct {
		start, end int
		match      int // index into wants + 1, 0 for none
	}
	// A word can match only a wanted word with the same first letter: that
	// spares lower-casing and stemming most of the text.
	firsts := map[rune]bool{}
	for _, x := range wants {
		r, _ := utf8.DecodeRuneInString(x.word)
		firsts[r] = true
	}
	var tokens []token
	forEachWord(text, func(start, end int) {
		m := 0
		if r, _ := utf8.DecodeRuneInString(text[start:end]); firsts[unicode.ToLower(r)] {
			w := strings.ToLower(text[start:end])
			for i, x := range wants {
				if (x.prefix && strings.HasPrefix(w, x.word)) || (!x.prefix && lightStem(w) == x.word) {
					m = i + 1
					break
				}
			}
		}
		tokens = append(tokens, token{start, end, m})
	})
	if len(tokens) == 0 {
		return nil
	}
	// The window of snippetWords words with the most different wanted
	// words, then the most matches, then the earliest.
	n := min(snippetWords, len(tokens))
	counts := make(map[int]int)
	distinct, matches := 0, 0
	add := func(t token, d int) {
		if t.match == 0 {
			return
		}
		matches += d
		counts[t.match] += d
		if d > 0 && counts[t.match] == 1 {
			distinct++
		}
		if d < 0 && counts[t.match] == 0 {
			distinct--
		}
	}
	for _, t := range tokens[:n] {
		add(t, 1)
	}
	best, bestScore := 0, distinct*1000+matches
	for i := 1; i+n <= len(tokens); i++ {
		add(tokens[i-1], -1)
		add(tokens[i+n-1], 1)
		if score := distinct*1000 + matches; score > bestScore {
			best, bestScore = i, score
		}
	}
	// Start a few words before the first match, so that it reads in context.
	if bestScore > 0 {
		for i := best; i < best+n; i++ {
			if tokens[i].match != 0 {
				best = max(0, min(i-4, len(tokens)-n))
				break
			}
		}
	}
	window := tokens[best : best+n]
	var out Snippet
	add2 := func(s string, match bool) {
		if s == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Match == match {
			out[k-1].Text += s
			return
		}
		out = append(out, SnippetPart{Text: s, Match: match})
	}
	if best > 0 {
		add2("…", false)
	}
	pos := window[0].start
	for _, t := range window {
		if t.match != 0 {
			add2(text[pos:t.start], false)
			add2(text[t.start:t.end], true)
			pos = t.end
		}
	}
	end := window[len(window)-1].end
	add2(text[pos:end], false)
	if best+n < len(tokens) {
		add2("…", false)
	}
	return out
}

// forEachWord calls fn with the byte offsets of each word of text, as Words
// splits it. ASCII, most of the text it reads, is classed by a table.
func forEachWord(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		in, size := asciiWord[c], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			in = isWordRune(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// asciiWord[c] is isWordRune(c) for the ASCII characters; the rest of the
// bytes start or continue a character that is decoded whole.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// lightStem strips the commonest English endings, so that the forms of a
// word meet: "floods", "flooded" and "flooding" all give "flood", "houses"
// and "house" both "hous". It is for marking matches, not for searching.
func lightStem(w string) string {
	for _, suffix := range []string{"ing", "ies", "es", "ed", "s"} {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= 3 {
			w = w[:len(w)-len(suffix)]
			if suffix == "ies" {
				w += "y"
			}
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1] // "running" → "runn" → "run"
	}
	return w
}
