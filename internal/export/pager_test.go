package export

import (
	"bytes"
	"regexp"
	"testing"
	"unicode/utf8"
)

// pagerReference is the rewrite pagerRewriter makes, as the regular
// expression it replaced.
func pagerReference(base string) func([]byte) []byte {
	re := regexp.MustCompile(`"((?:` + regexp.QuoteMeta(base) + `)?/[^"?#<>\s]*/)\?page=([1-9][0-9]{0,8})"`)
	return func(b []byte) []byte { return re.ReplaceAll(b, []byte(`"${1}page/${2}/"`)) }
}

func TestPagerRewriter(t *testing.T) {
	const base = "https://news.example"
	rw := pagerRewriter(base)
	for _, tc := range []struct{ in, want string }{
		{`<a href="/world/?page=2">`, `<a href="/world/page/2/">`},
		{`<link rel="next" href="https://news.example/world/?page=12">`, `<link rel="next" href="https://news.example/world/page/12/">`},
		{`<a href="/tags/a-b/?page=3">3</a> <a href="/tags/a-b/?page=4">4</a>`, `<a href="/tags/a-b/page/3/">3</a> <a href="/tags/a-b/page/4/">4</a>`},
		{`"/?page=2"`, `"/?page=2"`},                               // the front page has no pager files
		{`"/world/?page=0"`, `"/world/?page=0"`},                   // no page 0
		{`"/world/?page=1234567890"`, `"/world/?page=1234567890"`}, // too long
		{`"/world/?page=2&x=1"`, `"/world/?page=2&x=1"`},
		{`"/wo rld/?page=2"`, `"/wo rld/?page=2"`},
		{`"https://other.example/world/?page=2"`, `"https://other.example/world/?page=2"`},
		{`the words /world/?page=2 in a story`, `the words /world/?page=2 in a story`},
		{`"/a/?page=2"/b/?page=3"`, `"/a/page/2/"/b/?page=3"`}, // a closing quote opens nothing
	} {
		if got := string(rw([]byte(tc.in))); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.in, got, tc.want)
		}
		if ref := string(pagerReference(base)([]byte(tc.in))); ref != tc.want {
			t.Errorf("%s: the reference gives %s", tc.in, ref)
		}
	}
}

// FuzzPagerRewriter holds the hand-written rewrite to the regular expression's.
func FuzzPagerRewriter(f *testing.F) {
	for _, s := range []string{
		`<a href="/world/?page=2">`, `"http://h.example/a/b/?page=19"`, `"/a/?page=2"/b/?page=3"`,
		`""/?page=1""//?page=9"`, `"/x//?page=01"`, "\"/a\t/?page=2\"",
	} {
		f.Add(s, "http://h.example")
	}
	f.Fuzz(func(t *testing.T, in, base string) {
		if !utf8.ValidString(base) || bytes.ContainsAny([]byte(base), "\"?#<> \t\n\f\r") {
			return // a base URL holds none of these
		}
		got := pagerRewriter(base)([]byte(in))
		want := pagerReference(base)([]byte(in))
		if !bytes.Equal(got, want) {
			t.Fatalf("base %q, in %q:\n got %q\nwant %q", base, in, got, want)
		}
	})
}
