package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// Change is one committed write and the keys of what it changed.
type Change struct {
	ID   int64
	Keys []string
	At   time.Time
}

// maxChangeKeys is the most keys one change names before it is widened to
// news.KeySite (everything), which keeps bulk writes cheap to record.
const maxChangeKeys = 500

// changesChannel is the PostgreSQL NOTIFY channel of changes.
const changesChannel = "herald_changes"

// recordChange writes the keys a transaction changed, inside it, and (on
// PostgreSQL) announces them to the other nodes when the transaction commits.
func (s *Store) recordChange(ctx context.Context, tx *sql.Tx, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	// A transaction is one change: keys recorded again in it join the
	// change already written.
	s.pendingMu.Lock()
	var prev *Change
	if p := s.pending[tx]; len(p) > 0 {
		prev = &p[len(p)-1]
		keys = append(slices.Clone(prev.Keys), keys...)
	}
	s.pendingMu.Unlock()
	slices.Sort(keys)
	keys = slices.Compact(keys)
	joined := strings.Join(keys, " ")
	if len(keys) > maxChangeKeys || len(joined) > 7000 {
		joined = news.KeySite
	}
	if prev != nil {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE changes SET keys = ? WHERE id = ?`), joined, prev.ID); err != nil {
			return err
		}
		s.pendingMu.Lock()
		prev.Keys = strings.Fields(joined)
		s.pendingMu.Unlock()
		return s.dialect.notify(ctx, tx, changesChannel, joined)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO changes (keys, created_at) VALUES (?, ?) RETURNING id`), joined, dbTime(time.Now())).Scan(&id); err != nil {
		return err
	}
	s.pendingMu.Lock()
	s.pending[tx] = append(s.pending[tx], Change{ID: id, Keys: strings.Fields(joined)})
	s.pendingMu.Unlock()
	return s.dialect.notify(ctx, tx, changesChannel, joined)
}

// OnChange registers fn to be called, in this process, with each change right
// after the transaction that made it commits. It is meant for the page cache;
// set it before the store is shared.
func (s *Store) OnChange(fn func(Change)) { s.onChange = fn }

// takePending removes and returns the changes recorded in tx.
func (s *Store) takePending(tx *sql.Tx) []Change {
	s.pendingMu.Lock()
	defer s.pendingMu.Unlock()
	c := s.pending[tx]
	delete(s.pending, tx)
	return c
}

// Changes lists changes with an ID above after, oldest first, at most limit.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, keys, created_at FROM changes WHERE id > ? ORDER BY id LIMIT ?`), after, limit)
	if err != nil {
		return nil, s.wrap(err, "changes")
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var keys string
		if err := rows.Scan(&c.ID, &keys, timeScan{&c.At}); err != nil {
			return nil, s.wrap(err, "changes")
		}
		c.Keys = strings.Fields(keys)
		out = append(out, c)
	}
	return out, s.wrap(rows.Err(), "changes")
}

// LastChangeID is the ID of the newest change, 0 when there is none.
func (s *Store) LastChangeID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(id) FROM changes`).Scan(&id)
	return id.Int64, s.wrap(err, "last change")
}

// PruneChanges deletes changes recorded before t and reports how many.
func (s *Store) PruneChanges(ctx context.Context, t time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM changes WHERE created_at < ?`), dbTime(t))
	if err != nil {
		return 0, s.wrap(err, "prune changes")
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// Listen calls fn with the keys of each change another process commits, as it
// commits, until ctx ends. On SQLite, which cannot announce, it only waits:
// callers poll Changes as well.
func (s *Store) Listen(ctx context.Context, fn func(keys []string)) error {
	return s.dialect.listen(ctx, s.dsn, changesChannel, func(payload string) { fn(strings.Fields(payload)) })
}

// jobsLockKey is the advisory lock held by the node running scheduled work.
const jobsLockKey = 0x6865_7261_6c64_02

// Exclusive runs fn only if no other process is running exclusive work on the
// same database at this moment, and reports whether it ran. On PostgreSQL this
// is an advisory lock, so of several nodes one does the scheduled work.
func (s *Store) Exclusive(ctx context.Context, fn func(ctx context.Context) error) (bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, s.wrap(err, "exclusive")
	}
	defer conn.Close()
	ok, err := s.dialect.tryLock(ctx, conn, jobsLockKey)
	if err != nil || !ok {
		return false, s.wrap(err, "exclusive")
	}
	defer s.dialect.unlock(context.WithoutCancel(ctx), conn, jobsLockKey)
	return true, fn(ctx)
}
