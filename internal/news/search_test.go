package news

import (
	"maps"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	got := strings.Join(Words("Port Alder's $4.2m e-mail: Café—ZÜRICH 東京2026"), "|")
	if want := "port|alder|s|4|2m|e|mail|café|zürich|東京2026"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestIsSearchWord(t *testing.T) {
	for w, want := range map[string]bool{
		"harbor": true, "2026": true, "café": true, "東京": true, "": false, "Harbor": false, `"`: false,
		"a b": false, "a*": false, "'": false, "\x00": false, "\xff": false, strings.Repeat("x", 101): false,
	} {
		if got := IsSearchWord(w); got != want {
			t.Errorf("IsSearchWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestKeywords(t *testing.T) {
	kw := Keywords("Ports reopen", "The ports reopened.", "Ports and policies, 2026, a policy of the port.")
	want := map[string]int{"port": 3 + 2 + 1 + 1, "reopen": 3, "reopened": 2, "policy": 2}
	for k, n := range want {
		if kw[k] != n {
			t.Errorf("Keywords[%q] = %d, want %d (all: %v)", k, kw[k], n, kw)
		}
	}
	for _, k := range []string{"the", "and", "of", "a", "2026"} {
		if _, ok := kw[k]; ok {
			t.Errorf("Keywords kept %q", k)
		}
	}
}

func TestLightStem(t *testing.T) {
	for _, group := range [][]string{
		{"flood", "floods", "flooded", "flooding"},
		{"house", "houses", "housing"},
		{"run", "running"},
		{"policy", "policies"},
		{"bus", "buses"},
	} {
		for _, w := range group[1:] {
			if lightStem(w) != lightStem(group[0]) {
				t.Errorf("lightStem(%q) = %q, lightStem(%q) = %q", w, lightStem(w), group[0], lightStem(group[0]))
			}
		}
	}
}

func snippetText(s Snippet) (text string, marked []string) {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Text)
		if p.Match {
			marked = append(marked, p.Text)
		}
	}
	return b.String(), marked
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("Nothing happened on this ordinary day in the town. ", 20)
	text := long + "Then the river flooded the valley and Floods closed roads near the harbour. " + long
	q := SearchQuery{Terms: []SearchTerm{{Words: []string{"flooding"}}, {Words: []string{"harb"}, Prefix: true}, {Words: []string{"town"}, Exclude: true}}}
	got, marked := snippetText(q.Snippet(text))
	if strings.Join(marked, "|") != "flooded|Floods|harbour" {
		t.Errorf("marked %q in %q", marked, got)
	}
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("a passage from the middle is not marked as cut: %q", got)
	}
	if n := len(Words(got)); n > snippetWords {
		t.Errorf("snippet of %d words", n)
	}

	// No match: the opening, unmarked.
	got, marked = snippetText(SearchQuery{Terms: []SearchTerm{{Words: []string{"zeppelin"}}}}.Snippet(text))
	if len(marked) != 0 || !strings.HasPrefix(got, "Nothing happened") {
		t.Errorf("without a match: %q, marked %q", got, marked)
	}
	// Short text is shown whole.
	got, _ = snippetText(q.Snippet("Floods again."))
	if got != "Floods again" {
		t.Errorf("short text = %q", got)
	}
	if s := q.Snippet(""); s != nil {
		t.Errorf("empty text gives %v", s)
	}
	// Text stays text: the page escapes it.
	got, marked = snippetText(SearchQuery{Terms: []SearchTerm{{Words: []string{"script"}}}}.Snippet("a <script>alert(1)</script> b"))
	if !strings.Contains(got, "<script>") || len(marked) != 2 {
		t.Errorf("markup-like text = %q, marked %q", got, marked)
	}
}

// keywordsRef is Keywords written the plain way, word strings and all: the
// definition the quick one is held to.
func keywordsRef(headline, standfirst, body string) map[string]int {
	out := map[string]int{}
	for i, text := range []string{headline, standfirst, body} {
		for _, w := range Words(text) {
			if stopWords[w] || utf8.RuneCountInString(w) < 2 || len(w) > 40 || strings.TrimFunc(w, unicode.IsDigit) == "" {
				continue
			}
			n := len(w)
			switch {
			case n > 4 && strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
				w = w[:n-3] + "y"
			case n > 3 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
				w = w[:n-1]
			case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
				w = w[:n-1]
			}
			out[w] += []int{headlineWeight, standfirstWeight, bodyWeight}[i]
		}
	}
	return out
}

var analysisTexts = []string{
	"",
	"The Ports of Port Alder reopened; ferries, buses and the policies of 2026 — all of them.",
	"Café ZÜRICH, Ünïcödé and ΣΊΣΥΦΟΣ; İstanbul's 東京2026 ４２ l'état d'Ivoire \xff\xfe broken",
	"THE AND OF A I s t Don't it's STATUS press Series species bodies aies eies toes trees",
	strings.Repeat("x", 41) + " " + strings.Repeat("yz", 21) + " ab 12 1a a1 ½ ٣٤",
}

func TestKeywordsMatchesDefinition(t *testing.T) {
	for _, h := range analysisTexts {
		for _, b := range analysisTexts {
			if got, want := Keywords(h, b, h+" "+b), keywordsRef(h, b, h+" "+b); !maps.Equal(got, want) {
				t.Errorf("Keywords(%q, %q) = %v, want %v", h, b, got, want)
			}
		}
	}
}

func FuzzKeywords(f *testing.F) {
	for _, text := range analysisTexts {
		f.Add(text, text)
	}
	f.Fuzz(func(t *testing.T, headline, body string) {
		if got, want := Keywords(headline, "", body), keywordsRef(headline, "", body); !maps.Equal(got, want) {
			t.Errorf("Keywords(%q, %q) = %v, want %v", headline, body, got, want)
		}
	})
}

// benchText is a story of some nine hundred words, the size the search
// benchmarks generate.
var benchText = strings.Repeat("Harbour officials in Port Alder said on Tuesday that the ferries, "+
	"which were halted by the storm, would resume their crossings once engineers had inspected the piers. "+
	"Residents of the island's northern villages, who depend on the service for supplies, "+
	"welcomed the decision but asked the council for a clearer timetable. ", 18)

func BenchmarkKeywords(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Keywords("Ferries to resume after storm", "Port Alder's harbour reopens", benchText)
	}
}

func BenchmarkKeywordsRef(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		keywordsRef("Ferries to resume after storm", "Port Alder's harbour reopens", benchText)
	}
}
