// Package web serves Herald's public site: the front page, section fronts,
// stories, author, tag and source pages, the corrections log, static pages,
// feeds, sitemaps, media and assets. routes.go lists every route.
//
// Handlers read: parse, load, build a typed page, render into a buffer, answer.
// Every failure goes through Server.fail, which maps domain errors to 4xx pages
// and anything else to a logged 500. Public pages are identical for every reader.
//
// web imports store, render, feed, content, static and news; only the command
// line imports web.
package web
