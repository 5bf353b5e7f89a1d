package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
)

// UsersPage lists and creates users.
type UsersPage struct {
	Page
	Users    []news.User
	Authors  []news.Author
	Roles    []news.Role
	New      news.User
	Password string // a generated password, shown once
}

func (h *Handler) usersPage(r *http.Request, rq *request) (*UsersPage, error) {
	users, err := h.store.Users(r.Context())
	if err != nil {
		return nil, err
	}
	authors, err := h.store.Authors(r.Context())
	if err != nil {
		return nil, err
	}
	return &UsersPage{Page: h.page(r, rq, "Users", "users"), Users: users, Authors: authors, Roles: news.Roles}, nil
}

func (h *Handler) users(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := h.usersPage(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "users", p)
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	u := news.User{Email: r.PostFormValue("email"), Name: strings.TrimSpace(r.PostFormValue("name")), Role: news.Role(r.PostFormValue("role"))}
	problems := map[string]string{}
	if slug := r.PostFormValue("author"); slug != "" {
		au, err := h.store.AuthorBySlug(ctx, slug)
		if err != nil {
			problems["author"] = "is not an author"
		} else {
			u.AuthorID = au.ID
		}
	}
	pw := r.PostFormValue("password")
	generated := ""
	if pw == "" {
		var err error
		if pw, err = auth.GeneratePassword(); err != nil {
			h.fail(w, r, err)
			return
		}
		generated = pw
	} else if err := auth.CheckPasswordRules(pw); err != nil {
		problems["password"] = err.Error()
	}
	if err := u.Validate(); err != nil && !validationFields(err, problems) {
		h.fail(w, r, err)
		return
	}
	if len(problems) == 0 {
		hash, err := auth.HashPassword(pw)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		u.PasswordHash = hash
		if err := h.store.CreateUser(ctx, &u); errors.Is(err, news.ErrConflict) {
			problems["email"] = "already belongs to a user"
		} else if err != nil {
			h.fail(w, r, err)
			return
		}
	}
	p, err := h.usersPage(r, rq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(problems) > 0 {
		p.New, p.Fields, p.Error, p.Flash = u, problems, "The user was not created.", ""
		h.render(w, r, http.StatusUnprocessableEntity, "users", p)
		return
	}
	h.audit(ctx, rq, "user.create", "user "+itoa(u.ID), u.Email+" as "+string(u.Role))
	if generated != "" {
		p.Flash = "Created " + u.Name + ". Their password is shown once, below: pass it on safely."
		p.Password = generated
		h.render(w, r, http.StatusOK, "users", p)
		return
	}
	redirect(w, r, "/admin/users/", "Created "+u.Name+".")
}

func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.fail(w, r, news.ErrNotFound)
		return
	}
	u, err := h.store.UserByID(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	role := news.Role(r.PostFormValue("role"))
	if !role.Valid() {
		h.fail(w, r, badRequest{"Unknown role."})
		return
	}
	if u.ID == rq.user.ID && (role != news.RoleAdmin || r.PostFormValue("disabled") != "") {
		h.fail(w, r, badRequest{"You cannot demote or disable yourself; ask another admin."})
		return
	}
	u.Role, u.Disabled = role, r.PostFormValue("disabled") != ""
	if err := h.store.UpdateUser(ctx, u); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(ctx, rq, "user.update", "user "+itoa(u.ID), string(u.Role)+map[bool]string{true: ", disabled", false: ""}[u.Disabled])
	redirect(w, r, "/admin/users/", "Saved "+u.Name+".")
}

// AuditPage shows the audit log.
type AuditPage struct {
	Page
	Entries []news.AuditEntry
}

func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request, rq *request) {
	entries, _, err := h.store.AuditLog(r.Context(), 200, 0)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "audit", AuditPage{Page: h.page(r, rq, "Audit log", "audit"), Entries: entries})
}

// TaxonomyPage lists sections, authors or tags, with a form that adds one or
// edits one.
type TaxonomyPage struct {
	Page
	Kind     string // sections, authors, tags, sources
	Sections []news.Section
	Authors  []news.Author
	Tags     []news.Tag
	Sources  []news.Source
	Form     map[string]string
	// Edit is the ID of the item the form edits, 0 when it adds one;
	// EditName and EditSlug are that item's stored name and slug.
	Edit     int64
	EditName string
	EditSlug string
}

func (h *Handler) taxonomy(w http.ResponseWriter, r *http.Request, rq *request, kind string, status int, form, problems map[string]string) {
	h.showTaxonomy(w, r, rq, TaxonomyPage{Kind: kind, Form: form}, status, problems)
}

// showTaxonomy renders p's list of its kind and its form, with problems.
func (h *Handler) showTaxonomy(w http.ResponseWriter, r *http.Request, rq *request, p TaxonomyPage, status int, problems map[string]string) {
	ctx := r.Context()
	kind := p.Kind
	p.Page = h.page(r, rq, strings.ToUpper(kind[:1])+kind[1:], kind)
	var err error
	switch kind {
	case "sections":
		p.Sections, err = h.store.Sections(ctx)
	case "authors":
		p.Authors, err = h.store.Authors(ctx)
	case "tags":
		p.Tags, err = h.store.Tags(ctx)
	case "sources":
		p.Sources, err = h.store.Sources(ctx)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(problems) > 0 {
		p.Fields, p.Error, p.Flash = problems, "Nothing was created.", ""
		if p.Edit != 0 {
			p.Error = "Nothing was saved."
		}
	}
	h.render(w, r, status, "taxonomy", p)
}

func (h *Handler) sections(w http.ResponseWriter, r *http.Request, rq *request) {
	h.taxonomy(w, r, rq, "sections", http.StatusOK, nil, nil)
}
func (h *Handler) authors(w http.ResponseWriter, r *http.Request, rq *request) {
	h.taxonomy(w, r, rq, "authors", http.StatusOK, nil, nil)
}
func (h *Handler) tags(w http.ResponseWriter, r *http.Request, rq *request) {
	h.taxonomy(w, r, rq, "tags", http.StatusOK, nil, nil)
}

// formValues reads the named fields, trimmed.
func formValues(r *http.Request, names ...string) map[string]string {
	m := map[string]string{}
	for _, n := range names {
		m[n] = strings.TrimSpace(r.PostFormValue(n))
	}
	return m
}

// slugOr is the typed slug, or one made from name.
func slugOr(slug, name string) string {
	if slug != "" {
		return slug
	}
	return content.Slugify(name)
}

// created finishes a create action: the form again with problems, or a
// redirect to the list.
func (h *Handler) created(w http.ResponseWriter, r *http.Request, rq *request, kind, name string, form map[string]string, err error) {
	problems := map[string]string{}
	switch {
	case err == nil:
		h.audit(r.Context(), rq, strings.TrimSuffix(kind, "s")+".create", kind, name)
		redirect(w, r, "/admin/"+kind+"/", "Created "+name+".")
		return
	case errors.Is(err, news.ErrConflict):
		problems["slug"] = "is taken"
	case !validationFields(err, problems):
		h.fail(w, r, err)
		return
	}
	h.taxonomy(w, r, rq, kind, http.StatusUnprocessableEntity, form, problems)
}

func (h *Handler) createSection(w http.ResponseWriter, r *http.Request, rq *request) {
	f := formValues(r, "name", "slug", "description")
	sec := &news.Section{Name: f["name"], Slug: slugOr(f["slug"], f["name"]), Description: f["description"], Position: 100}
	h.created(w, r, rq, "sections", sec.Name, f, h.store.CreateSection(r.Context(), sec))
}

func (h *Handler) createAuthor(w http.ResponseWriter, r *http.Request, rq *request) {
	f := formValues(r, "name", "slug", "job_title", "bio")
	a := &news.Author{Name: f["name"], Slug: slugOr(f["slug"], f["name"]), JobTitle: f["job_title"], Bio: f["bio"]}
	h.created(w, r, rq, "authors", a.Name, f, h.store.CreateAuthor(r.Context(), a))
}

func (h *Handler) createTag(w http.ResponseWriter, r *http.Request, rq *request) {
	f := formValues(r, "name", "slug")
	t := &news.Tag{Name: f["name"], Slug: slugOr(f["slug"], f["name"])}
	h.created(w, r, rq, "tags", t.Name, f, h.store.CreateTag(r.Context(), t))
}

// Sources are the outlets and agencies stories credit ("first reported by",
// "citing"); their pages list the stories that credit them.
func (h *Handler) sources(w http.ResponseWriter, r *http.Request, rq *request) {
	h.taxonomy(w, r, rq, "sources", http.StatusOK, nil, nil)
}

func (h *Handler) createSource(w http.ResponseWriter, r *http.Request, rq *request) {
	f := formValues(r, "name", "slug", "url")
	src := &news.Source{Name: f["name"], Slug: slugOr(f["slug"], f["name"]), URL: f["url"]}
	h.created(w, r, rq, "sources", src.Name, f, h.store.CreateSource(r.Context(), src))
}
