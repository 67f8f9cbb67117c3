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

// modLog returns a harness whose audit entries are mirrored to the console
// channel "modlog", and what was posted there.
func modLog(t *testing.T) (*bottest.Harness, *bottest.Outbox) {
	h := bottest.New(t, bottest.At(time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC)), bottest.WithConfig(func(c *config.Config) {
		c.Moderation.LogChannels = []string{"console:#modlog"}
	}))
	return h, h.Outbox
}

// lines are what was posted in the console channel "modlog".
func lines(o *bottest.Outbox) []string {
	var out []string
	for _, s := range o.Sent() {
		if s.To.Channel == "modlog" {
			out = append(out, strings.Split(s.Reply.Text, "\n")...)
		}
	}
	return out
}

func TestMembersRefusalsReachTheModLogAsAnHourlyCount(t *testing.T) {
	ctx := context.Background()
	h, posted := modLog(t)
	kim, mod := h.Member("kim", bot.RoleMember), h.Member("mia", bot.RoleModerator)
	for range 20 {
		h.Say(kim, "member forget user:bo")
	}
	for range 10 {
		h.Say(kim, "purge count:5")
	}
	got := lines(posted)
	if len(got) != 1 || !strings.Contains(got[0], "kim: member forget") || !strings.Contains(got[0], "fler nekade försök av kim den närmaste timmen räknas") {
		t.Fatalf("mod-log after 30 refused attempts: %q, want one line", got)
	}
	if log, _ := h.DB.AuditLog(ctx, bot.PlatformConsole, "", 0, 100); len(log) != 30 {
		t.Fatalf("audit log holds %d entries, want every attempt (30)", len(log))
	}
	// Staff entries are posted one by one, refusals included.
	h.Say(mod, "member forget user:bo")
	h.Say(mod, "member forget user:bo")
	if got := lines(posted); len(got) != 3 || !strings.Contains(got[2], "mia: member forget") {
		t.Fatalf("a moderator's refusals: %q", got)
	}
	// An hour on, kim's next attempt brings the count of the hour before.
	h.Advance(time.Hour)
	h.Say(kim, "member forget user:bo")
	got = lines(posted)
	if len(got) != 5 || got[3] != "[console] kim: fler nekade försök under timmen efter förra raden: 29 (member forget ×19, purge ×10). Alla finns i `modlog`." ||
		!strings.Contains(got[4], "kim: member forget") {
		t.Fatalf("after an hour: %q", got[3:])
	}
	// A member who stops is reported with the next entry of anyone.
	h.Say(kim, "member forget user:bo")
	h.Advance(2 * time.Hour)
	h.Say(mod, "modlog")
	if got := lines(posted); len(got) != 7 || !strings.Contains(got[5], "kim: fler nekade försök under timmen efter förra raden: 1 (member forget ×1)") || !strings.Contains(got[6], "mia: modlog") {
		t.Fatalf("after kim stopped: %q", got[5:])
	}
}
