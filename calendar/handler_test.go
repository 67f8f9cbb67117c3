package calendar_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/calendar"
	"passionbot/storage"
)

// memStore is an in-memory calendar.Store.
type memStore struct {
	meetups []storage.Meetup
	tokens  map[string]bot.User
	going   map[string][]int64 // user key → ids of meetups said yes or maybe to

	upcomingErr, tokenErr, memberErr error

	mu          sync.Mutex
	lookups     []string // tokens asked for
	limit       int
	from        time.Time
	memberCalls int
}

func (s *memStore) UpcomingMeetups(_ context.Context, from time.Time, limit int) ([]storage.Meetup, error) {
	s.mu.Lock()
	s.from, s.limit = from, limit
	s.mu.Unlock()
	if s.upcomingErr != nil {
		return nil, s.upcomingErr
	}
	return s.meetups, nil
}

func (s *memStore) MemberMeetups(_ context.Context, u bot.User, from time.Time) ([]storage.Meetup, error) {
	s.mu.Lock()
	s.from = from
	s.memberCalls++
	s.mu.Unlock()
	if s.memberErr != nil {
		return nil, s.memberErr
	}
	var out []storage.Meetup
	for _, id := range s.going[u.Key()] {
		for _, m := range s.meetups {
			if m.ID == id {
				out = append(out, m)
			}
		}
	}
	return out, nil
}

func (s *memStore) UserByCalendarToken(_ context.Context, token string) (bot.User, error) {
	s.mu.Lock()
	s.lookups = append(s.lookups, token)
	s.mu.Unlock()
	if s.tokenErr != nil {
		return bot.User{}, s.tokenErr
	}
	u, ok := s.tokens[token]
	if !ok {
		return bot.User{}, storage.ErrNotFound
	}
	return u, nil
}

var _ calendar.Store = (*memStore)(nil)
var _ calendar.Store = (*storage.DB)(nil)

const kimToken = "0123456789abcdef0123456789abcdef"

func newStore(loc *time.Location) *memStore {
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "42"}
	return &memStore{
		meetups: fixture(loc)[:2],
		tokens:  map[string]bot.User{kimToken: kim},
		going:   map[string][]int64{kim.Key(): {2}},
	}
}

type logBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestHandler(t *testing.T) {
	loc := stockholm(t)
	clock := func() time.Time { return fixedNow }
	boom := errors.New("database is locked")

	for _, c := range []struct {
		name, method, path string
		setup              func(s *memStore)
		status             int
		uids               []string // events in a 200 body
		body               string   // a text the body contains otherwise
		logged             string   // a text the log contains
		lookups            int      // token lookups expected
	}{
		{name: "public feed", method: "GET", path: "/calendar.ics", status: 200,
			uids: []string{"4f2a9c1e0b7d3a6e5c8f1a2b@passionbot", "9d8c7b6a5f4e3d2c1b0a9f8e@passionbot"}},
		{name: "public feed, HEAD", method: "HEAD", path: "/calendar.ics", status: 200},
		{name: "member feed", method: "GET", path: "/calendar/" + kimToken + ".ics", status: 200,
			uids: []string{"9d8c7b6a5f4e3d2c1b0a9f8e@passionbot"}, lookups: 1},
		{name: "member feed, HEAD", method: "HEAD", path: "/calendar/" + kimToken + ".ics", status: 200, lookups: 1},
		{name: "member feed, nothing planned", method: "GET", path: "/calendar/" + kimToken + ".ics", status: 200,
			setup: func(s *memStore) { s.going = nil }, uids: []string{}, lookups: 1},
		{name: "unknown token", method: "GET", path: "/calendar/ffffffffffffffffffffffffffffffff.ics", status: 404,
			body: "unknown calendar", lookups: 1},
		{name: "implausible token", method: "GET", path: "/calendar/a%20b.ics", status: 404, body: "unknown calendar"},
		{name: "empty token", method: "GET", path: "/calendar/.ics", status: 404, body: "unknown calendar"},
		{name: "overlong token", method: "GET", path: "/calendar/" + strings.Repeat("a", 129) + ".ics", status: 404},
		{name: "POST public", method: "POST", path: "/calendar.ics", status: 405},
		{name: "PUT member", method: "PUT", path: "/calendar/" + kimToken + ".ics", status: 405},
		{name: "DELETE member", method: "DELETE", path: "/calendar/" + kimToken + ".ics", status: 405},
		{name: "root", method: "GET", path: "/", status: 404},
		{name: "other", method: "GET", path: "/health", status: 404},
		{name: "no suffix", method: "GET", path: "/calendar", status: 404},
		{name: "folder", method: "GET", path: "/calendar/", status: 404},
		{name: "nested", method: "GET", path: "/calendar/a/" + kimToken + ".ics", status: 404},
		{name: "trailing", method: "GET", path: "/calendar.ics/x", status: 404},
		{name: "other suffix", method: "GET", path: "/calendar/" + kimToken + ".txt", status: 404},
		{name: "POST other path", method: "POST", path: "/health", status: 404},
		{name: "public store error", method: "GET", path: "/calendar.ics", status: 500,
			setup: func(s *memStore) { s.upcomingErr = boom }, body: "calendar unavailable", logged: boom.Error()},
		{name: "token store error", method: "GET", path: "/calendar/" + kimToken + ".ics", status: 500,
			setup: func(s *memStore) { s.tokenErr = boom }, body: "calendar unavailable", logged: boom.Error(), lookups: 1},
		{name: "member store error", method: "GET", path: "/calendar/" + kimToken + ".ics", status: 500,
			setup: func(s *memStore) { s.memberErr = boom }, body: "calendar unavailable", logged: boom.Error(), lookups: 1},
		{name: "wrapped not found", method: "GET", path: "/calendar/" + kimToken + ".ics", status: 404,
			setup: func(s *memStore) { s.tokenErr = errors.Join(errors.New("lookup"), storage.ErrNotFound) }, lookups: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			store := newStore(loc)
			if c.setup != nil {
				c.setup(store)
			}
			var logs logBuf
			h := calendar.Handler(store, "Passionbot", loc, clock, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
			res := rec.Result()
			body := rec.Body.String()

			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d; body %q", res.StatusCode, c.status, body)
			}
			if c.body != "" && !strings.Contains(body, c.body) {
				t.Errorf("body %q, want it to contain %q", body, c.body)
			}
			if c.logged != "" && !strings.Contains(logs.String(), c.logged) {
				t.Errorf("log %q, want %q in it", logs.String(), c.logged)
			}
			if strings.Contains(logs.String(), kimToken) {
				t.Errorf("the token was logged: %q", logs.String())
			}
			if len(store.lookups) != c.lookups {
				t.Errorf("%d token lookups, want %d", len(store.lookups), c.lookups)
			}
			if c.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", res.Header.Get("Allow"))
			}
			if c.status != 200 {
				return
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if !store.from.Equal(fixedNow) {
				t.Errorf("store asked from %v, want now %v", store.from, fixedNow)
			}
			personal := strings.HasPrefix(c.path, "/calendar/")
			if !personal && store.limit != 500 {
				t.Errorf("limit %d, want 500", store.limit)
			}
			if cc := res.Header.Get("Cache-Control"); personal != strings.Contains(cc, "private") {
				t.Errorf("Cache-Control = %q", cc)
			}
			n, err := strconv.Atoi(res.Header.Get("Content-Length"))
			if err != nil || n == 0 {
				t.Errorf("Content-Length = %q", res.Header.Get("Content-Length"))
			}
			if c.method == "HEAD" {
				if body != "" {
					t.Errorf("HEAD has a body")
				}
				return
			}
			if n != len(body) {
				t.Errorf("Content-Length %d, body %d", n, len(body))
			}
			lines(t, rec.Body.Bytes())
			cal := parse(t, rec.Body.Bytes())
			if v, _ := calProp(cal, "X-WR-CALNAME"); v != "Passionbot" {
				t.Errorf("X-WR-CALNAME = %q", v)
			}
			var got []string
			for _, ev := range cal.Events() {
				got = append(got, ev.Id())
			}
			if strings.Join(got, " ") != strings.Join(c.uids, " ") {
				t.Errorf("events %v, want %v", got, c.uids)
			}
		})
	}
}

// TestHandlerOverHTTP drives the handler through a real server and client,
// mounted the way the doc comment says.
func TestHandlerOverHTTP(t *testing.T) {
	loc := stockholm(t)
	mux := http.NewServeMux()
	h := calendar.Handler(newStore(loc), "Passionbot", loc, nil, nil)
	mux.Handle("/calendar.ics", h)
	mux.Handle("/calendar/", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, path := range []string{"/calendar.ics", "/calendar/" + kimToken + ".ics"} {
		get, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(get.Body)
		get.Body.Close()
		if err != nil || get.StatusCode != 200 || get.Header.Get("Content-Type") != calendar.ContentType {
			t.Fatalf("GET %s: %d %q %v", path, get.StatusCode, get.Header.Get("Content-Type"), err)
		}
		parse(t, body)
		head, err := http.Head(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		head.Body.Close()
		if head.StatusCode != 200 || head.ContentLength != int64(len(body)) {
			t.Errorf("HEAD %s: %d, length %d, want %d", path, head.StatusCode, head.ContentLength, len(body))
		}
	}
	res, err := http.Post(srv.URL+"/calendar.ics", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 405 {
		t.Errorf("POST: %d", res.StatusCode)
	}
}

func TestHandlerCancelledRequest(t *testing.T) {
	loc := stockholm(t)
	store := newStore(loc)
	store.upcomingErr = context.Canceled
	var logs logBuf
	h := calendar.Handler(store, "Passionbot", loc, nil, slog.New(slog.NewTextHandler(&logs, nil)))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/calendar.ics", nil))
	if rec.Code != 500 {
		t.Errorf("status %d", rec.Code)
	}
	if logs.String() != "" {
		t.Errorf("a request the client gave up on was logged above debug: %q", logs.String())
	}
}
