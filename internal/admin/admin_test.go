package admin_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/admin"
	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

const baseURL = "http://herald.test"

var secret = []byte("test-secret-test-secret-test-secret!")

// office is a site with its back office over a demo newsroom, one user per
// role, and a clock the test can move.
type office struct {
	t     *testing.T
	store *store.Store
	h     http.Handler
	users map[news.Role]*news.User

	mu  sync.Mutex
	now time.Time
}

func (o *office) clock() time.Time {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.now
}

func (o *office) advance(d time.Duration) {
	o.mu.Lock()
	o.now = o.now.Add(d)
	o.mu.Unlock()
}

// demoOnce builds one demo database per test binary; each office starts from
// a copy of it.
var demoOnce struct {
	sync.Once
	path string
	err  error
}

func demoDB(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "herald-admin-test-")
		if err != nil {
			demoOnce.err = err
			return
		}
		demoOnce.path = filepath.Join(dir, "demo.db")
		ctx := context.Background()
		st, err := store.Open(ctx, demoOnce.path)
		if err != nil {
			demoOnce.err = err
			return
		}
		defer st.Close()
		if _, err = st.Migrate(ctx); err == nil {
			err = demo.Load(ctx, st, time.Now().UTC())
		}
		demoOnce.err = err
	})
	if demoOnce.err != nil {
		t.Fatal(demoOnce.err)
	}
	return demoOnce.path
}

func newOffice(t *testing.T) *office {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "herald.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(demoDB(t) + suffix)
		if err == nil {
			err = os.WriteFile(path+suffix, b, 0o600)
		}
		if err != nil && !(suffix != "" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	o := &office{t: t, store: st, users: map[news.Role]*news.User{}, now: time.Now().UTC()}
	log := slog.New(slog.DiscardHandler)
	site, err := web.New(ctx, web.Options{Store: st, Logger: log, BaseURL: baseURL, Now: o.clock})
	if err != nil {
		t.Fatal(err)
	}
	adm, err := admin.New(ctx, admin.Options{Store: st, Logger: log, BaseURL: baseURL, Now: o.clock, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	// As serve does: new settings reach the back office at once.
	site.OnSettings(func(ctx context.Context) {
		if err := adm.Reload(ctx); err != nil {
			t.Error(err)
		}
	})
	o.h = site.Handler(adm.Register)
	authors, err := st.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, role := range news.Roles {
		hash, err := auth.HashPassword("password-" + string(role))
		if err != nil {
			t.Fatal(err)
		}
		u := &news.User{Email: string(role) + "@herald.test", Name: "The " + string(role), Role: role, PasswordHash: hash, AuthorID: authors[i].ID}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		o.users[role] = u
	}
	return o
}

// client is one browser: a cookie and the CSRF token that goes with it.
type client struct {
	o      *office
	cookie string
	csrf   string
}

// as signs a user in by creating a session directly.
func (o *office) as(role news.Role) *client {
	o.t.Helper()
	if role == "" {
		return &client{o: o}
	}
	token, hash, err := auth.NewToken()
	if err != nil {
		o.t.Fatal(err)
	}
	if err := o.store.CreateSession(context.Background(), o.users[role].ID, hash, o.clock().Add(auth.SessionIdle)); err != nil {
		o.t.Fatal(err)
	}
	return &client{o: o, cookie: token, csrf: auth.CSRFToken(secret, hash)}
}

func (c *client) do(method, target string, form url.Values) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.cookie != "" {
		r.AddCookie(&http.Cookie{Name: "herald_session", Value: c.cookie})
	}
	w := httptest.NewRecorder()
	c.o.h.ServeHTTP(w, r)
	return w
}

func (c *client) get(target string) *httptest.ResponseRecorder { return c.do("GET", target, nil) }

// post sends a form with the client's CSRF token.
func (c *client) post(target string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	if c.csrf != "" && form.Get("csrf") == "" {
		form.Set("csrf", c.csrf)
	}
	return c.do("POST", target, form)
}

// storyForm is a complete editor form for a new story.
func storyForm(headline string) url.Values {
	return url.Values{
		"headline": {headline}, "standfirst": {"A standfirst."}, "body": {"First paragraph.\n\nSecond paragraph."},
		"section": {"usa-news"}, "author_0": {"maya-okafor"}, "tags": {"Congress, Harbor life"},
		"credit_source_0": {"The Coastal Courier"}, "credit_kind_0": {"first_reported_by"}, "credit_url_0": {"https://coastalcourier.example/a"},
		"comments_open": {"1"},
	}
}

var storyIDRe = regexp.MustCompile(`/admin/stories/(\d+)/`)

// create makes a story through the editor and returns its ID.
func (c *client) create(form url.Values, action string) int64 {
	c.o.t.Helper()
	form.Set("action", action)
	w := c.post("/admin/stories/", form)
	if w.Code != http.StatusSeeOther {
		c.o.t.Fatalf("create story: %d\n%s", w.Code, w.Body.String())
	}
	m := storyIDRe.FindStringSubmatch(w.Header().Get("Location"))
	if m == nil {
		c.o.t.Fatalf("create story redirected to %q", w.Header().Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func TestPermissionsTable(t *testing.T) {
	o := newOffice(t)
	// Each role walks the table on a story of its own, so that only the role
	// decides the answer (whose story it is has tests of its own).
	stories := map[news.Role]int64{}
	for _, role := range news.Roles {
		stories[role] = o.as(role).create(storyForm("A story for the permission walk by "+string(role)), "draft")
	}
	stories[""] = stories[news.RoleContributor]
	userTarget := strings.NewReplacer("{id}", strconv.FormatInt(o.users[news.RoleContributor].ID, 10), "{$}", "")
	// Sections, authors and tags are edited by their own IDs: the first of each.
	ctx := context.Background()
	sections, err := o.store.Sections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	authors, err := o.store.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tags, err := o.store.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	itemIDs := map[string]int64{"/admin/sections/": sections[0].ID, "/admin/authors/": authors[0].ID, "/admin/tags/": tags[0].ID}

	roles := append([]news.Role{""}, news.Roles...)
	for _, rt := range admin.Routes {
		for _, role := range roles {
			path := strings.NewReplacer("{id}", strconv.FormatInt(stories[role], 10), "{n}", "1", "{$}", "").Replace(rt.Pattern)
			if strings.HasPrefix(rt.Pattern, "/admin/users/") {
				path = userTarget.Replace(rt.Pattern)
			}
			for prefix, id := range itemIDs {
				if strings.HasPrefix(rt.Pattern, prefix) {
					path = strings.NewReplacer("{id}", strconv.FormatInt(id, 10), "{$}", "").Replace(rt.Pattern)
				}
			}
			name := rt.Method + " " + rt.Pattern + " as " + string(role)
			if role == "" {
				name = rt.Method + " " + rt.Pattern + " signed out"
			}
			t.Run(name, func(t *testing.T) {
				c := o.as(role)
				var w *httptest.ResponseRecorder
				if rt.Method == "GET" {
					w = c.get(path)
				} else {
					w = c.post(path, url.Values{})
				}
				switch {
				case rt.Min == admin.Public:
					// Open to all: the answer never depends on a role. (An
					// empty POST is refused for its missing form token.)
					if w.Code >= 500 || strings.HasPrefix(w.Header().Get("Location"), "/admin/signin?") {
						t.Errorf("public route answered %d", w.Code)
					}
				case role == "" && rt.Method == "GET":
					if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/admin/signin") {
						t.Errorf("signed out: %d to %q, want 303 to sign-in", w.Code, w.Header().Get("Location"))
					}
				case role == "" || !role.AtLeast(rt.Min):
					if w.Code != http.StatusForbidden {
						t.Errorf("answered %d, want 403", w.Code)
					}
				default:
					if w.Code == http.StatusForbidden || w.Code == http.StatusUnauthorized || w.Code >= 500 {
						t.Errorf("allowed role answered %d\n%.500s", w.Code, w.Body.String())
					}
				}
			})
		}
	}
	// Every admin route the mux knows is in the table: an unlisted path is
	// the public 404, never a page.
	if w := o.as(news.RoleAdmin).get("/admin/not-a-route/"); w.Code != http.StatusNotFound {
		t.Errorf("an unlisted admin path answered %d", w.Code)
	}
}

func TestCSRFRefusedAndNothingChanged(t *testing.T) {
	o := newOffice(t)
	editor := o.as(news.RoleEditor)
	before, _, _ := o.store.Articles(context.Background(), store.ArticleFilter{Statuses: []news.Status{news.StatusDraft}, Limit: 100})
	for _, token := range []string{"", "forged", o.as(news.RoleAdmin).csrf} {
		form := storyForm("Forged story")
		form.Set("csrf", token)
		form.Set("action", "draft")
		w := editor.do("POST", "/admin/stories/", form)
		if w.Code != http.StatusForbidden {
			t.Errorf("CSRF token %q: %d, want 403", token, w.Code)
		}
	}
	after, _, _ := o.store.Articles(context.Background(), store.ArticleFilter{Statuses: []news.Status{news.StatusDraft}, Limit: 100})
	if len(after) != len(before) {
		t.Fatalf("a refused POST created a story")
	}
	// A cross-site Origin is refused even with the right token.
	r := httptest.NewRequest("POST", "/admin/stories/", strings.NewReader(url.Values{"csrf": {editor.csrf}, "headline": {"x"}}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "https://evil.example")
	r.AddCookie(&http.Cookie{Name: "herald_session", Value: editor.cookie})
	w := httptest.NewRecorder()
	o.h.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", w.Code)
	}
}

// signin goes through the real sign-in form and returns the session cookie.
func signin(o *office, email, password string) (*httptest.ResponseRecorder, string) {
	w := (&client{o: o}).get("/admin/signin")
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindStringSubmatch(w.Body.String())
	if m == nil {
		o.t.Fatalf("no form token on the sign-in page:\n%s", w.Body.String())
	}
	w = (&client{o: o}).do("POST", "/admin/signin", url.Values{"token": {m[1]}, "email": {email}, "password": {password}})
	for _, c := range w.Result().Cookies() {
		if c.Name == "herald_session" && c.Value != "" {
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
				o.t.Errorf("session cookie lacks HttpOnly or SameSite=Lax: %+v", c)
			}
			return w, c.Value
		}
	}
	return w, ""
}

func TestSigninThrottling(t *testing.T) {
	o := newOffice(t)
	for i := range 5 {
		if w, _ := signin(o, "editor@herald.test", "wrong password "+strconv.Itoa(i)); w.Code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d", i, w.Code)
		}
	}
	w, cookie := signin(o, "editor@herald.test", "password-editor")
	if w.Code != http.StatusTooManyRequests || cookie != "" || !strings.Contains(w.Body.String(), "Too many failed sign-ins") {
		t.Fatalf("sixth attempt: %d, cookie %q", w.Code, cookie)
	}
	o.advance(16 * time.Minute)
	if w, cookie := signin(o, "editor@herald.test", "password-editor"); w.Code != http.StatusSeeOther || cookie == "" {
		t.Fatalf("after the window: %d, cookie %q", w.Code, cookie)
	}
	if w, cookie := signin(o, "nobody@herald.test", "password-editor"); w.Code != http.StatusUnauthorized || cookie != "" {
		t.Fatalf("unknown account: %d", w.Code)
	}
}

func TestSessionExpiryAndRotation(t *testing.T) {
	o := newOffice(t)
	w, first := signin(o, "admin@herald.test", "password-admin")
	if first == "" {
		t.Fatalf("sign-in failed: %d", w.Code)
	}
	c := &client{o: o, cookie: first}
	if w := c.get("/admin/"); w.Code != http.StatusOK {
		t.Fatalf("fresh session: %d", w.Code)
	}
	_, second := signin(o, "admin@herald.test", "password-admin")
	if second == first {
		t.Fatal("signing in again reused the session token")
	}
	o.advance(auth.SessionIdle + time.Minute)
	if w := c.get("/admin/"); w.Code != http.StatusSeeOther {
		t.Fatalf("idle session: %d, want a redirect to sign in", w.Code)
	}
}

func TestTwoSessionsSavingInTurnKeepBothTexts(t *testing.T) {
	o := newOffice(t)
	ann, bob := o.as(news.RoleEditor), o.as(news.RoleAdmin)
	id := ann.create(storyForm("Budget talks stall"), "draft")
	path := "/admin/stories/" + strconv.FormatInt(id, 10) + "/"
	annForm, bobForm := storyForm("Budget talks stall"), storyForm("Budget talks stall")
	annForm.Set("version", "1")
	bobForm.Set("version", "1")
	annForm.Set("body", "Ann's version of the story.")
	bobForm.Set("body", "Bob's version of the story.")
	annForm.Set("action", "draft")
	bobForm.Set("action", "draft")
	if w := ann.post(path, annForm); w.Code != http.StatusSeeOther {
		t.Fatalf("Ann's save: %d\n%s", w.Code, w.Body.String())
	}
	w := bob.post(path, bobForm)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "Ann&#39;s version") || !strings.Contains(w.Body.String(), "Bob&#39;s version") {
		t.Fatalf("Bob's save over an old version: %d, want 409 showing both texts", w.Code)
	}
	revs, err := o.store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, r := range revs {
		full, err := o.store.Revision(context.Background(), id, r.Number)
		if err != nil {
			t.Fatal(err)
		}
		found[full.Snapshot.BodyMarkdown] = true
	}
	if !found["Ann's version of the story."] || !found["Bob's version of the story."] {
		t.Fatalf("revisions hold %v; both texts must survive", found)
	}
}

func TestWorkflowAndCorrections(t *testing.T) {
	o := newOffice(t)
	contributor, editor := o.as(news.RoleContributor), o.as(news.RoleEditor)
	form := storyForm("Ferry pilots reach deal")
	if w := contributor.post("/admin/stories/", withAction(form, "publish")); w.Code != http.StatusForbidden {
		t.Fatalf("a contributor published: %d", w.Code)
	}
	id := contributor.create(storyForm("Ferry pilots reach deal"), "review")
	path := "/admin/stories/" + strconv.FormatInt(id, 10) + "/"
	a, err := o.store.ArticleByID(context.Background(), id)
	if err != nil || a.Status != news.StatusReview {
		t.Fatalf("submitted story: %+v %v", a, err)
	}
	pub := storyForm("Ferry pilots reach deal")
	pub.Set("version", strconv.Itoa(a.Version))
	if w := editor.post(path, withAction(pub, "publish")); w.Code != http.StatusSeeOther {
		t.Fatalf("editor publish: %d\n%s", w.Code, w.Body.String())
	}
	a, _ = o.store.ArticleByID(context.Background(), id)
	if front := (&client{o: o}).get("/"); !strings.Contains(front.Body.String(), "Ferry pilots reach deal") {
		t.Fatal("the published story is not on the front page")
	}
	if w := contributor.post(path+"corrections", url.Values{"kind": {"correction"}, "text": {"x"}}); w.Code != http.StatusForbidden {
		t.Fatalf("a contributor appended a correction: %d", w.Code)
	}
	if w := editor.post(path+"corrections", url.Values{"kind": {"correction"}, "text": {""}}); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("an empty correction: %d", w.Code)
	}
	if w := editor.post(path+"corrections", url.Values{"kind": {"correction"}, "text": {"The pilots' union was misnamed."}}); w.Code != http.StatusSeeOther {
		t.Fatalf("correction: %d", w.Code)
	}
	for _, p := range []string{a.Path(), "/corrections/"} {
		if w := (&client{o: o}).get(p); !strings.Contains(w.Body.String(), "misnamed") {
			t.Errorf("%s does not show the correction", p)
		}
	}
	// Bad input is named beside its field and keeps what was typed.
	bad := storyForm("Ferry pilots reach deal")
	bad.Set("version", strconv.Itoa(a.Version+1))
	bad.Set("section", "no-such-section")
	bad.Set("headline", "Kept headline")
	w := editor.post(path, withAction(bad, "save"))
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "choose a section") || !strings.Contains(w.Body.String(), `value="Kept headline"`) {
		t.Fatalf("bad section: %d", w.Code)
	}
	if got, _ := o.store.ArticleByID(context.Background(), id); got.Headline != "Ferry pilots reach deal" {
		t.Fatal("a refused save changed the story")
	}
}

func withAction(f url.Values, action string) url.Values {
	f.Set("action", action)
	return f
}
