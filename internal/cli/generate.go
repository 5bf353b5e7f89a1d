package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/config"
	gen "github.com/herald-news/herald/internal/generate"
)

func generate(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "generate")
	cfg.DBFlag(fs)
	articles := fs.String("articles", "", fmt.Sprintf("how many stories to generate, 1 to %s", commas(gen.MaxArticles)))
	seed := fs.Int64("seed", 1, "the same seed gives the same stories")
	appendTo := fs.Bool("append", false, "add to a database that already holds content")
	noIndex := fs.Bool("no-index", false, "leave the stories out of the search index and related articles, for page benchmarks at sizes where indexing takes the time; 'herald reindex' builds both later")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	n, err := parseArticleCount(*articles)
	if err != nil {
		return err
	}

	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	where := config.RedactDB(cfg.DB)
	opts := gen.Options{Articles: n, Seed: *seed, Append: *appendTo, NoIndex: *noIndex}
	var p *storyProgress
	if isCharDevice(env.Stdout) {
		p = &storyProgress{w: env.Stdout, start: time.Now()}
		opts.Progress = p.show
	}
	res, err := gen.Run(ctx, st, opts)
	p.finish()
	switch {
	case errors.Is(err, gen.ErrNotEmpty):
		return fmt.Errorf("%s already holds content; add --append to add synthetic stories to it", where)
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("stopped: %s of %s stories were stored before the interruption, each batch whole", commas(res.Articles), commas(n))
	case err != nil:
		if res.Articles > 0 {
			return fmt.Errorf("%w (%s stories were stored before the failure)", err, commas(res.Articles))
		}
		return err
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("close the database: %w", err)
	}
	rate := 0
	if d := res.Duration.Seconds(); d > 0 {
		rate = int(float64(res.Articles) / d)
	}
	fmt.Fprintf(env.Stdout, "generated %d stories in %s (%s stories/s) into %s\n", res.Articles, shortDuration(res.Duration), commas(rate), where)
	return nil
}

// parseArticleCount reads --articles, which is required.
func parseArticleCount(s string) (int, error) {
	bad := func() (int, error) {
		return 0, usageError("--articles must be a whole number from 1 to %s, not %q", commas(gen.MaxArticles), s)
	}
	if s == "" {
		return 0, usageError("--articles is required: how many stories to generate, 1 to %s", commas(gen.MaxArticles))
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > gen.MaxArticles {
		return bad()
	}
	return n, nil
}

// isCharDevice reports whether w is a terminal (a character device), where a
// progress line that rewrites itself makes sense.
func isCharDevice(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// storyProgress rewrites one line on a terminal, at most ten times a second.
type storyProgress struct {
	w     io.Writer
	start time.Time
	last  time.Time
	width int // of the line last written, to blank what a shorter one leaves
	shown bool
}

func (p *storyProgress) show(done, total int) {
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = now
	rate := 0
	if d := now.Sub(p.start).Seconds(); d > 0 {
		rate = int(float64(done) / d)
	}
	line := fmt.Sprintf("generating stories: %s / %s (%d%%) %s/s", commas(done), commas(total), done*100/total, commas(rate))
	pad := max(p.width-len(line), 0)
	p.width = len(line)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.shown = true
}

// finish ends the progress line, if one was shown.
func (p *storyProgress) finish() {
	if p != nil && p.shown {
		fmt.Fprintln(p.w)
	}
}

// commas formats n with commas: 12,000.
func commas(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// shortDuration formats a duration as "18.2s", or "412ms" under a second.
func shortDuration(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}
