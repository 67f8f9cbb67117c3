package commands_test

import (
	"context"
	"errors"
	"passionbot/internal/token"
	"regexp"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/config"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// webOn serves the dashboard at https://bot.example.se (nothing listens:
// the harness builds the bot, not the HTTP endpoint).
func webOn(c *config.Config) {
	c.HTTP.Listen, c.HTTP.PublicURL = "127.0.0.1:8089", "https://bot.example.se"
}

var signInLink = regexp.MustCompile(`https://bot\.example\.se/signin\?t=([A-Za-z0-9_-]+)`)

// linkToken returns the token of the one sign-in link in text.
func linkToken(t *testing.T, text string) string {
	t.Helper()
	m := signInLink.FindAllStringSubmatch(text, -1)
	if len(m) != 1 || len(m[0][1]) != 22 { // 128 bits in base64url without padding
		t.Fatalf("want one sign-in link with a 128-bit token in %q", text)
	}
	return m[0][1]
}

func TestDashboardLinkIsPrivateAndSignsInOnce(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	h := bottest.New(t, bottest.WithConfig(webOn), bottest.At(t0))
	kim := h.Member("kim", bot.RoleMember)
	kim.Name = "Kim Svensson"

	// Asked in a channel where replies cannot be hidden: the link goes by
	// DM, the channel hears only that it did.
	public := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "general"}, Text: "dashboard", Addressed: true})
	if got := public.Text(); strings.Contains(got, "signin") || !strings.Contains(got, "DM") {
		t.Fatalf("in the channel: %q", got)
	}
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "kim" {
		t.Fatalf("DM = %+v", sent)
	}
	dm := sent[0].Reply.Text
	tok := linkToken(t, dm)
	if !strings.Contains(dm, "en gång, inom 10 minuter") || !strings.Contains(dm, "dela den inte") {
		t.Fatalf("the DM does not say the link works once for 10 minutes and is not to be shared: %q", dm)
	}

	// Where the platform answers privately (a slash command): ephemeral.
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "general"}, Text: "webb", Addressed: true, PrivateReplies: true})
	if len(c.Replies) != 1 || !c.Replies[0].Private || !c.Replies[0].Ephemeral {
		t.Fatalf("reply = %+v, want one private, ephemeral reply", c.Replies)
	}
	second := linkToken(t, c.Text())
	if second == tok {
		t.Fatal("two links with the same token")
	}
	if len(h.Outbox.Sent()) != 1 {
		t.Fatalf("the ephemeral reply also went by DM: %+v", h.Outbox.Sent())
	}

	// The link signs in as kim on this platform, once.
	id, err := h.DB.UseSignInLink(ctx, token.Hash(tok), h.Clock.Now())
	if err != nil || id.User.Platform != bot.PlatformConsole || id.User.ID != "kim" || id.User.Name != "Kim Svensson" || id.Lang != "sv" {
		t.Fatalf("used link = %+v, %v", id, err)
	}
	if _, err := h.DB.UseSignInLink(ctx, token.Hash(tok), h.Clock.Now()); !errors.Is(err, storage.ErrLinkInvalid) {
		t.Fatalf("second use: %v, want ErrLinkInvalid", err)
	}
	if _, err := h.DB.UseSignInLink(ctx, tok, h.Clock.Now()); !errors.Is(err, storage.ErrLinkInvalid) {
		t.Fatalf("the token itself is stored: %v", err)
	}
}

func TestDashboardLinkIsRefusedAfterTenMinutes(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.WithConfig(webOn), bottest.At(time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)))
	kim := h.Member("kim", bot.RoleMember)
	late, onTime := linkToken(t, h.Say(kim, "dashboard")), linkToken(t, h.Say(kim, "dashboard"))
	h.Advance(10*time.Minute - time.Second)
	if _, err := h.DB.UseSignInLink(ctx, token.Hash(onTime), h.Clock.Now()); err != nil {
		t.Fatalf("used within 10 minutes: %v", err)
	}
	h.Advance(time.Second)
	if _, err := h.DB.UseSignInLink(ctx, token.Hash(late), h.Clock.Now()); !errors.Is(err, storage.ErrLinkInvalid) {
		t.Fatalf("used after 10 minutes: %v, want ErrLinkInvalid", err)
	}
}

func TestDashboardInEnglish(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.WithConfig(webOn))
	kim := h.Member("kim", bot.RoleMember)
	got := h.SayIn(kim, "en", "dashboard")
	tok := linkToken(t, got)
	if !strings.Contains(got, "works once, within 10 minutes") || !strings.Contains(got, "do not share") {
		t.Fatalf("English link reply: %q", got)
	}
	// The page speaks the language the member was answered in.
	if id, err := h.DB.UseSignInLink(ctx, token.Hash(tok), h.Clock.Now()); err != nil || id.Lang != "en" {
		t.Fatalf("identity = %+v, %v; want English", id, err)
	}
}

func TestDashboardLogoutEndsEverySession(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.WithConfig(webOn))
	kim, bo := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember)
	now := h.Clock.Now()
	session := func(u bot.User, id string) string {
		t.Helper()
		h.Say(u, "hej") // seen
		hash := token.Hash(id)
		if err := h.DB.CreateWebSession(ctx, hash, storage.WebSession{WebIdentity: storage.WebIdentity{User: u, Lang: "sv"}, CSRF: "c", Created: now}); err != nil {
			t.Fatal(err)
		}
		return hash
	}
	phone, laptop, bos := session(kim, "kim-phone"), session(kim, "kim-laptop"), session(bo, "bo-phone")
	unused := linkToken(t, h.Say(kim, "dashboard"))

	if got := h.Say(kim, "dashboard logout"); !strings.Contains(got, "Utloggad från 2 webbsessioner.") {
		t.Fatalf("logout: %q", got)
	}
	for _, s := range []string{phone, laptop} {
		if _, err := h.DB.WebSession(ctx, s, now, storage.WebSessionIdle); !errors.Is(err, storage.ErrNoSession) {
			t.Fatalf("kim's session after logout: %v", err)
		}
	}
	if _, err := h.DB.UseSignInLink(ctx, token.Hash(unused), now); !errors.Is(err, storage.ErrLinkInvalid) {
		t.Fatalf("kim's unused link after logout: %v", err)
	}
	if _, err := h.DB.WebSession(ctx, bos, now, storage.WebSessionIdle); err != nil {
		t.Fatalf("bo's session after kim's logout: %v", err)
	}

	if got := h.Say(kim, "webb logga ut"); !strings.Contains(got, "inte inloggad på webbpanelen") {
		t.Fatalf("logout with no sessions: %q", got)
	}
	session(kim, "kim-tablet")
	if got := h.SayIn(kim, "en", "dashboard logout"); !strings.Contains(got, "Signed out of 1 web session.") {
		t.Fatalf("English logout of one: %q", got)
	}
	if got := h.SayIn(kim, "en", "dashboard logout"); !strings.Contains(got, "not signed in to the web dashboard anywhere") {
		t.Fatalf("English logout of none: %q", got)
	}
	if got := h.Say(bo, "webb logga ut"); !strings.Contains(got, "Utloggad från 1 webbsession.") {
		t.Fatalf("bo's logout: %q", got)
	}
}

func TestDashboardIsOffWithoutTheWebEndpoint(t *testing.T) {
	for name, cfg := range map[string]func(*config.Config){
		"no [http] listen": func(*config.Config) {},
		"[web] enabled = false": func(c *config.Config) {
			webOn(c)
			c.Web.Enabled = false
		},
	} {
		t.Run(name, func(t *testing.T) {
			h := bottest.New(t, bottest.WithConfig(cfg))
			kim := h.Member("kim", bot.RoleMember)
			if got := h.Say(kim, "dashboard"); !strings.Contains(got, "Webbpanelen är avstängd") || !strings.Contains(got, "`listen` under `[http]`") || strings.Contains(got, "signin") {
				t.Fatalf("Swedish: %q", got)
			}
			if got := h.SayIn(kim, "en", "dashboard"); !strings.Contains(got, "The web dashboard is off") || !strings.Contains(got, "`enabled = true` under `[web]`") {
				t.Fatalf("English: %q", got)
			}
			var n int
			h.DB.SQL().QueryRow("SELECT count(*) FROM web_links").Scan(&n)
			if n != 0 {
				t.Fatalf("%d links stored while the dashboard is off", n)
			}
		})
	}
}

// The nightly retention deletes expired links and sessions idle for more
// than 12 hours; the rest stay.
func TestRetentionDeletesExpiredLinksAndIdleSessions(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC) // the retention runs at 04:45 Stockholm time
	h := bottest.New(t, bottest.WithConfig(webOn), bottest.At(t0))
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "dashboard")
	for _, id := range []string{"idle", "fresh"} {
		if err := h.DB.CreateWebSession(ctx, token.Hash(id), storage.WebSession{WebIdentity: storage.WebIdentity{User: kim, Lang: "sv"}, CSRF: "c", Created: t0}); err != nil {
			t.Fatal(err)
		}
	}
	h.Advance(14 * time.Hour) // 02:00 Stockholm
	if _, err := h.DB.WebSession(ctx, token.Hash("fresh"), h.Clock.Now(), 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	h.Advance(3 * time.Hour) // past 04:45
	var links, sessions int
	h.DB.SQL().QueryRow("SELECT count(*) FROM web_links").Scan(&links)
	h.DB.SQL().QueryRow("SELECT count(*) FROM web_sessions").Scan(&sessions)
	if links != 0 || sessions != 1 {
		t.Fatalf("after the nightly retention: %d links and %d sessions, want 0 and the one used 3 hours ago", links, sessions)
	}
	if _, err := h.DB.WebSession(ctx, token.Hash("fresh"), h.Clock.Now(), storage.WebSessionIdle); err != nil {
		t.Fatalf("the session in use: %v", err)
	}
}

// mydata export shows when the member's sessions were made and used, never
// their keys; mydata delete ends them.
func TestMyDataCoversDashboardSessions(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.WithConfig(webOn))
	kim := h.Member("kim", bot.RoleMember)
	tok := linkToken(t, h.Say(kim, "dashboard"))
	hash := token.Hash("kim-session")
	if err := h.DB.CreateWebSession(ctx, hash, storage.WebSession{WebIdentity: storage.WebIdentity{User: kim, Lang: "sv"}, CSRF: "csrf-secret", Created: h.Clock.Now()}); err != nil {
		t.Fatal(err)
	}
	export := h.Say(kim, "mydata export")
	if !strings.Contains(export, `"web_sessions"`) || !strings.Contains(export, `"seen_at"`) || !strings.Contains(export, `"web_links"`) {
		t.Fatalf("export without the dashboard sign-ins: %s", export)
	}
	for _, secret := range []string{tok, token.Hash(tok), hash, "csrf-secret"} {
		if strings.Contains(export, secret) {
			t.Fatalf("export holds %q: %s", secret, export)
		}
	}
	h.Say(kim, "mydata delete confirm:yes")
	if _, err := h.DB.WebSession(ctx, hash, h.Clock.Now(), storage.WebSessionIdle); !errors.Is(err, storage.ErrNoSession) {
		t.Fatalf("session after mydata delete: %v", err)
	}
	if _, err := h.DB.UseSignInLink(ctx, token.Hash(tok), h.Clock.Now()); !errors.Is(err, storage.ErrLinkInvalid) {
		t.Fatalf("link after mydata delete: %v", err)
	}
}
