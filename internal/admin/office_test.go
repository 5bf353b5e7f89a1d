package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

func TestModerationQueue(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	a, err := o.store.Article(ctx, "culture", "review-the-salt-road")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := o.store.CommentSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := &news.Comment{ArticleID: a.ID, Name: "Rosa Reader", Email: "rosa@example.org", Body: "A fine review of a fine book.",
		EmailHash: auth.EmailHash(secret, "rosa@example.org")}
	if err := o.store.AddComment(ctx, c, cs, false, o.clock()); err != nil {
		t.Fatal(err)
	}
	if c.Status != news.CommentPending {
		t.Fatalf("a first comment is %s, want pending", c.Status)
	}
	editor := o.as(news.RoleEditor)
	queue := editor.get("/admin/comments/")
	if queue.Code != http.StatusOK || !strings.Contains(queue.Body.String(), "A fine review") {
		t.Fatalf("the queue does not list the pending comment: %d", queue.Code)
	}
	if dash := editor.get("/admin/"); !strings.Contains(dash.Body.String(), "1 comment waiting") {
		t.Error("the dashboard does not count the waiting comment")
	}
	if w := o.as(news.RoleAuthor).post("/admin/comments/"+strconv.FormatInt(c.ID, 10)+"/status", url.Values{"status": {"approved"}}); w.Code != http.StatusForbidden {
		t.Fatalf("an author moderated: %d", w.Code)
	}
	if w := editor.post("/admin/comments/"+strconv.FormatInt(c.ID, 10)+"/status", url.Values{"status": {"approved"}, "from": {"pending"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("approve: %d", w.Code)
	}
	if page := (&client{o: o}).get(a.Path()); !strings.Contains(page.Body.String(), "A fine review") || strings.Contains(page.Body.String(), "rosa@example.org") {
		t.Fatal("the approved comment is not on the story, or its email is")
	}
	if w := editor.post("/admin/comments/"+strconv.FormatInt(c.ID, 10)+"/reply", url.Values{"body": {"Thank you, Rosa."}}); w.Code != http.StatusSeeOther {
		t.Fatalf("reply: %d %s", w.Code, w.Body.String())
	}
	replies, _, err := o.store.Comments(ctx, store.CommentFilter{Status: news.CommentApproved, ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range replies {
		if r.ParentID == c.ID && r.Body == "Thank you, Rosa." {
			found = true
		}
	}
	if !found {
		t.Fatal("the staff reply is not published under the comment")
	}
	if w := editor.post("/admin/comments/"+strconv.FormatInt(c.ID, 10)+"/status", url.Values{"status": {"bogus"}}); w.Code != http.StatusBadRequest {
		t.Fatalf("an unknown status: %d", w.Code)
	}
}

func TestPagesAndSettings(t *testing.T) {
	o := newOffice(t)
	editor, admin := o.as(news.RoleEditor), o.as(news.RoleAdmin)
	if w := editor.post("/admin/pages/", url.Values{"title": {"Jobs"}, "body": {"We are hiring."}}); w.Code != http.StatusSeeOther {
		t.Fatalf("create page: %d", w.Code)
	}
	if w := (&client{o: o}).get("/jobs/"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "We are hiring.") {
		t.Fatalf("the new page: %d", w.Code)
	}
	if w := editor.post("/admin/pages/", url.Values{"title": {"USA"}, "slug": {"usa-news"}, "body": {"x"}}); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "is taken") {
		t.Fatalf("a page over a section: %d", w.Code)
	}
	if w := editor.get("/admin/settings"); w.Code != http.StatusForbidden {
		t.Fatalf("an editor opened the settings: %d", w.Code)
	}
	if w := admin.post("/admin/settings", url.Values{"name": {""}, "language": {"en"}, "time_zone": {"Nowhere/Else"}}); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad settings: %d", w.Code)
	}
	if w := admin.post("/admin/settings", url.Values{"name": {"The Ledger at Night"}, "language": {"en"}, "time_zone": {"America/New_York"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("save settings: %d", w.Code)
	}
	if w := (&client{o: o}).get("/"); !strings.Contains(w.Body.String(), "The Ledger at Night") {
		t.Fatal("the front page does not show the new site name")
	}
}
