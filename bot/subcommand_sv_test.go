package bot

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func svGroupCommands(t *testing.T, extra ...*Command) (*Registry, error) {
	t.Helper()
	run := func(context.Context, *Call) error { return nil }
	txt := Text{SV: "x", EN: "x"}
	tags := Arg{Name: "tags", SV: "intressen", Kind: KindRest, Required: true, Help: txt}
	cmds := []*Command{
		{Name: "interests", GroupSV: []string{"intressen"}, Help: txt, Run: run},
		{Name: "interests add", SV: []string{"lägg till", "lägg"}, Help: txt, Run: run, Args: []Arg{tags},
			Examples: []string{`interests add tags:"keramik, surdeg"`, "interests  add keramik"}},
		{Name: "interests remove", SV: []string{"ta bort"}, Help: txt, Run: run, Args: []Arg{tags}},
		{Name: "meetup cancel", GroupSV: []string{"träff"}, SV: []string{"ställ in"}, Help: txt, Run: run},
		{Name: "meetup list", SV: []string{"lista"}, Help: txt, Run: run},
		{Name: "match on", SV: []string{"på"}, Help: txt, Run: run},
		{Name: "match off", SV: []string{"av"}, Help: txt, Run: run},
		{Name: "mydata export", Aliases: []string{"mina-data export"}, SV: []string{"exportera"}, Help: txt, Run: run},
		{Name: "mydata delete", Aliases: []string{"mina-data radera"}, Help: txt, Run: run},
	}
	return NewRegistry(append(cmds, extra...))
}

// Every group word (English, Swedish, without å, ä, ö, in any case) goes
// with every subcommand name (English, Swedish, one or more words).
func TestSubcommandNamesCombine(t *testing.T) {
	r, err := svGroupCommands(t)
	if err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]string{
		"intressen add keramik": "interests add", "interests lägg till keramik": "interests add",
		"intressen lägg till keramik": "interests add", "INTRESSEN LAGG TILL": "interests add",
		"intressen lägg keramik": "interests add", "interests ta bort x": "interests remove",
		"intressen remove x": "interests remove", "intressen": "interests", "intressen x": "interests",
		"träff ställ in 3": "meetup cancel", "traff stall in": "meetup cancel", "meetup ställ in": "meetup cancel",
		"träff cancel": "meetup cancel", "träff lista": "meetup list", "match på": "match on", "match pa": "match on",
		"match av": "match off", "mina-data exportera": "mydata export", "mydata exportera": "mydata export",
		"mina-data delete": "mydata delete", "mydata radera": "mydata delete",
	} {
		c, _, _, err := r.parseLine(line)
		if err != nil || c == nil || c.Name != want {
			t.Errorf("%q = %v, %v; want %s", line, c, err, want)
		}
	}
	for _, line := range []string{"träff", "intressen ta", "match", "träff ställ"} {
		if c, _, _, _ := r.parseLine(line); c != nil && strings.Contains(c.Name, " ") {
			t.Errorf("%q = %s", line, c.Name)
		}
	}
	if g := r.Group("Träff"); g != "meetup" {
		t.Errorf("Group(Träff) = %q", g)
	}
	if !r.IsGroup("mina-data") || !r.isGroupAlias("intressen") || r.isGroupAlias("interests") || r.IsGroup("lägg") {
		t.Error("group words")
	}
	names := r.Names()
	for _, n := range []string{"intressen lägg till", "träff ställ in", "interests add", "mina-data exportera"} {
		if !slices.Contains(names, n) {
			t.Errorf("Names lacks %q", n)
		}
	}
}

// The name shown to Swedish speakers: the group's first Swedish word and
// the subcommand's first Swedish name; usage lines and examples follow.
func TestSwedishNamesShown(t *testing.T) {
	r, err := svGroupCommands(t)
	if err != nil {
		t.Fatal(err)
	}
	for en, sv := range map[string]string{
		"interests": "intressen", "interests add": "intressen lägg till", "meetup cancel": "träff ställ in",
		"match on": "match på", "mydata export": "mina-data exportera", "mydata delete": "mina-data radera",
	} {
		c, _ := r.Lookup(strings.Fields(en))
		if got := c.NameIn(LangSV); got != sv {
			t.Errorf("NameIn(sv, %s) = %q, want %q", en, got, sv)
		}
		if got := c.NameIn(LangEN); got != en {
			t.Errorf("NameIn(en, %s) = %q", en, got)
		}
	}
	c, _ := r.Lookup([]string{"interests", "add"})
	if got := c.UsageIn(LangSV); got != "intressen lägg till <intressen…>" {
		t.Errorf("UsageIn(sv) = %q", got)
	}
	if got := c.UsageIn(LangEN); got != "interests add <tags…>" {
		t.Errorf("UsageIn(en) = %q", got)
	}
	for ex, want := range map[string]string{
		`interests add tags:"keramik, surdeg"`: `intressen lägg till intressen:"keramik, surdeg"`,
		"interests  add keramik":               "interests  add keramik", // not the name as declared: kept
		"help interests add":                   "help interests add",
	} {
		if got := c.ExampleIn(LangSV, ex); got != want {
			t.Errorf("ExampleIn(sv, %q) = %q, want %q", ex, got, want)
		}
	}
	want := []string{"interests add", "intressen lägg till", "intressen lägg"}
	if !slices.Equal(c.spellings, want) {
		t.Errorf("spellings = %q, want %q", c.spellings, want)
	}
}

// A Swedish name that two commands would share, or a malformed one, is a
// declaration mistake.
func TestSwedishSubcommandNamesValidated(t *testing.T) {
	run := func(context.Context, *Call) error { return nil }
	txt := Text{SV: "x", EN: "x"}
	for _, c := range []*Command{
		{Name: "match now", SV: []string{"av"}, Help: txt, Run: run},                 // match off's
		{Name: "role grant", GroupSV: []string{"träff"}, Help: txt, Run: run},        // meetup's word
		{Name: "interests top", SV: []string{"Topp"}, Help: txt, Run: run},           // not lowercase
		{Name: "interests top", SV: []string{"ta  bort"}, Help: txt, Run: run},       // two spaces
		{Name: "interests who", SV: []string{"ta bort"}, Help: txt, Run: run},        // remove's
		{Name: "stats", SV: []string{"statistik"}, Help: txt, Run: run},              // no group
		{Name: "role grant", GroupSV: []string{"roll ge"}, Help: txt, Run: run},      // a group word is one word
		{Name: "meetup show", Aliases: []string{"träff lista"}, Help: txt, Run: run}, // meetup list's
	} {
		if _, err := svGroupCommands(t, c); err == nil {
			t.Errorf("%s %q %q accepted", c.Name, c.GroupSV, c.SV)
		}
	}
}

// A mistyped subcommand is offered the nearest name in the group word's
// language, and never another subcommand than the one typed exactly.
func TestNearestSubcommand(t *testing.T) {
	r, err := svGroupCommands(t)
	if err != nil {
		t.Fatal(err)
	}
	for typed, want := range map[string]string{
		"match avv": "match av", "match påå": "match på", "träff lsita": "träff lista", "meetup lsit": "meetup list",
		"träff stäl in": "träff ställ in", "intressen lägga till": "intressen lägg till", "interests ad": "interests add",
		"match av": "", "intressen add": "", "ingen grupp": "", "träff": "",
	} {
		if got := r.nearestSub(strings.Fields(typed)); got != want {
			t.Errorf("nearestSub(%q) = %q, want %q", typed, got, want)
		}
	}
}

// A name that starts a longer one ("intressen lägg", "intressen lägg
// till") followed by a word one edit from the rest of the longer name is
// that longer name mistyped; anything else is no suggestion.
func TestNearLongerName(t *testing.T) {
	r, err := svGroupCommands(t)
	if err != nil {
		t.Fatal(err)
	}
	for typed, want := range map[string]string{
		"intressen lägg tll keramik": "intressen lägg till", "interests lagg tilll": "interests lägg till",
		"intressen lägg till keramik": "", "intressen lägg keramik": "", "intressen lägg tull": "intressen lägg till",
		"intressen lägg tillar": "", "match på": "", "träff ställ inn": "",
	} {
		words := strings.Fields(typed)
		_, n := r.Lookup(words)
		if got := r.nearLonger(words, n); got != want {
			t.Errorf("nearLonger(%q, %d) = %q, want %q", typed, n, got, want)
		}
	}
}
