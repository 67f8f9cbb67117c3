package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestMeetupChangeNotices: moving a meetup tells those who said yes or
// maybe (each in their language, old → new, with the new calendar file),
// not those who said no nor the organiser who moved it; a new description
// alone tells nobody.
func TestMeetupChangeNotices(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Julfika" when:"fredag 18-21" where:"Ateljén" capacity:2`)
	anna, bo, cia, dan := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember), h.Member("dan", bot.RoleMember)
	h.Say(bo, "language en")
	h.Say(anna, "meetup rsvp id:1 answer:yes")
	h.Say(bo, "meetup rsvp id:1 answer:maybe")
	h.Say(cia, "meetup rsvp id:1 answer:no")
	h.Say(org, "meetup rsvp id:1 answer:yes")
	h.Say(dan, "meetup rsvp id:1 answer:yes") // waitlisted: told too

	got := h.Say(org, `meetup edit id:1 when:"lördag 17:00" where:"Biblioteket" capacity:0`)
	// Swedish values: a Swedish reply (the option names do not decide).
	if !strings.Contains(got, "Träff 1 är ändrad. 3 medlemmar som svarat ja eller kanske har fått besked.") {
		t.Fatalf("edit = %q", got)
	}
	notices := map[string]bot.Reply{}
	for _, s := range h.Outbox.Sent() {
		if strings.Contains(s.Reply.Text, "Julfika") && !strings.Contains(s.Reply.Text, "en plats blev ledig") {
			notices[s.To.User] = s.Reply
		}
	}
	if len(notices) != 3 || notices["cia"].Text != "" || notices["olle"].Text != "" {
		t.Fatalf("notices went to %v", notices)
	}
	sv, en := notices["anna"], notices["bo"]
	for _, want := range []string{"“Julfika” är ändrad", "- När: fredag 27 november 2026 kl. 18:00–21:00 → lördag 28 november 2026 kl. 17:00", "- Var: Ateljén → Biblioteket", "- Platser: 2 → ingen gräns", "svar:nej"} {
		if !strings.Contains(sv.Text, want) {
			t.Errorf("Swedish notice lacks %q:\n%s", want, sv.Text)
		}
	}
	for _, want := range []string{"“Julfika” has changed", "- Where: Ateljén → Biblioteket", "- Places: 2 → no limit", "answer:no"} {
		if !strings.Contains(en.Text, want) {
			t.Errorf("English notice lacks %q:\n%s", want, en.Text)
		}
	}
	if f := sv.File; f == nil || f.Name != "meetup-1.ics" || !strings.Contains(string(f.Data), "LOCATION:Biblioteket") || !strings.Contains(string(f.Data), "SEQUENCE:1") {
		t.Fatalf("calendar file = %+v", f)
	}

	before := len(h.Outbox.Sent())
	if got := h.Say(org, `meetup edit id:1 description:"Ta med en mugg."`); strings.Contains(got, "besked") || strings.Contains(got, "told") {
		t.Fatalf("description edit = %q", got)
	}
	if n := len(h.Outbox.Sent()); n != before {
		t.Fatalf("a new description sent %d messages", n-before)
	}
}
