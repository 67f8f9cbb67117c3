package commands_test

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/knowledge"
)

// svTexts is every Swedish text a member may read that can name a
// command: the whole catalog (core and every feature, read at run time, so
// a text added tomorrow is checked too) and the commands' and arguments'
// help lines, and the knowledge base's Swedish answers. Keys: the message
// key, "cmd:<name>[:<arg>]" or "kb:<topic>".
func svTexts(h *bottest.Harness) map[string]string {
	texts := map[string]string{}
	cat := h.Bot.Catalog()
	for _, k := range cat.Keys() {
		texts[k] = cat.T(bot.LangSV, k) // without arguments: the text as declared
	}
	for _, c := range h.Bot.Registry().Commands() {
		texts["cmd:"+c.Name] = c.Help.SV
		for _, a := range c.Args {
			texts["cmd:"+c.Name+":"+a.Name] = a.Help.SV
		}
	}
	// The knowledge base's Swedish answers ("Skriv `träff lista` …").
	topics, err := knowledge.Builtin()
	if err != nil {
		panic(err)
	}
	for _, tp := range topics {
		if tp.Lang == bot.LangSV {
			texts["kb:"+tp.ID] = tp.Body
		}
	}
	return texts
}

// svNameExceptions are backticked spans in Swedish texts that name a
// command by its English name on purpose, with the reason.
var svNameExceptions = map[string]string{
	// modlog's action: filter matches the audit log, which records the
	// command's canonical (English) name: "kanal lås" would find nothing.
	"cmd:modlog:action": "audit log values",
}

var backticked = regexp.MustCompile("`([^`\n]+)`")

// svCommandSpan is a backticked command in a Swedish text.
type svCommandSpan struct {
	key, span string
	cmd       *bot.Command
	n         int // words of the command's name in span
}

func svCommandSpans(t *testing.T, h *bottest.Harness) []svCommandSpan {
	t.Helper()
	reg := h.Bot.Registry()
	var out []svCommandSpan
	texts := svTexts(h)
	for _, k := range slices.Sorted(maps.Keys(texts)) {
		for _, m := range backticked.FindAllStringSubmatch(texts[k], -1) {
			words := strings.Fields(m[1])
			if c, n := reg.Lookup(words); c != nil {
				out = append(out, svCommandSpan{key: k, span: m[1], cmd: c, n: n})
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d backticked commands in Swedish texts: the scan is broken", len(out))
	}
	return out
}

// Every command a Swedish text names in backticks is named as Swedish
// help shows it (NameIn(sv): "intressen lägg till", "hjälp", "träff
// visa"), with its arguments' Swedish names ("intressen:", not "tags:")
// and choices' Swedish words ("svar:nej"); English texts keep English.
// The next text written with an English name fails here.
func TestSwedishTextsNameCommandsInSwedish(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	for _, s := range svCommandSpans(t, h) {
		if _, ok := svNameExceptions[s.key]; ok {
			continue
		}
		words := strings.Fields(s.span)
		written, sv := strings.Join(words[:s.n], " "), s.cmd.NameIn(bot.LangSV)
		if !strings.EqualFold(written, sv) {
			t.Errorf("%s: `%s` names %s as %q; Swedish texts write %q", s.key, s.span, s.cmd.Name, written, sv)
		}
		for _, w := range words[s.n:] {
			name, value, ok := strings.Cut(w, ":")
			if !ok || name == "" {
				continue
			}
			a := s.cmd.ArgNamed(name)
			if a == nil {
				t.Errorf("%s: `%s`: %s takes no argument %q", s.key, s.span, s.cmd.Name, name)
				continue
			}
			if svName := a.NameIn(bot.LangSV); !strings.EqualFold(name, svName) {
				t.Errorf("%s: `%s`: argument %q is %q in Swedish", s.key, s.span, name, svName)
			}
			if c, ok := a.Choice(value); ok && a.Kind == bot.KindChoice && !strings.EqualFold(value, a.ChoiceIn(bot.LangSV, c)) {
				t.Errorf("%s: `%s`: choice %q is %q in Swedish", s.key, s.span, value, a.ChoiceIn(bot.LangSV, c))
			}
		}
	}
}

// placeholder stands in for what a text fills in or leaves to the member
// (%d, %s, <nummer>, "…"), so that the line can be typed.
var placeholder = strings.NewReplacer("%d", "1", "%s", "keramik", `"…"`, `"fredag 18"`, "…", "x")

var angle = regexp.MustCompile(`<[^>]*>`)

// Every backticked command in a Swedish text runs as written when a
// Swedish-speaking admin types it: the router knows the name and the
// arguments, whatever the command then answers (a missing meeting, a
// platform without channels).
func TestSwedishTextsCommandsRun(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	ada := h.Member("ada", bot.RoleAdmin)
	seen := map[string]bool{}
	for _, s := range svCommandSpans(t, h) {
		if _, ok := svNameExceptions[s.key]; ok {
			continue
		}
		line := angle.ReplaceAllString(placeholder.Replace(s.span), "1")
		if seen[line] {
			continue
		}
		seen[line] = true
		got := h.SayIn(ada, bot.LangSV, line)
		for _, bad := range []string{"Jag känner inte till kommandot", "Menade du", "är inget argument", "finns inte för det här kommandot", "för många argument"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: `%s` (typed %q) is not understood: %q", s.key, s.span, line, got)
				break
			}
		}
	}
}

// Swedish help names a one-word command by its Swedish alias ("hjälp",
// "fråga", "språk", "statistik"); English help keeps the English names.
func TestSwedishHelpShowsSwedishAliases(t *testing.T) {
	h := bottest.New(t)
	ada := h.Member("ada", bot.RoleAdmin)
	sv, en := h.SayIn(ada, bot.LangSV, "hjälp"), h.SayIn(ada, bot.LangEN, "help")
	for svName, enName := range map[string]string{"hjälp": "help", "fråga": "ask", "språk": "language", "statistik": "stats", "kurs": "learn"} {
		if !strings.Contains(sv, "- `"+svName+"` — ") || strings.Contains(sv, "- `"+enName+"` — ") {
			t.Errorf("Swedish help does not list `%s` as `%s`:\n%s", enName, svName, sv)
		}
		if !strings.Contains(en, "- `"+enName+"` — ") || strings.Contains(en, "- `"+svName+"` — ") {
			t.Errorf("English help does not list `%s`:\n%s", enName, en)
		}
	}
	if !strings.HasSuffix(sv, "Skriv `hjälp <kommando>` för mer om ett kommando.") || !strings.HasSuffix(en, "Type `help <command>` for more about a command.") {
		t.Errorf("help hint: sv %q, en %q", sv[max(0, len(sv)-60):], en[max(0, len(en)-60):])
	}
	// The explanation of one command: its Swedish name first, the English
	// one among the other spellings.
	if got := h.SayIn(ada, bot.LangSV, "hjälp help"); !strings.HasPrefix(got, "**hjälp**") || !strings.Contains(got, "Användning: `hjälp [<kommando…>]`") || !strings.Contains(got, "`help`") {
		t.Errorf("hjälp help = %q", got)
	}
	if got := h.SayIn(ada, bot.LangEN, "help hjälp"); !strings.HasPrefix(got, "**help**") || !strings.Contains(got, "Usage: `help [<command…>]`") {
		t.Errorf("help hjälp = %q", got)
	}
	// Refusals name the command as the member's language does.
	kim := h.Member("kim", bot.RoleMember)
	if got := h.SayIn(kim, bot.LangSV, "roll ge användare:bo roll:arrangör"); !strings.Contains(got, "Kommandot `roll ge` kräver rollen") {
		t.Errorf("sv refusal = %q", got)
	}
	if got := h.SayIn(kim, bot.LangEN, "role grant user:bo role:organiser"); !strings.Contains(got, "The command `role grant` needs the role") {
		t.Errorf("en refusal = %q", got)
	}
}

// "intressen lägg" is itself a name of "interests add", so a typo in the
// last word of "intressen lägg till" used to be swallowed as the start of
// the tags: "intressen lägg tll keramik" stored "tll keramik". The router
// now refuses it with the name the member meant, as for any other typo in
// a command name, and stores nothing.
func TestTypoInLastWordOfSwedishSubcommand(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	for _, line := range []string{"intressen lägg tll vävning", "intressen lagg tilll vävning", "interests lägg tll vävning", "intressen lägg tll"} {
		got := h.SayIn(kim, bot.LangSV, line)
		if !strings.Contains(got, "Menade du `intressen lägg till`?") && !strings.Contains(got, "Menade du `interests lägg till`?") {
			t.Errorf("%q = %q, want the suggestion", line, got)
		}
		if strings.Contains(got, "Tillagt") {
			t.Errorf("%q added tags: %q", line, got)
		}
	}
	if got := h.SayIn(kim, bot.LangEN, "interests lägg tll vävning"); !strings.Contains(got, "Did you mean `interests lägg till`?") {
		t.Errorf("en = %q", got)
	}
	if got := h.SayIn(kim, bot.LangSV, "intressen"); strings.Contains(got, "tll") || strings.Contains(got, "vävning") {
		t.Fatalf("a typo stored a tag: %q", got)
	}
	// Spelled right, or with the tag quoted, or without the word at all,
	// it runs.
	for line, want := range map[string]string{
		"intressen lägg till vävning": "Tillagt: vävning.",
		`intressen lägg "tull"`:       "Tillagt: tull.",
		"intressen lägg surdeg":       "Tillagt: surdeg.",
	} {
		if got := h.SayIn(kim, bot.LangSV, line); !strings.Contains(got, want) {
			t.Errorf("%q = %q, want %q", line, got, want)
		}
	}
	if got := h.SayIn(kim, bot.LangSV, "intressen"); strings.Contains(got, "tll") || !strings.Contains(got, "vävning") {
		t.Errorf("intressen = %q", got)
	}
}
