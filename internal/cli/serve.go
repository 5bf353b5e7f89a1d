package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"

	"github.com/herald-news/herald/internal/admin"
	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/config"
	"github.com/herald-news/herald/internal/demo"
	"github.com/herald-news/herald/internal/jobs"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

func newLogger(env Env, cfg *config.Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(env.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(env.Stderr, opts))
}

// openStore opens and migrates the database.
func openStore(ctx context.Context, dsn string, opts ...store.Option) (*store.Store, error) {
	st, err := store.Open(ctx, dsn, opts...)
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func serve(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "serve")
	cfg.ServeFlags(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return usageError("%v", err)
	}
	log := newLogger(env, &cfg)

	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.Demo {
		empty, err := st.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty {
			start := time.Now()
			if err := demo.Load(ctx, st, time.Now()); err != nil {
				return fmt.Errorf("load the demo newsroom: %w", err)
			}
			log.Info("loaded the demo newsroom", "duration", time.Since(start).Round(time.Millisecond))
		} else {
			log.Info("the database already holds content; --demo leaves it as it is")
		}
	}
	cacheBytes := int64(cfg.CacheMB) << 20
	if cfg.CacheMB == 0 {
		cacheBytes = -1
	}
	applyMemoryLimit(log, env.Getenv, cacheBytes)
	proxies, err := auth.ParseProxies(cfg.TrustedProxies) // checked by Validate
	if err != nil {
		return usageError("--trusted-proxies: %v", err)
	}
	site, err := web.New(ctx, web.Options{
		Store: st, Logger: log, BaseURL: cfg.BaseURL, CacheBytes: cacheBytes,
		Purge:   web.PurgeOptions{URL: cfg.PurgeURL, Secret: cfg.PurgeSecret},
		Proxies: proxies,
	})
	if err != nil {
		return err
	}
	secret, err := st.Secret(ctx)
	if err != nil {
		return err
	}
	office, err := admin.New(ctx, admin.Options{Store: st, Logger: log, BaseURL: cfg.BaseURL, Secret: secret, Proxies: proxies})
	if err != nil {
		return err
	}
	site.OnSettings(func(ctx context.Context) {
		if err := office.Reload(ctx); err != nil {
			log.Error("the back office could not read the new settings", "err", err)
		}
	})
	// Background work stops before the database closes.
	bgCtx, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var background sync.WaitGroup
	defer func() {
		stopBackground()
		background.Wait()
	}()
	background.Add(2)
	go func() { defer background.Done(); site.Watch(bgCtx) }()
	go func() { defer background.Done(); (&jobs.Runner{Store: st, Log: log}).Run(bgCtx) }()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("cannot listen on %s: the address is already in use; stop the other program or choose another with --addr", cfg.Addr)
		}
		return fmt.Errorf("cannot listen on %s: %w", cfg.Addr, err)
	}
	limits := web.FastTimeouts{Header: 5 * time.Second, Idle: 120 * time.Second, Write: 60 * time.Second}
	srv := &http.Server{
		Handler:           site.Handler(office.Register),
		ReadHeaderTimeout: limits.Header,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      limits.Write,
		IdleTimeout:       limits.Idle,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	// Cached pages are answered on the fast path; everything else, and
	// every connection once it asks for anything else, is net/http's.
	fast := site.Listen(ln, limits)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(fast) }()
	log.Info("Herald is serving", "url", cfg.BaseURL+"/", "listen", ln.Addr().String(), "db", config.RedactDB(cfg.DB), "engine", st.Engine())

	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight", "timeout", cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	fast.Wait(sctx.Done())
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	stopBackground()
	background.Wait()
	if err := st.Close(); err != nil {
		return fmt.Errorf("close the database: %w", err)
	}
	log.Info("stopped cleanly")
	return nil
}

func migrate(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "migrate")
	cfg.DBFlag(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	current, _, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "applied %d migration(s); the database is at schema version %d\n", n, current)
	return nil
}
