package store_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
)

// checkSearchIndex checks, on SQLite, where the store keeps the two in step
// itself, that FTS5's index is sound and holds search_docs exactly: the
// same words at the same places, and the same lengths and totals bm25 ranks
// by, as an index built afresh from the rows.
func checkSearchIndex(t *testing.T, s *store.Store) {
	t.Helper()
	if s.Engine() != "sqlite" {
		return
	}
	execRaw(t, s, `INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`)
	// On a contentless table the integrity check looks at the index alone;
	// the comparisons below hold it to the rows.
	db, err := store.RawDB(s)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{
		`CREATE VIRTUAL TABLE temp.ref_fts USING fts5 (headline, standfirst, body, keywords, facets, content = '', tokenize = 'porter unicode61 remove_diacritics 2')`,
		`INSERT INTO temp.ref_fts (rowid, headline, standfirst, body, keywords, facets)
			SELECT seq, headline, standfirst, body, keywords, facets FROM search_docs`,
		`CREATE VIRTUAL TABLE temp.ref_words USING fts5vocab (temp, ref_fts, instance)`,
		`CREATE VIRTUAL TABLE temp.index_words USING fts5vocab (main, search_fts, instance)`,
	} {
		if _, err := conn.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	defer conn.ExecContext(context.Background(), `DROP TABLE temp.ref_fts; DROP TABLE temp.ref_words; DROP TABLE temp.index_words`)
	for _, q := range []string{
		`SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.index_words EXCEPT SELECT term, doc, col, offset FROM temp.ref_words)`,
		`SELECT count(*) FROM (SELECT term, doc, col, offset FROM temp.ref_words EXCEPT SELECT term, doc, col, offset FROM temp.index_words)`,
		// Each row's column lengths, and the row count and column totals
		// (the record with id 1).
		`SELECT count(*) FROM (SELECT id, sz FROM main.search_fts_docsize EXCEPT SELECT id, sz FROM temp.ref_fts_docsize)`,
		`SELECT count(*) FROM (SELECT id, sz FROM temp.ref_fts_docsize EXCEPT SELECT id, sz FROM main.search_fts_docsize)`,
		`SELECT count(*) FROM (SELECT block FROM main.search_fts_data WHERE id = 1 EXCEPT SELECT block FROM temp.ref_fts_data WHERE id = 1)`,
	} {
		var n int
		if err := conn.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("the full-text index and search_docs differ: %d rows of %s", n, q)
		}
	}
}

// TestSearchFilters: the section, author, tag and date filters find what
// the stories hold now, after edits that move a story to another section and
// change its authors and tags, and the dates bound to the microsecond.
func TestSearchFilters(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		story := func(slug string, section int, age time.Duration, authors []int, tags ...int) *news.Article {
			a := f.article(slug, section, age, authors...)
			a.BodyMarkdown, a.BodyHTML = "The ferry timetable changes.", "<p>The ferry timetable changes.</p>"
			for _, i := range tags {
				a.Tags = append(a.Tags, f.tags[i])
			}
			return a
		}
		one := story("ferry-one", 0, time.Hour, []int{0}, 0)
		two := story("ferry-two", 1, 2*time.Hour, []int{1}, 1)
		three := story("ferry-three", 0, 3*time.Hour, []int{0, 1}, 0, 1)
		must(t, s.CreateArticles(ctx, []*news.Article{one, two, three}))
		tests := []struct {
			name string
			f    store.SearchFilter
			want []string
		}{
			{"section", store.SearchFilter{SectionID: f.sections[0].ID}, []string{"ferry-one", "ferry-three"}},
			{"author", store.SearchFilter{AuthorID: f.authors[1].ID}, []string{"ferry-two", "ferry-three"}},
			{"tag", store.SearchFilter{TagID: f.tags[0].ID}, []string{"ferry-one", "ferry-three"}},
			{"section, author and tag", store.SearchFilter{SectionID: f.sections[0].ID, AuthorID: f.authors[1].ID, TagID: f.tags[1].ID}, []string{"ferry-three"}},
			{"no such author", store.SearchFilter{AuthorID: f.authors[2].ID}, []string{}},
			{"from, inclusive", store.SearchFilter{From: two.PublishedAt}, []string{"ferry-one", "ferry-two"}},
			{"from, a microsecond later", store.SearchFilter{From: two.PublishedAt.Add(time.Microsecond)}, []string{"ferry-one"}},
			{"to, exclusive", store.SearchFilter{To: two.PublishedAt}, []string{"ferry-three"}},
			{"to, a microsecond later", store.SearchFilter{To: two.PublishedAt.Add(time.Microsecond)}, []string{"ferry-two", "ferry-three"}},
			{"from and to", store.SearchFilter{From: three.PublishedAt, To: one.PublishedAt}, []string{"ferry-two", "ferry-three"}},
			{"far future and past", store.SearchFilter{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
				[]string{"ferry-one", "ferry-two", "ferry-three"}},
		}
		check := func(when string) {
			t.Helper()
			for _, tt := range tests {
				tt.f.Sort = news.SortDate
				got, total := find(t, s, "ferry", tt.f)
				if diff := cmp.Diff(tt.want, got); diff != "" || total != len(tt.want) {
					t.Errorf("%s, %s: total %d (-want +got):\n%s", when, tt.name, total, diff)
				}
			}
			checkSearchIndex(t, s)
		}
		check("as published")
		// The words that stand for sections, authors and tags in the index
		// find only what the stories say.
		sec, au, tag := "s"+itoa(f.sections[0].ID), "a"+itoa(f.authors[0].ID), "t"+itoa(f.tags[0].ID)
		for _, text := range []string{sec, au, tag, `"` + sec + " " + au + `"`, sec + " " + tag} {
			if got, _ := find(t, s, text, store.SearchFilter{}); len(got) != 0 {
				t.Errorf("%s finds %v", text, got)
			}
		}
		if got, _ := find(t, s, "ferry -"+sec+" -"+tag, store.SearchFilter{}); len(got) != 3 {
			t.Errorf("ferry -%s -%s finds %v", sec, tag, got)
		}

		// Story three moves to the other section, loses author ada and tag
		// trade; story one gains tag ports.
		three.Section, three.Authors, three.Tags = f.sections[1], []news.Author{f.authors[1]}, []news.Tag{f.tags[1]}
		if _, err := s.SaveArticle(ctx, three, 1, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		one.Tags = append(one.Tags, f.tags[1])
		if _, err := s.SaveArticle(ctx, one, 1, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		tests[0].want = []string{"ferry-one"}
		tests[2].want = []string{"ferry-one"}
		tests[3].want = []string{}
		check("after edits")
		if _, err := s.RebuildSearchIndex(ctx); err != nil {
			t.Fatal(err)
		}
		check("after rebuilding")
	})
}

// TestSearchIndexMigration upgrades a database whose search index was kept
// by triggers and had no facets (schema 7), and checks that its stories are
// found with every filter, that the full-text index matches, and that a
// story indexed before the upgrade can be edited after it.
func TestSearchIndexMigration(t *testing.T) {
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
			if name >= "0008" {
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
		f := newFixture(t, s)
		at := "'2026-11-01 09:00:00.000000+00:00'"
		execRaw(t, s, `INSERT INTO articles (id, section_id, slug, headline, standfirst, status, published_at, created_at, modified_at)
			VALUES (7, 1, 'harbour-dredging', 'Harbour dredging starts', 'Work began at dawn.', 'published', `+at+`, `+at+`, `+at+`)`)
		execRaw(t, s, `INSERT INTO article_bodies (article_id, body_md, body_html) VALUES (7, 'The *dredger* arrived.', '<p>The <em>dredger</em> arrived.</p>')`)
		execRaw(t, s, `INSERT INTO article_authors (article_id, author_id, position) VALUES (7, 2, 0)`)
		execRaw(t, s, `INSERT INTO article_tags (article_id, tag_id) VALUES (7, 3)`)
		// As the store wrote it before: on SQLite a trigger indexed it.
		seq := int64(time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Unix()<<24 | 7)
		execRaw(t, s, `INSERT INTO search_docs (seq, article_id, published_at, section_id, headline, standfirst, body, keywords, analysed)
			VALUES (`+itoa(seq)+`, 7, `+at+`, 1, 'Harbour dredging starts', 'Work began at dawn.', 'The dredger arrived.', 'rain Author ben', TRUE)`)
		execRaw(t, s, `INSERT INTO search_terms (term, docs) VALUES ('', 1), ('dredger', 1), ('harbour', 1), ('dredging', 1), ('start', 1), ('arrived', 1)`)

		store.SetMigrations(s, all)
		if n, err := s.Migrate(ctx); err != nil || n == 0 {
			t.Fatalf("Migrate to the current schema = %d, %v", n, err)
		}
		checkSearchIndex(t, s)
		for _, filter := range []store.SearchFilter{
			{}, {SectionID: f.sections[0].ID}, {AuthorID: f.authors[1].ID}, {TagID: f.tags[2].ID},
			{SectionID: f.sections[0].ID, AuthorID: f.authors[1].ID, TagID: f.tags[2].ID},
		} {
			if got, _ := find(t, s, "dredger", filter); !cmp.Equal(got, []string{"harbour-dredging"}) {
				t.Errorf("after the migration, dredger with %+v finds %v", filter, got)
			}
		}
		if got, _ := find(t, s, "dredger", store.SearchFilter{TagID: f.tags[0].ID}); len(got) != 0 {
			t.Errorf("after the migration, dredger with another tag finds %v", got)
		}

		a, err := s.ArticleByID(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		a.BodyMarkdown, a.BodyHTML = "The dredger sank.", "<p>The dredger sank.</p>"
		a.Section = f.sections[1]
		if _, err := s.SaveArticle(ctx, a, a.Version, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		checkSearchIndex(t, s)
		if got, _ := find(t, s, "sank", store.SearchFilter{SectionID: f.sections[1].ID}); !cmp.Equal(got, []string{"harbour-dredging"}) {
			t.Errorf("after an edit, sank in the new section finds %v", got)
		}
		if got, _ := find(t, s, "arrived", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("after an edit, the old words find %v", got)
		}
	}
	t.Run("sqlite", func(t *testing.T) { run(t, filepath.Join(t.TempDir(), "herald.db")) })
	t.Run("postgres", func(t *testing.T) { run(t, pgtest.DB(t)) })
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestBulkPageCache: rebuilding the index on SQLite enlarges its
// connection's page cache and sets it back after, for the pool keeps the
// connection.
func TestBulkPageCache(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "herald.db"))
	newSearchNewsroom(t, s)
	db, err := store.RawDB(s)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // the one connection the rebuild runs on
	size := func() int {
		var n int
		if err := db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := size()
	if _, err := s.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if after := size(); after != before {
		t.Errorf("page cache after rebuilding = %d, before %d", after, before)
	}
}

// TestRebuildLeavesStatistics: on PostgreSQL a rebuild leaves the planner
// statistics of the tables it refilled, so that the statements of the
// RebuildRelated that follows it are planned for the rows there are. Planned
// from the statistics of before, a lookup of a story's keywords took 30 to
// 40 ms instead of a tenth of one, and RebuildRelated of 100,000 stories
// had not finished after 18 minutes.
func TestRebuildLeavesStatistics(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, pgtest.DB(t))
	newSearchNewsroom(t, s)
	if _, err := s.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := store.RawDB(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"search_docs", "search_terms", "related_terms"} {
		var rows, estimate float64
		if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM `+table+`), reltuples FROM pg_class WHERE relname = $1`, table).Scan(&rows, &estimate); err != nil {
			t.Fatal(err)
		}
		if rows == 0 || estimate != rows {
			t.Errorf("%s: %v rows, and the planner counts %v", table, rows, estimate)
		}
	}
}

// TestSearchFollowsRenames: stories are found by the new name of a tag,
// author or source they list, and no longer by the old, as soon as it is
// renamed; their related lists stay as they were.
func TestSearchFollowsRenames(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := newSearchNewsroom(t, s)
		related := func() []string {
			list, err := s.Related(ctx, n.harbor, 6)
			if err != nil {
				t.Fatal(err)
			}
			var slugs []string
			for _, a := range list {
				slugs = append(slugs, a.Slug)
			}
			return slugs
		}
		before := related()

		tag, author, source := n.tags[1], n.authors[1], n.sources[0]
		tag.Name, author.Name, source.Name = "maritime", "Author zed", "The gazette"
		must(t, s.UpdateTag(ctx, &tag))
		must(t, s.UpdateAuthor(ctx, &author))
		must(t, s.UpdateSource(ctx, &source))
		checkSearchIndex(t, s)
		for _, tt := range []struct {
			text string
			want []string
		}{
			{"maritime", []string{"harbor-deal", "port-strike"}},
			{"zed", []string{"rain-storm", "election-night"}},
			{"ben", []string{}},
			{"gazette", []string{"harbor-deal"}},
			{"courier", []string{}},
		} {
			if got, _ := find(t, s, tt.text, store.SearchFilter{Sort: news.SortDate}); !cmp.Equal(got, tt.want) {
				t.Errorf("after the renames, %q finds %v, want %v", tt.text, got, tt.want)
			}
		}
		if after := related(); !cmp.Equal(after, before) {
			t.Errorf("related to the harbor story after the renames = %v, before %v", after, before)
		}
		// An edit that keeps the name leaves the index alone.
		author.Bio = "Writes about weather."
		must(t, s.UpdateAuthor(ctx, &author))
		checkSearchIndex(t, s)

		// An import that renames an author renames it in the index too.
		author.Name = "Author yan"
		must(t, s.Import(ctx, func(tx *store.ImportTx) error { return tx.UpdateAuthor(&author) }))
		checkSearchIndex(t, s)
		if got, _ := find(t, s, "yan", store.SearchFilter{Sort: news.SortDate}); !cmp.Equal(got, []string{"rain-storm", "election-night"}) {
			t.Errorf("after an import renamed the author, yan finds %v", got)
		}
		if got, _ := find(t, s, "zed", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("after an import renamed the author, zed finds %v", got)
		}
	})
}

// TestRebuildRelatedForgetting: RebuildRelated writes the same lists
// whether it holds everything it reads or forgets it before every story.
func TestRebuildRelatedForgetting(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := newSearchNewsroom(t, s)
		stories := []*news.Article{n.harbor, n.rain, n.strike, n.election}
		lists := func() map[string][]string {
			if _, err := s.RebuildRelated(ctx); err != nil {
				t.Fatal(err)
			}
			out := map[string][]string{}
			for _, a := range stories {
				list, err := s.Related(ctx, a, 6)
				if err != nil {
					t.Fatal(err)
				}
				out[a.Slug] = []string{}
				for _, r := range list {
					out[a.Slug] = append(out[a.Slug], r.Slug)
				}
			}
			return out
		}
		held := lists()
		if len(held["harbor-deal"]) == 0 {
			t.Fatalf("no related stories to compare: %v", held)
		}
		defer store.SetRelatedHeld(0)()
		if forgetting := lists(); !cmp.Equal(forgetting, held) {
			t.Errorf("forgetting at every story: %v; holding: %v", forgetting, held)
		}
	})
}
