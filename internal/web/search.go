package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

// SearchPage is the data of /search: the form as the reader left it, what
// was found, and notes on anything in the search that was changed or ignored.
type SearchPage struct {
	render.Page
	Query    string // as typed, for the search box
	Section  string // slug of the section searched, "" for all
	Sort     news.SearchSort
	From, To string // dates as typed, YYYY-MM-DD
	Author   *news.Author
	Tag      *news.Tag
	Notes    []string
	Searched bool // a search ran (the query had something to look for)
	Results  []store.SearchResult
	Total    int
	More     bool // more than Total matched; the newest Total were ranked
	Cap      int  // the most stories one search ranks
	First    int  // position of the first result on this page, from 1
	Pager    Pager
}

// maxSearchPage is the deepest page of results a search shows: the store
// ranks at most store.SearchCap stories.
const maxSearchPage = store.SearchCap / perPage

// maxShownQuery is the most characters of a search echoed back in the form.
const maxShownQuery = 2000

// search serves /search?q=…&section=…&sort=date|relevance&page=N, and the
// author, tag, from and to filters. Whatever the parameters hold, the answer
// is this page, with a note where something could not be used: never a 400,
// and never an error from the query languages underneath.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := r.URL.Query()
	raw := v.Get("q")
	parsed := search.Parse(raw)
	data := SearchPage{Query: shownQuery(raw), Sort: news.SortRelevance, Notes: parsed.Notes, Cap: store.SearchCap}
	f := store.SearchFilter{Query: parsed.Query, Sort: news.SortRelevance}

	switch v.Get("sort") {
	case "", string(news.SortRelevance):
	case string(news.SortDate):
		f.Sort, data.Sort = news.SortDate, news.SortDate
	default:
		data.Notes = append(data.Notes, "Results can be sorted by relevance or by date; these are by relevance.")
	}
	if slug := v.Get("section"); slug != "" {
		sec, err := s.store.SectionBySlug(ctx, slug)
		switch {
		case errors.Is(err, news.ErrNotFound):
			data.Notes = append(data.Notes, "There is no such section, so every section was searched.")
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			f.SectionID, data.Section = sec.ID, sec.Slug
		}
	}
	if slug := v.Get("author"); slug != "" {
		a, err := s.store.AuthorBySlug(ctx, slug)
		switch {
		case errors.Is(err, news.ErrNotFound):
			data.Notes = append(data.Notes, "There is no such author, so stories by every author were searched.")
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			f.AuthorID, data.Author = a.ID, a
		}
	}
	if slug := v.Get("tag"); slug != "" {
		t, err := s.store.TagBySlug(ctx, slug)
		switch {
		case errors.Is(err, news.ErrNotFound):
			data.Notes = append(data.Notes, "There is no such tag, so stories with any tag were searched.")
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			f.TagID, data.Tag = t.ID, t
		}
	}
	if from, ok := s.searchDate(v.Get("from")); ok {
		if !from.IsZero() {
			f.From, data.From = from, from.Format(time.DateOnly)
		}
	} else {
		data.Notes = append(data.Notes, "The start date was not a date such as 2026-11-20, so it was left out.")
	}
	if to, ok := s.searchDate(v.Get("to")); ok {
		if !to.IsZero() {
			data.To = to.Format(time.DateOnly)
			f.To = to.AddDate(0, 0, 1) // the whole of the last day
		}
	} else {
		data.Notes = append(data.Notes, "The end date was not a date such as 2026-11-20, so it was left out.")
	}
	n := 1
	if p := v.Get("page"); p != "" {
		var err error
		if n, err = strconv.Atoi(p); err != nil || n < 1 || len(p) > 9 {
			n = 1
			data.Notes = append(data.Notes, "The page number was not a whole number from 1 upwards, so the first page is shown.")
		} else if n > maxSearchPage {
			n = maxSearchPage
			data.Notes = append(data.Notes, "Searches show at most "+strconv.Itoa(maxSearchPage)+" pages of results; this is the last of them.")
		}
	}

	title := "Search"
	if parsed.Query.Searchable() {
		title = "Search results for “" + excerptRunes(parsed.Query.String(), 80) + "”"
	}
	p, err := s.page(ctx, title, "Search every story "+s.view().site.Name+" has published.", "")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.NoIndex = true
	data.Page = p
	path := "/search"
	if parsed.Query.Searchable() {
		data.Searched = true
		f.Limit, f.Offset = perPage, (n-1)*perPage
		res, err := s.store.Search(ctx, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		pager, inRange := newPager(path, n, res.Total)
		if !inRange && res.Total > 0 {
			http.Redirect(w, r, searchURL(v, pager.Last), http.StatusFound)
			return
		}
		if pager.PrevURL != "" {
			pager.PrevURL = searchURL(v, n-1)
		}
		if pager.NextURL != "" && n < maxSearchPage {
			pager.NextURL = searchURL(v, n+1)
		} else {
			pager.NextURL = ""
		}
		pager.Last = min(pager.Last, maxSearchPage)
		data.Results, data.Total, data.More, data.Pager, data.First = res.Results, res.Total, res.More, pager, f.Offset+1
	}
	s.html(w, r, http.StatusOK, "search", data)
}

// searchDate reads a YYYY-MM-DD date as the start of that day in the site's
// zone; an empty value is the zero time. It reports false for anything else.
func (s *Server) searchDate(v string) (time.Time, bool) {
	if v == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation(time.DateOnly, v, s.view().loc)
	if err != nil || t.Year() < 1000 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// searchURL is the address of page n of the search in v.
func searchURL(v url.Values, n int) string {
	keep := url.Values{}
	for _, k := range []string{"q", "section", "sort", "author", "tag", "from", "to"} {
		if x := v.Get(k); x != "" {
			keep.Set(k, x)
		}
	}
	if n > 1 {
		keep.Set("page", strconv.Itoa(n))
	}
	return "/search?" + keep.Encode()
}

// shownQuery is the reader's search as the form shows it again: control
// characters, which HTML may not carry, become spaces, and very long text is
// cut.
func shownQuery(q string) string {
	q = strings.ToValidUTF8(q, "")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	return excerptRunes(q, maxShownQuery)
}

// excerptRunes returns at most n characters of s, with an ellipsis when cut.
func excerptRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
