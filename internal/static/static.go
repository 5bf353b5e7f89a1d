package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed files
var files embed.FS

// Asset is one embedded file.
type Asset struct {
	Name        string // logical name, "site.css"
	URL         string // hashed URL, "/static/site.3f2a9c1d.css"
	ContentType string
	Body        []byte
}

// Assets holds every embedded file by logical name and by hashed URL.
type Assets struct {
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// Load reads and hashes every embedded file.
func Load() (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "files/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		asset := &Asset{
			Name:        name,
			URL:         "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext,
			ContentType: mime.TypeByExtension(ext),
			Body:        body,
		}
		if asset.ContentType == "" {
			asset.ContentType = "application/octet-stream"
		}
		a.byName[name] = asset
		a.byURL[asset.URL] = asset
		return nil
	})
	return a, err
}

// URL returns the hashed URL of the named asset, or "" when there is none.
func (a *Assets) URL(name string) string {
	if x, ok := a.byName[name]; ok {
		return x.URL
	}
	return ""
}

// Get returns the named asset.
func (a *Assets) Get(name string) (*Asset, bool) {
	x, ok := a.byName[name]
	return x, ok
}

// All lists every asset.
func (a *Assets) All() []*Asset {
	out := make([]*Asset, 0, len(a.byName))
	for _, x := range a.byName {
		out = append(out, x)
	}
	return out
}

// ByURL returns the asset at a hashed URL.
func (a *Assets) ByURL(u string) (*Asset, bool) {
	x, ok := a.byURL[u]
	return x, ok
}

// ServeHTTP serves an asset by its hashed URL, cacheable for a year. Any other
// path under /static/ is a 404.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x, ok := a.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", x.ContentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", `"`+strings.TrimPrefix(path.Ext(strings.TrimSuffix(x.URL, path.Ext(x.URL))), ".")+`"`)
	if r.Method == http.MethodHead {
		return
	}
	w.Write(x.Body)
}
