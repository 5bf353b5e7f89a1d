package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// A corpus is a synthetic newsroom whose stories are each about one known
// topic and carry a phrase of their own, so that related articles and
// known-item search can be scored against the truth. Topics have distinct
// vocabularies but share the words every news story uses, and the names of
// people and places; sections, tags and authors follow topics only loosely,
// so that related articles have to read the text to do well.

// CorpusOptions shape a corpus.
type CorpusOptions struct {
	Stories int
	Seed    uint64
	Now     time.Time // the newest story's time; the others spread over two years before it
	// Topics is how many topics there are; 0 means 12 for small corpora and
	// one per 2,500 stories for large ones.
	Topics int
}

// Corpus is a labelled newsroom ready to load into a store.
type Corpus struct {
	Sections []news.Section
	Authors  []news.Author
	Tags     []news.Tag
	Sources  []news.Source
	Stories  []Story // oldest first, the order they are published in
}

// Story is one story of a corpus with what it is known to be about.
type Story struct {
	Article *news.Article // Section, Authors, Tags and Credits get their IDs in Load
	Topic   int           // stories with the same topic are related
	// Phrase is three words that no other story has together; searched for,
	// they should find this story first.
	Phrase string

	section int
	authors []int
	tags    []int
	source  int // -1 for none
}

// topic is a subject with its own words.
type topic struct {
	name    string
	words   []string
	section int
}

// The hand-written topics; larger corpora add topics of made-up words.
var baseTopics = []struct{ name, words string }{
	{"elections", "ballot ballots voters turnout candidate candidates campaign polling precinct runoff incumbent primary caucus electorate canvass recount district mandate referendum constituency nominee"},
	{"wildfires", "wildfire blaze firefighters evacuation containment acres embers smoke brush arson firebreak airtanker scorched hotspot flames evacuees ridge drought tinder smokejumpers"},
	{"football", "striker goalkeeper midfielder penalty offside stadium league fixture relegation transfer coach derby tackle kickoff halftime equaliser supporters dugout winger hattrick"},
	{"central-bank", "inflation interest rates governor monetary policy bond yields liquidity tightening currency treasury deflation benchmark lending reserves basis hawkish dovish economists stimulus"},
	{"vaccines", "vaccine vaccination dose booster immunity antibodies trial pharmacist clinic immunisation variant efficacy placebo epidemiologist outbreak pathogen syringe jab regulators antigen"},
	{"space", "rocket launch orbit satellite astronaut capsule payload booster spacecraft lunar mission countdown telescope orbital module thruster cosmonaut spaceport docking asteroid"},
	{"shipping", "harbor port container vessel freighter dockworkers cargo tanker berth quay crane shipping terminal tugboat maritime pier stevedores ferry manifest customs"},
	{"schools", "teachers pupils classroom curriculum headteacher exam exams tuition semester homework kindergarten literacy enrolment classrooms principal lessons playground graduation textbooks tutors"},
	{"housing", "rent tenants landlord mortgage housing apartments eviction zoning developer affordable homeowners lease realtor condominium foreclosure renters tenancy dwellings bedrooms subsidy"},
	{"courts", "judge jury verdict trial prosecutor defendant appeal testimony witness sentencing acquittal plaintiff courtroom indictment lawyers bail magistrate felony perjury injunction"},
	{"farming", "harvest crops farmers wheat barley livestock cattle tractor irrigation fertiliser orchard dairy grain silo pasture yields seedlings ploughing herd agronomist"},
	{"technology", "software chip semiconductor startup algorithm encryption cloud smartphone processor developers hackers database broadband gadget firmware silicon app servers bandwidth cybersecurity"},
}

// commonWords are the words every story uses, whatever it is about.
var commonWords = strings.Fields(`said says year years week month people city government officials
	report plan plans new time day told members group public local national state country week told
	percent million first last next later early month months number part place spokesman spokeswoman
	statement meeting council agency office department minister president leader leaders director chief
	company companies business workers families residents community region area areas centre center
	increase decline rise fall support concerns question questions issue issues decision decisions
	change changes record figures data according expected announced added noted warned called asked
	weeks days hours morning evening night season today yesterday recent recently following during
	began started continued remained became made make making took take taking gave give given saw see
	seen went go going came come coming found find work working worked help helped needs need needed
	long short high low large small major minor key main several many few other another same different
	local regional official independent senior former current latest previous future possible likely
	important significant serious difficult clear open closed free full hard better best worse worst
	money cost costs price prices budget funding spending tax taxes pay paid bill bills law laws rule
	rules policy system service services program programme project projects effort efforts plan
	response pressure problem problems case cases result results effect effects impact situation`)

// People, places and things: the words of each story's own phrase, and the
// names that stories of every topic mention.
var (
	surnames = strings.Fields(`Okafor Lindqvist Moreau Tanaka Alvarez Kowalski Haddad Novak Brennan Achebe
		Petrov Castillo Nakamura Olsen Fitzgerald Mbeki Romano Varga Delacroix Ibarra Kaur Lindgren Osei
		Marchetti Sorensen Quinlan Abara Takeda Ferreira Dunmore Halvorsen Eze Vasquez Holloway Rahman
		Mendoza Kovacs Ashworth Nwosu Bergman Calloway Duarte Engel Fairbanks Grimaldi Hartmann Ivanova
		Jovanovic Kimura Lachance Moyo Nakagawa Oyelaran Pellegrini Quintero Rasmussen Salazar Thorne
		Ulrich Valdez Whitcombe Yamamoto Zielinski Abernathy Bianchi Carrasco Drummond Esposito Fonseca
		Gallagher Herrera Ishikawa Jaramillo Kristensen Lombardi Mancini Nordstrom Ortega Pacheco Reyes
		Sandoval Tremblay Urquhart Villanueva Westbrook Yilmaz Zamora Adeyemi Bjork Cavanagh Demir Ekwueme
		Falkner Gutierrez Hakimi Ingersoll Jablonski Kellerman Lozano Moreno Nilsen Okonkwo Pryce Radcliffe
		Strand Toivonen Uchenna Vidal Wexford Yeboah Zapata Ahlberg Bellamy Crowther Dalgleish Eriksen`)
	places = strings.Fields(`Linden Ashford Marlow Kestrel Brightwater Harrowgate Elmsworth Corrie
		Dunhallow Fernvale Glenmore Holloway Inverleigh Juniper Kingsbridge Larchmont Millbrook Northgate
		Oakridge Penhallow Queensferry Ravenscroft Stonehaven Thornbury Upton Valemount Westerly Yarrow
		Alderney Beckford Caldwell Dovercourt Eastleigh Fairhaven Greystone Hatherley Ironbridge Kilbride
		Lowestoft Merriweather Netherby Oxley Portmere Redhill Saltmarsh Tidewater Underhill Wexcombe
		Amberley Blackmoor Cranfield Denholm Everton Foxcote Goldhurst Hempstead Ivybridge Lambeth`)
	objects = strings.Fields(`bridge tunnel stadium clinic library depot tower quarry marina reservoir
		viaduct museum observatory brewery foundry lighthouse granary pavilion monastery aqueduct
		boathouse hangar sawmill tannery smelter distillery orchard vineyard bakery creamery cannery
		warehouse arcade colonnade causeway embankment ferryboat funicular gasworks greenhouse hatchery
		kiln laundry mill mint nursery pumphouse refinery rotunda shipyard signalbox spire stockyard
		substation switchyard tramway turbine waterworks weir windmill workshop zoo aviary barracks
		belfry cloister courthouse dovecote fortress gatehouse icehouse jetty keep lock maltings`)
	verbs = strings.Fields(`backs opposes reviews questions defends praises rejects approves delays
		unveils doubts welcomes criticises examines pledges halts revives funds`)
)

// NewCorpus makes a corpus: deterministic for the same options.
func NewCorpus(o CorpusOptions) *Corpus {
	r := rand.New(rand.NewPCG(o.Seed, 0x6865_7261_6c64))
	if o.Now.IsZero() {
		o.Now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	}
	nTopics := o.Topics
	if nTopics <= 0 {
		nTopics = max(len(baseTopics), o.Stories/2500)
	}
	c := &Corpus{}
	sectionNames := []string{"Politics", "Environment", "Sport", "Business", "Health", "Science", "Local", "Education", "Justice", "Technology"}
	for i, name := range sectionNames {
		c.Sections = append(c.Sections, news.Section{Slug: strings.ToLower(name), Name: name, Position: i})
	}
	for i := range 24 {
		name := surnames[(i*7)%len(surnames)]
		c.Authors = append(c.Authors, news.Author{Slug: fmt.Sprintf("writer-%02d", i), Name: "Sam " + name})
	}
	for i := range 6 {
		c.Sources = append(c.Sources, news.Source{Slug: fmt.Sprintf("wire-%d", i), Name: fmt.Sprintf("Wire Service %c", 'A'+i)})
	}
	topics := make([]topic, nTopics)
	used := map[string]bool{}
	for _, w := range commonWords {
		used[strings.ToLower(w)] = true
	}
	for i := range topics {
		if i < len(baseTopics) {
			topics[i] = topic{name: baseTopics[i].name, words: strings.Fields(baseTopics[i].words)}
		} else {
			topics[i] = topic{name: fmt.Sprintf("topic-%d", i)}
			for len(topics[i].words) < 20 {
				if w := madeUpWord(r); !used[w] {
					used[w] = true
					topics[i].words = append(topics[i].words, w)
				}
			}
		}
		topics[i].section = i % len(c.Sections)
		c.Tags = append(c.Tags, news.Tag{Slug: "t-" + topics[i].name, Name: strings.ReplaceAll(topics[i].name, "-", " ")})
	}
	// Large corpora add made-up everyday words, rare and common, so that
	// the index's word lists are as uneven as a real archive's.
	common := commonWords
	if o.Stories > 1000 {
		common = append([]string(nil), commonWords...)
		for len(common) < 4000 {
			if w := madeUpWord(r); !used[w] {
				used[w] = true
				common = append(common, w)
			}
		}
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(common)-1))

	span := 2 * 365 * 24 * time.Hour
	phrases := map[string]bool{}
	for i := range o.Stories {
		t := r.IntN(nTopics)
		tp := topics[t]
		st := Story{Topic: t, source: -1}
		var phrase []string
		for {
			phrase = []string{surnames[r.IntN(len(surnames))], places[r.IntN(len(places))], objects[r.IntN(len(objects))]}
			key := strings.Join(phrase, " ")
			if !phrases[key] {
				phrases[key] = true
				break
			}
		}
		st.Phrase = strings.Join(phrase, " ")
		// Every story touches on a second topic too, a little.
		other := topics[r.IntN(nTopics)]
		topicWord := func() string { return tp.words[r.IntN(len(tp.words))] }
		commonWord := func() string { return common[zipf.Uint64()] }
		sentence := func(n int, topicShare float64) string {
			words := make([]string, n)
			for j := range words {
				switch x := r.Float64(); {
				case x < topicShare:
					words[j] = topicWord()
				case x < topicShare+0.04:
					words[j] = other.words[r.IntN(len(other.words))]
				case x < topicShare+0.08:
					words[j] = surnames[r.IntN(len(surnames))]
				case x < topicShare+0.11:
					words[j] = places[r.IntN(len(places))]
				case x < topicShare+0.13:
					words[j] = objects[r.IntN(len(objects))]
				default:
					words[j] = commonWord()
				}
			}
			s := strings.Join(words, " ")
			return strings.ToUpper(s[:1]) + s[1:] + "."
		}
		headline := phrase[0] + " " + verbs[r.IntN(len(verbs))] + " " + phrase[1] + " " + phrase[2] + " " + commonWord() + " " + topicWord()
		standfirst := sentence(12+r.IntN(8), 0.2)
		var paras []string
		for p := range 3 + r.IntN(4) {
			var ss []string
			for range 2 + r.IntN(3) {
				ss = append(ss, sentence(10+r.IntN(12), 0.12))
			}
			if p == 0 {
				ss = append(ss, "The "+phrase[2]+" in "+phrase[1]+" was named by "+phrase[0]+".")
			}
			paras = append(paras, strings.Join(ss, " "))
		}
		md := strings.Join(paras, "\n\n")
		words := len(strings.Fields(md))
		published := o.Now.Add(-span + time.Duration(float64(span)*float64(i+1)/float64(max(o.Stories, 1)))).Truncate(time.Second)
		st.Article = &news.Article{
			Slug: fmt.Sprintf("story-%06d", i), Headline: headline, Standfirst: standfirst,
			BodyMarkdown: md, BodyHTML: "<p>" + strings.Join(paras, "</p>\n<p>") + "</p>", WordCount: words,
			Status: news.StatusPublished, PublishedAt: published, CreatedAt: published, ModifiedAt: published,
			CommentsOpen: true,
		}
		st.section = tp.section
		if r.Float64() < 0.3 {
			st.section = r.IntN(len(c.Sections))
		}
		st.authors = []int{r.IntN(len(c.Authors))}
		if r.Float64() < 0.2 {
			if b := r.IntN(len(c.Authors)); b != st.authors[0] {
				st.authors = append(st.authors, b)
			}
		}
		if r.Float64() < 0.5 {
			st.tags = append(st.tags, t)
		}
		for range r.IntN(3) {
			if x := r.IntN(nTopics); x != t {
				st.tags = append(st.tags, x)
			}
		}
		if r.Float64() < 0.3 {
			st.source = r.IntN(len(c.Sources))
		}
		c.Stories = append(c.Stories, st)
	}
	return c
}

// madeUpWord makes a pronounceable word that no dictionary has.
func madeUpWord(r *rand.Rand) string {
	const cons, vows = "bcdfghjklmnprstvz", "aeiou"
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteByte(cons[r.IntN(len(cons))])
		b.WriteByte(vows[r.IntN(len(vows))])
	}
	if r.IntN(2) == 0 {
		b.WriteByte(cons[r.IntN(len(cons))])
	}
	return b.String()
}

// Loader is what loading a corpus needs of a store.
type Loader interface {
	CreateSection(ctx context.Context, s *news.Section) error
	CreateAuthor(ctx context.Context, a *news.Author) error
	CreateTag(ctx context.Context, t *news.Tag) error
	CreateSource(ctx context.Context, s *news.Source) error
	CreateArticles(ctx context.Context, as []*news.Article) error
}

// Load creates the corpus's sections, authors, tags and sources in st, then
// publishes its stories oldest first, batch at a time (1 publishes each on
// its own, as a newsroom does).
func (c *Corpus) Load(ctx context.Context, st Loader, batch int) error {
	if err := c.LoadTaxonomy(ctx, st); err != nil {
		return err
	}
	batch = max(batch, 1)
	for start := 0; start < len(c.Stories); start += batch {
		if err := st.CreateArticles(ctx, c.Articles(start, min(start+batch, len(c.Stories)))); err != nil {
			return err
		}
	}
	return nil
}

// LoadTaxonomy creates the sections, authors, tags and sources, and gives the
// stories their IDs.
func (c *Corpus) LoadTaxonomy(ctx context.Context, st Loader) error {
	for i := range c.Sections {
		if err := st.CreateSection(ctx, &c.Sections[i]); err != nil {
			return err
		}
	}
	for i := range c.Authors {
		if err := st.CreateAuthor(ctx, &c.Authors[i]); err != nil {
			return err
		}
	}
	for i := range c.Tags {
		if err := st.CreateTag(ctx, &c.Tags[i]); err != nil {
			return err
		}
	}
	for i := range c.Sources {
		if err := st.CreateSource(ctx, &c.Sources[i]); err != nil {
			return err
		}
	}
	return nil
}

// Articles returns the articles of stories [from, to), with the IDs of their
// section, authors, tags and sources filled in from the taxonomy.
func (c *Corpus) Articles(from, to int) []*news.Article {
	out := make([]*news.Article, 0, to-from)
	for i := from; i < to; i++ {
		s := &c.Stories[i]
		a := s.Article
		a.Section = c.Sections[s.section]
		a.Authors = a.Authors[:0]
		for _, j := range s.authors {
			a.Authors = append(a.Authors, c.Authors[j])
		}
		a.Tags = a.Tags[:0]
		for _, j := range s.tags {
			a.Tags = append(a.Tags, c.Tags[j])
		}
		a.Credits = a.Credits[:0]
		if s.source >= 0 {
			a.Credits = append(a.Credits, news.Credit{Source: c.Sources[s.source], Kind: news.CreditCiting})
		}
		out = append(out, a)
	}
	return out
}
