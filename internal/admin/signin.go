package admin

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/news"
)

// SigninPage is the sign-in form.
type SigninPage struct {
	Page
	Email string
	Next  string
	Token string
}

// formAge is how long a sign-in or setup form stays valid.
const formAge = 2 * time.Hour

// safeNext keeps a post-sign-in redirect inside the back office.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/admin/") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\\r\n") {
		return next
	}
	return "/admin/"
}

func (h *Handler) signinForm(w http.ResponseWriter, r *http.Request, rq *request) {
	if rq != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	if n, err := h.store.CountUsers(r.Context()); err == nil && n == 0 {
		http.Redirect(w, r, "/admin/setup", http.StatusSeeOther)
		return
	}
	p := SigninPage{Page: h.page(r, nil, "Sign in", ""), Next: r.URL.Query().Get("next"), Token: auth.FormToken(h.secret, "signin", h.now())}
	h.render(w, r, http.StatusOK, "signin", p)
}

func (h *Handler) signin(w http.ResponseWriter, r *http.Request, _ *request) {
	ctx := r.Context()
	email := news.NormalizeEmail(r.PostFormValue("email"))
	password := r.PostFormValue("password")
	p := SigninPage{Page: h.page(r, nil, "Sign in", ""), Email: email, Next: r.PostFormValue("next"), Token: auth.FormToken(h.secret, "signin", h.now())}
	if issued, ok := auth.CheckFormToken(h.secret, "signin", r.PostFormValue("token")); !ok || h.now().Sub(issued) > formAge {
		p.Error = "The sign-in form had expired. Please try again."
		h.render(w, r, http.StatusForbidden, "signin", p)
		return
	}
	now := h.now()
	accountKey, clientKey := auth.AccountKey(email), auth.ClientKey(h.secret, h.clientAddr(r))
	for _, k := range []struct {
		key string
		max int
	}{{accountKey, auth.MaxAccountFailures}, {clientKey, auth.MaxClientFailures}} {
		n, err := h.store.SigninFailures(ctx, k.key, now.Add(-auth.ThrottleWindow))
		if err != nil {
			h.fail(w, r, err)
			return
		}
		if n >= k.max {
			w.Header().Set("Retry-After", "900")
			p.Error = "Too many failed sign-ins. Wait 15 minutes and try again."
			h.render(w, r, http.StatusTooManyRequests, "signin", p)
			return
		}
	}
	u, err := h.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		h.fail(w, r, err)
		return
	}
	hash := ""
	if u != nil && u.CanSignIn() {
		hash = u.PasswordHash
	}
	if !auth.CheckPasswordOrDummy(hash, password) {
		if err := h.store.RecordSigninFailure(ctx, now, accountKey, clientKey); err != nil {
			h.fail(w, r, err)
			return
		}
		p.Error = "That email address and password do not match an account that can sign in."
		h.render(w, r, http.StatusUnauthorized, "signin", p)
		return
	}
	if err := h.store.ClearSigninFailures(ctx, accountKey); err != nil {
		h.fail(w, r, err)
		return
	}
	// A new session every time: a token planted before sign-in is worthless.
	if c, err := r.Cookie(sessionCookie); err == nil {
		h.store.DeleteSession(ctx, auth.HashToken(c.Value))
	}
	if err := h.setSession(w, r, u); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(ctx, &request{user: u}, "session.signin", "user "+itoa(u.ID), "")
	http.Redirect(w, r, safeNext(p.Next), http.StatusSeeOther)
}

func (h *Handler) signout(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := h.store.DeleteSession(r.Context(), rq.sessionHash); err != nil {
		h.fail(w, r, err)
		return
	}
	h.clearSession(w)
	redirect(w, r, "/admin/signin", "")
}

func (h *Handler) signoutEverywhere(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := h.store.DeleteUserSessions(r.Context(), rq.user.ID); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(r.Context(), rq, "session.signout_everywhere", "user "+itoa(rq.user.ID), "")
	h.clearSession(w)
	redirect(w, r, "/admin/signin", "")
}

// SetupPage is the one-time form that creates the first admin.
type SetupPage struct {
	Page
	Name, Email string
	Token       string
}

func (h *Handler) setupForm(w http.ResponseWriter, r *http.Request, _ *request) {
	n, err := h.store.CountUsers(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if n > 0 {
		h.fail(w, r, news.ErrNotFound)
		return
	}
	h.render(w, r, http.StatusOK, "setup", SetupPage{Page: h.page(r, nil, "Set up Herald", ""), Token: auth.FormToken(h.secret, "setup", h.now())})
}

func (h *Handler) setup(w http.ResponseWriter, r *http.Request, _ *request) {
	ctx := r.Context()
	p := SetupPage{Page: h.page(r, nil, "Set up Herald", ""), Name: strings.TrimSpace(r.PostFormValue("name")),
		Email: news.NormalizeEmail(r.PostFormValue("email")), Token: auth.FormToken(h.secret, "setup", h.now())}
	if issued, ok := auth.CheckFormToken(h.secret, "setup", r.PostFormValue("token")); !ok || h.now().Sub(issued) > formAge {
		p.Error = "The setup form had expired. Please try again."
		h.render(w, r, http.StatusForbidden, "setup", p)
		return
	}
	u := &news.User{Name: p.Name, Email: p.Email, Role: news.RoleAdmin}
	fields := map[string]string{}
	if err := u.Validate(); err != nil {
		var ve *news.ValidationError
		if errors.As(err, &ve) {
			fields = ve.Fields
		}
	}
	pw := r.PostFormValue("password")
	if err := auth.CheckPasswordRules(pw); err != nil {
		fields["password"] = err.Error()
	} else if pw != r.PostFormValue("password2") {
		fields["password2"] = "the two passwords differ"
	}
	if len(fields) > 0 {
		p.Fields = fields
		p.Error = "Please correct the fields marked below."
		h.render(w, r, http.StatusUnprocessableEntity, "setup", p)
		return
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u.PasswordHash = hash
	if err := h.store.CreateFirstUser(ctx, u); err != nil {
		if errors.Is(err, news.ErrConflict) {
			h.fail(w, r, news.ErrNotFound) // someone finished setup first
			return
		}
		h.fail(w, r, err)
		return
	}
	if err := h.setSession(w, r, u); err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(ctx, &request{user: u}, "user.setup", "user "+itoa(u.ID), u.Email)
	redirect(w, r, "/admin/", "Welcome to Herald. You are the first admin.")
}

// AccountPage is the signed-in user's own account.
type AccountPage struct{ Page }

func (h *Handler) account(w http.ResponseWriter, r *http.Request, rq *request) {
	h.render(w, r, http.StatusOK, "account", AccountPage{h.page(r, rq, "Your account", "account")})
}

func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request, rq *request) {
	p := AccountPage{h.page(r, rq, "Your account", "account")}
	p.Flash = ""
	fields := map[string]string{}
	if !auth.CheckPassword(rq.user.PasswordHash, r.PostFormValue("current")) {
		fields["current"] = "is not your current password"
	}
	pw := r.PostFormValue("password")
	if err := auth.CheckPasswordRules(pw); err != nil {
		fields["password"] = err.Error()
	} else if pw != r.PostFormValue("password2") {
		fields["password2"] = "the two passwords differ"
	}
	if len(fields) > 0 {
		p.Fields, p.Error = fields, "Your password was not changed."
		h.render(w, r, http.StatusUnprocessableEntity, "account", p)
		return
	}
	hash, err := auth.HashPassword(pw)
	if err == nil {
		err = h.store.SetPassword(r.Context(), rq.user.ID, hash)
	}
	if err == nil {
		err = h.setSession(w, r, rq.user)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.audit(r.Context(), rq, "user.password", "user "+itoa(rq.user.ID), "")
	redirect(w, r, "/admin/account", "Your password was changed and your other sessions were signed out.")
}
