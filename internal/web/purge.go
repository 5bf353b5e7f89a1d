package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// The purge webhook tells a CDN in front of the site which of its copies a
// change made stale. Every change the site applies (its own writes and other
// nodes') adds its keys, the same words the Surrogate-Key response header
// carries, to a pending set; one goroutine, run by Watch, posts the set to the
// configured URL. A write never waits for the CDN: keys that arrive while a
// call is in flight or waiting to be retried join the set and go out together
// in the next call. A set that outgrows its bound becomes a purge of
// everything (news.KeySite, which every public response carries), never a
// silent drop.

// PurgeOptions configure the purge webhook.
type PurgeOptions struct {
	// URL receives a POST with the keys of each change; empty turns the
	// webhook off.
	URL string
	// Secret, when set, signs each call: the Herald-Signature header holds
	// "sha256=" and the hex HMAC-SHA256 of the body keyed by Secret.
	Secret string
	// Timeout bounds each call; 0 means 10 seconds.
	Timeout time.Duration
	// MaxKeys bounds the pending set; past it the next call purges
	// everything. 0 means 1000.
	MaxKeys int
	// Sleep waits d between attempts, returning early with ctx's error when
	// ctx ends; nil means a timer. Tests pass one that returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
}

const (
	purgeTimeout      = 10 * time.Second
	purgeMaxKeys      = 1000
	purgeFirstDelay   = time.Second // before the second attempt; doubles after each failure
	purgeMaxDelay     = time.Minute // before jitter
	purgeMaxAttempts  = 8           // about two minutes of retrying
	purgeMaxAge       = 5 * time.Minute
	purgeFlushTimeout = 2 * time.Second // for the last call on shutdown
)

// purgeBody is the JSON a purge call sends.
type purgeBody struct {
	Keys   []string  `json:"keys"`
	SentAt time.Time `json:"sent_at"`
}

// purger queues keys and posts them to the webhook from one goroutine.
type purger struct {
	url     string
	secret  []byte
	timeout time.Duration
	maxKeys int
	client  *http.Client
	log     *slog.Logger
	now     func() time.Time
	sleep   func(context.Context, time.Duration) error

	mu      sync.Mutex
	pending map[string]struct{}
	all     bool          // purge everything: the set overflowed, or a change named news.KeySite
	wake    chan struct{} // holds one token when keys are pending
}

func newPurger(o PurgeOptions, log *slog.Logger, now func() time.Time) *purger {
	p := &purger{
		url: o.URL, timeout: o.Timeout, maxKeys: o.MaxKeys, log: log, now: now, sleep: o.Sleep,
		// A redirect would turn the POST into a GET; report it instead.
		client:  &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		pending: map[string]struct{}{},
		wake:    make(chan struct{}, 1),
	}
	if o.Secret != "" {
		p.secret = []byte(o.Secret)
	}
	if p.timeout <= 0 {
		p.timeout = purgeTimeout
	}
	if p.maxKeys <= 0 {
		p.maxKeys = purgeMaxKeys
	}
	if p.sleep == nil {
		p.sleep = sleep
	}
	return p
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// enqueue adds keys to the pending set and wakes the sender. It never waits
// for the sender: it is called right after each commit.
func (p *purger) enqueue(keys []string) {
	if len(keys) == 0 {
		return
	}
	p.add(keys)
	select {
	case p.wake <- struct{}{}:
	default: // the sender has been woken already
	}
}

// add merges keys into the pending set; past the bound, the set becomes a
// purge of everything.
func (p *purger) add(keys []string) {
	p.mu.Lock()
	overflow := false
	if !p.all {
		for _, k := range keys {
			if k == news.KeySite {
				p.all = true
				break
			}
			p.pending[k] = struct{}{}
			if len(p.pending) > p.maxKeys {
				p.all, overflow = true, true
				break
			}
		}
		if p.all {
			clear(p.pending)
		}
	}
	p.mu.Unlock()
	if overflow {
		p.log.Warn("purge webhook: too many keys pending; the next call purges everything", "max_keys", p.maxKeys, "key", news.KeySite)
	}
}

// take empties the pending set and returns its keys, sorted.
func (p *purger) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.all {
		p.all = false
		return []string{news.KeySite}
	}
	keys := make([]string, 0, len(p.pending))
	for k := range p.pending {
		keys = append(keys, k)
	}
	clear(p.pending)
	slices.Sort(keys)
	return keys
}

// run sends the pending keys until ctx ends, then makes one short last call
// with whatever is left. A failed call is retried with backoff, together with
// the keys that arrived meanwhile, until it succeeds or is too old.
func (p *purger) run(ctx context.Context) {
	if u, err := url.Parse(p.url); err == nil {
		p.log.Info("purge webhook on", "host", u.Host, "signed", p.secret != nil)
	}
	attempt := 0 // failed attempts at the keys now pending; 0 when there are none
	var since time.Time
	for {
		if attempt == 0 {
			select {
			case <-ctx.Done():
				p.flush(ctx)
				return
			case <-p.wake:
			}
		}
		keys := p.take()
		if len(keys) == 0 {
			attempt = 0
			continue
		}
		if attempt == 0 {
			since = p.now()
		}
		attempt++
		status, err := p.send(ctx, keys)
		switch {
		case err == nil:
			p.log.Debug("purge webhook: sent", "keys", len(keys), "attempt", attempt)
			attempt = 0
			continue
		case ctx.Err() != nil:
			p.add(keys)
			p.flush(ctx)
			return
		case attempt >= purgeMaxAttempts || p.now().Sub(since) >= purgeMaxAge:
			p.log.Error("purge webhook: giving up; the CDN keeps these pages until they expire",
				"attempt", attempt, "status", status, "err", err, "keys", len(keys), "first_keys", firstKeys(keys))
			attempt = 0
			continue
		}
		p.add(keys)
		delay := backoff(attempt)
		p.log.Warn("purge webhook: call failed; will retry",
			"attempt", attempt, "status", status, "err", err, "keys", len(keys), "retry_in", delay)
		if p.sleep(ctx, delay) != nil {
			p.flush(ctx)
			return
		}
	}
}

// flush makes one last call with the pending keys, briefly, after ctx ended.
func (p *purger) flush(ctx context.Context) {
	keys := p.take()
	if len(keys) == 0 {
		return
	}
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), purgeFlushTimeout)
	defer cancel()
	if status, err := p.send(fctx, keys); err != nil {
		p.log.Error("purge webhook: the last call on shutdown failed", "status", status, "err", err, "keys", len(keys), "first_keys", firstKeys(keys))
	}
}

// send posts keys once. It returns the response's status, 0 when there was
// none, and an error unless the status is 2xx.
func (p *purger) send(ctx context.Context, keys []string) (int, error) {
	body, err := json.Marshal(purgeBody{Keys: keys, SentAt: p.now().UTC()})
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	h := req.Header
	h.Set("Content-Type", "application/json")
	h.Set("User-Agent", "Herald")
	h.Set("Surrogate-Key", strings.Join(keys, " "))
	if p.secret != nil {
		h.Set("Herald-Signature", sign(p.secret, body))
	}
	resp, err := p.client.Do(req)
	if err != nil {
		// The URL may hold a token; the log names the failure without it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("the receiver answered %s", resp.Status)
	}
	return resp.StatusCode, nil
}

// sign is the Herald-Signature header value of a purge call's body:
// "sha256=" and the hex HMAC-SHA256 of body keyed by secret. A receiver
// computes it over the raw body it got and compares in constant time.
func sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// backoff is the wait after the n-th failed attempt: 1 s doubling up to a
// minute, plus up to a quarter more at random so that several nodes do not
// retry in step.
func backoff(n int) time.Duration {
	d := purgeMaxDelay
	if n >= 1 && n < 8 {
		d = min(purgeFirstDelay<<(n-1), purgeMaxDelay)
	}
	return d + rand.N(d/4+1)
}

// firstKeys names a few of keys, for a log line.
func firstKeys(keys []string) string {
	if len(keys) > 10 {
		return strings.Join(keys[:10], " ") + " …"
	}
	return strings.Join(keys, " ")
}
