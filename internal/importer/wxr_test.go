package importer_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/importer"
	"github.com/herald-news/herald/internal/store"
)

// smallExport is a WordPress export with the wp: namespace spelt ns: a
// post with a tag and a threaded pair of comments, and a page.
func smallExport(ns, version string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="%[1]sexcerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="%[1]s">
<channel>
	<title>Small</title>
	<link>http://small.example</link>
	<wp:wxr_version>%[2]s</wp:wxr_version>
	<wp:base_site_url>http://small.example</wp:base_site_url>
	<wp:author><wp:author_login>ed</wp:author_login><wp:author_email>ed@small.example</wp:author_email><wp:author_display_name>Ed Itor</wp:author_display_name></wp:author>
	<item>
		<title>Hello &amp; welcome</title>
		<link>http://small.example/hello/</link>
		<pubDate>Sat, 16 Oct 2010 20:53:18 +0000</pubDate>
		<dc:creator>ed</dc:creator>
		<guid isPermaLink="false">http://small.example/?p=1</guid>
		<content:encoded><![CDATA[First post.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>1</wp:post_id>
		<wp:post_date>2010-10-16 20:53:18</wp:post_date>
		<wp:status>publish</wp:status>
		<wp:post_name>hello</wp:post_name>
		<wp:post_type>post</wp:post_type>
		<category domain="category" nicename="news"><![CDATA[News]]></category>
		<category domain="post_tag" nicename="first"><![CDATA[First]]></category>
		<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Al</wp:comment_author><wp:comment_author_email>al@x.example</wp:comment_author_email><wp:comment_content>Hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent><wp:comment_date_gmt>2010-10-17 10:00:00</wp:comment_date_gmt></wp:comment>
		<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Bo</wp:comment_author><wp:comment_author_email>bo@x.example</wp:comment_author_email><wp:comment_content>Hi Al</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>1</wp:comment_parent><wp:comment_date_gmt>2010-10-17 11:00:00</wp:comment_date_gmt></wp:comment>
	</item>
	<item>
		<title>Contact</title>
		<link>http://small.example/?page_id=2</link>
		<wp:post_id>2</wp:post_id>
		<wp:post_date_gmt>2010-10-16 20:53:18</wp:post_date_gmt>
		<wp:status>publish</wp:status>
		<wp:post_name>contact</wp:post_name>
		<wp:post_type>page</wp:post_type>
		<content:encoded><![CDATA[Write to us.]]></content:encoded>
	</item>
</channel>
</rss>
`, ns, version)
}

func TestNamespaceSpellings(t *testing.T) {
	for _, c := range []struct{ ns, version string }{
		{"http://wordpress.org/export/1.0/", "1.0"},
		{"http://wordpress.org/export/1.1/", "1.1"},
		{"http://wordpress.org/export/1.2/", "1.2"},
		{"https://wordpress.org/export/1.2/", "1.2"},
	} {
		t.Run(c.ns, func(t *testing.T) {
			st := openStore(t)
			rep, err := importString(st, "small.xml", smallExport(c.ns, c.version))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Stories.Imported != 1 || rep.Pages.Imported != 1 || rep.Comments.Imported != 2 || rep.Authors.Imported != 1 {
				t.Errorf("%s", reportText(rep))
			}
			a := mustArticle(t, st, "news", "hello")
			if a.Headline != "Hello & welcome" || len(a.Tags) != 1 || a.Authors[0].Name != "Ed Itor" {
				t.Errorf("story = %+v", a)
			}
			if !strings.Contains(rep.Format, "WXR "+c.version) {
				t.Errorf("format = %q", rep.Format)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	good := smallExport("http://wordpress.org/export/1.2/", "1.2")
	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><title>&lol3;</title></channel></rss>`
	xxe := `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&xxe;</title></channel></rss>`
	dtd := `<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">
<rss><channel/></rss>`
	feed := `<?xml version="1.0"?>
<rss version="2.0"><channel><title>A feed</title><item><title>Not an export</title></item></channel></rss>`
	badUTF8 := strings.Replace(good, "First post.", "First \xff\xfe post.", 1)
	latin1 := strings.Replace(good, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	deep := strings.Replace(good, "First post.", "]]></content:encoded><x>"+strings.Repeat("<a>", 100)+strings.Repeat("</a>", 100)+"</x><content:encoded><![CDATA[", 1)
	for _, c := range []struct {
		name, doc, want string
		line, col       int
	}{
		{"empty", "", "holds no XML element", 1, 1},
		{"html", "<!DOCTYPE html>\n<html><body>hi</body></html>", "root element is <html>, not <rss>", 2, 7},
		{"feed", feed, "not a WordPress export", 2, 56},
		{"billion laughs", laughs, `"billion laughs"`, 6, 3},
		{"external entity", xxe, "declares XML entities", 2, 59},
		{"external dtd", dtd, "names an outside DTD", 2, 57},
		{"malformed", strings.Replace(good, "</dc:creator>", "</dc:creatr>", 1), "malformed XML", 14, 29},
		{"truncated", good[:len(good)/2], "truncated", 0, 0},
		{"invalid utf-8", badUTF8, "not valid UTF-8", 16, 35},
		{"other encoding", latin1, "encoded in ISO-8859-1", 0, 0},
		{"too deep", deep, "nest more than", 0, 0},
		{"two roots", good + "<rss/>", "after the end of the export", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			_, err := importString(st, "bad.xml", c.doc)
			var pe *importer.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "bad.xml:") {
				t.Errorf("err = %q, want %q", err, c.want)
			}
			if c.line != 0 && (pe.Pos.Line != c.line || pe.Pos.Col != c.col) {
				t.Errorf("err at %s, want %d:%d (%v)", pe.Pos, c.line, c.col, err)
			}
			assertEmpty(t, st)
		})
	}
}

// TestRealExports tries the WordPress importer's own test exports, kept
// beside the project (../shared/testdata/wxr), when they are there.
func TestRealExports(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "testdata", "wxr")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no WordPress exports in %s", dir)
		}
		t.Skipf("no WordPress exports in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			st := openStore(t)
			in, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			rep, err := importer.WordPress(context.Background(), st, filepath.Base(f), in, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Stories.Imported == 0 {
				t.Errorf("nothing imported:\n%s", reportText(rep))
			}
			again, err := importFileAt(st, f)
			if err != nil {
				t.Fatal(err)
			}
			if tot := again.Totals(); tot.Imported != 0 || tot.Updated != 0 {
				t.Errorf("second run changed things:\n%s", reportText(again))
			}
		})
	}
}

func importFileAt(st *store.Store, path string) (*importer.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return importer.WordPress(context.Background(), st, filepath.Base(path), f, importer.Options{})
}
