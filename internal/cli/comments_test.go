package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// commentsDB makes a database with one story and three pending comments and
// returns its path, the story's path and the comments' IDs.
func commentsDB(t *testing.T) (string, string, []int64) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "herald.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	sec := news.Section{Slug: "usa-news", Name: "USA News"}
	au := news.Author{Slug: "ada", Name: "Ada"}
	for _, err := range []error{st.CreateSection(ctx, &sec), st.CreateAuthor(ctx, &au)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	a := &news.Article{Slug: "vote", Section: sec, Headline: "The vote", BodyMarkdown: "Body.", BodyHTML: "<p>Body.</p>",
		Status: news.StatusPublished, PublishedAt: time.Now().Add(-time.Hour), Authors: []news.Author{au}, CommentsOpen: true}
	if err := st.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	cs := news.DefaultCommentSettings()
	var ids []int64
	for i, body := range []string{"First\tcomment with a tab and many words to cut short after a dozen of them, really", "Second comment.", "Third comment."} {
		c := &news.Comment{ArticleID: a.ID, Name: fmt.Sprintf("Reader %d", i), Email: fmt.Sprintf("r%d@example.com", i), Body: body,
			EmailHash: fmt.Sprintf("hash-%d", i), ClientHash: fmt.Sprintf("client-%d", i), SpamTokens: []string{"tok"}}
		if err := st.AddComment(ctx, c, cs, false, time.Now().Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	return db, a.Path(), ids
}

func TestCommentsCommand(t *testing.T) {
	db, path, ids := commentsDB(t)
	code, out, errOut := herald(t, nil, "comments", "list", "--db", db)
	if code != 0 {
		t.Fatalf("list: exit %d, %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("list printed %d lines:\n%s", len(lines), out)
	}
	// Newest first, id first, tab-separated.
	f := strings.Split(lines[2], "\t")
	if len(f) != 5 || f[0] != fmt.Sprint(ids[0]) || f[1] != "pending" || f[2] != path || f[3] != "Reader 0" ||
		!strings.HasPrefix(f[4], "First comment with a tab") || !strings.HasSuffix(f[4], "…") {
		t.Errorf("list line = %q", lines[2])
	}
	if strings.Contains(out, "@example.com") {
		t.Error("list prints emails")
	}

	code, out, _ = herald(t, nil, "comments", "approve", fmt.Sprint(ids[0]), "--db", db, fmt.Sprint(ids[1]))
	if code != 0 || out != fmt.Sprintf("%d\tapproved\n%d\tapproved\n", ids[0], ids[1]) {
		t.Errorf("approve: exit %d, %q", code, out)
	}
	code, out, _ = herald(t, map[string]string{"HERALD_DB": db}, "comments", "spam", fmt.Sprint(ids[2]))
	if code != 0 || out != fmt.Sprintf("%d\tspam\n", ids[2]) {
		t.Errorf("spam with HERALD_DB: exit %d, %q", code, out)
	}
	code, out, _ = herald(t, nil, "comments", "list", "--status", "approved", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 2 || strings.Contains(out, "spam") {
		t.Errorf("list --status approved: exit %d\n%s", code, out)
	}
	code, _, _ = herald(t, nil, "comments", "trash", "--db", db, fmt.Sprint(ids[1]))
	if code != 0 {
		t.Errorf("trash: exit %d", code)
	}
	code, out, _ = herald(t, nil, "comments", "delete", "--db", db, fmt.Sprint(ids[1]))
	if code != 0 || out != fmt.Sprintf("%d\tdeleted\n", ids[1]) {
		t.Errorf("delete: exit %d, %q", code, out)
	}
	// A missing comment fails the command, after doing the rest.
	code, out, errOut = herald(t, nil, "comments", "approve", "--db", db, "999999", fmt.Sprint(ids[2]))
	if code != 1 || !strings.Contains(errOut, "999999") || !strings.Contains(out, fmt.Sprintf("%d\tapproved", ids[2])) {
		t.Errorf("approve of a missing ID: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The server sees each change through the changes table.
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	changes, err := st.Changes(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range changes {
		for _, k := range c.Keys {
			found = found || strings.HasPrefix(k, "c:")
		}
	}
	if !found {
		t.Error("moderating recorded no change of a comment thread")
	}
}

func TestCommentsCommandMistakes(t *testing.T) {
	db, _, _ := commentsDB(t)
	for _, args := range [][]string{
		{"comments"},
		{"comments", "publish", "1"},
		{"comments", "approve", "--db", db},
		{"comments", "approve", "--db", db, "x1"},
		{"comments", "approve", "--db", db, "-3"},
		{"comments", "list", "--db", db, "--status", "hidden"},
		{"comments", "list", "--db", db, "--limit", "0"},
		{"comments", "list", "--db", db, "extra"},
		{"comments", "settings", "--db", db, "--max-depth", "0"},
		{"comments", "settings", "--db", db, "--spam-threshold", "0.2"},
		{"comments", "evaluate"},
	} {
		code, _, errOut := herald(t, nil, args...)
		if code != 2 || !strings.HasPrefix(errOut, "herald comments: ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line", args, code, errOut)
		}
	}
}

func TestCommentsSettingsCommand(t *testing.T) {
	db, path, _ := commentsDB(t)
	code, out, errOut := herald(t, nil, "comments", "settings", "--db", db, "--max-depth", "3", "--rate-per-hour", "0",
		"--block-words", "casino, pills", "--article", path, "--article-close-after-days", "7")
	if code != 0 {
		t.Fatalf("settings: exit %d, %s", code, errOut)
	}
	for _, want := range []string{"max-depth\t3\n", "rate-per-hour\t0\n", "block-words\tcasino,pills\n", "comments close after 7 days"} {
		if !strings.Contains(out, want) {
			t.Errorf("settings output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = herald(t, nil, "comments", "settings", "--db", db)
	if code != 0 || !strings.Contains(out, "max-depth\t3\n") || !strings.Contains(out, "hold-links\t2\n") {
		t.Errorf("settings kept: exit %d\n%s", code, out)
	}
	if code, out, _ := herald(t, nil, "comments", "purge", "--db", db); code != 0 || !strings.Contains(out, "forgot") {
		t.Errorf("purge: exit %d, %q", code, out)
	}
}

func TestCommentsEvaluateCommand(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("label\ttext\n")
	for i := range 200 {
		fmt.Fprintf(&b, "spam\tWIN a free prize now call 0906%07d claim cash\n", i)
		fmt.Fprintf(&b, "ham\tSee you at the harbor meeting on day %d, bring the notes\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "SMSSpamCollection.tsv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := herald(t, nil, "comments", "evaluate", "--corpus", dir)
	if code != 0 || !strings.Contains(out, "precision 1.0000, recall 1.0000, false-positive rate 0.0000") {
		t.Errorf("evaluate: exit %d\n%s%s", code, out, errOut)
	}
	db, _, _ := commentsDB(t)
	code, out, errOut = herald(t, nil, "comments", "train", "--db", db, "--corpus", dir)
	if code != 0 || !strings.Contains(out, "learnt 200 spam and 200 genuine") {
		t.Errorf("train: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := herald(t, nil, "comments", "evaluate", "--corpus", t.TempDir()); code != 1 || !strings.Contains(errOut, "no labelled comments") {
		t.Errorf("evaluate on an empty folder: exit %d, %q", code, errOut)
	}
}
