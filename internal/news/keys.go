package news

import "strconv"

// Keys name what a public response shows, so that a change can drop exactly the
// cached responses that show it. A response records every key it depends on; a
// write reports the keys it changed. Content keys stand for one thing's own
// words and pictures; list keys stand for which stories a list holds and in
// what order.
const (
	// KeySite is the site's settings: every response shows them.
	KeySite = "site"
	// KeyNav is the section navigation and the footer's page links.
	KeyNav = "nav"
	// KeyListAll is the list of all published stories: front page, site
	// feeds, story sitemaps.
	KeyListAll = "l:all"
	// KeyModified is any published story's modification time (sitemaps'
	// lastmod).
	KeyModified = "mod"
	// KeyCorrections is the site-wide corrections log.
	KeyCorrections = "l:corr"
	// KeyDirectory is the set of authors, tags, sources and static pages
	// (the sitemap of pages lists them).
	KeyDirectory = "l:dir"
	// KeyComments is the site-wide list of approved comments (the comments
	// feed).
	KeyComments = "l:comments"
)

// CommentsKey is the key of a story's approved comments: its comment thread,
// its comments feed and whether comments on it are open.
func CommentsKey(articleID int64) string { return "c:" + strconv.FormatInt(articleID, 10) }

// ArticleKey is the key of one story's content.
func ArticleKey(id int64) string { return "a:" + strconv.FormatInt(id, 10) }

// RelatedKey is the key of which stories one story's related-articles list
// holds, and in what order.
func RelatedKey(articleID int64) string { return "r:" + strconv.FormatInt(articleID, 10) }

// SectionKey is the key of a section's name and description.
func SectionKey(id int64) string { return "s:" + strconv.FormatInt(id, 10) }

// AuthorKey is the key of an author's profile.
func AuthorKey(id int64) string { return "au:" + strconv.FormatInt(id, 10) }

// TagKey is the key of a tag's name.
func TagKey(id int64) string { return "t:" + strconv.FormatInt(id, 10) }

// SourceKey is the key of a source's name and address.
func SourceKey(id int64) string { return "src:" + strconv.FormatInt(id, 10) }

// PageKey is the key of a static page.
func PageKey(id int64) string { return "p:" + strconv.FormatInt(id, 10) }

// MediaKey is the key of a media file.
func MediaKey(name string) string { return "m:" + name }

// SectionListKey is the key of the list of stories in a section.
func SectionListKey(id int64) string { return "l:s:" + strconv.FormatInt(id, 10) }

// AuthorListKey is the key of the list of an author's stories.
func AuthorListKey(id int64) string { return "l:au:" + strconv.FormatInt(id, 10) }

// TagListKey is the key of the list of stories with a tag.
func TagListKey(id int64) string { return "l:t:" + strconv.FormatInt(id, 10) }

// SourceListKey is the key of the list of stories crediting a source.
func SourceListKey(id int64) string { return "l:src:" + strconv.FormatInt(id, 10) }

// ListKeys are the keys of every list a published story belongs to.
func (a *Article) ListKeys() []string {
	keys := []string{KeyListAll, KeyModified, SectionListKey(a.Section.ID)}
	for _, au := range a.Authors {
		keys = append(keys, AuthorListKey(au.ID))
	}
	for _, t := range a.Tags {
		keys = append(keys, TagListKey(t.ID))
	}
	for _, c := range a.Credits {
		keys = append(keys, SourceListKey(c.Source.ID))
	}
	if len(a.Corrections) > 0 {
		keys = append(keys, KeyCorrections)
	}
	return keys
}
