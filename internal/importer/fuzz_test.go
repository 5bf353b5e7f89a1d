package importer

import (
	"context"
	"errors"
	"hash/fnv"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/store"
)

// FuzzWXR feeds the WordPress importer arbitrary files: it never panics,
// every refusal names the file and a place in it, and a refused file
// stores nothing.
//
// Each input is read by the streaming reader first, with every body
// cleaned as the import would clean it: that is quick, so the fuzzer
// explores (and minimises: it runs every new input again byte by byte)
// fast. One in eight of the files the reader accepts whole (chosen by a
// hash of the file, so a failure reproduces) is also imported into a real
// store, which takes milliseconds: there the import may still refuse it (a
// failed write, a broken invariant), and then the store must be as it was.
// A file the reader refuses is refused by the import at the same place
// before its transaction commits (TestBadInput checks that such a file
// stores nothing).
func FuzzWXR(f *testing.F) {
	// Small seeds: the fuzzer minimises each new input by trying it again
	// without every span of its bytes, which takes the square of its
	// length in runs.
	f.Add(`<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel><wp:wxr_version>1.0</wp:wxr_version><item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><dc:creator>a</dc:creator><pubDate>Tue, 5 Mar 2024 14:30:00 +0000</pubDate></item></channel></rss>`)
	f.Add(`<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>2</wp:post_id><wp:post_type>page</wp:post_type><wp:status>publish</wp:status><title>P</title></item></channel></rss>`)
	f.Add(`<rss><channel><wp:wxr_version>1.1</wp:wxr_version><item><content:encoded>[caption]<img src=x> c[/caption] [x a="1"]t[/x]
b</content:encoded><wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item></channel></rss>`)
	f.Add(`<!DOCTYPE rss [<!ENTITY a "b">]><rss/>`)
	f.Add("<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>x\xff</title></item></channel></rss>")

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(f.TempDir(), "herald.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if err := readAll(doc); err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.xml" || pe.Pos.Line < 1 || pe.Pos.Col < 1 {
				t.Fatalf("refusal without a place: %v", err)
			}
			return
		}
		if h := fnv.New32a(); true {
			h.Write([]byte(doc))
			if h.Sum32()%8 != 0 {
				return
			}
		}
		before, err := st.LastChangeID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := WordPress(ctx, st, "fuzz.xml", strings.NewReader(doc), Options{}); err != nil {
			if after, _ := st.LastChangeID(ctx); after != before {
				t.Fatalf("a refused file changed the store (%v)", err)
			}
		}
	})
}

// readAll reads a whole export with the streaming reader and cleans every
// body, as an import does, without a store.
func readAll(doc string) error {
	s := newWXRStream("fuzz.xml", strings.NewReader(doc))
	env := bodyEnv{oldHosts: map[string]bool{"x": true}, counts: map[string]*ShortcodeCount{}}
	for {
		e, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if it, ok := e.(*wxrItem); ok {
			if _, _, err := env.wordpress(it.Content); err != nil {
				return err
			}
			for _, c := range it.Comments {
				commentText(c.Content)
			}
			oldPaths(it, "p")
		}
	}
}
