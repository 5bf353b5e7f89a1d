package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/feed"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
)

// relatedCount is how many related stories an article page shows.
const relatedCount = 4

// ArticlePage is the data of a story page.
type ArticlePage struct {
	render.Page
	Article      *news.Article
	Body         template.HTML
	Updated      bool
	UpdatedAt    time.Time
	CreditGroups []CreditGroup
	Related      []news.Article
	Comments     *CommentsView // nil on pages without a comment section
	// ImageSrcset offers the featured image's narrower copies from the media
	// library with the original, for <img srcset>; empty without copies.
	ImageSrcset string
}

// CreditGroup is the credits of one kind, as the credit line names them.
type CreditGroup struct {
	Kind    news.CreditKind
	Phrase  string
	Credits []news.Credit
}

// trustedHTML marks HTML that content.Markdown or content.Sanitize produced.
func trustedHTML(s string) template.HTML { return template.HTML(s) }

// creditGroups orders a story's credits by kind for the credit line.
func creditGroups(credits []news.Credit) []CreditGroup {
	var out []CreditGroup
	for _, k := range news.CreditKinds {
		g := CreditGroup{Kind: k, Phrase: k.Phrase()}
		for _, c := range credits {
			if c.Kind == k {
				g.Credits = append(g.Credits, c)
			}
		}
		if len(g.Credits) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// article serves /{section}/{slug}/.
func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.store.Article(ctx, r.PathValue("top"), r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	switch a.Status {
	case news.StatusPublished:
	case news.StatusWithdrawn:
		s.errorPage(w, r, ErrorPage{Status: http.StatusGone, Heading: "This story has been withdrawn",
			Message: "“" + a.Headline + "” was withdrawn by the newsroom and is no longer available.",
			Note:    a.WithdrawnNote})
		return
	default:
		s.notFound(w, r)
		return
	}
	title := a.Headline
	if a.SEOTitle != "" {
		title = a.SEOTitle
	}
	desc := a.Standfirst
	if a.SEODescription != "" {
		desc = a.SEODescription
	}
	p, err := s.page(ctx, title, desc, a.Path())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Current = a.Section.Slug
	p.OGType = "article"
	var srcset string
	if a.Image != nil {
		p.Image = a.Image
		p.ImageURL = s.abs(a.Image.URL)
		if name, ok := strings.CutPrefix(a.Image.URL, "/media/"); ok {
			if srcset, err = s.srcset(ctx, name, a.Image.Width); err != nil {
				s.fail(w, r, err)
				return
			}
			depend(w, news.MediaKey(name))
		}
	}
	related, byTaxonomy, err := s.store.RelatedFor(ctx, a, relatedCount)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	depend(w, news.RelatedKey(a.ID))
	if byTaxonomy {
		// Chosen from these lists' newest stories: any of them may
		// change it.
		depend(w, a.ListKeys()...)
	}
	for _, fn := range []func(feed.Site, *news.Article) ([]byte, error){feed.ArticleJSONLD, feed.BreadcrumbJSONLD} {
		ld, err := fn(s.view().feed, a)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.JSONLD = append(p.JSONLD, jsonLD(ld))
	}
	depend(w, news.ArticleKey(a.ID), news.SectionKey(a.Section.ID))
	depend(w, articleDeps([]news.Article{*a})...)
	for _, t := range a.Tags {
		depend(w, news.TagKey(t.ID))
	}
	for _, c := range a.Credits {
		depend(w, news.SourceKey(c.Source.ID))
	}
	depend(w, cardDeps(related)...)
	updated := feed.Updated(a)
	data := ArticlePage{
		Page: p, Article: a, Body: trustedHTML(a.BodyHTML),
		Updated: updated.Sub(a.PublishedAt) >= time.Minute, UpdatedAt: updated,
		CreditGroups: creditGroups(a.Credits), Related: related, ImageSrcset: srcset,
	}
	if err := s.addComments(w, r, &data); err != nil {
		s.fail(w, r, err)
		return
	}
	s.html(w, r, http.StatusOK, "article", data)
}

// srcset lists the narrower copies of the media file name, then the file
// itself at width, as an <img srcset>; "" when it has no copies.
func (s *Server) srcset(ctx context.Context, name string, width int) (string, error) {
	vs, err := s.store.MediaVariants(ctx, name)
	if err != nil || len(vs) == 0 {
		return "", err
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "/media/%s %dw", v.Name, v.Width)
	}
	if width > vs[len(vs)-1].Width {
		fmt.Fprintf(&b, ", /media/%s %dw", name, width)
	}
	return b.String(), nil
}

// notFoundOr answers a missing thing through notFound (so moved URLs redirect)
// and any other error through fail.
func (s *Server) notFoundOr(w http.ResponseWriter, r *http.Request, err error) {
	if isNotFound(err) {
		s.notFound(w, r)
		return
	}
	s.fail(w, r, err)
}
