package commands

import (
	"context"
	"log/slog"
	"net/url"
	"passionbot/internal/token"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// The web dashboard (issue 18) signs members in without passwords: in
// chat, `dashboard` gives the member a link that works once, for ten
// minutes, for that platform identity; the web adapter (adapters/web)
// turns it into a session. The reply is Private: the link signs in
// whoever opens it, so it goes ephemeral or by DM, never where others
// read. Only the token's hash is stored (token.Hash).

// SignInLinkTTL is how long a sign-in link works.
const SignInLinkTTL = 10 * time.Minute

// WebSignInStore keeps the dashboard's sign-in links and ends sessions.
type WebSignInStore interface {
	CreateSignInLink(ctx context.Context, tokenHash string, id storage.WebIdentity, expires time.Time) error
	// EndWebSessions ends every session of u and their unused links,
	// returning how many sessions ended.
	EndWebSessions(ctx context.Context, u bot.User) (int, error)
}

// dashboard issues sign-in links and signs members out everywhere.
type dashboard struct {
	store WebSignInStore
	url   string // the dashboard's base URL; "": off
	now   func() time.Time
	log   *slog.Logger
}

func newDashboard(d Deps) *dashboard {
	return &dashboard{store: d.Store, url: d.WebURL, now: d.now, log: d.logFor("dashboard")}
}

// Name names the feature.
func (*dashboard) Name() string { return "dashboard" }

// Commands are the feature's commands.
func (f *dashboard) Commands() []*bot.Command {
	return []*bot.Command{
		{Name: "dashboard", Aliases: []string{"webb"}, Group: "general", Private: true,
			Help: txt("En inloggningslänk till webbpanelen, bara för dig (gäller en gång i 10 minuter)",
				"A sign-in link to the web dashboard, for you only (works once within 10 minutes)"),
			Run: f.link},
		{Name: "dashboard logout", SV: []string{"logga ut"}, Aliases: []string{"webb logga ut"}, Group: "general", Private: true,
			Help: txt("Logga ut från webbpanelen överallt", "Sign out of the web dashboard everywhere"),
			Run:  f.logout},
	}
}

// link stores a new sign-in link for the caller, as they are on this
// platform and in the language they are answered in, and sends it.
func (f *dashboard) link(ctx context.Context, c *bot.Call) error {
	if f.url == "" {
		return c.Refuse("dashboard.off")
	}
	tok, err := token.New()
	if err != nil {
		return err
	}
	u := c.Event.User
	id := storage.WebIdentity{User: bot.User{Platform: u.Platform, ID: u.ID, Name: u.Name}, Lang: c.Lang}
	if err := f.store.CreateSignInLink(ctx, token.Hash(tok), id, f.now().Add(SignInLinkTTL)); err != nil {
		return err
	}
	f.log.InfoContext(ctx, "sign-in link issued", "user", u.Key())
	link := f.url + "/signin?" + url.Values{"t": {tok}}.Encode()
	return c.Say(ctx, "dashboard.link", link, int(SignInLinkTTL/time.Minute))
}

// logout ends the caller's sessions everywhere and their unused links.
func (f *dashboard) logout(ctx context.Context, c *bot.Call) error {
	n, err := f.store.EndWebSessions(ctx, c.Event.User)
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Say(ctx, "dashboard.no_sessions")
	}
	return c.Reply(ctx, bot.Reply{Text: c.TN("dashboard.logged_out", n, n)})
}

// Messages are the feature's texts.
func (*dashboard) Messages() bot.Messages {
	return bot.Messages{
		"dashboard.link": {
			SV: "Din inloggningslänk till webbpanelen:\n%s\nDen fungerar en gång, inom %d minuter, och loggar in som du: dela den inte med någon.",
			EN: "Your sign-in link to the web dashboard:\n%s\nIt works once, within %d minutes, and signs in as you: do not share it with anyone."},
		"dashboard.off": {
			SV: "Webbpanelen är avstängd. Den som driver boten slår på den med `listen` under `[http]` (och `enabled = true` under `[web]`) i konfigurationen.",
			EN: "The web dashboard is off. Whoever runs the bot switches it on with `listen` under `[http]` (and `enabled = true` under `[web]`) in the configuration."},
		"dashboard.logged_out.one":   {SV: "Utloggad från %d webbsession.", EN: "Signed out of %d web session."},
		"dashboard.logged_out.other": {SV: "Utloggad från %d webbsessioner.", EN: "Signed out of %d web sessions."},
		"dashboard.no_sessions": {
			SV: "Du var inte inloggad på webbpanelen någonstans. Oanvända inloggningslänkar gäller inte längre.",
			EN: "You were not signed in to the web dashboard anywhere. Unused sign-in links no longer work."},
	}
}
