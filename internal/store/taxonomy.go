package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// claimTopLevel reserves slug for kind inside tx, so a section and a static page
// can never share a first path segment.
func (s *Store) claimTopLevel(ctx context.Context, tx *sql.Tx, slug, kind string) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO top_level_slugs (slug, kind) VALUES (?, ?)`), slug, kind)
	return err
}

// CreateSection stores a new section and sets its ID.
func (s *Store) CreateSection(ctx context.Context, sec *news.Section) error {
	if err := sec.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.claimTopLevel(ctx, tx, sec.Slug, "section"); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO sections (slug, name, description, position) VALUES (?, ?, ?, ?) RETURNING id`),
			sec.Slug, sec.Name, sec.Description, sec.Position).Scan(&sec.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeyNav, news.KeyDirectory, news.SectionKey(sec.ID))
	})
	return s.wrap(err, "create section %q", sec.Slug)
}

const sectionCols = `s.id, s.slug, s.name, s.description, s.position`

func scanSection(sc interface{ Scan(...any) error }, sec *news.Section) error {
	return sc.Scan(&sec.ID, &sec.Slug, &sec.Name, &sec.Description, &sec.Position)
}

// Sections lists every section in navigation order.
func (s *Store) Sections(ctx context.Context) ([]news.Section, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sectionCols+` FROM sections s ORDER BY s.position, s.name`)
	if err != nil {
		return nil, s.wrap(err, "sections")
	}
	defer rows.Close()
	var out []news.Section
	for rows.Next() {
		var sec news.Section
		if err := scanSection(rows, &sec); err != nil {
			return nil, s.wrap(err, "sections")
		}
		out = append(out, sec)
	}
	return out, s.wrap(rows.Err(), "sections")
}

// SectionBySlug loads one section.
func (s *Store) SectionBySlug(ctx context.Context, slug string) (*news.Section, error) {
	var sec news.Section
	err := scanSection(s.db.QueryRowContext(ctx, s.q(`SELECT `+sectionCols+` FROM sections s WHERE s.slug = ?`), slug), &sec)
	if err != nil {
		return nil, s.wrap(err, "section %q", slug)
	}
	return &sec, nil
}

// CreateAuthor stores a new author and sets its ID.
func (s *Store) CreateAuthor(ctx context.Context, a *news.Author) error {
	if err := a.Validate(); err != nil {
		return err
	}
	links, err := json.Marshal(nonNil(a.Links))
	if err != nil {
		return fmt.Errorf("store: author links: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO authors (slug, name, job_title, bio, photo_url, links) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			a.Slug, a.Name, a.JobTitle, a.Bio, a.PhotoURL, string(links)).Scan(&a.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeyDirectory, news.AuthorKey(a.ID))
	})
	return s.wrap(err, "create author %q", a.Slug)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

const authorCols = `a.id, a.slug, a.name, a.job_title, a.bio, a.photo_url, a.links`

func scanAuthor(sc interface{ Scan(...any) error }, a *news.Author, extra ...any) error {
	var links string
	if err := sc.Scan(append([]any{&a.ID, &a.Slug, &a.Name, &a.JobTitle, &a.Bio, &a.PhotoURL, &links}, extra...)...); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(links), &a.Links); err != nil {
		return fmt.Errorf("author %d links: %w", a.ID, err)
	}
	return nil
}

// Authors lists every author by name.
func (s *Store) Authors(ctx context.Context) ([]news.Author, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+authorCols+` FROM authors a ORDER BY a.name, a.id`)
	if err != nil {
		return nil, s.wrap(err, "authors")
	}
	defer rows.Close()
	var out []news.Author
	for rows.Next() {
		var a news.Author
		if err := scanAuthor(rows, &a); err != nil {
			return nil, s.wrap(err, "authors")
		}
		out = append(out, a)
	}
	return out, s.wrap(rows.Err(), "authors")
}

// AuthorBySlug loads one author.
func (s *Store) AuthorBySlug(ctx context.Context, slug string) (*news.Author, error) {
	var a news.Author
	if err := scanAuthor(s.db.QueryRowContext(ctx, s.q(`SELECT `+authorCols+` FROM authors a WHERE a.slug = ?`), slug), &a); err != nil {
		return nil, s.wrap(err, "author %q", slug)
	}
	return &a, nil
}

// CreateTag stores a new tag and sets its ID.
func (s *Store) CreateTag(ctx context.Context, t *news.Tag) error {
	if err := t.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO tags (slug, name) VALUES (?, ?) RETURNING id`), t.Slug, t.Name).Scan(&t.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeyDirectory, news.TagKey(t.ID))
	})
	return s.wrap(err, "create tag %q", t.Slug)
}

// TagBySlug loads one tag.
func (s *Store) TagBySlug(ctx context.Context, slug string) (*news.Tag, error) {
	var t news.Tag
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, slug, name FROM tags WHERE slug = ?`), slug).Scan(&t.ID, &t.Slug, &t.Name)
	if err != nil {
		return nil, s.wrap(err, "tag %q", slug)
	}
	return &t, nil
}

// Tags lists every tag by name.
func (s *Store) Tags(ctx context.Context) ([]news.Tag, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, slug, name FROM tags ORDER BY name, id`)
	if err != nil {
		return nil, s.wrap(err, "tags")
	}
	defer rows.Close()
	var out []news.Tag
	for rows.Next() {
		var t news.Tag
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name); err != nil {
			return nil, s.wrap(err, "tags")
		}
		out = append(out, t)
	}
	return out, s.wrap(rows.Err(), "tags")
}

// CreateSource stores a new source and sets its ID.
func (s *Store) CreateSource(ctx context.Context, src *news.Source) error {
	if err := src.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO sources (slug, name, url) VALUES (?, ?, ?) RETURNING id`), src.Slug, src.Name, src.URL).Scan(&src.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeyDirectory, news.SourceKey(src.ID))
	})
	return s.wrap(err, "create source %q", src.Slug)
}

// SourceBySlug loads one source.
func (s *Store) SourceBySlug(ctx context.Context, slug string) (*news.Source, error) {
	var src news.Source
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, slug, name, url FROM sources WHERE slug = ?`), slug).Scan(&src.ID, &src.Slug, &src.Name, &src.URL)
	if err != nil {
		return nil, s.wrap(err, "source %q", slug)
	}
	return &src, nil
}

// Sources lists every source by name.
func (s *Store) Sources(ctx context.Context) ([]news.Source, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, slug, name, url FROM sources ORDER BY name, id`)
	if err != nil {
		return nil, s.wrap(err, "sources")
	}
	defer rows.Close()
	var out []news.Source
	for rows.Next() {
		var src news.Source
		if err := rows.Scan(&src.ID, &src.Slug, &src.Name, &src.URL); err != nil {
			return nil, s.wrap(err, "sources")
		}
		out = append(out, src)
	}
	return out, s.wrap(rows.Err(), "sources")
}

// CreatePage stores a new static page and sets its ID. BodyHTML must already be
// rendered and sanitised.
func (s *Store) CreatePage(ctx context.Context, p *news.Page) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = time.Now().UTC()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.claimTopLevel(ctx, tx, p.Slug, "page"); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO pages (slug, title, body_md, body_html, position, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			p.Slug, p.Title, p.BodyMarkdown, p.BodyHTML, p.Position, dbTime(p.UpdatedAt)).Scan(&p.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeyNav, news.KeyDirectory, news.PageKey(p.ID))
	})
	return s.wrap(err, "create page %q", p.Slug)
}

const pageCols = `id, slug, title, body_md, body_html, position, updated_at`

func scanPage(sc interface{ Scan(...any) error }, p *news.Page) error {
	return sc.Scan(&p.ID, &p.Slug, &p.Title, &p.BodyMarkdown, &p.BodyHTML, &p.Position, timeScan{&p.UpdatedAt})
}

// PageBySlug loads one static page.
func (s *Store) PageBySlug(ctx context.Context, slug string) (*news.Page, error) {
	var p news.Page
	if err := scanPage(s.db.QueryRowContext(ctx, s.q(`SELECT `+pageCols+` FROM pages WHERE slug = ?`), slug), &p); err != nil {
		return nil, s.wrap(err, "page %q", slug)
	}
	return &p, nil
}

// Pages lists every static page in footer order, without bodies.
func (s *Store) Pages(ctx context.Context) ([]news.Page, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, slug, title, '', '', position, updated_at FROM pages ORDER BY position, title`)
	if err != nil {
		return nil, s.wrap(err, "pages")
	}
	defer rows.Close()
	var out []news.Page
	for rows.Next() {
		var p news.Page
		if err := scanPage(rows, &p); err != nil {
			return nil, s.wrap(err, "pages")
		}
		out = append(out, p)
	}
	return out, s.wrap(rows.Err(), "pages")
}

// Settings loads the site settings; keys never saved read as empty.
func (s *Store) Settings(ctx context.Context) (news.Settings, error) {
	var st news.Settings
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, s.wrap(err, "settings")
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return st, s.wrap(err, "settings")
		}
		if f := settingField(&st, k); f != nil {
			*f = v
		}
	}
	return st, s.wrap(rows.Err(), "settings")
}

var settingKeys = []string{"name", "tagline", "description", "language", "time_zone"}

func settingField(st *news.Settings, key string) *string {
	switch key {
	case "name":
		return &st.Name
	case "tagline":
		return &st.Tagline
	case "description":
		return &st.Description
	case "language":
		return &st.Language
	case "time_zone":
		return &st.TimeZone
	}
	return nil
}

// SaveSettings validates and stores the site settings.
func (s *Store) SaveSettings(ctx context.Context, st news.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range settingKeys {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
				k, *settingField(&st, k)); err != nil {
				return err
			}
		}
		return s.recordChange(ctx, tx, news.KeySite)
	})
	return s.wrap(err, "save settings")
}

// PutMedia stores a media file, replacing one of the same name.
func (s *Store) PutMedia(ctx context.Context, m *news.Media) error {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now().UTC()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO media (name, content_type, data, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type, data = excluded.data,
			width = excluded.width, height = excluded.height, created_at = excluded.created_at
		RETURNING id`),
			m.Name, m.ContentType, m.Data, m.Width, m.Height, dbTime(m.CreatedAt)).Scan(&m.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.MediaKey(m.Name))
	})
	return s.wrap(err, "put media %q", m.Name)
}

// Media loads a media file by name.
func (s *Store) Media(ctx context.Context, name string) (*news.Media, error) {
	var m news.Media
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, name, content_type, data, width, height, created_at FROM media WHERE name = ?`), name).
		Scan(&m.ID, &m.Name, &m.ContentType, &m.Data, &m.Width, &m.Height, timeScan{&m.CreatedAt})
	if err != nil {
		return nil, s.wrap(err, "media %q", name)
	}
	return &m, nil
}

// AddRedirect records that from now answers 301 to to, replacing an older rule
// for from.
func (s *Store) AddRedirect(ctx context.Context, r news.Redirect) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO redirects (from_path, to_path, created_at) VALUES (?, ?, ?)
		ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path`), r.From, r.To, dbTime(time.Now()))
	return s.wrap(err, "add redirect %q", r.From)
}

// RedirectFor returns where path has moved to.
func (s *Store) RedirectFor(ctx context.Context, path string) (string, error) {
	var to string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT to_path FROM redirects WHERE from_path = ?`), path).Scan(&to)
	if err != nil {
		return "", s.wrap(err, "redirect %q", path)
	}
	return to, nil
}

// IsEmpty reports whether the database holds no content yet: no sections, no
// pages and no articles.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM sections) + (SELECT COUNT(*) FROM pages) + (SELECT COUNT(*) FROM articles)`).Scan(&n)
	if err != nil {
		return false, s.wrap(err, "is empty")
	}
	return n == 0, nil
}

// EnsureTag returns the tag with slug, creating it with name when there is
// none.
func (s *Store) EnsureTag(ctx context.Context, slug, name string) (*news.Tag, error) {
	if t, err := s.TagBySlug(ctx, slug); err == nil || !errors.Is(err, news.ErrNotFound) {
		return t, err
	}
	t := &news.Tag{Slug: slug, Name: name}
	if err := s.CreateTag(ctx, t); errors.Is(err, news.ErrConflict) {
		return s.TagBySlug(ctx, slug) // created by someone else meanwhile
	} else if err != nil {
		return nil, err
	}
	return t, nil
}

// EnsureSource returns the source with slug, creating it with name when there
// is none.
func (s *Store) EnsureSource(ctx context.Context, slug, name string) (*news.Source, error) {
	if src, err := s.SourceBySlug(ctx, slug); err == nil || !errors.Is(err, news.ErrNotFound) {
		return src, err
	}
	src := &news.Source{Slug: slug, Name: name}
	if err := s.CreateSource(ctx, src); errors.Is(err, news.ErrConflict) {
		return s.SourceBySlug(ctx, slug)
	} else if err != nil {
		return nil, err
	}
	return src, nil
}

// PageByID loads one static page.
func (s *Store) PageByID(ctx context.Context, id int64) (*news.Page, error) {
	var p news.Page
	if err := scanPage(s.db.QueryRowContext(ctx, s.q(`SELECT `+pageCols+` FROM pages WHERE id = ?`), id), &p); err != nil {
		return nil, s.wrap(err, "page %d", id)
	}
	return &p, nil
}

// UpdatePage saves a static page's title, body and position. Its slug stays:
// other sites link to it.
func (s *Store) UpdatePage(ctx context.Context, p *news.Page) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.UpdatedAt = time.Now().UTC()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE pages SET title = ?, body_md = ?, body_html = ?, position = ?, updated_at = ? WHERE id = ?`),
			p.Title, p.BodyMarkdown, p.BodyHTML, p.Position, dbTime(p.UpdatedAt), p.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		return s.recordChange(ctx, tx, news.KeyNav, news.KeyDirectory, news.PageKey(p.ID))
	})
	return s.wrap(err, "update page %d", p.ID)
}
