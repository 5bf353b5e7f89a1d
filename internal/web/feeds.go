package web

import (
	"errors"
	"net/http"
	"path"

	"github.com/herald-news/herald/internal/feed"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// feedItems is how many stories a feed carries.
const feedItems = 30

// isFeedName reports whether name is one of a channel's three feed files.
func isFeedName(name string) bool {
	return name == feed.RSSName || name == feed.AtomName || name == feed.JSONFeedName
}

// serveFeed answers the feed named by the last segment of the request path for
// channel c with the stories f selects.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, c feed.Channel, f store.ArticleFilter, keys ...string) {
	f.Limit, f.WithBody, f.WithTags, f.NoTotal = feedItems, true, true, true
	items, _, err := s.store.Articles(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	depend(w, keys...)
	depend(w, articleDeps(items)...)
	for _, a := range items {
		for _, t := range a.Tags {
			depend(w, news.TagKey(t.ID))
		}
	}
	var body []byte
	var ctype string
	switch path.Base(r.URL.Path) {
	case feed.RSSName:
		body, err = feed.RSS(s.view().feed, c, items)
		ctype = "application/rss+xml; charset=utf-8"
	case feed.AtomName:
		body, err = feed.Atom(s.view().feed, c, items)
		ctype = "application/atom+xml; charset=utf-8"
	case feed.JSONFeedName:
		body, err = feed.JSONFeed(s.view().feed, c, items)
		ctype = "application/feed+json; charset=utf-8"
	default:
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, ctype, body)
}

// siteFeed serves /feed.xml, /atom.xml and /feed.json.
func (s *Server) siteFeed(w http.ResponseWriter, r *http.Request) {
	s.serveFeed(w, r, feed.Channel{Path: "/"}, store.ArticleFilter{}, news.KeyListAll)
}

// sectionFileOrSlash serves /{section}/feed.xml and its siblings, and sends
// /{section}/{slug} without its trailing slash to the story.
func (s *Server) sectionFileOrSlash(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	top, name := r.PathValue("top"), r.PathValue("slug")
	if !isFeedName(name) {
		if _, err := s.store.ArticleSummary(ctx, top, name); err == nil {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r)
		return
	}
	sec, err := s.store.SectionBySlug(ctx, top)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	s.serveFeed(w, r, feed.Channel{Title: s.view().site.Name + ": " + sec.Name, Description: sec.Description, Path: "/" + sec.Slug + "/"},
		store.ArticleFilter{SectionID: sec.ID}, news.SectionKey(sec.ID), news.SectionListKey(sec.ID))
}

// authorFeed serves /authors/{slug}/feed.xml and its siblings.
func (s *Server) authorFeed(w http.ResponseWriter, r *http.Request) {
	if !isFeedName(r.PathValue("file")) {
		s.notFound(w, r)
		return
	}
	a, err := s.store.AuthorBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	s.serveFeed(w, r, feed.Channel{Title: s.view().site.Name + ": " + a.Name, Description: "Stories by " + a.Name + ".", Path: "/authors/" + a.Slug + "/"},
		store.ArticleFilter{AuthorID: a.ID}, news.AuthorKey(a.ID), news.AuthorListKey(a.ID))
}

// tagFeed serves /tags/{slug}/feed.xml and its siblings.
func (s *Server) tagFeed(w http.ResponseWriter, r *http.Request) {
	if !isFeedName(r.PathValue("file")) {
		s.notFound(w, r)
		return
	}
	t, err := s.store.TagBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	s.serveFeed(w, r, feed.Channel{Title: s.view().site.Name + ": " + t.Name, Description: "Stories about " + t.Name + ".", Path: "/tags/" + t.Slug + "/"},
		store.ArticleFilter{TagID: t.ID}, news.TagKey(t.ID), news.TagListKey(t.ID))
}

func isNotFound(err error) bool { return errors.Is(err, news.ErrNotFound) }
