package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/news"
)

func (e *Engine) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":      e.assets.URL,
		"date":       e.date,
		"datetime":   e.datetime,
		"iso":        func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"paragraphs": paragraphs,
		"add":        func(a, b int) int { return a + b },
		"plural":     plural,
		"bylines":    bylines,
		"initial":    initial,
		"capitalize": capitalize,
		"card":       e.card,
	}
}

// date shows a day as a reader of the site's zone would say it: "Nov. 26, 2026".
func (e *Engine) date(t time.Time) string {
	t = t.In(e.loc)
	return apMonth(t.Month()) + " " + t.Format("2, 2006")
}

// datetime adds the time of day in AP style: "Nov. 26, 2026, 6:19 p.m. EST".
func (e *Engine) datetime(t time.Time) string {
	t = t.In(e.loc)
	h, m := t.Hour(), t.Minute()
	ampm := "a.m."
	if h >= 12 {
		ampm = "p.m."
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	clock := fmt.Sprintf("%d:%02d %s", h12, m, ampm)
	if m == 0 {
		clock = fmt.Sprintf("%d %s", h12, ampm)
	}
	return e.date(t) + ", " + clock + " " + t.Format("MST")
}

// apMonth abbreviates months as newsrooms following the AP stylebook do.
func apMonth(m time.Month) string {
	switch m {
	case time.January:
		return "Jan."
	case time.February:
		return "Feb."
	case time.August:
		return "Aug."
	case time.September:
		return "Sept."
	case time.October:
		return "Oct."
	case time.November:
		return "Nov."
	case time.December:
		return "Dec."
	}
	return m.String()
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// bylines joins author names as a byline reads: "A", "A and B", "A, B and C".
func bylines(authors []news.Author) []BylineName {
	out := make([]BylineName, len(authors))
	for i, a := range authors {
		sep := ""
		switch {
		case i == len(authors)-1:
		case i == len(authors)-2:
			sep = " and "
		default:
			sep = ", "
		}
		out[i] = BylineName{Author: a, Sep: sep}
	}
	return out
}

// BylineName is one name in a byline with what follows it.
type BylineName struct {
	news.Author
	Sep string
}

func initial(s string) string {
	for _, r := range s {
		return strings.ToUpper(string(r))
	}
	return ""
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
