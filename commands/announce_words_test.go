package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// sentTexts returns the texts the bot posted by itself.
func sentTexts(h *bottest.Harness) []string {
	var out []string
	for _, s := range h.Outbox.Sent() {
		out = append(out, s.Reply.Text)
	}
	return out
}

func TestScheduleInWordsFiresAndIsShownInWords(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday)) // Wednesday 25 November 2026, 10:00
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `announce schedule när:"varannan måndag kl 9" kanal:"#allmant" text:"Veckostart {{time}}"`)
	if want := "Schema 1 är skapat: varannan måndag kl. 09:00 — nästa: måndag 30 november. Det går till console:#allmant."; got != want {
		t.Fatalf("created = %q, want %q", got, want)
	}
	a, err := h.DB.Announcement(context.Background(), 1)
	if err != nil || !strings.Contains(a.Spec, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0") {
		t.Fatalf("stored spec = %q, %v", a.Spec, err)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "- `1` varannan måndag kl. 09:00 — nästa: måndag 30 november (aktivt) → console:#allmant: “Veckostart {{time}}”") {
		t.Fatalf("list = %q", list)
	}
	if list := h.SayIn(org, bot.LangEN, "announce list"); !strings.Contains(list, "- `1` every other Monday at 09:00 — next: Monday 30 November (active) → console:#allmant") {
		t.Fatalf("English list = %q", list)
	}
	h.Advance(4*24*time.Hour + 23*time.Hour) // Monday 30 November 09:00
	h.Advance(7 * 24 * time.Hour)            // 7 December: the week off
	h.Advance(7 * 24 * time.Hour)            // 14 December
	sent := sentTexts(h)
	if len(sent) != 2 || sent[0] != "Veckostart 2026-11-30 09:00:00 CET" || sent[1] != "Veckostart 2026-12-14 09:00:00 CET" {
		t.Fatalf("sent = %q", sent)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "nästa: måndag 28 december (aktivt)") || !strings.Contains(list, "senast måndag 14 december 2026 kl. 09:00: 1/1") {
		t.Fatalf("list after two firings = %q", list)
	}
	// In English, with English argument names.
	got = h.SayIn(org, bot.LangEN, `announce schedule when:"the first Tuesday of the month at 6:30pm" channel:"#allmant" text:"Fika"`)
	if want := "Schedule 2 is created: the first Tuesday of the month at 18:30 — next: Tuesday 5 January 2027. It goes to console:#allmant."; got != want {
		t.Fatalf("English created = %q, want %q", got, want)
	}
}

// TestScheduleInWordsAcrossTheClockChange: a week in words crossing
// 28 March 2027, when 02:30 does not exist in Stockholm.
func TestScheduleInWordsAcrossTheClockChange(t *testing.T) {
	h := bottest.New(t, bottest.At(time.Date(2027, 3, 25, 12, 0, 0, 0, stockholm()))) // Thursday
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `announce schedule när:"varje dag kl 02:30" kanal:"#natt" text:"{{time}}"`)
	if !strings.Contains(got, "varje dag kl. 02:30 — nästa: fredag 26 mars.") {
		t.Fatalf("created = %q", got)
	}
	got = h.SayIn(org, bot.LangEN, `announce schedule when:"every Sunday at 9am" channel:"#natt" text:"sunday {{time}}"`)
	if !strings.Contains(got, "every Sunday at 09:00 — next: Sunday 28 March.") {
		t.Fatalf("English created = %q", got)
	}
	for range 7 * 24 {
		h.Advance(time.Hour) // to Thursday 1 April 12:00, an hour at a time so that posts come in order
	}
	want := []string{
		"2027-03-26 02:30:00 CET",
		"2027-03-27 02:30:00 CET",
		"2027-03-28 03:00:00 CEST", // 02:30 is skipped: once, right after the jump
		"sunday 2027-03-28 09:00:00 CEST",
		"2027-03-29 02:30:00 CEST",
		"2027-03-30 02:30:00 CEST",
		"2027-03-31 02:30:00 CEST",
		"2027-04-01 02:30:00 CEST",
	}
	if got := sentTexts(h); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("a week across the clock change:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOnceIsSentExactlyOnce(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `announce once när:"fredag 9:00" kanal:"#allmant" text:"Julmarknad på lördag!"`)
	if want := "Meddelande 1 skickas en gång, fredag 27 november 2026 kl. 09:00, till console:#allmant."; got != want {
		t.Fatalf("once = %q, want %q", got, want)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "- `1` en gång, fredag 27 november 2026 kl. 09:00 (väntar) → console:#allmant") {
		t.Fatalf("list = %q", list)
	}
	if got := h.Say(org, "announce preview id:1"); got != "Meddelande 1 skickas en gång, fredag 27 november 2026 kl. 09:00 (väntar)." {
		t.Fatalf("preview = %q", got)
	}
	h.Advance(47 * time.Hour) // Friday 09:00
	h.Advance(47 * time.Hour) // and well past it
	if sent := sentTexts(h); len(sent) != 1 || sent[0] != "Julmarknad på lördag!" {
		t.Fatalf("sent = %q", sent)
	}
	list := h.Say(org, "announce list")
	if !strings.Contains(list, "en gång, fredag 27 november 2026 kl. 09:00 (skickat)") || !strings.Contains(list, "senast fredag 27 november 2026 kl. 09:00: 1/1") {
		t.Fatalf("list after sending = %q", list)
	}
	// Restarted on the same database within the grace period: not again.
	h.DB.Close()
	h = bottest.New(t, bottest.At(time.Date(2026, 11, 27, 9, 20, 0, 0, stockholm())), bottest.WithDatabase(path))
	h.Advance(time.Hour)
	if sent := sentTexts(h); len(sent) != 0 {
		t.Fatalf("sent again after a restart: %q", sent)
	}
	if ds, _ := h.DB.Deliveries(context.Background(), "announce:1", 10); len(ds) != 1 {
		t.Fatalf("delivery log = %+v", ds)
	}
	// In English; a time that has passed is refused, as for meetups.
	got = h.SayIn(org, bot.LangEN, `announce once when:"tomorrow 9am" channel:"#allmant" text:"Saturday!"`)
	if want := "Message 2 will be sent once, Saturday 28 November 2026, 09:00, to console:#allmant."; got != want {
		t.Fatalf("English once = %q, want %q", got, want)
	}
	if got := h.SayIn(org, bot.LangEN, `announce once when:"today 8:00" channel:"#allmant" text:"x"`); !strings.Contains(got, "is in the past") {
		t.Fatalf("English past = %q", got)
	}
	if got := h.Say(org, `announce once när:"idag 08:00" kanal:"#allmant" text:"x"`); !strings.Contains(got, "har redan varit") {
		t.Fatalf("past = %q", got)
	}
	if got := h.Say(org, `announce once när:"fredag" kanal:"#allmant" text:"x"`); !strings.Contains(got, "ange både dag och klockslag") {
		t.Fatalf("no time = %q", got)
	}
}

// TestOnceAfterRestartBeforeItsTime: registered again at start, sent once.
func TestOnceAfterRestartBeforeItsTime(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce once när:"i morgon 12:00" kanal:"#allmant" text:"lunch"`)
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(time.Hour)), bottest.WithDatabase(path))
	h.Advance(25 * time.Hour)
	h.Advance(25 * time.Hour)
	if sent := sentTexts(h); len(sent) != 1 || sent[0] != "lunch" {
		t.Fatalf("sent = %q", sent)
	}
}

func TestEditChangesTheNextFiringAndKeepsHistory(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule när:"varje måndag kl 9" kanal:"#allmant" text:"gammal"`)
	h.Advance(4*24*time.Hour + 23*time.Hour) // Monday 30 November 09:00
	got := h.Say(org, `announce edit id:1 när:"varje tisdag kl 10" text:"ny"`)
	if want := "Schema 1 är ändrat: varje tisdag kl. 10:00 — nästa: tisdag 1 december (aktivt). Det går till console:#allmant."; got != want {
		t.Fatalf("edit = %q, want %q", got, want)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "- `1` varje tisdag kl. 10:00 — nästa: tisdag 1 december (aktivt) → console:#allmant: “ny”") ||
		!strings.Contains(list, "senast måndag 30 november 2026 kl. 09:00: 1/1") {
		t.Fatalf("list after edit = %q", list)
	}
	h.Advance(25 * time.Hour) // Tuesday 10:00
	h.Advance(6 * 24 * time.Hour)
	if sent := sentTexts(h); strings.Join(sent, "|") != "gammal|ny" {
		t.Fatalf("sent = %q", sent)
	}
	ctx := context.Background()
	if ds, _ := h.DB.Deliveries(ctx, "announce:1", 10); len(ds) != 2 {
		t.Fatalf("delivery log = %+v", ds)
	}
	if revs, _ := h.DB.AnnouncementRevisions(ctx, 1); len(revs) != 1 || revs[0].Text != "gammal" {
		t.Fatalf("revisions = %+v", revs)
	}
	// Monday 7 December 09:20: edited to today 09:00, which has passed.
	// Neither now nor after a restart within the grace period is it sent
	// late: the new rule counts from the edit.
	h.Advance(22*time.Hour + 20*time.Minute)
	got = h.SayIn(org, bot.LangEN, `announce edit id:1 when:"weekdays at 9am" channel:"#fika"`)
	if want := "Schedule 1 is changed: weekdays at 09:00 — next: Tuesday 8 December (active). It goes to console:#fika."; got != want {
		t.Fatalf("English edit = %q, want %q", got, want)
	}
	h.DB.Close()
	h = bottest.New(t, bottest.At(time.Date(2026, 12, 7, 9, 30, 0, 0, stockholm())), bottest.WithDatabase(path))
	h.Advance(time.Hour)
	if sent := h.Outbox.Sent(); len(sent) != 0 {
		t.Fatalf("a firing from before the edit was sent after the restart: %+v", sent)
	}
	h.Advance(23 * time.Hour) // Tuesday 09:00
	if sent := h.Outbox.Sent(); len(sent) != 1 || sent[0].To.Channel != "fika" || sent[0].Reply.Text != "ny" {
		t.Fatalf("after the restart = %+v", sent)
	}
	// olle last wrote English ("weekdays at 9am"), which his replies
	// follow; he writes Swedish again.
	h.Say(org, "tack, det blev bra så här")
	for _, tc := range []struct{ cmd, want string }{
		{"announce edit id:1", "Säg vad som ska ändras"},
		{`announce edit id:1 schema:"*/5 * * * *"`, "går för ofta"},
		{`announce edit id:1 när:"varje blåmåndag"`, "Jag förstår inte ”blåmåndag”"},
		{`announce edit id:9 text:x`, "inget schema nummer 9"},
	} {
		if got := h.Say(org, tc.cmd); !strings.Contains(got, tc.want) {
			t.Errorf("%s = %q, want %q", tc.cmd, got, tc.want)
		}
	}
}

func TestEditOnce(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce once när:"fredag 9:00" kanal:"#allmant" text:"x"`)
	if got := h.Say(org, `announce edit id:1 när:"torsdag 12:00"`); !strings.Contains(got, "en gång, torsdag 26 november 2026 kl. 12:00 (väntar)") {
		t.Fatalf("edit = %q", got)
	}
	if got := h.Say(org, `announce edit id:1 schema:"0 9 * * 1"`); !strings.Contains(got, "Meddelande 1 skickas en gång; ge en ny tid med `när:`") {
		t.Fatalf("cron for a one-off = %q", got)
	}
	h.Advance(26*time.Hour + time.Minute) // Thursday 12:01
	if sent := sentTexts(h); len(sent) != 1 {
		t.Fatalf("sent by Thursday 12:01 = %q", sent)
	}
	h.Advance(3 * 24 * time.Hour) // past the old time, Friday 09:00
	if sent := sentTexts(h); len(sent) != 1 {
		t.Fatalf("sent = %q", sent)
	}
}

func TestPreviewFromAMeetupDate(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule när:"varje dag kl 02:30" kanal:"#natt" text:"natt"`)
	got := h.Say(org, "announce preview id:1 från:27/3 antal:3")
	if want := "Schema 1 (varje dag kl. 02:30) körs:\n```\n2027-03-27 02:30 CET\n2027-03-28 03:00 CEST\n2027-03-29 02:30 CEST\n```"; got != want {
		t.Fatalf("preview = %q, want %q", got, want)
	}
	got = h.SayIn(org, bot.LangEN, "announce preview id:1 from:27/3 count:2")
	if want := "Schedule 1 (every day at 02:30) runs at:\n```\n2027-03-27 02:30 CET\n2027-03-28 03:00 CEST\n```"; got != want {
		t.Fatalf("English preview = %q, want %q", got, want)
	}
	if got := h.SayIn(org, bot.LangEN, "announce preview id:1 from:blah"); !strings.Contains(got, "`blah` is not a date; write for example `27/3`") {
		t.Fatalf("bad from = %q", got)
	}
}

func TestUnreadablePhraseGetsExamples(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `announce schedule när:"varje blåmåndag kl 9" kanal:"#a" text:x`)
	if !strings.HasPrefix(got, "Jag förstår inte ”blåmåndag” i ett schema. Skriv till exempel") || !strings.Contains(got, "varje måndag kl 9") || strings.Contains(got, "fält") {
		t.Fatalf("refusal = %q", got)
	}
	got = h.SayIn(org, bot.LangEN, `announce schedule when:"every bluemonday at 9" channel:"#a" text:x`)
	if !strings.HasPrefix(got, "I don't understand “bluemonday” in a schedule. Try for example") || !strings.Contains(got, "every Monday at 9am") {
		t.Fatalf("English refusal = %q", got)
	}
	if got := h.Say(org, `announce schedule när:"1 maj" kanal:"#a" text:x`); !strings.Contains(got, "Det är ett enstaka datum") {
		t.Fatalf("a date = %q", got)
	}
	if got := h.Say(org, "announce list"); got != "Inga schemalagda meddelanden." {
		t.Fatalf("stored anyway: %q", got)
	}
}

// TestCronStoredInTheOldFormLoads: a spec stored as plain cron before
// schedules could be written in words runs after the upgrade, and is
// shown in words.
func TestCronStoredInTheOldFormLoads(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	ctx := context.Background()
	for _, spec := range []string{"0 9 * * 1", "@weekly"} {
		if _, err := h.DB.CreateAnnouncement(ctx, storage.Announcement{Spec: spec, Text: spec, CreatedBy: "console:olle",
			Targets: []storage.Target{{Platform: bot.PlatformConsole, Channel: "allmant"}}}); err != nil {
			t.Fatal(err)
		}
	}
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	list := h.Say(org, "announce list")
	if !strings.Contains(list, "`1` varje måndag kl. 09:00 — nästa: måndag 30 november (aktivt)") || !strings.Contains(list, "`2` varje söndag kl. 00:00 — nästa: söndag 29 november (aktivt)") {
		t.Fatalf("list = %q", list)
	}
	h.Advance(4 * 24 * time.Hour) // to Sunday 29 November 10:00
	h.Advance(24 * time.Hour)     // to Monday 30 November 10:00
	if sent := sentTexts(h); strings.Join(sent, "|") != "@weekly|0 9 * * 1" {
		t.Fatalf("sent = %q", sent)
	}
}
