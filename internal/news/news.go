package news

import (
	"net/url"
	"strings"
	"time"
	"unicode"
)

// Section is one of the newsroom's desks ("USA News", "Climate"), with its own
// front page and feeds at /{slug}/.
type Section struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int // order in the navigation, lowest first
}

// Validate checks a section before it is stored.
func (s *Section) Validate() error {
	var v ValidationError
	checkTopLevelSlug(&v, "slug", s.Slug)
	required(&v, "name", s.Name, 80)
	optional(&v, "description", s.Description, 500)
	return v.Err()
}

// Link is a labelled outside address on an author profile.
type Link struct {
	Label string
	URL   string
}

// Author is a byline. An author need not be a user who can sign in: wire
// services and guest writers are authors too.
type Author struct {
	ID       int64
	Slug     string
	Name     string
	JobTitle string // "Senior Correspondent, Washington"
	Bio      string // plain text, paragraphs separated by blank lines
	PhotoURL string // site-relative or absolute; empty when there is none
	Links    []Link
}

// Validate checks an author before it is stored.
func (a *Author) Validate() error {
	var v ValidationError
	checkSlug(&v, "slug", a.Slug)
	required(&v, "name", a.Name, 120)
	optional(&v, "job_title", a.JobTitle, 120)
	optional(&v, "bio", a.Bio, 2000)
	for _, l := range a.Links {
		if strings.TrimSpace(l.Label) == "" {
			v.Add("links", "every link needs a label")
		}
		if !IsHTTPURL(l.URL) {
			v.Add("links", "every link must be an http or https address")
		}
	}
	return v.Err()
}

// Tag is a topic label shared across sections.
type Tag struct {
	ID   int64
	Slug string
	Name string
}

// Validate checks a tag before it is stored.
func (t *Tag) Validate() error {
	var v ValidationError
	checkSlug(&v, "slug", t.Slug)
	required(&v, "name", t.Name, 80)
	return v.Err()
}

// Source is an outlet, agency or person that stories credit: "The Wall Street
// Journal", "Reuters". Each has a page listing every story that credits it.
type Source struct {
	ID   int64
	Slug string
	Name string
	URL  string // home page, optional
}

// Validate checks a source before it is stored.
func (s *Source) Validate() error {
	var v ValidationError
	checkSlug(&v, "slug", s.Slug)
	required(&v, "name", s.Name, 120)
	if s.URL != "" && !IsHTTPURL(s.URL) {
		v.Add("url", "must be an http or https address")
	}
	return v.Err()
}

// CreditKind says how a story relies on a source.
type CreditKind string

// The kinds of source credit, as a newsroom words them.
const (
	CreditCiting        CreditKind = "citing"
	CreditFirstReported CreditKind = "first_reported_by"
	CreditAccordingTo   CreditKind = "according_to"
	CreditVia           CreditKind = "via"
	CreditContributed   CreditKind = "contributed_reporting"
)

// CreditKinds lists every kind in the order a credit line names them.
var CreditKinds = []CreditKind{CreditFirstReported, CreditCiting, CreditAccordingTo, CreditVia, CreditContributed}

// Valid reports whether k is one of CreditKinds.
func (k CreditKind) Valid() bool {
	for _, c := range CreditKinds {
		if k == c {
			return true
		}
	}
	return false
}

// Phrase is the words that introduce the source in a credit line.
func (k CreditKind) Phrase() string {
	switch k {
	case CreditCiting:
		return "citing"
	case CreditFirstReported:
		return "first reported by"
	case CreditAccordingTo:
		return "according to"
	case CreditVia:
		return "via"
	case CreditContributed:
		return "additional reporting by"
	}
	return string(k)
}

// Credit is one structured source credit on a story.
type Credit struct {
	Source Source
	Kind   CreditKind
	URL    string // the credited report itself, optional
}

// CorrectionKind separates corrections of error from later updates.
type CorrectionKind string

// The kinds of entry in a story's corrections log.
const (
	KindCorrection CorrectionKind = "correction"
	KindUpdate     CorrectionKind = "update"
)

// Correction is one entry of a story's append-only corrections log.
type Correction struct {
	ID        int64
	ArticleID int64
	Kind      CorrectionKind
	Text      string // plain text
	CreatedAt time.Time
}

// Validate checks a correction before it is appended.
func (c *Correction) Validate() error {
	var v ValidationError
	if c.Kind != KindCorrection && c.Kind != KindUpdate {
		v.Add("kind", "must be correction or update")
	}
	required(&v, "text", c.Text, 2000)
	return v.Err()
}

// Status is where a story stands in the newsroom's workflow.
type Status string

// The workflow statuses of a story.
const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusScheduled Status = "scheduled"
	StatusPublished Status = "published"
	StatusWithdrawn Status = "withdrawn"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusReview, StatusScheduled, StatusPublished, StatusWithdrawn:
		return true
	}
	return false
}

// Image is a picture with the words that go with it.
type Image struct {
	URL     string
	Alt     string
	Caption string
	Credit  string
	Width   int
	Height  int
}

// Article is a story. Lists of articles carry Section and Authors; a single
// article loaded on its own carries everything.
type Article struct {
	ID             int64
	Slug           string
	Section        Section
	Headline       string
	Standfirst     string
	BodyMarkdown   string
	BodyHTML       string // sanitised rendering of BodyMarkdown
	WordCount      int
	Status         Status
	PublishedAt    time.Time // zero until first published
	UpdatedAt      time.Time // last substantive update shown to readers; zero if none
	CreatedAt      time.Time
	ModifiedAt     time.Time // last write of any kind
	Authors        []Author  // in byline order
	Tags           []Tag
	Credits        []Credit
	Corrections    []Correction // oldest first
	Image          *Image
	CommentsOpen   bool
	SEOTitle       string
	SEODescription string
	WithdrawnNote  string // shown on the 410 page
	// Version counts saves; a save names the version it was made over, so a
	// save over someone else's newer one is caught instead of lost.
	Version int
	// CommentCount is how many approved comments the story has.
	CommentCount int
	// CreatedBy is the user who started the story in the back office; 0 for
	// stories that came from elsewhere (the demo, an import).
	CreatedBy int64
}

// Path is the article's site-relative URL.
func (a *Article) Path() string { return "/" + a.Section.Slug + "/" + a.Slug + "/" }

// LastModified is the later of the published and updated times, the time
// machines should treat as the story's last change.
func (a *Article) LastModified() time.Time {
	if a.UpdatedAt.After(a.PublishedAt) {
		return a.UpdatedAt
	}
	return a.PublishedAt
}

// ReadingMinutes estimates reading time at 230 words a minute, at least one.
func (a *Article) ReadingMinutes() int {
	m := (a.WordCount + 229) / 230
	if m < 1 {
		m = 1
	}
	return m
}

// Validate checks an article before it is stored. Section.ID must be set.
func (a *Article) Validate() error {
	var v ValidationError
	checkSlug(&v, "slug", a.Slug)
	required(&v, "headline", a.Headline, 200)
	optional(&v, "standfirst", a.Standfirst, 500)
	optional(&v, "body", a.BodyMarkdown, 200_000)
	optional(&v, "seo_title", a.SEOTitle, 200)
	optional(&v, "seo_description", a.SEODescription, 300)
	if a.Section.ID == 0 {
		v.Add("section", "is required")
	}
	if !a.Status.Valid() {
		v.Add("status", "is not a known status")
	}
	if (a.Status == StatusPublished || a.Status == StatusScheduled) && a.PublishedAt.IsZero() {
		v.Add("published_at", "is required for a published or scheduled story")
	}
	if a.Status == StatusPublished && len(a.Authors) == 0 {
		v.Add("authors", "a published story needs at least one author")
	}
	seen := map[int64]bool{}
	for _, au := range a.Authors {
		if au.ID == 0 {
			v.Add("authors", "every author must exist")
		} else if seen[au.ID] {
			v.Add("authors", "an author may appear only once")
		}
		seen[au.ID] = true
	}
	for _, c := range a.Credits {
		if !c.Kind.Valid() {
			v.Add("credits", "every credit needs a known kind")
		}
		if c.Source.ID == 0 {
			v.Add("credits", "every credit must name an existing source")
		}
		if c.URL != "" && !IsHTTPURL(c.URL) {
			v.Add("credits", "a credit's link must be an http or https address")
		}
	}
	if a.Image != nil {
		switch {
		case a.Image.URL == "":
			v.Add("image", "needs an address")
		case !ValidImageURL(a.Image.URL):
			v.Add("image", "must be a path on this site (/media/…) or an http or https address, without spaces or control characters")
		}
		if strings.TrimSpace(a.Image.Alt) == "" {
			v.Add("image_alt", "is required for a featured image")
		}
		optional(&v, "image_caption", a.Image.Caption, 500)
		optional(&v, "image_credit", a.Image.Credit, 200)
	}
	return v.Err()
}

// ValidImageURL reports whether s can be a featured image's address: a path
// on the site or an http(s) URL, with no blank or control character, which
// would otherwise reach markup and response headers.
//
// A backslash is refused too (browsers read "/\host" as "//host"), and a
// scheme must be written in lower case, as the pages and feeds that make the
// address absolute expect.
func ValidImageURL(s string) bool {
	if len(s) > 2000 || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '\\' || unicode.IsControl(r) }) {
		return false
	}
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return true
	}
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && IsHTTPURL(s)
}

// Page is a static page such as About or the ethics policy, at /{slug}/.
type Page struct {
	ID           int64
	Slug         string
	Title        string
	BodyMarkdown string
	BodyHTML     string
	Position     int // order in the footer, lowest first
	UpdatedAt    time.Time
}

// Path is the page's site-relative URL.
func (p *Page) Path() string { return "/" + p.Slug + "/" }

// Validate checks a page before it is stored.
func (p *Page) Validate() error {
	var v ValidationError
	checkTopLevelSlug(&v, "slug", p.Slug)
	required(&v, "title", p.Title, 200)
	optional(&v, "body", p.BodyMarkdown, 200_000)
	return v.Err()
}

// Redirect sends an old path to a new one with a 301.
type Redirect struct {
	From string
	To   string
}

// Media is a stored file served under /media/{name}.
type Media struct {
	ID          int64
	Name        string // file name, unique: "authors/ada-ortiz.png"
	ContentType string
	Data        []byte
	Width       int
	Height      int
	CreatedAt   time.Time
}

// IsHTTPURL reports whether s is an absolute http or https URL with a host.
func IsHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Settings are the site-wide choices stored with the content.
type Settings struct {
	Name        string // "The Harbor Ledger"
	Tagline     string
	Description string
	Language    string // BCP 47, "en"
	TimeZone    string // IANA name, "America/New_York"
}

// Validate checks settings before they are stored.
func (s *Settings) Validate() error {
	var v ValidationError
	required(&v, "name", s.Name, 120)
	optional(&v, "tagline", s.Tagline, 200)
	optional(&v, "description", s.Description, 500)
	required(&v, "language", s.Language, 35)
	if s.TimeZone != "" {
		if _, err := time.LoadLocation(s.TimeZone); err != nil {
			v.Add("time_zone", "is not a known time zone")
		}
	}
	return v.Err()
}
