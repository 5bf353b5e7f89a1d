package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// vnuJar finds the Nu HTML Checker that scripts/install-test-deps.sh installs.
func vnuJar(t *testing.T) string {
	t.Helper()
	jar := os.Getenv("HERALD_VNU_JAR")
	if jar == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			needTool(t, "vnu.jar: no home directory to look in (%v) and HERALD_VNU_JAR is unset", err)
		}
		jar = filepath.Join(home, ".cache/herald-test/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
	}
	if _, err := os.Stat(jar); err != nil {
		needTool(t, "the Nu HTML Checker is missing: %v", err)
	}
	if _, err := exec.LookPath("java"); err != nil {
		needTool(t, "java is missing: %v", err)
	}
	return jar
}

var (
	articleLinkRE = regexp.MustCompile(`href="(/[a-z0-9-]+/[a-z0-9-]+/)"`)
	authorLinkRE  = regexp.MustCompile(`href="(/authors/[a-z0-9-]+/)"`)
)

// firstArticleLink returns the first link to a story (/{section}/{slug}/) in
// page.
func firstArticleLink(page []byte) string {
	for _, m := range articleLinkRE.FindAllSubmatch(page, -1) {
		switch strings.SplitN(string(m[1]), "/", 3)[1] {
		case "authors", "tags", "sources", "static", "media":
			continue
		}
		return string(m[1])
	}
	return ""
}

// TestMarkupValid checks one page of each kind with the Nu HTML Checker.
func TestMarkupValid(t *testing.T) {
	t.Parallel()
	jar := vnuJar(t)

	_, front := get(t, "/")
	article := firstArticleLink(front)
	if article == "" {
		t.Fatal("the front page links to no article")
	}
	_, story := get(t, article)
	author := authorLinkRE.FindSubmatch(story)
	if author == nil {
		t.Fatalf("the article %s links to no author", article)
	}
	pages := []struct {
		name, path string
		status     int
	}{
		{"front", "/", 200},
		{"section", "/usa-news/", 200},
		{"article", article, 200},
		{"author", string(author[1]), 200},
		{"corrections", "/corrections/", 200},
		{"not-found", "/no-such-section-e2e/", 404},
	}

	dir := t.TempDir()
	files := make([]string, 0, len(pages))
	pathOf := map[string]string{} // file name → page path
	for _, p := range pages {
		status, body := get(t, p.path)
		if status != p.status {
			t.Errorf("GET %s: status %d, want %d", p.path, status, p.status)
		}
		file := filepath.Join(dir, p.name+".html")
		if err := os.WriteFile(file, body, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		pathOf[p.name+".html"] = p.path
	}

	for _, m := range checkHTML(t, jar, files) {
		name := m.URL
		if u, err := url.Parse(m.URL); err == nil {
			name = filepath.Base(u.Path)
		}
		t.Errorf("%s (%s) line %d: %s\n\t%s", name, pathOf[name], m.LastLine, m.Message, strings.TrimSpace(m.Extract))
	}
}

// vnuMessage is one message of vnu's --format json output.
type vnuMessage struct {
	Type     string `json:"type"`
	URL      string `json:"url"`
	Message  string `json:"message"`
	LastLine int    `json:"lastLine"`
	Extract  string `json:"extract"`
}

// checkHTML runs the Nu HTML Checker once on every file (the JVM takes
// seconds to start) and returns its errors.
func checkHTML(t *testing.T, jar string, files []string) []vnuMessage {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := append([]string{"-jar", jar, "--stdout", "--format", "json", "--errors-only"}, files...)
	cmd := exec.CommandContext(ctx, "java", args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output() // vnu exits 1 when it finds errors; the JSON says which
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("java -jar vnu.jar: %v (exit: %v)\nstdout:\n%s\nstderr:\n%s", jerr, err, out, stderr.String())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			errs = append(errs, m)
		}
	}
	if err != nil && len(errs) == 0 {
		t.Fatalf("java -jar vnu.jar: %v with no error message\nstderr:\n%s", err, stderr.String())
	}
	return errs
}
