package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/herald-news/herald/internal/news"
)

// Sections, authors, tags and sources are edited on their list page, as static pages
// are: the form that adds one edits one at /admin/{kind}/{id}/. The slug is
// shown but not offered: it is in the address of everything that names them.

// taxonomyID reads the ID in the path.
func taxonomyID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, news.ErrNotFound
	}
	return id, nil
}

// loadItem reads the ID in the path and loads that item with load; on a bad
// ID or a failed load it answers (404 for a missing item) and reports false.
func loadItem[T any](h *Handler, w http.ResponseWriter, r *http.Request, load func(context.Context, int64) (T, error)) (T, bool) {
	var zero T
	id, err := taxonomyID(r)
	if err != nil {
		h.fail(w, r, err)
		return zero, false
	}
	item, err := load(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return zero, false
	}
	return item, true
}

// editItem shows the edit form that form makes of the item in the path.
func editItem[T any](h *Handler, w http.ResponseWriter, r *http.Request, rq *request, load func(context.Context, int64) (T, error), form func(T) TaxonomyPage) {
	if item, ok := loadItem(h, w, r, load); ok {
		h.showTaxonomy(w, r, rq, form(item), http.StatusOK, nil)
	}
}

// edited finishes an edit: save runs unless the form already has problems;
// then the form again with what was typed and what is wrong, or the audit
// entry and a redirect to the list.
func (h *Handler) edited(w http.ResponseWriter, r *http.Request, rq *request, p TaxonomyPage, problems map[string]string, save func() error) {
	if len(problems) == 0 {
		if err := save(); err != nil && !validationFields(err, problems) {
			h.fail(w, r, err)
			return
		}
	}
	if len(problems) > 0 {
		h.showTaxonomy(w, r, rq, p, http.StatusUnprocessableEntity, problems)
		return
	}
	one, name := strings.TrimSuffix(p.Kind, "s"), p.Form["name"]
	detail := name
	if p.EditName != name {
		detail = p.EditName + " → " + name
	}
	h.audit(r.Context(), rq, one+".update", one+" "+itoa(p.Edit), detail)
	redirect(w, r, "/admin/"+p.Kind+"/", "Saved "+name+".")
}

// sectionForm is a section's edit form.
func sectionForm(sec *news.Section) TaxonomyPage {
	return TaxonomyPage{Kind: "sections", Edit: sec.ID, EditName: sec.Name, EditSlug: sec.Slug, Form: map[string]string{
		"name": sec.Name, "description": sec.Description, "position": strconv.Itoa(sec.Position),
	}}
}

func (h *Handler) editSection(w http.ResponseWriter, r *http.Request, rq *request) {
	editItem(h, w, r, rq, h.store.SectionByID, sectionForm)
}

func (h *Handler) saveSection(w http.ResponseWriter, r *http.Request, rq *request) {
	sec, ok := loadItem(h, w, r, h.store.SectionByID)
	if !ok {
		return
	}
	p := sectionForm(sec)
	p.Form = formValues(r, "name", "description", "position")
	problems := map[string]string{}
	sec.Name, sec.Description = p.Form["name"], p.Form["description"]
	if pos := p.Form["position"]; pos != "" {
		n, err := strconv.Atoi(pos)
		if err != nil {
			problems["position"] = "must be a whole number"
		}
		sec.Position = n
	}
	h.edited(w, r, rq, p, problems, func() error { return h.store.UpdateSection(r.Context(), sec) })
}

// authorForm is an author's edit form. Links are one a line, the label and
// then the address.
func authorForm(a *news.Author) TaxonomyPage {
	links := make([]string, len(a.Links))
	for i, l := range a.Links {
		links[i] = l.Label + " " + l.URL
	}
	return TaxonomyPage{Kind: "authors", Edit: a.ID, EditName: a.Name, EditSlug: a.Slug, Form: map[string]string{
		"name": a.Name, "job_title": a.JobTitle, "bio": a.Bio, "photo_url": a.PhotoURL, "links": strings.Join(links, "\n"),
	}}
}

// parseLinks reads links written one a line as a label and an address; the
// address is the line's last word. A line of one word is an address without
// a label, which validation refuses by name.
func parseLinks(text string) []news.Link {
	var links []news.Link
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		i := strings.LastIndexAny(line, " \t")
		if i < 0 {
			links = append(links, news.Link{URL: line})
			continue
		}
		links = append(links, news.Link{Label: strings.TrimSpace(line[:i]), URL: line[i+1:]})
	}
	return links
}

func (h *Handler) editAuthor(w http.ResponseWriter, r *http.Request, rq *request) {
	editItem(h, w, r, rq, h.store.AuthorByID, authorForm)
}

func (h *Handler) saveAuthor(w http.ResponseWriter, r *http.Request, rq *request) {
	a, ok := loadItem(h, w, r, h.store.AuthorByID)
	if !ok {
		return
	}
	p := authorForm(a)
	p.Form = formValues(r, "name", "job_title", "bio", "photo_url", "links")
	p.Form["bio"] = strings.ReplaceAll(p.Form["bio"], "\r\n", "\n")
	p.Form["links"] = strings.ReplaceAll(p.Form["links"], "\r\n", "\n")
	a.Name, a.JobTitle, a.Bio, a.PhotoURL = p.Form["name"], p.Form["job_title"], p.Form["bio"], p.Form["photo_url"]
	a.Links = parseLinks(p.Form["links"])
	h.edited(w, r, rq, p, map[string]string{}, func() error { return h.store.UpdateAuthor(r.Context(), a) })
}

// sourceForm is a source's edit form.
func sourceForm(src *news.Source) TaxonomyPage {
	return TaxonomyPage{Kind: "sources", Edit: src.ID, EditName: src.Name, EditSlug: src.Slug, Form: map[string]string{"name": src.Name, "url": src.URL}}
}

func (h *Handler) editSource(w http.ResponseWriter, r *http.Request, rq *request) {
	editItem(h, w, r, rq, h.store.SourceByID, sourceForm)
}

func (h *Handler) saveSource(w http.ResponseWriter, r *http.Request, rq *request) {
	src, ok := loadItem(h, w, r, h.store.SourceByID)
	if !ok {
		return
	}
	p := sourceForm(src)
	p.Form = formValues(r, "name", "url")
	src.Name, src.URL = p.Form["name"], p.Form["url"]
	h.edited(w, r, rq, p, map[string]string{}, func() error { return h.store.UpdateSource(r.Context(), src) })
}

// tagForm is a tag's edit form.
func tagForm(t *news.Tag) TaxonomyPage {
	return TaxonomyPage{Kind: "tags", Edit: t.ID, EditName: t.Name, EditSlug: t.Slug, Form: map[string]string{"name": t.Name}}
}

func (h *Handler) editTag(w http.ResponseWriter, r *http.Request, rq *request) {
	editItem(h, w, r, rq, h.store.TagByID, tagForm)
}

func (h *Handler) saveTag(w http.ResponseWriter, r *http.Request, rq *request) {
	t, ok := loadItem(h, w, r, h.store.TagByID)
	if !ok {
		return
	}
	p := tagForm(t)
	p.Form = formValues(r, "name")
	t.Name = p.Form["name"]
	h.edited(w, r, rq, p, map[string]string{}, func() error { return h.store.UpdateTag(r.Context(), t) })
}
