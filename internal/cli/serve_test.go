package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeBadPurgeURL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "herald.db")
	for _, tc := range []struct {
		name string
		args []string
		vars map[string]string
		want string
	}{
		{"other scheme", []string{"--purge-url", "ftp://purge.example/herald"}, nil, "--purge-url"},
		{"no scheme", []string{"--purge-url", "purge.example/herald"}, nil, "--purge-url"},
		{"path only", []string{"--purge-url", "/purge"}, nil, "--purge-url"},
		{"no host", []string{"--purge-url", "https://"}, nil, "--purge-url"},
		{"port only", []string{"--purge-url", "http://:8080/purge"}, nil, "--purge-url"},
		{"space in host", []string{"--purge-url", "https://purge example/"}, nil, "--purge-url"},
		{"from the environment", nil, map[string]string{"HERALD_PURGE_URL": "purge.example"}, "--purge-url"},
		{"secret without URL", nil, map[string]string{"HERALD_PURGE_SECRET": "s3cret"}, "--purge-secret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := herald(t, tc.vars, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, tc.args...)...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, stdout)
			}
			if !strings.HasPrefix(stderr, "herald serve: ") || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q; want one line naming %s", stderr, tc.want)
			}
			if strings.Contains(stderr, "s3cret") {
				t.Errorf("stderr shows the secret: %q", stderr)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a bad setting still opened the database: %v", err)
			}
		})
	}
}

func TestServeHelpListsPurgeSettings(t *testing.T) {
	code, stdout, _ := herald(t, nil, "serve", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--purge-url", "[HERALD_PURGE_URL]", "--purge-secret", "[HERALD_PURGE_SECRET]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("serve --help does not mention %s:\n%s", want, stdout)
		}
	}
}
