package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/pgtest"
)

// TestTwoNodesOnPostgres runs two herald serve processes on one PostgreSQL
// database and checks what several nodes must share: a change made through one
// node reaches the other's page cache within a second; a session started on
// one node works on the other; scheduled work runs once.
func TestTwoNodesOnPostgres(t *testing.T) {
	t.Parallel()
	if err := pgtest.Available(); err != nil {
		needTool(t, "PostgreSQL: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cluster, err := pgtest.NewCluster(ctx, "")
	if errors.Is(err, pgtest.ErrUnavailable) {
		needTool(t, "PostgreSQL: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.Stop() })
	dsn, err := cluster.CreateDatabase(ctx, "herald_nodes")
	if err != nil {
		t.Fatal(err)
	}
	if r := herald(t, nil, "migrate", "--db", dsn); r.code != 0 {
		t.Fatalf("migrate: %s", r.stderr)
	}
	addUser(t, dsn, "desk@harbor.test", "Desk Editor", "editor", "editor password 1")

	var nodes [2]string
	for i := range nodes {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		nodes[i] = fmt.Sprintf("http://127.0.0.1:%d", port)
		args := []string{"serve", "--db", dsn, "--addr", nodes[i][len("http://"):]}
		if i == 0 {
			args = append(args, "--demo")
		}
		p := serveT(t, heraldEnv(nil), args...)
		if err := p.waitHealthy(nodes[i], 60*time.Second); err != nil {
			t.Fatalf("node %d: %v\n%s", i, err, p.output())
		}
	}
	a, b := nodes[0], nodes[1]

	// A session started on node A works on node B: cookies name a host, not
	// a port, so the same jar carries it.
	c := newAdminClient(t, a, "desk@harbor.test", "editor password 1")
	c.base = b
	if page := c.fetch("/admin/"); !strings.Contains(page, "Dashboard") {
		t.Fatalf("the session from node A does not work on node B:\n%.300s", page)
	}

	// A change through node A reaches node B's cache within a second.
	httpStatus(b + "/corrections/")
	httpStatus(b + "/corrections/") // now cached on B
	c.base = a
	storyID := c.createStory(map[string]string{
		"headline": "Harbor pilots vote to strike", "body": "The vote was 41 to 3.", "section": "port-alder",
		"author_0": "owen-castellano", "action": "publish",
	})
	csrf := csrfRE.FindStringSubmatch(c.fetch(fmt.Sprintf("/admin/stories/%d/", storyID)))[1]
	const text = "An earlier version gave the wrong vote count."
	c.post(fmt.Sprintf("/admin/stories/%d/corrections", storyID), url.Values{"csrf": {csrf}, "kind": {"correction"}, "text": {text}})
	start := time.Now()
	waitFor(t, time.Second, "node B to show node A's correction", func() bool {
		return strings.Contains(getBody(t, b+"/corrections/"), "wrong vote count")
	})
	t.Logf("node B showed the change %v after node A committed it", time.Since(start).Round(time.Millisecond))

	// Scheduled work runs once, though both nodes look for due stories.
	due := time.Now().Add(3 * time.Second)
	scheduled := c.createStory(map[string]string{
		"headline": "Ferry timetable changes next week", "body": "Earlier sailings.", "section": "port-alder",
		"author_0": "owen-castellano", "publish_at": due.In(c.loc()).Format("2006-01-02T15:04:05"), "action": "schedule",
	})
	path := storyPath(t, dsn, scheduled)
	waitFor(t, 15*time.Second, "the scheduled story on both nodes", func() bool {
		return httpStatus(a+path) == 200 && httpStatus(b+path) == 200
	})
	time.Sleep(4 * time.Second) // further rounds of scheduled work on both nodes
	if n := countRevisions(t, dsn, scheduled, "publish"); n != 1 {
		t.Fatalf("the scheduled story was published %d times, want once", n)
	}
}

func getBody(t *testing.T, u string) string {
	t.Helper()
	c := &adminClient{t: t}
	c.http = newPlainClient()
	c.base = ""
	return c.fetch(u)
}
