package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Count is what an import did with one kind of thing.
type Count struct {
	Imported  int // new in Herald
	Updated   int // changed at the source since the last import, and written again
	Unchanged int // the same as the last import wrote: not written
}

func (c Count) total() int { return c.Imported + c.Updated + c.Unchanged }

// MediaCount is what an import did with the files of the uploads folder.
type MediaCount struct {
	Count
	Missing int // named in a story but not in the folder: the address stays
	Refused int // not an image, too large, or a path leaving the folder
}

// Report is what an import did, for the person who ran it.
type Report struct {
	Source   string // the file or folder imported
	Format   string // "WordPress export (WXR 1.2)", "Markdown"
	Duration time.Duration

	Stories, Pages, Comments, Authors, Users, Sections, Tags, Redirects Count
	Media                                                               MediaCount

	// Skipped counts what was left out, by reason ("pingback", "in the
	// trash", "post type nav_menu_item").
	Skipped map[string]int
	// Shortcodes counts the shortcodes met, by name.
	Shortcodes map[string]*ShortcodeCount
	// Notes are the things a person should know, by topic ("renamed",
	// "skipped", "uploads"): a duplicate slug renamed, a trashed post named.
	Notes map[string][]string
	// notesLeft counts the notes beyond the limit kept per topic.
	notesLeft map[string]int
}

// maxNotes is how many notes a topic keeps; the rest are counted.
const maxNotes = 50

func newReport(source, format string) *Report {
	return &Report{
		Source: source, Format: format, Skipped: map[string]int{}, Shortcodes: map[string]*ShortcodeCount{},
		Notes: map[string][]string{}, notesLeft: map[string]int{},
	}
}

func (r *Report) skip(reason string) { r.Skipped[reason]++ }

func (r *Report) note(topic, format string, args ...any) {
	if len(r.Notes[topic]) >= maxNotes {
		r.notesLeft[topic]++
		return
	}
	r.Notes[topic] = append(r.Notes[topic], fmt.Sprintf(format, args...))
}

// Totals adds up what was imported, updated and left unchanged.
func (r *Report) Totals() Count {
	var t Count
	for _, c := range []Count{r.Stories, r.Pages, r.Comments, r.Authors, r.Users, r.Sections, r.Tags, r.Media.Count} {
		t.Imported += c.Imported
		t.Updated += c.Updated
		t.Unchanged += c.Unchanged
	}
	return t
}

// Write prints the report.
func (r *Report) Write(w io.Writer) {
	t := r.Totals()
	fmt.Fprintf(w, "imported %s (%s) in %s: %d imported, %d updated, %d unchanged\n",
		r.Source, r.Format, r.Duration.Round(time.Millisecond), t.Imported, t.Updated, t.Unchanged)
	rows := []struct {
		name string
		c    Count
	}{
		{"stories", r.Stories}, {"pages", r.Pages}, {"comments", r.Comments}, {"authors", r.Authors}, {"users", r.Users},
		{"sections", r.Sections}, {"tags", r.Tags}, {"redirects", r.Redirects}, {"images", r.Media.Count},
	}
	for _, row := range rows {
		if row.c.total() == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-10s %d imported, %d updated, %d unchanged\n", row.name+":", row.c.Imported, row.c.Updated, row.c.Unchanged)
	}
	if r.Media.Missing > 0 || r.Media.Refused > 0 {
		fmt.Fprintf(w, "  %-10s %d not in the uploads folder, %d refused (left where they were)\n", "images:", r.Media.Missing, r.Media.Refused)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintln(w, "skipped:")
		for _, k := range sortedKeys(r.Skipped) {
			fmt.Fprintf(w, "  %d %s\n", r.Skipped[k], k)
		}
	}
	if len(r.Shortcodes) > 0 {
		fmt.Fprintln(w, "shortcodes:")
		names := make([]string, 0, len(r.Shortcodes))
		for n := range r.Shortcodes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			c := r.Shortcodes[n]
			var parts []string
			if c.Converted > 0 {
				parts = append(parts, fmt.Sprintf("%d turned into markup", c.Converted))
			}
			if c.Dropped > 0 {
				parts = append(parts, fmt.Sprintf("%d dropped (their text kept)", c.Dropped))
			}
			fmt.Fprintf(w, "  [%s] %s\n", n, strings.Join(parts, ", "))
		}
	}
	topics := make([]string, 0, len(r.Notes))
	for k := range r.Notes {
		topics = append(topics, k)
	}
	sort.Strings(topics)
	for _, k := range topics {
		fmt.Fprintf(w, "%s:\n", k)
		for _, n := range r.Notes[k] {
			fmt.Fprintf(w, "  %s\n", n)
		}
		if n := r.notesLeft[k]; n > 0 {
			fmt.Fprintf(w, "  … and %d more\n", n)
		}
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
