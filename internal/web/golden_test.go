package web_test

import (
	"bytes"
	"regexp"
	"testing"
)

// goldenPages are the answers kept as golden files, by file name. The fixed
// clock and base URL make them the same on every run.
var goldenPages = []struct{ name, target string }{
	{"article.html", storyWithCreditsAndCorrections},
	{"feed.xml", "/feed.xml"},
	{"atom.xml", "/atom.xml"},
	{"feed.json", "/feed.json"},
	{"sitemap-pages.xml", "/sitemaps/pages.xml"},
	{"news-sitemap.xml", "/news-sitemap.xml"},
}

// assetHash matches the content hash in an asset URL, "/static/site.3f2a9c1d0e.css".
var assetHash = regexp.MustCompile(`(/static/[\w.-]+?)\.[0-9a-f]{10}(\.\w+)`)

// stableAssets replaces asset hashes with a placeholder, so that editing the
// style sheet does not change every page's golden file. TestAssetsAndMediaNotFound
// and TestNoThirdPartyRequests check the real URLs.
func stableAssets(b []byte) []byte {
	return assetHash.ReplaceAll(b, []byte("${1}.HASH${2}"))
}

func TestGolden(t *testing.T) {
	shared := sharedSite(t)
	fresh := newDemoSite(t) // a second server over its own copy
	for _, g := range goldenPages {
		t.Run(g.name, func(t *testing.T) {
			got := body(t, shared.h, g.target)
			if again := body(t, shared.h, g.target); !bytes.Equal(got, again) {
				t.Errorf("two renderings of %s differ:\n%s", g.target, firstDiff(got, again))
			}
			if other := body(t, fresh.h, g.target); !bytes.Equal(got, other) {
				t.Errorf("two servers render %s differently:\n%s", g.target, firstDiff(got, other))
			}
			golden(t, g.name, stableAssets(got))
		})
	}
}
