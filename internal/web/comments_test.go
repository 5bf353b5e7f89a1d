package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/spam"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

// commentStory is the demo story the comment tests post on.
const commentStory = storyWithCreditsAndCorrections

// clock is a test clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// commentSite is a demo site of the test's own with a clock it moves, and
// comment rules relaxed so that tests can post in quick succession unless
// they say otherwise.
type commentSite struct {
	*site
	clock *clock
	// client is the address every post comes from; empty, each post
	// comes from an address of its own.
	client string
	posts  int
}

func newCommentSite(tb testing.TB, edit ...func(*news.CommentSettings)) *commentSite {
	tb.Helper()
	c := &clock{t: now}
	s := newDemoSite(tb, func(o *web.Options) { o.Now = c.Now })
	cs := news.DefaultCommentSettings()
	cs.MinFillSeconds, cs.FloodSeconds, cs.RatePerHour = 0, 0, 0
	for _, e := range edit {
		e(&cs)
	}
	if err := s.store.SaveCommentSettings(context.Background(), cs); err != nil {
		tb.Fatal(err)
	}
	return &commentSite{site: s, clock: c}
}

// token fetches a form token as comments.js does.
func (s *commentSite) token(tb testing.TB) string {
	tb.Helper()
	w := get(tb, s.h, "/comments/form", http.StatusOK)
	var st struct{ Token string }
	if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil || st.Token == "" {
		tb.Fatalf("/comments/form = %q, %v", w.Body.String(), err)
	}
	return st.Token
}

// form is a valid comment with a fresh token; edit changes it.
func (s *commentSite) form(tb testing.TB, email, comment string) url.Values {
	tb.Helper()
	return url.Values{"name": {"Ada Reader"}, "email": {email}, "website": {""}, "comment": {comment}, "ts": {s.token(tb)}}
}

// post sends a comment form to story path as a browser on the site would.
func (s *commentSite) post(path string, form url.Values, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, path+"comments", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	s.posts++
	r.RemoteAddr = s.client
	if r.RemoteAddr == "" {
		r.RemoteAddr = fmt.Sprintf("10.0.%d.%d:4321", s.posts/250, s.posts%250+1)
	}
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, r)
	return w
}

// mustPost posts and fails unless the answer is a 303; it returns where to.
func (s *commentSite) mustPost(tb testing.TB, path string, form url.Values) string {
	tb.Helper()
	w := s.post(path, form, nil)
	if w.Code != http.StatusSeeOther {
		tb.Fatalf("POST %scomments = %d, want 303\n%s", path, w.Code, excerpt(w.Body.Bytes()))
	}
	return w.Header().Get("Location")
}

// comments lists every stored comment, newest first.
func (s *commentSite) comments(tb testing.TB) []store.CommentEntry {
	tb.Helper()
	list, _, err := s.store.Comments(context.Background(), store.CommentFilter{Limit: 10_000})
	if err != nil {
		tb.Fatal(err)
	}
	return list
}

func (s *commentSite) approveAll(tb testing.TB) {
	tb.Helper()
	for _, c := range s.comments(tb) {
		if c.Status != news.CommentApproved {
			if err := s.store.ModerateComment(context.Background(), c.ID, news.CommentApproved); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

func TestCommentFormMarkup(t *testing.T) {
	s := newCommentSite(t)
	page := body(t, s.h, commentStory)
	doc := parseHTML(t, page)
	respond := find(doc, id("respond"))
	if respond == nil {
		t.Fatalf("no #respond section on %s", commentStory)
	}
	if h := find(respond, tag(atom.H2)); h == nil || !strings.HasPrefix(text(h), "Leave a Reply") {
		t.Errorf("form heading = %q, want Leave a Reply", text(h))
	}
	notes := text(find(respond, class("comment-notes")))
	if !strings.Contains(notes, "Your email address will not be published.") || !strings.Contains(notes, "Required fields are marked *") {
		t.Errorf("form notes = %q", notes)
	}
	form := find(respond, tag(atom.Form))
	if attr(form, "method") != "post" || attr(form, "action") != commentStory+"comments" {
		t.Errorf("form posts %s to %s", attr(form, "method"), attr(form, "action"))
	}
	for _, f := range []struct {
		name, typ, autocomplete, label string
		required                       bool
	}{
		{"name", "text", "name", "Name *", true},
		{"email", "email", "email", "Email *", true},
		{"website", "url", "url", "Website", false},
		{"comment", "", "", "Comment *", true},
	} {
		el := find(form, func(n *html.Node) bool {
			return (n.DataAtom == atom.Input || n.DataAtom == atom.Textarea) && attr(n, "name") == f.name
		})
		if el == nil {
			t.Errorf("no %s field", f.name)
			continue
		}
		if f.typ != "" && attr(el, "type") != f.typ {
			t.Errorf("%s: type %q, want %q", f.name, attr(el, "type"), f.typ)
		}
		if f.autocomplete != "" && attr(el, "autocomplete") != f.autocomplete {
			t.Errorf("%s: autocomplete %q, want %q", f.name, attr(el, "autocomplete"), f.autocomplete)
		}
		if hasAttr(el, "required") != f.required {
			t.Errorf("%s: required = %v, want %v", f.name, hasAttr(el, "required"), f.required)
		}
		label := find(form, func(n *html.Node) bool { return n.DataAtom == atom.Label && attr(n, "for") == attr(el, "id") })
		if label == nil || text(label) != f.label {
			t.Errorf("%s: label %q, want %q", f.name, text(label), f.label)
		}
	}
	remember := find(form, func(n *html.Node) bool { return attr(n, "name") == "remember" })
	if remember == nil || attr(remember, "type") != "checkbox" || hasAttr(remember, "checked") {
		t.Error("no unchecked remember-me box")
	}
	hp := find(form, func(n *html.Node) bool { return attr(n, "name") == "subject" })
	if hp == nil || attr(hp, "tabindex") != "-1" || attr(hp.Parent, "aria-hidden") != "true" {
		t.Error("the honeypot field is missing or reachable")
	}
	// Nothing personal in the shared page: the token is empty.
	ts := find(form, func(n *html.Node) bool { return attr(n, "name") == "ts" })
	if ts == nil || attr(ts, "value") != "" {
		t.Errorf("the shared page carries a form token %q", attr(ts, "value"))
	}
	// The same bytes for a reader with a remembered name.
	s.mustPost(t, commentStory, withField(s.form(t, "rem@example.com", "Remember me."), "remember", "1"))
	hdr := http.Header{"Cookie": {"herald_commenter=eyJuIjoiQWRhIiwiZSI6ImFkYUBleGFtcGxlLmNvbSJ9; herald_remember=1"}}
	again := request(s.h, http.MethodGet, commentStory, hdr)
	other := request(s.h, http.MethodGet, commentStory, nil)
	if !bytes.Equal(again.Body.Bytes(), other.Body.Bytes()) {
		t.Error("the story page differs between a reader with cookies and one without")
	}
	if !strings.Contains(other.Header().Get("Surrogate-Key"), "c:") {
		t.Errorf("the story page does not depend on its comment thread: Surrogate-Key %q", other.Header().Get("Surrogate-Key"))
	}
}

// openStories lists the published stories that take comments.
func openStories(tb testing.TB, s *site) []*news.Article {
	tb.Helper()
	var out []*news.Article
	for _, a := range loadStories(tb, s) {
		if a.CommentsOpen {
			out = append(out, a)
		}
	}
	return out
}

// noFragment drops the fragment of a link: browsers never send it.
func noFragment(ref string) string {
	ref, _, _ = strings.Cut(ref, "#")
	return ref
}

func withField(f url.Values, k, v string) url.Values {
	f.Set(k, v)
	return f
}

func TestPostCommentFlow(t *testing.T) {
	s := newCommentSite(t)
	ctx := context.Background()
	loc := s.mustPost(t, commentStory, s.form(t, "first@example.com", "Thank you for this report.\n\nA second paragraph with https://example.org/a link."))
	if loc != commentStory+"?comment=pending#comment-status" {
		t.Fatalf("a first comment redirects to %q, want the pending notice", loc)
	}
	list := s.comments(t)
	if len(list) != 1 || list[0].Status != news.CommentPending || list[0].Email != "first@example.com" {
		t.Fatalf("stored %+v", list)
	}
	first := list[0]
	notice := parseHTML(t, body(t, s.h, noFragment(loc)))
	if n := find(notice, id("comment-status")); n == nil || !strings.Contains(text(n), "awaiting moderation") {
		t.Error("the redirect target shows no awaiting-moderation notice")
	}
	if bytes.Contains(body(t, s.h, commentStory), []byte("Thank you for this report")) {
		t.Fatal("a pending comment is on the page")
	}

	if err := s.store.ModerateComment(ctx, first.ID, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, body(t, s.h, commentStory))
	li := find(doc, id(fmt.Sprintf("comment-%d", first.ID)))
	if li == nil {
		t.Fatal("the approved comment is not on the page")
	}
	content := find(li, class("comment-content"))
	if ps := findAll(content, tag(atom.P)); len(ps) != 2 {
		t.Errorf("comment paragraphs = %d, want 2", len(ps))
	}
	link := find(content, tag(atom.A))
	if link == nil || attr(link, "href") != "https://example.org/a" || attr(link, "rel") != "nofollow ugc noopener" {
		t.Errorf("comment link = %v", link)
	}
	if h := text(find(doc, id("comments-h"))); h != "1 Comment" {
		t.Errorf("comments heading %q, want 1 Comment", h)
	}

	// A known commenter is published at once, and lands on their comment.
	reply := s.form(t, "first@example.com", "Replying to myself, with my site.")
	reply.Set("parent", fmt.Sprint(first.ID))
	reply.Set("website", "https://ada.example/")
	loc = s.mustPost(t, commentStory, reply)
	var replyID int64
	if _, err := fmt.Sscanf(loc, commentStory+"?comment=%d#comment-", &replyID); err != nil || !strings.HasSuffix(loc, fmt.Sprintf("#comment-%d", replyID)) {
		t.Fatalf("a known commenter's reply redirects to %q, want #comment-ID", loc)
	}
	doc = parseHTML(t, body(t, s.h, commentStory))
	parentLi := find(doc, id(fmt.Sprintf("comment-%d", first.ID)))
	nested := find(parentLi, func(n *html.Node) bool { return n.DataAtom == atom.Ol && hasClass(n, "children") })
	if nested == nil || find(nested, id(fmt.Sprintf("comment-%d", replyID))) == nil {
		t.Fatal("the reply is not threaded under its parent")
	}
	author := find(find(doc, id(fmt.Sprintf("comment-%d", replyID))), class("comment-author"))
	if a := find(author, tag(atom.A)); a == nil || attr(a, "href") != "https://ada.example/" || !strings.Contains(attr(a, "rel"), "nofollow") {
		t.Error("the commenter's website does not link their name")
	}
	if h := text(find(doc, id("comments-h"))); h != "2 Comments" {
		t.Errorf("comments heading %q, want 2 Comments", h)
	}
	// The reply link works without JavaScript: an uncached page with the
	// form set to reply.
	rl := find(parentLi, class("comment-reply-link"))
	if rl == nil {
		t.Fatal("no Reply link")
	}
	w := get(t, s.h, noFragment(attr(rl, "href")), http.StatusOK)
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("the reply page is cacheable: %q", cc)
	}
	rdoc := parseHTML(t, w.Body.Bytes())
	if p := find(rdoc, func(n *html.Node) bool { return attr(n, "name") == "parent" }); attr(p, "value") != fmt.Sprint(first.ID) {
		t.Errorf("reply page parent = %q", attr(p, "value"))
	}
	if h := text(find(rdoc, id("reply-title"))); !strings.HasPrefix(h, "Leave a Reply to Ada Reader") {
		t.Errorf("reply page heading %q", h)
	}

	// Feeds carry approved comments and no email.
	for _, feed := range []string{"/comments/feed.xml", "/comments" + commentStory + "feed.xml"} {
		b := body(t, s.h, feed)
		var doc struct {
			Items []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				Description string `xml:"description"`
				Creator     string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			} `xml:"channel>item"`
		}
		parseXML(t, feed, b, &doc)
		if len(doc.Items) != 2 || doc.Items[0].Creator != "Ada Reader" || !strings.Contains(doc.Items[1].Description, "Thank you for this report") {
			t.Errorf("%s items = %+v", feed, doc.Items)
		}
		if bytes.Contains(b, []byte("first@example.com")) {
			t.Errorf("%s shows an email", feed)
		}
	}
	if b := body(t, s.h, commentStory); !bytes.Contains(b, []byte("/comments"+commentStory+"feed.xml")) {
		t.Error("the story page does not advertise its comments feed")
	}
}

func TestCommentValidation(t *testing.T) {
	s := newCommentSite(t)
	long := func(r string, n int) string { return strings.Repeat(r, n) }
	for _, tc := range []struct {
		name   string
		edit   func(url.Values)
		fields []string
	}{
		{"no name", func(f url.Values) { f.Set("name", "  ") }, []string{"name"}},
		{"no email", func(f url.Values) { f.Del("email") }, []string{"email"}},
		{"bad email", func(f url.Values) { f.Set("email", "ada@@example") }, []string{"email"}},
		{"email with a name", func(f url.Values) { f.Set("email", "Ada <ada@example.com>") }, []string{"email"}},
		{"long email", func(f url.Values) { f.Set("email", long("a", 250)+"@example.com") }, []string{"email"}},
		{"no comment", func(f url.Values) { f.Set("comment", "") }, []string{"comment"}},
		{"short comment", func(f url.Values) { f.Set("comment", "é") }, []string{"comment"}},
		{"long comment", func(f url.Values) { f.Set("comment", long("é", 5001)) }, []string{"comment"}},
		{"long name", func(f url.Values) { f.Set("name", long("😀", 101)) }, []string{"name"}},
		{"javascript website", func(f url.Values) { f.Set("website", "javascript:alert(1)") }, []string{"website"}},
		{"relative website", func(f url.Values) { f.Set("website", "/admin/") }, []string{"website"}},
		{"long website", func(f url.Values) { f.Set("website", "https://example.com/"+long("x", 190)) }, []string{"website"}},
		{"invalid UTF-8", func(f url.Values) { f.Set("comment", "bad \xff\xfe bytes"); f.Set("name", "\xc3") }, []string{"comment", "name"}},
		{"control characters", func(f url.Values) { f.Set("name", "Ada\x00") }, []string{"name"}},
		{"everything wrong", func(f url.Values) { f.Set("name", ""); f.Set("email", "x"); f.Set("comment", "") }, []string{"name", "email", "comment"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := s.form(t, "valid@example.com", "A comment that keeps its text.")
			tc.edit(f)
			w := s.post(commentStory, f, nil)
			if w.Code != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422\n%s", w.Code, excerpt(w.Body.Bytes()))
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
			doc := parseHTML(t, w.Body.Bytes())
			for _, field := range tc.fields {
				el := find(doc, id("comment-field-"+field))
				msg := find(doc, id("comment-error-"+field))
				if el == nil || attr(el, "aria-invalid") != "true" || msg == nil || !strings.Contains(attr(el, "aria-describedby"), "comment-error-"+field) {
					t.Errorf("%s: the problem is not named beside the field", field)
				}
			}
			// The reader's words are kept (as valid UTF-8).
			ta := find(doc, id("comment-field-comment"))
			if want := strings.ToValidUTF8(f.Get("comment"), "\uFFFD"); text(ta) != want && !slices.Contains(tc.fields, "comment") {
				t.Errorf("comment kept as %q, want %q", text(ta), want)
			}
			if got := attr(find(doc, id("comment-field-email")), "value"); got != strings.ToValidUTF8(f.Get("email"), "\uFFFD") {
				t.Errorf("email kept as %q", got)
			}
			if len(s.comments(t)) != 0 {
				t.Fatal("an invalid comment was stored")
			}
		})
	}
	// The limits count characters, not bytes.
	f := s.form(t, "unicode@example.com", long("é", 5000))
	f.Set("name", long("😀", 100))
	s.mustPost(t, commentStory, f)
}

func TestCommentBadInput(t *testing.T) {
	s := newCommentSite(t)
	ctx := context.Background()
	// A pending comment, an approved one on another story, a closed and a
	// withdrawn story to aim at.
	s.mustPost(t, commentStory, s.form(t, "pending@example.com", "Still pending."))
	pending := s.comments(t)[0]
	stories := openStories(t, s.site)
	var other, closed, withdrawn *news.Article
	for _, a := range stories {
		switch {
		case a.Path() == commentStory:
		case other == nil:
			other = a
		case closed == nil && a.PublishedAt.Before(now.Add(-48*time.Hour)):
			closed = a
		case withdrawn == nil:
			withdrawn = a
		}
	}
	s.mustPost(t, other.Path(), s.form(t, "elsewhere@example.com", "On another story."))
	elsewhere := s.comments(t)[0]
	if err := s.store.ModerateComment(ctx, elsewhere.ID, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetCommentClosing(ctx, closed.ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.store.WithdrawArticle(ctx, withdrawn.ID, "Withdrawn for the test."); err != nil {
		t.Fatal(err)
	}
	before := len(s.comments(t))

	type req struct {
		name        string
		path        string
		body        string
		contentType string
		header      http.Header
		want        int
	}
	valid := s.form(t, "raw@example.com", "A raw client's comment.")
	enc := func(edit func(url.Values)) string {
		f := url.Values{}
		for k, v := range valid {
			f[k] = slices.Clone(v)
		}
		edit(f)
		return f.Encode()
	}
	form := "application/x-www-form-urlencoded"
	cases := []req{
		{"missing name", commentStory, enc(func(f url.Values) { f.Del("name") }), form, nil, 422},
		{"missing everything", commentStory, "", form, nil, 422},
		{"oversized comment", commentStory, enc(func(f url.Values) { f.Set("comment", strings.Repeat("x", 6000)) }), form, nil, 422},
		{"body over 64 KiB", commentStory, enc(func(f url.Values) { f.Set("comment", strings.Repeat("x", 70_000)) }), form, nil, 413},
		{"invalid UTF-8", commentStory, enc(func(f url.Values) { f.Set("comment", "\xff\xfe\xfd") }), form, nil, 422},
		{"JSON", commentStory, `{"name":"Ada","email":"a@example.com","comment":"Hi there"}`, "application/json", nil, 415},
		{"multipart", commentStory, "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAda\r\n--x--\r\n", "multipart/form-data; boundary=x", nil, 415},
		{"no content type", commentStory, enc(func(url.Values) {}), "", nil, 415},
		{"reply to a pending comment", commentStory, enc(func(f url.Values) { f.Set("parent", fmt.Sprint(pending.ID)) }), form, nil, 422},
		{"reply to another story's comment", commentStory, enc(func(f url.Values) { f.Set("parent", fmt.Sprint(elsewhere.ID)) }), form, nil, 422},
		{"reply to no comment", commentStory, enc(func(f url.Values) { f.Set("parent", "987654321") }), form, nil, 422},
		{"parent not a number", commentStory, enc(func(f url.Values) { f.Set("parent", "1 OR 1=1") }), form, nil, 400},
		{"closed story", closed.Path(), enc(func(url.Values) {}), form, nil, 403},
		{"withdrawn story", withdrawn.Path(), enc(func(url.Values) {}), form, nil, 410},
		{"unknown story", "/usa-news/no-such-story/", enc(func(url.Values) {}), form, nil, 404},
		{"unknown section", "/nowhere/no-such-story/", enc(func(url.Values) {}), form, nil, 404},
		{"missing timestamp", commentStory, enc(func(f url.Values) { f.Del("ts") }), form, nil, 422},
		{"forged timestamp", commentStory, enc(func(f url.Values) { f.Set("ts", "AAAAAGkfAAA.forgedforgedforgedforged") }), form, nil, 422},
		{"garbage timestamp", commentStory, enc(func(f url.Values) { f.Set("ts", "%%%") }), form, nil, 422},
		{"timestamp from another secret", commentStory, enc(func(f url.Values) {
			tok := f.Get("ts")
			f.Set("ts", tok[:len(tok)-2]+"AA")
		}), form, nil, 422},
		{"honeypot filled", commentStory, enc(func(f url.Values) { f.Set("subject", "Buy now") }), form, nil, 422},
		{"cross-site browser", commentStory, enc(func(url.Values) {}), form, http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}}, 403},
		{"foreign origin", commentStory, enc(func(url.Values) {}), form, http.Header{"Origin": {"https://evil.example"}}, 403},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, tc.path+"comments", strings.NewReader(tc.body))
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			for k, v := range tc.header {
				r.Header[k] = v
			}
			w := httptest.NewRecorder()
			s.h.ServeHTTP(w, r)
			if w.Code != tc.want {
				t.Fatalf("status %d, want %d\n%s", w.Code, tc.want, excerpt(w.Body.Bytes()))
			}
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || w.Body.Len() == 0 {
				t.Errorf("no message: %q", w.Header().Get("Content-Type"))
			}
			if n := len(s.comments(t)); n != before {
				t.Fatalf("%d comments stored, want %d", n, before)
			}
		})
	}
	// Other methods on the comment address are refused, not served.
	for _, m := range []string{http.MethodPut, http.MethodDelete} {
		if w := request(s.h, m, commentStory+"comments", nil); w.Code < 400 || w.Code >= 500 {
			t.Errorf("%s %scomments = %d", m, commentStory, w.Code)
		}
	}
}

// TestCommentLimitsBehindProxy: behind a trusted proxy, flood control counts
// each reader X-Forwarded-For names; a header from anyone else counts for
// nothing, so it cannot be used to slip past the limit.
func TestCommentLimitsBehindProxy(t *testing.T) {
	proxies, err := auth.ParseProxies("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	s := newCommentSite(t, func(cs *news.CommentSettings) { cs.FloodSeconds = 60 })
	s.site = newSite(t, s.store, func(o *web.Options) { o.Proxies = proxies; o.Now = s.clock.Now })
	s.client = "127.0.0.1:4321" // every post arrives through the proxy
	from := func(addr string) http.Header { return http.Header{"X-Forwarded-For": {addr}} }

	if w := s.post(commentStory, s.form(t, "a@example.com", "First reader, first word."), from("198.51.100.1")); w.Code != http.StatusSeeOther {
		t.Fatalf("first reader = %d", w.Code)
	}
	s.clock.Add(5 * time.Second)
	if w := s.post(commentStory, s.form(t, "b@example.com", "Second reader, other network."), from("198.51.100.2")); w.Code != http.StatusSeeOther {
		t.Errorf("a second reader behind the same proxy = %d, want 303: the proxy's address was counted", w.Code)
	}
	s.clock.Add(5 * time.Second)
	if w := s.post(commentStory, s.form(t, "a@example.com", "First reader, again too soon."), from("203.0.113.9, 198.51.100.1")); w.Code != http.StatusTooManyRequests {
		t.Errorf("the first reader again, with a forged entry in front = %d, want 429", w.Code)
	}

	// Straight from a client, the header is not believed.
	s.client = "192.0.2.50:4321"
	s.clock.Add(5 * time.Second)
	if w := s.post(commentStory, s.form(t, "c@example.com", "Direct, first."), from("198.51.100.3")); w.Code != http.StatusSeeOther {
		t.Fatalf("direct reader = %d", w.Code)
	}
	s.clock.Add(5 * time.Second)
	if w := s.post(commentStory, s.form(t, "c@example.com", "Direct, with a new forged address."), from("198.51.100.4")); w.Code != http.StatusTooManyRequests {
		t.Errorf("a direct reader forging X-Forwarded-For = %d, want 429", w.Code)
	}
}

func TestCommentTiming(t *testing.T) {
	s := newCommentSite(t, func(cs *news.CommentSettings) { cs.MinFillSeconds, cs.FloodSeconds, cs.RatePerHour = 3, 60, 3 })
	s.client = "192.0.2.10:4321"
	f := s.form(t, "quick@example.com", "Posted too quickly.")
	s.clock.Add(time.Second)
	w := s.post(commentStory, f, nil)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "very quick") {
		t.Fatalf("a form posted after 1 s = %d", w.Code)
	}
	// The page it gets back carries a token good at once, and the text.
	doc := parseHTML(t, w.Body.Bytes())
	tok := attr(find(doc, id("comment-ts")), "value")
	if tok == "" || text(find(doc, id("comment-field-comment"))) != "Posted too quickly." {
		t.Fatal("the refused form did not come back with a token and the text")
	}
	s.clock.Add(3 * time.Second)
	if w := s.post(commentStory, f, nil); w.Code != http.StatusSeeOther {
		t.Fatalf("the same form after 4 s = %d, want 303", w.Code)
	}
	// Flood control: the same client again within a minute.
	f2 := s.form(t, "quick@example.com", "A second thought.")
	s.clock.Add(10 * time.Second)
	w = s.post(commentStory, f2, nil)
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Fatalf("a second comment 10 s later = %d, want 429", w.Code)
	}
	if text(find(parseHTML(t, w.Body.Bytes()), id("comment-field-comment"))) != "A second thought." {
		t.Error("the rate-limited form lost the text")
	}
	// An old form has expired.
	old := s.form(t, "slow@example.com", "Written over two days.")
	s.clock.Add(25 * time.Hour)
	if w := s.post(commentStory, old, nil); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "expired") {
		t.Errorf("a day-old form = %d, want 422 expired", w.Code)
	}
	// Duplicates are refused with the text kept.
	dup := s.form(t, "quick@example.com", "Posted too quickly.")
	s.clock.Add(10 * time.Second)
	if w := s.post(commentStory, dup, nil); w.Code != http.StatusConflict {
		t.Errorf("a duplicate = %d, want 409", w.Code)
	}
}

func TestRememberCommenter(t *testing.T) {
	s := newCommentSite(t)
	f := withField(s.form(t, "kept@example.com", "Remember me please."), "remember", "1")
	f.Set("website", "https://kept.example/")
	w := s.post(commentStory, f, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatal(w.Code)
	}
	res := w.Result()
	var jar []string
	for _, c := range res.Cookies() {
		if c.MaxAge > 0 {
			jar = append(jar, c.Name+"="+c.Value)
		}
		if c.Name == "herald_commenter" && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode) {
			t.Errorf("the commenter cookie is not HttpOnly and SameSite=Lax: %+v", c)
		}
	}
	if len(jar) != 2 {
		t.Fatalf("cookies set: %v", res.Cookies())
	}
	st := get(t, s.h, "/comments/form", http.StatusOK)
	if strings.Contains(st.Body.String(), "kept@example.com") {
		t.Fatal("/comments/form shows an email to a reader without the cookie")
	}
	w2 := request(s.h, http.MethodGet, "/comments/form", http.Header{"Cookie": {strings.Join(jar, "; ")}})
	var got struct {
		Token, Name, Email, Website string
		Remember                    bool
	}
	if err := json.Unmarshal(w2.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Name != "Ada Reader" || got.Email != "kept@example.com" || got.Website != "https://kept.example/" || !got.Remember || got.Token == "" {
		t.Errorf("/comments/form with the cookie = %+v", got)
	}
	if cc := w2.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("/comments/form is cacheable: %q", cc)
	}
	// Posting without the box forgets the reader.
	w = s.post(commentStory, s.form(t, "kept@example.com", "Forget me now."), http.Header{"Cookie": {strings.Join(jar, "; ")}})
	for _, c := range w.Result().Cookies() {
		if c.MaxAge >= 0 {
			t.Errorf("cookie %s not cleared", c.Name)
		}
	}
}

func TestCommentSpamVerdict(t *testing.T) {
	s := newCommentSite(t)
	ctx := context.Background()
	for i := range 30 {
		spamText := fmt.Sprintf("WIN a FREE prize now!!! call 0800%07d claim your cash bonus casino txt", i)
		hamText := fmt.Sprintf("I think the council vote on the harbor plan %d was a fair decision for the town", i)
		if err := s.store.TrainSpam(ctx, spam.Tokens("", "", spamText), true); err != nil {
			t.Fatal(err)
		}
		if err := s.store.TrainSpam(ctx, spam.Tokens("", "", hamText), false); err != nil {
			t.Fatal(err)
		}
	}
	loc := s.mustPost(t, commentStory, s.form(t, "winner@example.com", "WIN a FREE prize now!!! call 08001234567 claim your cash txt"))
	if !strings.Contains(loc, "comment=pending") {
		t.Errorf("spam redirects to %q: the verdict must not be told", loc)
	}
	c := s.comments(t)[0]
	if c.Status != news.CommentSpam || c.Reason != "classifier" || c.SpamScore < 0.9 {
		t.Errorf("spam stored as %s (%s) with score %.3f", c.Status, c.Reason, c.SpamScore)
	}
	s.mustPost(t, commentStory, s.form(t, "citizen@example.com", "The council vote on the harbor plan was fair to the town, I think"))
	if c := s.comments(t)[0]; c.Status != news.CommentPending || c.SpamScore > 0.5 {
		t.Errorf("a genuine comment stored as %s with score %.3f", c.Status, c.SpamScore)
	}
}

func TestCommentAvatars(t *testing.T) {
	s := newCommentSite(t)
	w := get(t, s.h, "/comments/avatars/0123456789abcdef.svg", http.StatusOK)
	if w.Header().Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(w.Body.String(), "<svg") {
		t.Errorf("avatar = %s %q", w.Header().Get("Content-Type"), excerpt(w.Body.Bytes()))
	}
	for _, bad := range []string{"0123.svg", "zzzzzzzzzzzzzzzz.svg", "0123456789abcdef.png", "0123456789abcdef0.svg"} {
		if w := request(s.h, http.MethodGet, "/comments/avatars/"+bad, nil); w.Code != http.StatusNotFound {
			t.Errorf("avatar %s = %d, want 404", bad, w.Code)
		}
	}
}

// xssVectors is the project's own corpus of script-injection attempts, by
// family: script elements, event handlers, javascript: and data: URLs,
// broken markup, encodings, SVG and MathML, CSS, and polyglots. Each base
// vector also goes in with its case mixed and wrapped to break out of an
// attribute, so that every family is tried in several shapes.
func xssVectors() []string {
	base := []string{
		// Script elements.
		`<script>alert(1)</script>`,
		`<SCRIPT SRC=//xss.example/x.js></SCRIPT>`,
		`<script src="data:text/javascript,alert(1)"></script>`,
		`<script>/*</script><script>*/alert(1)</script>`,
		`<scr<script>ipt>alert(1)</scr</script>ipt>`,
		`<script type="module">import('//xss.example/m.js')</script>`,
		`<script\x20type="text/javascript">alert(1);</script>`,
		`<script/xss src="//xss.example/x.js"></script>`,
		`</title><script>alert(1)</script>`,
		`</textarea><script>alert(1)</script>`,
		`</script><script>alert(1)</script>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<template><script>alert(1)</script></template>`,
		// Event handlers.
		`<img src=x onerror=alert(1)>`,
		`<img src="x" onerror="alert('xss')">`,
		`<body onload=alert(1)>`,
		`<div onmouseover="alert(1)">hover</div>`,
		`<input autofocus onfocus=alert(1)>`,
		`<details open ontoggle=alert(1)>`,
		`<video><source onerror="alert(1)">`,
		`<audio src=x onerror=alert(1)>`,
		`<marquee onstart=alert(1)>x</marquee>`,
		`<select autofocus onfocus=alert(1)>`,
		`<textarea autofocus onfocus=alert(1)>`,
		`<keygen autofocus onfocus=alert(1)>`,
		`<form><button formaction=javascript:alert(1)>x</button></form>`,
		`<a href="#" onclick="alert(1)">click</a>`,
		`<img src=1 onerror\x0b=alert(1)>`,
		`<img/src=x/onerror=alert(1)>`,
		`<img src=x:alert(alt) onerror=eval(src) alt=0>`,
		`<svg onload=alert(1)>`,
		`<body onpageshow=alert(1)>`,
		`<iframe onload=alert(1)>`,
		`<object onerror=alert(1)>`,
		`<style onload=alert(1)></style>`,
		`" onmouseover="alert(1)`,
		`' onfocus='alert(1)' autofocus='`,
		"` onerror=alert(1) `",
		// javascript: and data: URLs.
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="JaVaScRiPt:alert(1)">x</a>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<a href="jav&#x0A;ascript:alert(1)">x</a>`,
		`<a href=" &#14; javascript:alert(1)">x</a>`,
		`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
		`<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>`,
		`<a href="vbscript:msgbox(1)">x</a>`,
		`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
		`<iframe src="javascript:alert(1)"></iframe>`,
		`<iframe src="data:text/html,<script>alert(1)</script>"></iframe>`,
		`<object data="javascript:alert(1)">`,
		`<embed src="javascript:alert(1)">`,
		`<img src="javascript:alert(1)">`,
		`<img dynsrc="javascript:alert(1)">`,
		`<img lowsrc="javascript:alert(1)">`,
		`<bgsound src="javascript:alert(1)">`,
		`<link rel="stylesheet" href="javascript:alert(1)">`,
		`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
		`<meta http-equiv="refresh" content="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg">`,
		`<base href="javascript:alert(1)//">`,
		`<form action="javascript:alert(1)"><input type=submit>`,
		`<isindex action="javascript:alert(1)" type=image>`,
		`<input type="image" src="javascript:alert(1)">`,
		`javascript:alert(document.cookie)`,
		`data:text/html,<script>alert(1)</script>`,
		`http://example.com/"><script>alert(1)</script>`,
		`https://example.com/?q="onmouseover="alert(1)`,
		`https://example.com/#<img src=x onerror=alert(1)>`,
		`https://example.com/'><svg onload=alert(1)>`,
		`https://example.com/javascript:alert(1)`,
		// Broken and nested markup.
		`<<script>alert(1);//<</script>`,
		`<img """><script>alert(1)</script>">`,
		`<img src="x` + "`" + `<script>alert(1)</script>"` + "`" + `>`,
		`<a href="x" <img src=x onerror=alert(1)>`,
		`<div><p><b><i><u><script>alert(1)</script>`,
		`<!--<img src="--><img src=x onerror=alert(1)//">`,
		`<![CDATA[<script>alert(1)</script>]]>`,
		`<?xml version="1.0"?><script>alert(1)</script>`,
		`<!DOCTYPE html><script>alert(1)</script>`,
		`<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(1)//"></svg>`,
		`<a href="//xss.example">//</a`,
		`<b <script>alert(1)</script>0`,
		`<div style="width: expression(alert(1));">`,
		`<img src=x onerror=alert(1)`,
		`<iframe src=//xss.example <`,
		`<scri\x00pt>alert(1)</scri\x00pt>`,
		`<IMG SRC=javascript:alert('XSS')>`,
		`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
		`<IMG SRC=` + "`" + `javascript:alert("RSnake says, 'XSS'")` + "`" + `>`,
		`<IMG """><SCRIPT>alert("XSS")</SCRIPT>">`,
		`<IMG SRC=# onmouseover="alert('xxs')">`,
		`<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
		`<IMG SRC="jav	ascript:alert('XSS');">`,
		`<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
		`<IMG SRC=" &#14;  javascript:alert('XSS');">`,
		`<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
		`<BODY onload!#$%&()*~+-_.,:;?@[/|\]^` + "`" + `=alert("XSS")>`,
		`<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>`,
		`<<SCRIPT>alert("XSS");//\<</SCRIPT>`,
		`<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
		`<SCRIPT SRC=//xss.rocks/.j>`,
		`<IMG SRC="` + "`" + `<javascript:alert>` + "`" + `('XSS')"`,
		`<iframe src=http://xss.rocks/scriptlet.html <`,
		`\";alert('XSS');//`,
		`</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
		`<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
		`<BODY BACKGROUND="javascript:alert('XSS')">`,
		`<IMG DYNSRC="javascript:alert('XSS')">`,
		`<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
		`<svg/onload=alert('XSS')>`,
		`<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">`,
		`<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
		`<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">`,
		`<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>`,
		`<XSS STYLE="behavior: url(xss.htc);">`,
		`<TABLE BACKGROUND="javascript:alert('XSS')">`,
		`<TD BACKGROUND="javascript:alert('XSS')">`,
		`<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
		`<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">`,
		`<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
		`<BASE HREF="javascript:alert('XSS');//">`,
		`<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
		`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
		// Encodings.
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`&#60;script&#62;alert(1)&#60;/script&#62;`,
		`&#x3C;img src=x onerror=alert(1)&#x3E;`,
		`%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
		`%253Cscript%253Ealert(1)%253C%252Fscript%253E`,
		`\u003cscript\u003ealert(1)\u003c/script\u003e`,
		`\x3cscript\x3ealert(1)\x3c/script\x3e`,
		`+ADw-script+AD4-alert(1)+ADw-/script+AD4-`,
		`＜script＞alert(1)＜/script＞`,
		`<scrİpt>alert(1)</scrİpt>`,
		"<img src=x onerror=\u0061lert(1)>",
		"\u202e<script>alert(1)</script>",
		"<script>alert(1)</script>\u2028\u2029",
		`<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
		`<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>`,
		`PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
		`{{constructor.constructor('alert(1)')()}}`,
		`{{.}}{{template "x"}}{{printf "%s" "<script>"}}`,
		`${alert(1)}`,
		`#{alert(1)}`,
		`<%= alert(1) %>`,
		// SVG and MathML.
		`<svg><script>alert(1)</script></svg>`,
		`<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>`,
		`<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
		`<svg><set attributeName="href" to="javascript:alert(1)"/></svg>`,
		`<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x"/></svg>`,
		`<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<svg><title><![CDATA[</title><script>alert(1)</script>]]></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><g onload="alert(1)"></g></svg>`,
		`<svg><image href=x onerror=alert(1)>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<math href="javascript:alert(1)">CLICK</math>`,
		`<math><maction actiontype="statusline#http://xss.example" xlink:href="javascript:alert(1)">x</maction></math>`,
		`<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>`,
		`<math><annotation-xml encoding="text/html"><script>alert(1)</script></annotation-xml></math>`,
		`<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></svg>`,
		`<svg><p><style><img src=x onerror=alert(1)></style>`,
		// CSS and other active elements.
		`<style>body{background:url("javascript:alert(1)")}</style>`,
		`<style>@import "javascript:alert(1)";</style>`,
		`<p style="color:red;background:url(javascript:alert(1))">styled</p>`,
		`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
		`<frameset><frame src="javascript:alert(1)"></frameset>`,
		`<applet code="x.class"></applet>`,
		`<portal src="//xss.example"></portal>`,
		`<x contenteditable onblur=alert(1)>lose focus!</x>`,
		`<a id=x tabindex=1 onfocus=alert(1)></a>`,
		`<div draggable="true" ondragstart="alert(1)">drag</div>`,
		`<dialog open onclose=alert(1)><form method=dialog><button>x</button></form></dialog>`,
		// Polyglots.
		"jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
		`'">><marquee><img src=x onerror=confirm(1)></marquee>"></plaintext\></|\><plaintext/onmouseover=prompt(1)><script>prompt(1)</script>@gmail.com<isindex formaction=javascript:alert(/XSS/) type=submit>'-->"></script><script>alert(1)</script>"><img/id="confirm&lpar;1)"/alt="/"src="/"onerror=eval(id&%23x29;>'"><img src="http://i.imgur.com/P8mL8.jpg">`,
		`" onclick=alert(1)//<button ' onclick=alert(1)//> */ alert(1)//`,
		`';alert(String.fromCharCode(88,83,83))//';alert(String.fromCharCode(88,83,83))//";alert(String.fromCharCode(88,83,83))//";alert(String.fromCharCode(88,83,83))//--></SCRIPT>">'><SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>`,
		`javascript://'/</title></style></textarea></script>--><p" onclick=alert()//>*/alert()/*`,
		`javascript://--></script></title></style>"/</textarea>*/<alert()/*' onclick=alert()//>a`,
		`-->'"/></sCript><svG x=">" onload=(co\u006efirm)` + "``" + `>`,
		`<svg%0Ao%00nload=%09((pro\u006dpt))()//`,
		`"'--></noscript></noembed></template></title></textarea></style><script>alert(1)</script>`,
		// Plain text that must stay text.
		`5 < 6 && 7 > 3 "quoted" 'single' & ampersand`,
		`<3 you & your <b>bold</b> claims`,
		`Visit https://example.com/path?a=1&b=<2> and www.example.org today`,
	}
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		if !seen[v] && utf8.RuneCountInString(strings.TrimSpace(v)) >= news.MinCommentBody {
			seen[v] = true
			out = append(out, v)
		}
	}
	for _, v := range base {
		add(v)
	}
	for _, v := range base {
		add(strings.ToUpper(v))
	}
	for _, v := range base {
		add(`"><` + strings.TrimPrefix(v, "<"))
	}
	return out
}

// activeProblems lists every way n's subtree could run something a comment
// put there: elements that run or load things, event handler and style
// attributes, and URL attributes with a scheme that executes. allowedScript
// tells the page's own scripts.
func activeProblems(n *html.Node, allowedScript func(*html.Node) bool) []string {
	var out []string
	urlAttrs := map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true,
		"background": true, "srcset": true, "xlink:href": true, "dynsrc": true, "lowsrc": true, "code": true, "content": true}
	forbidden := map[atom.Atom]bool{atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
		atom.Base: true, atom.Frame: true, atom.Frameset: true, atom.Applet: true, atom.Style: true, atom.Video: true,
		atom.Audio: true, atom.Marquee: true, atom.Template: true, atom.Dialog: true, atom.Details: true}
	for el := range n.Descendants() {
		if el.Type != html.ElementNode {
			continue
		}
		if el.DataAtom == atom.Script && !allowedScript(el) {
			out = append(out, "a <script> element")
		}
		if forbidden[el.DataAtom] || el.DataAtom == 0 && el.Data != "" {
			out = append(out, "a <"+el.Data+"> element")
		}
		if el.DataAtom == atom.Meta && strings.EqualFold(attr(el, "http-equiv"), "refresh") {
			out = append(out, "a meta refresh")
		}
		for _, a := range el.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				out = append(out, "an "+key+" attribute on <"+el.Data+">")
			}
			if key == "style" {
				out = append(out, "a style attribute on <"+el.Data+">")
			}
			if urlAttrs[key] {
				v := strings.Map(func(r rune) rune {
					if r <= ' ' || r == 0x7f {
						return -1
					}
					return r
				}, strings.ToLower(a.Val))
				if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
					continue // a web address, whatever its path says
				}
				for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
					if strings.Contains(v, scheme) {
						out = append(out, fmt.Sprintf("%s=%q on <%s>", key, a.Val, el.Data))
					}
				}
			}
		}
	}
	return out
}

// ownScript reports whether a script element is one of the site's own: an
// asset or the JSON-LD block.
func ownScript(n *html.Node) bool {
	return strings.HasPrefix(attr(n, "src"), "/static/") || (attr(n, "type") == "application/ld+json" && !hasAttr(n, "src"))
}

// checkCommentMarkup checks the comments of a parsed page: their words may
// hold only paragraphs, line breaks and nofollow links to http(s) addresses;
// a name only a link to an http(s) address.
func checkCommentMarkup(t *testing.T, where string, doc *html.Node) {
	t.Helper()
	for _, p := range activeProblems(doc, ownScript) {
		t.Errorf("%s: %s", where, p)
	}
	for _, c := range findAll(doc, class("comment-content")) {
		for el := range c.Descendants() {
			if el.Type != html.ElementNode {
				continue
			}
			switch el.DataAtom {
			case atom.P, atom.Br:
				if len(el.Attr) > 0 {
					t.Errorf("%s: comment <%s> has attributes %v", where, el.Data, el.Attr)
				}
			case atom.A:
				checkUserLink(t, where, el)
			default:
				t.Errorf("%s: comment holds a <%s> element", where, el.Data)
			}
		}
	}
	for _, c := range findAll(doc, class("comment-author")) {
		for el := range c.Descendants() {
			if el.Type != html.ElementNode {
				continue
			}
			if el.DataAtom != atom.A {
				t.Errorf("%s: a comment's name holds a <%s> element", where, el.Data)
				continue
			}
			checkUserLink(t, where, el)
		}
	}
}

func checkUserLink(t *testing.T, where string, a *html.Node) {
	t.Helper()
	u, err := url.Parse(attr(a, "href"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		t.Errorf("%s: user link to %q", where, attr(a, "href"))
	}
	if attr(a, "rel") != "nofollow ugc noopener" {
		t.Errorf("%s: user link rel=%q", where, attr(a, "rel"))
	}
	for _, at := range a.Attr {
		if at.Key != "href" && at.Key != "rel" {
			t.Errorf("%s: user link carries %s=%q", where, at.Key, at.Val)
		}
	}
}

// TestCommentXSS posts every vector as a name, a website and a comment,
// approves what was taken, and checks that nothing from it is active on the
// story pages, the reply pages, the forms sent back and the comment feeds.
func TestCommentXSS(t *testing.T) {
	s := newCommentSite(t, func(cs *news.CommentSettings) { cs.HoldLinks = 0 })
	vectors := xssVectors()
	if len(vectors) < 300 {
		t.Fatalf("only %d XSS vectors, want at least 300", len(vectors))
	}
	t.Logf("%d XSS vectors", len(vectors))
	stories := openStories(t, s.site)
	const perStory = 60 // under the feeds' 100 items, two comments a vector
	var pages []string
	for i, v := range vectors {
		story := stories[(i/(perStory/2))%len(stories)]
		if len(pages) == 0 || pages[len(pages)-1] != story.Path() {
			pages = append(pages, story.Path())
		}
		name := v
		if r := []rune(name); len(r) > news.MaxCommentName {
			name = string(r[:news.MaxCommentName])
		}
		f := s.form(t, fmt.Sprintf("xss%d@example.com", i), v)
		f.Set("name", name)
		w := s.post(story.Path(), f, nil)
		switch w.Code {
		case http.StatusSeeOther:
		case http.StatusUnprocessableEntity:
			checkCommentMarkup(t, fmt.Sprintf("422 page for vector %d", i), parseHTML(t, w.Body.Bytes()))
		default:
			t.Fatalf("vector %d as name and comment: status %d\n%s", i, w.Code, excerpt(w.Body.Bytes()))
		}
		f = s.form(t, fmt.Sprintf("xss-site%d@example.com", i), fmt.Sprintf("A website test %d.", i))
		f.Set("website", v)
		f.Set("name", "Site tester")
		w = s.post(story.Path(), f, nil)
		switch w.Code {
		case http.StatusSeeOther:
		case http.StatusUnprocessableEntity:
			checkCommentMarkup(t, fmt.Sprintf("422 page for vector %d as website", i), parseHTML(t, w.Body.Bytes()))
		default:
			t.Fatalf("vector %d as website: status %d", i, w.Code)
		}
	}
	s.approveAll(t)
	list := s.comments(t)
	t.Logf("%d comments taken and approved", len(list))
	if len(list) < len(vectors) {
		t.Fatalf("only %d comments were taken for %d vectors", len(list), len(vectors))
	}
	for _, p := range pages {
		doc := parseHTML(t, body(t, s.h, p))
		if n := len(findAll(doc, class("comment-body"))); n == 0 {
			t.Fatalf("%s shows no comments", p)
		}
		checkCommentMarkup(t, p, doc)
		rl := find(doc, class("comment-reply-link"))
		if rl != nil {
			checkCommentMarkup(t, attr(rl, "href"), parseHTML(t, body(t, s.h, noFragment(attr(rl, "href")))))
		}
		checkCommentFeed(t, s.h, "/comments"+p+"feed.xml")
	}
	checkCommentFeed(t, s.h, "/comments/feed.xml")
}

// checkCommentFeed parses a comment feed and checks each item's HTML.
func checkCommentFeed(t *testing.T, h http.Handler, feed string) {
	t.Helper()
	var doc struct {
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	parseXML(t, feed, body(t, h, feed), &doc)
	if len(doc.Items) == 0 {
		t.Errorf("%s has no items", feed)
	}
	for i, it := range doc.Items {
		nodes, err := html.ParseFragment(strings.NewReader(it.Description), &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"})
		if err != nil {
			t.Fatalf("%s item %d: %v", feed, i, err)
		}
		wrap := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div", Attr: []html.Attribute{{Key: "class", Val: "comment-content"}}}
		for _, n := range nodes {
			wrap.AppendChild(n)
		}
		root := &html.Node{Type: html.DocumentNode}
		root.AppendChild(wrap)
		checkCommentMarkup(t, fmt.Sprintf("%s item %d", feed, i), root)
		if u, err := url.Parse(it.Link); err != nil || !strings.HasPrefix(it.Link, baseURL+"/") || u.Fragment == "" {
			t.Errorf("%s item %d links to %q", feed, i, it.Link)
		}
	}
}

// TestCommentPrivacy posts comments with unique emails in every status,
// then crawls every public URL: none may show any of the emails.
func TestCommentPrivacy(t *testing.T) {
	s := newCommentSite(t, func(cs *news.CommentSettings) { cs.HoldLinks = 0 })
	ctx := context.Background()
	stories := openStories(t, s.site)
	var emails []string
	for i, a := range stories[:8] {
		for j, status := range []news.CommentStatus{news.CommentApproved, news.CommentApproved, news.CommentPending, news.CommentSpam, news.CommentTrash} {
			email := fmt.Sprintf("Private.Reader-%d-%d@Example.NET", i, j)
			emails = append(emails, email)
			f := s.form(t, email, fmt.Sprintf("Comment %d on story %d, with https://example.org/%d.", j, i, j))
			f.Set("website", fmt.Sprintf("https://reader%d.example/", j))
			loc := s.mustPost(t, a.Path(), f)
			if strings.Contains(strings.ToLower(loc), "private.reader") {
				t.Fatalf("the redirect shows the email: %s", loc)
			}
			c := s.comments(t)[0]
			if err := s.store.ModerateComment(ctx, c.ID, status); err != nil {
				t.Fatal(err)
			}
		}
	}
	leak := func(where string, b []byte) {
		low := bytes.ToLower(b)
		for _, e := range emails {
			for _, form := range []string{e, url.QueryEscape(e), strings.SplitN(e, "@", 2)[0]} {
				if bytes.Contains(low, []byte(strings.ToLower(form))) {
					t.Errorf("%s shows %q", where, form)
				}
			}
		}
	}
	seen := map[string]bool{}
	queue := []string{"/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/feed.xml", "/atom.xml", "/feed.json",
		"/comments/feed.xml", "/comments/form", "/no-such-page/"}
	for _, a := range stories {
		queue = append(queue, a.Path(), a.Path()+"?comment=pending", "/comments"+a.Path()+"feed.xml")
	}
	_, pages := sitemapURLs(t, s.site)
	queue = append(queue, pages...)
	fetched := 0
	for len(queue) > 0 && fetched < 2000 {
		target := queue[0]
		queue = queue[1:]
		if seen[target] {
			continue
		}
		seen[target] = true
		w := request(s.h, http.MethodGet, target, nil)
		fetched++
		if w.Code >= 500 {
			t.Errorf("GET %s = %d", target, w.Code)
		}
		b := w.Body.Bytes()
		leak(target, b)
		for k, v := range w.Header() {
			leak(target+" header "+k, []byte(strings.Join(v, " ")))
		}
		// Follow every link on the site, in pages, feeds and sitemaps.
		for _, ref := range siteRefs(b) {
			if !seen[ref] {
				queue = append(queue, ref)
			}
		}
	}
	t.Logf("crawled %d URLs", fetched)
	if fetched < len(stories) {
		t.Fatalf("crawled only %d URLs", fetched)
	}
}

// siteRefs finds the site paths a response refers to: href and src values
// and absolute URLs on the base URL.
func siteRefs(b []byte) []string {
	var out []string
	s := string(b)
	for _, marker := range []string{`href="`, `src="`, baseURL} {
		for rest := s; ; {
			i := strings.Index(rest, marker)
			if i < 0 {
				break
			}
			rest = rest[i+len(marker):]
			end := strings.IndexAny(rest, "\"'<> \n\t\\")
			if end < 0 {
				end = len(rest)
			}
			ref := html.UnescapeString(rest[:end])
			if marker == baseURL {
				ref = strings.TrimPrefix(ref, "")
			} else if strings.HasPrefix(ref, baseURL) {
				ref = strings.TrimPrefix(ref, baseURL)
			}
			if i := strings.IndexByte(ref, '#'); i >= 0 {
				ref = ref[:i]
			}
			if strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "//") {
				out = append(out, ref)
			}
		}
	}
	return out
}

// TestCommentCachedPages checks that approving and removing comments shows
// at once on the cached page and in the feeds, and that the page stays one
// shared response.
func TestCommentCachedPages(t *testing.T) {
	s := newCommentSite(t)
	ctx := context.Background()
	first := get(t, s.h, commentStory, http.StatusOK)
	if again := get(t, s.h, commentStory, http.StatusOK); again.Header().Get("X-Cache") != "hit" {
		t.Fatalf("the story page is not cached: X-Cache %q", again.Header().Get("X-Cache"))
	}
	s.mustPost(t, commentStory, s.form(t, "cache@example.com", "Pending does not change the page."))
	if w := get(t, s.h, commentStory, http.StatusOK); w.Header().Get("X-Cache") != "hit" || w.Body.String() != first.Body.String() {
		t.Error("a pending comment changed the cached page")
	}
	c := s.comments(t)[0]
	if err := s.store.ModerateComment(ctx, c.ID, news.CommentApproved); err != nil {
		t.Fatal(err)
	}
	w := get(t, s.h, commentStory, http.StatusOK)
	if w.Header().Get("X-Cache") != "miss" || !strings.Contains(w.Body.String(), "Pending does not change the page.") {
		t.Error("approving did not refresh the cached page")
	}
	if err := s.store.ModerateComment(ctx, c.ID, news.CommentSpam); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(body(t, s.h, commentStory), []byte("Pending does not change the page.")) {
		t.Error("a comment marked spam is still on the cached page")
	}
	if strings.Contains(string(body(t, s.h, "/comments/feed.xml")), "Pending does not change") {
		t.Error("a comment marked spam is still in the comments feed")
	}
}

// TestCommentsClosedByAge closes comments on a story by its age: the form
// goes and the cached page expires when they close.
func TestCommentsClosedByAge(t *testing.T) {
	s := newCommentSite(t, func(cs *news.CommentSettings) { cs.CloseAfterDays = 3650 })
	doc := parseHTML(t, body(t, s.h, commentStory))
	if find(doc, id("commentform")) == nil {
		t.Fatal("no form on an open story")
	}
	s.clock.Add(3651 * 24 * time.Hour)
	doc = parseHTML(t, body(t, s.h, commentStory))
	if find(doc, id("commentform")) != nil || find(doc, class("comments-closed")) == nil {
		t.Fatal("the form is still shown after comments closed by age")
	}
	w := s.post(commentStory, s.form(t, "late@example.com", "Too late to comment."), nil)
	if w.Code != http.StatusForbidden {
		t.Errorf("posting after closing = %d, want 403", w.Code)
	}
}
