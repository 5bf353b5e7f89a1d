package render

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/static"
)

//go:embed templates
var embedded embed.FS

// Site is what every page knows of the site it belongs to.
type Site struct {
	Name     string
	Tagline  string
	BaseURL  string // absolute, no trailing slash
	Language string
	LogoURL  string // absolute
	// Static is set for a static copy of the site (herald export): its
	// pages leave out what only a running Herald answers, the search box
	// and the comment form.
	Static bool
}

// FeedLink is an alternate feed advertised in a page's head.
type FeedLink struct {
	Title string
	Type  string // MIME type
	URL   string
}

// Page is the part every page shares. Page-specific data structs embed it.
type Page struct {
	Site        Site
	Title       string // the <title>, without the site name
	Description string
	Canonical   string // absolute URL
	OGType      string // website, article or profile
	Image       *news.Image
	ImageURL    string // absolute URL of Image
	Nav         []news.Section
	Current     string // slug of the section being shown, for aria-current
	FooterPages []news.Page
	Feeds       []FeedLink
	JSONLD      []template.JS // each already safe inside a script element
	NoIndex     bool
}

// Engine holds every parsed page template.
type Engine struct {
	pages  map[string]*template.Template
	loc    *time.Location
	assets *static.Assets

	cards  *template.Template // the layout and partials, for the card func
	memo   *cardMemo          // nil: cards are drawn each time
	themed bool               // a theme may replace the cards
}

// New parses the embedded templates, each page template overlaid on the shared
// layout and partials. A template in theme with the same path replaces the
// embedded one. loc is the zone dates are shown in.
func New(assets *static.Assets, loc *time.Location, theme fs.FS) (*Engine, error) {
	return load(assets, loc, theme, "templates")
}

// NewAdmin parses the back office's templates: the same engine over
// templates/admin, which has a layout of its own.
func NewAdmin(assets *static.Assets, loc *time.Location) (*Engine, error) {
	return load(assets, loc, nil, "templates/admin")
}

func load(assets *static.Assets, loc *time.Location, theme fs.FS, root string) (*Engine, error) {
	sub, err := fs.Sub(embedded, root)
	if err != nil {
		return nil, err
	}
	e := &Engine{pages: map[string]*template.Template{}, loc: loc, assets: assets, themed: theme != nil}
	read := func(name string) (string, error) {
		if theme != nil {
			if b, err := fs.ReadFile(theme, name); err == nil {
				return string(b), nil
			}
		}
		b, err := fs.ReadFile(sub, name)
		return string(b), err
	}
	base := template.New("layout").Funcs(e.funcs())
	shared, err := fs.Glob(sub, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range append([]string{"layout.html"}, shared...) {
		src, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("render: %s: %w", name, err)
		}
		if _, err := base.New(name).Parse(src); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	if e.cards, err = base.Clone(); err != nil {
		return nil, err
	}
	pages, err := fs.Glob(sub, "pages/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range pages {
		src, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("render: %s: %w", name, err)
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(src); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		e.pages[strings.TrimSuffix(path.Base(name), ".html")] = t
	}
	return e, nil
}

// Location is the zone dates are shown in.
func (e *Engine) Location() *time.Location { return e.loc }

// Render writes page name with data to w. It renders into a buffer first, so on
// error nothing has been written.
func (e *Engine) Render(w io.Writer, name string, data any) error {
	b, err := e.Bytes(name, data)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Bytes renders page name with data.
func (e *Engine) Bytes(name string, data any) ([]byte, error) {
	t, ok := e.pages[name]
	if !ok {
		return nil, fmt.Errorf("render: no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
