// Package config holds the settings Herald starts with: one Config value built
// from command-line flags and HERALD_* environment variables, validated before
// use and printed with secrets hidden. There are no global settings.
//
// Only the command line (internal/cli) imports it; everything else receives the
// values it needs as arguments.
package config
