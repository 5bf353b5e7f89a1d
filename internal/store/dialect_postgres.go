package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/herald-news/herald/internal/news"
)

//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// postgresDialect runs Herald on PostgreSQL through pgx's database/sql driver.
type postgresDialect struct{}

// pgx prepares and caches statements per connection on its own.
func (postgresDialect) cachesStatements() bool { return false }

func (postgresDialect) name() string { return "postgres" }

func (postgresDialect) open(ctx context.Context, dsn string, _ openOptions) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to postgres: %w", err)
	}
	tables, err := (postgresDialect{}).tables(ctx, db)
	if err == nil {
		err = checkTables("the PostgreSQL database", tables)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (postgresDialect) tables(ctx context.Context, db *sql.DB) ([]string, error) {
	return queryStrings(ctx, db, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
}

// rebind turns ? placeholders into $1, $2, …. Herald's queries hold no literal
// question marks.
func (postgresDialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (postgresDialect) isUnique(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

func (postgresDialect) migrations() fs.FS {
	sub, _ := fs.Sub(postgresMigrations, "migrations/postgres")
	return sub
}

// migrationLockKey is the advisory lock that lets one node at a time migrate.
const migrationLockKey = 0x6865_7261_6c64_01 // "herald" + 1

func (postgresDialect) lockMigrations(ctx context.Context, conn *sql.Conn) (func(), error) {
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLockKey)); err != nil {
		return nil, fmt.Errorf("store: take migration lock: %w", err)
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(migrationLockKey))
	}, nil
}

func (postgresDialect) notify(ctx context.Context, tx *sql.Tx, channel, payload string) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, channel, payload)
	return err
}

// listen holds one connection of its own in LISTEN and reconnects, with a
// pause, whenever that connection is lost, until ctx ends.
func (postgresDialect) listen(ctx context.Context, dsn, channel string, fn func(string)) error {
	for ctx.Err() == nil {
		err := listenOnce(ctx, dsn, channel, fn)
		if ctx.Err() != nil {
			break
		}
		_ = err // the caller polls as well; try again shortly
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
	return nil
}

func listenOnce(ctx context.Context, dsn, channel string, fn func(string)) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return err
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		fn(n.Payload)
	}
}

// tryLock takes the session-level advisory lock key on conn if no other
// session holds it.
func (postgresDialect) tryLock(ctx context.Context, conn *sql.Conn, key int64) (bool, error) {
	var ok bool
	err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok)
	return ok, err
}

// unlock releases the advisory lock key taken on conn by tryLock.
func (postgresDialect) unlock(ctx context.Context, conn *sql.Conn, key int64) error {
	_, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, key)
	return err
}

// searchMatch writes a to_tsquery expression: each term a quoted lexeme, a
// phrase of them joined by <->, ':*' after a prefix, all joined by & and each
// exclusion negated with !. to_tsquery then stems the words and drops stop
// words as it does when indexing.
func (postgresDialect) searchMatch(q news.SearchQuery) string {
	var must, not []string
	for _, t := range q.Terms {
		words := searchWords(t)
		if len(words) == 0 {
			continue
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w) + "'"
		}
		if t.Prefix {
			quoted[len(quoted)-1] += ":*"
		}
		s := strings.Join(quoted, " <-> ")
		if len(quoted) > 1 {
			s = "(" + s + ")"
		}
		if t.Exclude {
			not = append(not, "!"+s)
		} else {
			must = append(must, s)
		}
	}
	if len(must) == 0 {
		return ""
	}
	return strings.Join(append(must, not...), " & ")
}

// searchSettings keep the planner on the GIN index. Left alone, it may walk
// the primary key backwards testing every story's tsvector until it has
// enough newest matches: quick for a common word, but for a phrase or a rare
// word it misjudges, that reads and decompresses every tsvector in the
// archive.
func (postgresDialect) searchSettings() []string {
	return []string{`SET LOCAL enable_seqscan = off`, `SET LOCAL enable_indexscan = off`}
}

// searchSQL searches the weighted tsvector through its GIN index, takes the
// newest matches, and only then ranks them with ts_rank (length normalised),
// so that the tsvectors of the rest are never read. The generated column and
// its index follow search_docs by themselves.
func (postgresDialect) searchSQL() searchSQL {
	return searchSQL{
		candidates: `SELECT c.id, c.published, %s FROM (
			SELECT d.article_id AS id, d.published_at AS published, d.tsv, q FROM to_tsquery('english', ?) q, search_docs d
			WHERE d.tsv @@ q AND %s ORDER BY d.seq DESC LIMIT ?) c`,
		score: `ts_rank(c.tsv, c.q, 1)`,
		seq:   `d.seq`,
		// A rebuild replaces every row of these tables in one
		// transaction, and the planner would go on planning from the
		// statistics of before it until autovacuum's next look.
		analyze: `ANALYZE search_docs, search_terms, related_terms`,
	}
}
