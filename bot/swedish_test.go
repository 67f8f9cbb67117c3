package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Swedish argument names and choice words bind to the canonical English
// ones, in any case and with or without å, ä and ö.
func TestSwedishNamesAndValues(t *testing.T) {
	reg := testCommands(t)
	loc, _ := time.LoadLocation("Europe/Stockholm")
	p := Parser{Location: loc}
	tests := []struct {
		line string
		want map[string]any // canonical name → value
	}{
		{`meetup create titel:"Julfika i ateljén" när:"2027-01-15 18:00" platser:12`,
			map[string]any{"title": "Julfika i ateljén", "when": time.Date(2027, 1, 15, 18, 0, 0, 0, loc), "capacity": 12}},
		{`meetup create TITEL:x NAR:"2027-01-15 18:00"`, map[string]any{"title": "x", "when": time.Date(2027, 1, 15, 18, 0, 0, 0, loc)}},
		{`meetup create titel:x when:"2027-01-15 18:00" online:ja`, map[string]any{"title": "x", "online": true}},
		{`announce @weekly svar:ja`, map[string]any{"answer": "yes"}},
		{`announce @weekly Svar:KANSKE`, map[string]any{"answer": "maybe"}},
		{`announce @weekly nej`, map[string]any{"answer": "no"}},
		{`announce @weekly answer:Nej`, map[string]any{"answer": "no"}},
		{`role grant användare:kim roll:arrangör`, map[string]any{"user": "kim", "role": "organiser"}},
		{`role grant anvandare:kim roll:arrangor`, map[string]any{"user": "kim", "role": "organiser"}},
		{`role grant kim Organisatör`, map[string]any{"user": "kim", "role": "organiser"}},
		{`role grant user:kim role:ARRANGÖR`, map[string]any{"user": "kim", "role": "organiser"}},
		{`role grant roll:moderator användare:<@123>`, map[string]any{"user": "123", "role": "moderator"}},
		{`timeout användare:@kim längd:2d kanal:#allmänt`, map[string]any{"user": "kim", "duration": 48 * time.Hour, "channel": "allmänt"}},
		{`ask fråga:vad är en träff?`, map[string]any{"question": "vad är en träff?"}},
		{`ask vad betyder när: i den här texten?`, map[string]any{"question": "vad betyder när: i den här texten?"}},
	}
	for _, tt := range tests {
		cmd, toks, rest, err := reg.parseLine(tt.line)
		if err != nil || cmd == nil {
			t.Errorf("%q: %v, %v", tt.line, cmd, err)
			continue
		}
		a, err := p.bind(cmd, toks, rest)
		if err != nil {
			t.Errorf("%q: %v", tt.line, err)
			continue
		}
		for name, want := range tt.want {
			got, ok := a.m[name]
			if w, isTime := want.(time.Time); isTime {
				if g, _ := got.(time.Time); !g.Equal(w) {
					t.Errorf("%q: %s = %v, want %v", tt.line, name, got, want)
				}
				continue
			}
			if !ok || got != want {
				t.Errorf("%q: %s = %v, want %v", tt.line, name, got, want)
			}
		}
		for name := range a.m {
			if cmd.Arg(name) == nil {
				t.Errorf("%q: bound %q, which is no canonical name", tt.line, name)
			}
		}
	}
}

// Errors name arguments and list choices in the member's language.
func TestSwedishErrors(t *testing.T) {
	reg := testCommands(t)
	cat, err := NewCatalog()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line   string
		key    string
		sv, en string // parts of the message in each language
	}{
		{`meetup create titel:a title:b när:"2027-02-01 10:00"`, "arg.repeated", "`title`", "`title`"},
		{`meetup create titel:a capacity:0 när:"2027-02-01 10:00"`, "arg.range", "`capacity` ska vara", "`capacity` must be"},
		{`meetup create titel:a platser:x när:"2027-02-01 10:00"`, "arg.int", "`platser` ska vara", "`platser` must be"},
		{`meetup create a "2027-02-01 10:00" x`, "arg.int", "`platser` ska vara", "`capacity` must be"},
		{`meetup create titel:a färg:röd`, "arg.unknown", "`färg`", "`color`"},
		{`meetup create titel:a färg:röd`, "arg.unknown", "`titel:`, `när:`, `platser:`, `online:`", "`title:`, `when:`, `capacity:`, `online:`"},
		{`meetup create titel:a`, "arg.missing", "`när`", "`when`"},
		{`announce @weekly svar:kanhända`, "arg.choice", "`svar` ska vara en av: ja, kanske, nej.", "`svar` must be one of: yes, maybe, no."},
		{`announce @weekly kanhända`, "arg.choice", "`svar` ska vara en av: ja, kanske, nej.", "`answer` must be one of: yes, maybe, no."},
		{`role grant kim roll:chef`, "arg.choice", "arrangör, moderator, admin", "organiser, moderator, admin"},
	}
	for _, tt := range tests {
		cmd, toks, rest, _ := reg.parseLine(tt.line)
		_, err := Parser{}.bind(cmd, toks, rest)
		var ue *UserError
		if !errors.As(err, &ue) || ue.Key != tt.key {
			t.Errorf("%q: %v, want %s", tt.line, err, tt.key)
			continue
		}
		sv, en := cat.T(LangSV, ue.Key, ue.Args...), cat.T(LangEN, ue.Key, ue.Args...)
		if tt.en == "`color`" {
			tt.en = "`färg`" // the name as typed, in both languages
		}
		if !strings.Contains(sv, tt.sv) || !strings.Contains(en, tt.en) {
			t.Errorf("%q:\nsv %q, want %q in it\nen %q, want %q in it", tt.line, sv, tt.sv, en, tt.en)
		}
	}
}

func TestUsageInSwedish(t *testing.T) {
	reg := testCommands(t)
	want := map[string]string{
		"meetup create": "meetup create titel:<text> när:<tid> [platser:<tal>] [online:<ja/nej>]",
		"ask":           "fråga <fråga…>", // a one-word command's first alias is its Swedish name
		"announce":      "announce cron:<cron> [svar:ja|kanske|nej]",
		"role grant":    "role grant användare:<användare> roll:arrangör|moderator|admin",
	}
	for name, w := range want {
		c, _ := reg.Lookup(strings.Fields(name))
		if got := c.UsageIn(LangSV); got != w {
			t.Errorf("UsageIn(sv, %s) = %q, want %q", name, got, w)
		}
	}
	c, _ := reg.Lookup([]string{"role", "grant"})
	if got := c.Usage(); got != "role grant user:<user> role:organiser|moderator|admin" {
		t.Errorf("Usage = %q", got)
	}
}

func TestExampleIn(t *testing.T) {
	reg := testCommands(t)
	c, _ := reg.Lookup([]string{"role", "grant"})
	for ex, want := range map[string]string{
		"role grant user:kim role:organiser":     "role grant användare:kim roll:arrangör",
		`role grant user:"kim b"  role:admin`:    `role grant användare:"kim b"  roll:admin`,
		"role grant kim organiser":               "role grant kim organiser",
		`role grant user:kim role:"organiser"`:   `role grant användare:kim roll:"organiser"`,
		"role grant user:kim role:organiser x:y": "role grant användare:kim roll:arrangör x:y",
	} {
		if got := c.ExampleIn(LangSV, ex); got != want {
			t.Errorf("ExampleIn(sv, %q) = %q, want %q", ex, got, want)
		}
		if got := c.ExampleIn(LangEN, ex); got != ex {
			t.Errorf("ExampleIn(en, %q) = %q", ex, got)
		}
	}
}

// Declarations whose Swedish names or words are ambiguous or malformed are
// refused when the registry is built.
func TestSwedishDeclarationsValidated(t *testing.T) {
	run := func(context.Context, *Call) error { return nil }
	txt := Text{SV: "x", EN: "x"}
	for name, args := range map[string][]Arg{
		"sv name clashes with another's name": {{Name: "title", Help: txt}, {Name: "name", SV: "title", Help: txt}},
		"names alike once folded":             {{Name: "nar", Help: txt}, {Name: "when", SV: "när", Help: txt}},
		"uppercase sv name":                   {{Name: "title", SV: "Titel", Help: txt}},
		"sv name with a space":                {{Name: "title", SV: "en titel", Help: txt}},
		"sv name starting with a digit":       {{Name: "title", SV: "1titel", Help: txt}},
		"words for no choice": {{Name: "a", Kind: KindChoice, Choices: []string{"yes"},
			ChoicesSV: map[string][]string{"no": {"nej"}}, Help: txt}},
		"a word meaning two choices": {{Name: "a", Kind: KindChoice, Choices: []string{"yes", "no"},
			ChoicesSV: map[string][]string{"yes": {"ja"}, "no": {"JA"}}, Help: txt}},
		"a word that is another choice": {{Name: "a", Kind: KindChoice, Choices: []string{"en", "sv"},
			ChoicesSV: map[string][]string{"en": {"sv"}}, Help: txt}},
		"an empty word": {{Name: "a", Kind: KindChoice, Choices: []string{"yes"},
			ChoicesSV: map[string][]string{"yes": {""}}, Help: txt}},
	} {
		if _, err := NewRegistry([]*Command{{Name: "x", Help: txt, Run: run, Args: args}}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ok := []Arg{{Name: "id", SV: "id", Help: txt}, {Name: "lang", SV: "språk", Kind: KindChoice, Choices: []string{"sv", "en"},
		ChoicesSV: map[string][]string{"sv": {"svenska", "sv"}, "en": {"engelska"}}, Help: txt}}
	if _, err := NewRegistry([]*Command{{Name: "x", Help: txt, Run: run, Args: ok}}); err != nil {
		t.Errorf("a Swedish name equal to the English one, a choice listed among its own words: %v", err)
	}
}

func TestCatalogLocalizesTextArguments(t *testing.T) {
	cat, err := NewCatalog(Messages{"x.t": {SV: "%s och %d", EN: "%s and %d"}})
	if err != nil {
		t.Fatal(err)
	}
	arg := Text{SV: "titel", EN: "title"}
	if sv, en := cat.T(LangSV, "x.t", arg, 2), cat.T(LangEN, "x.t", arg, 2); sv != "titel och 2" || en != "title and 2" {
		t.Fatalf("sv %q, en %q", sv, en)
	}
}
