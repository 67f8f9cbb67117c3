package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/config"
	"passionbot/internal/bottest"
)

// A member who floods banned words gets three DMs, three audit entries
// and three mod-log lines, not two hundred; the rest are counted and
// summed up in one entry (and one line) when the hour has passed.
func TestAutomodFloodIsCountedNotEchoed(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.At(time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC)), bottest.WithConfig(func(c *config.Config) {
		c.Automod.Enabled, c.Automod.Banned, c.Automod.MaxMentions = true, []string{`(?i)billiga följare`}, 3
		c.Moderation.LogChannels = []string{"console:#modlog"}
	}))
	posted := h.Outbox
	dmsSent := func() []bottest.Sent {
		var out []bottest.Sent
		for _, s := range h.Outbox.Sent() {
			if s.To.User != "" {
				out = append(out, s)
			}
		}
		return out
	}
	kim, bo := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember)
	post := func(u bot.User, text string) {
		h.Send(bot.Event{Kind: bot.EventMessage, ID: "m", User: u, Channel: bot.Channel{ID: "allmant"}, Text: text})
	}
	for i := range 200 {
		if i%50 == 49 {
			post(kim, "<@1> <@2> <@3> <@4>")
		} else {
			post(kim, "Köp billiga följare!")
		}
	}
	dms := dmsSent()
	if len(dms) != 3 {
		t.Fatalf("%d DMs to kim after 200 banned messages, want 3", len(dms))
	}
	if !strings.Contains(dms[2].Reply.Text, "togs bort automatiskt") || !strings.Contains(dms[2].Reply.Text, "Fler sådana meddelanden den närmaste timmen tas bort utan att du får besked.") {
		t.Fatalf("the third DM = %q", dms[2].Reply.Text)
	}
	if got := lines(posted); len(got) != 3 {
		t.Fatalf("%d mod-log lines, want 3: %q", len(got), got)
	}
	if log, _ := h.DB.AuditLog(ctx, bot.PlatformConsole, "kim", 0, 1000); len(log) != 3 {
		t.Fatalf("%d audit entries, want 3", len(log))
	}
	// Another member is not silenced by kim's flood.
	post(bo, "billiga följare?")
	if n := len(dmsSent()); n != 4 {
		t.Fatalf("bo was not told: %d DMs", n)
	}
	// An hour on, anyone's next message brings kim's summary: one entry,
	// one line.
	h.Advance(time.Hour)
	post(bo, "hej allihop")
	got := lines(posted)
	if len(got) != 5 || !strings.Contains(got[4], "automod summary kim") || !strings.Contains(got[4], "197 träffar till under timmen från 2027-02-01 10:00 UTC, raderade utan DM (banned ×193, mentions ×4)") {
		t.Fatalf("mod-log after the hour: %q", got[3:])
	}
	if log, _ := h.DB.AuditLog(ctx, bot.PlatformConsole, "kim", 0, 1000); len(log) != 4 || log[0].Action != "automod summary" {
		t.Fatalf("audit entries after the hour: %+v", log)
	}
	// A new hour, a new window: kim is told again.
	post(kim, "billiga följare")
	if n := len(dmsSent()); n != 5 {
		t.Fatalf("kim's first hit of a new hour was not told: %d DMs", n)
	}
}
