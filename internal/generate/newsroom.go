package generate

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// siteName is what the synthetic newsroom calls itself.
const siteName = "The Synthetic Gazette"

// The size of the newsroom. Sections are one per sectionDefs entry.
const (
	numAuthors       = 60
	numTags          = 300 // each section's tags, then one per town
	numSources       = 80
	numPortraits     = 12 // the desk editors have photos
	numIllustrations = 8  // featured images, shared by many stories
	imageWidth       = 1200
	imageHeight      = 675
)

// newsroomSeed fixes the newsroom itself: whatever a run's seed, it has the
// same sections, authors, tags and sources, so a run with Append finds and
// reuses those of an earlier run. Only the stories depend on the seed.
const newsroomSeed = 0x4865_7261_6c64

// newsroom is everything stories are filed under and credited to.
type newsroom struct {
	v          *vocabulary
	sections   []news.Section // one per sectionDefs entry; ID 0 when unusable
	weights    []int          // cumulative story weight per sectionDefs entry
	places     []string       // the towns stories happen in
	authors    []news.Author
	desks      [][]int // authors per section, by index
	tags       []news.Tag
	sectionTag [][]int // tags per section, by index
	placeTag   []int   // the tag of each town
	sources    []news.Source
	images     []news.Image
	imageSeeds []int64
}

// plan draws the newsroom without touching the database.
func plan(v *vocabulary) *newsroom {
	r := rand.New(rand.NewPCG(newsroomSeed, 0))
	n := &newsroom{v: v, desks: make([][]int, len(sectionDefs))}
	for i, d := range sectionDefs {
		sec := news.Section{Slug: d.slug, Name: d.name, Description: d.description, Position: i}
		n.sections = append(n.sections, sec)
	}

	tagIndex := map[string]int{}
	addTag := func(name string) int {
		slug := content.Slugify(name)
		if i, ok := tagIndex[slug]; ok {
			return i
		}
		tagIndex[slug] = len(n.tags)
		n.tags = append(n.tags, news.Tag{Slug: slug, Name: name})
		return len(n.tags) - 1
	}
	for _, names := range v.sectionTags {
		var idx []int
		for _, name := range names {
			idx = append(idx, addTag(name))
		}
		n.sectionTag = append(n.sectionTag, idx)
	}
	seen := map[string]bool{}
	for len(n.tags) < numTags {
		place := v.placeHeads[r.IntN(len(v.placeHeads))] + v.placeTails[r.IntN(len(v.placeTails))]
		if _, dup := tagIndex[content.Slugify(place)]; dup || seen[place] {
			continue
		}
		seen[place] = true
		n.places = append(n.places, place)
		n.placeTag = append(n.placeTag, addTag(place))
	}

	pick := func(list []string) string { return list[r.IntN(len(list))] }
	names := map[string]bool{}
	for len(n.authors) < numAuthors {
		first, last := pick(v.firstNames), pick(v.lastNames)
		name := first + " " + last
		if names[name] {
			continue
		}
		names[name] = true
		k := len(n.authors)
		desk := k % len(sectionDefs)
		a := news.Author{Slug: content.Slugify(name), Name: name, JobTitle: jobTitle(r, k, desk)}
		a.Bio = fmt.Sprintf("%s covers %s for %s from %s. Before joining the paper in %d, %s reported for the %s %s.\n\n%s studied at %s State University and is reachable through the newsroom.",
			name, lowerFirst(sectionDefs[desk].name), siteName, pick(n.places), 2003+r.IntN(20), first,
			pick(n.places), pick(v.outlets), first, pick(n.places))
		if k < numPortraits {
			a.PhotoURL = "/media/" + portraitName(a.Slug)
		}
		switch r.IntN(10) {
		case 0, 1, 2, 3:
			a.Links = []news.Link{{Label: "Website", URL: "https://" + a.Slug + ".example/"}}
		case 4, 5:
			a.Links = []news.Link{{Label: "Newsletter", URL: "https://newsletter.example/" + a.Slug}}
		}
		n.desks[desk] = append(n.desks[desk], k)
		n.authors = append(n.authors, a)
	}

	outlets := map[string]bool{}
	for _, name := range v.agencies {
		n.addSource(r, name)
	}
	for len(n.sources) < numSources {
		name := "The " + pick(n.places) + " " + pick(v.outlets)
		if !outlets[name] {
			outlets[name] = true
			n.addSource(r, name)
		}
	}

	for k := range numIllustrations {
		seed := int64(1000 + k)
		n.imageSeeds = append(n.imageSeeds, seed)
		n.images = append(n.images, news.Image{
			URL: "/media/" + illustrationName(seed), Alt: demo.IllustrationAlt(seed),
			Credit: "Illustration: " + siteName + " art desk", Width: imageWidth, Height: imageHeight,
		})
	}
	return n
}

func (n *newsroom) addSource(r *rand.Rand, name string) {
	src := news.Source{Slug: content.Slugify(name), Name: name}
	if r.IntN(100) < 85 {
		src.URL = "https://" + src.Slug + ".example"
	}
	n.sources = append(n.sources, src)
}

func jobTitle(r *rand.Rand, k, desk int) string {
	name := sectionDefs[desk].name
	if k < len(sectionDefs) {
		return name + " Editor"
	}
	ranks := []string{"", "", "Senior ", "Chief ", "Deputy "}
	kinds := []string{"Correspondent", "Reporter", "Writer", "Columnist", "Analyst", "Data Reporter"}
	return ranks[r.IntN(len(ranks))] + kinds[r.IntN(len(kinds))] + ", " + name
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

func portraitName(slug string) string { return "synthetic/authors/" + slug + ".png" }

func illustrationName(seed int64) string {
	return "synthetic/illustration-" + strconv.FormatInt(seed, 10) + ".png"
}

// created counts what settle added to the database.
type created struct{ sections, authors, tags, sources int }

// settle gives every part of the newsroom its database ID, reusing what an
// earlier run (or anyone) stored under the same slug and creating the rest.
// A section whose slug a static page holds is left out.
func (n *newsroom) settle(ctx context.Context, st *store.Store) (created, error) {
	var c created
	secs, err := st.Sections(ctx)
	if err != nil {
		return c, err
	}
	pages, err := st.Pages(ctx)
	if err != nil {
		return c, err
	}
	taken := map[string]bool{}
	for _, p := range pages {
		taken[p.Slug] = true
	}
	have := bySlug(secs, func(s news.Section) string { return s.Slug })
	usable := 0
	for i := range n.sections {
		sec := &n.sections[i]
		if old, ok := have[sec.Slug]; ok {
			*sec = old
		} else if !taken[sec.Slug] {
			if err := st.CreateSection(ctx, sec); err != nil {
				return c, err
			}
			c.sections++
		}
		w := 0
		if sec.ID != 0 {
			w = sectionDefs[i].weight
			usable++
		}
		if i > 0 {
			w += n.weights[i-1]
		}
		n.weights = append(n.weights, w)
	}
	if usable == 0 {
		return c, errors.New("generate: static pages hold every section slug the synthetic newsroom needs")
	}

	authors, err := st.Authors(ctx)
	if err != nil {
		return c, err
	}
	if c.authors, err = reuse(ctx, n.authors, authors, func(a news.Author) string { return a.Slug }, st.CreateAuthor); err != nil {
		return c, err
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		return c, err
	}
	if c.tags, err = reuse(ctx, n.tags, tags, func(t news.Tag) string { return t.Slug }, st.CreateTag); err != nil {
		return c, err
	}
	sources, err := st.Sources(ctx)
	if err != nil {
		return c, err
	}
	if c.sources, err = reuse(ctx, n.sources, sources, func(s news.Source) string { return s.Slug }, st.CreateSource); err != nil {
		return c, err
	}
	return c, nil
}

func bySlug[T any](list []T, slug func(T) string) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		m[slug(x)] = x
	}
	return m
}

// reuse replaces each planned value by the stored one with its slug, or
// stores it, and returns how many it stored.
func reuse[T any](ctx context.Context, planned, stored []T, slug func(T) string, create func(context.Context, *T) error) (int, error) {
	have := bySlug(stored, slug)
	made := 0
	for i := range planned {
		if old, ok := have[slug(planned[i])]; ok {
			planned[i] = old
			continue
		}
		if err := create(ctx, &planned[i]); err != nil {
			return made, err
		}
		made++
	}
	return made, nil
}

// putImages draws and stores the pictures the newsroom points at that the
// database lacks: the portraits of its desk editors, the illustrations, and
// the site logo when logo is set. Drawing uses every core.
func (n *newsroom) putImages(ctx context.Context, st *store.Store, logo bool) error {
	type job struct {
		m    news.Media
		draw func() []byte
	}
	var jobs []job
	want := func(name string, w, h int, draw func() []byte) error {
		_, err := st.Media(ctx, name)
		switch {
		case err == nil:
			return nil
		case !errors.Is(err, news.ErrNotFound):
			return err
		}
		jobs = append(jobs, job{news.Media{Name: name, ContentType: "image/png", Width: w, Height: h}, draw})
		return nil
	}
	if logo {
		if err := want("site/logo.png", 512, 512, demo.Logo); err != nil {
			return err
		}
	}
	for _, a := range n.authors[:numPortraits] {
		if a.PhotoURL == "/media/"+portraitName(a.Slug) {
			if err := want(portraitName(a.Slug), 320, 320, func() []byte { return demo.Portrait(a.Slug) }); err != nil {
				return err
			}
		}
	}
	for _, seed := range n.imageSeeds {
		if err := want(illustrationName(seed), imageWidth, imageHeight, func() []byte { return demo.Illustration(seed, imageWidth, imageHeight) }); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				jobs[i].m.Data = jobs[i].draw()
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range jobs {
		if err := st.PutMedia(ctx, &jobs[i].m); err != nil {
			return err
		}
	}
	return nil
}
