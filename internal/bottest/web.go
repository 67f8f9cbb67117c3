package bottest

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/config"
)

// Web serves the web dashboard (adapters/web, built by internal/app as the
// program builds it) over the harness's bot on a loopback test server. It
// returns the server's base URL.
// Build the harness WithWeb for `dashboard` to give links.
func (h *Harness) Web() string {
	h.t.Helper()
	dash, err := h.App.Web(h.Config, h.DB, nil, h.Clock.Now)
	if err != nil || dash == nil {
		h.t.Fatalf("web dashboard: %v", err)
	}
	srv := httptest.NewServer(dash.Handler())
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = dash.Run(ctx, h.Bot); close(done) }()
	h.t.Cleanup(func() { srv.Close(); stop(); <-done })
	waitRunning(h.t, srv.URL)
	return srv.URL
}

// waitRunning waits until the adapter's Run has handed it the bot (a
// member's page is then served, not 503).
func waitRunning(t testing.TB, base string) {
	t.Helper()
	for range 200 {
		resp, err := http.Get(base + "/static/style.css")
		if err == nil {
			resp.Body.Close()
			return
		}
	}
}

// linkRE finds a sign-in link's token in the bot's reply.
var linkRE = regexp.MustCompile(`/signin\?t=([A-Za-z0-9_-]+)`)

// SignInLink has u write `dashboard` and returns the sign-in token the
// bot's private reply holds.
func (h *Harness) SignInLink(u bot.User) string {
	h.t.Helper()
	reply := h.Say(u, "dashboard")
	m := linkRE.FindStringSubmatch(reply)
	if m == nil {
		h.t.Fatalf("no sign-in link in the reply to dashboard: %q", reply)
	}
	return m[1]
}

// Browser is a member's browser on the dashboard: a cookie jar and the
// page's CSRF token.
type Browser struct {
	t      testing.TB
	Base   string
	Client *http.Client
}

// NewBrowser returns a browser without a session.
func NewBrowser(t testing.TB, base string) *Browser {
	jar, _ := cookiejar.New(nil)
	return &Browser{t: t, Base: base, Client: &http.Client{Jar: jar}}
}

// SignIn signs u in through a link the bot gave them and returns their
// browser.
func (h *Harness) SignIn(base string, u bot.User) *Browser {
	h.t.Helper()
	b := NewBrowser(h.t, base)
	if code, body := b.Post("/signin", url.Values{"t": {h.SignInLink(u)}}); code != http.StatusOK {
		h.t.Fatalf("sign in: %d %s", code, body)
	}
	return b
}

// Get fetches a page: its status and body.
func (b *Browser) Get(path string) (int, string) {
	b.t.Helper()
	resp, err := b.Client.Get(b.Base + path)
	if err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	return readBody(b.t, resp)
}

// Post sends a form as is (add "csrf" yourself, or use Submit).
func (b *Browser) Post(path string, form url.Values) (int, string) {
	b.t.Helper()
	resp, err := b.Client.PostForm(b.Base+path, form)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	return readBody(b.t, resp)
}

// csrfRE reads a page's CSRF token from its forms.
var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// CSRF returns the CSRF token of the member's session, read from the
// dashboard's start page.
func (b *Browser) CSRF() string {
	b.t.Helper()
	_, body := b.Get("/")
	m := csrfRE.FindStringSubmatch(body)
	if m == nil || m[1] == "" {
		b.t.Fatalf("no CSRF token on the start page")
	}
	return m[1]
}

// Submit posts a form with the session's CSRF token.
func (b *Browser) Submit(path string, form url.Values) (int, string) {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", b.CSRF())
	return b.Post(path, form)
}

func readBody(t testing.TB, resp *http.Response) (int, string) {
	t.Helper()
	defer resp.Body.Close()
	var sb strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, sb.String()
}

// WithWeb configures the web dashboard ([http] listen, [web] enabled and
// public), so that `dashboard` gives sign-in links; serve it with Web.
// The per-browser request limit is off, as the command limit is, unless
// a later WithConfig sets [web] requests_per_minute.
func WithWeb(public bool) Option {
	return WithConfig(func(c *config.Config) {
		c.HTTP.Listen, c.Web.Enabled, c.Web.Public, c.Web.RequestsPerMinute = "127.0.0.1:0", true, public, 0
	})
}
