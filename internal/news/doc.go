// Package news holds Herald's domain: sections, authors, tags, sources, articles
// with their credits and corrections, static pages and redirects, together with
// their validation rules and the errors the rest of the system speaks in.
//
// It imports nothing of Herald's and nothing of net/http; every other package may
// import it.
package news
