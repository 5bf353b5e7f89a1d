package news

import "testing"

func TestWorkflowPermissions(t *testing.T) {
	mine := &Article{CreatedBy: 1, Status: StatusDraft}
	theirs := &Article{CreatedBy: 2, Status: StatusDraft}
	bylined := &Article{CreatedBy: 2, Status: StatusPublished, Authors: []Author{{ID: 7}}}
	contributor := &User{ID: 1, Role: RoleContributor}
	author := &User{ID: 1, Role: RoleAuthor, AuthorID: 7}
	editor := &User{ID: 3, Role: RoleEditor}
	tests := []struct {
		name string
		u    *User
		a    *Article
		to   Status
		want bool
	}{
		{"contributor submits own draft", contributor, mine, StatusReview, true},
		{"contributor cannot publish", contributor, mine, StatusPublished, false},
		{"contributor cannot touch others'", contributor, theirs, StatusReview, false},
		{"author publishes own", author, mine, StatusPublished, true},
		{"author schedules bylined story", author, bylined, StatusScheduled, true},
		{"author cannot withdraw", author, bylined, StatusWithdrawn, false},
		{"author cannot publish others'", author, theirs, StatusPublished, false},
		{"editor publishes anything", editor, theirs, StatusPublished, true},
		{"editor withdraws", editor, bylined, StatusWithdrawn, true},
		{"unknown status", editor, theirs, Status("gone"), false},
	}
	for _, tt := range tests {
		if got := tt.u.CanMoveTo(tt.a, tt.to); got != tt.want {
			t.Errorf("%s: CanMoveTo = %v, want %v", tt.name, got, tt.want)
		}
	}
	published := &Article{CreatedBy: 1, Status: StatusPublished}
	if contributor.CanEdit(published) {
		t.Error("a contributor edited their published story")
	}
	if !RoleAdmin.AtLeast(RoleEditor) || RoleAuthor.AtLeast(RoleEditor) || Role("x").AtLeast(RoleContributor) {
		t.Error("role order is wrong")
	}
}
