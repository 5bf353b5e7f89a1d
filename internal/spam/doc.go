// Package spam is Herald's local comment-spam classifier: a tokeniser that
// turns a comment into features, a naive Bayes scorer over how many spam and
// genuine comments held each feature, an in-memory model for training and
// evaluation, and readers for labelled corpora.
//
// It keeps no state of its own: the site's model lives in the store, which
// counts each feature of every comment a moderator marks as spam or approves.
// It imports only news; web and cli import it.
package spam
