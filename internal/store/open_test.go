package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// TestMapReads: the option reaches every SQLite connection's mmap_size, and
// without it reads are not mapped.
func TestMapReads(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opts []store.Option
		want int64
	}{
		{"default", nil, 0},
		{"mapped", []store.Option{store.MapReads(64 << 20)}, 64 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(ctx, filepath.Join(t.TempDir(), "herald.db"), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			db, _ := store.RawDB(st)
			// Hold several connections at once, so that more than one is
			// asked.
			var conns []interface{ Close() error }
			for range 3 {
				c, err := db.Conn(ctx)
				if err != nil {
					t.Fatal(err)
				}
				conns = append(conns, c)
				var n int64
				if err := c.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != tc.want {
					t.Errorf("mmap_size %d, want %d", n, tc.want)
				}
			}
			for _, c := range conns {
				c.Close()
			}
		})
	}
}

// TestCountListsOnce: with the option each list is counted once, and later
// pages take that count; without it every page counts afresh.
func TestCountListsOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "herald.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, st)
	must(t, st.CreateArticles(ctx, []*news.Article{f.article("one", 0, time.Hour, 0), f.article("two", 0, 2*time.Hour, 0), f.article("three", 0, 3*time.Hour, 0)}))

	once, err := store.Open(ctx, path, store.CountListsOnce())
	if err != nil {
		t.Fatal(err)
	}
	defer once.Close()
	filter := store.ArticleFilter{SectionID: f.sections[0].ID, Limit: 1}
	for _, s := range []*store.Store{st, once} {
		if _, total, err := s.Articles(ctx, filter); err != nil || total != 3 {
			t.Fatalf("total %d, %v; want 3", total, err)
		}
	}
	must(t, st.CreateArticles(ctx, []*news.Article{f.article("four", 0, 4*time.Hour, 0)}))
	if _, total, _ := st.Articles(ctx, filter); total != 4 {
		t.Errorf("without the option: total %d after a fourth story, want 4", total)
	}
	filter.Offset = 1
	if _, total, _ := once.Articles(ctx, filter); total != 3 {
		t.Errorf("with the option: total %d, want the first count, 3", total)
	}
}
