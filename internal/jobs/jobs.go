package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/herald-news/herald/internal/store"
)

// Runner runs the scheduled work until its context ends.
type Runner struct {
	Store    *store.Store
	Log      *slog.Logger
	Interval time.Duration // how often due stories are looked for; 0 means 2 s
	Now      func() time.Time
}

// Run works until ctx ends: once at start (so a story that fell due while no
// node ran is published at once), then every Interval.
func (r *Runner) Run(ctx context.Context) {
	interval := r.Interval
	if interval <= 0 {
		interval = 2 * time.Second
	}
	now := r.Now
	if now == nil {
		now = time.Now
	}
	var lastPrune time.Time
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		prune := now().Sub(lastPrune) > time.Hour
		if err := r.Once(ctx, now(), prune); err != nil && ctx.Err() == nil {
			r.Log.Error("scheduled work failed", "err", err)
		} else if prune {
			lastPrune = now()
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Once does one round of scheduled work at now, if no other node is doing it.
func (r *Runner) Once(ctx context.Context, now time.Time, prune bool) error {
	_, err := r.Store.Exclusive(ctx, func(ctx context.Context) error {
		ids, err := r.Store.PublishDue(ctx, now)
		if err != nil {
			return err
		}
		for _, id := range ids {
			r.Log.Info("published a scheduled story", "article_id", id)
		}
		if !prune {
			return nil
		}
		if err := r.Store.PruneSessions(ctx, now); err != nil {
			return err
		}
		_, err = r.Store.PruneChanges(ctx, now.Add(-24*time.Hour))
		return err
	})
	return err
}
