package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "herald.db")
	export := filepath.Join("..", "importer", "testdata", "newsroom.xml")

	code, stdout, stderr := herald(t, nil, "import", "wordpress", "--db", db, export)
	if code != 0 || !strings.Contains(stdout, "stories:   9 imported") || stderr != "" {
		t.Fatalf("import = %d\n%s\n%s", code, stdout, stderr)
	}
	// Flags after the file, and the environment, work too; a second run
	// changes nothing.
	code, stdout, _ = herald(t, map[string]string{"HERALD_DB": db}, "import", "wordpress", export)
	if code != 0 || !strings.Contains(stdout, ": 0 imported, 0 updated, ") {
		t.Fatalf("second import = %d\n%s", code, stdout)
	}
	code, stdout, _ = herald(t, nil, "import", "markdown", filepath.Join("..", "importer", "testdata", "site"), "--db", db)
	if code != 0 || !strings.Contains(stdout, "stories:   5 imported") {
		t.Fatalf("markdown import = %d\n%s", code, stdout)
	}

	broken := filepath.Join(dir, "broken.xml")
	if err := os.WriteFile(broken, []byte("<rss>\n<channel>\n<wp:wxr_version>1.2</wp:wxr_version>\n<item></channel>"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = herald(t, nil, "import", "wordpress", "--db", filepath.Join(dir, "other.db"), broken)
	if code != 1 || !strings.Contains(stderr, broken+":4:17: malformed XML") || !strings.Contains(stderr, "nothing was imported") {
		t.Errorf("broken import = %d: %s", code, stderr)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "say wordpress or markdown"},
		{[]string{"import", "joomla", "x"}, `unknown source "joomla"`},
		{[]string{"import", "wordpress", "--db", db}, "name one FILE.xml"},
		{[]string{"import", "wordpress", "--db", db, dir}, "is a folder"},
		{[]string{"import", "markdown", "--db", db, export}, "is not a folder"},
		{[]string{"import", "wordpress", "--db", db, "--uploads", export, export}, "is not a folder"},
	} {
		code, _, stderr := herald(t, nil, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v = %d %q, want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if code, stdout, _ := herald(t, nil, "import", "--help"); code != 0 || !strings.Contains(stdout, "--uploads DIR") {
		t.Errorf("help = %d %s", code, stdout)
	}
}
