package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

// searchNewsroom is a handful of stories about distinct things, plus a draft
// and a story to withdraw that would match the same searches if they were
// found.
type searchNewsroom struct {
	*fixture
	harbor, rain, strike, election, draft, pulled *news.Article
}

func newSearchNewsroom(t *testing.T, s *store.Store) *searchNewsroom {
	t.Helper()
	ctx := context.Background()
	n := &searchNewsroom{fixture: newFixture(t, s)}
	story := func(slug string, section int, age time.Duration, headline, standfirst, body string, author int) *news.Article {
		a := n.article(slug, section, age, author)
		a.Headline, a.Standfirst = headline, standfirst
		a.BodyMarkdown, a.BodyHTML = body, "<p>"+strings.ReplaceAll(body, "\n\n", "</p>\n<p>")+"</p>"
		return a
	}
	n.harbor = story("harbor-deal", 0, 2*time.Hour, "Harbor trade deal signed after long talks",
		"The port authority agreed terms with the shipping lines.",
		"Dockworkers welcomed the agreement, which keeps the container terminal open at night.\n\nThe tunnel under the bay will open in spring, officials said.", 0)
	n.harbor.Tags = []news.Tag{n.tags[0], n.tags[1]}
	n.harbor.Credits = []news.Credit{{Source: n.sources[0], Kind: news.CreditCiting}}
	n.rain = story("rain-storm", 1, 30*time.Hour, "Heavy rain floods the valley",
		"Rivers burst their banks overnight.",
		"Rainfall records fell as the river rose. Farmers in the valley counted their losses.", 1)
	n.rain.Tags = []news.Tag{n.tags[2]}
	n.strike = story("port-strike", 0, 10*24*time.Hour, "Port workers strike over pay",
		"Shipping stopped at the harbor.",
		"Dockworkers at the harbor walked out on Monday. The strike halted shipping for a week.", 2)
	n.strike.Tags = []news.Tag{n.tags[1]}
	n.election = story("election-night", 1, 40*24*time.Hour, "Voters choose a new mayor",
		"Turnout was the highest in decades.",
		"Polls closed at eight. The count ran past midnight in the town hall.", 1)
	n.draft = story("harbor-draft", 0, 0, "Harbor draft not yet ready", "Harbor.", "Dockworkers harbor tunnel.", 0)
	n.draft.Status = news.StatusDraft
	n.pulled = story("harbor-pulled", 0, time.Hour, "Harbor story to be withdrawn", "Harbor.", "Dockworkers harbor tunnel.", 0)
	must(t, s.CreateArticles(ctx, []*news.Article{n.harbor, n.rain, n.strike, n.election, n.draft}))
	must(t, s.CreateArticle(ctx, n.pulled))
	must(t, s.WithdrawArticle(ctx, n.pulled.ID, "Withdrawn."))
	return n
}

// find runs a search typed as a reader would and returns the slugs found, in
// order, and the total.
func find(t *testing.T, s *store.Store, text string, f store.SearchFilter) ([]string, int) {
	t.Helper()
	f.Query = search.Parse(text).Query
	res, err := s.Search(context.Background(), f)
	if err != nil {
		t.Fatalf("Search(%q) = %v", text, err)
	}
	slugs := []string{}
	for _, r := range res.Results {
		slugs = append(slugs, r.Article.Slug)
	}
	if res.More {
		t.Errorf("Search(%q) says more than %d stories match", text, store.SearchCap)
	}
	return slugs, res.Total
}

func TestSearch(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		n := newSearchNewsroom(t, s)
		day := func(age time.Duration) time.Time { return base.Add(-age) }
		tests := []struct {
			name string
			text string
			f    store.SearchFilter
			want []string
		}{
			{"word, headline match first", "harbor", store.SearchFilter{}, []string{"harbor-deal", "port-strike"}},
			{"stemmed", "flooding", store.SearchFilter{}, []string{"rain-storm"}},
			{"all words needed", "harbor mayor", store.SearchFilter{}, []string{}},
			{"phrase", `"trade deal"`, store.SearchFilter{}, []string{"harbor-deal"}},
			{"phrase out of order", `"deal trade"`, store.SearchFilter{}, []string{}},
			{"phrase with stop words", `"tunnel under the bay"`, store.SearchFilter{}, []string{"harbor-deal"}},
			{"phrase with stop words elsewhere", `"tunnel under the spring"`, store.SearchFilter{}, []string{}},
			{"phrase without its stop words", `"tunnel bay"`, store.SearchFilter{}, []string{}},
			{"phrase without its stop word", `"open spring"`, store.SearchFilter{}, []string{}},
			{"phrase with too few stop words", `"tunnel under bay"`, store.SearchFilter{}, []string{}},
			{"phrase starting with stop words", `"the tunnel"`, store.SearchFilter{}, []string{"harbor-deal"}},
			{"phrase ending in a stop word as a prefix", `"tunnel under"*`, store.SearchFilter{}, []string{"harbor-deal"}},
			{"headline phrase ending in a stop word as a prefix", `"strike over"*`, store.SearchFilter{}, []string{"port-strike"}},
			{"exclusion", "harbor -strike", store.SearchFilter{}, []string{"harbor-deal"}},
			{"excluded phrase", `dockworkers -"walked out"`, store.SearchFilter{}, []string{"harbor-deal"}},
			{"prefix", "dockwork*", store.SearchFilter{Sort: news.SortDate}, []string{"harbor-deal", "port-strike"}},
			{"prefix in headline and body", "harb*", store.SearchFilter{Sort: news.SortDate}, []string{"harbor-deal", "port-strike"}},
			{"too short for a prefix", "ha*", store.SearchFilter{}, []string{}},
			{"tag name", "trade", store.SearchFilter{}, []string{"harbor-deal"}},
			{"author name", "ben", store.SearchFilter{Sort: news.SortDate}, []string{"rain-storm", "election-night"}},
			{"source name", "courier", store.SearchFilter{}, []string{"harbor-deal"}},
			{"standfirst", "turnout", store.SearchFilter{}, []string{"election-night"}},
			{"case", "VALLEY", store.SearchFilter{}, []string{"rain-storm"}},
			{"section filter", "the", store.SearchFilter{}, []string{}}, // too common: nothing to search for
			{"section", "shipping", store.SearchFilter{SectionID: n.sections[0].ID, Sort: news.SortDate}, []string{"harbor-deal", "port-strike"}},
			{"shorter story ranks first", "shipping", store.SearchFilter{}, []string{"port-strike", "harbor-deal"}},
			{"section excludes", "shipping", store.SearchFilter{SectionID: n.sections[1].ID}, []string{}},
			{"author", "dockworkers", store.SearchFilter{AuthorID: n.authors[2].ID}, []string{"port-strike"}},
			{"tag", "dockworkers", store.SearchFilter{TagID: n.tags[0].ID}, []string{"harbor-deal"}},
			{"from", "dockworkers", store.SearchFilter{From: day(5 * 24 * time.Hour)}, []string{"harbor-deal"}},
			{"to", "dockworkers", store.SearchFilter{To: day(5 * 24 * time.Hour)}, []string{"port-strike"}},
			{"date sort", "dockworkers", store.SearchFilter{Sort: news.SortDate}, []string{"harbor-deal", "port-strike"}},
			{"page 2", "dockworkers", store.SearchFilter{Sort: news.SortDate, Limit: 1, Offset: 1}, []string{"port-strike"}},
			{"past the end", "dockworkers", store.SearchFilter{Limit: 1, Offset: 5}, []string{}},
			{"draft and withdrawn never found", "tunnel", store.SearchFilter{}, []string{"harbor-deal"}},
		}
		for _, tt := range tests {
			got, total := find(t, s, tt.text, tt.f)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: search %q (-want +got):\n%s", tt.name, tt.text, diff)
			}
			if tt.f.Offset == 0 && tt.f.Limit == 0 && total != len(tt.want) {
				t.Errorf("%s: total %d, want %d", tt.name, total, len(tt.want))
			}
		}
		if _, total := find(t, s, "dockworkers", store.SearchFilter{Limit: 1}); total != 2 {
			t.Errorf("total with a page of 1 = %d, want 2", total)
		}
		if _, total := find(t, s, "dockworkers", store.SearchFilter{Limit: 1, Offset: 5}); total != 2 {
			t.Errorf("total past the last page = %d, want 2", total)
		}
	})
}

func TestSearchSnippets(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := newSearchNewsroom(t, s)
		found, err := s.Search(ctx, store.SearchFilter{Query: search.Parse("tunnel").Query})
		must(t, err)
		res := found.Results
		if len(res) != 1 || res[0].Article.ID != n.harbor.ID {
			t.Fatalf("results = %+v", res)
		}
		r := res[0]
		if r.Article.Section.Slug != "usa-news" || len(r.Article.Authors) != 1 || r.Article.PublishedAt.IsZero() {
			t.Errorf("result article lacks section, authors or date: %+v", r.Article)
		}
		var text strings.Builder
		var marked []string
		for _, p := range r.Snippet {
			text.WriteString(p.Text)
			if p.Match {
				marked = append(marked, p.Text)
			}
		}
		if diff := cmp.Diff([]string{"tunnel"}, marked); diff != "" {
			t.Errorf("marked words (-want +got):\n%s", diff)
		}
		if !strings.Contains(text.String(), "The tunnel under the bay") || strings.ContainsAny(text.String(), "<>\x01\x02") {
			t.Errorf("snippet text = %q", text.String())
		}

		// The index holds text, not markup: tags are gone, entities decoded,
		// and what looks like markup in the text stays text for the page to
		// escape.
		odd := n.article("odd-markup", 1, time.Hour, 0)
		odd.Headline = "Cartoon review"
		odd.BodyHTML = `<p>Tom &amp; Jerry meet a <em>zeppelin</em>: &lt;script&gt;alert(1)&lt;/script&gt;</p>`
		must(t, s.CreateArticle(ctx, odd))
		found, err = s.Search(ctx, store.SearchFilter{Query: search.Parse("zeppelin").Query})
		must(t, err)
		res = found.Results
		if len(res) != 1 {
			t.Fatalf("zeppelin: %d results", len(res))
		}
		var got strings.Builder
		for _, p := range res[0].Snippet {
			got.WriteString(p.Text)
		}
		// PostgreSQL's ts_headline leaves out what looks like a tag; FTS5
		// keeps it, as text for the page to escape.
		if want := "Tom & Jerry meet a zeppelin:"; !strings.HasPrefix(got.String(), want) || strings.Contains(got.String(), "&amp;") {
			t.Errorf("snippet = %q, want it to start %q", got.String(), want)
		}
		for _, q := range []string{"em", "amp", "lt"} {
			if slugs, _ := find(t, s, q, store.SearchFilter{}); len(slugs) != 0 {
				t.Errorf("markup %q is searchable: %v", q, slugs)
			}
		}
	})
}

func TestSearchIndexFollowsWrites(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		n := newSearchNewsroom(t, s)
		if got, _ := find(t, s, "lighthouse", store.SearchFilter{}); len(got) != 0 {
			t.Fatalf("lighthouse found before the correction: %v", got)
		}
		must(t, s.AddCorrection(ctx, n.strike.ID, &news.Correction{Kind: news.KindCorrection, Text: "An earlier version misplaced the lighthouse."}))
		if got, _ := find(t, s, "lighthouse", store.SearchFilter{}); !cmp.Equal(got, []string{"port-strike"}) {
			t.Errorf("after a correction, lighthouse finds %v", got)
		}
		must(t, s.AddCorrection(ctx, n.draft.ID, &news.Correction{Kind: news.KindUpdate, Text: "Lighthouse keepers."}))
		if got, _ := find(t, s, "keepers", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("a correction to a draft made it searchable: %v", got)
		}
		must(t, s.WithdrawArticle(ctx, n.strike.ID, "Withdrawn."))
		if got, _ := find(t, s, "dockworkers", store.SearchFilter{}); !cmp.Equal(got, []string{"harbor-deal"}) {
			t.Errorf("after withdrawal, dockworkers finds %v", got)
		}

		// A failed write leaves the index as it was.
		bad := n.article("harbor-deal", 0, time.Hour, 0) // the slug is taken
		bad.Headline = "Quokka sightings"
		if err := s.CreateArticles(ctx, []*news.Article{n.article("fine", 1, time.Hour, 0), bad}); err == nil {
			t.Fatal("duplicate slug accepted")
		}
		if got, _ := find(t, s, "quokka", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("a rolled-back story is searchable: %v", got)
		}

		// Rebuilding gives the same answers.
		before, _ := find(t, s, "harbor", store.SearchFilter{})
		count, err := s.RebuildSearchIndex(ctx)
		must(t, err)
		if count != 3 { // harbor, rain, election
			t.Errorf("RebuildSearchIndex indexed %d stories, want 3", count)
		}
		_, err = s.RebuildRelated(ctx)
		must(t, err)
		after, _ := find(t, s, "harbor", store.SearchFilter{})
		if !cmp.Equal(before, after) {
			t.Errorf("after rebuilding, harbor finds %v, before %v", after, before)
		}
		if got, _ := find(t, s, "lighthouse", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("the withdrawn story came back with the rebuild: %v", got)
		}
	})
}

// TestSearchHostileQueries hands the store queries no parser would make:
// whatever words they hold, the store answers without an error.
func TestSearchHostileQueries(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		newSearchNewsroom(t, s)
		hostile := []string{`"`, `'`, `''`, `\`, `)`, `(`, `*`, `NEAR`, `AND`, `OR`, `NOT`, `:*`, `!`, `&`, `|`, `<->`,
			`'; DROP TABLE articles; --`, `" OR 1=1 --`, "\x00", "\x01", "a\u200bb", `headline:`, `{headline}`, `^`, ``}
		for _, w := range hostile {
			for _, term := range []news.SearchTerm{
				{Words: []string{w}},
				{Words: []string{"harbor", w}},
				{Words: []string{w}, Prefix: true},
				{Words: []string{w}, Exclude: true},
			} {
				q := news.SearchQuery{Terms: []news.SearchTerm{{Words: []string{"harbor"}}, term}}
				if _, err := s.Search(ctx, store.SearchFilter{Query: q}); err != nil {
					t.Errorf("Search(%+v) = %v", q, err)
				}
				q = news.SearchQuery{Terms: []news.SearchTerm{term}}
				if _, err := s.Search(ctx, store.SearchFilter{Query: q}); err != nil {
					t.Errorf("Search(%+v) = %v", q, err)
				}
			}
		}
		res, err := s.Search(ctx, store.SearchFilter{})
		if err != nil || len(res.Results) != 0 || res.Total != 0 {
			t.Errorf("empty query = %+v, %v; want nothing and no error", res, err)
		}
		if got, _ := find(t, s, "harbor", store.SearchFilter{}); len(got) != 2 {
			t.Errorf("the articles were harmed: harbor finds %v", got)
		}
	})
}

func relatedSlugs(t *testing.T, s *store.Store, a *news.Article) []string {
	t.Helper()
	list, err := s.Related(context.Background(), a, 6)
	must(t, err)
	out := []string{}
	for _, r := range list {
		out = append(out, r.Slug)
	}
	return out
}

func TestRelatedByContent(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		story := func(slug string, section int, age time.Duration, headline, body string, tags ...int) *news.Article {
			a := f.article(slug, section, age, 0)
			a.Headline, a.Standfirst, a.BodyHTML = headline, "", "<p>"+body+"</p>"
			for _, i := range tags {
				a.Tags = append(a.Tags, f.tags[i])
			}
			return a
		}
		subject := story("bridge-vote", 0, time.Hour, "Council votes to repair the Hanover bridge",
			"The Hanover bridge will close for repairs to its cables and deck after the council vote.", 0)
		// Same subject, different section and no shared tag.
		sameTopic := story("bridge-closure", 1, 20*24*time.Hour, "Hanover bridge closure set for March",
			"Drivers face detours while cables and deck of the Hanover bridge are repaired.")
		// Shares a tag and the section, about something else.
		sameTag := story("budget-row", 0, 2*time.Hour, "Budget row delays school meals",
			"Parents complained about the delay to school meals.", 0)
		other := story("choir-prize", 1, 3*time.Hour, "Choir wins regional prize", "The choir sang for the judges.")
		must(t, s.CreateArticles(ctx, []*news.Article{subject, sameTopic, sameTag, other}))

		if got := relatedSlugs(t, s, subject); !cmp.Equal(got, []string{"bridge-closure", "budget-row", "choir-prize"}) {
			t.Errorf("related to the bridge vote = %v; the story on the same bridge should lead", got)
		}

		// A story published later enters the lists of those it relates to.
		later := story("bridge-reopens", 1, 0, "Hanover bridge reopens after repairs",
			"The Hanover bridge reopened with new cables and a new deck.")
		must(t, s.CreateArticle(ctx, later))
		if got := relatedSlugs(t, s, subject); len(got) < 2 || got[0] != "bridge-reopens" && got[1] != "bridge-reopens" {
			t.Errorf("after a new bridge story, related to the vote = %v", got)
		}
		if got := relatedSlugs(t, s, sameTopic); len(got) == 0 || got[0] != "bridge-reopens" && got[0] != "bridge-vote" {
			t.Errorf("related to the closure = %v", got)
		}

		// A withdrawn story leaves every list at once.
		must(t, s.WithdrawArticle(ctx, later.ID, "Withdrawn."))
		for _, a := range []*news.Article{subject, sameTopic, sameTag, other} {
			for _, slug := range relatedSlugs(t, s, a) {
				if slug == "bridge-reopens" {
					t.Errorf("%s still lists the withdrawn story", a.Slug)
				}
			}
		}
		if got := relatedSlugs(t, s, subject); !cmp.Equal(got, []string{"bridge-closure", "budget-row", "choir-prize"}) {
			t.Errorf("after the withdrawal, related to the vote = %v", got)
		}

		// The lists are the same when computed again from scratch.
		want := map[string][]string{}
		all := []*news.Article{subject, sameTopic, sameTag, other}
		for _, a := range all {
			want[a.Slug] = relatedSlugs(t, s, a)
		}
		_, err := s.RebuildSearchIndex(ctx)
		must(t, err)
		_, err = s.RebuildRelated(ctx)
		must(t, err)
		for _, a := range all {
			if got := relatedSlugs(t, s, a); !cmp.Equal(got, want[a.Slug]) {
				t.Errorf("%s: rebuilt related %v, incremental %v", a.Slug, got, want[a.Slug])
			}
		}
	})
}

func TestRelatedKeepsSix(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var all []*news.Article
		for i := range 12 {
			a := f.article("lake-"+string(rune('a'+i)), i%2, time.Duration(i)*time.Hour, i%3)
			a.Headline = "Lake water level report"
			a.BodyHTML = "<p>The lake water level rose again this week near the dam.</p>"
			all = append(all, a)
		}
		must(t, s.CreateArticles(ctx, all[:6]))
		for _, a := range all[6:] {
			must(t, s.CreateArticle(ctx, a))
		}
		for _, a := range all {
			got, err := s.Related(ctx, a, 10)
			must(t, err)
			if len(got) != 6 {
				t.Errorf("%s has %d related stories, want 6", a.Slug, len(got))
			}
			for _, r := range got {
				if r.ID == a.ID {
					t.Errorf("%s is related to itself", a.Slug)
				}
			}
		}
	})
}

// TestSearchFollowsEditsAndSchedules: a story edited in the back office is
// found by its new words and not its old ones, a withdrawn one is not found,
// and a scheduled one is found once it is published.
func TestSearchFollowsEditsAndSchedules(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := f.article("retirement", 0, time.Hour, 0)
		a.BodyMarkdown, a.BodyHTML = "The lighthouse keeper retired.", "<p>The lighthouse keeper retired.</p>"
		must(t, s.CreateArticle(ctx, a))
		a.BodyMarkdown, a.BodyHTML = "The harbourmaster retired.", "<p>The harbourmaster retired.</p>"
		if _, err := s.SaveArticle(ctx, a, 1, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		if got, _ := find(t, s, "harbourmaster", store.SearchFilter{}); len(got) != 1 {
			t.Errorf("an edited story is not found by its new words: %v", got)
		}
		if got, _ := find(t, s, "lighthouse", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("an edited story is still found by words it lost: %v", got)
		}
		a.Status, a.WithdrawnNote = news.StatusWithdrawn, "Withdrawn."
		if _, err := s.SaveArticle(ctx, a, 2, 0, store.RevisionSave); err != nil {
			t.Fatal(err)
		}
		if got, _ := find(t, s, "harbourmaster", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("a story withdrawn in the editor is still found: %v", got)
		}
		due := f.article("almanac", 0, -time.Minute, 0)
		due.Status, due.PublishedAt = news.StatusScheduled, base.Add(time.Minute)
		due.BodyMarkdown, due.BodyHTML = "Spring tides peak.", "<p>Spring tides peak.</p>"
		must(t, s.CreateArticle(ctx, due))
		if got, _ := find(t, s, "tides", store.SearchFilter{}); len(got) != 0 {
			t.Errorf("a scheduled story is found before it is published: %v", got)
		}
		if _, err := s.PublishDue(ctx, base.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got, _ := find(t, s, "tides", store.SearchFilter{}); len(got) != 1 {
			t.Errorf("a story published on schedule is not found: %v", got)
		}
	})
}
