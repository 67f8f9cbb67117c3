package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"passionbot/bot/when"
)

func testCommands(t testing.TB) *Registry {
	t.Helper()
	run := func(context.Context, *Call) error { return nil }
	txt := Text{SV: "x", EN: "x"}
	r, err := NewRegistry([]*Command{
		{Name: "meetup create", Help: txt, Run: run, Args: []Arg{
			{Name: "title", SV: "titel", Kind: KindText, Required: true, Help: txt},
			{Name: "when", SV: "när", Kind: KindTime, Required: true, Help: txt},
			{Name: "capacity", SV: "platser", Kind: KindInt, Min: 1, Max: 500, Help: txt},
			{Name: "online", Kind: KindBool, Help: txt},
		}},
		{Name: "ask", Aliases: []string{"fråga"}, Help: txt, Run: run, Args: []Arg{
			{Name: "question", SV: "fråga", Kind: KindRest, Required: true, Help: txt},
		}},
		{Name: "timeout", Help: txt, Run: run, Args: []Arg{
			{Name: "user", SV: "användare", Kind: KindUser, Required: true, Help: txt},
			{Name: "duration", SV: "längd", Kind: KindDuration, Required: true, Help: txt},
			{Name: "channel", SV: "kanal", Kind: KindChannel, Help: txt},
		}},
		{Name: "announce", Help: txt, Run: run, Args: []Arg{
			{Name: "cron", Kind: KindCron, Required: true, Help: txt},
			{Name: "answer", SV: "svar", Kind: KindChoice, Choices: []string{"yes", "maybe", "no"},
				ChoicesSV: map[string][]string{"yes": {"ja"}, "maybe": {"kanske"}, "no": {"nej"}}, Help: txt},
		}},
		{Name: "role grant", Help: txt, Run: run, Args: []Arg{
			{Name: "user", SV: "användare", Kind: KindUser, Required: true, Help: txt},
			{Name: "role", SV: "roll", Kind: KindChoice, Required: true, Choices: []string{"organiser", "moderator", "admin"},
				ChoicesSV: map[string][]string{"organiser": {"arrangör", "organisatör"}}, Help: txt},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "name=value" for named, "value" for positional
		err  string
	}{
		{"", nil, ""},
		{"   ", nil, ""},
		{"help", []string{"help"}, ""},
		{"a  b\tc", []string{"a", "b", "c"}, ""},
		{`title:"Julfika i ateljén" when:"2027-01-15 18:00"`, []string{"title=Julfika i ateljén", "when=2027-01-15 18:00"}, ""},
		{`"two words" x`, []string{"two words", "x"}, ""},
		{`“smart quotes” ok`, []string{"smart quotes", "ok"}, ""},
		{`say:"a \"quoted\" word"`, []string{`say=a "quoted" word`}, ""},
		{"Title:Caps", []string{"title=Caps"}, ""},
		{"18:00", []string{"18:00"}, ""},
		{"https://example.org", []string{"https://example.org"}, ""}, // a link, not an option
		{"link:https://example.org/a?b=c", []string{"link=https://example.org/a?b=c"}, ""},
		{"mailto:kim@example.org", []string{"mailto:kim@example.org"}, ""},
		{`title:"unclosed`, nil, "arg.unbalanced"},
		{`"`, nil, "arg.unbalanced"},
		{"empty:", []string{"empty="}, ""},
	}
	for _, tt := range tests {
		toks, err := tokenize(tt.in)
		if tt.err != "" {
			var ae *UserError
			if !errors.As(err, &ae) || ae.Key != tt.err {
				t.Errorf("tokenize(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("tokenize(%q): %v", tt.in, err)
			continue
		}
		var got []string
		for _, tk := range toks {
			if tk.named {
				got = append(got, tk.name+"="+tk.value)
			} else {
				got = append(got, tk.value)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAndBind(t *testing.T) {
	reg := testCommands(t)
	loc, _ := time.LoadLocation("Europe/Stockholm")
	p := Parser{Location: loc}
	tests := []struct {
		line    string
		cmd     string
		check   func(Args) string // "" when fine
		errKey  string
		errArgs []any
	}{
		{line: `meetup create title:"Julfika i ateljén" when:"2027-01-15 18:00"`, cmd: "meetup create", check: func(a Args) string {
			want := time.Date(2027, 1, 15, 18, 0, 0, 0, loc)
			if a.String("title") != "Julfika i ateljén" || !a.Time("when").Equal(want) || a.Has("capacity") {
				return "wrong values"
			}
			return ""
		}},
		{line: `MEETUP Create "Surdeg" "2027-02-01 10:00" 12 ja`, cmd: "meetup create", check: func(a Args) string {
			if a.String("title") != "Surdeg" || a.Int("capacity") != 12 || !a.Bool("online") {
				return "positional values wrong"
			}
			return ""
		}},
		{line: `meetup create when:"2027-02-01 10:00" Surdeg`, cmd: "meetup create", check: func(a Args) string {
			if a.String("title") != "Surdeg" {
				return "positional after named should fill title"
			}
			return ""
		}},
		{line: `meetup create title:a title:b when:"2027-02-01 10:00"`, cmd: "meetup create", errKey: "arg.repeated", errArgs: []any{"title"}},
		{line: `meetup create title:a color:red`, cmd: "meetup create", errKey: "arg.unknown", errArgs: []any{"color", "`title:`, `when:`, `capacity:`, `online:`"}},
		{line: `meetup create title:a`, cmd: "meetup create", errKey: "arg.missing", errArgs: []any{"when"}},
		{line: `meetup create a "2027-01-01 10:00" 0`, cmd: "meetup create", errKey: "arg.range", errArgs: []any{"capacity", 1, 500}},
		{line: `meetup create a "2027-01-01 10:00" many`, cmd: "meetup create", errKey: "arg.int", errArgs: []any{"capacity", "many"}},
		{line: `meetup create a "2027-01-01 10:00" 5 kanske`, cmd: "meetup create", errKey: "arg.bool", errArgs: []any{"online", "kanske"}},
		{line: `meetup create a "2027-13-45 10:00"`, cmd: "meetup create", errKey: "arg.time", errArgs: []any{"when", "2027-13-45 10:00"}},
		{line: `meetup create a "2027-01-01 10:00" 5 ja extra`, cmd: "meetup create", errKey: "arg.too_many", errArgs: []any{"extra"}},
		{line: `ask vad är passionsdriven ekonomi?`, cmd: "ask", check: func(a Args) string {
			if a.String("question") != "vad är passionsdriven ekonomi?" {
				return "rest = " + a.String("question")
			}
			return ""
		}},
		{line: `fråga  what is 10:30, really:  yes`, cmd: "ask", check: func(a Args) string {
			if a.String("question") != "what is 10:30, really:  yes" {
				return "rest kept raw text = " + a.String("question")
			}
			return ""
		}},
		{line: `ask "quoted question"`, cmd: "ask", check: func(a Args) string {
			if a.String("question") != "quoted question" {
				return "single quoted rest = " + a.String("question")
			}
			return ""
		}},
		{line: `ask question:"named form"`, cmd: "ask", check: func(a Args) string {
			if a.String("question") != "named form" {
				return "named rest = " + a.String("question")
			}
			return ""
		}},
		{line: `ask`, cmd: "ask", errKey: "arg.missing", errArgs: []any{"question"}},
		{line: `timeout <@!123456> 2d <#987>`, cmd: "timeout", check: func(a Args) string {
			if a.String("user") != "123456" || a.Duration("duration") != 48*time.Hour || a.String("channel") != "987" {
				return "discord refs"
			}
			return ""
		}},
		{line: `timeout user:<@U0ABC|kim> duration:1h30m channel:<#C01|allmänt>`, cmd: "timeout", check: func(a Args) string {
			if a.String("user") != "U0ABC" || a.Duration("duration") != 90*time.Minute || a.String("channel") != "C01" {
				return "slack refs"
			}
			return ""
		}},
		{line: `timeout @kim "2 veckor" #allmänt`, cmd: "timeout", check: func(a Args) string {
			if a.String("user") != "kim" || a.Duration("duration") != 14*24*time.Hour || a.String("channel") != "allmänt" {
				return "plain refs"
			}
			return ""
		}},
		{line: `timeout kim -5m`, cmd: "timeout", errKey: "arg.duration", errArgs: []any{"duration", "-5m"}},
		{line: `timeout "kim; DROP TABLE members" 5m`, cmd: "timeout", errKey: "arg.user", errArgs: []any{"user", "kim; DROP TABLE members"}},
		{line: `announce "0 9 * * MON" MAYBE`, cmd: "announce", check: func(a Args) string {
			if a.String("cron") != "0 9 * * MON" || a.String("answer") != "maybe" {
				return "cron/choice"
			}
			return ""
		}},
		{line: `announce "every tuesday"`, cmd: "announce", errKey: "arg.cron", errArgs: []any{"cron", "every tuesday"}},
		{line: `announce "61 9 * * *"`, cmd: "announce", errKey: "arg.cron", errArgs: []any{"cron", "61 9 * * *"}},
		{line: `announce @weekly perhaps`, cmd: "announce", errKey: "arg.choice", errArgs: []any{"answer", "yes, maybe, no"}},
		{line: `nothing here`, cmd: ""},
	}
	for _, tt := range tests {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil {
			t.Errorf("%q: parse error %v", tt.line, err)
			continue
		}
		if (cmd == nil && tt.cmd != "") || (cmd != nil && cmd.Name != tt.cmd) {
			t.Errorf("%q: command = %v, want %q", tt.line, cmd, tt.cmd)
			continue
		}
		if cmd == nil {
			continue
		}
		args, err := p.bind(cmd, toks, rest)
		if tt.errKey != "" {
			var ae *UserError
			if !errors.As(err, &ae) || ae.Key != tt.errKey || len(ae.Args) != len(tt.errArgs) {
				t.Errorf("%q: error = %v, want %s %v", tt.line, err, tt.errKey, tt.errArgs)
				continue
			}
			for i, a := range localize(LangEN, ae.Args) {
				if a != tt.errArgs[i] {
					t.Errorf("%q: error args = %v, want %v", tt.line, ae.Args, tt.errArgs)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: bind error %v", tt.line, err)
			continue
		}
		if msg := tt.check(args); msg != "" {
			t.Errorf("%q: %s", tt.line, msg)
		}
	}
}

func TestTextMaxLen(t *testing.T) {
	reg := testCommands(t)
	cmd, toks, rest, _ := reg.parseLine("ask " + strings.Repeat("å", 2001))
	_, err := Parser{}.bind(cmd, toks, rest)
	var ae *UserError
	if !errors.As(err, &ae) || ae.Key != "arg.too_long" {
		t.Fatalf("2001-rune question: %v, want arg.too_long", err)
	}
}

func TestBindOptions(t *testing.T) {
	reg := testCommands(t)
	cmd, _ := reg.Lookup([]string{"timeout"})
	a, err := Parser{}.BindOptions(cmd, map[string]any{"user": "123", "duration": "10m"})
	if err != nil || a.String("user") != "123" || a.Duration("duration") != 10*time.Minute {
		t.Fatalf("BindOptions = %v, %v", a, err)
	}
	if _, err := (Parser{}).BindOptions(cmd, map[string]any{"user": "123", "duration": "10m", "bogus": "1"}); err == nil {
		t.Fatal("unknown option accepted")
	}
	if _, err := (Parser{}).BindOptions(cmd, map[string]any{"user": "123"}); err == nil {
		t.Fatal("missing required option accepted")
	}
}

func TestUsage(t *testing.T) {
	reg := testCommands(t)
	want := map[string]string{
		"meetup create": "meetup create title:<text> when:<time> [capacity:<int>] [online:<bool>]",
		"ask":           "ask <question…>",
		"announce":      "announce cron:<cron> [answer:yes|maybe|no]",
	}
	for name, w := range want {
		c, _ := reg.Lookup(strings.Fields(name))
		if got := c.Usage(); got != w {
			t.Errorf("Usage(%s) = %q, want %q", name, got, w)
		}
	}
}

// FuzzParse checks that no input makes the parser panic, that accepted
// input binds into declared arguments only, and that text values stay
// valid UTF-8 when the input is.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`meetup create title:"Julfika i ateljén" when:"2027-01-15 18:00"`,
		`ask vad är "passion`, `timeout <@!1> 2d`, `announce "0 9 * * MON" yes`,
		"ask \xff\xfe", `“”„`, `a:b:c:d "x\"`, "meetup create \\",
		`role grant användare:kim roll:ARRANGOR`, `meetup create titel:x NÄR:"fredag 18" platser:2`, `announce @weekly svar:kanske`,
	} {
		f.Add(s)
	}
	reg := testCommands(f)
	f.Fuzz(func(t *testing.T, line string) {
		cmd, toks, rest, err := reg.parseLine(line)
		if err != nil || cmd == nil {
			return
		}
		args, err := Parser{}.bind(cmd, toks, rest)
		if err != nil {
			return
		}
		for name, v := range args.m {
			if cmd.Arg(name) == nil {
				t.Fatalf("bound undeclared argument %q", name)
			}
			if s, ok := v.(string); ok && utf8.ValidString(line) && !utf8.ValidString(s) {
				t.Fatalf("argument %q became invalid UTF-8: %q", name, s)
			}
		}
	})
}

func TestFreeTextWithOptionalArguments(t *testing.T) {
	txt := Text{SV: "x", EN: "x"}
	run := func(context.Context, *Call) error { return nil }
	reg, err := NewRegistry([]*Command{{Name: "faq add", Help: txt, Run: run, Args: []Arg{
		{Name: "id", Kind: KindText, Required: true, Help: txt},
		{Name: "title", Kind: KindText, Required: true, Help: txt},
		{Name: "lang", Kind: KindChoice, Choices: []string{"sv", "en"}, Help: txt},
		{Name: "tags", Kind: KindText, Help: txt},
		{Name: "text", Kind: KindRest, Required: true, Help: txt},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ line, id, title, lang, tags, text string }{
		{`faq add id:x title:y Ateljén är  öppen tisdagar`, "x", "y", "", "", "Ateljén är  öppen tisdagar"},
		{`faq add x "En titel" Ateljén är öppen`, "x", "En titel", "", "", "Ateljén är öppen"},
		{`faq add id:x3 title:y some text lang:en`, "x3", "y", "en", "", "some text"},
		{`faq add id:x title:y some lang:en more  text tags:"a, b"`, "x", "y", "en", "a, b", "some more  text"},
		{`faq add id:x title:y "bogus:z"`, "x", "y", "", "", "bogus:z"},
		{`faq add id:x title:y "bogus:z" text`, "x", "y", "", "", `"bogus:z" text`},
		{`faq add id:x title:y Obs: ta med fika`, "x", "y", "", "", "Obs: ta med fika"},
		{`faq add id:x title:y se https://example.org/a:b och mailto:kim@x.se`, "x", "y", "", "", "se https://example.org/a:b och mailto:kim@x.se"},
		{`faq add id:x title:y text:"quoted text" lang:sv`, "x", "y", "sv", "", "quoted text"},
		{`faq add id:x title:y what is 10:30?`, "x", "y", "", "", "what is 10:30?"},
	} {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		a, err := Parser{}.bind(cmd, toks, rest)
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		got := []string{a.String("id"), a.String("title"), a.String("lang"), a.String("tags"), a.String("text")}
		want := []string{tt.id, tt.title, tt.lang, tt.tags, tt.text}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: got %q, want %q", tt.line, got, want)
		}
	}
	cmd, toks, rest, _ := reg.parseLine(`faq add id:x title:y lang:sv text lang:en`)
	if _, err := (Parser{}).bind(cmd, toks, rest); err == nil || !strings.Contains(err.Error(), "arg.repeated") {
		t.Errorf("lang given twice: %v", err)
	}
}

func TestNamedFreeTextRunsOn(t *testing.T) {
	reg := testCommands(t)
	for line, want := range map[string]string{
		`ask question:vad är PUNKS för  något?`:        "vad är PUNKS för  något?",
		`ask question:"vad är" PUNKS`:                  "vad är PUNKS",
		`ask question:"bara citat"`:                    "bara citat",
		`fråga question:keramik, surdeg, besöksnäring`: "keramik, surdeg, besöksnäring",
	} {
		cmd, toks, rest, _ := reg.parseLine(line)
		a, err := Parser{}.bind(cmd, toks, rest)
		if err != nil || a.String("question") != want {
			t.Errorf("%q: %q, %v; want %q", line, a.String("question"), err, want)
		}
	}
}

// An option name the command does not take is refused, also among free
// text, with the nearest name in either language when it is a typo.
func TestUnknownOptionInFreeText(t *testing.T) {
	txt := Text{SV: "x", EN: "x"}
	run := func(context.Context, *Call) error { return nil }
	reg, err := NewRegistry([]*Command{{Name: "meetup create", Help: txt, Run: run, Args: []Arg{
		{Name: "title", SV: "titel", Kind: KindText, Required: true, Help: txt},
		{Name: "where", SV: "plats", Kind: KindText, Help: txt},
		{Name: "description", SV: "beskrivning", Kind: KindRest, Help: txt},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ line, key, sv, en string }{
		{`meetup create title:A were:Ateljén`, "arg.unknown_suggest_text", "`were` är inget argument till meetup create — menade du `where`?", "`were` is not an argument of meetup create — did you mean `where`?"},
		{`meetup create title:A plas:Ateljén`, "arg.unknown_suggest_text", "menade du `plats`?", "did you mean `plats`?"},
		{`meetup create title:A beskrivnig:x`, "arg.unknown_suggest_text", "menade du `beskrivning`?", "did you mean `beskrivning`?"},
		{`meetup create title:A kom gärna foo:bar`, "arg.unknown_text", "`\"foo:bar\"`", "`\"foo:bar\"`"},
		{`meetup create title:A foo:bar`, "arg.unknown_text", "`titel:`, `plats:`, `beskrivning:`", "`title:`, `where:`, `description:`"},
	} {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		_, err = Parser{}.bind(cmd, toks, rest)
		var ue *UserError
		if !errors.As(err, &ue) || ue.Key != tt.key {
			t.Errorf("%q: %v, want %s", tt.line, err, tt.key)
			continue
		}
		sv, en := cat.T(LangSV, ue.Key, ue.Args...), cat.T(LangEN, ue.Key, ue.Args...)
		if !strings.Contains(sv, tt.sv) || !strings.Contains(en, tt.en) {
			t.Errorf("%q:\nsv %q, want %q in it\nen %q, want %q in it", tt.line, sv, tt.sv, en, tt.en)
		}
	}
}

// timeCommands declare arguments as the meetup and announcement commands
// do: a title and a place that run on (AnyWord), a time whose words are a
// time's (when.Word), a recurrence with words of its own.
func timeCommands(t testing.TB) *Registry {
	t.Helper()
	run := func(context.Context, *Call) error { return nil }
	txt := Text{SV: "x", EN: "x"}
	title := Arg{Name: "title", SV: "titel", RunsOn: AnyWord, Kind: KindText, Help: txt}
	whenArg := Arg{Name: "when", SV: "när", RunsOn: when.Word, Kind: KindText, Help: txt}
	where := Arg{Name: "where", SV: "plats", RunsOn: AnyWord, Kind: KindText, Help: txt}
	recurrence := func(w string) bool {
		return when.Word(w) || w == "varje" || w == "every" || w == "varannan"
	}
	desc := Arg{Name: "description", SV: "beskrivning", Kind: KindRest, Help: txt}
	req := func(a Arg) Arg { a.Required = true; return a }
	r, err := NewRegistry([]*Command{
		{Name: "meetup create", GroupSV: []string{"träff"}, SV: []string{"skapa"}, Help: txt, Run: run,
			Args: []Arg{req(title), req(whenArg), where, desc}},
		{Name: "meetup edit", SV: []string{"ändra"}, Help: txt, Run: run,
			Args: []Arg{{Name: "id", Kind: KindInt, Required: true, Help: txt}, title, whenArg, where, desc}},
		{Name: "announce once", GroupSV: []string{"utskick"}, SV: []string{"en gång"}, Help: txt, Run: run,
			Args: []Arg{{Name: "when", SV: "när", RunsOn: recurrence, Kind: KindText, Required: true, Help: txt},
				{Name: "text", Kind: KindRest, Required: true, Help: txt}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// timeParser reads times on Saturday 5 December 2026 at 10:00 in Stockholm.
func timeParser(t testing.TB) Parser {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return Parser{Location: loc, Now: func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, loc) }}
}

// An unquoted time runs on over the words times are written with, also
// "kl." with a full stop, "15.00", small words that lead into the time
// ("at 3pm", "den 15", "i 2 timmar"), and after its name among free text;
// it stops where the time would stop being readable.
func TestUnquotedTimeRunsOn(t *testing.T) {
	reg, p := timeCommands(t), timeParser(t)
	for _, tt := range []struct{ line, title, when, where, desc string }{
		{`träff skapa titel:A när:fredag kl. 15`, "A", "fredag kl. 15", "", ""},
		{`meetup create title:D when:fredag kl. 15.00`, "D", "fredag kl. 15.00", "", ""},
		{`meetup create title:A when:friday at 3pm`, "A", "friday at 3pm", "", ""},
		{`meetup create title:A when:next Friday at 3pm Bring snacks`, "A", "next Friday at 3pm", "", "Bring snacks"},
		{`meetup create title:A when:Dec 18 at 3pm`, "A", "Dec 18 at 3pm", "", ""},
		{`meetup create title:Friday fika when:this friday at 3pm`, "Friday fika", "this friday at 3pm", "", ""},
		{`träff skapa titel:A när:nu på fredag kl 15 Ta med fika`, "A", "nu på fredag kl 15", "", "Ta med fika"},
		{`träff skapa titel:A när:den här fredagen kl. 15.00`, "A", "den här fredagen kl. 15.00", "", ""},
		{`träff skapa titel:A när:fredag den 18 december kl 18`, "A", "fredag den 18 december kl 18", "", ""},
		{`träff skapa titel:A när:fredag 18 till 21 i ateljén`, "A", "fredag 18 till 21", "", "i ateljén"},
		{`träff skapa titel:A när:fredag 18 i 2 timmar plats:Ateljén`, "A", "fredag 18 i 2 timmar", "Ateljén", ""},
		{`meetup create title:A when:friday 6pm for two hours`, "A", "friday 6pm for two hours", "", ""},
		{`meetup create title:A when:friday 6pm at the library`, "A", "friday 6pm", "", "at the library"},
		{`meetup create title:A when:friday 6pm for two people`, "A", "friday 6pm", "", "for two people"},
		// Words that are also weekdays or months end a readable time.
		{`träff skapa titel:A när:fredag 18 man tar med fika`, "A", "fredag 18", "", "man tar med fika"},
		{`meetup create title:A when:friday 6pm may be late`, "A", "friday 6pm", "", "may be late"},
		// A time that cannot be read goes whole, for its error to name.
		{`träff skapa titel:A när:fredag 18 18 fika`, "A", "fredag 18 18", "", "fika"},
		// A name among free text runs on too.
		{`träff ändra 3 Ta med fika när:fredag kl. 19`, "", "fredag kl. 19", "", "Ta med fika"},
		{`träff ändra 3 Ta med fika plats:Ateljén i Varberg`, "", "", "Ateljén i Varberg", "Ta med fika"},
		{`träff ändra 3 Ta med fika när:"fredag" 19`, "", "fredag", "", "Ta med fika 19"},
	} {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil || cmd == nil {
			t.Fatalf("%q: %v, %v", tt.line, cmd, err)
		}
		a, err := p.bind(cmd, toks, rest)
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		got := []string{a.String("title"), a.String("when"), a.String("where"), a.String("description")}
		want := []string{tt.title, tt.when, tt.where, tt.desc}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tt.line, got, want)
		}
	}
}

// A time written without its name where the positions do not give it to
// the time is never guessed: the answer says the name is missing and shows
// the line with it; a time where the positions do put it, or a time only
// mentioned in a description, is left alone.
func TestMisplacedTime(t *testing.T) {
	reg, p := timeCommands(t), timeParser(t)
	cat, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ line, key, sv, en string }{
		{`träff skapa titel:Fredagsfika fredag 15:00`, "arg.time_unnamed", "Om `fredag 15:00` är tiden, skriv:\n`träff skapa titel:Fredagsfika när:fredag 15:00`",
			"If `fredag 15:00` is the time, write:\n`meetup create titel:Fredagsfika when:fredag 15:00`"},
		{`träff skapa Fredagsfika fredag 15:00`, "arg.time_unnamed", "`när:` saknas framför tiden", "`meetup create title:Fredagsfika when:fredag 15:00`"},
		{`meetup create Friday fika friday 3pm`, "arg.time_unnamed", "`träff skapa titel:Friday fika när:friday 3pm`", "`when:` is missing in front of the time"},
		{`meetup create Friday fika friday 3pm Bring snacks`, "arg.time_unnamed", "`träff skapa titel:Friday fika när:friday 3pm Bring snacks`", "`meetup create title:Friday fika when:friday 3pm Bring snacks`"},
		{`träff skapa Fika kl 18`, "arg.time_unnamed", "`träff skapa titel:Fika när:kl 18`", "If `kl 18` is the time"},
		{`träff skapa fredag 15:00 Fika`, "arg.time_unnamed", "`träff skapa när:fredag 15:00 Fika`", "`meetup create when:fredag 15:00 Fika`"},
		{`träff skapa fredag 15:00`, "arg.time_unnamed", "`träff skapa titel:… när:fredag 15:00`", "`meetup create title:… when:fredag 15:00`"},
		{`träff skapa titel:Fika plats:Ateljén fredag 18`, "arg.time_unnamed", "`träff skapa titel:Fika plats:Ateljén när:fredag 18`", "`meetup create titel:Fika plats:Ateljén when:fredag 18`"},
		{`träff skapa titel:"Fika" Ta med kaffe fredag 18:00`, "arg.time_unnamed", "`träff skapa titel:\"Fika\" Ta med kaffe när:fredag 18:00`", "when:fredag 18:00"},
		{`träff ändra 3 fredag 18:00`, "arg.time_unnamed_text", "`träff ändra 3 när:fredag 18:00`", "If the words belong to the text, write them in quotes."},
		{`träff ändra 3 titel:Fika fredag 18:00`, "arg.time_unnamed_text", "`träff ändra 3 titel:Fika när:fredag 18:00`", "`meetup edit 3 titel:Fika when:fredag 18:00`"},
		{`utskick en gång fredag 9:00 Glöm inte anmälan!`, "arg.time_unnamed", "`utskick en gång när:fredag 9:00 Glöm inte anmälan!`", "`announce once when:fredag 9:00 Glöm inte anmälan!`"},
		{`utskick en gång Hej fredag 9:00`, "arg.time_unnamed", "`utskick en gång Hej när:fredag 9:00`", "`announce once Hej when:fredag 9:00`"},
	} {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil || cmd == nil {
			t.Fatalf("%q: %v, %v", tt.line, cmd, err)
		}
		_, err = p.bind(cmd, toks, rest)
		var ue *UserError
		if !errors.As(err, &ue) || ue.Key != tt.key || !ue.Usage {
			t.Errorf("%q: %v, want %s with the usage", tt.line, err, tt.key)
			continue
		}
		sv, en := cat.T(LangSV, ue.Key, ue.Args...), cat.T(LangEN, ue.Key, ue.Args...)
		if !strings.Contains(sv, tt.sv) || !strings.Contains(en, tt.en) {
			t.Errorf("%q:\nsv %q, want %q in it\nen %q, want %q in it", tt.line, sv, tt.sv, en, tt.en)
		}
	}
	for _, line := range []string{
		`träff skapa titel:Fika när:fredag 18:00 Ses fredag 19`, // named
		`träff skapa Fika "fredag 15:00"`,                       // quoted
		`träff skapa Fika 2027-01-15T18:00 Ses fredag 19`,       // as the positions say
		`träff ändra 3 Ny text: vi ses fredag 18:00`,            // a description that mentions a time
		`träff ändra 3 plats:Kungsgatan 12-14`,                  // a time of day without a day
		`träff ändra 3 plats:Storgatan 18`,                      // a bare number
		`träff ändra 3 18:00`,                                   // no day: not the meetup's new time
		`träff ändra 3 beskrivning:fredag 18:00`,                // the description named
		`träff ändra 3 "fredag 18:00"`,                          // quoted
		`träff ändra 3 titel:Fika i december`,                   // no time of day
	} {
		cmd, toks, rest, err := reg.parseLine(line)
		if err != nil || cmd == nil {
			t.Fatalf("%q: %v, %v", line, cmd, err)
		}
		if _, err := p.bind(cmd, toks, rest); err != nil {
			t.Errorf("%q: %v", line, err)
		}
	}
	// A title with no time in it is only missing its time.
	cmd, toks, rest, _ := reg.parseLine(`träff skapa titel:Fika i december`)
	var ue *UserError
	if _, err := p.bind(cmd, toks, rest); !errors.As(err, &ue) || ue.Key != "arg.missing" {
		t.Errorf("title without a time: %v, want arg.missing", err)
	}
}

// FuzzTimeWords checks that no line makes binding a time's words panic,
// and that a refused time suggests a line that names the time.
func FuzzTimeWords(f *testing.F) {
	for _, s := range []string{
		`träff skapa Fredagsfika fredag 15:00`, `meetup create Friday fika friday 3pm`, `träff skapa fredag 15:00`,
		`träff ändra 3 titel:Fika fredag 18:00`, `utskick en gång Hej fredag 9:00`, `träff skapa titel:A när:den här fredagen kl. 15`,
		`träff skapa titel:"A" x fredag “18:00”`, `träff ändra 3 Ta med fika när:fredag kl. 19 plats:a b`,
	} {
		f.Add(s)
	}
	reg, p := timeCommands(f), timeParser(f)
	f.Fuzz(func(t *testing.T, line string) {
		cmd, toks, rest, err := reg.parseLine(line)
		if err != nil || cmd == nil {
			return
		}
		_, err = p.bind(cmd, toks, rest)
		var ue *UserError
		if errors.As(err, &ue) && strings.HasPrefix(ue.Key, "arg.time_unnamed") {
			if s := localize(LangEN, ue.Args)[2].(string); !strings.Contains(s, "when:") {
				t.Fatalf("%q: suggestion %q names no time", line, s)
			}
		}
	})
}
