package commands_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/bottest"
)

func TestAskAnswersInTheQuestionsLanguage(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	sv := h.Say(kim, "ask vad står PUNKS för?")
	if !strings.Contains(sv, "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle") || !strings.Contains(sv, "_Källa: ") {
		t.Fatalf("Swedish answer = %q", sv)
	}
	// The member's stored language is Swedish, but the question is clearly English.
	h.Say(kim, "language sv")
	en := h.Say(kim, "ask what does the name PUNKS stand for?")
	if !strings.Contains(en, "_Source: ") || !strings.Contains(en, "See also: ") {
		t.Fatalf("English answer = %q", en)
	}
	// Free text addressed to the bot is a question too.
	free := h.Say(kim, "who commissioned the report?")
	if !strings.Contains(free, "VIAkub Halland") {
		t.Fatalf("free-text answer = %q", free)
	}
}

func TestUnknownQuestionIsRecordedAndCounted(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	for _, q := range []string{"Vem vann Melodifestivalen?", "vem vann melodifestivalen", "ask Vem vann melodifestivalen!!"} {
		got := h.Say(kim, q)
		if !strings.Contains(got, "Det vet jag inte än") || !strings.Contains(got, "sparat frågan") {
			t.Fatalf("%q answered %q", q, got)
		}
	}
	// One member asking again is counted once; each other member counts.
	list := h.Say(org, "faq unanswered")
	if !strings.Contains(list, "1× “Vem vann Melodifestivalen?” (sv)") {
		t.Fatalf("unanswered list = %q", list)
	}
	h.Say(h.Member("bo", bot.RoleMember), "vem vann Melodifestivalen?")
	list = h.Say(org, "faq unanswered")
	if !strings.Contains(list, "2× “Vem vann Melodifestivalen?” (sv)") {
		t.Fatalf("unanswered list after a second member = %q", list)
	}
	if got := h.Say(kim, "faq unanswered"); !strings.Contains(got, "kräver rollen arrangör") {
		t.Fatalf("member saw the organisers' list: %q", got)
	}
}

func TestAskBadInput(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "ask"); !strings.Contains(got, "`fråga` saknas") || !strings.Contains(got, "Användning: `fråga <fråga…>`") {
		t.Fatalf("empty ask = %q", got)
	}
	if got := h.Say(kim, "ask "+strings.Repeat("passion ", 12<<10)); !strings.Contains(got, "för långt") {
		t.Fatalf("100 KB question = %q", got)
	}
	if got := h.Say(kim, "🎨🧵🥖 ?!"); !strings.Contains(got, "Jag hänger inte riktigt med") || strings.Contains(got, "sparat") {
		t.Fatalf("emoji-only question = %q", got)
	}
	for _, q := range []string{
		"ask '; DROP TABLE members; -- vad är passionsdriven ekonomi",
		"@everyone vad är PUNKS? <!channel>",
		"ask ```\n**vad** är `PUNKS`\n```",
		"what is passionsdriven ekonomi egentligen, and who defined it?",
	} {
		got := h.Say(kim, q)
		if got == "" || strings.Contains(got, "@everyone") || strings.Contains(got, "<!channel>") || strings.Contains(got, "Något gick fel") {
			t.Errorf("%q answered %q", q, got)
		}
	}
	// The last question was English: so is the help (the language kim
	// last wrote in).
	if got := h.Say(kim, "help"); !strings.Contains(got, "Commands you can use") {
		t.Fatalf("bot broken after bad questions: %q", got)
	}
}

func TestFaqAnswerIsSearchableAtOnceAndAfterRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	h := bottest.New(t, bottest.WithDatabase(path))
	kim := h.Member("kim", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(kim, "när är keramikverkstaden i Varberg öppen?")
	got := h.Say(org, `faq answer id:1 text:"Verkstaden är öppen tisdagar och torsdagar 10–16."`)
	if got != "Tack! Svaret är sparat som `fraga-1` och används direkt." {
		t.Fatalf("faq answer = %q", got)
	}
	if got := h.Say(kim, "när har keramikverkstaden öppet?"); !strings.Contains(got, "tisdagar och torsdagar") {
		t.Fatalf("answer not used at once: %q", got)
	}
	if got := h.Say(org, "faq unanswered"); got != "Inga obesvarade frågor just nu." {
		t.Fatalf("answered question still listed: %q", got)
	}
	if got := h.Say(org, "faq answer id:99 text:x"); !strings.Contains(got, "ingen fråga nummer 99") {
		t.Fatalf("unknown question id = %q", got)
	}
	h.DB.Close()
	restarted := bottest.New(t, bottest.WithDatabase(path))
	if got := restarted.Say(kim, "när har keramikverkstaden i Varberg öppet?"); !strings.Contains(got, "tisdagar och torsdagar") {
		t.Fatalf("answer lost after restart: %q", got)
	}
}

func TestFaqAddEditRemoveShow(t *testing.T) {
	h := bottest.New(t)
	org := h.Member("olle", bot.RoleOrganiser)
	kim := h.Member("kim", bot.RoleMember)
	got := h.Say(org, `faq add id:marknadsdag title:"När är marknadsdagen?" tags:"marknad, torgdag" text:"Marknadsdagen är första lördagen i juni på torget i Falkenberg."`)
	if got != "Ämnet `marknadsdag` (sv) är sparat och sökbart." {
		t.Fatalf("faq add = %q", got)
	}
	if got := h.Say(kim, "när är det torgdag?"); !strings.Contains(got, "första lördagen i juni") {
		t.Fatalf("added topic not found: %q", got)
	}
	if got := h.Say(org, `faq add id:"Bad Id!" title:x text:y`); !strings.Contains(got, "duger inte som id") {
		t.Fatalf("bad id = %q", got)
	}
	if got := h.Say(org, `faq edit id:marknadsdag text:"Marknadsdagen är andra lördagen i juni."`); got != "Ämnet `marknadsdag` (sv) är ändrat." {
		t.Fatalf("faq edit = %q", got)
	}
	if got := h.Say(org, "faq edit id:marknadsdag"); !strings.Contains(got, "Ange vad som ska ändras") {
		t.Fatalf("empty edit = %q", got)
	}
	// A built-in topic can be overridden and restored, never deleted.
	if got := h.Say(org, "faq remove id:punks-name"); !strings.Contains(got, "inbyggt och kan inte tas bort") {
		t.Fatalf("remove built-in = %q", got)
	}
	if got := h.Say(org, `faq edit id:viakub-contact text:"Kontakta Region Halland via växeln."`); !strings.Contains(got, "är ändrat") {
		t.Fatalf("override = %q", got)
	}
	show := h.Say(org, "faq show id:viakub-contact")
	if !strings.Contains(show, "Kontakta Region Halland via växeln.") || !strings.Contains(show, "skrivet av en arrangör") || !strings.Contains(show, "[en]") {
		t.Fatalf("show override = %q", show)
	}
	if got := h.Say(org, "faq remove id:viakub-contact"); !strings.Contains(got, "gäller igen") {
		t.Fatalf("restore = %q", got)
	}
	if got := h.Say(org, "faq show id:viakub-contact"); !strings.Contains(got, "Ursprung: inbyggt.") || strings.Contains(got, "växeln") {
		t.Fatalf("show restored = %q", got)
	}
	if got := h.Say(org, "faq remove id:marknadsdag"); got != "Ämnet `marknadsdag` är borttaget." {
		t.Fatalf("remove = %q", got)
	}
	if got := h.Say(org, "faq show id:marknadsdag"); got != "Det finns inget ämne `marknadsdag`." {
		t.Fatalf("show removed = %q", got)
	}
}

func TestFaqReloadSkipsMalformedFiles(t *testing.T) {
	dir := t.TempDir()
	good := "---\nid: kiln-share\nlang: sv\ntitle: Var kan jag låna en brännugn?\ntags: ugn, brännugn\n---\nKeramikföreningen i Halmstad hyr ut sin brännugn till medlemmar.\n"
	os.WriteFile(filepath.Join(dir, "kiln-share.sv.md"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.sv.md"), []byte("---\nid: broken\nlang: sv\ncolour: red\n---\nx\n"), 0o644)
	h := bottest.New(t, bottest.WithKnowledgeDir(dir))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "var kan jag låna en brännugn?"); !strings.Contains(got, "hyr ut sin brännugn") {
		t.Fatalf("folder topic not loaded at start: %q", got)
	}
	os.WriteFile(filepath.Join(dir, "market-stall.sv.md"), []byte("---\nid: market-stall\nlang: sv\ntitle: Var hyr jag ett marknadsstånd?\n---\nKommunen hyr ut marknadsstånd på torget.\n"), 0o644)
	got := h.Say(h.Member("olle", bot.RoleOrganiser), "faq reload")
	if !strings.Contains(got, "Kunskapsbasen är omläst") || !strings.Contains(got, "broken.sv.md:4") {
		t.Fatalf("reload = %q", got)
	}
	if got := h.Say(kim, "var hyr jag ett marknadsstånd?"); !strings.Contains(got, "Kommunen hyr ut") {
		t.Fatalf("reloaded topic not found: %q", got)
	}
}

func TestLibraryAskCrossLanguage(t *testing.T) {
	h := bottest.New(t)
	deps, _, err := commands.NewDeps(context.Background(), h.DB, "")
	if err != nil {
		t.Fatal(err)
	}
	a := deps.Library.Ask("who defined the passion-driven economy?", "sv")
	if !a.Answered || a.Lang != "en" || a.Top.Lang != "en" {
		t.Fatalf("English question: answered=%v lang=%s top=%+v", a.Answered, a.Lang, a.Top)
	}
}
