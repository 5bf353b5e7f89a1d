package news

import (
	"strings"
	"testing"
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
