package commands_test

import (
	"strings"
	"testing"

	"passionbot/adapters/console"
	"passionbot/bot"
	"passionbot/internal/bottest"
)

// sayCard sends text from u in lang and returns the first card answered.
func sayCard(t *testing.T, h *bottest.Harness, u bot.User, lang, text string) *bot.Card {
	t.Helper()
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "dm-" + u.ID, DM: true}, Text: text, Addressed: true, Locale: lang})
	for _, r := range c.Replies {
		if r.Card != nil && len(r.Card.Buttons) > 0 {
			return r.Card
		}
	}
	t.Fatalf("%q: no card with buttons in %q", text, c.Text())
	return nil
}

func buttonCommands(c *bot.Card) []string {
	var out []string
	for _, b := range c.Buttons {
		out = append(out, b.Command)
	}
	return out
}

// The commands behind buttons (what the console shows to type) are written
// in the reply's language: a Swedish member sees Swedish commands, and
// typing one runs it; an English member sees English. The actions the
// platforms route back stay the canonical command.
func TestButtonCommandsInTheMembersLanguage(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Julfika" when:"fredag 18-21" capacity:1`)
	sv, en := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember)

	for _, tc := range []struct {
		name, lang, line string
		want             []string
		typed            int    // the button whose command is typed next
		answer           string // in the answer to it
	}{
		{"meetup sv", bot.LangSV, "träff visa id:1", []string{"träff svara id:1 svar:ja", "träff svara id:1 svar:kanske", "träff svara id:1 svar:nej"}, 0, "Du är anmäld till “Julfika”"},
		{"meetup en", bot.LangEN, "meetup show id:1", []string{"meetup rsvp id:1 answer:yes", "meetup rsvp id:1 answer:maybe", "meetup rsvp id:1 answer:no"}, 0, "waitlist"},
		{"vote sv", bot.LangSV, "vad står PUNKS för?", []string{"fråga omdöme id:1 röst:upp", "fråga omdöme id:1 röst:ner"}, 0, "Tack!"},
		{"vote en", bot.LangEN, "what does PUNKS stand for?", []string{"ask feedback id:2 vote:up", "ask feedback id:2 vote:down"}, 1, "organisers"},
		{"learn sv", bot.LangSV, "kurs", []string{"kurs svar:1", "kurs svar:2", "kurs svar:3"}, -1, ""},
		{"learn en", bot.LangEN, "learn", []string{"learn answer:1", "learn answer:2", "learn answer:3"}, -1, ""},
		{"delete sv", bot.LangSV, "mina-data radera", []string{"mina-data radera bekräfta:ja"}, -1, ""},
		{"delete en", bot.LangEN, "mydata delete", []string{"mydata delete confirm:yes"}, -1, ""},
	} {
		u := sv
		if tc.lang == bot.LangEN {
			u = en
		}
		card := sayCard(t, h, u, tc.lang, tc.line)
		got := buttonCommands(card)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: commands behind the buttons = %q, want %q", tc.name, got, tc.want)
			continue
		}
		for _, b := range card.Buttons {
			// The canonical command, for the platforms' custom ids.
			if strings.HasPrefix(tc.name, "meetup") && !strings.HasPrefix(b.Action, "meetup rsvp id:1 answer:") {
				t.Errorf("%s: action %q", tc.name, b.Action)
			}
		}
		if tc.typed >= 0 {
			if got := h.SayIn(u, tc.lang, got[tc.typed]); !strings.Contains(got, tc.answer) {
				t.Errorf("%s: typing %q = %q, want %q", tc.name, tc.want[tc.typed], got, tc.answer)
			}
		}
	}
	// The console shows them so.
	card := sayCard(t, h, sv, bot.LangSV, "träff visa id:1")
	if got := console.Render(bot.Reply{Card: card}); !strings.Contains(got, "[Jag kommer] → träff svara id:1 svar:ja") {
		t.Errorf("console: %q", got)
	}
	// Pressing a Swedish member's button (its action) works as typing it.
	got := h.Send(bot.Event{Kind: bot.EventAction, User: sv, Channel: bot.Channel{ID: "dm-kim", DM: true}, Action: card.Buttons[2].Action, Locale: bot.LangSV}).Text()
	if !strings.Contains(got, "du kommer inte") {
		t.Errorf("pressing Nej = %q", got)
	}
}

// The one renderer: a canonical line in either language, values kept.
func TestRegistryLineIn(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	reg := h.Bot.Registry()
	for _, tc := range []struct{ line, lang, want string }{
		{"meetup rsvp id:2 answer:yes", bot.LangSV, "träff svara id:2 svar:ja"},
		{"meetup rsvp id:2 answer:yes", bot.LangEN, "meetup rsvp id:2 answer:yes"},
		{"träff svara id:2 svar:ja", bot.LangEN, "meetup rsvp id:2 answer:yes"},
		{`meetup create title:"Julfika i ateljén" when:"fredag 18" capacity:3`, bot.LangSV, `träff skapa titel:"Julfika i ateljén" när:"fredag 18" platser:3`},
		{"learn answer:1", bot.LangSV, "kurs svar:1"},
		{"mydata delete confirm:yes", bot.LangSV, "mina-data radera bekräfta:ja"},
		{"no such command here", bot.LangSV, "no such command here"},
	} {
		if got := reg.LineIn(tc.line, tc.lang); got != tc.want {
			t.Errorf("LineIn(%q, %s) = %q, want %q", tc.line, tc.lang, got, tc.want)
		}
	}
}
