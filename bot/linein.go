package bot

import "strings"

// LineIn writes a command line as a member of lang types it: the
// command's name, the named arguments' names and the choices' words in
// lang ("meetup rsvp id:2 answer:yes" is "träff svara id:2 svar:ja" in
// Swedish, "learn answer:1" is "kurs svar:1"), as Swedish help shows them.
// Values other than choices, and positional words, are kept as written
// (quotes and all). A line that names no command is returned as is. The
// line runs the same command with the same arguments in either language.
func (r *Registry) LineIn(line, lang string) string {
	cmd, toks, _, err := r.parseLine(line)
	if err != nil || cmd == nil {
		return line
	}
	parts := []string{cmd.NameIn(lang)}
	for _, t := range toks {
		raw := line[t.start:t.end]
		a := cmd.ArgNamed(t.name)
		if !t.named || a == nil {
			parts = append(parts, raw)
			continue
		}
		_, value, _ := strings.Cut(raw, ":")
		if c, ok := a.Choice(t.value); ok && a.Kind == KindChoice && value == t.value {
			value = a.ChoiceIn(lang, c)
		}
		parts = append(parts, a.NameIn(lang)+":"+value)
	}
	return strings.Join(parts, " ")
}

// ButtonsIn returns r with the commands behind its card's buttons
// (Button.Command, what a platform without buttons shows to type) written
// in lang, or in the card's own language when it has one (Card.Lang): a
// Swedish reply shows `[Jag kommer] → träff svara id:2 svar:ja`. The
// buttons' actions stay the canonical command, which every platform routes
// back unchanged (Discord custom ids, Slack values, the web's forms) and
// the router reads in either language. The card is copied, never changed
// in place. Call.Reply does this for every reply; a feature that sends a
// card itself (Adapter.Send) calls it.
func (b *Bot) ButtonsIn(r Reply, lang string) Reply {
	if r.Card == nil || len(r.Card.Buttons) == 0 || b.reg == nil {
		return r
	}
	c := *r.Card
	if c.Lang != "" {
		lang = c.Lang
	}
	c.Buttons = append([]Button(nil), c.Buttons...)
	for i, btn := range c.Buttons {
		if btn.Command != "" {
			c.Buttons[i].Command = b.reg.LineIn(btn.Command, lang)
		}
	}
	r.Card = &c
	return r
}
