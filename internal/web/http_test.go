package web_test

import (
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// checkErrorPage checks an answer is the friendly HTML error page: no stack
// trace, no Go error text, not indexed, not cached.
func checkErrorPage(t *testing.T, w *http.Response, b []byte, heading string) {
	t.Helper()
	if mt, _, _ := mime.ParseMediaType(w.Header.Get("Content-Type")); mt != "text/html" {
		t.Errorf("Content-Type %q, want text/html", w.Header.Get("Content-Type"))
	}
	if cc := w.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
	doc := parseHTML(t, b)
	if h := find(doc, tag(atom.H1)); h == nil || text(h) != heading {
		t.Errorf("error page heading missing, want %q:\n%s", heading, excerpt(b))
	}
	if find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && attr(n, "name") == "robots" && attr(n, "content") == "noindex"
	}) == nil {
		t.Error("error page is not marked noindex")
	}
	if find(doc, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == "/" }) == nil {
		t.Error("error page has no way back to the front page")
	}
	for _, leak := range []string{"goroutine ", ".go:", "store:", "sql:", "panic"} {
		if strings.Contains(string(b), leak) {
			t.Errorf("error page shows internals (%q)", leak)
		}
	}
}

func TestNotFound(t *testing.T) {
	s := sharedSite(t)
	for _, target := range []string{
		"/no-such-section/",
		"/no-such-page",
		"/usa-news/no-such-story/",
		"/usa-news/no-such-story",
		"/usa-news/house-passes-stopgap-funding-bill/extra/",
		"/world/house-passes-stopgap-funding-bill/", // right slug, wrong section
		"/authors/nobody/",
		"/authors/maya-okafor/nope.txt",
		"/tags/nothing/",
		"/tags/congress/nope.txt",
		"/sources/nobody/",
		"/usa-news/nope.txt",
		"/sitemaps/nope.xml",
		"/sitemaps/stories-0.xml",
		"/sitemaps/stories-2.xml",
		"/sitemaps/stories-x.xml",
		"/a/b/c/d",
		"/%00/",
		"/..%2f..%2fetc%2fpasswd",
	} {
		t.Run(target, func(t *testing.T) {
			w := request(s.h, http.MethodGet, target, nil)
			if w.Code != http.StatusNotFound {
				t.Fatalf("GET %s = %d, want 404\n%s", target, w.Code, excerpt(w.Body.Bytes()))
			}
			checkErrorPage(t, w.Result(), w.Body.Bytes(), "Page not found")
		})
	}
}

func TestAssetsAndMediaNotFound(t *testing.T) {
	s := sharedSite(t)
	for _, target := range []string{"/media/nope.png", "/media/", "/static/unknown", "/static/site.css", "/static/"} {
		if w := request(s.h, http.MethodGet, target, nil); w.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", target, w.Code)
		}
	}
	// Real ones answer, with the type of what they are.
	page := parseHTML(t, body(t, s.h, "/"))
	css := find(page, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "stylesheet" })
	if css == nil {
		t.Fatal("front page links no stylesheet")
	}
	if w := get(t, s.h, attr(css, "href"), http.StatusOK); !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Errorf("%s is %s", attr(css, "href"), w.Header().Get("Content-Type"))
	}
	if w := get(t, s.h, "/media/site/logo.png", http.StatusOK); w.Header().Get("Content-Type") != "image/png" {
		t.Errorf("logo is %s", w.Header().Get("Content-Type"))
	}
}

func TestBadPageNumber(t *testing.T) {
	s := sharedSite(t)
	for _, path := range []string{"/usa-news/", "/authors/maya-okafor/", "/tags/congress/", "/sources/capitol-dispatch/", "/corrections/"} {
		for _, n := range []string{"abc", "0", "-1", "99999999999", "1.5", "2abc", "%00", "1e3"} {
			target := path + "?page=" + n
			t.Run(target, func(t *testing.T) {
				w := request(s.h, http.MethodGet, target, nil)
				if w.Code != http.StatusBadRequest {
					t.Fatalf("GET %s = %d, want 400", target, w.Code)
				}
				checkErrorPage(t, w.Result(), w.Body.Bytes(), "That request did not make sense")
			})
		}
	}
}

func TestPagePastTheEnd(t *testing.T) {
	s := sharedSite(t)
	ctx := t.Context()
	sections, err := s.store.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range sections {
		path := "/" + sec.Slug + "/"
		t.Run(sec.Slug, func(t *testing.T) {
			_, total, err := s.store.Articles(ctx, store.ArticleFilter{SectionID: sec.ID, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			last := max(1, (total+19)/20)
			want := path
			if last > 1 {
				want = path + "?page=" + strconv.Itoa(last)
			}
			w := get(t, s.h, path+"?page=999", http.StatusFound)
			if loc := w.Header().Get("Location"); loc != want {
				t.Fatalf("?page=999 redirects to %q, want %q", loc, want)
			}
			get(t, s.h, want, http.StatusOK)
		})
	}
	w := get(t, s.h, "/corrections/?page=999", http.StatusFound)
	get(t, s.h, w.Header().Get("Location"), http.StatusOK)
}

func TestTrailingSlash(t *testing.T) {
	s := sharedSite(t)
	for from, to := range map[string]string{
		"/usa-news": "/usa-news/",
		"/about":    "/about/",
		"/usa-news/house-passes-stopgap-funding-bill": "/usa-news/house-passes-stopgap-funding-bill/",
	} {
		w := get(t, s.h, from, http.StatusMovedPermanently)
		if loc := w.Header().Get("Location"); loc != to {
			t.Errorf("GET %s redirects to %q, want %q", from, loc, to)
		}
		get(t, s.h, to, http.StatusOK)
	}
}

func TestConditionalGet(t *testing.T) {
	s := sharedSite(t)
	for _, target := range []string{"/", storyWithCreditsAndCorrections, "/usa-news/", "/feed.xml", "/feed.json", "/sitemap.xml", "/robots.txt", "/media/site/logo.png"} {
		t.Run(target, func(t *testing.T) {
			first := get(t, s.h, target, http.StatusOK)
			etag := first.Header().Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
				w := request(s.h, http.MethodGet, target, http.Header{"If-None-Match": {inm}})
				if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
					t.Errorf("If-None-Match %s: %d with %d bytes, want 304 and no body", inm, w.Code, w.Body.Len())
				}
				if w.Header().Get("ETag") != etag {
					t.Errorf("304 carries ETag %q, want %q", w.Header().Get("ETag"), etag)
				}
			}
			// A stale tag, garbage, or a huge header: a normal answer.
			huge := strings.Repeat(`"0123456789abcdef01234567", `, 2000) + etag
			for _, inm := range []string{`"stale"`, "garbage", huge} {
				w := request(s.h, http.MethodGet, target, http.Header{"If-None-Match": {inm}})
				if w.Code != http.StatusOK || w.Body.String() != first.Body.String() {
					t.Errorf("If-None-Match of %d bytes: %d, want 200 with the page", len(inm), w.Code)
				}
			}
		})
	}
}

func TestHead(t *testing.T) {
	s := sharedSite(t)
	page := parseHTML(t, body(t, s.h, "/"))
	css := find(page, func(n *html.Node) bool { return n.DataAtom == atom.Link && attr(n, "rel") == "stylesheet" })
	if css == nil {
		t.Fatal("front page links no stylesheet")
	}
	for _, target := range []string{"/", storyWithCreditsAndCorrections, "/usa-news/", "/about/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/media/site/logo.png", attr(css, "href")} {
		g := get(t, s.h, target, http.StatusOK)
		h := request(s.h, http.MethodHead, target, nil)
		if h.Code != http.StatusOK || h.Body.Len() != 0 {
			t.Errorf("HEAD %s = %d with %d bytes, want 200 and no body", target, h.Code, h.Body.Len())
		}
		if h.Header().Get("Content-Type") != g.Header().Get("Content-Type") {
			t.Errorf("HEAD %s Content-Type %q, GET says %q", target, h.Header().Get("Content-Type"), g.Header().Get("Content-Type"))
		}
		if cl := h.Header().Get("Content-Length"); cl != "" && cl != strconv.Itoa(g.Body.Len()) {
			t.Errorf("HEAD %s Content-Length %s, GET sends %d bytes", target, cl, g.Body.Len())
		}
	}
	// A HEAD on a page not yet cached fills the cache with the whole page:
	// the GET that follows gets it, not a HEAD's empty body.
	cold := newDemoSite(t)
	for _, target := range []string{"/usa-news/", storyWithCreditsAndCorrections, "/feed.xml"} {
		want := get(t, s.h, target, http.StatusOK).Body.String()
		if h := request(cold.h, http.MethodHead, target, nil); h.Code != http.StatusOK || h.Body.Len() != 0 {
			t.Errorf("cold HEAD %s = %d with %d bytes", target, h.Code, h.Body.Len())
		}
		g := get(t, cold.h, target, http.StatusOK)
		if g.Header().Get("X-Cache") != "hit" || g.Body.String() != want {
			t.Errorf("GET %s after a cold HEAD: X-Cache %q, %d bytes, want a hit with the %d-byte page",
				target, g.Header().Get("X-Cache"), g.Body.Len(), len(want))
		}
	}
	if h := request(s.h, http.MethodHead, "/no-such-page/", nil); h.Code != http.StatusNotFound || h.Body.Len() != 0 {
		t.Errorf("HEAD of a missing page = %d with %d bytes, want 404 and no body", h.Code, h.Body.Len())
	}
	if w := request(s.h, http.MethodPost, "/", nil); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", w.Code)
	}
}

func TestRedirects(t *testing.T) {
	s := newDemoSite(t)
	ctx := t.Context()
	for from, to := range map[string]string{
		"/2019/05/old-wordpress-permalink/": storyWithCreditsAndCorrections,
		"/usa-news/old-stopgap-slug/":       storyWithCreditsAndCorrections,
		"/old-section/":                     "/usa-news/",
		"/authors/maya-okafor-old/":         "/authors/maya-okafor/",
		"/tags/old-congress/":               "/tags/congress/",
		"/sources/capitol-dispatch-old/":    "/sources/capitol-dispatch/",
		"/usa-news/old-stopgap-slug":        storyWithCreditsAndCorrections,
		"/old-page":                         "/about/",
		"/feeds/old.rss":                    "/feed.xml",
	} {
		if err := s.store.AddRedirect(ctx, news.Redirect{From: from, To: to}); err != nil {
			t.Fatal(err)
		}
		t.Run(from, func(t *testing.T) {
			w := request(s.h, http.MethodGet, from, nil)
			if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != to {
				t.Fatalf("GET %s = %d to %q, want 301 to %q", from, w.Code, w.Header().Get("Location"), to)
			}
			get(t, s.h, to, http.StatusOK)
		})
	}
}

func TestWithdrawn(t *testing.T) {
	s := newDemoSite(t)
	ctx := t.Context()

	// Take down a recent story that another story lists as related, so that
	// every list it was on can be checked.
	stories := loadStories(t, s)
	var victim *news.Article
	var relatedFrom string
	for _, a := range stories {
		if now.Sub(a.PublishedAt) > 40*time.Hour || len(a.Tags) == 0 {
			continue
		}
		for _, b := range stories {
			if b == a {
				continue
			}
			rel := find(parseHTML(t, body(t, s.h, b.Path())), class("related"))
			if rel != nil && strings.Contains(strings.Join(links(rel), " "), a.Path()) {
				victim, relatedFrom = a, b.Path()
				break
			}
		}
		if victim != nil {
			break
		}
	}
	if victim == nil {
		t.Fatal("no recent demo story is anyone's related story")
	}
	path := victim.Path()
	lists := []string{"/", "/feed.xml", "/atom.xml", "/feed.json", "/sitemaps/stories-1.xml", "/news-sitemap.xml",
		"/" + victim.Section.Slug + "/", "/" + victim.Section.Slug + "/feed.xml", relatedFrom}
	for _, au := range victim.Authors {
		lists = append(lists, "/authors/"+au.Slug+"/", "/authors/"+au.Slug+"/feed.json")
	}
	for _, tg := range victim.Tags {
		lists = append(lists, "/tags/"+tg.Slug+"/", "/tags/"+tg.Slug+"/atom.xml")
	}
	for _, c := range victim.Credits {
		lists = append(lists, "/sources/"+c.Source.Slug+"/")
	}
	for _, l := range lists {
		if !strings.Contains(string(body(t, s.h, l)), path) {
			t.Fatalf("before withdrawal %s does not list %s; the test proves nothing", l, path)
		}
	}

	const note = "This story relied on a document that we could not verify."
	if err := s.store.WithdrawArticle(ctx, victim.ID, note); err != nil {
		t.Fatal(err)
	}

	w := get(t, s.h, path, http.StatusGone)
	checkErrorPage(t, w.Result(), w.Body.Bytes(), "This story has been withdrawn")
	doc := parseHTML(t, w.Body.Bytes())
	if n := find(doc, class("withdrawn-note")); n == nil || text(n) != note {
		t.Errorf("410 page does not show the note %q", note)
	}
	if !strings.Contains(text(doc), victim.Headline) {
		t.Errorf("410 page does not name the story")
	}
	if w := get(t, s.h, strings.TrimSuffix(path, "/"), http.StatusMovedPermanently); w.Header().Get("Location") != path {
		t.Errorf("without its slash the withdrawn story redirects to %q", w.Header().Get("Location"))
	}

	for _, l := range lists {
		if strings.Contains(string(body(t, s.h, l)), path) {
			t.Errorf("%s still lists the withdrawn story", l)
		}
	}
	for _, a := range stories {
		if a.ID == victim.ID {
			continue
		}
		if rel := find(parseHTML(t, body(t, s.h, a.Path())), class("related")); rel != nil && strings.Contains(strings.Join(links(rel), " "), path) {
			t.Errorf("%s still lists the withdrawn story as related", a.Path())
		}
	}
	if strings.Contains(string(body(t, s.h, "/sitemaps/pages.xml")), path) {
		t.Error("the pages sitemap lists the withdrawn story")
	}
}

// cspDirectives splits a Content-Security-Policy into its directives.
func cspDirectives(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = f[1:]
		}
	}
	return out
}

// checkSecurityHeaders checks the headers every answer must carry.
func checkSecurityHeaders(t *testing.T, target string, h http.Header) {
	t.Helper()
	csp := cspDirectives(h.Get("Content-Security-Policy"))
	scripts, ok := csp["script-src"]
	if !ok {
		scripts, ok = csp["default-src"]
	}
	if !ok {
		t.Errorf("%s: Content-Security-Policy %q restricts no scripts", target, h.Get("Content-Security-Policy"))
	}
	for _, v := range scripts {
		if v == "'unsafe-inline'" || v == "'unsafe-eval'" || v == "*" || v == "data:" {
			t.Errorf("%s: script-src allows %s", target, v)
		}
	}
	if fa := csp["frame-ancestors"]; len(fa) == 0 {
		t.Errorf("%s: no frame-ancestors", target)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", target, h.Get("X-Content-Type-Options"))
	}
	if rp := h.Get("Referrer-Policy"); rp == "" || rp == "unsafe-url" {
		t.Errorf("%s: Referrer-Policy %q", target, rp)
	}
}

// everyPage lists the pages the sitemaps name and some that they do not.
func everyPage(t *testing.T, s *site) []string {
	_, pages := sitemapURLs(t, s)
	return append(pages, "/no-such-page/", "/usa-news/?page=abc", "/usa-news/?page=2")
}

func TestSecurityHeaders(t *testing.T) {
	s := sharedSite(t)
	targets := append(everyPage(t, s), "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml",
		"/robots.txt", "/media/site/logo.png", "/media/nope.png", "/static/unknown", "/usa-news")
	for _, target := range targets {
		w := request(s.h, http.MethodGet, target, nil)
		checkSecurityHeaders(t, target, w.Header())
	}
}

// requestAttrs are the attributes through which a page makes the browser
// fetch something by itself, by element.
var requestAttrs = map[atom.Atom][]string{
	atom.Link:   {"href"},
	atom.Script: {"src"},
	atom.Img:    {"src", "srcset"},
	atom.Source: {"src", "srcset"},
	atom.Iframe: {"src"},
	atom.Video:  {"src", "poster"},
	atom.Audio:  {"src"},
	atom.Embed:  {"src"},
	atom.Object: {"data"},
	atom.Input:  {"src"},
	atom.Track:  {"src"},
}

// offSite reports whether a URL reference points at a host other than the
// site's.
func offSite(ref string) bool {
	ref = strings.TrimSpace(ref)
	if !strings.HasPrefix(ref, "//") && !strings.Contains(ref, ":") {
		return false // relative
	}
	u, err := url.Parse(ref)
	if err != nil {
		return true
	}
	base, _ := url.Parse(baseURL)
	return u.Scheme != "data" && u.Host != base.Host
}

func TestNoThirdPartyRequests(t *testing.T) {
	s := sharedSite(t)
	for _, target := range everyPage(t, s) {
		w := request(s.h, http.MethodGet, target, nil)
		doc := parseHTML(t, w.Body.Bytes())
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, key := range requestAttrs[n.DataAtom] {
				v := attr(n, key)
				refs := []string{v}
				if key == "srcset" {
					refs = nil
					for _, c := range strings.Split(v, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							refs = append(refs, f[0])
						}
					}
				}
				for _, ref := range refs {
					if offSite(ref) {
						t.Errorf("%s: <%s %s=%q> makes a third-party request", target, n.Data, key, ref)
					}
				}
			}
			// CSP blocks inline script and style, so the page must not rely on them.
			if n.DataAtom == atom.Script && !hasAttr(n, "src") && attr(n, "type") != "application/ld+json" {
				t.Errorf("%s: inline <script> that the CSP blocks", target)
			}
			if n.DataAtom == atom.Style || hasAttr(n, "style") {
				t.Errorf("%s: inline style on <%s> that the CSP blocks", target, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: inline event handler %s on <%s>", target, a.Key, n.Data)
				}
			}
		}
	}
}
