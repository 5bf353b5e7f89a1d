package admin

import (
	"net/http"
	"strconv"

	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// RevisionsPage lists a story's revisions.
type RevisionsPage struct {
	Page
	Story     *news.Article
	Revisions []news.Revision
}

func (h *Handler) revisions(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := h.storyFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	revs, err := h.store.Revisions(r.Context(), a.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "revisions", RevisionsPage{Page: h.page(r, rq, "Revisions: "+a.Headline, "stories"), Story: a, Revisions: revs})
}

// RevisionPage compares one revision with the story as it stands.
type RevisionPage struct {
	Page
	Story      *news.Article
	Revision   *news.Revision
	Headline   DiffTable
	Standfirst DiffTable
	Body       DiffTable
	CanRestore bool
}

// DiffTable is a side-by-side comparison with its column headings.
type DiffTable struct {
	Left, Right string
	Rows        []DiffRow
}

func compare(old, now string) DiffTable {
	return DiffTable{Left: "This revision", Right: "Now", Rows: diffLines(old, now)}
}

func (h *Handler) revisionFor(r *http.Request, rq *request) (*news.Article, *news.Revision, error) {
	a, err := h.storyFor(r, rq)
	if err != nil {
		return nil, nil, err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n <= 0 {
		return nil, nil, news.ErrNotFound
	}
	rev, err := h.store.Revision(r.Context(), a.ID, n)
	if err != nil {
		return nil, nil, err
	}
	return a, rev, nil
}

func (h *Handler) revision(w http.ResponseWriter, r *http.Request, rq *request) {
	a, rev, err := h.revisionFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s := rev.Snapshot
	h.render(w, r, http.StatusOK, "revision", RevisionPage{
		Page: h.page(r, rq, "Revision "+strconv.Itoa(rev.Number)+": "+a.Headline, "stories"), Story: a, Revision: rev,
		Headline: compare(s.Headline, a.Headline), Standfirst: compare(s.Standfirst, a.Standfirst),
		Body: compare(s.BodyMarkdown, a.BodyMarkdown), CanRestore: rq.user.CanEdit(a),
	})
}

// restore makes an old revision's words the story's again, as a new save: the
// story keeps its status, and nothing in between is lost.
func (h *Handler) restore(w http.ResponseWriter, r *http.Request, rq *request) {
	a, rev, err := h.revisionFor(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !rq.user.CanEdit(a) {
		h.fail(w, r, errRole)
		return
	}
	restored := *a
	s := rev.Snapshot
	restored.Headline, restored.Standfirst, restored.BodyMarkdown = s.Headline, s.Standfirst, s.BodyMarkdown
	restored.SEOTitle, restored.SEODescription, restored.Image = s.SEOTitle, s.SEODescription, s.Image
	restored.Tags, restored.Credits = s.Tags, s.Credits
	if len(s.Authors) > 0 {
		restored.Authors = s.Authors
	}
	html, err := content.Markdown(restored.BodyMarkdown)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	restored.BodyHTML, restored.WordCount = html, content.WordCount(content.PlainText(html))
	res, err := h.store.SaveArticle(r.Context(), &restored, a.Version, rq.user.ID, store.RevisionRestore)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if res.Stale {
		redirect(w, r, "/admin/stories/"+itoa(a.ID)+"/revisions/", "The story changed while you restored; nothing was lost. Try again.")
		return
	}
	h.audit(r.Context(), rq, "story.restore", "story "+itoa(a.ID), "revision "+strconv.Itoa(rev.Number))
	redirect(w, r, "/admin/stories/"+itoa(a.ID)+"/", "Revision "+strconv.Itoa(rev.Number)+" restored as revision "+strconv.Itoa(res.Revision)+".")
}
