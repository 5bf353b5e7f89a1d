package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-news/herald/internal/news"
)

// Limits on what one search may ask.
const (
	// MaxLength is the most characters of a search that are read.
	MaxLength = 500
	// MaxTerms is the most words and phrases one search looks for.
	MaxTerms = 10
	// MaxPhraseWords is the most words one phrase holds.
	MaxPhraseWords = 10
	// minPrefix is the fewest characters a prefix* needs; shorter ones are
	// searched as whole words. A shorter prefix stands for so many words
	// that the index would merge thousands of lists to answer it.
	minPrefix = 4
)

// Parsed is what a reader typed, understood.
type Parsed struct {
	Query news.SearchQuery
	// Notes tell the reader, in their terms, what was changed or left out.
	Notes []string
}

// Parse reads a search as a reader writes it: words a story must all
// contain; "a phrase" in quotes; -word or -"a phrase" to leave stories out;
// word* (four letters or more before the star) for any word that starts so. It accepts anything: an unclosed quote
// runs to the end, control characters and stray operators are ignored, very
// long text is cut, and words too common to search for are left out, with a
// note to say so. Nothing in the result can upset the store's query
// languages: every word passes news.IsSearchWord.
func Parse(text string) Parsed {
	var p Parsed
	text = strings.ToValidUTF8(text, " ")
	if utf8.RuneCountInString(text) > MaxLength {
		text = cut(text, MaxLength)
		p.note("Your search was long, so only its first 500 characters were used.")
	}
	var (
		terms       []news.SearchTerm
		common      bool // some words were left out as too common
		longWord    bool
		unclosed    bool
		tooManyWord bool
	)
	add := func(words []string, prefix, exclude bool) {
		words = slices.DeleteFunc(words, func(w string) bool {
			if utf8.RuneCountInString(w) > news.MaxSearchWord {
				longWord = true
				return true
			}
			return false
		})
		if len(words) == 0 {
			return
		}
		if len(words) > MaxPhraseWords {
			words = words[:MaxPhraseWords]
			tooManyWord = true
		}
		if prefix && utf8.RuneCountInString(words[len(words)-1]) < minPrefix {
			prefix = false
		}
		allCommon := true
		for _, w := range words {
			if !news.IsStopWord(w) {
				allCommon = false
				break
			}
		}
		if allCommon {
			// PostgreSQL drops these words from its index and its queries, so a
			// search for them would find nothing there; leave them out on both
			// engines alike.
			common = true
			return
		}
		t := news.SearchTerm{Words: words, Prefix: prefix, Exclude: exclude}
		for _, u := range terms {
			if u.Prefix == t.Prefix && u.Exclude == t.Exclude && slices.Equal(u.Words, t.Words) {
				return
			}
		}
		terms = append(terms, t)
	}

	s := normalise(text)
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			s = s[size:]
			continue
		}
		exclude := false
		for s != "" && (s[0] == '-' || s[0] == '+') {
			exclude = s[0] == '-'
			s = s[1:]
		}
		if s == "" {
			break
		}
		if s[0] == '"' {
			body, rest, closed := strings.Cut(s[1:], `"`)
			if !closed {
				unclosed = true
			}
			prefix := false
			if closed && strings.HasPrefix(rest, "*") {
				prefix = true
			}
			rest = strings.TrimLeft(rest, "*")
			add(news.Words(body), prefix, exclude)
			s = rest
			continue
		}
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(s)
		}
		token := s[:end]
		s = s[end:]
		// A star counts only straight after a word: "word-*" has none.
		trimmed := strings.TrimRight(token, "*")
		last, _ := utf8.DecodeLastRuneInString(trimmed)
		prefix := len(trimmed) < len(token) && (unicode.IsLetter(last) || unicode.IsNumber(last) || unicode.IsMark(last))
		add(news.Words(token), prefix, exclude)
	}

	if len(terms) > MaxTerms {
		terms = terms[:MaxTerms]
		p.note("Only the first 10 words and phrases of your search were used.")
	}
	p.Query = news.SearchQuery{Terms: terms}
	if unclosed {
		p.note("A quotation mark was not closed, so the phrase was taken to run to the end of your search.")
	}
	if longWord {
		p.note("Words longer than 100 letters were left out.")
	}
	if tooManyWord {
		p.note("Phrases were cut to their first 10 words.")
	}
	switch {
	case p.Query.Searchable():
		if common {
			p.note("Very common words such as “the” and “of” were left out, except inside quoted phrases.")
		}
	case len(terms) > 0:
		p.note("Add a word to look for: a minus sign only leaves stories out.")
	case common:
		p.note("Those words are too common to search for. Try a more particular word, or put a phrase in quotation marks.")
	case strings.TrimSpace(text) != "":
		p.note("There was nothing to search for. Try a word or two, such as a name or a place.")
	}
	return p
}

func (p *Parsed) note(msg string) { p.Notes = append(p.Notes, msg) }

// cut returns the first n characters of s, ending at a space when there is
// one in the last fifty, so that no word is cut in half.
func cut(s string, n int) string {
	i, count := 0, 0
	for i < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	head := s[:i]
	if j := strings.LastIndexFunc(head, unicode.IsSpace); j > 0 && utf8.RuneCountInString(head[j:]) <= 50 {
		head = head[:j]
	}
	return head
}

// normalise turns control characters into spaces and typographic quotation
// marks and dashes into the plain ones the syntax uses.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || r == '\uFEFF' || r == '\u2028' || r == '\u2029':
			return ' '
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '″':
			return '"'
		case r == '−' || r == '–': // minus sign, en dash
			return '-'
		case r == '＊':
			return '*'
		}
		return r
	}, s)
}
