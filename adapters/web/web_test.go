package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/config"
	"passionbot/internal/bottest"
)

// TestSignInAndRunAFormThroughTheCore: a member gets a link in chat,
// signs in once, and a form sent from the page goes through the core: the
// reply is the one chat gives, the meetup exists in chat afterwards.
func TestSignInAndRunAFormThroughTheCore(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	org := h.Member("org1", bot.RoleMember)
	h.Outbox.SetMember(bot.User{ID: "org1", Name: "Olle", Role: bot.RoleOrganiser})
	org.Role = bot.RoleOrganiser

	token := h.SignInLink(org)
	b := bottest.NewBrowser(t, base)
	// The link itself changes nothing (a link preview cannot use it up).
	if code, body := b.Get("/signin?t=" + token); code != http.StatusOK || !strings.Contains(body, `action="/signin"`) {
		t.Fatalf("GET /signin: %d %s", code, body)
	}
	if code, body := b.Post("/signin", url.Values{"t": {token}}); code != http.StatusOK || !strings.Contains(body, "Olle") {
		t.Fatalf("sign in: %d %s", code, body)
	}
	// Used once: a second browser is refused.
	if code, body := bottest.NewBrowser(t, base).Post("/signin", url.Values{"t": {token}}); code != http.StatusForbidden || !strings.Contains(body, "redan använd") {
		t.Fatalf("reused link: %d %s", code, body)
	}

	code, body := b.Get("/c/meetup/create")
	if code != http.StatusOK || !strings.Contains(body, `name="title"`) || !strings.Contains(body, "titel") {
		t.Fatalf("meetup create form: %d %s", code, body)
	}
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	code, body = b.Submit("/c/meetup/create", url.Values{"title": {"Keramikkväll"}, "when": {when}, "where": {"Ateljén"}})
	if code != http.StatusOK || !strings.Contains(body, "Keramikkväll") {
		t.Fatalf("meetup create: %d %s", code, body)
	}
	if list := h.Say(org, "meetup list"); !strings.Contains(list, "Keramikkväll") {
		t.Fatalf("the meetup made on the web is not in chat: %q", list)
	}
	code, body = b.Get("/meetups")
	if code != http.StatusOK || !strings.Contains(body, "Keramikkväll") || !strings.Contains(body, `class="calendar"`) {
		t.Fatalf("meetups page: %d %s", code, body)
	}
}

// TestCSRFAndRoles: a POST without the session's CSRF token is refused; a
// member gets 403 on organiser pages; a lost platform role takes effect on
// the next request.
func TestCSRFAndRoles(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	h.Outbox.SetMember(bot.User{ID: "o", Name: "Olga", Role: bot.RoleOrganiser})
	org := h.Member("o", bot.RoleOrganiser)
	b := h.SignIn(base, org)
	if code, _ := b.Post("/c/interests/add", url.Values{"tags": {"keramik"}}); code != http.StatusForbidden {
		t.Fatalf("POST without CSRF: %d", code)
	}
	if code, _ := b.Get("/announcements"); code != http.StatusOK {
		t.Fatalf("organiser on /announcements: %d", code)
	}
	h.Outbox.SetMember(bot.User{ID: "o", Name: "Olga", Role: bot.RoleMember})
	if code, body := b.Get("/announcements"); code != http.StatusForbidden || !strings.Contains(body, "kräver rollen") {
		t.Fatalf("after losing the role: %d %s", code, body)
	}
	h.Outbox.Leave("o")
	if code, _ := b.Get("/meetups"); code != http.StatusUnauthorized {
		t.Fatalf("after leaving the community: %d", code)
	}
}

// TestExpiredLink: a link older than 10 minutes is refused.
func TestExpiredLink(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	token := h.SignInLink(h.Member("m", bot.RoleMember))
	h.Clock.Advance(11 * time.Minute)
	if code, body := bottest.NewBrowser(t, base).Post("/signin", url.Values{"t": {token}}); code != http.StatusForbidden || !strings.Contains(body, "10 minuter") {
		t.Fatalf("expired link: %d %s", code, body)
	}
}

// TestCommunityPageIsReusedForHalfAMinute: anyone may load the community
// page as often as they like; its data is read at most every 30 seconds,
// so a new meetup shows up within half a minute.
func TestCommunityPageIsReusedForHalfAMinute(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(true))
	base := h.Web()
	stranger := bottest.NewBrowser(t, base)
	if code, body := stranger.Get("/"); code != http.StatusOK || strings.Contains(body, "Glasblåsning") {
		t.Fatalf("community page: %d", code)
	}
	org := h.Member("o", bot.RoleOrganiser)
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	h.Say(org, `meetup create title:"Glasblåsning" when:"`+when+`"`)
	if _, body := stranger.Get("/"); strings.Contains(body, "Glasblåsning") {
		t.Fatal("the community page was read again at once")
	}
	h.Clock.Advance(31 * time.Second)
	if _, body := stranger.Get("/"); !strings.Contains(body, "Glasblåsning") {
		t.Fatal("the new meetup is not on the community page after 30 seconds")
	}
}

// TestHostileRequests: bodies are forms of at most 64 KiB (anyone may
// post to /signin), a session's requests are limited, and a page view
// is no answer to what the bot asked the member in chat.
func TestHostileRequests(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false), bottest.WithConfig(func(c *config.Config) { c.Web.RequestsPerMinute = 60 }))
	base := h.Web()
	resp, err := http.Post(base+"/signin", "multipart/form-data; boundary=x", strings.NewReader("--x--"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Fatalf("multipart sign-in: %d", resp.StatusCode)
	}
	if code, _ := bottest.NewBrowser(t, base).Post("/signin", url.Values{"t": {strings.Repeat("a", 100<<10)}}); code != http.StatusRequestEntityTooLarge {
		t.Fatalf("a 100 KiB form: %d", code)
	}

	m := h.Member("m", bot.RoleMember)
	b := h.SignIn(base, m)
	// The member was asked to confirm in chat (a DM); a page drawn in
	// between does not answer it, so their "ja" still does.
	h.Say(m, "interests add keramik")
	if ask := h.Say(m, "mydata delete"); !strings.Contains(ask, "ja") {
		t.Fatalf("mydata delete asks: %q", ask)
	}
	if code, _ := b.Get("/meetups"); code != http.StatusOK {
		t.Fatalf("/meetups: %d", code)
	}
	if got := h.Say(m, "ja"); strings.Contains(got, "väntar inte") {
		t.Fatalf("the page view took the pending question: %q", got)
	}

	b = h.SignIn(base, h.Member("n", bot.RoleMember))
	limited := false
	for range 40 {
		if code, body := b.Get("/meetups"); code == http.StatusTooManyRequests {
			limited = strings.Contains(body, "Vänta några sekunder")
			break
		}
	}
	if !limited {
		t.Fatal("40 pages at once were not limited")
	}
	h.Clock.Advance(time.Minute)
	if code, _ := b.Get("/meetups"); code != http.StatusOK {
		t.Fatalf("after a minute: %d", code)
	}
}

// TestLanguageButtonReturnsToThePage: the language button brings the
// member back to the page it was on (the sign-in page keeps its link), in
// the other language, and never to an address elsewhere.
func TestLanguageButtonReturnsToThePage(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	token := h.SignInLink(h.Member("kim", bot.RoleMember))
	b := bottest.NewBrowser(t, base)
	code, body := b.Post("/lang", url.Values{"lang": {"en"}, "back": {"/signin?t=" + token}})
	if code != http.StatusOK || !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "The link signs in as kim") {
		t.Fatalf("the sign-in page in English: %d %s", code, body)
	}
	for _, back := range []string{"https://evil.example/", "//evil.example/x", `/\evil.example`, "javascript:alert(1)"} {
		noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := noFollow.PostForm(base+"/lang", url.Values{"lang": {"en"}, "back": {back}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); loc != "/?lang=en" {
			t.Errorf("back=%q: redirected to %q", back, loc)
		}
	}
	m := h.SignIn(base, h.Member("moa", bot.RoleMember))
	if code, body := m.Submit("/lang", url.Values{"lang": {"en"}, "back": {"/meetups"}}); code != http.StatusOK || !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "<h1>Meetups</h1>") {
		t.Fatalf("a member's language button: %d", code)
	}
}
