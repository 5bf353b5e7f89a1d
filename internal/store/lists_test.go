package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// TestLinkListsFollowStories checks that an author's, tag's and source's lists,
// which read their stories' status and time from copies on the link rows, see
// every way a story's status, time or links change.
func TestLinkListsFollowStories(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		tag, src, author := f.tags[0], f.sources[0], 1
		var stories []*news.Article
		for i, slug := range []string{"oldest", "middle", "newest"} {
			a := f.article(slug, 0, time.Duration(3-i)*time.Hour, author)
			a.Tags = []news.Tag{tag}
			a.Credits = []news.Credit{{Source: src, Kind: news.CreditCiting}}
			stories = append(stories, a)
		}
		scheduled := f.article("scheduled", 0, -time.Hour, author) // an hour after base
		scheduled.Status = news.StatusScheduled
		scheduled.Tags = []news.Tag{tag}
		scheduled.Credits = []news.Credit{{Source: src, Kind: news.CreditVia}}
		must(t, s.CreateArticles(ctx, append(stories, scheduled)))

		lists := map[string]store.ArticleFilter{
			"author": {AuthorID: f.authors[author].ID},
			"tag":    {TagID: tag.ID},
			"source": {SourceID: src.ID},
		}
		expect := func(when string, want ...string) {
			t.Helper()
			for name, filter := range lists {
				// A page of one forces the count to be made apart.
				filter.Limit = 1
				first, total, err := s.Articles(ctx, filter)
				must(t, err)
				filter.Limit = 10
				all, _, err := s.Articles(ctx, filter)
				must(t, err)
				if diff := cmp.Diff(want, slugsOf(all)); diff != "" || total != len(want) || (len(want) > 0 && first[0].Slug != want[0]) {
					t.Errorf("%s: %s list %v (total %d); want %v\n%s", when, name, slugsOf(all), total, want, diff)
				}
			}
		}
		expect("created", "newest", "middle", "oldest")

		due, err := s.PublishDue(ctx, base.Add(2*time.Hour))
		must(t, err)
		if len(due) != 1 {
			t.Fatalf("PublishDue published %v", due)
		}
		expect("scheduled story published", "scheduled", "newest", "middle", "oldest")

		must(t, s.WithdrawArticle(ctx, stories[1].ID, "Withdrawn."))
		expect("story withdrawn", "scheduled", "newest", "oldest")

		// An edit that moves the oldest story's time to the front.
		a, err := s.ArticleByID(ctx, stories[0].ID)
		must(t, err)
		a.PublishedAt = base.Add(3 * time.Hour)
		_, err = s.SaveArticle(ctx, a, a.Version, 0, store.RevisionSave)
		must(t, err)
		expect("story's time moved", "oldest", "scheduled", "newest")

		// An edit that takes the tag, byline and credit off a story.
		a, err = s.ArticleByID(ctx, stories[2].ID)
		must(t, err)
		a.Tags, a.Credits, a.Authors = nil, nil, []news.Author{f.authors[0]}
		_, err = s.SaveArticle(ctx, a, a.Version, 0, store.RevisionSave)
		must(t, err)
		expect("links removed", "oldest", "scheduled")
	})
}
