package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// ManifestName is the file in an export folder that lists every file the
// export wrote there, one path a line, relative to the folder.
const ManifestName = ".herald-export"

// NotFoundFile is where the page of NotFound is written.
const NotFoundFile = "404.html"

const manifestHeader = "# Written by herald export: the files it made in this folder. It rewrites\n" +
	"# and removes these and no others. Delete the folder, not this file.\n"

// FilePath is the file, relative to the export folder and with forward
// slashes, that a request target is written to: "/" is "index.html",
// "/world/" is "world/index.html", "/world/?page=2" is
// "world/page/2/index.html" and "/feed.xml" is "feed.xml".
func FilePath(target string) (string, error) {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Fragment != "" || !strings.HasPrefix(u.Path, "/") {
		return "", fmt.Errorf("export: %q is not a site path", target)
	}
	p := u.Path
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		n, convErr := strconv.Atoi(q.Get("page"))
		if err != nil || len(q) != 1 || convErr != nil || n < 1 || !strings.HasSuffix(p, "/") {
			return "", fmt.Errorf("export: %q: only ?page=N after a path that ends in / can be written as a file", target)
		}
		p += "page/" + strconv.Itoa(n) + "/"
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	rel := strings.TrimPrefix(p, "/")
	if path.Clean(rel) != rel || !filepath.IsLocal(filepath.FromSlash(rel)) || rel == ManifestName {
		return "", fmt.Errorf("export: %q does not name a file inside the folder", target)
	}
	return rel, nil
}

// plan maps every URL to its file, once each.
func plan(urls []string, notFound string) ([]item, error) {
	items := make([]item, 0, len(urls)+1)
	byRel := make(map[string]string, len(urls)+1)
	add := func(target, rel string, status int) error {
		if other, ok := byRel[rel]; ok {
			if other == target {
				return nil
			}
			return fmt.Errorf("export: %s and %s would both be written to %s", other, target, rel)
		}
		byRel[rel] = target
		items = append(items, item{target: target, rel: rel, status: status})
		return nil
	}
	for _, u := range urls {
		rel, err := FilePath(u)
		if err != nil {
			return nil, err
		}
		if err := add(u, rel, http.StatusOK); err != nil {
			return nil, err
		}
	}
	if notFound != "" {
		if err := add(notFound, NotFoundFile, http.StatusNotFound); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// dir is an export folder being written.
type dir struct {
	root string
	old  map[string]bool // the files the manifest named when the run began

	mu   sync.Mutex
	made map[string]bool // folders known to exist
}

// CheckDir reports whether path may be exported into: a folder that does not
// exist yet, an empty folder, or one that holds an export's manifest. The error
// is one line, fit to show as it is.
func CheckDir(path string) error {
	_, err := readDir(path)
	return err
}

// readDir checks path as CheckDir does and returns the manifest's files.
func readDir(path string) (map[string]bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder; choose a new or empty folder, or an earlier export's", path)
	}
	old, err := readManifest(filepath.Join(path, ManifestName))
	if err == nil {
		return old, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer f.Close()
	if names, _ := f.Readdirnames(1); len(names) > 0 {
		return nil, fmt.Errorf("%s is not empty and has no %s in it, so it is not an earlier export; choose a new or empty folder", path, ManifestName)
	}
	return map[string]bool{}, nil
}

// openDir checks the folder, makes it when missing and reads its manifest.
func openDir(path string) (*dir, error) {
	old, err := readDir(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &dir{root: path, old: old, made: map[string]bool{".": true}}, nil
}

// readManifest reads the files a manifest lists. A line that does not name a
// file inside the folder makes the whole manifest suspect: it is refused
// rather than followed.
func readManifest(name string) (map[string]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	files := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if path.Clean(line) != line || !filepath.IsLocal(filepath.FromSlash(line)) || line == ManifestName {
			return nil, fmt.Errorf("%s names %q, which is not a file of the export; fix or delete the manifest", name, line)
		}
		files[line] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("export: read %s: %w", name, err)
	}
	return files, nil
}

// writeManifest replaces the manifest with the files named.
func (d *dir) writeManifest(files map[string]bool) error {
	list := make([]string, 0, len(files))
	for rel := range files {
		list = append(list, rel)
	}
	sort.Strings(list)
	var b bytes.Buffer
	b.Grow(len(manifestHeader) + 48*len(list))
	b.WriteString(manifestHeader)
	for _, rel := range list {
		b.WriteString(rel)
		b.WriteByte('\n')
	}
	return writeAtomic(d.root, ManifestName, b.Bytes(), true)
}

// put makes the file rel hold body, unless it already does, and reports
// whether it wrote.
func (d *dir) put(rel string, body []byte) (bool, error) {
	full := filepath.Join(d.root, filepath.FromSlash(rel))
	if fi, err := os.Lstat(full); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(body)) {
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, body) {
			return false, nil
		}
	}
	parent := path.Dir(rel)
	if err := d.mkdir(parent); err != nil {
		return false, err
	}
	if err := writeAtomic(filepath.Join(d.root, filepath.FromSlash(parent)), path.Base(rel), body, false); err != nil {
		return false, err
	}
	return true, nil
}

// mkdir makes a folder of the export, once.
func (d *dir) mkdir(rel string) error {
	d.mu.Lock()
	ok := d.made[rel]
	d.mu.Unlock()
	if ok {
		return nil
	}
	full := filepath.Join(d.root, filepath.FromSlash(rel))
	// Most folders are new and their parent exists: one mkdir, not the
	// stat-then-mkdir of MkdirAll.
	if err := os.Mkdir(full, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(full, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	d.mu.Lock()
	d.made[rel] = true
	d.mu.Unlock()
	return nil
}

// remove deletes a file of the export, and then each folder above it that it
// leaves empty, and reports whether the file was there.
func (d *dir) remove(rel string) (bool, error) {
	err := os.Remove(filepath.Join(d.root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("export: %w", err)
	}
	for parent := path.Dir(rel); parent != "."; parent = path.Dir(parent) {
		// Remove fails on a folder that still holds anything, which is
		// what stops the climb.
		if os.Remove(filepath.Join(d.root, filepath.FromSlash(parent))) != nil {
			break
		}
		d.mu.Lock()
		delete(d.made, parent)
		d.mu.Unlock()
	}
	return true, nil
}

// writeAtomic writes name in folder through a temporary file renamed over it,
// so that a reader sees the old bytes or the new, never a part. Pages are not
// synced one by one (an export is made again, not recovered); the manifest is.
// Files are made readable by all, as far as the umask allows: a web server
// running as another user must read them.
func writeAtomic(folder, name string, body []byte, sync bool) error {
	f, err := createTemp(folder)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(body)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(folder, name))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export: write %s: %w", filepath.Join(folder, name), err)
	}
	return nil
}

// tempSeq makes the names of temporary files; with the process ID it keeps
// two exports into one folder at once from colliding.
var tempSeq atomic.Uint64

// createTemp makes a new file, mode 0644 before the umask, to be renamed into
// place. (os.CreateTemp would make it 0600.)
func createTemp(folder string) (*os.File, error) {
	for {
		name := filepath.Join(folder, fmt.Sprintf(".herald-export-%d-%d.tmp", os.Getpid(), tempSeq.Add(1)))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}
