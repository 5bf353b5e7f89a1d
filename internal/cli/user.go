package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/config"
	"github.com/herald-news/herald/internal/news"
)

// user runs `herald user add|passwd|list`.
func user(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprint(env.Stdout, userHelp)
			return nil
		}
		return usageError("say add, passwd or list; run 'herald user --help'")
	}
	switch args[0] {
	case "add":
		return userAdd(ctx, env, args[1:])
	case "passwd":
		return userPasswd(ctx, env, args[1:])
	case "list":
		return userList(ctx, env, args[1:])
	}
	return usageError("unknown subcommand %q: say add, passwd or list", args[0])
}

const userHelp = `Usage:
  herald user add --email E --name N --role contributor|author|editor|admin [--author SLUG] [--db PATH]
  herald user passwd --email E [--db PATH]
  herald user list [--db PATH]

add and passwd read the password from standard input when it is not a
terminal (echo "$PASSWORD" | herald user add …); otherwise they generate one
and print it once. Passwords have at least 10 characters.
`

// readPassword takes the password from a piped standard input, or generates
// one. It reports whether it generated it.
func readPassword(env Env) (string, bool, error) {
	if f, ok := env.Stdin.(*os.File); !ok || isTerminal(f) {
		pw, err := auth.GeneratePassword()
		return pw, true, err
	}
	line, err := bufio.NewReader(io.LimitReader(env.Stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		pw, err := auth.GeneratePassword()
		return pw, true, err
	}
	if err := auth.CheckPasswordRules(pw); err != nil {
		return "", false, usageError("%v", err)
	}
	return pw, false, nil
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func userAdd(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "user")
	cfg.DBFlag(fs)
	email := fs.String("email", "", "email address, used to sign in")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "contributor, author, editor or admin")
	author := fs.String("author", "", "slug of the author profile whose byline the user writes under (optional)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	u := &news.User{Email: *email, Name: *name, Role: news.Role(*role)}
	if err := u.Validate(); err != nil {
		return usageError("%v", err)
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if *author != "" {
		a, err := st.AuthorBySlug(ctx, *author)
		if err != nil {
			return fmt.Errorf("--author %q: no such author", *author)
		}
		u.AuthorID = a.ID
	}
	pw, generated, err := readPassword(env)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = auth.HashPassword(pw); err != nil {
		return err
	}
	if err := st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, news.ErrConflict) {
			return fmt.Errorf("a user with the email %s already exists", u.Email)
		}
		return err
	}
	st.AddAudit(ctx, news.AuditEntry{Action: "user.create", Target: fmt.Sprintf("user %d", u.ID), Detail: u.Email + " as " + string(u.Role) + " (command line)"})
	fmt.Fprintf(env.Stdout, "added %s <%s> as %s\n", u.Name, u.Email, u.Role)
	if generated {
		fmt.Fprintf(env.Stdout, "password: %s\n(shown once; pass it on safely)\n", pw)
	}
	return nil
}

func userPasswd(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "user")
	cfg.DBFlag(fs)
	email := fs.String("email", "", "email address of the user")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *email == "" {
		return usageError("--email is required")
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByEmail(ctx, *email)
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("no user has the email %s", news.NormalizeEmail(*email))
	} else if err != nil {
		return err
	}
	pw, generated, err := readPassword(env)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	if err := st.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	st.AddAudit(ctx, news.AuditEntry{Action: "user.password", Target: fmt.Sprintf("user %d", u.ID), Detail: "command line"})
	fmt.Fprintf(env.Stdout, "set a new password for %s; their sessions were signed out\n", u.Email)
	if generated {
		fmt.Fprintf(env.Stdout, "password: %s\n(shown once; pass it on safely)\n", pw)
	}
	return nil
}

func userList(ctx context.Context, env Env, args []string) error {
	var cfg config.Config
	fs := flags(env, "user")
	cfg.DBFlag(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		state := "active"
		switch {
		case u.Disabled:
			state = "disabled"
		case u.PasswordHash == "":
			state = "no-password"
		}
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Name, u.Role, state)
	}
	return nil
}
