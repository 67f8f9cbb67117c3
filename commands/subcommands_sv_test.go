package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// Every name a command answers to — each of its group's words (English or
// Swedish) with each of its own (English or Swedish), and its aliases —
// reaches that command through the real router: "hjälp <name>" explains
// it, in Swedish under its Swedish name and in English under its English.
func TestEverySwedishNameReachesItsCommand(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	ada := h.Member("ada", bot.RoleAdmin)
	reg := h.Bot.Registry()
	seen := map[string]bool{}
	for _, n := range reg.Names() {
		c, used := reg.Lookup(strings.Fields(n))
		if c == nil || used != len(strings.Fields(n)) {
			t.Fatalf("name %q finds %v (%d words)", n, c, used)
		}
		seen[c.Name] = true
		if got := h.SayIn(ada, "sv", "hjälp "+n); !strings.HasPrefix(got, "**"+c.NameIn(bot.LangSV)+"**") {
			t.Errorf("hjälp %s = %q, want the help of %s", n, firstLine(got), c.Name)
		}
		if got := h.SayIn(ada, "en", "help "+n); !strings.HasPrefix(got, "**"+c.Name+"**") {
			t.Errorf("help %s = %q, want the help of %s", n, firstLine(got), c.Name)
		}
	}
	if len(seen) != len(reg.Commands()) {
		t.Errorf("names reach %d of %d commands", len(seen), len(reg.Commands()))
	}
	// The Swedish group words and subcommand names the members need.
	for sv, en := range map[string]string{
		"intressen add": "interests add", "intressen lägg till": "interests add", "intressen lägg": "interests add",
		"interests lägg till": "interests add", "intressen ta bort": "interests remove", "intressen remove": "interests remove",
		"intressen vilka": "interests who", "interests vilka": "interests who", "intressen topp": "interests top",
		"intressen kanal": "interests channel", "profil set": "profile set", "profil ändra": "profile set",
		"profile ändra": "profile set", "match på": "match on", "match pa": "match on", "match av": "match off",
		"match nu": "match now", "match historik": "match history", "mydata exportera": "mydata export",
		"mina-data export": "mydata export", "mina-data exportera": "mydata export", "mydata radera": "mydata delete",
		"mina-data radera": "mydata delete", "mina-data delete": "mydata delete", "träff lista": "meetup list",
		"traff lista": "meetup list", "meetup lista": "meetup list", "träff list": "meetup list", "träff visa": "meetup show",
		"träff skapa": "meetup create", "träff ändra": "meetup edit", "träff ställ in": "meetup cancel",
		"träff stall in": "meetup cancel", "meetup ställ in": "meetup cancel", "träff svara": "meetup rsvp",
		"träff osa": "meetup rsvp", "träff kalender": "meetup ics", "träff ics": "meetup ics",
		"medlem glöm": "member forget", "webb logga ut": "dashboard logout", "dashboard logga ut": "dashboard logout",
		"kurs om": "learn restart", "kurs restart": "learn restart", "faq ämnen": "faq topics",
		"intressen": "interests", "profil": "profile", "Intressen Lägg Till": "interests add",
		"roll ge": "role grant", "roll grant": "role grant", "role ge": "role grant", "roll återkalla": "role revoke",
		"roll lista": "role list", "kanal skapa": "channel create", "kanal byt namn": "channel rename",
		"channel lås upp": "channel unlock", "kanal las upp": "channel unlock", "kanal lås": "channel lock",
		"utskick schemalägg": "announce schedule", "utskick en gång": "announce once", "announce ta bort": "announce remove",
		"faq obesvarade": "faq unanswered", "faq lägg till": "faq add", "faq ladda om": "faq reload", "faq koppla": "faq link",
	} {
		if c, n := reg.Lookup(strings.Fields(sv)); c == nil || c.Name != en || n != len(strings.Fields(sv)) {
			t.Errorf("%q finds %v, want %s", sv, c, en)
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// What the tester wrote: a Swedish group word with an English subcommand,
// Swedish subcommand names (one and two words), mixed either way, run the
// command they name — never the bare group command with the rest as its
// arguments, never the opposite subcommand.
func TestSwedishSubcommandsEndToEnd(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ line, want string }{
		{`intressen add tags:"keramik, surdeg"`, "Tillagt: keramik, surdeg."},
		{"intressen add lera", "Tillagt: lera."},
		{"intressen lägg till glasblåsning", "Tillagt: glasblåsning."},
		{"interests lägg till vävning", "Tillagt: vävning."},
		{"intressen lägg tovning", "Tillagt: tovning."},
		{"intressen vilka tag:keramik", "keramik: 1 medlem – kim"},
		{"intressen vilka intresse:keramik", "keramik: 1 medlem – kim"},
		{"intressen topp", "Vanligaste intressena"},
		{"intressen ta bort lera", "1 intresse borttaget."},
		{"intressen remove tovning", "1 intresse borttaget."},
		{"profil set region:Laholm", "Din profil är sparad."},
		{"profil ändra om:Keramiker", "Din profil är sparad."},
		{"match på", "Du är med i nästa matchning"},
		{"match av", "Du är inte längre med i matchningen."},
		{"match pa", "Du är med i nästa matchning"},
		{"match historik", "Du har inte matchats med någon ännu."},
		{"mydata exportera", `"region": "Laholm"`},
		{"mydata radera", "Det här raderar din profil"},
		{"träff lista", "Inga träffar är planerade just nu."},
		{"meetup lista", "Inga träffar är planerade just nu."},
	} {
		got := h.Say(kim, c.line)
		if !strings.Contains(got, c.want) {
			t.Errorf("%q = %q, want %q in it", c.line, got, c.want)
		}
		if strings.Contains(got, "för många argument") || strings.Contains(got, "Menade du") || strings.Contains(got, "finns inte") {
			t.Errorf("%q was not read as its subcommand: %q", c.line, got)
		}
	}
	if got := h.Say(kim, "intressen"); !strings.Contains(got, "glasblåsning") || !strings.Contains(got, "vävning") || strings.Contains(got, "tovning") {
		t.Errorf("intressen = %q", got)
	}

	// Organisers: a meetup created, answered and cancelled in Swedish.
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.Say(org, `träff skapa titel:"Fika" när:"fredag 18-21"`); !strings.Contains(got, "Träff 1 är skapad") {
		t.Fatalf("träff skapa = %q", got)
	}
	if got := h.Say(kim, "träff svara 1 ja"); !strings.Contains(got, "Du är anmäld") {
		t.Errorf("träff svara = %q", got)
	}
	if got := h.Say(kim, "träff visa 1"); !strings.Contains(got, "Kommer (1): kim") {
		t.Errorf("träff visa = %q", got)
	}
	if got := h.Say(org, `träff ändra 1 titel:"Julfika"`); !strings.Contains(got, "Julfika") {
		t.Errorf("träff ändra = %q", got)
	}
	if got := h.Say(org, "träff ställ in 1"); !strings.Contains(got, "är inställd") {
		t.Errorf("träff ställ in = %q", got)
	}
	ada := h.Member("ada", bot.RoleAdmin)
	if got := h.Say(ada, "roll ge kim arrangör"); got != "kim har nu rollen arrangör." {
		t.Errorf("roll ge = %q", got)
	}
	if got := h.SayIn(ada, "en", "roll lista"); !strings.Contains(got, "- kim: organiser") {
		t.Errorf("roll lista = %q", got)
	}
	if got := h.Say(ada, "roll återkalla kim"); !strings.Contains(got, "kim") || strings.Contains(got, "Användning") {
		t.Errorf("roll återkalla = %q", got)
	}
	// A member's Swedish subcommand above their role is refused by role,
	// under the command's name, not misread.
	if got := h.Say(kim, "träff skapa titel:x när:fredag"); !strings.Contains(got, "kräver rollen arrangör") {
		t.Errorf("member träff skapa = %q", got)
	}
}

// "match av" is match off and "match på" match on, in any spelling; a
// typo of either is offered the one meant, never its opposite.
func TestSwedishSubcommandNeverItsOpposite(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	for _, c := range []struct{ line, want, not string }{
		{"match av", "match.off", "match.on"},
		{"MATCH AV", "match.off", "match.on"},
		{"match på", "match.on", "match.off"},
		{"Match På", "match.on", "match.off"},
		{"match off", "match.off", "match.on"},
		{"match on", "match.on", "match.off"},
	} {
		got := h.Say(kim, c.line)
		if want := h.Bot.Catalog().T(bot.LangSV, c.want); got != want {
			t.Errorf("%q = %q, want %q", c.line, got, want)
		}
	}
	for line, want := range map[string]string{
		"match avv":       "`match av`",
		"match påå":       "`match på`",
		"match historikk": "`match historik`",
		"intressen topo":  "`intressen topp`",
		"träff lsita":     "`träff lista`",
		"träff stäl in":   "`träff ställ in`",
	} {
		got := h.Say(kim, line)
		if !strings.Contains(got, "Menade du "+want) {
			t.Errorf("%q = %q, want the suggestion %s", line, got, want)
		}
	}
}

// Help lists a group's subcommands by the caller's role and language,
// whichever language the group's word is written in.
func TestHelpListsAGroupsSubcommands(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	for _, line := range []string{"hjälp intressen", "help interests", "hjälp interests", "help intressen"} {
		got := h.SayIn(kim, "sv", line)
		for _, want := range []string{"**intressen** — Dina intressen", "**Underkommandon**", "`intressen lägg till` — Lägg till intressen",
			"`intressen ta bort`", "`intressen vilka`", "`intressen topp`"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s (sv) = %q, lacks %q", line, got, want)
			}
		}
		if strings.Contains(got, "intressen kanal") {
			t.Errorf("%s (member) lists a moderator's subcommand: %q", line, got)
		}
		got = h.SayIn(kim, "en", line)
		for _, want := range []string{"**interests** — Your interests", "**Subcommands**", "`interests add` — Add interests",
			"`interests remove`", "`interests who`", "`interests top`"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s (en) = %q, lacks %q", line, got, want)
			}
		}
	}
	got := h.SayIn(kim, "sv", "hjälp träff")
	if !strings.Contains(got, "`träff lista`") || !strings.Contains(got, "`träff svara`") || strings.Contains(got, "träff skapa") {
		t.Errorf("hjälp träff (member) = %q", got)
	}
	got = h.SayIn(org, "sv", "hjälp träff")
	for _, want := range []string{"`träff skapa`", "`träff ändra`", "`träff ställ in`", "`träff lista`", "`träff visa`", "`träff svara`"} {
		if !strings.Contains(got, want) {
			t.Errorf("hjälp träff (organiser) = %q, lacks %q", got, want)
		}
	}
	if got := h.SayIn(org, "en", "help träff"); !strings.Contains(got, "`meetup create`") || !strings.Contains(got, "`meetup cancel`") {
		t.Errorf("help träff (en) = %q", got)
	}
	// One subcommand: its usage and examples under the Swedish name, and
	// the other ways to write it.
	got = h.SayIn(kim, "sv", "hjälp intressen lägg till")
	for _, want := range []string{"**intressen lägg till**", "Användning: `intressen lägg till <intressen…>`", "`interests add`", "`intressen lägg`"} {
		if !strings.Contains(got, want) {
			t.Errorf("hjälp intressen lägg till = %q, lacks %q", got, want)
		}
	}
	got = h.SayIn(org, "sv", "hjälp träff skapa")
	if !strings.Contains(got, "- `träff skapa titel:\"Julfika i ateljén\"") {
		t.Errorf("hjälp träff skapa: examples not in Swedish: %q", got)
	}
	if got := h.SayIn(org, "en", "help meetup create"); !strings.Contains(got, "- `meetup create title:\"Julfika i ateljén\"") || !strings.Contains(got, "`träff skapa`") {
		t.Errorf("help meetup create = %q", got)
	}
	// A mistyped argument answers with the usage line of the language.
	if got := h.SayIn(kim, "sv", "intressen vilka"); !strings.Contains(got, "Användning: `intressen vilka <intresse…>`") {
		t.Errorf("intressen vilka without a tag = %q", got)
	}
}

// A group's Swedish word is a word of the language too: a sentence that
// starts with it is still a question, not an unknown command; the word
// alone, or before a near subcommand name, is a command.
func TestSwedishGroupWordsInFreeText(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	for _, line := range []string{"träff i helgen?", "Träff på lördag, vad tar jag med?", "medlem sedan 2020, hur förnyar jag?",
		"mina-data, vad sparar ni?", "träff med andra keramiker, hur gör jag?", "roll som arrangör, vad innebär det?",
		"kanal för keramik?", "utskick varje vecka, går det?"} {
		got := h.Say(kim, line)
		if strings.Contains(got, "känner inte till kommandot") || strings.Contains(got, "Användning:") || strings.Contains(got, "underkommando") {
			t.Errorf("%q was read as a command: %q", line, got)
		}
	}
	if got := h.Say(kim, "träff"); !strings.Contains(got, "`träff` behöver ett underkommando:") || !strings.Contains(got, "`träff lista`") {
		t.Errorf("träff = %q", got)
	}
	if got := h.Say(kim, "träff lsita"); !strings.Contains(got, "Menade du `träff lista`?") {
		t.Errorf("träff lsita = %q", got)
	}
	// The bare group command followed by a near subcommand name ("lägga
	// till" for "lägg till") is that
	// mistake explained, not the command's arguments.
	if got := h.Say(kim, "intressen lägga till keramik"); !strings.Contains(got, "Menade du `intressen lägg till`?") {
		t.Errorf("intressen lägga till = %q", got)
	}
	if got := h.Say(kim, "intressen topo"); !strings.Contains(got, "Menade du `intressen topp`?") || !strings.Contains(got, "Underkommandon") {
		t.Errorf("intressen topo = %q", got)
	}
}
