package admin

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/media"
	"github.com/herald-news/herald/internal/news"
)

// Public marks the few routes that need no session: signing in and the
// one-time setup.
const Public news.Role = "public"

// Route is one back-office route and the least role it needs.
type Route struct {
	Method  string
	Pattern string
	Min     news.Role
	handle  func(h *Handler, w http.ResponseWriter, r *http.Request, rq *request)
}

// Routes is every back-office route. A route needs a rule here to exist at
// all; the permission test walks this table for every role.
var Routes = []Route{
	{"GET", "/admin/signin", Public, (*Handler).signinForm},
	{"POST", "/admin/signin", Public, (*Handler).signin},
	{"GET", "/admin/setup", Public, (*Handler).setupForm},
	{"POST", "/admin/setup", Public, (*Handler).setup},
	{"POST", "/admin/signout", news.RoleContributor, (*Handler).signout},
	{"POST", "/admin/signout-everywhere", news.RoleContributor, (*Handler).signoutEverywhere},
	{"GET", "/admin/account", news.RoleContributor, (*Handler).account},
	{"POST", "/admin/account/password", news.RoleContributor, (*Handler).changePassword},

	{"GET", "/admin/{$}", news.RoleContributor, (*Handler).dashboard},
	{"GET", "/admin/stories/{$}", news.RoleContributor, (*Handler).stories},
	{"GET", "/admin/stories/new", news.RoleContributor, (*Handler).newStory},
	{"POST", "/admin/stories/{$}", news.RoleContributor, (*Handler).createStory},
	{"GET", "/admin/stories/{id}/{$}", news.RoleContributor, (*Handler).editStory},
	{"POST", "/admin/stories/{id}/{$}", news.RoleContributor, (*Handler).saveStory},
	{"POST", "/admin/stories/{id}/autosave", news.RoleContributor, (*Handler).autosave},
	{"GET", "/admin/stories/{id}/presence", news.RoleContributor, (*Handler).presence},
	{"POST", "/admin/preview", news.RoleContributor, (*Handler).preview},
	{"GET", "/admin/stories/{id}/revisions/{$}", news.RoleContributor, (*Handler).revisions},
	{"GET", "/admin/stories/{id}/revisions/{n}/{$}", news.RoleContributor, (*Handler).revision},
	{"POST", "/admin/stories/{id}/revisions/{n}/restore", news.RoleContributor, (*Handler).restore},
	{"POST", "/admin/stories/{id}/corrections", news.RoleEditor, (*Handler).addCorrection},

	{"GET", "/admin/media/{$}", news.RoleContributor, (*Handler).mediaLibrary},
	{"POST", "/admin/media/{$}", news.RoleContributor, (*Handler).uploadMedia},
	{"POST", "/admin/media/{id}/alt", news.RoleContributor, (*Handler).setMediaAlt},

	{"GET", "/admin/comments/{$}", news.RoleEditor, (*Handler).moderation},
	{"POST", "/admin/comments/{id}/status", news.RoleEditor, (*Handler).moderate},
	{"POST", "/admin/comments/{id}/reply", news.RoleEditor, (*Handler).reply},
	{"GET", "/admin/pages/{$}", news.RoleEditor, (*Handler).pages},
	{"POST", "/admin/pages/{$}", news.RoleEditor, (*Handler).createPage},
	{"GET", "/admin/pages/{id}/{$}", news.RoleEditor, (*Handler).editPage},
	{"POST", "/admin/pages/{id}/{$}", news.RoleEditor, (*Handler).savePage},

	{"GET", "/admin/sections/{$}", news.RoleEditor, (*Handler).sections},
	{"POST", "/admin/sections/{$}", news.RoleEditor, (*Handler).createSection},
	{"GET", "/admin/sections/{id}/{$}", news.RoleEditor, (*Handler).editSection},
	{"POST", "/admin/sections/{id}/{$}", news.RoleEditor, (*Handler).saveSection},
	{"GET", "/admin/authors/{$}", news.RoleEditor, (*Handler).authors},
	{"POST", "/admin/authors/{$}", news.RoleEditor, (*Handler).createAuthor},
	{"GET", "/admin/authors/{id}/{$}", news.RoleEditor, (*Handler).editAuthor},
	{"POST", "/admin/authors/{id}/{$}", news.RoleEditor, (*Handler).saveAuthor},
	{"GET", "/admin/tags/{$}", news.RoleEditor, (*Handler).tags},
	{"POST", "/admin/tags/{$}", news.RoleEditor, (*Handler).createTag},
	{"GET", "/admin/tags/{id}/{$}", news.RoleEditor, (*Handler).editTag},
	{"POST", "/admin/tags/{id}/{$}", news.RoleEditor, (*Handler).saveTag},
	{"GET", "/admin/sources/{$}", news.RoleEditor, (*Handler).sources},
	{"POST", "/admin/sources/{$}", news.RoleEditor, (*Handler).createSource},
	{"GET", "/admin/sources/{id}/{$}", news.RoleEditor, (*Handler).editSource},
	{"POST", "/admin/sources/{id}/{$}", news.RoleEditor, (*Handler).saveSource},

	{"GET", "/admin/users/{$}", news.RoleAdmin, (*Handler).users},
	{"POST", "/admin/users/{$}", news.RoleAdmin, (*Handler).createUser},
	{"POST", "/admin/users/{id}/role", news.RoleAdmin, (*Handler).updateUser},
	{"GET", "/admin/audit/{$}", news.RoleAdmin, (*Handler).auditLog},
	{"GET", "/admin/settings", news.RoleAdmin, (*Handler).settings},
	{"POST", "/admin/settings", news.RoleAdmin, (*Handler).saveSettings},
}

// Register adds every route to mux, each behind the checks its rule needs.
func (h *Handler) Register(mux *http.ServeMux) {
	for _, rt := range Routes {
		if rt.Min != Public && !rt.Min.Valid() {
			panic("admin: route " + rt.Method + " " + rt.Pattern + " has no role rule")
		}
		mux.Handle(rt.Method+" "+rt.Pattern, h.guard(rt))
	}
}

// guard checks session, role and CSRF token before a route's handler runs.
func (h *Handler) guard(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody(rt))
		rq, err := h.session(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if rt.Min == Public {
			if rt.Method == http.MethodPost && !h.sameOrigin(r) {
				h.fail(w, r, news.ErrForbidden)
				return
			}
			rt.handle(h, w, r, rq)
			return
		}
		if rq == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/admin/signin?"+url.Values{"next": {r.URL.RequestURI()}}.Encode(), http.StatusSeeOther)
				return
			}
			h.fail(w, r, errSignedOut)
			return
		}
		if !rq.user.Role.AtLeast(rt.Min) {
			h.fail(w, r, news.ErrForbidden)
			return
		}
		if r.Method == http.MethodPost {
			if err := parseBody(r); err != nil {
				h.fail(w, r, err)
				return
			}
			token := r.Header.Get("X-CSRF-Token")
			if token == "" {
				token = r.PostFormValue("csrf")
			}
			if !h.sameOrigin(r) || !auth.ValidCSRF(h.secret, rq.sessionHash, token) {
				h.fail(w, r, errCSRF)
				return
			}
		}
		rt.handle(h, w, r, rq)
	})
}

// parseBody reads a POST's form, multipart or not, so that a body over the
// route's limit is answered 413 instead of being taken for a missing CSRF
// token. Other parse errors are left to the handler, as before.
func parseBody(r *http.Request) error {
	err := r.ParseMultipartForm(32 << 20)
	if big := (*http.MaxBytesError)(nil); errors.As(err, &big) {
		msg := "What you sent is larger than this form accepts (" + media.Size(int(big.Limit)) + "); nothing was saved."
		if r.URL.Path == "/admin/media/" {
			msg = "The file is larger than " + media.Size(media.MaxBytes) + ", the most an upload may be; nothing was stored."
		}
		return tooLarge{msg}
	}
	return nil
}

// maxBody bounds a request body: uploads get room, forms do not.
func maxBody(rt Route) int64 {
	if rt.Pattern == "/admin/media/{$}" {
		return 20 << 20
	}
	return 2 << 20
}
