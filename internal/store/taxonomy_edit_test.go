package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// changeLog collects the changes a store reports, so a test can ask what one
// write recorded.
type changeLog struct{ seen []store.Change }

func watchChanges(s *store.Store) *changeLog {
	l := &changeLog{}
	s.OnChange(func(c store.Change) { l.seen = append(l.seen, c) })
	return l
}

// since returns the keys recorded after the first n changes, sorted.
func (l *changeLog) since(n int) []string {
	var keys []string
	for _, c := range l.seen[n:] {
		keys = append(keys, c.Keys...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func sorted(keys ...string) []string {
	slices.Sort(keys)
	return keys
}

// fieldProblem fails unless err is a validation error naming field.
func fieldProblem(t *testing.T, err error, field string) {
	t.Helper()
	var ve *news.ValidationError
	if !errors.Is(err, news.ErrInvalid) || !errors.As(err, &ve) || ve.Fields[field] == "" {
		t.Fatalf("got %v, want a validation error naming %q", err, field)
	}
	if _, ok := ve.Fields["slug"]; ok {
		t.Errorf("an edit was refused for its slug, which it does not write: %v", err)
	}
}

func TestUpdateSection(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		log := watchChanges(s)
		id := f.sections[0].ID

		sec := &news.Section{ID: id, Slug: "ignored-slug", Name: "U.S. News", Description: "The country, state by state.", Position: 7}
		must(t, s.UpdateSection(ctx, sec))
		if sec.Slug != "usa-news" {
			t.Errorf("after the edit the value holds slug %q, want the stored usa-news", sec.Slug)
		}
		got, err := s.SectionByID(ctx, id)
		must(t, err)
		want := news.Section{ID: id, Slug: "usa-news", Name: "U.S. News", Description: "The country, state by state.", Position: 7}
		if diff := cmp.Diff(want, *got); diff != "" {
			t.Errorf("stored section (-want +got):\n%s", diff)
		}
		if bySlug, err := s.SectionBySlug(ctx, "usa-news"); err != nil || bySlug.Name != "U.S. News" {
			t.Errorf("SectionBySlug after the edit = %+v, %v", bySlug, err)
		}
		if keys := log.since(0); !cmp.Equal(keys, sorted(news.SectionKey(id), news.KeyNav, news.KeyDirectory)) {
			t.Errorf("a section edit recorded %v", keys)
		}

		n := len(log.seen)
		fieldProblem(t, s.UpdateSection(ctx, &news.Section{ID: id, Name: ""}), "name")
		if got, _ := s.SectionByID(ctx, id); got.Name != "U.S. News" {
			t.Errorf("a refused edit changed the name to %q", got.Name)
		}
		if err := s.UpdateSection(ctx, &news.Section{ID: id + 1000, Name: "Nowhere"}); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("editing a missing section = %v, want ErrNotFound", err)
		}
		if _, err := s.SectionByID(ctx, id+1000); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("SectionByID of a missing section = %v, want ErrNotFound", err)
		}
		if len(log.seen) != n {
			t.Errorf("refused edits recorded changes: %v", log.seen[n:])
		}
	})
}

func TestUpdateAuthor(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		log := watchChanges(s)
		id := f.authors[1].ID

		a := &news.Author{ID: id, Name: "Ben Okoro", JobTitle: "Harbor reporter", Bio: "Covers the port.\n\nFormerly at sea.",
			PhotoURL: "/media/authors/ben.png", Links: []news.Link{{Label: "Mastodon", URL: "https://social.example/@ben"}}}
		must(t, s.UpdateAuthor(ctx, a))
		got, err := s.AuthorByID(ctx, id)
		must(t, err)
		want := *a
		want.Slug = "ben"
		if diff := cmp.Diff(want, *got); diff != "" {
			t.Errorf("stored author (-want +got):\n%s", diff)
		}
		if keys := log.since(0); !cmp.Equal(keys, sorted(news.AuthorKey(id), news.KeyDirectory)) {
			t.Errorf("an author edit recorded %v", keys)
		}

		// No links at all is stored as none, and read back as none.
		a.Links, a.PhotoURL = nil, "https://photos.example/ben.jpg"
		must(t, s.UpdateAuthor(ctx, a))
		if got, _ := s.AuthorByID(ctx, id); len(got.Links) != 0 || got.PhotoURL != a.PhotoURL {
			t.Errorf("after removing the links: %+v", got)
		}

		n := len(log.seen)
		for _, tt := range []struct {
			name  string
			edit  news.Author
			field string
		}{
			{"no name", news.Author{Name: ""}, "name"},
			{"script photo", news.Author{Name: "Ben", PhotoURL: "javascript:alert(1)"}, "photo_url"},
			{"protocol-relative photo", news.Author{Name: "Ben", PhotoURL: "//elsewhere.example/x.png"}, "photo_url"},
			{"link without label", news.Author{Name: "Ben", Links: []news.Link{{URL: "https://ben.example/"}}}, "links"},
			{"link not on the web", news.Author{Name: "Ben", Links: []news.Link{{Label: "Mail", URL: "mailto:ben@example.com"}}}, "links"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				e := tt.edit
				e.ID = id
				fieldProblem(t, s.UpdateAuthor(ctx, &e), tt.field)
			})
		}
		if got, _ := s.AuthorByID(ctx, id); got.Name != "Ben Okoro" {
			t.Errorf("a refused edit changed the author: %+v", got)
		}
		if err := s.UpdateAuthor(ctx, &news.Author{ID: id + 1000, Name: "Nobody"}); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("editing a missing author = %v, want ErrNotFound", err)
		}
		if len(log.seen) != n {
			t.Errorf("refused edits recorded changes: %v", log.seen[n:])
		}
	})
}

func TestUpdateTagAndSource(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		log := watchChanges(s)

		tagID := f.tags[1].ID
		must(t, s.UpdateTag(ctx, &news.Tag{ID: tagID, Name: "Ports and shipping"}))
		if got, err := s.TagByID(ctx, tagID); err != nil || got.Name != "Ports and shipping" || got.Slug != "ports" {
			t.Errorf("stored tag = %+v, %v", got, err)
		}
		if keys := log.since(0); !cmp.Equal(keys, sorted(news.TagKey(tagID), news.KeyDirectory)) {
			t.Errorf("a tag rename recorded %v", keys)
		}

		n := len(log.seen)
		srcID := f.sources[0].ID
		must(t, s.UpdateSource(ctx, &news.Source{ID: srcID, Name: "The Coastal Courier", URL: "https://courier.example/news/"}))
		if got, err := s.SourceByID(ctx, srcID); err != nil || got.Name != "The Coastal Courier" || got.URL != "https://courier.example/news/" || got.Slug != "courier" {
			t.Errorf("stored source = %+v, %v", got, err)
		}
		if keys := log.since(n); !cmp.Equal(keys, sorted(news.SourceKey(srcID), news.KeyDirectory)) {
			t.Errorf("a source edit recorded %v", keys)
		}
		// A source's address is optional.
		must(t, s.UpdateSource(ctx, &news.Source{ID: srcID, Name: "The Coastal Courier"}))

		n = len(log.seen)
		fieldProblem(t, s.UpdateTag(ctx, &news.Tag{ID: tagID}), "name")
		fieldProblem(t, s.UpdateSource(ctx, &news.Source{ID: srcID, Name: "X", URL: "ftp://courier.example/"}), "url")
		fieldProblem(t, s.UpdateSource(ctx, &news.Source{ID: srcID}), "name")
		if err := s.UpdateTag(ctx, &news.Tag{ID: tagID + 1000, Name: "x"}); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("renaming a missing tag = %v, want ErrNotFound", err)
		}
		if err := s.UpdateSource(ctx, &news.Source{ID: srcID + 1000, Name: "x"}); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("editing a missing source = %v, want ErrNotFound", err)
		}
		if _, err := s.TagByID(ctx, tagID+1000); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("TagByID of a missing tag = %v", err)
		}
		if _, err := s.SourceByID(ctx, srcID+1000); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("SourceByID of a missing source = %v", err)
		}
		if len(log.seen) != n {
			t.Errorf("refused edits recorded changes: %v", log.seen[n:])
		}
	})
}

// TestTaxonomyEditShowsOnStories reads an edited author, tag and source back
// through a story that names them: stories hold references, not copies.
func TestTaxonomyEditShowsOnStories(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.article("harbor", 0, 0, 0)
		a.Tags = []news.Tag{f.tags[0]}
		a.Credits = []news.Credit{{Source: f.sources[1], Kind: news.CreditFirstReported}}
		must(t, s.CreateArticle(ctx, a))

		must(t, s.UpdateAuthor(ctx, &news.Author{ID: f.authors[0].ID, Name: "Ada Lind", Bio: "New bio."}))
		must(t, s.UpdateTag(ctx, &news.Tag{ID: f.tags[0].ID, Name: "World trade"}))
		must(t, s.UpdateSource(ctx, &news.Source{ID: f.sources[1].ID, Name: "Harbor Wire"}))
		must(t, s.UpdateSection(ctx, &news.Section{ID: f.sections[0].ID, Name: "Nation"}))

		got, err := s.Article(ctx, "usa-news", "harbor")
		must(t, err)
		if got.Authors[0].Name != "Ada Lind" || got.Authors[0].Bio != "New bio." || got.Tags[0].Name != "World trade" ||
			got.Credits[0].Source.Name != "Harbor Wire" || got.Section.Name != "Nation" {
			t.Errorf("the story shows %q (%q), tag %q, source %q, section %q", got.Authors[0].Name, got.Authors[0].Bio,
				got.Tags[0].Name, got.Credits[0].Source.Name, got.Section.Name)
		}
	})
}
