// Package feed turns Herald's domain values into the documents machines read:
// RSS 2.0, Atom and JSON Feed 1.1 feeds, sitemaps and the Google News sitemap,
// robots.txt, and schema.org JSON-LD for article pages.
//
// Every function here is a pure function of its arguments: no database, no
// HTTP, no clock (callers pass "now" where it matters), so the same content
// always gives the same bytes and the outputs can be cached, compared with
// golden files and written to disk by the static export.
//
// It imports only news and the standard library. The web handlers, the static
// export and the command line import it.
package feed
