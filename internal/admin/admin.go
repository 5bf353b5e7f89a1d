package admin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/static"
	"github.com/herald-news/herald/internal/store"
)

// Options are what the back office is built from.
type Options struct {
	Store   *store.Store
	Logger  *slog.Logger
	BaseURL string
	Now     func() time.Time
	// Secret signs CSRF and form tokens and keys client hashes; every node
	// sharing a database must use the same one (store.Secret gives it).
	Secret []byte
	// Proxies are the reverse proxies whose X-Forwarded-For names the
	// client sign-in throttling counts by.
	Proxies auth.Proxies
}

// Handler serves /admin/.
type Handler struct {
	store   *store.Store
	log     *slog.Logger
	assets  *static.Assets
	secret  []byte
	now     func() time.Time
	secure  bool // cookies only over HTTPS
	proxies auth.Proxies
	origin  string
	view    atomic.Pointer[officeView]
}

// officeView is what the back office takes from the site's settings: its
// name, its time zone (story times are shown and read in it) and the
// templates, which format dates in that zone. Reload swaps in a new one.
type officeView struct {
	site string
	loc  *time.Location
	tmpl *render.Engine
}

// v is the current view.
func (h *Handler) v() *officeView { return h.view.Load() }

// Reload reads the site's settings again, so that a new site name or time
// zone reaches the back office without a restart. serve calls it whenever
// the settings change, on this node or another.
func (h *Handler) Reload(ctx context.Context) error {
	settings, err := h.store.Settings(ctx)
	if err != nil {
		return err
	}
	loc := time.UTC
	if settings.TimeZone != "" {
		if l, err := time.LoadLocation(settings.TimeZone); err == nil {
			loc = l
		}
	}
	tmpl, err := render.NewAdmin(h.assets, loc)
	if err != nil {
		return err
	}
	name := settings.Name
	if name == "" {
		name = "Herald"
	}
	h.view.Store(&officeView{site: name, loc: loc, tmpl: tmpl})
	return nil
}

// sessionCookie names the cookie holding the session token.
const sessionCookie = "herald_session"

// New builds the back office.
func New(ctx context.Context, o Options) (*Handler, error) {
	if len(o.Secret) < 32 {
		return nil, errors.New("admin: the secret must be at least 32 bytes")
	}
	assets, err := static.Load()
	if err != nil {
		return nil, err
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	u, err := url.Parse(o.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("admin: base URL: %w", err)
	}
	h := &Handler{
		store: o.Store, log: o.Logger, assets: assets, secret: o.Secret, now: now, proxies: o.Proxies,
		secure: u.Scheme == "https", origin: u.Scheme + "://" + u.Host,
	}
	if err := h.Reload(ctx); err != nil {
		return nil, err
	}
	return h, nil
}

// Page is what every back-office page shares.
type Page struct {
	Title  string
	Site   string
	User   *news.User
	CSRF   string
	Flash  string
	Error  string
	Fields map[string]string // problems by form field
	Active string            // the navigation entry to mark
}

// request is a signed-in request.
type request struct {
	user        *news.User
	session     *news.Session
	sessionHash string
	csrf        string
}

// page starts a page for rq.
func (h *Handler) page(r *http.Request, rq *request, title, active string) Page {
	p := Page{Title: title, Site: h.v().site, Active: active, Flash: r.URL.Query().Get("done")}
	if rq != nil {
		p.User, p.CSRF = rq.user, rq.csrf
	}
	return p
}

// render answers with a back-office page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	body, err := h.v().tmpl.Bytes(name, data)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// ErrorPage is the data of a back-office error page.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// fail answers err with the status that fits it. Only 500s are logged.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong. The problem has been logged."
	var ve *news.ValidationError
	switch {
	case errors.Is(err, news.ErrForbidden):
		status, msg = http.StatusForbidden, errRole.msg
		var f forbidden
		if errors.As(err, &f) {
			msg = f.msg
		}
	case errors.Is(err, news.ErrNotFound):
		status, msg = http.StatusNotFound, "There is nothing here."
	case errors.Is(err, news.ErrConflict):
		status, msg = http.StatusConflict, "That already exists."
	case errors.As(err, &ve):
		status, msg = http.StatusUnprocessableEntity, ve.Error()
	case errors.As(err, new(badRequest)):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.As(err, new(tooLarge)):
		status, msg = http.StatusRequestEntityTooLarge, err.Error()
	case errors.Is(err, context.Canceled):
		return
	default:
		h.log.Error("admin request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	p := ErrorPage{Page: Page{Title: http.StatusText(status), Site: h.v().site}, Status: status, Message: msg}
	if body, rerr := h.v().tmpl.Bytes("error", p); rerr == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		w.Write(body)
		return
	}
	http.Error(w, msg, status)
}

// forbidden is a refusal whose message is fit for the user.
type forbidden struct{ msg string }

func (e forbidden) Error() string        { return e.msg }
func (e forbidden) Is(target error) bool { return target == news.ErrForbidden }

var (
	errSignedOut = forbidden{"You are signed out. Sign in again; what you sent was not saved."}
	errCSRF      = forbidden{"This form has expired or did not come from this site; nothing was changed. Reload the page and try again."}
	errRole      = forbidden{"Your role does not allow this."}
)

// badRequest is a malformed request; its message is fit for the user.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// tooLarge is a request body over its route's limit; its message is fit for
// the user.
type tooLarge struct{ msg string }

func (e tooLarge) Error() string { return e.msg }

// redirect answers a POST with 303 to path, with a message to show there.
func redirect(w http.ResponseWriter, r *http.Request, path, done string) {
	if done != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + url.Values{"done": {done}}.Encode()
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// audit records who did what; a failure to record is logged, not shown.
func (h *Handler) audit(ctx context.Context, rq *request, action, target, detail string) {
	var uid int64
	if rq != nil {
		uid = rq.user.ID
	}
	if err := h.store.AddAudit(ctx, news.AuditEntry{UserID: uid, Action: action, Target: target, Detail: detail}); err != nil {
		h.log.Error("audit", "action", action, "err", err)
	}
}

// clientAddr is the address throttling counts by: the connection's, or
// behind a trusted proxy the client X-Forwarded-For names; for IPv6 its /64,
// which one household or phone has whole, as comment limits count.
func (h *Handler) clientAddr(r *http.Request) string {
	a := h.proxies.ClientAddr(r)
	if a.Is6() {
		return netip.PrefixFrom(a, 64).Masked().String()
	}
	return a.String()
}

// sameOrigin reports whether a POST came from this site's own pages. Browsers
// send Origin on POSTs; a missing header (old clients, curl) is allowed here
// because the CSRF token is checked as well.
func (h *Handler) sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	return o == "" || o == h.origin
}

// session loads the request's session, or nil without one.
func (h *Handler) session(r *http.Request) (*request, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil, nil
	}
	hash := auth.HashToken(c.Value)
	now := h.now()
	sess, user, err := h.store.SessionUser(r.Context(), hash, now)
	if errors.Is(err, news.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if now.Sub(sess.CreatedAt) > auth.SessionMax {
		return nil, nil
	}
	if now.Sub(sess.SeenAt) > time.Minute {
		expires := now.Add(auth.SessionIdle)
		if limit := sess.CreatedAt.Add(auth.SessionMax); expires.After(limit) {
			expires = limit
		}
		if err := h.store.TouchSession(r.Context(), sess.ID, now, expires); err != nil {
			return nil, err
		}
	}
	return &request{user: user, session: sess, sessionHash: hash, csrf: auth.CSRFToken(h.secret, hash)}, nil
}

// setSession starts a new session for u and sets its cookie.
func (h *Handler) setSession(w http.ResponseWriter, r *http.Request, u *news.User) error {
	token, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	if err := h.store.CreateSession(r.Context(), u.ID, hash, h.now().Add(auth.SessionIdle)); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(auth.SessionMax.Seconds()),
	})
	return nil
}

// clearSession removes the session cookie.
func (h *Handler) clearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}
