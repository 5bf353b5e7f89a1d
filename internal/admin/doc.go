// Package admin is the newsroom's back office under /admin/: sign-in and
// sessions, the dashboard, the story editor with its workflow, revisions and
// corrections, the media library, sections, tags, authors and static pages,
// users and the audit log.
//
// routes.go holds one table of every route with the least role it needs;
// nothing is registered any other way. Every state-changing request needs a
// session, the role, and the session's CSRF token. Handlers read: parse, load,
// check, act, redirect (POST/Redirect/GET), and every failure goes through
// Handler.fail.
//
// admin imports store, render, auth, content, media, static and news; only the
// command line imports it.
package admin
