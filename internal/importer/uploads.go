package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig reads what media.Identify accepts
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/herald-news/herald/internal/media"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// uploads takes images from a local copy of the old site's uploads folder
// (--uploads DIR) into Herald's media. It reads through an os.Root, so no
// path in an export (../, an absolute path, a symbolic link) can reach a
// file outside that folder; such paths are refused and reported.
type uploads struct {
	// wordpress takes only addresses under /wp-content/uploads/; otherwise
	// any site path names a file of the folder (a static site's).
	wordpress bool
	root      *os.Root
	dir       string
	tx        *store.ImportTx
	source    string
	rep       *Report
	done      map[string]string // relative path → its /media/ path, or "" when it could not be taken
}

func openUploads(dir string) (*uploads, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("--uploads: %w", err)
	}
	return &uploads{root: root, dir: dir, done: map[string]string{}}, nil
}

func (u *uploads) close() {
	if u != nil {
		u.root.Close()
	}
}

// imageExt are the names of files a link may point at to be taken: a link
// to the full-size picture, as WordPress makes around an image.
var imageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true}

// relPath finds the path inside the uploads folder that an address on the
// old site names: what follows /wp-content/uploads/ for WordPress, or the
// site path itself (for a Markdown site's static folder).
func (u *uploads) relPath(p string) (string, bool) {
	if i := strings.Index(p, "/wp-content/uploads/"); i >= 0 {
		p = p[i+len("/wp-content/uploads/"):]
	} else if u.wordpress {
		return "", false
	} else {
		p = strings.TrimPrefix(p, "/")
	}
	if p == "" {
		return "", false
	}
	return p, true
}

// take stores the file an address names and returns its /media/ path. ok
// is false when the folder has no such file, or it is not an image (only
// images are taken), or its path leaves the folder; the address then stays
// as it was, and the report says why.
func (u *uploads) take(p string, image bool) (string, bool, error) {
	rel, ok := u.relPath(p)
	if !ok || (!image && !imageExt[strings.ToLower(path.Ext(rel))]) {
		return "", false, nil
	}
	if local, seen := u.done[rel]; seen {
		return local, local != "", nil
	}
	local, err := u.store(rel)
	if err != nil {
		return "", false, err
	}
	if len(u.done) < 100_000 {
		u.done[rel] = local
	}
	return local, local != "", nil
}

func (u *uploads) store(rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, "\\") {
		u.rep.note("uploads", "refused %q: the path leaves the uploads folder", rel)
		u.rep.Media.Refused++
		return "", nil
	}
	f, err := u.root.Open(filepath.FromSlash(rel))
	if errors.Is(err, fs.ErrNotExist) {
		u.rep.Media.Missing++
		return "", nil
	}
	if err != nil {
		// os.Root refuses a symbolic link that leads out of the folder.
		u.rep.note("uploads", "refused %q: %v", rel, err)
		u.rep.Media.Refused++
		return "", nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		u.rep.Media.Missing++
		return "", nil
	}
	data, err := io.ReadAll(io.LimitReader(f, media.MaxBytes+1))
	if err != nil {
		return "", fmt.Errorf("uploads: read %s: %w", rel, err)
	}
	if len(data) > media.MaxBytes {
		u.rep.note("uploads", "left %q where it was: larger than %s", rel, media.Size(media.MaxBytes))
		u.rep.Media.Refused++
		return "", nil
	}
	format, err := media.Identify(data)
	if err != nil {
		u.rep.note("uploads", "left %q where it was: %v", rel, err)
		u.rep.Media.Refused++
		return "", nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		u.rep.note("uploads", "left %q where it was: damaged image", rel)
		u.rep.Media.Refused++
		return "", nil
	}
	name := "uploads/" + path.Clean(rel)
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	rec, found, err := u.tx.Record(u.source, "media", rel)
	if err != nil {
		return "", err
	}
	if found && rec.Hash == hash {
		u.rep.Media.Unchanged++
	} else {
		m := &news.Media{Name: name, ContentType: format.ContentType(), Data: data, Width: cfg.Width, Height: cfg.Height}
		if err := u.tx.PutMedia(m, "", ""); err != nil {
			return "", err
		}
		if err := u.tx.SetRecord(u.source, "media", rel, store.ImportRecord{LocalID: m.ID, Hash: hash}); err != nil {
			return "", err
		}
		if found {
			u.rep.Media.Updated++
		} else {
			u.rep.Media.Imported++
		}
	}
	return "/media/" + (&url.URL{Path: name}).EscapedPath(), nil
}
