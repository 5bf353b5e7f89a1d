package web

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/net/http/httpguts"
)

// The fast path answers requests for cached pages straight from the page
// cache, without net/http.
//
// A cache hit costs the handler a few microseconds; what is left of a warm
// request is net/http's own work: a bufio reader and writer, a Request and a
// Header map, a header sort, two writes per page and the goroutine hand-offs
// between them. That work is about half of what serving a cached page costs,
// and it is why net/http serves a cached page at half of nginx's rate where a
// plain loop over the connection serves it faster than nginx does.
//
// So FastListener stands between the socket and http.Server. It reads each
// connection's requests itself, and as long as a request is a plain GET or
// HEAD of a page the cache holds, it writes the answer with one writev: the
// same status, headers and body that serveEntry writes through net/http. At
// the first request it does not recognise — anything else at all: another
// method, a miss, a body, an upgrade, an escape in the path, an odd header —
// it hands the connection, with every byte it has read and not answered, to
// http.Server, which owns it from then on. The fast path therefore never
// answers with an error of its own: every request it is unsure of, net/http
// parses, routes and rejects in its usual way.
//
// The subset it accepts is strict on purpose (see parseFast): a request it
// accepts is one that net/http reads the same way and routes to the cache.
// FuzzParseFast checks the first against net/http's parser, and the tests in
// fastpath_test.go compare whole answers of both paths.

// FastTimeouts are the fast path's limits, the same as the http.Server's.
type FastTimeouts struct {
	Header time.Duration // to read a request's header
	Idle   time.Duration // to wait for the next request on a kept-alive connection
	Write  time.Duration // to write an answer
}

// FastListener is a net.Listener whose Accept returns only the connections
// the fast path handed over; pass it to http.Server.Serve.
type FastListener struct {
	net.Listener
	s        *Server
	t        FastTimeouts
	handed   chan net.Conn
	errs     chan error
	done     chan struct{}
	closeErr error
	once     sync.Once

	mu    sync.Mutex
	live  map[net.Conn]struct{}
	wg    sync.WaitGroup
	fast  atomic.Uint64 // requests answered on the fast path
	handN atomic.Uint64 // connections handed to net/http
}

// Listen wraps ln with the fast path. With the page cache off, or with debug
// logging on (every request is logged, and only net/http's path logs), the
// fast path stands aside and hands over every connection at once.
func (s *Server) Listen(ln net.Listener, t FastTimeouts) *FastListener {
	l := &FastListener{
		Listener: ln, s: s, t: t,
		handed: make(chan net.Conn), errs: make(chan error), done: make(chan struct{}),
		live: map[net.Conn]struct{}{},
	}
	go l.acceptLoop()
	return l
}

func (l *FastListener) acceptLoop() {
	var delay time.Duration
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			// Every error goes to Serve, which retries what is temporary
			// and returns on the rest. The loop backs off as Serve does,
			// so that the error Serve reads next is a fresh one.
			select {
			case l.errs <- err:
			case <-l.done:
				return
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			select {
			case <-time.After(delay):
			case <-l.done:
				return
			}
			continue
		}
		delay = 0
		if !l.track(c) {
			c.Close()
			return
		}
		go l.serve(c)
	}
}

// Accept returns the next connection handed over to net/http.
func (l *FastListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.handed:
		if l.closing() {
			c.Close()
			return nil, net.ErrClosed
		}
		return c, nil
	case err := <-l.errs:
		return nil, err
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Close stops accepting and wakes every connection that waits for its next
// request, so it closes; answers being written are finished. Wait waits for
// them.
func (l *FastListener) Close() error {
	l.once.Do(func() {
		l.mu.Lock()
		close(l.done)
		for c := range l.live {
			c.SetReadDeadline(time.Now())
		}
		l.mu.Unlock()
		l.closeErr = l.Listener.Close()
	})
	return l.closeErr
}

// Wait blocks until every connection on the fast path is closed or handed
// over, or until done is closed.
func (l *FastListener) Wait(done <-chan struct{}) {
	ch := make(chan struct{})
	go func() { l.wg.Wait(); close(ch) }()
	select {
	case <-ch:
	case <-done:
	}
}

// Counts reports how many requests the fast path answered and how many
// connections it handed to net/http.
func (l *FastListener) Counts() (answered, handed uint64) {
	return l.fast.Load(), l.handN.Load()
}

// track adds c to the connections Close wakes, unless the listener is closed.
func (l *FastListener) track(c net.Conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closing() {
		return false
	}
	l.live[c] = struct{}{}
	l.wg.Add(1)
	return true
}

// untrack takes c off the fast path's connections, once.
func (l *FastListener) untrack(c net.Conn) {
	l.mu.Lock()
	_, ok := l.live[c]
	delete(l.live, c)
	l.mu.Unlock()
	if ok {
		l.wg.Done()
	}
}

// setDeadline sets a read or write deadline d from now; a zero d, as in
// net/http, means none.
func setDeadline(set func(time.Time) error, d time.Duration) {
	if d > 0 {
		set(time.Now().Add(d))
	} else {
		set(time.Time{})
	}
}

func (l *FastListener) closing() bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// Buffer sizes: a request header longer than maxFastHeader goes to net/http,
// which takes up to MaxHeaderBytes.
const (
	fastReadBuf   = 4 << 10
	maxFastHeader = 16 << 10
)

// serve runs one connection's fast path until it closes or is handed over.
func (l *FastListener) serve(c net.Conn) {
	defer l.untrack(c)
	if !l.s.cacheOn || l.s.debugLogging() {
		l.handOver(c, nil)
		return
	}
	buf := make([]byte, 0, fastReadBuf)
	var out []byte
	var bufs net.Buffers
	// The first request has the header limit from the start, as in
	// net/http; later ones wait up to the idle limit for their first byte.
	setDeadline(c.SetReadDeadline, l.t.Header)
	for {
		// Read until buf holds a whole request header. The header limit
		// runs from the request's first byte and is not renewed by later
		// ones, and each byte is scanned once.
		scanned, started := 0, len(buf) > 0
		if started {
			setDeadline(c.SetReadDeadline, l.t.Header)
		}
		for !bytes.Contains(buf[max(scanned-3, 0):], crlf2) {
			if len(buf) > 0 && (!validRequestStart(buf) || bareLF(buf, scanned)) || len(buf) == maxFastHeader {
				l.handOver(c, buf)
				return
			}
			scanned = len(buf)
			if len(buf) == cap(buf) {
				grown := make([]byte, len(buf), min(2*cap(buf), maxFastHeader))
				copy(grown, buf)
				buf = grown
			}
			if l.closing() {
				c.Close()
				return
			}
			m, err := c.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+m]
			if err != nil {
				c.Close()
				return
			}
			if !started && m > 0 {
				started = true
				setDeadline(c.SetReadDeadline, l.t.Header)
			}
		}
		req, n, v := parseFast(buf)
		if v != fastAccept {
			l.handOver(c, buf)
			return
		}
		e := l.s.cache.lookup(req.key, l.s.now())
		if e == nil {
			l.handOver(c, buf)
			return
		}
		out = appendEntry(out[:0], e, &req)
		bufs = append(bufs[:0], out)
		if req.method == http.MethodGet && len(req.body) > 0 {
			bufs = append(bufs, req.body)
		}
		l.fast.Add(1)
		setDeadline(c.SetWriteDeadline, l.t.Write)
		if _, err := bufs.WriteTo(c); err != nil {
			c.Close()
			return
		}
		buf = buf[:copy(buf, buf[n:])]
		if l.closing() && len(buf) == 0 {
			c.Close()
			return
		}
		if len(buf) == 0 {
			setDeadline(c.SetReadDeadline, l.t.Idle)
		}
	}
}

// handOver gives c to net/http, with the bytes read from it so far.
func (l *FastListener) handOver(c net.Conn, read []byte) {
	// Off the fast path's books first, so that a Close from now on
	// leaves the connection's deadlines to net/http.
	l.untrack(c)
	if l.closing() {
		c.Close()
		return
	}
	c.SetDeadline(time.Time{})
	hc := c
	if len(read) > 0 {
		hc = &prefixConn{Conn: c, prefix: read}
	}
	select {
	case l.handed <- hc:
		l.handN.Add(1)
	case <-l.done:
		c.Close()
	}
}

// prefixConn replays the bytes the fast path read before reading on. It
// keeps the connection's CloseWrite and ReadFrom, which net/http looks for:
// the first to end a response to a request whose body it did not read, the
// second to send files with sendfile.
type prefixConn struct {
	net.Conn
	prefix []byte
}

func (c *prefixConn) Read(p []byte) (int, error) {
	if len(c.prefix) > 0 {
		n := copy(p, c.prefix)
		c.prefix = c.prefix[n:]
		if len(c.prefix) == 0 {
			c.prefix = nil
		}
		return n, nil
	}
	return c.Conn.Read(p)
}

func (c *prefixConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

func (c *prefixConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// fastRequest is what the fast path reads of a request.
type fastRequest struct {
	method       string // GET or HEAD
	key          string // the page cache's key
	enc          string // negotiated Content-Encoding: br, gzip or ""
	ifNoneMatch  string
	ifModSince   string
	forwardHTTPS bool // X-Forwarded-Proto: https (securityHeaders adds HSTS)
	body         []byte
}

type fastVerdict int

const (
	fastMore    fastVerdict = iota // not a whole header yet
	fastAccept                     // a request the fast path may answer
	fastDecline                    // net/http's to answer
)

var crlf2 = []byte("\r\n\r\n")

// parseFast reads one request from the start of b. It accepts only
//
//	GET|HEAD SP origin-form SP HTTP/1.1 CRLF
//	(field-name ":" OWS field-value OWS CRLF)*
//	CRLF
//
// with exactly one valid Host, no Content-Length, Transfer-Encoding, Expect,
// Upgrade or Connection other than keep-alive, a target of plain characters
// (no percent escapes) whose path is already clean, and field names and
// values that net/http would take. It returns the bytes the request took.
// Anything else is declined for net/http, which answers it as it always does.
func parseFast(b []byte) (req fastRequest, n int, v fastVerdict) {
	end := bytes.Index(b, crlf2)
	if end < 0 {
		if len(b) > 0 && (!validRequestStart(b) || bareLF(b, 0)) {
			return req, 0, fastDecline
		}
		return req, 0, fastMore
	}
	n = end + 4
	lineEnd := bytes.Index(b[:end+2], []byte("\r\n"))
	line := b[:lineEnd]
	switch {
	case bytes.HasPrefix(line, []byte("GET ")):
		req.method, line = http.MethodGet, line[4:]
	case bytes.HasPrefix(line, []byte("HEAD ")):
		req.method, line = http.MethodHead, line[5:]
	default:
		return req, 0, fastDecline
	}
	target, ok := bytes.CutSuffix(line, []byte(" HTTP/1.1"))
	if !ok || !plainTarget(target) {
		return req, 0, fastDecline
	}
	u, err := url.ParseRequestURI(string(target))
	if err != nil || u.RawPath != "" || u.Path != string(target[:len(u.Path)]) {
		return req, 0, fastDecline
	}
	req.key = cacheKey(u)
	if len(req.key) > maxCachedURI {
		return req, 0, fastDecline
	}

	hosts := 0
	var accept []byte
	haveAccept, haveINM, haveIMS, haveXFP := false, false, false, false
	rest := b[lineEnd+2 : end+2]
	for len(rest) > 0 {
		i := bytes.Index(rest, []byte("\r\n"))
		field := rest[:i]
		rest = rest[i+2:]
		colon := bytes.IndexByte(field, ':')
		if colon <= 0 {
			return req, 0, fastDecline
		}
		name, value := field[:colon], trimOWS(field[colon+1:])
		if !validFieldName(name) || !validFieldValue(value) {
			return req, 0, fastDecline
		}
		switch {
		case asciiEqualFold(name, "host"):
			if !httpguts.ValidHostHeader(string(value)) {
				return req, 0, fastDecline
			}
			hosts++
		case asciiEqualFold(name, "accept-encoding"):
			if !haveAccept {
				accept, haveAccept = value, true
			}
		case asciiEqualFold(name, "if-none-match"):
			if !haveINM {
				req.ifNoneMatch, haveINM = string(value), true
			}
		case asciiEqualFold(name, "if-modified-since"):
			if !haveIMS {
				req.ifModSince, haveIMS = string(value), true
			}
		case asciiEqualFold(name, "x-forwarded-proto"):
			if !haveXFP {
				req.forwardHTTPS, haveXFP = string(value) == "https", true
			}
		case asciiEqualFold(name, "connection"):
			if !asciiEqualFold(value, "keep-alive") {
				return req, 0, fastDecline
			}
		case asciiEqualFold(name, "content-length"), asciiEqualFold(name, "transfer-encoding"),
			asciiEqualFold(name, "expect"), asciiEqualFold(name, "upgrade"),
			asciiEqualFold(name, "http2-settings"), asciiEqualFold(name, "trailer"),
			asciiEqualFold(name, "te"):
			return req, 0, fastDecline
		}
	}
	if hosts != 1 {
		return req, 0, fastDecline
	}
	req.enc = negotiate(string(accept))
	return req, n, fastAccept
}

// validRequestStart reports whether b, an incomplete header, may still become
// a request the fast path takes; a POST is handed over before its header ends.
func validRequestStart(b []byte) bool {
	for _, m := range []string{"GET /", "HEAD /"} {
		k := min(len(b), len(m))
		if string(b[:k]) == m[:k] {
			return true
		}
	}
	return false
}

// bareLF reports whether b, from byte from on, ends a line with a bare LF,
// which net/http takes and the fast path does not.
func bareLF(b []byte, from int) bool {
	for i := from; i < len(b); i++ {
		if b[i] == '\n' && (i == 0 || b[i-1] != '\r') {
			return true
		}
	}
	return false
}

// plainTarget reports whether t is an origin-form target of unreserved and
// sub-delimiting characters, with a path net/http's ServeMux would not
// redirect to a cleaner one.
func plainTarget(t []byte) bool {
	if len(t) == 0 || t[0] != '/' || len(t) > maxCachedURI {
		return false
	}
	path := t
	if i := bytes.IndexByte(t, '?'); i >= 0 {
		path = t[:i]
	}
	for i, c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case bytes.IndexByte([]byte("-._~/!$&'()*+,;=:@?"), c) >= 0:
			if c == '?' && i < len(path) {
				return false
			}
		default:
			return false
		}
	}
	// Clean: no empty, "." or ".." segment, except the empty one a trailing
	// slash leaves.
	segs := bytes.Split(path[1:], []byte("/"))
	for i, s := range segs {
		if (len(s) == 0 && i != len(segs)-1) || string(s) == "." || string(s) == ".." {
			return false
		}
	}
	return true
}

// trimOWS trims the optional white space around a field value.
func trimOWS(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// validFieldName reports whether b is a token (RFC 9110 section 5.1).
func validFieldName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !httpguts.IsTokenRune(rune(c)) {
			return false
		}
	}
	return true
}

// validFieldValue reports whether b holds no control character but tab: the
// check net/http makes.
func validFieldValue(b []byte) bool {
	for _, c := range b {
		if (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// asciiEqualFold compares b to the lower-case ASCII s, ignoring b's case.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// appendEntry appends the status line and header of e's answer to req, as
// serveEntry and securityHeaders write it through net/http (names sorted,
// Date last), and sets req.body to the body to send.
func appendEntry(b []byte, e *cacheEntry, req *fastRequest) []byte {
	status, body := entryAnswer(e, req.enc, req.ifNoneMatch, req.ifModSince)
	hd := &e.hdr
	if status == http.StatusNotModified {
		b = append(b, "HTTP/1.1 304 Not Modified\r\n"...)
	} else {
		b = append(b, "HTTP/1.1 200 OK\r\n"...)
	}
	b = appendField(b, "Cache-Control", hd.cacheControl[0])
	if status == http.StatusOK {
		switch req.enc {
		case "br":
			b = appendField(b, "Content-Encoding", "br")
		case "gzip":
			b = appendField(b, "Content-Encoding", "gzip")
		}
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(len(body)), 10)
		b = append(b, "\r\n"...)
	}
	b = appendField(b, "Content-Security-Policy", hdrCSP[0])
	if status == http.StatusOK {
		b = appendField(b, "Content-Type", hd.contentType[0])
	}
	b = appendField(b, "Etag", hd.etagFor(req.enc)[0])
	b = appendField(b, "Last-Modified", hd.lastModified[0])
	b = appendField(b, "Permissions-Policy", hdrPermissions[0])
	b = appendField(b, "Referrer-Policy", hdrReferrer[0])
	if req.forwardHTTPS {
		b = appendField(b, "Strict-Transport-Security", hdrHSTS[0])
	}
	b = appendField(b, "Surrogate-Key", hd.surrogateKey[0])
	b = appendField(b, "Vary", varyAcceptEncoding[0])
	b = appendField(b, "X-Cache", xCacheHit[0])
	b = appendField(b, "X-Content-Type-Options", hdrNosniff[0])
	b = appendField(b, "X-Frame-Options", hdrDeny[0])
	b = append(b, "Date: "...)
	b = append(b, httpDate()...)
	b = append(b, "\r\n\r\n"...)
	req.body = body
	if status != http.StatusOK {
		req.body = nil
	}
	return b
}

func appendField(b []byte, name, value string) []byte {
	b = append(b, name...)
	b = append(b, ": "...)
	b = append(b, value...)
	return append(b, "\r\n"...)
}

// httpDate is the Date header's value, formatted once a second.
func httpDate() string {
	now := time.Now()
	sec := now.Unix()
	if d := dateCache.Load(); d != nil && d.sec == sec {
		return d.text
	}
	d := &cachedDate{sec: sec, text: now.UTC().Format(http.TimeFormat)}
	dateCache.Store(d)
	return d.text
}

type cachedDate struct {
	sec  int64
	text string
}

var dateCache atomic.Pointer[cachedDate]
