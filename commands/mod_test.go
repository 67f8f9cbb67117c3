package commands_test

import (
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/bottest"
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
		"moa: warn kim (spam i flera kanaler) → utfört",
		"moa: warn ada (x) → nekat: ada är",
		"ada: warn mats (be nicer) → utfört",
		"kim: warn  → nekat: rollen moderator krävs; utföraren är medlem",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("modlog lacks %q:\n%s", want, log)
		}
	}
	// The same log read by a moderator who reads English: the details in
	// English (the audit keeps both, bot.Catalog.Both).
	log = h.SayIn(mod, bot.LangEN, "modlog")
	for _, want := range []string{"moa: warn ada (x) → refused: ada is", "kim: warn  → refused: role moderator required; actor is member"} {
		if !strings.Contains(log, want) {
			t.Errorf("English modlog lacks %q:\n%s", want, log)
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

func TestAutomodCatchesCrossPostingNotConversation(t *testing.T) {
	var h *bottest.Harness
	h = bottest.New(t, bottest.WithOptions(func(o *bot.Options) {
		o.Inspect = commands.Automod(commands.AutomodRules{RepeatChannels: 3, RepeatWindow: time.Minute}, o.Audit, func() time.Time { return h.Clock.Now() })
	}))
	kim, moa := h.Member("kim", bot.RoleMember), h.Member("moa", bot.RoleModerator)
	post := func(u bot.User, channel, text string) *bottest.Conversation {
		return h.Send(bot.Event{Kind: bot.EventMessage, ID: channel + "-" + text, User: u, Channel: bot.Channel{ID: channel}, Text: text})
	}
	// The same greeting in two channels, and the same text again after the
	// window, is conversation.
	post(kim, "keramik", "Hej alla!")
	post(kim, "textil", "hej  ALLA!")
	h.Advance(2 * time.Minute)
	post(kim, "mat", "Hej alla!")
	if sent := h.Outbox.Sent(); len(sent) != 0 {
		t.Fatalf("automod acted on conversation: %+v", sent)
	}
	// Three channels within a minute is spam: the member is told, in English
	// when they chose it.
	h.Say(kim, "language en")
	post(kim, "keramik", "Gratis kryptovaluta på min länk")
	post(kim, "textil", "Gratis kryptovaluta på min länk")
	post(kim, "mat", "Gratis kryptovaluta på min länk")
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "kim" || !strings.Contains(sent[0].Reply.Text, "same text in several channels") {
		t.Fatalf("automod DM = %+v", sent)
	}
	// A moderator posting an announcement everywhere is not inspected.
	for _, ch := range []string{"keramik", "textil", "mat", "turism"} {
		post(moa, ch, "Stämman är på torsdag")
	}
	if n := len(h.Outbox.Sent()); n != 1 {
		t.Fatalf("automod acted on a moderator: %d DMs", n)
	}
	log := h.Say(moa, "modlog user:kim")
	if !strings.Contains(log, "automod: automod repeat kim (mat) → utfört: samma text i 3 kanaler inom 1m0s; plattformen kan inte radera meddelanden här") {
		t.Fatalf("modlog = %q", log)
	}
	// The message still reaches commands when no rule is broken.
	if got := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "mat"}, Text: "!help", ID: "x"}).Text(); got == "" {
		t.Fatal("a clean command got no answer")
	}
}
