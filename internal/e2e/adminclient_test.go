package e2e

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/store"
)

// adminClient is a signed-in back-office session over plain HTTP.
type adminClient struct {
	t    *testing.T
	base string
	http *http.Client
}

var (
	tokenRE = regexp.MustCompile(`name="token" value="([^"]+)"`)
	csrfRE  = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	storyRE = regexp.MustCompile(`/admin/stories/(\d+)/`)
)

func newAdminClient(t *testing.T, base, email, password string) *adminClient {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &adminClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 20 * time.Second}}
	page := c.fetch("/admin/signin")
	m := tokenRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no sign-in form:\n%s", page)
	}
	resp := c.post("/admin/signin", url.Values{"token": {m[1]}, "email": {email}, "password": {password}})
	if !strings.HasSuffix(resp.Request.URL.Path, "/admin/") {
		t.Fatalf("signing in led to %s", resp.Request.URL)
	}
	return c
}

func (c *adminClient) fetch(path string) string {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func (c *adminClient) post(path string, form url.Values) *http.Response {
	c.t.Helper()
	resp, err := c.http.PostForm(c.base+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// createStory fills the new-story form with fields and returns the story's ID.
func (c *adminClient) createStory(fields map[string]string) int64 {
	c.t.Helper()
	m := csrfRE.FindStringSubmatch(c.fetch("/admin/stories/new"))
	if m == nil {
		c.t.Fatal("no CSRF token on the new-story page")
	}
	form := url.Values{"csrf": {m[1]}}
	for k, v := range fields {
		form.Set(k, v)
	}
	resp := c.post("/admin/stories/", form)
	id := storyRE.FindStringSubmatch(resp.Request.URL.Path)
	if resp.StatusCode != 200 || id == nil {
		c.t.Fatalf("creating the story ended at %s with %d", resp.Request.URL, resp.StatusCode)
	}
	n, _ := strconv.ParseInt(id[1], 10, 64)
	return n
}

// loc is the demo newsroom's time zone, which the editor's times are in.
func (c *adminClient) loc() *time.Location {
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		c.t.Fatal(err)
	}
	return loc
}

// storyPath reads a story's public address from the database.
func storyPath(t *testing.T, db string, id int64) string {
	t.Helper()
	return withStore(t, db, func(st *store.Store) string {
		a, err := st.ArticleByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Path()
	})
}

// withStore opens the database beside the running server, as the herald
// command would.
func withStore[T any](t *testing.T, db string, fn func(*store.Store) T) T {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return fn(st)
}

// countRevisions counts a story's revisions of one kind.
func countRevisions(t *testing.T, db string, id int64, kind string) int {
	t.Helper()
	return withStore(t, db, func(st *store.Store) int {
		revs, err := st.Revisions(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range revs {
			if r.Kind == kind {
				n++
			}
		}
		return n
	})
}

func httpStatus(u string) int {
	resp, err := (&http.Client{Timeout: 5 * time.Second}).Get(u)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// waitFor polls cond until it holds or limit passes.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", limit, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func newPlainClient() *http.Client { return &http.Client{Timeout: 10 * time.Second} }
