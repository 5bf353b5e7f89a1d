package news

import "slices"

// Owns reports whether u counts as a story's own writer: they started it, or
// their byline is on it.
func (u *User) Owns(a *Article) bool {
	if a.CreatedBy != 0 && a.CreatedBy == u.ID {
		return true
	}
	return u.AuthorID != 0 && slices.ContainsFunc(a.Authors, func(au Author) bool { return au.ID == u.AuthorID })
}

// CanEdit reports whether u may change a story as it stands: editors any
// story; authors their own; contributors their own until it is scheduled or
// published.
func (u *User) CanEdit(a *Article) bool {
	switch {
	case u.Role.AtLeast(RoleEditor):
		return true
	case !u.Owns(a):
		return false
	case u.Role.AtLeast(RoleAuthor):
		return true
	default:
		return a.Status == StatusDraft || a.Status == StatusReview
	}
}

// CanMoveTo reports whether u may move a story to status to: any writer may
// keep a draft or send it for review; publishing and scheduling take an author
// (own stories) or an editor; withdrawing takes an editor.
func (u *User) CanMoveTo(a *Article, to Status) bool {
	if !u.CanEdit(a) {
		return false
	}
	switch to {
	case StatusDraft, StatusReview:
		return true
	case StatusPublished, StatusScheduled:
		return u.Role.AtLeast(RoleEditor) || (u.Role.AtLeast(RoleAuthor) && u.Owns(a))
	case StatusWithdrawn:
		return u.Role.AtLeast(RoleEditor)
	}
	return false
}
