package content

import (
	"strings"
	"unicode"
)

// maxSlugLen is the most bytes Slugify returns.
const maxSlugLen = 100

// Slugify returns a lower-case ASCII slug for s, for use in URLs: letters
// with diacritics are folded to ASCII (é→e, ß→ss, ø→o, æ→ae, ł→l),
// apostrophes vanish ("Don't" → "dont"), and every other run of characters
// becomes a single hyphen. The slug has no leading or trailing hyphen and is
// at most 100 bytes, cut at a hyphen when there is one to cut at.
// It returns "" when nothing usable remains (for example a title in Greek or
// Chinese); the caller decides on a fallback.
func Slugify(s string) string {
	var b strings.Builder
	sep := false
	put := func(t string) {
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteString(t)
	}
	for _, r := range s {
		if r < unicode.MaxASCII && isASCIIAlnum(byte(r)) {
			put(string(unicode.ToLower(r)))
			continue
		}
		switch {
		case r == '\'' || r == '\u2019' || r == '\u02bc':
			continue
		case unicode.Is(unicode.Mn, r):
			// A combining accent from decomposed text: drop it, keep the
			// letter it sits on.
			continue
		}
		lr := unicode.ToLower(r)
		if lr < unicode.MaxASCII && isASCIIAlnum(byte(lr)) {
			put(string(lr)) // İ → i, K (Kelvin) → k
		} else if f, ok := foldTable[lr]; ok {
			put(f)
		} else {
			sep = true
		}
		if b.Len() > 2*maxSlugLen {
			break
		}
	}
	return truncateSlug(b.String())
}

// truncateSlug cuts a slug to maxSlugLen bytes, at its last hyphen if it has
// one, since half a word reads worse than a shorter slug.
func truncateSlug(s string) string {
	if len(s) <= maxSlugLen {
		return s
	}
	if s[maxSlugLen] == '-' {
		return strings.TrimRight(s[:maxSlugLen], "-")
	}
	cut := s[:maxSlugLen]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-")
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
