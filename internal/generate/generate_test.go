package generate

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

// testNow is the moment every test run dates its stories from.
var testNow = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

// newStore opens a migrated SQLite database in a temporary directory.
func newStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// testBatch is the batch size of tests, small so that runs of a few hundred
// stories have several batches.
const testBatch = 64

// generate stores n stories with seed into st and fails the test on error.
func generate(t testing.TB, st *store.Store, n int, seed int64, appendTo bool) Result {
	t.Helper()
	res, err := run(context.Background(), st, Options{Articles: n, Seed: seed, Now: testNow, Append: appendTo}, testBatch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != n {
		t.Fatalf("Run stored %d stories, want %d", res.Articles, n)
	}
	return res
}

// allStories lists every published story with its tags, newest first.
func allStories(t testing.TB, st *store.Store) []news.Article {
	t.Helper()
	list, _, err := st.Articles(context.Background(), store.ArticleFilter{Limit: 50_000, WithBody: true, WithTags: true, NoTotal: true})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// offline is the newsroom with made-up IDs, for tests that need no database.
func offline() *newsroom {
	n := plan(vocab())
	for i := range n.sections {
		n.sections[i].ID = int64(i + 1)
		n.weights = append(n.weights, (i+1)*10)
	}
	return n
}

func TestDeterministic(t *testing.T) {
	// Several batches, so that workers finish them out of order.
	const count = 5*testBatch + 20
	a, b := newStore(t), newStore(t)
	generate(t, a, count, 42, false)
	generate(t, b, count, 42, false)
	ctx := context.Background()
	for id := int64(1); id <= count; id += 7 {
		x, err := a.ArticleByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		y, err := b.ArticleByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(x, y); diff != "" {
			t.Fatalf("story %d differs between two runs with the same seed (-first +second):\n%s", id, diff)
		}
	}

	other := offline()
	same := 0
	for i := range 200 {
		if other.story(mix(42), i, testNow, maxSlot).Headline == other.story(mix(43), i, testNow, maxSlot).Headline {
			same++
		}
	}
	if same > 2 {
		t.Errorf("seeds 42 and 43 gave %d of 200 identical headlines", same)
	}
}

func TestStories(t *testing.T) {
	st := newStore(t)
	const count = 600
	res := generate(t, st, count, 7, false)
	want := Result{Articles: count, Sections: len(sectionDefs), Authors: numAuthors, Tags: numTags, Sources: numSources}
	ctx := context.Background()
	counts, err := st.PublishedCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.All == 0 || res.Related != counts.All {
		t.Errorf("related articles scored for %d stories, want every published one (%d)", res.Related, counts.All)
	}
	res.Duration, res.Related = 0, 0
	if res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}

	secs, err := st.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 12 {
		t.Errorf("%d sections, want 12", len(secs))
	}
	for _, s := range secs {
		if news.IsReserved(s.Slug) || s.Name == "" || s.Description == "" {
			t.Errorf("section %+v: reserved slug or missing name or description", s)
		}
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if settings.Name != siteName || settings.Language != "en" || settings.TimeZone != "UTC" {
		t.Errorf("settings = %+v", settings)
	}
	authors, err := st.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range authors {
		if a.JobTitle == "" || a.Bio == "" {
			t.Errorf("author %s lacks a job title or a bio", a.Slug)
		}
		if a.PhotoURL != "" {
			if _, err := st.Media(ctx, strings.TrimPrefix(a.PhotoURL, "/media/")); err != nil {
				t.Errorf("author %s: photo %s: %v", a.Slug, a.PhotoURL, err)
			}
		}
	}

	list := allStories(t, st)
	if len(list) != count {
		t.Fatalf("%d published stories, want %d", len(list), count)
	}
	slugs := map[string]bool{}
	images := 0
	for i, a := range list {
		if a.WordCount < minWords || a.WordCount > maxWords {
			t.Errorf("%s: %d words, want %d to %d", a.Path(), a.WordCount, minWords, maxWords)
		}
		if n := len(strings.Fields(a.Headline)); n < 6 || n > 14 {
			t.Errorf("%s: headline of %d words: %q", a.Path(), n, a.Headline)
		}
		if len(a.Authors) < 1 || len(a.Authors) > 3 || len(a.Tags) < 1 || len(a.Tags) > 5 {
			t.Errorf("%s: %d authors and %d tags", a.Path(), len(a.Authors), len(a.Tags))
		}
		if a.Section.ID == 0 || !news.ValidSlug(a.Slug) || slugs[a.Path()] {
			t.Errorf("%s: bad section, slug or path taken twice", a.Path())
		}
		slugs[a.Path()] = true
		if a.Standfirst == "" || a.PublishedAt.After(testNow) || a.LastModified().After(testNow) {
			t.Errorf("%s: no standfirst or dated after now (%v, %v)", a.Path(), a.PublishedAt, a.UpdatedAt)
		}
		if i > 0 && !a.PublishedAt.Before(list[i-1].PublishedAt) {
			t.Errorf("%s: published %v, not before the story after it", a.Path(), a.PublishedAt)
		}
		if a.Image != nil {
			images++
		}
	}
	if oldest := testNow.Sub(list[len(list)-1].PublishedAt); oldest < count*maxSlot-maxSlot || oldest > count*maxSlot {
		t.Errorf("the oldest story is %v old, want about %v", oldest, count*maxSlot)
	}
	if images < count/5 || images > count/2 {
		t.Errorf("%d of %d stories have a picture, want about 30%%", images, count)
	}

	corrections, total, err := st.Corrections(ctx, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total < 3 || total > 30 {
		t.Errorf("%d corrections on %d stories, want about 2%%", total, count)
	}
	for _, c := range corrections {
		if c.CreatedAt.Before(c.Article.PublishedAt) || c.CreatedAt.After(testNow) {
			t.Errorf("correction on %s dated %v, outside publication and now", c.Article.Path(), c.CreatedAt)
		}
	}

	full, err := st.ArticleByID(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if full.BodyMarkdown == "" || full.BodyHTML == "" {
		t.Errorf("%s: empty body", full.Path())
	}
}

// TestBodyHTML holds the HTML written beside the Markdown to what
// content.Markdown makes of it, and the word count to content.WordCount.
func TestBodyHTML(t *testing.T) {
	n := offline()
	heads, quotes := 0, 0
	for i := range 400 {
		a := n.story(mix(uint64(i%4)), i, testNow, maxSlot)
		html, err := content.Markdown(a.BodyMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		if html != a.BodyHTML {
			t.Fatalf("story %d: content.Markdown disagrees with the generated HTML:\n%s", i, cmp.Diff(html, a.BodyHTML))
		}
		if got := content.WordCount(content.PlainText(html)); got != a.WordCount {
			t.Fatalf("story %d: WordCount %d, content.WordCount %d", i, a.WordCount, got)
		}
		heads += strings.Count(html, "<h2")
		quotes += strings.Count(html, "<blockquote>")
		for _, s := range []string{a.Headline, a.Standfirst} {
			if strings.ContainsAny(s, "\"'<>&*_#[]") {
				t.Errorf("story %d: %q holds a character Markdown or HTML would change", i, s)
			}
		}
	}
	if heads < 100 || quotes < 50 {
		t.Errorf("400 stories have %d subheads and %d block quotes; want some of each", heads, quotes)
	}
}

func TestRefusesContentWithoutAppend(t *testing.T) {
	st := newStore(t)
	generate(t, st, 50, 1, false)
	_, err := Run(context.Background(), st, Options{Articles: 10, Seed: 1, Now: testNow})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Run on a database with content = %v, want ErrNotEmpty", err)
	}
	if n := len(allStories(t, st)); n != 50 {
		t.Errorf("%d stories after the refusal, want 50", n)
	}
}

func TestAppend(t *testing.T) {
	st := newStore(t)
	generate(t, st, 80, 1, false)
	// The same seed again makes the same 80 headlines: every slug must get a
	// suffix, and nothing of the newsroom is created twice.
	res := generate(t, st, 80, 1, true)
	if res.Sections+res.Authors+res.Tags+res.Sources != 0 {
		t.Errorf("appending created %+v, want everything reused", res)
	}
	list := allStories(t, st)
	if len(list) != 160 {
		t.Fatalf("%d stories, want 160", len(list))
	}
	paths := map[string]bool{}
	suffixed := 0
	for _, a := range list {
		if paths[a.Path()] {
			t.Errorf("%s twice", a.Path())
		}
		paths[a.Path()] = true
		if strings.HasSuffix(a.Slug, "-2") {
			suffixed++
		}
	}
	if suffixed < 80 {
		t.Errorf("%d slugs end in -2, want at least 80", suffixed)
	}
}

func TestAppendBesidePages(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	// A page holds a section's slug, and a section of the newsroom exists.
	if err := st.CreatePage(ctx, &news.Page{Slug: "climate", Title: "Climate pledge"}); err != nil {
		t.Fatal(err)
	}
	world := news.Section{Slug: "world", Name: "Worldwide"}
	if err := st.CreateSection(ctx, &world); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, st, Options{Articles: 10, Now: testNow}); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Run without Append = %v, want ErrNotEmpty", err)
	}
	res := generate(t, st, 200, 3, true)
	if res.Sections != len(sectionDefs)-2 {
		t.Errorf("created %d sections, want %d", res.Sections, len(sectionDefs)-2)
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if settings.Name != "" {
		t.Errorf("appending named the site %q; it should leave the settings alone", settings.Name)
	}
	inWorld := 0
	for _, a := range allStories(t, st) {
		if a.Section.Slug == "climate" {
			t.Errorf("%s: filed under the page's slug", a.Path())
		}
		if a.Section.ID == world.ID {
			inWorld++
		}
	}
	if inWorld == 0 {
		t.Error("no story went into the existing World section")
	}
}

func TestCancel(t *testing.T) {
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	res, err := run(ctx, st, Options{Articles: 4 * testBatch, Now: testNow, Progress: func(done, total int) {
		calls++
		if done == testBatch {
			cancel()
		}
	}}, testBatch)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if res.Articles != testBatch || calls != 1 {
		t.Errorf("Run stored %d stories in %d batches, want %d in 1", res.Articles, calls, testBatch)
	}
	if n := len(allStories(t, st)); n != testBatch {
		t.Errorf("the database holds %d stories, want the %d of the first batch", n, testBatch)
	}

	// Cancelled before it starts, Run stores nothing.
	st2 := newStore(t)
	if _, err := Run(ctx, st2, Options{Articles: 10, Now: testNow}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a cancelled context = %v", err)
	}
	if n := len(allStories(t, st2)); n != 0 {
		t.Errorf("%d stories stored under a cancelled context", n)
	}
}

func TestOptions(t *testing.T) {
	st := newStore(t)
	for _, n := range []int{0, -1, MaxArticles + 1} {
		if _, err := Run(context.Background(), st, Options{Articles: n}); err == nil {
			t.Errorf("Run with %d articles succeeded", n)
		}
	}
}

func TestSlugSet(t *testing.T) {
	s := newSlugSet()
	long := strings.Repeat("word-", 19) + "tail" // 99 bytes
	for i, want := range []string{"a", "a-2", "a-3"} {
		if got := s.claim(1, "a"); got != want {
			t.Errorf("claim %d = %q, want %q", i, got, want)
		}
	}
	if got := s.claim(2, "a"); got != "a" {
		t.Errorf("another section's claim = %q, want a", got)
	}
	s.claim(1, "b-2")
	if got := s.claim(1, "b"); got != "b" {
		t.Errorf("claim b = %q", got)
	}
	if got := s.claim(1, "b"); got != "b-3" {
		t.Errorf("claim b again = %q, want b-3 (b-2 is taken)", got)
	}
	s.claim(1, long)
	if got := s.claim(1, long); len(got) > news.MaxSlugLen || !news.ValidSlug(got) || !strings.HasSuffix(got, "-2") {
		t.Errorf("suffixed long slug = %q (%d bytes)", got, len(got))
	}
}

func TestSlotFor(t *testing.T) {
	for count, want := range map[int]time.Duration{
		1: maxSlot, 100_000: maxSlot, 1_000_000: 630 * time.Second, MaxArticles: 63 * time.Second,
	} {
		if got := slotFor(count); got != want {
			t.Errorf("slotFor(%d) = %v, want %v", count, got, want)
		}
	}
}

func TestArticle(t *testing.T) {
	for word, want := range map[string]string{
		"union": "a", "hour": "an", "unexpected": "an", "one-time": "a", "eerie": "an", "big": "a", "European": "a",
	} {
		if got := article(word); got != want {
			t.Errorf("article(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestInflection(t *testing.T) {
	v := vocab()
	for _, tc := range []struct{ got, want string }{
		{plural("board of directors"), "boards of directors"},
		{plural("policy"), "policies"},
		{plural("bus"), "buses"},
		{plural("headquarters"), "headquarters"},
		{plural("day"), "days"},
		{inflect("edge up", pastTense), "edged up"},
		{inflect("carry", thirdPerson), "carries"},
		{thirdPerson("veto"), "vetoes"},
		{pastTense("delay"), "delayed"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if len(v.nouns)+len(v.adjectives)+len(v.verbs) < 1000 {
		t.Errorf("the vocabulary is small: %d nouns, %d adjectives, %d verbs", len(v.nouns), len(v.adjectives), len(v.verbs))
	}
}

// BenchmarkGenerate stores 2,000 stories per operation into a fresh SQLite
// database, newsroom and pictures included.
func BenchmarkGenerate(b *testing.B) {
	const count = 2000
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		st := newStore(b)
		b.StartTimer()
		start := time.Now()
		if _, err := Run(context.Background(), st, Options{Articles: count, Seed: 1, Now: testNow}); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(count*b.N)/elapsed.Seconds(), "stories/s")
}

// TestNoIndex stores stories that search does not find until the index is
// rebuilt, and scores no related articles.
func TestNoIndex(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	res, err := run(ctx, st, Options{Articles: 60, Seed: 4, Now: testNow, NoIndex: true}, testBatch)
	if err != nil || res.Articles != 60 || res.Related != 0 {
		t.Fatalf("Run = %+v, %v; want 60 stories and no related lists", res, err)
	}
	list := allStories(t, st)
	if len(list) == 0 {
		t.Fatal("no published stories")
	}
	find := func() int {
		r, err := st.Search(ctx, store.SearchFilter{Query: search.Parse(`"` + list[0].Headline + `"`).Query})
		if err != nil {
			t.Fatal(err)
		}
		return len(r.Results)
	}
	if n := find(); n != 0 {
		t.Errorf("before the rebuild a search finds %d stories, want none", n)
	}
	if _, err := st.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if n := find(); n == 0 {
		t.Error("after the rebuild a search for a headline finds nothing")
	}
}
