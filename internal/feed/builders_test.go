package feed

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/herald-news/herald/internal/news"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// t0 is the fixed moment the fixtures are built around; tests never read the clock.
var t0 = time.Date(2025, time.March, 14, 14, 30, 0, 0, time.UTC)

// est is a fixed zone so dates are written the same on every machine.
var est = time.FixedZone("EST", -5*60*60)

func testSite() Site {
	return Site{
		Name:        "The Harbor Ledger",
		Description: "News from the harbor & beyond",
		BaseURL:     "https://news.example",
		Language:    "en",
		LogoURL:     "/static/logo.png",
		Location:    est,
	}
}

var (
	usaNews = news.Section{ID: 1, Slug: "usa-news", Name: "USA News"}
	climate = news.Section{ID: 2, Slug: "climate", Name: "Climate & Energy"}

	maya = news.Author{
		ID: 1, Slug: "maya-okafor", Name: "Maya Okafor", JobTitle: "Senior Correspondent, Washington",
		PhotoURL: "/media/authors/maya-okafor.png",
		Links:    []news.Link{{Label: "Website", URL: "https://maya.example/"}},
	}
	jon  = news.Author{ID: 2, Slug: "jon-park", Name: "Jon Park"}
	zoe  = news.Author{ID: 3, Slug: "zoe-lefevre", Name: "Zoë Lefèvre", JobTitle: "Energy Editor"}
	wire = news.Author{ID: 4, Slug: "harbor-wire", Name: "Harbor Wire"}

	tagPorts    = news.Tag{ID: 1, Slug: "ports", Name: "Ports"}
	tagShipping = news.Tag{ID: 2, Slug: "shipping", Name: "Shipping & Trade"}

	wsj      = news.Source{ID: 1, Slug: "the-wall-street-journal", Name: "The Wall Street Journal", URL: "https://wsj.example/"}
	reuters  = news.Source{ID: 2, Slug: "reuters", Name: "Reuters", URL: "https://reuters.example/"}
	politico = news.Source{ID: 3, Slug: "politico", Name: "Politico"}
	ap       = news.Source{ID: 4, Slug: "associated-press", Name: "Associated Press"}
	ortiz    = news.Source{ID: 5, Slug: "lena-ortiz", Name: "Lena Ortiz"}
)

type articleOpt func(*news.Article)

// newArticle is a published story by Maya Okafor in USA News, published at t0;
// opts change what a test cares about.
func newArticle(id int64, slug string, opts ...articleOpt) news.Article {
	a := news.Article{
		ID:          id,
		Slug:        slug,
		Section:     usaNews,
		Headline:    "Story " + slug,
		Standfirst:  "What happened in " + slug + ".",
		BodyHTML:    "<p>Body of " + slug + ".</p>",
		WordCount:   230,
		Status:      news.StatusPublished,
		PublishedAt: t0,
		CreatedAt:   t0.Add(-2 * time.Hour),
		ModifiedAt:  t0,
		Authors:     []news.Author{maya},
	}
	for _, o := range opts {
		o(&a)
	}
	return a
}

func headline(h string) articleOpt   { return func(a *news.Article) { a.Headline = h } }
func standfirst(s string) articleOpt { return func(a *news.Article) { a.Standfirst = s } }
func body(h string) articleOpt       { return func(a *news.Article) { a.BodyHTML = h } }
func in(s news.Section) articleOpt   { return func(a *news.Article) { a.Section = s } }

func by(authors ...news.Author) articleOpt {
	return func(a *news.Article) { a.Authors = authors }
}

func tagged(tags ...news.Tag) articleOpt { return func(a *news.Article) { a.Tags = tags } }

func published(t time.Time) articleOpt { return func(a *news.Article) { a.PublishedAt = t } }

func updated(t time.Time) articleOpt { return func(a *news.Article) { a.UpdatedAt = t } }

func credit(src news.Source, kind news.CreditKind, url string) articleOpt {
	return func(a *news.Article) {
		a.Credits = append(a.Credits, news.Credit{Source: src, Kind: kind, URL: url})
	}
}

func corrected(kind news.CorrectionKind, text string, at time.Time) articleOpt {
	return func(a *news.Article) {
		a.Corrections = append(a.Corrections, news.Correction{ID: int64(len(a.Corrections) + 1), ArticleID: a.ID, Kind: kind, Text: text, CreatedAt: at})
	}
}

func pictured(img news.Image) articleOpt { return func(a *news.Article) { a.Image = &img } }

// trickyHeadline has markup characters, a CDATA terminator, non-ASCII text and
// a control character that XML 1.0 cannot carry.
const trickyHeadline = "Port & <Harbor> talks ]]> stall — “résumé” 港口\x01 over fees"

// richArticle has everything a story can have: three authors, a credit of every
// kind, a correction and an update, a featured image, tags, and a body with
// site-relative links.
func richArticle() news.Article {
	return newArticle(42, "port-talks-stall",
		headline(trickyHeadline),
		standfirst("Negotiators left <early> & said little."),
		body(`<p>Talks <a href="/usa-news/earlier-talks/">broke down</a> again.</p>`+
			`<figure><img src="/media/port.png" srcset="/media/port-640.png 640w, /media/port-1280.png 1280w" alt="The port"></figure>`+
			`<p>See <a href="https://elsewhere.example/x">elsewhere</a> and <a href="#notes">notes</a>; a&nbsp;tag reads href="/not-a-link".</p>`),
		by(maya, jon, wire),
		tagged(tagPorts, tagShipping),
		credit(wsj, news.CreditFirstReported, "https://wsj.example/2025/03/port-talks"),
		credit(reuters, news.CreditCiting, ""),
		credit(politico, news.CreditAccordingTo, "https://politico.example/port"),
		credit(ap, news.CreditVia, ""),
		credit(ortiz, news.CreditContributed, ""),
		updated(t0.Add(3*time.Hour)),
		corrected(news.KindUpdate, "Adds comment from the port authority.", t0.Add(4*time.Hour)),
		corrected(news.KindCorrection, "An earlier version misstated the fee as $40.", t0.Add(5*time.Hour)),
		pictured(news.Image{URL: "/media/port.png", Alt: "Cranes at dusk", Caption: "Cranes at the east terminal.", Credit: "Photo: Ada Ruiz", Width: 1280, Height: 720}),
	)
}

// fixedItems is the list the golden files are made from, newest first.
func fixedItems() []news.Article {
	return []news.Article{
		richArticle(),
		newArticle(41, "tide-tables", in(climate), by(zoe), published(t0.Add(-26*time.Hour)), tagged(tagPorts)),
		newArticle(40, "ferry-fares", published(t0.Add(-80*time.Hour)), by(jon)),
	}
}

// golden compares got with testdata/name.golden, or rewrites it under -update.
func golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/feed -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (-want +got); run with -update if the change is meant:\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// schemaDir is where the shared XML schemas live, beside the repository.
const schemaDir = "../../../shared/testdata/schemas"

// needTool stops a test that cannot run here: CI must have every tool, so
// there it fails; on a developer's machine it skips.
func needTool(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (required when CI=true)")
	}
	t.Skip(msg)
}

// xmllint returns the path of xmllint and the absolute schema directory, or
// stops the test when either is missing.
func xmllint(t testing.TB) (bin, dir string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		needTool(t, "xmllint not found: apt-get install libxml2-utils")
	}
	dir, err = filepath.Abs(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sitemap.xsd")); err != nil {
		needTool(t, "XML schemas not found at "+dir+": "+err.Error())
	}
	return bin, dir
}

// validate runs xmllint --schema over doc and fails the test with its report.
func validate(t testing.TB, schema string, doc []byte) {
	t.Helper()
	bin, _ := xmllint(t)
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", schema, f).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema %s: %v\n%s", filepath.Base(schema), err, out)
	}
}

// wellFormed runs xmllint --noout over doc, a stricter parser than gofeed's.
func wellFormed(t testing.TB, doc []byte) {
	t.Helper()
	bin, _ := xmllint(t)
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--noout", "--nonet", f).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
