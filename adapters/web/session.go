package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"passionbot/internal/token"
	"strings"

	"passionbot/bot"
)

// cookieName is the session cookie.
const cookieName = "passionbot_session"

// visitor is who asks: signed in (Session set, with their facts and role
// read from the platform for this request) or not.
type visitor struct {
	lang     string
	signedIn bool
	hash     string // the session id's hash
	session  Session
	user     bot.User // fresh facts
	role     bot.Role
}

// visitor reads the session cookie and, when it names a live session,
// the member's facts and role as they are now. A member who has left the
// community is signed out.
func (a *Adapter) visitor(r *http.Request) (visitor, error) {
	v := visitor{lang: a.browserLang(r)}
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return v, nil
	}
	ctx := r.Context()
	v.hash = token.Hash(c.Value)
	s, err := a.opt.Store.Session(ctx, v.hash, a.opt.Now(), SessionIdle)
	if errors.Is(err, ErrInvalid) {
		return v, nil
	}
	if err != nil {
		return v, err
	}
	if !a.limits.allow(v.hash, a.opt.Now()) {
		return v, errTooFast
	}
	user, role, err := a.core.Who(ctx, s.User)
	if errors.Is(err, bot.ErrNoSuchMember) {
		// Not in the community any more: no dashboard either.
		_ = a.opt.Store.EndSession(ctx, v.hash)
		return visitor{lang: v.lang}, nil
	}
	if err != nil {
		return v, err
	}
	v.signedIn, v.session, v.user, v.role = true, s, user, role
	if user.Name == "" {
		v.user.Name = s.User.Name
	}
	if bot.ValidLang(s.Lang) {
		v.lang = s.Lang
	}
	return v, nil
}

// errTooFast is a session over its request limit (limit.go).
var errTooFast = errors.New("too many requests from this session")

// visitorFailed answers a request whose visitor could not be read: 429
// for a session over its limit, 503 for anything else.
func (a *Adapter) visitorFailed(w http.ResponseWriter, r *http.Request, v visitor, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, errTooFast):
		w.Header().Set("Retry-After", "5")
		a.message(w, r, v, http.StatusTooManyRequests, "web.too_fast")
	default:
		a.log.ErrorContext(r.Context(), "web: reading the session", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
	}
	return true
}

// browserLang is the page language for a visitor who is not signed in:
// ?lang=, else the first of Accept-Language we speak, else the
// community's.
func (a *Adapter) browserLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); bot.ValidLang(l) {
		return l
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		if len(tag) >= 2 && bot.ValidLang(tag[:2]) {
			return tag[:2]
		}
	}
	return a.opt.DefaultLang
}

// member wraps a handler for signed-in members: others get the sign-in
// explanation (401); every POST must carry the session's CSRF token.
func (a *Adapter) member(next func(http.ResponseWriter, *http.Request, visitor)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := a.visitor(r)
		if a.visitorFailed(w, r, v, err) {
			return
		}
		if !v.signedIn {
			a.message(w, r, v, http.StatusUnauthorized, "web.signin_needed")
			return
		}

		if r.Method == http.MethodPost && !a.csrfOK(r, v) {
			a.message(w, r, v, http.StatusForbidden, "web.csrf")
			return
		}
		next(w, r, v)
	}
}

// csrfOK checks the form's csrf field against the session's token.
func (a *Adapter) csrfOK(r *http.Request, v visitor) bool {
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(v.session.CSRF)) == 1
}

// signinPage shows a button that signs in: the link itself changes
// nothing on GET, so that a chat platform's link preview cannot use it up.
func (a *Adapter) signinPage(w http.ResponseWriter, r *http.Request) {
	v := visitor{lang: a.browserLang(r)}
	t := r.URL.Query().Get("t")
	if t == "" {
		a.message(w, r, v, http.StatusBadRequest, "web.link_invalid")
		return
	}
	id, err := a.opt.Store.Link(r.Context(), token.Hash(t), a.opt.Now())
	switch {
	case errors.Is(err, ErrInvalid):
		a.message(w, r, v, http.StatusForbidden, "web.link_invalid")
		return
	case err != nil:
		a.log.ErrorContext(r.Context(), "web: reading a sign-in link", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	if bot.ValidLang(id.Lang) && !bot.ValidLang(r.URL.Query().Get("lang")) {
		v.lang = id.Lang // the language the member asked for the link in, unless they switched
	}
	// The page names whose link it is, so that nobody signs in as someone
	// else by following a link they were sent.
	who := a.t(v.lang, "web.signin_as", id.User.Name, a.core.Catalog().T(v.lang, "platform."+string(id.User.Platform)))
	a.render(w, r, http.StatusOK, "signin", a.pageData(r, v, a.t(v.lang, "web.signin_title"), map[string]any{"Token": t, "Who": who}))
}

// signin uses a link once and starts a session bound to its identity.
func (a *Adapter) signin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := visitor{lang: a.browserLang(r)}
	t := r.PostFormValue("t")
	id, err := a.opt.Store.UseLink(ctx, token.Hash(t), a.opt.Now())
	switch {
	case t == "" || errors.Is(err, ErrInvalid):
		a.message(w, r, v, http.StatusForbidden, "web.link_invalid")
		return
	case err != nil:
		a.log.ErrorContext(ctx, "web: using a sign-in link", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	if _, _, err := a.core.Who(ctx, id.User); err != nil {
		a.log.InfoContext(ctx, "web: sign-in refused", "user", id.User.Key(), "err", err)
		a.message(w, r, v, http.StatusForbidden, "web.not_member")
		return
	}
	sid, err1 := token.New()
	csrf, err2 := token.New()
	if err := errors.Join(err1, err2); err != nil {
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	if err := a.opt.Store.CreateSession(ctx, token.Hash(sid), Session{Identity: id, CSRF: csrf}, a.opt.Now()); err != nil {
		a.log.ErrorContext(ctx, "web: creating a session", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	a.log.InfoContext(ctx, "web: signed in", "user", id.User.Key())
	http.SetCookie(w, a.cookie(sid, 0))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// cookie is the session cookie: HttpOnly, SameSite=Lax, Secure behind
// https. maxAge < 0 deletes it.
func (a *Adapter) cookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: cookieName, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: strings.HasPrefix(a.opt.BaseURL, "https://"), MaxAge: maxAge}
}

func (a *Adapter) signout(w http.ResponseWriter, r *http.Request, v visitor) {
	if err := a.opt.Store.EndSession(r.Context(), v.hash); err != nil {
		a.log.ErrorContext(r.Context(), "web: signing out", "err", err)
	}
	http.SetCookie(w, a.cookie("", -1))
	a.message(w, r, visitor{lang: v.lang}, http.StatusOK, "web.signed_out")
}

func (a *Adapter) signoutAll(w http.ResponseWriter, r *http.Request, v visitor) {
	n, err := a.opt.Store.EndSessions(r.Context(), v.session.User)
	if err != nil {
		a.log.ErrorContext(r.Context(), "web: signing out everywhere", "err", err)
		a.message(w, r, v, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	http.SetCookie(w, a.cookie("", -1))
	a.render(w, r, http.StatusOK, "message", a.pageData(r, visitor{lang: v.lang}, a.t(v.lang, "web.signed_out_title"),
		map[string]any{"Text": markup(a.tn(v.lang, "web.signed_out_all", n, n))}))
}

// setLang changes the page language: the session's for a member, ?lang=
// for anyone else, and returns to the page the button was on (a path on
// this server only: never an address elsewhere).
func (a *Adapter) setLang(w http.ResponseWriter, r *http.Request) {
	lang := r.PostFormValue("lang")
	if !bot.ValidLang(lang) {
		lang = a.opt.DefaultLang
	}
	back, err := url.Parse(r.PostFormValue("back"))
	if err != nil || !strings.HasPrefix(back.Path, "/") || back.Host != "" || back.Scheme != "" || strings.HasPrefix(back.Path, "//") || strings.ContainsAny(back.Path, "\\") {
		back = &url.URL{Path: "/"}
	}
	q := back.Query()
	v, err := a.visitor(r)
	if err == nil && v.signedIn {
		if !a.csrfOK(r, v) {
			a.message(w, r, v, http.StatusForbidden, "web.csrf")
			return
		}
		if err := a.opt.Store.SetLang(r.Context(), v.hash, lang); err != nil {
			a.log.ErrorContext(r.Context(), "web: setting the language", "err", err)
		}
		q.Del("lang")
	} else {
		q.Set("lang", lang)
	}
	back.RawQuery = q.Encode()
	http.Redirect(w, r, back.RequestURI(), http.StatusSeeOther)
}

// requestCtx keeps the request's values but not its cancellation: a
// command a member sent finishes even when the browser goes away.
func requestCtx(r *http.Request) context.Context { return context.WithoutCancel(r.Context()) }
