package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options say what Run exports and where.
type Options struct {
	// Handler is the public site. Its page cache should be off: every page
	// is asked for once.
	Handler http.Handler
	// URLs are the request targets to export: paths, with ?page=N for the
	// later pages of a listing and nothing else in a query.
	URLs []string
	// NotFound is a path the site answers with 404; its page is written as
	// 404.html. Empty: no 404.html.
	NotFound string
	// Dir is the folder written into; it is made when missing.
	Dir string
	// BaseURL is the site's public address, absolute, without a trailing
	// slash. Requests are made to it, and pager links that spell it out are
	// rewritten as well as site-relative ones.
	BaseURL string
	// Workers is how many pages are rendered at once; 0 means twice
	// GOMAXPROCS.
	Workers int
	// Progress, when set, is called about five times a second and once at the
	// end with how many files are done and how many there are. It is never
	// called by two goroutines at once.
	Progress func(done, total int)
}

// Result says what Run did.
type Result struct {
	Files     int   // files the export holds now, its manifest aside
	Written   int   // files created or rewritten because their bytes changed
	Unchanged int   // files whose bytes were already right
	Removed   int   // files of an earlier run that the site no longer has
	Vanished  int   // URLs that stopped answering 200 while the export ran
	Bytes     int64 // size of the files the export holds
	Duration  time.Duration
}

// Rate is how many files (pages, feeds, sitemaps, assets and media alike)
// the export produced per second.
func (r Result) Rate() float64 {
	if r.Duration <= 0 {
		return 0
	}
	return float64(r.Files+r.Vanished) / r.Duration.Seconds()
}

// item is one file of the export and the request that makes it.
type item struct {
	target string // request target, "/world/?page=2"
	rel    string // file, relative to the folder, "world/page/2/index.html"
	status int    // the status the site must answer with
}

// outcome is what became of one item.
type outcome uint8

const (
	unchanged outcome = iota
	written
	vanished
)

// Run exports the site into o.Dir: it renders every URL through o.Handler,
// writes the files whose bytes changed, removes the files of an earlier run
// that the site no longer has, and records what the folder now holds in its
// manifest. It refuses a folder that is not an export's (see CheckDir).
//
// When Run fails part-way, the files written so far stay, and the manifest
// names both the earlier run's files and this run's, so that the next run
// still cleans up after both.
func Run(ctx context.Context, o Options) (Result, error) {
	start := time.Now()
	var res Result
	if o.Handler == nil || o.Dir == "" {
		return res, errors.New("export: a handler and a folder are required")
	}
	base := strings.TrimSuffix(o.BaseURL, "/")
	if base == "" {
		base = "http://localhost"
	}
	items, err := plan(o.URLs, o.NotFound)
	if err != nil {
		return res, err
	}
	d, err := openDir(o.Dir)
	if err != nil {
		return res, err
	}
	// Until this run ends, the manifest names the earlier run's files and
	// every file this run may write.
	union := make(map[string]bool, len(items)+len(d.old))
	for rel := range d.old {
		union[rel] = true
	}
	for _, it := range items {
		union[it.rel] = true
	}
	if err := d.writeManifest(union); err != nil {
		return res, err
	}

	outcomes, sizes, err := render(ctx, o, base, d, items)
	if err != nil {
		return res, err
	}
	keep := make(map[string]bool, len(items))
	for i, it := range items {
		switch outcomes[i] {
		case written:
			res.Written++
		case unchanged:
			res.Unchanged++
		case vanished:
			res.Vanished++
			continue
		}
		keep[it.rel] = true
		res.Bytes += sizes[i]
	}
	res.Files = len(keep)
	for rel := range union {
		if keep[rel] {
			continue
		}
		removed, err := d.remove(rel)
		if err != nil {
			return res, err
		}
		if removed && d.old[rel] {
			res.Removed++
		}
	}
	if err := d.writeManifest(keep); err != nil {
		return res, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// render requests every item on o.Workers goroutines and writes what changed.
func render(ctx context.Context, o Options, base string, d *dir, items []item) ([]outcome, []int64, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	outcomes := make([]outcome, len(items))
	sizes := make([]int64, len(items))
	workers := o.Workers
	if workers <= 0 {
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	pagers := pagerRewriter(base)

	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(len(items), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := &recorder{}
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(items) {
					return
				}
				out, size, err := exportOne(ctx, o.Handler, base, d, pagers, items[i], rec)
				if err != nil {
					cancel(err)
					return
				}
				outcomes[i], sizes[i] = out, size
				done.Add(1)
			}
		}()
	}

	finished := make(chan struct{})
	var progressDone sync.WaitGroup
	if o.Progress != nil {
		progressDone.Add(1)
		go func() {
			defer progressDone.Done()
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-finished:
					o.Progress(int(done.Load()), len(items))
					return
				case <-t.C:
					o.Progress(int(done.Load()), len(items))
				}
			}
		}()
	}
	wg.Wait()
	close(finished)
	progressDone.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, nil, err
	}
	return outcomes, sizes, nil
}

// exportOne renders one item and writes its file when its bytes changed.
func exportOne(ctx context.Context, h http.Handler, base string, d *dir, pagers func([]byte) []byte, it item, rec *recorder) (outcome, int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+it.target, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("export: %s: %w", it.target, err)
	}
	req.RemoteAddr = "127.0.0.1:0"
	rec.reset()
	h.ServeHTTP(rec, req)
	if err := ctx.Err(); err != nil {
		return 0, 0, context.Cause(ctx)
	}
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	if status != it.status {
		if it.status == http.StatusOK && gone(status) {
			return vanished, 0, nil
		}
		return 0, 0, fmt.Errorf("export: GET %s answered %d %s, not %d", it.target, status, http.StatusText(status), it.status)
	}
	body := rec.body.Bytes()
	if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		body = pagers(body)
	}
	changed, err := d.put(it.rel, body)
	if err != nil {
		return 0, 0, err
	}
	if changed {
		return written, int64(len(body)), nil
	}
	return unchanged, int64(len(body)), nil
}

// gone reports whether status means the URL stopped existing after the list
// of URLs was made: the story was withdrawn or moved, or a listing shrank.
func gone(status int) bool {
	switch status {
	case http.StatusNotFound, http.StatusGone, http.StatusMovedPermanently, http.StatusFound,
		http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// pagerRewriter returns a function that points the pager links of a page at
// the files the later pages are written to: "/world/?page=2" and
// "BASE/world/?page=2" become "/world/page/2/" and "BASE/world/page/2/". Only
// quoted attribute values are touched, so the words of a story are not.
//
// It rewrites what the expression
//
//	"((?:BASE)?/[^"?#<>\s]*/)\?page=([1-9][0-9]{0,8})"
//
// matches, to "${1}page/${2}/", by hand: the regular expression took a
// twentieth of an export's CPU. FuzzPagerRewriter holds the two to the same
// answers.
func pagerRewriter(base string) func([]byte) []byte {
	marker := []byte("?page=")
	return func(b []byte) []byte {
		if !bytes.Contains(b, marker) {
			return b
		}
		var out []byte
		done := 0 // b[:done] is in out
		for from := 0; ; {
			i := bytes.Index(b[from:], marker)
			if i < 0 {
				break
			}
			i += from
			from = i + len(marker)
			if !pagerLinkStart(b, done, i, base) {
				continue
			}
			digits, ok := pagerNumber(b, from)
			if !ok {
				continue
			}
			if out == nil {
				out = make([]byte, 0, len(b)+64)
			}
			out = append(out, b[done:i]...) // up to the link's path and its slash
			out = append(out, "page/"...)
			out = append(out, b[from:from+digits]...)
			out = append(out, '/', '"')
			done = from + digits + 1
			from = done
		}
		if out == nil {
			return b
		}
		return append(out, b[done:]...)
	}
}

// pagerLinkStart reports whether the "?page=" at b[at:] ends a quoted path:
// a '"' at or after b[from] (earlier ones closed links already rewritten),
// then base or nothing, then "/", characters other than "?#<> and white
// space, and "/".
func pagerLinkStart(b []byte, from, at int, base string) bool {
	q := at - 1
	for ; q >= from && b[q] != '"'; q-- {
		if !pagerPathByte(b[q]) {
			return false
		}
	}
	if q < from {
		return false
	}
	path := b[q+1 : at]
	if base != "" && bytes.HasPrefix(path, []byte(base)) && slashed(path[len(base):]) {
		return true
	}
	return slashed(path)
}

// slashed reports whether p starts and ends with "/", two of them at least.
func slashed(p []byte) bool {
	return len(p) >= 2 && p[0] == '/' && p[len(p)-1] == '/'
}

// pagerPathByte reports whether c may be in a pager link's path.
func pagerPathByte(c byte) bool {
	switch c {
	case '"', '?', '#', '<', '>', ' ', '\t', '\n', '\f', '\r':
		return false
	}
	return true
}

// pagerNumber reports whether b[at:] is a page number of one to nine digits,
// not starting with 0, and a closing quote; it returns the digits' length.
func pagerNumber(b []byte, at int) (int, bool) {
	n := 0
	for at+n < len(b) && n < 10 && '0' <= b[at+n] && b[at+n] <= '9' {
		n++
	}
	if n == 0 || n > 9 || b[at] == '0' || at+n >= len(b) || b[at+n] != '"' {
		return 0, false
	}
	return n, true
}

// recorder keeps a response in memory; one per worker, reused.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) reset() {
	r.header = http.Header{}
	r.status = 0
	r.body.Reset()
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
