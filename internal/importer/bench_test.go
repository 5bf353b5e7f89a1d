package importer_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/importer"
)

// writeExport writes a WordPress export of posts posts with comments
// comments each (every other one a reply), over ten categories, forty tags
// and five authors: the shape of a news site's archive.
func writeExport(w io.Writer, posts, comments int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Generated Gazette</title>
	<link>https://gazette.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://gazette.example</wp:base_site_url>
`)
	for a := 0; a < 5; a++ {
		fmt.Fprintf(bw, "\t<wp:author><wp:author_id>%d</wp:author_id><wp:author_login>writer%d</wp:author_login><wp:author_email>writer%d@gazette.example</wp:author_email><wp:author_display_name><![CDATA[Writer %d]]></wp:author_display_name></wp:author>\n", a+1, a, a, a)
	}
	for c := 0; c < 10; c++ {
		fmt.Fprintf(bw, "\t<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename>desk-%d</wp:category_nicename><wp:cat_name><![CDATA[Desk %d]]></wp:cat_name></wp:category>\n", c+1, c, c)
	}
	words := strings.Fields("harbour council ferry storm budget school election river market festival bridge museum police court hospital weather port tide fishing museum")
	cid := 0
	for p := 1; p <= posts; p++ {
		day := 1 + p%28
		month := 1 + (p/28)%12
		year := 2010 + p/(28*12)
		fmt.Fprintf(bw, `	<item>
		<title><![CDATA[%[2]s and %[3]s: story %[1]d]]></title>
		<link>https://gazette.example/%[4]d/%02[5]d/story-%[1]d/</link>
		<pubDate>Mon, 02 Jan 2006 15:04:05 +0000</pubDate>
		<dc:creator><![CDATA[writer%[6]d]]></dc:creator>
		<guid isPermaLink="false">https://gazette.example/?p=%[1]d</guid>
		<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>The %[2]s met on Tuesday to discuss the %[3]s, officials said. Story %[1]d of the archive.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Residents asked about the <strong>%[3]s</strong> and the <a href="https://gazette.example/%[4]d/%02[5]d/story-%[8]d/">earlier report</a>.</p>
<!-- /wp:paragraph -->

[caption id="attachment_1" width="640"]<img src="https://gazette.example/wp-content/uploads/%[4]d/%02[5]d/photo-%[1]d.jpg" alt="A photo" width="640" height="480" /> A caption for story %[1]d.[/caption]

The %[2]s will meet again next month.
It said the %[3]s would be ready by spring.]]></content:encoded>
		<excerpt:encoded><![CDATA[The %[2]s discussed the %[3]s.]]></excerpt:encoded>
		<wp:post_id>%[1]d</wp:post_id>
		<wp:post_date_gmt><![CDATA[%[4]d-%02[5]d-%02[7]d 10:00:00]]></wp:post_date_gmt>
		<wp:comment_status>open</wp:comment_status>
		<wp:post_name><![CDATA[story-%[1]d]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="desk-%[9]d"><![CDATA[Desk %[9]d]]></category>
		<category domain="post_tag" nicename="tag-%[10]d"><![CDATA[Tag %[10]d]]></category>
		<category domain="post_tag" nicename="tag-%[11]d"><![CDATA[Tag %[11]d]]></category>
`, p, words[p%len(words)], words[(p*7)%len(words)], year, month, p%5, day, max(1, p-1), p%10, p%40, (p*3)%40)
		first := 0
		for c := 0; c < comments; c++ {
			cid++
			parent := 0
			if c%2 == 1 {
				parent = first
			} else {
				first = cid
			}
			status := []string{"1", "1", "1", "0", "spam"}[c%5]
			fmt.Fprintf(bw, `		<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Reader %d]]></wp:comment_author><wp:comment_author_email>reader%d@mail.example</wp:comment_author_email><wp:comment_date_gmt>%d-%02d-%02d 12:%02d:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment %d on story %d: I agree about the %s.]]></wp:comment_content><wp:comment_approved>%s</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>%d</wp:comment_parent></wp:comment>
`, cid, cid%997, cid%997, year, month, day, c%60, cid, p, words[cid%len(words)], status, parent)
		}
		fmt.Fprint(bw, "\t</item>\n")
	}
	fmt.Fprint(bw, "</channel>\n</rss>\n")
	return bw.Flush()
}

// TestWriteExport writes a generated export for measuring the command by
// hand: HERALD_WRITE_EXPORT=FILE:POSTS:COMMENTS_PER_POST.
func TestWriteExport(t *testing.T) {
	spec := os.Getenv("HERALD_WRITE_EXPORT")
	if spec == "" {
		t.Skip("set HERALD_WRITE_EXPORT=FILE:POSTS:COMMENTS_PER_POST to write an export")
	}
	parts := strings.Split(spec, ":")
	if len(parts) != 3 {
		t.Fatalf("HERALD_WRITE_EXPORT=%q: want FILE:POSTS:COMMENTS_PER_POST", spec)
	}
	posts, err1 := strconv.Atoi(parts[1])
	comments, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil {
		t.Fatalf("HERALD_WRITE_EXPORT=%q: counts must be numbers", spec)
	}
	f, err := os.Create(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeExport(f, posts, comments); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImportWordPress imports a generated export of 10,000 posts and
// 50,000 comments into a fresh SQLite database.
func BenchmarkImportWordPress(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeExport(f, 10_000, 5); err != nil {
		b.Fatal(err)
	}
	f.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		in, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := importer.WordPress(context.Background(), st, "export.xml", in, importer.Options{})
		b.StopTimer()
		in.Close()
		if err != nil {
			b.Fatal(err)
		}
		if rep.Stories.Imported != 10_000 || rep.Comments.Imported != 50_000 {
			b.Fatalf("imported %+v stories, %+v comments", rep.Stories, rep.Comments)
		}
		b.ReportMetric(float64(rep.Stories.Imported)/rep.Duration.Seconds(), "stories/s")
		b.StartTimer()
	}
}
