package store_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
)

// TestBodiesMigration upgrades a database whose stories carry their bodies in
// the articles row (schema 6) and checks that every body survives the move to
// article_bodies and reads back through the store.
func TestBodiesMigration(t *testing.T) {
	run := func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		all := store.EngineMigrations(s)
		names, err := fs.Glob(all, "*.sql")
		if err != nil {
			t.Fatal(err)
		}
		old := fstest.MapFS{}
		for _, name := range names {
			if name >= "0007" {
				continue
			}
			data, err := fs.ReadFile(all, name)
			if err != nil {
				t.Fatal(err)
			}
			old[name] = &fstest.MapFile{Data: data}
		}
		store.SetMigrations(s, old)
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		execRaw(t, s, `INSERT INTO top_level_slugs (slug, kind) VALUES ('news', 'section')`)
		execRaw(t, s, `INSERT INTO sections (id, slug, name) VALUES (1, 'news', 'News')`)
		execRaw(t, s, `INSERT INTO articles (id, section_id, slug, headline, body_md, body_html, status, created_at, modified_at)
			VALUES (7, 1, 'harbour-dredging', 'Harbour dredging starts', 'The *dredger* arrived.', '<p>The <em>dredger</em> arrived.</p>', 'draft',
			'2026-11-01 09:00:00.000000+00:00', '2026-11-01 09:00:00.000000+00:00')`)

		store.SetMigrations(s, all)
		if n, err := s.Migrate(ctx); err != nil || n == 0 {
			t.Fatalf("Migrate to the current schema = %d, %v", n, err)
		}
		a, err := s.ArticleByID(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		if a.BodyMarkdown != "The *dredger* arrived." || a.BodyHTML != "<p>The <em>dredger</em> arrived.</p>" {
			t.Fatalf("after the migration the body reads %q / %q", a.BodyMarkdown, a.BodyHTML)
		}
		if a.Headline != "Harbour dredging starts" || a.Section.Slug != "news" {
			t.Fatalf("after the migration the story reads %+v", a)
		}
	}
	t.Run("sqlite", func(t *testing.T) { run(t, filepath.Join(t.TempDir(), "herald.db")) })
	t.Run("postgres", func(t *testing.T) { run(t, pgtest.DB(t)) })
}
