package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/feed"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/static"
	"github.com/herald-news/herald/internal/store"
)

// Options are what the public site is built from.
type Options struct {
	Store   *store.Store
	Logger  *slog.Logger
	BaseURL string // absolute, no trailing slash
	Now     func() time.Time
	// CacheBytes bounds the page cache; 0 means DefaultCacheBytes and a
	// negative value turns the cache off (every request renders).
	CacheBytes int64
	// PollInterval is how often changes made by other processes are looked
	// for; 0 means one second.
	PollInterval time.Duration
	// Purge, when its URL is set, posts the keys of every change the site
	// applies to a CDN's purge webhook (see purge.go).
	Purge PurgeOptions
	// Static renders pages for a static copy (herald export): no search box,
	// and comment threads shown closed, since a static file server can
	// answer neither a search nor a comment.
	Static bool
	// Proxies are the reverse proxies whose X-Forwarded-For names the
	// client a comment's limits count by.
	Proxies auth.Proxies
	// CardMemoBytes, when positive, keeps that much of rendered story cards
	// to write again wherever the same card appears (see render.MemoCards):
	// a static export draws each story's card on a dozen pages.
	CardMemoBytes int
}

// DefaultCacheBytes is the page cache's size unless told otherwise.
const DefaultCacheBytes = 128 << 20

// Server answers the public site's requests.
type Server struct {
	store   *store.Store
	log     *slog.Logger
	assets  *static.Assets
	current atomic.Pointer[siteView]
	now     func() time.Time
	baseURL string

	cache      *pageCache
	cacheOn    bool
	staticCopy bool
	proxies    auth.Proxies
	cardMemo   int
	watch      *watcher

	settingsHooksMu sync.Mutex
	settingsHooks   []func(context.Context)
	purge           *purger // nil without a purge webhook
}

// New builds the public site from the store's settings.
func New(ctx context.Context, o Options) (*Server, error) {
	assets, err := static.Load()
	if err != nil {
		return nil, fmt.Errorf("web: assets: %w", err)
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	size := o.CacheBytes
	if size == 0 {
		size = DefaultCacheBytes
	}
	s := &Server{
		store: o.Store, log: o.Logger, assets: assets, now: now,
		baseURL: strings.TrimSuffix(o.BaseURL, "/"),
		cache:   newPageCache(max(size, 0)), cacheOn: size > 0, staticCopy: o.Static, proxies: o.Proxies, cardMemo: o.CardMemoBytes,
	}
	s.watch = newWatcher(s, o.PollInterval)
	if o.Purge.URL != "" {
		s.purge = newPurger(o.Purge, o.Logger, now)
	}
	o.Store.OnChange(s.watch.local)
	if s.watch.last, err = o.Store.LastChangeID(ctx); err != nil {
		return nil, err
	}
	s.watch.floor = s.watch.last
	if err := s.reload(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// siteView is everything the site's settings decide: its name and language,
// the time zone dates are shown in, and the templates built for that zone.
// A change of settings builds a new view and swaps it in whole.
type siteView struct {
	site render.Site
	feed feed.Site
	loc  *time.Location
	tmpl *render.Engine
	// nav and footer are the sections and static pages every page links,
	// read again when they change (news.KeyNav) instead of on every page.
	nav    []news.Section
	footer []news.Page
}

// view is the current site view.
func (s *Server) view() *siteView { return s.current.Load() }

// reload reads the settings and swaps in a new view built from them.
func (s *Server) reload(ctx context.Context) error {
	settings, err := s.store.Settings(ctx)
	if err != nil {
		return err
	}
	if settings.Name == "" {
		settings.Name = "Herald"
	}
	if settings.Language == "" {
		settings.Language = "en"
	}
	loc := time.UTC
	if settings.TimeZone != "" {
		if loc, err = time.LoadLocation(settings.TimeZone); err != nil {
			return fmt.Errorf("web: site time zone %q: %w", settings.TimeZone, err)
		}
	}
	tmpl, err := render.New(s.assets, loc, nil)
	if err != nil {
		return err
	}
	tmpl.MemoCards(s.cardMemo)
	logo := s.baseURL + "/media/site/logo.png"
	desc := settings.Description
	if desc == "" {
		desc = settings.Tagline
	}
	v := &siteView{
		site: render.Site{Name: settings.Name, Tagline: settings.Tagline, BaseURL: s.baseURL, Language: settings.Language, LogoURL: logo, Static: s.staticCopy},
		feed: feed.Site{Name: settings.Name, Description: desc, BaseURL: s.baseURL, Language: settings.Language, LogoURL: logo, Location: loc, NoSearch: s.staticCopy},
		loc:  loc, tmpl: tmpl,
	}
	if err := s.readNav(ctx, v); err != nil {
		return err
	}
	s.current.Store(v)
	return nil
}

// reloadNav swaps in a view with the sections and pages read again.
func (s *Server) reloadNav(ctx context.Context) error {
	v := *s.view()
	if err := s.readNav(ctx, &v); err != nil {
		return err
	}
	s.current.Store(&v)
	return nil
}

// readNav reads the navigation's sections and the footer's pages into v.
func (s *Server) readNav(ctx context.Context, v *siteView) error {
	nav, err := s.store.Sections(ctx)
	if err != nil {
		return err
	}
	pages, err := s.store.Pages(ctx)
	if err != nil {
		return err
	}
	// The footer shows titles and links; the bodies stay in the database.
	for i := range pages {
		pages[i].BodyMarkdown, pages[i].BodyHTML = "", ""
	}
	v.nav, v.footer = nav, pages
	return nil
}

// abs makes a site path absolute; absolute URLs pass through.
func (s *Server) abs(path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") || path == "" {
		return path
	}
	return s.baseURL + path
}

// page builds the common part of a page.
func (s *Server) page(ctx context.Context, title, description, path string) (render.Page, error) {
	v := s.view()
	p := render.Page{
		Site: v.site, Title: title, Description: description, Nav: v.nav, FooterPages: v.footer,
		OGType: "website",
		Feeds: []render.FeedLink{
			{Title: s.view().site.Name + " (RSS)", Type: "application/rss+xml", URL: s.abs("/feed.xml")},
			{Title: s.view().site.Name + " (Atom)", Type: "application/atom+xml", URL: s.abs("/atom.xml")},
			{Title: s.view().site.Name + " (JSON Feed)", Type: "application/feed+json", URL: s.abs("/feed.json")},
		},
	}
	if path != "" {
		p.Canonical = s.abs(path)
	}
	return p, nil
}

// withFeeds adds the feeds of a section, author or tag page before the site's.
func (s *Server) withFeeds(p *render.Page, name, path string) {
	p.Feeds = append([]render.FeedLink{
		{Title: name + " (RSS)", Type: "application/rss+xml", URL: s.abs(path + "feed.xml")},
		{Title: name + " (Atom)", Type: "application/atom+xml", URL: s.abs(path + "atom.xml")},
		{Title: name + " (JSON Feed)", Type: "application/feed+json", URL: s.abs(path + "feed.json")},
	}, p.Feeds...)
}

// html renders a page template and answers with it.
func (s *Server) html(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	depend(w, news.KeyNav)
	body, err := s.view().tmpl.Bytes(name, data)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, status, "text/html; charset=utf-8", body)
}

// respond writes a whole response. A 200 is left for the page cache to
// store, compress and validate; anything else is marked no-store.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if status != http.StatusOK {
		h.Set("Cache-Control", "no-store")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// ErrorPage is the data of 4xx and 5xx pages.
type ErrorPage struct {
	render.Page
	Status  int
	Heading string
	Message string
	Note    string
}

// badRequest is an error whose message is fit for the reader.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// fail answers with the page that fits err. Only 500s are logged.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, heading, msg := http.StatusInternalServerError, "Something went wrong", "We could not show this page. The problem has been logged; please try again in a moment."
	var br badRequest
	switch {
	case errors.As(err, &br):
		status, heading, msg = http.StatusBadRequest, "That request did not make sense", br.msg
	case errors.Is(err, news.ErrNotFound):
		status, heading, msg = http.StatusNotFound, "Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."
	case errors.Is(err, news.ErrGone):
		status, heading, msg = http.StatusGone, "This story has been withdrawn", "The story that was here has been withdrawn by the newsroom."
	case errors.Is(err, news.ErrInvalid):
		status, heading, msg = http.StatusUnprocessableEntity, "That could not be saved", err.Error()
	case errors.Is(err, context.Canceled):
		return
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.errorPage(w, r, ErrorPage{Status: status, Heading: heading, Message: msg})
}

// errorPage renders an error page; if even that fails, it answers in plain text.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, p ErrorPage) {
	page, err := s.page(r.Context(), p.Heading, "", "")
	if err != nil {
		page = render.Page{Site: s.view().site}
	}
	page.NoIndex = true
	page.Feeds = nil
	p.Page = page
	body, err := s.view().tmpl.Bytes("error", p)
	if err != nil {
		s.log.Error("error page failed", "err", err)
		http.Error(w, p.Heading, p.Status)
		return
	}
	s.respond(w, r, p.Status, "text/html; charset=utf-8", body)
}

// articleDeps are the keys of what a list of stories shows of each: its own
// content and its authors' names.
// cardDeps are the keys of a list of story cards: articleDeps, and each
// story's comments, whose count a card shows. (A feed shows no count, so a
// comment does not touch the feeds.)
func cardDeps(as []news.Article) []string {
	keys := articleDeps(as)
	for _, a := range as {
		keys = append(keys, news.CommentsKey(a.ID))
	}
	return keys
}

func articleDeps(as []news.Article) []string {
	keys := make([]string, 0, len(as)*2)
	for _, a := range as {
		keys = append(keys, news.ArticleKey(a.ID), news.SectionKey(a.Section.ID))
		for _, au := range a.Authors {
			keys = append(keys, news.AuthorKey(au.ID))
		}
	}
	return keys
}

// jsonLD wraps a JSON-LD document that is already safe inside a script element.
func jsonLD(b []byte) template.JS { return template.JS(b) }

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Shared, canonical values assigned directly: every response
		// carries them, and Header.Set would canonicalise each name and
		// allocate each value again. net/http never writes into them.
		h := w.Header()
		h["Content-Security-Policy"] = hdrCSP
		h["X-Content-Type-Options"] = hdrNosniff
		h["Referrer-Policy"] = hdrReferrer
		h["X-Frame-Options"] = hdrDeny
		h["Permissions-Policy"] = hdrPermissions
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			h["Strict-Transport-Security"] = hdrHSTS
		}
		next.ServeHTTP(w, r)
	})
}

// The security headers' values; see securityHeaders.
var (
	hdrCSP         = []string{"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"}
	hdrNosniff     = []string{"nosniff"}
	hdrReferrer    = []string{"strict-origin-when-cross-origin"}
	hdrDeny        = []string{"DENY"}
	hdrPermissions = []string{"interest-cohort=(), browsing-topics=()"}
	hdrHSTS        = []string{"max-age=31536000"}
)

// statusWriter remembers the status a handler wrote, for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// logRequests logs each request once, at debug level, and turns a panic into a
// logged 500 instead of a dropped connection.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if sw.status == 0 {
					s.fail(sw, r, fmt.Errorf("panic: %v", v))
				}
			}
			if s.log.Enabled(r.Context(), slog.LevelDebug) {
				s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.bytes, "duration", time.Since(start))
			}
		}()
		next.ServeHTTP(sw, r)
	})
}

// debugLogging reports whether every request is logged.
func (s *Server) debugLogging() bool {
	return s.log.Enabled(context.Background(), slog.LevelDebug)
}
