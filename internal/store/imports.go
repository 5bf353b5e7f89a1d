package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Imports from WordPress and Markdown folders run as one transaction: a
// malformed file, a failed write or an interrupted run leaves the database
// as it was. Import hands the importer an ImportTx, which offers exactly the
// writes an import makes, each bound to that one transaction, and remembers
// in import_items which Herald row each imported thing became, so a second
// run updates instead of duplicating.

// ImportRecord is what the store remembers of one imported thing.
type ImportRecord struct {
	LocalID int64  // the Herald row it became
	Hash    string // a digest of what the import last wrote
	Version int    // for a story: its version after the import wrote it
}

// ImportTx is one import's transaction. It is not safe for concurrent use,
// and it is only valid inside the function given to Store.Import.
type ImportTx struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx

	keys    []string // what the import changed, for the page cache
	wide    bool     // too many keys: everything changed
	reindex []int64  // stories whose search entry is due

	// stmts are the transaction's prepared statements, by query: an import
	// runs the same few hundred thousand times.
	stmts map[string]*sql.Stmt
}

// importReindexBatch is how many changed stories the search index catches up
// with at a time, which bounds the memory a long import holds.
const importReindexBatch = batch

// Import runs fn in one transaction and commits what it wrote, or rolls all
// of it back when fn fails or ctx ends. The search index and related
// articles follow the stories written, and the page cache learns what
// changed, in the same commit.
//
// On SQLite the transaction holds the database's one write lock until it
// ends: other writers (a site serving the same file) wait meanwhile.
func (s *Store) Import(ctx context.Context, fn func(*ImportTx) error) error {
	var fnErr error
	err := s.tx(ctx, func(tx *sql.Tx) error {
		// Statements run under a context that is never cancelled: the
		// driver watches a cancellable one with a goroutine of its own for
		// every statement, which would double the cost of an import's
		// hundreds of thousands of small ones. The transaction itself still
		// watches ctx (database/sql rolls it back when ctx ends, and every
		// statement after that fails), and the importer checks ctx between
		// items.
		t := &ImportTx{s: s, ctx: context.WithoutCancel(ctx), tx: tx, stmts: map[string]*sql.Stmt{}}
		if fnErr = fn(t); fnErr != nil {
			return fnErr
		}
		if err := t.flushSearch(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if t.wide {
			return s.recordChange(t.ctx, tx, news.KeySite)
		}
		return s.recordChange(t.ctx, tx, t.keys...)
	})
	switch {
	case err == nil:
		return nil
	case fnErr != nil && err == fnErr:
		return err // the importer's own, already worded for the reader
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return s.wrap(err, "import")
}

// changed notes keys the import changed.
func (t *ImportTx) changed(keys ...string) {
	if t.wide {
		return
	}
	t.keys = append(t.keys, keys...)
	if len(t.keys) > 4*maxChangeKeys {
		slices.Sort(t.keys)
		t.keys = slices.Compact(t.keys)
		if len(t.keys) > maxChangeKeys {
			t.wide, t.keys = true, nil
		}
	}
}

// touched queues a story for the search index.
func (t *ImportTx) touched(id int64) error {
	t.reindex = append(t.reindex, id)
	if len(t.reindex) >= importReindexBatch {
		return t.flushSearch()
	}
	return nil
}

func (t *ImportTx) flushSearch() error {
	if len(t.reindex) == 0 {
		return nil
	}
	ids := t.reindex
	t.reindex = nil
	return t.s.refreshSearch(t.ctx, t.tx, ids...)
}

// prepared returns the statement of query, prepared in the transaction
// (and closed with it) the first time it is asked for.
func (t *ImportTx) prepared(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, t.s.q(query))
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

func (t *ImportTx) exec(query string, args ...any) error {
	st, err := t.prepared(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(t.ctx, args...)
	return err
}

func (t *ImportTx) row(query string, args ...any) *sql.Row {
	st, err := t.prepared(query)
	if err != nil {
		// The same query unprepared fails the same way, in the Row.
		return t.tx.QueryRowContext(t.ctx, t.s.q(query), args...)
	}
	return st.QueryRowContext(t.ctx, args...)
}

// Record returns what the store remembers of the thing of kind with id
// sourceID from source, and whether it remembers it at all.
func (t *ImportTx) Record(source, kind, sourceID string) (ImportRecord, bool, error) {
	var r ImportRecord
	err := t.row(`SELECT local_id, hash, version FROM import_items WHERE source = ? AND kind = ? AND source_id = ?`,
		source, kind, sourceID).Scan(&r.LocalID, &r.Hash, &r.Version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return ImportRecord{}, false, nil
	case err != nil:
		return ImportRecord{}, false, fmt.Errorf("import record %s %s: %w", kind, sourceID, err)
	}
	return r, true, nil
}

// SetRecord remembers what an imported thing became.
func (t *ImportTx) SetRecord(source, kind, sourceID string, r ImportRecord) error {
	err := t.exec(`INSERT INTO import_items (source, kind, source_id, local_id, hash, version, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source, kind, source_id) DO UPDATE SET local_id = excluded.local_id, hash = excluded.hash,
			version = excluded.version, imported_at = excluded.imported_at`,
		source, kind, sourceID, r.LocalID, r.Hash, r.Version, dbTime(time.Now()))
	if err != nil {
		return fmt.Errorf("import record %s %s: %w", kind, sourceID, err)
	}
	return nil
}

// TopLevelKind says what owns the first path segment slug: "section",
// "page", or "" when it is free. Reserved paths are the caller's to check
// (news.IsReserved).
func (t *ImportTx) TopLevelKind(slug string) (string, error) {
	var kind string
	err := t.row(`SELECT kind FROM top_level_slugs WHERE slug = ?`, slug).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return kind, err
}

// SectionBySlug loads a section; news.ErrNotFound when there is none.
func (t *ImportTx) SectionBySlug(slug string) (*news.Section, error) {
	var sec news.Section
	if err := scanSection(t.row(`SELECT `+sectionCols+` FROM sections s WHERE s.slug = ?`, slug), &sec); err != nil {
		return nil, t.s.wrap(err, "section %q", slug)
	}
	return &sec, nil
}

// SectionByID loads a section; news.ErrNotFound when there is none.
func (t *ImportTx) SectionByID(id int64) (*news.Section, error) {
	var sec news.Section
	if err := scanSection(t.row(`SELECT `+sectionCols+` FROM sections s WHERE s.id = ?`, id), &sec); err != nil {
		return nil, t.s.wrap(err, "section %d", id)
	}
	return &sec, nil
}

// CreateSection validates and stores a new section, placed after the
// others, and sets its ID and Position.
func (t *ImportTx) CreateSection(sec *news.Section) error {
	if err := sec.Validate(); err != nil {
		return err
	}
	if err := t.row(`SELECT COALESCE(MAX(position), -1) + 1 FROM sections`).Scan(&sec.Position); err != nil {
		return err
	}
	if err := t.s.claimTopLevel(t.ctx, t.tx, sec.Slug, "section"); err != nil {
		return t.s.wrap(err, "section %q", sec.Slug)
	}
	if err := t.row(`INSERT INTO sections (slug, name, description, position) VALUES (?, ?, ?, ?) RETURNING id`,
		sec.Slug, sec.Name, sec.Description, sec.Position).Scan(&sec.ID); err != nil {
		return t.s.wrap(err, "section %q", sec.Slug)
	}
	t.changed(news.KeyNav, news.KeyDirectory, news.SectionKey(sec.ID))
	return nil
}

// UpdateSection saves a section's name and description.
func (t *ImportTx) UpdateSection(sec *news.Section) error {
	if err := sec.Validate(); err != nil {
		return err
	}
	if err := t.exec(`UPDATE sections SET name = ?, description = ? WHERE id = ?`, sec.Name, sec.Description, sec.ID); err != nil {
		return t.s.wrap(err, "section %d", sec.ID)
	}
	t.changed(news.KeyNav, news.SectionKey(sec.ID))
	return nil
}

// EnsureTag returns the tag with slug, creating it with name when there is
// none, and whether it created it.
func (t *ImportTx) EnsureTag(slug, name string) (news.Tag, bool, error) {
	tg := news.Tag{Slug: slug, Name: name}
	err := t.row(`SELECT id, name FROM tags WHERE slug = ?`, slug).Scan(&tg.ID, &tg.Name)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return tg, false, t.s.wrap(err, "tag %q", slug)
	}
	if err := tg.Validate(); err != nil {
		return tg, false, err
	}
	if err := t.row(`INSERT INTO tags (slug, name) VALUES (?, ?) RETURNING id`, slug, name).Scan(&tg.ID); err != nil {
		return tg, false, t.s.wrap(err, "tag %q", slug)
	}
	t.changed(news.KeyDirectory, news.TagKey(tg.ID))
	return tg, true, nil
}

// EnsureSource returns the credited source with slug, creating it when there
// is none.
func (t *ImportTx) EnsureSource(src news.Source) (news.Source, error) {
	err := t.row(`SELECT id, name, url FROM sources WHERE slug = ?`, src.Slug).Scan(&src.ID, &src.Name, &src.URL)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return src, t.s.wrap(err, "source %q", src.Slug)
	}
	if err := src.Validate(); err != nil {
		return src, err
	}
	if err := t.row(`INSERT INTO sources (slug, name, url) VALUES (?, ?, ?) RETURNING id`, src.Slug, src.Name, src.URL).Scan(&src.ID); err != nil {
		return src, t.s.wrap(err, "source %q", src.Slug)
	}
	t.changed(news.KeyDirectory, news.SourceKey(src.ID))
	return src, nil
}

// AuthorSlugTaken reports whether an author has slug.
func (t *ImportTx) AuthorSlugTaken(slug string) (bool, error) {
	var n int
	err := t.row(`SELECT COUNT(*) FROM authors WHERE slug = ?`, slug).Scan(&n)
	return n > 0, err
}

// AuthorByID loads an author; news.ErrNotFound when there is none.
func (t *ImportTx) AuthorByID(id int64) (*news.Author, error) {
	var a news.Author
	if err := scanAuthor(t.row(`SELECT `+authorCols+` FROM authors a WHERE a.id = ?`, id), &a); err != nil {
		return nil, t.s.wrap(err, "author %d", id)
	}
	return &a, nil
}

// CreateAuthor validates and stores a new author and sets its ID.
func (t *ImportTx) CreateAuthor(a *news.Author) error {
	if err := a.Validate(); err != nil {
		return err
	}
	links, err := json.Marshal(nonNil(a.Links))
	if err != nil {
		return err
	}
	if err := t.row(`INSERT INTO authors (slug, name, job_title, bio, photo_url, links) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		a.Slug, a.Name, a.JobTitle, a.Bio, a.PhotoURL, string(links)).Scan(&a.ID); err != nil {
		return t.s.wrap(err, "author %q", a.Slug)
	}
	t.changed(news.KeyDirectory, news.AuthorKey(a.ID))
	return nil
}

// UpdateAuthor saves an author's name and bio.
func (t *ImportTx) UpdateAuthor(a *news.Author) error {
	if err := a.Validate(); err != nil {
		return err
	}
	// Stories still queued for the index get the new name when they are
	// indexed; reindex renames the author in those indexed already.
	reindex, err := t.s.renaming(t.ctx, t.tx, authorNames, a.ID, a.Name)
	if err != nil {
		return t.s.wrap(err, "author %d", a.ID)
	}
	if err := t.exec(`UPDATE authors SET name = ?, bio = ? WHERE id = ?`, a.Name, a.Bio, a.ID); err != nil {
		return t.s.wrap(err, "author %d", a.ID)
	}
	if err := reindex(); err != nil {
		return t.s.wrap(err, "author %d", a.ID)
	}
	t.changed(news.AuthorKey(a.ID))
	return nil
}

// UserIDByEmail returns the ID of the user with the address, or 0.
func (t *ImportTx) UserIDByEmail(email string) (int64, error) {
	var id int64
	err := t.row(`SELECT id FROM users WHERE email = ?`, news.NormalizeEmail(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// CreateUser stores a user who cannot sign in until someone sets a password
// (herald user passwd): whatever u says, the password hash stays empty.
func (t *ImportTx) CreateUser(u *news.User) error {
	u.PasswordHash = ""
	if err := u.Validate(); err != nil {
		return err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now().UTC()
	}
	err := t.row(`INSERT INTO users (email, name, role, password_hash, author_id, created_at, disabled) VALUES (?, ?, ?, '', ?, ?, ?) RETURNING id`,
		u.Email, u.Name, string(u.Role), nullID(u.AuthorID), dbTime(u.CreatedAt), u.Disabled).Scan(&u.ID)
	return t.s.wrap(err, "user %q", u.Email)
}

// ArticleSlugTaken reports whether a story other than exceptID has slug in
// the section.
func (t *ImportTx) ArticleSlugTaken(sectionID int64, slug string, exceptID int64) (bool, error) {
	var n int
	err := t.row(`SELECT COUNT(*) FROM articles WHERE section_id = ? AND slug = ? AND id <> ?`, sectionID, slug, exceptID).Scan(&n)
	return n > 0, err
}

// Article loads a story with its authors, tags, credits and corrections, as
// the transaction sees it; news.ErrNotFound when there is none.
func (t *ImportTx) Article(id int64) (*news.Article, error) {
	var a news.Article
	err := scanArticle(t.row(`SELECT `+articleCols+`, b.body_md, b.body_html FROM articles a JOIN sections s ON s.id = a.section_id
		JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?`, id),
		&a, &a.BodyMarkdown, &a.BodyHTML)
	if err != nil {
		return nil, t.s.wrap(err, "article %d", id)
	}
	err = t.each(`SELECT `+authorCols+` FROM article_authors x JOIN authors a ON a.id = x.author_id WHERE x.article_id = ? ORDER BY x.position`,
		[]any{id}, func(rows *sql.Rows) error {
			var au news.Author
			err := scanAuthor(rows, &au)
			a.Authors = append(a.Authors, au)
			return err
		})
	if err == nil {
		err = t.each(`SELECT t.id, t.slug, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.name`,
			[]any{id}, func(rows *sql.Rows) error {
				var tg news.Tag
				err := rows.Scan(&tg.ID, &tg.Slug, &tg.Name)
				a.Tags = append(a.Tags, tg)
				return err
			})
	}
	if err == nil {
		err = t.each(`SELECT src.id, src.slug, src.name, src.url, c.kind, c.url FROM article_credits c JOIN sources src ON src.id = c.source_id
			WHERE c.article_id = ? ORDER BY c.position`, []any{id}, func(rows *sql.Rows) error {
			var c news.Credit
			var kind string
			err := rows.Scan(&c.Source.ID, &c.Source.Slug, &c.Source.Name, &c.Source.URL, &kind, &c.URL)
			c.Kind = news.CreditKind(kind)
			a.Credits = append(a.Credits, c)
			return err
		})
	}
	if err == nil {
		err = t.each(`SELECT id, article_id, kind, body, created_at FROM corrections WHERE article_id = ? ORDER BY created_at, id`,
			[]any{id}, func(rows *sql.Rows) error {
				var c news.Correction
				err := scanCorrection(rows, &c)
				a.Corrections = append(a.Corrections, c)
				return err
			})
	}
	if err != nil {
		return nil, t.s.wrap(err, "article %d", id)
	}
	return &a, nil
}

// each runs query and calls fn for each row.
func (t *ImportTx) each(query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := t.tx.QueryContext(t.ctx, t.s.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CreateArticle validates and stores a new story with its authors, tags,
// credits and corrections, keeps it as its first revision (kind "import")
// and sets its ID and Version.
func (t *ImportTx) CreateArticle(a *news.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if err := t.s.insertArticle(t.ctx, t.tx, a); err != nil {
		return t.s.wrap(err, "article %q", a.Slug)
	}
	if _, err := t.s.insertRevision(t.ctx, t.tx, a, 0, "import", a.Version); err != nil {
		return t.s.wrap(err, "article %q", a.Slug)
	}
	// A story now lives where a redirect pointed away from.
	if err := t.exec(`DELETE FROM redirects WHERE from_path = ?`, a.Path()); err != nil {
		return err
	}
	t.changed(articleKeys(a)...)
	return t.touched(a.ID)
}

// UpdateArticle saves every field of a stored story over the version the
// transaction sees, keeps the result as a revision (kind "import") and
// moves Version on. Corrections are append-only: those of a are ignored
// (see AddCorrection). When a public story's address changes, the old one
// answers 301 to the new, as after an edit in the back office.
func (t *ImportTx) UpdateArticle(a *news.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	old, err := t.Article(a.ID)
	if err != nil {
		return err
	}
	a.Version = old.Version + 1
	a.CreatedAt, a.CreatedBy = old.CreatedAt, old.CreatedBy
	a.ModifiedAt = time.Now().UTC()
	if err := t.s.updateArticle(t.ctx, t.tx, a); err != nil {
		return t.s.wrap(err, "article %d", a.ID)
	}
	a.Corrections = old.Corrections
	if _, err := t.s.insertRevision(t.ctx, t.tx, a, 0, "import", old.Version); err != nil {
		return t.s.wrap(err, "article %d", a.ID)
	}
	if old.Path() != a.Path() && (old.Status == news.StatusPublished || old.Status == news.StatusWithdrawn) {
		if err := t.AddRedirect(old.Path(), a.Path()); err != nil {
			return err
		}
	}
	if err := t.exec(`DELETE FROM redirects WHERE from_path = ?`, a.Path()); err != nil {
		return err
	}
	t.changed(articleKeys(old)...)
	t.changed(articleKeys(a)...)
	return t.touched(a.ID)
}

// AddCorrection appends an entry to a story's corrections log unless the
// log already holds one of the same kind, time and text, so that importing
// the same log again adds nothing. It reports whether it added one.
func (t *ImportTx) AddCorrection(articleID int64, c *news.Correction) (bool, error) {
	c.ArticleID = articleID
	if err := c.Validate(); err != nil {
		return false, err
	}
	var n int
	if err := t.row(`SELECT COUNT(*) FROM corrections WHERE article_id = ? AND kind = ? AND body = ? AND created_at = ?`,
		articleID, string(c.Kind), c.Text, dbTime(c.CreatedAt)).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if err := t.s.insertCorrection(t.ctx, t.tx, c); err != nil {
		return false, t.s.wrap(err, "article %d: correction", articleID)
	}
	t.changed(news.ArticleKey(articleID), news.KeyCorrections, news.KeyModified)
	return true, t.touched(articleID)
}

// PageByID loads a static page; news.ErrNotFound when there is none.
func (t *ImportTx) PageByID(id int64) (*news.Page, error) {
	var p news.Page
	if err := scanPage(t.row(`SELECT `+pageCols+` FROM pages WHERE id = ?`, id), &p); err != nil {
		return nil, t.s.wrap(err, "page %d", id)
	}
	return &p, nil
}

// CreatePage validates and stores a new static page and sets its ID.
// BodyHTML must already be sanitised.
func (t *ImportTx) CreatePage(p *news.Page) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = time.Now().UTC()
	}
	if err := t.s.claimTopLevel(t.ctx, t.tx, p.Slug, "page"); err != nil {
		return t.s.wrap(err, "page %q", p.Slug)
	}
	if err := t.row(`INSERT INTO pages (slug, title, body_md, body_html, position, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		p.Slug, p.Title, p.BodyMarkdown, p.BodyHTML, p.Position, dbTime(p.UpdatedAt)).Scan(&p.ID); err != nil {
		return t.s.wrap(err, "page %q", p.Slug)
	}
	if err := t.exec(`DELETE FROM redirects WHERE from_path = ?`, p.Path()); err != nil {
		return err
	}
	t.changed(news.KeyNav, news.KeyDirectory, news.PageKey(p.ID))
	return nil
}

// UpdatePage saves a static page's title, body and position; its slug
// stays.
func (t *ImportTx) UpdatePage(p *news.Page) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = time.Now().UTC()
	}
	if err := t.exec(`UPDATE pages SET title = ?, body_md = ?, body_html = ?, position = ?, updated_at = ? WHERE id = ?`,
		p.Title, p.BodyMarkdown, p.BodyHTML, p.Position, dbTime(p.UpdatedAt), p.ID); err != nil {
		return t.s.wrap(err, "page %d", p.ID)
	}
	t.changed(news.KeyNav, news.KeyDirectory, news.PageKey(p.ID))
	return nil
}

// AddComment stores an imported comment with the status it had, keeping the
// invariants of comments posted on the site: a known status, a parent that
// is a comment on the same story (Depth follows from it), the email stored
// only where no public query reads it, and EmailHash set by the caller (a
// keyed hash, as the site computes it). It does not apply the moderation
// rules or the rate limits, which are for new comments, and does not train
// the spam classifier. It sets ID and Depth.
func (t *ImportTx) AddComment(c *news.Comment) error {
	if err := t.checkComment(c); err != nil {
		return err
	}
	var parent any
	if c.ParentID != 0 {
		parent = c.ParentID
	}
	err := t.row(`INSERT INTO comments (article_id, parent_id, depth, status, name, email, email_hash, website, body, body_hash,
		reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.ArticleID, parent, c.Depth, string(c.Status), c.Name, c.Email, c.EmailHash, c.Website, c.Body, bodyHash(c.Body),
		c.Reason, dbTime(c.CreatedAt)).Scan(&c.ID)
	if err != nil {
		return t.s.wrap(err, "article %d: comment", c.ArticleID)
	}
	if c.Status == news.CommentApproved {
		t.changed(news.CommentsKey(c.ArticleID), news.ArticleKey(c.ArticleID), news.KeyComments)
	}
	return nil
}

// UpdateComment saves an imported comment again (its status, words or
// commenter changed at the source), under the same rules as AddComment.
func (t *ImportTx) UpdateComment(c *news.Comment) error {
	var oldStatus string
	var oldArticle int64
	if err := t.row(`SELECT status, article_id FROM comments WHERE id = ?`, c.ID).Scan(&oldStatus, &oldArticle); err != nil {
		return t.s.wrap(err, "comment %d", c.ID)
	}
	if err := t.checkComment(c); err != nil {
		return err
	}
	if oldArticle != c.ArticleID {
		return fmt.Errorf("store: comment %d belongs to story %d, not %d", c.ID, oldArticle, c.ArticleID)
	}
	var parent any
	if c.ParentID != 0 {
		parent = c.ParentID
	}
	if err := t.exec(`UPDATE comments SET parent_id = ?, depth = ?, status = ?, name = ?, email = ?, email_hash = ?, website = ?,
		body = ?, body_hash = ?, created_at = ? WHERE id = ?`,
		parent, c.Depth, string(c.Status), c.Name, c.Email, c.EmailHash, c.Website, c.Body, bodyHash(c.Body), dbTime(c.CreatedAt), c.ID); err != nil {
		return t.s.wrap(err, "comment %d", c.ID)
	}
	if oldStatus == string(news.CommentApproved) || c.Status == news.CommentApproved {
		t.changed(news.CommentsKey(c.ArticleID), news.ArticleKey(c.ArticleID), news.KeyComments)
	}
	return nil
}

func (t *ImportTx) checkComment(c *news.Comment) error {
	if !c.Status.Valid() {
		return fmt.Errorf("store: comment status %q is not a known status", c.Status)
	}
	if c.EmailHash == "" {
		return errors.New("store: a comment needs its email hash")
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	c.Depth = 1
	if c.ParentID != 0 {
		var pArticle int64
		var pDepth int
		if err := t.row(`SELECT article_id, depth FROM comments WHERE id = ?`, c.ParentID).Scan(&pArticle, &pDepth); err != nil {
			return t.s.wrap(err, "comment parent %d", c.ParentID)
		}
		if pArticle != c.ArticleID {
			return fmt.Errorf("store: comment parent %d is on another story", c.ParentID)
		}
		c.Depth = pDepth + 1
	}
	return nil
}

// AddRedirect makes from answer 301 to to, replacing an older rule for
// from, and points the rules that led to from straight to to. A rule from a
// path to itself is never stored.
func (t *ImportTx) AddRedirect(from, to string) error {
	if from == to || from == "" || to == "" {
		return nil
	}
	if err := t.exec(`INSERT INTO redirects (from_path, to_path, created_at) VALUES (?, ?, ?)
		ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path`, from, to, dbTime(time.Now())); err != nil {
		return t.s.wrap(err, "redirect %q", from)
	}
	if err := t.exec(`UPDATE redirects SET to_path = ? WHERE to_path = ? AND from_path <> ?`, to, from, to); err != nil {
		return t.s.wrap(err, "redirect %q", from)
	}
	return nil
}

// Redirect returns where from answers 301 to, or "".
func (t *ImportTx) Redirect(from string) (string, error) {
	var to string
	err := t.row(`SELECT to_path FROM redirects WHERE from_path = ?`, from).Scan(&to)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return to, err
}

// PutMedia stores a media file, replacing one of the same name, with the
// library's description and credit.
func (t *ImportTx) PutMedia(m *news.Media, alt, credit string) error {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now().UTC()
	}
	err := t.row(`INSERT INTO media (name, content_type, data, width, height, created_at, alt, credit, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
		ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, width = excluded.width,
			height = excluded.height, alt = excluded.alt, credit = excluded.credit
		RETURNING id`, m.Name, m.ContentType, m.Data, m.Width, m.Height, dbTime(m.CreatedAt), alt, credit).Scan(&m.ID)
	if err != nil {
		return t.s.wrap(err, "media %q", m.Name)
	}
	t.changed(news.MediaKey(m.Name))
	return nil
}
