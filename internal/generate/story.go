package generate

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
)

// Story timing: story i is published in the i-th slot back from Now, at a
// random second within it, so stories are newest first. Slots last a quarter
// of an hour (a run of 100,000 spans close to three years), or less when
// that would reach back more than maxSpan.
const (
	maxSlot = 15 * time.Minute
	maxSpan = 20 * 365 * 24 * time.Hour
)

// slotFor returns the slot length for a run of count stories, in whole
// seconds.
func slotFor(count int) time.Duration {
	return max(min(maxSlot, maxSpan/time.Duration(count)).Truncate(time.Second), time.Second)
}

// Story length in words: from minWords to maxWords, skewed towards shorter
// stories as in a real archive (the median is near 750). The body stops
// after the sentence that reaches the drawn length, so targets leave room
// for the longest sentence.
const (
	minWords  = 400
	maxWords  = 1500
	maxTarget = maxWords - 70
)

// mix spreads consecutive numbers over the whole 64-bit range
// (SplitMix64's finaliser), so that neighbouring stories draw unrelated
// random streams.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// story makes story number i of a run: everything but the final slug,
// which needs the stories before it; Slug holds the slug of the headline.
// It depends only on its arguments and the newsroom, so workers can make
// stories in any order.
func (n *newsroom) story(seed uint64, i int, now time.Time, slot time.Duration) *news.Article {
	r := rand.New(rand.NewPCG(seed, mix(uint64(i))))
	sec := n.section(r)
	place := r.IntN(len(n.places))
	published := now.Add(-time.Duration(i)*slot - time.Duration(r.Int64N(int64(slot/time.Second)))*time.Second)
	w := &writer{r: r, v: n.v, sec: sec, place: n.places[place], places: n.places, year: published.Year()}
	w.p.b = make([]byte, 0, 512)

	a := &news.Article{Section: n.sections[sec], Status: news.StatusPublished, PublishedAt: published}
	a.Headline = w.headline()
	a.Slug = content.Slugify(a.Headline)
	if a.Slug == "" {
		a.Slug = "story"
	}
	a.Standfirst = w.standfirst()
	target := minWords + int(float64(maxTarget-minWords)*math.Pow(r.Float64(), 1.5))
	a.BodyMarkdown, a.BodyHTML, a.WordCount = w.body(target)
	a.CommentsOpen = w.chance(85)

	a.CreatedAt = published.Add(-time.Duration(20+r.IntN(340)) * time.Minute)
	a.ModifiedAt = published
	if age := now.Sub(published); age > 20*time.Minute && w.chance(15) {
		later := time.Duration(r.Int64N(int64(min(age, 72*time.Hour) - 10*time.Minute)))
		a.UpdatedAt = published.Add(10*time.Minute + later).Truncate(time.Second)
		a.ModifiedAt = a.UpdatedAt
	}
	if age := now.Sub(published); age > 2*time.Hour && r.IntN(1000) < 20 {
		for range 1 + r.IntN(5)/4 { // one, now and then two
			n.correct(w, a, now)
		}
	}

	a.Authors = n.byline(r, sec)
	a.Tags = n.tagsFor(r, sec, place)
	a.Credits = n.credits(r, a, published)
	if w.chance(30) {
		img := n.images[r.IntN(len(n.images))]
		img.Caption = "An illustration for a story about " + w.topicPhrase() + " in " + w.place + "."
		a.Image = &img
	}
	return a
}

// section draws a usable section by weight.
func (n *newsroom) section(r *rand.Rand) int {
	x := r.IntN(n.weights[len(n.weights)-1])
	for i, w := range n.weights {
		if x < w {
			return i
		}
	}
	return len(n.weights) - 1
}

// byline draws one to three distinct authors, the first usually from the
// story's desk.
func (n *newsroom) byline(r *rand.Rand, sec int) []news.Author {
	count := 1
	switch x := r.IntN(100); {
	case x >= 92:
		count = 3
	case x >= 70:
		count = 2
	}
	var idx []int
	if desk := n.desks[sec]; len(desk) > 0 && r.IntN(100) < 75 {
		idx = append(idx, desk[r.IntN(len(desk))])
	}
	for len(idx) < count {
		if k := r.IntN(len(n.authors)); !containsInt(idx, k) {
			idx = append(idx, k)
		}
	}
	out := make([]news.Author, len(idx))
	for j, k := range idx {
		out[j] = n.authors[k]
	}
	return out
}

// tagsFor draws one to five distinct tags: often the town, mostly the
// section's own tags with the first few the commonest, sometimes another
// section's.
func (n *newsroom) tagsFor(r *rand.Rand, sec, place int) []news.Tag {
	count := []int{1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5}[r.IntN(20)]
	var idx []int
	if r.IntN(100) < 50 {
		idx = append(idx, n.placeTag[place])
	}
	for len(idx) < count {
		own := n.sectionTag[sec]
		if r.IntN(100) < 15 {
			own = n.sectionTag[r.IntN(len(n.sectionTag))]
		}
		if k := own[r.IntN(1+r.IntN(len(own)))]; !containsInt(idx, k) {
			idx = append(idx, k)
		}
	}
	out := make([]news.Tag, len(idx))
	for j, k := range idx {
		out[j] = n.tags[k]
	}
	return out
}

// credits draws no credit for half the stories and up to three distinct
// sources for the rest.
func (n *newsroom) credits(r *rand.Rand, a *news.Article, published time.Time) []news.Credit {
	count := []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3}[r.IntN(20)]
	var idx []int
	for len(idx) < count {
		if k := r.IntN(len(n.sources)); !containsInt(idx, k) {
			idx = append(idx, k)
		}
	}
	var out []news.Credit
	for _, k := range idx {
		c := news.Credit{Source: n.sources[k], Kind: news.CreditKinds[r.IntN(len(news.CreditKinds))]}
		if c.Source.URL != "" && r.IntN(100) < 60 {
			c.URL = c.Source.URL + published.Format("/2006/01/02/") + a.Slug
		}
		out = append(out, c)
	}
	return out
}

// correct appends a correction or an update to a's log, dated after
// publication and no later than now.
func (n *newsroom) correct(w *writer, a *news.Article, now time.Time) {
	span := min(now.Sub(a.PublishedAt), 5*24*time.Hour) - time.Hour
	at := a.PublishedAt.Add(time.Hour + time.Duration(w.r.Int64N(int64(span)))).Truncate(time.Second)
	c := news.Correction{Kind: news.KindCorrection, CreatedAt: at}
	w.p.reset()
	w.p.sentence()
	switch w.r.IntN(7) {
	case 0:
		w.p.word("an earlier version of this story misstated the cost of")
		w.p.word(w.topicPhrase())
		w.p.mark(".")
		w.p.word("It is")
		w.money()
		w.p.mark(",")
		w.p.word("not")
		w.money()
	case 1:
		pp := w.someone()
		w.p.word("an earlier version of this story misspelled the name of")
		w.p.word(pp.first)
		w.p.word(pp.last)
	case 2:
		w.p.word("an earlier version of this story gave the wrong day for the vote. It was on")
		w.p.word(w.pick(w.v.weekdays))
	case 3:
		w.p.word("an earlier version of this story misidentified")
		w.org()
	case 4:
		c.Kind = news.KindUpdate
		w.p.word("this story has been updated with comment from")
		w.org()
	case 5:
		c.Kind = news.KindUpdate
		w.p.word("this story has been updated with new figures from")
		w.org()
	default:
		c.Kind = news.KindUpdate
		w.p.word("this story has been updated with the result of the vote on")
		w.p.word(w.topicPhrase())
	}
	w.p.mark(".")
	c.Text = string(w.p.b)
	a.Corrections = append(a.Corrections, c)
	if at.After(a.ModifiedAt) {
		a.ModifiedAt = at
	}
	if c.Kind == news.KindUpdate && at.After(a.UpdatedAt) {
		a.UpdatedAt = at
	}
}

// topicPhrase is "the" and one of the section's nouns.
func (w *writer) topicPhrase() string {
	t := w.v.topics[w.sec]
	return "the " + t[w.r.IntN(len(t))].one
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
