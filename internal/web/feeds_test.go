package web_test

import (
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// channelPaths lists the path of every page that has feeds: the site, each
// section, each author and each tag.
func channelPaths(tb testing.TB, s *site) []string {
	tb.Helper()
	ctx := tb.Context()
	paths := []string{"/"}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, sec := range sections {
		paths = append(paths, "/"+sec.Slug+"/")
	}
	authors, err := s.store.Authors(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range authors {
		paths = append(paths, "/authors/"+a.Slug+"/")
	}
	tags, err := s.store.Tags(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, t := range tags {
		paths = append(paths, "/tags/"+t.Slug+"/")
	}
	return paths
}

// feedFormats are a channel's three feeds: file name, media type and the
// type gofeed must recognise.
var feedFormats = []struct {
	name, mediaType, feedType string
}{
	{"feed.xml", "application/rss+xml", "rss"},
	{"atom.xml", "application/atom+xml", "atom"},
	{"feed.json", "application/feed+json", "json"},
}

// linkChecker fetches absolute links on the site through the handler, each
// path once.
type linkChecker struct {
	s    *site
	seen map[string]int
}

func (c *linkChecker) check(t *testing.T, what, u string) {
	t.Helper()
	if u == "" {
		t.Errorf("%s: empty link", what)
		return
	}
	if !strings.HasPrefix(u, baseURL+"/") {
		t.Errorf("%s: link %q is not an absolute URL on %s", what, u, baseURL)
		return
	}
	p := strings.TrimPrefix(u, baseURL)
	code, ok := c.seen[p]
	if !ok {
		code = request(c.s.h, http.MethodGet, p, nil).Code
		c.seen[p] = code
	}
	if code != http.StatusOK {
		t.Errorf("%s: %s answers %d, want 200", what, u, code)
	}
}

func TestFeeds(t *testing.T) {
	s := sharedSite(t)
	links := &linkChecker{s: s, seen: map[string]int{}}
	for _, ch := range channelPaths(t, s) {
		for _, f := range feedFormats {
			target := ch + f.name
			t.Run(target, func(t *testing.T) {
				w := get(t, s.h, target, http.StatusOK)
				if mt, _, _ := mime.ParseMediaType(w.Header().Get("Content-Type")); mt != f.mediaType {
					t.Errorf("Content-Type %q, want %s", w.Header().Get("Content-Type"), f.mediaType)
				}
				feed, err := gofeed.NewParser().ParseString(w.Body.String())
				if err != nil {
					t.Fatalf("gofeed: %v\n%s", err, excerpt(w.Body.Bytes()))
				}
				if feed.FeedType != f.feedType {
					t.Errorf("gofeed reads it as %q, want %q", feed.FeedType, f.feedType)
				}
				if feed.Title == "" {
					t.Error("feed has no title")
				}
				if len(feed.Items) == 0 {
					t.Fatal("feed has no items")
				}
				if feed.Link != baseURL+ch {
					t.Errorf("feed link %q, want %q", feed.Link, baseURL+ch)
				}
				links.check(t, "feed link", feed.Link)
				if feed.FeedLink != "" {
					links.check(t, "feed self link", feed.FeedLink)
				}
				ids := map[string]bool{}
				for i, it := range feed.Items {
					if it.Title == "" || it.PublishedParsed == nil {
						t.Errorf("item %d has no title or no date: %q %q", i, it.Title, it.Published)
					}
					if !strings.HasPrefix(it.Link, baseURL+"/") || !strings.HasSuffix(it.Link, "/") {
						t.Errorf("item %d link %q is not an absolute story URL", i, it.Link)
					}
					links.check(t, "item "+it.Title, it.Link)
					if it.Image != nil && it.Image.URL != "" {
						links.check(t, "item image", it.Image.URL)
					}
					for _, e := range it.Enclosures {
						links.check(t, "enclosure", e.URL)
					}
					if it.GUID != "" {
						if ids[it.GUID] {
							t.Errorf("item id %s appears twice", it.GUID)
						}
						ids[it.GUID] = true
					}
				}
			})
		}
	}
}
