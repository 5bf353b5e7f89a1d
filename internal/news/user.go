package news

import (
	"net/mail"
	"strings"
	"time"
)

// Role is what a user may do in the back office. Each role may do everything
// the roles before it may.
type Role string

// The roles, from least to most trusted.
const (
	RoleContributor Role = "contributor" // writes drafts and submits them for review
	RoleAuthor      Role = "author"      // also publishes their own stories
	RoleEditor      Role = "editor"      // edits and publishes everything, moderates, manages sections, tags, authors and pages
	RoleAdmin       Role = "admin"       // also users, settings and the audit log
)

// Roles lists the roles from least to most trusted.
var Roles = []Role{RoleContributor, RoleAuthor, RoleEditor, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() > 0 }

func (r Role) rank() int {
	for i, x := range Roles {
		if r == x {
			return i + 1
		}
	}
	return 0
}

// AtLeast reports whether r is min or a more trusted role.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// User is a person who signs in to the back office.
type User struct {
	ID           int64
	Email        string // stored lower-case
	Name         string
	Role         Role
	PasswordHash string // empty: cannot sign in until a password is set
	AuthorID     int64  // the byline this user writes under; 0 when none
	CreatedAt    time.Time
	Disabled     bool
}

// CanSignIn reports whether the user may sign in at all.
func (u *User) CanSignIn() bool { return !u.Disabled && u.PasswordHash != "" }

// NormalizeEmail trims and lower-cases an address for storage and lookup.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a plain address such as ada@example.org.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@'):], ".")
}

// Validate checks a user before it is stored.
func (u *User) Validate() error {
	var v ValidationError
	u.Email = NormalizeEmail(u.Email)
	if u.Email == "" {
		v.Add("email", "is required")
	} else if !ValidEmail(u.Email) {
		v.Add("email", "is not a valid email address")
	}
	required(&v, "name", u.Name, 120)
	if !u.Role.Valid() {
		v.Add("role", "must be contributor, author, editor or admin")
	}
	return v.Err()
}

// Session is a signed-in browser. Only a hash of its token is stored.
type Session struct {
	ID        int64
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	SeenAt    time.Time
}

// Revision is a full snapshot of a story at one save.
type Revision struct {
	ID        int64
	ArticleID int64
	Number    int    // 1, 2, 3… per story
	Kind      string // save, autosave, restore, conflict, status
	UserID    int64
	UserName  string
	CreatedAt time.Time
	Version   int // the story version this snapshot was saved over
	Snapshot  Article
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID        int64
	UserID    int64
	UserName  string
	Action    string // "story.publish", "user.create" …
	Target    string // "story 12", "user 3" …
	Detail    string
	CreatedAt time.Time
}
