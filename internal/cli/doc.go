// Package cli is Herald's command line: one function per subcommand on the
// standard flag package. It reads configuration, builds every dependency and
// hands over to the packages that do the work; it holds no business logic.
//
// Only cmd/herald imports it.
package cli
