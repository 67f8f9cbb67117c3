package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ArgKind is the type of a command argument.
type ArgKind int

// Argument kinds. KindRest takes the rest of the message as free text and
// must be the last argument.
const (
	KindText ArgKind = iota
	KindInt
	KindBool
	KindTime
	KindDuration
	KindChannel
	KindUser
	KindCron
	KindChoice
	KindRest
)

// String names the kind as shown in usage lines.
func (k ArgKind) String() string {
	return [...]string{"text", "int", "bool", "time", "duration", "channel", "user", "cron", "choice", "text"}[k]
}

// kindSV names the kinds in Swedish usage lines.
var kindSV = [...]string{"text", "tal", "ja/nej", "tid", "tidslängd", "kanal", "användare", "cron", "val", "text"}

// In names the kind as shown in usage lines in lang.
func (k ArgKind) In(lang string) string {
	if lang == LangSV {
		return kindSV[k]
	}
	return k.String()
}

// Arg declares one typed argument.
//
// An argument has two names and each choice its words in both languages:
// members may write either, in any case, with or without å, ä and ö
// ("arrangor" for "arrangör"); handlers, Discord's option names and stored
// values only ever see the canonical English Name and Choices.
type Arg struct {
	Name string // canonical: lowercase ASCII; handlers read it; the native option name
	// SV is the Swedish name (lowercase, å, ä, ö allowed), accepted as
	// name:value beside Name and shown to Swedish speakers; "" when the
	// Swedish name is Name.
	SV string
	// Also are other names members use for it ("kapacitet" for
	// "capacity"), accepted as name:value but never shown.
	Also     []string
	Kind     ArgKind
	Required bool
	Help     Text
	Choices  []string // KindChoice: canonical values (lowercase ASCII), what handlers read
	// ChoicesSV maps a choice to its Swedish words, the first shown to
	// Swedish speakers; all are accepted from anyone. A choice without an
	// entry is written the same in Swedish ("moderator").
	ChoicesSV map[string][]string
	Min, Max  int // KindInt: bounds when Max > Min
	// NoLimit marks a KindInt limit that can be lifted: 0 and the words
	// ingen/inga/obegränsat/none/unlimited are read as 0, "no limit".
	NoLimit bool
	MaxLen  int // KindText/KindRest: longest value in runes (0: 2000)
	// Suggest asks platforms with autocomplete (Discord) to offer values
	// from Options.Suggest as the member types.
	Suggest bool
	// RunsOn, when set, reports whether an unquoted word that follows the
	// argument's unquoted name:value goes on with the value (a time's
	// "18:00" after "när:fredag"; AnyWord for a place or a title).
	RunsOn func(word string) bool
}

// AnyWord is a RunsOn for values of several words: every unquoted word up
// to the next name: goes on with the value ("plats:Biblioteket i Laholm").
func AnyWord(string) bool { return true }

// RunFunc handles a parsed, authorized command.
type RunFunc func(ctx context.Context, c *Call) error

// Command is declared once as data; the text parser, help, the role check,
// Discord application commands and the Slack manifest all read it.
type Command struct {
	Name string // command words: "help", "role grant"
	// Aliases are whole alternative names. On a one-word command without
	// GroupSV the first is its Swedish name, shown to Swedish speakers
	// ("hjälp" for "help"); the rest are other spellings ("hjalp").
	Aliases []string
	// GroupSV are Swedish words for the command's first word as a group
	// word ("träff" for "meetup", "intressen" for "interests"), the first
	// shown to Swedish speakers. Declared on any one of the group's
	// commands, they name the whole group: every subcommand is reached
	// with each of them ("träff lista", "intressen add"); on a one-word
	// command they are also its aliases. The first word of a subcommand's
	// multi-word alias ("mina-data export") is one too.
	GroupSV []string
	// SV are Swedish names of a subcommand's words after the group word
	// ("lägg till" and "lägg" for "interests add"), the first shown to
	// Swedish speakers. Each goes with every name of the group, English or
	// Swedish: "interests lägg till", "intressen lägg till".
	SV       []string
	Group    string // help group key: catalog "group.<Group>"
	Help     Text   // one line
	Args     []Arg
	Examples []string // text invocations shown by help
	Role     Role     // minimum role
	Needs    []Capability
	// Ephemeral replies are shown only to the caller where possible.
	Ephemeral bool
	// Private replies hold what only the caller may see (links with
	// personal tokens, the audit log, role grants, unanswered questions):
	// they are never posted where others can read them (ephemeral, or a
	// DM). Private implies Ephemeral.
	Private bool
	// Slow handlers are acknowledged (deferred) by adapters before running.
	Slow bool
	// NotNative commands are typed or reached by a button, never published
	// as a platform's native command: "ask feedback" (the 👍/👎 buttons
	// under an answer) would make Discord's /ask a group.
	NotNative bool
	Run       RunFunc

	svName    string   // the name Swedish speakers see; set by NewRegistry
	spellings []string // its names in both languages and its aliases, for help
}

// NameIn returns the command's name as shown in lang: in Swedish with its
// group's and its own Swedish words when it has them ("intressen lägg
// till" for "interests add").
func (c *Command) NameIn(lang string) string {
	if lang == LangSV && c.svName != "" {
		return c.svName
	}
	return c.Name
}

// RepliesEphemeral reports whether the command's replies are for the
// caller only (Ephemeral or Private): the one rule Call.Reply applies and
// adapters read when they acknowledge an invocation before the reply.
func (c *Command) RepliesEphemeral() bool { return c != nil && (c.Ephemeral || c.Private) }

// Words returns the command's name split into words.
func (c *Command) Words() []string { return strings.Fields(c.Name) }

// Arg returns the declared argument whose canonical name is name, or nil.
func (c *Command) Arg(name string) *Arg {
	for i := range c.Args {
		if c.Args[i].Name == name {
			return &c.Args[i]
		}
	}
	return nil
}

// ArgNamed returns the argument a member means by name: its English or
// Swedish name, in any case, with or without å, ä and ö; nil when none.
func (c *Command) ArgNamed(name string) *Arg {
	if a := c.Arg(name); a != nil {
		return a
	}
	f := fold(name)
	for i, a := range c.Args {
		for _, n := range a.allNames() {
			if f == fold(n) {
				return &c.Args[i]
			}
		}
	}
	return nil
}

// allNames are the argument's names: English, Swedish (when it has one)
// and Also.
func (a *Arg) allNames() []string {
	names := []string{a.Name}
	if a.SV != "" {
		names = append(names, a.SV)
	}
	return append(names, a.Also...)
}

// NameIn returns the argument's name in lang.
func (a *Arg) NameIn(lang string) string {
	if lang == LangSV && a.SV != "" {
		return a.SV
	}
	return a.Name
}

// names is the argument's name in both languages, for messages.
func (a *Arg) names() Text { return Text{SV: a.NameIn(LangSV), EN: a.Name} }

// ChoiceIn returns how choice is written in lang.
func (a *Arg) ChoiceIn(lang, choice string) string {
	if w := a.ChoicesSV[choice]; lang == LangSV && len(w) > 0 {
		return w[0]
	}
	return choice
}

// ChoicesIn returns the choices as written in lang, in declared order.
func (a *Arg) ChoicesIn(lang string) []string {
	out := make([]string, len(a.Choices))
	for i, c := range a.Choices {
		out[i] = a.ChoiceIn(lang, c)
	}
	return out
}

// Choice returns the canonical choice a member means by s (a canonical
// value or a Swedish word, in any case, with or without å, ä and ö).
func (a *Arg) Choice(s string) (string, bool) {
	f := fold(s)
	for _, c := range a.Choices {
		if f == fold(c) {
			return c, true
		}
	}
	for _, c := range a.Choices {
		for _, w := range a.ChoicesSV[c] {
			if f == fold(w) {
				return c, true
			}
		}
	}
	return "", false
}

// folder lowercases and drops the Swedish (and a few common) diacritics,
// so that a member without å, ä, ö on the keyboard is still understood.
var folder = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "è", "e", "ü", "u", "æ", "a", "ø", "o")

func fold(s string) string { return folder.Replace(strings.ToLower(strings.TrimSpace(s))) }

// Usage returns the English usage line: "role grant user:<user> role:organiser|moderator|admin".
func (c *Command) Usage() string { return c.UsageIn(LangEN) }

// UsageIn returns the usage line in lang, with the arguments' names,
// kinds and choices as a member of that language writes them:
// "role grant användare:<användare> roll:arrangör|moderator|admin".
func (c *Command) UsageIn(lang string) string {
	var b strings.Builder
	b.WriteString(c.NameIn(lang))
	for _, a := range c.Args {
		b.WriteByte(' ')
		var s string
		name := a.NameIn(lang)
		switch {
		case a.Kind == KindRest:
			s = "<" + name + "…>"
		case a.Kind == KindChoice && len(a.Choices) > 0:
			s = name + ":" + strings.Join(a.ChoicesIn(lang), "|")
		default:
			s = name + ":<" + a.Kind.In(lang) + ">"
		}
		if !a.Required {
			s = "[" + s + "]"
		}
		b.WriteString(s)
	}
	return b.String()
}

// Validate reports a declaration mistake: a bad name, a rest argument that
// is not last, duplicate argument names, missing help text.
func (c *Command) Validate() error {
	if len(c.Words()) == 0 {
		return fmt.Errorf("command without a name")
	}
	if c.Run == nil {
		return fmt.Errorf("command %q has no handler", c.Name)
	}
	if err := c.Help.Check(); err != nil {
		return fmt.Errorf("command %q help: %w", c.Name, err)
	}
	for _, g := range c.GroupSV {
		if !validSVName(g) {
			return fmt.Errorf("command %q: bad Swedish group word %q", c.Name, g)
		}
	}
	if len(c.SV) > 0 && len(c.Words()) < 2 {
		return fmt.Errorf("command %q: Swedish subcommand names on a command without a group", c.Name)
	}
	for _, n := range c.SV {
		if n != strings.Join(strings.Fields(n), " ") || !allFunc(strings.Fields(n), validSVName) {
			return fmt.Errorf("command %q: bad Swedish subcommand name %q", c.Name, n)
		}
	}
	seen := map[string]string{} // folded name → the argument it names
	for i, a := range c.Args {
		if !validArgName(a.Name) {
			return fmt.Errorf("command %q: bad argument name %q", c.Name, a.Name)
		}
		for _, n := range append([]string{a.SV}, a.Also...) {
			if n != "" && !validSVName(n) {
				return fmt.Errorf("command %q: bad Swedish name %q for argument %q", c.Name, n, a.Name)
			}
		}
		if c.Arg(a.Name) != &c.Args[i] {
			return fmt.Errorf("command %q: argument %q declared twice", c.Name, a.Name)
		}
		for _, n := range a.allNames() {
			if other, dup := seen[fold(n)]; dup && other != a.Name {
				return fmt.Errorf("command %q: arguments %q and %q are both called %q", c.Name, other, a.Name, n)
			}
			seen[fold(n)] = a.Name
		}
		if err := a.validateChoices(); err != nil {
			return fmt.Errorf("command %q argument %q: %w", c.Name, a.Name, err)
		}
		if a.Kind == KindRest && i != len(c.Args)-1 {
			return fmt.Errorf("command %q: rest argument %q must be last", c.Name, a.Name)
		}
		if a.Kind == KindChoice && len(a.Choices) == 0 {
			return fmt.Errorf("command %q: choice argument %q has no choices", c.Name, a.Name)
		}
		if err := a.Help.Check(); err != nil {
			return fmt.Errorf("command %q argument %q help: %w", c.Name, a.Name, err)
		}
	}
	return nil
}

// validateChoices checks that the Swedish words name declared choices and
// that no word means two choices.
func (a *Arg) validateChoices() error {
	means := map[string]string{}
	for _, c := range a.Choices {
		if prev, dup := means[fold(c)]; dup {
			return fmt.Errorf("choices %q and %q are written alike", prev, c)
		}
		means[fold(c)] = c
	}
	for c, words := range a.ChoicesSV {
		if !slices.Contains(a.Choices, c) {
			return fmt.Errorf("words in Swedish for %q, which is no choice", c)
		}
		for _, w := range words {
			if w == "" || strings.ContainsFunc(w, unicode.IsSpace) {
				return fmt.Errorf("the word %q for %q: empty or with a space", w, c)
			}
			if prev, dup := means[fold(w)]; dup && prev != c {
				return fmt.Errorf("the word %q means both %q and %q", w, prev, c)
			}
			means[fold(w)] = c
		}
	}
	return nil
}

// validSVName reports whether s may be a Swedish argument name: what
// Discord allows as a localized option name (lowercase letters, digits,
// _ and -; at most 32), starting with a letter so the parser reads it.
func validSVName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 32 || s != strings.ToLower(s) {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || r == '_' || r == '-'):
		default:
			return false
		}
	}
	return true
}

func validArgName(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

func allFunc(ss []string, ok func(string) bool) bool {
	for _, s := range ss {
		if !ok(s) {
			return false
		}
	}
	return len(ss) > 0
}

// Registry holds the declared commands and finds them by their words.
//
// A command is reached by every combination of its group's words and its
// own: the group word or one of its Swedish words (GroupSV), then the
// subcommand's English or Swedish name (SV), in any case and with or
// without å, ä and ö; and by its whole Aliases.
type Registry struct {
	cmds   []*Command
	byName map[string]*Command // every name, folded and single-spaced
	names  []string            // every name as declared, one spelling per folded name
	folded [][]string          // each of names folded, as words (the typo suggestions compare these)
	maxLen int                 // most words in any name
	groups map[string]string   // a group word or its Swedish word, folded → the group word
	subs   map[string][]*Command
}

// key is how a name is indexed and looked up: folded, single-spaced.
func key(words []string) string { return fold(strings.Join(words, " ")) }

// NewRegistry validates the declarations and indexes them.
func NewRegistry(cmds []*Command) (*Registry, error) {
	r := &Registry{byName: map[string]*Command{}, groups: map[string]string{}, subs: map[string][]*Command{}}
	for _, c := range cmds {
		if err := c.Validate(); err != nil {
			return nil, err
		}
	}
	// The groups and their Swedish words, in declared order: GroupSV,
	// then the first words of the subcommands' multi-word aliases.
	groupSV := map[string][]string{}
	addGroupWord := func(g, w string) error {
		if other, ok := r.groups[fold(w)]; ok && other != g {
			return fmt.Errorf("group word %q names both %q and %q", w, other, g)
		}
		if _, ok := r.groups[fold(w)]; !ok {
			r.groups[fold(w)] = g
			if w != g {
				groupSV[g] = append(groupSV[g], w)
			}
		}
		return nil
	}
	for _, c := range cmds {
		if w := c.Words(); len(w) > 1 {
			if err := addGroupWord(strings.ToLower(w[0]), strings.ToLower(w[0])); err != nil {
				return nil, err
			}
			r.subs[strings.ToLower(w[0])] = append(r.subs[strings.ToLower(w[0])], c)
		}
	}
	for _, c := range cmds {
		g := strings.ToLower(c.Words()[0])
		for _, w := range c.GroupSV {
			if err := addGroupWord(g, w); err != nil {
				return nil, err
			}
		}
	}
	for _, c := range cmds {
		g := strings.ToLower(c.Words()[0])
		if len(c.Words()) < 2 {
			continue
		}
		for _, a := range c.Aliases {
			if w := strings.Fields(a); len(w) > 1 {
				if err := addGroupWord(g, strings.ToLower(w[0])); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, c := range cmds {
		words := c.Words()
		g := strings.ToLower(words[0])
		groupWords := append([]string{words[0]}, groupSV[g]...)
		var names, own []string
		if len(words) == 1 {
			names = append(names, c.Name)
			names = append(names, c.GroupSV...)
			if len(r.subs[g]) > 0 {
				names = append(names, groupSV[g]...)
			}
		} else {
			// The subcommand's own words: English, declared Swedish, and
			// those of its multi-word aliases after a group word.
			own = append([]string{strings.Join(words[1:], " ")}, c.SV...)
			for _, a := range c.Aliases {
				if w := strings.Fields(a); len(w) > 1 && r.groups[fold(w[0])] == g {
					own = append(own, strings.Join(w[1:], " "))
				}
			}
			for _, gw := range groupWords {
				for _, o := range own {
					names = append(names, gw+" "+o)
				}
			}
		}
		names = append(names, c.Aliases...)
		for _, n := range names {
			k := key(strings.Fields(n))
			if other, dup := r.byName[k]; dup {
				if other != c {
					return nil, fmt.Errorf("command name %q declared twice", k)
				}
				continue
			}
			r.byName[k] = c
			r.names = append(r.names, strings.ToLower(strings.Join(strings.Fields(n), " ")))
			r.folded = append(r.folded, strings.Fields(fold(n)))
			r.maxLen = max(r.maxLen, len(strings.Fields(k)))
		}
		c.svName = ""
		sv := words[0]
		if len(groupSV[g]) > 0 {
			sv = groupSV[g][0]
		} else if len(words) == 1 && len(c.GroupSV) > 0 {
			sv = c.GroupSV[0]
		} else if len(words) == 1 && len(c.Aliases) > 0 {
			// A one-word command's first alias is its Swedish name
			// ("hjälp" for "help", "fråga" for "ask"): Swedish help
			// shows it, as it shows "intressen" for "interests".
			sv = c.Aliases[0]
		}
		if len(words) > 1 {
			sv += " " + own[min(1, len(own)-1)]
		}
		if sv != c.Name {
			c.svName = sv
		}
		c.spellings = nil
		for _, n := range append([]string{c.Name, c.svName}, c.Aliases...) {
			if n != "" && !slices.Contains(c.spellings, n) {
				c.spellings = append(c.spellings, n)
			}
		}
		for _, o := range own[min(1, len(own)):] {
			if n := strings.Fields(sv)[0] + " " + o; !slices.Contains(c.spellings, n) {
				c.spellings = append(c.spellings, n)
			}
		}
		r.cmds = append(r.cmds, c)
	}
	return r, nil
}

// Commands returns the declarations in declared order.
func (r *Registry) Commands() []*Command { return r.cmds }

// Lookup returns the command named by the longest prefix of words and how
// many words it used, or nil.
func (r *Registry) Lookup(words []string) (*Command, int) {
	for n := min(len(words), r.maxLen); n > 0; n-- {
		if c, ok := r.byName[key(words[:n])]; ok {
			return c, n
		}
	}
	return nil, 0
}

// Group returns the group word that word names, itself or one of its
// Swedish words ("träff" → "meetup"), or "" when word starts no
// multi-word command.
func (r *Registry) Group(word string) string {
	g := r.groups[fold(word)]
	if len(r.subs[g]) == 0 {
		return ""
	}
	return g
}

// IsGroup reports whether word is the first word of a multi-word command
// ("role" for "role grant"), in English or Swedish ("träff").
func (r *Registry) IsGroup(word string) bool { return r.Group(word) != "" }

// isGroupAlias reports whether word is a group's Swedish word, not the
// group word itself.
func (r *Registry) isGroupAlias(word string) bool {
	g := r.Group(word)
	return g != "" && fold(word) != fold(g)
}

// Subcommands returns the commands of group g (a group word or one of its
// Swedish words) in declared order.
func (r *Registry) Subcommands(g string) []*Command { return r.subs[r.Group(g)] }

// Names returns every command name and alias, with every combination of
// group and subcommand words.
func (r *Registry) Names() []string { return slices.Clone(r.names) }
