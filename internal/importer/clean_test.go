package importer

import (
	"strings"
	"testing"
)

func TestShortcodes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`[caption id="a" width="300"]<img src="x.png" alt="A"> The caption.[/caption]`, `<figure><img src="x.png" alt="A"><figcaption>The caption.</figcaption></figure>`},
		{`[caption caption="Old style"]<a href="big.png"><img src="x.png"></a>[/caption]`, `<figure><a href="big.png"><img src="x.png"></a><figcaption>Old style</figcaption></figure>`},
		{`[embed]https://v.example/1[/embed]`, `<p><a href="https://v.example/1">https://v.example/1</a></p>`},
		{`[video mp4="https://v.example/a.mp4"][/video]`, `<p><a href="https://v.example/a.mp4">https://v.example/a.mp4</a></p>`},
		{`[youtube https://youtu.be/x]`, `<p><a href="https://youtu.be/x">https://youtu.be/x</a></p>`},
		{`before [gallery ids="1,2"] after`, `before  after`},
		{`[gallery]`, ``},
		{`[vc_row][vc_column]Text[/vc_column][/vc_row]`, `Text`},
		{`[contact-form-7 id="5" title="Contact"]`, ``},
		{`He said [sic] and [1] and [Editor's note: fine].`, `He said [sic] and [1] and [Editor's note: fine].`},
		{`[[caption]] is how to write it`, `[caption] is how to write it`},
		{`an [unclosed tag="x" `, `an [unclosed tag="x" `},
		{`a[b`, `a[b`},
	} {
		counts := map[string]*ShortcodeCount{}
		if got := shortcodes(c.in, counts); got != c.want {
			t.Errorf("shortcodes(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestBlockComments(t *testing.T) {
	in := "<!-- wp:paragraph {\"a\":1} --><p>x</p><!-- /wp:paragraph --><!--more--><!-- keep -->"
	if got := stripBlockComments(in); got != "<p>x</p><!-- keep -->" {
		t.Errorf("got %q", got)
	}
}

func TestBodyToMarkdown(t *testing.T) {
	e := &bodyEnv{counts: map[string]*ShortcodeCount{}}
	html, md, err := e.wordpress("Intro with *stars* and a [link](x)\n\n<h1>Title</h1>\n<ul><li>one</li><li>two <strong>bold</strong></li></ul>\n<ol start=\"3\"><li>three</li></ol>\n<pre><code>a := 1</code></pre>\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2|3</td></tr></table>\n<p>1. not a list</p>")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"<p>Intro with *stars*", "<h2>Title</h2>", "<li>two <strong>bold</strong></li>", `<ol start="3">`} {
		if !strings.Contains(html, s) {
			t.Errorf("html lacks %q:\n%s", s, html)
		}
	}
	for _, s := range []string{`Intro with \*stars\* and a \[link\](x)`, "# Title", "- one\n- two **bold**", "3. three", "```\na := 1\n```",
		"| A | B |\n| --- | --- |\n| 1 | 2\\|3 |", `1\. not a list`} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-05 14:30:00":             "2024-03-05T14:30:00Z",
		"Tue, 05 Mar 2024 14:30:00 +0000": "2024-03-05T14:30:00Z",
		"Thu, 1 Feb 2024 07:00:00 +0100":  "2024-02-01T06:00:00Z",
		"2024-03-05T14:30:00+02:00":       "2024-03-05T12:30:00Z",
		"2024-03-05":                      "2024-03-05T00:00:00Z",
	} {
		got, err := parseDate(in)
		if err != nil || got.Format("2006-01-02T15:04:05Z07:00") != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0000-00-00 00:00:00", "Wed, 30 Nov -0001 00:00:00 +0000"} {
		if _, err := parseDate(in); err != errNoDate {
			t.Errorf("parseDate(%q) = %v, want errNoDate", in, err)
		}
	}
	if _, err := parseDate("next Tuesday"); err == nil || err == errNoDate {
		t.Errorf("parseDate(next Tuesday) = %v", err)
	}
}

func TestSlugs(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"hello-world", ""}:                         "hello-world",
		{"%e6%97%a5%e6%9c%ac-caf%c3%a9", ""}:        "cafe",
		{"hello-w\u202eorld\u202c-utf8-💫-test", ""}: "hello-world-utf8-test",
		{"", "A Title: Here"}:                       "a-title-here",
		{"", "日本語"}:                                 "",
	} {
		if got := slugOf(in[0], in[1]); got != want {
			t.Errorf("slugOf(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
	if got := withSuffix(strings.Repeat("a", 100), 2); len(got) > 100 || !strings.HasSuffix(got, "-2") {
		t.Errorf("withSuffix = %q", got)
	}
}
