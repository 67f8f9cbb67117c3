package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
