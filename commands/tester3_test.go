package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestThirdTesterSmallTalk: the small talk a third tester's nineteen
// personas got the wrong kind of reply to, or saw saved as a question.
func TestThirdTesterSmallTalk(t *testing.T) {
	h := bottest.New(t)
	for i, c := range []struct{ lang, text, key string }{
		{"sv", "fan vad krångligt", "chat.unclear"},
		{"sv", "Puh, vilken vecka.", "chat.remark"},
		{"sv", "Jag har bryggt 500 liter idag!", "chat.remark"},
		{"sv", "Jag har sålt tre tavlor idag!", "chat.remark"},
		{"en", "omg i sold 3 jackets today!!", "chat.remark"},
		{"en", "Hello my friend, namaste 🙏", "chat.greet"},
		{"en", "Very nice. I am happy today, the sun is shining in Varberg.", "chat.remark"},
		{"sv", "Jag har haft en crazy day med gäster", "chat.remark"},
		{"sv", "Jag hade en lång dag i smedjan today", "chat.remark"},
		{"en", "Thank you so much, you are very kind", "chat.thanks"},
		{"en", "You've been a great help, thank you!", "chat.thanks"},
		{"en", "What exactly can you do, and what can't you do?", "chat.what"},
		{"en", "sorry, not your fault, long week", "chat.sorry"},
		{"sv", "Jag har int så mycket tid, båten väntar.", "chat.remark"},
		{"sv", "Vilken härlig dag det är idag", "chat.remark"},
		// "👍 Säg till om du undrar något – skriv `hjälp`": the pointer
		// to `hjälp` the tester missed.
		{"sv", "Okej, jag fattar inte riktigt hur allt funkar men det löser sig.", "chat.ack"},
		{"en", "jk ur fine", "chat.ack"},
		{"sv", "usch vad trött jag är", "chat.remark"},
	} {
		u := h.Member("m"+string(rune('a'+i)), bot.RoleMember)
		if got, want := h.SayIn(u, c.lang, c.text), h.Bot.Catalog().T(c.lang, c.key); got != want {
			t.Errorf("%q: %.70q, want %s", c.text, got, c.key)
		}
	}
}

// TestWhatCanIDoAsARole: an organiser, moderator or admin asking what they
// can do is told what their role adds, with its commands; a member is not.
func TestWhatCanIDoAsARole(t *testing.T) {
	h := bottest.New(t)
	cat := h.Bot.Catalog()
	for _, c := range []struct {
		role       bot.Role
		lang, text string
		adds       string
	}{
		{bot.RoleOrganiser, "sv", "Vad kan jag göra som arrangör?", "chat.what_organiser"},
		{bot.RoleModerator, "sv", "vad kan du göra?", "chat.what_moderator"},
		{bot.RoleOrganiser, "en", "what can you do?", "chat.what_organiser"},
		{bot.RoleAdmin, "en", "what can you do?", "chat.what_admin"},
	} {
		u := h.Member("r"+c.role.String()+c.lang, c.role)
		if got, want := h.SayIn(u, c.lang, c.text), cat.T(c.lang, "chat.what")+"\n"+cat.T(c.lang, c.adds); got != want {
			t.Errorf("%s %q: %q", c.role, c.text, got)
		}
	}
	if got := h.SayIn(h.Member("kim", bot.RoleMember), "sv", "vad kan du göra?"); got != cat.T("sv", "chat.what") {
		t.Errorf("a member: %q", got)
	}
}

// TestRSVPInTheButtonsWords: "kommer", as the button says ("Jag kommer"),
// answers an invitation, and so do "going" and "perhaps".
func TestRSVPInTheButtonsWords(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	h.Say(h.Member("olle", bot.RoleOrganiser), `träff skapa titel:Fredagsfika när:"fredag 15:00"`)
	for _, c := range []struct{ who, line, want string }{
		{"maja", "träff svara 1 kommer", "Du är anmäld"},
		{"bo", "träff svara id:1 svar:kommerinte", "du kommer inte"},
		{"eve", "meetup rsvp id:1 answer:going", "Du är anmäld"},
		{"finn", "meetup rsvp id:1 answer:perhaps", "kanske"},
	} {
		if got := h.Say(h.Member(c.who, bot.RoleMember), c.line); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q", c.line, got)
		}
	}
}

// TestInterestAskedInPlainWords: the third tester's ways of asking for
// others with an interest find them ("smider" meets "smide"), and "här"
// is no interest.
func TestInterestAskedInPlainWords(t *testing.T) {
	h := bottest.New(t)
	h.Say(h.Member("lars", bot.RoleMember), "intressen lägg till smide, textil")
	sara := h.Member("sara", bot.RoleMember)
	for _, q := range []string{"Finns det andra som smider här?", "Kan du hjälpa mig hitta andra som håller på med textil?"} {
		if got := h.Say(sara, q); !strings.Contains(got, "lars") {
			t.Errorf("%q: %q", q, got)
		}
	}
	if got := h.SayIn(sara, "en", "Can you help me find others who do textiles?"); !strings.Contains(got, "lars") {
		t.Errorf("in English: %q", got)
	}
	if got := h.Say(sara, "Finns det någon annan som växtfärgar?"); strings.Contains(got, "sparat frågan") {
		t.Errorf("växtfärgar was queued: %q", got)
	}
	if got := h.Say(sara, "intressen add turism, B&B, frukost"); !strings.Contains(got, "b&b") {
		t.Errorf("B&B: %q", got)
	}
}

// TestWhoIsComing: "Vilka kommer på fikat?" names who is coming, with the
// count, as `meetup show` names them.
func TestWhoIsComing(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	h.Say(h.Member("olle", bot.RoleOrganiser), `träff skapa titel:Fika när:"fredag 15:00"`)
	h.Say(h.Member("anna", bot.RoleMember), "träff svara 1 ja")
	h.Say(h.Member("bo", bot.RoleMember), "träff svara 1 ja")
	if got := h.Say(h.Member("cia", bot.RoleMember), "Vilka kommer på fikat?"); !strings.Contains(got, "anna, bo") || !strings.Contains(got, "2") {
		t.Errorf("who is coming: %q", got)
	}
	if got := h.SayIn(h.Member("dan", bot.RoleMember), "en", "who's coming on friday?"); !strings.Contains(got, "anna, bo") {
		t.Errorf("who's coming on friday: %q", got)
	}
}

// TestStoreWhatIWriteIsThePrivacyTopic: asking the bot whether it keeps
// what one writes gets the topic on one's data, not "what I can do".
func TestStoreWhatIWriteIsThePrivacyTopic(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.SayIn(kim, "en", "Do you store what I write here?"); !strings.Contains(got, "mydata export") {
		t.Errorf("en: %.100q", got)
	}
	if got := h.SayIn(kim, "sv", "Sparar du det jag skriver?"); !strings.Contains(got, "mina-data exportera") {
		t.Errorf("sv: %.100q", got)
	}
}

// TestCourtesyAfterTheLastArgument: "nej tack" answers an invitation; the
// thanks is no argument. Another extra word is still refused.
func TestCourtesyAfterTheLastArgument(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	h.Say(h.Member("olle", bot.RoleOrganiser), `träff skapa titel:Fika när:"fredag 15:00"`)
	maja := h.Member("maja", bot.RoleMember)
	if got := h.Say(maja, "träff svara id:1 svar:nej tack"); !strings.Contains(got, "du kommer inte") {
		t.Errorf("nej tack: %q", got)
	}
	if got := h.Say(maja, "träff svara 1 ja tack så mycket"); !strings.Contains(got, "Du är anmäld") {
		t.Errorf("ja tack så mycket: %q", got)
	}
	if got := h.Say(maja, "träff svara 1 ja fika"); !strings.Contains(got, "för många argument") {
		t.Errorf("an extra word: %q", got)
	}
}

// TestFourthTesterFindings: a question after small talk is answered once
// the small talk around it is gone; an apology before a question keeps it
// a question; "is anyone else here into …" and "I want to meet other …"
// find members.
func TestFourthTesterFindings(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "Tjena! Hur är läget? vad är VIAkub?"); !strings.Contains(got, "VIAkub Halland") || strings.Contains(got, "sparat frågan") {
		t.Errorf("a question after small talk: %.100q", got)
	}
	if got := h.Say(kim, "ursäkta att jag stör, men hur vet jag om mitt företag är passionsdrivet?"); !strings.Contains(got, "grundprinciper") {
		t.Errorf("an apology before a question: %.100q", got)
	}
	h.SayIn(h.Member("lars", bot.RoleMember), "en", "interests add sourdough, potters")
	eve := h.Member("eve", bot.RoleMember)
	for _, q := range []string{"is anyone else here into sourdough?", "I want to meet other potters"} {
		if got := h.SayIn(eve, "en", q); !strings.Contains(got, "lars") {
			t.Errorf("%q: %.100q", q, got)
		}
	}
}
