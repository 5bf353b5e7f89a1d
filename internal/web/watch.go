package web

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// watcher applies every committed change to the page cache: this process's
// own at once (through store.OnChange), other processes' from the changes
// table, which it polls, and on PostgreSQL from NOTIFY, which arrives at once.
type watcher struct {
	s        *Server
	interval time.Duration

	mu    sync.Mutex
	floor int64            // changes up to this ID were made before the site started
	last  int64            // highest change ID applied from the table
	seen  map[int64]uint64 // IDs already applied, with the poll that saw them
	poll  uint64
}

// pollWindow is how far below the highest ID seen each poll looks again: on
// PostgreSQL a transaction may commit a lower ID after a higher one.
const pollWindow = 64

func newWatcher(s *Server, interval time.Duration) *watcher {
	if interval <= 0 {
		interval = time.Second
	}
	return &watcher{s: s, interval: interval, seen: map[int64]uint64{}}
}

// local applies a change this process committed.
func (w *watcher) local(c store.Change) {
	w.mu.Lock()
	w.seen[c.ID] = w.poll
	w.mu.Unlock()
	w.s.invalidate(c.Keys)
}

// invalidate applies a change's keys: new settings are read first, so that
// the pages rendered after the cache drops them show the new settings. The
// CDN is told last, so that what it fetches again is no longer cached here.
func (s *Server) invalidate(keys []string) {
	switch {
	case slices.Contains(keys, news.KeySite):
		if err := s.reload(context.Background()); err != nil {
			s.log.Error("reading the new site settings failed", "err", err)
		}
		s.settingsHooksMu.Lock()
		hooks := slices.Clone(s.settingsHooks)
		s.settingsHooksMu.Unlock()
		for _, fn := range hooks {
			fn(context.Background())
		}
	case slices.Contains(keys, news.KeyNav):
		if err := s.reloadNav(context.Background()); err != nil {
			s.log.Error("reading the new navigation failed", "err", err)
		}
	}
	s.cache.Invalidate(keys...)
	if s.purge != nil {
		s.purge.enqueue(keys)
	}
}

// Watch applies other processes' changes to the page cache, and sends the
// purge webhook's calls, until ctx ends.
func (s *Server) Watch(ctx context.Context) {
	if s.purge != nil {
		done := make(chan struct{})
		go func() { defer close(done); s.purge.run(ctx) }()
		defer func() { <-done }() // the last purge call goes out before Watch returns
	}
	go s.store.Listen(ctx, s.invalidate)
	t := time.NewTicker(s.watch.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.watch.pollOnce(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("looking for changes failed", "err", err)
			}
		}
	}
}

// pollOnce applies the changes in the table that this process has not seen.
func (w *watcher) pollOnce(ctx context.Context) error {
	w.mu.Lock()
	from := max(w.last-pollWindow, 0)
	w.poll++
	w.mu.Unlock()
	for {
		changes, err := w.s.store.Changes(ctx, from, 1000)
		if err != nil {
			return err
		}
		var keys []string
		w.mu.Lock()
		for _, c := range changes {
			from = c.ID
			w.last = max(w.last, c.ID)
			if _, ok := w.seen[c.ID]; ok || c.ID <= w.floor {
				continue
			}
			w.seen[c.ID] = w.poll
			keys = append(keys, c.Keys...)
		}
		for id := range w.seen {
			if id < w.last-pollWindow {
				delete(w.seen, id)
			}
		}
		w.mu.Unlock()
		if len(keys) > 0 {
			w.s.invalidate(keys)
		}
		if len(changes) < 1000 {
			return nil
		}
	}
}

// OnSettings registers fn to run whenever the site's settings change, on
// this node or another, after the public site has read them: the back office
// reads its site name and time zone again there.
func (s *Server) OnSettings(fn func(context.Context)) {
	s.settingsHooksMu.Lock()
	s.settingsHooks = append(s.settingsHooks, fn)
	s.settingsHooksMu.Unlock()
}
