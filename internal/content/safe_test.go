package content

import (
	"bufio"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// allowedAttrs is the allow-list as the tests see it, written out again so
// that a mistake in the policy shows up as a failing test.
var allowedAttrs = map[string]map[string]bool{
	"p": {}, "h2": {"id": true}, "h3": {"id": true}, "h4": {"id": true},
	"h5": {"id": true}, "h6": {"id": true},
	"a":  {"href": true, "rel": true},
	"em": {}, "strong": {}, "del": {}, "code": {"class": true}, "pre": {},
	"blockquote": {}, "ul": {}, "ol": {"start": true}, "li": {}, "hr": {}, "br": {},
	"img":    {"src": true, "alt": true, "title": true, "width": true, "height": true, "loading": true},
	"figure": {}, "figcaption": {},
	"table": {}, "thead": {}, "tbody": {}, "tr": {}, "th": {"align": true}, "td": {"align": true},
	"sup": {}, "sub": {},
}

// attrPattern reads one attribute the way a browser would, whatever the
// quoting.
var attrPattern = regexp.MustCompile(`^[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?`)

// assertSafe fails t unless out is safe to insert into a page. The literal
// checks on "<script", "<iframe" and "<style" apply to the whole output,
// since text has '<' escaped. "on…=", "style=" and "javascript:" are checked
// inside tags only: a comment may well say "javascript:alert(1)" in its
// text, and escaped it does no harm.
func assertSafe(t testing.TB, in, out string) {
	t.Helper()
	fail := func(why string) {
		t.Helper()
		t.Errorf("unsafe output (%s)\ninput:  %q\noutput: %q", why, in, out)
	}
	if !utf8.ValidString(out) {
		fail("invalid UTF-8")
	}
	lower := strings.ToLower(out)
	for _, bad := range []string{"<script", "<iframe", "<style", "<!--", "<!", "<?"} {
		if strings.Contains(lower, bad) {
			fail("contains " + bad)
		}
	}
	for s := out; ; {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return
		}
		s = s[i:]
		if len(s) < 2 || !(isASCIIAlpha(s[1]) || s[1] == '/') {
			s = s[1:]
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			fail("unterminated tag")
			return
		}
		tag := s[:end+1]
		s = s[end+1:]
		body := strings.TrimPrefix(tag[1:len(tag)-1], "/")
		n := strings.IndexFunc(body, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
		if n < 0 {
			n = len(body)
		}
		name := strings.ToLower(body[:n])
		attrs, ok := allowedAttrs[name]
		if !ok {
			fail("element " + name)
			continue
		}
		rest := strings.TrimSuffix(body[n:], "/")
		for strings.TrimSpace(rest) != "" {
			m := attrPattern.FindStringSubmatch(rest)
			if m == nil {
				fail("unparsable attributes in " + tag)
				break
			}
			rest = rest[len(m[0]):]
			key := strings.ToLower(m[1])
			val := m[2] + m[3] + m[4]
			switch {
			case strings.HasPrefix(key, "on"):
				fail("event handler " + key)
			case key == "style":
				fail("style attribute")
			case !attrs[key]:
				fail("attribute " + key + " on " + name)
			}
			v := strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) || unicode.IsControl(r) {
					return -1
				}
				return unicode.ToLower(r)
			}, html.UnescapeString(val))
			if key == "href" || key == "src" {
				// A URL is judged by its scheme: "https://x/?q=javascript:"
				// is harmless.
				scheme := urlScheme(v)
				if scheme != "" && scheme != "http" && scheme != "https" && (key == "src" || scheme != "mailto") {
					fail("scheme " + scheme + " in " + key)
				}
				continue
			}
			for _, bad := range []string{"javascript:", "vbscript:", "data:", "expression("} {
				if strings.Contains(v, bad) {
					fail(bad + " in " + key)
				}
			}
		}
	}
}

// urlScheme returns the scheme of a URL as a browser would read it, or ""
// for a relative URL.
func urlScheme(u string) string {
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return ""
	}
	return u[:i]
}

// xssVectors are hand-written; each goes through Markdown, Sanitize and
// TextToHTML.
var xssVectors = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//x.example/x.js></SCRIPT>`,
	`<scr<script>ipt>alert(1)</scr</script>ipt>`,
	`<<script>script>alert(1)<</script>/script>`,
	`<img src=x onerror=alert(1)>`,
	`<img src="x" ONERROR=alert(1)>`,
	`<img/src="x"/onerror=alert(1)>`,
	`<img src=x onerror="alert(1)"//`,
	`<IMG SRC="jav&#x09;ascript:alert(1);">`,
	`<img src="jav&#x0A;ascript:alert(1)">`,
	`<img src="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">`,
	`<img src="javascript:alert(1)" width="1" height="1 onload=alert(1)">`,
	`<a href="JaVaScRiPt:alert(1)">x</a>`,
	`<a href=" javascript:alert(1)">x</a>`,
	"<a href=\"java\nscript:alert(1)\">x</a>",
	"<a href=\"javas\tcript:alert(1)\">x</a>",
	"<a href=\"\x01javascript:alert(1)\">x</a>",
	`<a href="javascript&colon;alert(1)">x</a>`,
	`<a href="&#x6A;avascript:alert(1)">x</a>`,
	`<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<a href="javascript:alert(1)"`,
	`<a href="https://x.example/" title="&quot; onmouseover=alert(1)">x</a>`,
	`<a href="//x.example/?q=</a><script>alert(1)</script>">x</a>`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<math href="javascript:alert(1)">x</math>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>">`,
	`<p style="background:url(javascript:alert(1))">x</p>`,
	`<div style="width: expression(alert(1))">x</div>`,
	`<img src="https://x.example/a.png" style="x:expression(alert(1))">`,
	`<style>@import 'javascript:alert(1)';</style>`,
	`<body onload=alert(1)>`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	`<details open ontoggle=alert(1)>`,
	`<input onfocus=alert(1) autofocus>`,
	`<video><source onerror="alert(1)">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<base href="javascript:/">`,
	`<link rel=stylesheet href="javascript:alert(1)">`,
	`<!--<img src="--><img src=x onerror=alert(1)//">`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<xmp><img src=x onerror=alert(1)></xmp>`,
	`<h1 id="x" onclick="alert(1)">t</h1>`,
	`<h2 id="h-ok" style="color:red">t</h2>`,
	`<table background="javascript:alert(1)"><tr><td onclick=alert(1)>x</td></tr></table>`,
	`<p>x</p onmouseover="alert(1)">`,
	`[x](javascript:alert(1))`,
	`[x](JAVASCRIPT:alert(1))`,
	`[x](java&#115;cript:alert(1))`,
	`[x](<javascript:alert(1)>)`,
	`[x](&#x6A;avascript:alert(1))`,
	`![x](javascript:alert(1))`,
	`![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
	"[x][r]\n\n[r]: javascript:alert(1)",
	`<javascript:alert(1)>`,
	`[x](data:text/html,<script>alert(1)</script>)`,
	`[x](https://x.example/ "title\" onmouseover=\"alert(1)")`,
	"```html\n<script>alert(1)</script>\n```",
	"# <img src=x onerror=alert(1)>",
}

func TestXSS(t *testing.T) {
	for _, v := range xssVectors {
		checkAll(t, v)
	}
}

// checkAll runs one input through the three functions that make HTML.
func checkAll(t *testing.T, in string) {
	t.Helper()
	md, err := Markdown(in)
	if err != nil {
		t.Errorf("Markdown(%q): %v", in, err)
	}
	assertSafe(t, in, md)
	assertSafe(t, in, Sanitize(in))
	assertSafe(t, in, TextToHTML(in))
}

// sharedXSSDir holds public XSS payload lists shared by the team. They are
// read at test time and never copied into this repository.
var sharedXSSDir = filepath.Join("..", "..", "..", "shared", "testdata", "xss")

func TestXSSShared(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedXSSDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sharedXSSDir); errors.Is(err, fs.ErrNotExist) || len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no XSS payload lists in %s; they must be there in CI", sharedXSSDir)
		}
		t.Skipf("no XSS payload lists in %s", sharedXSSDir)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			n := 0
			for sc.Scan() {
				checkAll(t, sc.Text())
				n++
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d payloads", n)
		})
	}
}

// recorder stands in for t so that assertSafe itself can be tested.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

// TestAssertSafeRejects makes sure the checker above can fail at all.
func TestAssertSafeRejects(t *testing.T) {
	for _, out := range []string{
		`<script>alert(1)</script>`,
		`<p onclick="alert(1)">x</p>`,
		`<p ONMOUSEOVER=alert(1)>x</p>`,
		`<p style="color:red">x</p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="java&#x09;script:alert(1)">x</a>`,
		`<img src='data:image/png;base64,AA'>`,
		`<iframe src="https://x.example/"></iframe>`,
		`<STYLE>p{}</STYLE>`,
		`<div>x</div>`,
		`<a href="x" target="_blank">x</a>`,
		`<a href="vbscript:x">x</a>`,
		`<img src="mailto:x">`,
		`<img src="https://x/" title="javascript:x">`,
		`<p>x</p onclick=1>`,
		`<!-- x -->`,
		"bad \xff",
	} {
		r := &recorder{TB: t}
		assertSafe(r, "", out)
		if !r.failed {
			t.Errorf("assertSafe accepted %q", out)
		}
	}
}
