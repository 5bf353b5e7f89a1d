package importer_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/importer"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
	"github.com/herald-news/herald/internal/web"
)

func TestMarkdownImport(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	dir := filepath.Join("testdata", "site")
	rep, err := importer.Markdown(ctx, st, dir, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := reportText(rep)
	if rep.Stories.Imported != 5 || rep.Pages.Imported != 1 || rep.Skipped["Markdown files without front matter"] != 1 {
		t.Errorf("report:\n%s", text)
	}

	// YAML front matter, with Herald's credits and corrections.
	a := mustArticle(t, st, "posts", "ferry-returns")
	if a.Headline != "Ferry service returns after the storm" || a.Standfirst != "Service resumes on Thursday." ||
		!a.PublishedAt.Equal(mustTime(t, "2024-03-05T14:30:00Z")) || !a.UpdatedAt.Equal(mustTime(t, "2024-03-06T09:00:00Z")) {
		t.Errorf("story = %q %q %v %v", a.Headline, a.Standfirst, a.PublishedAt, a.UpdatedAt)
	}
	if len(a.Authors) != 2 || a.Authors[0].Name != "María Núñez" || a.Authors[1].Name != "Tom Reyes" {
		t.Errorf("authors = %+v", a.Authors)
	}
	if len(a.Tags) != 2 || a.Image == nil || a.Image.Alt != "The ferry at the quay" || a.Image.Credit != "Courier photo" {
		t.Errorf("tags %+v image %+v", a.Tags, a.Image)
	}
	if len(a.Credits) != 2 || a.Credits[0].Kind != news.CreditFirstReported || a.Credits[0].Source.Name != "The Coastal Courier" ||
		a.Credits[0].URL != "https://courier.example/ferry" || a.Credits[1].Kind != news.CreditAccordingTo {
		t.Errorf("credits = %+v", a.Credits)
	}
	if len(a.Corrections) != 2 || a.Corrections[1].Kind != news.KindUpdate {
		t.Errorf("corrections = %+v", a.Corrections)
	}
	if !strings.Contains(text, "credit 3 left out") {
		t.Errorf("an unknown credit kind was not reported:\n%s", text)
	}
	if !strings.Contains(a.BodyHTML, "<strong>harbour ferry</strong>") || !strings.Contains(a.BodyHTML, "https://www.youtube.com/watch?v=abc123") ||
		strings.Contains(a.BodyHTML, "{{") {
		t.Errorf("body:\n%s", a.BodyHTML)
	}
	if sec, err := st.SectionBySlug(ctx, "posts"); err != nil || sec.Name != "Harbour Posts" || sec.Description != "Everything from the quay." {
		t.Errorf("section from _index.md = %+v, %v", sec, err)
	}

	// TOML front matter: the slug key, the first category as section,
	// the others as tags, a page bundle, Hugo's figure and Jekyll's
	// highlight.
	storm := mustArticle(t, st, "weather", "port-closed")
	var tags []string
	for _, tg := range storm.Tags {
		tags = append(tags, tg.Slug)
	}
	if strings.Join(tags, ",") != "coast,storms" || storm.Standfirst != "Winds reached 90 km/h." || storm.Authors[0].Name != "Tom Reyes" {
		t.Errorf("storm: tags %v standfirst %q authors %+v", tags, storm.Standfirst, storm.Authors)
	}
	for _, s := range []string{`<img loading="lazy" src="/images/storm.png" alt="Waves"`, "<em>Waves at the pier.</em>", `<code class="language-go">`} {
		if !strings.Contains(storm.BodyHTML, s) {
			t.Errorf("storm body lacks %s:\n%s", s, storm.BodyHTML)
		}
	}

	if d := mustArticle(t, st, "posts", "budget"); d.Status != news.StatusDraft {
		t.Errorf("draft: %s", d.Status)
	}
	jk := mustArticle(t, st, "local", "harbour-day")
	if jk.CommentsOpen || !jk.PublishedAt.Equal(mustTime(t, "2024-03-09T00:00:00Z")) {
		t.Errorf("jekyll post: comments %v date %v", jk.CommentsOpen, jk.PublishedAt)
	}
	if _, err := st.SectionBySlug(ctx, "admin-2"); err != nil || !strings.Contains(text, "Herald keeps /admin/ for itself") {
		t.Errorf("reserved section: %v\n%s", err, text)
	}
	if p, err := st.PageBySlug(ctx, "about"); err != nil || p.Title != "About the Courier" {
		t.Errorf("page = %+v, %v", p, err)
	}

	// Old addresses redirect.
	site, err := web.New(ctx, web.Options{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: "http://herald.test"})
	if err != nil {
		t.Fatal(err)
	}
	h := site.Handler()
	for from, to := range map[string]string{
		"/2024/03/05/ferry-returns/":         "/posts/ferry-returns/",
		"/old/ferry.html":                    "/posts/ferry-returns/",
		"/posts/storm/":                      "/weather/port-closed/",
		"/local/2024/03/09/harbour-day.html": "/local/harbour-day/",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, from, nil))
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != to {
			t.Errorf("GET %s = %d → %q, want 301 → %s", from, rec.Code, rec.Header().Get("Location"), to)
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, to, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d", to, rec.Code)
		}
	}

	// Again: nothing changes.
	again, err := importer.Markdown(ctx, st, dir, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tot := again.Totals(); tot.Imported != 0 || tot.Updated != 0 || again.Stories.Unchanged != 5 || again.Pages.Unchanged != 1 {
		t.Errorf("second run:\n%s", reportText(again))
	}
	if a2 := mustArticle(t, st, "posts", "ferry-returns"); len(a2.Corrections) != 2 || a2.Version != a.Version {
		t.Errorf("second run changed the story: %d corrections, version %d→%d", len(a2.Corrections), a.Version, a2.Version)
	}
}

func TestMarkdownBadFrontMatter(t *testing.T) {
	for _, c := range []struct {
		dir, file, want string
		line            int
	}{
		// yaml.v3 places this error where the unclosed list's mapping
		// starts, line 2; TOML at the doubled comma.
		{"badyaml", "b.md", "malformed YAML front matter", 2},
		{"badtoml", "b.md", "malformed TOML front matter", 4},
	} {
		t.Run(c.dir, func(t *testing.T) {
			st := openStore(t)
			_, err := importer.Markdown(context.Background(), st, filepath.Join("testdata", c.dir), importer.Options{})
			var pe *importer.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if !strings.Contains(err.Error(), c.want) || filepath.Base(pe.File) != c.file || pe.Pos.Line != c.line || pe.Pos.Col < 1 {
				t.Errorf("err = %v, want %s at %s line %d", err, c.want, c.file, c.line)
			}
			assertEmpty(t, st)
		})
	}
}

func TestMarkdownBadFiles(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: Secret\ndate: 2024-01-01\n---\nsecret"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link that leads out of the folder is not followed.
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	write("a.md", "---\ntitle: Fine\ndate: 2024-01-01\n---\nFine.")
	st := openStore(t)
	rep, err := importer.Markdown(context.Background(), st, dir, importer.Options{})
	if err != nil || rep.Stories.Imported != 1 {
		t.Fatalf("import: %v\n%s", err, reportText(rep))
	}
	if _, err := st.Article(context.Background(), "news", "secret"); err == nil {
		t.Error("a file outside the folder was imported through a link")
	}

	write("b.md", "---\ntitle: Bad\ndate: 2024-01-01\n---\nline\nbad \xff byte")
	st = openStore(t)
	_, err = importer.Markdown(context.Background(), st, dir, importer.Options{})
	var pe *importer.ParseError
	if !errors.As(err, &pe) || pe.Pos != (importer.Pos{Line: 6, Col: 5}) || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Errorf("err = %v", err)
	}
	assertEmpty(t, st)
}

// TestMarkdownUnusableImage: a featured image Herald cannot show (a path
// relative to the file with no uploads folder, a protocol-relative address)
// is left off and reported; the story still comes in.
func TestMarkdownUnusableImage(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\ntitle: Relative cover\ndate: 2024-01-01\nimage: cover.jpg\n---\nThe ferry ran late.",
		"b.md": "---\ntitle: Elsewhere\ndate: 2024-01-02\nimage: //cdn.example/x.jpg\n---\nThe tide was high.",
		"c.md": "---\ntitle: Good cover\ndate: 2024-01-03\nimage: https://images.example/harbour.jpg\n---\nThe quay was busy.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t)
	rep, err := importer.Markdown(context.Background(), st, dir, importer.Options{})
	if err != nil || rep.Stories.Imported != 3 {
		t.Fatalf("import: %v, %d stories\n%s", err, rep.Stories.Imported, reportText(rep))
	}
	text := reportText(rep)
	for _, addr := range []string{`"cover.jpg"`, `"//cdn.example/x.jpg"`} {
		if !strings.Contains(text, addr+" cannot be used") {
			t.Errorf("the report does not say %s was left off:\n%s", addr, text)
		}
	}
	ctx := context.Background()
	list, _, err := st.Articles(ctx, store.ArticleFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	bySlug := map[string]news.Article{}
	for _, a := range list {
		full, err := st.Article(ctx, a.Section.Slug, a.Slug)
		if err != nil {
			t.Fatal(err)
		}
		bySlug[a.Headline] = *full
	}
	for slug, want := range map[string]string{"Relative cover": "", "Elsewhere": "", "Good cover": "https://images.example/harbour.jpg"} {
		a, ok := bySlug[slug]
		if !ok {
			t.Fatalf("no story %s\n%s", slug, text)
		}
		got := ""
		if a.Image != nil {
			got = a.Image.URL
		}
		if got != want {
			t.Errorf("%s: image %q, want %q", slug, got, want)
		}
	}
}
