package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/robfig/cron/v3"

	"passionbot/bot/when"
)

// argErr is a problem with a command's arguments: a UserError shown with
// the command's usage line.
func argErr(key string, args ...any) *UserError { return &UserError{Key: key, Args: args, Usage: true} }

// token is one word of a command line: positional ("value") or named
// ("name:value"); start and end are byte offsets in the line. bare marks a
// name with nothing after its colon ("Obs: ta med fika"): in free text that
// is a word, not an option.
type token struct {
	name, value string
	named, bare bool
	start, end  int
}

// closingQuote returns the quote that closes opening quote r.
func closingQuote(r rune) (rune, bool) {
	switch r {
	case '"':
		return '"', true
	case '“', '”':
		return '”', true
	case '„':
		return '“', true
	}
	return 0, false
}

// tokenize splits a command line into words, honouring quotes ("…", “…”)
// with backslash escapes inside them, and name:value options.
func tokenize(s string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		t := token{start: i}
		if n := optionName(s[i:]); n != "" && !isURI(n, s[i+len(n)+1:]) {
			t.name, t.named = strings.ToLower(n), true
			i += len(n) + 1
		}
		val, next, err := readValue(s, i)
		if err != nil {
			return nil, err
		}
		t.value, t.end = val, next
		t.bare = t.named && next == i
		toks = append(toks, t)
		i = next
	}
	return toks, nil
}

// optionName returns "name" when s starts with "name:" and name looks like
// an argument name (a letter, then letters, digits, _ or -). Letters
// include å, ä, ö: Swedish names ("när:", "användare:").
func optionName(s string) string {
	for i, r := range s {
		switch {
		case r == ':' && i > 0:
			return s[:i]
		case unicode.IsLetter(r):
		case i > 0 && (r >= '0' && r <= '9' || r == '_' || r == '-'):
		default:
			return ""
		}
	}
	return ""
}

// isURI reports whether "name:" followed by after starts a URI rather than
// an option: a scheme with "//" (https://x.se, ftp://…) or one of the
// schemes without it that members paste (mailto:, tel:). Such a word is a
// positional value, so a link works unquoted in free text and as a value.
func isURI(name, after string) bool {
	if strings.HasPrefix(after, "//") {
		return true
	}
	switch strings.ToLower(name) {
	case "mailto", "tel":
		return true
	}
	return false
}

// readValue reads one (possibly quoted) value starting at s[i].
func readValue(s string, i int) (string, int, error) {
	if i >= len(s) {
		return "", i, nil
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	closer, quoted := closingQuote(r)
	if !quoted {
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += w
		}
		return s[i:j], j, nil
	}
	var b strings.Builder
	j := i + w
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '\\' && j+w < len(s):
			nr, nw := utf8.DecodeRuneInString(s[j+w:])
			b.WriteRune(nr)
			j += w + nw
			continue
		case r == closer || (closer != '"' && r == '"'):
			return b.String(), j + w, nil
		}
		b.WriteRune(r)
		j += w
	}
	return "", 0, argErr("arg.unbalanced")
}

// ParseLine splits a command line into command words and the rest. It
// returns the matched command (nil when none), and the tokens after it.
func (r *Registry) parseLine(line string) (*Command, []token, string, error) {
	toks, err := tokenize(line)
	if err != nil {
		return nil, nil, "", err
	}
	var words []string
	for _, t := range toks {
		if t.named || len(words) >= r.maxLen {
			break
		}
		words = append(words, t.value)
	}
	cmd, n := r.Lookup(words)
	if cmd == nil {
		// "hjälp!", "help?", "meetup list.": the command's words with
		// the punctuation of a sentence.
		if cmd, n = r.Lookup(trimWords(words)); cmd == nil {
			return nil, toks, "", nil
		}
	}
	rest := ""
	if n < len(toks) {
		rest = line[toks[n].start:]
	}
	return cmd, toks[n:], rest, nil
}

// Parser converts argument text into typed values.
type Parser struct {
	// Location reads times without a zone; nil means UTC.
	Location *time.Location
	// Now is the current time; nil means time.Now.
	Now func() time.Time
}

// bind assigns tokens to c's arguments, by name or positionally in
// declared order, and converts them. rest is the raw text the tokens came
// from. When c ends in a free-text (rest) argument, positional words go to
// the required arguments and then to the free text: optional arguments
// before it are set only by name, and declared name:value options are
// taken out of the free text wherever they stand. A name is an argument's
// English or Swedish one (Command.ArgNamed); values are kept under the
// English name, which is what handlers read.
func (p Parser) bind(c *Command, toks []token, rest string) (Args, error) {
	vals := Args{m: map[string]any{}}
	raw := map[string]string{}
	typed := map[string]string{} // canonical name → the name the member wrote
	hasRest := len(c.Args) > 0 && c.Args[len(c.Args)-1].Kind == KindRest
	named := func(a *Arg, t token) error {
		if _, dup := raw[a.Name]; dup {
			return argErr("arg.repeated", t.name)
		}
		raw[a.Name], typed[a.Name] = t.value, t.name
		return nil
	}
	next := 0 // next positional argument
	var restArg *Arg
	if hasRest {
		restArg = &c.Args[len(c.Args)-1]
	}
	// runOn is the argument just named with an unquoted value whose
	// RunsOn takes the unquoted words after it ("när:fredag 18:00" is
	// "fredag 18:00", not "fredag" and a description "18:00").
	var runOn *Arg
	quoted := func(t token) bool {
		return strings.ContainsAny(rest[t.start-toks[0].start:t.end-toks[0].start], "\"'“”„«»")
	}
	for ti, t := range toks {
		var a *Arg
		if t.named {
			a = c.ArgNamed(t.name)
		}
		if runOn != nil && !t.named && !quoted(t) && runOn.RunsOn(t.value) {
			raw[runOn.Name] += " " + t.value
			continue
		}
		runOn = nil
		if a != nil && a.RunsOn != nil && !quoted(t) {
			runOn = a
		}
		if a != nil && a == restArg {
			// "tags:keramik, surdeg": the free text starts here and runs on.
			if _, dup := raw[a.Name]; dup {
				return vals, argErr("arg.repeated", t.name)
			}
			text, err := freeText(c, toks[ti:], rest, toks[0].start, named)
			if err != nil {
				return vals, err
			}
			raw[a.Name], typed[a.Name] = text, t.name
			break
		}
		if a != nil {
			if err := named(a, t); err != nil {
				return vals, err
			}
			continue
		}
		if t.named && (!hasRest || !t.bare) {
			return vals, unknownArg(c, t.name, t.value)
		}
		for next < len(c.Args) {
			a := c.Args[next]
			_, done := raw[a.Name]
			if !done && (a.Required || a.Kind == KindRest || !hasRest) {
				break
			}
			next++
		}
		if next >= len(c.Args) {
			return vals, argErr("arg.too_many", t.value)
		}
		pos := c.Args[next]
		if pos.Kind != KindRest {
			raw[pos.Name] = t.value
			next++
			continue
		}
		text, err := freeText(c, toks[ti:], rest, toks[0].start, named)
		if err != nil {
			return vals, err
		}
		raw[pos.Name] = text
		break
	}
	return p.convertAll(c, raw, typed)
}

// freeText is the raw text of toks with the declared name:value options cut
// out (and bound through named); the spacing between words that stood
// together is kept. A single quoted word is its value.
func freeText(c *Command, toks []token, rest string, base int, named func(*Arg, token) error) (string, error) {
	restArg := &c.Args[len(c.Args)-1]
	isRest := func(t token) bool { return t.named && c.ArgNamed(t.name) == restArg }
	var b strings.Builder
	var kept []token
	prev := -1 // index in toks of the last kept token
	for i, t := range toks {
		a := c.ArgNamed(t.name)
		if t.named && a != nil && a != restArg {
			if err := named(a, t); err != nil {
				return "", err
			}
			continue
		}
		if t.named && a == nil && !t.bare {
			// "foo:bar" or a typo ("were:"): never silently part of the
			// text; text that really says x:y is written in quotes.
			return "", unknownArg(c, t.name, t.value)
		}
		switch {
		case prev >= 0 && prev == i-1:
			b.WriteString(rest[toks[prev].end-base : t.start-base])
		case prev >= 0:
			b.WriteByte(' ')
		}
		if isRest(t) {
			b.WriteString(t.value) // the text after "name:", unquoted
		} else {
			b.WriteString(rest[t.start-base : t.end-base])
		}
		prev = i
		kept = append(kept, t)
	}
	if len(kept) == 1 && (!kept[0].named || isRest(kept[0])) {
		return kept[0].value, nil
	}
	return strings.TrimSpace(b.String()), nil
}

// BindOptions converts native command options (Discord) by argument name.
// Discord sends the English names whatever the member's locale shows.
func (p Parser) BindOptions(c *Command, opts map[string]any) (Args, error) {
	raw, typed := map[string]string{}, map[string]string{}
	for name, v := range opts {
		a := c.ArgNamed(name)
		if a == nil {
			return Args{}, unknownArg(c, name, "")
		}
		if _, dup := raw[a.Name]; dup {
			return Args{}, argErr("arg.repeated", name)
		}
		typed[a.Name] = name
		switch v := v.(type) {
		case string:
			raw[a.Name] = v
		case float64:
			raw[a.Name] = strconv.FormatFloat(v, 'f', -1, 64)
		default: // int64, bool: their text is what the parser reads
			raw[a.Name] = fmt.Sprint(v)
		}
	}
	return p.convertAll(c, raw, typed)
}

// unknownArg refuses an option name the command does not declare: with
// the nearest declared name (English or Swedish) when one is within reach
// of a typo, else listing the names it takes in the member's language. A
// command that ends in free text also says how to write text that really
// contains "name:value": in quotes.
func unknownArg(c *Command, name, value string) *UserError {
	if len(c.Args) == 0 {
		return argErr("arg.unknown_none", name)
	}
	hasRest := c.Args[len(c.Args)-1].Kind == KindRest
	quoted := strconv.Quote(name + ":" + value)
	cmd := Text{SV: c.NameIn(LangSV), EN: c.Name} // as the member's language names it
	if near := nearestArg(c, name); near != "" {
		if hasRest {
			return argErr("arg.unknown_suggest_text", name, cmd, near, quoted)
		}
		return argErr("arg.unknown_suggest", name, cmd, near)
	}
	var sv, en []string
	for _, a := range c.Args {
		sv = append(sv, "`"+a.NameIn(LangSV)+":`")
		en = append(en, "`"+a.Name+":`")
	}
	list := Text{SV: strings.Join(sv, ", "), EN: strings.Join(en, ", ")}
	if hasRest {
		return argErr("arg.unknown_text", name, cmd, list, quoted)
	}
	return argErr("arg.unknown", name, list)
}

// nearestArg returns the argument name, English or Swedish, nearest to
// name within typo reach (one edit for names of up to 3 letters, two up to
// 8, three beyond, as for command names), or "" when none is. Both
// languages count: a Swedish member may misspell the English name.
func nearestArg(c *Command, name string) string {
	f := fold(name)
	best, bestD := "", 1<<30
	for _, a := range c.Args {
		for _, n := range a.allNames() {
			d := levenshtein.ComputeDistance(f, fold(n))
			if d <= typoReach(fold(n)) && d < bestD {
				best, bestD = n, d
			}
		}
	}
	return best
}

// typoReach is how many edits away from name a typo may be.
func typoReach(name string) int {
	switch l := utf8.RuneCountInString(name); {
	case l > 8:
		return 3
	case l > 3:
		return 2
	}
	return 1
}

// convertAll checks the required arguments and converts each value given,
// for bind and BindOptions alike. A problem with a value names the
// argument as the member wrote it (typed), else in the member's language.
func (p Parser) convertAll(c *Command, raw, typed map[string]string) (Args, error) {
	vals := Args{m: map[string]any{}}
	for _, a := range c.Args {
		s, ok := raw[a.Name]
		if !ok || strings.TrimSpace(s) == "" {
			if a.Required {
				return vals, argErr("arg.missing", a.names())
			}
			continue
		}
		label := a.names()
		if n := typed[a.Name]; n != "" {
			label = Text{SV: n, EN: n}
		}
		v, err := p.convert(a, label, s)
		if err != nil {
			return vals, err
		}
		vals.m[a.Name] = v
	}
	return vals, nil
}

var (
	userRef    = regexp.MustCompile(`^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$`)
	channelRef = regexp.MustCompile(`^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$`)
	plainName  = regexp.MustCompile(`^[\p{L}\p{N}._-]{1,80}$`)
	daysWeeks  = regexp.MustCompile(`^(\d{1,4})\s*(d|dag|dagar|day|days|w|v|vecka|veckor|week|weeks)$`)
)

// noLimitWords lift a limit (Arg.NoLimit), folded as fold leaves them.
var noLimitWords = map[string]bool{"ingen": true, "inga": true, "obegransat": true, "obegransad": true, "none": true, "unlimited": true, "no limit": true}

func (p Parser) convert(a Arg, label Text, s string) (any, error) {
	s = strings.TrimSpace(s)
	switch a.Kind {
	case KindText, KindRest:
		limit := a.MaxLen
		if limit == 0 {
			limit = 2000
		}
		if n := utf8.RuneCountInString(s); n > limit {
			return nil, argErr("arg.too_long", label, limit)
		}
		return s, nil
	case KindInt:
		if a.NoLimit && noLimitWords[fold(s)] {
			return 0, nil
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, argErr("arg.int", label, s)
		}
		if a.NoLimit && n == 0 {
			return 0, nil
		}
		if a.Max > a.Min && (n < a.Min || n > a.Max) {
			if a.NoLimit {
				return nil, argErr("arg.range_no_limit", label, a.Min, a.Max)
			}
			return nil, argErr("arg.range", label, a.Min, a.Max)
		}
		return n, nil
	case KindBool:
		switch strings.ToLower(s) {
		case "true", "yes", "ja", "on", "på", "1":
			return true, nil
		case "false", "no", "nej", "off", "av", "0":
			return false, nil
		}
		return nil, argErr("arg.bool", label, s)
	case KindTime:
		r, err := when.Parse(s, p.now(), p.loc())
		if err != nil {
			return nil, argErr("arg.time", label, s)
		}
		return r.Start, nil
	case KindDuration:
		d, err := ParseDuration(s)
		if err != nil {
			return nil, argErr("arg.duration", label, s)
		}
		return d, nil
	case KindCron:
		if _, err := cron.ParseStandard(s); err != nil {
			return nil, argErr("arg.cron", label, s)
		}
		return s, nil
	case KindChoice:
		if c, ok := a.Choice(s); ok {
			return c, nil
		}
		return nil, argErr("arg.choice", label, Text{SV: strings.Join(a.ChoicesIn(LangSV), ", "), EN: strings.Join(a.Choices, ", ")})
	case KindUser:
		if m := userRef.FindStringSubmatch(s); m != nil {
			return m[1], nil
		}
		if n := strings.TrimPrefix(s, "@"); plainName.MatchString(n) {
			return n, nil
		}
		return nil, argErr("arg.user", label, s)
	case KindChannel:
		if m := channelRef.FindStringSubmatch(s); m != nil {
			return m[1], nil
		}
		if n := strings.TrimPrefix(s, "#"); plainName.MatchString(n) {
			return n, nil
		}
		return nil, argErr("arg.channel", label, s)
	}
	return nil, fmt.Errorf("unknown argument kind %d", a.Kind)
}

func (p Parser) loc() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}

func (p Parser) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

// ParseDuration reads Go durations ("90m", "1h30m") and days or weeks
// ("3d", "2 dagar", "1w"). The result is positive.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if m := daysWeeks.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		unit := 24 * time.Hour
		if strings.ContainsAny(m[2][:1], "wv") {
			unit *= 7
		}
		if n > 0 {
			return time.Duration(n) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("duration must be positive")
	}
	return d, nil
}

// Args holds a command's converted argument values.
type Args struct{ m map[string]any }

// Has reports whether the argument was given.
func (a Args) Has(name string) bool { _, ok := a.m[name]; return ok }

// String returns a text, rest, choice, cron, user or channel argument ("" when absent).
func (a Args) String(name string) string { s, _ := a.m[name].(string); return s }

// Int returns an integer argument (0 when absent).
func (a Args) Int(name string) int { n, _ := a.m[name].(int); return n }

// Bool returns a boolean argument (false when absent).
func (a Args) Bool(name string) bool { b, _ := a.m[name].(bool); return b }

// Time returns a time argument (zero when absent).
func (a Args) Time(name string) time.Time { t, _ := a.m[name].(time.Time); return t }

// Duration returns a duration argument (0 when absent).
func (a Args) Duration(name string) time.Duration { d, _ := a.m[name].(time.Duration); return d }
