package generate

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/herald-news/herald/internal/content"
)

// prose is text being written a word at a time. It counts words as
// content.WordCount would count them in the rendered page, which saves
// scanning every body again.
type prose struct {
	b     []byte
	words int
	space bool // a space goes before the next word
	upper bool // the next word starts a sentence
}

func (p *prose) reset() { *p = prose{b: p.b[:0]} }

// word appends one or more words; every entry in the word lists holds at
// least one letter or digit per space-separated part.
func (p *prose) word(s string) {
	if p.space {
		p.b = append(p.b, ' ')
	}
	at := len(p.b)
	p.b = append(p.b, s...)
	if p.upper {
		if c := p.b[at]; 'a' <= c && c <= 'z' {
			p.b[at] = c - 'a' + 'A'
		}
		p.upper = false
	}
	p.words += 1 + strings.Count(s, " ")
	p.space = true
}

// mark appends punctuation that sits against the word before it.
func (p *prose) mark(s string) { p.b = append(p.b, s...) }

// open starts a quotation.
func (p *prose) open() {
	if p.space {
		p.b = append(p.b, ' ')
	}
	p.b = append(p.b, "“"...)
	p.space = false
}

// sentence starts a new sentence.
func (p *prose) sentence() { p.upper = true }

// person is someone a story quotes: named in full the first time, by
// surname after that.
type person struct {
	first, last, role, org string
	named                  bool
}

// writer writes the words of one story. It is used by one goroutine.
type writer struct {
	r      *rand.Rand
	v      *vocabulary
	sec    int      // index into sectionDefs
	place  string   // where the story happens
	places []string // every town of the newsroom
	year   int      // the year the story was published
	cast   []person
	p      prose
}

func (w *writer) pick(list []string) string { return list[w.r.IntN(len(list))] }

func (w *writer) chance(pct int) bool { return w.r.IntN(100) < pct }

func (w *writer) town() string {
	if w.chance(70) {
		return w.place
	}
	return w.pick(w.places)
}

func (w *writer) noun() noun {
	if w.chance(45) {
		t := w.v.topics[w.sec]
		return t[w.r.IntN(len(t))]
	}
	return w.v.nouns[w.r.IntN(len(w.v.nouns))]
}

func (w *writer) verb() verb  { return w.v.verbs[w.r.IntN(len(w.v.verbs))] }
func (w *writer) move() verb  { return w.v.moves[w.r.IntN(len(w.v.moves))] }
func (w *writer) adj() string { return w.pick(w.v.adjectives) }

// thing writes a singular noun phrase: "the new ferry terminal".
func (w *writer) thing() {
	switch n := w.r.IntN(10); {
	case n < 4:
		w.p.word("the")
		w.p.word(w.adj())
		w.p.word(w.noun().one)
	case n < 6:
		w.p.word("the")
		w.p.word(w.noun().one)
	case n < 7:
		w.p.word(w.town() + "’s")
		w.p.word(w.noun().one)
	case n < 8:
		w.p.word("its")
		w.p.word(w.noun().one)
	default:
		w.anAdj()
		w.p.word(w.noun().one)
	}
}

// anAdj writes "a" or "an" and an adjective.
func (w *writer) anAdj() {
	a := w.adj()
	w.p.word(article(a))
	w.p.word(a)
}

// org writes an organisation: "the Ashford Planning Commission".
func (w *writer) org() {
	switch n := w.r.IntN(10); {
	case n < 6:
		w.p.word("the")
		w.p.word(w.town())
		w.p.word(w.pick(w.v.orgTypes))
	case n < 8:
		w.p.word("the Ministry of")
		w.p.word(w.pick(w.v.ministries))
	default:
		w.p.word(w.pick(w.v.lastNames))
		w.p.word(w.pick(w.v.companyTypes))
	}
}

// orgName returns an organisation's name for a person's title.
func (w *writer) orgName() string {
	if w.chance(75) {
		return "the " + w.town() + " " + w.pick(w.v.orgTypes)
	}
	return w.pick(w.v.lastNames) + " " + w.pick(w.v.companyTypes)
}

// someone returns a member of the story's cast, adding one now and then.
func (w *writer) someone() *person {
	if len(w.cast) < 2 || (len(w.cast) < 4 && w.chance(20)) {
		w.cast = append(w.cast, person{
			first: w.pick(w.v.firstNames), last: w.pick(w.v.lastNames),
			role: w.pick(w.v.roles), org: w.orgName(),
		})
	}
	return &w.cast[w.r.IntN(len(w.cast))]
}

// named writes a person: in full with who they are the first time
// ("Ana Ortiz, the chair of the Ashford Planning Commission,"), by surname
// later. last says whether the sentence ends right after.
func (w *writer) named(pp *person, last bool) {
	if pp.named {
		w.p.word(pp.last)
		return
	}
	pp.named = true
	w.p.word(pp.first)
	w.p.word(pp.last)
	w.p.mark(",")
	w.p.word(article(pp.role))
	w.p.word(pp.role)
	w.p.word("at")
	w.p.word(pp.org)
	if !last {
		w.p.mark(",")
	}
}

// subject writes who or what does something, in a form that agrees with a
// past-tense verb or a modal.
func (w *writer) subject() {
	switch n := w.r.IntN(20); {
	case n < 6:
		w.org()
	case n < 11:
		w.thing()
	case n < 14:
		w.p.word(w.pick(w.v.groups))
	case n < 17:
		w.named(w.someone(), false)
	default:
		w.p.word(w.town())
		w.p.word("officials")
	}
}

func (w *writer) pastTime() {
	switch n := w.r.IntN(10); {
	case n < 4:
		w.p.word("on")
		w.p.word(w.pick(w.v.weekdays))
	case n < 6:
		w.p.word("in")
		w.p.word(w.pick(w.v.months))
	default:
		w.p.word(w.pick(w.v.pastTimes))
	}
}

func (w *writer) futureTime() {
	if w.chance(25) {
		w.p.word("by")
		w.p.word(w.pick(w.v.months))
		return
	}
	w.p.word(w.pick(w.v.futureTimes))
}

var smallNumbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine"}

// count writes a number of things: "seven", "1,240".
func (w *writer) count() {
	if w.chance(40) {
		w.p.word(w.pick(smallNumbers))
		return
	}
	w.p.word(thousands(10 + w.r.IntN(w.pick3(90, 900, 25_000))))
}

func (w *writer) pick3(a, b, c int) int {
	switch w.r.IntN(3) {
	case 0:
		return a
	case 1:
		return b
	}
	return c
}

// money writes an amount: "$4.2 million", "$85,000".
func (w *writer) money() {
	switch w.r.IntN(3) {
	case 0:
		w.p.word("$" + thousands(1_000*(5+w.r.IntN(900))))
	case 1:
		w.p.word("$" + decimal(10+w.r.IntN(990)))
		w.p.word("million")
	default:
		w.p.word("$" + decimal(10+w.r.IntN(90)))
		w.p.word("billion")
	}
}

// percent writes "4.2 percent".
func (w *writer) percent() {
	w.p.word(decimal(1 + w.r.IntN(400)))
	w.p.word("percent")
}

func (w *writer) sinceYear() {
	w.p.word("since")
	w.p.word(strconv.Itoa(w.year - 2 - w.r.IntN(30)))
}

// thousands formats n with commas: 12,400.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// decimal formats tenths: 42 → "4.2", 40 → "4".
func decimal(tenths int) string {
	if tenths%10 == 0 {
		return thousands(tenths / 10)
	}
	return thousands(tenths/10) + "." + strconv.Itoa(tenths%10)
}

// quote writes what someone said, inside the quotation marks, without the
// closing punctuation.
func (w *writer) quote() {
	w.p.sentence()
	switch w.r.IntN(10) {
	case 0:
		w.p.word("we")
		w.p.word(w.verb().past)
		w.thing()
		w.p.word("because")
		w.p.word(w.pick(w.v.groups))
		w.p.word("asked us to")
	case 1:
		w.p.word("this is")
		w.anAdj()
		w.p.word(w.noun().one)
		w.p.word("for")
		w.p.word(w.town())
	case 2:
		w.p.word("nobody expected the")
		w.p.word(w.noun().one)
		w.p.word("to")
		w.p.word(w.move().base)
		w.p.word(w.pick([]string{"this quickly", "this fast", "this far", "so soon"}))
	case 3:
		w.p.word("the")
		w.p.word(w.noun().many)
		w.p.word(w.move().past)
		w.p.word(w.pick(w.v.adverbs))
		w.p.mark(",")
		w.p.word("and we")
		w.p.word(w.pick(w.v.modals))
		w.p.word(w.verb().base)
		w.thing()
	case 4:
		w.p.word("we are not going to")
		w.p.word(w.verb().base)
		w.thing()
		w.futureTime()
	case 5:
		w.p.word("people here want")
		w.anAdj()
		w.p.word(w.noun().one)
		w.p.mark(",")
		w.p.word("not")
		w.anAdj()
		w.p.word(w.noun().one)
	case 6:
		w.p.word("it will take years to")
		w.p.word(w.verb().base)
		w.thing()
	case 7:
		w.p.word("I have never seen")
		w.anAdj()
		w.p.word(w.noun().one)
		w.p.word("like this")
	case 8:
		w.p.word("our")
		w.p.word(w.pick(w.v.groups))
		w.p.word("deserve")
		w.anAdj()
		w.p.word(w.noun().one)
	default:
		w.p.word("if we")
		w.p.word(w.verb().base)
		w.thing()
		w.p.word("now,")
		w.p.word(w.pick(w.v.groups))
		w.p.word(w.pick(w.v.modals))
		w.p.word(w.verb().base)
		w.thing()
		w.p.word("later")
	}
}

// statement writes one sentence of reporting. quotes allows sentences that
// quote someone.
func (w *writer) statement(quotes bool) {
	p := &w.p
	p.sentence()
	n := w.r.IntN(18)
	if !quotes && (n < 2 || n == 12) { // no quotes or questions up front
		n += 2
	}
	switch n {
	case 0, 1: // “…,” said Ana Ortiz, a planner at the Ashford Water Authority.
		p.open()
		w.quote()
		p.mark(",”")
		pp := w.someone()
		if w.chance(50) {
			p.word("said")
			w.named(pp, true)
		} else {
			w.named(pp, false)
			p.word(w.pick(w.v.reportVerbs))
		}
	case 2, 3:
		w.subject()
		p.word(w.verb().past)
		w.thing()
		w.pastTime()
		p.mark(",")
		switch w.r.IntN(4) {
		case 0:
			p.word("after")
			w.subject()
			p.word(w.verb().past)
			w.thing()
		case 1:
			p.word("according to")
			w.org()
		case 2:
			p.word(w.pick(w.v.groups))
			p.word("said")
		default:
			p.word("in a decision that")
			p.word(w.pick(w.v.modals))
			p.word(w.verb().base)
			w.thing()
		}
	case 4:
		w.subject()
		p.word(w.verb().past)
		w.thing()
		p.word(w.pick(w.v.adverbs))
	case 5:
		p.word(w.pick(w.v.transitions))
		p.mark(",")
		w.subject()
		p.word(w.pick(w.v.modals))
		p.word(w.verb().base)
		w.thing()
		w.futureTime()
	case 6:
		p.word("the")
		p.word(w.noun().one)
		p.word(w.move().past)
		p.word(w.pick(w.v.adverbs))
		w.pastTime()
		p.mark(",")
		p.word(w.pick(w.v.groups))
		p.word("said")
	case 7:
		p.word("according to")
		w.org()
		p.mark(",")
		w.count()
		p.word(w.pick(w.v.groups))
		p.word(w.verb().past)
		w.thing()
		p.word("in")
		p.word(w.town())
		w.pastTime()
	case 8:
		p.word("the")
		p.word(w.noun().one)
		p.word(w.move().past)
		w.percent()
		p.word("to")
		w.money()
		w.pastTime()
		p.mark(",")
		p.word(w.pick([]string{"up from", "down from", "compared with"}))
		w.money()
		p.word("a year earlier")
	case 9:
		w.named(w.someone(), false)
		p.word("said that")
		w.subject()
		p.word("had")
		p.word(w.verb().pp)
		w.thing()
		p.word(w.pick(w.v.adverbs))
	case 10:
		p.word(w.town())
		p.word("has")
		p.word(w.verb().pp)
		w.thing()
		w.sinceYear()
		p.mark(",")
		p.word("and")
		p.word(w.pick(w.v.groups))
		p.word(w.pick(w.v.modals))
		p.word(w.verb().base)
		w.thing()
		w.futureTime()
	case 11:
		w.org()
		p.mark(",")
		p.word("which")
		p.word(w.verb().past)
		w.thing()
		w.pastTime()
		p.mark(",")
		p.word(w.verb().past)
		w.thing()
		p.word(w.pick(w.v.adverbs))
	case 12:
		p.word("but")
		p.word(w.pick([]string{"will", "could", "would", "should"}))
		w.subject()
		p.word(w.verb().base)
		w.thing()
		p.mark("?")
		return
	case 13:
		p.word(w.pick(smallNumbers))
		p.word(w.noun().many)
		p.word("were")
		p.word(w.verb().pp)
		w.pastTime()
		p.mark(",")
		p.word("the most")
		w.sinceYear()
	case 14:
		p.word("for")
		p.word(w.pick(w.v.groups))
		p.mark(",")
		p.word("the")
		p.word(w.noun().one)
		p.word("is")
		w.anAdj()
		p.word(w.noun().one)
	case 15:
		p.word("it was not clear whether")
		w.subject()
		p.word(w.pick([]string{"would", "could", "will"}))
		p.word(w.verb().base)
		w.thing()
	case 16:
		p.word(w.pick(w.v.groups))
		p.word("have")
		p.word(w.verb().pp)
		w.thing()
		p.word("for years,")
		p.word("said")
		w.named(w.someone(), true)
	default:
		p.word("the")
		p.word(w.adj())
		p.word(w.noun().one)
		p.word(w.pick(w.v.modals))
		p.word("cost")
		w.money()
		p.mark(",")
		p.word("according to estimates from")
		w.org()
	}
	p.mark(".")
}

// headline writes a headline of 6 to 14 words in sentence case.
func (w *writer) headline() string {
	for {
		w.p.reset()
		w.p.sentence()
		w.headlineOnce()
		if n := len(strings.Fields(string(w.p.b))); n >= 6 && n <= 14 {
			return string(w.p.b)
		}
	}
}

func (w *writer) headlineOnce() {
	p := &w.p
	topic := func() noun { t := w.v.topics[w.sec]; return t[w.r.IntN(len(t))] }
	switch w.r.IntN(8) {
	case 0, 1:
		p.word(w.place)
		p.word(w.pick(w.v.orgTypes))
		p.word(w.verb().s)
		p.word(w.adj())
		p.word(topic().one)
		switch w.r.IntN(4) {
		case 0:
			p.word("amid")
			p.word(w.adj())
			p.word(w.noun().many)
		case 1:
			p.word("as")
			p.word(w.pick(w.v.groups))
			p.word(w.move().base)
		case 2:
			p.word("after")
			p.word(w.noun().one)
			p.word(w.move().past)
		}
	case 2:
		p.word(topic().many)
		p.word(w.move().base)
		p.word("in")
		p.word(w.place)
		p.word("as")
		p.word(w.adj())
		p.word(topic().one)
		p.word(w.move().s)
	case 3:
		p.word(w.place)
		p.word(w.pick(w.v.orgTypes))
		p.word("to")
		p.word(w.verb().base)
		p.word(topic().one)
		p.word("by")
		p.word(strconv.Itoa(w.year + 1 + w.r.IntN(5)))
	case 4:
		p.word("what the")
		p.word(w.adj())
		p.word(topic().one)
		p.word("means for")
		p.word(w.place)
		p.word(w.pick(w.v.groups))
	case 5:
		p.word(w.place)
		p.word(w.pick(w.v.groups))
		p.word(w.verb().base)
		p.word(w.adj())
		p.word(topic().one)
		p.word(w.pick([]string{"plan", "proposal", "deal", "rules", "overhaul", "vote"}))
	case 6:
		p.word("how")
		p.word(w.place)
		p.word(w.verb().past)
		p.word("its")
		p.word(topic().one)
		p.word("and what")
		p.word(w.pick(w.v.groups))
		p.word("want next")
	default:
		p.word(topic().many)
		p.word(w.move().base)
		w.percent()
		p.word("in")
		p.word(w.place)
		p.mark(",")
		p.word(w.pick([]string{"report finds", "survey shows", "data show", "officials say"}))
	}
}

// standfirst writes one or two sentences that sum the story up.
func (w *writer) standfirst() string {
	for {
		w.p.reset()
		w.statement(false)
		if w.chance(40) {
			w.statement(false)
		}
		if len(w.p.b) <= 450 {
			return string(w.p.b)
		}
	}
}

// body writes the story as Markdown and as the HTML content.Markdown would
// make of it, from the same blocks, and returns both with the word count.
// It stops after the sentence that reaches target words; target must leave
// room for one more block below 1,500.
func (w *writer) body(target int) (md, html string, count int) {
	var mdb, hb strings.Builder
	mdb.Grow(target * 7)
	hb.Grow(target*7 + 512)
	var ids []string
	paras, sinceHead, quoted := 0, 0, false
	for count < target {
		w.p.reset()
		switch {
		case paras >= 4 && sinceHead >= 4 && count+150 < target && w.chance(30):
			text := w.subhead()
			id := headingID(&ids, text)
			mdb.WriteString("## " + text + "\n\n")
			hb.WriteString(`<h2 id="` + id + `">` + text + "</h2>\n")
			count += w.p.words
			sinceHead = 0
			continue
		case paras >= 3 && !quoted && w.chance(10):
			w.p.open()
			w.quote()
			w.p.mark(".")
			if w.chance(50) {
				w.quote()
				w.p.mark(".")
			}
			w.p.mark("”")
			text := string(w.p.b)
			mdb.WriteString("> " + text + "\n\n")
			hb.WriteString("<blockquote>\n<p>" + text + "</p>\n</blockquote>\n")
			count += w.p.words
			quoted = true
			continue
		}
		n := 1 + w.r.IntN(4)
		if paras == 0 {
			n = 1
		}
		for i := 0; i < n && count+w.p.words < target; i++ {
			w.statement(paras > 0)
			w.p.space = true
		}
		text := string(w.p.b)
		mdb.WriteString(text + "\n\n")
		hb.WriteString("<p>" + text + "</p>\n")
		count += w.p.words
		paras++
		sinceHead++
	}
	md = strings.TrimSuffix(mdb.String(), "\n")
	return md, hb.String(), count
}

func (w *writer) subhead() string {
	if w.chance(70) {
		w.p.word(w.pick(w.v.subheads))
	} else {
		w.p.sentence()
		w.p.word("the")
		w.p.word(w.v.topics[w.sec][w.r.IntN(len(w.v.topics[w.sec]))].one)
		w.p.word("question")
	}
	return string(w.p.b)
}

// headingID gives a heading the id content.Markdown gives it.
func headingID(used *[]string, text string) string {
	base := "h-" + content.Slugify(text)
	id := base
	for n := 2; contains(*used, id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	*used = append(*used, id)
	return id
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
