package news

import (
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Errors a new comment can meet besides ValidationError, ErrNotFound (no
// such story) and ErrGone (a withdrawn story).
var (
	// ErrCommentsClosed means the story takes no more comments.
	ErrCommentsClosed = errors.New("comments are closed")
	// ErrDuplicateComment means the commenter has said exactly this on the
	// story before.
	ErrDuplicateComment = errors.New("duplicate comment")
	// ErrTooManyComments means the client has posted too often lately.
	ErrTooManyComments = errors.New("too many comments")
)

// CommentStatus is where a reader's comment stands in moderation.
type CommentStatus string

// The moderation statuses of a comment. Only approved comments are public.
const (
	CommentPending  CommentStatus = "pending"
	CommentApproved CommentStatus = "approved"
	CommentSpam     CommentStatus = "spam"
	CommentTrash    CommentStatus = "trash"
)

// Valid reports whether s is a known comment status.
func (s CommentStatus) Valid() bool {
	switch s {
	case CommentPending, CommentApproved, CommentSpam, CommentTrash:
		return true
	}
	return false
}

// The limits of a comment's fields, in characters (not bytes).
const (
	MaxCommentName    = 100
	MaxCommentEmail   = 254
	MaxCommentWebsite = 200
	MinCommentBody    = 2
	MaxCommentBody    = 5000
)

// Comment is a reader's comment on a story. Email and ClientHash are private:
// no public response may show them.
type Comment struct {
	ID        int64
	ArticleID int64
	ParentID  int64 // 0 for a comment on the story itself
	Depth     int   // 1 for a comment on the story, 2 for a reply to it, …
	Status    CommentStatus
	Name      string
	Email     string // private, always
	Website   string // an http(s) URL or empty
	Body      string // plain text
	CreatedAt time.Time

	// EmailHash is a keyed hash of the normalised email: it recognises a
	// returning commenter and draws an avatar without showing the address.
	EmailHash string
	// ClientHash is a keyed hash of the client's address, for rate limits;
	// it is purged after a while.
	ClientHash string
	// SpamScore is the classifier's probability that the comment is spam,
	// 0.5 when it could not tell.
	SpamScore float64
	// SpamTokens are the features the classifier scored; moderators'
	// decisions train the classifier on exactly these.
	SpamTokens []string
	// Reason says why a comment was held or refused publication, for
	// moderators: "first comment", "2 links", "classifier", ….
	Reason string
}

// Normalize trims the fields the way they are stored: surrounding space
// goes, the body's line endings become "\n", and the email's domain is
// lower-cased.
func (c *Comment) Normalize() {
	c.Name = strings.TrimSpace(c.Name)
	c.Email = strings.TrimSpace(c.Email)
	c.Website = strings.TrimSpace(c.Website)
	c.Body = strings.ReplaceAll(c.Body, "\r\n", "\n")
	c.Body = strings.ReplaceAll(c.Body, "\r", "\n")
	c.Body = strings.TrimSpace(c.Body)
	if at := strings.LastIndexByte(c.Email, '@'); at > 0 {
		c.Email = c.Email[:at] + strings.ToLower(c.Email[at:])
	}
}

// Validate checks a reader's comment against the limits, counting
// characters, not bytes. Every message is fit to show beside its field.
func (c *Comment) Validate() error {
	var v ValidationError
	textField(&v, "name", c.Name, 1, MaxCommentName, false)
	textField(&v, "email", c.Email, 1, MaxCommentEmail, false)
	if _, bad := v.Fields["email"]; !bad && !validCommentEmail(c.Email) {
		v.Add("email", "is not a valid email address, such as name@example.com")
	}
	if c.Website != "" {
		textField(&v, "website", c.Website, 0, MaxCommentWebsite, false)
		if _, bad := v.Fields["website"]; !bad && !isWebsite(c.Website) {
			v.Add("website", "must be an address starting with http:// or https://")
		}
	}
	textField(&v, "comment", c.Body, MinCommentBody, MaxCommentBody, true)
	if c.Status != "" && !c.Status.Valid() {
		v.Add("status", "is not a known status")
	}
	return v.Err()
}

// textField checks that s is valid UTF-8 without control characters (line
// breaks and tabs only where multiline) and holds min to max characters.
func textField(v *ValidationError, field, s string, min, max int, multiline bool) {
	if !utf8.ValidString(s) {
		v.Add(field, "contains bytes that are not valid UTF-8 text")
		return
	}
	for _, r := range s {
		if r == '\n' || r == '\t' {
			if multiline {
				continue
			}
		}
		if unicode.IsControl(r) || r == '\uFFFD' || (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE {
			v.Add(field, "contains characters that are not allowed")
			return
		}
	}
	n := utf8.RuneCountInString(s)
	switch {
	case min > 0 && strings.TrimSpace(s) == "":
		v.Add(field, "is required")
	case n < min:
		v.Add(field, "is too short: write at least "+itoa(min)+" characters")
	case n > max:
		v.Add(field, "is too long: "+itoa(n)+" characters, at most "+itoa(max)+" allowed")
	}
}

// validCommentEmail is ValidEmail, stricter about what mail servers refuse:
// no quoted or bracketed parts, and a domain of well-formed labels.
func validCommentEmail(s string) bool {
	if !ValidEmail(s) || strings.ContainsAny(s, "\\(),;:[]\t") {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], s[at+1:]
	if local == "" || len(local) > 64 || domain == "" || !strings.Contains(domain, ".") ||
		strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return false
	}
	for _, label := range strings.Split(domain, ".") {
		if label == "" || len(label) > 63 || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return false
		}
	}
	return true
}

// LinkCount counts the http(s) and www. addresses in text, as moderation
// rules count links.
func LinkCount(text string) int {
	t := strings.ToLower(text)
	n := strings.Count(t, "http://") + strings.Count(t, "https://")
	for _, f := range strings.Fields(t) {
		if strings.HasPrefix(f, "www.") && len(f) > 5 && !strings.Contains(f, "://") {
			n++
		}
	}
	return n
}

// CommentSettings are the site's moderation and spam rules. The zero value
// is not useful: start from DefaultCommentSettings.
type CommentSettings struct {
	// CloseAfterDays closes comments this many days after a story's
	// publication; 0 keeps them open. A story may override it.
	CloseAfterDays int
	// MaxDepth is how deep replies nest: 1 allows no replies.
	MaxDepth int
	// HoldLinks holds a comment with at least this many links; 0 never does.
	HoldLinks int
	// RatePerHour is how many comments one client may post in an hour, and
	// FloodSeconds how long it must wait between two; 0 turns either off.
	RatePerHour  int
	FloodSeconds int
	// MinFillSeconds is the least time between getting a form and posting it.
	MinFillSeconds int
	// ClientRetentionDays is how long the keyed hash of a client's address
	// is kept.
	ClientRetentionDays int
	// SpamThreshold is the classifier score from which a comment is spam.
	SpamThreshold float64
	// ModerationWords hold a comment that contains one of them for a
	// moderator; BlockWords send it straight to spam. Matched without
	// regard to case, in the name, email, website and body.
	ModerationWords []string
	BlockWords      []string
}

// DefaultCommentSettings are WordPress's defaults, hardened a little.
func DefaultCommentSettings() CommentSettings {
	return CommentSettings{
		CloseAfterDays:      0,
		MaxDepth:            5,
		HoldLinks:           2,
		RatePerHour:         20,
		FloodSeconds:        15,
		MinFillSeconds:      3,
		ClientRetentionDays: 30,
		SpamThreshold:       0.91,
	}
}

// Validate checks comment settings before they are stored.
func (s *CommentSettings) Validate() error {
	var v ValidationError
	check := func(field string, n, lo, hi int) {
		if n < lo || n > hi {
			v.Add(field, "must be from "+itoa(lo)+" to "+itoa(hi))
		}
	}
	check("close_after_days", s.CloseAfterDays, 0, 36500)
	check("max_depth", s.MaxDepth, 1, 20)
	check("hold_links", s.HoldLinks, 0, 1000)
	check("rate_per_hour", s.RatePerHour, 0, 1_000_000)
	check("flood_seconds", s.FloodSeconds, 0, 86400)
	check("min_fill_seconds", s.MinFillSeconds, 0, 3600)
	check("client_retention_days", s.ClientRetentionDays, 1, 3650)
	if !(s.SpamThreshold > 0.5 && s.SpamThreshold <= 1) {
		v.Add("spam_threshold", "must be above 0.5 and at most 1")
	}
	for _, list := range [][]string{s.ModerationWords, s.BlockWords} {
		for _, w := range list {
			if strings.TrimSpace(w) == "" || utf8.RuneCountInString(w) > 100 || !utf8.ValidString(w) {
				v.Add("words", "every word must be 1 to 100 characters")
			}
		}
	}
	return v.Err()
}

// ClosesAt is when comments on a story published at published close under
// closeAfterDays; the zero time means never.
func ClosesAt(published time.Time, closeAfterDays int) time.Time {
	if closeAfterDays <= 0 || published.IsZero() {
		return time.Time{}
	}
	return published.AddDate(0, 0, closeAfterDays)
}

// Verdict is a moderation decision on a new comment, with the reason a
// moderator sees.
type Verdict struct {
	Status CommentStatus
	Reason string
}

// Moderate applies the rules to a new comment, in WordPress's order: block
// words and the classifier's spam verdict first, then the reasons to hold
// it (moderation words, links, a first comment), and approval only for a
// commenter with an approved comment already (known). spamVerdict is the
// classifier's opinion, false when it has none.
func (s *CommentSettings) Moderate(c *Comment, known, spamVerdict bool) Verdict {
	all := strings.ToLower(c.Name + "\n" + c.Email + "\n" + c.Website + "\n" + c.Body)
	for _, w := range s.BlockWords {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" && strings.Contains(all, w) {
			return Verdict{CommentSpam, "block word"}
		}
	}
	if spamVerdict {
		return Verdict{CommentSpam, "classifier"}
	}
	for _, w := range s.ModerationWords {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" && strings.Contains(all, w) {
			return Verdict{CommentPending, "moderation word"}
		}
	}
	if n := LinkCount(c.Body) + LinkCount(c.Name); s.HoldLinks > 0 && n >= s.HoldLinks {
		return Verdict{CommentPending, itoa(n) + " links"}
	}
	if !known {
		return Verdict{CommentPending, "first comment"}
	}
	return Verdict{CommentApproved, "known commenter"}
}

// TokenCount is how many spam and how many genuine comments a classifier
// feature was seen in.
type TokenCount struct {
	Spam, Ham int
}

// SpamModel is what a trained classifier knows: how many spam and genuine
// comments it learnt from and, for the features asked about, how many of
// each held them.
type SpamModel struct {
	SpamDocs, HamDocs int
	Tokens            map[string]TokenCount
}

// ThreadPath is the site path of a comment on a story: the story's page,
// at the comment.
func ThreadPath(articlePath string, commentID int64) string {
	return articlePath + "#comment-" + itoa(int(commentID))
}

// isWebsite is IsHTTPURL without a user name or password in the address,
// which would show a reader something other than where the link goes.
func isWebsite(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

// PublicWebsite returns the commenter's website when it is safe to link
// their name to: an http(s) address without credentials; else "".
func (c *Comment) PublicWebsite() string {
	if isWebsite(c.Website) {
		return c.Website
	}
	return ""
}
