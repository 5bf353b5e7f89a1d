package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func parse(t *testing.T, args []string, env map[string]string) (*Config, error) {
	t.Helper()
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.ServeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if err := ApplyEnv(fs, func(k string) string { return env[k] }); err != nil {
		return nil, err
	}
	return &c, c.Validate()
}

func TestPrecedence(t *testing.T) {
	c, err := parse(t, []string{"--addr", "127.0.0.1:9000"}, map[string]string{
		"HERALD_ADDR": "127.0.0.1:7000", "HERALD_DB": "/tmp/x.db", "HERALD_DEMO": "true",
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" {
		t.Errorf("flag should win over env: addr = %q", c.Addr)
	}
	if c.DB != "/tmp/x.db" || !c.Demo {
		t.Errorf("env should win over defaults: db=%q demo=%v", c.DB, c.Demo)
	}
	if c.BaseURL != "http://127.0.0.1:9000" {
		t.Errorf("base url derived from addr: %q", c.BaseURL)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string // substring of the error, "" for none
	}{
		{"defaults", nil, nil, ""},
		{"wildcard host", []string{"--addr", ":8080"}, nil, ""},
		{"bad addr", []string{"--addr", "8080"}, nil, "--addr"},
		{"bad base url", []string{"--base-url", "ftp://x"}, nil, "--base-url"},
		{"base url with path", []string{"--base-url", "https://x.example/news"}, nil, "--base-url"},
		{"bad env bool", nil, map[string]string{"HERALD_DEMO": "perhaps"}, "HERALD_DEMO"},
		{"bad log format", []string{"--log-format", "xml"}, nil, "--log-format"},
		{"purge url", []string{"--purge-url", "https://purge.example/herald?site=news"}, map[string]string{"HERALD_PURGE_SECRET": "s3cret"}, ""},
		{"purge url without scheme", []string{"--purge-url", "purge.example/herald"}, nil, "--purge-url"},
		{"purge url not http", nil, map[string]string{"HERALD_PURGE_URL": "ftp://purge.example/"}, "--purge-url"},
		{"purge secret alone", []string{"--purge-secret", "s3cret"}, nil, "--purge-secret"},
		{"trusted proxies", []string{"--trusted-proxies", "127.0.0.1, 10.0.0.0/8, ::1"}, nil, ""},
		{"bad trusted proxy", nil, map[string]string{"HERALD_TRUSTED_PROXIES": "127.0.0.1,proxy.example"}, "--trusted-proxies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse(t, tt.args, tt.env)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestRedactDB(t *testing.T) {
	got := RedactDB("postgres://herald:s3cret@db.example:5432/herald?sslmode=disable")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "herald:xxxxx@") {
		t.Fatalf("RedactDB = %q", got)
	}
	if got := RedactDB("herald.db"); got != "herald.db" {
		t.Fatalf("RedactDB(file) = %q", got)
	}
}
