package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/store"
)

// ListingPage is a paginated list of stories: a section front, a tag or a
// source.
type ListingPage struct {
	render.Page
	Heading  string
	Intro    string
	FeedURL  string
	Articles []news.Article
	Pager    Pager
}

// AuthorPage is an author's profile with their stories.
type AuthorPage struct {
	ListingPage
	Author *news.Author
}

// listing loads page n of the stories f selects into l, or redirects to the last
// page when n is past it. It reports whether the caller should render.
func (s *Server) listing(w http.ResponseWriter, r *http.Request, l *ListingPage, path string, f store.ArticleFilter) bool {
	n, err := pageNumber(r)
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	f.Limit, f.Offset = perPage, (n-1)*perPage
	list, total, err := s.store.Articles(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	pager, ok := newPager(path, n, total)
	if !ok {
		http.Redirect(w, r, pageURL(path, pager.Last), http.StatusFound)
		return false
	}
	l.Articles, l.Pager = list, pager
	depend(w, cardDeps(list)...)
	if n > 1 {
		l.Canonical = s.abs(pageURL(path, n))
		l.Title += " (page " + strconv.Itoa(n) + ")"
	}
	return true
}

// topLevel serves /{top}/: a section front or a static page.
func (s *Server) topLevel(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	slug := r.PathValue("top")
	sec, err := s.store.SectionBySlug(ctx, slug)
	if errors.Is(err, news.ErrNotFound) {
		s.staticPage(w, r, slug)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	path := "/" + sec.Slug + "/"
	p, err := s.page(ctx, sec.Name, sec.Description, path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Current = sec.Slug
	s.withFeeds(&p, s.view().site.Name+": "+sec.Name, path)
	l := ListingPage{Page: p, Heading: sec.Name, Intro: sec.Description, FeedURL: path + "feed.xml"}
	depend(w, news.SectionKey(sec.ID), news.SectionListKey(sec.ID))
	if s.listing(w, r, &l, path, store.ArticleFilter{SectionID: sec.ID}) {
		s.html(w, r, http.StatusOK, "section", l)
	}
}

// StaticPage is the data of an About, Contact or policy page.
type StaticPage struct {
	render.Page
	Doc  *news.Page
	Body any
}

func (s *Server) staticPage(w http.ResponseWriter, r *http.Request, slug string) {
	ctx := r.Context()
	doc, err := s.store.PageBySlug(ctx, slug)
	if errors.Is(err, news.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	desc := content.Excerpt(content.PlainText(doc.BodyHTML), 160)
	p, err := s.page(ctx, doc.Title, desc, doc.Path())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	depend(w, news.PageKey(doc.ID))
	s.html(w, r, http.StatusOK, "page", StaticPage{Page: p, Doc: doc, Body: trustedHTML(doc.BodyHTML)})
}

// author serves /authors/{slug}/.
func (s *Server) author(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.store.AuthorBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	path := "/authors/" + a.Slug + "/"
	desc := a.JobTitle
	if a.Bio != "" {
		desc = content.Excerpt(a.Bio, 160)
	}
	p, err := s.page(ctx, a.Name, desc, path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.OGType = "profile"
	if a.PhotoURL != "" {
		p.ImageURL = s.abs(a.PhotoURL)
	}
	s.withFeeds(&p, s.view().site.Name+": "+a.Name, path)
	data := AuthorPage{ListingPage: ListingPage{Page: p, Heading: a.Name}, Author: a}
	depend(w, news.AuthorKey(a.ID), news.AuthorListKey(a.ID))
	if s.listing(w, r, &data.ListingPage, path, store.ArticleFilter{AuthorID: a.ID}) {
		s.html(w, r, http.StatusOK, "author", data)
	}
}

// tag serves /tags/{slug}/.
func (s *Server) tag(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t, err := s.store.TagBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	path := "/tags/" + t.Slug + "/"
	p, err := s.page(ctx, t.Name, "Stories about "+t.Name+" from "+s.view().site.Name+".", path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.withFeeds(&p, s.view().site.Name+": "+t.Name, path)
	l := ListingPage{Page: p, Heading: t.Name, Intro: "Stories tagged " + t.Name + ".", FeedURL: path + "feed.xml"}
	depend(w, news.TagKey(t.ID), news.TagListKey(t.ID))
	if s.listing(w, r, &l, path, store.ArticleFilter{TagID: t.ID}) {
		s.html(w, r, http.StatusOK, "section", l)
	}
}

// source serves /sources/{slug}/: every story that credits a source.
func (s *Server) source(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	src, err := s.store.SourceBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	path := "/sources/" + src.Slug + "/"
	intro := "Every story of ours that credits " + src.Name + "."
	p, err := s.page(ctx, src.Name, intro, path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := ListingPage{Page: p, Heading: "Stories crediting " + src.Name, Intro: intro}
	depend(w, news.SourceKey(src.ID), news.SourceListKey(src.ID))
	if s.listing(w, r, &l, path, store.ArticleFilter{SourceID: src.ID}) {
		s.html(w, r, http.StatusOK, "section", l)
	}
}

// CorrectionsPage is the site-wide corrections log.
type CorrectionsPage struct {
	render.Page
	Entries []store.CorrectionEntry
	Pager   Pager
}

// corrections serves /corrections/.
func (s *Server) corrections(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	n, err := pageNumber(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	const path = "/corrections/"
	p, err := s.page(ctx, "Corrections and updates", "Every correction and update "+s.view().site.Name+" has made to a published story.", path)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	entries, total, err := s.store.Corrections(ctx, perPage, (n-1)*perPage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pager, ok := newPager(path, n, total)
	if !ok {
		http.Redirect(w, r, pageURL(path, pager.Last), http.StatusFound)
		return
	}
	depend(w, news.KeyCorrections)
	for _, e := range entries {
		depend(w, news.ArticleKey(e.ArticleID), news.SectionKey(e.Article.Section.ID))
	}
	s.html(w, r, http.StatusOK, "corrections", CorrectionsPage{Page: p, Entries: entries, Pager: pager})
}

// notFound answers an unknown path: a redirect when the path moved, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if to, err := s.store.RedirectFor(r.Context(), r.URL.Path); err == nil {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	s.fail(w, r, news.ErrNotFound)
}

// addSlash sends /{top} to /{top}/ when a section or page lives there.
func (s *Server) addSlash(w http.ResponseWriter, r *http.Request, top string) {
	ctx := r.Context()
	_, errSec := s.store.SectionBySlug(ctx, top)
	_, errPage := s.store.PageBySlug(ctx, top)
	if errSec == nil || errPage == nil {
		http.Redirect(w, r, "/"+top+"/", http.StatusMovedPermanently)
		return
	}
	s.notFound(w, r)
}

// static serves the embedded assets; an unknown one is the friendly 404.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.assets.ByURL(r.URL.Path); !ok {
		s.notFound(w, r)
		return
	}
	s.assets.ServeHTTP(w, r)
}

// healthz answers 200 while the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Ping(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// media serves an uploaded or generated file.
func (s *Server) media(w http.ResponseWriter, r *http.Request) {
	m, err := s.store.Media(r.Context(), r.PathValue("name"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	depend(w, news.MediaKey(m.Name))
	s.respond(w, r, http.StatusOK, m.ContentType, m.Data)
}
