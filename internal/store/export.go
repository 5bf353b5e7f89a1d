package store

import (
	"context"
	"database/sql"

	"github.com/herald-news/herald/internal/news"
)

// The methods in this file list the whole public site cheaply, for a static
// export: every story's path, every media file's name, every commenter's
// avatar, and how many stories each list holds (so that every page of every listing can be named without
// counting each list on its own).

// PublishedPaths lists the path of every published story, newest first.
func (s *Store) PublishedPaths(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT s.slug, a.slug FROM articles a JOIN sections s ON s.id = a.section_id
		WHERE a.status = ? ORDER BY a.published_at DESC, a.id DESC`), string(news.StatusPublished))
	if err != nil {
		return nil, s.wrap(err, "published paths")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var sec, slug string
		if err := rows.Scan(&sec, &slug); err != nil {
			return nil, s.wrap(err, "published paths")
		}
		out = append(out, "/"+sec+"/"+slug+"/")
	}
	return out, s.wrap(rows.Err(), "published paths")
}

// MediaNames lists the name of every media file, in name order.
func (s *Store) MediaNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM media ORDER BY name`)
	if err != nil {
		return nil, s.wrap(err, "media names")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, s.wrap(err, "media names")
		}
		out = append(out, name)
	}
	return out, s.wrap(rows.Err(), "media names")
}

// CommenterHashes lists, once each, the email hash of every approved comment
// on a published story (the public avatar is drawn from it), in order.
func (s *Store) CommenterHashes(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT DISTINCT c.email_hash FROM comments c JOIN articles a ON a.id = c.article_id
		WHERE c.status = 'approved' AND a.status = ? ORDER BY c.email_hash`), string(news.StatusPublished))
	if err != nil {
		return nil, s.wrap(err, "commenter hashes")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, s.wrap(err, "commenter hashes")
		}
		out = append(out, h)
	}
	return out, s.wrap(rows.Err(), "commenter hashes")
}

// ListCounts are how many published stories each list holds, by the ID of the
// section, author, tag or source; a list with none is absent.
type ListCounts struct {
	All         int
	Corrections int // entries in the site-wide corrections log
	Sections    map[int64]int
	Authors     map[int64]int
	Tags        map[int64]int
	Sources     map[int64]int
}

// PublishedCounts counts the published stories of every list at once, the
// same way Articles and Corrections count one list's.
func (s *Store) PublishedCounts(ctx context.Context) (ListCounts, error) {
	c := ListCounts{Sections: map[int64]int{}, Authors: map[int64]int{}, Tags: map[int64]int{}, Sources: map[int64]int{}}
	pub := string(news.StatusPublished)
	for _, q := range []struct {
		what  string
		query string
		into  map[int64]int
	}{
		{"sections", `SELECT a.section_id, COUNT(*) FROM articles a WHERE a.status = ? GROUP BY a.section_id`, c.Sections},
		// The link rows carry their stories' status (migration 0010).
		{"authors", `SELECT x.author_id, COUNT(*) FROM article_authors x WHERE x.status = ? GROUP BY x.author_id`, c.Authors},
		{"tags", `SELECT x.tag_id, COUNT(*) FROM article_tags x WHERE x.status = ? GROUP BY x.tag_id`, c.Tags},
		{"sources", `SELECT x.source_id, COUNT(DISTINCT x.article_id) FROM article_credits x WHERE x.status = ? GROUP BY x.source_id`, c.Sources},
	} {
		if err := s.countGroups(ctx, q.into, q.query, pub); err != nil {
			return c, s.wrap(err, "count %s", q.what)
		}
	}
	for _, n := range c.Sections {
		c.All += n
	}
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM corrections c CROSS JOIN articles a WHERE a.id = c.article_id AND a.status = ?`), pub).Scan(&c.Corrections)
	if err != nil {
		return c, s.wrap(err, "count corrections")
	}
	return c, nil
}

func (s *Store) countGroups(ctx context.Context, into map[int64]int, query string, args ...any) error {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n sql.NullInt64
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		into[id] = int(n.Int64)
	}
	return rows.Err()
}
