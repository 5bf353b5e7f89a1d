package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Related articles.
//
// A story's related stories are scored by how much they are about the same
// thing, from their keywords (TF-IDF, cosine), by shared tags, section and
// authors, and by how close in time they were published. The best
// relatedKeep are stored in related_articles when the story is published or
// changed; the story is then offered to the lists of its best candidates,
// which take it when it beats their weakest entry, and the lists that held a
// changed or withdrawn story are computed again. The score is symmetric, so
// offering the story to others gives them what computing their lists again
// would, but for the drift of keyword weights as the archive grows, which
// RebuildRelated settles. Everything is ordered with ties broken by id, so the
// same writes give the same lists.

// Related-article parameters.
const (
	relatedKeep       = 6   // stories stored per list
	relatedTerms      = 16  // strongest keywords kept per story
	relatedPosting    = 200 // most stories read per keyword, strongest first
	relatedByText     = 40  // candidates taken by text
	relatedByTag      = 10  // candidates taken by each shared tag, newest first
	relatedByAuthor   = 10  // candidates taken by each shared author, when few
	relatedNeighbours = 20  // best candidates a new story is offered to
	weightScale       = 1000
)

// Related returns up to n published stories related to a, best first, from
// the list stored when a was last published or changed. When none is stored
// (the story is not published, or was indexed before related articles
// existed), it falls back to ranking by shared tags, authors and section.
func (s *Store) Related(ctx context.Context, a *news.Article, n int) ([]news.Article, error) {
	out, _, err := s.RelatedFor(ctx, a, n)
	return out, err
}

// RelatedFor is Related, and reports whether the stories were chosen by
// shared tags, authors and section because a has no stored list: that choice
// changes whenever a story joins one of those lists, where a stored list
// changes only when its RelatedKey is recorded.
func (s *Store) RelatedFor(ctx context.Context, a *news.Article, n int) (list []news.Article, byTaxonomy bool, err error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleCols+`, ''
		FROM related_articles r JOIN articles a ON a.id = r.related_id JOIN sections s ON s.id = a.section_id
		WHERE r.article_id = ? AND a.status = 'published'
		ORDER BY r.score DESC, r.related_id DESC LIMIT ?`), a.ID, n)
	if err != nil {
		return nil, false, s.wrap(err, "article %d related", a.ID)
	}
	out, err := s.collectArticles(rows)
	if err != nil {
		return nil, false, s.wrap(err, "article %d related", a.ID)
	}
	if len(out) == 0 {
		out, err = s.relatedByTaxonomy(ctx, a, n)
		return out, true, err
	}
	if err := s.fillLists(ctx, out, false); err != nil {
		return nil, false, err
	}
	return out, false, nil
}

// insertRelatedTerms writes the strongest keywords of each doc, weighted by
// TF-IDF against the document frequencies now in search_terms.
func (s *Store) insertRelatedTerms(ctx context.Context, tx *sql.Tx, docs []searchDoc, kws []map[string]int) error {
	if len(docs) == 0 {
		return nil
	}
	need := map[string]bool{"": true}
	for _, kw := range kws {
		for t := range kw {
			need[t] = true
		}
	}
	terms := make([]string, 0, len(need))
	for t := range need {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	df := make(map[string]int, len(terms))
	for start := 0; start < len(terms); start += batch {
		chunk := terms[start:min(start+batch, len(terms))]
		rows, err := tx.QueryContext(ctx, s.q(`SELECT term, docs FROM search_terms WHERE term IN (`+placeholders(len(chunk))+`)`), stringArgs(chunk)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var t string
			var n int
			if err := rows.Scan(&t, &n); err != nil {
				rows.Close()
				return err
			}
			df[t] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	total := max(df[""], 1)
	// Each story's strongest terms, weighed on every CPU; then all the rows
	// in the order of related_terms_term, so that its pages fill one after
	// the other instead of each row landing on a page of its own.
	tops := make([][]termWeight, len(docs))
	parallel(len(docs), runtime.GOMAXPROCS(0), func(i int) { tops[i] = topTerms(kws[i], df, total) })()
	type row struct {
		id int64
		termWeight
	}
	var rows []row
	for i, d := range docs {
		for _, tw := range tops[i] {
			rows = append(rows, row{d.id, tw})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(strings.Compare(a.term, b.term), cmp.Compare(b.weight, a.weight), cmp.Compare(a.id, b.id))
	})
	const rowsPer = 300
	var full *sql.Stmt // for a whole chunk of rowsPer, prepared once
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for start := 0; start < len(rows); start += rowsPer {
		chunk := rows[start:min(start+rowsPer, len(rows))]
		args := make([]any, 0, 3*len(chunk))
		for _, r := range chunk {
			args = append(args, r.id, r.term, r.weight)
		}
		query := s.q(`INSERT INTO related_terms (article_id, term, weight) VALUES ` + valuesList(len(chunk), 3))
		var err error
		switch {
		case len(chunk) < rowsPer:
			_, err = tx.ExecContext(ctx, query, args...)
		case full == nil:
			if full, err = tx.PrepareContext(ctx, query); err == nil {
				_, err = full.ExecContext(ctx, args...)
			}
		default:
			_, err = full.ExecContext(ctx, args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type termWeight struct {
	term   string
	weight int
}

// topTerms weighs a story's keywords by TF-IDF, (1 + ln tf) · ln(1 + N/df),
// keeps the strongest relatedTerms and scales them to a length of
// weightScale.
func topTerms(kw map[string]int, df map[string]int, total int) []termWeight {
	type tw struct {
		term string
		w    float64
	}
	// before orders the strongest first, and equal weights by term.
	before := func(a, b tw) bool { return a.w > b.w || a.w == b.w && a.term < b.term }
	// The strongest relatedTerms, kept in order as the weights come: a
	// story has some hundreds of keywords, and most are weaker than the
	// weakest kept.
	all := make([]tw, 0, relatedTerms+1)
	for t, tf := range kw {
		x := tw{t, (1 + math.Log(float64(tf))) * math.Log(1+float64(total)/float64(max(df[t], 1)))}
		if len(all) == relatedTerms && !before(x, all[len(all)-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(all, x, func(a, b tw) int {
			if before(a, b) {
				return -1
			}
			return 1
		})
		all = slices.Insert(all, i, x)
		if len(all) > relatedTerms {
			all = all[:relatedTerms]
		}
	}
	var norm float64
	for _, t := range all {
		norm += t.w * t.w
	}
	norm = math.Sqrt(norm)
	out := make([]termWeight, 0, len(all))
	for _, t := range all {
		if w := int(math.Round(weightScale * t.w / norm)); w > 0 {
			out = append(out, termWeight{t.term, w})
		}
	}
	return out
}

// relatedCandidate is a story that may be related to the subject, with what
// the score is made of.
type relatedCandidate struct {
	id          int64
	dot         int64 // dot product of the keyword weights, up to weightScale²
	tags        int   // tags shared
	authors     int   // authors shared
	sameSection bool
	published   time.Time
	score       int64
}

// relatedScore weighs a candidate for a subject published at t: text
// similarity counts most; shared tags, then authors and section, then
// closeness in time add to it. It is symmetric in subject and candidate.
func relatedScore(c relatedCandidate, t time.Time) int64 {
	cos := float64(c.dot) / (weightScale * weightScale)
	days := math.Abs(c.published.Sub(t).Hours()) / 24
	score := 100*cos + 8*float64(min(c.tags, 3)) + 4*float64(min(c.authors, 2)) + 6/(1+days/30)
	if c.sameSection {
		score += 4
	}
	return int64(math.Round(score * 1000))
}

// relatedScorer computes related lists for many stories in one transaction.
// Its statements are prepared once, and what it reads is kept while it
// cannot change: each keyword's strongest stories, each tag's newest
// stories, and each story's facts. Nothing it reads is written while it
// scores (related_terms and the stories stay as they are), only
// related_articles.
type relatedScorer struct {
	s        *Store
	tx       *sql.Tx
	stmts    []*sql.Stmt
	lists    map[string]*sql.Stmt // by query and IN-list lengths
	postings map[string][]posting // by keyword
	byTag    map[int64][]int64    // newest stories by tag
	facts    map[int64]*facts     // by story
	held     int                  // entries in the three, about

	terms, posting, tagged, byAuthor, near, current, clear, upsert, trim *sql.Stmt
}

// touch says that id's related list changed: its page shows something new.
// The key is recorded with the transaction's change when it commits.
func (r *relatedScorer) touch(id int64) { r.s.deferKeys(r.tx, news.RelatedKey(id)) }

// posting is a story that has a keyword, with its weight.
type posting struct {
	id     int64
	weight int64
}

// facts are what the score needs to know of a story.
type facts struct {
	published     bool
	section       int64
	at            time.Time
	tags, authors []int64 // in ascending order
}

func (s *Store) newRelatedScorer(ctx context.Context, tx *sql.Tx) (*relatedScorer, error) {
	r := &relatedScorer{s: s, tx: tx, lists: map[string]*sql.Stmt{}}
	r.forget()
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&r.terms, `SELECT term, weight FROM related_terms WHERE article_id = ? ORDER BY weight DESC, term`},
		{&r.posting, `SELECT article_id, weight FROM related_terms WHERE term = ? ORDER BY weight DESC, article_id LIMIT ?`},
		{&r.tagged, `SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id DESC LIMIT ?`},
		{&r.byAuthor, `SELECT article_id FROM article_authors WHERE author_id = ? AND article_id <> ? ORDER BY article_id DESC LIMIT ?`},
		{&r.near, `SELECT id FROM (SELECT id FROM articles WHERE section_id = ? AND status = 'published' AND id <> ? AND published_at <= ?
				ORDER BY published_at DESC, id DESC LIMIT ?) older
			UNION SELECT id FROM (SELECT id FROM articles WHERE section_id = ? AND status = 'published' AND id <> ? AND published_at > ?
				ORDER BY published_at, id LIMIT ?) newer`},
		{&r.current, `SELECT related_id, score FROM related_articles WHERE article_id = ?`},
		{&r.clear, `DELETE FROM related_articles WHERE article_id = ?`},
		// Changes no row when the entry is there with its score, so that
		// RowsAffected tells a real change.
		{&r.upsert, `INSERT INTO related_articles (article_id, related_id, score) VALUES (?, ?, ?)
			ON CONFLICT (article_id, related_id) DO UPDATE SET score = excluded.score WHERE related_articles.score <> excluded.score`},
		{&r.trim, `DELETE FROM related_articles WHERE article_id = ? AND related_id NOT IN
			(SELECT related_id FROM related_articles WHERE article_id = ? ORDER BY score DESC, related_id DESC LIMIT ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, s.q(p.query))
		if err != nil {
			r.close()
			return nil, err
		}
		*p.stmt = stmt
		r.stmts = append(r.stmts, stmt)
	}
	return r, nil
}

// holds reports whether the stored list of id is list already.
func (r *relatedScorer) holds(ctx context.Context, id int64, list []relatedCandidate) (bool, error) {
	rows, err := r.current.QueryContext(ctx, id)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	stored := map[int64]int64{}
	for rows.Next() {
		var rel, score int64
		if err := rows.Scan(&rel, &score); err != nil {
			return false, err
		}
		stored[rel] = score
	}
	if err := rows.Err(); err != nil || len(stored) != len(list) {
		return false, err
	}
	for _, c := range list {
		if score, ok := stored[c.id]; !ok || score != c.score {
			return false, nil
		}
	}
	return true, nil
}

func (r *relatedScorer) close() {
	for _, st := range r.stmts {
		st.Close()
	}
}

// forget drops what has been read: call it to bound the memory a long run
// holds.
func (r *relatedScorer) forget() {
	r.postings = map[string][]posting{}
	r.byTag = map[int64][]int64{}
	r.facts = map[int64]*facts{}
	r.held = 0
}

// relatedHeld is about how many postings and tag list entries (a story's
// facts count as eight) a relatedScorer holds before a long run forgets
// them: some tens of megabytes. Forgetting more often reads the same
// keywords' postings again and again: a rebuild of 100,000 stories that
// forgot every 500 stories read each of some thousands of keywords' 200
// strongest stories 200 times.
// (A variable so that tests can make a run forget at every story.)
var relatedHeld = 1 << 21

// inLists returns a prepared statement for query with each %s replaced by
// an IN list, and the arguments for the lists. Each list is padded to a power
// of two with 0, which is never an id, so that a few statements serve every
// length.
func (r *relatedScorer) inLists(ctx context.Context, query string, lists ...[]int64) (*sql.Stmt, []any, error) {
	key := query
	var marks []any
	var args []any
	for _, ids := range lists {
		n := 8
		for n < len(ids) {
			n *= 2
		}
		key += "/" + strconv.Itoa(n)
		marks = append(marks, placeholders(n))
		for i := range n {
			if i < len(ids) {
				args = append(args, ids[i])
			} else {
				args = append(args, int64(0))
			}
		}
	}
	st, ok := r.lists[key]
	if !ok {
		var err error
		if st, err = r.tx.PrepareContext(ctx, r.s.q(fmt.Sprintf(query, marks...))); err != nil {
			return nil, nil, err
		}
		r.lists[key] = st
		r.stmts = append(r.stmts, st)
	}
	return st, args, nil
}

// ids runs a prepared query of one integer column.
func ids(ctx context.Context, st *sql.Stmt, args ...any) ([]int64, error) {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// postingsOf returns the strongest relatedPosting stories with term.
func (r *relatedScorer) postingsOf(ctx context.Context, term string) ([]posting, error) {
	if pl, ok := r.postings[term]; ok {
		return pl, nil
	}
	rows, err := r.posting.QueryContext(ctx, term, relatedPosting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var pl []posting
	for rows.Next() {
		var p posting
		if err := rows.Scan(&p.id, &p.weight); err != nil {
			return nil, err
		}
		pl = append(pl, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	r.postings[term] = pl
	r.held += len(pl) + 1
	return pl, nil
}

// load reads the facts of those of ids not read yet.
func (r *relatedScorer) load(ctx context.Context, ids []int64) error {
	var missing []int64
	for _, id := range ids {
		if _, ok := r.facts[id]; !ok {
			missing = append(missing, id)
			r.facts[id] = &facts{} // not published until read so
			r.held += 8            // a story's facts weigh some eight postings
		}
	}
	for start := 0; start < len(missing); start += batch {
		chunk := missing[start:min(start+batch, len(missing))]
		st, args, err := r.inLists(ctx, `SELECT id, status, section_id, published_at FROM articles WHERE id IN (%s)`, chunk)
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var status string
			var f facts
			if err := rows.Scan(&id, &status, &f.section, timeScan{&f.at}); err != nil {
				rows.Close()
				return err
			}
			f.published = status == string(news.StatusPublished)
			*r.facts[id] = f
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, q := range []struct {
			query string
			list  func(*facts) *[]int64
		}{
			{`SELECT article_id, tag_id FROM article_tags WHERE article_id IN (%s) ORDER BY article_id, tag_id`, func(f *facts) *[]int64 { return &f.tags }},
			{`SELECT article_id, author_id FROM article_authors WHERE article_id IN (%s) ORDER BY article_id, author_id`, func(f *facts) *[]int64 { return &f.authors }},
		} {
			st, args, err := r.inLists(ctx, q.query, chunk)
			if err != nil {
				return err
			}
			rows, err := st.QueryContext(ctx, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, x int64
				if err := rows.Scan(&id, &x); err != nil {
					rows.Close()
					return err
				}
				l := q.list(r.facts[id])
				*l = append(*l, x)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// shared counts the values two ascending lists have in common.
func shared(a, b []int64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// score finds and scores the stories related to the published story id,
// best first; nil when id is not published.
func (r *relatedScorer) score(ctx context.Context, id int64) ([]relatedCandidate, error) {
	if err := r.load(ctx, []int64{id}); err != nil {
		return nil, err
	}
	subject := r.facts[id]
	if !subject.published {
		return nil, nil
	}

	// Candidates by text: the stories that share the subject's keywords,
	// through each keyword's strongest relatedPosting stories.
	rows, err := r.terms.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	var terms []termWeight
	for rows.Next() {
		var tw termWeight
		if err := rows.Scan(&tw.term, &tw.weight); err != nil {
			rows.Close()
			return nil, err
		}
		terms = append(terms, tw)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	dots := map[int64]int64{}
	for _, tw := range terms {
		pl, err := r.postingsOf(ctx, tw.term)
		if err != nil {
			return nil, err
		}
		for _, p := range pl {
			if p.id != id {
				dots[p.id] += int64(tw.weight) * p.weight
			}
		}
	}
	byDot := make([]posting, 0, len(dots))
	for cid, dot := range dots {
		byDot = append(byDot, posting{cid, dot})
	}
	slices.SortFunc(byDot, func(a, b posting) int {
		if a.weight != b.weight {
			return cmp.Compare(b.weight, a.weight)
		}
		return cmp.Compare(b.id, a.id)
	})
	cands := make([]int64, 0, relatedByText+relatedByTag*len(subject.tags))
	for _, p := range byDot[:min(len(byDot), relatedByText)] {
		cands = append(cands, p.id)
	}

	// Candidates by tag, the newest first; and when the text and the tags
	// give too few, by author and then the stories of the same section
	// nearest in time.
	for _, tag := range subject.tags {
		newest, ok := r.byTag[tag]
		if !ok {
			if newest, err = ids(ctx, r.tagged, tag, relatedByTag+1); err != nil {
				return nil, err
			}
			r.byTag[tag] = newest
			r.held += len(newest) + 1
		}
		n := 0
		for _, c := range newest {
			if c != id && n < relatedByTag {
				cands = append(cands, c)
				n++
			}
		}
	}
	if len(cands) < relatedKeep*2 {
		for _, au := range subject.authors {
			more, err := ids(ctx, r.byAuthor, au, id, relatedByAuthor)
			if err != nil {
				return nil, err
			}
			cands = append(cands, more...)
		}
	}
	if len(cands) < relatedKeep*2 {
		more, err := ids(ctx, r.near, subject.section, id, dbTime(subject.at), relatedKeep, subject.section, id, dbTime(subject.at), relatedKeep)
		if err != nil {
			return nil, err
		}
		cands = append(cands, more...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	if err := r.load(ctx, cands); err != nil {
		return nil, err
	}
	var out []relatedCandidate
	for _, cid := range cands {
		f := r.facts[cid]
		if !f.published {
			continue
		}
		c := relatedCandidate{
			id: cid, dot: dots[cid], published: f.at, sameSection: f.section == subject.section,
			tags: shared(f.tags, subject.tags), authors: shared(f.authors, subject.authors),
		}
		c.score = relatedScore(c, subject.at)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b relatedCandidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(b.id, a.id)
	})
	return out, nil
}

// write stores the best relatedKeep of list as id's related stories.
func (r *relatedScorer) write(ctx context.Context, id int64, list []relatedCandidate) error {
	list = list[:min(len(list), relatedKeep)]
	same, err := r.holds(ctx, id, list)
	if err != nil || same {
		return err
	}
	r.touch(id)
	if _, err := r.clear.ExecContext(ctx, id); err != nil {
		return err
	}
	for _, c := range list[:min(len(list), relatedKeep)] {
		if _, err := r.upsert.ExecContext(ctx, id, c.id, c.score); err != nil {
			return err
		}
	}
	return nil
}

// offer puts id into the lists of its best candidates where it beats their
// weakest entry (or they are not full), keeping each list at relatedKeep.
func (r *relatedScorer) offer(ctx context.Context, id int64, list []relatedCandidate) error {
	list = list[:min(len(list), relatedNeighbours)]
	if len(list) == 0 {
		return nil
	}
	type stat struct {
		n        int
		minScore int64
	}
	cands := make([]int64, len(list))
	for i, c := range list {
		cands[i] = c.id
	}
	st, args, err := r.inLists(ctx, `SELECT article_id, COUNT(*), MIN(score) FROM related_articles WHERE article_id IN (%s) GROUP BY article_id`, cands)
	if err != nil {
		return err
	}
	stats := map[int64]stat{}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var aid int64
		var st stat
		if err := rows.Scan(&aid, &st.n, &st.minScore); err != nil {
			rows.Close()
			return err
		}
		stats[aid] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range list {
		st := stats[c.id]
		if st.n >= relatedKeep && c.score <= st.minScore {
			continue
		}
		res, err := r.upsert.ExecContext(ctx, c.id, id, c.score)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			continue // there already, with this score
		}
		r.touch(c.id)
		if st.n >= relatedKeep {
			if _, err := r.trim.ExecContext(ctx, c.id, c.id, relatedKeep); err != nil {
				return err
			}
		}
	}
	return nil
}
