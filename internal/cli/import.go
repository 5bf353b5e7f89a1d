package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/herald-news/herald/internal/config"
	"github.com/herald-news/herald/internal/importer"
)

const importHelp = `Usage:
  herald import wordpress --db PATH [--uploads DIR] [--site NAME] FILE.xml
  herald import markdown  --db PATH [--uploads DIR] [--site NAME] DIR

Moves a newsroom into Herald: a WordPress export (Tools › Export in
WordPress, WXR 1.0 to 1.2), or a folder of Markdown files with YAML or TOML
front matter as Hugo and Jekyll keep them.

The whole import is one transaction: a malformed file stops it with the
file, line and column of the problem, and an interrupted run (Ctrl-C) leaves
the database as it was. Running it again changes nothing; running it on a
newer export updates what changed. Every old address of a story or page
answers 301 to its new one.

Flags:
  --db PATH       database: a SQLite file path, or a postgres:// URL [HERALD_DB]
  --uploads DIR   a copy of the old site's uploads folder (wp-content/uploads, or a
                  static site's static folder): the images stories show are taken
                  from it; without it they keep their old addresses [HERALD_UPLOADS]
  --site NAME     the name imports of this site are remembered under (default: the
                  export's site address, or the folder's path) [HERALD_SITE]
`

// importCmd is `herald import wordpress|markdown`.
func importCmd(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, importHelp)
		if len(args) == 0 {
			return usageError("say wordpress or markdown; run 'herald import --help'")
		}
		return nil
	}
	kind := args[0]
	if kind != "wordpress" && kind != "markdown" {
		return usageError("unknown source %q: say wordpress or markdown", kind)
	}
	var cfg config.Config
	fs := flags(env, "import")
	cfg.DBFlag(fs)
	uploads := fs.String("uploads", "", "a copy of the old site's uploads folder")
	site := fs.String("site", "", "the name imports of this site are remembered under")
	fs.Usage = func() { fmt.Fprint(env.Stdout, importHelp) }
	pos, err := parseInterleaved(env, fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		what := "FILE.xml"
		if kind == "markdown" {
			what = "DIR"
		}
		return usageError("name one %s to import; run 'herald import --help'", what)
	}
	source := pos[0]
	opts := importer.Options{Uploads: *uploads, Site: *site}
	if *uploads != "" {
		if st, err := os.Stat(*uploads); err != nil || !st.IsDir() {
			return usageError("--uploads %s is not a folder", *uploads)
		}
	}

	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()

	p := &importProgress{w: env.Stdout, start: time.Now(), on: isTerminalWriter(env.Stdout)}
	opts.Progress = p.items
	var rep *importer.Report
	switch kind {
	case "wordpress":
		f, err := os.Open(source)
		if err != nil {
			return err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			if fi.IsDir() {
				return usageError("%s is a folder; did you mean 'herald import markdown'?", source)
			}
			p.size = fi.Size()
		}
		rep, err = importer.WordPress(ctx, st, source, &countingReader{r: f, n: &p.read}, opts)
		p.finish()
		if err != nil {
			return importFailed(ctx, err)
		}
	case "markdown":
		if fi, err := os.Stat(source); err != nil {
			return err
		} else if !fi.IsDir() {
			return usageError("%s is not a folder; did you mean 'herald import wordpress'?", source)
		}
		rep, err = importer.Markdown(ctx, st, source, opts)
		p.finish()
		if err != nil {
			return importFailed(ctx, err)
		}
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("close the database: %w", err)
	}
	rep.Write(env.Stdout)
	return nil
}

// importFailed says that nothing was imported, and why.
func importFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return errors.New("interrupted: nothing was imported; the database is as it was")
	}
	return fmt.Errorf("%w (nothing was imported; the database is as it was)", err)
}

// isTerminalWriter reports whether w is a terminal, where a progress line
// that rewrites itself makes sense.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// importProgress rewrites one line on a terminal, at most ten times a
// second, and shows nothing elsewhere.
type importProgress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	size  int64
	read  atomic.Int64
	width int
	shown bool
}

func (p *importProgress) items(n int) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	line := fmt.Sprintf("importing: %s items", commas(n))
	if p.size > 0 {
		done := p.read.Load()
		line += fmt.Sprintf(", %s of %s (%d%%)", mb(done), mb(p.size), done*100/p.size)
	}
	line += fmt.Sprintf(", %s", shortDuration(now.Sub(p.start)))
	pad := max(p.width-len(line), 0)
	p.width = len(line)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.shown = true
}

func (p *importProgress) finish() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
