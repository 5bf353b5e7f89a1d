package admin

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// maxAuthorSlots and maxCreditSlots are how many byline and credit rows the
// editor offers.
const (
	maxAuthorSlots = 4
	maxCreditSlots = 5
)

// StoryForm is the editor's state: what the user typed, kept as typed.
type StoryForm struct {
	ID                               int64
	Version                          int
	Headline, Standfirst, Body, Slug string
	Section                          string
	Tags                             string // comma-separated names
	Authors                          []string
	Credits                          []CreditRow
	ImageURL, ImageAlt, ImageCaption string
	ImageCredit                      string
	SEOTitle, SEODescription         string
	CommentsOpen                     bool
	PublishAt                        string // datetime-local, site zone
	MarkUpdated                      bool
	WithdrawnNote                    string
	Status                           news.Status
	Path                             string
}

// CreditRow is one credit line of the editor.
type CreditRow struct {
	Source string
	Kind   news.CreditKind
	URL    string
}

// EditorPage is the story editor.
type EditorPage struct {
	Page
	Form       StoryForm
	Story      *news.Article // nil for a new story
	Sections   []news.Section
	AllAuthors []news.Author
	Kinds      []news.CreditKind
	Others     []news.User // others who have the story open
	Actions    []Action
	CanCorrect bool
	Conflict   *Conflict
	Revisions  []news.Revision
}

// Action is a workflow button the user may press.
type Action struct {
	Name, Label string
	Primary     bool
}

// Conflict is shown when a save came in over someone else's newer save.
type Conflict struct {
	Theirs   *news.Article
	Diff     DiffTable
	Revision int
}

const dateLayout = "2006-01-02T15:04"

// formFromArticle fills the editor from a stored story.
func (h *Handler) formFromArticle(a *news.Article) StoryForm {
	f := StoryForm{
		ID: a.ID, Version: a.Version, Headline: a.Headline, Standfirst: a.Standfirst, Body: a.BodyMarkdown,
		Slug: a.Slug, Section: a.Section.Slug, SEOTitle: a.SEOTitle, SEODescription: a.SEODescription,
		CommentsOpen: a.CommentsOpen, WithdrawnNote: a.WithdrawnNote, Status: a.Status, Path: a.Path(),
	}
	var tags []string
	for _, t := range a.Tags {
		tags = append(tags, t.Name)
	}
	f.Tags = strings.Join(tags, ", ")
	for _, au := range a.Authors {
		f.Authors = append(f.Authors, au.Slug)
	}
	for _, c := range a.Credits {
		f.Credits = append(f.Credits, CreditRow{Source: c.Source.Name, Kind: c.Kind, URL: c.URL})
	}
	if a.Image != nil {
		f.ImageURL, f.ImageAlt, f.ImageCaption, f.ImageCredit = a.Image.URL, a.Image.Alt, a.Image.Caption, a.Image.Credit
	}
	if !a.PublishedAt.IsZero() {
		f.PublishAt = a.PublishedAt.In(h.v().loc).Format(dateLayout)
	}
	return f.padded()
}

// padded gives the form its empty byline and credit rows.
func (f StoryForm) padded() StoryForm {
	for len(f.Authors) < maxAuthorSlots {
		f.Authors = append(f.Authors, "")
	}
	for len(f.Credits) < maxCreditSlots {
		f.Credits = append(f.Credits, CreditRow{})
	}
	return f
}

// readForm reads the editor's fields as typed.
func readForm(r *http.Request) StoryForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := StoryForm{
		Headline: v("headline"), Standfirst: v("standfirst"), Body: strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n"),
		Slug: v("slug"), Section: v("section"), Tags: v("tags"),
		ImageURL: v("image_url"), ImageAlt: v("image_alt"), ImageCaption: v("image_caption"), ImageCredit: v("image_credit"),
		SEOTitle: v("seo_title"), SEODescription: v("seo_description"), CommentsOpen: r.PostFormValue("comments_open") != "",
		PublishAt: v("publish_at"), MarkUpdated: r.PostFormValue("mark_updated") != "", WithdrawnNote: v("withdrawn_note"),
	}
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	for i := range maxAuthorSlots {
		f.Authors = append(f.Authors, v("author_"+strconv.Itoa(i)))
	}
	for i := range maxCreditSlots {
		n := strconv.Itoa(i)
		f.Credits = append(f.Credits, CreditRow{Source: v("credit_source_" + n), Kind: news.CreditKind(v("credit_kind_" + n)), URL: v("credit_url_" + n)})
	}
	return f
}

// build turns a form into a story, naming every problem by field. base is the
// stored story being edited, or nil.
func (h *Handler) build(r *http.Request, f StoryForm, base *news.Article, rq *request) (*news.Article, map[string]string, error) {
	ctx := r.Context()
	problems := map[string]string{}
	a := &news.Article{Status: news.StatusDraft, CommentsOpen: f.CommentsOpen, CreatedBy: rq.user.ID}
	if base != nil {
		cp := *base
		a = &cp
		a.CommentsOpen = f.CommentsOpen
	}
	a.Headline, a.Standfirst, a.BodyMarkdown = f.Headline, f.Standfirst, f.Body
	a.SEOTitle, a.SEODescription, a.WithdrawnNote = f.SEOTitle, f.SEODescription, f.WithdrawnNote
	a.Slug = f.Slug
	if a.Slug == "" {
		a.Slug = content.Slugify(f.Headline)
	}
	if a.Slug == "" {
		a.Slug = "story-" + strconv.FormatInt(h.now().Unix(), 10)
	}
	html, err := content.Markdown(f.Body)
	if err != nil {
		problems["body"] = "could not be read as Markdown"
	}
	a.BodyHTML, a.WordCount = html, content.WordCount(content.PlainText(html))
	sec, err := h.store.SectionBySlug(ctx, f.Section)
	switch {
	case errors.Is(err, news.ErrNotFound):
		problems["section"] = "choose a section"
	case err != nil:
		return nil, nil, err
	default:
		a.Section = *sec
	}
	a.Authors = nil
	for _, slug := range f.Authors {
		if slug == "" {
			continue
		}
		au, err := h.store.AuthorBySlug(ctx, slug)
		if errors.Is(err, news.ErrNotFound) {
			problems["authors"] = "names an author who does not exist"
			continue
		} else if err != nil {
			return nil, nil, err
		}
		a.Authors = append(a.Authors, *au)
	}
	a.Tags = nil
	for _, name := range strings.Split(f.Tags, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		slug := content.Slugify(name)
		if slug == "" || len([]rune(name)) > 80 {
			problems["tags"] = "each tag needs a name of letters or digits, up to 80 characters"
			continue
		}
		t, err := h.store.EnsureTag(ctx, slug, name)
		if err != nil {
			return nil, nil, err
		}
		a.Tags = append(a.Tags, *t)
	}
	a.Credits = nil
	for _, c := range f.Credits {
		if c.Source == "" && c.URL == "" {
			continue
		}
		slug := content.Slugify(c.Source)
		if slug == "" {
			problems["credits"] = "every credit needs the name of its source"
			continue
		}
		if !c.Kind.Valid() {
			problems["credits"] = "every credit needs a kind"
			continue
		}
		src, err := h.store.EnsureSource(ctx, slug, c.Source)
		if err != nil {
			return nil, nil, err
		}
		a.Credits = append(a.Credits, news.Credit{Source: *src, Kind: c.Kind, URL: c.URL})
	}
	a.Image = nil
	if f.ImageURL != "" {
		img := &news.Image{URL: f.ImageURL, Alt: f.ImageAlt, Caption: f.ImageCaption, Credit: f.ImageCredit}
		if name, ok := strings.CutPrefix(f.ImageURL, "/media/"); ok {
			m, err := h.store.MediaInfo(ctx, name)
			if err != nil {
				problems["image_url"] = "is not in the media library"
			} else {
				img.Width, img.Height = m.Width, m.Height
				// The library's description is the default; the story may say more.
				if img.Alt == "" {
					img.Alt = m.Alt
				}
				if img.Credit == "" {
					img.Credit = m.Credit
				}
			}
		} else if !news.IsHTTPURL(f.ImageURL) {
			problems["image_url"] = "must be a media library address (/media/…) or an http(s) address"
		}
		a.Image = img
	}
	if f.PublishAt != "" {
		t, err := time.ParseInLocation(dateLayout, f.PublishAt, h.v().loc)
		if err != nil {
			t, err = time.ParseInLocation(dateLayout+":05", f.PublishAt, h.v().loc)
		}
		if err != nil {
			problems["publish_at"] = "must be a date and time, as 2026-11-26T09:30"
		} else {
			a.PublishedAt = t.UTC()
		}
	}
	return a, problems, nil
}

// validationFields merges a validation error's fields into problems.
func validationFields(err error, problems map[string]string) bool {
	var ve *news.ValidationError
	if errors.As(err, &ve) {
		for k, v := range ve.Fields {
			if _, ok := problems[k]; !ok {
				problems[k] = v
			}
		}
		return true
	}
	return false
}

// StoriesPage lists stories in the back office.
type StoriesPage struct {
	Page
	Status   string
	Stories  []news.Article
	Statuses []news.Status
}

func (h *Handler) stories(w http.ResponseWriter, r *http.Request, rq *request) {
	st := news.Status(r.URL.Query().Get("status"))
	f := store.ArticleFilter{Limit: 100, ByModified: true, NoTotal: true,
		Statuses: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled, news.StatusPublished, news.StatusWithdrawn}}
	if st != "" {
		if !st.Valid() {
			h.fail(w, r, badRequest{"Unknown status."})
			return
		}
		f.Statuses = []news.Status{st}
	}
	list, _, err := h.store.Articles(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !rq.user.Role.AtLeast(news.RoleEditor) {
		mine := list[:0]
		for _, a := range list {
			if rq.user.Owns(&a) || a.Status == news.StatusPublished {
				mine = append(mine, a)
			}
		}
		list = mine
	}
	h.render(w, r, http.StatusOK, "stories", StoriesPage{Page: h.page(r, rq, "Stories", "stories"), Status: string(st), Stories: list,
		Statuses: []news.Status{news.StatusDraft, news.StatusReview, news.StatusScheduled, news.StatusPublished, news.StatusWithdrawn}})
}

// editorPage assembles the editor around form f.
func (h *Handler) editorPage(r *http.Request, rq *request, f StoryForm, a *news.Article) (*EditorPage, error) {
	ctx := r.Context()
	secs, err := h.store.Sections(ctx)
	if err != nil {
		return nil, err
	}
	authors, err := h.store.Authors(ctx)
	if err != nil {
		return nil, err
	}
	title := "New story"
	if a != nil {
		title = "Edit: " + a.Headline
	}
	p := &EditorPage{Page: h.page(r, rq, title, "stories"), Form: f.padded(), Story: a, Sections: secs, AllAuthors: authors, Kinds: news.CreditKinds}
	probe := a
	if probe == nil {
		probe = &news.Article{Status: news.StatusDraft, CreatedBy: rq.user.ID}
	}
	p.Actions = actionsFor(rq.user, probe)
	if a != nil {
		p.CanCorrect = rq.user.Role.AtLeast(news.RoleEditor) && a.Status == news.StatusPublished
		if p.Others, err = h.store.Presence(ctx, a.ID, rq.user.ID, h.now().Add(-2*time.Minute)); err != nil {
			return nil, err
		}
		if err := h.store.MarkPresence(ctx, a.ID, rq.user.ID, h.now()); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// actionsFor lists the workflow buttons u may press on a.
func actionsFor(u *news.User, a *news.Article) []Action {
	var out []Action
	add := func(name, label string, to news.Status) {
		if u.CanMoveTo(a, to) {
			out = append(out, Action{Name: name, Label: label})
		}
	}
	switch a.Status {
	case news.StatusPublished:
		add("save", "Update story", news.StatusPublished)
		add("withdraw", "Withdraw", news.StatusWithdrawn)
	case news.StatusScheduled:
		add("save", "Save scheduled story", news.StatusScheduled)
		add("draft", "Unschedule", news.StatusDraft)
		add("publish", "Publish now", news.StatusPublished)
	case news.StatusWithdrawn:
		add("draft", "Return to drafts", news.StatusDraft)
		add("publish", "Republish", news.StatusPublished)
	default:
		add("draft", "Save draft", news.StatusDraft)
		add("review", "Submit for review", news.StatusReview)
		add("schedule", "Schedule", news.StatusScheduled)
		add("publish", "Publish", news.StatusPublished)
	}
	if len(out) > 0 {
		out[0].Primary = true
	}
	return out
}

func (h *Handler) newStory(w http.ResponseWriter, r *http.Request, rq *request) {
	f := StoryForm{CommentsOpen: true, Status: news.StatusDraft}
	if rq.user.AuthorID != 0 {
		authors, err := h.store.Authors(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, au := range authors {
			if au.ID == rq.user.AuthorID {
				f.Authors = []string{au.Slug}
			}
		}
	}
	p, err := h.editorPage(r, rq, f, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "editor", p)
}

// target is the status an editor action moves a story to.
func target(action string, current news.Status) (news.Status, bool) {
	switch action {
	case "save":
		return current, true
	case "draft":
		return news.StatusDraft, true
	case "review":
		return news.StatusReview, true
	case "schedule":
		return news.StatusScheduled, true
	case "publish":
		return news.StatusPublished, true
	case "withdraw":
		return news.StatusWithdrawn, true
	}
	return "", false
}

// applyStatus moves a to status to, with the checks and times that go with it.
func (h *Handler) applyStatus(a *news.Article, old *news.Article, to news.Status, f StoryForm, problems map[string]string) {
	now := h.now().UTC().Truncate(time.Second)
	a.Status = to
	switch to {
	case news.StatusPublished:
		if old != nil && old.Status == news.StatusPublished {
			// An edit of a live story keeps its publication time; a
			// substantive change is marked as an update on request.
			a.PublishedAt = old.PublishedAt
			if f.MarkUpdated {
				a.UpdatedAt = now
			}
		} else if a.PublishedAt.IsZero() || a.PublishedAt.After(now) {
			a.PublishedAt = now
		}
	case news.StatusScheduled:
		if f.PublishAt == "" || !a.PublishedAt.After(now) {
			problems["publish_at"] = "choose a time in the future to schedule the story"
		}
	case news.StatusWithdrawn:
		if strings.TrimSpace(f.WithdrawnNote) == "" {
			problems["withdrawn_note"] = "say briefly why the story was withdrawn; readers see this note"
		}
	case news.StatusDraft, news.StatusReview:
		if old == nil || old.Status != news.StatusPublished {
			if f.PublishAt == "" {
				a.PublishedAt = time.Time{}
			}
		}
	}
}

func (h *Handler) createStory(w http.ResponseWriter, r *http.Request, rq *request) {
	f := readForm(r)
	to, ok := target(r.PostFormValue("action"), news.StatusDraft)
	if !ok {
		to = news.StatusDraft
	}
	a, problems, ok := h.prepare(w, r, rq, f, nil, to)
	if !ok {
		return
	}
	if len(problems) == 0 {
		if _, err := h.store.CreateDraft(r.Context(), a, rq.user.ID); errors.Is(err, news.ErrConflict) {
			problems["slug"] = "another story in this section already has this address; choose another slug"
		} else if err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if len(problems) > 0 {
		h.reshow(w, r, rq, f, nil, problems)
		return
	}
	h.audit(r.Context(), rq, "story.create", "story "+itoa(a.ID), string(a.Status)+": "+a.Headline)
	redirect(w, r, "/admin/stories/"+itoa(a.ID)+"/", statusMessage(a))
}

// reshow answers a form with problems: 422, everything as typed, each problem
// beside its field.
func (h *Handler) reshow(w http.ResponseWriter, r *http.Request, rq *request, f StoryForm, a *news.Article, problems map[string]string) {
	p, err := h.editorPage(r, rq, f, a)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Fields, p.Error, p.Flash = problems, "The story was not saved. Please correct the fields marked below.", ""
	h.render(w, r, http.StatusUnprocessableEntity, "editor", p)
}

func statusMessage(a *news.Article) string {
	switch a.Status {
	case news.StatusPublished:
		return "Published."
	case news.StatusScheduled:
		return "Scheduled."
	case news.StatusReview:
		return "Submitted for review."
	case news.StatusWithdrawn:
		return "Withdrawn."
	}
	return "Saved."
}

// storyFor loads the story named in the path and checks u may open it.
func (h *Handler) storyFor(r *http.Request, rq *request) (*news.Article, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, news.ErrNotFound
	}
	a, err := h.store.ArticleByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !rq.user.Role.AtLeast(news.RoleEditor) && !rq.user.Owns(a) {
		return nil, errRole
	}
	return a, nil
}

func (h *Handler) editStory(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.editorPage(r, rq, h.formFromArticle(a), a)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if p.Revisions, err = h.store.Revisions(r.Context(), a.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	if len(p.Revisions) > 8 {
		p.Revisions = p.Revisions[:8]
	}
	h.render(w, r, http.StatusOK, "editor", p)
}

func (h *Handler) saveStory(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	old, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !rq.user.CanEdit(old) {
		h.fail(w, r, errRole)
		return
	}
	f := readForm(r)
	f.ID, f.Status, f.Path = old.ID, old.Status, old.Path()
	to, ok := target(r.PostFormValue("action"), old.Status)
	if !ok {
		h.fail(w, r, badRequest{"Unknown action."})
		return
	}
	a, problems, ok := h.prepare(w, r, rq, f, old, to)
	if !ok {
		return
	}
	if len(problems) > 0 {
		h.reshow(w, r, rq, f, old, problems)
		return
	}
	res, err := h.store.SaveArticle(ctx, a, f.Version, rq.user.ID, store.RevisionSave)
	if errors.Is(err, news.ErrConflict) {
		h.reshow(w, r, rq, f, old, map[string]string{"slug": "another story in this section already has this address; choose another slug"})
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if res.Stale {
		h.conflict(w, r, rq, f, res.Revision)
		return
	}
	h.audit(ctx, rq, "story."+string(to), "story "+itoa(a.ID), a.Headline)
	redirect(w, r, "/admin/stories/"+itoa(a.ID)+"/", statusMessage(a))
}

// conflict shows what someone else saved beside what this user typed, with
// the editor filled with this user's text over the newest version, so they
// can merge and save. Their text is already kept as a revision.
func (h *Handler) conflict(w http.ResponseWriter, r *http.Request, rq *request, f StoryForm, revision int) {
	theirs, err := h.store.ArticleByID(r.Context(), f.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f.Version = theirs.Version
	p, err := h.editorPage(r, rq, f, theirs)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Conflict = &Conflict{Theirs: theirs, Diff: DiffTable{Left: "Saved by someone else", Right: "Yours", Rows: diffLines(theirs.BodyMarkdown, f.Body)}, Revision: revision}
	p.Flash = ""
	p.Error = "Someone else saved this story while you were editing. Nothing was lost: your text is kept as revision " +
		strconv.Itoa(revision) + ". Compare below, merge into the editor, and save again."
	h.render(w, r, http.StatusConflict, "editor", p)
}

func (h *Handler) autosave(w http.ResponseWriter, r *http.Request, rq *request) {
	old, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !rq.user.CanEdit(old) {
		h.fail(w, r, errRole)
		return
	}
	f := readForm(r)
	a, _, err := h.build(r, f, old, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	n, err := h.store.AddRevision(r.Context(), a, rq.user.ID, store.RevisionAutosave, f.Version)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, map[string]any{"revision": n, "saved_at": h.now().In(h.v().loc).Format("15:04:05"), "stale": f.Version != old.Version})
}

func (h *Handler) presence(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.store.MarkPresence(r.Context(), a.ID, rq.user.ID, h.now()); err != nil {
		h.fail(w, r, err)
		return
	}
	others, err := h.store.Presence(r.Context(), a.ID, rq.user.ID, h.now().Add(-2*time.Minute))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	names := []string{}
	for _, u := range others {
		names = append(names, u.Name)
	}
	writeJSON(w, map[string]any{"others": names, "version": a.Version})
}

func (h *Handler) preview(w http.ResponseWriter, r *http.Request, _ *request) {
	html, err := content.Markdown(r.PostFormValue("body"))
	if err != nil {
		h.fail(w, r, badRequest{"The text could not be read as Markdown."})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(html))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

func (h *Handler) addCorrection(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c := &news.Correction{Kind: news.CorrectionKind(r.PostFormValue("kind")), Text: strings.TrimSpace(r.PostFormValue("text")), CreatedAt: h.now().UTC()}
	if a.Status != news.StatusPublished {
		h.fail(w, r, badRequest{"Corrections go on published stories only."})
		return
	}
	if err := h.store.AddCorrection(r.Context(), a.ID, c); err != nil {
		if errors.Is(err, news.ErrInvalid) {
			p, perr := h.editorPage(r, rq, h.formFromArticle(a), a)
			if perr != nil {
				h.fail(w, r, perr)
				return
			}
			var ve *news.ValidationError
			errors.As(err, &ve)
			p.Fields = map[string]string{}
			for k, v := range ve.Fields {
				p.Fields["correction_"+k] = v
			}
			p.Error, p.Flash = "The correction was not added.", ""
			h.render(w, r, http.StatusUnprocessableEntity, "editor", p)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.audit(r.Context(), rq, "story.correction", "story "+itoa(a.ID), c.Text)
	redirect(w, r, "/admin/stories/"+itoa(a.ID)+"/", "The "+string(c.Kind)+" was added to the story.")
}

// prepare builds the story a form describes over old (nil for a new one),
// checks that the user may move it to status to, and validates it. Problems
// for the form come back; a refusal or failure is answered here, and ok is
// false.
func (h *Handler) prepare(w http.ResponseWriter, r *http.Request, rq *request, f StoryForm, old *news.Article, to news.Status) (*news.Article, map[string]string, bool) {
	a, problems, err := h.build(r, f, old, rq)
	if err != nil {
		h.fail(w, r, err)
		return nil, nil, false
	}
	subject := old
	if subject == nil {
		subject = a
	}
	if !rq.user.CanMoveTo(subject, to) {
		h.fail(w, r, errRole)
		return nil, nil, false
	}
	h.applyStatus(a, old, to, f, problems)
	if len(problems) == 0 {
		if err := a.Validate(); err != nil && !validationFields(err, problems) {
			h.fail(w, r, err)
			return nil, nil, false
		}
	}
	return a, problems, true
}
