package demo

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
)

func words(s string) int { return len(strings.Fields(s)) }

func TestSiteIsDeterministic(t *testing.T) {
	if !reflect.DeepEqual(Site(), Site()) {
		t.Fatal("two calls of Site() differ")
	}
}

func TestVocabularyValidates(t *testing.T) {
	n := Site()
	if n.Name == "" || n.Tagline == "" {
		t.Error("the newsroom needs a name and a tagline")
	}
	positions := map[int]bool{}
	slugs := map[string]bool{}
	for _, s := range n.Sections {
		if err := s.Validate(); err != nil {
			t.Errorf("section %q: %v", s.Slug, err)
		}
		if s.Description == "" {
			t.Errorf("section %q has no description", s.Slug)
		}
		if positions[s.Position] {
			t.Errorf("section %q shares position %d", s.Slug, s.Position)
		}
		positions[s.Position] = true
		slugs[s.Slug] = true
	}
	for _, a := range n.Authors {
		if err := a.Validate(); err != nil {
			t.Errorf("author %q: %v", a.Slug, err)
		}
		if a.PhotoURL != "/media/authors/"+a.Slug+".png" {
			t.Errorf("author %q has photo %q", a.Slug, a.PhotoURL)
		}
		if a.JobTitle == "" || a.Bio == "" || len(a.Links) == 0 {
			t.Errorf("author %q needs a job title, a bio and a link", a.Slug)
		}
	}
	for _, tg := range n.Tags {
		if err := tg.Validate(); err != nil {
			t.Errorf("tag %q: %v", tg.Slug, err)
		}
	}
	for _, s := range n.Sources {
		if err := s.Validate(); err != nil {
			t.Errorf("source %q: %v", s.Slug, err)
		}
		if s.URL == "" || !strings.Contains(s.URL, ".example/") {
			t.Errorf("source %q should have a fictional .example address, has %q", s.Slug, s.URL)
		}
	}
	for _, p := range n.Pages {
		if err := p.Validate(); err != nil {
			t.Errorf("page %q: %v", p.Slug, err)
		}
		if slugs[p.Slug] {
			t.Errorf("page %q has the same slug as a section", p.Slug)
		}
		slugs[p.Slug] = true
		if w := words(p.BodyMarkdown); w < 150 || w > 400 {
			t.Errorf("page %q has %d words, want 150 to 400", p.Slug, w)
		}
	}
	privacy := ""
	for _, p := range n.Pages {
		if p.Slug == "privacy" {
			privacy = p.BodyMarkdown
		}
	}
	if !strings.Contains(privacy, "never published") || !strings.Contains(privacy, "no third-party requests") {
		t.Error("the privacy page must say commenter emails are never published and the site makes no third-party requests")
	}
}

// TestVocabularyIsFixed pins the slugs that stories in both files rely on.
func TestVocabularyIsFixed(t *testing.T) {
	n := Site()
	var got []string
	for _, s := range n.Sections {
		got = append(got, s.Slug)
	}
	want := []string{"usa-news", "world", "business", "climate", "science-health", "culture", "port-alder"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %v, want %v", got, want)
	}
	if len(n.Authors) != 8 || len(n.Tags) != 24 || len(n.Sources) != 8 || len(n.Pages) != 5 {
		t.Errorf("got %d authors, %d tags, %d sources, %d pages; want 8, 24, 8, 5",
			len(n.Authors), len(n.Tags), len(n.Sources), len(n.Pages))
	}
}

func TestStoriesReferToVocabulary(t *testing.T) {
	n := Site()
	sections, authors, tags, sources := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range n.Sections {
		sections[s.Slug] = true
	}
	for _, a := range n.Authors {
		authors[a.Slug] = true
	}
	for _, tg := range n.Tags {
		tags[tg.Slug] = true
	}
	for _, s := range n.Sources {
		sources[s.Slug] = true
	}
	for _, s := range n.Stories {
		if !sections[s.Section] {
			t.Errorf("%s: unknown section %q", s.Slug, s.Section)
		}
		if len(s.Authors) == 0 || len(s.Authors) > 2 {
			t.Errorf("%s: has %d authors, want 1 or 2", s.Slug, len(s.Authors))
		}
		seen := map[string]bool{}
		for _, a := range s.Authors {
			if !authors[a] {
				t.Errorf("%s: unknown author %q", s.Slug, a)
			}
			if seen[a] {
				t.Errorf("%s: author %q twice", s.Slug, a)
			}
			seen[a] = true
		}
		if len(s.Tags) == 0 || len(s.Tags) > 3 {
			t.Errorf("%s: has %d tags, want 1 to 3", s.Slug, len(s.Tags))
		}
		for _, tg := range s.Tags {
			if !tags[tg] {
				t.Errorf("%s: unknown tag %q", s.Slug, tg)
			}
		}
		for _, c := range s.Credits {
			if !sources[c.Source] {
				t.Errorf("%s: unknown source %q", s.Slug, c.Source)
			}
			if !c.Kind.Valid() {
				t.Errorf("%s: unknown credit kind %q", s.Slug, c.Kind)
			}
			if c.URL != "" && (!news.IsHTTPURL(c.URL) || !strings.Contains(c.URL, ".example/")) {
				t.Errorf("%s: credit link %q should be a fictional .example address", s.Slug, c.URL)
			}
		}
	}
}

func TestStorySlugsAndHeadlines(t *testing.T) {
	n := Site()
	perSection := map[string]map[string]bool{}
	headlines := map[string]string{}
	for _, s := range n.Stories {
		if !news.ValidSlug(s.Slug) {
			t.Errorf("invalid slug %q", s.Slug)
		}
		if perSection[s.Section] == nil {
			perSection[s.Section] = map[string]bool{}
		}
		if perSection[s.Section][s.Slug] {
			t.Errorf("slug %q used twice in %s", s.Slug, s.Section)
		}
		perSection[s.Section][s.Slug] = true
		if s.Headline == "" || len(s.Headline) > 200 {
			t.Errorf("%s: headline %q", s.Slug, s.Headline)
		}
		if other, ok := headlines[s.Headline]; ok {
			t.Errorf("%s and %s share the headline %q", s.Slug, other, s.Headline)
		}
		headlines[s.Headline] = s.Slug
		if s.Standfirst == "" || len(s.Standfirst) > 500 {
			t.Errorf("%s: standfirst is empty or too long", s.Slug)
		}
		if w := words(s.Body); w < 200 {
			t.Errorf("%s: body has %d words, want at least 200", s.Slug, w)
		}
	}
}

func TestStoryCounts(t *testing.T) {
	n := Site()
	perSection := map[string]int{}
	for _, s := range n.Stories {
		perSection[s.Section]++
	}
	for _, sec := range n.Sections {
		if perSection[sec.Slug] < 5 {
			t.Errorf("section %s has %d stories, want at least 5", sec.Slug, perSection[sec.Slug])
		}
	}
	if len(n.Stories) < 40 {
		t.Errorf("the demo has %d stories, want at least 40", len(n.Stories))
	}
	recent := 0
	for _, s := range n.Stories {
		if s.Age <= 40*time.Hour {
			recent++
		}
	}
	if recent < 5 {
		t.Errorf("%d stories are from the last 40 hours, want at least 5", recent)
	}
}

func TestLeadStory(t *testing.T) {
	var lead *Story
	for _, s := range Site().Stories {
		if s.Section == "usa-news" && (lead == nil || s.Age < lead.Age) {
			lead = &s
		}
	}
	if lead == nil || lead.Age > 2*time.Hour || lead.Image == nil {
		t.Errorf("the newest USA News story should be at most 2 hours old and illustrated, got %+v", lead)
	}
}

func TestCreditsAndCorrections(t *testing.T) {
	n := Site()
	kinds := map[news.CreditKind]bool{}
	corrections := 0
	for _, s := range n.Stories {
		for _, c := range s.Credits {
			kinds[c.Kind] = true
		}
		for _, c := range s.Corrections {
			nc := news.Correction{Kind: c.Kind, Text: c.Text}
			if err := nc.Validate(); err != nil {
				t.Errorf("%s: correction: %v", s.Slug, err)
			}
			if c.Age <= 0 || c.Age >= s.Age {
				t.Errorf("%s: correction %v old, but the story is %v old", s.Slug, c.Age, s.Age)
			}
			if c.Kind == news.KindCorrection {
				corrections++
			}
		}
	}
	for _, k := range news.CreditKinds {
		if !kinds[k] {
			t.Errorf("no story uses the credit kind %q", k)
		}
	}
	if corrections < 3 {
		t.Errorf("%d corrections, want at least 3", corrections)
	}
}

func TestStoryTimesAndImages(t *testing.T) {
	n := Site()
	seeds := map[int64]string{}
	for _, s := range n.Stories {
		if s.Age <= 0 || s.Age > 31*24*time.Hour {
			t.Errorf("%s: age %v, want between 0 and 31 days", s.Slug, s.Age)
		}
		if s.UpdatedAge < 0 || (s.UpdatedAge != 0 && s.UpdatedAge >= s.Age) {
			t.Errorf("%s: updated %v ago but published %v ago", s.Slug, s.UpdatedAge, s.Age)
		}
		if im := s.Image; im != nil {
			if strings.TrimSpace(im.Alt) == "" || im.Caption == "" || im.Credit == "" {
				t.Errorf("%s: image needs alt text, a caption and a credit", s.Slug)
			}
			if other, ok := seeds[im.Seed]; ok {
				t.Errorf("%s and %s use the same image seed %d", s.Slug, other, im.Seed)
			}
			seeds[im.Seed] = s.Slug
		}
	}
}

// TestStoriesA checks the first half of the stories on its own, so that its
// promises hold whatever the other half does.
func TestStoriesA(t *testing.T) {
	stories := storiesA()
	if len(stories) != 21 {
		t.Errorf("storiesA has %d stories, want 21", len(stories))
	}
	perSection := map[string]int{}
	ages := map[time.Duration]string{}
	twoAuthors, corrections, updates := 0, 0, 0
	for _, s := range stories {
		perSection[s.Section]++
		if other, ok := ages[s.Age]; ok {
			t.Errorf("%s and %s have the same age", s.Slug, other)
		}
		ages[s.Age] = s.Slug
		if len(s.Authors) == 2 {
			twoAuthors++
		}
		for _, c := range s.Corrections {
			switch c.Kind {
			case news.KindCorrection:
				corrections++
			case news.KindUpdate:
				updates++
			}
		}
		if w := words(s.Body); w < 250 || w > 600 {
			t.Errorf("%s: body has %d words, want 250 to 600", s.Slug, w)
		}
		if s.Image != nil && s.Image.Alt != IllustrationAlt(s.Image.Seed) {
			t.Errorf("%s: alt text does not describe the drawing", s.Slug)
		}
	}
	want := map[string]int{"usa-news": 6, "world": 5, "business": 5, "port-alder": 5}
	if !reflect.DeepEqual(perSection, want) {
		t.Errorf("stories per section = %v, want %v", perSection, want)
	}
	if twoAuthors < 3 {
		t.Errorf("%d two-author bylines, want at least 3", twoAuthors)
	}
	if corrections != 2 || updates != 1 {
		t.Errorf("%d corrections and %d updates, want 2 and 1", corrections, updates)
	}
}

// TestAltTextDescribesDrawing keeps every story's alt text true to the picture
// that Illustration actually draws for its seed.
func TestAltTextDescribesDrawing(t *testing.T) {
	for _, s := range Site().Stories {
		if s.Image != nil && s.Image.Alt != IllustrationAlt(s.Image.Seed) {
			t.Errorf("%s: alt text %q does not describe the drawing (%q)", s.Slug, s.Image.Alt, IllustrationAlt(s.Image.Seed))
		}
	}
}
