package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// commentFixture is a newsroom with one published story open for comments.
type commentFixture struct {
	s       *store.Store
	article *news.Article
	cs      news.CommentSettings
	now     time.Time
}

func newCommentFixture(t *testing.T, s *store.Store) *commentFixture {
	t.Helper()
	f := newFixture(t, s)
	a := f.article("harbor-vote", 0, 24*time.Hour, 0)
	must(t, s.CreateArticle(context.Background(), a))
	cs := news.DefaultCommentSettings()
	cs.FloodSeconds, cs.RatePerHour = 0, 0
	return &commentFixture{s: s, article: a, cs: cs, now: base}
}

// comment builds a valid comment from a commenter known by email.
func (f *commentFixture) comment(email, body string) *news.Comment {
	return &news.Comment{ArticleID: f.article.ID, Name: "Reader " + email, Email: email, Body: body,
		EmailHash: "h:" + email, ClientHash: "client-1", SpamScore: 0.5, SpamTokens: []string{"tok:a", "tok:" + email}}
}

// add stores c a second after the last one.
func (f *commentFixture) add(t *testing.T, c *news.Comment) error {
	t.Helper()
	f.now = f.now.Add(time.Second)
	return f.s.AddComment(context.Background(), c, f.cs, false, f.now)
}

func (f *commentFixture) mustAdd(t *testing.T, c *news.Comment, want news.CommentStatus) *news.Comment {
	t.Helper()
	if err := f.add(t, c); err != nil {
		t.Fatalf("AddComment(%q): %v", c.Body, err)
	}
	if c.ID == 0 || c.Status != want {
		t.Fatalf("AddComment(%q) = id %d status %q (%s), want status %q", c.Body, c.ID, c.Status, c.Reason, want)
	}
	return c
}

func TestSecret(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, err := s.Secret(ctx)
		must(t, err)
		b, err := s.Secret(ctx)
		must(t, err)
		if len(a) != 32 || !bytes.Equal(a, b) {
			t.Fatalf("Secret gave %d bytes, then a different one: %x %x", len(a), a, b)
		}
		st, err := s.Settings(ctx)
		must(t, err)
		if st.Name != "" {
			t.Errorf("the secret leaked into the site settings: %+v", st)
		}
	})
}

func TestCommentSettings(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		got, err := s.CommentSettings(ctx)
		must(t, err)
		if got.MaxDepth != 5 || got.HoldLinks != 2 || got.ClientRetentionDays != 30 {
			t.Fatalf("default comment settings = %+v", got)
		}
		got.CloseAfterDays, got.BlockWords = 14, []string{"casino"}
		must(t, s.SaveCommentSettings(ctx, got))
		again, err := s.CommentSettings(ctx)
		must(t, err)
		if again.CloseAfterDays != 14 || !slices.Equal(again.BlockWords, []string{"casino"}) {
			t.Fatalf("saved settings read back as %+v", again)
		}
		got.MaxDepth = 0
		if err := s.SaveCommentSettings(ctx, got); !errors.Is(err, news.ErrInvalid) {
			t.Fatalf("saving max depth 0 = %v, want ErrInvalid", err)
		}
	})
}

func TestCommentModerationRules(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		first := f.mustAdd(t, f.comment("ada@example.com", "A first thought on the vote."), news.CommentPending)
		if first.Reason != "first comment" || first.Depth != 1 {
			t.Errorf("first comment: reason %q depth %d", first.Reason, first.Depth)
		}
		// Still unknown while the first waits.
		f.mustAdd(t, f.comment("ada@example.com", "And a second one."), news.CommentPending)
		must(t, s.ModerateComment(ctx, first.ID, news.CommentApproved))
		f.mustAdd(t, f.comment("ada@example.com", "Now I am known here."), news.CommentApproved)
		links := f.mustAdd(t, f.comment("ada@example.com", "See https://a.example/ and http://b.example/ too"), news.CommentPending)
		if links.Reason != "2 links" {
			t.Errorf("two links: reason %q", links.Reason)
		}
		f.mustAdd(t, f.comment("ada@example.com", "One link is fine: https://a.example/x"), news.CommentApproved)

		f.cs.ModerationWords = []string{"Lottery"}
		f.cs.BlockWords = []string{"casino"}
		f.mustAdd(t, f.comment("ada@example.com", "I won the LOTTERY today"), news.CommentPending)
		f.mustAdd(t, f.comment("ada@example.com", "Best CaSiNo bonuses"), news.CommentSpam)
		blockedSite := f.comment("ada@example.com", "Nice story.")
		blockedSite.Website = "https://casino.example/"
		f.mustAdd(t, blockedSite, news.CommentSpam)
		f.cs.ModerationWords, f.cs.BlockWords = nil, nil

		c := f.comment("ada@example.com", "The classifier says spam")
		f.now = f.now.Add(time.Second)
		must(t, s.AddComment(ctx, c, f.cs, true, f.now))
		if c.Status != news.CommentSpam || c.Reason != "classifier" {
			t.Errorf("spam verdict: status %q reason %q", c.Status, c.Reason)
		}
	})
}

func TestCommentRefusals(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		fx := newFixture2(t, s)
		parent := f.mustAdd(t, f.comment("ada@example.com", "Parent comment."), news.CommentPending)
		count := func() int {
			_, n, err := s.Comments(ctx, store.CommentFilter{})
			must(t, err)
			return n
		}
		before := count()

		reply := f.comment("ben@example.com", "A reply to a pending comment.")
		reply.ParentID = parent.ID
		if err := f.add(t, reply); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("reply to a pending comment = %v, want ErrInvalid", err)
		}
		must(t, s.ModerateComment(ctx, parent.ID, news.CommentApproved))
		reply = f.comment("ben@example.com", "A reply to an approved comment.")
		reply.ParentID = parent.ID
		f.mustAdd(t, reply, news.CommentPending)
		if reply.Depth != 2 {
			t.Errorf("reply depth = %d, want 2", reply.Depth)
		}
		before++

		other := fx.article("other-story", 0, time.Hour, 0)
		must(t, s.CreateArticle(ctx, other))
		cross := f.comment("ben@example.com", "A reply across stories.")
		cross.ArticleID, cross.ParentID = other.ID, parent.ID
		if err := f.add(t, cross); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("reply to another story's comment = %v, want ErrInvalid", err)
		}
		missing := f.comment("ben@example.com", "A reply to nothing.")
		missing.ParentID = 999999
		if err := f.add(t, missing); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("reply to a missing comment = %v, want ErrInvalid", err)
		}

		unknown := f.comment("ben@example.com", "On no story.")
		unknown.ArticleID = 999999
		if err := f.add(t, unknown); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("comment on a missing story = %v, want ErrNotFound", err)
		}
		draft := fx.article("draft-story", 0, time.Hour, 0)
		draft.Status = news.StatusDraft
		must(t, s.CreateArticle(ctx, draft))
		onDraft := f.comment("ben@example.com", "On a draft.")
		onDraft.ArticleID = draft.ID
		if err := f.add(t, onDraft); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("comment on a draft = %v, want ErrNotFound", err)
		}
		closed := fx.article("closed-story", 0, time.Hour, 0)
		closed.CommentsOpen = false
		must(t, s.CreateArticle(ctx, closed))
		onClosed := f.comment("ben@example.com", "On a closed story.")
		onClosed.ArticleID = closed.ID
		if err := f.add(t, onClosed); !errors.Is(err, news.ErrCommentsClosed) {
			t.Errorf("comment on a closed story = %v, want ErrCommentsClosed", err)
		}
		// Closed by age: the story is a day old.
		f.cs.CloseAfterDays = 1
		if err := f.add(t, f.comment("ben@example.com", "Too late.")); !errors.Is(err, news.ErrCommentsClosed) {
			t.Errorf("comment after the site's closing age = %v, want ErrCommentsClosed", err)
		}
		must(t, s.SetCommentClosing(ctx, f.article.ID, 30))
		f.mustAdd(t, f.comment("ben@example.com", "The story keeps them open longer."), news.CommentPending)
		before++
		must(t, s.SetCommentClosing(ctx, f.article.ID, -1))
		f.cs.CloseAfterDays = 0

		dup := f.comment("ada@example.com", "parent   COMMENT.")
		if err := f.add(t, dup); !errors.Is(err, news.ErrDuplicateComment) {
			t.Errorf("duplicate = %v, want ErrDuplicateComment", err)
		}
		// The same words from someone else elsewhere are no duplicate.
		same := f.comment("cy@example.com", "Parent comment.")
		same.ClientHash = "client-2"
		f.mustAdd(t, same, news.CommentPending)
		before++

		f.cs.FloodSeconds = 30
		if err := f.add(t, f.comment("cy@example.com", "Too soon after the last one.")); !errors.Is(err, news.ErrTooManyComments) {
			t.Errorf("flood = %v, want ErrTooManyComments", err)
		}
		f.cs.FloodSeconds, f.cs.RatePerHour = 0, before // the one story comment from client-2 leaves room for one more
		f.mustAdd(t, f.comment("cy@example.com", "Within the hourly limit."), news.CommentPending)
		before++
		if err := f.add(t, f.comment("cy@example.com", "Over the hourly limit.")); !errors.Is(err, news.ErrTooManyComments) {
			t.Errorf("rate limit = %v, want ErrTooManyComments", err)
		}
		f.cs.RatePerHour = 0

		f.cs.MaxDepth = 2
		must(t, s.ModerateComment(ctx, reply.ID, news.CommentApproved))
		deep := f.comment("ben@example.com", "Too deep a reply.")
		deep.ParentID = reply.ID
		if err := f.add(t, deep); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("reply beyond max depth = %v, want ErrInvalid", err)
		}

		bad := f.comment("not an email", "Bad email.")
		if err := f.add(t, bad); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("bad email = %v, want ErrInvalid", err)
		}
		if n := count(); n != before {
			t.Errorf("%d comments stored, want %d: a refused comment was stored", n, before)
		}
	})
}

// newFixture2 builds articles in the sections and authors newFixture made,
// without creating them again.
func newFixture2(t *testing.T, s *store.Store) *fixture {
	t.Helper()
	secs, err := s.Sections(context.Background())
	must(t, err)
	aus, err := s.Authors(context.Background())
	must(t, err)
	return &fixture{sections: secs, authors: aus}
}

func TestCommentPublicAndPrivate(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		c := f.mustAdd(t, f.comment("secret.reader@example.com", "Approved soon."), news.CommentPending)
		f.mustAdd(t, f.comment("other@example.com", "Stays pending."), news.CommentPending)
		if got, err := s.ApprovedComments(ctx, f.article.ID); err != nil || len(got) != 0 {
			t.Fatalf("approved comments before approval = %v, %v", got, err)
		}
		after, err := s.LastChangeID(ctx)
		must(t, err)
		must(t, s.ModerateComment(ctx, c.ID, news.CommentApproved))
		changes, err := s.Changes(ctx, after, 10)
		must(t, err)
		// The thread and the site's comment list change; the story's own
		// words do not, so pages and feeds that show them keep their copies.
		if len(changes) != 1 || !slices.Contains(changes[0].Keys, news.CommentsKey(f.article.ID)) ||
			slices.Contains(changes[0].Keys, news.ArticleKey(f.article.ID)) || !slices.Contains(changes[0].Keys, news.KeyComments) {
			t.Fatalf("approval recorded %+v, want the thread and comments-list keys and not the story's", changes)
		}
		got, err := s.ApprovedComments(ctx, f.article.ID)
		must(t, err)
		if len(got) != 1 || got[0].ID != c.ID || got[0].Body != "Approved soon." {
			t.Fatalf("approved comments = %+v", got)
		}
		if got[0].Email != "" || got[0].ClientHash != "" || got[0].SpamTokens != nil {
			t.Errorf("a public comment carries private fields: %+v", got[0])
		}
		recent, err := s.RecentComments(ctx, 10)
		must(t, err)
		if len(recent) != 1 || recent[0].Email != "" || recent[0].ArticlePath != f.article.Path() {
			t.Errorf("recent comments = %+v", recent)
		}
		counts, err := s.CommentCounts(ctx, []int64{f.article.ID, 424242})
		must(t, err)
		if counts[f.article.ID] != 1 || len(counts) != 1 {
			t.Errorf("comment counts = %v", counts)
		}
		// Lists and the story itself carry the count of approved comments.
		one, err := s.ArticleByID(ctx, f.article.ID)
		must(t, err)
		stories, _, err := s.Articles(ctx, store.ArticleFilter{Limit: 50})
		must(t, err)
		listed := -1
		for _, a := range stories {
			if a.ID == f.article.ID {
				listed = a.CommentCount
			}
		}
		if one.CommentCount != 1 || listed != 1 {
			t.Errorf("comment count: story %d, in the list %d; want 1 and 1", one.CommentCount, listed)
		}
		full, err := s.Comment(ctx, c.ID)
		must(t, err)
		if full.Email != "secret.reader@example.com" || full.ClientHash != "client-1" {
			t.Errorf("moderators' view lacks the private fields: %+v", full)
		}
		// Purging forgets client addresses of old comments only.
		n, err := s.PurgeClientHashes(ctx, f.now.Add(-500*time.Millisecond))
		must(t, err)
		if n != 1 {
			t.Errorf("purge forgot %d client hashes, want 1", n)
		}
		list, _, err := s.Comments(ctx, store.CommentFilter{Status: news.CommentPending})
		must(t, err)
		if len(list) != 1 || list[0].ClientHash != "client-1" {
			t.Errorf("pending comments after purge = %+v", list)
		}
	})
}

func TestCommentTraining(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		c := f.mustAdd(t, f.comment("ada@example.com", "Buy cheap pills"), news.CommentPending)
		model := func() *news.SpamModel {
			m, err := s.SpamModel(ctx, []string{"tok:a", "tok:ada@example.com", "tok:none"})
			must(t, err)
			return m
		}
		if m := model(); m.SpamDocs != 0 || m.HamDocs != 0 || len(m.Tokens) != 0 {
			t.Fatalf("model before training = %+v", m)
		}
		must(t, s.ModerateComment(ctx, c.ID, news.CommentSpam))
		if m := model(); m.SpamDocs != 1 || m.HamDocs != 0 || m.Tokens["tok:a"] != (news.TokenCount{Spam: 1}) {
			t.Fatalf("model after marking spam = %+v", m)
		}
		// A change of mind moves the comment to the other class.
		must(t, s.ModerateComment(ctx, c.ID, news.CommentApproved))
		if m := model(); m.SpamDocs != 0 || m.HamDocs != 1 || m.Tokens["tok:a"] != (news.TokenCount{Ham: 1}) {
			t.Fatalf("model after approving = %+v", m)
		}
		// Approving again or trashing teaches nothing more.
		must(t, s.ModerateComment(ctx, c.ID, news.CommentApproved))
		must(t, s.ModerateComment(ctx, c.ID, news.CommentTrash))
		if m := model(); m.HamDocs != 1 || m.Tokens["tok:a"] != (news.TokenCount{Ham: 1}) {
			t.Fatalf("model after trashing = %+v", m)
		}
		must(t, s.TrainSpam(ctx, []string{"tok:a", "tok:a", "tok:b"}, true))
		if m := model(); m.SpamDocs != 1 || m.Tokens["tok:a"] != (news.TokenCount{Spam: 1, Ham: 1}) {
			t.Fatalf("model after TrainSpam = %+v", m)
		}
		if err := s.ModerateComment(ctx, 987654, news.CommentSpam); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("moderating a missing comment = %v, want ErrNotFound", err)
		}
		if err := s.ModerateComment(ctx, c.ID, "bogus"); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("an unknown status = %v, want ErrInvalid", err)
		}
	})
}

func TestDeleteCommentKeepsReplies(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		var chain []*news.Comment
		parent := int64(0)
		for i := range 4 {
			c := f.comment("ada@example.com", fmt.Sprintf("Level %d.", i+1))
			c.ParentID = parent
			want := news.CommentApproved
			if i == 0 {
				want = news.CommentPending
			}
			f.mustAdd(t, c, want)
			if i == 0 {
				must(t, s.ModerateComment(ctx, c.ID, news.CommentApproved))
			}
			chain = append(chain, c)
			parent = c.ID
		}
		must(t, s.DeleteComment(ctx, chain[1].ID))
		got, err := s.ApprovedComments(ctx, f.article.ID)
		must(t, err)
		byID := map[int64]news.Comment{}
		for _, c := range got {
			byID[c.ID] = c
		}
		if _, ok := byID[chain[1].ID]; ok || len(got) != 3 {
			t.Fatalf("after delete: %+v", got)
		}
		if c := byID[chain[2].ID]; c.ParentID != chain[0].ID || c.Depth != 2 {
			t.Errorf("reply of the deleted comment: parent %d depth %d, want %d and 2", c.ParentID, c.Depth, chain[0].ID)
		}
		if c := byID[chain[3].ID]; c.ParentID != chain[2].ID || c.Depth != 3 {
			t.Errorf("grandchild: parent %d depth %d, want %d and 3", c.ParentID, c.Depth, chain[2].ID)
		}
		if err := s.DeleteComment(ctx, chain[1].ID); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("deleting twice = %v, want ErrNotFound", err)
		}
	})
}

func TestConcurrentComments(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newCommentFixture(t, s)
		const n = 40
		errs := make(chan error, n)
		for i := range n {
			go func() {
				c := f.comment(fmt.Sprintf("r%d@example.com", i), fmt.Sprintf("Concurrent comment %d.", i))
				c.SpamTokens = []string{"shared", fmt.Sprintf("own-%d", i)}
				err := s.AddComment(ctx, c, f.cs, false, base.Add(time.Duration(i)*time.Millisecond))
				if err == nil {
					err = s.ModerateComment(ctx, c.ID, []news.CommentStatus{news.CommentApproved, news.CommentSpam}[i%2])
				}
				errs <- err
			}()
		}
		for range n {
			must(t, <-errs)
		}
		m, err := s.SpamModel(ctx, []string{"shared"})
		must(t, err)
		if m.SpamDocs != n/2 || m.HamDocs != n/2 || m.Tokens["shared"] != (news.TokenCount{Spam: n / 2, Ham: n / 2}) {
			t.Errorf("model after concurrent training = %+v", m)
		}
	})
}
