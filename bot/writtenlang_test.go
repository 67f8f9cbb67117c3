package bot_test

import (
	"path/filepath"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// The bot remembers the language a member writes in: with no chosen
// language and no platform locale, commands, refusals and errors follow
// it, per member, and `language sv` / `language auto` still decide.
func TestRepliesFollowTheLanguageWritten(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "passionbot.db")
	h := bottest.New(t, bottest.WithDatabase(dbPath))
	kim := h.Member("kim", bot.RoleMember)   // writes English
	lena := h.Member("lena", bot.RoleMember) // writes Swedish
	ref := h.Member("ref", bot.RoleMember)   // says everything with an explicit locale
	// What a member gets in each language, said by a member with an
	// explicit locale (as --lang).
	in := func(lang, line string) string { return h.SayIn(ref, lang, line) }
	commands := []string{"help", "meetup list", "meetp lsit", "ask", "role grant user:lena role:admin", "interests", "learn restart"}

	// A first line too short to tell: the default, Swedish.
	if got, sv := h.Say(kim, "help"), in("sv", "help"); got != sv {
		t.Fatalf("help before kim wrote anything = %q, want the Swedish %q", got, sv)
	}
	if got := h.Say(kim, "what is the passion driven economy?"); !strings.Contains(got, "What is the passion-driven economy?") {
		t.Fatalf("English question: %q", got)
	}
	if got := h.Say(lena, "vad är passionsdriven ekonomi?"); !strings.Contains(got, "Vad är passionsdriven ekonomi?") {
		t.Fatalf("Swedish question: %q", got)
	}
	for _, line := range commands {
		en, sv := in("en", line), in("sv", line)
		if en == sv {
			t.Fatalf("%q: the same in both languages: %q", line, en)
		}
		if got := h.Say(kim, line); got != en {
			t.Errorf("kim (wrote English) %q = %q, want %q", line, got, en)
		}
		if got := h.Say(lena, line); got != sv {
			t.Errorf("lena (wrote Swedish) %q = %q, want %q", line, got, sv)
		}
	}
	// Short lines say nothing about the language: the last written one
	// answers, and stays.
	for _, line := range []string{"ok", "lol", "👍", "🙏", ":)", "forget it"} {
		got := h.Say(kim, line)
		if want := in("en", line); got != want {
			t.Errorf("kim %q = %q, want the English %q", line, got, want)
		}
		if got, want := h.Say(lena, line), in("sv", line); got != want {
			t.Errorf("lena %q = %q, want the Swedish %q", line, got, want)
		}
	}
	if got, en := h.Say(kim, "help"), in("en", "help"); got != en {
		t.Fatalf("help after short lines = %q", got)
	}
	// A question with typos from a member with no history leans English.
	max := h.Member("max", bot.RoleMember)
	if got := h.Say(max, "waht is pasion drivn economy"); !strings.Contains(got, "What is the passion-driven economy?") {
		t.Fatalf("typos: %q", got)
	}
	if got, en := h.Say(max, "meetup list"), in("en", "meetup list"); got != en {
		t.Fatalf("max after typos: %q", got)
	}

	// The platform's locale (Discord's interaction locale) beats what was
	// written, for that event.
	hinted := func(u bot.User, hint, line string) string {
		return h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "dm-" + u.ID, DM: true},
			Text: line, Addressed: true, LocaleHint: hint}).Text()
	}
	if got, sv := hinted(kim, "sv-SE", "help"), in("sv", "help"); got != sv {
		t.Fatalf("kim with a Swedish platform locale: %q", got)
	}
	if got, en := hinted(lena, "en-US", "meetup list"), in("en", "meetup list"); got != en {
		t.Fatalf("lena with an English platform locale: %q", got)
	}
	slash := h.Send(bot.Event{Kind: bot.EventCommand, User: kim, Channel: bot.Channel{ID: "c"}, Command: "meetup list", LocaleHint: "sv-SE"}).Text()
	if sv := in("sv", "meetup list"); slash != sv {
		t.Fatalf("slash command with a Swedish locale: %q", slash)
	}
	if got, en := h.Say(kim, "meetup list"), in("en", "meetup list"); got != en {
		t.Fatalf("the locale of one event stuck: %q", got)
	}

	// An explicit choice wins over what is written, until `language auto`.
	if got := h.Say(kim, "language sv"); !strings.HasPrefix(got, "Klart: jag svarar dig på svenska.") {
		t.Fatalf("language sv = %q", got)
	}
	if got, sv := h.Say(kim, "help"), in("sv", "help"); got != sv {
		t.Fatalf("help after language sv = %q", got)
	}
	h.Say(kim, "how do I book a meetup with other members?")
	if got, sv := h.Say(kim, "meetup list"), in("sv", "meetup list"); got != sv {
		t.Fatalf("English text overrode the chosen language: %q", got)
	}
	if got := h.Say(kim, "language auto"); got != "Done: I will answer in the language you write in." {
		t.Fatalf("language auto after writing English = %q", got)
	}
	if got, en := h.Say(kim, "help"), in("en", "help"); got != en {
		t.Fatalf("help after language auto = %q", got)
	}
	if got := h.Say(lena, "språk auto"); got != "Klart: jag svarar på det språk du skriver på." {
		t.Fatalf("lena language auto = %q", got)
	}
	// Writing the other language moves it along.
	h.Say(lena, "thanks, what are the three principles?")
	if got, en := h.Say(lena, "meetup list"), in("en", "meetup list"); got != en {
		t.Fatalf("lena after writing English = %q", got)
	}
	h.Say(lena, "tack, jag är keramiker i Varberg")
	if got, sv := h.Say(lena, "meetup list"), in("sv", "meetup list"); got != sv {
		t.Fatalf("lena back in Swedish = %q", got)
	}

	// Kept over a restart, with the member.
	h2 := bottest.New(t, bottest.WithDatabase(dbPath))
	if got, en := h2.Say(kim, "meetup list"), in("en", "meetup list"); got != en {
		t.Fatalf("after a restart: %q", got)
	}
	// `mydata delete` forgets it.
	h2.Say(kim, "mydata delete")
	h2.Say(kim, "mydata delete confirm:yes")
	if got, sv := h2.Say(kim, "meetup list"), in("sv", "meetup list"); got != sv {
		t.Fatalf("after mydata delete: %q", got)
	}
}

// TestSwedishCommandNamesAnswerInSwedish: a member who last wrote English
// but types a command by its Swedish name ("hjälp", "träff lista") gets
// the Swedish reply; the English name, which Swedish speakers type too,
// keeps the language order (here: last written, English). A chosen
// language still comes first.
func TestSwedishCommandNamesAnswerInSwedish(t *testing.T) {
	h := bottest.New(t)
	lisa := h.Member("lisa", bot.RoleMember)
	ref := h.Member("ref", bot.RoleMember)
	in := func(lang, line string) string { return h.SayIn(ref, lang, line) }
	h.Say(lisa, "what is the passion driven economy?") // lisa writes English
	for _, c := range []struct{ line, same, lang string }{
		{"hjälp", "help", "sv"}, {"träff lista", "meetup list", "sv"}, {"intressen", "interests", "sv"},
		{"help", "help", "en"}, {"meetup list", "meetup list", "en"},
	} {
		if got, want := h.Say(lisa, c.line), in(c.lang, c.same); got != want {
			t.Errorf("lisa %q = %.80q, want the %s %.80q", c.line, got, c.lang, want)
		}
	}
	h.Say(lisa, "language en")
	if got, want := h.Say(lisa, "hjälp"), in("en", "help"); got != want {
		t.Errorf("lisa chose English, %q = %.80q", "hjälp", got)
	}
}
