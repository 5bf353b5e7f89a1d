package content

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"paragraph", "Hello *world*.", "<p>Hello <em>world</em>.</p>\n"},
		{"strong and code", "**b** `x<y`", "<p><strong>b</strong> <code>x&lt;y</code></p>\n"},
		{"h1 demoted", "# Title", `<h2 id="h-title">Title</h2>` + "\n"},
		{"setext h1 demoted", "Title\n=====", `<h2 id="h-title">Title</h2>` + "\n"},
		{"heading levels", "### Three\n###### Six", `<h3 id="h-three">Three</h3>` + "\n" + `<h6 id="h-six">Six</h6>` + "\n"},
		{"heading ids unique", "## A\n## A\n## A 2",
			`<h2 id="h-a">A</h2>` + "\n" + `<h2 id="h-a-2">A</h2>` + "\n" + `<h2 id="h-a-2-2">A 2</h2>` + "\n"},
		{"heading id from text only", "## Crème *brûlée* & `code`",
			`<h2 id="h-creme-brulee-code">Crème <em>brûlée</em> &amp; <code>code</code></h2>` + "\n"},
		{"heading id entity", "## A &amp; B", `<h2 id="h-a-b">A &amp; B</h2>` + "\n"},
		{"heading without slug", "## 你好", `<h2 id="h-section">你好</h2>` + "\n"},
		{"external link", "[x](https://example.com/a)", `<p><a href="https://example.com/a" rel="noopener">x</a></p>` + "\n"},
		{"relative link", "[x](/about)", `<p><a href="/about">x</a></p>` + "\n"},
		{"mailto link", "[x](mailto:a@example.com)", `<p><a href="mailto:a@example.com">x</a></p>` + "\n"},
		{"javascript link", "[x](javascript:alert(1))", "<p>x</p>\n"},
		{"autolink", "see www.example.com", `<p>see <a href="http://www.example.com" rel="noopener">www.example.com</a></p>` + "\n"},
		{"image", `![a cat](/cat.jpg "Cat")`, `<p><img loading="lazy" src="/cat.jpg" alt="a cat" title="Cat"></p>` + "\n"},
		{"data image", "![x](data:image/png;base64,AAAA)", "<p></p>\n"},
		{"strikethrough", "~~old~~", "<p><del>old</del></p>\n"},
		{"typographer", `"quoted" -- ---`, "<p>“quoted” – —</p>\n"},
		{"table", "| a | b |\n|:-|-:|\n| 1 | 2 |",
			"<table>\n<thead>\n<tr>\n" + `<th align="left">a</th>` + "\n" + `<th align="right">b</th>` + "\n</tr>\n</thead>\n<tbody>\n<tr>\n" +
				`<td align="left">1</td>` + "\n" + `<td align="right">2</td>` + "\n</tr>\n</tbody>\n</table>\n"},
		{"fenced code", "```go\nif a < b {}\n```", `<pre><code class="language-go">if a &lt; b {}` + "\n</code></pre>\n"},
		{"fenced code bad class", "```x\" onclick=\"y\n1\n```", "<pre><code>1\n</code></pre>\n"},
		{"lists", "3. a\n4. b\n\n- c", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n<ul>\n<li>c</li>\n</ul>\n"},
		{"blockquote and hr", "> q\n\n---", "<blockquote>\n<p>q</p>\n</blockquote>\n<hr>\n"},
		{"hard break", "a  \nb", "<p>a<br>\nb</p>\n"},
		{"raw html block dropped", "<div onclick=\"x\">hi</div>", "\n"},
		{"raw inline html dropped", "a <b>c</b> <script>x</script>", "<p>a c x</p>\n"},
		{"invalid utf8", "a\xffb", "<p>a\uFFFDb</p>\n"},
		{"nul", "a\x00b", "<p>a\uFFFDb</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Markdown(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Markdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"text escaped", "a < b & c", "a &lt; b &amp; c"},
		{"allowed kept", "<p><em>a</em> <strong>b</strong> <sup>1</sup><sub>2</sub></p>", "<p><em>a</em> <strong>b</strong> <sup>1</sup><sub>2</sub></p>"},
		{"unknown dropped text kept", "<div><span>a</span></div>", "a"},
		{"script content dropped", "a<script>alert(1)</script>b", "ab"},
		{"h1 demoted", "<h1>T</h1>", "<h2>T</h2>"},
		{"foreign id dropped", `<h2 id="main">T</h2>`, "<h2>T</h2>"},
		{"prefixed id kept", `<h3 id="h-intro">T</h3>`, `<h3 id="h-intro">T</h3>`},
		{"external link", `<a href="https://x.example/" rel="author" target="_blank">x</a>`, `<a href="https://x.example/" rel="noopener">x</a>`},
		{"protocol-relative link", `<a href="//x.example/">x</a>`, `<a href="//x.example/" rel="noopener">x</a>`},
		{"relative link", `<a href="/a?b=1&amp;c=2">x</a>`, `<a href="/a?b=1&amp;c=2">x</a>`},
		{"bad scheme", `<a href="ftp://x.example/">x</a>`, "x"},
		{"link without href", `<a name="x">x</a>`, "x"},
		{"image", `<img src="https://x.example/a.png" alt="A" width="640" height="480" loading="eager" class="c">`,
			`<img loading="lazy" src="https://x.example/a.png" alt="A" width="640" height="480">`},
		{"image bad size", `<img src="/a.png" width="100%">`, `<img loading="lazy" src="/a.png">`},
		{"image mailto", `<img src="mailto:a@x.example">`, ""},
		{"image without src", `<img alt="x">`, ""},
		{"figure", `<figure><img src="/a.png"><figcaption>Cap</figcaption></figure>`,
			`<figure><img loading="lazy" src="/a.png"><figcaption>Cap</figcaption></figure>`},
		{"style dropped", `<p style="color:red">x</p>`, "<p>x</p>"},
		{"end tag attributes dropped", `<p>x</p foo="bar">`, "<p>x</p>"},
		{"comment dropped", "a<!-- x -->b", "ab"},
		{"table align", `<table><tr><td align="center" valign="top">x</td></tr></table>`, `<table><tr><td align="center">x</td></tr></table>`},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"text", "plain", "plain"},
		{"blocks separate", "<h2>Title</h2><p>One</p><p>Two<br>three</p>", "Title One Two three"},
		{"inline joins", "<p>un<em>believ</em>able</p>", "unbelievable"},
		{"entities", "<p>a &amp; b &lt;c&gt; &#8212; &quot;d&quot;</p>", `a & b <c> — "d"`},
		{"whitespace collapsed", "<p>  a \n\t b  </p>\n\n<p>c</p>", "a b c"},
		{"list items", "<ul><li>a</li><li>b</li></ul>", "a b"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"image alt not shown", `<p>a<img src="/x.png" alt="secret">b</p>`, "ab"},
		{"script hidden", "a<script>var x = '<p>';</script>b", "ab"},
		{"quoted gt in attribute", `<a href="/x" title="a > b">link</a>`, "link"},
		{"comment", "a<!-- <p>hidden</p> -->b", "ab"},
		{"stray lt", "1 < 2", "1 < 2"},
		{"nbsp", "a&nbsp;b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"spaces", "  \n\t ", 0},
		{"simple", "the quick brown fox", 4},
		{"punctuation attached", "Hello, world!", 2},
		{"hyphen and apostrophe", "well-known don't", 2},
		{"lone dash", "a — b", 2},
		{"numbers", "in 2024 it cost 3.50", 5},
		{"accents", "crème brûlée à la carte", 5},
		{"cyrillic", "Привет мир", 2},
		{"chinese", "你好世界", 4},
		{"japanese mixed", "東京 is big", 4},
		{"nbsp", "a\u00a0b", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WordCount(tt.in); got != tt.want {
				t.Errorf("WordCount(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"empty", "", 10, ""},
		{"short", "short text", 20, "short text"},
		{"exact", "exactly ten", 11, "exactly ten"},
		{"collapses whitespace", " a \n b ", 10, "a b"},
		{"cut at space", "The quick brown fox", 10, "The quick…"},
		{"cut at boundary exactly", "The quick brown fox", 9, "The quick…"},
		{"never inside word", "The quick brown fox", 8, "The…"},
		{"trailing comma dropped", "Hello, world and more", 7, "Hello…"},
		{"single long word", "Supercalifragilistic", 5, "…"},
		{"multibyte", "Crème brûlée était délicieuse", 13, "Crème brûlée…"},
		{"cjk", "你好世界再见", 3, "你好世…"},
		{"zero max", "anything", 0, ""},
		{"negative max", "anything", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Excerpt(tt.in, tt.max); got != tt.want {
				t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"simple", "Hello World", "hello-world"},
		{"punctuation", "  --Hello,   World!--  ", "hello-world"},
		{"apostrophes vanish", "Don't stop — it’s fine", "dont-stop-its-fine"},
		{"diacritics", "Crème Brûlée à la Façade", "creme-brulee-a-la-facade"},
		{"special letters", "Straße Øresund Æsir Łódź Đorđe Þór Œuvre", "strasse-oresund-aesir-lodz-dorde-thor-oeuvre"},
		{"capital sharp s", "GROẞE", "grosse"},
		{"dotted capital I", "İstanbul", "istanbul"},
		{"vietnamese", "Tiếng Việt", "tieng-viet"},
		{"romanian", "Știri și ţară", "stiri-si-tara"},
		{"combining marks", "Cafe\u0301", "cafe"},
		{"digits", "Top 10 of 2024", "top-10-of-2024"},
		{"nothing usable", "!!! ???", ""},
		{"greek only", "Ελληνικά", ""},
		{"mixed scripts", "Tokyo 東京 2024", "tokyo-2024"},
		{"emoji", "🎉 Party 🎉", "party"},
		{"invalid utf8", "a\xffb", "a-b"},
		{"long cut at hyphen", long, strings.TrimSuffix(strings.Repeat("word-", 20), "-")},
		{"long single word", strings.Repeat("x", 150), strings.Repeat("x", 100)},
		{"long boundary at 100", strings.Repeat("a", 100) + " b", strings.Repeat("a", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slugify(tt.in); got != tt.want {
				t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank only", " \n\n \t\n", nil},
		{"one", "  one line  ", []string{"one line"}},
		{"keeps single newlines", "a\nb\n\nc", []string{"a\nb", "c"}},
		{"many blank lines", "a\n\n\n\n b \n \n c", []string{"a", "b", "c"}},
		{"crlf", "a\r\nb\r\n\r\nc", []string{"a\nb", "c"}},
		{"old mac", "a\r\rb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextToHTML(t *testing.T) {
	const rel = `rel="nofollow ugc noopener"`
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"escaped", `<b>hi</b> & "x"`, "<p>&lt;b&gt;hi&lt;/b&gt; &amp; &#34;x&#34;</p>"},
		{"paragraphs and breaks", "a\nb\n\nc", "<p>a<br>\nb</p>\n<p>c</p>"},
		{"link", "see https://example.com/a?b=1&c=2 now",
			`<p>see <a href="https://example.com/a?b=1&amp;c=2" ` + rel + `>https://example.com/a?b=1&amp;c=2</a> now</p>`},
		{"link sentence end", "Go to http://example.com.",
			`<p>Go to <a href="http://example.com" ` + rel + `>http://example.com</a>.</p>`},
		{"link in parentheses", "(https://example.com/x)",
			`<p>(<a href="https://example.com/x" ` + rel + `>https://example.com/x</a>)</p>`},
		{"link with balanced parens", "https://en.wikipedia.org/wiki/Go_(language)",
			`<p><a href="https://en.wikipedia.org/wiki/Go_(language)" ` + rel + `>https://en.wikipedia.org/wiki/Go_(language)</a></p>`},
		{"link stops at quote", `"https://example.com/"x`,
			`<p>&#34;<a href="https://example.com/" ` + rel + `>https://example.com/</a>&#34;x</p>`},
		{"no host", "http:// nothing", "<p>http:// nothing</p>"},
		{"not inside word", "xhttp://example.com", "<p>xhttp://example.com</p>"},
		{"javascript stays text", "javascript:alert(1)", "<p>javascript:alert(1)</p>"},
		{"html in url escaped", "https://x.example/<script>", `<p><a href="https://x.example/" ` + rel + `>https://x.example/</a>&lt;script&gt;</p>`},
		{"nul", "a\x00b", "<p>a\uFFFDb</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextToHTML(tt.in); got != tt.want {
				t.Errorf("TextToHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLinearTime guards against inputs that once took quadratic time. A
// quadratic regression takes minutes here; linear code takes milliseconds,
// so the budget is generous enough not to flake on a slow machine.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow inputs")
	}
	tests := []struct {
		name string
		run  func()
	}{
		{"many equal headings", func() { _, _ = Markdown(strings.Repeat("## a\n", 50000)) }},
		{"url ending in parentheses", func() { TextToHTML("http://x.example/" + strings.Repeat(")", 1000000)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			tt.run()
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
