package bot

import (
	"fmt"
	"strings"
)

// HelpList returns the commands a member with role may use, grouped by
// their Group in declared order, one line each.
func (b *Bot) HelpList(lang string, role Role) string {
	var groups []string
	lines := map[string][]string{}
	for _, c := range b.reg.Commands() {
		if c.Role > role {
			continue
		}
		if _, ok := lines[c.Group]; !ok {
			groups = append(groups, c.Group)
		}
		lines[c.Group] = append(lines[c.Group], fmt.Sprintf("`%s` — %s", c.NameIn(lang), c.Help.In(lang)))
	}
	var s strings.Builder
	s.WriteString(b.cat.T(lang, "help.title"))
	for _, g := range groups {
		s.WriteString("\n\n**" + b.cat.T(lang, "group."+g) + "**")
		for _, l := range lines[g] {
			s.WriteString("\n- " + l)
		}
	}
	s.WriteString("\n\n" + b.cat.T(lang, "help.more"))
	return s.String()
}

// HelpFor explains the command named by words (usage, arguments, examples,
// role), or lists the subcommands when words name a group such as "role"
// or "träff", in lang and those role may use; a group that is also a
// command ("intressen") gets both. ok is false when role may use no such
// command.
func (b *Bot) HelpFor(lang string, role Role, words []string) (text string, ok bool) {
	c, n := b.reg.Lookup(words)
	list := ""
	if len(words) == 1 {
		list = b.subcommandList(lang, role, words[0])
	}
	if c != nil && n == len(words) && c.Role <= role {
		if list != "" {
			return b.helpCommand(lang, c) + "\n\n" + list, true
		}
		return b.helpCommand(lang, c), true
	}
	if list == "" {
		return b.cat.T(lang, "help.unknown", Quote(strings.Join(words, " "), 40)), false
	}
	return list, true
}

// subcommandList lists the subcommands of group (a group word, English or
// Swedish) that role may use, named in lang; "" when there are none.
func (b *Bot) subcommandList(lang string, role Role, group string) string {
	var subs []string
	for _, s := range b.reg.Subcommands(group) {
		if s.Role <= role {
			subs = append(subs, fmt.Sprintf("- `%s` — %s", s.NameIn(lang), s.Help.In(lang)))
		}
	}
	if len(subs) == 0 {
		return ""
	}
	return "**" + b.cat.T(lang, "help.subcommands") + "**\n" + strings.Join(subs, "\n") + "\n\n" + b.cat.T(lang, "help.more")
}

func (b *Bot) helpCommand(lang string, c *Command) string {
	var s strings.Builder
	fmt.Fprintf(&s, "**%s** — %s\n%s: `%s`", c.NameIn(lang), c.Help.In(lang), b.cat.T(lang, "help.usage"), c.UsageIn(lang))
	if len(c.Args) > 0 {
		s.WriteString("\n" + b.cat.T(lang, "help.args") + ":")
		for _, a := range c.Args {
			opt := ""
			if !a.Required {
				opt = " (" + b.cat.T(lang, "help.optional") + ")"
			}
			fmt.Fprintf(&s, "\n- `%s`%s: %s", a.NameIn(lang), opt, a.Help.In(lang))
		}
	}
	if len(c.Examples) > 0 {
		s.WriteString("\n" + b.cat.T(lang, "help.examples") + ":")
		for _, e := range c.Examples {
			s.WriteString("\n- `" + c.ExampleIn(lang, e) + "`")
		}
	}
	var also []string
	for _, n := range c.spellings {
		if n != c.NameIn(lang) {
			also = append(also, n)
		}
	}
	if len(also) > 0 {
		s.WriteString("\n" + b.cat.T(lang, "help.aliases", "`"+strings.Join(also, "`, `")+"`"))
	}
	if c.Role > RoleMember {
		s.WriteString("\n" + b.cat.T(lang, "help.role", b.cat.T(lang, c.Role.MessageKey())))
	}
	return s.String()
}

// ExampleIn rewrites an example invocation, declared with the English
// names, for a member of lang: each name:value option gets the argument's
// name in lang, and a choice its word in lang ("role:organiser" becomes
// "roll:arrangör"), and the command's own words, when written as declared,
// its name in lang ("intressen lägg till"). Positional words and free text
// are kept as written.
func (c *Command) ExampleIn(lang, example string) string {
	if lang == LangEN {
		return example
	}
	toks, err := tokenize(example)
	if err != nil {
		return example
	}
	var b strings.Builder
	last := 0
	if words := c.Words(); c.NameIn(lang) != c.Name && len(toks) >= len(words) && !toks[len(words)-1].named &&
		strings.EqualFold(example[toks[0].start:toks[len(words)-1].end], c.Name) {
		// The command's own words, as a member of lang writes them:
		// "intressen lägg till tags:…".
		b.WriteString(example[:toks[0].start] + c.NameIn(lang))
		last = toks[len(words)-1].end
		toks = toks[len(words):]
	}
	for _, t := range toks {
		a := c.ArgNamed(t.name)
		if !t.named || a == nil {
			continue
		}
		value := example[t.start+strings.IndexByte(example[t.start:], ':')+1 : t.end] // as written, quotes and all
		if a.Kind == KindChoice && value == t.value {
			value = a.ChoiceIn(lang, t.value)
		}
		b.WriteString(example[last:t.start])
		b.WriteString(a.NameIn(lang) + ":" + value)
		last = t.end
	}
	b.WriteString(example[last:])
	return b.String()
}
