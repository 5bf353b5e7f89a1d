package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/store"
)

func runCLI(t *testing.T, stdin *os.File, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if stdin != nil {
		env.Stdin = stdin
	}
	code := Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

// pipe returns a reader that yields s, as a shell pipe would.
func pipe(t *testing.T, s string) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString(s)
	w.Close()
	t.Cleanup(func() { r.Close() })
	return r
}

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "herald.db")
	code, out, errs := runCLI(t, pipe(t, "a long enough password\n"), "user", "add", "--db", db, "--email", "Ed@Example.org", "--name", "Ed Itor", "--role", "editor")
	if code != 0 || !strings.Contains(out, "added Ed Itor <ed@example.org> as editor") || strings.Contains(out, "password:") {
		t.Fatalf("user add from stdin: %d %q %q", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, "user", "add", "--db", db, "--email", "ann@example.org", "--name", "Ann", "--role", "admin")
	if code != 0 || !strings.Contains(out, "password: ") {
		t.Fatalf("user add generating a password: %d %q", code, out)
	}
	generated := strings.TrimSpace(strings.SplitN(strings.SplitN(out, "password: ", 2)[1], "\n", 2)[0])

	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	ann, err := st.UserByEmail(context.Background(), "ann@example.org")
	st.Close()
	if err != nil || !auth.CheckPassword(ann.PasswordHash, generated) {
		t.Fatalf("the printed password does not sign Ann in: %v", err)
	}

	for _, tt := range []struct {
		name  string
		stdin *os.File
		args  []string
		code  int
		msg   string
	}{
		{"duplicate", pipe(t, "another long password\n"), []string{"user", "add", "--db", db, "--email", "ed@example.org", "--name", "Ed", "--role", "author"}, 1, "already exists"},
		{"bad role", nil, []string{"user", "add", "--db", db, "--email", "x@example.org", "--name", "X", "--role", "boss"}, 2, "role"},
		{"bad email", nil, []string{"user", "add", "--db", db, "--email", "nope", "--name", "X", "--role", "author"}, 2, "email"},
		{"short password", pipe(t, "short\n"), []string{"user", "add", "--db", db, "--email", "y@example.org", "--name", "Y", "--role", "author"}, 2, "at least 10"},
		{"unknown user", pipe(t, "a long enough password\n"), []string{"user", "passwd", "--db", db, "--email", "nobody@example.org"}, 1, "no user"},
		{"no subcommand", nil, []string{"user"}, 2, "add, passwd or list"},
	} {
		code, _, errs := runCLI(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q; want %d and one line mentioning %q", tt.name, code, errs, tt.code, tt.msg)
		}
	}
	code, out, _ = runCLI(t, pipe(t, "a brand new password\n"), "user", "passwd", "--db", db, "--email", "ed@example.org")
	if code != 0 || !strings.Contains(out, "signed out") {
		t.Fatalf("passwd: %d %q", code, out)
	}
	code, out, _ = runCLI(t, nil, "user", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "ann@example.org\tAnn\tadmin\tactive") {
		t.Fatalf("list: %d %q", code, out)
	}
}
