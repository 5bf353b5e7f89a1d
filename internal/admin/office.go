package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// ModerationPage is the comment moderation queue.
type ModerationPage struct {
	Page
	Status   news.CommentStatus
	Statuses []news.CommentStatus
	Comments []store.CommentEntry
	Total    int
}

var moderationStatuses = []news.CommentStatus{news.CommentPending, news.CommentApproved, news.CommentSpam, news.CommentTrash}

func (h *Handler) moderation(w http.ResponseWriter, r *http.Request, rq *request) {
	st := news.CommentStatus(r.URL.Query().Get("status"))
	if st == "" {
		st = news.CommentPending
	}
	if !st.Valid() {
		h.fail(w, r, badRequest{"Unknown comment status."})
		return
	}
	list, total, err := h.store.Comments(r.Context(), store.CommentFilter{Status: st, Limit: 200})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "moderation", ModerationPage{Page: h.page(r, rq, "Comments", "comments"),
		Status: st, Statuses: moderationStatuses, Comments: list, Total: total})
}

// commentID reads the comment named in the path.
func commentID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, news.ErrNotFound
	}
	return id, nil
}

func (h *Handler) moderate(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := commentID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	action := r.PostFormValue("status")
	back := "/admin/comments/?status=" + r.PostFormValue("from")
	if action == "delete" {
		if err := h.store.DeleteComment(r.Context(), id); err != nil {
			h.fail(w, r, err)
			return
		}
		h.audit(r.Context(), rq, "comment.delete", "comment "+itoa(id), "")
		redirect(w, r, back, "Comment "+itoa(id)+" deleted.")
		return
	}
	st := news.CommentStatus(action)
	if !st.Valid() {
		h.fail(w, r, badRequest{"Unknown comment status."})
		return
	}
	if err := h.store.ModerateComment(r.Context(), id, st); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(r.Context(), rq, "comment."+action, "comment "+itoa(id), "")
	redirect(w, r, back, "Comment "+itoa(id)+" is now "+string(st)+".")
}

// reply posts a staff reply under an approved comment, published at once.
func (h *Handler) reply(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	id, err := commentID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	parent, err := h.store.Comment(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if parent.Status != news.CommentApproved {
		h.fail(w, r, badRequest{"Approve a comment before replying to it: replies go only under published comments."})
		return
	}
	cs, err := h.store.CommentSettings(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c := &news.Comment{ArticleID: parent.ArticleID, ParentID: parent.ID, Name: rq.user.Name, Email: rq.user.Email,
		Body: strings.TrimSpace(r.PostFormValue("body")), EmailHash: auth.EmailHash(h.secret, rq.user.Email)}
	if err := h.store.AddComment(ctx, c, cs, false, h.now()); err != nil {
		if errors.Is(err, news.ErrInvalid) {
			h.fail(w, r, badRequest{"The reply was not posted: " + err.Error()})
			return
		}
		h.fail(w, r, err)
		return
	}
	if c.Status != news.CommentApproved {
		if err := h.store.ModerateComment(ctx, c.ID, news.CommentApproved); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.audit(ctx, rq, "comment.reply", "comment "+itoa(c.ID), "in reply to "+itoa(parent.ID))
	redirect(w, r, "/admin/comments/?status=approved", "Your reply is published under comment "+itoa(parent.ID)+".")
}

// PagesPage lists static pages; EditPage edits one.
type PagesPage struct {
	Page
	Pages []news.Page
	Edit  *news.Page
}

func (h *Handler) pagesPage(w http.ResponseWriter, r *http.Request, rq *request, status int, edit *news.Page, problems map[string]string) {
	pages, err := h.store.Pages(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := PagesPage{Page: h.page(r, rq, "Pages", "pages"), Pages: pages, Edit: edit}
	if len(problems) > 0 {
		p.Fields, p.Error, p.Flash = problems, "The page was not saved.", ""
	}
	h.render(w, r, status, "pages", p)
}

func (h *Handler) pages(w http.ResponseWriter, r *http.Request, rq *request) {
	h.pagesPage(w, r, rq, http.StatusOK, &news.Page{}, nil)
}

func (h *Handler) editPage(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.fail(w, r, news.ErrNotFound)
		return
	}
	p, err := h.store.PageByID(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.pagesPage(w, r, rq, http.StatusOK, p, nil)
}

// pageFromForm reads a static page's fields, keeping them as typed.
func pageFromForm(r *http.Request, p *news.Page) map[string]string {
	problems := map[string]string{}
	p.Title = strings.TrimSpace(r.PostFormValue("title"))
	p.BodyMarkdown = strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")
	if pos := r.PostFormValue("position"); pos != "" {
		n, err := strconv.Atoi(pos)
		if err != nil {
			problems["position"] = "must be a whole number"
		}
		p.Position = n
	}
	html, err := content.Markdown(p.BodyMarkdown)
	if err != nil {
		problems["body"] = "could not be read as Markdown"
	}
	p.BodyHTML = html
	return problems
}

func (h *Handler) createPage(w http.ResponseWriter, r *http.Request, rq *request) {
	p := &news.Page{}
	problems := pageFromForm(r, p)
	p.Slug = slugOr(strings.TrimSpace(r.PostFormValue("slug")), p.Title)
	if len(problems) == 0 {
		err := h.store.CreatePage(r.Context(), p)
		switch {
		case errors.Is(err, news.ErrConflict):
			problems["slug"] = "is taken by a section or another page"
		case err != nil && !validationFields(err, problems):
			h.fail(w, r, err)
			return
		}
	}
	if len(problems) > 0 {
		h.pagesPage(w, r, rq, http.StatusUnprocessableEntity, p, problems)
		return
	}
	h.audit(r.Context(), rq, "page.create", "page "+itoa(p.ID), p.Title)
	redirect(w, r, "/admin/pages/", "Created "+p.Title+" at /"+p.Slug+"/.")
}

func (h *Handler) savePage(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.fail(w, r, news.ErrNotFound)
		return
	}
	p, err := h.store.PageByID(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	problems := pageFromForm(r, p)
	if len(problems) == 0 {
		if err := h.store.UpdatePage(r.Context(), p); err != nil && !validationFields(err, problems) {
			h.fail(w, r, err)
			return
		}
	}
	if len(problems) > 0 {
		h.pagesPage(w, r, rq, http.StatusUnprocessableEntity, p, problems)
		return
	}
	h.audit(r.Context(), rq, "page.update", "page "+itoa(p.ID), p.Title)
	redirect(w, r, "/admin/pages/", "Saved "+p.Title+".")
}

// SettingsPage edits the site settings.
type SettingsPage struct {
	Page
	Settings news.Settings
}

func (h *Handler) settings(w http.ResponseWriter, r *http.Request, rq *request) {
	st, err := h.store.Settings(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "settings", SettingsPage{Page: h.page(r, rq, "Settings", "settings"), Settings: st})
}

func (h *Handler) saveSettings(w http.ResponseWriter, r *http.Request, rq *request) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	st := news.Settings{Name: v("name"), Tagline: v("tagline"), Description: v("description"), Language: v("language"), TimeZone: v("time_zone")}
	if err := h.store.SaveSettings(r.Context(), st); err != nil {
		problems := map[string]string{}
		if !validationFields(err, problems) {
			h.fail(w, r, err)
			return
		}
		p := SettingsPage{Page: h.page(r, rq, "Settings", "settings"), Settings: st}
		p.Fields, p.Error, p.Flash = problems, "The settings were not saved.", ""
		h.render(w, r, http.StatusUnprocessableEntity, "settings", p)
		return
	}
	h.audit(r.Context(), rq, "settings.save", "site", st.Name)
	redirect(w, r, "/admin/settings", "Saved. Every page of the site now shows the new settings.")
}
