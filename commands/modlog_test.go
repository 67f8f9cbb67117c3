package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/config"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// sayForViews sends text from u in lang ("" for none) as a DM, as
// bottest.Harness.SayIn does, and returns the answer's text and the views
// its replies carry (what the web dashboard draws).
func sayForViews(h *bottest.Harness, u bot.User, lang, text string) (string, []bot.View) {
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "dm-" + u.ID, DM: true}, Text: text, Addressed: true, Locale: lang})
	var views []bot.View
	for _, r := range c.Replies {
		views = append(views, r.Views...)
	}
	return c.Text(), views
}

// modlogRows returns the table of a modlog reply as "actor action target"
// per row, newest first, leaving out the modlog calls themselves (each is
// logged too); nil when the reply has no table.
func modlogRows(t *testing.T, h *bottest.Harness, u bot.User, lang, text string) (string, []string) {
	t.Helper()
	got, views := sayForViews(h, u, lang, text)
	if len(views) == 0 {
		return got, nil
	}
	if len(views) != 1 || views[0].Table == nil {
		t.Fatalf("%s: views = %+v", text, views)
	}
	rows := []string{}
	for _, r := range views[0].Table.Rows {
		if r[3] != "modlog" {
			rows = append(rows, strings.TrimSpace(r[2]+" "+r[3]+" "+r[4]))
		}
	}
	return got, rows
}

// TestModlogFilters: the audit log narrowed by who it is about, who did
// it, the command, the outcome and dates in the community's timezone,
// with Swedish names and words; the same entries in the text and the
// table.
func TestModlogFilters(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.At(wednesday), bottest.WithConfig(func(c *config.Config) {
		c.Automod.Enabled, c.Automod.Banned = true, []string{`(?i)billiga följare`}
	}))
	moa, ada, kim, vera := h.Member("moa", bot.RoleModerator), h.Member("ada", bot.RoleAdmin), h.Member("kim", bot.RoleMember), h.Member("vera", bot.RoleModerator)

	// Wednesday 25 November, 10:00.
	h.Say(ada, "role grant user:ada role:admin")
	h.Say(moa, "warn user:kim reason:spam") // ok
	h.Say(moa, "warn user:ada reason:x")    // refused: ada is an admin
	h.Say(kim, "warn user:bo reason:x")     // refused: kim is a member
	h.Say(moa, "channel lock channel:#mat") // refused: the console cannot lock
	h.Send(bot.Event{Kind: bot.EventMessage, ID: "m1", User: kim, Channel: bot.Channel{ID: "allmant"}, Text: "Köp billiga följare!"})
	// Thursday 26 November 23:30 and Friday 27 November 00:30 in
	// Stockholm: the second is still Thursday in UTC.
	h.Advance(37*time.Hour + 30*time.Minute)
	h.Say(ada, "warn user:kim reason:igen")
	h.Advance(time.Hour)
	h.Say(ada, "warn user:bo reason:sent")
	if err := h.DB.Audit(ctx, storage.AuditEntry{At: h.Clock.Now(), Platform: bot.PlatformConsole, Actor: "moa", Action: "purge", Target: "mat", Result: bot.ResultFailed, Detail: "the platform said no"}); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		cmd  string
		want []string
	}{
		{"modlog", []string{"moa purge mat", "ada warn bo", "ada warn kim", "automod automod banned kim", "moa channel lock", "kim warn", "moa warn ada", "moa warn kim", "ada role grant ada"}},
		// Dates first: each modlog call is logged too, and at most 15
		// entries are shown, so later these pages would be full of them.
		{"modlog since:2026-11-26", []string{"moa purge mat", "ada warn bo", "ada warn kim"}},
		{"modlog från:igår", []string{"moa purge mat", "ada warn bo", "ada warn kim"}},
		{"modlog since:27/11", []string{"moa purge mat", "ada warn bo"}},
		// The whole of Thursday in Stockholm: not the warning at 00:30 on
		// Friday, which is Thursday in UTC.
		{"modlog until:2026-11-26", []string{"ada warn kim", "automod automod banned kim", "moa channel lock", "kim warn", "moa warn ada", "moa warn kim", "ada role grant ada"}},
		{"modlog från:26/11 till:26/11", []string{"ada warn kim"}},
		{`modlog till:"2026-11-25 09:59"`, nil},
		{`modlog until:"2026-11-25 10:00"`, []string{"automod automod banned kim", "moa channel lock", "kim warn", "moa warn ada", "moa warn kim", "ada role grant ada"}},
		// A log looks back: a weekday is the last one, a day and month
		// ahead of today without a year is last year's.
		{"modlog från:onsdag till:onsdag", []string{"automod automod banned kim", "moa channel lock", "kim warn", "moa warn ada", "moa warn kim", "ada role grant ada"}},
		{"modlog action:warn until:1/12", nil},
		{"modlog action:warn until:2026-12-01", []string{"ada warn bo", "ada warn kim", "kim warn", "moa warn ada", "moa warn kim"}},
		{"modlog user:kim", []string{"ada warn kim", "automod automod banned kim", "moa warn kim"}},
		{"modlog användare:kim", []string{"ada warn kim", "automod automod banned kim", "moa warn kim"}},
		{"modlog actor:ada", []string{"ada warn bo", "ada warn kim", "ada role grant ada"}},
		{"modlog utförare:moa", []string{"moa purge mat", "moa channel lock", "moa warn ada", "moa warn kim"}},
		{"modlog actor:automod", []string{"automod automod banned kim"}},
		{"modlog action:automod", []string{"automod automod banned kim"}},
		{"modlog åtgärd:AUTOMOD", []string{"automod automod banned kim"}},
		{`modlog action:"automod banned"`, []string{"automod automod banned kim"}},
		{"modlog action:warn", []string{"ada warn bo", "ada warn kim", "kim warn", "moa warn ada", "moa warn kim"}},
		{`modlog action:"channel lock"`, []string{"moa channel lock"}},
		{"modlog action:channel", []string{"moa channel lock"}},
		{"modlog action:role", []string{"ada role grant ada"}},
		{"modlog action:chan", nil},
		{"modlog action:lock", nil},
		{"modlog outcome:refused", []string{"moa channel lock", "kim warn", "moa warn ada"}},
		{"modlog utfall:nekad", []string{"moa channel lock", "kim warn", "moa warn ada"}},
		{"modlog outcome:failed", []string{"moa purge mat"}},
		{"modlog utfall:misslyckad", []string{"moa purge mat"}},
		{"modlog outcome:ok action:warn", []string{"ada warn bo", "ada warn kim", "moa warn kim"}},
		{"modlog actor:moa outcome:refused", []string{"moa channel lock", "moa warn ada"}},
		{"modlog user:kim actor:ada since:2026-11-26", []string{"ada warn kim"}},
		{"modlog åtgärd:warn utfall:nekad till:2026-11-25", []string{"kim warn", "moa warn ada"}},
		{"modlog användare:kim utförare:automod åtgärd:automod utfall:ok från:2026-11-25 till:2026-11-25", []string{"automod automod banned kim"}},
	} {
		text, rows := modlogRows(t, h, vera, "", tc.cmd)
		if tc.want == nil {
			if text != "Inga poster i moderationsloggen passar filtret." || rows != nil {
				t.Errorf("%s = %q, rows %q; want no match", tc.cmd, text, rows)
			}
			continue
		}
		if !slices.Equal(rows, tc.want) {
			t.Errorf("%s: rows\n %q, want\n %q", tc.cmd, rows, tc.want)
		}
		// The text lists the same entries.
		if n := strings.Count(text, "\n`") - strings.Count(text, ": modlog"); n != len(tc.want) {
			t.Errorf("%s: %d lines in the text, %d rows:\n%s", tc.cmd, n, len(tc.want), text)
		}
	}

	// The chat text keeps its format; the table says the same in columns.
	text, views := sayForViews(h, vera, "", "modlog user:kim actor:automod")
	if !strings.Contains(text, "**Moderationslogg**\n`6` 2026-11-25 10:00 automod: automod banned kim (allmant) → utfört: ") {
		t.Fatalf("text = %q", text)
	}
	tab := views[0].Table
	if views[0].Title != "Moderationslogg" || !slices.Equal(tab.Columns, []string{"Nr", "När", "Utförare", "Åtgärd", "Mål", "Utfall", "Anledning / detalj"}) {
		t.Fatalf("view = %q %q", views[0].Title, tab.Columns)
	}
	if r := tab.Rows[0]; !slices.Equal(r[:6], []string{"6", "2026-11-25 10:00", "automod", "automod banned", "kim", "utfört"}) || !strings.HasPrefix(r[6], "allmant — ") {
		t.Fatalf("row = %q", r)
	}
	_, views = sayForViews(h, vera, bot.LangEN, "modlog outcome:refused action:warn")
	tab = views[0].Table
	if views[0].Title != "Moderation log" || !slices.Equal(tab.Columns, []string{"No.", "When", "Actor", "Action", "Target", "Outcome", "Reason / detail"}) {
		t.Fatalf("English view = %q %q", views[0].Title, tab.Columns)
	}
	if r := tab.Rows[1]; !slices.Equal(r[:6], []string{"3", "2026-11-25 10:00", "moa", "warn", "ada", "refused"}) || !strings.HasPrefix(r[6], "x — ada is") {
		t.Fatalf("English row = %q", r)
	}

	// Bad dates and a reversed range are explained in the caller's
	// language, with the argument's name as they wrote it.
	for _, tc := range []struct{ lang, cmd, want string }{
		{"", "modlog från:blabla", "`från:` `blabla` är inget datum jag kan läsa. Skriv till exempel `2026-11-01`, `1/11`, `idag` eller `igår`."},
		{"", "modlog till:31/2", "`till:` `31/2` är inget datum jag kan läsa."},
		{bot.LangEN, "modlog since:tomorrowish", "`since:` `tomorrowish` is not a date I can read. Write for example `2026-11-01`, `1/11`, `today` or `yesterday`."},
		{"", "modlog från:2026-11-26 till:2026-11-25", "Datumen står i fel ordning: 2026-11-26 är efter 2026-11-25."},
		{"", "modlog utfall:kanske", "`utfall` ska vara en av: ok, nekad, misslyckad."},
	} {
		if got := h.SayIn(vera, tc.lang, tc.cmd); !strings.Contains(got, tc.want) {
			t.Errorf("%s = %q, want %q", tc.cmd, got, tc.want)
		}
	}
	// Members cannot read the log, with or without filters.
	if got, views := sayForViews(h, kim, "", "modlog actor:moa åtgärd:warn"); !strings.Contains(got, "kräver rollen moderator") || len(views) != 0 {
		t.Fatalf("a member's modlog = %q, %d views", got, len(views))
	}
	// The refusal is in the log, found by the member's name and the command.
	_, views = sayForViews(h, vera, "", "modlog utförare:kim åtgärd:modlog utfall:nekad")
	if len(views) != 1 || len(views[0].Table.Rows) != 1 || !slices.Equal(views[0].Table.Rows[0][2:6], []string{"kim", "modlog", "", "nekat"}) {
		t.Fatalf("the member's refused modlog: %+v", views)
	}
}

// TestModlogPagesKeepTheFilters: the hint to older entries repeats the
// filters, and following it goes on where the page ended.
func TestModlogPagesKeepTheFilters(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	moa, vera := h.Member("moa", bot.RoleModerator), h.Member("vera", bot.RoleModerator)
	for range 17 {
		h.Say(moa, "warn user:kim reason:spam")
		h.Say(moa, "warn user:bo reason:spam")
	}
	text, rows := modlogRows(t, h, vera, "", "modlog användare:kim utförare:moa åtgärd:warn utfall:ok från:igår")
	if len(rows) != 15 || !strings.HasSuffix(text, "\nÄldre: `modlog användare:kim utförare:moa åtgärd:warn utfall:ok från:2026-11-24 före:5`") {
		t.Fatalf("first page: %d rows, text ends %q", len(rows), text[max(0, len(text)-120):])
	}
	if _, rows := modlogRows(t, h, vera, "", "modlog användare:kim utförare:moa åtgärd:warn utfall:ok från:2026-11-24 före:5"); len(rows) != 2 {
		t.Fatalf("second page: %q", rows)
	}
	// Without filters the hint is as before.
	if text, _ := modlogRows(t, h, vera, "", "modlog"); !strings.HasSuffix(text, "\nÄldre: `modlog före:22`") {
		t.Fatalf("unfiltered hint: %q", text[max(0, len(text)-60):])
	}
	if text, _ := modlogRows(t, h, vera, bot.LangEN, `modlog action:"channel lock" until:"2026-11-30 18:00"`); text != "No entries in the moderation log match the filter." {
		t.Fatalf("no match in English = %q", text)
	}
}
