package store_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

func TestMediaLibrary(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var seen []store.Change
		s.OnChange(func(c store.Change) { seen = append(seen, c) })
		img := func(name string, w int) news.Media {
			return news.Media{Name: name, ContentType: "image/jpeg", Data: bytes.Repeat([]byte{0xAB}, w), Width: w, Height: w / 2}
		}
		older := &store.MediaUpload{Original: img("uploads/old.jpg", 300), Alt: "An old picture"}
		older.Original.CreatedAt = time.Now().Add(-time.Hour)
		must(t, s.AddMedia(ctx, older))
		up := &store.MediaUpload{Original: img("uploads/harbor.jpg", 2000), Alt: "Boats in the harbor at dawn", Credit: "Ada Ortiz",
			Variants: []news.Media{img("uploads/harbor-960w.jpg", 960), img("uploads/harbor-480w.jpg", 480)}}
		must(t, s.AddMedia(ctx, up))
		if up.Original.ID == 0 || up.Variants[1].ID == 0 {
			t.Fatal("IDs not set")
		}
		last := seen[len(seen)-1].Keys
		for _, n := range []string{"uploads/harbor.jpg", "uploads/harbor-960w.jpg", "uploads/harbor-480w.jpg"} {
			if !slices.Contains(last, news.MediaKey(n)) {
				t.Errorf("adding media recorded %v, missing %s", last, n)
			}
		}
		// An upload never replaces a file, and a failed one stores nothing.
		dup := &store.MediaUpload{Original: img("uploads/new.jpg", 10), Variants: []news.Media{img("uploads/harbor-480w.jpg", 5)}}
		if err := s.AddMedia(ctx, dup); !errors.Is(err, news.ErrConflict) {
			t.Fatalf("duplicate name = %v", err)
		}
		if _, err := s.MediaInfo(ctx, "uploads/new.jpg"); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("half an upload was stored: %v", err)
		}

		list, total, err := s.MediaList(ctx, 10, 0)
		must(t, err)
		if total != 2 || len(list) != 2 || list[0].Name != "uploads/harbor.jpg" || list[1].Name != "uploads/old.jpg" {
			t.Fatalf("list = %d %+v", total, list)
		}
		h := list[0]
		if h.Size != 2000 || h.Width != 2000 || h.Height != 1000 || h.Alt != "Boats in the harbor at dawn" || h.Credit != "Ada Ortiz" || h.Thumb != "uploads/harbor-480w.jpg" {
			t.Errorf("entry = %+v", h)
		}
		if list[1].Thumb != "uploads/old.jpg" {
			t.Errorf("an original without copies is its own thumbnail: %q", list[1].Thumb)
		}
		if page, total, err := s.MediaList(ctx, 1, 1); err != nil || total != 2 || len(page) != 1 || page[0].Name != "uploads/old.jpg" {
			t.Fatalf("second page = %v %d %v", page, total, err)
		}

		vs, err := s.MediaVariants(ctx, "uploads/harbor.jpg")
		must(t, err)
		if len(vs) != 2 || vs[0].Width != 480 || vs[1].Name != "uploads/harbor-960w.jpg" || vs[1].Height != 480 {
			t.Fatalf("variants = %+v", vs)
		}
		if vs, err := s.MediaVariants(ctx, "uploads/none.jpg"); err != nil || len(vs) != 0 {
			t.Fatalf("variants of nothing = %v %v", vs, err)
		}
		// Variants are served like any file.
		if m, err := s.Media(ctx, "uploads/harbor-480w.jpg"); err != nil || len(m.Data) != 480 {
			t.Fatalf("variant = %v", err)
		}

		must(t, s.SetMediaAlt(ctx, h.ID, "Fishing boats leave the harbor", "Ada Ortiz / Herald"))
		got, err := s.MediaInfoByID(ctx, h.ID)
		must(t, err)
		if got.Alt != "Fishing boats leave the harbor" || got.Credit != "Ada Ortiz / Herald" {
			t.Fatalf("after SetMediaAlt: %+v", got)
		}
		if k := seen[len(seen)-1].Keys; !slices.Equal(k, []string{news.MediaKey("uploads/harbor.jpg")}) {
			t.Errorf("SetMediaAlt recorded %v", k)
		}
		if err := s.SetMediaAlt(ctx, 99999, "x", ""); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("alt of nothing = %v", err)
		}
		if _, err := s.MediaInfoByID(ctx, 99999); !errors.Is(err, news.ErrNotFound) {
			t.Fatalf("missing media = %v", err)
		}
	})
}
