package web

import (
	"net/http"
	"strings"
)

// Handler returns the public site with every route.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/{file...}", s.assets)
	mux.HandleFunc("GET /media/{name...}", s.media)

	mux.HandleFunc("GET /{$}", s.front)
	mux.HandleFunc("GET /feed.xml", s.siteFeed)
	mux.HandleFunc("GET /atom.xml", s.siteFeed)
	mux.HandleFunc("GET /feed.json", s.siteFeed)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.HandleFunc("GET /sitemap.xml", s.sitemapIndex)
	mux.HandleFunc("GET /sitemaps/{name}", s.sitemap)
	mux.HandleFunc("GET /news-sitemap.xml", s.newsSitemap)

	mux.HandleFunc("GET /authors/{slug}/{$}", s.author)
	mux.HandleFunc("GET /authors/{slug}/{file}", s.authorFeed)
	mux.HandleFunc("GET /tags/{slug}/{$}", s.tag)
	mux.HandleFunc("GET /tags/{slug}/{file}", s.tagFeed)
	mux.HandleFunc("GET /sources/{slug}/{$}", s.source)
	mux.HandleFunc("GET /corrections/{$}", s.corrections)

	// Sections and static pages own the first path segment, so their routes
	// cannot be ServeMux patterns beside /static/ and the rest: the
	// catch-all dispatches them by shape.
	mux.HandleFunc("GET /", s.content)
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
