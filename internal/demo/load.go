package demo

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// Illustration size of featured images.
const (
	imageWidth  = 1200
	imageHeight = 675
)

// Load fills an empty database with the demo newsroom, dating every story
// relative to now. It refuses a database that already holds content.
func Load(ctx context.Context, st *store.Store, now time.Time) error {
	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("demo: the database already holds content; the demo newsroom goes only into an empty one")
	}
	site := Site()
	if err := st.SaveSettings(ctx, news.Settings{
		Name: site.Name, Tagline: site.Tagline, Language: "en", TimeZone: "America/Los_Angeles",
		Description: site.Name + ": " + site.Tagline + ".",
	}); err != nil {
		return err
	}
	if err := putImages(ctx, st, site); err != nil {
		return err
	}
	sections := map[string]news.Section{}
	for _, sec := range site.Sections {
		if err := st.CreateSection(ctx, &sec); err != nil {
			return err
		}
		sections[sec.Slug] = sec
	}
	authors := map[string]news.Author{}
	for _, a := range site.Authors {
		if err := st.CreateAuthor(ctx, &a); err != nil {
			return err
		}
		authors[a.Slug] = a
	}
	tags := map[string]news.Tag{}
	for _, t := range site.Tags {
		if err := st.CreateTag(ctx, &t); err != nil {
			return err
		}
		tags[t.Slug] = t
	}
	sources := map[string]news.Source{}
	for _, src := range site.Sources {
		if err := st.CreateSource(ctx, &src); err != nil {
			return err
		}
		sources[src.Slug] = src
	}
	for _, p := range site.Pages {
		html, err := content.Markdown(p.BodyMarkdown)
		if err != nil {
			return fmt.Errorf("demo: page %s: %w", p.Slug, err)
		}
		p.BodyHTML = html
		p.UpdatedAt = now.Add(-90 * 24 * time.Hour)
		if err := st.CreatePage(ctx, &p); err != nil {
			return err
		}
	}
	articles := make([]*news.Article, 0, len(site.Stories))
	for _, story := range site.Stories {
		a, err := story.article(now, sections, authors, tags, sources)
		if err != nil {
			return err
		}
		articles = append(articles, a)
	}
	return st.CreateArticles(ctx, articles)
}

// article turns a demo story into an article ready to store.
func (s Story) article(now time.Time, sections map[string]news.Section, authors map[string]news.Author,
	tags map[string]news.Tag, sources map[string]news.Source) (*news.Article, error) {
	sec, ok := sections[s.Section]
	if !ok {
		return nil, fmt.Errorf("demo: story %s: unknown section %q", s.Slug, s.Section)
	}
	html, err := content.Markdown(s.Body)
	if err != nil {
		return nil, fmt.Errorf("demo: story %s: %w", s.Slug, err)
	}
	published := now.Add(-s.Age).Truncate(time.Second)
	a := &news.Article{
		Slug: s.Slug, Section: sec, Headline: s.Headline, Standfirst: s.Standfirst,
		BodyMarkdown: s.Body, BodyHTML: html, WordCount: content.WordCount(content.PlainText(html)),
		Status: news.StatusPublished, PublishedAt: published, CreatedAt: published, ModifiedAt: published,
		CommentsOpen: s.Comments,
	}
	if s.UpdatedAge > 0 {
		a.UpdatedAt = now.Add(-s.UpdatedAge).Truncate(time.Second)
		a.ModifiedAt = a.UpdatedAt
	}
	for _, slug := range s.Authors {
		au, ok := authors[slug]
		if !ok {
			return nil, fmt.Errorf("demo: story %s: unknown author %q", s.Slug, slug)
		}
		a.Authors = append(a.Authors, au)
	}
	for _, slug := range s.Tags {
		t, ok := tags[slug]
		if !ok {
			return nil, fmt.Errorf("demo: story %s: unknown tag %q", s.Slug, slug)
		}
		a.Tags = append(a.Tags, t)
	}
	for _, c := range s.Credits {
		src, ok := sources[c.Source]
		if !ok {
			return nil, fmt.Errorf("demo: story %s: unknown source %q", s.Slug, c.Source)
		}
		a.Credits = append(a.Credits, news.Credit{Source: src, Kind: c.Kind, URL: c.URL})
	}
	for _, c := range s.Corrections {
		a.Corrections = append(a.Corrections, news.Correction{Kind: c.Kind, Text: c.Text, CreatedAt: now.Add(-c.Age).Truncate(time.Second)})
	}
	if s.Image != nil {
		a.Image = &news.Image{URL: illustrationURL(s.Image.Seed), Alt: s.Image.Alt, Caption: s.Image.Caption,
			Credit: s.Image.Credit, Width: imageWidth, Height: imageHeight}
	}
	return a, nil
}

func illustrationURL(seed int64) string { return fmt.Sprintf("/media/%s", illustrationName(seed)) }

func illustrationName(seed int64) string { return fmt.Sprintf("images/illustration-%d.png", seed) }

// putImages draws and stores the logo, the portraits and the illustrations,
// drawing on every core.
func putImages(ctx context.Context, st *store.Store, site *Newsroom) error {
	type job struct {
		m    *news.Media
		draw func() []byte
	}
	png := func(name string, w, h int, draw func() []byte) job {
		return job{&news.Media{Name: name, ContentType: "image/png", Width: w, Height: h}, draw}
	}
	jobs := []job{png("site/logo.png", 512, 512, Logo)}
	for _, a := range site.Authors {
		jobs = append(jobs, png("authors/"+a.Slug+".png", 320, 320, func() []byte { return Portrait(a.Slug) }))
	}
	for _, s := range site.Stories {
		if s.Image != nil {
			seed := s.Image.Seed
			jobs = append(jobs, png(illustrationName(seed), imageWidth, imageHeight, func() []byte { return Illustration(seed, imageWidth, imageHeight) }))
		}
	}
	queue := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				j.m.Data = j.draw()
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	for _, j := range jobs {
		if err := st.PutMedia(ctx, j.m); err != nil {
			return err
		}
	}
	return nil
}
