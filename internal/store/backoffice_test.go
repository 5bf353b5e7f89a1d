package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

func newUser(t *testing.T, s *store.Store, email string, role news.Role) *news.User {
	t.Helper()
	u := &news.User{Email: email, Name: "User " + email, Role: role, PasswordHash: "x"}
	must(t, s.CreateUser(context.Background(), u))
	return u
}

func TestTwoEditorsNeverLoseWork(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		ann := newUser(t, s, "ann@example.org", news.RoleEditor)
		bob := newUser(t, s, "bob@example.org", news.RoleEditor)
		a := f.article("shared-story", 0, time.Hour, 0)
		a.Status, a.PublishedAt = news.StatusDraft, time.Time{}
		if _, err := s.CreateDraft(ctx, a, ann.ID); err != nil {
			t.Fatal(err)
		}
		// Both open version 1.
		annCopy, bobCopy := *a, *a
		annCopy.BodyMarkdown = "Ann's text."
		bobCopy.BodyMarkdown = "Bob's text."
		res, err := s.SaveArticle(ctx, &annCopy, 1, ann.ID, store.RevisionSave)
		if err != nil || res.Stale {
			t.Fatalf("first save: %+v, %v", res, err)
		}
		res, err = s.SaveArticle(ctx, &bobCopy, 1, bob.ID, store.RevisionSave)
		if err != nil || !res.Stale {
			t.Fatalf("second save over version 1 should be stale: %+v, %v", res, err)
		}
		stored, err := s.ArticleByID(ctx, a.ID)
		must(t, err)
		if stored.BodyMarkdown != "Ann's text." || stored.Version != 2 {
			t.Fatalf("stored story: %q version %d", stored.BodyMarkdown, stored.Version)
		}
		revs, err := s.Revisions(ctx, a.ID)
		must(t, err)
		if len(revs) != 3 || revs[0].Kind != store.RevisionConflict || revs[0].UserName != bob.Name {
			t.Fatalf("revisions: %+v", revs)
		}
		bobs, err := s.Revision(ctx, a.ID, revs[0].Number)
		must(t, err)
		anns, err := s.Revision(ctx, a.ID, revs[1].Number)
		must(t, err)
		if bobs.Snapshot.BodyMarkdown != "Bob's text." || anns.Snapshot.BodyMarkdown != "Ann's text." {
			t.Fatalf("both texts must survive: %q, %q", bobs.Snapshot.BodyMarkdown, anns.Snapshot.BodyMarkdown)
		}
		// Bob merges over version 2 and wins fairly.
		bobCopy.BodyMarkdown = "Ann's text. Bob's text."
		if res, err := s.SaveArticle(ctx, &bobCopy, 2, bob.ID, store.RevisionSave); err != nil || res.Stale {
			t.Fatalf("merge save: %+v, %v", res, err)
		}
	})
}

func TestSlugChangeLeavesRedirect(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.article("first-name", 0, time.Hour, 0)
		must(t, s.CreateArticle(ctx, a))
		oldPath := a.Path()
		a.Slug = "second-name"
		if _, err := s.SaveArticle(ctx, a, 1, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		a.Slug, a.Section = "third-name", f.sections[1]
		if _, err := s.SaveArticle(ctx, a, 2, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		for _, from := range []string{oldPath, "/usa-news/second-name/"} {
			to, err := s.RedirectFor(ctx, from)
			if err != nil || to != "/world/third-name/" {
				t.Errorf("redirect from %s = %q, %v", from, to, err)
			}
		}
	})
}

func TestPublishDueOnce(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		due := f.article("due", 0, -time.Minute, 0)
		due.Status, due.PublishedAt = news.StatusScheduled, base.Add(time.Minute)
		later := f.article("later", 0, 0, 0)
		later.Status, later.PublishedAt = news.StatusScheduled, base.Add(time.Hour)
		must(t, s.CreateArticles(ctx, []*news.Article{due, later}))

		var mu sync.Mutex
		var published []int64
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ids, err := s.PublishDue(ctx, base.Add(2*time.Minute))
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				published = append(published, ids...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		if len(published) != 1 || published[0] != due.ID {
			t.Fatalf("published %v, want exactly [%d]", published, due.ID)
		}
		got, err := s.ArticleByID(ctx, later.ID)
		must(t, err)
		if got.Status != news.StatusScheduled {
			t.Fatalf("a story due later was published")
		}
	})
}

func TestUsersAndSessions(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now()
		if err := s.CreateFirstUser(ctx, &news.User{Email: "Admin@Example.org", Name: "Admin", Role: news.RoleAdmin, PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateFirstUser(ctx, &news.User{Email: "second@example.org", Name: "Second", Role: news.RoleAdmin}); !errors.Is(err, news.ErrConflict) {
			t.Fatalf("second first user = %v", err)
		}
		u, err := s.UserByEmail(ctx, " admin@EXAMPLE.org ")
		must(t, err)
		if u.Email != "admin@example.org" {
			t.Fatalf("email stored as %q", u.Email)
		}
		if err := s.CreateUser(ctx, &news.User{Email: "admin@example.org", Name: "Dup", Role: news.RoleAuthor}); !errors.Is(err, news.ErrConflict) {
			t.Fatalf("duplicate email = %v", err)
		}
		if err := s.CreateUser(ctx, &news.User{Email: "not an email", Name: "X", Role: "boss"}); !errors.Is(err, news.ErrInvalid) {
			t.Fatalf("invalid user = %v", err)
		}
		must(t, s.CreateSession(ctx, u.ID, "hash1", now.Add(time.Hour)))
		must(t, s.CreateSession(ctx, u.ID, "hash2", now.Add(-time.Second)))
		if _, got, err := s.SessionUser(ctx, "hash1", now); err != nil || got.ID != u.ID {
			t.Fatalf("live session: %v", err)
		}
		if _, _, err := s.SessionUser(ctx, "hash2", now); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("expired session = %v", err)
		}
		must(t, s.SetPassword(ctx, u.ID, "new"))
		if _, _, err := s.SessionUser(ctx, "hash1", now); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("a password change must end sessions: %v", err)
		}
		must(t, s.RecordSigninFailure(ctx, now, "acct:x", "ip:y"))
		must(t, s.RecordSigninFailure(ctx, now, "acct:x"))
		if n, err := s.SigninFailures(ctx, "acct:x", now.Add(-time.Minute)); err != nil || n != 2 {
			t.Fatalf("failures = %d, %v", n, err)
		}
		must(t, s.ClearSigninFailures(ctx, "acct:x"))
		if n, _ := s.SigninFailures(ctx, "acct:x", now.Add(-time.Minute)); n != 0 {
			t.Fatalf("failures after clearing = %d", n)
		}
		must(t, s.AddAudit(ctx, news.AuditEntry{UserID: u.ID, Action: "user.create", Target: "user 2"}))
		log, total, err := s.AuditLog(ctx, 10, 0)
		must(t, err)
		if total != 1 || log[0].UserName != "Admin" {
			t.Fatalf("audit log: %+v", log)
		}
	})
}
