package admin

import (
	"net/http"

	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/store"
)

// DashboardPage is the back office's home.
type DashboardPage struct {
	Page
	Review, Scheduled, Published, Drafts []news.Article
	PendingComments                      int
}

func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	p := DashboardPage{Page: h.page(r, rq, "Dashboard", "dashboard")}
	lists := []struct {
		dst *[]news.Article
		f   store.ArticleFilter
	}{
		{&p.Review, store.ArticleFilter{Status: news.StatusReview, ByModified: true, Limit: 20, NoTotal: true}},
		{&p.Scheduled, store.ArticleFilter{Status: news.StatusScheduled, Limit: 20, NoTotal: true}},
		{&p.Published, store.ArticleFilter{Limit: 10, NoTotal: true}},
		{&p.Drafts, store.ArticleFilter{Status: news.StatusDraft, ByModified: true, Limit: 50, NoTotal: true}},
	}
	for _, l := range lists {
		list, _, err := h.store.Articles(ctx, l.f)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		*l.dst = list
	}
	if !rq.user.Role.AtLeast(news.RoleEditor) {
		p.Review = own(rq.user, p.Review)
		p.Scheduled = own(rq.user, p.Scheduled)
		p.Drafts = own(rq.user, p.Drafts)
	}
	if rq.user.Role.AtLeast(news.RoleEditor) {
		_, n, err := h.store.Comments(ctx, store.CommentFilter{Status: news.CommentPending, Limit: 1})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p.PendingComments = n
	}
	if len(p.Drafts) > 10 {
		p.Drafts = p.Drafts[:10]
	}
	h.render(w, r, http.StatusOK, "dashboard", p)
}

// own keeps the stories u owns.
func own(u *news.User, list []news.Article) []news.Article {
	out := list[:0:0]
	for _, a := range list {
		if u.Owns(&a) {
			out = append(out, a)
		}
	}
	return out
}
