package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/herald-news/herald/internal/news"
)

// The page cache keeps every public response in memory, once rendered, until
// something it shows changes. Each response records the keys of what it shows
// (news.ArticleKey and the rest); each committed write reports the keys it
// changed; Invalidate drops exactly the responses that share a key with the
// write. Responses are compressed lazily, once per encoding, and answered with
// ETag and Last-Modified so that clients and CDNs revalidate cheaply.

// cacheEntry is one cached response.
type cacheEntry struct {
	uri          string
	contentType  string
	cacheControl string
	etag         string // quoted, without an encoding suffix
	lastModified time.Time
	expires      time.Time // zero: until invalidated
	deps         []string
	body         []byte

	mu     sync.Mutex // guards gz and br
	gz, br []byte
	size   int64
	elem   *list.Element

	hdr entryHeaders
}

// entryHeaders are an entry's header values, made once with the entry so that
// a hit sets them without formatting, joining or canonicalising anything.
// The slices are shared by every response and must not be changed; Header.Set
// and Add replace or copy them, never write into them.
type entryHeaders struct {
	contentType, cacheControl, lastModified, surrogateKey []string
	etag, etagGzip, etagBr                                []string
	contentLength                                         []string // of the identity body
}

// Header values every cached response shares.
var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	xCacheHit          = []string{"hit"}
	xCacheMiss         = []string{"miss"}
	encodingGzip       = []string{"gzip"}
	encodingBr         = []string{"br"}
)

// prepare makes the entry's header values; call it once, before the entry is
// served or shared.
//
// Values are cleaned as net/http cleans what it writes (line breaks become
// spaces, surrounding blanks go), since the fast path writes them as they
// are: a key made from stored text must never start a header of its own.
func (e *cacheEntry) prepare() {
	base := strings.TrimSuffix(e.etag, `"`)
	e.hdr = entryHeaders{
		contentType:   []string{headerValue(e.contentType)},
		cacheControl:  []string{headerValue(e.cacheControl)},
		lastModified:  []string{e.lastModified.Format(http.TimeFormat)},
		surrogateKey:  []string{headerValue(strings.Join(e.deps, " "))},
		etag:          []string{e.etag},
		etagGzip:      []string{base + `-gzip"`},
		etagBr:        []string{base + `-br"`},
		contentLength: []string{strconv.Itoa(len(e.body))},
	}
}

// etagFor is the ETag of the body in encoding enc (br, gzip or "").
func (h *entryHeaders) etagFor(enc string) []string {
	switch enc {
	case "br":
		return h.etagBr
	case "gzip":
		return h.etagGzip
	}
	return h.etag
}

// headerValue is v as net/http writes a header value: CR and LF replaced by
// spaces, and spaces and tabs trimmed from both ends.
func headerValue(v string) string {
	if strings.ContainsAny(v, "\r\n") {
		v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
	}
	return strings.Trim(v, " \t")
}

// pageCache is a byte-bounded LRU of responses indexed by their keys.
type pageCache struct {
	max int64

	mu      sync.Mutex
	size    int64
	entries map[string]*cacheEntry
	byDep   map[string]map[*cacheEntry]struct{}
	lru     *list.List // front: most recently used
	gen     uint64     // counts invalidations
	depGen  map[string]uint64

	hits, misses, stores, evictions, invalidations atomic.Uint64
}

func newPageCache(maxBytes int64) *pageCache {
	return &pageCache{
		max: maxBytes, entries: map[string]*cacheEntry{}, byDep: map[string]map[*cacheEntry]struct{}{},
		lru: list.New(), depGen: map[string]uint64{},
	}
}

// maxCachedURI keeps odd, long query strings from filling the cache.
const maxCachedURI = 512

func (c *pageCache) get(uri string, now time.Time) *cacheEntry {
	e := c.lookup(uri, now)
	if e == nil {
		c.misses.Add(1)
	}
	return e
}

// lookup is get without counting a miss: the fast path's misses go on to
// net/http, whose get counts them.
func (c *pageCache) lookup(uri string, now time.Time) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[uri]
	if !ok {
		return nil
	}
	if !e.expires.IsZero() && now.After(e.expires) {
		c.removeLocked(e)
		return nil
	}
	c.lru.MoveToFront(e.elem)
	c.hits.Add(1)
	return e
}

// generation is read before rendering; put refuses an entry whose keys were
// invalidated after it, so a render that raced a write is never kept.
func (c *pageCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *pageCache) put(e *cacheEntry, since uint64) {
	if c.max <= 0 || len(e.uri) > maxCachedURI {
		return
	}
	e.size = int64(len(e.body)+len(e.uri)+256) * 2 // room for compressed copies
	if e.size > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != since {
		if c.depGen[news.KeySite] > since {
			return
		}
		for _, d := range e.deps {
			if c.depGen[d] > since {
				return
			}
		}
	}
	if old, ok := c.entries[e.uri]; ok {
		c.removeLocked(old)
	}
	c.entries[e.uri] = e
	e.elem = c.lru.PushFront(e)
	for _, d := range e.deps {
		set := c.byDep[d]
		if set == nil {
			set = map[*cacheEntry]struct{}{}
			c.byDep[d] = set
		}
		set[e] = struct{}{}
	}
	c.size += e.size
	c.stores.Add(1)
	for c.size > c.max && c.lru.Len() > 0 {
		c.removeLocked(c.lru.Back().Value.(*cacheEntry))
		c.evictions.Add(1)
	}
}

func (c *pageCache) removeLocked(e *cacheEntry) {
	if c.entries[e.uri] != e {
		return
	}
	delete(c.entries, e.uri)
	c.lru.Remove(e.elem)
	for _, d := range e.deps {
		if set := c.byDep[d]; set != nil {
			delete(set, e)
			if len(set) == 0 {
				delete(c.byDep, d)
			}
		}
	}
	c.size -= e.size
}

// Invalidate drops every response that shows any of keys; news.KeySite drops
// them all.
func (c *pageCache) Invalidate(keys ...string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.invalidations.Add(1)
	n := 0
	for _, k := range keys {
		c.depGen[k] = c.gen
		if k == news.KeySite {
			n += len(c.entries)
			c.entries = map[string]*cacheEntry{}
			c.byDep = map[string]map[*cacheEntry]struct{}{}
			c.lru.Init()
			c.size = 0
			return n
		}
		for e := range c.byDep[k] {
			c.removeLocked(e)
			n++
		}
	}
	return n
}

// Len is how many responses the cache holds, and their size in bytes.
func (c *pageCache) Len() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.size
}

// cacheHints is implemented by the response writer the cache hands handlers.
type cacheHints interface {
	addDeps(keys ...string)
	expireAfter(d time.Duration)
}

// depend records that the response being written shows keys.
func depend(w http.ResponseWriter, keys ...string) {
	if c, ok := w.(cacheHints); ok {
		c.addDeps(keys...)
	}
}

// expireAfter limits how long the response may be cached, for pages that
// change with the clock rather than with the content.
func expireAfter(w http.ResponseWriter, d time.Duration) {
	if c, ok := w.(cacheHints); ok {
		c.expireAfter(d)
	}
}

// recorder buffers a handler's response so it can be cached and compressed.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	deps   []string
	ttl    time.Duration
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) addDeps(keys ...string)      { r.deps = append(r.deps, keys...) }
func (r *recorder) expireAfter(d time.Duration) { r.ttl = d }

// cached serves GET and HEAD requests from the page cache, filling it on a
// miss. Other methods, and responses that are not a plain 200 or that say
// no-store, pass through unchanged.
func (s *Server) cached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		uri := cacheKey(r.URL)
		now := s.now()
		if e := s.cache.get(uri, now); e != nil {
			s.serveEntry(w, r, e, true)
			return
		}
		since := s.cache.generation()
		rec := &recorder{header: http.Header{}}
		// A HEAD is rendered as a GET: handlers leave a HEAD's body out,
		// and the entry stored here answers the GETs that follow.
		render := r
		if r.Method == http.MethodHead {
			render = r.Clone(r.Context())
			render.Method = http.MethodGet
		}
		next.ServeHTTP(rec, render)
		h := w.Header()
		for k, v := range rec.header {
			h[k] = v
		}
		cc := rec.header.Get("Cache-Control")
		if rec.status != http.StatusOK || strings.Contains(cc, "no-store") {
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			w.WriteHeader(rec.status)
			if r.Method != http.MethodHead {
				w.Write(rec.body.Bytes())
			}
			return
		}
		body := rec.body.Bytes()
		sum := sha256.Sum256(body)
		e := &cacheEntry{
			uri: uri, contentType: rec.header.Get("Content-Type"), cacheControl: cc,
			etag: `"` + hex.EncodeToString(sum[:12]) + `"`, lastModified: now.UTC().Truncate(time.Second),
			deps: uniqueKeys(append(rec.deps, news.KeySite)), body: body,
		}
		if e.cacheControl == "" {
			e.cacheControl = "public, max-age=60, stale-while-revalidate=600"
		}
		if rec.ttl > 0 {
			e.expires = now.Add(rec.ttl)
		}
		e.prepare()
		if s.cacheOn {
			s.cache.put(e, since)
		}
		s.serveEntry(w, r, e, false)
	})
}

// serveEntry answers from a cache entry: 304 when the client's copy is
// current, else the body in the best encoding the client accepts.
func (s *Server) serveEntry(w http.ResponseWriter, r *http.Request, e *cacheEntry, hit bool) {
	h := w.Header()
	hd := &e.hdr
	h["Content-Type"] = hd.contentType
	h["Cache-Control"] = hd.cacheControl
	h["Last-Modified"] = hd.lastModified
	h["Surrogate-Key"] = hd.surrogateKey
	h["Vary"] = varyAcceptEncoding
	if hit {
		h["X-Cache"] = xCacheHit
	} else {
		h["X-Cache"] = xCacheMiss
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"))
	status, body := entryAnswer(e, enc, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"))
	h["Etag"] = hd.etagFor(enc)
	if status == http.StatusNotModified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	switch enc {
	case "br":
		h["Content-Encoding"] = encodingBr
	case "gzip":
		h["Content-Encoding"] = encodingGzip
	}
	if enc == "" {
		h["Content-Length"] = hd.contentLength
	} else {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// entryAnswer is what a cached entry answers a request in encoding enc (br,
// gzip or "") with the given conditional headers: 304 when the client's copy
// is current, else 200 and the body in that encoding. Both serveEntry and the
// fast path answer with it.
func entryAnswer(e *cacheEntry, enc, ifNoneMatch, ifModifiedSince string) (status int, body []byte) {
	if notModified(ifNoneMatch, ifModifiedSince, e) {
		return http.StatusNotModified, nil
	}
	switch enc {
	case "br":
		body = e.compressed(&e.br, compressBrotli)
	case "gzip":
		body = e.compressed(&e.gz, compressGzip)
	default:
		body = e.body
	}
	return http.StatusOK, body
}

// compressed returns the entry's body in one encoding, compressing it the first
// time it is asked for.
func (e *cacheEntry) compressed(slot *[]byte, compress func([]byte) []byte) []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	if *slot == nil {
		*slot = compress(e.body)
	}
	return *slot
}

func compressGzip(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func compressBrotli(b []byte) []byte {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, 9)
	bw.Write(b)
	bw.Close()
	return buf.Bytes()
}

// notModified reports whether the client's conditional headers show its copy
// is current. If-None-Match wins over If-Modified-Since; malformed values are
// ignored.
func notModified(ifNoneMatch, ifModifiedSince string, e *cacheEntry) bool {
	if ifNoneMatch != "" {
		return etagMatch(ifNoneMatch, e.etag)
	}
	if ifModifiedSince == "" || len(ifModifiedSince) > 64 {
		return false
	}
	t, err := http.ParseTime(ifModifiedSince)
	return err == nil && !e.lastModified.After(t)
}

// etagMatch reports whether an If-None-Match header names etag in any of its
// encodings. Malformed or oversized headers simply do not match.
func etagMatch(header, etag string) bool {
	if len(header) > 8192 {
		return false
	}
	base := strings.TrimSuffix(etag, `"`)
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimPrefix(strings.TrimSpace(part), "W/")
		if part == "*" || part == etag || part == base+`-br"` || part == base+`-gzip"` {
			return true
		}
	}
	return false
}

// negotiate picks br, gzip or identity ("") from an Accept-Encoding header,
// honouring q=0. Anything malformed counts as not offered.
func negotiate(header string) string {
	if header == "" || len(header) > 1024 {
		return ""
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		if p := strings.TrimSpace(params); p != "" {
			v, ok := strings.CutPrefix(strings.ReplaceAll(p, " ", ""), "q=")
			f, err := strconv.ParseFloat(v, 64)
			if !ok || err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if q == 0 {
			continue
		}
		var rank float64 // br before gzip at the same q
		switch name {
		case "br":
			rank = 0.002
		case "gzip":
			rank = 0.001
		default:
			continue
		}
		if q+rank > bestQ {
			best, bestQ = name, q+rank
		}
	}
	return best
}

// CacheStats describe the page cache.
type CacheStats struct {
	Entries                         int
	Bytes, MaxBytes                 int64
	Hits, Misses, Stores, Evictions uint64
	Invalidations                   uint64
}

// CacheStats reports the page cache's size and counters.
func (s *Server) CacheStats() CacheStats {
	n, size := s.cache.Len()
	return CacheStats{
		Entries: n, Bytes: size, MaxBytes: s.cache.max,
		Hits: s.cache.hits.Load(), Misses: s.cache.misses.Load(), Stores: s.cache.stores.Load(),
		Evictions: s.cache.evictions.Load(), Invalidations: s.cache.invalidations.Load(),
	}
}

// cacheParams are the query parameters some public page reads; every other
// parameter (a newsletter's utm_source, a cache-buster) changes nothing in the
// answer, so it is left out of the cache key. Otherwise each new value would
// render the page again and push a page readers want out of the cache.
var cacheParams = map[string]bool{
	"page": true,                  // every list's pager
	"p":    true, "page_id": true, // old WordPress addresses on the front page
	"reply": true, "comment": true, // a story page for one reader (not stored)
	"q": true, "sort": true, "section": true, "author": true, "tag": true, "from": true, "to": true, // search
}

// cacheKey is the cache's key for a request: the path, and the parameters in
// cacheParams in a canonical order.
func cacheKey(u *url.URL) string {
	path := u.EscapedPath()
	if u.RawQuery == "" {
		return path
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		// A query that does not parse is keyed as it came; the handlers
		// read what of it they can, the same way each time.
		return u.RequestURI()
	}
	for k := range q {
		if !cacheParams[k] {
			delete(q, k)
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// uniqueKeys drops repeated keys, keeping the first of each in place: a front
// page names the same author and section many times.
func uniqueKeys(keys []string) []string {
	seen := make(map[string]bool, len(keys))
	out := keys[:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
