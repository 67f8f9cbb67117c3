package bot

import (
	"errors"
	"fmt"
	"reflect"
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

// courtesyWords end a command line politely ("nej tack", "ja tack så
// mycket", "yes please"), folded: no argument's value.
var courtesyWords = map[string]bool{"tack": true, "tackar": true, "sa": true, "mycket": true, "tusen": true,
	"snalla": true, "thanks": true, "thank": true, "you": true, "thx": true, "please": true, "pls": true,
	"so": true, "much": true, "ty": true}

// courtesyTail reports whether toks, the words left over after every
// argument has its value, are only courtesy words.
func courtesyTail(toks []token) bool {
	for _, t := range toks {
		if t.named || !courtesyWords[fold(t.value)] {
			return false
		}
	}
	return len(toks) > 0
}

// bind assigns tokens to c's arguments, by name or positionally in
// declared order, and converts them. rest is the raw text the tokens came
// from. When c ends in a free-text (rest) argument, positional words go to
// the required arguments and then to the free text: optional arguments
// before it are set only by name, and declared name:value options are
// taken out of the free text wherever they stand. A name is an argument's
// English or Swedish one (Command.ArgNamed); values are kept under the
// English name, which is what handlers read.
//
// An unquoted name:value whose argument has RunsOn takes the unquoted
// words after it that RunsOn takes ("när:fredag 18:00" is "fredag
// 18:00", not "fredag" and a description "18:00"), also among free text.
// RunsOn is asked about each word, and where a word alone does not go on,
// about it together with the next few words ("at 3pm", "den 15", "om en
// vecka"), joined by spaces. A time's words (RunsOn is when.Word) go on
// only as far as the time stays readable: in "när:fredag 18 man tar med
// fika" the time is "fredag 18", though "man" may be short for måndag.
//
// A time is never guessed from words without its name: see
// misplacedTime.
func (p Parser) bind(c *Command, toks []token, rest string) (Args, error) {
	b := &binder{p: p, c: c, toks: toks, rest: rest, raw: map[string]string{}, typed: map[string]string{},
		owner: make([]*Arg, len(toks)), pos: make([]bool, len(toks))}
	if len(toks) > 0 {
		b.base = toks[0].start
	}
	hasRest := len(c.Args) > 0 && c.Args[len(c.Args)-1].Kind == KindRest
	if hasRest {
		b.restArg = &c.Args[len(c.Args)-1]
	}
	next := 0 // next positional argument
	for ti := 0; ti < len(toks); ti++ {
		t := toks[ti]
		var a *Arg
		if t.named {
			a = c.ArgNamed(t.name)
		}
		if a != nil && a == b.restArg {
			// "tags:keramik, surdeg": the free text starts here and runs on.
			if _, dup := b.raw[a.Name]; dup {
				return Args{}, argErr("arg.repeated", t.name)
			}
			text, err := b.freeText(ti)
			if err != nil {
				return Args{}, err
			}
			b.raw[a.Name], b.typed[a.Name] = text, t.name
			break
		}
		if a != nil {
			if err := b.named(a, ti); err != nil {
				return Args{}, err
			}
			ti += b.runOn(a, ti)
			continue
		}
		if t.named && (!hasRest || !t.bare) {
			return Args{}, unknownArg(c, t.name, t.value)
		}
		for next < len(c.Args) {
			a := c.Args[next]
			_, done := b.raw[a.Name]
			if !done && (a.Required || a.Kind == KindRest || !hasRest) {
				break
			}
			next++
		}
		if next >= len(c.Args) {
			if courtesyTail(toks[ti:]) {
				break // "träff svara 1 nej tack": the thanks is no argument
			}
			return Args{}, argErr("arg.too_many", t.value)
		}
		pos := &c.Args[next]
		if pos.Kind != KindRest {
			b.raw[pos.Name] = t.value
			b.owner[ti], b.pos[ti] = pos, true
			next++
			continue
		}
		text, err := b.freeText(ti)
		if err != nil {
			return Args{}, err
		}
		b.raw[pos.Name] = text
		break
	}
	if err := b.misplacedTime(); err != nil {
		return Args{}, err
	}
	return p.convertAll(c, b.raw, b.typed)
}

// binder is one binding of a command line's tokens to a command's
// arguments.
type binder struct {
	p       Parser
	c       *Command
	toks    []token
	rest    string // the text toks came from
	base    int    // the offset in the line of rest
	restArg *Arg   // the free-text argument; nil when c has none
	raw     map[string]string
	typed   map[string]string // canonical name → the name the member wrote
	owner   []*Arg            // the argument each token went to; nil for none
	pos     []bool            // whether a token went to its argument by position
}

// text is toks[i:j] as written.
func (b *binder) text(i, j int) string {
	return b.rest[b.toks[i].start-b.base : b.toks[j-1].end-b.base]
}

// quoted reports whether toks[i] has a quotation mark in it: the member
// marked where a value starts and ends.
func (b *binder) quoted(i int) bool { return strings.ContainsAny(b.text(i, i+1), "\"'“”„«»") }

// named binds the name:value toks[i] to a.
func (b *binder) named(a *Arg, i int) error {
	t := b.toks[i]
	if _, dup := b.raw[a.Name]; dup {
		return argErr("arg.repeated", t.name)
	}
	b.raw[a.Name], b.typed[a.Name] = t.value, t.name
	b.owner[i] = a
	return nil
}

// runOn adds to a's value, named by toks[i], the words after it that go
// on with it (see bind) and returns how many tokens they are.
func (b *binder) runOn(a *Arg, i int) int {
	if a.RunsOn == nil || b.quoted(i) {
		return 0
	}
	n := b.run(a, b.toks[i].value, i+1)
	for k := i + 1; k <= i+n; k++ {
		b.raw[a.Name] += " " + b.toks[k].value
		b.owner[k] = a
	}
	return n
}

// maxLead is how many words bind puts together to ask RunsOn whether they
// go on as one: up to three small words and the word they lead to ("om en
// vecka", "den här fredagen").
const maxLead = 4

// step returns how many tokens from toks[i] go on as one step with the
// value of a (RunsOn set): 1 when the word itself does, several when a
// word goes on only with the next ones ("at 3pm"), 0 when the value ends.
// A named or quoted token always ends it.
func (b *binder) step(a *Arg, i int) int {
	free := func(k int) bool { return !b.toks[k].named && !b.quoted(k) }
	if i >= len(b.toks) || !free(i) {
		return 0
	}
	if a.RunsOn(b.toks[i].value) {
		return 1
	}
	words := []string{b.toks[i].value}
	for k := i + 1; k < len(b.toks) && len(words) < maxLead; k++ {
		if !free(k) {
			return 0
		}
		words = append(words, b.toks[k].value)
		if a.RunsOn(strings.Join(words, " ")) {
			return len(words)
		}
	}
	return 0
}

// run returns how many tokens from toks[from] go on with a's value, which
// so far is value ("" when toks[from] would start it): as many steps as
// a's RunsOn takes, and of a time's (timeWords) as far as the time stays
// readable, cut only before a word without digits (a weekday's or a
// month's short name that is a word too: "man", "may", "sat"). Otherwise
// the whole run goes, so that the time's own error names what it cannot
// read. A run is never longer than when.MaxInput runes.
func (b *binder) run(a *Arg, value string, from int) int {
	end := b.extent(a, value, from)
	if end == from || !timeWords(a) {
		return end - from
	}
	words := make([]string, 0, end-from+1)
	if value != "" {
		words = append(words, value)
	}
	for k := from; k < end; k++ {
		words = append(words, b.toks[k].value)
	}
	for e := end; e >= from; e-- {
		// Only before a word without digits: "fredag 18 man" is
		// "fredag 18", but "fredag 18 18" is no time.
		if e < end && strings.ContainsAny(b.toks[e].value, "0123456789") {
			continue
		}
		if b.readable(strings.Join(words[:len(words)-(end-e)], " ")) {
			return e - from
		}
	}
	return end - from
}

// extent is the end of the tokens from toks[from] that a's RunsOn takes
// after value, up to when.MaxInput runes.
func (b *binder) extent(a *Arg, value string, from int) int {
	end, runes := from, utf8.RuneCountInString(value)
	for {
		n := b.step(a, end)
		if n == 0 {
			break
		}
		// No time is longer than when reads: the words past that are
		// not the time's.
		for k := end; k < end+n; k++ {
			runes += 1 + utf8.RuneCountInString(b.toks[k].value)
		}
		if runes > when.MaxInput+1 {
			break
		}
		end += n
	}
	return end
}

// readable reports whether s is a time when.Parse reads, whether or not
// it is a good one (in the past, without a time of day …).
func (b *binder) readable(s string) bool {
	_, err := when.Parse(s, b.p.now(), b.p.loc())
	var we *when.Error
	return err == nil || errors.As(err, &we) && we.Kind != when.Unrecognised
}

// timeWords reports whether a's words are a time's: its RunsOn is
// when.Word.
func timeWords(a *Arg) bool { return sameFunc(a.RunsOn, when.Word) }

// takesAnyWord reports whether a's RunsOn takes every word (AnyWord).
func takesAnyWord(a *Arg) bool { return sameFunc(a.RunsOn, AnyWord) }

// sameFunc reports whether f is the top-level function g.
func sameFunc(f, g func(string) bool) bool {
	return f != nil && reflect.ValueOf(f).Pointer() == reflect.ValueOf(g).Pointer()
}

// freeText is the raw text of toks[from:] with the declared name:value
// options cut out (and bound, with the words that run on after them); the
// spacing between words that stood together is kept. A single quoted word
// is its value.
func (b *binder) freeText(from int) (string, error) {
	c := b.c
	isRest := func(t token) bool { return t.named && c.ArgNamed(t.name) == b.restArg }
	var sb strings.Builder
	var kept []token
	prev := -1 // index in toks of the last kept token
	for i := from; i < len(b.toks); i++ {
		t := b.toks[i]
		a := c.ArgNamed(t.name)
		if t.named && a != nil && a != b.restArg {
			if err := b.named(a, i); err != nil {
				return "", err
			}
			i += b.runOn(a, i)
			continue
		}
		if t.named && a == nil && !t.bare {
			// "foo:bar" or a typo ("were:"): never silently part of the
			// text; text that really says x:y is written in quotes.
			return "", unknownArg(c, t.name, t.value)
		}
		b.owner[i] = b.restArg
		switch {
		case prev >= 0 && prev == i-1:
			sb.WriteString(b.rest[b.toks[prev].end-b.base : t.start-b.base])
		case prev >= 0:
			sb.WriteByte(' ')
		}
		if isRest(t) {
			sb.WriteString(t.value) // the text after "name:", unquoted
		} else {
			sb.WriteString(b.text(i, i+1))
		}
		prev = i
		kept = append(kept, t)
	}
	if len(kept) == 1 && (!kept[0].named || isRest(kept[0])) {
		return kept[0].value, nil
	}
	return strings.TrimSpace(sb.String()), nil
}

// misplacedTime refuses a line whose time went without its name to where
// it does not belong, rather than guess. The time argument is the
// command's first argument whose RunsOn is not AnyWord (a time's or a
// recurrence's words); when the member named it, or quoted the word it
// got by position, all is as written. Otherwise, when the line's unnamed,
// unquoted words hold a time (the words the argument would take, that
// when.Parse reads with a time of day written in digits; a bare number is
// none) and
//
//   - the time argument is required and missing: the time went to the
//     title, the place or the description ("träff skapa titel:Fredagsfika
//     fredag 15:00");
//   - it got a word by position, but not exactly that time: the title
//     had more than one word, or the time did ("träff skapa Fredagsfika
//     fredag 15:00", "meetup create Friday fika friday 3pm");
//   - it is optional and not given, and a time with a day is all of the
//     free text or ends a value that runs on ("träff ändra 3 fredag
//     18:00", "träff ändra 3 titel:Fika fredag 18:00"); a description
//     that only mentions a time, or a place "Kungsgatan 12-14", is left
//     alone,
//
// the answer says that the name is missing in front of the time and
// shows the line with it written in, and with the name of the title that
// went before it by position. Nothing is run.
func (b *binder) misplacedTime() error {
	var w *Arg
	for i := range b.c.Args {
		if a := &b.c.Args[i]; a.RunsOn != nil && !takesAnyWord(a) {
			w = a
			break
		}
	}
	if w == nil || b.typed[w.Name] != "" {
		return nil
	}
	k := -1 // the token w got by position
	for i := range b.toks {
		if b.owner[i] == w {
			k = i
		}
	}
	if k >= 0 && b.quoted(k) {
		return nil
	}
	for i, j := 0, 0; i < len(b.toks); i = max(i+1, j) {
		if b.toks[i].named || b.step(w, i) == 0 {
			continue
		}
		// A run that is no time is looked at again after the part of
		// it that reads as one ("Stickcafé 2 fredag 18": "2", then
		// "fredag 18"), or after all of it. A time of day here has
		// digits.
		if j = b.extent(w, "", i); !b.digits(i, j) {
			continue
		}
		j = i + b.run(w, "", i)
		s := b.text(i, j)
		if !b.timeOfDay(s) {
			continue
		}
		switch {
		case k >= 0:
			if i == k && j == k+1 {
				return nil // as the positions say
			}
		case w.Required:
		case !when.HasDay(s) || !b.wholeValue(w, i, j):
			continue
		}
		return b.unnamedTime(w, i, j, k)
	}
	return nil
}

// digits reports whether a token in toks[i:j] has a digit.
func (b *binder) digits(i, j int) bool {
	for k := i; k < j; k++ {
		if strings.ContainsAny(b.toks[k].value, "0123456789") {
			return true
		}
	}
	return false
}

// timeOfDay reports whether s is a time when.Parse reads with a time of
// day, whether or not it is a good one; a bare number is not.
func (b *binder) timeOfDay(s string) bool {
	if !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && !unicode.IsSpace(r) }) {
		return false
	}
	_, err := when.Parse(s, b.p.now(), b.p.loc())
	var we *when.Error
	return err == nil || errors.As(err, &we) && we.Kind != when.Unrecognised && we.Reason != when.MissingTime && we.Reason != when.MissingDay
}

// wholeValue reports whether toks[i:j] are all of the free text, or the
// end of a value that ran on after its name (and not its start).
func (b *binder) wholeValue(w *Arg, i, j int) bool {
	x := b.owner[i]
	if x == nil || x == w {
		return false
	}
	for k := range b.toks {
		in := k >= i && k < j
		switch {
		case in && b.owner[k] != x:
			return false
		case !in && b.owner[k] == x && (x == b.restArg || k >= j):
			return false
		}
	}
	return x == b.restArg || i > 0 && b.owner[i-1] == x
}

// unnamedTime is the refusal of misplacedTime: the time toks[i:j] needs
// w's name in front of it; k is the token w got by position, -1 for none.
func (b *binder) unnamedTime(w *Arg, i, j, k int) error {
	type insert struct {
		at   int
		a    *Arg
		none bool // the argument has no words left: "titel:…"
	}
	ins := []insert{{at: i, a: w}}
	// The argument that got the words before the time by position takes
	// them all by name ("title:Friday fika when:friday 3pm"), when they
	// stand together and it runs on.
	for h := i - 1; h >= 0; h-- {
		if b.toks[h].named || b.quoted(h) {
			break
		}
		if x := b.owner[h]; b.pos[h] && x != w {
			if x.RunsOn != nil {
				ins = append(ins, insert{at: b.firstOf(x), a: x})
			}
			break
		}
	}
	// A required argument whose only word was in the time ("träff skapa
	// fredag 15:00") is left without one, unless words after the time
	// will take its place.
	after := false
	for h := j; h < len(b.toks); h++ {
		after = after || !b.toks[h].named
	}
	for h := i; h < j && !after; h++ {
		if x := b.owner[h]; x != nil && x != w && x.Required && b.pos[h] {
			ins = append(ins, insert{at: i, a: x, none: true})
			break
		}
	}
	line := func(lang string) string {
		var sb strings.Builder
		sb.WriteString(b.c.NameIn(lang))
		sb.WriteByte(' ')
		from := 0
		for t := range b.toks {
			at := b.toks[t].start - b.base
			var names []string
			for _, in := range ins {
				if in.at == t && in.none {
					names = append(names, in.a.NameIn(lang)+":… ")
				}
			}
			for _, in := range ins {
				if in.at == t && !in.none {
					names = append(names, in.a.NameIn(lang)+":")
				}
			}
			if len(names) > 0 {
				sb.WriteString(b.rest[from:at])
				sb.WriteString(strings.Join(names, ""))
				from = at
			}
		}
		sb.WriteString(b.rest[from:])
		return Quote(sb.String(), 300)
	}
	key := "arg.time_unnamed"
	if !w.Required && k < 0 {
		key = "arg.time_unnamed_text"
	}
	return argErr(key, Text{SV: w.NameIn(LangSV), EN: w.Name}, Quote(b.text(i, j), 60), Text{SV: line(LangSV), EN: line(LangEN)})
}

// firstOf is the first token x got.
func (b *binder) firstOf(x *Arg) int {
	for t := range b.toks {
		if b.owner[t] == x {
			return t
		}
	}
	return 0
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
