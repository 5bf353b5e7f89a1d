package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// perPage is how many stories a listing shows.
const perPage = 20

// Pager is the pagination of a listing.
type Pager struct {
	Page, Last       int
	PrevURL, NextURL string
}

// pageNumber reads ?page=N. A malformed number is a 400; no value is page 1.
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || len(v) > 9 {
		return 0, badRequest{msg: "The page number must be a whole number from 1 upwards, as in ?page=2."}
	}
	return n, nil
}

// newPager works out the pager for page n of total stories under path, and
// whether n lies past the last page (the caller then redirects to the last).
func newPager(path string, n, total int) (Pager, bool) {
	last := (total + perPage - 1) / perPage
	if last < 1 {
		last = 1
	}
	p := Pager{Page: n, Last: last}
	if n > last {
		return p, false
	}
	if n > 1 {
		p.PrevURL = pageURL(path, n-1)
	}
	if n < last {
		p.NextURL = pageURL(path, n+1)
	}
	return p, true
}

func pageURL(path string, n int) string {
	if n <= 1 {
		return path
	}
	return path + "?" + url.Values{"page": {strconv.Itoa(n)}}.Encode()
}
