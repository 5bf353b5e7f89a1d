package web

import (
	"net/http"
	"strings"
)

// Handler returns the public site with every route. Each of more registers
// further routes (the back office's) on the same mux, behind the same logging
// and security headers.
func (s *Server) Handler(more ...func(*http.ServeMux)) http.Handler {
	mux := http.NewServeMux()
	for _, register := range more {
		register(mux)
	}
	// Not cached: health must be live, assets have their own forever URLs.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /static/{file...}", s.static)
	mux.HandleFunc("GET /search", s.search) // not cached: every query is its own page

	// Public responses, each kept in the page cache until what it shows
	// changes.
	public := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.cached(h)) }
	public("GET /media/{name...}", s.media)
	public("GET /{$}", s.front)
	public("GET /feed.xml", s.siteFeed)
	public("GET /atom.xml", s.siteFeed)
	public("GET /feed.json", s.siteFeed)
	public("GET /robots.txt", s.robots)
	public("GET /sitemap.xml", s.sitemapIndex)
	public("GET /sitemaps/{name}", s.sitemap)
	public("GET /news-sitemap.xml", s.newsSitemap)

	public("GET /authors/{slug}/{$}", s.author)
	public("GET /authors/{slug}/{file}", s.authorFeed)
	public("GET /tags/{slug}/{$}", s.tag)
	public("GET /tags/{slug}/{file}", s.tagFeed)
	public("GET /sources/{slug}/{$}", s.source)
	public("GET /corrections/{$}", s.corrections)

	// Comments: the POST and the per-reader form state are never cached;
	// the feeds are; avatars have forever URLs of their own.
	cm := newCommentHandler(s)
	mux.HandleFunc("POST /{section}/{slug}/comments", cm.post)
	mux.HandleFunc("GET /comments/form", cm.form)
	mux.HandleFunc("GET /comments/avatars/{file}", cm.avatar)
	public("GET /comments/feed.xml", cm.siteFeed)
	public("GET /comments/{section}/{slug}/feed.xml", cm.articleFeed)

	// Sections and static pages own the first path segment, so their routes
	// cannot be ServeMux patterns beside /static/ and the rest: the
	// catch-all dispatches them by shape.
	public("GET /", s.content)
	return s.logRequests(securityHeaders(mux))
}

// content routes the paths that belong to sections, stories and pages:
//
//	/{top}/          section front or static page
//	/{top}/{slug}/   story
//	/{top}/{file}    section feed, or a story without its trailing slash
//	/{top}           anything above without its trailing slash
//
// Anything else is a redirect left by a move, or a 404.
func (s *Server) content(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	trailing := strings.HasSuffix(p, "/")
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case len(parts) == 1 && parts[0] != "" && trailing:
		r.SetPathValue("top", parts[0])
		s.topLevel(w, r)
	case len(parts) == 2 && trailing:
		r.SetPathValue("top", parts[0])
		r.SetPathValue("slug", parts[1])
		s.article(w, r)
	case len(parts) == 2:
		r.SetPathValue("top", parts[0])
		r.SetPathValue("slug", parts[1])
		s.sectionFileOrSlash(w, r)
	case len(parts) == 1 && parts[0] != "":
		s.addSlash(w, r, parts[0])
	default:
		s.notFound(w, r)
	}
}
