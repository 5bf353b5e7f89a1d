// Package export writes Herald's public site into a folder as static files,
// so that any static file server (nginx, a CDN's storage, a laptop's
// python -m http.server) can serve it without Herald.
//
// Every page is requested in-process through the public site's own handler,
// exactly as a reader's browser would ask for it, and written where a static
// server looks for it: a path that ends in a slash as …/index.html, the later
// pages of a listing (PATH?page=N) as PATH/page/N/index.html, with the pager
// links inside every page rewritten to match, and anything else (feeds,
// sitemaps, assets, media) under its own name. A page from a path that does
// not exist is written as 404.html.
//
// A folder is exported into again and again: a run compares each file with
// what is on disk and rewrites only the ones whose bytes changed, each
// atomically (a temporary file renamed over the old one, so a server never
// sends half a page), and removes the files the site no longer has. It knows
// its own files by a manifest, .herald-export, and never touches a file that
// is not in it; it refuses a non-empty folder that has no manifest.
//
// export imports only the standard library: the command line hands it the
// site's http.Handler and the list of its URLs (web.Server.PublicURLs).
package export
