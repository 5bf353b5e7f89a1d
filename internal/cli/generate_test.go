package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/cli"
)

// herald runs the command line with env variables vars and returns the exit
// code, stdout and stderr.
func herald(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := cli.Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return vars[k] }}
	code := cli.Run(context.Background(), env, args)
	return code, stdout.String(), stderr.String()
}

func TestGenerateBadArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "herald.db")
	for _, tc := range []struct {
		name string
		args []string
		vars map[string]string
	}{
		{"missing", []string{"--db", db}, nil},
		{"zero", []string{"--db", db, "--articles", "0"}, nil},
		{"negative", []string{"--db", db, "--articles", "-5"}, nil},
		{"not a number", []string{"--db", db, "--articles", "lots"}, nil},
		{"fraction", []string{"--db", db, "--articles", "1.5"}, nil},
		{"too many", []string{"--db", db, "--articles", "10000001"}, nil},
		{"bad environment", []string{"--db", db}, map[string]string{"HERALD_ARTICLES": "ten"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := herald(t, tc.vars, append([]string{"generate"}, tc.args...)...)
			if code != 2 {
				t.Errorf("exit code %d, want 2; stderr %q", code, stderr)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "herald generate: ") {
				t.Errorf("stderr %q, want one line starting 'herald generate: '", stderr)
			}
			if !strings.Contains(stderr, "--articles") {
				t.Errorf("stderr %q does not name the flag", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
	// A malformed --seed is the flag package's to report.
	if code, _, stderr := herald(t, nil, "generate", "--db", db, "--articles", "5", "--seed", "x"); code != 2 || !strings.Contains(stderr, "seed") {
		t.Errorf("--seed x: exit code %d, stderr %q", code, stderr)
	}
	if matches, _ := filepath.Glob(db + "*"); len(matches) != 0 {
		t.Errorf("a bad command line created %v", matches)
	}
}

func TestGenerate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "herald.db")
	summary := regexp.MustCompile(`^generated 30 stories in [0-9.]+m?s \([0-9,]+ stories/s\) into ` + regexp.QuoteMeta(db) + "\n$")

	code, stdout, stderr := herald(t, nil, "generate", "--db", db, "--articles", "30", "--seed", "9")
	if code != 0 || stderr != "" {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	if !summary.MatchString(stdout) {
		t.Errorf("stdout %q, want one summary line and no progress (not a terminal)", stdout)
	}

	code, _, stderr = herald(t, nil, "generate", "--db", db, "--articles", "30")
	if code != 1 || !strings.Contains(stderr, "--append") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("a second run without --append: exit code %d, stderr %q; want 1 and a line naming --append", code, stderr)
	}

	// The count may come from the environment.
	code, stdout, stderr = herald(t, map[string]string{"HERALD_ARTICLES": "30"}, "generate", "--db", db, "--append")
	if code != 0 || !summary.MatchString(stdout) {
		t.Errorf("--append with HERALD_ARTICLES: exit code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestGenerateHelp(t *testing.T) {
	code, stdout, _ := herald(t, nil, "generate", "--help")
	if code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	for _, want := range []string{"--articles", "HERALD_ARTICLES", "--seed", "--append", "--db"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help does not mention %s:\n%s", want, stdout)
		}
	}
}
