package store_test

import (
	"context"
	"path/filepath"
	"testing"

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
