package importer_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/importer"
	"github.com/herald-news/herald/internal/pgtest"
	"github.com/herald-news/herald/internal/store"
)

// openStore opens a fresh, migrated SQLite store.
func openStore(tb testing.TB) *store.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "herald.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return st
}

// importFile imports a WordPress export of testdata.
func importFile(tb testing.TB, st *store.Store, name string, o importer.Options) *importer.Report {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rep, err := importer.WordPress(context.Background(), st, name, f, o)
	if err != nil {
		tb.Fatalf("import %s: %v", name, err)
	}
	return rep
}

// importString imports a WordPress export held in a string.
func importString(st *store.Store, name, doc string) (*importer.Report, error) {
	return importer.WordPress(context.Background(), st, name, strings.NewReader(doc), importer.Options{})
}

func reportText(r *importer.Report) string {
	var b strings.Builder
	r.Write(&b)
	return b.String()
}

// tinyPNG is a 2×1 PNG.
func tinyPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	img.Set(0, 0, color.NRGBA{200, 30, 30, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, nil)) }

// TestWordPressOnPostgres runs the import, a second run and the
// acceptance checks' store side on PostgreSQL.
func TestWordPressOnPostgres(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	first := importFile(t, st, "newsroom.xml", importer.Options{})
	if first.Stories.Imported != 9 || first.Comments.Imported != 6 || first.Pages.Imported != 2 {
		t.Errorf("first run:\n%s", reportText(first))
	}
	again := importFile(t, st, "newsroom.xml", importer.Options{})
	if tot := again.Totals(); tot.Imported != 0 || tot.Updated != 0 {
		t.Errorf("second run:\n%s", reportText(again))
	}
	if to, err := st.RedirectFor(ctx, "/2024/03/05/ferry-service-resumes/"); err != nil || to != "/harbour/ferry-service-resumes/" {
		t.Errorf("redirect = %q, %v", to, err)
	}
	rep, err := importer.Markdown(ctx, st, filepath.Join("testdata", "site"), importer.Options{})
	if err != nil || rep.Stories.Imported != 5 {
		t.Errorf("markdown on postgres: %v\n%s", err, reportText(rep))
	}
}
