package bot

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Autocompleter offers values for a command's argument while a member
// types it (Discord's autocomplete). The Bot implements it; an adapter
// whose Handler does offers suggestions.
type Autocompleter interface {
	Suggestions(ctx context.Context, u User, cmd *Command, arg, typed string) []string
}

var _ Autocompleter = (*Bot)(nil)

// Suggestions returns values to offer for cmd's argument (at most 25,
// Discord's limit), or none: none also when u may not run the command.
func (b *Bot) Suggestions(ctx context.Context, u User, cmd *Command, arg, typed string) []string {
	if b.opt.Suggest == nil || cmd == nil {
		return nil
	}
	role, err := b.callerRole(ctx, u)
	if err != nil || role < cmd.Role {
		return nil
	}
	out := b.opt.Suggest(ctx, u.Platform, role, cmd.Name, arg, CleanText(typed))
	return out[:min(len(out), 25)]
}

// firstWords returns up to n leading positional words, lowercased.
func firstWords(toks []token, n int) []string {
	var words []string
	for _, t := range toks {
		if t.named || len(words) == n {
			break
		}
		words = append(words, strings.ToLower(t.value))
	}
	return words
}

// unknown explains an unknown command and suggests the nearest name.
func (b *Bot) unknown(c *Call, toks []token) string {
	words := firstWords(toks, 2)
	typed := strings.Join(words, " ")
	if utf8.RuneCountInString(typed) > 40 {
		typed = string([]rune(typed)[:40]) + "…"
	}
	msg := c.T("err.unknown", typed)
	if s := b.suggest(firstWords(toks, b.reg.maxLen)); s != "" {
		msg += " " + c.T("err.suggest", s)
	}
	if len(words) > 0 && b.reg.IsGroup(words[0]) {
		if list := b.subcommandList(c.Lang, c.Role, words[0]); list != "" {
			return msg + "\n" + list
		}
	}
	return msg + " " + c.T("err.help_hint")
}

// groupHelp answers a command group's word alone ("meetup") with the
// group's subcommands the caller may use; ok is false for anything else.
func (b *Bot) groupHelp(c *Call, toks []token) (string, bool) {
	if len(toks) != 1 || toks[0].named {
		return "", false
	}
	word := strings.ToLower(toks[0].value)
	if !b.reg.IsGroup(word) {
		return "", false
	}
	list, ok := b.HelpFor(c.Lang, c.Role, []string{word})
	if !ok {
		return "", false
	}
	return c.T("help.group", word) + "\n" + list, true
}

// looksLikeCommand tells an attempted command from free text: its first
// word starts a command group, its first two words are near a two-word
// command, or it is one word near a command name; small talk (Options.Chat)
// never is.
func (b *Bot) looksLikeCommand(toks []token) bool {
	words := firstWords(toks, 2)
	if len(words) == 0 || b.opt.Chat != nil && b.opt.Chat(tokensText(toks)) {
		return false
	}
	if b.reg.isGroupAlias(words[0]) {
		// A group's Swedish word is a word of the language too ("träff
		// i helgen?"): a command alone, or before words near one of the
		// group's subcommands ("träff lsita", "träff stäl in").
		return len(toks) == 1 || b.reg.nearestSub(firstWords(toks, b.reg.maxLen)) != ""
	}
	if b.reg.IsGroup(words[0]) {
		return true // "role lsit"
	}
	if len(words) == 2 {
		// "rolle list", but not "that answer made no sense": each word
		// within reach of the command's word.
		if first, second, ok := strings.Cut(b.suggest(words), " "); ok {
			return levenshtein.ComputeDistance(words[0], first) <= typoReach(first) &&
				levenshtein.ComputeDistance(words[1], second) <= typoReach(second)
		}
	}
	return len(toks) == 1 && b.suggest(words) != ""
}

// tokensText is the text the tokens were read from, single-spaced.
func tokensText(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.value
		if t.named {
			parts[i] = t.name + ":" + t.value
		}
	}
	return strings.Join(parts, " ")
}

// suggest returns the command name nearest to the typed words, among the
// names within reach: one edit for names of up to 3 letters, two up to 8,
// three beyond.
func (b *Bot) suggest(words []string) string {
	if s := b.reg.nearestSub(words); s != "" {
		return s // "träff lsita": the group is known, the subcommand mistyped
	}
	best, bestD, bestK := "", 1<<30, 0
	typed := make([]string, len(words)+1) // typed[k]: the first k words, folded
	for i, n := range b.reg.names {
		k := len(b.reg.folded[i])
		if k > len(words) {
			continue
		}
		if typed[k] == "" {
			typed[k] = key(words[:k])
		}
		// Nearest first, then the name of more words ("intresen topp" is
		// "intressen topp", not "intressen"), then alphabetical.
		d := levenshtein.ComputeDistance(typed[k], strings.Join(b.reg.folded[i], " "))
		if d <= typoReach(n) && (d < bestD || (d == bestD && (k > bestK || k == bestK && n < best))) {
			best, bestD, bestK = n, d, k
		}
	}
	return best
}

// nearestSub returns, when words start with a group's word (English or
// Swedish) and go on near one of its subcommands' names, that subcommand
// as written with the group word typed ("träff lsita" → "träff lista"),
// or "". Nearest first, then the name of more words, then alphabetical;
// an exact name is no suggestion (Lookup finds it).
func (r *Registry) nearestSub(words []string) string {
	if len(words) < 2 || r.Group(words[0]) == "" {
		return ""
	}
	typed := fold(words[0])
	swedish := r.isGroupAlias(words[0])
	best, bestD, bestK, bestOwn := "", 1<<30, 0, false
	for i, n := range r.names {
		f := r.folded[i]
		k := len(f) - 1
		if k < 1 || k > len(words)-1 || f[0] != typed {
			continue
		}
		sub := strings.Join(f[1:], " ")
		d := levenshtein.ComputeDistance(key(words[1:1+k]), sub)
		if d == 0 || d > typoReach(sub) {
			continue
		}
		// Of names as near, the one in the group word's language:
		// "intressen topo" is "intressen topp", "interests topo" is
		// "interests top".
		c := r.byName[key(f)]
		own := n == strings.ToLower(c.Name) || swedish && n == strings.ToLower(c.NameIn(LangSV))
		if d < bestD || d == bestD && (k > bestK || k == bestK && (own && !bestOwn || own == bestOwn && n < best)) {
			best, bestD, bestK, bestOwn = n, d, k, own
		}
	}
	return best
}

// nearSubcommand explains a line that names a one-word command which is
// also a group ("intressen", "profil") followed by words within reach of
// one of the group's subcommands, when its arguments would not take what
// follows: the member meant the subcommand, not the command's arguments.
func (b *Bot) nearSubcommand(call *Call, cmd *Command, toks []token, rest, line string) (string, bool) {
	if len(cmd.Words()) != 1 || !b.reg.IsGroup(cmd.Name) || len(toks) == 0 || toks[0].named {
		return "", false
	}
	if _, err := b.parser.bind(cmd, toks, rest); err == nil {
		return "", false
	}
	all, err := tokenize(line)
	if err != nil {
		return "", false
	}
	if b.reg.nearestSub(firstWords(all, b.reg.maxLen)) == "" {
		return "", false
	}
	return b.unknown(call, all), true
}

// nearLonger returns the longer name that words were probably meant to
// be: when their first n words (n ≥ 2) are a subcommand's name that is
// also the start of a longer one ("intressen lägg", a name of "interests
// add", starts "intressen lägg till"), and the words after them are one
// edit from the rest of that longer name ("tll" for "till"). "" when none
// is.
func (r *Registry) nearLonger(words []string, n int) string {
	if n < 2 || n >= len(words) {
		return ""
	}
	typed := key(words[:n])
	best, bestK := "", 0
	for _, name := range r.names {
		f := strings.Fields(name)
		k := len(f) - n // words after the shorter name
		if k < 1 || n+k > len(words) || key(f[:n]) != typed {
			continue
		}
		if d := levenshtein.ComputeDistance(key(words[n:n+k]), key(f[n:])); d != 1 {
			continue // 0: Lookup would have found the longer name
		}
		if best == "" || k > bestK || k == bestK && name < best {
			best, bestK = name, k
		}
	}
	return best
}

// nearLongerName refuses a line whose command name is the start of a
// longer name and whose first argument word is one edit from the rest of
// that name: "intressen lägg tll keramik" names "interests add" (by its
// short Swedish name "intressen lägg") with "tll keramik" as its tags,
// which is a typo of "intressen lägg till" far more often than a tag.
//
// Decision: refuse with the suggestion, as every other typo in a command
// name is (unknown, nearSubcommand), rather than run the command as if the
// word were spelled right: a word one edit away may be a real argument
// ("tull"), and a refusal costs one retyped line while a wrong tag stored
// is silent. A quoted word is an argument as written and never refused.
func (b *Bot) nearLongerName(call *Call, cmd *Command, toks []token, line string) (string, bool) {
	if len(toks) == 0 || toks[0].named || len(cmd.Words()) < 2 {
		return "", false
	}
	if _, quoted := closingQuote([]rune(line[toks[0].start:])[0]); quoted {
		return "", false
	}
	all, err := tokenize(line)
	if err != nil {
		return "", false
	}
	n := len(all) - len(toks)
	near := b.reg.nearLonger(firstWords(all, b.reg.maxLen), n)
	if near == "" {
		return "", false
	}
	return call.T("err.suggest", near) + " " + call.T("err.near_longer", strings.Join(firstWords(all, n), " "), all[n].value), true
}
