package calendar

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// FeedLimit is the most meetups the public feed lists.
const FeedLimit = 500

// maxTokenLen bounds the token in a feed URL; longer ones are unknown
// without asking the store.
const maxTokenLen = 128

// Store is what the feeds read. *storage.DB satisfies it.
type Store interface {
	// UpcomingMeetups lists scheduled meetups that have not ended by from,
	// soonest first, at most limit.
	UpcomingMeetups(ctx context.Context, from time.Time, limit int) ([]storage.Meetup, error)
	// MemberMeetups lists the upcoming meetups u said yes or maybe to.
	MemberMeetups(ctx context.Context, u bot.User, from time.Time) ([]storage.Meetup, error)
	// UserByCalendarToken finds the member a feed token belongs to, or
	// returns storage.ErrNotFound.
	UserByCalendarToken(ctx context.Context, token string) (bot.User, error)
}

// Handler serves the calendar feeds:
//
//	GET /calendar.ics          every upcoming meetup (at most FeedLimit)
//	GET /calendar/<token>.ics  the meetups the token's member said yes or maybe to
//
// HEAD works like GET without the body; other methods get 405 and other
// paths 404. An unknown token is a 404; a store failure is a 500 with a
// short text, and is logged. Tokens are looked up only through the store and
// never logged, and the private feed is sent with Cache-Control: private,
// no-store.
//
// The handler matches the whole request path, so mount it at the server
// root for both routes (mux.Handle("/calendar.ics", h) and
// mux.Handle("/calendar/", h)), without http.StripPrefix. name is the
// calendar's display name, loc the zone times are written in, now the clock
// (nil: time.Now) and log the logger (nil: discard).
func Handler(store Store, name string, loc *time.Location, now func() time.Time, log *slog.Logger) http.Handler {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if loc == nil {
		loc = time.UTC
	}
	return &handler{store: store, name: name, loc: loc, now: now, log: log}
}

type handler struct {
	store Store
	name  string
	loc   *time.Location
	now   func() time.Time
	log   *slog.Logger
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token, personal, ok := route(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	ctx := r.Context()
	now := h.now()
	feed := "public"
	var meetups []storage.Meetup
	var err error
	if personal {
		feed = "personal"
		meetups, err = h.memberMeetups(ctx, token, now)
		if errors.Is(err, storage.ErrNotFound) {
			http.Error(w, "unknown calendar", http.StatusNotFound)
			return
		}
	} else {
		meetups, err = h.store.UpcomingMeetups(ctx, now, FeedLimit)
	}
	if err != nil {
		h.fail(ctx, w, feed, err)
		return
	}
	body, err := marshal(h.name, meetups, h.loc, now)
	if err != nil {
		h.fail(ctx, w, feed, err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", ContentType)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	hd.Set("X-Content-Type-Options", "nosniff")
	if personal {
		hd.Set("Cache-Control", "private, no-store")
	} else {
		hd.Set("Cache-Control", "public, max-age=300")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if _, err := w.Write(body); err != nil {
		h.log.DebugContext(ctx, "calendar feed: write", "feed", feed, "err", err)
	}
}

// memberMeetups resolves a token to its member's meetups; an unknown token
// is storage.ErrNotFound.
func (h *handler) memberMeetups(ctx context.Context, token string, now time.Time) ([]storage.Meetup, error) {
	if !plausibleToken(token) {
		return nil, storage.ErrNotFound
	}
	u, err := h.store.UserByCalendarToken(ctx, token)
	if err != nil {
		return nil, err // storage.ErrNotFound passes through for the 404
	}
	return h.store.MemberMeetups(ctx, u, now)
}

// fail answers 500 and logs err; a request the client gave up on is only
// worth a debug line.
func (h *handler) fail(ctx context.Context, w http.ResponseWriter, feed string, err error) {
	level := slog.LevelError
	if errors.Is(err, context.Canceled) {
		level = slog.LevelDebug
	}
	h.log.Log(ctx, level, "calendar feed failed", "feed", feed, "err", err)
	http.Error(w, "calendar unavailable", http.StatusInternalServerError)
}

// route parses a request path: "/calendar.ics" is the public feed,
// "/calendar/<token>.ics" a member's.
func route(path string) (token string, personal, ok bool) {
	if path == "/calendar.ics" {
		return "", false, true
	}
	rest, found := strings.CutPrefix(path, "/calendar/")
	if !found {
		return "", false, false
	}
	token, found = strings.CutSuffix(rest, ".ics")
	if !found || strings.Contains(token, "/") {
		return "", false, false
	}
	return token, true, true
}

// plausibleToken reports whether s could be a feed token (the store makes
// hex ones); anything else is unknown without a lookup.
func plausibleToken(s string) bool {
	if s == "" || len(s) > maxTokenLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
