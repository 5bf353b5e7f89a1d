package cli_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/search"
	"github.com/herald-news/herald/internal/store"
)

func TestReindex(t *testing.T) {
	db := filepath.Join(t.TempDir(), "herald.db")
	if code, _, stderr := herald(t, nil, "generate", "--db", db, "--articles", "40", "--seed", "3"); code != 0 {
		t.Fatalf("generate: exit code %d, stderr %q", code, stderr)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := st.PublishedCounts(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(counts.All) // fewer than 1,000: no separators
	both := regexp.MustCompile(`^indexed ` + n + ` stories for search in [0-9.]+m?s\nscored related articles for ` + n + ` stories in [0-9.]+m?s\n$`)
	code, stdout, stderr := herald(t, nil, "reindex", "--db", db)
	if code != 0 || stderr != "" || !both.MatchString(stdout) {
		t.Errorf("reindex: exit code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = herald(t, nil, "reindex", "--db", db, "--related-only")
	if code != 0 || strings.Contains(stdout, "indexed") || !strings.Contains(stdout, "scored related articles for "+n+" stories") {
		t.Errorf("reindex --related-only: exit code %d, stdout %q", code, stdout)
	}
	code, stdout, _ = herald(t, nil, "reindex", "--db", db, "--search-only")
	if code != 0 || strings.Contains(stdout, "related") || !strings.Contains(stdout, "indexed "+n+" stories") {
		t.Errorf("reindex --search-only: exit code %d, stdout %q", code, stdout)
	}

	// The search finds a generated story's headline after the rebuild.
	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, _, err := st.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("Articles = %v, %v", list, err)
	}
	res, err := st.Search(ctx, store.SearchFilter{Query: search.Parse(`"` + list[0].Headline + `"`).Query})
	if err != nil || len(res.Results) == 0 {
		t.Errorf("search for the headline %q after reindex: %+v, %v", list[0].Headline, res, err)
	}

	code, stdout, stderr = herald(t, nil, "reindex", "--db", db, "--search-only", "--related-only")
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "--search-only") {
		t.Errorf("both only-flags: exit code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
