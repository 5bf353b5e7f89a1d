package importer

import (
	"html"
	"regexp"
	"strings"
)

// Cleaning a WordPress body, before it is sanitised: block-editor comments
// go, shortcodes become markup or go (each counted), and classic-editor
// text gets the paragraphs WordPress would have added when showing it.

// blockComment matches the block editor's delimiters, <!-- wp:… --> and
// <!-- /wp:… -->, and the <!--more--> and <!--nextpage--> markers.
var blockComment = regexp.MustCompile(`<!--\s*/?wp:[\s\S]*?-->|<!--\s*(more|nextpage|noteaser)\b[\s\S]*?-->`)

// stripBlockComments removes the block editor's comments.
func stripBlockComments(s string) string { return blockComment.ReplaceAllString(s, "") }

// ShortcodeCount is what happened to the shortcodes of one name.
type ShortcodeCount struct {
	Converted int // turned into markup
	Dropped   int // removed (their inner text kept)
}

// shortcodes are the names turned into markup; any other shortcode is
// dropped (its tags removed, the text between them kept) when it is
// recognisably one: it has a closing tag, ends in "/]" or has attributes.
var convertible = map[string]bool{
	"caption": true, "wp_caption": true, "embed": true, "video": true, "audio": true, "youtube": true, "vimeo": true,
}

// dropped are shortcodes that are always recognised as such, even written
// bare ("[gallery]"), and dropped: Herald has no equivalent.
var dropped = map[string]bool{
	"gallery": true, "playlist": true, "contact-form-7": true, "contact-form": true, "wpforms": true,
	"gravityform": true, "audio-playlist": true, "soundcloud": true, "instagram": true, "tweet": true,
	"googlemaps": true, "wp_ad_camp_1": true, "adsense": true, "ad": true, "related": true,
}

// shortcodeName matches the start of a shortcode tag: "[name" or "[/name".
var shortcodeName = regexp.MustCompile(`^\[(/?)([A-Za-z][A-Za-z0-9_-]{0,40})`)

// shortcodeAttr matches one attribute: name="value", name='value',
// name=value, or a bare "value".
var shortcodeAttr = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*"([^"]*)"|([A-Za-z0-9_-]+)\s*=\s*'([^']*)'|([A-Za-z0-9_-]+)\s*=\s*([^\s'"\]]+)|"([^"]*)"|(\S+)`)

type scTag struct {
	start, end int // the tag's bytes in the text
	closing    bool
	self       bool // [name … /]
	name       string
	attrs      map[string]string
	bare       []string
}

// parseTag reads a shortcode tag at s[i] ('['); ok is false when there is
// none.
func parseTag(s string, i int) (scTag, bool) {
	m := shortcodeName.FindStringSubmatch(s[i:])
	if m == nil {
		return scTag{}, false
	}
	t := scTag{start: i, closing: m[1] == "/", name: strings.ToLower(m[2]), attrs: map[string]string{}}
	j := i + len(m[0])
	if j < len(s) && s[j] != ']' && s[j] != ' ' && s[j] != '/' && s[j] != '\t' && s[j] != '\n' {
		return scTag{}, false // "[name…" runs on into other characters
	}
	// Find the closing ']' outside quotes, within a bounded distance.
	var quote byte
	k := j
	for ; k < len(s) && k-i < 4000; k++ {
		c := s[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			return scTag{}, false
		case c == ']':
			goto found
		}
	}
	return scTag{}, false
found:
	body := strings.TrimSpace(s[j:k])
	if strings.HasSuffix(body, "/") {
		t.self = true
		body = strings.TrimSpace(strings.TrimSuffix(body, "/"))
	}
	for _, a := range shortcodeAttr.FindAllStringSubmatch(body, -1) {
		switch {
		case a[1] != "":
			t.attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2])
		case a[3] != "":
			t.attrs[strings.ToLower(a[3])] = html.UnescapeString(a[4])
		case a[5] != "":
			t.attrs[strings.ToLower(a[5])] = html.UnescapeString(a[6])
		case a[7] != "":
			t.bare = append(t.bare, a[7])
		default:
			t.bare = append(t.bare, a[8])
		}
	}
	t.end = k + 1
	return t, true
}

// shortcodes turns the shortcodes of s into markup or removes them, and
// counts each name in counts. Bracketed text that is not a shortcode
// ("[sic]", "[1]", "[Editor's note: …]") is left alone. "[[name]]" is
// WordPress's way of writing a shortcode literally; it becomes "[name]".
func shortcodes(s string, counts map[string]*ShortcodeCount) string {
	if !strings.Contains(s, "[") {
		return s
	}
	count := func(name string) *ShortcodeCount {
		c := counts[name]
		if c == nil {
			c = &ShortcodeCount{}
			counts[name] = c
		}
		return c
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '[')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		i += j
		if strings.HasPrefix(s[i:], "[[") {
			if t, ok := parseTag(s, i+1); ok && strings.HasPrefix(s[t.end:], "]") {
				b.WriteString(s[i+1 : t.end])
				i = t.end + 1
				continue
			}
		}
		t, ok := parseTag(s, i)
		if !ok {
			b.WriteByte('[')
			i++
			continue
		}
		closeTag := "[/" + t.name + "]"
		closeAt := -1
		if !t.self && !t.closing {
			closeAt = indexFold(s[t.end:], closeTag)
		}
		isShortcode := t.closing || t.self || closeAt >= 0 || len(t.attrs) > 0 || convertible[t.name] || dropped[t.name]
		if !isShortcode {
			b.WriteByte('[')
			i++
			continue
		}
		if t.closing {
			// A stray closing tag, or the end of one dropped around content.
			i = t.end
			continue
		}
		inner := ""
		next := t.end
		if closeAt >= 0 {
			inner = s[t.end : t.end+closeAt]
			next = t.end + closeAt + len(closeTag)
		}
		if out, ok := convertShortcode(t, inner, counts); ok {
			count(t.name).Converted++
			b.WriteString(out)
		} else {
			count(t.name).Dropped++
			b.WriteString(shortcodes(inner, counts))
		}
		i = next
	}
	return b.String()
}

// indexFold finds sub, which is ASCII, in s without regard to ASCII case.
// (strings.ToLower would change the length of some non-ASCII text, and so
// the index.)
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// mediaURL finds the address a media shortcode points at.
func mediaURL(t scTag, inner string) string {
	for _, k := range []string{"src", "url", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "id"} {
		if v := strings.TrimSpace(t.attrs[k]); isHTTP(v) {
			return v
		}
	}
	for _, v := range t.bare {
		if isHTTP(v) {
			return v
		}
	}
	if v := strings.TrimSpace(html.UnescapeString(inner)); isHTTP(v) && !strings.ContainsAny(v, " <>\"") {
		return v
	}
	return ""
}

func isHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// convertShortcode renders the shortcodes that have an HTML equivalent.
func convertShortcode(t scTag, inner string, counts map[string]*ShortcodeCount) (string, bool) {
	switch t.name {
	case "caption", "wp_caption":
		// [caption id="…" align="…" width="…"]<a><img …></a> The caption.[/caption]
		// or, before WordPress 3.4, the caption in an attribute.
		inner = shortcodes(inner, counts)
		img, text := splitCaption(inner)
		if img == "" {
			return "", false
		}
		if c := t.attrs["caption"]; c != "" && strings.TrimSpace(text) == "" {
			text = html.EscapeString(c)
		}
		out := "<figure>" + img
		if strings.TrimSpace(text) != "" {
			out += "<figcaption>" + strings.TrimSpace(text) + "</figcaption>"
		}
		return out + "</figure>", true
	case "embed", "video", "audio", "youtube", "vimeo":
		u := mediaURL(t, inner)
		if u == "" {
			return "", false
		}
		e := html.EscapeString(u)
		return `<p><a href="` + e + `">` + e + `</a></p>`, true
	}
	return "", false
}

// captionImage matches the image of a caption, with the link around it.
var captionImage = regexp.MustCompile(`(?is)^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)`)

func splitCaption(inner string) (img, text string) {
	m := captionImage.FindStringSubmatchIndex(inner)
	if m == nil {
		return "", inner
	}
	return inner[m[2]:m[3]], inner[m[1]:]
}
