package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestNoticeInTheMembersLanguage: a cancellation sent later, outside any
// conversation, comes in the language the member chose, else the one
// their console or client stated or they last wrote in, else the
// community's (Swedish) — a tester on `--lang en` got it in Swedish.
func TestNoticeInTheMembersLanguage(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Surdegskurs" when:"i morgon 10:00"`)
	eve, finn, anna, sara := h.Member("eve", bot.RoleMember), h.Member("finn", bot.RoleMember), h.Member("anna", bot.RoleMember), h.Member("sara", bot.RoleMember)
	h.SayIn(eve, bot.LangEN, "meetup rsvp id:1 answer:yes") // her console or client speaks English
	h.Say(finn, "hello there, I am new here and I bake bread at home")
	h.Say(finn, "meetup rsvp id:1 answer:yes")
	h.Say(anna, "meetup rsvp id:1 answer:ja")
	h.Say(sara, "language sv")
	h.SayIn(sara, bot.LangEN, "meetup rsvp id:1 answer:yes") // chose Swedish, whatever her client says
	h.Say(org, "meetup cancel id:1")
	want := map[string]string{"eve": "is cancelled", "finn": "is cancelled", "anna": "är inställd", "sara": "är inställd"}
	got := map[string]string{}
	for _, s := range h.Outbox.Sent() {
		got[s.To.User] = s.Reply.Text
	}
	for who, w := range want {
		if !strings.Contains(got[who], w) {
			t.Errorf("%s was told %q, want %q", who, got[who], w)
		}
	}
}
