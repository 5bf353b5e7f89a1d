package web

import (
	"net/http"

	"github.com/herald-news/herald/internal/feed"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/store"
)

// FrontPage is the data of the front page.
type FrontPage struct {
	render.Page
	Lead   *news.Article
	Latest []news.Article
	Blocks []SectionBlock
}

// SectionBlock is a section's strip on the front page.
type SectionBlock struct {
	Section  news.Section
	Articles []news.Article
}

// front shows the lead story, the latest stories, and each section's newest.
func (s *Server) front(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	// Old WordPress addresses (/?p=123, /?page_id=45) redirect to the
	// story or page an import made of them.
	q := r.URL.Query()
	for _, k := range []string{"p", "page_id"} {
		if v := q.Get(k); v != "" && len(v) < 20 {
			if to, err := s.store.RedirectFor(ctx, "/?"+k+"="+v); err == nil {
				http.Redirect(w, r, to, http.StatusMovedPermanently)
				return
			}
		}
	}
	p, err := s.page(ctx, "", s.view().feed.Description, "/")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	latest, _, err := s.store.Articles(ctx, store.ArticleFilter{Limit: 7, NoTotal: true})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := FrontPage{Page: p}
	shown := map[int64]bool{}
	if len(latest) > 0 {
		data.Lead = &latest[0]
		data.Latest = latest[1:]
		for _, a := range latest {
			shown[a.ID] = true
		}
		if data.Lead.Image != nil {
			data.Image = data.Lead.Image
			data.ImageURL = s.abs(data.Lead.Image.URL)
		}
	}
	for _, sec := range p.Nav {
		list, _, err := s.store.Articles(ctx, store.ArticleFilter{SectionID: sec.ID, Limit: 8, NoTotal: true})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		block := SectionBlock{Section: sec}
		for _, a := range list {
			if !shown[a.ID] && len(block.Articles) < 4 {
				block.Articles = append(block.Articles, a)
			}
		}
		if len(block.Articles) > 0 {
			data.Blocks = append(data.Blocks, block)
		}
	}
	depend(w, news.KeyListAll)
	depend(w, cardDeps(latest)...)
	for _, b := range data.Blocks {
		depend(w, news.SectionListKey(b.Section.ID))
		depend(w, cardDeps(b.Articles)...)
	}
	if ld, err := feed.WebsiteJSONLD(s.view().feed); err == nil {
		data.JSONLD = append(data.JSONLD, jsonLD(ld))
	}
	s.html(w, r, http.StatusOK, "front", data)
}
