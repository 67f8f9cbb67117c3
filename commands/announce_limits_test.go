package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// quiet is a second platform that accepts every message.
type quiet struct{ p bot.Platform }

func (q quiet) Platform() bot.Platform                     { return q.p }
func (quiet) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (quiet) Send(_ context.Context, to bot.Target, _ bot.Reply) (bot.MessageRef, error) {
	return bot.MessageRef{Channel: to.Channel, ID: "1"}, nil
}

func TestAnnouncementMayFireAtMostHourly(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, tc := range []struct{ spec, want string }{
		{"* * * * * *", "`* * * * * *` går för ofta (som tätast med 1 s mellanrum). Ett schemalagt meddelande får gå högst en gång i timmen"},
		{"*/30 * * * *", "går för ofta (som tätast med 30 min mellanrum)"},
		{"0,59 9 * * 1", "går för ofta (som tätast med 59 min mellanrum)"},
		{"0 12 1 1 * ", ""}, // yearly is fine
		{"0 * * * *", ""},
		{"@hourly", ""},
		{"30 9,10 * * *", ""}, // exactly an hour apart
	} {
		got := h.Say(org, `announce schedule cron:"`+tc.spec+`" channel:"#allmant" text:x`)
		if tc.want == "" && !strings.Contains(got, "är skapat") || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q = %q, want %q", tc.spec, got, tc.want)
		}
	}
	h.Advance(3 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 7 {
		t.Errorf("%d posts in three hours, want 7 (two hourly schedules three times, 10:30 once)", n)
	}
	// The rule is said in English too.
	if got := h.SayIn(org, bot.LangEN, `announce schedule cron:"*/5 * * * *" channel:"#allmant" text:x`); !strings.Contains(got, "fires too often (as little as 5 min apart). A scheduled message may fire at most once an hour") {
		t.Errorf("English refusal = %q", got)
	}
}

func TestAnnouncementTargetsDeduplicatedAndCapped(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `announce schedule cron:"0 * * * *" channel:"#allmant, #fika, <#allmant>, allmant, #fika" text:"hej"`)
	if !strings.Contains(got, "Det går till console:#allmant, console:#fika.") {
		t.Fatalf("duplicates = %q", got)
	}
	h.Advance(time.Hour)
	sent := h.Outbox.Sent()
	if len(sent) != 2 || sent[0].To.Channel != "allmant" || sent[1].To.Channel != "fika" {
		t.Fatalf("posts = %+v", sent)
	}
	var many []string
	for i := range 11 {
		many = append(many, fmt.Sprintf("#kanal%d", i))
	}
	got = h.Say(org, `announce schedule cron:"0 * * * *" channel:"`+strings.Join(many, ", ")+`" text:"hej"`)
	if !strings.Contains(got, "Ett schema får gå till högst 10 kanaler; du angav 11 olika") {
		t.Fatalf("eleven channels = %q", got)
	}
	// Ten distinct ones, with duplicates beyond, are fine.
	got = h.Say(org, `announce schedule cron:"0 * * * *" channel:"`+strings.Join(many[:10], ", ")+", "+strings.Join(many[:10], ", ")+`" text:"hej"`)
	if !strings.Contains(got, "är skapat") || strings.Count(got, "console:#") != 10 {
		t.Fatalf("ten channels twice = %q", got)
	}
}

func TestOtherPlatformTargetsNeedAModerator(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday), bottest.WithAdapters(quiet{bot.PlatformDiscord}))
	org, mod := h.Member("olle", bot.RoleOrganiser), h.Member("moa", bot.RoleModerator)
	got := h.Say(org, `announce schedule cron:"0 9 * * 1" channel:"#allmant, discord:#123" text:"hej"`)
	if !strings.Contains(got, "Bara moderatorer kan schemalägga till en annan plattform (`discord:#123`); en arrangör på console schemalägger till kanaler där.") {
		t.Fatalf("organiser to another platform = %q", got)
	}
	if got := h.Say(org, "announce list"); got != "Inga schemalagda meddelanden." {
		t.Fatalf("stored anyway: %q", got)
	}
	if got := h.Say(mod, `announce schedule cron:"0 9 * * 1" channel:"#allmant, discord:#123" text:"hej"`); !strings.Contains(got, "Det går till console:#allmant, discord:#123.") {
		t.Fatalf("moderator to another platform = %q", got)
	}
	// Nor can an organiser edit the moderator's schedule that goes there.
	if got := h.Say(org, `announce edit id:1 text:"nu"`); !strings.Contains(got, "Bara moderatorer kan schemalägga till en annan plattform") {
		t.Fatalf("organiser edits a schedule to another platform = %q", got)
	}
}

// TestDeliveryLogKeepsNinetyDays: the nightly job deletes the log of
// firings older than 90 days and keeps the newer ones.
func TestDeliveryLogKeepsNinetyDays(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(t.TempDir()+"/p.db"))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 9 * * *" channel:"#allmant" text:"god morgon"`)
	for range 120 { // a day at a time, as a real clock runs
		h.Advance(24 * time.Hour)
	}
	if n := len(h.Outbox.Sent()); n != 120 {
		t.Fatalf("%d mornings in 120 days", n)
	}
	ds, err := h.DB.Deliveries(context.Background(), "announce:1", 1000)
	if err != nil {
		t.Fatal(err)
	}
	// At 04:30 today the log kept firings back to 90 days before then.
	now := h.Clock.Now()
	oldest := ds[len(ds)-1].FireAt
	if len(ds) < 89 || len(ds) > 91 || now.Sub(oldest) > 91*24*time.Hour {
		t.Fatalf("%d deliveries logged, the oldest %s (now %s)", len(ds), oldest, now)
	}
	if newest := ds[0].FireAt; now.Sub(newest) > 24*time.Hour {
		t.Fatalf("the newest delivery %s was pruned", newest)
	}
}

// `announce test` posts a schedule's message at most once per schedule in
// ten minutes, and says when it can be tested again: repeating it cannot
// get around the once-an-hour rule.
func TestAnnouncementTestAtMostEveryTenMinutes(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 9 * * 1" channel:"#a, #b" text:"hej"`)
	h.Say(org, `announce schedule cron:"0 9 * * 2" channel:"#c" text:"hopp"`)
	if got := h.Say(org, "announce test id:1"); !strings.Contains(got, "gick ut till 2 av 2 kanaler") {
		t.Fatalf("first test = %q", got)
	}
	h.Advance(3 * time.Minute)
	for range 20 {
		if got := h.Say(org, "announce test id:1"); !strings.Contains(got, "Schema 1 testades nyss; ett schema kan testas en gång var 10:e minut. Försök igen om 7 min.") {
			t.Fatalf("a test 3 minutes later = %q", got)
		}
	}
	if got := h.SayIn(org, bot.LangEN, "announce test id:1"); !strings.Contains(got, "a schedule can be tested once every 10 minutes. Try again in 7 min.") {
		t.Fatalf("in English = %q", got)
	}
	// Another schedule has its own ten minutes.
	if got := h.Say(org, "announce test id:2"); !strings.Contains(got, "gick ut till 1 av 1 kanaler") {
		t.Fatalf("test of schedule 2 = %q", got)
	}
	if n := len(h.Outbox.Sent()); n != 3 {
		t.Fatalf("%d messages posted, want 3", n)
	}
	h.Advance(7 * time.Minute)
	if got := h.Say(org, "announce test id:1"); !strings.Contains(got, "gick ut till 2 av 2 kanaler") {
		t.Fatalf("a test ten minutes later = %q", got)
	}
}

// At most 25 active schedules in the community, whoever made them; a
// paused one does not count until it is resumed.
func TestAtMostTwentyFiveActiveSchedules(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	olle, ulla := h.Member("olle", bot.RoleOrganiser), h.Member("ulla", bot.RoleOrganiser)
	for i := range 25 {
		u := olle
		if i%2 == 1 {
			u = ulla
		}
		if got := h.Say(u, fmt.Sprintf(`announce schedule cron:"0 9 %d * *" channel:"#a" text:"x"`, i+1)); !strings.Contains(got, "är skapat") {
			t.Fatalf("schedule %d = %q", i+1, got)
		}
	}
	const full = "Gemenskapen har redan 25 aktiva scheman, och högst 25 är tillåtna. Ta bort ett (`utskick ta bort`) eller pausa ett (`utskick pausa`) först."
	if got := h.Say(ulla, `announce schedule cron:"0 10 * * *" channel:"#a" text:"x"`); !strings.Contains(got, full) {
		t.Fatalf("the 26th schedule = %q", got)
	}
	if got := h.SayIn(olle, bot.LangEN, `announce schedule cron:"0 10 * * *" channel:"#a" text:"x"`); !strings.Contains(got, "The community already has 25 active schedules, and at most 25 are allowed.") {
		t.Fatalf("the 26th schedule in English = %q", got)
	}
	h.Say(olle, "announce pause id:1")
	if got := h.Say(olle, `announce schedule cron:"0 10 * * *" channel:"#a" text:"x"`); !strings.Contains(got, "Schema 26 är skapat") {
		t.Fatalf("a schedule after pausing one = %q", got)
	}
	if got := h.Say(olle, "announce resume id:1"); !strings.Contains(got, full) {
		t.Fatalf("resuming the 26th = %q", got)
	}
	h.Say(olle, "announce remove id:2")
	if got := h.Say(olle, "announce resume id:1"); strings.Contains(got, full) {
		t.Fatalf("resuming after a removal = %q", got)
	}
}
