package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// CreateArticle validates and stores a new article with its authors, tags,
// credits and any corrections, in one transaction, and sets the IDs. BodyHTML
// and WordCount must already be filled from BodyMarkdown.
func (s *Store) CreateArticle(ctx context.Context, a *news.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertArticle(ctx, tx, a); err != nil {
			return err
		}
		if err := s.refreshSearch(ctx, tx, a.ID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, articleKeys(a)...)
	})
	return s.wrap(err, "create article %q", a.Slug)
}

// CreateArticles stores many new articles in one transaction: all or none.
func (s *Store) CreateArticles(ctx context.Context, as []*news.Article) error {
	return s.createArticles(ctx, as, indexAndScore)
}

// BulkCreateArticles is CreateArticles for bulk loads (herald generate): the
// stories are indexed for search, but their related-article lists are left
// to one RebuildRelated at the end, instead of being scored again with every
// batch. Until then a story's related articles come from shared tags,
// authors and section.
func (s *Store) BulkCreateArticles(ctx context.Context, as []*news.Article) error {
	return s.createArticles(ctx, as, indexOnly)
}

// BulkLoadArticles is BulkCreateArticles without the search index: the
// stories are stored and listed, but neither found by search nor given
// related articles until RebuildSearchIndex and RebuildRelated run (herald
// reindex). It is for benchmark newsrooms of a size at which indexing, not
// storing, would take the time.
func (s *Store) BulkLoadArticles(ctx context.Context, as []*news.Article) error {
	return s.createArticles(ctx, as, noIndex)
}

// indexing says how much of the search index a write of new stories brings
// up to date.
type indexing int

const (
	indexAndScore indexing = iota // index and score related articles
	indexOnly                     // index; related articles wait for RebuildRelated
	noIndex                       // neither; both wait for a rebuild
)

func (s *Store) createArticles(ctx context.Context, as []*news.Article, how indexing) error {
	for _, a := range as {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("article %q: %w", a.Slug, err)
		}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var keys []string
		for _, a := range as {
			if err := s.insertArticle(ctx, tx, a); err != nil {
				return fmt.Errorf("article %q: %w", a.Slug, err)
			}
			keys = append(keys, articleKeys(a)...)
		}
		if how != noIndex {
			ids := make([]int64, len(as))
			for i, a := range as {
				ids[i] = a.ID
			}
			if err := s.refreshIndex(ctx, tx, how == indexAndScore, ids); err != nil {
				return err
			}
		}
		return s.recordChange(ctx, tx, keys...)
	})
	return s.wrap(err, "create articles")
}

// articleKeys are the keys a write of a changes: its own, and when it is
// public, those of every list it belongs to.
func articleKeys(a *news.Article) []string {
	keys := []string{news.ArticleKey(a.ID)}
	if a.Status == news.StatusPublished || a.Status == news.StatusWithdrawn {
		keys = append(keys, a.ListKeys()...)
	}
	return keys
}

func (s *Store) insertArticle(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	now := time.Now().UTC()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	if a.ModifiedAt.IsZero() {
		a.ModifiedAt = now
	}
	img := a.Image
	if img == nil {
		img = &news.Image{}
	}
	a.Version = 1
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO articles (section_id, slug, headline, standfirst, word_count,
		status, published_at, updated_at, created_at, modified_at,
		image_url, image_alt, image_caption, image_credit, image_width, image_height,
		comments_open, seo_title, seo_description, withdrawn_note, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		a.Section.ID, a.Slug, a.Headline, a.Standfirst, a.WordCount,
		string(a.Status), nullTime(a.PublishedAt), nullTime(a.UpdatedAt), dbTime(a.CreatedAt), dbTime(a.ModifiedAt),
		img.URL, img.Alt, img.Caption, img.Credit, img.Width, img.Height,
		a.CommentsOpen, a.SEOTitle, a.SEODescription, a.WithdrawnNote, nullID(a.CreatedBy)).Scan(&a.ID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_bodies (article_id, body_md, body_html) VALUES (?, ?, ?)`),
		a.ID, a.BodyMarkdown, a.BodyHTML); err != nil {
		return err
	}
	if err := s.insertLinks(ctx, tx, a); err != nil {
		return err
	}
	for i := range a.Corrections {
		c := &a.Corrections[i]
		c.ArticleID = a.ID
		if err := c.Validate(); err != nil {
			return err
		}
		if err := s.insertCorrection(ctx, tx, c); err != nil {
			return err
		}
	}
	return nil
}

// insertLinks stores a story's authors in byline order, its tags and its
// credits.
func (s *Store) insertLinks(ctx context.Context, tx *sql.Tx, a *news.Article) error {
	for i, au := range a.Authors {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)`), a.ID, au.ID, i); err != nil {
			return err
		}
	}
	for _, t := range a.Tags {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING`), a.ID, t.ID); err != nil {
			return err
		}
	}
	for i, c := range a.Credits {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_credits (article_id, position, source_id, kind, url) VALUES (?, ?, ?, ?, ?)`),
			a.ID, i, c.Source.ID, string(c.Kind), c.URL); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertCorrection(ctx context.Context, tx *sql.Tx, c *news.Correction) error {
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	return tx.QueryRowContext(ctx, s.q(`INSERT INTO corrections (article_id, kind, body, created_at) VALUES (?, ?, ?, ?) RETURNING id`),
		c.ArticleID, string(c.Kind), c.Text, dbTime(c.CreatedAt)).Scan(&c.ID)
}

// AddCorrection appends an entry to a story's corrections log. The story counts
// as updated at that moment: readers, feeds and JSON-LD see the new time.
func (s *Store) AddCorrection(ctx context.Context, articleID int64, c *news.Correction) error {
	c.ArticleID = articleID
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var status string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT status FROM articles WHERE id = ?`), articleID).Scan(&status); err != nil {
			return err
		}
		if err := s.insertCorrection(ctx, tx, c); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET modified_at = ?, updated_at = ? WHERE id = ?`),
			dbTime(c.CreatedAt), dbTime(c.CreatedAt), articleID); err != nil {
			return err
		}
		if err := s.refreshSearch(ctx, tx, articleID); err != nil {
			return err
		}
		return s.recordChange(ctx, tx, news.ArticleKey(articleID), news.KeyCorrections, news.KeyModified)
	})
	return s.wrap(err, "article %d: add correction", articleID)
}

// WithdrawArticle takes a story down; its URL then answers 410 with note.
func (s *Store) WithdrawArticle(ctx context.Context, id int64, note string) error {
	a, err := s.ArticleByID(ctx, id)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET status = ?, withdrawn_note = ?, modified_at = ? WHERE id = ?`),
			string(news.StatusWithdrawn), note, dbTime(time.Now()), id); err != nil {
			return err
		}
		if err := s.refreshSearch(ctx, tx, id); err != nil {
			return err
		}
		a.Status = news.StatusWithdrawn
		return s.recordChange(ctx, tx, articleKeys(a)...)
	})
	return s.wrap(err, "article %d: withdraw", id)
}

// articleCols are the columns of an article row joined with its section; the
// body is the last so that lists can leave it out. The 0 holds the place of
// the comment count, which fillCommentCounts sets for a whole list at once.
const articleCols = `a.id, a.slug, a.headline, a.standfirst, a.word_count, a.status,
	a.published_at, a.updated_at, a.created_at, a.modified_at,
	a.image_url, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height,
	a.comments_open, a.seo_title, a.seo_description, a.withdrawn_note, a.version, COALESCE(a.created_by, 0),
	0,
	s.id, s.slug, s.name, s.description, s.position`

func scanArticle(sc interface{ Scan(...any) error }, a *news.Article, extra ...any) error {
	var img news.Image
	var status string
	dest := []any{&a.ID, &a.Slug, &a.Headline, &a.Standfirst, &a.WordCount, &status,
		timeScan{&a.PublishedAt}, timeScan{&a.UpdatedAt}, timeScan{&a.CreatedAt}, timeScan{&a.ModifiedAt},
		&img.URL, &img.Alt, &img.Caption, &img.Credit, &img.Width, &img.Height,
		&a.CommentsOpen, &a.SEOTitle, &a.SEODescription, &a.WithdrawnNote, &a.Version, &a.CreatedBy, &a.CommentCount,
		&a.Section.ID, &a.Section.Slug, &a.Section.Name, &a.Section.Description, &a.Section.Position}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return err
	}
	a.Status = news.Status(status)
	if img.URL != "" {
		a.Image = &img
	}
	return nil
}

// Article loads one article with everything it carries, whatever its status.
func (s *Store) Article(ctx context.Context, sectionSlug, slug string) (*news.Article, error) {
	return s.loadArticle(ctx, `s.slug = ? AND a.slug = ?`, sectionSlug, slug)
}

// ArticleSummary loads one article's own row and section, whatever its
// status, without its body, authors, tags, credits, corrections or comment
// count: for a handler that needs only its status, headline and address
// (a comment feed, a comment being posted), one query instead of seven.
func (s *Store) ArticleSummary(ctx context.Context, sectionSlug, slug string) (*news.Article, error) {
	var a news.Article
	row := s.db.QueryRowContext(ctx, s.q(`SELECT `+articleCols+`, '' FROM articles a JOIN sections s ON s.id = a.section_id
		WHERE s.slug = ? AND a.slug = ?`), sectionSlug, slug)
	if err := scanArticle(row, &a, &a.BodyHTML); err != nil {
		return nil, s.wrap(err, "article %s/%s", sectionSlug, slug)
	}
	return &a, nil
}

// ArticleByID loads one article by ID with everything it carries.
func (s *Store) ArticleByID(ctx context.Context, id int64) (*news.Article, error) {
	return s.loadArticle(ctx, `a.id = ?`, id)
}

func (s *Store) loadArticle(ctx context.Context, where string, args ...any) (*news.Article, error) {
	var a news.Article
	row := s.db.QueryRowContext(ctx, s.q(`SELECT `+articleCols+`, b.body_md, b.body_html
		FROM articles a JOIN sections s ON s.id = a.section_id JOIN article_bodies b ON b.article_id = a.id WHERE `+where), args...)
	if err := scanArticle(row, &a, &a.BodyMarkdown, &a.BodyHTML); err != nil {
		return nil, s.wrap(err, "article %v", args)
	}
	list := []*news.Article{&a}
	if err := s.fillAuthors(ctx, list, true); err != nil {
		return nil, err
	}
	if err := s.fillCommentCounts(ctx, list); err != nil {
		return nil, err
	}
	if err := s.fillTags(ctx, list); err != nil {
		return nil, err
	}
	if err := s.fillCredits(ctx, &a); err != nil {
		return nil, err
	}
	if err := s.fillCorrections(ctx, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// ArticleFilter selects a list of articles. The zero value lists published
// stories, newest first.
type ArticleFilter struct {
	Status         news.Status   // default published
	Statuses       []news.Status // any of these instead of Status
	ByModified     bool          // newest change first instead of newest publication
	SectionID      int64
	AuthorID       int64
	TagID          int64
	SourceID       int64
	PublishedAfter time.Time
	Limit          int // default 20, at most 50,000
	Offset         int
	WithBody       bool // load BodyHTML (feeds)
	WithTags       bool // load Tags (feeds)
	NoTotal        bool // skip counting
}

// Articles lists articles matching f with their sections and authors, newest
// first, and the number that match in all.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]news.Article, int, error) {
	if f.Status == "" {
		f.Status = news.StatusPublished
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	if f.Limit > 50_000 {
		f.Limit = 50_000
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	// An author's, tag's or source's list starts from that link table,
	// whose rows carry their story's status and publication time (kept by
	// triggers, migration 0010) and are indexed in that order: a page reads
	// its own stories and no more, and a count reads the index alone. CROSS
	// JOIN fixes the order of the tables on SQLite; PostgreSQL reads it as
	// an inner join. A second link filter, which nothing asks for today,
	// tests each story.
	from, t := "articles a", "a" // t: the table whose status and time select and order
	var linkWhere []string
	var linkArgs []any
	link := func(table, column string, id int64) {
		if from == "articles a" {
			from, t = table+" x CROSS JOIN articles a", "x"
			linkWhere = append(linkWhere, "x."+column+" = ?")
			linkArgs = append(linkArgs, id)
			return
		}
		linkWhere = append(linkWhere, "EXISTS (SELECT 1 FROM "+table+" y WHERE y.article_id = a.id AND y."+column+" = ?)")
		linkArgs = append(linkArgs, id)
	}
	if f.AuthorID != 0 {
		link("article_authors", "author_id", f.AuthorID)
	}
	if f.TagID != 0 {
		link("article_tags", "tag_id", f.TagID)
	}
	// A story may credit a source twice; it is listed once, by its first
	// credit (or, when the list is read from the link index alone, once by
	// DISTINCT, which costs no lookup a row).
	firstCredit := ""
	if f.SourceID != 0 {
		link("article_credits", "source_id", f.SourceID)
		if strings.HasPrefix(from, "article_credits ") {
			firstCredit = "x.position = (SELECT MIN(y.position) FROM article_credits y WHERE y.article_id = x.article_id AND y.source_id = x.source_id)"
		}
	}
	var where []string
	var args []any
	if t == "x" {
		// The link's own columns come first, in the index's order.
		where, args = append(where, linkWhere[0]), append(args, linkArgs[0])
		linkWhere, linkArgs = linkWhere[1:], linkArgs[1:]
	}
	if len(f.Statuses) > 0 {
		where = append(where, t+".status IN ("+placeholders(len(f.Statuses))+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	} else {
		where = append(where, t+".status = ?")
		args = append(args, string(f.Status))
	}
	// A count of a link list's stories reads the link table alone, unless
	// some condition is on the stories themselves.
	linkOnly := t == "x" && f.SectionID == 0 && len(linkArgs) == 0
	// DISTINCT serves only the index-first query below, which a list by
	// modification time does not take; every other query keeps the
	// first-credit condition.
	indexFirst := linkOnly && !f.ByModified
	if firstCredit != "" && !indexFirst {
		linkWhere = append(linkWhere, firstCredit)
	}
	distinct, count := "", "COUNT(*)"
	if firstCredit != "" && indexFirst {
		distinct, count = "DISTINCT ", "COUNT(DISTINCT x.article_id)"
	}
	countFrom, countWhere := from, where
	if linkOnly {
		countFrom = strings.TrimSuffix(from, " CROSS JOIN articles a")
		countWhere = append(append([]string(nil), where...), linkWhere...)
	}
	if t == "x" {
		where = append(where, "x.article_id = a.id")
	}
	where, args = append(where, linkWhere...), append(args, linkArgs...)
	if f.SectionID != 0 {
		where = append(where, "a.section_id = ?")
		args = append(args, f.SectionID)
	}
	if !f.PublishedAfter.IsZero() {
		where = append(where, t+".published_at > ?")
		args = append(args, dbTime(f.PublishedAfter))
		countWhere = append(countWhere, t+".published_at > ?")
	}
	cond := strings.Join(where, " AND ")
	if !linkOnly {
		countFrom, countWhere = from, where
	}
	order := "a.published_at DESC, a.id DESC"
	if t == "x" {
		order = "x.published_at DESC, x.article_id DESC" // the link index's order
	}
	if f.ByModified {
		order = "a.modified_at DESC, a.id DESC"
	}
	body, bodyJoin := "''", ""
	if f.WithBody {
		body, bodyJoin = "b.body_html", " JOIN article_bodies b ON b.article_id = a.id"
	}
	query := `SELECT ` + articleCols + `, ` + body + ` FROM ` + from + ` JOIN sections s ON s.id = a.section_id` + bodyJoin + `
		WHERE ` + cond + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	if indexFirst {
		// The page's stories are picked from the link index alone, and
		// only they are joined: joined first, every story an OFFSET skips
		// was read, and an export, which renders every page of every tag,
		// read each tag's stories once for each of its pages.
		query = `SELECT ` + articleCols + `, ` + body + ` FROM (SELECT ` + distinct + `x.article_id, x.published_at FROM ` + countFrom + `
			WHERE ` + strings.Join(countWhere, " AND ") + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?) x
			CROSS JOIN articles a JOIN sections s ON s.id = a.section_id` + bodyJoin + `
			WHERE a.id = x.article_id ORDER BY ` + order
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, s.wrap(err, "list articles")
	}
	out, err := s.collectArticles(rows)
	if err != nil {
		return nil, 0, s.wrap(err, "list articles")
	}
	total := len(out) + f.Offset
	if !f.NoTotal && (len(out) == f.Limit || (len(out) == 0 && f.Offset > 0)) {
		if total, err = s.countArticles(ctx, `SELECT `+count+` FROM `+countFrom+` WHERE `+strings.Join(countWhere, " AND "), args); err != nil {
			return nil, 0, s.wrap(err, "count articles")
		}
	}
	if err := s.fillLists(ctx, out, f.WithTags); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// countArticles runs a list's count, or, with CountListsOnce, answers it from
// the first time it ran.
func (s *Store) countArticles(ctx context.Context, query string, args []any) (int, error) {
	var key string
	if s.counts != nil {
		key = query + "\x00" + fmt.Sprintf("%#v", args)
		s.countsMu.Lock()
		n, ok := s.counts[key]
		s.countsMu.Unlock()
		if ok {
			return n, nil
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(query), args...).Scan(&n); err != nil {
		return 0, err
	}
	if s.counts != nil {
		s.countsMu.Lock()
		s.counts[key] = n
		s.countsMu.Unlock()
	}
	return n, nil
}

// collectArticles scans list rows whose last column is the body HTML.
func (s *Store) collectArticles(rows *sql.Rows) ([]news.Article, error) {
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		var a news.Article
		if err := scanArticle(rows, &a, &a.BodyHTML); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (s *Store) fillLists(ctx context.Context, out []news.Article, withTags bool) error {
	ptrs := make([]*news.Article, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if err := s.fillAuthors(ctx, ptrs, false); err != nil {
		return err
	}
	if err := s.fillCommentCounts(ctx, ptrs); err != nil {
		return err
	}
	if withTags {
		return s.fillTags(ctx, ptrs)
	}
	return nil
}

// fillCommentCounts sets each article's count of approved comments. It is one
// query for a whole list: as a correlated subquery in articleCols the count
// cost more on SQLite than reading the rest of the row.
func (s *Store) fillCommentCounts(ctx context.Context, as []*news.Article) error {
	if len(as) == 0 {
		return nil
	}
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	counts, err := s.CommentCounts(ctx, ids)
	if err != nil {
		return err
	}
	for _, a := range as {
		a.CommentCount = counts[a.ID]
	}
	return nil
}

// batch is the most ids one IN list carries.
const batch = 500

// eachBatch calls fn with the articles in slices of at most batch, with their ids.
func eachBatch(as []*news.Article, fn func(ids []int64, byID map[int64]*news.Article) error) error {
	for start := 0; start < len(as); start += batch {
		end := min(start+batch, len(as))
		ids := make([]int64, 0, end-start)
		byID := make(map[int64]*news.Article, end-start)
		for _, a := range as[start:end] {
			ids = append(ids, a.ID)
			byID[a.ID] = a
		}
		if err := fn(ids, byID); err != nil {
			return err
		}
	}
	return nil
}

// fillAuthors sets each article's authors in byline order. Lists take them
// without the bio and links, which only a story's own page shows (its author
// box and NewsArticle data): a card names its authors, and a feed item adds
// a portrait.
func (s *Store) fillAuthors(ctx context.Context, as []*news.Article, full bool) error {
	cols := `a.id, a.slug, a.name, a.job_title, a.photo_url`
	if full {
		cols = authorCols
	}
	err := eachBatch(as, func(ids []int64, byID map[int64]*news.Article) error {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+cols+`, x.article_id FROM article_authors x JOIN authors a ON a.id = x.author_id
			WHERE x.article_id IN (`+placeholders(len(ids))+`) ORDER BY x.article_id, x.position`), int64Args(ids)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var au news.Author
			var articleID int64
			if full {
				err = scanAuthor(rows, &au, &articleID)
			} else {
				err = rows.Scan(&au.ID, &au.Slug, &au.Name, &au.JobTitle, &au.PhotoURL, &articleID)
			}
			if err != nil {
				return err
			}
			byID[articleID].Authors = append(byID[articleID].Authors, au)
		}
		return rows.Err()
	})
	return s.wrap(err, "article authors")
}

func (s *Store) fillTags(ctx context.Context, as []*news.Article) error {
	err := eachBatch(as, func(ids []int64, byID map[int64]*news.Article) error {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT t.id, t.slug, t.name, x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id
			WHERE x.article_id IN (`+placeholders(len(ids))+`) ORDER BY x.article_id, t.name`), int64Args(ids)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t news.Tag
			var articleID int64
			if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &articleID); err != nil {
				return err
			}
			byID[articleID].Tags = append(byID[articleID].Tags, t)
		}
		return rows.Err()
	})
	return s.wrap(err, "article tags")
}

func (s *Store) fillCredits(ctx context.Context, a *news.Article) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT src.id, src.slug, src.name, src.url, c.kind, c.url
		FROM article_credits c JOIN sources src ON src.id = c.source_id WHERE c.article_id = ? ORDER BY c.position`), a.ID)
	if err != nil {
		return s.wrap(err, "article %d credits", a.ID)
	}
	defer rows.Close()
	for rows.Next() {
		var c news.Credit
		var kind string
		if err := rows.Scan(&c.Source.ID, &c.Source.Slug, &c.Source.Name, &c.Source.URL, &kind, &c.URL); err != nil {
			return s.wrap(err, "article %d credits", a.ID)
		}
		c.Kind = news.CreditKind(kind)
		a.Credits = append(a.Credits, c)
	}
	return s.wrap(rows.Err(), "article %d credits", a.ID)
}

func (s *Store) fillCorrections(ctx context.Context, a *news.Article) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, article_id, kind, body, created_at FROM corrections WHERE article_id = ? ORDER BY created_at, id`), a.ID)
	if err != nil {
		return s.wrap(err, "article %d corrections", a.ID)
	}
	defer rows.Close()
	for rows.Next() {
		var c news.Correction
		if err := scanCorrection(rows, &c); err != nil {
			return s.wrap(err, "article %d corrections", a.ID)
		}
		a.Corrections = append(a.Corrections, c)
	}
	return s.wrap(rows.Err(), "article %d corrections", a.ID)
}

func scanCorrection(sc interface{ Scan(...any) error }, c *news.Correction, extra ...any) error {
	var kind string
	if err := sc.Scan(append([]any{&c.ID, &c.ArticleID, &kind, &c.Text, timeScan{&c.CreatedAt}}, extra...)...); err != nil {
		return err
	}
	c.Kind = news.CorrectionKind(kind)
	return nil
}

// relatedByTaxonomy returns up to n published stories related to a, best
// first, when no related list is stored for a (see Related): each
// shared tag counts 3, each shared author 2, the same section 2; ties go to the
// newer story. The story itself is never among them. Candidates are drawn from
// the most recent stories sharing a tag, an author or the section, so the cost
// stays bounded on a large archive.
func (s *Store) relatedByTaxonomy(ctx context.Context, a *news.Article, n int) ([]news.Article, error) {
	// Each tag's, author's and the section's newest stories come from an
	// index in list order (the link tables carry their stories' status and
	// time), one branch each, so that a tag of fifty thousand stories costs
	// no more than a small one. CROSS JOIN keeps SQLite from reading the
	// candidates' rows by walking every published story instead.
	const perBranch = 100
	var branches []string
	var args []any
	for _, t := range a.Tags {
		branches = append(branches, `SELECT * FROM (SELECT article_id AS id, 3 AS w FROM article_tags
			WHERE tag_id = ? AND status = 'published' ORDER BY published_at DESC, article_id DESC LIMIT ?) t`)
		args = append(args, t.ID, perBranch)
	}
	for _, au := range a.Authors {
		branches = append(branches, `SELECT * FROM (SELECT article_id AS id, 2 AS w FROM article_authors
			WHERE author_id = ? AND status = 'published' ORDER BY published_at DESC, article_id DESC LIMIT ?) au`)
		args = append(args, au.ID, perBranch)
	}
	branches = append(branches, `SELECT * FROM (SELECT id, 2 AS w FROM articles
		WHERE section_id = ? AND status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?) sec`)
	args = append(args, a.Section.ID, perBranch)
	rows, err := s.db.QueryContext(ctx, s.q(`
		WITH cand (id, w) AS (`+strings.Join(branches, "\n\t\t\tUNION ALL\n\t\t\t")+`),
		scored (id, score) AS (SELECT id, SUM(w) FROM cand WHERE id <> ? GROUP BY id)
		SELECT `+articleCols+`, '' FROM scored sc
		CROSS JOIN articles a JOIN sections s ON s.id = a.section_id
		WHERE a.id = sc.id AND a.status = 'published'
		ORDER BY sc.score DESC, a.published_at DESC, a.id DESC LIMIT ?`), append(args, a.ID, n)...)
	if err != nil {
		return nil, s.wrap(err, "article %d related", a.ID)
	}
	out, err := s.collectArticles(rows)
	if err != nil {
		return nil, s.wrap(err, "article %d related", a.ID)
	}
	if err := s.fillLists(ctx, out, false); err != nil {
		return nil, err
	}
	return out, nil
}

// CorrectionEntry is one line of the site-wide corrections log.
type CorrectionEntry struct {
	news.Correction
	Article news.Article // without body, authors or tags
}

// Corrections lists corrections and updates on published stories, newest
// first, and how many there are. The log is read from the corrections, newest
// first, each looking up its story (CROSS JOIN fixes that order on SQLite,
// whose planner would otherwise walk every published story looking for
// corrections).
func (s *Store) Corrections(ctx context.Context, limit, offset int) ([]CorrectionEntry, int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleCols+`, c.id, c.article_id, c.kind, c.body, c.created_at
		FROM corrections c CROSS JOIN articles a JOIN sections s ON s.id = a.section_id
		WHERE a.id = c.article_id AND a.status = 'published' ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`), limit, offset)
	if err != nil {
		return nil, 0, s.wrap(err, "corrections")
	}
	defer rows.Close()
	var out []CorrectionEntry
	for rows.Next() {
		var e CorrectionEntry
		var kind string
		c := &e.Correction
		if err := scanArticle(rows, &e.Article, &c.ID, &c.ArticleID, &kind, &c.Text, timeScan{&c.CreatedAt}); err != nil {
			return nil, 0, s.wrap(err, "corrections")
		}
		c.Kind = news.CorrectionKind(kind)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.wrap(err, "corrections")
	}
	var total int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM corrections c CROSS JOIN articles a WHERE a.id = c.article_id AND a.status = 'published'`).Scan(&total)
	return out, total, s.wrap(err, "count corrections")
}
