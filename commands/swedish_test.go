package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// Members may write every argument's Swedish name and every choice's
// Swedish word; the commands behave as with the English ones.
func TestSwedishNamesAndValuesEndToEnd(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `meetup create titel:"Julfika i ateljén" när:"fredag 18-21" plats:"Ateljén, Varberg" platser:2 beskrivning:"Glögg och lera."`)
	if !strings.Contains(got, "Träff 1 är skapad") || !strings.Contains(got, "fredag 27 november 2026 kl. 18:00–21:00") || !strings.Contains(got, "0 av 2 platser") {
		t.Fatalf("create = %q", got)
	}
	anna, bo, cia := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	if got := h.Say(anna, "meetup rsvp id:1 svar:ja"); !strings.Contains(got, "Du är anmäld till “Julfika i ateljén”") {
		t.Fatalf("svar:ja = %q", got)
	}
	h.Say(bo, "meetup rsvp 1 Kanske")
	h.Say(cia, "meetup rsvp id:1 answer:ja")
	if show := h.Say(cia, "meetup show id:1"); !strings.Contains(show, "Kommer (2): anna, cia") || !strings.Contains(show, "1 kanske") {
		t.Fatalf("show = %q", show)
	}
	if got := h.Say(anna, "meetup rsvp id:1 svar:nej"); !strings.Contains(got, "du kommer inte") {
		t.Fatalf("svar:nej = %q", got)
	}
	if got := h.SayIn(anna, "en", "meetup rsvp id:1 answer:sometime"); !strings.Contains(got, "`answer` must be one of: yes, maybe, no.") ||
		!strings.Contains(got, "Usage: `meetup rsvp id:<int> answer:yes|maybe|no`") {
		t.Fatalf("wrong answer in English = %q", got)
	}

	ada := h.Member("ada", bot.RoleAdmin)
	if got := h.Say(ada, "role grant användare:kim roll:arrangör"); got != "kim har nu rollen arrangör." {
		t.Fatalf("roll:arrangör = %q", got)
	}
	if got := h.Say(ada, "role grant anvandare:bo roll:ADMINISTRATOR"); got != "bo har nu rollen administratör." {
		t.Fatalf("folded name and value = %q", got)
	}
	if got := h.SayIn(ada, "en", "role list"); !strings.Contains(got, "- bo: admin\n- kim: organiser") {
		t.Fatalf("stored roles = %q", got)
	}

	if got := h.Say(anna, `profile set drivkraft:båda om:"Keramiker" synlighet:dold`); got != "Din profil är sparad." {
		t.Fatalf("profile set = %q", got)
	}
	if got := h.Say(org, "profile användare:anna"); got != "anna visar inte sin profil." {
		t.Fatalf("synlighet:dold not hidden: %q", got)
	}
	h.Say(anna, "profile set synlighet:alla")
	if got := h.Say(bo, "profile user:anna"); !strings.Contains(got, "Om: Keramiker") {
		t.Fatalf("synlighet:alla not shown to members: %q", got)
	}

	if got := h.Say(anna, "meetup rsvp id:1 färg:röd"); !strings.Contains(got, "Argumentet `färg` finns inte") || !strings.Contains(got, "Det tar `id:`, `svar:`") {
		t.Fatalf("unknown name = %q", got)
	}
	if got := h.SayIn(anna, "en", "meetup rsvp id:1 color:red"); !strings.Contains(got, "It takes `id:`, `answer:`") {
		t.Fatalf("unknown name in English = %q", got)
	}
}

func TestLanguageInSwedishWords(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for line, want := range map[string]string{
		"språk engelska":     "English",
		"language sv":        "svenska",
		"språk språk:en":     "English",
		"language svenska":   "svenska",
		"språk ENGELSKA":     "English",
		"sprak lang:Svenska": "svenska",
	} {
		if got := h.Say(kim, line); !strings.Contains(got, want) {
			t.Errorf("%q = %q, want %q in it", line, got, want)
		}
	}
}

// Help speaks the member's language: Swedish names and words to Swedish
// speakers, English ones to English speakers.
func TestHelpShowsNamesInTheMembersLanguage(t *testing.T) {
	h := bottest.New(t)
	org := h.Member("olle", bot.RoleOrganiser)
	sv := h.Say(org, "hjälp meetup create")
	for _, want := range []string{"titel:<text>", "när:<text>", "[platser:<tal>]", "`titel`", "`beskrivning` (valfritt)"} {
		if !strings.Contains(sv, want) {
			t.Errorf("Swedish help lacks %q: %q", want, sv)
		}
	}
	en := h.SayIn(org, "en", "help meetup create")
	for _, want := range []string{"title:<text>", "when:<text>", "[capacity:<int>]", "`title`"} {
		if !strings.Contains(en, want) {
			t.Errorf("English help lacks %q: %q", want, en)
		}
	}
	if strings.Contains(en, "titel") || strings.Contains(sv, "title:") {
		t.Errorf("languages mixed:\n%s\n%s", sv, en)
	}
	if got := h.Say(org, "help meetup rsvp"); !strings.Contains(got, "svar:ja|kanske|nej") {
		t.Errorf("rsvp help = %q", got)
	}
}
