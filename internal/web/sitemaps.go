package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/feed"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

const xmlType = "application/xml; charset=utf-8"

// robots serves /robots.txt.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	s.respond(w, r, http.StatusOK, "text/plain; charset=utf-8", feed.Robots(s.view().feed))
}

// sitemapIndex serves /sitemap.xml: one sitemap of the site's other pages and
// as many sitemaps of stories as 50,000-URL parts need.
func (s *Server) sitemapIndex(w http.ResponseWriter, r *http.Request) {
	_, total, err := s.store.Articles(r.Context(), store.ArticleFilter{Limit: 1})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	refs := []feed.URL{{Loc: "/sitemaps/pages.xml"}}
	for i := 1; i <= (total+feed.MaxSitemapURLs-1)/feed.MaxSitemapURLs; i++ {
		refs = append(refs, feed.URL{Loc: fmt.Sprintf("/sitemaps/stories-%d.xml", i)})
	}
	depend(w, news.KeyListAll)
	body, err := feed.SitemapIndex(s.view().feed, refs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, xmlType, body)
}

// sitemap serves /sitemaps/pages.xml and /sitemaps/stories-N.xml.
func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	var urls []feed.URL
	var err error
	if name == "pages.xml" {
		urls, err = s.pageURLs(r)
	} else if num, ok := strings.CutPrefix(name, "stories-"); ok && strings.HasSuffix(num, ".xml") {
		n, convErr := strconv.Atoi(strings.TrimSuffix(num, ".xml"))
		if convErr != nil || n < 1 || n > 100_000 {
			s.notFound(w, r)
			return
		}
		urls, err = s.storyURLs(r, n)
	} else {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	depend(w, news.KeyNav, news.KeyDirectory, news.KeyListAll, news.KeyModified)
	body, err := feed.Sitemap(s.view().feed, urls)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, xmlType, body)
}

// pageURLs lists everything that is not a story: the front page, section
// fronts, static pages, author, tag and source pages and the corrections log.
func (s *Server) pageURLs(r *http.Request) ([]feed.URL, error) {
	ctx := r.Context()
	urls := []feed.URL{{Loc: "/"}, {Loc: "/corrections/"}}
	sections, err := s.store.Sections(ctx)
	if err != nil {
		return nil, err
	}
	for _, sec := range sections {
		urls = append(urls, feed.URL{Loc: "/" + sec.Slug + "/"})
	}
	pages, err := s.store.Pages(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		urls = append(urls, feed.URL{Loc: p.Path(), LastMod: p.UpdatedAt})
	}
	authors, err := s.store.Authors(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range authors {
		urls = append(urls, feed.URL{Loc: "/authors/" + a.Slug + "/"})
	}
	tags, err := s.store.Tags(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		urls = append(urls, feed.URL{Loc: "/tags/" + t.Slug + "/"})
	}
	sources, err := s.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, src := range sources {
		urls = append(urls, feed.URL{Loc: "/sources/" + src.Slug + "/"})
	}
	return urls, nil
}

// storyURLs lists part n of the published stories, 50,000 to a part.
func (s *Server) storyURLs(r *http.Request, n int) ([]feed.URL, error) {
	list, total, err := s.store.Articles(r.Context(), store.ArticleFilter{Limit: feed.MaxSitemapURLs, Offset: (n - 1) * feed.MaxSitemapURLs})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 && (n > 1 || total > 0) {
		return nil, news.ErrNotFound
	}
	urls := make([]feed.URL, len(list))
	for i := range list {
		urls[i] = feed.URL{Loc: list[i].Path(), LastMod: feed.Updated(&list[i])}
	}
	return urls, nil
}

// newsSitemap serves /news-sitemap.xml: stories of the last two days.
func (s *Server) newsSitemap(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	list, _, err := s.store.Articles(r.Context(), store.ArticleFilter{
		PublishedAfter: now.Add(-feed.NewsSitemapMaxAge), Limit: feed.MaxNewsURLs, NoTotal: true, WithTags: true})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The window of two days moves with the clock, not only with the content.
	depend(w, news.KeyListAll, news.KeyModified)
	expireAfter(w, 5*time.Minute)
	body, err := feed.NewsSitemap(s.view().feed, list, now)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, xmlType, body)
}
