package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/auth"
)

// Config is what `herald serve` and the other commands run with.
type Config struct {
	Addr            string        // listen address
	DB              string        // SQLite file path or postgres:// URL
	BaseURL         string        // public address of the site; derived from Addr when empty
	Demo            bool          // fill an empty database with the demo newsroom
	LogFormat       string        // text or json
	LogLevel        string        // debug, info, warn, error
	ShutdownTimeout time.Duration // how long in-flight requests may finish on shutdown
	CacheMB         int           // page cache size in MiB; 0 turns it off
	PurgeURL        string        // CDN purge webhook; empty turns it off
	PurgeSecret     string        // signs the webhook's calls when set
	TrustedProxies  string        // comma-separated addresses and prefixes whose X-Forwarded-For is believed
}

// EnvName is the environment variable that stands for a flag: --base-url reads
// HERALD_BASE_URL.
func EnvName(flagName string) string {
	return "HERALD_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// DBFlag registers --db.
func (c *Config) DBFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", "herald.db", "database: a SQLite file path, or a postgres:// URL")
}

// ServeFlags registers the flags of `herald serve`.
func (c *Config) ServeFlags(fs *flag.FlagSet) {
	c.DBFlag(fs)
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	fs.StringVar(&c.BaseURL, "base-url", "", "public URL of the site, e.g. https://news.example (default: http://ADDR)")
	fs.BoolVar(&c.Demo, "demo", false, "fill an empty database with the demo newsroom")
	fs.StringVar(&c.LogFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&c.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.IntVar(&c.CacheMB, "cache-mb", 128, "page cache size in MiB; 0 renders every request")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "how long requests in flight may take to finish on shutdown")
	fs.StringVar(&c.PurgeURL, "purge-url", "", "CDN purge webhook: each change's cache keys are POSTed there as JSON")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", "", "reverse proxies whose X-Forwarded-For names the client, e.g. 127.0.0.1,10.0.0.0/8 (comment and sign-in limits count by client)")
	fs.StringVar(&c.PurgeSecret, "purge-secret", "", "signs each purge call with HMAC-SHA256 in a Herald-Signature header; prefer the environment variable")
}

// ApplyEnv gives every flag that was not set on the command line the value of
// its HERALD_* variable, when that is set. Flags win over the environment, the
// environment over defaults.
func ApplyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] {
			return
		}
		if v := getenv(EnvName(f.Name)); v != "" {
			if err := fs.Set(f.Name, v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: %v", EnvName(f.Name), v, err))
			}
		}
	})
	return errors.Join(errs...)
}

// IsPostgres reports whether DB names a PostgreSQL server.
func (c *Config) IsPostgres() bool {
	return strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://")
}

// Validate checks the serve settings and fills BaseURL when it is empty.
func (c *Config) Validate() error {
	if c.DB == "" {
		return errors.New("--db is required")
	}
	host, port, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("--addr %q: want host:port, e.g. 127.0.0.1:8080", c.Addr)
	}
	if c.BaseURL == "" {
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		c.BaseURL = "http://" + net.JoinHostPort(host, port)
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return fmt.Errorf("--base-url %q: want an http or https address with no path, e.g. https://news.example", c.BaseURL)
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	switch c.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("--log-format %q: want text or json", c.LogFormat)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", c.LogLevel)
	}
	if c.CacheMB < 0 || c.CacheMB > 1<<20 {
		return fmt.Errorf("--cache-mb %d: want 0 (off) to 1048576", c.CacheMB)
	}
	if c.ShutdownTimeout <= 0 {
		return fmt.Errorf("--shutdown-timeout %v: want a positive duration", c.ShutdownTimeout)
	}
	if c.PurgeURL != "" {
		u, err := url.Parse(c.PurgeURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
			return fmt.Errorf("--purge-url %q: want an absolute http or https URL, e.g. https://purge.example/herald", c.PurgeURL)
		}
	} else if c.PurgeSecret != "" {
		return errors.New("--purge-secret is set but --purge-url is not")
	}
	if _, err := auth.ParseProxies(c.TrustedProxies); err != nil {
		return fmt.Errorf("--trusted-proxies: %v", err)
	}
	return nil
}

// RedactDB returns the database setting with any password hidden.
func RedactDB(db string) string {
	u, err := url.Parse(db)
	if err != nil || u.User == nil {
		return db
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// String describes the settings with secrets hidden, for the start-up log.
func (c *Config) String() string {
	return fmt.Sprintf("addr=%s db=%s base_url=%s demo=%t", c.Addr, RedactDB(c.DB), c.BaseURL, c.Demo)
}
