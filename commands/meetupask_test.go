package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// meetupQuestions are a tester's questions, playing a new member, about
// the meetups coming up.
var meetupQuestions = []struct{ q, lang string }{
	{"Finns det några träffar?", bot.LangSV},
	{"vilka träffar finns det?", bot.LangSV},
	{"Vilken tid börjar träffen på fredag?", bot.LangSV},
	{"Hur många kommer på fredag?", bot.LangSV},
	{"när är nästa träff?", bot.LangSV},
	{"finns det någon träff snart?", bot.LangSV},
	{"kör vi nån träff snart el", bot.LangSV},
	{"Har ni några möten här i Falkenberg?", bot.LangSV},
	{"when is the next meetup?", bot.LangEN},
	{"how many are coming on Friday?", bot.LangEN},
	{"is there meeting for food peoples?", bot.LangEN},
	{"Are there any meetups coming up?", bot.LangEN},
	{"are there några träffar coming up?", ""},
}

// Questions about the meetups coming up are answered with them, in the
// member's language, as `meetup list` shows them; a question about a day
// with the day's meetups; "how many are coming" with the answers.
func TestAskAboutUpcomingMeetups(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday)) // Wednesday 25 November 2026
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Julfika i ateljén" when:"fredag 18-21" where:"Ateljén, Varberg" capacity:10`)
	h.Say(org, `träff skapa titel:"Keramikkväll" när:"2026-12-03 18:00"`)
	anna, bo, kim := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("kim", bot.RoleMember)
	h.Say(anna, "meetup rsvp id:1 answer:yes")
	h.Say(bo, "träff svara id:1 svar:kanske")
	for _, tc := range meetupQuestions {
		lang := tc.lang
		if lang == "" {
			lang = bot.LangSV
		}
		got := h.SayIn(kim, lang, tc.q)
		if !strings.Contains(got, "Julfika i ateljén") {
			t.Errorf("%q: %q, want the meetups", tc.q, got)
			continue
		}
		friday := strings.Contains(strings.ToLower(tc.q), "fredag") || strings.Contains(strings.ToLower(tc.q), "friday")
		if friday == strings.Contains(got, "Keramikkväll") {
			t.Errorf("%q: %q: Friday's meetup only when asked about Friday, else every one coming up", tc.q, got)
		}
		hint := map[string]string{bot.LangSV: "`träff visa id:<nummer>`", bot.LangEN: "`meetup show id:<number>`"}[lang]
		if !strings.Contains(got, hint) {
			t.Errorf("%q: %q, want the list's hint %s", tc.q, got, hint)
		}
		if strings.Contains(got, "sparat frågan") || strings.Contains(got, "saved the question") {
			t.Errorf("%q: saved for the organisers: %q", tc.q, got)
		}
	}
	// In the member's language, as `meetup list` shows them.
	list := h.SayIn(kim, bot.LangSV, "träff lista")
	if got := h.SayIn(kim, bot.LangSV, "när är nästa träff?"); got != list {
		t.Errorf("när är nästa träff? = %q, want as `träff lista`: %q", got, list)
	}
	if got := h.SayIn(kim, bot.LangEN, "when is the next meetup?"); !strings.Contains(got, "**Upcoming meetups**") || !strings.Contains(got, "Friday 27 November 2026") {
		t.Errorf("when is the next meetup? = %q", got)
	}
	// How many are coming: the answers so far.
	if got := h.SayIn(kim, bot.LangSV, "Hur många kommer på fredag?"); !strings.Contains(got, "**Träffar på fredag**") || !strings.Contains(got, "1 kommer av 10 platser, 1 kanske") {
		t.Errorf("Hur många kommer på fredag? = %q", got)
	}
	if got := h.SayIn(kim, bot.LangEN, "how many are coming on Friday?"); !strings.Contains(got, "**Meetups on Friday**") || !strings.Contains(got, "1 going of 10 places, 1 maybe") {
		t.Errorf("how many are coming on Friday? = %q", got)
	}
	// A day without a meetup: every one coming up.
	if got := h.SayIn(kim, bot.LangSV, "finns det någon träff på måndag?"); !strings.Contains(got, "Ingen träff på måndag") || !strings.Contains(got, "Keramikkväll") || !strings.Contains(got, "Julfika") {
		t.Errorf("finns det någon träff på måndag? = %q", got)
	}
	// The ask command too.
	if got := h.SayIn(kim, bot.LangSV, "fråga finns det några träffar?"); !strings.Contains(got, "Keramikkväll") {
		t.Errorf("fråga finns det några träffar? = %q", got)
	}
}

// With no meetups planned, a clear "none right now", with how to see them
// later, in both languages.
func TestAskAboutMeetupsNonePlanned(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.SayIn(kim, bot.LangSV, "finns det någon träff snart?"); !strings.Contains(got, "Inga träffar är planerade just nu") || !strings.Contains(got, "`träff lista`") {
		t.Errorf("sv: %q", got)
	}
	if got := h.SayIn(kim, bot.LangEN, "are there any meetups coming up?"); !strings.Contains(got, "No meetups are planned right now") || !strings.Contains(got, "`meetup list`") {
		t.Errorf("en: %q", got)
	}
}

// Questions about how meetups work stay with the knowledge base, and small
// talk stays small talk, though meetups are planned.
func TestAskAboutMeetupsLeavesKnowledgeAndSmallTalk(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Julfika i ateljén" when:"fredag 18-21"`)
	kim := h.Member("kim", bot.RoleMember)
	for _, q := range []string{"how do meetups work?", "hur skapar man en träff?", "vad är passionsdriven ekonomi?", "hej!", "tack för påminnelsen om träffen"} {
		if got := h.Say(kim, q); strings.Contains(got, "Julfika") {
			t.Errorf("%q answered with the meetups: %q", q, got)
		}
	}
}

// TestMeetupAskedByTitle: a second tester asked for meetups by their
// titles ("när är nästa stickcafé?"), with a typo ("nästa träf?") and by
// a day without the word meetup ("what's on tomorrow?", "vad händer på
// fredag?"): each gets the meetups asked about, not "I don't know".
func TestMeetupAskedByTitle(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.SayIn(org, "sv", `träff skapa titel:Stickcafé när:"fredag 18:00"`)
	h.SayIn(org, "sv", `träff skapa titel:"Pottery night" när:"torsdag 18:00"`)
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ lang, q, want, not string }{
		{"sv", "när är nästa stickcafé?", "Stickcafé", "Pottery"},
		{"en", "when is the next pottery night?", "Pottery night", "Stickcafé"},
		{"sv", "när är nästa träf?", "Stickcafé", ""},
		{"en", "what's on tomorrow?", "Pottery night", "Stickcafé"},
		{"sv", "vad händer på fredag?", "Stickcafé", "Pottery"},
	} {
		got := h.SayIn(kim, c.lang, c.q)
		if !strings.Contains(got, c.want) || (c.not != "" && strings.Contains(got, c.not)) {
			t.Errorf("%q = %q", c.q, got)
		}
	}
	if got := h.SayIn(kim, "sv", "Go'morron! Korna är mjölkade och nu blir det fika"); strings.Contains(got, "Stickcafé") {
		t.Errorf("a remark read as a meetup question: %q", got)
	}
}
