package discord_test

// The web dashboard in a real browser (headless Chromium, internal/
// browsertest) for members of a Discord server (the fake): the sign-in link
// comes from the `dashboard` slash command's ephemeral reply, a meetup made
// on the web is announced on Discord, an RSVP clicked on Discord shows on
// the web, and a Discord role taken away takes effect on the next request.
// Skipped when Chromium is not installed, except in CI
// (PASSIONBOT_REQUIRE_BROWSER=1).

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"passionbot/internal/bottest"
	"passionbot/internal/browsertest"
	"passionbot/internal/discordfake"
)

// startWeb is start (discord_test.go) with the web dashboard on: the same
// server, members and [roles] (Arrangörer, id 902, gives organiser). It
// returns the dashboard's address.
func startWeb(t *testing.T) (*env, string) {
	t.Helper()
	e := start(t, setup{harness: []bottest.Option{bottest.WithWeb(false)}})
	return e, e.h.Web()
}

var webSigninRE = regexp.MustCompile(`/signin\?t=([A-Za-z0-9_-]+)`)

// dashboardLink has u run /dashboard in the server's channel and returns
// the sign-in token of the bot's reply, which only u sees.
func dashboardLink(t *testing.T, e *env, u discordfake.User) string {
	t.Helper()
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: u, CommandName: "dashboard", Locale: "sv-SE"})
	r := e.response(t, id)
	if r.Data.Flags&discordfake.FlagEphemeral == 0 {
		t.Fatalf("/dashboard answered for everyone to see (flags %d): %q", r.Data.Flags, r.Data.Content)
	}
	m := webSigninRE.FindStringSubmatch(r.Data.Content)
	if m == nil {
		t.Fatalf("no sign-in link in /dashboard's reply: %q", r.Data.Content)
	}
	return m[1]
}

// webSignIn opens the link in the browser and presses its button; it
// returns the header (who is signed in, as what).
func webSignIn(t *testing.T, ctx context.Context, base, token string) string {
	t.Helper()
	if code := browsertest.Open(ctx, base+"/signin?t="+token); code != http.StatusOK {
		t.Fatalf("GET the sign-in link: %d", code)
	}
	if code := browsertest.Click(ctx, `main form[action="/signin"] button`); code != http.StatusOK {
		t.Fatalf("sign in: %d %s", code, browsertest.Text(ctx, "main"))
	}
	return browsertest.Text(ctx, "header .account")
}

func TestWebDashboardForDiscordMembers(t *testing.T) {
	e, base := startWeb(t)
	kim := browsertest.New(t)
	olle := browsertest.Another(kim)

	if who := webSignIn(t, kim, base, dashboardLink(t, e, e.kim)); !strings.Contains(who, "Inloggad som kim (Discord, medlem)") {
		t.Fatalf("kim's header: %q", who)
	}
	if who := webSignIn(t, olle, base, dashboardLink(t, e, e.org)); !strings.Contains(who, "Inloggad som olle (Discord, arrangör)") {
		t.Fatalf("olle's header (Arrangörer gives organiser): %q", who)
	}

	// The organiser makes a meetup on the web, announced in the server's
	// channel.
	if code := browsertest.Open(olle, base+"/c/meetup/create"); code != http.StatusOK {
		t.Fatalf("meetup create form: %d", code)
	}
	when := e.h.Clock.Now().Add(72*time.Hour).In(e.h.Config.Location).Format("2006-01-02") + " 18:00"
	browsertest.Do(olle,
		chromedp.SendKeys(chromedp.ID("f-meetup-create-title"), "Keramikkväll"),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-when"), when),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-where"), "Ateljén"),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-channel"), e.general),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-capacity"), "10"),
	)
	if code := browsertest.Click(olle, "form.command button[type=submit]"); code != http.StatusOK {
		t.Fatalf("meetup create: %d %s", code, browsertest.Text(olle, "main"))
	}
	if reply := browsertest.Text(olle, "main .reply"); !strings.Contains(reply, "Träff 1 är skapad") {
		t.Fatalf("the bot's reply on olle's page: %q", reply)
	}

	// kim answers with the card's button on Discord.
	card := cardIn(t, e, "Keramikkväll")
	var yes discordfake.Component
	for _, row := range card.Components {
		for _, c := range row.Components {
			if strings.HasSuffix(c.CustomID, "answer:yes") {
				yes = c
			}
		}
	}
	if yes.CustomID == "" {
		t.Fatalf("the card has no yes button: %+v", card.Components)
	}
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, Locale: "sv-SE",
		CustomID: yes.CustomID, MessageID: card.ID})
	e.response(t, click)

	// ...and it shows on the web: the meetup's card (meetup show from its
	// form), and the calendar's count when /meetups has one.
	if code := browsertest.Open(kim, base+"/c/meetup/show?id=1"); code != http.StatusOK {
		t.Fatalf("meetup show form: %d", code)
	}
	if code := browsertest.Click(kim, "form.command button[type=submit]"); code != http.StatusOK {
		t.Fatalf("meetup show: %d", code)
	}
	if got := browsertest.Text(kim, "main .card"); !strings.Contains(got, "1 av 10 platser") {
		t.Errorf("kim's yes from Discord is not on the web's card: %q", got)
	}
	if code := browsertest.Open(kim, base+"/meetups"); code != http.StatusOK {
		t.Fatalf("/meetups: %d", code)
	}
	if browsertest.Eval[int](kim, `document.querySelectorAll('table.calendar').length`) > 0 {
		if got := browsertest.Text(kim, "table.calendar"); !strings.Contains(got, "1 kommer") {
			t.Errorf("the calendar on /meetups lacks kim's yes: %q", got)
		}
	}

	// The organiser's role taken away on Discord: the next request is
	// refused.
	if code := browsertest.Open(olle, base+"/announcements"); code != http.StatusOK {
		t.Fatalf("organiser on /announcements: %d", code)
	}
	e.fake.AddMember(e.guild.ID, discordfake.Member{User: e.org}) // no roles now
	if code := browsertest.Open(olle, base+"/announcements"); code != http.StatusForbidden {
		t.Fatalf("after losing Arrangörer on Discord: %d", code)
	}
	if got := browsertest.Text(olle, "main"); !strings.Contains(got, "kräver rollen arrangör; du har rollen medlem") {
		t.Errorf("the refusal says %q", got)
	}
}
