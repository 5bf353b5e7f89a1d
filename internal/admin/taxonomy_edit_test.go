package admin_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-news/herald/internal/news"
)

// lastAudit is the newest audit entry.
func (o *office) lastAudit() news.AuditEntry {
	o.t.Helper()
	entries, _, err := o.store.AuditLog(context.Background(), 1, 0)
	if err != nil || len(entries) == 0 {
		o.t.Fatalf("audit log: %v, %d entries", err, len(entries))
	}
	return entries[0]
}

func TestEditAuthor(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	editor := o.as(news.RoleEditor)
	authors, err := o.store.Authors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	au := authors[0]
	edit := "/admin/authors/" + strconv.FormatInt(au.ID, 10) + "/"

	if w := editor.get("/admin/authors/"); !strings.Contains(w.Body.String(), `href="`+edit+`"`) {
		t.Fatalf("the author list does not link %s", edit)
	}
	if w := editor.get(edit); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `value="`+au.Name+`"`) {
		t.Fatalf("GET %s: %d, without the author's name in the form", edit, w.Code)
	}

	// Refused: each answer is the form again, 422, with what was typed and
	// the problem beside its field, and nothing is saved.
	for _, tt := range []struct {
		name  string
		form  url.Values
		field string
	}{
		{"no name", url.Values{"name": {""}, "bio": {"A bio typed before the name was lost."}}, "name"},
		{"photo that is not an address", url.Values{"name": {au.Name}, "bio": {"A bio typed before the name was lost."}, "photo_url": {"javascript:alert(1)"}}, "photo_url"},
		{"link without an address", url.Values{"name": {au.Name}, "bio": {"A bio typed before the name was lost."}, "links": {"Mastodon"}}, "links"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := editor.post(edit, tt.form)
			body := w.Body.String()
			if w.Code != http.StatusUnprocessableEntity {
				t.Fatalf("%d, want 422", w.Code)
			}
			if !strings.Contains(body, "A bio typed before the name was lost.") || !strings.Contains(body, "Nothing was saved.") {
				t.Error("the form came back without what was typed, or without saying nothing was saved")
			}
			if !problemBeside(body, `name="`+tt.field+`"`) {
				t.Errorf("no problem shown beside %s", tt.field)
			}
		})
	}
	if got, err := o.store.AuthorByID(ctx, au.ID); err != nil || got.Bio != au.Bio || got.Name != au.Name {
		t.Fatalf("refused edits changed the author: %+v, %v", got, err)
	}

	// Without the form's token nothing changes.
	if w := editor.post(edit, url.Values{"csrf": {"forged"}, "name": {"Forged"}}); w.Code != http.StatusForbidden {
		t.Fatalf("a forged token: %d, want 403", w.Code)
	}

	w := editor.post(edit, url.Values{
		"name": {au.Name + " Jr"}, "job_title": {"Harbor editor"}, "bio": {"Covers the harbor.\r\n\r\nAnd the tides."},
		"photo_url": {"/media/authors/new.png"}, "links": {"Mastodon https://social.example/@harbor\r\nHome page https://harbor.example/"},
	})
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/admin/authors/?done=") {
		t.Fatalf("save: %d to %q\n%.500s", w.Code, w.Header().Get("Location"), w.Body.String())
	}
	got, err := o.store.AuthorByID(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := news.Author{ID: au.ID, Slug: au.Slug, Name: au.Name + " Jr", JobTitle: "Harbor editor", Bio: "Covers the harbor.\n\nAnd the tides.",
		PhotoURL: "/media/authors/new.png", Links: []news.Link{{Label: "Mastodon", URL: "https://social.example/@harbor"}, {Label: "Home page", URL: "https://harbor.example/"}}}
	if got.Name != want.Name || got.JobTitle != want.JobTitle || got.Bio != want.Bio || got.PhotoURL != want.PhotoURL || got.Slug != want.Slug ||
		len(got.Links) != 2 || got.Links[0] != want.Links[0] || got.Links[1] != want.Links[1] {
		t.Fatalf("stored %+v\nwant %+v", got, want)
	}
	if e := o.lastAudit(); e.Action != "author.update" || e.Target != "author "+strconv.FormatInt(au.ID, 10) ||
		e.UserID != o.users[news.RoleEditor].ID || !strings.Contains(e.Detail, au.Name+" Jr") {
		t.Errorf("audit entry %+v", e)
	}
	page := (&client{o: o}).get("/authors/" + au.Slug + "/").Body.String()
	if !strings.Contains(page, "And the tides.") || !strings.Contains(page, au.Name+" Jr") {
		t.Error("the public author page does not show the edit")
	}

	if w := editor.get("/admin/authors/999999/"); w.Code != http.StatusNotFound {
		t.Errorf("a missing author: %d, want 404", w.Code)
	}
	if w := editor.post("/admin/authors/999999/", url.Values{"name": {"Nobody"}}); w.Code != http.StatusNotFound {
		t.Errorf("saving a missing author: %d, want 404", w.Code)
	}
}

func TestEditSectionAndTag(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	editor := o.as(news.RoleEditor)
	sec, err := o.store.SectionBySlug(ctx, "usa-news")
	if err != nil {
		t.Fatal(err)
	}
	edit := "/admin/sections/" + strconv.FormatInt(sec.ID, 10) + "/"
	w := editor.post(edit, url.Values{"name": {"Nation"}, "description": {"The whole country."}, "position": {"first"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "must be a whole number") || !strings.Contains(w.Body.String(), `value="The whole country."`) {
		t.Fatalf("a position that is not a number: %d", w.Code)
	}
	// The slug is not part of the form; one sent anyway is ignored.
	w = editor.post(edit, url.Values{"name": {"Nation"}, "description": {"The whole country."}, "position": {"0"}, "slug": {"nation"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("save section: %d\n%.500s", w.Code, w.Body.String())
	}
	if e := o.lastAudit(); e.Action != "section.update" || e.Target != "section "+strconv.FormatInt(sec.ID, 10) {
		t.Errorf("audit entry %+v", e)
	}
	front := (&client{o: o}).get("/usa-news/")
	if front.Code != http.StatusOK || !strings.Contains(front.Body.String(), "Nation") || !strings.Contains(front.Body.String(), "The whole country.") {
		t.Errorf("the section front at its old address: %d, without the new name and description", front.Code)
	}

	tag, err := o.store.TagBySlug(ctx, "congress")
	if err != nil {
		t.Fatal(err)
	}
	tagEdit := "/admin/tags/" + strconv.FormatInt(tag.ID, 10) + "/"
	if w := editor.post(tagEdit, url.Values{"name": {"  "}}); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "is required") {
		t.Fatalf("an empty tag name: %d", w.Code)
	}
	if w := editor.post(tagEdit, url.Values{"name": {"The Congress"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("rename tag: %d", w.Code)
	}
	if e := o.lastAudit(); e.Action != "tag.update" || e.Detail != tag.Name+" → The Congress" {
		t.Errorf("audit entry %+v", e)
	}
	if page := (&client{o: o}).get("/tags/congress/").Body.String(); !strings.Contains(page, "The Congress") {
		t.Error("the tag page does not show the new name")
	}
	if w := o.as(news.RoleContributor).post(tagEdit, url.Values{"name": {"Mine now"}}); w.Code != http.StatusForbidden {
		t.Errorf("a contributor renamed a tag: %d", w.Code)
	}
}

// problemBeside reports whether the form field named by attr is
// followed, before the next field, by a problem message.
func problemBeside(body, attr string) bool {
	i := strings.Index(body, attr)
	if i < 0 {
		return false
	}
	rest := body[i:]
	if j := strings.Index(rest[1:], "<label"); j >= 0 {
		rest = rest[:j+1]
	}
	return strings.Contains(rest, `class="problem"`)
}

func TestSources(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	editor := o.as(news.RoleEditor)
	src, err := o.store.SourceBySlug(ctx, "capitol-dispatch")
	if err != nil {
		t.Fatal(err)
	}
	edit := "/admin/sources/" + strconv.FormatInt(src.ID, 10) + "/"
	list := editor.get("/admin/sources/")
	if list.Code != http.StatusOK || !strings.Contains(list.Body.String(), `href="`+edit+`"`) || !strings.Contains(list.Body.String(), `href="/admin/sources/" aria-current="page"`) {
		t.Fatalf("the source list: %d, without a link to %s or its place in the navigation", list.Code, edit)
	}

	// Add one; a bad address is refused with what was typed kept.
	w := editor.post("/admin/sources/", url.Values{"name": {"Tidewater Wire"}, "url": {"tidewater.example"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), `value="Tidewater Wire"`) || !problemBeside(w.Body.String(), `name="url"`) {
		t.Fatalf("a source with a bad address: %d", w.Code)
	}
	if _, err := o.store.SourceBySlug(ctx, "tidewater-wire"); err == nil {
		t.Fatal("a refused source was stored")
	}
	if w := editor.post("/admin/sources/", url.Values{"name": {"Tidewater Wire"}, "url": {"https://tidewater.example/"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("add a source: %d\n%.500s", w.Code, w.Body.String())
	}
	added, err := o.store.SourceBySlug(ctx, "tidewater-wire")
	if err != nil || added.URL != "https://tidewater.example/" {
		t.Fatalf("added source %+v, %v", added, err)
	}
	if e := o.lastAudit(); e.Action != "source.create" {
		t.Errorf("audit entry %+v", e)
	}

	// Edit one: the name and address change, the slug stays.
	if w := editor.post(edit, url.Values{"name": {"Capitol Dispatch Service"}, "url": {"ftp://dispatch.example/"}}); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("an ftp address: %d, want 422", w.Code)
	}
	if w := editor.post(edit, url.Values{"name": {"Capitol Dispatch Service"}, "url": {"https://dispatch.example/"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("save source: %d\n%.500s", w.Code, w.Body.String())
	}
	got, err := o.store.SourceByID(ctx, src.ID)
	if err != nil || got.Name != "Capitol Dispatch Service" || got.URL != "https://dispatch.example/" || got.Slug != src.Slug {
		t.Fatalf("stored %+v, %v", got, err)
	}
	if e := o.lastAudit(); e.Action != "source.update" || e.Detail != src.Name+" → Capitol Dispatch Service" {
		t.Errorf("audit entry %+v", e)
	}
	if page := (&client{o: o}).get("/sources/" + src.Slug + "/").Body.String(); !strings.Contains(page, "Capitol Dispatch Service") {
		t.Error("the public source page does not show the new name")
	}

	if w := o.as(news.RoleContributor).get("/admin/sources/"); w.Code != http.StatusForbidden {
		t.Errorf("a contributor opened the source list: %d", w.Code)
	}
	if w := editor.get("/admin/sources/999999/"); w.Code != http.StatusNotFound {
		t.Errorf("a missing source: %d, want 404", w.Code)
	}
}
