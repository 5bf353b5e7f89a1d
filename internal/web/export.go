package web

import (
	"context"
	"fmt"
	"net/url"
	"sort"

	"github.com/herald-news/herald/internal/feed"
)

// PublicURLs lists every URL of the public site that a static copy needs, each
// once, as a request target for Handler: the front page; every section front,
// author, tag and source page and the corrections log, with every further page
// of each as PATH?page=N; every story and static page; the site's feeds and
// those of every section, author and tag; the comment feeds of the site and of
// every story, and every commenter's avatar; robots.txt, the sitemap index,
// every sitemap and the news sitemap; every media file and every asset.
// Search, health, comment posting and anything per reader are left out.
func (s *Server) PublicURLs(ctx context.Context) ([]string, error) {
	counts, err := s.store.PublishedCounts(ctx)
	if err != nil {
		return nil, err
	}
	var urls []string
	add := func(u ...string) { urls = append(urls, u...) }
	feeds := func(path string) {
		add(path+feed.RSSName, path+feed.AtomName, path+feed.JSONFeedName)
	}
	paged := func(path string, total int) {
		last := max((total+perPage-1)/perPage, 1)
		for n := 1; n <= last; n++ {
			add(pageURL(path, n))
		}
	}

	add("/", "/robots.txt", "/sitemap.xml", "/sitemaps/pages.xml", "/news-sitemap.xml")
	for i := 1; i <= (counts.All+feed.MaxSitemapURLs-1)/feed.MaxSitemapURLs; i++ {
		add(fmt.Sprintf("/sitemaps/stories-%d.xml", i))
	}
	feeds("/")
	paged("/corrections/", counts.Corrections)

	sections, err := s.store.Sections(ctx)
	if err != nil {
		return nil, err
	}
	for _, sec := range sections {
		path := "/" + sec.Slug + "/"
		paged(path, counts.Sections[sec.ID])
		feeds(path)
	}
	pages, err := s.store.Pages(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		add(p.Path())
	}
	authors, err := s.store.Authors(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range authors {
		path := "/authors/" + a.Slug + "/"
		paged(path, counts.Authors[a.ID])
		feeds(path)
	}
	tags, err := s.store.Tags(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		path := "/tags/" + t.Slug + "/"
		paged(path, counts.Tags[t.ID])
		feeds(path)
	}
	sources, err := s.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, src := range sources {
		paged("/sources/"+src.Slug+"/", counts.Sources[src.ID])
	}
	stories, err := s.store.PublishedPaths(ctx)
	if err != nil {
		return nil, err
	}
	add(stories...)
	// Every story page links its comment feed, even with no comment yet.
	add("/comments/feed.xml")
	for _, p := range stories {
		add("/comments" + p + "feed.xml")
	}
	hashes, err := s.store.CommenterHashes(ctx)
	if err != nil {
		return nil, err
	}
	avatars := map[string]bool{}
	for _, h := range hashes {
		if id := avatarID(h); !avatars[id] {
			avatars[id] = true
			add("/comments/avatars/" + id + ".svg")
		}
	}
	media, err := s.store.MediaNames(ctx)
	if err != nil {
		return nil, err
	}
	for _, name := range media {
		add((&url.URL{Path: "/media/" + name}).EscapedPath())
	}
	var assets []string
	for _, a := range s.assets.All() {
		assets = append(assets, a.URL)
	}
	sort.Strings(assets)
	add(assets...)
	return urls, nil
}
