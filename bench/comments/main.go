// Command comments is the comment load benchmark: it starts a real `herald
// serve` on the demo newsroom, posts comments from many concurrent clients
// as a browser would (a token from /comments/form, then the form), stops
// the server, and checks that every comment that was answered with a 303 is
// in the database. It prints comments per second and latencies.
//
//	go run ./bench/comments                      # 10,000 comments, 64 clients, SQLite
//	go run ./bench/comments -n 2000 -c 16
//	go run ./bench/comments -db postgres://…     # an empty PostgreSQL database
//
// Every client posts from 127.0.0.1, so the per-client rate limits would
// refuse almost everything: the benchmark sets them with -rate-per-hour and
// -flood-seconds (0 turns them off, the default here) and the minimum fill
// time to 0, through `herald comments settings`, before it starts. Only
// loopback addresses are used, and the run is bounded by -n and -timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/herald-news/herald/internal/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench/comments:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 10_000, "comments to post")
	c := flag.Int("c", 64, "concurrent clients")
	db := flag.String("db", "", "database: a SQLite path (default: a new file in a temporary folder) or an empty postgres:// database")
	bin := flag.String("herald", "", "herald binary (default: build ./cmd/herald)")
	rate := flag.Int("rate-per-hour", 0, "comments one client may post an hour (0: no limit)")
	flood := flag.Int("flood-seconds", 0, "seconds between two comments of one client (0: none)")
	timeout := flag.Duration("timeout", 10*time.Minute, "give up after this long")
	flag.Parse()
	if *n < 1 || *c < 1 || *c > 1024 {
		return errors.New("-n must be positive and -c from 1 to 1024")
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	tmp, err := os.MkdirTemp("", "herald-bench-comments-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "herald")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/herald")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/herald (run from the repository root): %w", err)
		}
	}
	if *db == "" {
		*db = filepath.Join(tmp, "herald.db")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	base := "http://" + addr

	srv := exec.Command(*bin, "serve", "--demo", "--db", *db, "--addr", addr, "--log-level", "warn")
	srv.Env = cleanEnv()
	srv.Stdout, srv.Stderr = os.Stderr, os.Stderr
	if err := srv.Start(); err != nil {
		return err
	}
	stopped := false
	defer func() {
		if !stopped {
			srv.Process.Kill()
			srv.Wait()
		}
	}()
	if err := waitHealthy(ctx, base); err != nil {
		return err
	}
	set := exec.Command(*bin, "comments", "settings", "--db", *db, "--min-fill-seconds", "0",
		"--rate-per-hour", fmt.Sprint(*rate), "--flood-seconds", fmt.Sprint(*flood))
	set.Env = cleanEnv()
	if out, err := set.CombinedOutput(); err != nil {
		return fmt.Errorf("herald comments settings: %v\n%s", err, out)
	}
	time.Sleep(1500 * time.Millisecond) // the server sees the new rules within a second

	client := &http.Client{
		Timeout:       30 * time.Second,
		Transport:     &http.Transport{MaxIdleConns: *c * 2, MaxIdleConnsPerHost: *c * 2},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	stories, err := openStories(ctx, client, base)
	if err != nil {
		return err
	}
	fmt.Printf("posting %d comments from %d clients to %d stories on %s (%s)\n", *n, *c, len(stories), base, engine(*db))

	var next atomic.Int64
	var mu sync.Mutex
	statuses := map[int]int{}
	var acked []string
	var lat []time.Duration
	var failures []string
	var wg sync.WaitGroup
	start := time.Now()
	for w := range *c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(*n) {
					return
				}
				body := fmt.Sprintf("Benchmark comment %d from client %d: the harbor vote was closer than expected.", i, w)
				t0 := time.Now()
				code, err := postComment(ctx, client, base, stories[int(i)%len(stories)], i, body)
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					failures = append(failures, err.Error())
				} else {
					statuses[code]++
					lat = append(lat, d)
					if code == http.StatusSeeOther {
						acked = append(acked, body)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	// Stop the server as a service manager would, then count.
	srv.Process.Signal(syscall.SIGTERM)
	srv.Wait()
	stopped = true
	st, err := store.Open(context.Background(), *db)
	if err != nil {
		return err
	}
	defer st.Close()
	_, total, err := st.Comments(context.Background(), store.CommentFilter{Limit: 1})
	if err != nil {
		return err
	}
	have := make(map[string]bool, total)
	for off := 0; off < total; off += 10_000 {
		page, _, err := st.Comments(context.Background(), store.CommentFilter{Limit: 10_000, Offset: off})
		if err != nil {
			return err
		}
		for _, cm := range page {
			have[cm.Body] = true
		}
	}
	missing := 0
	for _, b := range acked {
		if !have[b] {
			missing++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))]
	}
	codes := make([]int, 0, len(statuses))
	for k := range statuses {
		codes = append(codes, k)
	}
	sort.Ints(codes)
	var sb strings.Builder
	for _, k := range codes {
		fmt.Fprintf(&sb, " %d×%d", statuses[k], k)
	}
	fmt.Printf("answers:%s; transport errors: %d\n", sb.String(), len(failures))
	for i, f := range failures {
		if i == 5 {
			break
		}
		fmt.Println("  ", f)
	}
	fmt.Printf("elapsed %v: %.0f comments/s acknowledged (%.0f requests/s with the token fetch)\n",
		elapsed.Round(time.Millisecond), float64(len(acked))/elapsed.Seconds(), float64(2*(len(lat)+len(failures)))/elapsed.Seconds())
	fmt.Printf("latency of token+post: p50 %v, p90 %v, p99 %v, max %v\n", pct(0.5), pct(0.9), pct(0.99), pct(1))
	fmt.Printf("in the database: %d comments; acknowledged with 303: %d; acknowledged but missing: %d\n", total, len(acked), missing)
	if missing > 0 || len(acked) != *n {
		return fmt.Errorf("%d acknowledged comments missing, %d of %d acknowledged", missing, len(acked), *n)
	}
	return nil
}

var tokenPattern = regexp.MustCompile(`"token":"([^"]+)"`)

// postComment fetches a token and posts one comment; it returns the status.
func postComment(ctx context.Context, client *http.Client, base, story string, i int64, body string) (int, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/comments/form", nil)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := tokenPattern.FindSubmatch(b)
	if m == nil {
		return 0, fmt.Errorf("/comments/form answered %d without a token", resp.StatusCode)
	}
	form := url.Values{"name": {fmt.Sprintf("Bench Reader %d", i)}, "email": {fmt.Sprintf("bench-%d@example.net", i)},
		"comment": {body}, "ts": {string(m[1])}}
	req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+story+"comments", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// openStories lists the stories on the front page that take comments.
func openStories(ctx context.Context, client *http.Client, base string) ([]string, error) {
	get := func(p string) (string, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+p, nil)
		resp, err := client.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	front, err := get("/")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range regexp.MustCompile(`href="(/[a-z0-9-]+/[a-z0-9-]+/)"`).FindAllStringSubmatch(front, -1) {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		page, err := get(m[1])
		if err != nil {
			return nil, err
		}
		if strings.Contains(page, `id="commentform"`) {
			out = append(out, m[1])
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no story on the front page takes comments")
	}
	return out, nil
}

func waitHealthy(ctx context.Context, base string) error {
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("herald did not become healthy: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// cleanEnv is the environment without HERALD_* settings that could change
// what is measured.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HERALD_") {
			env = append(env, kv)
		}
	}
	return env
}

func engine(db string) string {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return "PostgreSQL"
	}
	return "SQLite"
}
