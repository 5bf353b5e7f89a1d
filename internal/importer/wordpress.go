package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// WordPress imports a WordPress export (WXR 1.0 to 1.2) read from r into
// st, in one transaction: a malformed file, or ctx ending, leaves st as it
// was. name is how messages name the file. The report says what was done,
// and on error how far the import had got before it was rolled back.
func WordPress(ctx context.Context, st *store.Store, name string, r io.Reader, o Options) (*Report, error) {
	start := time.Now()
	rep := newReport(name, "WordPress export")
	secret, err := st.Secret(ctx)
	if err != nil {
		return rep, err
	}
	var up *uploads
	if o.Uploads != "" {
		if up, err = openUploads(o.Uploads); err != nil {
			return rep, err
		}
		defer up.close()
	}
	err = st.Import(ctx, func(tx *store.ImportTx) error {
		w := &wpImport{
			ctx: ctx, tx: tx, o: o, rep: rep, secret: secret, stream: newWXRStream(name, r), up: up,
			authors: map[string]int64{}, categories: map[string]*wxrCategory{}, termIDs: map[string]string{},
			sections: map[string]news.Section{}, tags: map[string]news.Tag{}, attachments: map[string]attachment{},
		}
		return w.run()
	})
	rep.Duration = time.Since(start)
	return rep, err
}

// wpImport is one run of the WordPress importer.
type wpImport struct {
	ctx    context.Context
	tx     *store.ImportTx
	o      Options
	rep    *Report
	secret []byte
	stream *wxrStream
	up     *uploads
	source string // the key of the import's records
	body   bodyEnv

	authors    map[string]int64        // login → author ID
	categories map[string]*wxrCategory // nicename → the channel's definition
	termIDs    map[string]string       // category term ID → nicename
	sections   map[string]news.Section // category nicename → its section
	tags       map[string]news.Tag     // slug → tag, for the tags met in this run
	items      int

	// attachments are the export's files by post ID, for featured images;
	// thumbs are the stories whose featured image came before its
	// attachment, resolved at the end.
	attachments map[string]attachment
	thumbs      []pendingThumb
}

// attachment is what a featured image needs of an attachment item.
type attachment struct {
	url, alt, caption string
}

// pendingThumb is a story whose featured image is an attachment not yet
// read.
type pendingThumb struct {
	postID, thumbID, hash string
	articleID             int64
}

// The most categories and tags kept in memory; past that they are looked up
// again, so memory stays bounded whatever the export holds.
const maxCached = 50_000

func (w *wpImport) run() error {
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		e, err := w.stream.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if w.source == "" {
			w.begin()
		}
		switch v := e.(type) {
		case *wxrAuthor:
			err = w.author(v)
		case *wxrCategory:
			if v.Nicename != "" && len(w.categories) < maxCached {
				w.categories[v.Nicename] = v
				if v.TermID != "" {
					w.termIDs[v.TermID] = v.Nicename
				}
			}
		case *wxrItem:
			err = w.item(v)
			w.items++
			if w.o.Progress != nil {
				w.o.Progress(w.items)
			}
		}
		if err != nil {
			return err
		}
	}
	w.rep.Format = "WordPress export, WXR " + w.stream.site.Version
	return w.resolveThumbs()
}

// resolveThumbs gives the stories whose featured image's attachment came
// after them in the export their image.
func (w *wpImport) resolveThumbs() error {
	for _, p := range w.thumbs {
		att, ok := w.attachments[p.thumbID]
		if !ok {
			w.rep.note("images", "post %s: its featured image (attachment %s) is not in the export", p.postID, p.thumbID)
			continue
		}
		a, err := w.tx.Article(p.articleID)
		if err != nil {
			return err
		}
		if a.Image, err = w.featured(att, a.Headline); err != nil {
			return err
		}
		if a.Image == nil {
			continue
		}
		if err := w.tx.UpdateArticle(a); err != nil {
			return err
		}
		if err := w.tx.SetRecord(w.source, "post", p.postID, store.ImportRecord{LocalID: a.ID, Hash: p.hash, Version: a.Version}); err != nil {
			return err
		}
	}
	return nil
}

// featured makes a story's featured image of an attachment; nil, noted in
// the report, when its address cannot be one.
func (w *wpImport) featured(att attachment, headline string) (*news.Image, error) {
	img := &news.Image{URL: att.url, Alt: att.alt, Caption: att.caption}
	if img.Alt == "" {
		img.Alt = headline // Herald needs words for every featured image
	}
	img.Alt, img.Caption = cut(img.Alt, 500), cut(img.Caption, 500)
	if w.up != nil {
		if u, err := url.Parse(att.url); err == nil {
			local, ok, err := w.up.take(u.Path, true)
			if err != nil {
				return nil, err
			}
			if ok {
				img.URL = local
			}
		}
	}
	if !news.ValidImageURL(img.URL) {
		w.rep.note("invalid", "%q: the featured image's address %q cannot be used, so the story comes without it", headline, img.URL)
		return nil, nil
	}
	return img, nil
}

// begin fixes what the channel's header says, before the first entry.
func (w *wpImport) begin() {
	site := w.stream.site
	addr := site.BaseSiteURL
	if addr == "" {
		addr = site.Link
	}
	w.body = bodyEnv{oldHosts: map[string]bool{}, uploads: w.up, counts: w.rep.Shortcodes}
	for _, a := range []string{site.BaseSiteURL, site.BaseBlogURL, site.Link} {
		if u, err := url.Parse(a); err == nil && u.Host != "" {
			w.body.oldHosts[strings.ToLower(u.Hostname())] = true
		}
	}
	w.source = "wordpress " + siteKey(addr)
	if w.o.Site != "" {
		w.source = "wordpress " + w.o.Site
	}
	if w.up != nil {
		w.up.tx, w.up.source, w.up.rep, w.up.wordpress = w.tx, w.source, w.rep, true
	}
}

// siteKey is a site address without its scheme and trailing slash: the
// same site over http and https is one source.
func siteKey(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(addr)
	}
	return strings.ToLower(u.Host) + strings.TrimSuffix(u.Path, "/")
}

// where names an item for a note: the file's place, its ID and title.
func (w *wpImport) where(it *wxrItem) string {
	title := cut(textOfHTML(it.Title), 60)
	if title == "" {
		title = "(no title)"
	}
	return fmt.Sprintf("%s:%s: %s %s “%s”", w.stream.x.file, it.Pos, it.Type, it.PostID, title)
}

func (w *wpImport) author(a *wxrAuthor) error {
	if a.Login == "" {
		w.rep.skip("authors without a login")
		return nil
	}
	_, err := w.authorID(a)
	return err
}

// authorID returns the Herald author of a WordPress author, creating it (and
// a user who cannot sign in yet) on first sight.
func (w *wpImport) authorID(a *wxrAuthor) (int64, error) {
	if id, ok := w.authors[a.Login]; ok {
		return id, nil
	}
	name := strings.TrimSpace(stripFormat(a.DisplayName))
	if name == "" {
		name = strings.TrimSpace(a.FirstName + " " + a.LastName)
	}
	if name == "" {
		name = a.Login
	}
	name = cut(strings.Join(strings.Fields(name), " "), 120)
	hash := digest([]string{name})
	rec, found, err := w.tx.Record(w.source, "author", a.Login)
	if err != nil {
		return 0, err
	}
	var id int64
	if found {
		au, err := w.tx.AuthorByID(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return 0, err
		case rec.Hash == hash:
			w.rep.Authors.Unchanged++
			id = au.ID
		default:
			au.Name = name
			if err := w.tx.UpdateAuthor(au); err != nil {
				return 0, err
			}
			if err := w.tx.SetRecord(w.source, "author", a.Login, store.ImportRecord{LocalID: au.ID, Hash: hash}); err != nil {
				return 0, err
			}
			w.rep.Authors.Updated++
			id = au.ID
		}
	}
	if !found {
		base := slugOf(a.Login, name)
		if base == "" {
			base = "author"
		}
		slug, err := unique(base, w.tx.AuthorSlugTaken)
		if err != nil {
			return 0, err
		}
		if slug != base {
			w.rep.note("renamed", "author %q: the slug %q was taken, so the author is at /authors/%s/", a.Login, base, slug)
		}
		au := &news.Author{Slug: slug, Name: name}
		if err := w.tx.CreateAuthor(au); err != nil {
			return 0, err
		}
		if err := w.tx.SetRecord(w.source, "author", a.Login, store.ImportRecord{LocalID: au.ID, Hash: hash}); err != nil {
			return 0, err
		}
		w.rep.Authors.Imported++
		id = au.ID
		if err := w.redirects([]string{"/author/" + a.Login + "/"}, "/authors/"+au.Slug+"/"); err != nil {
			return 0, err
		}
	}
	w.authors[a.Login] = id
	return id, w.user(a, name, id)
}

// user gives an imported author a user account that cannot sign in until
// someone sets a password (herald user passwd), with the least role.
func (w *wpImport) user(a *wxrAuthor, name string, authorID int64) error {
	email := news.NormalizeEmail(a.Email)
	if email == "" {
		return nil
	}
	if !news.ValidEmail(email) {
		w.rep.note("users", "author %q has no user account: %q is not an email address Herald accepts", a.Login, email)
		return nil
	}
	_, found, err := w.tx.Record(w.source, "user", a.Login)
	if err != nil || found {
		if found {
			w.rep.Users.Unchanged++
		}
		return err
	}
	existing, err := w.tx.UserIDByEmail(email)
	if err != nil {
		return err
	}
	if existing != 0 {
		w.rep.note("users", "author %q: a user with the address %s exists already and was left as it was", a.Login, email)
		return w.tx.SetRecord(w.source, "user", a.Login, store.ImportRecord{LocalID: existing})
	}
	u := &news.User{Email: email, Name: name, Role: news.RoleContributor, AuthorID: authorID}
	if err := w.tx.CreateUser(u); err != nil {
		var v *news.ValidationError
		if errors.As(err, &v) {
			w.rep.note("users", "author %q has no user account: %v", a.Login, err)
			return nil
		}
		return err
	}
	w.rep.Users.Imported++
	return w.tx.SetRecord(w.source, "user", a.Login, store.ImportRecord{LocalID: u.ID})
}

// creator returns the author of an item by its dc:creator login; an item
// by someone the export does not list gets an author of that login, and
// one by nobody the site's "Staff" author.
func (w *wpImport) creator(login string) (int64, error) {
	if login == "" {
		return w.authorID(&wxrAuthor{Login: "\x00staff", DisplayName: "Staff"})
	}
	return w.authorID(&wxrAuthor{Login: login})
}

// section returns the section a category becomes.
func (w *wpImport) section(nicename, name string) (news.Section, error) {
	if sec, ok := w.sections[nicename]; ok {
		return sec, nil
	}
	desc := ""
	if def := w.categories[nicename]; def != nil {
		if def.Name != "" {
			name = def.Name
		}
		desc = cut(textOfHTML(def.Description), 500)
	}
	name = cut(textOfHTML(name), 80)
	hash := digest([]string{name, desc})
	rec, found, err := w.tx.Record(w.source, "category", nicename)
	if err != nil {
		return news.Section{}, err
	}
	var sec *news.Section
	if found {
		sec, err = w.tx.SectionByID(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return news.Section{}, err
		case rec.Hash == hash:
			w.rep.Sections.Unchanged++
		default:
			sec.Name, sec.Description = name, desc
			if sec.Name == "" {
				sec.Name = sec.Slug
			}
			if err := w.tx.UpdateSection(sec); err != nil {
				return news.Section{}, err
			}
			w.rep.Sections.Updated++
		}
	}
	if !found {
		base := slugOf(nicename, name)
		if base == "" {
			base = "section"
		}
		if !news.IsReserved(base) {
			sec, err = w.tx.SectionBySlug(base)
			if err != nil && !errors.Is(err, news.ErrNotFound) {
				return news.Section{}, err
			}
		}
		if sec != nil {
			w.rep.note("merged", "category %q joins the section of the same address, /%s/", nicename, sec.Slug)
			w.rep.Sections.Unchanged++
		} else {
			slug, err := uniqueTopLevel(w.tx, base)
			if err != nil {
				return news.Section{}, err
			}
			if slug != base {
				why := "a static page has that address"
				if news.IsReserved(base) {
					why = "Herald keeps that path for itself"
				}
				w.rep.note("renamed", "category %q: /%s/ is taken (%s), so the section is at /%s/", nicename, base, why, slug)
			}
			if name == "" {
				name = slug
			}
			sec = &news.Section{Slug: slug, Name: name, Description: desc}
			if err := w.tx.CreateSection(sec); err != nil {
				return news.Section{}, err
			}
			w.rep.Sections.Imported++
		}
	}
	if err := w.tx.SetRecord(w.source, "category", nicename, store.ImportRecord{LocalID: sec.ID, Hash: hash}); err != nil {
		return news.Section{}, err
	}
	if !found {
		// WordPress's category archive, /category/parent/child/.
		if err := w.redirects([]string{w.categoryPath(nicename)}, "/"+sec.Slug+"/"); err != nil {
			return news.Section{}, err
		}
	}
	if len(w.sections) < maxCached {
		w.sections[nicename] = *sec
	}
	return *sec, nil
}

// categoryPath is the address of a category's archive on the old site.
func (w *wpImport) categoryPath(nicename string) string {
	p := decoded(nicename) + "/"
	seen := map[string]bool{nicename: true}
	for def := w.categories[nicename]; def != nil && def.Parent != "" && !seen[def.Parent]; def = w.categories[def.Parent] {
		seen[def.Parent] = true
		p = decoded(def.Parent) + "/" + p
	}
	return "/category/" + p
}

// decoded is a WordPress slug as a request's path holds it: WordPress keeps
// non-ASCII slugs percent-encoded.
func decoded(slug string) string {
	if s, err := url.PathUnescape(slug); err == nil {
		return s
	}
	return slug
}

// tag returns the tag a WordPress tag or secondary category becomes; ok is
// false when its name makes no slug.
func (w *wpImport) tag(nicename, name string) (news.Tag, bool, error) {
	slug := slugOf(nicename, name)
	if slug == "" {
		return news.Tag{}, false, nil
	}
	if tg, ok := w.tags[slug]; ok {
		return tg, true, nil
	}
	name = cut(textOfHTML(name), 80)
	if name == "" {
		name = slug
	}
	tg, created, err := w.tx.EnsureTag(slug, name)
	if err != nil {
		return tg, false, err
	}
	if created {
		w.rep.Tags.Imported++
	} else {
		w.rep.Tags.Unchanged++
	}
	if nicename != "" {
		// WordPress's tag archive; a category that became a tag keeps its
		// archive pointing at its section.
		if err := w.redirects([]string{"/tag/" + decoded(nicename) + "/"}, "/tags/"+tg.Slug+"/"); err != nil {
			return tg, false, err
		}
	}
	if len(w.tags) < maxCached {
		w.tags[slug] = tg
	}
	return tg, true, nil
}

func (w *wpImport) item(it *wxrItem) error {
	if it.PostID == "" {
		w.rep.skip("items without a wp:post_id")
		return nil
	}
	switch it.Type {
	case "post":
		return w.post(it)
	case "page":
		return w.page(it)
	case "attachment":
		if it.AttachmentURL != "" && len(w.attachments) < 200_000 {
			w.attachments[it.PostID] = attachment{
				url:     strings.TrimSpace(it.AttachmentURL),
				alt:     strings.TrimSpace(textOfHTML(it.meta("_wp_attachment_image_alt"))),
				caption: textOfHTML(it.Excerpt),
			}
		}
		w.rep.skip("attachments (their files are taken through the stories that show them)")
	case "":
		w.rep.skip("items without a wp:post_type")
	default:
		w.rep.skip("items of post type " + strconv.Quote(it.Type))
	}
	return nil
}

// postStatus maps a post's WordPress status onto Herald's; ok is false for
// posts that are not imported (why says why).
func postStatus(it *wxrItem) (st news.Status, why string, ok bool) {
	switch it.Status {
	case "publish":
		return news.StatusPublished, "", true
	case "future":
		return news.StatusScheduled, "", true
	case "draft":
		return news.StatusDraft, "", true
	case "pending":
		return news.StatusReview, "", true
	case "private":
		return news.StatusDraft, "", true
	case "trash":
		return "", "posts in the trash", false
	case "auto-draft":
		return "", "automatic drafts", false
	case "inherit":
		return "", "revisions", false
	}
	return "", "posts with the status " + strconv.Quote(it.Status), false
}

// postFields are the parts of a post that decide what Herald stores: their
// digest tells a changed post from an unchanged one.
type postFields struct {
	Title, Content, Excerpt, Status, Name, Creator, Password, CommentStatus string
	PostDate, PostDateGMT, PubDate, Link, GUID, Primary, MenuOrder, Thumb   string
	Terms                                                                   []wxrTerm
	Uploads                                                                 bool
}

func (w *wpImport) fields(it *wxrItem) postFields {
	return postFields{
		Title: it.Title, Content: it.Content, Excerpt: it.Excerpt, Status: it.Status, Name: it.Name, Creator: it.Creator,
		Password: it.Password, CommentStatus: it.CommentStatus, PostDate: it.PostDate, PostDateGMT: it.PostDateGMT,
		PubDate: it.PubDate, Link: it.Link, GUID: it.GUID, Primary: it.meta("_yoast_wpseo_primary_category"),
		MenuOrder: it.MenuOrder, Thumb: it.meta("_thumbnail_id"), Terms: it.Terms, Uploads: w.up != nil,
	}
}

// published finds when an item was published: the GMT date, else the RSS
// date, else the local date taken as UTC.
func (w *wpImport) published(it *wxrItem) time.Time {
	for _, s := range []string{it.PostDateGMT, it.PubDate, it.PostDate} {
		t, err := parseDate(s)
		if err == nil {
			return t
		}
		if !errors.Is(err, errNoDate) {
			w.rep.note("dates", "%s: %v; tried the next date field", w.where(it), err)
		}
	}
	return time.Time{}
}

func (w *wpImport) post(it *wxrItem) error {
	status, why, ok := postStatus(it)
	if !ok {
		w.rep.skip(why)
		if it.Status == "trash" {
			w.rep.note("skipped", "%s: in the trash", w.where(it))
		}
		w.skipComments("comments on posts not imported", it)
		return nil
	}
	hash := digest(w.fields(it))
	rec, found, err := w.tx.Record(w.source, "post", it.PostID)
	if err != nil {
		return err
	}
	var old *news.Article
	if found {
		old, err = w.tx.Article(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return err
		case rec.Hash == hash:
			w.rep.Stories.Unchanged++
			return w.comments(it, old.ID)
		case old.Version != rec.Version:
			w.rep.skip("stories edited in Herald since the last import (left as they are)")
			w.rep.note("kept", "%s: edited in Herald since the last import, so the newer export was not applied", w.where(it))
			return w.comments(it, old.ID)
		}
	}
	a, err := w.article(it, status)
	if err != nil {
		return err
	}
	if a == nil {
		return nil
	}
	base := a.Slug
	var own int64
	if found {
		a.ID, own = old.ID, old.ID
		if old.Section.ID == a.Section.ID && (old.Slug == base || strings.HasPrefix(old.Slug, base+"-")) {
			base = old.Slug // keep the address it has
		}
	}
	a.Slug, err = unique(base, func(s string) (bool, error) { return w.tx.ArticleSlugTaken(a.Section.ID, s, own) })
	if err != nil {
		return err
	}
	if a.Slug != base {
		w.rep.note("renamed", "%s: /%s/%s/ was taken, so the story is at %s", w.where(it), a.Section.Slug, base, a.Path())
	}
	thumb := strings.TrimSpace(it.meta("_thumbnail_id"))
	if att, ok := w.attachments[thumb]; ok {
		if a.Image, err = w.featured(att, a.Headline); err != nil {
			return err
		}
		thumb = ""
	}
	if err := a.Validate(); err != nil {
		w.rep.skip("stories Herald cannot store as they are (see “invalid”)")
		w.rep.note("invalid", "%s: %v", w.where(it), err)
		return nil
	}
	if found {
		err = w.tx.UpdateArticle(a)
		w.rep.Stories.Updated++
	} else {
		err = w.tx.CreateArticle(a)
		w.rep.Stories.Imported++
	}
	if err != nil {
		return err
	}
	if err := w.tx.SetRecord(w.source, "post", it.PostID, store.ImportRecord{LocalID: a.ID, Hash: hash, Version: a.Version}); err != nil {
		return err
	}
	if thumb != "" && thumb != "0" && len(w.thumbs) < 200_000 {
		w.thumbs = append(w.thumbs, pendingThumb{postID: it.PostID, thumbID: thumb, hash: hash, articleID: a.ID})
	}
	if a.Status == news.StatusPublished {
		if err := w.redirects(oldPaths(it, "p"), a.Path()); err != nil {
			return err
		}
	}
	return w.comments(it, a.ID)
}

// article builds the story a post becomes, or returns nil (with a note)
// when it cannot be one.
func (w *wpImport) article(it *wxrItem, status news.Status) (*news.Article, error) {
	title := cut(textOfHTML(it.Title), 200)
	if title == "" {
		title = "Untitled"
	}
	if it.Password != "" && status == news.StatusPublished {
		status = news.StatusDraft
		w.rep.note("drafts", "%s: protected by a password in WordPress, so imported as a draft", w.where(it))
	}
	// The section is the primary category (as Yoast SEO marks it) or the
	// first; every other category becomes a tag, as tags do.
	var cats []wxrTerm
	var tagTerms []wxrTerm
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			cats = append(cats, t)
		case "post_tag":
			tagTerms = append(tagTerms, t)
		}
	}
	primary := -1
	if nice, ok := w.termIDs[strings.TrimSpace(it.meta("_yoast_wpseo_primary_category"))]; ok {
		for i, c := range cats {
			if c.Nicename == nice {
				primary = i
			}
		}
	}
	if primary < 0 && len(cats) > 0 {
		primary = 0
	}
	var sec news.Section
	var err error
	if primary >= 0 {
		sec, err = w.section(cats[primary].Nicename, cats[primary].Name)
		cats = append(cats[:primary:primary], cats[primary+1:]...)
	} else {
		sec, err = w.section("uncategorized", "Uncategorized")
	}
	if err != nil {
		return nil, err
	}
	a := &news.Article{
		Section: sec, Headline: title, Status: status,
		Standfirst:   cut(textOfHTML(it.Excerpt), 500),
		CommentsOpen: it.CommentStatus != "closed",
	}
	a.Slug = slugOf(it.Name, title)
	if a.Slug == "" {
		a.Slug = "story-" + it.PostID
	}
	seen := map[int64]bool{}
	for _, t := range append(cats, tagTerms...) {
		tg, ok, err := w.tag(t.Nicename, t.Name)
		if err != nil {
			return nil, err
		}
		if ok && !seen[tg.ID] {
			seen[tg.ID] = true
			a.Tags = append(a.Tags, tg)
		}
	}
	authorID, err := w.creator(it.Creator)
	if err != nil {
		return nil, err
	}
	a.Authors = []news.Author{{ID: authorID}}
	a.PublishedAt = w.published(it)
	if a.PublishedAt.IsZero() && (status == news.StatusPublished || status == news.StatusScheduled) {
		w.rep.skip("published or scheduled posts without a date")
		w.rep.note("invalid", "%s: no date it was published", w.where(it))
		return nil, nil
	}
	if !a.PublishedAt.IsZero() {
		a.CreatedAt = a.PublishedAt
	}
	a.BodyHTML, a.BodyMarkdown, err = w.body.wordpress(it.Content)
	if err != nil {
		return nil, fmt.Errorf("%s: body: %w", w.where(it), err)
	}
	a.WordCount = content.WordCount(content.PlainText(a.BodyHTML))
	return a, nil
}

func (w *wpImport) page(it *wxrItem) error {
	if it.Status != "publish" || it.Password != "" {
		switch {
		case it.Status == "trash":
			w.rep.skip("pages in the trash")
			w.rep.note("skipped", "%s: in the trash", w.where(it))
		case it.Status == "auto-draft" || it.Status == "inherit":
			w.rep.skip("automatic drafts")
		default:
			// Herald's static pages are always public.
			w.rep.skip("pages not public in WordPress (drafts, private, protected)")
			w.rep.note("skipped", "%s: not public in WordPress (%s), and Herald's pages are all public", w.where(it), it.Status)
		}
		w.skipComments("comments on pages not imported", it)
		return nil
	}
	w.skipComments("comments on pages (Herald's pages take none)", it)
	hash := digest(w.fields(it))
	rec, found, err := w.tx.Record(w.source, "page", it.PostID)
	if err != nil {
		return err
	}
	var p *news.Page
	if found {
		p, err = w.tx.PageByID(rec.LocalID)
		switch {
		case errors.Is(err, news.ErrNotFound):
			found = false
		case err != nil:
			return err
		case rec.Hash == hash:
			w.rep.Pages.Unchanged++
			return nil
		}
	}
	if !found {
		base := slugOf(it.Name, it.Title)
		if base == "" {
			base = "page-" + it.PostID
		}
		slug, err := uniqueTopLevel(w.tx, base)
		if err != nil {
			return err
		}
		if slug != base {
			why := "a section or another page has that address"
			if news.IsReserved(base) {
				why = "Herald keeps that path for itself"
			}
			w.rep.note("renamed", "%s: /%s/ is taken (%s), so the page is at /%s/", w.where(it), base, why, slug)
		}
		p = &news.Page{Slug: slug}
	}
	p.Title = cut(textOfHTML(it.Title), 200)
	if p.Title == "" {
		p.Title = "Untitled"
	}
	p.Position, _ = strconv.Atoi(it.MenuOrder)
	p.UpdatedAt = w.published(it)
	if t, err := parseDate(it.ModifiedGMT); err == nil {
		p.UpdatedAt = t
	}
	p.BodyHTML, p.BodyMarkdown, err = w.body.wordpress(it.Content)
	if err != nil {
		return fmt.Errorf("%s: body: %w", w.where(it), err)
	}
	if err := p.Validate(); err != nil {
		w.rep.skip("pages Herald cannot store as they are (see “invalid”)")
		w.rep.note("invalid", "%s: %v", w.where(it), err)
		return nil
	}
	if found {
		err = w.tx.UpdatePage(p)
		w.rep.Pages.Updated++
	} else {
		err = w.tx.CreatePage(p)
		w.rep.Pages.Imported++
	}
	if err != nil {
		return err
	}
	if err := w.tx.SetRecord(w.source, "page", it.PostID, store.ImportRecord{LocalID: p.ID, Hash: hash}); err != nil {
		return err
	}
	return w.redirects(oldPaths(it, "page_id"), p.Path())
}

func (w *wpImport) skipComments(why string, it *wxrItem) {
	if n := len(it.Comments); n > 0 {
		w.rep.Skipped[why] += n
	}
}

// redirects makes each old path answer 301 to the new one.
func (w *wpImport) redirects(from []string, to string) error {
	for _, f := range from {
		cur, err := w.tx.Redirect(f)
		if err != nil {
			return err
		}
		switch {
		case f == to:
			continue
		case cur == to:
			w.rep.Redirects.Unchanged++
			continue
		case cur != "":
			w.rep.Redirects.Updated++
		default:
			w.rep.Redirects.Imported++
		}
		if err := w.tx.AddRedirect(f, to); err != nil {
			return err
		}
	}
	return nil
}

// oldPaths are the addresses an item answered at on the old site, as the
// Herald site is asked for them: the paths of its link and its guid, with
// and without the trailing slash, and "/?p=ID" (or "/?page_id=ID"), which
// WordPress answers for every post whatever its permalinks. Query forms are
// stored as "/?p=ID": see the package documentation for how the site finds
// them.
func oldPaths(it *wxrItem, idKey string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if p == "" || p == "/" || !strings.HasPrefix(p, "/") || seen[p] {
			return
		}
		seen[p] = true
		out = append(out, p)
	}
	addPath := func(p string) {
		add(p)
		if strings.HasSuffix(p, "/") && strings.Count(p, "/") > 2 {
			add(strings.TrimSuffix(p, "/"))
		}
	}
	digits := func(s string) bool {
		if s == "" || len(s) > 19 {
			return false
		}
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	for _, raw := range []string{it.Link, it.GUID} {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		if u.Path == "" || u.Path == "/" || strings.HasSuffix(u.Path, "/index.php") {
			q := u.Query()
			for _, k := range []string{"p", "page_id"} {
				if v := q.Get(k); digits(v) {
					add("/?" + k + "=" + v)
				}
			}
			continue
		}
		addPath(u.Path)
	}
	if digits(it.PostID) {
		add("/?" + idKey + "=" + it.PostID)
		if idKey != "p" {
			add("/?p=" + it.PostID)
		}
	}
	return out
}

// commentStatus maps WordPress's comment_approved.
func commentStatus(s string) (news.CommentStatus, bool) {
	switch s {
	case "1", "approve", "approved":
		return news.CommentApproved, true
	case "0", "hold":
		return news.CommentPending, true
	case "spam":
		return news.CommentSpam, true
	case "trash", "post-trashed":
		return news.CommentTrash, true
	}
	return "", false
}

// comments imports an item's comments with their threads: a reply is
// stored after the comment it answers, whatever order the export has them
// in.
func (w *wpImport) comments(it *wxrItem, articleID int64) error {
	var todo []*wxrComment
	for i := range it.Comments {
		c := &it.Comments[i]
		switch c.Type {
		case "", "comment":
		case "pingback":
			w.rep.skip("pingbacks")
			continue
		case "trackback":
			w.rep.skip("trackbacks")
			continue
		default:
			w.rep.skip("comments of type " + strconv.Quote(c.Type))
			continue
		}
		if _, ok := commentStatus(c.Approved); !ok {
			w.rep.skip("comments with the status " + strconv.Quote(c.Approved))
			continue
		}
		if c.ID == "" {
			w.rep.skip("comments without an ID")
			continue
		}
		todo = append(todo, c)
	}
	local := map[string]int64{} // WordPress comment ID → Herald comment ID
	pending := map[string]bool{}
	for _, c := range todo {
		pending[c.ID] = true
	}
	for len(todo) > 0 {
		var later []*wxrComment
		for _, c := range todo {
			if p := c.Parent; p != "" && p != "0" && pending[p] && local[p] == 0 && p != c.ID {
				later = append(later, c)
				continue
			}
			if err := w.comment(it, c, articleID, local); err != nil {
				return err
			}
			delete(pending, c.ID)
		}
		if len(later) == len(todo) {
			// A loop of replies: store the rest as comments on the story.
			for _, c := range later {
				delete(pending, c.Parent)
			}
		}
		todo = later
	}
	return nil
}

func (w *wpImport) comment(it *wxrItem, c *wxrComment, articleID int64, local map[string]int64) error {
	status, _ := commentStatus(c.Approved)
	body := commentText(c.Content)
	if body == "" {
		w.rep.skip("empty comments")
		return nil
	}
	hash := digest(c)
	rec, found, err := w.tx.Record(w.source, "comment", c.ID)
	if err != nil {
		return err
	}
	if found && rec.Hash == hash {
		w.rep.Comments.Unchanged++
		local[c.ID] = rec.LocalID
		return nil
	}
	cm := &news.Comment{ArticleID: articleID, Status: status, Body: body, Reason: "imported"}
	if p := c.Parent; p != "" && p != "0" {
		cm.ParentID = local[p]
		if cm.ParentID == 0 {
			w.rep.note("comments", "%s: comment %s answers comment %s, which is not in the export; stored as a comment on the story", w.where(it), c.ID, p)
		}
	}
	cm.Name = cut(strings.Join(strings.Fields(stripControls(c.Author)), " "), news.MaxCommentName)
	if cm.Name == "" {
		cm.Name = "Anonymous"
	}
	cm.Email = cut(strings.TrimSpace(c.Email), news.MaxCommentEmail)
	if at := strings.LastIndexByte(cm.Email, '@'); at > 0 {
		cm.Email = cm.Email[:at] + strings.ToLower(cm.Email[at:])
	}
	if news.ValidEmail(cm.Email) {
		cm.EmailHash = auth.EmailHash(w.secret, cm.Email)
	} else {
		// No address to recognise the commenter by: a hash of its own, so
		// that commenters without one are not taken for one another.
		cm.EmailHash = auth.KeyedHash(w.secret, "email", "\x00"+w.source+" comment "+c.ID)
	}
	if site := strings.TrimSpace(c.URL); news.IsHTTPURL(site) && len(site) <= news.MaxCommentWebsite {
		if u, err := url.Parse(site); err == nil && u.User == nil {
			cm.Website = site
		}
	}
	for _, s := range []string{c.DateGMT, c.Date} {
		if t, err := parseDate(s); err == nil {
			cm.CreatedAt = t
			break
		}
	}
	if cm.CreatedAt.IsZero() {
		cm.CreatedAt = w.published(it)
	}
	if found {
		cm.ID = rec.LocalID
		err = w.tx.UpdateComment(cm)
		if errors.Is(err, news.ErrNotFound) {
			found = false
		} else {
			w.rep.Comments.Updated++
		}
	}
	if !found {
		err = w.tx.AddComment(cm)
		w.rep.Comments.Imported++
	}
	if err != nil {
		return err
	}
	local[c.ID] = cm.ID
	return w.tx.SetRecord(w.source, "comment", c.ID, store.ImportRecord{LocalID: cm.ID, Hash: hash})
}

// stripControls removes control characters except line breaks and tabs.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || r == '\uFFFE' || r == '\uFFFF' {
			return -1
		}
		return r
	}, s)
}

// commentText turns a WordPress comment, HTML with line breaks, into the
// plain text Herald's comments are: paragraphs at blank lines, links
// written out after their words.
func commentText(s string) string {
	root, err := parseFragment(s)
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type != html.ElementNode:
			return
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style:
			return
		case n.DataAtom == atom.Br:
			b.WriteString("\n")
			return
		}
		block := blockElems[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.DataAtom == atom.A {
			href := attr(n, "href")
			if news.IsHTTPURL(href) && !strings.Contains(textOf(n), href) {
				b.WriteString(" (" + href + ")")
			}
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(root)
	text := stripControls(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	return strings.Join(content.Paragraphs(text), "\n\n")
}
