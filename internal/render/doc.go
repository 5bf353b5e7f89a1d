// Package render turns typed page data into HTML with html/template. Every
// template is embedded and parsed once at start-up, so a broken template stops
// Herald from starting instead of failing a reader. A theme folder may overlay
// any embedded template by name.
//
// Pages render into a buffer: a template error becomes an error for the caller
// to answer with a 500, never half a page. render imports news and static; web
// and export code import it.
package render
