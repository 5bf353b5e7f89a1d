package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// The media library: uploaded originals, each with the narrower copies made
// of it for srcset (rows whose parent names the original). None of the
// methods here reads the image bytes; on SQLite the media_library index
// covers what they select, because a row's columns after its blob can only
// be reached by reading through the blob.

// MediaInfo describes a stored media file without its bytes.
type MediaInfo struct {
	ID          int64
	Name        string // as served under /media/
	ContentType string
	Width       int
	Height      int
	Size        int    // bytes
	Alt         string // the library's description, offered to the editor
	Credit      string
	Parent      string // the original this is a narrower copy of; "" for an original
	Thumb       string // the name of the narrowest copy, or Name (MediaList only)
	CreatedAt   time.Time
}

// MediaUpload is an original image and its narrower copies, stored together.
type MediaUpload struct {
	Original news.Media
	Alt      string
	Credit   string
	Variants []news.Media
}

// AddMedia stores an upload in one transaction and sets the IDs. An original
// of the same name is news.ErrConflict: an upload never replaces a file.
func (s *Store) AddMedia(ctx context.Context, up *MediaUpload) error {
	now := time.Now().UTC()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		keys := []string{news.MediaKey(up.Original.Name)}
		put := func(m *news.Media, alt, credit, parent string) error {
			if m.CreatedAt.IsZero() {
				m.CreatedAt = now
			}
			return tx.QueryRowContext(ctx, s.q(`INSERT INTO media (name, content_type, data, width, height, created_at, alt, credit, parent)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				m.Name, m.ContentType, m.Data, m.Width, m.Height, dbTime(m.CreatedAt), alt, credit, parent).Scan(&m.ID)
		}
		if err := put(&up.Original, up.Alt, up.Credit, ""); err != nil {
			return err
		}
		for i := range up.Variants {
			if err := put(&up.Variants[i], "", "", up.Original.Name); err != nil {
				return err
			}
			keys = append(keys, news.MediaKey(up.Variants[i].Name))
		}
		return s.recordChange(ctx, tx, keys...)
	})
	return s.wrap(err, "add media %q", up.Original.Name)
}

const mediaInfoCols = `m.id, m.name, m.content_type, m.width, m.height, LENGTH(m.data), m.alt, m.credit, m.parent, m.created_at`

func scanMediaInfo(sc interface{ Scan(...any) error }, m *MediaInfo, extra ...any) error {
	return sc.Scan(append([]any{&m.ID, &m.Name, &m.ContentType, &m.Width, &m.Height, &m.Size, &m.Alt, &m.Credit, &m.Parent, timeScan{&m.CreatedAt}}, extra...)...)
}

// MediaList lists originals, newest first, with how many there are in all.
func (s *Store) MediaList(ctx context.Context, limit, offset int) ([]MediaInfo, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM media WHERE parent = ''`).Scan(&total); err != nil {
		return nil, 0, s.wrap(err, "media list")
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+mediaInfoCols+`,
		COALESCE((SELECT v.name FROM media v WHERE v.parent = m.name ORDER BY v.width LIMIT 1), m.name)
		FROM media m WHERE m.parent = '' ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`), limit, offset)
	if err != nil {
		return nil, 0, s.wrap(err, "media list")
	}
	defer rows.Close()
	var out []MediaInfo
	for rows.Next() {
		var m MediaInfo
		if err := scanMediaInfo(rows, &m, &m.Thumb); err != nil {
			return nil, 0, s.wrap(err, "media list")
		}
		out = append(out, m)
	}
	return out, total, s.wrap(rows.Err(), "media list")
}

// MediaInfo describes the media file called name.
func (s *Store) MediaInfo(ctx context.Context, name string) (*MediaInfo, error) {
	var m MediaInfo
	if err := scanMediaInfo(s.db.QueryRowContext(ctx, s.q(`SELECT `+mediaInfoCols+` FROM media m WHERE m.name = ?`), name), &m); err != nil {
		return nil, s.wrap(err, "media %q", name)
	}
	return &m, nil
}

// MediaInfoByID describes the media file with id.
func (s *Store) MediaInfoByID(ctx context.Context, id int64) (*MediaInfo, error) {
	var m MediaInfo
	if err := scanMediaInfo(s.db.QueryRowContext(ctx, s.q(`SELECT `+mediaInfoCols+` FROM media m WHERE m.id = ?`), id), &m); err != nil {
		return nil, s.wrap(err, "media %d", id)
	}
	return &m, nil
}

// MediaVariants lists the narrower copies of the original called parent, by
// ascending width; none for a file that has none or does not exist.
func (s *Store) MediaVariants(ctx context.Context, parent string) ([]MediaInfo, error) {
	if parent == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT m.id, m.name, m.content_type, m.width, m.height FROM media m
		WHERE m.parent = ? ORDER BY m.width`), parent)
	if err != nil {
		return nil, s.wrap(err, "media variants %q", parent)
	}
	defer rows.Close()
	var out []MediaInfo
	for rows.Next() {
		m := MediaInfo{Parent: parent}
		if err := rows.Scan(&m.ID, &m.Name, &m.ContentType, &m.Width, &m.Height); err != nil {
			return nil, s.wrap(err, "media variants %q", parent)
		}
		out = append(out, m)
	}
	return out, s.wrap(rows.Err(), "media variants %q", parent)
}

// SetMediaAlt changes the description and credit of the media file with id.
func (s *Store) SetMediaAlt(ctx context.Context, id int64, alt, credit string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, s.q(`UPDATE media SET alt = ?, credit = ? WHERE id = ? RETURNING name`), alt, credit, id).Scan(&name); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.MediaKey(name))
	})
	return s.wrap(err, "set media %d alt", id)
}
