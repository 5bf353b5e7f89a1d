package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, nil)) }

// engines runs fn once on a fresh SQLite store and once on a fresh PostgreSQL
// store: the same expectations hold on both.
func engines(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, openStore(t, filepath.Join(t.TempDir(), "herald.db"))) })
	t.Run("postgres", func(t *testing.T) { fn(t, openStore(t, pgtest.DB(t))) })
}

func openStore(tb testing.TB, dsn string) *store.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return s
}

// fixture is a small newsroom built with the store's own methods.
type fixture struct {
	sections []news.Section
	authors  []news.Author
	tags     []news.Tag
	sources  []news.Source
}

func newFixture(t *testing.T, s *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{}
	for i, name := range []string{"USA News", "World"} {
		sec := news.Section{Slug: []string{"usa-news", "world"}[i], Name: name, Position: i}
		must(t, s.CreateSection(ctx, &sec))
		f.sections = append(f.sections, sec)
	}
	for _, slug := range []string{"ada", "ben", "cy"} {
		a := news.Author{Slug: slug, Name: "Author " + slug, Bio: "Writes.", Links: []news.Link{{Label: "Site", URL: "https://" + slug + ".example/"}}}
		must(t, s.CreateAuthor(ctx, &a))
		f.authors = append(f.authors, a)
	}
	for _, slug := range []string{"trade", "ports", "rain"} {
		tg := news.Tag{Slug: slug, Name: slug}
		must(t, s.CreateTag(ctx, &tg))
		f.tags = append(f.tags, tg)
	}
	for _, slug := range []string{"courier", "wire"} {
		src := news.Source{Slug: slug, Name: "The " + slug, URL: "https://" + slug + ".example/"}
		must(t, s.CreateSource(ctx, &src))
		f.sources = append(f.sources, src)
	}
	return f
}

var base = time.Date(2026, 11, 20, 12, 0, 0, 123456000, time.UTC)

// article builds a published story in section i by the given authors.
func (f *fixture) article(slug string, section int, age time.Duration, authors ...int) *news.Article {
	a := &news.Article{
		Slug: slug, Section: f.sections[section], Headline: "Headline " + slug, Standfirst: "Standfirst.",
		BodyMarkdown: "Body.", BodyHTML: "<p>Body.</p>", WordCount: 1, Status: news.StatusPublished,
		PublishedAt: base.Add(-age), CommentsOpen: true,
	}
	for _, i := range authors {
		a.Authors = append(a.Authors, f.authors[i])
	}
	return a
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrate(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n, err := s.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second Migrate = %d, %v; want 0, nil", n, err)
		}
		cur, latest, err := s.SchemaVersion(ctx)
		if err != nil || cur != latest || cur < 1 {
			t.Fatalf("SchemaVersion = %d, %d, %v", cur, latest, err)
		}
	})
}

func TestSchemaTooNew(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must(t, s.AddRedirect(ctx, news.Redirect{From: "/a/", To: "/b/"})) // some data to keep
		execRaw(t, s, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 'x')`)
		_, err := s.Migrate(ctx)
		if !errors.Is(err, store.ErrSchemaTooNew) {
			t.Fatalf("Migrate on a newer schema = %v, want ErrSchemaTooNew", err)
		}
		if to, err := s.RedirectFor(ctx, "/a/"); err != nil || to != "/b/" {
			t.Fatalf("data changed after refusing: %q, %v", to, err)
		}
	})
}

// execRaw runs SQL on the store's database through a second connection, as
// another program would.
func execRaw(t *testing.T, s *store.Store, query string) {
	t.Helper()
	db, err := store.RawDB(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	text := filepath.Join(dir, "notes.txt")
	original := []byte("these are my notes, not a database\n")
	must(t, os.WriteFile(text, original, 0o644))
	if _, err := store.Open(ctx, text); !errors.Is(err, store.ErrNotHerald) {
		t.Fatalf("Open(text file) = %v, want ErrNotHerald", err)
	}
	if got, _ := os.ReadFile(text); !bytes.Equal(got, original) {
		t.Fatal("the text file was changed")
	}

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	must(t, err)
	_, err = db.Exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices (total) VALUES (42)`)
	must(t, err)
	must(t, db.Close())
	before, _ := os.ReadFile(other)
	if _, err := store.Open(ctx, other); !errors.Is(err, store.ErrNotHerald) {
		t.Fatalf("Open(foreign sqlite) = %v, want ErrNotHerald", err)
	}
	after, _ := os.ReadFile(other)
	if !bytes.Equal(before, after) {
		t.Fatal("the foreign database was changed")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(other + suffix); err == nil {
			t.Fatalf("Open left a %s file beside the foreign database", suffix)
		}
	}
	if _, err := store.Open(ctx, dir); err == nil {
		t.Fatal("Open(directory) succeeded")
	}
}

func TestOpenRefusesForeignPostgres(t *testing.T) {
	dsn := pgtest.DB(t)
	db, err := sql.Open("pgx", dsn)
	must(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE invoices (id serial PRIMARY KEY)`)
	must(t, err)
	if _, err := store.Open(context.Background(), dsn); !errors.Is(err, store.ErrNotHerald) {
		t.Fatalf("Open(foreign postgres) = %v, want ErrNotHerald", err)
	}
}

func TestTopLevelSlugs(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must(t, s.CreateSection(ctx, &news.Section{Slug: "world", Name: "World"}))
		if err := s.CreateSection(ctx, &news.Section{Slug: "world", Name: "World 2"}); !errors.Is(err, news.ErrConflict) {
			t.Errorf("duplicate section = %v, want ErrConflict", err)
		}
		if err := s.CreatePage(ctx, &news.Page{Slug: "world", Title: "World page"}); !errors.Is(err, news.ErrConflict) {
			t.Errorf("page over a section = %v, want ErrConflict", err)
		}
		must(t, s.CreatePage(ctx, &news.Page{Slug: "about", Title: "About"}))
		if err := s.CreateSection(ctx, &news.Section{Slug: "about", Name: "About"}); !errors.Is(err, news.ErrConflict) {
			t.Errorf("section over a page = %v, want ErrConflict", err)
		}
		for _, slug := range []string{"admin", "authors", "feed", "Bad Slug", ""} {
			if err := s.CreateSection(ctx, &news.Section{Slug: slug, Name: "X"}); !errors.Is(err, news.ErrInvalid) {
				t.Errorf("section %q = %v, want ErrInvalid", slug, err)
			}
		}
		secs, err := s.Sections(ctx)
		must(t, err)
		if len(secs) != 1 {
			t.Fatalf("refused sections left rows behind: %v", secs)
		}
	})
}

func TestArticleRoundTrip(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.article("harbor-deal", 0, time.Hour, 2, 0)
		a.UpdatedAt = base.Add(-10 * time.Minute)
		a.Tags = []news.Tag{f.tags[1], f.tags[0]}
		a.Credits = []news.Credit{
			{Source: f.sources[1], Kind: news.CreditFirstReported, URL: "https://wire.example/story"},
			{Source: f.sources[0], Kind: news.CreditCiting},
		}
		a.Corrections = []news.Correction{{Kind: news.KindCorrection, Text: "An earlier version misspelled a name.", CreatedAt: base.Add(-30 * time.Minute)}}
		a.Image = &news.Image{URL: "/media/x.png", Alt: "A harbor", Caption: "The harbor.", Credit: "Photo: Staff", Width: 1200, Height: 675}
		a.SEOTitle = "SEO title"
		must(t, s.CreateArticle(ctx, a))

		got, err := s.Article(ctx, "usa-news", "harbor-deal")
		must(t, err)
		want := *a
		want.Tags = []news.Tag{f.tags[1], f.tags[0]} // by name: "ports" < "trade"
		opts := cmp.Options{
			cmpopts.EquateApproxTime(time.Microsecond),
			cmpopts.IgnoreFields(news.Article{}, "CreatedAt", "ModifiedAt"),
		}
		if diff := cmp.Diff(&want, got, opts); diff != "" {
			t.Fatalf("article round trip (-want +got):\n%s", diff)
		}
		if !got.PublishedAt.Equal(a.PublishedAt) {
			t.Errorf("published time lost precision: %v vs %v", got.PublishedAt, a.PublishedAt)
		}
		byID, err := s.ArticleByID(ctx, a.ID)
		must(t, err)
		if byID.Slug != a.Slug {
			t.Errorf("ArticleByID = %q", byID.Slug)
		}
		// The summary is the same story without what it links or carries.
		sum, err := s.ArticleSummary(ctx, "usa-news", "harbor-deal")
		must(t, err)
		lean := want
		lean.BodyMarkdown, lean.BodyHTML, lean.Authors, lean.Tags, lean.Credits, lean.Corrections = "", "", nil, nil, nil, nil
		if diff := cmp.Diff(&lean, sum, opts); diff != "" {
			t.Errorf("article summary (-want +got):\n%s", diff)
		}
		if _, err := s.ArticleSummary(ctx, "world", "harbor-deal"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("summary of an article in the wrong section = %v, want ErrNotFound", err)
		}
		if _, err := s.Article(ctx, "world", "harbor-deal"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("article in the wrong section = %v, want ErrNotFound", err)
		}
		dup := f.article("harbor-deal", 0, 0, 0)
		if err := s.CreateArticle(ctx, dup); !errors.Is(err, news.ErrConflict) {
			t.Errorf("duplicate slug in a section = %v, want ErrConflict", err)
		}
		must(t, s.CreateArticle(ctx, f.article("harbor-deal", 1, 0, 0))) // same slug, other section
	})
}

func TestCreateArticlesAllOrNothing(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		good := f.article("good", 0, time.Hour, 0)
		bad := f.article("good", 0, time.Hour, 1) // same slug: fails inside the transaction
		if err := s.CreateArticles(ctx, []*news.Article{good, bad}); !errors.Is(err, news.ErrConflict) {
			t.Fatalf("CreateArticles with a conflict = %v", err)
		}
		invalid := f.article("x", 0, time.Hour)
		invalid.Headline = ""
		if err := s.CreateArticles(ctx, []*news.Article{f.article("y", 0, time.Hour, 0), invalid}); !errors.Is(err, news.ErrInvalid) {
			t.Fatalf("CreateArticles with an invalid article = %v", err)
		}
		list, total, err := s.Articles(ctx, store.ArticleFilter{})
		must(t, err)
		if len(list) != 0 || total != 0 {
			t.Fatalf("failed batches left %d articles", total)
		}
	})
}

func TestArticleLists(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var all []*news.Article
		for i := range 25 {
			a := f.article("story-"+string(rune('a'+i)), i%2, time.Duration(i)*time.Hour, i%3)
			if i%5 == 0 {
				a.Tags = []news.Tag{f.tags[0]}
				a.Credits = []news.Credit{{Source: f.sources[0], Kind: news.CreditVia}}
				if i == 10 {
					// Credited twice, the story is still listed once.
					a.Credits = append(a.Credits, news.Credit{Source: f.sources[0], Kind: news.CreditCiting})
				}
			}
			all = append(all, a)
		}
		draft := f.article("draft", 0, 0, 0)
		draft.Status, draft.PublishedAt = news.StatusDraft, time.Time{}
		all = append(all, draft)
		must(t, s.CreateArticles(ctx, all))

		list, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 10})
		must(t, err)
		if total != 25 || len(list) != 10 || list[0].Slug != "story-a" || list[9].Slug != "story-j" {
			t.Fatalf("first page: total %d, %d items, first %q", total, len(list), list[0].Slug)
		}
		if len(list[0].Authors) != 1 || list[0].Section.Slug != "usa-news" {
			t.Fatalf("list items lack authors or section: %+v", list[0])
		}
		last, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 10, Offset: 20})
		must(t, err)
		if total != 25 || len(last) != 5 {
			t.Fatalf("last page: total %d, %d items", total, len(last))
		}
		tests := []struct {
			name string
			f    store.ArticleFilter
			want int
		}{
			{"section", store.ArticleFilter{SectionID: f.sections[1].ID}, 12},
			{"author", store.ArticleFilter{AuthorID: f.authors[0].ID}, 9},
			{"tag", store.ArticleFilter{TagID: f.tags[0].ID}, 5},
			{"source", store.ArticleFilter{SourceID: f.sources[0].ID}, 5},
			{"since", store.ArticleFilter{PublishedAfter: base.Add(-3*time.Hour - time.Minute)}, 4},
			{"drafts", store.ArticleFilter{Status: news.StatusDraft}, 1},
		}
		for _, tt := range tests {
			tt.f.Limit = 100
			list, total, err := s.Articles(ctx, tt.f)
			must(t, err)
			if total != tt.want || len(list) != tt.want {
				t.Errorf("%s: total %d, %d items; want %d", tt.name, total, len(list), tt.want)
			}
		}
		// A link-table list is in date order and pages like the others.
		for _, filter := range []store.ArticleFilter{{TagID: f.tags[0].ID}, {SourceID: f.sources[0].ID}} {
			filter.Limit, filter.Offset = 2, 2
			page, total, err := s.Articles(ctx, filter)
			must(t, err)
			if total != 5 || len(page) != 2 || page[0].Slug != "story-k" || page[1].Slug != "story-p" {
				t.Errorf("%+v: total %d, page %v; want 5 in all and story-k, story-p", filter, total, slugsOf(page))
			}
		}
		// Any page of a link list is that stretch of the whole list, with
		// or without bodies.
		for _, filter := range []store.ArticleFilter{
			{TagID: f.tags[0].ID}, {AuthorID: f.authors[0].ID}, {SourceID: f.sources[0].ID},
			{AuthorID: f.authors[0].ID, WithBody: true}, {SourceID: f.sources[0].ID, ByModified: true},
		} {
			whole := filter
			whole.Limit = 100
			all, total, err := s.Articles(ctx, whole)
			must(t, err)
			if slugs := slugsOf(all); len(all) != total || len(slices.Compact(slices.Sorted(slices.Values(slugs)))) != len(slugs) {
				t.Errorf("%+v: %d stories (%v), total %d; each story once", filter, len(all), slugs, total)
			}
			for offset := 0; offset < len(all); offset += 3 {
				filter.Limit, filter.Offset = 3, offset
				page, total, err := s.Articles(ctx, filter)
				must(t, err)
				want := all[offset:min(offset+3, len(all))]
				if total != len(all) || !slices.Equal(slugsOf(page), slugsOf(want)) {
					t.Errorf("%+v: total %d, page %v; want %d in all and %v", filter, total, slugsOf(page), len(all), slugsOf(want))
				}
				if filter.WithBody && len(page) > 0 && page[0].BodyHTML == "" {
					t.Errorf("%+v: no body", filter)
				}
			}
		}
		withBody, _, err := s.Articles(ctx, store.ArticleFilter{Limit: 1, WithBody: true, WithTags: true})
		must(t, err)
		if withBody[0].BodyHTML == "" || len(withBody[0].Tags) != 1 {
			t.Fatalf("WithBody/WithTags not honoured: %+v", withBody[0])
		}
	})
}

func TestRelated(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		subject := f.article("subject", 0, time.Hour, 0)
		subject.Tags = []news.Tag{f.tags[0], f.tags[1]}
		twoTags := f.article("two-tags", 1, 50*time.Hour, 1)
		twoTags.Tags = []news.Tag{f.tags[0], f.tags[1]}
		oneTag := f.article("one-tag", 1, 2*time.Hour, 1)
		oneTag.Tags = []news.Tag{f.tags[1]}
		sameAuthor := f.article("same-author", 1, 3*time.Hour, 0)
		sameSection := f.article("same-section", 0, 4*time.Hour, 2)
		unrelated := f.article("unrelated", 1, 5*time.Hour, 2)
		draft := f.article("draft", 0, 0, 0)
		draft.Tags = []news.Tag{f.tags[0], f.tags[1]}
		draft.Status = news.StatusDraft
		withdrawn := f.article("withdrawn", 0, time.Minute, 0)
		withdrawn.Tags = []news.Tag{f.tags[0], f.tags[1]}
		must(t, s.CreateArticles(ctx, []*news.Article{subject, twoTags, oneTag, sameAuthor, sameSection, unrelated, draft, withdrawn}))
		must(t, s.WithdrawArticle(ctx, withdrawn.ID, "Withdrawn for legal reasons."))

		got, err := s.Related(ctx, subject, 4)
		must(t, err)
		var slugs []string
		for _, a := range got {
			slugs = append(slugs, a.Slug)
		}
		want := []string{"two-tags", "one-tag", "same-author", "same-section"}
		if diff := cmp.Diff(want, slugs); diff != "" {
			t.Fatalf("related (-want +got):\n%s", diff)
		}
		again, err := s.Related(ctx, subject, 4)
		must(t, err)
		if len(again) != len(got) || again[0].ID != got[0].ID {
			t.Fatal("related is not deterministic")
		}
	})
}

func TestCorrections(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.article("fixed", 0, time.Hour, 0)
		b := f.article("draft", 0, time.Hour, 0)
		b.Status = news.StatusDraft
		must(t, s.CreateArticles(ctx, []*news.Article{a, b}))
		first := news.Correction{Kind: news.KindCorrection, Text: "A figure was wrong.", CreatedAt: base.Add(-time.Minute)}
		must(t, s.AddCorrection(ctx, a.ID, &first))
		second := news.Correction{Kind: news.KindUpdate, Text: "More detail added.", CreatedAt: base}
		must(t, s.AddCorrection(ctx, a.ID, &second))
		must(t, s.AddCorrection(ctx, b.ID, &news.Correction{Kind: news.KindUpdate, Text: "Not public."}))
		if err := s.AddCorrection(ctx, a.ID, &news.Correction{Kind: "oops", Text: ""}); !errors.Is(err, news.ErrInvalid) {
			t.Fatalf("invalid correction = %v", err)
		}
		if err := s.AddCorrection(ctx, 999999, &news.Correction{Kind: news.KindUpdate, Text: "x"}); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("correction on a missing article = %v", err)
		}
		got, err := s.Article(ctx, "usa-news", "fixed")
		must(t, err)
		if len(got.Corrections) != 2 || got.Corrections[0].Text != first.Text || !got.ModifiedAt.Equal(second.CreatedAt) || !got.UpdatedAt.Equal(second.CreatedAt) {
			t.Fatalf("corrections on the article: %+v, modified %v", got.Corrections, got.ModifiedAt)
		}
		log, total, err := s.Corrections(ctx, 10, 0)
		must(t, err)
		if total != 2 || len(log) != 2 || log[0].Text != second.Text || log[0].Article.Slug != "fixed" {
			t.Fatalf("corrections log: total %d %+v", total, log)
		}
	})
}

func TestSettingsMediaRedirects(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		empty, err := s.IsEmpty(ctx)
		must(t, err)
		if !empty {
			t.Fatal("new store is not empty")
		}
		want := news.Settings{Name: "The Ledger", Tagline: "News", Language: "en", TimeZone: "America/Los_Angeles"}
		must(t, s.SaveSettings(ctx, want))
		got, err := s.Settings(ctx)
		must(t, err)
		if got != want {
			t.Fatalf("settings = %+v", got)
		}
		if err := s.SaveSettings(ctx, news.Settings{Name: "", Language: "en", TimeZone: "Mars/Base"}); !errors.Is(err, news.ErrInvalid) {
			t.Fatalf("invalid settings = %v", err)
		}
		data := []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 255}
		must(t, s.PutMedia(ctx, &news.Media{Name: "a/b.png", ContentType: "image/png", Data: data, Width: 1, Height: 1}))
		m, err := s.Media(ctx, "a/b.png")
		must(t, err)
		if !bytes.Equal(m.Data, data) || m.ContentType != "image/png" {
			t.Fatalf("media = %+v", m)
		}
		if _, err := s.Media(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("missing media = %v", err)
		}
		must(t, s.AddRedirect(ctx, news.Redirect{From: "/old/", To: "/new/"}))
		must(t, s.AddRedirect(ctx, news.Redirect{From: "/old/", To: "/newer/"}))
		if to, err := s.RedirectFor(ctx, "/old/"); err != nil || to != "/newer/" {
			t.Fatalf("redirect = %q, %v", to, err)
		}
	})
}

func TestChangesRecordedWithWrites(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var seen []store.Change
		s.OnChange(func(c store.Change) { seen = append(seen, c) })
		start, err := s.LastChangeID(ctx)
		must(t, err)
		f := newFixture(t, s)
		a := f.article("story", 0, time.Hour, 1)
		a.Tags = []news.Tag{f.tags[2]}
		must(t, s.CreateArticle(ctx, a))
		if err := s.CreateArticle(ctx, f.article("story", 0, time.Hour, 1)); !errors.Is(err, news.ErrConflict) {
			t.Fatalf("duplicate = %v", err)
		}
		changes, err := s.Changes(ctx, start, 100)
		must(t, err)
		if len(changes) != len(seen) || len(changes) == 0 {
			t.Fatalf("%d changes in the table, %d reported in process", len(changes), len(seen))
		}
		last := changes[len(changes)-1]
		want := []string{news.ArticleKey(a.ID), news.SectionListKey(f.sections[0].ID), news.AuthorListKey(f.authors[1].ID), news.TagListKey(f.tags[2].ID), news.KeyListAll}
		for _, k := range want {
			if !slices.Contains(last.Keys, k) {
				t.Errorf("publishing recorded %v, missing %s", last.Keys, k)
			}
		}
		if seen[len(seen)-1].ID != last.ID {
			t.Errorf("the failed write was reported or recorded: table %d, reported %d", last.ID, seen[len(seen)-1].ID)
		}
		n, err := s.PruneChanges(ctx, time.Now().Add(time.Hour))
		must(t, err)
		if n != int64(len(changes)) {
			t.Errorf("pruned %d of %d changes", n, len(changes))
		}
	})
}

// TestMigrateFillsGaps applies a migration whose number is lower than one
// already applied, as happens when branches land in another order.
func TestMigrateFillsGaps(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fsys := fstest.MapFS{
			"0100_a.sql": {Data: []byte(`CREATE TABLE gap_a (x INTEGER)`)},
			"0300_c.sql": {Data: []byte(`CREATE TABLE gap_c (x INTEGER)`)},
		}
		store.SetMigrations(s, fsys)
		if n, err := s.Migrate(ctx); err != nil || n != 2 {
			t.Fatalf("first Migrate = %d, %v", n, err)
		}
		fsys["0200_b.sql"] = &fstest.MapFile{Data: []byte(`CREATE TABLE gap_b (x INTEGER)`)}
		if n, err := s.Migrate(ctx); err != nil || n != 1 {
			t.Fatalf("Migrate with a new lower-numbered file = %d, %v; want it applied", n, err)
		}
		execRaw(t, s, `INSERT INTO gap_b (x) VALUES (1)`)
		if n, err := s.Migrate(ctx); err != nil || n != 0 {
			t.Fatalf("third Migrate = %d, %v", n, err)
		}
	})
}

func slugsOf(list []news.Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Slug)
	}
	return out
}
