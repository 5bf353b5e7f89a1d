package news

import "strings"

// MaxSlugLen is the longest slug Herald accepts.
const MaxSlugLen = 100

// reserved lists the top-level path segments that belong to Herald itself. No
// section or static page may take one of them as its slug.
var reserved = map[string]bool{
	"admin": true, "api": true, "assets": true, "static": true, "media": true,
	"authors": true, "tags": true, "sources": true, "search": true, "corrections": true,
	"feed": true, "feeds": true, "sitemap": true, "sitemaps": true, "healthz": true,
	"metrics": true, "login": true, "logout": true, "comments": true, "page": true,
	"robots-txt": true, "favicon-ico": true, "wp-admin": true, "wp-content": true,
	"well-known": true,
}

// IsReserved reports whether slug is a top-level path Herald keeps for itself.
func IsReserved(slug string) bool { return reserved[slug] }

// ValidSlug reports whether s is a well-formed slug: lower-case ASCII letters and
// digits in groups joined by single hyphens, at most MaxSlugLen bytes.
func ValidSlug(s string) bool {
	if s == "" || len(s) > MaxSlugLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if s[i-1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// checkSlug adds a problem to v when slug is malformed.
func checkSlug(v *ValidationError, field, slug string) {
	switch {
	case slug == "":
		v.Add(field, "is required")
	case !ValidSlug(slug):
		v.Add(field, "may hold only lower-case letters, digits and single hyphens, up to 100 characters")
	}
}

// checkTopLevelSlug is checkSlug for slugs that become the first segment of a URL.
func checkTopLevelSlug(v *ValidationError, field, slug string) {
	checkSlug(v, field, slug)
	if IsReserved(slug) {
		v.Add(field, `"`+slug+`" is reserved for Herald's own pages`)
	}
}

// required adds a problem when s is blank and another when it is longer than max
// characters.
func required(v *ValidationError, field, s string, max int) {
	if strings.TrimSpace(s) == "" {
		v.Add(field, "is required")
		return
	}
	optional(v, field, s, max)
}

// optional adds a problem when s is longer than max characters.
func optional(v *ValidationError, field, s string, max int) {
	if n := len([]rune(s)); n > max {
		v.Add(field, "is too long: at most "+itoa(max)+" characters")
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
