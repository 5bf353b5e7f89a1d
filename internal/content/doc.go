// Package content turns what authors and readers write into HTML that is safe
// to put in a page, and derives the small things pages need from it: Markdown
// to sanitised HTML, plain text (comments, bios) to safe HTML, the allow-list
// sanitiser for HTML from elsewhere (imports), visible text, word counts,
// excerpts and URL slugs.
//
// Every function is pure: no I/O, no configuration, safe for concurrent use.
// The allow-list is fixed here so that every caller gets the same answer to
// "is this HTML safe?".
//
// Who may import it: store, web, admin, api, cli, demo and the import code.
// It imports no Herald package.
package content
