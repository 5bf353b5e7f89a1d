package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// secretKey is the settings key of the site secret.
const secretKey = "secret"

// commentSettingsKey is the settings key of the comment rules, as JSON.
const commentSettingsKey = "comment_settings"

// Secret returns the site's secret for signing form tokens and keying
// hashes, creating a random 32-byte one on first use. Every node sharing the
// database gets the same secret: the first to ask writes it, in a
// transaction that loses nothing to a race.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	var out []byte
	err := s.tx(ctx, func(tx *sql.Tx) error {
		fresh := make([]byte, 32)
		if _, err := rand.Read(fresh); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
			secretKey, hex.EncodeToString(fresh)); err != nil {
			return err
		}
		var v string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT value FROM settings WHERE key = ?`), secretKey).Scan(&v); err != nil {
			return err
		}
		b, err := hex.DecodeString(v)
		if err != nil || len(b) < 16 {
			return errors.New("the stored site secret is malformed")
		}
		out = b
		return nil
	})
	if err != nil {
		return nil, s.wrap(err, "site secret")
	}
	return out, nil
}

// CommentSettings loads the comment rules; rules never saved read as
// news.DefaultCommentSettings.
func (s *Store) CommentSettings(ctx context.Context) (news.CommentSettings, error) {
	cs := news.DefaultCommentSettings()
	var v string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT value FROM settings WHERE key = ?`), commentSettingsKey).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return cs, nil
	case err != nil:
		return cs, s.wrap(err, "comment settings")
	}
	if err := json.Unmarshal([]byte(v), &cs); err != nil {
		return news.DefaultCommentSettings(), fmt.Errorf("store: comment settings: %w", err)
	}
	return cs, nil
}

// SaveCommentSettings validates and stores the comment rules. Whether
// comments are open shows on every story, so every cached page goes.
func (s *Store) SaveCommentSettings(ctx context.Context, cs news.CommentSettings) error {
	if err := cs.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(cs)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
			commentSettingsKey, string(b)); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.KeySite)
	})
	return s.wrap(err, "save comment settings")
}

// SetCommentClosing gives one story its own number of days after
// publication when comments close (0: never); a negative number removes it,
// so the site's setting applies again.
func (s *Store) SetCommentClosing(ctx context.Context, articleID int64, days int) error {
	if days > 36500 {
		return &news.ValidationError{Fields: map[string]string{"close_after_days": "must be at most 36500"}}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT 1 FROM articles WHERE id = ?`), articleID).Scan(&one); err != nil {
			return err
		}
		var err error
		if days < 0 {
			_, err = tx.ExecContext(ctx, s.q(`DELETE FROM comment_closing WHERE article_id = ?`), articleID)
		} else {
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO comment_closing (article_id, close_after_days) VALUES (?, ?)
				ON CONFLICT (article_id) DO UPDATE SET close_after_days = excluded.close_after_days`), articleID, days)
		}
		if err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.CommentsKey(articleID), news.ArticleKey(articleID))
	})
	return s.wrap(err, "article %d: comment closing", articleID)
}

// CommentClosing returns the story's own days-to-close and true, or the
// site's and false when it has none of its own.
func (s *Store) CommentClosing(ctx context.Context, articleID int64, cs news.CommentSettings) (int, bool, error) {
	return s.commentClosing(ctx, s.db, articleID, cs)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) commentClosing(ctx context.Context, q queryer, articleID int64, cs news.CommentSettings) (int, bool, error) {
	var days int
	err := q.QueryRowContext(ctx, s.q(`SELECT close_after_days FROM comment_closing WHERE article_id = ?`), articleID).Scan(&days)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return cs.CloseAfterDays, false, nil
	case err != nil:
		return 0, false, s.wrap(err, "article %d: comment closing", articleID)
	}
	return days, true, nil
}

// CommentThread is whether a story takes comments and until when.
type CommentThread struct {
	Open     bool      // comments are open now
	ClosesAt time.Time // when they close by age; zero: never
}

// CommentThreadState tells whether the published story a takes comments at
// now under cs.
func (s *Store) CommentThreadState(ctx context.Context, a *news.Article, cs news.CommentSettings, now time.Time) (CommentThread, error) {
	days, _, err := s.CommentClosing(ctx, a.ID, cs)
	if err != nil {
		return CommentThread{}, err
	}
	t := CommentThread{ClosesAt: news.ClosesAt(a.PublishedAt, days)}
	t.Open = a.CommentsOpen && a.Status == news.StatusPublished && (t.ClosesAt.IsZero() || now.Before(t.ClosesAt))
	return t, nil
}

// bodyHash identifies a comment's words for duplicate detection, ignoring
// case and spacing.
func bodyHash(body string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(body), " "))))
	return hex.EncodeToString(sum[:16])
}

// AddComment validates and stores a reader's new comment in one
// transaction, deciding its status by the rules in cs (spamVerdict is the
// classifier's) and filling its ID, Depth, Status, Reason and CreatedAt. It
// refuses a comment on an unknown or unpublished story (news.ErrNotFound),
// a withdrawn one (news.ErrGone), one whose comments are closed
// (news.ErrCommentsClosed), a reply to anything but an approved comment of
// the same story or one nested too deep (*news.ValidationError), a
// duplicate (news.ErrDuplicateComment) and one over the client's rate
// limits (news.ErrTooManyComments). Nothing is stored when it refuses.
func (s *Store) AddComment(ctx context.Context, c *news.Comment, cs news.CommentSettings, spamVerdict bool, now time.Time) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	if c.EmailHash == "" {
		return errors.New("store: a comment needs its email hash")
	}
	c.CreatedAt = now.UTC()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var status string
		var published time.Time
		var open bool
		err := tx.QueryRowContext(ctx, s.q(`SELECT status, published_at, comments_open FROM articles WHERE id = ?`), c.ArticleID).
			Scan(&status, timeScan{&published}, &open)
		if err != nil {
			return err
		}
		switch news.Status(status) {
		case news.StatusPublished:
		case news.StatusWithdrawn:
			return news.ErrGone
		default:
			return news.ErrNotFound
		}
		days, _, err := s.commentClosing(ctx, tx, c.ArticleID, cs)
		if err != nil {
			return err
		}
		if closes := news.ClosesAt(published, days); !open || (!closes.IsZero() && !now.Before(closes)) {
			return news.ErrCommentsClosed
		}
		c.Depth = 1
		if c.ParentID != 0 {
			var pArticle int64
			var pStatus string
			var pDepth int
			err := tx.QueryRowContext(ctx, s.q(`SELECT article_id, status, depth FROM comments WHERE id = ?`), c.ParentID).Scan(&pArticle, &pStatus, &pDepth)
			switch {
			case errors.Is(err, sql.ErrNoRows), err == nil && (pArticle != c.ArticleID || news.CommentStatus(pStatus) != news.CommentApproved):
				return &news.ValidationError{Fields: map[string]string{"parent": "the comment you are replying to is not a published comment on this story"}}
			case err != nil:
				return err
			case pDepth >= cs.MaxDepth:
				return &news.ValidationError{Fields: map[string]string{"parent": "replies cannot nest any deeper here; reply to an earlier comment instead"}}
			}
			c.Depth = pDepth + 1
		}
		if c.ClientHash != "" {
			if cs.FloodSeconds > 0 {
				n, err := s.countClient(ctx, tx, c.ClientHash, now.Add(-time.Duration(cs.FloodSeconds)*time.Second))
				if err != nil {
					return err
				}
				if n > 0 {
					return news.ErrTooManyComments
				}
			}
			if cs.RatePerHour > 0 {
				n, err := s.countClient(ctx, tx, c.ClientHash, now.Add(-time.Hour))
				if err != nil {
					return err
				}
				if n >= cs.RatePerHour {
					return news.ErrTooManyComments
				}
			}
		}
		hash := bodyHash(c.Body)
		var dup int
		err = tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM comments WHERE article_id = ? AND body_hash = ? AND status <> 'trash'
			AND (email_hash = ? OR (client_hash = ? AND client_hash <> ''))`), c.ArticleID, hash, c.EmailHash, c.ClientHash).Scan(&dup)
		if err != nil {
			return err
		}
		if dup > 0 {
			return news.ErrDuplicateComment
		}
		var known int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE email_hash = ? AND status = 'approved' LIMIT 1) k`),
			c.EmailHash).Scan(&known); err != nil {
			return err
		}
		v := cs.Moderate(c, known > 0, spamVerdict)
		c.Status, c.Reason = v.Status, v.Reason
		var parent any
		if c.ParentID != 0 {
			parent = c.ParentID
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO comments (article_id, parent_id, depth, status, name, email, email_hash, website, body, body_hash,
			client_hash, spam_score, spam_tokens, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			c.ArticleID, parent, c.Depth, string(c.Status), c.Name, c.Email, c.EmailHash, c.Website, c.Body, hash,
			c.ClientHash, c.SpamScore, strings.Join(c.SpamTokens, " "), c.Reason, dbTime(c.CreatedAt)).Scan(&c.ID); err != nil {
			return err
		}
		if c.Status == news.CommentApproved {
			return s.recordChange(ctx, tx, news.CommentsKey(c.ArticleID), news.KeyComments)
		}
		return nil
	})
	if err != nil {
		var v *news.ValidationError
		if errors.As(err, &v) {
			return err
		}
		return s.wrap(err, "article %d: add comment", c.ArticleID)
	}
	return nil
}

func (s *Store) countClient(ctx context.Context, tx *sql.Tx, clientHash string, since time.Time) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM comments WHERE client_hash = ? AND created_at > ?`), clientHash, dbTime(since)).Scan(&n)
	return n, err
}

// publicCommentCols are the columns of a comment that a public page may
// show: never the email, the client hash or the classifier's features.
const publicCommentCols = `c.id, c.article_id, COALESCE(c.parent_id, 0), c.depth, c.status, c.name, c.website, c.body, c.email_hash, c.created_at`

func scanPublicComment(sc interface{ Scan(...any) error }, c *news.Comment, extra ...any) error {
	var status string
	if err := sc.Scan(append([]any{&c.ID, &c.ArticleID, &c.ParentID, &c.Depth, &status, &c.Name, &c.Website, &c.Body, &c.EmailHash,
		timeScan{&c.CreatedAt}}, extra...)...); err != nil {
		return err
	}
	c.Status = news.CommentStatus(status)
	return nil
}

// ApprovedComments lists the approved comments on a story, oldest first,
// without their private fields.
func (s *Store) ApprovedComments(ctx context.Context, articleID int64) ([]news.Comment, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+publicCommentCols+` FROM comments c
		WHERE c.article_id = ? AND c.status = 'approved' ORDER BY c.created_at, c.id`), articleID)
	if err != nil {
		return nil, s.wrap(err, "article %d: comments", articleID)
	}
	defer rows.Close()
	var out []news.Comment
	for rows.Next() {
		var c news.Comment
		if err := scanPublicComment(rows, &c); err != nil {
			return nil, s.wrap(err, "article %d: comments", articleID)
		}
		out = append(out, c)
	}
	return out, s.wrap(rows.Err(), "article %d: comments", articleID)
}

// ApprovedComment loads one approved comment without its private fields.
func (s *Store) ApprovedComment(ctx context.Context, id int64) (*news.Comment, error) {
	var c news.Comment
	err := scanPublicComment(s.db.QueryRowContext(ctx, s.q(`SELECT `+publicCommentCols+` FROM comments c WHERE c.id = ? AND c.status = 'approved'`), id), &c)
	if err != nil {
		return nil, s.wrap(err, "comment %d", id)
	}
	return &c, nil
}

// CommentCounts returns how many approved comments each of the stories has;
// stories without any are left out.
func (s *Store) CommentCounts(ctx context.Context, articleIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(articleIDs))
	for start := 0; start < len(articleIDs); start += batch {
		ids := articleIDs[start:min(start+batch, len(articleIDs))]
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT article_id, COUNT(*) FROM comments WHERE status = 'approved' AND article_id IN (`+
			placeholders(len(ids))+`) GROUP BY article_id`), int64Args(ids)...)
		if err != nil {
			return nil, s.wrap(err, "comment counts")
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, s.wrap(err, "comment counts")
			}
			out[id] = n
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, s.wrap(err, "comment counts")
		}
	}
	return out, nil
}

// CommentEntry is a comment with the story it is on.
type CommentEntry struct {
	news.Comment
	ArticlePath     string // "/usa-news/slug/"
	ArticleHeadline string
}

// RecentComments lists the newest approved comments on published stories,
// newest first, without their private fields: the site-wide comments feed.
func (s *Store) RecentComments(ctx context.Context, limit int) ([]CommentEntry, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+publicCommentCols+`, sec.slug, a.slug, a.headline FROM comments c
		JOIN articles a ON a.id = c.article_id JOIN sections sec ON sec.id = a.section_id
		WHERE c.status = 'approved' AND a.status = 'published' ORDER BY c.created_at DESC, c.id DESC LIMIT ?`), limit)
	if err != nil {
		return nil, s.wrap(err, "recent comments")
	}
	defer rows.Close()
	var out []CommentEntry
	for rows.Next() {
		var e CommentEntry
		var sec, slug string
		if err := scanPublicComment(rows, &e.Comment, &sec, &slug, &e.ArticleHeadline); err != nil {
			return nil, s.wrap(err, "recent comments")
		}
		e.ArticlePath = "/" + sec + "/" + slug + "/"
		out = append(out, e)
	}
	return out, s.wrap(rows.Err(), "recent comments")
}

// CommentFilter selects comments for moderation. The zero value lists every
// comment, newest first.
type CommentFilter struct {
	Status    news.CommentStatus // empty: any
	ArticleID int64
	Limit     int // default 100, at most 10,000
	Offset    int
}

// Comments lists comments for moderators, with every field, newest first,
// and how many match in all.
func (s *Store) Comments(ctx context.Context, f CommentFilter) ([]CommentEntry, int, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	f.Limit = min(f.Limit, 10_000)
	where, args := []string{"1 = 1"}, []any{}
	if f.Status != "" {
		where, args = append(where, "c.status = ?"), append(args, string(f.Status))
	}
	if f.ArticleID != 0 {
		where, args = append(where, "c.article_id = ?"), append(args, f.ArticleID)
	}
	cond := strings.Join(where, " AND ")
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+publicCommentCols+`, c.email, c.client_hash, c.spam_score, c.spam_tokens, c.reason,
		sec.slug, a.slug, a.headline FROM comments c JOIN articles a ON a.id = c.article_id JOIN sections sec ON sec.id = a.section_id
		WHERE `+cond+` ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`), append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, s.wrap(err, "comments")
	}
	defer rows.Close()
	var out []CommentEntry
	for rows.Next() {
		var e CommentEntry
		var tokens, sec, slug string
		if err := scanPublicComment(rows, &e.Comment, &e.Email, &e.ClientHash, &e.SpamScore, &tokens, &e.Reason, &sec, &slug, &e.ArticleHeadline); err != nil {
			return nil, 0, s.wrap(err, "comments")
		}
		e.SpamTokens = strings.Fields(tokens)
		e.ArticlePath = "/" + sec + "/" + slug + "/"
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.wrap(err, "comments")
	}
	var total int
	err = s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM comments c WHERE `+cond), args...).Scan(&total)
	return out, total, s.wrap(err, "count comments")
}

// Comment loads one comment with every field, for moderators.
func (s *Store) Comment(ctx context.Context, id int64) (*CommentEntry, error) {
	var e CommentEntry
	var tokens, sec, slug string
	err := scanPublicComment(s.db.QueryRowContext(ctx, s.q(`SELECT `+publicCommentCols+`, c.email, c.client_hash, c.spam_score, c.spam_tokens, c.reason,
		sec.slug, a.slug, a.headline FROM comments c JOIN articles a ON a.id = c.article_id JOIN sections sec ON sec.id = a.section_id
		WHERE c.id = ?`), id), &e.Comment, &e.Email, &e.ClientHash, &e.SpamScore, &tokens, &e.Reason, &sec, &slug, &e.ArticleHeadline)
	if err != nil {
		return nil, s.wrap(err, "comment %d", id)
	}
	e.SpamTokens = strings.Fields(tokens)
	e.ArticlePath = "/" + sec + "/" + slug + "/"
	return &e, nil
}

// ModerateComment sets a comment's status. Approving it teaches the spam
// classifier that its features are genuine, marking it spam that they are
// spam; a comment a moderator changes their mind about is moved from one
// class to the other, so each comment counts once. Pending and trash teach
// nothing.
func (s *Store) ModerateComment(ctx context.Context, id int64, status news.CommentStatus) error {
	if !status.Valid() {
		return &news.ValidationError{Fields: map[string]string{"status": "must be pending, approved, spam or trash"}}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		var old, trained, tokens string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT article_id, status, trained, spam_tokens FROM comments WHERE id = ?`), id).
			Scan(&articleID, &old, &trained, &tokens); err != nil {
			return err
		}
		label := trained
		switch status {
		case news.CommentApproved:
			label = "ham"
		case news.CommentSpam:
			label = "spam"
		}
		if label != trained {
			toks := strings.Fields(tokens)
			if trained != "" {
				if err := s.learn(ctx, tx, toks, trained, -1); err != nil {
					return err
				}
			}
			if err := s.learn(ctx, tx, toks, label, 1); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE comments SET status = ?, trained = ? WHERE id = ?`), string(status), label, id); err != nil {
			return err
		}
		if old == string(news.CommentApproved) || status == news.CommentApproved {
			return s.recordChange(ctx, tx, news.CommentsKey(articleID), news.KeyComments)
		}
		return nil
	})
	return s.wrap(err, "comment %d: set %s", id, status)
}

// DeleteComment removes a comment for good. Its replies move up to its own
// parent, so a thread loses only the one comment.
func (s *Store) DeleteComment(ctx context.Context, id int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		var parent sql.NullInt64
		var status string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT article_id, parent_id, status FROM comments WHERE id = ?`), id).Scan(&articleID, &parent, &status); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE comments SET depth = depth - 1 WHERE id IN (
			WITH RECURSIVE sub (id) AS (SELECT id FROM comments WHERE parent_id = ? UNION ALL SELECT c.id FROM comments c JOIN sub ON c.parent_id = sub.id)
			SELECT id FROM sub)`), id); err != nil {
			return err
		}
		var np any
		if parent.Valid {
			np = parent.Int64
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE comments SET parent_id = ? WHERE parent_id = ?`), np, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM comments WHERE id = ?`), id); err != nil {
			return err
		}
		if status == string(news.CommentApproved) {
			return s.recordChange(ctx, tx, news.CommentsKey(articleID), news.KeyComments)
		}
		return nil
	})
	return s.wrap(err, "comment %d: delete", id)
}

// PurgeClientHashes forgets the client hashes of comments posted before t
// and reports how many it forgot.
func (s *Store) PurgeClientHashes(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE comments SET client_hash = '' WHERE created_at < ? AND client_hash <> ''`), dbTime(before))
	if err != nil {
		return 0, s.wrap(err, "purge client hashes")
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// SpamModel returns what the classifier has learnt about tokens: its class
// totals and the counts of those of the tokens it has seen.
func (s *Store) SpamModel(ctx context.Context, tokens []string) (*news.SpamModel, error) {
	m := &news.SpamModel{Tokens: make(map[string]news.TokenCount, len(tokens))}
	rows, err := s.db.QueryContext(ctx, `SELECT class, docs FROM spam_totals`)
	if err != nil {
		return nil, s.wrap(err, "spam model")
	}
	for rows.Next() {
		var class string
		var n int
		if err := rows.Scan(&class, &n); err != nil {
			rows.Close()
			return nil, s.wrap(err, "spam model")
		}
		if class == "spam" {
			m.SpamDocs = n
		} else {
			m.HamDocs = n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "spam model")
	}
	for start := 0; start < len(tokens); start += batch {
		part := tokens[start:min(start+batch, len(tokens))]
		args := make([]any, len(part))
		for i, t := range part {
			args[i] = t
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT token, spam, ham FROM spam_tokens WHERE token IN (`+placeholders(len(part))+`)`), args...)
		if err != nil {
			return nil, s.wrap(err, "spam model")
		}
		for rows.Next() {
			var t string
			var c news.TokenCount
			if err := rows.Scan(&t, &c.Spam, &c.Ham); err != nil {
				rows.Close()
				return nil, s.wrap(err, "spam model")
			}
			m.Tokens[t] = c
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, s.wrap(err, "spam model")
		}
	}
	return m, nil
}

// TrainSpam teaches the classifier one example that is no comment of the
// site's, such as a message from a labelled corpus.
func (s *Store) TrainSpam(ctx context.Context, tokens []string, isSpam bool) error {
	label := "ham"
	if isSpam {
		label = "spam"
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.learn(ctx, tx, tokens, label, 1) })
	return s.wrap(err, "train spam")
}

// learn adds (delta 1) or removes (delta -1) one document of class label
// with tokens. Tokens are written in sorted order so that concurrent
// trainers take row locks in the same order and cannot deadlock.
func (s *Store) learn(ctx context.Context, tx *sql.Tx, tokens []string, label string, delta int) error {
	if label != "spam" && label != "ham" {
		return fmt.Errorf("unknown class %q", label)
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE spam_totals SET docs = docs + ? WHERE class = ? AND docs + ? >= 0`), delta, label, delta); err != nil {
		return err
	}
	toks := slices.Clone(tokens)
	slices.Sort(toks)
	toks = slices.Compact(toks)
	col := label // a fixed column name, never input
	for start := 0; start < len(toks); start += batch {
		part := toks[start:min(start+batch, len(toks))]
		args := make([]any, 0, len(part)*3)
		if delta > 0 {
			vals := make([]string, len(part))
			for i, t := range part {
				vals[i] = "(?, ?, ?)"
				sp, hm := 0, 0
				if label == "spam" {
					sp = 1
				} else {
					hm = 1
				}
				args = append(args, t, sp, hm)
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO spam_tokens (token, spam, ham) VALUES `+strings.Join(vals, ", ")+`
				ON CONFLICT (token) DO UPDATE SET spam = spam_tokens.spam + excluded.spam, ham = spam_tokens.ham + excluded.ham`), args...); err != nil {
				return err
			}
			continue
		}
		for _, t := range part {
			args = append(args, t)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE spam_tokens SET `+col+` = `+col+` - 1 WHERE `+col+` > 0 AND token IN (`+placeholders(len(part))+`)`), args...); err != nil {
			return err
		}
	}
	return nil
}
