// Package web is passionbot's web dashboard and community page: a third
// adapter beside the chat platforms. It turns the same bot.Command
// declarations into HTML forms and renders the same replies, cards and
// views (tables, charts, calendars) as HTML; a form sent goes through the
// core exactly as a chat message does (bot.Handler: the role check, the
// audit log, the rate limit, the handlers). Nothing here implements a
// command.
//
// Members sign in with a one-time link the bot gives them in chat
// (`dashboard`), so a web session is a chat identity (platform, id): the
// events it makes carry that platform, and the member's role is read
// fresh from the platform on every request (bot.Bot.Who), so a lost role
// or a revoked grant takes effect at once.
//
// The pages are server-rendered html/template with no script at all; a
// strict Content-Security-Policy allows only this server's own stylesheet,
// and nothing is loaded from anywhere else.
package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"passionbot/bot"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/style.css
var styleCSS []byte

// SessionIdle is how long a session lasts without a request.
const SessionIdle = 12 * time.Hour

// Identity is who a sign-in link or a session belongs to: a chat identity
// (Platform, ID, Name) and the page language.
type Identity struct {
	User bot.User
	Lang string
}

// Session is a signed-in browser.
type Session struct {
	Identity
	CSRF string
}

// ErrInvalid is what a Store answers for an unknown, used or expired link
// or session.
var ErrInvalid = errors.New("unknown, used or expired")

// Store keeps sign-in links and sessions; only hashes of their secrets
// (HashToken) reach it.
type Store interface {
	// UseLink consumes a sign-in link once; ErrInvalid when it is unknown,
	// used or expired.
	UseLink(ctx context.Context, hash string, now time.Time) (Identity, error)
	// Link says whose a usable link is without using it.
	Link(ctx context.Context, hash string, now time.Time) (Identity, error)
	CreateSession(ctx context.Context, hash string, s Session, now time.Time) error
	// Session returns a session used within idle (and records the use);
	// ErrInvalid otherwise.
	Session(ctx context.Context, hash string, now time.Time, idle time.Duration) (Session, error)
	EndSession(ctx context.Context, hash string) error
	// EndSessions ends every session of u.
	EndSessions(ctx context.Context, u bot.User) (int, error)
	SetLang(ctx context.Context, hash, lang string) error
}

// Core is what the adapter needs of the bot besides its Handler: the
// command declarations, the messages, and who a member is now.
type Core interface {
	Registry() *bot.Registry
	Catalog() *bot.Catalog
	Who(ctx context.Context, u bot.User) (bot.User, bot.Role, error)
}

// Options configure the adapter.
type Options struct {
	Store Store
	// Public draws the community page for anyone ([web] public); nil
	// turns it off.
	Public func(ctx context.Context, lang string) (PublicPage, error)
	// BaseURL is how members reach the server ([http] public_url); an
	// https URL makes the session cookie Secure.
	BaseURL     string
	Name        string // the community's or bot's name, for titles
	DefaultLang string
	Location    *time.Location
	// RequestsPerMinute bounds each signed-in browser (0: no limit).
	RequestsPerMinute int
	Logger            *slog.Logger
	Now               func() time.Time
}

// Adapter is the web dashboard.
type Adapter struct {
	core Core
	opt  Options
	tpl  *template.Template
	cat  *bot.Catalog // the pages' words
	log  *slog.Logger

	mu sync.RWMutex
	h  bot.Handler // set by Run

	limits *sessionLimits // requests per session
	public publicCache    // the community page's data
}

// New returns the adapter; Handler serves it once Run has started.
func New(core Core, opt Options) (*Adapter, error) {
	if opt.Store == nil {
		return nil, errors.New("web: no store")
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if !bot.ValidLang(opt.DefaultLang) {
		opt.DefaultLang = bot.LangSV
	}
	opt.BaseURL = strings.TrimSuffix(opt.BaseURL, "/")
	tpl, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	cat, err := bot.NewCatalog(messages())
	if err != nil {
		return nil, err
	}
	return &Adapter{core: core, opt: opt, tpl: tpl, cat: cat, log: opt.Logger, limits: newSessionLimits(opt.RequestsPerMinute)}, nil
}

// Platform names the adapter. Events it makes carry the member's own
// chat platform, never this one.
func (a *Adapter) Platform() bot.Platform { return "web" }

// Run hands the adapter's events to h until ctx ends; the HTTP server
// (Handler) is the program's.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	a.mu.Lock()
	a.h = h
	a.mu.Unlock()
	<-ctx.Done()
	a.mu.Lock()
	a.h = nil
	a.mu.Unlock()
	return nil
}

// Send refuses: the web has no channels the bot posts in.
func (a *Adapter) Send(context.Context, bot.Target, bot.Reply) (bot.MessageRef, error) {
	return bot.MessageRef{}, bot.Permanent(errors.New("the web dashboard has no channels"))
}

// RendersButtons: card buttons are forms that post their action.
func (a *Adapter) RendersButtons() {}

func (a *Adapter) handler() bot.Handler {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.h
}

// Handler serves the pages under /: the community page, sign-in, the
// dashboard and the generated forms.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.home)
	mux.HandleFunc("GET /static/style.css", serveStyle)
	// Browsers ask for an icon on every page; there is none to give.
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /signin", a.signinPage)
	mux.HandleFunc("POST /signin", a.signin)
	mux.HandleFunc("POST /signout", a.member(a.signout))
	mux.HandleFunc("POST /signout/all", a.member(a.signoutAll))
	mux.HandleFunc("POST /lang", a.setLang)
	mux.HandleFunc("GET /c", a.member(a.commandIndex))
	mux.HandleFunc("GET /c/{words...}", a.member(a.commandForm))
	mux.HandleFunc("POST /c/{words...}", a.member(a.commandRun))
	mux.HandleFunc("POST /action", a.member(a.action))
	mux.HandleFunc("POST /say", a.member(a.say))
	for _, p := range pages {
		mux.HandleFunc("GET "+p.Path, a.member(a.page(p)))
	}
	cop := http.NewCrossOriginProtection()
	return secure(limitBody(cop.Handler(mux)))
}

// maxForm is the largest form body read: the core reads at most 16 KiB
// of a message, and no form holds more than a few fields of text.
const maxForm = 64 << 10

// limitBody bounds what a POST may send (anyone may post to /signin) and
// takes only the forms the pages send: a multipart body would be spooled
// to memory and disk before any check.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
				http.Error(w, "forms only (application/x-www-form-urlencoded)", http.StatusUnsupportedMediaType)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxForm)
			if err := r.ParseForm(); err != nil {
				http.Error(w, "the form is too large", http.StatusRequestEntityTooLarge)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// secure sets the headers every answer carries: a strict CSP (this
// server's stylesheet and nothing else, no scripts, forms only to here),
// no framing, no sniffing, no Referer (a sign-in link's token must not
// leak), no caching of personal pages.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		if r.URL.Path != "/static/style.css" {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

func serveStyle(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(styleCSS)
}

var _ bot.Adapter = (*Adapter)(nil)
