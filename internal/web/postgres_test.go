package web_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
)

// TestPostgresServesTheSamePages loads the demo at the same moment into
// PostgreSQL and compares what both engines serve, byte for byte.
func TestPostgresServesTheSamePages(t *testing.T) {
	dsn := pgtest.DB(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	pg := newSite(t, st)
	lite := sharedSite(t)
	if pg.store.Engine() != "postgres" || lite.store.Engine() != "sqlite" {
		t.Fatalf("engines are %s and %s", pg.store.Engine(), lite.store.Engine())
	}
	for _, target := range []string{
		"/",
		"/usa-news/",
		storyWithCreditsAndCorrections,
		"/authors/maya-okafor/",
		"/tags/congress/",
		"/sources/capitol-dispatch/",
		"/corrections/",
		"/about/",
		"/feed.xml",
		"/atom.xml",
		"/feed.json",
		"/sitemap.xml",
		"/sitemaps/pages.xml",
		"/sitemaps/stories-1.xml",
		"/news-sitemap.xml",
	} {
		t.Run(target, func(t *testing.T) {
			want := body(t, lite.h, target)
			got := body(t, pg.h, target)
			if !bytes.Equal(want, got) {
				t.Errorf("PostgreSQL (+) and SQLite (-) serve %s differently:\n%s", target, firstDiff(want, got))
			}
		})
	}
}
