package generate

import (
	"strings"
	"sync"
)

// noun is a countable noun in both numbers.
type noun struct{ one, many string }

// verb is a verb in the forms the sentence templates need.
type verb struct {
	base string // "approve"
	s    string // "approves"
	past string // "approved"
	pp   string // "approved"
}

// vocabulary is the word lists, split and inflected once.
type vocabulary struct {
	nouns, persons []noun
	topics         [][]noun // per entry of sectionDefs
	sectionTags    [][]string
	verbs, moves   []verb // transitive, intransitive

	adjectives, adverbs, groups, roles, orgTypes, ministries, companyTypes []string
	firstNames, lastNames, placeHeads, placeTails                          []string
	weekdays, months, pastTimes, futureTimes, transitions, reportVerbs     []string
	modals, subheads, outlets, agencies                                    []string
}

// vocab builds the vocabulary on first use, so that commands other than
// generate do not pay for it.
var vocab = sync.OnceValue(func() *vocabulary {
	v := &vocabulary{
		nouns:        nouns(list(nounWords)),
		persons:      nouns(list(personWords)),
		verbs:        verbs(list(verbWords)),
		moves:        verbs(list(intransitiveWords)),
		adjectives:   list(adjectiveWords),
		adverbs:      list(adverbWords),
		groups:       list(groupWords),
		roles:        list(roleWords),
		orgTypes:     list(orgTypeWords),
		ministries:   list(ministryWords),
		companyTypes: list(companyTypeWords),
		firstNames:   list(firstNameWords),
		lastNames:    list(lastNameWords),
		placeHeads:   list(placeHeads),
		placeTails:   list(placeTails),
		weekdays:     list(weekdayWords),
		months:       list(monthWords),
		pastTimes:    list(pastTimeWords),
		futureTimes:  list(futureTimeWords),
		transitions:  list(transitionWords),
		reportVerbs:  list(reportVerbWords),
		modals:       list(modalWords),
		subheads:     list(subheadWords),
		outlets:      list(outletWords),
		agencies:     list(agencyWords),
	}
	for _, d := range sectionDefs {
		v.topics = append(v.topics, nouns(list(d.nouns)))
		v.sectionTags = append(v.sectionTags, list(d.tags))
	}
	return v
})

func nouns(list []string) []noun {
	out := make([]noun, len(list))
	for i, w := range list {
		if one, many, ok := strings.Cut(w, "/"); ok {
			out[i] = noun{one, many}
		} else {
			out[i] = noun{w, plural(w)}
		}
	}
	return out
}

// plural inflects a noun phrase: its head word is the last word, or the
// word before "of" or "for" ("board of directors" → "boards of directors").
func plural(w string) string {
	for _, sep := range []string{" of ", " for "} {
		if head, rest, ok := strings.Cut(w, sep); ok {
			return plural(head) + sep + rest
		}
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "x"),
		strings.HasSuffix(w, "z"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "s"): // headquarters, species, series
		return w
	case strings.HasSuffix(w, "y") && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func verbs(list []string) []verb {
	out := make([]verb, len(list))
	for i, w := range list {
		forms := strings.Split(w, "/")
		v := verb{base: forms[0], s: inflect(forms[0], thirdPerson)}
		switch len(forms) {
		case 1:
			v.past = inflect(v.base, pastTense)
			v.pp = v.past
		case 2:
			v.past, v.pp = forms[1], forms[1]
		default:
			v.past, v.pp = forms[1], forms[2]
		}
		out[i] = v
	}
	return out
}

// inflect applies f to the first word of a verb phrase: "edge up" → "edged up".
func inflect(phrase string, f func(string) string) string {
	head, rest, ok := strings.Cut(phrase, " ")
	if !ok {
		return f(phrase)
	}
	return f(head) + " " + rest
}

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "o"):
		return w + "es"
	case strings.HasSuffix(w, "y") && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// pastTense handles regular verbs; the word lists spell out the rest.
func pastTense(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case strings.HasSuffix(w, "y") && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	}
	return w + "ed"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// article returns "a" or "an" for the word that follows it, by sound where
// the spelling misleads ("a union", "an hour").
func article(next string) string {
	w := strings.ToLower(next)
	for _, p := range []string{"uni", "una", "usu", "use", "uti", "eu", "one", "once"} {
		if strings.HasPrefix(w, p) {
			return "a"
		}
	}
	for _, p := range []string{"hour", "honest", "honor", "heir"} {
		if strings.HasPrefix(w, p) {
			return "an"
		}
	}
	if w != "" && isVowel(w[0]) {
		return "an"
	}
	return "a"
}
