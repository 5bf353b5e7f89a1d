package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// maxFile is the largest Markdown file read.
const maxFile = 16 << 20

// skippedDirs are folders of a Hugo or Jekyll site that hold no content.
var skippedDirs = map[string]bool{
	"_site": true, "_includes": true, "_layouts": true, "_data": true, "_sass": true, "node_modules": true,
	"public": true, "resources": true, "themes": true, "static": true, "assets": true, "layouts": true,
}

// Markdown imports a folder of Markdown files with YAML (---) or TOML (+++)
// front matter, as Hugo and Jekyll keep them, into st in one transaction.
// It reads nothing outside dir (and the uploads folder): the folder is
// opened as an os.Root, which refuses paths and links that lead out of it.
//
// Front-matter keys: title, date, lastmod (updated, last_modified_at),
// draft (or published: false), slug, section (else the first of
// categories), tags (and the other categories), authors (or author),
// description (summary, excerpt), image (a string, or a table with url,
// alt, caption and credit; or the first of images), aliases, redirect_from,
// url and permalink (old addresses, which redirect), comments (false closes
// them), layout or type "page" (a static page), and Herald's own:
//
//	credits:
//	  - {source: "The Coastal Courier", kind: first_reported_by, url: "https://…", source_url: "https://…"}
//	corrections:
//	  - {date: 2024-03-06T10:00:00Z, text: "An earlier version gave the wrong day.", kind: correction}
func Markdown(ctx context.Context, st *store.Store, dir string, o Options) (*Report, error) {
	start := time.Now()
	rep := newReport(dir, "Markdown folder")
	abs, err := filepath.Abs(dir)
	if err != nil {
		return rep, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return rep, err
	}
	defer root.Close()
	var up *uploads
	if o.Uploads != "" {
		if up, err = openUploads(o.Uploads); err != nil {
			return rep, err
		}
		defer up.close()
	}
	source := "markdown " + abs
	if o.Site != "" {
		source = "markdown " + o.Site
	}
	err = st.Import(ctx, func(tx *store.ImportTx) error {
		m := &mdImport{
			ctx: ctx, tx: tx, o: o, rep: rep, root: root, dir: dir, source: source,
			sections: map[string]news.Section{}, authors: map[string]int64{},
			body: bodyEnv{oldHosts: map[string]bool{}, uploads: up, counts: rep.Shortcodes},
		}
		if up != nil {
			up.tx, up.source, up.rep = tx, source, rep
		}
		return fs.WalkDir(root.FS(), ".", m.visit)
	})
	rep.Duration = time.Since(start)
	return rep, err
}

type mdImport struct {
	ctx    context.Context
	tx     *store.ImportTx
	o      Options
	rep    *Report
	root   *os.Root
	dir    string
	source string
	body   bodyEnv

	sections map[string]news.Section // slug → section
	authors  map[string]int64        // name → author ID
	items    int
}

func (m *mdImport) visit(p string, d fs.DirEntry, err error) error {
	if err != nil {
		return err
	}
	if err := m.ctx.Err(); err != nil {
		return err
	}
	name := d.Name()
	if d.IsDir() {
		if p != "." && (strings.HasPrefix(name, ".") || skippedDirs[name]) {
			return fs.SkipDir
		}
		return nil
	}
	ext := strings.ToLower(path.Ext(name))
	if ext != ".md" && ext != ".markdown" && ext != ".mdown" {
		return nil
	}
	if !d.Type().IsRegular() {
		m.rep.skip("Markdown files that are links or not regular files")
		return nil
	}
	err = m.file(p)
	m.items++
	if m.o.Progress != nil {
		m.o.Progress(m.items)
	}
	return err
}

// display is how messages name a file: under the folder given.
func (m *mdImport) display(p string) string { return filepath.Join(m.dir, filepath.FromSlash(p)) }

func (m *mdImport) file(p string) error {
	f, err := m.root.Open(filepath.FromSlash(p))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	f.Close()
	if err != nil {
		return err
	}
	file := m.display(p)
	if len(data) > maxFile {
		m.rep.skip("files larger than 16 MB")
		m.rep.note("skipped", "%s: larger than 16 MB", file)
		return nil
	}
	if !validText(string(data)) {
		return &ParseError{File: file, Pos: firstInvalid(data), Msg: "the file is not valid UTF-8 here; convert it to UTF-8 first"}
	}
	fm, body, ok, err := frontMatter(file, data)
	if err != nil {
		return err
	}
	base := path.Base(p)
	if !ok {
		m.rep.skip("Markdown files without front matter")
		return nil
	}
	if base == "_index.md" || base == "_index.markdown" {
		return m.sectionIndex(p, fm)
	}
	hash := digest(struct {
		Data    string
		Uploads bool
	}{string(data), m.body.uploads != nil})
	layout := strings.ToLower(fmString(fm, "layout", "type"))
	if layout == "page" {
		return m.page(p, file, fm, string(body), hash)
	}
	return m.story(p, file, fm, string(body), hash)
}

// firstInvalid finds the first byte that is not UTF-8.
func firstInvalid(data []byte) Pos {
	pos := Pos{1, 1}
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= 0x80 {
			var ok bool
			r, size, ok = decodeRune(data[i:])
			if !ok {
				return pos
			}
		}
		if r == '\n' {
			pos.Line, pos.Col = pos.Line+1, 1
		} else {
			pos.Col++
		}
		i += size
	}
	return pos
}

// sectionIndex takes a section's name and description from a Hugo
// _index.md.
func (m *mdImport) sectionIndex(p string, fm map[string]any) error {
	dir := path.Dir(p)
	if dir == "." {
		return nil // the home page's
	}
	_, err := m.section(slugOf(path.Base(dir), ""), fmString(fm, "title"), fmString(fm, "description", "summary"))
	return err
}

// section returns the section with slug, creating it (named name) when
// there is none; a name or description given updates it.
func (m *mdImport) section(slug, name, desc string) (news.Section, error) {
	if slug == "" {
		slug = "news"
	}
	if news.IsReserved(slug) {
		renamed := withSuffix(slug, 2)
		m.rep.note("renamed", "section %q: Herald keeps /%s/ for itself, so the section is at /%s/", slug, slug, renamed)
		slug = renamed
	}
	sec, cached := m.sections[slug]
	if !cached {
		s, err := m.tx.SectionBySlug(slug)
		switch {
		case err == nil:
			sec = *s
			m.rep.Sections.Unchanged++
		case !errors.Is(err, news.ErrNotFound):
			return sec, err
		default:
			kind, err := m.tx.TopLevelKind(slug)
			if err != nil {
				return sec, err
			}
			if kind == "page" {
				renamed, err := uniqueTopLevel(m.tx, slug)
				if err != nil {
					return sec, err
				}
				m.rep.note("renamed", "section %q: a static page has /%s/, so the section is at /%s/", slug, slug, renamed)
				return m.section(renamed, name, desc)
			}
			sec = news.Section{Slug: slug, Name: titleOf(slug)}
			if name != "" {
				sec.Name = cut(name, 80)
			}
			sec.Description = cut(desc, 500)
			if err := m.tx.CreateSection(&sec); err != nil {
				return sec, err
			}
			m.rep.Sections.Imported++
			m.sections[slug] = sec
			return sec, nil
		}
	}
	if (name != "" && cut(name, 80) != sec.Name) || (desc != "" && cut(desc, 500) != sec.Description) {
		if name != "" {
			sec.Name = cut(name, 80)
		}
		if desc != "" {
			sec.Description = cut(desc, 500)
		}
		if err := m.tx.UpdateSection(&sec); err != nil {
			return sec, err
		}
		m.rep.Sections.Updated++
	}
	m.sections[slug] = sec
	return sec, nil
}

// titleOf makes a name from a slug: "local-news" → "Local news".
func titleOf(slug string) string {
	s := strings.ReplaceAll(slug, "-", " ")
	if s == "" {
		return "News"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (m *mdImport) author(name string) (int64, error) {
	name = cut(strings.Join(strings.Fields(name), " "), 120)
	if id, ok := m.authors[name]; ok {
		return id, nil
	}
	rec, found, err := m.tx.Record(m.source, "author", name)
	if err != nil {
		return 0, err
	}
	if found {
		if _, err := m.tx.AuthorByID(rec.LocalID); err == nil {
			m.rep.Authors.Unchanged++
			m.authors[name] = rec.LocalID
			return rec.LocalID, nil
		} else if !errors.Is(err, news.ErrNotFound) {
			return 0, err
		}
	}
	base := slugOf("", name)
	if base == "" {
		base = "author"
	}
	slug, err := unique(base, m.tx.AuthorSlugTaken)
	if err != nil {
		return 0, err
	}
	if slug != base {
		m.rep.note("renamed", "author %q: the slug %q was taken, so the author is at /authors/%s/", name, base, slug)
	}
	au := &news.Author{Slug: slug, Name: name}
	if err := m.tx.CreateAuthor(au); err != nil {
		return 0, err
	}
	m.rep.Authors.Imported++
	m.authors[name] = au.ID
	return au.ID, m.tx.SetRecord(m.source, "author", name, store.ImportRecord{LocalID: au.ID})
}

// jekyllName matches a Jekyll post's file name: 2024-03-05-the-slug.md.
var jekyllName = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})-(.+)\.[A-Za-z]+$`)

// fileSlug is the slug a file's name gives: its name without the date and
// extension, or its folder's for a page bundle's index.md.
func fileSlug(p string) (slug string, date time.Time) {
	base := path.Base(p)
	if m := jekyllName.FindStringSubmatch(base); m != nil {
		date, _ = time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
		return slugOf("", m[4]), date
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem == "index" && path.Dir(p) != "." {
		stem = path.Base(path.Dir(p))
	}
	return slugOf("", stem), date
}

func (m *mdImport) story(p, file string, fm map[string]any, body, hash string) error {
	rec, found, err := m.tx.Record(m.source, "file", p)
	if err != nil {
		return err
	}
	var old *news.Article
	if found {
		old, err = m.tx.Article(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return err
		case rec.Hash == hash:
			m.rep.Stories.Unchanged++
			return nil
		case old.Version != rec.Version:
			m.rep.skip("stories edited in Herald since the last import (left as they are)")
			m.rep.note("kept", "%s: edited in Herald since the last import, so the newer file was not applied", file)
			return nil
		}
	}
	title := fmString(fm, "title")
	if title == "" {
		m.rep.skip("Markdown files without a title")
		m.rep.note("skipped", "%s: no title in the front matter", file)
		return nil
	}
	a := &news.Article{Headline: cut(title, 200), Status: news.StatusPublished, CommentsOpen: true}
	slug, fileDate := fileSlug(p)
	if s := slugOf(fmString(fm, "slug"), ""); s != "" {
		slug = s
	}
	if slug == "" {
		slug = slugOf("", title)
	}
	if slug == "" {
		slug = "story"
	}
	a.Slug = slug
	a.PublishedAt, err = fmTime(fm, "date", "publishDate", "pubDate", "published_at")
	switch {
	case errors.Is(err, errNoDate):
		a.PublishedAt = fileDate
	case err != nil:
		return &ParseError{File: file, Pos: Pos{2, 1}, Msg: err.Error()}
	}
	if t, err := fmTime(fm, "lastmod", "updated", "last_modified_at", "modified"); err == nil && t.After(a.PublishedAt) {
		a.UpdatedAt = t
	}
	if !a.PublishedAt.IsZero() {
		a.CreatedAt = a.PublishedAt
	}
	draft, _ := fmBool(fm, "draft")
	if published, set := fmBool(fm, "published"); set && !published {
		draft = true
	}
	if strings.HasPrefix(p, "_drafts/") {
		draft = true
	}
	switch {
	case draft:
		a.Status = news.StatusDraft
	case a.PublishedAt.IsZero():
		m.rep.skip("stories without a date (and not drafts)")
		m.rep.note("invalid", "%s: no date: add date, or draft: true", file)
		return nil
	case a.PublishedAt.After(time.Now()):
		a.Status = news.StatusScheduled
	}
	if open, set := fmBool(fm, "comments"); set {
		a.CommentsOpen = open
	}
	// Section: the section key, else the first category, else the folder
	// (Hugo's sections are the content folder's first level).
	cats := fmList(fm, "categories", "category")
	secName := fmString(fm, "section")
	if secName == "" && len(cats) > 0 {
		secName, cats = cats[0], cats[1:]
	}
	if secName == "" {
		if first, _, ok := strings.Cut(p, "/"); ok && !strings.HasPrefix(first, "_") {
			secName = first
		}
	}
	secSlug := slugOf("", secName)
	display := ""
	if secName != "" && secName != secSlug {
		display = secName
	}
	if a.Section, err = m.section(secSlug, display, ""); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, t := range append(cats, fmList(fm, "tags", "keywords")...) {
		s := slugOf("", t)
		if s == "" {
			continue
		}
		tg, created, err := m.tx.EnsureTag(s, cut(t, 80))
		if err != nil {
			return err
		}
		if created {
			m.rep.Tags.Imported++
		}
		if !seen[tg.ID] {
			seen[tg.ID] = true
			a.Tags = append(a.Tags, tg)
		}
	}
	names := fmList(fm, "authors", "author")
	if len(names) == 0 && a.Status == news.StatusPublished {
		names = []string{"Staff"}
	}
	for _, n := range names {
		id, err := m.author(n)
		if err != nil {
			return err
		}
		dup := false
		for _, au := range a.Authors {
			dup = dup || au.ID == id
		}
		if !dup {
			a.Authors = append(a.Authors, news.Author{ID: id})
		}
	}
	a.Standfirst = cut(strings.Join(strings.Fields(textOfHTML(fmString(fm, "description", "summary", "excerpt", "subtitle"))), " "), 500)
	a.SEOTitle = cut(fmString(fm, "seo_title"), 200)
	a.SEODescription = cut(fmString(fm, "seo_description"), 300)
	if a.Image, err = m.image(fm, title); err != nil {
		return err
	}
	if a.Credits, err = m.credits(file, fm); err != nil {
		return err
	}
	corrections, err := m.corrections(file, fm)
	if err != nil {
		return err
	}
	md := m.shortcodes(body)
	if a.BodyMarkdown, a.BodyHTML, err = m.render(md); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	a.WordCount = content.WordCount(content.PlainText(a.BodyHTML))
	var own int64
	base := a.Slug
	if found {
		a.ID, own = old.ID, old.ID
		if old.Section.ID == a.Section.ID && (old.Slug == base || strings.HasPrefix(old.Slug, base+"-")) {
			base = old.Slug
		}
	}
	if a.Slug, err = unique(base, func(s string) (bool, error) { return m.tx.ArticleSlugTaken(a.Section.ID, s, own) }); err != nil {
		return err
	}
	if a.Slug != base {
		m.rep.note("renamed", "%s: /%s/%s/ was taken, so the story is at %s", file, a.Section.Slug, base, a.Path())
	}
	if err := a.Validate(); err != nil {
		m.rep.skip("stories Herald cannot store as they are (see “invalid”)")
		m.rep.note("invalid", "%s: %v", file, err)
		return nil
	}
	if found {
		err = m.tx.UpdateArticle(a)
		m.rep.Stories.Updated++
	} else {
		a.Corrections = corrections
		corrections = nil
		err = m.tx.CreateArticle(a)
		m.rep.Stories.Imported++
	}
	if err != nil {
		return err
	}
	for i := range corrections {
		if _, err := m.tx.AddCorrection(a.ID, &corrections[i]); err != nil {
			return err
		}
	}
	if err := m.tx.SetRecord(m.source, "file", p, store.ImportRecord{LocalID: a.ID, Hash: hash, Version: a.Version}); err != nil {
		return err
	}
	if a.Status != news.StatusPublished {
		return nil
	}
	return m.redirects(m.oldPaths(p, fm, slug, a.PublishedAt), a.Path())
}

func (m *mdImport) page(p, file string, fm map[string]any, body, hash string) error {
	rec, found, err := m.tx.Record(m.source, "file", p)
	if err != nil {
		return err
	}
	var pg *news.Page
	if found {
		pg, err = m.tx.PageByID(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return err
		case rec.Hash == hash:
			m.rep.Pages.Unchanged++
			return nil
		}
	}
	if draft, _ := fmBool(fm, "draft"); draft {
		m.rep.skip("draft pages (Herald's pages are all public)")
		return nil
	}
	title := fmString(fm, "title")
	if !found {
		slug, _ := fileSlug(p)
		if s := slugOf(fmString(fm, "slug"), ""); s != "" {
			slug = s
		}
		if slug == "" {
			slug = slugOf("", title)
		}
		if slug == "" {
			slug = "page"
		}
		free, err := uniqueTopLevel(m.tx, slug)
		if err != nil {
			return err
		}
		if free != slug {
			m.rep.note("renamed", "%s: /%s/ is taken, so the page is at /%s/", file, slug, free)
		}
		pg = &news.Page{Slug: free}
	}
	pg.Title = cut(title, 200)
	if pg.Title == "" {
		pg.Title = titleOf(pg.Slug)
	}
	if w, ok := fm["weight"].(int); ok {
		pg.Position = w
	}
	if t, err := fmTime(fm, "lastmod", "updated", "date"); err == nil {
		pg.UpdatedAt = t
	}
	if pg.BodyMarkdown, pg.BodyHTML, err = m.render(m.shortcodes(body)); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if err := pg.Validate(); err != nil {
		m.rep.skip("pages Herald cannot store as they are (see “invalid”)")
		m.rep.note("invalid", "%s: %v", file, err)
		return nil
	}
	if found {
		err = m.tx.UpdatePage(pg)
		m.rep.Pages.Updated++
	} else {
		err = m.tx.CreatePage(pg)
		m.rep.Pages.Imported++
	}
	if err != nil {
		return err
	}
	if err := m.tx.SetRecord(m.source, "file", p, store.ImportRecord{LocalID: pg.ID, Hash: hash}); err != nil {
		return err
	}
	slug, _ := fileSlug(p)
	return m.redirects(m.oldPaths(p, fm, slug, time.Time{}), pg.Path())
}

// render turns Markdown into sanitised HTML, with images taken from the
// uploads folder; the Markdown kept for the editor points at the same
// copies.
func (m *mdImport) render(md string) (string, string, error) {
	rendered, err := content.Markdown(md)
	if err != nil {
		return "", "", err
	}
	out, err := m.body.html(rendered)
	if err != nil {
		return "", "", err
	}
	for from, to := range m.body.taken {
		md = strings.ReplaceAll(md, "("+from+")", "("+to+")")
		md = strings.ReplaceAll(md, "("+from+" ", "("+to+" ") // with a title
	}
	return md, out, nil
}

// image reads the featured image: image as a string or a table, or the
// first of images.
func (m *mdImport) image(fm map[string]any, title string) (*news.Image, error) {
	img := &news.Image{}
	switch v := fm["image"].(type) {
	case string:
		img.URL = strings.TrimSpace(v)
	case map[string]any:
		img.URL = fmString(v, "url", "src", "path")
		img.Alt = fmString(v, "alt")
		img.Caption = fmString(v, "caption")
		img.Credit = fmString(v, "credit")
	}
	if img.URL == "" {
		if list := fmList(fm, "images", "featured_image", "cover"); len(list) > 0 {
			img.URL = list[0]
		}
	}
	if img.URL == "" {
		return nil, nil
	}
	if img.Alt == "" {
		img.Alt = fmString(fm, "image_alt", "alt")
	}
	if img.Alt == "" {
		img.Alt = title // Herald needs words for every featured image
	}
	if img.Caption == "" {
		img.Caption = fmString(fm, "image_caption", "caption")
	}
	if img.Credit == "" {
		img.Credit = fmString(fm, "image_credit")
	}
	img.Alt, img.Caption, img.Credit = cut(img.Alt, 500), cut(img.Caption, 500), cut(img.Credit, 200)
	if m.body.uploads != nil && !isHTTP(img.URL) {
		local, ok, err := m.body.uploads.take(img.URL, true)
		if err != nil {
			return nil, err
		}
		if ok {
			img.URL = local
		}
	}
	if !news.ValidImageURL(img.URL) {
		// A path relative to the file, say, with no uploads folder to
		// take it from: the story comes in without its image.
		m.rep.note("images", "%q: the featured image's address %q cannot be used, so the story comes without it", title, img.URL)
		return nil, nil
	}
	return img, nil
}

// credits reads Herald's credits key.
func (m *mdImport) credits(file string, fm map[string]any) ([]news.Credit, error) {
	var out []news.Credit
	for i, c := range fmMaps(fm, "credits") {
		name := fmString(c, "source", "name", "outlet")
		kind := news.CreditKind(strings.ReplaceAll(strings.ToLower(fmString(c, "kind")), " ", "_"))
		if kind == "" {
			kind = news.CreditCiting
		}
		if name == "" || !kind.Valid() {
			m.rep.note("credits", "%s: credit %d left out: it needs a source and a kind (%s)", file, i+1, creditKinds())
			continue
		}
		src := news.Source{Slug: slugOf("", name), Name: cut(name, 120), URL: fmString(c, "source_url", "home")}
		if src.Slug == "" {
			continue
		}
		if src.URL != "" && !news.IsHTTPURL(src.URL) {
			src.URL = ""
		}
		src, err := m.tx.EnsureSource(src)
		if err != nil {
			return nil, err
		}
		link := fmString(c, "url", "link")
		if link != "" && !news.IsHTTPURL(link) {
			m.rep.note("credits", "%s: credit %d: %q is not an http(s) address; left out", file, i+1, link)
			link = ""
		}
		out = append(out, news.Credit{Source: src, Kind: kind, URL: link})
	}
	return out, nil
}

func creditKinds() string {
	var s []string
	for _, k := range news.CreditKinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// corrections reads Herald's corrections key.
func (m *mdImport) corrections(file string, fm map[string]any) ([]news.Correction, error) {
	var out []news.Correction
	for i, c := range fmMaps(fm, "corrections") {
		text := fmString(c, "text", "note", "body")
		kind := news.CorrectionKind(strings.ToLower(fmString(c, "kind")))
		if kind == "" {
			kind = news.KindCorrection
		}
		at, err := fmTime(c, "date", "time", "at")
		if err != nil {
			return nil, &ParseError{File: file, Pos: Pos{2, 1}, Msg: fmt.Sprintf("correction %d: a date is required (%v)", i+1, err)}
		}
		cr := news.Correction{Kind: kind, Text: cut(text, 2000), CreatedAt: at}
		if err := cr.Validate(); err != nil {
			m.rep.note("corrections", "%s: correction %d left out: %v", file, i+1, err)
			continue
		}
		out = append(out, cr)
	}
	return out, nil
}

// oldPaths are the addresses a file was published at: its aliases,
// redirect_from, url and permalink, and the address Hugo (/{folder}/{slug}/)
// or Jekyll (/{categories}/{yyyy}/{mm}/{dd}/{slug}.html) gives it by
// default.
func (m *mdImport) oldPaths(p string, fm map[string]any, slug string, date time.Time) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || isHTTP(s) {
			if u, err := parseURL(s); err == nil && isHTTP(s) {
				s = u.Path
			} else {
				return
			}
		}
		if !strings.HasPrefix(s, "/") {
			s = "/" + s
		}
		if s != "/" {
			out = append(out, s)
		}
	}
	for _, a := range fmList(fm, "aliases", "redirect_from") {
		add(a)
	}
	add(fmString(fm, "url", "permalink"))
	dir := path.Dir(p)
	if base := path.Base(p); strings.TrimSuffix(base, path.Ext(base)) == "index" && dir != "." {
		// A page bundle: Hugo publishes it at its folder's address, or
		// under its slug beside it.
		add("/" + dir + "/")
		dir = path.Dir(dir)
	}
	switch {
	case dir == "_posts" || strings.HasPrefix(dir, "_posts/"):
		if !date.IsZero() {
			cats := fmList(fm, "categories", "category")
			prefix := ""
			for _, c := range cats {
				prefix += "/" + strings.ToLower(c)
			}
			add(prefix + date.Format("/2006/01/02/") + slug + ".html")
		}
	case dir != ".":
		add("/" + dir + "/" + slug + "/")
	default:
		add("/" + slug + "/")
	}
	return out
}

func (m *mdImport) redirects(from []string, to string) error {
	for _, f := range from {
		if f == to {
			continue
		}
		cur, err := m.tx.Redirect(f)
		if err != nil {
			return err
		}
		switch {
		case cur == to:
			m.rep.Redirects.Unchanged++
			continue
		case cur != "":
			m.rep.Redirects.Updated++
		default:
			m.rep.Redirects.Imported++
		}
		if err := m.tx.AddRedirect(f, to); err != nil {
			return err
		}
	}
	return nil
}

// Hugo shortcodes and Jekyll tags in a Markdown body.
var (
	hugoShortcode = regexp.MustCompile(`\{\{[<%]\s*(/?)([A-Za-z][\w-]*)([^}]*?)\s*[>%]\}\}`)
	liquidTag     = regexp.MustCompile(`\{%-?\s*(\w+)([^%]*?)-?%\}`)
	liquidOutput  = regexp.MustCompile(`\{\{-?\s*[^}]*?-?\}\}`)
)

// shortcodes turns the Hugo shortcodes and Jekyll tags of a body into
// Markdown (figure, youtube, highlight) or removes them (counted).
func (m *mdImport) shortcodes(md string) string {
	count := func(name string, converted bool) {
		c := m.rep.Shortcodes[name]
		if c == nil {
			c = &ShortcodeCount{}
			m.rep.Shortcodes[name] = c
		}
		if converted {
			c.Converted++
		} else {
			c.Dropped++
		}
	}
	md = hugoShortcode.ReplaceAllStringFunc(md, func(s string) string {
		sm := hugoShortcode.FindStringSubmatch(s)
		closing, name := sm[1] == "/", strings.ToLower(sm[2])
		if closing {
			return ""
		}
		t, _ := parseTag("["+name+" "+sm[3]+"]", 0)
		switch name {
		case "figure":
			if src := t.attrs["src"]; src != "" {
				count("figure", true)
				out := "![" + escapeMD(t.attrs["alt"]) + "](" + mdURL(src) + ")"
				if c := t.attrs["caption"]; c != "" {
					out += "\n\n*" + escapeMD(c) + "*"
				}
				return out
			}
		case "youtube":
			id := t.attrs["id"]
			if id == "" && len(t.bare) > 0 {
				id = t.bare[0]
			}
			if id != "" {
				count("youtube", true)
				u := "https://www.youtube.com/watch?v=" + id
				return "[" + u + "](" + u + ")"
			}
		}
		count(name, false)
		return ""
	})
	md = liquidTag.ReplaceAllStringFunc(md, func(s string) string {
		sm := liquidTag.FindStringSubmatch(s)
		switch name := strings.ToLower(sm[1]); name {
		case "highlight":
			count("highlight", true)
			lang := ""
			if f := strings.Fields(sm[2]); len(f) > 0 {
				lang = f[0]
			}
			return "```" + lang
		case "endhighlight":
			return "```"
		case "raw", "endraw":
			return ""
		default:
			count(name, false)
			return ""
		}
	})
	return liquidOutput.ReplaceAllString(md, "")
}
