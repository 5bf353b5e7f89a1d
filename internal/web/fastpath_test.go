package web_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/web"
)

// fastPair serves one site, with one page cache, twice over loopback: through
// net/http alone, and through the fast path in front of net/http. The same
// request sent to both must get the same answer.
type fastPair struct {
	plain, fast string
	ln          *web.FastListener
	srv         *http.Server
}

var testLimits = web.FastTimeouts{Header: 5 * time.Second, Idle: 5 * time.Second, Write: 5 * time.Second}

func startFastPair(t *testing.T, s *site, limits web.FastTimeouts) *fastPair {
	t.Helper()
	listen := func() net.Listener {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		return ln
	}
	plainLn, fastLn := listen(), listen()
	plain := &http.Server{Handler: s.h, ReadHeaderTimeout: limits.Header, IdleTimeout: limits.Idle}
	fast := &http.Server{Handler: s.h, ReadHeaderTimeout: limits.Header, IdleTimeout: limits.Idle}
	fl := s.srv.Listen(fastLn, limits)
	go plain.Serve(plainLn)
	go fast.Serve(fl)
	t.Cleanup(func() {
		plain.Close()
		fast.Close()
		fl.Close()
	})
	return &fastPair{plain: plainLn.Addr().String(), fast: fastLn.Addr().String(), ln: fl, srv: fast}
}

// exchange writes raw to a new connection to addr and reads one response per
// method in methods (a HEAD answer has no body).
func exchange(t *testing.T, addr, raw string, methods ...string) []*answer {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	var out []*answer
	for _, m := range methods {
		resp, err := http.ReadResponse(br, &http.Request{Method: m})
		if err != nil {
			t.Fatalf("%q: reading answer %d: %v", raw, len(out)+1, err)
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("%q: reading body %d: %v", raw, len(out)+1, err)
		}
		resp.Body.Close()
		out = append(out, &answer{resp: resp, body: body})
	}
	return out
}

type answer struct {
	resp *http.Response
	body []byte
}

// sameAnswer fails unless a and b have the same status, header fields (but
// Date) and body.
func sameAnswer(t *testing.T, what string, a, b *answer) {
	t.Helper()
	if a.resp.StatusCode != b.resp.StatusCode {
		t.Errorf("%s: status %d through net/http, %d on the fast path", what, a.resp.StatusCode, b.resp.StatusCode)
	}
	ha, hb := a.resp.Header.Clone(), b.resp.Header.Clone()
	ha.Del("Date")
	hb.Del("Date")
	keys := func(h http.Header) []string {
		var k []string
		for name := range h {
			k = append(k, name)
		}
		slices.Sort(k)
		return k
	}
	if !slices.Equal(keys(ha), keys(hb)) {
		t.Errorf("%s: header names differ:\nnet/http %v\nfast     %v", what, keys(ha), keys(hb))
	}
	for name, va := range ha {
		if vb := hb[name]; !slices.Equal(va, vb) {
			t.Errorf("%s: %s is %q through net/http, %q on the fast path", what, name, va, vb)
		}
	}
	if a.resp.ContentLength != b.resp.ContentLength {
		t.Errorf("%s: Content-Length %d through net/http, %d on the fast path", what, a.resp.ContentLength, b.resp.ContentLength)
	}
	if !bytes.Equal(a.body, b.body) {
		t.Errorf("%s: bodies differ (%d and %d bytes)", what, len(a.body), len(b.body))
	}
}

// TestFastPathAnswersAsNetHTTP sends the same requests to net/http and to the
// fast path: each answer must be the same, the cached pages must be answered
// on the fast path, and everything else must be left to net/http.
func TestFastPathAnswersAsNetHTTP(t *testing.T) {
	s := newDemoSite(t)
	p := startFastPair(t, s, testLimits)
	story := storyWithCreditsAndCorrections
	section := "/usa-news/"

	// Fill the shared cache, and learn the front page's ETag.
	var etag string
	for _, path := range []string{"/", story, section, "/feed.xml", "/sitemap.xml"} {
		a := exchange(t, p.plain, "GET "+path+" HTTP/1.1\r\nHost: herald.test\r\n\r\n", "GET")[0]
		if a.resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, a.resp.StatusCode)
		}
		if path == "/" {
			etag = a.resp.Header.Get("Etag")
		}
	}
	if etag == "" {
		t.Fatal("the front page has no ETag")
	}

	get := func(path, fields string) string {
		return "GET " + path + " HTTP/1.1\r\nHost: herald.test\r\n" + fields + "\r\n"
	}
	tests := []struct {
		name, raw string
		method    string
		fast      bool // answered on the fast path
		status    int
	}{
		{"front page", get("/", ""), "GET", true, 200},
		{"head", "HEAD / HTTP/1.1\r\nHost: herald.test\r\n\r\n", "HEAD", true, 200},
		{"story", get(story, ""), "GET", true, 200},
		{"section", get(section, ""), "GET", true, 200},
		{"feed", get("/feed.xml", ""), "GET", true, 200},
		{"sitemap", get("/sitemap.xml", ""), "GET", true, 200},
		{"gzip", get("/", "Accept-Encoding: gzip, deflate\r\n"), "GET", true, 200},
		{"brotli", get("/", "Accept-Encoding: gzip;q=0.5, br\r\n"), "GET", true, 200},
		{"nothing acceptable", get("/", "Accept-Encoding: gzip;q=0, br;q=0\r\n"), "GET", true, 200},
		{"first accept-encoding counts", get("/", "Accept-Encoding: gzip\r\nAccept-Encoding: br\r\n"), "GET", true, 200},
		{"lower-case names", "GET / HTTP/1.1\r\nhost: herald.test\r\naccept-encoding: br\r\nconnection: Keep-Alive\r\n\r\n", "GET", true, 200},
		{"if-none-match", get("/", "If-None-Match: "+etag+"\r\n"), "GET", true, 304},
		{"if-none-match, head", "HEAD / HTTP/1.1\r\nHost: herald.test\r\nIf-None-Match: " + etag + "\r\n\r\n", "HEAD", true, 304},
		{"if-none-match other", get("/", "If-None-Match: \"other\"\r\n"), "GET", true, 200},
		{"if-modified-since later", get("/", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n"), "GET", true, 304},
		{"if-modified-since earlier", get("/", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT\r\n"), "GET", true, 200},
		{"if-modified-since malformed", get("/", "If-Modified-Since: yesterday\r\n"), "GET", true, 200},
		{"behind https", get("/", "X-Forwarded-Proto: https\r\n"), "GET", true, 200},
		{"tracking parameters", get("/?utm_source=letter&utm_medium=email", ""), "GET", true, 200},
		{"cookie", get("/", "Cookie: herald_session=abc\r\n"), "GET", true, 200},
		{"huge accept-encoding", get("/", "Accept-Encoding: "+strings.Repeat("x", 3000)+"\r\n"), "GET", true, 200},

		{"post", "POST / HTTP/1.1\r\nHost: herald.test\r\nContent-Length: 3\r\n\r\na=b", "POST", false, 405},
		{"escaped path", get("/%66eed.xml", ""), "GET", false, 200},
		{"double slash", get("//", ""), "GET", false, 307},
		{"dot segment", get("/tags/../", ""), "GET", false, 307},
		{"connection close", get("/", "Connection: close\r\n"), "GET", false, 200},
		{"http/1.0", "GET / HTTP/1.0\r\nHost: herald.test\r\n\r\n", "GET", false, 200},
		{"no host", "GET / HTTP/1.1\r\n\r\n", "GET", false, 400},
		{"two hosts", get("/", "Host: other.test\r\n"), "GET", false, 400},
		{"bad host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "GET", false, 400},
		{"bare LF", "GET / HTTP/1.1\nHost: herald.test\n\n", "GET", false, 200},
		{"space before colon", get("/", "Accept-Encoding : gzip\r\n"), "GET", false, 400},
		{"content-length", get("/", "Content-Length: 0\r\n"), "GET", false, 200},
		{"absolute form", "GET http://herald.test/ HTTP/1.1\r\nHost: herald.test\r\n\r\n", "GET", false, 200},
		{"not cached", get("/no-such-page/", ""), "GET", false, 404},
		{"health", get("/healthz", ""), "GET", false, 200},
		{"search", get("/search?q=council", ""), "GET", false, 200},
		{"control character", get("/", "X-Note: a\x01b\r\n"), "GET", false, 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			exchange(t, p.plain, tc.raw, tc.method) // a page net/http caches is cached before both
			before, handedBefore := p.ln.Counts()
			want := exchange(t, p.plain, tc.raw, tc.method)[0]
			got := exchange(t, p.fast, tc.raw, tc.method)[0]
			after, handedAfter := p.ln.Counts()
			if got.resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", got.resp.StatusCode, tc.status)
			}
			sameAnswer(t, tc.name, want, got)
			switch {
			case tc.fast && after != before+1:
				t.Errorf("not answered on the fast path (answered %d → %d, handed over %d → %d)", before, after, handedBefore, handedAfter)
			case !tc.fast && (after != before || handedAfter != handedBefore+1):
				t.Errorf("the fast path answered it (answered %d → %d, handed over %d → %d)", before, after, handedBefore, handedAfter)
			}
			if tc.fast && got.resp.Header.Get("Date") == "" {
				t.Error("no Date on the fast path")
			}
			if tc.name == "behind https" && got.resp.Header.Get("Strict-Transport-Security") == "" {
				t.Error("no Strict-Transport-Security behind https")
			}
		})
	}
}

// TestFastPathHandsOverMidConnection pipelines a cached page, a request the
// fast path leaves to net/http, and the cached page again: the three answers
// come back in order, the last two from net/http.
func TestFastPathHandsOverMidConnection(t *testing.T) {
	s := newDemoSite(t)
	p := startFastPair(t, s, testLimits)
	exchange(t, p.plain, "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n", "GET")

	raw := "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n" +
		"GET /healthz HTTP/1.1\r\nHost: herald.test\r\n\r\n" +
		"HEAD / HTTP/1.1\r\nHost: herald.test\r\n\r\n"
	before, handed := p.ln.Counts()
	want := exchange(t, p.plain, raw, "GET", "GET", "HEAD")
	got := exchange(t, p.fast, raw, "GET", "GET", "HEAD")
	for i := range want {
		sameAnswer(t, []string{"page", "health", "head"}[i], want[i], got[i])
	}
	if after, handedAfter := p.ln.Counts(); after != before+1 || handedAfter != handed+1 {
		t.Errorf("answered %d → %d, handed over %d → %d; want one of each", before, after, handed, handedAfter)
	}

	// Two cached pages in one write are both answered on the fast path.
	raw = "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\nGET / HTTP/1.1\r\nHost: herald.test\r\nAccept-Encoding: gzip\r\n\r\n"
	before, _ = p.ln.Counts()
	want = exchange(t, p.plain, raw, "GET", "GET")
	got = exchange(t, p.fast, raw, "GET", "GET")
	sameAnswer(t, "first", want[0], got[0])
	sameAnswer(t, "second", want[1], got[1])
	if after, _ := p.ln.Counts(); after != before+2 {
		t.Errorf("answered %d → %d, want two more", before, after)
	}
}

// TestFastPathSeesInvalidation: once a change drops a page, the fast path no
// longer answers it, and net/http renders it afresh.
func TestFastPathSeesInvalidation(t *testing.T) {
	s := newDemoSite(t)
	p := startFastPair(t, s, testLimits)
	req := "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n"
	exchange(t, p.plain, req, "GET")
	if a := exchange(t, p.fast, req, "GET")[0]; a.resp.Header.Get("X-Cache") != "hit" {
		t.Fatalf("X-Cache %q before the change", a.resp.Header.Get("X-Cache"))
	}
	ctx := context.Background()
	sec, err := s.store.SectionBySlug(ctx, "culture")
	if err != nil {
		t.Fatal(err)
	}
	sec.Name = "Arts and Culture" // every page's navigation shows it
	if err := s.store.UpdateSection(ctx, sec); err != nil {
		t.Fatal(err)
	}
	before, _ := p.ln.Counts()
	if a := exchange(t, p.fast, req, "GET")[0]; a.resp.Header.Get("X-Cache") != "miss" || a.resp.StatusCode != 200 {
		t.Errorf("after the change: %d, X-Cache %q; want a fresh render", a.resp.StatusCode, a.resp.Header.Get("X-Cache"))
	}
	if after, _ := p.ln.Counts(); after != before {
		t.Error("the fast path answered a page the change had dropped")
	}
}

// TestFastPathTimeouts: a connection idle past the idle limit, or one that
// never finishes its header, is closed.
func TestFastPathTimeouts(t *testing.T) {
	s := newDemoSite(t)
	limits := web.FastTimeouts{Header: 300 * time.Millisecond, Idle: 300 * time.Millisecond, Write: time.Second}
	p := startFastPair(t, s, limits)
	exchange(t, p.plain, "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n", "GET")

	for _, tc := range []struct{ name, raw string }{
		{"idle after a page", "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n"},
		{"header never ends", "GET / HTTP/1.1\r\nHost: herald.te"},
		{"second header never ends", "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\nGET / HTTP/1.1\r\nHo"},
		{"nothing sent", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", p.fast)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			io.WriteString(c, tc.raw)
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			start := time.Now()
			_, err = io.Copy(io.Discard, c) // until the server closes
			if err != nil {
				t.Fatalf("the connection was not closed: %v", err)
			}
			if d := time.Since(start); d > 4*time.Second {
				t.Errorf("closed after %v", d)
			}
		})
	}
}

// TestFastPathSlowHeader: a header sent a byte at a time, each in time for
// the last, is still cut off at the header limit from its first byte.
func TestFastPathSlowHeader(t *testing.T) {
	s := newDemoSite(t)
	limits := web.FastTimeouts{Header: 400 * time.Millisecond, Idle: 5 * time.Second, Write: time.Second}
	p := startFastPair(t, s, limits)
	c, err := net.Dial("tcp", p.fast)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: herald.test\r\nX-Slow: ")
	for time.Since(start) < 5*time.Second {
		time.Sleep(100 * time.Millisecond)
		if _, err := io.WriteString(c, "a"); err != nil {
			break // closed: the write fails once the server has reset
		}
		c.SetReadDeadline(time.Now().Add(time.Millisecond))
		if _, err := c.Read(make([]byte, 1)); err != nil && !isTimeout(err) {
			break // closed
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a header trickling in held the connection for %v; the limit is %v", d, limits.Header)
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// TestFastPathNoLimits: zero limits mean none, as in net/http, not an
// instant timeout.
func TestFastPathNoLimits(t *testing.T) {
	s := newDemoSite(t)
	p := startFastPair(t, s, web.FastTimeouts{})
	req := "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n"
	exchange(t, p.plain, req, "GET")
	if a := exchange(t, p.fast, req+req, "GET", "GET"); a[1].resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", a[1].resp.StatusCode)
	}
	if answered, _ := p.ln.Counts(); answered != 2 {
		t.Errorf("answered %d on the fast path, want 2", answered)
	}
}

// TestFastPathShutdown: shutting the server down closes the fast path's idle
// connections, and Wait returns.
func TestFastPathShutdown(t *testing.T) {
	s := newDemoSite(t)
	p := startFastPair(t, s, testLimits)
	exchange(t, p.plain, "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n", "GET")

	c, err := net.Dial("tcp", p.fast)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: herald.test\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	if answered, _ := p.ln.Counts(); answered != 1 {
		t.Fatalf("answered %d on the fast path, want 1", answered)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	p.ln.Wait(ctx.Done())
	if ctx.Err() != nil {
		t.Fatal("Wait did not return before the timeout")
	}
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("the idle connection is still open after shutdown: %v", err)
	}
	if _, err := net.Dial("tcp", p.fast); err == nil {
		t.Error("the listener still accepts after shutdown")
	}
}
