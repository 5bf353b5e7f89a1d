package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// commentServer is a herald of the test's own, on the demo newsroom, so that
// the comment commands can work on its database.
type commentServer struct {
	db, base, addr string
}

func startCommentServer(t *testing.T) *commentServer {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	cs := &commentServer{db: filepath.Join(t.TempDir(), "herald.db"), addr: fmt.Sprintf("127.0.0.1:%d", port)}
	cs.base = "http://" + cs.addr
	p := serveT(t, heraldEnv(nil), "serve", "--demo", "--db", cs.db, "--addr", cs.addr)
	if err := p.waitHealthy(cs.base, 60*time.Second); err != nil {
		t.Fatalf("%v\n%s", err, p.output())
	}
	// A person types for longer than this test does; and the reply comes
	// from the same address as the comment it answers.
	if r := herald(t, nil, "comments", "settings", "--db", cs.db, "--min-fill-seconds", "1", "--flood-seconds", "0"); r.code != 0 {
		t.Fatalf("comments settings: %s", r.stderr)
	}
	return cs
}

// openStory finds a story whose comment form is on its page.
func (cs *commentServer) openStory(t *testing.T) string {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	fetch := func(path string) string {
		resp, err := client.Get(cs.base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	front := fetch("/")
	for _, m := range regexp.MustCompile(`href="(/[a-z0-9-]+/[a-z0-9-]+/)"`).FindAllStringSubmatch(front, -1) {
		if strings.Contains(fetch(m[1]), `id="commentform"`) {
			return m[1]
		}
	}
	t.Fatal("no story on the front page takes comments")
	return ""
}

// pendingID returns the ID of the newest pending comment.
func (cs *commentServer) pendingID(t *testing.T) string {
	t.Helper()
	r := herald(t, nil, "comments", "list", "--db", cs.db, "--status", "pending")
	if r.code != 0 || r.stdout == "" {
		t.Fatalf("comments list: exit %d, %q %s", r.code, r.stdout, r.stderr)
	}
	return strings.SplitN(r.stdout, "\t", 2)[0]
}

func (cs *commentServer) approve(t *testing.T, id string) {
	t.Helper()
	if r := herald(t, nil, "comments", "approve", "--db", cs.db, id); r.code != 0 {
		t.Fatalf("comments approve %s: %s", id, r.stderr)
	}
}

// waitFor reloads path until js is true, for changes another process made.
func waitForComment(t *testing.T, ctx context.Context, url, js, what string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Reload, so that the browser asks the server rather than its cache.
		follow(t, ctx, "load "+url, chromedp.Navigate(url))
		follow(t, ctx, "reload "+url, chromedp.Reload())
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not on %s within 5 s", what, url)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// fillComment focuses the form, waits for its token, and types a comment.
func fillComment(t *testing.T, ctx context.Context, name, email, text string) {
	t.Helper()
	run(t, ctx, "type the comment", chromedp.Steps(
		chromedp.Click(chromedp.CSS("#comment-field-comment"), chromedp.NodeVisible),
		chromedp.SendKeys(chromedp.CSS("#comment-field-comment"), text),
		chromedp.SetValue(chromedp.CSS("#comment-field-name"), name),
		chromedp.SetValue(chromedp.CSS("#comment-field-email"), email),
	))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("comment-ts").value !== ""`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the form got no token from /comments/form: %v", err)
	}
	time.Sleep(1200 * time.Millisecond) // the minimum fill time
}

// TestCommentInBrowser leaves a comment as a reader, approves it with the
// command, sees it published, replies to it and sees the reply threaded
// under it once approved; then does the same without JavaScript.
func TestCommentInBrowser(t *testing.T) {
	t.Parallel()
	cs := startCommentServer(t)
	story := cs.openStory(t)
	var log requestLog
	ctx := newBrowser(t, &log)
	t.Cleanup(func() {
		for _, u := range log.foreign() {
			if !strings.HasPrefix(u, cs.base) {
				t.Errorf("the comment pages made a request to %s", u)
			}
		}
	})

	follow(t, ctx, "open the story", chromedp.Navigate(cs.base+story))
	heading := run(t, ctx, "read the form heading", chromedp.Text(chromedp.CSS("#reply-title")))
	if !strings.HasPrefix(strings.TrimSpace(heading), "Leave a Reply") {
		t.Errorf("form heading %q", heading)
	}
	fillComment(t, ctx, "Nell Reader", "nell@example.net", "A first comment from the browser test.")
	follow(t, ctx, "post the comment", chromedp.Click(chromedp.CSS("#commentform button[type=submit]")))
	loc := run(t, ctx, "read the location", chromedp.Location())
	if !strings.Contains(loc, "comment=pending") {
		t.Fatalf("after posting, the browser is at %s, want the pending notice", loc)
	}
	notice := run(t, ctx, "read the notice", chromedp.Text(chromedp.CSS("#comment-status"), chromedp.NodeVisible))
	if !strings.Contains(notice, "awaiting moderation") {
		t.Fatalf("notice = %q", notice)
	}
	first := cs.pendingID(t)
	cs.approve(t, first)
	waitForComment(t, ctx, cs.base+story, fmt.Sprintf(`!!document.querySelector("#comment-%s .comment-content")`, first), "the approved comment")
	body := run(t, ctx, "read the comment", chromedp.Text(chromedp.CSS("#comment-"+first+" .comment-content")))
	if !strings.Contains(body, "A first comment from the browser test.") {
		t.Fatalf("comment text %q", body)
	}

	// Reply: the form moves under the comment.
	run(t, ctx, "click Reply", chromedp.Click(chromedp.CSS("#comment-"+first+" .comment-reply-link"), chromedp.NodeVisible))
	moved := run(t, ctx, "check the form moved", chromedp.Evaluate[bool](fmt.Sprintf(
		`!!document.querySelector("#comment-%s #respond") && document.getElementById("comment-parent").value === "%s"`, first, first)))
	if !moved {
		t.Fatal("Reply did not move the form under the comment")
	}
	fillComment(t, ctx, "Otto Replier", "otto@example.net", "A reply to the first comment.")
	follow(t, ctx, "post the reply", chromedp.Click(chromedp.CSS("#commentform button[type=submit]")))
	reply := cs.pendingID(t)
	cs.approve(t, reply)
	waitForComment(t, ctx, cs.base+story, fmt.Sprintf(`!!document.querySelector("#comment-%s > ol.children > #comment-%s")`, first, reply), "the threaded reply")

	png := run(t, ctx, "take a screenshot", chromedp.Screenshot(chromedp.CSS("#comments")))
	shot := filepath.Join(os.TempDir(), "herald-e2e-comments.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Error(err)
	} else {
		t.Logf("screenshot of the comments: %s", shot)
	}

	t.Run("NoScript", func(t *testing.T) { testCommentNoScript(t, ctx, &log, cs, story, first) })
}

// testCommentNoScript replies without JavaScript: the Reply link loads a
// page with the form set to reply, the first post comes back asking to
// confirm (the script did not fetch a token), the second is taken.
func testCommentNoScript(t *testing.T, browser context.Context, log *requestLog, cs *commentServer, story, parent string) {
	ctx := newTab(t, browser, log)
	run(t, ctx, "turn JavaScript off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	follow(t, ctx, "open the story", chromedp.Navigate(cs.base+story))
	follow(t, ctx, "follow Reply", chromedp.Click(chromedp.CSS("#comment-"+parent+" .comment-reply-link"), chromedp.NodeVisible))
	if v := run(t, ctx, "read the parent", chromedp.Value(chromedp.CSS("#comment-parent"))); v != parent {
		t.Fatalf("the reply page's form replies to %q, want %s", v, parent)
	}
	run(t, ctx, "fill the form", chromedp.Steps(
		chromedp.SendKeys(chromedp.CSS("#comment-field-comment"), "A reply typed without JavaScript."),
		chromedp.SendKeys(chromedp.CSS("#comment-field-name"), "Quill Plain"),
		chromedp.SendKeys(chromedp.CSS("#comment-field-email"), "quill@example.net"),
	))
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#commentform button[type=submit]")))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("a post without a token = %d, want 422 asking to confirm", resp.Status)
	}
	kept := run(t, ctx, "read the kept text", chromedp.Value(chromedp.CSS("#comment-field-comment")))
	if kept != "A reply typed without JavaScript." {
		t.Fatalf("the text came back as %q", kept)
	}
	time.Sleep(1200 * time.Millisecond)
	resp, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#commentform button[type=submit]")))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusOK || !strings.Contains(resp.URL, "comment=pending") {
		t.Fatalf("the confirmed post ended at %s with %d", resp.URL, resp.Status)
	}
	id := cs.pendingID(t)
	cs.approve(t, id)
	waitForComment(t, ctx, cs.base+story, fmt.Sprintf(`!!document.querySelector("#comment-%s > ol.children > #comment-%s")`, parent, id), "the reply made without JavaScript")
}
