package generate

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// ErrNotEmpty means the database already holds content and Options.Append
// was not set.
var ErrNotEmpty = errors.New("the database already holds content")

// MaxArticles is the most stories one run makes.
const MaxArticles = 10_000_000

// batchSize is how many stories go into one transaction.
const batchSize = 1000

// Options say what Run makes.
type Options struct {
	Articles int   // how many stories, 1 to MaxArticles
	Seed     int64 // the same seed and Now give the same stories
	Append   bool  // add to a database that already holds content
	// Now is the moment stories are dated back from; zero means the current
	// time. It is rounded down to the second.
	Now time.Time
	// NoIndex leaves the stories out of the search index and without
	// related articles (store.BulkLoadArticles), for page benchmarks at a
	// size where indexing would take most of the time; herald reindex
	// builds both later.
	NoIndex bool
	// Progress, when set, is called after each batch is committed with the
	// number of stories stored so far and the total. It runs on Run's
	// goroutine.
	Progress func(done, total int)
}

// Result says what Run made.
type Result struct {
	Articles                         int // stories stored, even when Run failed part-way
	Sections, Authors, Tags, Sources int // created by this run; the rest were reused
	Related                          int // published stories whose related articles were scored
	Duration                         time.Duration
}

// Run fills st with a synthetic newsroom and o.Articles stories. It refuses
// a database that holds content unless o.Append is set; then it reuses the
// sections, authors, tags and sources it finds under the newsroom's slugs and
// gives new stories slugs that no story in their section has.
//
// Stories are stored in batches, each in its own transaction, while the next
// batches are being written. When ctx is cancelled Run stops at the next
// batch boundary and returns ctx's error (a batch caught mid-write is rolled
// back whole): every batch stored until then is complete.
func Run(ctx context.Context, st *store.Store, o Options) (Result, error) {
	return run(ctx, st, o, batchSize)
}

// run is Run with batches of size stories, which tests make small.
func run(ctx context.Context, st *store.Store, o Options, size int) (Result, error) {
	start := time.Now()
	var res Result
	if o.Articles < 1 || o.Articles > MaxArticles {
		return res, fmt.Errorf("generate: the number of stories must be from 1 to %d, not %d", MaxArticles, o.Articles)
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.UTC().Truncate(time.Second)

	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return res, err
	}
	if !empty && !o.Append {
		return res, fmt.Errorf("generate: %w", ErrNotEmpty)
	}
	if empty {
		if err := saveSettings(ctx, st); err != nil {
			return res, err
		}
	}
	n := plan(vocab())
	c, err := n.settle(ctx, st)
	res.Sections, res.Authors, res.Tags, res.Sources = c.sections, c.authors, c.tags, c.sources
	if err != nil {
		return res, err
	}
	if err := n.putImages(ctx, st, empty); err != nil {
		return res, err
	}
	slugs := newSlugSet()
	if !empty {
		if err := slugs.load(ctx, st, n.sections); err != nil {
			return res, err
		}
	}
	res.Articles, err = n.pipeline(ctx, st, o, size, mix(uint64(o.Seed)), now, slugs)
	if err == nil && !o.NoIndex {
		// The batches leave related articles unscored (see
		// store.BulkCreateArticles); score them all once, now that the
		// index knows every story.
		res.Related, err = st.RebuildRelated(ctx)
	}
	res.Duration = time.Since(start)
	return res, err
}

// saveSettings names the site, unless someone already has.
func saveSettings(ctx context.Context, st *store.Store) error {
	cur, err := st.Settings(ctx)
	if err != nil || cur.Name != "" {
		return err
	}
	return st.SaveSettings(ctx, news.Settings{
		Name: siteName, Tagline: "All the news that never happened",
		Description: siteName + " is a synthetic newsroom generated for benchmarks: every story, byline and town in it is made up.",
		Language:    "en", TimeZone: "UTC",
	})
}

// batch is a run of consecutive stories, written by a worker and stored by
// Run's goroutine in order.
type batch struct {
	first, count int
	stories      []*news.Article
	ready        chan struct{} // closed when stories is filled
}

// pipeline writes stories on GOMAXPROCS workers and stores them batch by
// batch, in order, on the calling goroutine, and returns how many it stored.
// At most two batches per worker wait to be stored, which bounds memory.
func (n *newsroom) pipeline(ctx context.Context, st *store.Store, o Options, size int, seed uint64, now time.Time, slugs *slugSet) (int, error) {
	workers := runtime.GOMAXPROCS(0)
	slot := slotFor(o.Articles)
	order := make(chan *batch, 2*workers)
	jobs := make(chan *batch)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(order)
		defer close(jobs)
		for first := 0; first < o.Articles; first += size {
			b := &batch{first: first, count: min(size, o.Articles-first), ready: make(chan struct{})}
			select {
			case order <- b:
			case <-stop:
				return
			}
			select {
			case jobs <- b:
			case <-stop:
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for b := range jobs {
				b.stories = make([]*news.Article, b.count)
				for k := range b.stories {
					b.stories[k] = n.story(seed, b.first+k, now, slot)
				}
				close(b.ready)
			}
		})
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()

	done := 0
	for b := range order {
		select {
		case <-b.ready:
		case <-ctx.Done():
			return done, ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			return done, err
		}
		for _, a := range b.stories {
			a.Slug = slugs.claim(a.Section.ID, a.Slug)
		}
		load := st.BulkCreateArticles
		if o.NoIndex {
			load = st.BulkLoadArticles
		}
		if err := load(ctx, b.stories); err != nil {
			return done, fmt.Errorf("generate: stories %d to %d: %w", b.first+1, b.first+b.count, err)
		}
		done += b.count
		if o.Progress != nil {
			o.Progress(done, o.Articles)
		}
	}
	return done, nil
}

// slugSet remembers the slugs taken in each section, as 64-bit hashes to
// keep ten million of them in a few hundred megabytes. A hash collision only
// costs a needless numeric suffix.
type slugSet struct {
	taken map[uint64]struct{}
	next  map[uint64]int // the next suffix to try for a slug seen twice
}

func newSlugSet() *slugSet {
	return &slugSet{taken: map[uint64]struct{}{}, next: map[uint64]int{}}
}

func slugKey(section int64, slug string) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for i := range b {
		b[i] = byte(section >> (8 * i))
	}
	h.Write(b[:])
	h.Write([]byte(slug))
	return h.Sum64()
}

// claim returns base, or base with the smallest suffix "-2", "-3" … not yet
// taken in the section, and marks it taken.
func (s *slugSet) claim(section int64, base string) string {
	key := slugKey(section, base)
	if _, ok := s.taken[key]; !ok {
		s.taken[key] = struct{}{}
		return base
	}
	n := max(s.next[key], 2)
	for {
		slug := withSuffix(base, n)
		k := slugKey(section, slug)
		n++
		if _, ok := s.taken[k]; !ok {
			s.taken[k] = struct{}{}
			s.next[key] = n
			return slug
		}
	}
}

// withSuffix appends "-n" to slug, first cutting slug at a hyphen if the
// result would be longer than news.MaxSlugLen.
func withSuffix(slug string, n int) string {
	suffix := "-" + strconv.Itoa(n)
	if len(slug)+len(suffix) > news.MaxSlugLen {
		slug = slug[:news.MaxSlugLen-len(suffix)]
		if i := strings.LastIndexByte(slug, '-'); i > 0 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug, "-")
	}
	return slug + suffix
}

// load marks the slugs of every story already in the given sections.
func (s *slugSet) load(ctx context.Context, st *store.Store, sections []news.Section) error {
	const page = 50_000
	statuses := []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled, news.StatusPublished, news.StatusWithdrawn}
	for _, sec := range sections {
		if sec.ID == 0 {
			continue
		}
		for _, status := range statuses {
			for offset := 0; ; offset += page {
				list, _, err := st.Articles(ctx, store.ArticleFilter{Status: status, SectionID: sec.ID, Limit: page, Offset: offset, NoTotal: true})
				if err != nil {
					return err
				}
				for _, a := range list {
					s.taken[slugKey(sec.ID, a.Slug)] = struct{}{}
				}
				if len(list) < page {
					break
				}
			}
		}
	}
	return nil
}
