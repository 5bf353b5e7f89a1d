package search_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

func word(w ...string) news.SearchTerm    { return news.SearchTerm{Words: w} }
func prefix(w ...string) news.SearchTerm  { return news.SearchTerm{Words: w, Prefix: true} }
func exclude(w ...string) news.SearchTerm { return news.SearchTerm{Words: w, Exclude: true} }

func TestParse(t *testing.T) {
	tests := []struct {
		in    string
		want  []news.SearchTerm
		notes int // how many notes the reader gets
	}{
		{"", nil, 0},
		{"   ", nil, 0},
		{"harbor", []news.SearchTerm{word("harbor")}, 0},
		{"Harbor TRADE", []news.SearchTerm{word("harbor"), word("trade")}, 0},
		{`"trade deal" harbor`, []news.SearchTerm{word("trade", "deal"), word("harbor")}, 0},
		{`“trade deal”`, []news.SearchTerm{word("trade", "deal")}, 0},
		{`harbor -strike`, []news.SearchTerm{word("harbor"), exclude("strike")}, 0},
		{`harbor −strike`, []news.SearchTerm{word("harbor"), exclude("strike")}, 0},
		{`harbor -"walked out"`, []news.SearchTerm{word("harbor"), exclude("walked", "out")}, 0},
		{`+harbor`, []news.SearchTerm{word("harbor")}, 0},
		{`elect*`, []news.SearchTerm{prefix("elect")}, 0},
		{`elect**`, []news.SearchTerm{prefix("elect")}, 0},
		{`"trade deal"*`, []news.SearchTerm{prefix("trade", "deal")}, 0},
		{`ele*`, []news.SearchTerm{word("ele")}, 0}, // too short to be a prefix
		{`e*`, []news.SearchTerm{word("e")}, 0},     // too short to be a prefix
		{`e-mail`, []news.SearchTerm{word("e", "mail")}, 0},
		{`e-*`, []news.SearchTerm{word("e")}, 0},
		{`don't`, nil, 1}, // both halves are stop words
		{`harbor harbor HARBOR`, []news.SearchTerm{word("harbor")}, 0},
		{`harbor -harbor`, []news.SearchTerm{word("harbor"), exclude("harbor")}, 0},
		{`the harbor`, []news.SearchTerm{word("harbor")}, 1},
		{`"out of the blue"`, []news.SearchTerm{word("out", "of", "the", "blue")}, 0},
		{`the of and`, nil, 1},
		{`"to be or not to be"`, nil, 1},
		{`harbor AND port OR ship NOT rain`, []news.SearchTerm{word("harbor"), word("port"), word("ship"), word("rain")}, 1},
		{`NEAR(harbor port)`, []news.SearchTerm{word("near", "harbor"), word("port")}, 0},
		{`headline:harbor`, []news.SearchTerm{word("headline", "harbor")}, 0},
		{`-strike`, []news.SearchTerm{exclude("strike")}, 1},
		{`- - -`, nil, 1},
		{`* " ' ( ) : ^ & | !`, nil, 2}, // an unclosed quote, and nothing to search for
		{`""`, nil, 1},
		{`"harbor`, []news.SearchTerm{word("harbor")}, 1},
		{`harbor "trade deal`, []news.SearchTerm{word("harbor"), word("trade", "deal")}, 1},
		{"harbor\x00port\ttrade\nships\x7f", []news.SearchTerm{word("harbor"), word("port"), word("trade"), word("ships")}, 0},
		{"caf\xe9", []news.SearchTerm{word("caf")}, 0}, // invalid UTF-8 separates
		{`Café Zürich`, []news.SearchTerm{word("café"), word("zürich")}, 0},
		{`東京 オリンピック`, []news.SearchTerm{word("東京"), word("オリンピック")}, 0},
		{`2026 budget`, []news.SearchTerm{word("2026"), word("budget")}, 0},
		{`a b c d e f g h i j k l m`, []news.SearchTerm{word("b"), word("c"), word("d"), word("e"), word("f"), word("g"), word("h"), word("j"), word("k"), word("l")}, 2},
		{strings.Repeat("x", 101), nil, 2},
		{`"a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12"`, []news.SearchTerm{word("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10")}, 1},
	}
	for _, tt := range tests {
		got := search.Parse(tt.in)
		if diff := cmp.Diff(tt.want, got.Query.Terms); diff != "" {
			t.Errorf("Parse(%q) terms (-want +got):\n%s", tt.in, diff)
		}
		if len(got.Notes) != tt.notes {
			t.Errorf("Parse(%q) notes = %q, want %d", tt.in, got.Notes, tt.notes)
		}
	}
}

func TestParseLong(t *testing.T) {
	long := strings.Repeat("harbor ", 200) + "zebra"
	p := search.Parse(long)
	if len(p.Notes) == 0 || !strings.Contains(p.Notes[0], "500") {
		t.Errorf("no note about the length: %q", p.Notes)
	}
	for _, term := range p.Query.Terms {
		if term.Words[0] == "zebra" {
			t.Error("a word past the 500th character was searched")
		}
	}
	if !p.Query.Searchable() {
		t.Error("a long search found nothing to search for")
	}
}

func TestQueryString(t *testing.T) {
	for _, in := range []string{`harbor "trade deal" -rain tari*`, `-"walked out" port`} {
		q := search.Parse(in).Query
		if got := q.String(); got != in {
			t.Errorf("Parse(%q).String() = %q", in, got)
		}
		if again := search.Parse(q.String()).Query; !cmp.Equal(again, q) {
			t.Errorf("Parse(String()) of %q does not round-trip: %+v", in, again)
		}
	}
}

// fuzzStore is one SQLite store, with a few stories, that every fuzzed query
// runs against.
var fuzzStore struct {
	once sync.Once
	s    *store.Store
	dir  string
	err  error
}

func storeForFuzz(t *testing.T) *store.Store {
	t.Helper()
	fuzzStore.once.Do(func() {
		ctx := context.Background()
		c := search.NewCorpus(search.CorpusOptions{Stories: 40, Seed: 1, Now: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)})
		fuzzStore.dir, fuzzStore.err = tempDir()
		if fuzzStore.err != nil {
			return
		}
		fuzzStore.s, fuzzStore.err = store.Open(ctx, filepath.Join(fuzzStore.dir, "fuzz.db"))
		if fuzzStore.err != nil {
			return
		}
		if _, fuzzStore.err = fuzzStore.s.Migrate(ctx); fuzzStore.err != nil {
			return
		}
		fuzzStore.err = c.Load(ctx, fuzzStore.s, 40)
	})
	if fuzzStore.err != nil {
		t.Fatal(fuzzStore.err)
	}
	return fuzzStore.s
}

// FuzzParse checks that Parse never panics, that every word it returns may
// reach a query language, and that the store runs whatever it returns.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"", "harbor", `"trade deal"`, `-rain harbor`, `elect*`, `"unclosed`, `- * "`,
		"\x00\x01", `NEAR(a b)`, `a:b`, `{a b}`, `"a" "b"* -"c d"`, strings.Repeat("é", 600), "caf\xe9", `'; DROP TABLE articles;--`,
		`ʰ ʼ ˊ`, "\u0301\u0301", `𝔥𝔞𝔯𝔟𝔬𝔯`, `ǅ ǈ`, `İstanbul`, `ﬁnance`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p := search.Parse(in)
		if len(p.Query.Terms) > search.MaxTerms {
			t.Fatalf("%d terms", len(p.Query.Terms))
		}
		for _, term := range p.Query.Terms {
			if len(term.Words) == 0 || len(term.Words) > search.MaxPhraseWords {
				t.Fatalf("term of %d words: %+v", len(term.Words), term)
			}
			for _, w := range term.Words {
				if !news.IsSearchWord(w) {
					t.Fatalf("word %q of %q may not reach a query language", w, in)
				}
			}
		}
		if !p.Query.Searchable() && len(p.Query.Terms) > 0 && len(p.Notes) == 0 {
			t.Fatalf("Parse(%q) has only exclusions and no note to say so", in)
		}
		for _, n := range p.Notes {
			if !utf8.ValidString(n) || n == "" {
				t.Fatalf("bad note %q", n)
			}
		}
		s := storeForFuzz(t)
		for _, sort := range []news.SearchSort{news.SortRelevance, news.SortDate} {
			if _, err := s.Search(context.Background(), store.SearchFilter{Query: p.Query, Sort: sort, Limit: 5}); err != nil {
				t.Fatalf("Search(Parse(%q)) = %v", in, err)
			}
		}
	})
}
