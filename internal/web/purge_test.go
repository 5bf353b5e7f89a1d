package web_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

// purgeCall is one call the stand-in CDN received.
type purgeCall struct {
	n      int // from 1
	keys   []string
	sentAt time.Time
	header http.Header
	body   []byte
}

// cdn stands in for a CDN's purge endpoint: it records every call and
// answers with the status answer returns for it (204 when answer is nil).
type cdn struct {
	srv      *httptest.Server
	arrived  chan purgeCall // each call as it arrives, before it is answered
	finished atomic.Int64   // calls answered

	mu    sync.Mutex
	calls []purgeCall
}

func newCDN(t *testing.T, answer func(n int, r *http.Request) int) *cdn {
	t.Helper()
	c := &cdn{arrived: make(chan purgeCall, 1000)}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer c.finished.Add(1)
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading a purge call: %v", err)
			return
		}
		var b struct {
			Keys   []string  `json:"keys"`
			SentAt time.Time `json:"sent_at"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&b); err != nil {
			t.Errorf("purge call body %s: %v", body, err)
		}
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("purge call is %s with Content-Type %q, want a POST of application/json", r.Method, r.Header.Get("Content-Type"))
		}
		c.mu.Lock()
		call := purgeCall{n: len(c.calls) + 1, keys: b.Keys, sentAt: b.SentAt, header: r.Header.Clone(), body: body}
		c.calls = append(c.calls, call)
		c.mu.Unlock()
		c.arrived <- call
		status := http.StatusNoContent
		if answer != nil {
			status = answer(call.n, r)
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(c.srv.Close)
	return c
}

// next waits for the next call.
func (c *cdn) next(t *testing.T) purgeCall {
	t.Helper()
	select {
	case call := <-c.arrived:
		return call
	case <-time.After(10 * time.Second):
		t.Fatalf("no purge call within 10 s (%d so far)", c.count())
		return purgeCall{}
	}
}

func (c *cdn) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.calls)
}

// gate holds calls until it is opened, or until the caller gives up on them.
type gate struct {
	ch   chan struct{}
	once sync.Once
}

func newGate(t *testing.T) *gate {
	g := &gate{ch: make(chan struct{})}
	t.Cleanup(g.open)
	return g
}

func (g *gate) open() { g.once.Do(func() { close(g.ch) }) }

// wait blocks until the gate opens or r's caller hangs up.
func (g *gate) wait(r *http.Request) {
	select {
	case <-g.ch:
	case <-r.Context().Done():
	}
}

// logBuffer collects log lines written from several goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitSent waits until n calls have been answered and their answers read.
func (b *logBuffer) waitSent(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if len(b.lines("DEBUG", "purge webhook: sent")) >= n {
			return
		}
	}
	t.Fatalf("fewer than %d purge calls went through; the log:\n%s", n, b.String())
}

func (b *logBuffer) lines(level, msg string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, "level="+level) && strings.Contains(l, msg) {
			out = append(out, l)
		}
	}
	return out
}

// waitFor waits until a line at level mentioning msg has been logged.
func (b *logBuffer) waitFor(t *testing.T, level, msg string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if l := b.lines(level, msg); len(l) > 0 {
			return l[0]
		}
	}
	t.Fatalf("nothing logged at %s mentioning %q; the log:\n%s", level, msg, b.String())
	return ""
}

// sleeper records the waits between attempts and returns at once.
type sleeper struct {
	mu     sync.Mutex
	delays []time.Duration
	then   func(d time.Duration) // called with each wait, when set
}

func (s *sleeper) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.delays = append(s.delays, d)
	s.mu.Unlock()
	if s.then != nil {
		s.then(d)
	}
	return ctx.Err()
}

func (s *sleeper) waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.delays)
}

// purgeScene is the demo site with its purge webhook pointed at a stand-in
// CDN and its watcher running.
type purgeScene struct {
	*site
	cdn    *cdn
	logs   *logBuffer
	sleeps *sleeper
	stop   func() // stops the watcher and waits for it; the test's end does too
}

func newPurgeScene(t *testing.T, answer func(n int, r *http.Request) int, edit ...func(*web.Options)) *purgeScene {
	t.Helper()
	sc := &purgeScene{cdn: newCDN(t, answer), logs: &logBuffer{}, sleeps: &sleeper{}}
	sc.site = newDemoSite(t, func(o *web.Options) {
		o.Logger = slog.New(slog.NewTextHandler(sc.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		o.Purge = web.PurgeOptions{URL: sc.cdn.srv.URL + "/purge", Sleep: sc.sleeps.sleep}
		for _, e := range edit {
			e(o)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); sc.srv.Watch(ctx) }()
	sc.stop = func() { cancel(); <-done }
	t.Cleanup(sc.stop)
	return sc
}

// stories returns n published stories of the demo newsroom.
func (sc *purgeScene) stories(t *testing.T, n int) []news.Article {
	t.Helper()
	as, _, err := sc.store.Articles(context.Background(), store.ArticleFilter{Limit: n, NoTotal: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) < n {
		t.Fatalf("the demo newsroom has %d published stories; the test needs %d", len(as), n)
	}
	return as
}

// correct appends a correction to story id and returns the keys the change
// names, sorted, as the purge call should carry them.
func (sc *purgeScene) correct(t *testing.T, id int64) []string {
	t.Helper()
	ctx := context.Background()
	last, err := sc.store.LastChangeID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = sc.store.AddCorrection(ctx, id, &news.Correction{Kind: news.KindCorrection, Text: "A date was wrong.", CreatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	// The keys the store recorded: the story's, the corrections log's and
	// the modification times', and the related lists the new words moved.
	changes, err := sc.store.Changes(ctx, last, 10)
	if err != nil || len(changes) != 1 {
		t.Fatalf("a correction recorded %+v, %v; want one change", changes, err)
	}
	keys := changes[0].Keys
	for _, k := range []string{news.ArticleKey(id), news.KeyCorrections, news.KeyModified} {
		if !slices.Contains(keys, k) {
			t.Fatalf("a correction recorded %q, without %q", keys, k)
		}
	}
	return union(keys)
}

// union merges sorted key lists into one sorted list without repeats.
func union(lists ...[]string) []string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// surrogateKeys are the keys a page's Surrogate-Key response header names.
func surrogateKeys(t *testing.T, h http.Handler, path string) []string {
	t.Helper()
	return strings.Fields(get(t, h, path, http.StatusOK).Header().Get("Surrogate-Key"))
}

func TestPurgeSendsTheChangedKeys(t *testing.T) {
	ctx := context.Background()
	sc := newPurgeScene(t, nil)
	story := sc.stories(t, 1)[0]

	// A publish: the new story's keys and the lists that show it.
	a := &news.Article{
		Slug: "a-purged-story", Section: story.Section, Headline: "A purged story", BodyMarkdown: "Text.",
		BodyHTML: "<p>Text.</p>", WordCount: 1, Status: news.StatusPublished, PublishedAt: now,
		Authors: story.Authors[:1], CommentsOpen: true,
	}
	if err := sc.store.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	call := sc.cdn.next(t)
	for _, k := range []string{news.ArticleKey(a.ID), news.KeyListAll, news.SectionListKey(a.Section.ID), news.AuthorListKey(a.Authors[0].ID)} {
		if !slices.Contains(call.keys, k) {
			t.Errorf("publish: the purge call's keys %q lack %q", call.keys, k)
		}
	}
	if !slices.IsSorted(call.keys) || len(slices.Compact(slices.Clone(call.keys))) != len(call.keys) {
		t.Errorf("publish: keys %q are not sorted and distinct", call.keys)
	}
	if got := call.header.Get("Surrogate-Key"); got != strings.Join(call.keys, " ") {
		t.Errorf("publish: Surrogate-Key request header %q, want the body's keys %q", got, strings.Join(call.keys, " "))
	}
	if got := call.header.Get("Herald-Signature"); got != "" {
		t.Errorf("unsigned webhook sent Herald-Signature %q", got)
	}
	if !call.sentAt.Equal(now) {
		t.Errorf("sent_at = %v, want the site's clock %v", call.sentAt, now)
	}
	// Every page that shows the story answers with a Surrogate-Key the
	// purge names, so a CDN purging by key drops it.
	for _, p := range []string{a.Path(), "/", "/" + a.Section.Slug + "/", "/feed.xml"} {
		if keys := surrogateKeys(t, sc.h, p); !slices.ContainsFunc(keys, func(k string) bool { return k != news.KeySite && slices.Contains(call.keys, k) }) {
			t.Errorf("publish: %s has Surrogate-Key %q, of which the purge %q names none", p, keys, call.keys)
		}
	}

	// A correction: exactly the keys of the change, in the header's spelling.
	want := sc.correct(t, a.ID)
	call = sc.cdn.next(t)
	if !slices.Equal(call.keys, want) {
		t.Errorf("correction: purge keys %q, want %q", call.keys, want)
	}
	if got := call.header.Get("Surrogate-Key"); got != strings.Join(want, " ") {
		t.Errorf("correction: Surrogate-Key request header %q, want %q", got, strings.Join(want, " "))
	}
	for _, p := range []string{a.Path(), "/corrections/"} {
		if keys := surrogateKeys(t, sc.h, p); !slices.ContainsFunc(keys, func(k string) bool { return k != news.KeySite && slices.Contains(want, k) }) {
			t.Errorf("correction: %s has Surrogate-Key %q, of which the purge %q names none", p, keys, want)
		}
	}
}

func TestPurgeRetriesWithBackoff(t *testing.T) {
	second := make(chan struct{})
	sc := newPurgeScene(t, func(n int, r *http.Request) int {
		switch n {
		case 1:
			// Fail only once a second change has come in, so that the
			// retry must carry both.
			select {
			case <-second:
			case <-r.Context().Done():
			}
			return http.StatusServiceUnavailable
		case 2:
			return http.StatusInternalServerError
		}
		return http.StatusOK
	})
	as := sc.stories(t, 2)
	first := sc.correct(t, as[0].ID)
	if call := sc.cdn.next(t); !slices.Equal(call.keys, first) {
		t.Fatalf("first call: keys %q, want %q", call.keys, first)
	}
	both := union(first, sc.correct(t, as[1].ID))
	close(second)
	for n := 2; n <= 3; n++ {
		if call := sc.cdn.next(t); !slices.Equal(call.keys, both) {
			t.Errorf("call %d: keys %q, want the failed call's and the later change's %q", n, call.keys, both)
		}
	}
	sc.logs.waitSent(t, 1)
	sc.stop()
	if n := sc.cdn.count(); n != 3 {
		t.Errorf("%d calls, want 3: two failures and a success %v\n%s", n, sc.cdn.calls, sc.logs.String())
	}
	waits := sc.sleeps.waits()
	if len(waits) != 2 || !within(waits[0], time.Second) || !within(waits[1], 2*time.Second) {
		t.Errorf("waits between attempts %v, want about 1s then 2s", waits)
	}
	for _, want := range []string{"attempt=1 status=503", "attempt=2 status=500"} {
		if len(sc.logs.lines("WARN", want)) != 1 {
			t.Errorf("no warning logged with %q:\n%s", want, sc.logs.String())
		}
	}
	if l := sc.logs.lines("ERROR", ""); len(l) > 0 {
		t.Errorf("errors logged for a purge that got through: %q", l)
	}
}

// within reports whether d is base plus at most a quarter of it (the jitter).
func within(d, base time.Duration) bool { return d >= base && d <= base+base/4 }

func TestPurgeGivesUp(t *testing.T) {
	fail := func(int, *http.Request) int { return http.StatusBadGateway }
	t.Run("after eight attempts", func(t *testing.T) {
		sc := newPurgeScene(t, fail)
		as := sc.stories(t, 2)
		want := sc.correct(t, as[0].ID)
		for range 8 {
			if call := sc.cdn.next(t); !slices.Equal(call.keys, want) {
				t.Fatalf("call %d: keys %q, want %q", call.n, call.keys, want)
			}
		}
		line := sc.logs.waitFor(t, "ERROR", "giving up")
		if !strings.Contains(line, "attempt=8") || !strings.Contains(line, "status=502") {
			t.Errorf("the give-up line does not say which attempt and status: %s", line)
		}
		bases := []time.Duration{1, 2, 4, 8, 16, 32, 60}
		waits := sc.sleeps.waits()
		if len(waits) != len(bases) {
			t.Fatalf("%d waits %v, want %d", len(waits), waits, len(bases))
		}
		for i, b := range bases {
			if !within(waits[i], b*time.Second) {
				t.Errorf("wait %d is %v, want %v plus at most a quarter", i+1, waits[i], b*time.Second)
			}
		}
		// The sender is still there; the next change starts afresh without
		// the keys it gave up on.
		next := sc.correct(t, as[1].ID)
		if call := sc.cdn.next(t); call.n != 9 || !slices.Equal(call.keys, next) {
			t.Errorf("after giving up: call %d with keys %q, want call 9 with %q", call.n, call.keys, next)
		}
	})
	t.Run("after five minutes", func(t *testing.T) {
		var clock atomic.Int64
		clock.Store(now.UnixNano())
		sc := newPurgeScene(t, fail, func(o *web.Options) {
			o.Now = func() time.Time { return time.Unix(0, clock.Load()).UTC() }
		})
		sc.sleeps.then = func(time.Duration) { clock.Add(int64(2 * time.Minute)) }
		sc.correct(t, sc.stories(t, 1)[0].ID)
		line := sc.logs.waitFor(t, "ERROR", "giving up")
		// Attempts at 0, 2, 4 and 6 minutes; the fourth is past five.
		if !strings.Contains(line, "attempt=4") || sc.cdn.count() != 4 {
			t.Errorf("%d calls before giving up, want 4; logged: %s", sc.cdn.count(), line)
		}
	})
}

func TestPurgeNeverBlocksWrites(t *testing.T) {
	g := newGate(t)
	sc := newPurgeScene(t, func(_ int, r *http.Request) int { g.wait(r); return http.StatusOK })
	as := sc.stories(t, 2)
	before := snapshot(t, sc.h, []string{as[0].Path(), as[1].Path()})
	// correct appends a correction and fails unless it returns while the
	// receiver still hangs.
	correct := func(a news.Article) []string {
		t.Helper()
		last, err := sc.store.LastChangeID(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			done <- sc.store.AddCorrection(context.Background(), a.ID, &news.Correction{Kind: news.KindCorrection, Text: "A name was misspelt.", CreatedAt: now})
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("a write waited for the hanging purge webhook")
		}
		if n := sc.cdn.finished.Load(); n != 0 {
			t.Fatalf("the receiver answered %d calls; the test needs it still hanging", n)
		}
		// The page cache dropped the story already, without the CDN.
		expectChanged(t, sc.h, before, a.Path())
		changes, err := sc.store.Changes(context.Background(), last, 10)
		if err != nil || len(changes) != 1 {
			t.Fatalf("a correction recorded %+v, %v; want one change", changes, err)
		}
		return union(changes[0].Keys)
	}
	first := correct(as[0])
	if call := sc.cdn.next(t); !slices.Equal(call.keys, first) {
		t.Fatalf("first call: keys %q, want %q", call.keys, first)
	}
	// The receiver now hangs on the first call.
	second := correct(as[1])
	g.open()
	if call := sc.cdn.next(t); !slices.Equal(call.keys, second) {
		t.Errorf("after the receiver recovered: keys %q, want %q", call.keys, second)
	}
}

func TestPurgeCoalesces(t *testing.T) {
	g := newGate(t)
	sc := newPurgeScene(t, func(_ int, r *http.Request) int { g.wait(r); return http.StatusOK })
	as := sc.stories(t, 20)
	sc.correct(t, as[0].ID)
	sc.cdn.next(t)
	// While the first call hangs, a burst of 60 corrections across 20 stories.
	var want []string
	for i := range 60 {
		want = union(want, sc.correct(t, as[i%len(as)].ID))
	}
	g.open()
	if call := sc.cdn.next(t); !slices.Equal(call.keys, want) {
		t.Errorf("the burst's call: keys %q, want %q", call.keys, want)
	}
	sc.logs.waitSent(t, 2)
	sc.stop()
	if n := sc.cdn.count(); n != 2 {
		t.Errorf("%d calls for 61 changes, want 2: the first and one for the burst", n)
	}
}

func TestPurgeOverflowPurgesEverything(t *testing.T) {
	g := newGate(t)
	sc := newPurgeScene(t, func(_ int, r *http.Request) int { g.wait(r); return http.StatusOK }, func(o *web.Options) {
		o.Purge.MaxKeys = 5
	})
	as := sc.stories(t, 6)
	// A first change of two keys (a tag's and the directory's) holds the
	// receiver while the rest pile up.
	tags, err := sc.store.Tags(context.Background())
	if err != nil || len(tags) == 0 {
		t.Fatalf("tags: %v, %v", tags, err)
	}
	tag := tags[0]
	tag.Name += " (renamed)"
	if err := sc.store.UpdateTag(context.Background(), &tag); err != nil {
		t.Fatal(err)
	}
	sc.cdn.next(t)
	for _, a := range as { // 6 story keys, the corrections log and mod: 8 > 5
		sc.correct(t, a.ID)
	}
	g.open()
	call := sc.cdn.next(t)
	if !slices.Equal(call.keys, []string{news.KeySite}) || call.header.Get("Surrogate-Key") != news.KeySite {
		t.Errorf("after an overflow: keys %q, Surrogate-Key %q; want only %q", call.keys, call.header.Get("Surrogate-Key"), news.KeySite)
	}
	if len(sc.logs.lines("WARN", "purges everything")) != 1 {
		t.Errorf("the overflow was not logged once:\n%s", sc.logs.String())
	}
	// Every public response names that key, so purging it purges them all.
	for _, p := range []string{"/", as[0].Path(), "/feed.xml", "/robots.txt"} {
		if !slices.Contains(surrogateKeys(t, sc.h, p), news.KeySite) {
			t.Errorf("%s does not carry the purge-everything key %q", p, news.KeySite)
		}
	}
	// New settings change every page: the same single key.
	settings, err := sc.store.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	settings.Tagline = "Purged everywhere"
	if err := sc.store.SaveSettings(context.Background(), settings); err != nil {
		t.Fatal(err)
	}
	if call := sc.cdn.next(t); !slices.Equal(call.keys, []string{news.KeySite}) {
		t.Errorf("after new settings: keys %q, want only %q", call.keys, news.KeySite)
	}
	sc.logs.waitSent(t, 3)
	sc.stop()
	if n := sc.cdn.count(); n != 3 {
		t.Errorf("%d calls, want 3", n)
	}
}

func TestPurgeSignature(t *testing.T) {
	const secret = "a shared purge secret"
	sc := newPurgeScene(t, nil, func(o *web.Options) { o.Purge.Secret = secret })
	sc.correct(t, sc.stories(t, 1)[0].ID)
	call := sc.cdn.next(t)
	verify := func(key string, body []byte) bool {
		sig, ok := strings.CutPrefix(call.header.Get("Herald-Signature"), "sha256=")
		got, err := hex.DecodeString(sig)
		if !ok || err != nil {
			return false
		}
		m := hmac.New(sha256.New, []byte(key))
		m.Write(body)
		return hmac.Equal(got, m.Sum(nil))
	}
	if !verify(secret, call.body) {
		t.Fatalf("Herald-Signature %q does not verify the body %s", call.header.Get("Herald-Signature"), call.body)
	}
	if verify("another secret", call.body) {
		t.Error("the signature verifies under another secret")
	}
	if verify(secret, bytes.Replace(call.body, []byte(`"keys":[`), []byte(`"keys":["site",`), 1)) {
		t.Error("the signature verifies a changed body")
	}
}

func TestPurgeTimeout(t *testing.T) {
	sc := newPurgeScene(t, func(n int, r *http.Request) int {
		if n == 1 {
			<-r.Context().Done() // hangs until Herald gives up on the call
		}
		return http.StatusOK
	}, func(o *web.Options) { o.Purge.Timeout = 100 * time.Millisecond })
	want := sc.correct(t, sc.stories(t, 1)[0].ID)
	sc.cdn.next(t)
	if call := sc.cdn.next(t); !slices.Equal(call.keys, want) {
		t.Errorf("the retry after a timeout: keys %q, want %q", call.keys, want)
	}
	if l := sc.logs.waitFor(t, "WARN", "attempt=1"); !strings.Contains(l, "deadline exceeded") {
		t.Errorf("the timeout's warning does not say it timed out: %s", l)
	}
}

func TestPurgeFlushesOnShutdown(t *testing.T) {
	sc := newPurgeScene(t, func(n int, r *http.Request) int {
		if n == 1 {
			<-r.Context().Done() // in flight when the site shuts down
		}
		return http.StatusOK
	})
	as := sc.stories(t, 2)
	first := sc.correct(t, as[0].ID)
	sc.cdn.next(t)
	second := sc.correct(t, as[1].ID)
	start := time.Now()
	sc.stop()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopping took %v", d)
	}
	if n := sc.cdn.count(); n != 2 {
		t.Fatalf("%d calls by the time Watch returned, want the cut-off one and the last", n)
	}
	if call := sc.cdn.next(t); !slices.Equal(call.keys, union(first, second)) {
		t.Errorf("the last call: keys %q, want %q", call.keys, union(first, second))
	}
}
