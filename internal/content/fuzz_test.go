package content

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzMarkdown(f *testing.F) {
	for _, s := range xssVectors {
		f.Add(s)
	}
	f.Add("# Title\n\n## Sub *em*\n\n- a\n- b\n\n1. x\n\n> quote\n\n```go\ncode\n```\n")
	f.Add("| a | b |\n|---|:-:|\n| [l](https://x.example) | ![i](/i.png) |\n")
	f.Add("~~s~~ www.example.com <https://x.example> \"q\" -- ...")
	f.Add("[a][b]\n\n[b]: /url \"title\"")
	f.Add("a\x00b\xff\r\n\r\nc  \nd")
	f.Fuzz(func(t *testing.T, src string) {
		out, err := Markdown(src)
		if err != nil {
			t.Fatal(err)
		}
		assertSafe(t, src, out)
		// Sanitising its own output must change nothing.
		if again := Sanitize(out); again != out {
			t.Errorf("Sanitize not idempotent on Markdown(%q):\n%q\n%q", src, out, again)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, s := range xssVectors {
		f.Add(s)
	}
	f.Add(`<h1 id="h-x">T</h1><figure><img src="/a.png" width="1"><figcaption>c</figcaption></figure>`)
	f.Fuzz(func(t *testing.T, s string) {
		assertSafe(t, s, Sanitize(s))
	})
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{
		"", "Hello World", "Crème Brûlée", "Straße", "  --a--  ", "Ελληνικά", "東京",
		"don't", "İ", "a\xffb", strings.Repeat("ab ", 60), strings.Repeat("é", 120),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if len(got) > 100 {
			t.Errorf("Slugify(%q) is %d bytes", s, len(got))
		}
		if got != "" && !slugPattern.MatchString(got) {
			t.Errorf("Slugify(%q) = %q, not a slug", s, got)
		}
		if again := Slugify(got); again != got {
			t.Errorf("Slugify not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func FuzzTextToHTML(f *testing.F) {
	for _, s := range xssVectors {
		f.Add(s)
	}
	f.Add("a\nb\n\nc https://x.example/a_(b). (http://y.example)")
	f.Add("a\x00b\xff\r\rc\u00a0\u2028d")
	f.Add("0000000 https://eXpression(") // a URL that only looks bad
	f.Fuzz(func(t *testing.T, s string) {
		out := TextToHTML(s)
		assertSafe(t, s, out)
		// What a reader sees is what was written, up to whitespace.
		want := strings.Join(strings.Fields(strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", "\uFFFD"), "\uFFFD")), " ")
		if got := PlainText(out); got != want {
			t.Errorf("PlainText(TextToHTML(%q)) = %q, want %q", s, got, want)
		}
	})
}

func FuzzExcerpt(f *testing.F) {
	f.Add("The quick brown fox", 10)
	f.Add("Supercalifragilistic", 5)
	f.Add("Crème brûlée était délicieuse", 13)
	f.Add("你好世界再见", 3)
	f.Add("a, b; c: d — e", 4)
	f.Add("a\xffb c", 2)
	f.Fuzz(func(t *testing.T, text string, max int) {
		max %= 1000
		got := Excerpt(text, max)
		if !utf8.ValidString(got) {
			t.Fatalf("Excerpt(%q, %d) = %q, invalid UTF-8", text, max, got)
		}
		if max < 1 {
			if got != "" {
				t.Errorf("Excerpt(%q, %d) = %q, want empty", text, max, got)
			}
			return
		}
		if n := utf8.RuneCountInString(got); n > max+1 {
			t.Errorf("Excerpt(%q, %d) = %q, %d runes", text, max, got, n)
		}
		whole := strings.Join(strings.Fields(strings.ToValidUTF8(text, "\uFFFD")), " ")
		head, cut := strings.CutSuffix(got, "…")
		if !cut || got == whole {
			if got != whole {
				t.Errorf("Excerpt(%q, %d) = %q, want it whole", text, max, got)
			}
			return
		}
		if !strings.HasPrefix(whole, head) {
			t.Fatalf("Excerpt(%q, %d) = %q, not a prefix", text, max, got)
		}
		// Cut at a boundary, perhaps after dropping separators before it.
		next, _ := utf8.DecodeRuneInString(whole[len(head):])
		if head != "" && !wordBoundary(whole, len(head)) && !strings.ContainsRune(",;:-–—", next) {
			t.Errorf("Excerpt(%q, %d) = %q, cut inside a word", text, max, got)
		}
	})
}

// benchDoc is a Markdown article of about 1,000 words.
var benchDoc = func() string {
	var b strings.Builder
	b.WriteString("# A long article\n\n")
	for i := range 20 {
		fmt.Fprintf(&b, "## Section %d\n\n", i+1)
		b.WriteString("Herald renders **Markdown** to safe HTML, with [links](https://example.com/a) and `code`, ")
		b.WriteString("and it keeps _emphasis_ and ~~strikethrough~~ while it strips anything that could run script. ")
		b.WriteString("Readers see clean text; editors write what they are used to.\n\n")
		b.WriteString("- one item in a list\n- another item with www.example.com\n\n")
	}
	return b.String()
}()

func BenchmarkMarkdown(b *testing.B) {
	b.SetBytes(int64(len(benchDoc)))
	for b.Loop() {
		if _, err := Markdown(benchDoc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchDocSize(t *testing.T) {
	out, err := Markdown(benchDoc)
	if err != nil {
		t.Fatal(err)
	}
	if n := WordCount(PlainText(out)); n < 900 || n > 1100 {
		t.Errorf("benchmark document has %d words, want about 1,000", n)
	}
}
