package search_test

import (
	"context"
	"flag"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

var qualityStories = flag.Int("quality.stories", 600, "stories in the corpus TestSearchQuality measures")

// The quality Herald promises (issue 5).
const (
	wantPrecision = 0.9
	wantMRR       = 0.95
)

// TestSearchQuality loads a labelled corpus, publishing its stories one at a
// time as a newsroom does, and measures on each engine:
//
//   - related-article precision@5: of the first five related stories of each
//     story, the share about the same topic (a missing one counts as wrong);
//   - known-item mean reciprocal rank: each story's own three-word phrase,
//     typed without quotes, should find it first.
//
// Run it with -v to see the figures.
func TestSearchQuality(t *testing.T) {
	engines := []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "quality.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.DB(t) }},
	}
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, e.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			c := search.NewCorpus(search.CorpusOptions{Stories: *qualityStories, Seed: 7})
			start := time.Now()
			if err := c.Load(ctx, st, 1); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: published %d stories one at a time in %v", e.name, len(c.Stories), time.Since(start).Round(time.Millisecond))
			t.Logf("%s: for comparison, ranking by shared tags, authors and section alone gives precision@5 = %.3f", e.name, taxonomyPrecision(c))
			start = time.Now()
			p5, mrr := measure(t, st, c)
			t.Logf("%s: measured in %v", e.name, time.Since(start).Round(time.Millisecond))
			t.Logf("%s: related-article precision@5 = %.3f (target %.2f)", e.name, p5, wantPrecision)
			t.Logf("%s: known-item MRR = %.3f (target %.2f)", e.name, mrr, wantMRR)
			if p5 < wantPrecision {
				t.Errorf("precision@5 = %.3f, below %.2f", p5, wantPrecision)
			}
			if mrr < wantMRR {
				t.Errorf("known-item MRR = %.3f, below %.2f", mrr, wantMRR)
			}
			start = time.Now()
			if _, err := st.RebuildSearchIndex(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := st.RebuildRelated(ctx); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: rebuilt in %v", e.name, time.Since(start).Round(time.Millisecond))
			p5, mrr = measure(t, st, c)
			t.Logf("%s: after rebuilding: precision@5 = %.3f, MRR = %.3f", e.name, p5, mrr)
			if p5 < wantPrecision || mrr < wantMRR {
				t.Errorf("after rebuilding: precision@5 = %.3f, MRR = %.3f", p5, mrr)
			}
		})
	}
}

// measure returns the related-article precision@5 and the known-item MRR of
// the corpus c loaded in st.
func measure(t *testing.T, st *store.Store, c *search.Corpus) (precision, mrr float64) {
	t.Helper()
	ctx := context.Background()
	topicOf := make(map[int64]int, len(c.Stories))
	for _, s := range c.Stories {
		topicOf[s.Article.ID] = s.Topic
	}
	var same, rr float64
	for _, s := range c.Stories {
		related, err := st.Related(ctx, s.Article, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range related {
			if topicOf[r.ID] == s.Topic {
				same++
			}
		}
		res, err := st.Search(ctx, store.SearchFilter{Query: search.Parse(s.Phrase).Query, Limit: 10, Sort: news.SortRelevance})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res.Results {
			if r.Article.ID == s.Article.ID {
				rr += 1 / float64(i+1)
				break
			}
		}
	}
	n := float64(len(c.Stories))
	return same / (5 * n), rr / n
}

// taxonomyPrecision is the precision@5 of ranking by shared tags (3 each),
// authors (2 each) and section (2), newest first on ties, as the store did
// before related articles read the text: the baseline the text must beat.
func taxonomyPrecision(c *search.Corpus) float64 {
	same := 0
	for i, s := range c.Stories {
		type scored struct{ i, score int }
		var all []scored
		for j, o := range c.Stories {
			if j == i {
				continue
			}
			score := 0
			for _, a := range s.Article.Tags {
				for _, b := range o.Article.Tags {
					if a.ID == b.ID {
						score += 3
					}
				}
			}
			for _, a := range s.Article.Authors {
				for _, b := range o.Article.Authors {
					if a.ID == b.ID {
						score += 2
					}
				}
			}
			if s.Article.Section.ID == o.Article.Section.ID {
				score += 2
			}
			all = append(all, scored{j, score})
		}
		slices.SortFunc(all, func(a, b scored) int {
			if a.score != b.score {
				return b.score - a.score
			}
			return b.i - a.i
		})
		for _, x := range all[:5] {
			if c.Stories[x.i].Topic == s.Topic {
				same++
			}
		}
	}
	return float64(same) / float64(5*len(c.Stories))
}
