package commands_test

import (
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// saturday is Saturday 5 December 2026 10:00 in Stockholm, the day a
// tester played organisers.
var saturday = time.Date(2026, 12, 5, 10, 0, 0, 0, stockholm())

// TestMeetupTimeAsOrganisersWriteIt: times written without quotes the way
// organisers write them create the meetup meant, in Swedish and English:
// "kl." with a full stop and "15.00" (C2), "at 3pm" (C3), "this friday",
// "nu på fredag", "den här fredagen" (C4).
func TestMeetupTimeAsOrganisersWriteIt(t *testing.T) {
	const sv, en = "fredag 11 december 2026 kl. 15:00", "Friday 11 December 2026, 15:00"
	for _, c := range []struct{ lang, line, want, desc string }{
		{"sv", `träff skapa titel:A när:fredag kl. 15`, sv, ""},
		{"sv", `träff skapa titel:A när:fredag kl. 15.00 Ta med fika`, sv, "Ta med fika"},
		{"en", `meetup create title:D when:fredag kl. 15.00`, en, ""},
		{"en", `meetup create title:A when:friday at 3pm`, en, ""},
		{"en", `meetup create title:A when:next Friday at 3pm Bring snacks`, en, "Bring snacks"},
		{"en", `meetup create title:A when:Dec 18 at 3pm`, "Friday 18 December 2026, 15:00", ""},
		{"en", `meetup create title:Friday fika when:this friday at 3pm`, en, ""},
		{"en", `meetup create title:Friday fika when:"this friday 3pm"`, en, ""},
		{"sv", `träff skapa titel:A när:nu på fredag kl 15`, sv, ""},
		{"sv", `träff skapa titel:A när:den här fredagen kl. 15`, sv, ""},
		{"sv", `träff skapa titel:A när:på fredagen kl 15`, sv, ""},
		{"sv", `träff skapa titel:A när:fredag 15 till 17 i ateljén`, "fredag 11 december 2026 kl. 15:00–17:00", "i ateljén"},
		{"sv", `träff skapa titel:A när:fredag 15 i två timmar`, "fredag 11 december 2026 kl. 15:00–17:00", ""},
	} {
		h := bottest.New(t, bottest.At(saturday))
		org := h.Member("olle", bot.RoleOrganiser)
		got := h.SayIn(org, c.lang, c.line)
		if !strings.Contains(got, c.want) || c.desc != "" && !strings.Contains(got, c.desc) {
			t.Errorf("%s:\n%s\nwant %q and %q", c.line, got, c.want, c.desc)
		}
	}
}

// TestMeetupTimeWithoutItsName (C5): a time written without `när:` where
// the words' positions do not make it the time is not guessed: nothing is
// created, and the answer says `när:` is missing and shows the line with
// it written in.
func TestMeetupTimeWithoutItsName(t *testing.T) {
	h := bottest.New(t, bottest.At(saturday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, c := range []struct{ lang, line, want string }{
		{"sv", `träff skapa Fredagsfika fredag 15:00`, "`när:` saknas framför tiden, så jag kan inte veta säkert var den börjar. Om `fredag 15:00` är tiden, skriv:\n`träff skapa titel:Fredagsfika när:fredag 15:00`\nAnvändning: `träff skapa titel:<text> när:<text>"},
		{"sv", `träff skapa titel:Fredagsfika fredag 15:00`, "Om `fredag 15:00` är tiden, skriv:\n`träff skapa titel:Fredagsfika när:fredag 15:00`"},
		{"en", `meetup create Friday fika friday 3pm`, "`when:` is missing in front of the time, so I can't be sure where it starts. If `friday 3pm` is the time, write:\n`meetup create title:Friday fika when:friday 3pm`\nUsage: `meetup create title:<text> when:<text>"},
		{"en", `meetup create title:Friday fika friday 3pm Bring snacks`, "`meetup create title:Friday fika when:friday 3pm Bring snacks`"},
		{"sv", `träff skapa titel:Fika plats:Ateljén fredag 18`, "`träff skapa titel:Fika plats:Ateljén när:fredag 18`"},
	} {
		got := h.SayIn(org, c.lang, c.line)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.line, got, c.want)
		}
		if strings.Contains(got, "kan betyda mer än en tid") || strings.Contains(got, "could mean more than one time") || strings.Contains(got, "förstår inte tiden") {
			t.Errorf("%s blames a complete time: %q", c.line, got)
		}
	}
	if got := h.Say(org, "meetup list"); got != "Inga träffar är planerade just nu." {
		t.Errorf("created by a line without när: %q", got)
	}
	// Written as the answer says, it is created.
	if got := h.SayIn(org, "sv", `träff skapa titel:Fredagsfika när:fredag 15:00`); !strings.Contains(got, "Träff 1 är skapad") || !strings.Contains(got, "fredag 11 december 2026 kl. 15:00") {
		t.Errorf("as suggested: %q", got)
	}
	// A time where the positions put it still works.
	if got := h.SayIn(org, "sv", `träff skapa Glögg "fredag 18:00"`); !strings.Contains(got, "Träff 2 är skapad") {
		t.Errorf("positional, quoted: %q", got)
	}
}

// TestMeetupEditTimeWords: `träff ändra` reads an unquoted time as `träff
// skapa` does, also after the description; a time alone without `när:`
// is not taken for the new description, nor the end of a new title.
func TestMeetupEditTimeWords(t *testing.T) {
	h := bottest.New(t, bottest.At(saturday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.SayIn(org, "sv", `träff skapa titel:Fika när:"fredag 15:00" Gammal beskrivning`)
	for _, c := range []struct{ line, want string }{
		{`träff ändra 1 fredag 18:00`, "`när:` saknas framför tiden, så jag vet inte om `fredag 18:00` är en tid eller text, och gör ingenting ännu. Är det tiden, skriv:\n`träff ändra 1 när:fredag 18:00`\nHör orden till texten, skriv dem inom citattecken."},
		{`träff ändra 1 titel:Julfika fredag 18:00`, "`träff ändra 1 titel:Julfika när:fredag 18:00`"},
	} {
		if got := h.SayIn(org, "sv", c.line); !strings.Contains(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.line, got, c.want)
		}
	}
	if got := h.Say(org, "träff visa 1"); !strings.Contains(got, "Gammal beskrivning") || !strings.Contains(got, "kl. 15:00") || strings.Contains(got, "Julfika") {
		t.Fatalf("changed by a refused line: %q", got)
	}
	got := h.SayIn(org, "sv", `träff ändra 1 Ta med fika när:fredag kl. 18.30`)
	if !strings.Contains(got, "Träff 1 är ändrad") {
		t.Fatalf("edit = %q", got)
	}
	if got := h.Say(org, "träff visa 1"); !strings.Contains(got, "Ta med fika") || !strings.Contains(got, "fredag 11 december 2026 kl. 18:30") {
		t.Errorf("after the edit: %q", got)
	}
	if got := h.SayIn(org, "en", `meetup edit 1 when:this friday at 7pm`); !strings.Contains(got, "Meetup 1 is changed") {
		t.Errorf("English edit = %q", got)
	}
	if got := h.SayIn(org, "en", "meetup show 1"); !strings.Contains(got, "Friday 11 December 2026, 19:00") {
		t.Errorf("after the English edit: %q", got)
	}
	// A place with house numbers is a place.
	if got := h.SayIn(org, "sv", `träff ändra 1 plats:Kungsgatan 12-14`); !strings.Contains(got, "Träff 1 är ändrad") {
		t.Errorf("place = %q", got)
	}
}

// TestAnnounceOnceTimeWords: `utskick en gång` reads its time the same way.
func TestAnnounceOnceTimeWords(t *testing.T) {
	h := bottest.New(t, bottest.At(saturday))
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.SayIn(org, "sv", `utskick en gång när:fredag kl. 9 kanal:#allmant Glöm inte anmälan!`); !strings.Contains(got, "fredag 11 december 2026 kl. 09:00") {
		t.Errorf("kl.: %q", got)
	}
	if got := h.SayIn(org, "en", `announce once when:this friday at 9am channel:#allmant Sign up!`); !strings.Contains(got, "Friday 11 December 2026, 09:00") {
		t.Errorf("this friday at 9am: %q", got)
	}
	if got := h.SayIn(org, "sv", `utskick en gång fredag 9:00 Glöm inte anmälan!`); !strings.Contains(got, "`utskick en gång när:fredag 9:00 Glöm inte anmälan!`") {
		t.Errorf("without när: %q", got)
	}
}
