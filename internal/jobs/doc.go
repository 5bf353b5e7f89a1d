// Package jobs runs Herald's scheduled work: publishing stories whose time has
// come, and pruning expired sessions and old change records. Of several nodes
// sharing one PostgreSQL, one at a time does the work (store.Exclusive), and
// each job is safe to repeat, so a story is published exactly once.
//
// jobs imports store and news; only the command line imports it.
package jobs
