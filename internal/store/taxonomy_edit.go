package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/herald-news/herald/internal/news"
)

// Sections, authors, tags and sources keep their slugs when edited: the slug
// is in the address of every story, profile or list that names them, and
// other sites link there. The updates below therefore write everything but the
// slug, and read the stored slug back into the value they were given.

// keptSlug drops a slug problem from a validation error: an edit does not
// write the slug, so a problem with the one the caller passed is not this
// edit's.
func keptSlug(err error) error {
	var ve *news.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	delete(ve.Fields, "slug")
	return ve.Err()
}

// SectionByID loads one section.
func (s *Store) SectionByID(ctx context.Context, id int64) (*news.Section, error) {
	var sec news.Section
	if err := scanSection(s.db.QueryRowContext(ctx, s.q(`SELECT `+sectionCols+` FROM sections s WHERE s.id = ?`), id), &sec); err != nil {
		return nil, s.wrap(err, "section %d", id)
	}
	return &sec, nil
}

// UpdateSection saves a section's name, description and position.
func (s *Store) UpdateSection(ctx context.Context, sec *news.Section) error {
	if err := keptSlug(sec.Validate()); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`UPDATE sections SET name = ?, description = ?, position = ? WHERE id = ? RETURNING slug`),
			sec.Name, sec.Description, sec.Position, sec.ID).Scan(&sec.Slug); err != nil {
			return err
		}
		// The navigation shows every section's name, in position order.
		return s.recordChange(ctx, tx, news.SectionKey(sec.ID), news.KeyNav, news.KeyDirectory)
	})
	return s.wrap(err, "update section %d", sec.ID)
}

// AuthorByID loads one author.
func (s *Store) AuthorByID(ctx context.Context, id int64) (*news.Author, error) {
	var a news.Author
	if err := scanAuthor(s.db.QueryRowContext(ctx, s.q(`SELECT `+authorCols+` FROM authors a WHERE a.id = ?`), id), &a); err != nil {
		return nil, s.wrap(err, "author %d", id)
	}
	return &a, nil
}

// UpdateAuthor saves an author's name, job title, bio, photo and links.
func (s *Store) UpdateAuthor(ctx context.Context, a *news.Author) error {
	if err := validAuthorEdit(a); err != nil {
		return err
	}
	links, err := json.Marshal(nonNil(a.Links))
	if err != nil {
		return fmt.Errorf("store: author %d links: %w", a.ID, err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		reindex, err := s.renaming(ctx, tx, authorNames, a.ID, a.Name)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`UPDATE authors SET name = ?, job_title = ?, bio = ?, photo_url = ?, links = ? WHERE id = ? RETURNING slug`),
			a.Name, a.JobTitle, a.Bio, a.PhotoURL, string(links), a.ID).Scan(&a.Slug); err != nil {
			return err
		}
		if err := reindex(); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.AuthorKey(a.ID), news.KeyDirectory)
	})
	return s.wrap(err, "update author %d", a.ID)
}

// validAuthorEdit checks an author's edit: its fields, and a portrait
// address that a page may show.
func validAuthorEdit(a *news.Author) error {
	err := keptSlug(a.Validate())
	if validPhotoURL(a.PhotoURL) {
		return err
	}
	ve := &news.ValidationError{}
	errors.As(err, &ve)
	ve.Add("photo_url", "must be an address on this site, starting with /, or an http or https address")
	return ve
}

// validPhotoURL reports whether u may be shown as a portrait: none, a path on
// this site, or an http or https address.
func validPhotoURL(u string) bool {
	if u == "" || news.IsHTTPURL(u) {
		return true
	}
	return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.ContainsAny(u, " \t\r\n\\")
}

// TagByID loads one tag.
func (s *Store) TagByID(ctx context.Context, id int64) (*news.Tag, error) {
	var t news.Tag
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, slug, name FROM tags WHERE id = ?`), id).Scan(&t.ID, &t.Slug, &t.Name)
	if err != nil {
		return nil, s.wrap(err, "tag %d", id)
	}
	return &t, nil
}

// UpdateTag saves a tag's name.
func (s *Store) UpdateTag(ctx context.Context, t *news.Tag) error {
	if err := keptSlug(t.Validate()); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		reindex, err := s.renaming(ctx, tx, tagNames, t.ID, t.Name)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`UPDATE tags SET name = ? WHERE id = ? RETURNING slug`), t.Name, t.ID).Scan(&t.Slug); err != nil {
			return err
		}
		if err := reindex(); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.TagKey(t.ID), news.KeyDirectory)
	})
	return s.wrap(err, "update tag %d", t.ID)
}

// SourceByID loads one source.
func (s *Store) SourceByID(ctx context.Context, id int64) (*news.Source, error) {
	var src news.Source
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, slug, name, url FROM sources WHERE id = ?`), id).Scan(&src.ID, &src.Slug, &src.Name, &src.URL)
	if err != nil {
		return nil, s.wrap(err, "source %d", id)
	}
	return &src, nil
}

// UpdateSource saves a source's name and address.
func (s *Store) UpdateSource(ctx context.Context, src *news.Source) error {
	if err := keptSlug(src.Validate()); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		reindex, err := s.renaming(ctx, tx, sourceNames, src.ID, src.Name)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`UPDATE sources SET name = ?, url = ? WHERE id = ? RETURNING slug`), src.Name, src.URL, src.ID).Scan(&src.Slug); err != nil {
			return err
		}
		if err := reindex(); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.SourceKey(src.ID), news.KeyDirectory)
	})
	return s.wrap(err, "update source %d", src.ID)
}
