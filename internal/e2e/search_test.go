package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestHeaderSearch types in the masthead's search box, submits with the
// keyboard, and opens the first result.
func TestHeaderSearch(t *testing.T) {
	t.Parallel()
	var log requestLog
	ctx := newBrowser(t, &log)
	t.Cleanup(func() {
		if bad := log.foreign(); len(bad) > 0 {
			t.Errorf("requests to other hosts: %v", bad)
		}
	})
	follow(t, ctx, "open the front page", chromedp.Navigate(baseURL+"/"))
	run(t, ctx, "type a search", chromedp.SendKeys(chromedp.CSS("#site-search-q"), "sunflower sea stars"))
	follow(t, ctx, "press Enter", chromedp.KeyEvent(kb.Enter))
	if loc := run(t, ctx, "read the location", chromedp.Location()); !strings.Contains(loc, "/search?q=sunflower+sea+stars") {
		t.Fatalf("the search box led to %s", loc)
	}
	const first = ".search-results li:first-child .card-headline a"
	want := strings.Join(strings.Fields(run(t, ctx, "read the first result", chromedp.Text(chromedp.CSS(first)))), " ")
	if !strings.Contains(strings.ToLower(want), "sea stars") {
		t.Fatalf("the first result is %q", want)
	}
	follow(t, ctx, "open the first result", chromedp.Click(chromedp.CSS(first)))
	if h1 := strings.Join(strings.Fields(run(t, ctx, "read the story", chromedp.Text(chromedp.CSS("h1.headline")))), " "); h1 != want {
		t.Fatalf("the result opened %q, want %q", h1, want)
	}
}
