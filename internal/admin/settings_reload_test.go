package admin_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/herald-news/herald/internal/news"
)

// TestSettingsReachTheBackOffice changes the site's name and time zone and
// checks that the back office shows the new name and reads a scheduled time
// in the new zone, without a restart.
func TestSettingsReachTheBackOffice(t *testing.T) {
	o := newOffice(t)
	ctx := context.Background()
	editor := o.as(news.RoleEditor)

	st, err := o.store.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Name, st.TimeZone = "The Harbor Ledger Evening", "Asia/Tokyo"
	if err := o.store.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if w := editor.get("/admin/"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "The Harbor Ledger Evening") {
		t.Errorf("GET /admin/ = %d; the new site name is not shown", w.Code)
	}

	// A story scheduled for 09:00 is scheduled for 09:00 in Tokyo.
	form := storyForm("Ferry timetable changes next month")
	form.Set("publish_at", "2031-05-01T09:00")
	id := editor.create(form, "schedule")
	a, err := o.store.ArticleByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2031, 5, 1, 9, 0, 0, 0, tokyo); !a.PublishedAt.Equal(want) {
		t.Errorf("scheduled for %v, want %v (09:00 in the new time zone)", a.PublishedAt, want)
	}
}
