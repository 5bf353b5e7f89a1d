// Package search understands what readers type into the search box, and
// makes the labelled newsroom that Herald's search and related articles are
// measured on.
//
// Parse turns a reader's text into a news.SearchQuery (words, "phrases",
// -exclusions and prefix*) together with notes fit to show the reader about
// anything it changed or left out. It accepts any text at all, and whatever it
// returns, the store can run.
//
// The searching itself is SQL and lives in the store (FTS5 with bm25 on
// SQLite, tsvector on PostgreSQL, one method for both). Related articles are
// computed by the store too, from news.Keywords, inside the transaction that
// publishes or changes a story: that is what keeps the lists exact, and the
// store imports only news.
//
// NewCorpus makes a newsroom of stories on known topics, each with a phrase
// of its own, at any size. The quality test (go test -run TestSearchQuality
// -v ./internal/search/) loads a small one and reports related-article
// precision@5 and known-item mean reciprocal rank; the speed benchmark under
// bench/search loads a large one.
//
// search imports only news; web, api and the commands import it.
package search
