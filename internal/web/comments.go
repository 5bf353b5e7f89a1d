package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/herald-news/herald/internal/auth"
	"github.com/herald-news/herald/internal/content"
	"github.com/herald-news/herald/internal/news"
	"github.com/herald-news/herald/internal/render"
	"github.com/herald-news/herald/internal/spam"
	"github.com/herald-news/herald/internal/store"
)

// Comments: the form under every story with comments open, the thread of
// approved comments, the POST that takes a new comment, a small per-reader
// endpoint for the form's token and remembered details, comment feeds and
// locally drawn avatars.
//
// The story page is cached and identical for every reader, so nothing
// personal is in it: the form's signed timestamp and a returning reader's
// name come from /comments/form (fetched by comments.js), the "awaiting
// moderation" notice from the redirect after posting (?comment=pending), and
// a reply form without JavaScript from a link (?reply=ID) to an uncached
// rendering. A reader without JavaScript who posts without a token gets the
// form back, text kept, with a token and a request to press Post again.

// Form field names. The honeypot is a text field hidden from people and
// from assistive technology; only robots fill it in.
const (
	fieldName     = "name"
	fieldEmail    = "email"
	fieldWebsite  = "website"
	fieldComment  = "comment"
	fieldParent   = "parent"
	fieldRemember = "remember"
	fieldToken    = "ts"
	fieldHoneypot = "subject"
)

// Limits of the comment POST.
const (
	maxCommentRequest = 64 << 10
	// tokenMaxAge is how long a form token stays good: a reader may leave a
	// half-written comment open for a while.
	tokenMaxAge = 24 * time.Hour
	// commentFeedItems is how many comments a comment feed carries.
	commentFeedItems = 100
	// purgeEvery is how often posting also forgets old client hashes.
	purgeEvery = time.Hour
)

// Cookie names: the remembered details (HttpOnly, read only by the server)
// and a flag that tells comments.js to ask for them as the page loads.
const (
	cookieCommenter = "herald_commenter"
	cookieRemember  = "herald_remember"
)

// CommentsView is the comment section of a story page.
type CommentsView struct {
	Path     string // the story's path, "/usa-news/slug/"
	Open     bool
	Count    int
	Threads  []*CommentView // top-level comments, oldest first, with their replies
	FeedURL  string
	Pending  bool         // show the "awaiting moderation" notice
	ReplyTo  *CommentView // replying without JavaScript
	Form     CommentForm
	PerUser  bool // this rendering is for one reader: not cached
	MaxDepth int

	closesAt time.Time // when comments close by age; zero: never
}

// CommentView is one published comment as a page shows it.
type CommentView struct {
	ID        int64
	Name      string
	Website   string // http(s) only; empty when the name is not a link
	Body      template.HTML
	CreatedAt time.Time
	Avatar    string // URL of a locally drawn avatar
	ReplyURL  string // the reply form without JavaScript
	Depth     int
	CanReply  bool
	Replies   []*CommentView
}

// CommentForm is what the form holds: empty on the shared page, the
// reader's own input when it comes back with problems.
type CommentForm struct {
	Name, Email, Website, Comment string
	Parent                        int64
	Remember                      bool
	Token                         string
	Errors                        map[string]string
	Message                       string // the problem that belongs to no one field
}

// Invalid reports whether field has a problem, for aria-invalid.
func (f CommentForm) Invalid(field string) bool { _, ok := f.Errors[field]; return ok }

// FieldError is one problem of the form, for the summary above it.
type FieldError struct {
	Field, Label, Message string
}

// commentFields are the form's fields in the order the form shows them,
// with their labels.
var commentFields = []struct{ field, label string }{
	{fieldComment, "Comment"}, {fieldName, "Name"}, {fieldEmail, "Email"}, {fieldWebsite, "Website"},
}

// ErrorList lists the problems in the order of the fields.
func (f CommentForm) ErrorList() []FieldError {
	var out []FieldError
	for _, cf := range commentFields {
		if msg, ok := f.Errors[cf.field]; ok {
			out = append(out, FieldError{Field: cf.field, Label: cf.label, Message: msg})
		}
	}
	return out
}

// commentHandler serves the comment endpoints. It keeps the site secret once
// read and when it last purged old client hashes.
type commentHandler struct {
	s *Server

	mu        sync.Mutex
	secret    []byte
	lastPurge time.Time
}

func newCommentHandler(s *Server) *commentHandler { return &commentHandler{s: s} }

// key returns the site secret, reading it once.
func (c *commentHandler) key(ctx context.Context) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.secret == nil {
		k, err := c.s.store.Secret(ctx)
		if err != nil {
			return nil, err
		}
		c.secret = k
	}
	return c.secret, nil
}

// clientHash identifies the client's network: its IPv4 address, or the /64
// of an IPv6 address (one household or phone gets a whole /64). Behind a
// trusted proxy the client is the one X-Forwarded-For names.
func clientHash(secret []byte, proxies auth.Proxies, r *http.Request) string {
	ip := proxies.ClientAddr(r)
	var host string
	switch {
	case !ip.IsValid():
		return ""
	case ip.Is4():
		host = ip.String()
	default:
		host = netip.PrefixFrom(ip, 64).Masked().String()
	}
	return auth.KeyedHash(secret, "client", host)[:32]
}

// avatarID is the public part of an email hash an avatar is drawn from.
func avatarID(emailHash string) string {
	if len(emailHash) < 16 {
		return "0000000000000000"
	}
	return emailHash[:16]
}

// newToken signs the time the form was handed out.
func newToken(secret []byte, t time.Time) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.Unix()))
	ts := base64.RawURLEncoding.EncodeToString(b[:])
	return ts + "." + tokenMAC(secret, ts)
}

func tokenMAC(secret []byte, ts string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("comment-form\x00" + ts))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// errToken explains why a form token was refused, in words for the reader.
type errToken string

func (e errToken) Error() string { return string(e) }

// checkToken verifies a form token and that the form was open at least
// minFill and at most tokenMaxAge.
func checkToken(secret []byte, token string, now time.Time, minFill time.Duration) error {
	if token == "" {
		return errToken("Please check your comment and press “Post Comment” again. (Your browser did not run this page’s script, so we ask twice to be sure a person is posting.)")
	}
	ts, mac, ok := strings.Cut(token, ".")
	if !ok || len(token) > 100 || !hmac.Equal([]byte(mac), []byte(tokenMAC(secret, ts))) {
		return errToken("This form could not be verified. Please check your comment and press “Post Comment” again.")
	}
	raw, err := base64.RawURLEncoding.DecodeString(ts)
	if err != nil || len(raw) != 8 {
		return errToken("This form could not be verified. Please check your comment and press “Post Comment” again.")
	}
	issued := time.Unix(int64(binary.BigEndian.Uint64(raw)), 0)
	age := now.Sub(issued)
	switch {
	case age < -time.Minute || age > tokenMaxAge:
		return errToken("This form was open too long and has expired. Please check your comment and press “Post Comment” again.")
	case age < minFill:
		return errToken("That was very quick. Please check your comment and press “Post Comment” again.")
	}
	return nil
}

// commentFormPage answers a comment that could not be taken with the story
// and the form again: the reader's text kept, every problem named, and a
// fresh token. It is for this reader alone and never cached.
func (c *commentHandler) commentFormPage(w http.ResponseWriter, r *http.Request, a *news.Article, status int, form CommentForm) {
	ctx := r.Context()
	s := c.s
	secret, err := c.key(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if form.Token == "" {
		form.Token = newToken(secret, s.now())
	}
	p, err := s.page(ctx, a.Headline, a.Standfirst, a.Path())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Current = a.Section.Slug
	p.OGType = "article"
	p.NoIndex = true
	data := ArticlePage{Page: p, Article: a, Body: trustedHTML(a.BodyHTML), CreditGroups: creditGroups(a.Credits)}
	data.Comments, err = s.commentsView(ctx, a, "", 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data.Comments.PerUser = true
	if form.Parent != 0 {
		data.Comments.ReplyTo = findComment(data.Comments.Threads, form.Parent)
	}
	data.Comments.Form = form
	w.Header().Set("Cache-Control", "no-store")
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "60")
	}
	s.html(w, r, status, "article", data)
}

// findComment finds a comment by ID in a thread.
func findComment(list []*CommentView, id int64) *CommentView {
	for _, c := range list {
		if c.ID == id {
			return c
		}
		if f := findComment(c.Replies, id); f != nil {
			return f
		}
	}
	return nil
}

// commentError answers a request that is not a comment at all with the error
// page and a message for whoever sent it.
func (c *commentHandler) commentError(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	c.s.errorPage(w, r, ErrorPage{Status: status, Heading: heading, Message: msg})
}

// post takes a new comment: POST /{section}/{slug}/comments.
func (c *commentHandler) post(w http.ResponseWriter, r *http.Request) {
	s := c.s
	ctx := r.Context()
	if !sameOrigin(r, s.baseURL) {
		c.commentError(w, r, http.StatusForbidden, "That request was refused", "Comments can only be posted from this site’s own pages.")
		return
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		c.commentError(w, r, http.StatusUnsupportedMediaType, "That request did not make sense",
			"A comment must be sent as a form (application/x-www-form-urlencoded).")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxCommentRequest)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			c.commentError(w, r, http.StatusRequestEntityTooLarge, "That comment is too long",
				fmt.Sprintf("A comment may be at most %d characters; the whole form at most 64 KiB.", news.MaxCommentBody))
			return
		}
		c.commentError(w, r, http.StatusBadRequest, "That request did not make sense", "The form could not be read.")
		return
	}
	a, err := s.store.ArticleSummary(ctx, r.PathValue("section"), r.PathValue("slug"))
	switch {
	case isNotFound(err):
		c.commentError(w, r, http.StatusNotFound, "Page not found", "There is no story at this address to comment on.")
		return
	case err != nil:
		s.fail(w, r, err)
		return
	case a.Status == news.StatusWithdrawn:
		c.commentError(w, r, http.StatusGone, "This story has been withdrawn", "The story was withdrawn by the newsroom and takes no comments.")
		return
	case a.Status != news.StatusPublished:
		c.commentError(w, r, http.StatusNotFound, "Page not found", "There is no story at this address to comment on.")
		return
	}
	form := CommentForm{
		Name: r.PostForm.Get(fieldName), Email: r.PostForm.Get(fieldEmail), Website: r.PostForm.Get(fieldWebsite),
		Comment: r.PostForm.Get(fieldComment), Remember: r.PostForm.Get(fieldRemember) != "",
	}
	if p := r.PostForm.Get(fieldParent); p != "" && p != "0" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id < 0 {
			c.commentError(w, r, http.StatusBadRequest, "That request did not make sense", "The comment being replied to is not a comment number.")
			return
		}
		form.Parent = id
	}
	cs, err := s.store.CommentSettings(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	thread, err := s.store.CommentThreadState(ctx, a, cs, now)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !thread.Open {
		c.commentError(w, r, http.StatusForbidden, "Comments are closed", "“"+a.Headline+"” takes no more comments.")
		return
	}
	secret, err := c.key(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cm := &news.Comment{ArticleID: a.ID, ParentID: form.Parent, Name: form.Name, Email: form.Email, Website: form.Website, Body: form.Comment}
	cm.Normalize()
	verr := cm.Validate()
	var v *news.ValidationError
	if errors.As(verr, &v) {
		form.Errors = v.Fields
		form.Message = "Your comment was not posted. Please correct the problems marked below."
	}
	if r.PostForm.Get(fieldHoneypot) != "" {
		form.Message = "Your comment was not posted: the field marked “leave this empty” was filled in. Please check and post again."
	}
	tokErr := checkToken(secret, r.PostForm.Get(fieldToken), now, time.Duration(cs.MinFillSeconds)*time.Second)
	if tokErr != nil && form.Message == "" {
		form.Message = tokErr.Error()
	}
	if form.Message != "" {
		// The reader already spent the time: a token that was good earns
		// one that is good at once.
		issued := now
		if tokErr == nil {
			issued = now.Add(-time.Duration(cs.MinFillSeconds) * time.Second)
		}
		form.Token = newToken(secret, issued)
		c.commentFormPage(w, r, a, http.StatusUnprocessableEntity, form)
		return
	}

	cm.SpamTokens = spam.Tokens(cm.Name, cm.Website, cm.Body)
	model, err := s.store.SpamModel(ctx, cm.SpamTokens)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cm.SpamScore = spam.Score(model, cm.SpamTokens)
	cm.EmailHash = auth.EmailHash(secret, cm.Email)
	cm.ClientHash = clientHash(secret, c.s.proxies, r)
	err = s.store.AddComment(ctx, cm, cs, cm.SpamScore >= cs.SpamThreshold, now)
	if err != nil {
		form.Token = newToken(secret, now.Add(-time.Duration(cs.MinFillSeconds)*time.Second))
		switch {
		case errors.As(err, &v):
			form.Errors, form.Message = v.Fields, "Your comment was not posted. Please correct the problems marked below."
			if msg, ok := v.Fields["parent"]; ok {
				form.Message = "Your comment was not posted: " + msg + "."
				form.Parent = 0
			}
			c.commentFormPage(w, r, a, http.StatusUnprocessableEntity, form)
		case errors.Is(err, news.ErrDuplicateComment):
			form.Message = "It looks as though you have already said that: this comment is a duplicate of one you posted."
			c.commentFormPage(w, r, a, http.StatusConflict, form)
		case errors.Is(err, news.ErrTooManyComments):
			form.Message = "You are posting comments too quickly. Please wait a minute and press “Post Comment” again; your text is kept below."
			c.commentFormPage(w, r, a, http.StatusTooManyRequests, form)
		case errors.Is(err, news.ErrCommentsClosed):
			c.commentError(w, r, http.StatusForbidden, "Comments are closed", "“"+a.Headline+"” takes no more comments.")
		case errors.Is(err, news.ErrGone):
			c.commentError(w, r, http.StatusGone, "This story has been withdrawn", "The story was withdrawn by the newsroom and takes no comments.")
		case errors.Is(err, news.ErrNotFound):
			c.commentError(w, r, http.StatusNotFound, "Page not found", "There is no story at this address to comment on.")
		default:
			s.fail(w, r, err)
		}
		return
	}
	c.remember(w, form)
	c.maybePurge(ctx, cs, now)
	// The address differs from the story's own so that no browser cache
	// answers it with the page from before the comment.
	target := a.Path() + "?comment=pending#comment-status"
	if cm.Status == news.CommentApproved {
		id := strconv.FormatInt(cm.ID, 10)
		target = a.Path() + "?comment=" + id + "#comment-" + id
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// sameOrigin refuses a POST a browser says came from another site. Clients
// that send neither Origin nor Sec-Fetch-Site (scripts, old browsers) pass:
// the form token is what keeps robots out.
func sameOrigin(r *http.Request, baseURL string) bool {
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" && r.Header.Get("Sec-Fetch-Site") == "" {
		return true
	}
	if strings.EqualFold(origin, baseURL) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

// remembered is what the remember-me cookie holds.
type remembered struct {
	Name    string `json:"n"`
	Email   string `json:"e"`
	Website string `json:"w,omitempty"`
}

// remember sets or clears the cookies that remember a commenter on this
// browser, as the reader chose.
func (c *commentHandler) remember(w http.ResponseWriter, form CommentForm) {
	secure := strings.HasPrefix(c.s.baseURL, "https://")
	if !form.Remember {
		for _, name := range []string{cookieCommenter, cookieRemember} {
			http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: name == cookieCommenter, Secure: secure, SameSite: http.SameSiteLaxMode})
		}
		return
	}
	b, _ := json.Marshal(remembered{Name: strings.TrimSpace(form.Name), Email: strings.TrimSpace(form.Email), Website: strings.TrimSpace(form.Website)})
	const year = 365 * 24 * 60 * 60
	http.SetCookie(w, &http.Cookie{Name: cookieCommenter, Value: base64.RawURLEncoding.EncodeToString(b), Path: "/", MaxAge: year,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: cookieRemember, Value: "1", Path: "/", MaxAge: year, Secure: secure, SameSite: http.SameSiteLaxMode})
}

// readRemembered reads the remember-me cookie; anything malformed reads as
// nothing.
func readRemembered(r *http.Request) (remembered, bool) {
	ck, err := r.Cookie(cookieCommenter)
	if err != nil || len(ck.Value) > 2048 {
		return remembered{}, false
	}
	b, err := base64.RawURLEncoding.DecodeString(ck.Value)
	var m remembered
	if err != nil || json.Unmarshal(b, &m) != nil {
		return remembered{}, false
	}
	probe := news.Comment{Name: m.Name, Email: m.Email, Website: m.Website, Body: "ok"}
	if probe.Validate() != nil {
		return remembered{}, false
	}
	return m, true
}

// maybePurge forgets client hashes past their retention, at most once an
// hour per process; posting is what adds them, so posting clears them.
func (c *commentHandler) maybePurge(ctx context.Context, cs news.CommentSettings, now time.Time) {
	c.mu.Lock()
	due := now.Sub(c.lastPurge) >= purgeEvery
	if due {
		c.lastPurge = now
	}
	c.mu.Unlock()
	if due {
		if _, err := c.s.store.PurgeClientHashes(ctx, now.AddDate(0, 0, -cs.ClientRetentionDays)); err != nil && ctx.Err() == nil {
			c.s.log.Warn("purging old client hashes failed", "err", err)
		}
	}
}

// formState is the per-reader part of the comment form, as JSON.
type formState struct {
	Token    string `json:"token"`
	Name     string `json:"name,omitempty"`
	Email    string `json:"email,omitempty"`
	Website  string `json:"website,omitempty"`
	Remember bool   `json:"remember"`
}

// form serves GET /comments/form: a fresh token and, for a reader who asked
// to be remembered, their details. It is never cached anywhere.
func (c *commentHandler) form(w http.ResponseWriter, r *http.Request) {
	secret, err := c.key(r.Context())
	if err != nil {
		c.s.fail(w, r, err)
		return
	}
	st := formState{Token: newToken(secret, c.s.now())}
	if m, ok := readRemembered(r); ok {
		st.Name, st.Email, st.Website, st.Remember = m.Name, m.Email, m.Website, true
	}
	b, err := json.Marshal(st)
	if err != nil {
		c.s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store, private")
	h.Set("Vary", "Cookie")
	c.s.respond(w, r, http.StatusOK, "application/json; charset=utf-8", b)
}

// commentsView builds the comment section of story a. pending shows the
// awaiting-moderation notice; reply, when not 0, is the comment being
// replied to without JavaScript.
func (s *Server) commentsView(ctx context.Context, a *news.Article, query string, reply int64) (*CommentsView, error) {
	cs, err := s.store.CommentSettings(ctx)
	if err != nil {
		return nil, err
	}
	thread, err := s.store.CommentThreadState(ctx, a, cs, s.now())
	if err != nil {
		return nil, err
	}
	list, err := s.store.ApprovedComments(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	// A static copy cannot take a comment: its threads are shown closed.
	v := &CommentsView{Path: a.Path(), Open: thread.Open && !s.staticCopy, Count: len(list), MaxDepth: cs.MaxDepth,
		FeedURL: "/comments" + a.Path() + "feed.xml", Pending: query == "pending", closesAt: thread.ClosesAt}
	byID := make(map[int64]*CommentView, len(list))
	for _, c := range list {
		byID[c.ID] = &CommentView{ID: c.ID, Name: c.Name, Website: c.PublicWebsite(), Body: trustedHTML(content.TextToHTML(c.Body)),
			CreatedAt: c.CreatedAt, Avatar: "/comments/avatars/" + avatarID(c.EmailHash) + ".svg",
			ReplyURL: a.Path() + "?reply=" + strconv.FormatInt(c.ID, 10) + "#respond"}
	}
	for _, c := range list {
		cv := byID[c.ID]
		if p, ok := byID[c.ParentID]; ok && c.ParentID != 0 {
			p.Replies = append(p.Replies, cv)
		} else {
			v.Threads = append(v.Threads, cv)
		}
	}
	var walk func([]*CommentView, int)
	walk = func(l []*CommentView, depth int) {
		for _, c := range l {
			c.Depth = depth
			c.CanReply = v.Open && depth < cs.MaxDepth
			walk(c.Replies, depth+1)
		}
	}
	walk(v.Threads, 1)
	if reply != 0 {
		if c, ok := byID[reply]; ok && c.CanReply {
			v.ReplyTo = c
			v.Form.Parent = reply
		}
	}
	return v, nil
}

// addComments puts the comment section on a story page and records what it
// depends on. A page made for one reader (replying without JavaScript) is
// marked so that no cache keeps it.
func (s *Server) addComments(w http.ResponseWriter, r *http.Request, data *ArticlePage) error {
	a := data.Article
	q := r.URL.Query()
	var reply int64
	if v := q.Get("reply"); v != "" {
		reply, _ = strconv.ParseInt(v, 10, 64)
	}
	if q.Has("reply") || q.Has("comment") {
		// Where a reader lands after posting, or replies without
		// JavaScript: for them, now, and for no cache.
		w.Header().Set("Cache-Control", "no-store")
		data.NoIndex = true
	}
	cv, err := s.commentsView(r.Context(), a, q.Get("comment"), reply)
	if err != nil {
		return err
	}
	cv.PerUser = reply != 0
	data.Comments = cv
	depend(w, news.CommentsKey(a.ID))
	if cv.Open && !cv.closesAt.IsZero() {
		// Closing by age changes the page with the clock, not the content.
		expireAfter(w, cv.closesAt.Sub(s.now()))
	}
	if a.CommentsOpen || cv.Count > 0 {
		data.Feeds = append(data.Feeds, render.FeedLink{Title: "Comments on “" + a.Headline + "” (RSS)", Type: "application/rss+xml", URL: s.abs(cv.FeedURL)})
	}
	return nil
}

// The comment feeds are RSS 2.0 of approved comments, newest first.
type commentRSS struct {
	XMLName xml.Name       `xml:"rss"`
	Version string         `xml:"version,attr"`
	NSAtom  string         `xml:"xmlns:atom,attr"`
	NSDC    string         `xml:"xmlns:dc,attr"`
	Channel commentChannel `xml:"channel"`
}

type commentChannel struct {
	Title         string        `xml:"title"`
	Link          string        `xml:"link"`
	Description   string        `xml:"description"`
	Language      string        `xml:"language,omitempty"`
	Generator     string        `xml:"generator"`
	LastBuildDate string        `xml:"lastBuildDate,omitempty"`
	Self          commentSelf   `xml:"atom:link"`
	Items         []commentItem `xml:"item"`
}

type commentSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type commentItem struct {
	Title       string      `xml:"title"`
	Link        string      `xml:"link"`
	GUID        commentGUID `xml:"guid"`
	Description string      `xml:"description"`
	Creator     string      `xml:"dc:creator"`
	PubDate     string      `xml:"pubDate"`
}

type commentGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// commentFeed writes an RSS feed of comments. The body is the escaped HTML
// of the comment, as for the page; the name is text. No email, ever.
func (s *Server) commentFeed(title, link, self string, entries []store.CommentEntry) ([]byte, error) {
	ch := commentChannel{
		Title: title, Link: s.abs(link), Description: title, Language: s.view().site.Language, Generator: "Herald",
		Self: commentSelf{Href: s.abs(self), Rel: "self", Type: "application/rss+xml"},
	}
	for i, e := range entries {
		if i == 0 {
			ch.LastBuildDate = e.CreatedAt.In(s.view().loc).Format(time.RFC1123Z)
		}
		ch.Items = append(ch.Items, commentItem{
			Title:       "Comment by " + e.Name + " on “" + e.ArticleHeadline + "”",
			Link:        s.abs(news.ThreadPath(e.ArticlePath, e.ID)),
			GUID:        commentGUID{IsPermaLink: "true", Value: s.abs(news.ThreadPath(e.ArticlePath, e.ID))},
			Description: content.TextToHTML(e.Body),
			Creator:     e.Name,
			PubDate:     e.CreatedAt.In(s.view().loc).Format(time.RFC1123Z),
		})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(commentRSS{Version: "2.0", NSAtom: "http://www.w3.org/2005/Atom", NSDC: "http://purl.org/dc/elements/1.1/", Channel: ch}); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// siteFeed serves /comments/feed.xml: the newest comments on every story.
func (c *commentHandler) siteFeed(w http.ResponseWriter, r *http.Request) {
	s := c.s
	entries, err := s.store.RecentComments(r.Context(), commentFeedItems)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	depend(w, news.KeyComments, news.KeyListAll)
	for _, e := range entries {
		depend(w, news.ArticleKey(e.ArticleID))
	}
	b, err := s.commentFeed("Comments on "+s.view().site.Name, "/", "/comments/feed.xml", entries)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, "application/rss+xml; charset=utf-8", b)
}

// articleFeed serves /comments/{section}/{slug}/feed.xml: one story's
// comments.
func (c *commentHandler) articleFeed(w http.ResponseWriter, r *http.Request) {
	s := c.s
	ctx := r.Context()
	a, err := s.store.ArticleSummary(ctx, r.PathValue("section"), r.PathValue("slug"))
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	switch a.Status {
	case news.StatusPublished:
	case news.StatusWithdrawn:
		s.fail(w, r, news.ErrGone)
		return
	default:
		s.notFound(w, r)
		return
	}
	list, err := s.store.ApprovedComments(ctx, a.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	depend(w, news.CommentsKey(a.ID), news.ArticleKey(a.ID))
	entries := make([]store.CommentEntry, 0, min(len(list), commentFeedItems))
	for i := len(list) - 1; i >= 0 && len(entries) < commentFeedItems; i-- {
		entries = append(entries, store.CommentEntry{Comment: list[i], ArticlePath: a.Path(), ArticleHeadline: a.Headline})
	}
	b, err := s.commentFeed("Comments on “"+a.Headline+"”", a.Path(), "/comments"+a.Path()+"feed.xml", entries)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.respond(w, r, http.StatusOK, "application/rss+xml; charset=utf-8", b)
}

// avatar serves /comments/avatars/{id}.svg: a symmetric five-by-five
// pattern in a colour, both drawn from the keyed hash of the commenter's
// email, so that a commenter is recognisable without any outside service
// and without their address being guessable.
func (c *commentHandler) avatar(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(r.PathValue("file"), ".svg")
	raw, err := hex.DecodeString(id)
	if !ok || err != nil || len(raw) != 8 {
		c.s.notFound(w, r)
		return
	}
	hue := int(binary.BigEndian.Uint16(raw[:2])) % 360
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5 5" width="40" height="40" shape-rendering="crispEdges">`+
		`<rect width="5" height="5" fill="hsl(%d,35%%,92%%)"/><g fill="hsl(%d,55%%,38%%)">`, hue, hue)
	bits := binary.BigEndian.Uint64(raw)
	if bits>>16&(1<<15-1) == 0 {
		bits |= 0b010_111_010_111_010 << 16 // never a blank face
	}
	for y := 0; y < 5; y++ {
		for x := 0; x < 3; x++ {
			if bits>>(16+y*3+x)&1 == 1 {
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="1" height="1"/>`, x, y)
				if x < 2 {
					fmt.Fprintf(&b, `<rect x="%d" y="%d" width="1" height="1"/>`, 4-x, y)
				}
			}
		}
	}
	b.WriteString(`</g></svg>`)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	c.s.respond(w, r, http.StatusOK, "image/svg+xml", []byte(b.String()))
}
