package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"html"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/herald-news/herald/internal/news"
)

// Search finds published stories: full text over headline, standfirst, body,
// corrections, tags, authors and credited sources, on SQLite through FTS5
// ranked by bm25 and on PostgreSQL through a weighted tsvector. The engines'
// differences live in the dialects; this file is the same for both.
//
// The index holds published stories and nothing else. Every write that
// changes a story calls refreshSearch inside its own transaction, so the index
// and the related-article lists change in the same commit as the story.
//
// Ranking costs time for every story it ranks, and a common word matches a
// good share of a large archive. So a search ranks, and counts, the
// SearchCap most recently published stories that match, found newest first
// through the index (kept in order of publication, see searchSeq) without
// ranking the rest; a query that matches more says so (SearchResults.More).
// A particular search, the kind that looks for one story, matches far fewer
// and is ranked over the whole archive.

// SearchCap is the most stories one search ranks and counts: the newest that
// match.
const SearchCap = 1000

// Limits of one page of results.
const (
	searchDefaultLimit = 20
	searchMaxLimit     = 100
)

// SearchFilter is one search: the query, which stories it may find, their
// order and the page. The zero filters match every published story.
type SearchFilter struct {
	Query     news.SearchQuery
	SectionID int64
	AuthorID  int64
	TagID     int64
	From      time.Time       // published at or after, when not zero
	To        time.Time       // published before, when not zero
	Sort      news.SearchSort // relevance when empty
	Limit     int             // default 20, at most 100
	Offset    int             // at most SearchCap
}

// SearchResults is one page of a search.
type SearchResults struct {
	Results []SearchResult
	Total   int  // stories matched, at most SearchCap
	More    bool // more than SearchCap matched; only the newest were ranked
}

// SearchResult is one story a search found, with its section and authors
// (not its body), and a passage of its text with the matches marked.
type SearchResult struct {
	Article news.Article
	Snippet news.Snippet
}

// searchSQL is the engine's SQL for a search and for keeping its index.
type searchSQL struct {
	// candidates selects (story ID, published time, score) of matching
	// stories newest first (by search_docs.seq), their search_docs rows
	// joined as d. Its first %s takes the score, its second more conditions
	// on d and on seq; its first placeholder takes the rendered query (see
	// dialect.searchMatch), and its last the limit.
	candidates string
	// score is the candidates' score, higher for a better match. A search
	// newest first scores nothing: the engines' ranking reads every
	// candidate's words, and FTS5's bm25 counts each term's matches in the
	// whole archive.
	score string
	// seq is the expression for search_docs.seq that conditions on the
	// time of publication constrain: on SQLite the full-text index's rowid,
	// so that the index itself skips what lies outside the dates.
	seq string
	// facet, with a facet word (see searchDoc.facets) for %s, narrows the
	// rendered query to the stories that have it, once for each filter; it
	// is empty where the engine filters by the columns alone.
	facet string
	// index adds the search_docs rows of the stories in an IN list (%s) to
	// the full-text index, and unindex takes them out again, before the rows
	// are deleted; clear empties the index, and reindex builds it anew from
	// search_docs. They are empty where the index follows search_docs by
	// itself.
	index, unindex, clear, reindex string
	// analyze brings the planner's statistics of the index's tables up to
	// date after a rebuild, where the engine's planner needs it.
	analyze string
	// cacheSize reads the page cache size of the connection, and
	// setCacheSize (%d) sets it, in SQLite's terms: negative KiB. Empty
	// where the engine has no such setting of its own (see withBulkCache).
	cacheSize, setCacheSize string
}

// searchCandidate is a story that matches, before ranking.
type searchCandidate struct {
	id        int64
	published time.Time
	score     float64
}

// Search runs f and returns one page of results, best first (or newest first
// with news.SortDate), and how many stories match. A query that is not
// news.SearchQuery.Searchable finds nothing; it is not an error.
func (s *Store) Search(ctx context.Context, f SearchFilter) (SearchResults, error) {
	var out SearchResults
	match := s.dialect.searchMatch(f.Query)
	if match == "" {
		return out, nil
	}
	if f.Limit <= 0 {
		f.Limit = searchDefaultLimit
	}
	f.Limit = min(f.Limit, searchMaxLimit)
	f.Offset = max(0, min(f.Offset, SearchCap))
	sq := s.dialect.searchSQL()
	// The index holds published stories only, with their time and section
	// (see refreshSearch): the filters need not read the articles. Where the
	// engine can, the full-text query itself asks for the section, author
	// and tag, and the index skips the stories published outside the dates;
	// the conditions below then only confirm what the index found.
	where := []string{"1 = 1"}
	var sqlArgs []any
	if f.SectionID != 0 {
		match += facetQuery(sq, 's', f.SectionID)
		where = append(where, "d.section_id = ?")
		sqlArgs = append(sqlArgs, f.SectionID)
	}
	if f.AuthorID != 0 {
		match += facetQuery(sq, 'a', f.AuthorID)
		where = append(where, "EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = d.article_id AND x.author_id = ?)")
		sqlArgs = append(sqlArgs, f.AuthorID)
	}
	if f.TagID != 0 {
		match += facetQuery(sq, 't', f.TagID)
		where = append(where, "EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = d.article_id AND x.tag_id = ?)")
		sqlArgs = append(sqlArgs, f.TagID)
	}
	if !f.From.IsZero() {
		where = append(where, sq.seq+" >= ?", "d.published_at >= ?")
		sqlArgs = append(sqlArgs, seqBound(f.From), dbTime(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, sq.seq+" < ?", "d.published_at < ?")
		// Two seconds: rows that migration 2 indexed on PostgreSQL rounded
		// their second rather than cut it.
		sqlArgs = append(sqlArgs, seqBound(f.To.Add(2*time.Second)), dbTime(f.To))
	}
	// The newest SearchCap matches, in the index's own order and scored,
	// and one more to tell whether there are more; then the page of them in
	// the order asked for.
	args := append([]any{match}, sqlArgs...)
	score := sq.score
	if f.Sort == news.SortDate {
		score = "0"
	}
	query := fmt.Sprintf(sq.candidates, score, strings.Join(where, " AND "))
	cands, err := s.searchCandidates(ctx, s.q(query), append(args, SearchCap+1)...)
	if err != nil {
		return out, s.wrap(err, "search")
	}
	if len(cands) > SearchCap {
		cands, out.More = cands[:SearchCap], true
	}
	out.Total = len(cands)
	slices.SortFunc(cands, func(a, b searchCandidate) int {
		if f.Sort == news.SortDate && !a.published.Equal(b.published) {
			return b.published.Compare(a.published)
		}
		if f.Sort != news.SortDate && a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(b.id, a.id)
	})
	cands = cands[min(f.Offset, len(cands)):min(f.Offset+f.Limit, len(cands))]
	if len(cands) == 0 {
		return out, nil
	}
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleCols+`, '' FROM articles a JOIN sections s ON s.id = a.section_id
		WHERE a.id IN (`+placeholders(len(ids))+`)`), int64Args(ids)...)
	if err != nil {
		return out, s.wrap(err, "search")
	}
	found, err := s.collectArticles(rows)
	if err != nil {
		return out, s.wrap(err, "search")
	}
	if err := s.fillLists(ctx, found, false); err != nil {
		return out, err
	}
	// Snippets come from the index's text, the same way on both engines.
	snippets := make(map[int64]news.Snippet, len(ids))
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT article_id, body FROM search_docs WHERE article_id IN (`+placeholders(len(ids))+`)`), int64Args(ids)...)
	if err != nil {
		return out, s.wrap(err, "search snippets")
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return out, s.wrap(err, "search snippets")
		}
		snippets[id] = f.Query.Snippet(text)
	}
	if err := rows.Err(); err != nil {
		return out, s.wrap(err, "search snippets")
	}
	// The index holds published stories only; the status is checked again
	// all the same (here, not in SQL, where it would lead SQLite to scan
	// every published story), so that a write that forgot the index could
	// not show a draft.
	byID := make(map[int64]*news.Article, len(found))
	for i := range found {
		if found[i].Status == news.StatusPublished {
			byID[found[i].ID] = &found[i]
		}
	}
	out.Results = make([]SearchResult, 0, len(ids))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out.Results = append(out.Results, SearchResult{Article: *a, Snippet: snippets[id]})
		}
	}
	return out, nil
}

// facetQuery renders the facet of kind (s, a or t) and id for the engine's
// full-text query, or nothing where the engine has no facets.
func facetQuery(sq searchSQL, kind byte, id int64) string {
	if sq.facet == "" {
		return ""
	}
	return fmt.Sprintf(sq.facet, facetWord(kind, id))
}

// facetWord is the word that stands for a section (s), author (a) or tag (t)
// in search_docs.facets.
func facetWord(kind byte, id int64) string {
	return string(kind) + strconv.FormatInt(id, 10)
}

// facetLike reports whether the words of a term could match facet words
// (see facetWord): each is s, a or t and then digits only. A prefix term's
// last word could match the start of one only so, too.
func facetLike(words []string) bool {
	for _, w := range words {
		if w == "" || !strings.ContainsRune("sat", rune(w[0])) || strings.Trim(w[1:], "0123456789") != "" {
			return false
		}
	}
	return len(words) > 0
}

// seqBound is the least seq of a story published at t or later (see
// searchSeq), for bounding a search by date: t's second is cut, and the exact
// bound is checked on published_at. Times beyond some eight thousand years
// either side of 1970 are clamped, so that the shift cannot overflow.
func seqBound(t time.Time) int64 {
	const limit = 1 << 38
	return max(-limit, min(t.Unix(), limit)) << 24
}

// searchCandidates runs the candidates query, after the engine's search
// settings when it has some.
func (s *Store) searchCandidates(ctx context.Context, query string, args ...any) ([]searchCandidate, error) {
	var q interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	} = s.db
	if settings := s.dialect.searchSettings(); len(settings) > 0 {
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return nil, err
		}
		defer tx.Rollback() // read only: nothing to commit
		for _, st := range settings {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return nil, err
			}
		}
		q = tx
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cands []searchCandidate
	for rows.Next() {
		var c searchCandidate
		if err := rows.Scan(&c.id, timeScan{&c.published}, &c.score); err != nil {
			return nil, err
		}
		cands = append(cands, c)
	}
	return cands, rows.Err()
}

// searchWords returns the words of t that may reach a query language: those
// that pass news.IsSearchWord. Parse produces nothing else; this guards the
// store against a query built by hand.
func searchWords(t news.SearchTerm) []string {
	out := make([]string, 0, len(t.Words))
	for _, w := range t.Words {
		if news.IsSearchWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// searchDoc is a story as the index holds it.
type searchDoc struct {
	id                                     int64
	published                              time.Time
	section                                int64
	headline, standfirst, body, keywordTxt string
	// facets is the story's section, authors and tags as words (see
	// facetWord): "s3 a12 t40 t41".
	facets   string
	analysed bool
	// bodyHTML and corrections are what publishedDocs reads for body,
	// which text makes of them.
	bodyHTML, corrections string
}

// text makes the body of a doc from publishedDocs: the body's HTML as text,
// then the corrections.
func (d *searchDoc) text() {
	if d.bodyHTML != "" || d.corrections != "" {
		d.body = joinText(plainText(htmlText(d.bodyHTML)), d.corrections)
		d.bodyHTML, d.corrections = "", ""
	}
}

func (d *searchDoc) keywords() map[string]int {
	return news.Keywords(d.headline, d.standfirst, d.body)
}

// analyse makes the text of docs (see searchDoc.text) and counts their
// keywords, in the background, and returns a func that waits
// for it and hands the keywords over. The caller's SQL runs meanwhile, and
// must leave docs alone until then. Text and keywords are most of the time
// indexing spends in Go.
func analyse(docs []searchDoc) func() []map[string]int {
	kws := make([]map[string]int, len(docs))
	// Fewer workers than CPUs: the caller's SQL, which is what the work
	// waits for in the end, runs meanwhile.
	wait := parallel(len(docs), max(1, runtime.GOMAXPROCS(0)-1), func(i int) {
		docs[i].text()
		kws[i] = docs[i].keywords()
	})
	return func() []map[string]int {
		wait()
		return kws
	}
}

// parallel calls fn for 0 to n-1 on as many as workers goroutines, in the
// background, and returns a func that waits for the calls to end.
func parallel(n, workers int, fn func(i int)) (wait func()) {
	var wg sync.WaitGroup
	workers = min(workers, n)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	return wg.Wait
}

// refreshSearch brings the search index and the related-article lists up to
// date with the stories ids, inside tx. Every write that changes a story's
// status, text, tags, authors, credits, section or corrections calls it in
// its own transaction after the change: a published story is (re)indexed,
// any other is taken out, and the lists it enters or leaves follow.
func (s *Store) refreshSearch(ctx context.Context, tx *sql.Tx, ids ...int64) error {
	return s.refreshIndex(ctx, tx, true, ids)
}

// refreshIndex is refreshSearch; without score it leaves the related lists
// of the stories ids (and of those that list them) to RebuildRelated, which
// bulk loads call once at the end instead of once a batch.
func (s *Store) refreshIndex(ctx context.Context, tx *sql.Tx, score bool, ids []int64) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	refresh := func() error {
		for start := 0; start < len(ids); start += batch {
			if err := s.refreshBatch(ctx, tx, score, ids[start:min(start+batch, len(ids))]); err != nil {
				return err
			}
		}
		return nil
	}
	if len(ids) > batch {
		refresh = s.withBulkCache(ctx, tx, refresh)
	}
	if err := refresh(); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// bulkCache is the page cache, in KiB, of the connection that indexes many
// stories at once. SQLite's default of 2 MiB holds a few hundred pages, and
// a rebuild that writes related_terms_term and merges FTS5 segments reads
// and writes the same pages over and over again: with 64 MiB, rebuilding
// 100,000 stories took 15% less CPU.
const bulkCache = 64 << 10

// withBulkCache returns fn wrapped to run with a page cache of bulkCache on
// tx's connection, where the engine has a cache per connection, and with the
// connection's own cache again after.
func (s *Store) withBulkCache(ctx context.Context, tx *sql.Tx, fn func() error) func() error {
	sq := s.dialect.searchSQL()
	if sq.cacheSize == "" {
		return fn
	}
	return func() error {
		var size int64
		if err := tx.QueryRowContext(ctx, sq.cacheSize).Scan(&size); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(sq.setCacheSize, -bulkCache)); err != nil {
			return err
		}
		err := fn()
		// Set back even when fn failed: the connection goes back to the
		// pool, and would keep the memory otherwise.
		if _, e := tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(sq.setCacheSize, size)); err == nil {
			err = e
		}
		return err
	}
}

func (s *Store) refreshBatch(ctx context.Context, tx *sql.Tx, score bool, ids []int64) error {
	old, err := s.indexedDocs(ctx, tx, ids)
	if err != nil {
		return err
	}
	cur, err := s.publishedDocs(ctx, tx, ids)
	if err != nil {
		return err
	}
	// Text and keywords are made on the other cores while the SQL below
	// runs.
	oldKws, curKws := analyse(old), analyse(cur)
	// Stories whose lists hold one of ids, to compute again.
	listers, err := queryIDs(ctx, tx, s.q(`SELECT DISTINCT article_id FROM related_articles
		WHERE related_id IN (`+placeholders(len(ids))+`) ORDER BY article_id`), int64Args(ids)...)
	if err != nil {
		return err
	}
	listers = slices.DeleteFunc(listers, func(id int64) bool { _, ok := slices.BinarySearch(ids, id); return ok })

	delta := map[string]int{}
	for i, kw := range oldKws() {
		if old[i].analysed {
			for t := range kw {
				delta[t]--
			}
			delta[""]--
		}
	}
	kws := curKws()
	for _, kw := range kws {
		for t := range kw {
			delta[t]++
		}
		delta[""]++
	}
	in := placeholders(len(ids))
	sq := s.dialect.searchSQL()
	// The full-text index lets go of the old rows while they are there to
	// say what it holds, and takes the new ones last, after every other
	// write of the batch: on SQLite each statement that may have to undo
	// itself makes FTS5 write out what it holds in memory, so doing the
	// index's work in two statements keeps its new segments few.
	for _, q := range []string{
		sq.unindex,
		`DELETE FROM search_docs WHERE article_id IN (%s)`,
		`DELETE FROM related_terms WHERE article_id IN (%s)`,
		`DELETE FROM related_articles WHERE article_id IN (%s)`,
		`DELETE FROM related_articles WHERE related_id IN (%s)`,
	} {
		if q == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(fmt.Sprintf(q, in)), int64Args(ids)...); err != nil {
			return err
		}
	}
	if err := s.insertDocs(ctx, tx, cur); err != nil {
		return err
	}
	if err := s.applyTermCounts(ctx, tx, delta); err != nil {
		return err
	}
	if err := s.insertRelatedTerms(ctx, tx, cur, kws); err != nil {
		return err
	}
	if sq.index != "" && len(cur) > 0 {
		if _, err := tx.ExecContext(ctx, s.q(fmt.Sprintf(sq.index, in)), int64Args(ids)...); err != nil {
			return err
		}
	}
	if !score || len(cur) == 0 && len(listers) == 0 {
		return nil
	}
	r, err := s.newRelatedScorer(ctx, tx)
	if err != nil {
		return err
	}
	defer r.close()
	for _, d := range cur {
		list, err := r.score(ctx, d.id)
		if err != nil {
			return err
		}
		if err := r.write(ctx, d.id, list); err != nil {
			return err
		}
		if err := r.offer(ctx, d.id, list); err != nil {
			return err
		}
	}
	for _, id := range listers {
		list, err := r.score(ctx, id)
		if err != nil {
			return err
		}
		if err := r.write(ctx, id, list); err != nil {
			return err
		}
	}
	return nil
}

// names is a kind of name stories are searched by (searchDoc.keywordTxt):
// its table, and the query of the IDs of the stories that list one.
type names struct{ table, stories string }

var (
	authorNames = names{"authors", `SELECT article_id FROM article_authors WHERE author_id = ? ORDER BY article_id`}
	tagNames    = names{"tags", `SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id`}
	sourceNames = names{"sources", `SELECT DISTINCT article_id FROM article_credits WHERE source_id = ? ORDER BY article_id`}
)

// renaming is called inside tx before the row id of k is saved with name,
// and returns the func to call after: when the name changes, it brings the
// index of the stories that list the row up to date. Their text, keywords
// and related lists do not change, and stay. A missing row is
// sql.ErrNoRows, as the save's would be.
func (s *Store) renaming(ctx context.Context, tx *sql.Tx, k names, id int64, name string) (after func() error, err error) {
	var old string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT name FROM `+k.table+` WHERE id = ?`), id).Scan(&old); err != nil {
		return nil, err
	}
	if old == name {
		return func() error { return nil }, nil
	}
	return func() error { return s.renamed(ctx, tx, k, id) }, nil
}

// renamed rewrites, in the index, the names of the stories that list the
// row id of k.
func (s *Store) renamed(ctx context.Context, tx *sql.Tx, k names, id int64) error {
	ids, err := queryIDs(ctx, tx, s.q(k.stories), id)
	if err != nil {
		return err
	}
	sq := s.dialect.searchSQL()
	for start := 0; start < len(ids); start += batch {
		b := ids[start:min(start+batch, len(ids))]
		docs, err := s.publishedDocs(ctx, tx, b)
		if err != nil {
			return err
		}
		in, args := placeholders(len(b)), int64Args(b)
		if sq.unindex != "" {
			if _, err := tx.ExecContext(ctx, s.q(fmt.Sprintf(sq.unindex, in)), args...); err != nil {
				return err
			}
		}
		for _, d := range docs {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE search_docs SET keywords = ? WHERE article_id = ?`), d.keywordTxt, d.id); err != nil {
				return err
			}
		}
		if sq.index != "" {
			if _, err := tx.ExecContext(ctx, s.q(fmt.Sprintf(sq.index, in)), args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// RebuildSearchIndex builds the search index anew from the published
// stories, in one transaction, and reports how many it indexed: their text,
// the full-text index and the keywords related articles are found by. Writes
// keep the index exact on their own; rebuilding is for a database that had
// stories before search existed (migration 2 indexes them by their Markdown
// only and gives them no keywords), and for measuring. Follow it with
// RebuildRelated.
func (s *Store) RebuildSearchIndex(ctx context.Context) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return s.withBulkCache(ctx, tx, func() (err error) {
			n, err = s.rebuildSearchIndex(ctx, tx)
			return err
		})()
	})
	return n, s.wrap(err, "rebuild search index")
}

// rebuildSearchIndex is RebuildSearchIndex inside tx; it reports how many
// stories it indexed.
func (s *Store) rebuildSearchIndex(ctx context.Context, tx *sql.Tx) (int, error) {
	for _, q := range []string{s.dialect.searchSQL().clear, `DELETE FROM related_terms`, `DELETE FROM search_terms`, `DELETE FROM search_docs`} {
		if q == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	ids, err := queryIDs(ctx, tx, `SELECT id FROM articles WHERE status = 'published' ORDER BY id`)
	if err != nil {
		return 0, err
	}
	// First every document and its word counts, so that the weights below
	// all see the final document frequencies.
	err = pipelineDocs(ids, func(b []int64) ([]searchDoc, error) { return s.publishedDocs(ctx, tx, b) },
		func(docs []searchDoc, kws []map[string]int) error {
			delta := map[string]int{}
			for _, kw := range kws {
				for t := range kw {
					delta[t]++
				}
				delta[""]++
			}
			if err := s.insertDocs(ctx, tx, docs); err != nil {
				return err
			}
			return s.applyTermCounts(ctx, tx, delta)
		})
	if err != nil {
		return 0, err
	}
	// The full-text index in one statement, from search_docs: on SQLite,
	// FTS5 then fills memory and writes a few large segments.
	if q := s.dialect.searchSQL().reindex; q != "" {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	// Then the keywords of each story, weighed against the final counts.
	err = pipelineDocs(ids, func(b []int64) ([]searchDoc, error) { return s.indexedDocs(ctx, tx, b) },
		func(docs []searchDoc, kws []map[string]int) error { return s.insertRelatedTerms(ctx, tx, docs, kws) })
	if err != nil {
		return 0, err
	}
	if q := s.dialect.searchSQL().analyze; q != "" {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// pipelineDocs reads ids' documents a batch at a time with read and hands
// each batch, with its keywords, to write. Each batch's text and keywords are
// made on the other cores (analyse) while the previous batch is written and
// the next one read.
func pipelineDocs(ids []int64, read func([]int64) ([]searchDoc, error), write func([]searchDoc, []map[string]int) error) error {
	var prev []searchDoc
	var prevKws func() []map[string]int
	for start := 0; start < len(ids); start += batch {
		cur, err := read(ids[start:min(start+batch, len(ids))])
		if err != nil {
			return err
		}
		kws := analyse(cur)
		if prev != nil {
			if err := write(prev, prevKws()); err != nil {
				return err
			}
		}
		prev, prevKws = cur, kws
	}
	if prev != nil {
		return write(prev, prevKws())
	}
	return nil
}

// RebuildRelated computes every published story's related articles anew
// from the keywords in the index, in one transaction, and reports how many
// lists it wrote.
func (s *Store) RebuildRelated(ctx context.Context) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM related_articles`); err != nil {
			return err
		}
		ids, err := queryIDs(ctx, tx, `SELECT id FROM articles WHERE status = 'published' ORDER BY id`)
		if err != nil {
			return err
		}
		n = len(ids)
		r, err := s.newRelatedScorer(ctx, tx)
		if err != nil {
			return err
		}
		defer r.close()
		for _, id := range ids {
			if r.held > relatedHeld {
				r.forget() // bounds the memory; related_terms stays the same
			}
			list, err := r.score(ctx, id)
			if err != nil {
				return err
			}
			if err := r.write(ctx, id, list); err != nil {
				return err
			}
		}
		return nil
	})
	return n, s.wrap(err, "rebuild related articles")
}

// indexedDocs loads the index's rows for ids, in id order.
func (s *Store) indexedDocs(ctx context.Context, tx *sql.Tx, ids []int64) ([]searchDoc, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT article_id, published_at, section_id, headline, standfirst, body, keywords, analysed FROM search_docs
		WHERE article_id IN (`+placeholders(len(ids))+`) ORDER BY article_id`), int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []searchDoc
	for rows.Next() {
		var d searchDoc
		if err := rows.Scan(&d.id, timeScan{&d.published}, &d.section, &d.headline, &d.standfirst, &d.body, &d.keywordTxt, &d.analysed); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// publishedDocs builds the index rows of those of ids that are published, in
// id order, from the stories as they stand in tx. Their bodies are HTML
// until analyse makes them text.
func (s *Store) publishedDocs(ctx context.Context, tx *sql.Tx, ids []int64) ([]searchDoc, error) {
	in, args := placeholders(len(ids)), int64Args(ids)
	// The status is checked here, not in SQL, where it would lead SQLite to
	// scan every published story instead of looking up these.
	rows, err := tx.QueryContext(ctx, s.q(`SELECT a.id, a.status, a.published_at, a.section_id, a.headline, a.standfirst, b.body_html
		FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id IN (`+in+`) ORDER BY a.id`), args...)
	if err != nil {
		return nil, err
	}
	var out []searchDoc
	pos := map[int64]int{}
	for rows.Next() {
		var d searchDoc
		var status, body string
		if err := rows.Scan(&d.id, &status, timeScan{&d.published}, &d.section, &d.headline, &d.standfirst, &body); err != nil {
			rows.Close()
			return nil, err
		}
		if status != string(news.StatusPublished) {
			continue
		}
		d.headline, d.standfirst, d.bodyHTML = plainText(d.headline), plainText(d.standfirst), body
		d.analysed = true
		pos[d.id] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	for i := range out {
		out[i].facets = facetWord('s', out[i].section)
	}
	// Corrections follow the body; tags, authors and sources make up the
	// names, each list in the order the page shows it. Tags and authors are
	// facets too.
	extras := []struct {
		query string
		body  bool
		facet byte
	}{
		{`SELECT article_id, body, 0 FROM corrections WHERE article_id IN (` + in + `) ORDER BY article_id, created_at, id`, true, 0},
		{`SELECT x.article_id, t.name, t.id FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id IN (` + in + `) ORDER BY x.article_id, t.name`, false, 't'},
		{`SELECT x.article_id, au.name, au.id FROM article_authors x JOIN authors au ON au.id = x.author_id WHERE x.article_id IN (` + in + `) ORDER BY x.article_id, x.position`, false, 'a'},
		{`SELECT c.article_id, src.name, 0 FROM article_credits c JOIN sources src ON src.id = c.source_id WHERE c.article_id IN (` + in + `) ORDER BY c.article_id, c.position`, false, 0},
	}
	for _, e := range extras {
		rows, err := tx.QueryContext(ctx, s.q(e.query), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, ref int64
			var text string
			if err := rows.Scan(&id, &text, &ref); err != nil {
				rows.Close()
				return nil, err
			}
			i, ok := pos[id]
			if !ok {
				continue
			}
			d := &out[i]
			if e.body {
				d.corrections = joinText(d.corrections, plainText(text))
			} else {
				d.keywordTxt = joinText(d.keywordTxt, plainText(text))
			}
			if e.facet != 0 {
				d.facets += " " + facetWord(e.facet, ref)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n" + b
}

// insertDocs writes index rows. On PostgreSQL a generated column holds each
// row's tsvector; on SQLite the caller adds them to FTS5 (searchSQL.index).
func (s *Store) insertDocs(ctx context.Context, tx *sql.Tx, docs []searchDoc) error {
	if len(docs) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO search_docs (seq, article_id, published_at, section_id, headline, standfirst, body, keywords, facets, analysed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, d := range docs {
		if _, err := stmt.ExecContext(ctx, searchSeq(d.published, d.id), d.id, dbTime(d.published), d.section, d.headline, d.standfirst, d.body, d.keywordTxt, d.facets, d.analysed); err != nil {
			return err
		}
	}
	return nil
}

// searchSeq is a story's place in the index's order, newest last: its
// publication time in seconds with the low 24 bits of its id (see migration
// 2). Two stories published in the same second collide only when their ids
// lie a multiple of 16,777,216 apart.
func searchSeq(published time.Time, id int64) int64 {
	return published.Unix()<<24 | id&(1<<24-1)
}

// applyTermCounts adds delta to the document frequencies in search_terms and
// drops the terms no story uses any more.
func (s *Store) applyTermCounts(ctx context.Context, tx *sql.Tx, delta map[string]int) error {
	var terms, gone []string
	for t, d := range delta {
		if d != 0 {
			terms = append(terms, t)
		}
		if d < 0 {
			gone = append(gone, t)
		}
	}
	sort.Strings(terms) // a fixed order of writes keeps two writers from deadlocking
	sort.Strings(gone)
	const rowsPer = 250
	for start := 0; start < len(terms); start += rowsPer {
		chunk := terms[start:min(start+rowsPer, len(terms))]
		args := make([]any, 0, 2*len(chunk))
		for _, t := range chunk {
			args = append(args, t, delta[t])
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO search_terms (term, docs) VALUES `+valuesList(len(chunk), 2)+`
			ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + excluded.docs`), args...); err != nil {
			return err
		}
	}
	for start := 0; start < len(gone); start += batch {
		chunk := gone[start:min(start+batch, len(gone))]
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM search_terms WHERE docs <= 0 AND term IN (`+placeholders(len(chunk))+`)`), stringArgs(chunk)...); err != nil {
			return err
		}
	}
	return nil
}

// queryIDs runs a query of one integer column.
func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
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

// valuesList returns "(?, ?), (?, ?)" for n rows of width values.
func valuesList(n, width int) string {
	row := "(" + placeholders(width) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

func stringArgs(ss []string) []any {
	args := make([]any, len(ss))
	for i, s := range ss {
		args[i] = s
	}
	return args
}

// plainText makes text fit for the index and for snippets: control
// characters become spaces, and runs of white space become one.
func plainText(s string) string {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// blockTags separate words in htmlText; other tags do not.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "blockquote": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "figure": true,
	"figcaption": true, "table": true, "tr": true, "td": true, "th": true, "dt": true, "dd": true, "section": true,
}

// htmlText returns the text of sanitised HTML, as the body's Markdown was
// rendered: tags are dropped (block tags leave a space) and entities decoded.
// The content package does the same for pages; the store cannot import it.
func htmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		j := strings.IndexByte(s, '>')
		if j < 0 {
			break
		}
		name := strings.TrimPrefix(s[1:j], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if blockTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		s = s[j+1:]
	}
	return b.String()
}
