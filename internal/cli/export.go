package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/config"
	siteexport "github.com/herald-news/herald/internal/export"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

// exportNotFound is a path no section, page or story can have (slugs hold no
// underscore); the site's answer to it becomes 404.html.
const exportNotFound = "/_herald-export-404/"

func export(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "export")
	cfg.DBFlag(fs)
	out := fs.String("out", "", "folder to write the site into: new, empty, or an earlier export")
	fs.StringVar(&cfg.BaseURL, "base-url", "http://127.0.0.1:8080", "public URL the exported site will be served at, e.g. https://news.example")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError("--out is required: the folder to write the site into")
	}
	base, err := exportBaseURL(cfg.BaseURL)
	if err != nil {
		return usageError("%v", err)
	}
	if err := siteexport.CheckDir(*out); err != nil {
		return err
	}
	// The export reads the whole archive once: through a memory map, SQLite
	// spends no read call and copy on each page its cache misses; and each
	// list is counted once, not once for each of its pages.
	st, err := openStore(ctx, cfg.DB, store.MapReads(1<<40), store.CountListsOnce())
	if err != nil {
		return err
	}
	defer st.Close()
	applyGCPercent(env.Getenv)

	// Only 500s log, and the export reports those itself as its error.
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	site, err := web.New(ctx, web.Options{Store: st, Logger: quiet, BaseURL: base, CacheBytes: -1, Static: true, CardMemoBytes: 64 << 20})
	if err != nil {
		return err
	}
	urls, err := site.PublicURLs(ctx)
	if err != nil {
		return err
	}
	o := siteexport.Options{Handler: site.Handler(), URLs: urls, NotFound: exportNotFound, Dir: *out, BaseURL: base}
	onTerminal := exportShowsProgress(env.Stdout)
	if onTerminal {
		start := time.Now()
		o.Progress = func(done, total int) {
			rate := float64(done) / max(time.Since(start).Seconds(), 1e-3)
			fmt.Fprintf(env.Stdout, "\rexporting: %d of %d files (%d%%), %.0f pages/s ", done, total, 100*done/max(total, 1), rate)
		}
	}
	res, err := siteexport.Run(ctx, o)
	if onTerminal {
		fmt.Fprintln(env.Stdout)
	}
	if err != nil {
		return err
	}
	vanished := ""
	if res.Vanished > 0 {
		vanished = fmt.Sprintf(", %d gone while exporting", res.Vanished)
	}
	fmt.Fprintf(env.Stdout, "exported %d files (%.1f MB) to %s in %s, %.0f pages/s: %d written, %d unchanged, %d removed%s\n",
		res.Files, float64(res.Bytes)/1e6, *out, res.Duration.Round(time.Millisecond), res.Rate(), res.Written, res.Unchanged, res.Removed, vanished)
	return nil
}

// exportBaseURL checks --base-url as serve does: http or https, a host, no path.
func exportBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("--base-url %q: want an http or https address with no path, e.g. https://news.example", s)
	}
	return strings.TrimSuffix(s, "/"), nil
}

// exportShowsProgress reports whether w is a terminal, where progress is worth
// showing.
func exportShowsProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
