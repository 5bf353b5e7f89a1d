package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// TestCacheRelatedLists publishes a story and checks that the stories whose
// related lists took it in are rendered again, and that a story whose list
// did not change keeps its cached copy: a publish no longer drops every
// story page.
func TestCacheRelatedLists(t *testing.T) {
	ctx := context.Background()
	sc := newCacheScene(t)
	h := sc.site.h
	list, _, err := sc.site.store.Articles(ctx, store.ArticleFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, a := range list {
		paths = append(paths, a.Path())
	}
	before := snapshot(t, h, paths)

	// A story about what The Salt Road review is about: its related list
	// and those of the stories nearest to it take it in.
	a := &news.Article{
		Slug: "the-salt-road-tour", Section: sc.article.Section, Headline: "The Salt Road goes on tour",
		Standfirst:   "The road film reviewed here last month opens in six more towns.",
		BodyMarkdown: "The Salt Road, the road film about a gas station at the edge of the salt flats, opens in six more towns.",
		BodyHTML:     "<p>The Salt Road, the road film about a gas station at the edge of the salt flats, opens in six more towns.</p>",
		WordCount:    20, Status: news.StatusPublished, PublishedAt: now, Authors: sc.article.Authors[:1], Tags: sc.article.Tags,
		CommentsOpen: true,
	}
	if err := sc.site.store.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	var changed, kept []string
	for _, p := range paths {
		w := request(h, "GET", p, nil)
		if strings.Contains(w.Body.String(), `href="`+a.Path()+`"`) {
			changed = append(changed, p)
			if w.Header().Get("ETag") == before[p] {
				t.Errorf("%s now lists the new story but kept its ETag", p)
			}
		} else if w.Header().Get("X-Cache") == "hit" && w.Header().Get("ETag") == before[p] {
			kept = append(kept, p)
		}
	}
	if len(changed) == 0 {
		t.Error("no story's related list took in the new story")
	}
	// Story pages show no list of their section's newest stories, so a
	// page that does not show the new story keeps its copy, but for those
	// whose related list was scored again without taking it in.
	if len(kept) < len(paths)/2 {
		t.Errorf("only %d of %d story pages kept their cached copies after one publish (%d show the new story)", len(kept), len(paths), len(changed))
	}

	// A rebuild of every list drops every story page.
	if _, err := sc.site.store.RebuildRelated(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range kept {
		if w := request(h, "GET", p, nil); w.Header().Get("X-Cache") == "hit" {
			t.Errorf("%s still answered from the cache after every related list was rebuilt", p)
		}
	}
}
