// Package importer moves a newsroom into Herald: a WordPress export (WXR
// 1.0 to 1.2, read as a stream in constant memory) or a folder of Markdown
// files with YAML or TOML front matter, as Hugo and Jekyll keep them.
//
// Each import runs in one store transaction (store.Store.Import): a
// malformed file stops it with the file, line and column of the problem and
// nothing is imported; an interrupted run leaves the database as it was.
// Running the same import again changes nothing, and running a newer export
// updates what changed: the store remembers, per source, which Herald row
// each imported thing became and a digest of what was written.
//
// Every old address of an imported story or page answers 301 to the new
// one: the paths of the item's link and guid (with and without the
// trailing slash) are stored as redirects as they are, and so are the
// archives of categories (/category/…/), tags (/tag/…/) and authors
// (/author/…/). WordPress's query addresses are stored as "/?p=ID" and
// "/?page_id=ID": the public site looks redirects up by path alone, so it
// answers those once its front page also looks up "/?p=ID" when asked for
// "/?p=ID" (a change to the web package, asked for on issue 7).
//
// importer imports store, content, media and news; only the command line
// imports it.
package importer
