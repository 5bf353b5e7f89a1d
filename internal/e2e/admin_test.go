package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// addUser runs `herald user add`, giving the password on standard input.
func addUser(t *testing.T, db, email, name, role, password string) {
	t.Helper()
	cmd := exec.Command(heraldBin, "user", "add", "--db", db, "--email", email, "--name", name, "--role", role)
	cmd.Env = heraldEnv(nil)
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("herald user add %s: %v\n%s", email, err, out)
	}
}

// ownServer starts a herald of the test's own on a demo database and returns
// its base URL, its database path and the process.
func ownServer(t *testing.T, setup func(db string)) (string, string, *process) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "herald.db")
	if r := herald(t, nil, "migrate", "--db", db); r.code != 0 {
		t.Fatalf("migrate: %s", r.stderr)
	}
	if setup != nil {
		setup(db)
	}
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	p := serveT(t, heraldEnv(nil), "serve", "--demo", "--db", db, "--addr", base[len("http://"):])
	if err := p.waitHealthy(base, 60*time.Second); err != nil {
		t.Fatalf("%v\n%s", err, p.output())
	}
	return base, db, p
}

// TestNewsroomWorkflowInBrowser: an admin creates a contributor; the
// contributor writes a story with an image and submits it; an editor publishes
// it; it appears on the front page; the editor appends a correction, which
// shows on the story and on /corrections/.
func TestNewsroomWorkflowInBrowser(t *testing.T) {
	t.Parallel()
	base, _, _ := ownServer(t, func(db string) {
		addUser(t, db, "chief@harbor.test", "Chief Admin", "admin", "admin password 1")
		addUser(t, db, "desk@harbor.test", "Desk Editor", "editor", "editor password 1")
	})
	var log requestLog
	ctx := newBrowser(t, &log)

	signIn := func(email, password string) {
		t.Helper()
		follow(t, ctx, "open the sign-in page", chromedp.Navigate(base+"/admin/signin"))
		run(t, ctx, "type the email", chromedp.SendKeys(chromedp.CSS("#email"), email))
		run(t, ctx, "type the password", chromedp.SendKeys(chromedp.CSS("#password"), password))
		follow(t, ctx, "sign in", chromedp.Click(chromedp.CSS(`form[action="/admin/signin"] button[type=submit]`)))
		if loc := run(t, ctx, "read the location", chromedp.Location()); !strings.HasSuffix(loc, "/admin/") {
			t.Fatalf("signing in as %s led to %s", email, loc)
		}
	}
	signOut := func() {
		t.Helper()
		follow(t, ctx, "sign out", chromedp.Click(chromedp.CSS(`form[action="/admin/signout"] button`)))
	}

	// The admin creates a contributor.
	signIn("chief@harbor.test", "admin password 1")
	follow(t, ctx, "open the users page", chromedp.Navigate(base+"/admin/users/"))
	run(t, ctx, "fill in the new user", chromedp.Steps(
		chromedp.SendKeys(chromedp.CSS("#u-name"), "Cub Reporter"),
		chromedp.SendKeys(chromedp.CSS("#u-email"), "cub@harbor.test"),
		chromedp.SetValue(chromedp.CSS("#u-role"), "contributor"),
		chromedp.SetValue(chromedp.CSS("#u-author"), "owen-castellano"),
		chromedp.SendKeys(chromedp.CSS("#u-password"), "contributor pw 1"),
	))
	follow(t, ctx, "add the user", chromedp.Click(chromedp.CSS(`form[action="/admin/users/"] button[type=submit]`)))
	if body := run(t, ctx, "read the users page", chromedp.Text(chromedp.CSS("main"))); !strings.Contains(body, "cub@harbor.test") {
		t.Fatalf("the new contributor is not listed:\n%s", body)
	}
	signOut()

	// The contributor writes a story with an image and submits it.
	signIn("cub@harbor.test", "contributor pw 1")
	const headline = "Night ferry crews test a quieter engine"
	follow(t, ctx, "open a new story", chromedp.Navigate(base+"/admin/stories/new"))
	run(t, ctx, "write the story", chromedp.Steps(
		chromedp.SendKeys(chromedp.CSS("#headline"), headline),
		chromedp.SendKeys(chromedp.CSS("#standfirst"), "A hybrid drive cut noise on the Gull Island run by half, the operator says."),
		chromedp.SetValue(chromedp.CSS("#body"), "Crews on the late run said passengers noticed at once.\n\n## What changes\n\nThe operator will decide in spring."),
		chromedp.SetValue(chromedp.CSS("#section"), "port-alder"),
		chromedp.SendKeys(chromedp.CSS("#tags"), "Transit"),
		chromedp.SetValue(chromedp.CSS("#image_url"), "/media/images/illustration-1761.png"),
		chromedp.SendKeys(chromedp.CSS("#image_alt"), "Abstract illustration of waves under a pale sky"),
		chromedp.SendKeys(chromedp.CSS("#image_caption"), "The late ferry leaves the harbor."),
	))
	follow(t, ctx, "submit for review", chromedp.Click(chromedp.CSS(`button[name=action][value=review]`)))
	if flash := run(t, ctx, "read the message", chromedp.Text(chromedp.CSS(".flash"))); !strings.Contains(flash, "Submitted for review") {
		t.Fatalf("after submitting: %q", flash)
	}
	storyURL := run(t, ctx, "read the editor address", chromedp.Location())
	signOut()

	// The editor publishes it.
	signIn("desk@harbor.test", "editor password 1")
	if review := run(t, ctx, "read the dashboard", chromedp.Text(chromedp.CSS("main"))); !strings.Contains(review, headline) {
		t.Fatalf("the story is not in review on the dashboard")
	}
	follow(t, ctx, "open the story", chromedp.Navigate(storyURL))
	follow(t, ctx, "publish", chromedp.Click(chromedp.CSS(`button[name=action][value=publish]`)))
	if flash := run(t, ctx, "read the message", chromedp.Text(chromedp.CSS(".flash"))); !strings.Contains(flash, "Published") {
		t.Fatalf("after publishing: %q", flash)
	}
	storyPath := run(t, ctx, "read the story link", chromedp.AttributeValue(chromedp.CSS(`.meta a[href^="/port-alder/"]`), "href"))

	follow(t, ctx, "open the front page", chromedp.Navigate(base+"/"))
	if front := run(t, ctx, "read the front page", chromedp.Text(chromedp.CSS("main"))); !strings.Contains(front, headline) {
		t.Fatal("the published story is not on the front page")
	}

	// The editor appends a correction.
	follow(t, ctx, "open the story again", chromedp.Navigate(storyURL))
	const correction = "An earlier version gave the wrong route name."
	run(t, ctx, "write the correction", chromedp.SendKeys(chromedp.CSS("#correction_text"), correction))
	follow(t, ctx, "append it", chromedp.Click(chromedp.CSS(`form[action$="/corrections"] button[type=submit]`)))
	for _, p := range []string{storyPath.Value, "/corrections/"} {
		follow(t, ctx, "open "+p, chromedp.Navigate(base+p))
		if text := run(t, ctx, "read "+p, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(text, correction) {
			t.Errorf("%s does not show the correction", p)
		}
		if p == storyPath.Value {
			img := run(t, ctx, "read the story image", chromedp.AttributeValue(chromedp.CSS(".story-image img"), "alt"))
			if !img.Exists || img.Value == "" {
				t.Error("the published story has no featured image with alt text")
			}
		}
	}
}

// TestScheduledStoryPublishedOnceAcrossRestart schedules a story a few seconds
// ahead, restarts the server before and after it falls due, and finds it
// published exactly once.
func TestScheduledStoryPublishedOnceAcrossRestart(t *testing.T) {
	t.Parallel()
	base, db, p := ownServer(t, func(db string) {
		addUser(t, db, "desk@harbor.test", "Desk Editor", "editor", "editor password 1")
	})
	c := newAdminClient(t, base, "desk@harbor.test", "editor password 1")
	due := time.Now().Add(4 * time.Second)
	id := c.createStory(map[string]string{
		"headline": "Tide tables for the holiday weekend", "body": "High water at dawn.", "section": "port-alder",
		"author_0": "owen-castellano", "publish_at": due.In(c.loc()).Format("2006-01-02T15:04:05"), "action": "schedule",
	})
	if err := p.stop(20 * time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Until(due) + time.Second) // due while no server runs
	p2 := serveT(t, heraldEnv(nil), "serve", "--db", db, "--addr", base[len("http://"):])
	if err := p2.waitHealthy(base, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	path := storyPath(t, db, id)
	waitFor(t, 10*time.Second, "the scheduled story to be published", func() bool { return httpStatus(base+path) == 200 })
	if err := p2.stop(20 * time.Second); err != nil {
		t.Fatal(err)
	}
	p3 := serveT(t, heraldEnv(nil), "serve", "--db", db, "--addr", base[len("http://"):])
	if err := p3.waitHealthy(base, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second) // a round of scheduled work on the restarted server
	if n := countRevisions(t, db, id, "publish"); n != 1 {
		t.Fatalf("the story was published %d times, want once", n)
	}
	if httpStatus(base+path) != 200 {
		t.Fatal("the story is gone after the second restart")
	}
}
