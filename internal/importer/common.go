package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// Options change how an import runs.
type Options struct {
	// Uploads is a local copy of the old site's uploads folder: images the
	// stories show are taken from it into Herald's media. Empty: images
	// keep their old addresses.
	Uploads string
	// Site names the source the import's records are kept under; empty
	// takes the export's site address (WordPress) or the folder's absolute
	// path (Markdown). Importing the same site under the same name again
	// updates instead of duplicating.
	Site string
	// Progress, when set, is called after each story or page with how many
	// items have been read.
	Progress func(items int)
}

// formatVersion changes whenever the importer writes the same source
// differently, so that the next run writes everything again.
const formatVersion = "1"

// digest is a stable hash of v, for telling whether a thing changed.
func digest(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain structs of strings are hashed
	}
	sum := sha256.Sum256(append([]byte(formatVersion+"\x00"), b...))
	return hex.EncodeToString(sum[:16])
}

// stripFormat removes invisible formatting characters (bidi controls,
// zero-width joiners) from text that becomes part of a URL.
func stripFormat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// slugOf makes a slug from the source's slug (percent-decoded, as WordPress
// stores non-ASCII ones) or, failing that, from a title.
func slugOf(sourceSlug, title string) string {
	if s, err := url.PathUnescape(sourceSlug); err == nil {
		sourceSlug = s
	}
	if s := content.Slugify(stripFormat(sourceSlug)); s != "" {
		return s
	}
	return content.Slugify(stripFormat(title))
}

// withSuffix is slug with "-n", cut so that the whole fits a slug's length.
func withSuffix(slug string, n int) string {
	suffix := "-" + strconv.Itoa(n)
	if len(slug)+len(suffix) > news.MaxSlugLen {
		slug = strings.TrimRight(slug[:news.MaxSlugLen-len(suffix)], "-")
	}
	return slug + suffix
}

// unique finds the first of slug, slug-2, slug-3… that taken says is free.
func unique(slug string, taken func(string) (bool, error)) (string, error) {
	for n := 1; n < 10_000; n++ {
		s := slug
		if n > 1 {
			s = withSuffix(slug, n)
		}
		t, err := taken(s)
		if err != nil {
			return "", err
		}
		if !t {
			return s, nil
		}
	}
	return "", fmt.Errorf("no free slug like %q", slug)
}

// uniqueTopLevel finds a free first path segment for a section or page:
// not reserved by Herald, not owned by another section or page. own is the
// kind that may keep a slug it already has (never, for a new thing: "").
func uniqueTopLevel(tx *store.ImportTx, slug string) (string, error) {
	return unique(slug, func(s string) (bool, error) {
		if news.IsReserved(s) {
			return true, nil
		}
		kind, err := tx.TopLevelKind(s)
		return kind != "", err
	})
}

// textOfHTML is the plain text of a bit of HTML (a WordPress title or
// excerpt), whitespace collapsed.
func textOfHTML(s string) string {
	return strings.TrimSpace(content.PlainText(content.Sanitize(s)))
}

// cut shortens text to at most max characters, at a word.
func cut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return content.Excerpt(s, max-1)
}

// dateLayouts are the ways exports write dates: WordPress's own, RSS's
// (RFC 1123 with a numeric zone or a name, one- or two-digit days), ISO
// 8601.
var dateLayouts = []string{
	"2006-01-02 15:04:05",
	time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700", "02 Jan 2006 15:04:05 -0700",
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
}

// errNoDate means a date field holds no date: empty, or WordPress's zero
// date ("0000-00-00 00:00:00", "Wed, 30 Nov -0001 00:00:00 +0000").
var errNoDate = errors.New("no date")

// parseDate reads a date written any of the ways exports write them. A date
// without a zone is taken as UTC.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") || strings.Contains(s, "-0001") {
		return time.Time{}, errNoDate
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1900 || t.Year() > 9999 {
				return time.Time{}, errNoDate
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date Herald can read", s)
}

func parseURL(s string) (*url.URL, error) { return url.Parse(strings.TrimSpace(s)) }

// decodeRune decodes one UTF-8 character; ok is false for an invalid one.
func decodeRune(b []byte) (rune, int, bool) {
	r, size := utf8.DecodeRune(b)
	return r, size, !(r == utf8.RuneError && size <= 1)
}
