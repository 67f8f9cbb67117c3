package web_test

// Real-browser tests of the dashboard: headless Chromium (internal/
// browsertest) on the whole bot (internal/bottest), members on the
// console platform. Every test also fails on a console error, a CSP
// violation or a request to another origin (browsertest.New). Skipped when
// Chromium is not installed, except in CI (PASSIONBOT_REQUIRE_BROWSER=1).

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/browsertest"
)

// browserSignIn signs u in the way a member does: the link the bot sent in
// chat, opened in the browser, and the page's button. It returns the start
// page's text.
func browserSignIn(t *testing.T, h *bottest.Harness, ctx context.Context, base string, u bot.User) string {
	t.Helper()
	token := h.SignInLink(u)
	if code := browsertest.Open(ctx, base+"/signin?t="+token); code != http.StatusOK {
		t.Fatalf("GET the sign-in link: %d", code)
	}
	if code := browsertest.Click(ctx, `main form[action="/signin"] button`); code != http.StatusOK {
		t.Fatalf("sign in: %d %s", code, browsertest.Text(ctx, "main"))
	}
	return browsertest.Text(ctx, "body")
}

// browserMember makes u a member of the console platform with role, as the
// platform reports them on every request.
func browserMember(h *bottest.Harness, id, name string, role bot.Role) bot.User {
	h.Outbox.SetMember(bot.User{ID: id, Name: name, Role: role})
	u := h.Member(id, role)
	u.Name = name
	return u
}

// browserUnlabelled lists the visible form controls of the page without a
// <label for> naming them.
const browserUnlabelled = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
	.filter(e => !e.id || !document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
	.map(e => e.outerHTML)`

// TestBrowserSignInCreateMeetup: an organiser signs in through the link
// the bot sent, creates a meetup with the generated form, sees the bot's
// reply on the page, and the meetup is in chat and on /meetups.
func TestBrowserSignInCreateMeetup(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	ctx := browsertest.New(t)
	org := browserMember(h, "org1", "Olle Arrangör", bot.RoleOrganiser)

	if body := browserSignIn(t, h, ctx, base, org); !strings.Contains(body, "Välkommen, Olle Arrangör!") || !strings.Contains(body, "Inloggad som Olle Arrangör") {
		t.Fatalf("start page after signing in:\n%s", body)
	}

	if code := browsertest.Open(ctx, base+"/c/meetup/create"); code != http.StatusOK {
		t.Fatalf("meetup create form: %d", code)
	}
	when := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02 15:04")
	browsertest.Do(ctx,
		chromedp.SendKeys(chromedp.ID("f-meetup-create-title"), "Keramikkväll i ateljén"),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-when"), when),
		chromedp.SendKeys(chromedp.ID("f-meetup-create-where"), "Ateljén, Storgatan 3"),
	)
	if code := browsertest.Click(ctx, "form.command button[type=submit]"); code != http.StatusOK {
		t.Fatalf("meetup create: %d %s", code, browsertest.Text(ctx, "main"))
	}
	if reply := browsertest.Text(ctx, "main .reply"); !strings.Contains(reply, "Keramikkväll i ateljén") {
		t.Fatalf("the bot's reply on the page: %q", reply)
	}
	if list := h.Say(org, "meetup list"); !strings.Contains(list, "Keramikkväll i ateljén") {
		t.Fatalf("the meetup made in the browser is not in chat: %q", list)
	}

	if code := browsertest.Open(ctx, base+"/meetups"); code != http.StatusOK {
		t.Fatalf("/meetups: %d", code)
	}
	if got := browsertest.Text(ctx, "main"); !strings.Contains(got, "Keramikkväll i ateljén") {
		t.Fatalf("/meetups lacks the meetup:\n%s", got)
	}
	// The calendar view, when `meetup list` gives one: the meetup on its
	// day.
	if n := browsertest.Eval[int](ctx, `document.querySelectorAll('table.calendar').length`); n > 0 {
		day := h.Clock.Now().Add(72 * time.Hour).In(h.Config.Location).Format("2006-01-02")
		cell := browsertest.Eval[string](ctx, fmt.Sprintf(`(document.querySelector('table.calendar time[datetime="%s"]')?.parentElement.innerText) ?? ''`, day))
		if !strings.Contains(cell, "Keramikkväll i ateljén") {
			t.Errorf("the calendar's %s: %q", day, cell)
		}
	} else {
		t.Logf("/meetups has no calendar view")
	}
}

// TestBrowserRolesRefused: a member without a role gets 403 on the
// organisers' and the moderators' pages, and the page says which role it
// needs and which they have; the menu does not offer them.
func TestBrowserRolesRefused(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	ctx := browsertest.New(t)
	kim := browserMember(h, "kim", "Kim", bot.RoleMember)
	browserSignIn(t, h, ctx, base, kim)
	cat := h.Bot.Catalog()
	for path, role := range map[string]bot.Role{"/announcements": bot.RoleOrganiser, "/modlog": bot.RoleModerator} {
		if code := browsertest.Open(ctx, base+path); code != http.StatusForbidden {
			t.Errorf("member on %s: %d", path, code)
			continue
		}
		want := fmt.Sprintf("kräver rollen %s; du har rollen %s", cat.T("sv", role.MessageKey()), cat.T("sv", bot.RoleMember.MessageKey()))
		if got := browsertest.Text(ctx, "main"); !strings.Contains(got, want) {
			t.Errorf("%s says %q, want %q", path, got, want)
		}
		if nav := browsertest.Text(ctx, "header nav"); strings.Contains(nav, browsertest.Text(ctx, "h1")) {
			t.Errorf("the menu offers %s to a member: %q", path, nav)
		}
	}
}

// TestBrowserRefusedLinks: a link used once, and a link older than ten
// minutes, show the refusal page and sign nobody in.
func TestBrowserRefusedLinks(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	kim := browserMember(h, "kim", "Kim", bot.RoleMember)

	token := h.SignInLink(kim)
	// Used in another browser first (bottest's, without a page).
	ctx := browsertest.New(t)
	// Opened while it is good, the link names whose it is; used elsewhere
	// before the click, the click is refused.
	if code := browsertest.Open(ctx, base+"/signin?t="+token); code != http.StatusOK {
		t.Fatalf("GET a good link: %d", code)
	}
	if got := browsertest.Text(ctx, "main"); !strings.Contains(got, "Länken loggar in som Kim (Konsolen)") {
		t.Errorf("the sign-in page does not say whose link it is: %q", got)
	}
	first := bottest.NewBrowser(t, base)
	if code, _ := first.Post("/signin", map[string][]string{"t": {token}}); code != http.StatusOK {
		t.Fatalf("first use: %d", code)
	}
	if code := browsertest.Click(ctx, `main form[action="/signin"] button`); code != http.StatusForbidden {
		t.Fatalf("a click on a link used meanwhile: %d", code)
	}
	refused := func(what, token string) {
		t.Helper()
		// A used or expired link is refused as soon as it is opened.
		if code := browsertest.Open(ctx, base+"/signin?t="+token); code != http.StatusForbidden {
			t.Fatalf("%s: GET the link: %d", what, code)
		}
		got := browsertest.Text(ctx, "main")
		for _, want := range []string{"Länken fungerar inte", "redan använd, för gammal (den gäller i 10 minuter)", "Skriv dashboard till boten"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the page says %q, want %q", what, got, want)
			}
		}
		if strings.Contains(browsertest.Text(ctx, "header"), "Inloggad") {
			t.Errorf("%s: signed in anyway", what)
		}
	}
	refused("a reused link", token)

	late := h.SignInLink(kim)
	h.Clock.Advance(11 * time.Minute)
	refused("an expired link", late)
}

// TestBrowserCSRF: a form whose CSRF token is gone is refused (403) with
// a page that says why, and nothing was done.
func TestBrowserCSRF(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(false))
	base := h.Web()
	ctx := browsertest.New(t)
	kim := browserMember(h, "kim", "Kim", bot.RoleMember)
	browserSignIn(t, h, ctx, base, kim)

	if code := browsertest.Open(ctx, base+"/c/interests/add"); code != http.StatusOK {
		t.Fatalf("interests add form: %d", code)
	}
	// chromedp.SetValue(sel, "") cannot empty a field in chromedp v0.23.1
	// (the empty argument is left out of the call, and the field gets
	// "undefined"); Clear empties it.
	csrf := chromedp.CSS(`form.command input[name=csrf]`)
	browsertest.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`form.command [name=tags]`), "keramik"),
		chromedp.Clear(csrf),
	)
	if v := browsertest.Get(ctx, chromedp.Value(csrf)); v != "" {
		t.Fatalf("the csrf field still holds %q", v)
	}
	if code := browsertest.Click(ctx, "form.command button[type=submit]"); code != http.StatusForbidden {
		t.Fatalf("a form without its CSRF token: %d %s", code, browsertest.Text(ctx, "main"))
	}
	if got := browsertest.Text(ctx, "main"); !strings.Contains(got, "Formuläret kom inte från den här sidan") {
		t.Errorf("the refusal says %q", got)
	}
	if got := h.Say(kim, "interests"); !strings.Contains(got, "inga intressen") {
		t.Errorf("the refused form was run: %q", got)
	}
}

// TestBrowserKeyboardAndLabels: the first Tab focuses the skip link (and
// it leads to the content); every visible input, select and textarea on
// the pages has a <label for> that names it.
func TestBrowserKeyboardAndLabels(t *testing.T) {
	h := bottest.New(t, bottest.WithWeb(true))
	base := h.Web()
	ctx := browsertest.New(t)
	admin := browserMember(h, "ada", "Ada", bot.RoleAdmin)
	browserSignIn(t, h, ctx, base, admin)

	for _, path := range []string{"/", "/meetups", "/interests", "/announcements", "/faq", "/stats", "/modlog", "/c", "/c/meetup/create", "/c/profile/set"} {
		code := browsertest.Open(ctx, base+path)
		if code == http.StatusNotFound {
			continue // a page not served (yet)
		}
		if code != http.StatusOK {
			t.Errorf("%s: %d", path, code)
			continue
		}
		browsertest.Do(ctx, chromedp.KeyEvent(kb.Tab))
		focused := browsertest.Eval[string](ctx, `document.activeElement.outerHTML`)
		if !strings.Contains(focused, `class="skip"`) || !strings.Contains(focused, `href="#main"`) {
			t.Errorf("%s: the first Tab focuses %s, not the skip link", path, focused)
		}
		if visible := browsertest.Eval[bool](ctx, `(r => r.width > 0 && r.left >= 0 && r.top >= 0)(document.activeElement.getBoundingClientRect())`); !visible {
			t.Errorf("%s: the focused skip link is not on the screen", path)
		}
		if bad := browsertest.Eval[[]string](ctx, browserUnlabelled); len(bad) > 0 {
			t.Errorf("%s: controls without a label: %q", path, bad)
		}
		// Enter on it goes to the main content.
		browsertest.Do(ctx, chromedp.KeyEvent(kb.Enter))
		if target := browsertest.Eval[string](ctx, `location.hash + ' ' + (document.querySelector(':target')?.tagName ?? '')`); target != "#main MAIN" {
			t.Errorf("%s: the skip link leads to %q", path, target)
		}
	}
}

// browserShots is a dashboard with something on every page (meetups with
// answers, interests, an unanswered question, audit log entries) and a
// browser; shoot takes the screenshots of the pages at a size.
type browserShots struct {
	t     *testing.T
	h     *bottest.Harness
	base  string
	ctx   context.Context
	admin bot.User
}

func newBrowserShots(t *testing.T) *browserShots {
	h := bottest.New(t, bottest.WithWeb(true))
	s := &browserShots{t: t, h: h, base: h.Web(), ctx: browsertest.New(t), admin: browserMember(h, "ada", "Ada Admin", bot.RoleAdmin)}
	for i, title := range []string{"Keramikkväll", "Surdegsträff", "Näringslivsfrukost med en väldigt lång titel som måste radbrytas"} {
		when := h.Clock.Now().Add(time.Duration(i*3+2)*24*time.Hour).In(h.Config.Location).Format("2006-01-02") + " 18:00"
		h.Say(s.admin, fmt.Sprintf(`meetup create title:"%s" when:"%s" where:"Ateljén, Storgatan %d" capacity:12`, title, when, i+1))
	}
	for _, id := range []string{"kim", "moa", "sam"} {
		u := browserMember(h, id, id, bot.RoleMember)
		h.Say(u, `interests add tags:"keramik, surdeg"`)
		h.Say(u, "meetup rsvp id:1 answer:yes")
	}
	h.Say(s.admin, "role grant user:kim role:organiser")
	h.Say(browserMember(h, "moa", "moa", bot.RoleMember), "vad kostar en monterplats på julmarknaden i Falkenberg?")
	return s
}

// shoot screenshots the start page, /meetups, a form, /faq, /stats (when
// served) and /modlog at size, named <page>-<lang>-<size>. It checks what
// a screenshot would show broken: a page in another language, a page
// wider than the screen.
func (s *browserShots) shoot(lang string, size browsertest.Size) {
	t, ctx := s.t, s.ctx
	t.Helper()
	browsertest.Resize(ctx, size)
	for _, p := range []struct{ name, path string }{
		{"home", "/"}, {"meetups", "/meetups"}, {"form", "/c/meetup/create"}, {"faq", "/faq"}, {"stats", "/stats"}, {"modlog", "/modlog"},
	} {
		code := browsertest.Open(ctx, s.base+p.path)
		if code == http.StatusNotFound && p.name == "stats" {
			continue // not served
		}
		if code != http.StatusOK {
			t.Errorf("%s %s: %d", lang, p.path, code)
			continue
		}
		if got := browsertest.Eval[string](ctx, `document.documentElement.lang`); got != lang {
			t.Errorf("%s: the page is in %q, want %q", p.path, got, lang)
		}
		browsertest.Screenshot(ctx, fmt.Sprintf("%s-%s-%s", p.name, lang, size))
		if over := browsertest.Eval[int](ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
			t.Errorf("%s %s at %s: the page is %d px wider than the screen", lang, p.path, size, over)
		}
	}
}

// browserScreenshots signs an admin in and screenshots the dashboard's
// pages in lang at size, in $TMPDIR/passionbot-screenshots; in Swedish,
// the community page first, as anyone sees it. English is switched to with
// the header's language button (the session's language, on every page).
// One test per language and size keeps each quick.
func browserScreenshots(t *testing.T, lang string, size browsertest.Size) {
	s := newBrowserShots(t)
	browsertest.Resize(s.ctx, size)
	if lang == "sv" {
		if code := browsertest.Open(s.ctx, s.base+"/"); code != http.StatusOK {
			t.Fatalf("the community page: %d", code)
		}
		browsertest.Screenshot(s.ctx, "public-sv-"+size.String())
	}
	browserSignIn(t, s.h, s.ctx, s.base, s.admin)
	if lang == "en" {
		if code := browsertest.Click(s.ctx, `header form[action="/lang"] button`); code != http.StatusOK {
			t.Fatalf("switching the language: %d", code)
		}
		if got := browsertest.Text(s.ctx, "main"); !strings.Contains(got, "Welcome, Ada Admin!") {
			t.Fatalf("after the language button: %q", got)
		}
	}
	s.shoot(lang, size)
}

func TestBrowserScreenshotsSwedishPhone(t *testing.T) {
	browserScreenshots(t, "sv", browsertest.Phone)
}

func TestBrowserScreenshotsSwedishDesktop(t *testing.T) {
	browserScreenshots(t, "sv", browsertest.Desktop)
}

func TestBrowserScreenshotsEnglishPhone(t *testing.T) {
	browserScreenshots(t, "en", browsertest.Phone)
}

func TestBrowserScreenshotsEnglishDesktop(t *testing.T) {
	browserScreenshots(t, "en", browsertest.Desktop)
}
