package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Revision kinds.
const (
	RevisionSave     = "save"
	RevisionAutosave = "autosave"
	RevisionRestore  = "restore"
	RevisionConflict = "conflict"
	RevisionCreate   = "create"
)

// SaveResult says what a save did.
type SaveResult struct {
	Revision int  // the number of the revision the save wrote
	Stale    bool // the save was over an older version: kept only as a revision
}

// CreateDraft stores a new story written in the back office, with its first
// revision, in one transaction.
func (s *Store) CreateDraft(ctx context.Context, a *news.Article, actor int64) (SaveResult, error) {
	if err := a.Validate(); err != nil {
		return SaveResult{}, err
	}
	var res SaveResult
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertArticle(ctx, tx, a); err != nil {
			return err
		}
		n, err := s.insertRevision(ctx, tx, a, actor, RevisionCreate, a.Version)
		if err != nil {
			return err
		}
		res.Revision = n
		return s.recordChange(ctx, tx, articleKeys(a)...)
	})
	return res, s.wrap(err, "create draft %q", a.Slug)
}

// SaveArticle saves a story over version base. Every save is a revision. When
// the stored story is no longer at base (someone else saved in between), the
// story is left as it is, this save is kept as a conflict revision, and the
// result says Stale: nothing anyone wrote is lost. A change of slug or section
// of a story that was public leaves a 301 from the old address.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article, base int, actor int64, kind string) (SaveResult, error) {
	if err := a.Validate(); err != nil {
		return SaveResult{}, err
	}
	old, err := s.ArticleByID(ctx, a.ID)
	if err != nil {
		return SaveResult{}, err
	}
	var res SaveResult
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var current int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT version FROM articles WHERE id = ?`), a.ID).Scan(&current); err != nil {
			return err
		}
		if current != base {
			res.Stale = true
			n, err := s.insertRevision(ctx, tx, a, actor, RevisionConflict, base)
			res.Revision = n
			return err
		}
		a.Version = current + 1
		a.ModifiedAt = time.Now().UTC()
		if err := s.updateArticle(ctx, tx, a); err != nil {
			return err
		}
		n, err := s.insertRevision(ctx, tx, a, actor, kind, base)
		if err != nil {
			return err
		}
		res.Revision = n
		if err := s.refreshSearch(ctx, tx, a.ID); err != nil {
			return err
		}
		keys := append(articleKeys(old), articleKeys(a)...)
		if old.Path() != a.Path() && (old.Status == news.StatusPublished || old.Status == news.StatusWithdrawn) {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO redirects (from_path, to_path, created_at) VALUES (?, ?, ?)
				ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path`), old.Path(), a.Path(), dbTime(a.ModifiedAt)); err != nil {
				return err
			}
			// Earlier redirects to the old address now lead to the new one directly.
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE redirects SET to_path = ? WHERE to_path = ?`), a.Path(), old.Path()); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM redirects WHERE from_path = ?`), a.Path()); err != nil {
				return err
			}
		}
		return s.recordChange(ctx, tx, keys...)
	})
	if err != nil {
		return SaveResult{}, s.wrap(err, "save article %d", a.ID)
	}
	return res, nil
}

// updateArticle writes every field of a and replaces its authors, tags and
// credits. Corrections are append-only and untouched.
func (s *Store) updateArticle(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	img := a.Image
	if img == nil {
		img = &news.Image{}
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET section_id = ?, slug = ?, headline = ?, standfirst = ?,
		word_count = ?, status = ?, published_at = ?, updated_at = ?, modified_at = ?,
		image_url = ?, image_alt = ?, image_caption = ?, image_credit = ?, image_width = ?, image_height = ?,
		comments_open = ?, seo_title = ?, seo_description = ?, withdrawn_note = ?, version = ? WHERE id = ?`),
		a.Section.ID, a.Slug, a.Headline, a.Standfirst,
		a.WordCount, string(a.Status), nullTime(a.PublishedAt), nullTime(a.UpdatedAt), dbTime(a.ModifiedAt),
		img.URL, img.Alt, img.Caption, img.Credit, img.Width, img.Height,
		a.CommentsOpen, a.SEOTitle, a.SEODescription, a.WithdrawnNote, a.Version, a.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE article_bodies SET body_md = ?, body_html = ? WHERE article_id = ?`),
		a.BodyMarkdown, a.BodyHTML, a.ID); err != nil {
		return err
	}
	for _, table := range []string{"article_authors", "article_tags", "article_credits"} {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE article_id = ?`), a.ID); err != nil {
			return err
		}
	}
	return s.insertLinks(ctx, tx, a)
}

// insertRevision stores a snapshot of a as the story's next revision.
func (s *Store) insertRevision(ctx context.Context, tx *sql.Tx, a *news.Article, actor int64, kind string, base int) (int, error) {
	snap, err := json.Marshal(a)
	if err != nil {
		return 0, fmt.Errorf("snapshot: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE article_id = ?`), a.ID).Scan(&n); err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO revisions (article_id, number, kind, user_id, created_at, version, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		a.ID, n, kind, nullID(actor), dbTime(time.Now()), base, string(snap))
	return n, err
}

// Revisions lists a story's revisions, newest first, without their snapshots'
// bodies.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]news.Revision, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT r.id, r.article_id, r.number, r.kind, COALESCE(r.user_id, 0), COALESCE(u.name, ''), r.created_at, r.version
		FROM revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? ORDER BY r.number DESC`), articleID)
	if err != nil {
		return nil, s.wrap(err, "article %d revisions", articleID)
	}
	defer rows.Close()
	var out []news.Revision
	for rows.Next() {
		var r news.Revision
		if err := rows.Scan(&r.ID, &r.ArticleID, &r.Number, &r.Kind, &r.UserID, &r.UserName, timeScan{&r.CreatedAt}, &r.Version); err != nil {
			return nil, s.wrap(err, "article %d revisions", articleID)
		}
		out = append(out, r)
	}
	return out, s.wrap(rows.Err(), "article %d revisions", articleID)
}

// Revision loads one revision of a story with its snapshot.
func (s *Store) Revision(ctx context.Context, articleID int64, number int) (*news.Revision, error) {
	var r news.Revision
	var snap string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT r.id, r.article_id, r.number, r.kind, COALESCE(r.user_id, 0), COALESCE(u.name, ''), r.created_at, r.version, r.snapshot
		FROM revisions r LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? AND r.number = ?`), articleID, number).
		Scan(&r.ID, &r.ArticleID, &r.Number, &r.Kind, &r.UserID, &r.UserName, timeScan{&r.CreatedAt}, &r.Version, &snap)
	if err != nil {
		return nil, s.wrap(err, "article %d revision %d", articleID, number)
	}
	if err := json.Unmarshal([]byte(snap), &r.Snapshot); err != nil {
		return nil, fmt.Errorf("store: article %d revision %d: %w", articleID, number, err)
	}
	return &r, nil
}

// PublishDue publishes every scheduled story whose time has come and returns
// their IDs. The status check and the change are one statement, so a story is
// published once however many nodes run this at the same moment.
func (s *Store) PublishDue(ctx context.Context, now time.Time) ([]int64, error) {
	var ids []int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`UPDATE articles SET status = 'published', version = version + 1, modified_at = ?
			WHERE status = 'scheduled' AND published_at <= ? RETURNING id`), dbTime(now), dbTime(now))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := s.refreshSearch(ctx, tx, ids...); err != nil {
			return err
		}
		var keys []string
		for _, id := range ids {
			// Read outside the transaction, as it was before it: only the
			// status and version differ, and they are set here.
			a, err := s.ArticleByID(ctx, id)
			if err != nil {
				return err
			}
			a.Status, a.Version = news.StatusPublished, a.Version+1
			if _, err := s.insertRevision(ctx, tx, a, 0, "publish", a.Version-1); err != nil {
				return err
			}
			keys = append(keys, articleKeys(a)...)
		}
		return s.recordChange(ctx, tx, keys...)
	})
	return ids, s.wrap(err, "publish due stories")
}

// AddRevision keeps a snapshot of a as a revision without changing the story:
// autosaves of stories that are already public.
func (s *Store) AddRevision(ctx context.Context, a *news.Article, actor int64, kind string, base int) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = s.insertRevision(ctx, tx, a, actor, kind, base)
		return err
	})
	return n, s.wrap(err, "article %d: add revision", a.ID)
}
