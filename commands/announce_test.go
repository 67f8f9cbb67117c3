package commands_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

func TestAnnouncementFiresWithNextMeetups(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00" where:"Ateljén"`)
	got := h.Say(org, `announce schedule cron:"0 9 * * 1" channel:"#allmant" text:"God morgon! Veckans träffar: {{next_meetups}}"`)
	if !strings.Contains(got, "Schema 1 är skapat: varje måndag kl. 09:00 — nästa: måndag 30 november. Det går till console:#allmant.") {
		t.Fatalf("schedule = %q", got)
	}
	list := h.Say(org, "announce list")
	// A cron spec is shown in words too.
	if !strings.Contains(list, "`1` varje måndag kl. 09:00 — nästa: måndag 30 november (aktivt) → console:#allmant") {
		t.Fatalf("list = %q", list)
	}
	h.Advance(4*24*time.Hour + 23*time.Hour) // Monday 09:00
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.Channel != "allmant" || !strings.Contains(sent[0].Reply.Text, "**Keramikkväll** — torsdag 3 december 2026 kl. 18:00, Ateljén") {
		t.Fatalf("announcement = %+v", sent)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "senast måndag 30 november 2026 kl. 09:00: 1/1") {
		t.Fatalf("list after firing = %q", list)
	}
	h.Advance(7 * 24 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d announcements after two Mondays", n)
	}
}

func TestAnnouncementPreviewAcrossDaylightSaving(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"30 2 * * *" channel:"#allmant" text:"natt"`)
	got := h.Say(org, "announce preview id:1 from:2027-03-27 count:3")
	if !strings.Contains(got, "2027-03-27 02:30 CET\n2027-03-28 03:00 CEST\n2027-03-29 02:30 CEST") {
		t.Fatalf("spring preview = %q", got)
	}
	got = h.Say(org, "announce preview id:1 from:2027-10-30 count:3")
	if !strings.Contains(got, "2027-10-30 02:30 CEST\n2027-10-31 02:30 CEST\n2027-11-01 02:30 CET") {
		t.Fatalf("autumn preview = %q", got)
	}
}

func TestAnnouncementBadInput(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, tc := range []struct{ cmd, want string }{
		{`announce schedule cron:"61 * * * *" text:x`, "är inget giltigt schema"},
		{`announce schedule cron:"* * *" text:x`, "Jag förstår inte ”*” i ett schema. Skriv till exempel"},
		{`announce schedule cron:"@every 5m" text:x`, "är inget giltigt schema"},
		{`announce schedule cron:"0 25 * * *" text:x`, "är inget giltigt schema"},
		{`announce schedule cron:"` + strings.Repeat("1 ", 2500) + `" text:x`, "`cron` är för långt"},
		{`announce schedule text:x`, "Säg när med `när:`"},
		{`announce schedule när:"varje måndag" schema:"0 9 * * 1" text:x`, "antingen `när:` eller `schema:`"},
		{`announce schedule cron:"0 9 * * 1" channel:"discord:#123" text:x`, "Plattformen `discord` är inte ansluten"},
		{`announce schedule cron:"0 9 * * 1" channel:"#!!" text:x`, "är ingen kanal"},
		{`announce preview id:7`, "inget schema nummer 7"},
		{`announce pause id:7`, "inget schema nummer 7"},
	} {
		if got := h.Say(org, tc.cmd); !strings.Contains(got, tc.want) {
			t.Errorf("%.60s = %q, want %q", tc.cmd, got, tc.want)
		}
	}
	if got := h.Say(org, "announce list"); got != "Inga schemalagda meddelanden." {
		t.Errorf("a refused schedule was stored: %q", got)
	}
}

func TestAnnouncementPauseResumeTestRemove(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#allmant" text:"varje timme"`)
	h.Say(org, "announce pause id:1")
	h.Advance(3 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 0 {
		t.Fatalf("%d posts while paused", n)
	}
	if got := h.Say(org, "announce test id:1"); !strings.Contains(got, "gick ut till 1 av 1") {
		t.Fatalf("test = %q", got)
	}
	h.Say(org, "announce resume id:1")
	h.Advance(time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d posts after resume (test + one hourly), want 2; missed ones while paused are not sent", n)
	}
	h.Say(org, "announce remove id:1")
	h.Advance(5 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d posts after remove", n)
	}
}

func TestMissedFiringAfterDowntimeSentOnceLate(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#allmant" text:"tick {{time}}"`)
	h.Advance(2 * time.Hour) // 11:00 and 12:00
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d ticks", n)
	}
	h.DB.Close()
	// Down from 12:00 to 15:30: 13, 14 and 15 are missed; 15:00 is within the 1 h grace.
	h = bottest.New(t, bottest.At(wednesday.Add(5*time.Hour+30*time.Minute)), bottest.WithDatabase(path))
	h.Advance(time.Millisecond)
	sent := h.Outbox.Sent()
	if len(sent) != 1 || !strings.Contains(sent[0].Reply.Text, "tick 2026-11-25 15:00:00 CET") {
		t.Fatalf("after downtime = %+v", sent)
	}
	if list := h.Say(org, "announce list"); !strings.Contains(list, "1/1 late") {
		t.Fatalf("late firing not marked: %q", list)
	}
	h.Advance(30 * time.Minute) // 16:00 on time
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d posts", n)
	}
}

// refusing is a platform that refuses every message, as Discord does when
// the channel is gone.
type refusing struct{}

func (refusing) Platform() bot.Platform                       { return bot.PlatformDiscord }
func (refusing) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (refusing) Send(context.Context, bot.Target, bot.Reply) (bot.MessageRef, error) {
	return bot.MessageRef{}, bot.Permanent(errors.New("Unknown Channel (10003)"))
}

func TestPermanentFailureRecordedAndShown(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday), bottest.WithAdapters(refusing{}))
	org := h.Member("moa", bot.RoleModerator) // another platform's channel needs a moderator
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#allmant, discord:#gone" text:"hej"`)
	h.Advance(time.Hour)
	if n := len(h.Outbox.Sent()); n != 1 {
		t.Fatalf("%d posts to the working channel", n)
	}
	list := h.Say(org, "announce list")
	if !strings.Contains(list, "1/2, 1 failed") || !strings.Contains(list, "misslyckades till discord:#gone: Unknown Channel (10003)") {
		t.Fatalf("list = %q", list)
	}
}

// TestCrashMidFanOutResumedByTheNextRun: a run claimed a firing for two
// channels and died after sending neither; the next run sends both, once,
// and does not fire that time again.
func TestCrashMidFanOutResumedByTheNextRun(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 11 * * *" channel:"#a, #b" text:"tick {{time}}"`)
	fire := wednesday.Add(time.Hour)
	if _, err := h.DB.ClaimDeliveries(context.Background(), "announce:1", fire, []string{"console:#a", "console:#b"}, false, "a-run-that-died"); err != nil {
		t.Fatal(err)
	}
	h.DB.Close()
	h = bottest.New(t, bottest.At(fire.Add(10*time.Minute)), bottest.WithDatabase(path))
	sent := h.Outbox.Sent()
	if len(sent) != 2 || sent[0].To.Channel != "a" || sent[1].To.Channel != "b" || !strings.Contains(sent[0].Reply.Text, "tick 2026-11-25 11:00:00 CET") {
		t.Fatalf("resumed = %+v", sent)
	}
	h.Advance(time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d messages; the resumed firing was sent again", n)
	}
}

func TestPausedFiringsNotSentAfterRestart(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#a" text:"tick {{time}}"`)
	h.Advance(time.Hour) // 11:00 sent
	h.Say(org, "announce pause id:1")
	h.Advance(90 * time.Minute) // 12:00 missed while paused
	h.Say(org, "announce resume id:1")
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(2*time.Hour+55*time.Minute)), bottest.WithDatabase(path))
	h.Advance(time.Millisecond)
	if n := len(h.Outbox.Sent()); n != 0 {
		t.Fatalf("a firing from the paused time was sent after the restart: %+v", h.Outbox.Sent())
	}
	h.Advance(5 * time.Minute) // 13:00
	if sent := h.Outbox.Sent(); len(sent) != 1 || !strings.Contains(sent[0].Reply.Text, "13:00:00") {
		t.Fatalf("after restart = %+v", sent)
	}
}

func TestRemovedScheduleLeavesNothingToItsSuccessor(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#a" text:"x"`)
	h.Advance(time.Hour)
	if ds, _ := h.DB.Deliveries(context.Background(), "announce:1", 10); len(ds) != 1 {
		t.Fatalf("no delivery logged before the removal: %+v", ds)
	}
	h.Say(org, "announce remove id:1")
	if ds, _ := h.DB.Deliveries(context.Background(), "announce:1", 10); len(ds) != 0 {
		t.Fatalf("deliveries left behind: %+v", ds)
	}
}
