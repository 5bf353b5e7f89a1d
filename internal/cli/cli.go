package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/herald-news/herald/internal/config"
)

// Env is what a command may touch of the world outside it.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// command is one subcommand.
type command struct {
	summary string
	usage   string // the arguments after the command's name
	run     func(ctx context.Context, env Env, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"serve":    {"run the website", "[flags]", serve},
		"migrate":  {"apply database migrations", "[--db PATH]", migrate},
		"export":   {"write the whole public site as static files", "--db PATH --out DIR [--base-url URL]", export},
		"generate": {"fill a database with a large synthetic newsroom for benchmarks", "--articles N [--seed S] [--append] [--no-index] [--db PATH]", generate},
		"comments": {"list and moderate comments", "list|approve|spam|trash|pending|delete|settings|purge|evaluate|train [flags] [ID…]", comments},
		"version":  {"print Herald's version", "", version},
		"user":     {"add users, set passwords, list users", "add|passwd|list [flags]", user},
		"import":   {"move a WordPress or Markdown newsroom into Herald", "wordpress|markdown --db PATH SOURCE", importCmd},
		"reindex":  {"rebuild the search index and related-article lists", "[--db PATH] [--search-only | --related-only]", reindex},
	}
}

// errUsage marks a mistake in how a command was called; it exits with 2.
var errUsage = errors.New("usage")

// usageError reports a mistake in the command line.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// Run runs the command line args (without the program name) and returns the
// process exit code: 0 on success, 1 when the command failed, 2 when it was
// called wrongly. Errors are printed as one line on stderr.
func Run(ctx context.Context, env Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return Run(ctx, env, []string{args[1], "--help"})
		}
		printHelp(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "herald: unknown command %q; run 'herald --help' for the list\n", args[0])
		return 2
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.Stderr, "herald %s: %s\n", args[0], strings.TrimPrefix(err.Error(), "usage: "))
		return 2
	default:
		fmt.Fprintf(env.Stderr, "herald %s: %s\n", args[0], oneLine(err.Error()))
		return 1
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printHelp(w io.Writer) {
	fmt.Fprint(w, `Herald runs a newsroom's website from one program.

Usage:
  herald COMMAND [flags]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Run 'herald COMMAND --help' for a command's flags. Every flag can also be set
with an environment variable: --base-url reads HERALD_BASE_URL.

Start with the demo newsroom:
  herald serve --demo

Run a site:
  herald serve [--addr 127.0.0.1:8080] [--db herald.db | --db postgres://…] [--base-url URL] [--demo]
`)
}

// flags makes the flag set of a command, with help that lists every flag and
// its environment variable.
func flags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("herald "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		c := commands[name]
		fmt.Fprintf(env.Stdout, "Usage: herald %s %s\n\n%s.\n\nFlags:\n", name, c.usage, capitalize(c.summary))
		fs.VisitAll(func(f *flag.Flag) {
			def := ""
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				def = fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(env.Stdout, "  --%s\n      %s%s [%s]\n", f.Name, f.Usage, def, config.EnvName(f.Name))
		})
	}
	return fs
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parse parses args into fs, then fills unset flags from the environment. It
// takes no positional arguments.
func parse(env Env, fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	usage := fs.Usage
	fs.Usage = func() {} // Parse calls it on any mistake; print it only for --help
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return usageError("%v; run '%s --help'", err, fs.Name())
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q; run '%s --help'", fs.Arg(0), fs.Name())
	}
	if err := config.ApplyEnv(fs, env.Getenv); err != nil {
		return usageError("%v", err)
	}
	return nil
}

// Version is set at build time with -ldflags "-X …/cli.Version=v1.2.3".
var Version = "dev"

func version(_ context.Context, env Env, args []string) error {
	fs := flags(env, "version")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "herald %s\n", Version)
	return nil
}

// parseInterleaved parses flags that may stand before, between or after the
// positional arguments (herald comments approve 3 4 --db x.db), then fills
// unset flags from the environment, and returns the positional arguments.
func parseInterleaved(env Env, fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	usage := fs.Usage
	fs.Usage = func() {} // print it only for --help, not for every mistake
	defer func() { fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, usageError("%v; run '%s --help'", err, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if err := config.ApplyEnv(fs, env.Getenv); err != nil {
		return nil, usageError("%v", err)
	}
	return pos, nil
}
