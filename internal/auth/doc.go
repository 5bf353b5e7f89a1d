// Package auth holds the back office's secrets arithmetic: argon2id password
// hashes, random session tokens stored only as hashes, CSRF tokens bound to a
// session, signed short-lived form tokens, and the sign-in throttling policy.
//
// It is pure: no database, no HTTP. It imports only the standard library and
// golang.org/x/crypto; admin and cli import it.
package auth
