package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

func TestImportAllOrNothing(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		last, err := s.LastChangeID(ctx)
		must(t, err)
		boom := errors.New("malformed file")
		err = s.Import(ctx, func(tx *store.ImportTx) error {
			sec := &news.Section{Slug: "local", Name: "Local"}
			if err := tx.CreateSection(sec); err != nil {
				return err
			}
			au := &news.Author{Slug: "ana", Name: "Ana"}
			if err := tx.CreateAuthor(au); err != nil {
				return err
			}
			a := &news.Article{Slug: "one", Section: *sec, Headline: "One", Status: news.StatusPublished,
				PublishedAt: time.Now(), Authors: []news.Author{*au}}
			if err := tx.CreateArticle(a); err != nil {
				return err
			}
			if err := tx.SetRecord("wp x", "post", "1", store.ImportRecord{LocalID: a.ID, Hash: "h"}); err != nil {
				return err
			}
			return boom
		})
		if err != boom {
			t.Fatalf("Import = %v, want the function's own error, unwrapped", err)
		}
		empty, err := s.IsEmpty(ctx)
		must(t, err)
		if !empty {
			t.Error("a failed import left content")
		}
		if as, _ := s.Authors(ctx); len(as) != 0 {
			t.Error("a failed import left an author")
		}
		if now, _ := s.LastChangeID(ctx); now != last {
			t.Error("a failed import recorded a change")
		}

		// A cancelled context rolls back too.
		cctx, cancel := context.WithCancel(ctx)
		err = s.Import(cctx, func(tx *store.ImportTx) error {
			if err := tx.CreateSection(&news.Section{Slug: "world", Name: "World"}); err != nil {
				return err
			}
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled Import = %v", err)
		}
		if _, err := s.SectionBySlug(ctx, "world"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("cancelled import left a section: %v", err)
		}
	})
}

func TestImportWrites(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var changes []store.Change
		s.OnChange(func(c store.Change) { changes = append(changes, c) })
		var storyID, parentID int64
		must(t, s.Import(ctx, func(tx *store.ImportTx) error {
			if _, found, err := tx.Record("wp x", "post", "10"); err != nil || found {
				t.Errorf("Record of nothing = %v, %v", found, err)
			}
			a := f.article("imported", 0, time.Hour, 0)
			if err := tx.CreateArticle(a); err != nil {
				return err
			}
			storyID = a.ID
			if err := tx.SetRecord("wp x", "post", "10", store.ImportRecord{LocalID: a.ID, Hash: "abc", Version: a.Version}); err != nil {
				return err
			}
			r, found, err := tx.Record("wp x", "post", "10")
			if err != nil || !found || r != (store.ImportRecord{LocalID: a.ID, Hash: "abc", Version: 1}) {
				t.Errorf("Record = %+v, %v, %v", r, found, err)
			}
			// Threads: a reply's depth follows its parent; a parent on
			// another story is refused.
			c := &news.Comment{ArticleID: a.ID, Status: news.CommentApproved, Name: "Al", Email: "al@x.example", EmailHash: "h1", Body: "First"}
			if err := tx.AddComment(c); err != nil {
				return err
			}
			parentID = c.ID
			reply := &news.Comment{ArticleID: a.ID, ParentID: c.ID, Status: news.CommentSpam, Name: "Bo", EmailHash: "h2", Body: "Reply"}
			if err := tx.AddComment(reply); err != nil {
				return err
			}
			if reply.Depth != 2 {
				t.Errorf("reply depth = %d", reply.Depth)
			}
			other := f.article("other", 1, time.Hour, 1)
			if err := tx.CreateArticle(other); err != nil {
				return err
			}
			bad := &news.Comment{ArticleID: other.ID, ParentID: c.ID, Status: news.CommentApproved, Name: "Cy", EmailHash: "h3", Body: "Elsewhere"}
			if err := tx.AddComment(bad); err == nil {
				t.Error("a reply to a comment on another story was stored")
			}
			if err := tx.AddComment(&news.Comment{ArticleID: a.ID, Status: "odd", Name: "D", EmailHash: "h", Body: "x"}); err == nil {
				t.Error("a comment of an unknown status was stored")
			}
			// Redirects: never to itself; chains are shortened.
			if err := tx.AddRedirect("/old/", "/old/"); err != nil {
				return err
			}
			if err := tx.AddRedirect("/older/", "/old/"); err != nil {
				return err
			}
			if err := tx.AddRedirect("/old/", a.Path()); err != nil {
				return err
			}
			// Users made by an import cannot sign in.
			u := &news.User{Email: "new@x.example", Name: "New", Role: news.RoleAuthor, PasswordHash: "not kept"}
			return tx.CreateUser(u)
		}))
		if to, err := s.RedirectFor(ctx, "/older/"); err != nil || to != "/usa-news/imported/" {
			t.Errorf("chained redirect = %q, %v", to, err)
		}
		if _, err := s.RedirectFor(ctx, "/usa-news/imported/"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("a story's own address redirects: %v", err)
		}
		u, err := s.UserByEmail(ctx, "new@x.example")
		if err != nil || u.CanSignIn() {
			t.Errorf("imported user = %+v, %v", u, err)
		}
		if len(changes) != 1 {
			t.Errorf("changes = %d, want the import's one", len(changes))
		}
		pub, err := s.ApprovedComments(ctx, storyID)
		if err != nil || len(pub) != 1 || pub[0].ID != parentID || pub[0].Email != "" {
			t.Errorf("approved comments = %+v, %v", pub, err)
		}
		db, err := store.RawDB(s)
		must(t, err)
		var indexed int
		must(t, db.QueryRow(`SELECT COUNT(*) FROM search_docs WHERE article_id = `+strconv.FormatInt(storyID, 10)).Scan(&indexed))
		if indexed != 1 {
			t.Errorf("the imported story is not in the search index")
		}

		// Updating moves the version on, keeps a revision and leaves a
		// redirect when a public story moves.
		must(t, s.Import(ctx, func(tx *store.ImportTx) error {
			a, err := tx.Article(storyID)
			if err != nil {
				return err
			}
			a.Slug = "imported-moved"
			return tx.UpdateArticle(a)
		}))
		a, err := s.ArticleByID(ctx, storyID)
		must(t, err)
		if a.Version != 2 || a.Slug != "imported-moved" {
			t.Errorf("updated = version %d slug %q", a.Version, a.Slug)
		}
		if to, err := s.RedirectFor(ctx, "/older/"); err != nil || to != "/usa-news/imported-moved/" {
			t.Errorf("redirect after a move = %q, %v", to, err)
		}
		if revs, err := s.Revisions(ctx, storyID); err != nil || len(revs) != 2 {
			t.Errorf("revisions = %d, %v", len(revs), err)
		}
	})
}
