package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/bot/bottest"
)

func TestWarnAndModlogOnTheConsole(t *testing.T) {
	h := bottest.New(t)
	mod := h.Member("moa", bot.RoleModerator)
	admin := h.Member("ada", bot.RoleAdmin)
	h.Say(admin, "role grant user:ada role:admin")
	h.Say(admin, "role grant user:mats role:moderator")
	if got := h.Say(mod, "warn user:kim reason:spam i flera kanaler"); got != "kim är varnad (sparat i loggen) och har fått ett DM." {
		t.Fatalf("warn = %q", got)
	}
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "kim" || !strings.Contains(sent[0].Reply.Text, "spam i flera kanaler") {
		t.Fatalf("warning DM = %+v", sent)
	}
	// Moderators cannot act on admins or on each other; admins can act on moderators.
	if got := h.Say(mod, "warn user:ada reason:x"); !strings.Contains(got, "moderatorer kan inte agera mot administratörer eller mot varandra") {
		t.Fatalf("moderator warned an admin: %q", got)
	}
	if got := h.Say(mod, "warn user:mats reason:x"); !strings.Contains(got, "mats är moderator") {
		t.Fatalf("moderator warned a moderator: %q", got)
	}
	if got := h.Say(admin, "warn user:mats reason:be nicer"); !strings.Contains(got, "mats är varnad") {
		t.Fatalf("admin warning a moderator = %q", got)
	}
	if got := h.Say(h.Member("kim", bot.RoleMember), "warn user:bo reason:x"); !strings.Contains(got, "kräver rollen moderator") {
		t.Fatalf("member warned: %q", got)
	}
	log := h.Say(mod, "modlog")
	for _, want := range []string{
		"moa: warn kim (spam i flera kanaler) → ok",
		"moa: warn ada (x) → refused: ada is",
		"ada: warn mats (be nicer) → ok",
		"kim: warn  → refused: role moderator required; actor is member",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("modlog lacks %q:\n%s", want, log)
		}
	}
	if got := h.Say(mod, "modlog user:kim"); !strings.Contains(got, "warn kim") || strings.Contains(got, "warn ada") {
		t.Fatalf("modlog for kim = %q", got)
	}
	// Slowmode, timeout and lock on a platform without them: one sentence.
	if got := h.Say(mod, "timeout user:kim duration:10m"); !strings.Contains(got, "saknar stöd för timeout av medlemmar") {
		t.Fatalf("timeout on the console = %q", got)
	}
}
