package recur

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"passionbot/bot/scheduler"
)

// DefaultHour and DefaultMinute are the time of day of a phrase that
// names none ("varje måndag" fires at 09:00). The time is always shown back
// by [Rule.Describe], so the member sees what was chosen.
const (
	DefaultHour   = 9
	DefaultMinute = 0
)

// Parse reads a schedule phrase in Swedish or English ("varannan tisdag kl
// 18", "the first Tuesday of the month at 6pm") or a cron spec ("0 9 * * 1",
// "@weekly", read by [scheduler.Parse]). loc is the community's time zone
// (UTC when nil); now fixes the year of dates written without one and the
// first week of "every other week" when no first date is given. Errors are
// *[Error].
func Parse(phrase string, loc *time.Location, now time.Time) (Rule, error) {
	if loc == nil {
		loc = time.UTC
	}
	text := strings.TrimSpace(phrase)
	switch {
	case len(text) > MaxPhraseLen:
		return Rule{}, &Error{Kind: KindTooLong, Phrase: short(text, 60)}
	case text == "":
		return Rule{}, &Error{Kind: KindEmpty}
	case looksLikeCron(text):
		r, err := parseCron(text, loc)
		if err == nil && r.Next(now).IsZero() {
			// scheduler.Parse lets a few odd specs through ("0 0 1 , 0").
			return Rule{}, &Error{Kind: KindCron, Phrase: short(text, 60), Err: errors.New("it never fires")}
		}
		return r, err
	}
	p := &parser{toks: tokenize(text), now: now.In(loc), interval: 1}
	pat, err := p.parse()
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Phrase = short(text, 60)
		}
		return Rule{}, err
	}
	return anchor(pat, loc, now, text)
}

// anchor settles the start of a rule repeating every other period, which
// parity needs: the first day on or after the stated date that the rule
// fires, or else the first day it fires after now. It also checks that the
// rule fires at all.
func anchor(pat pattern, loc *time.Location, now time.Time, text string) (Rule, error) {
	if pat.interval > 1 {
		from, after := pat.start, time.Time{}
		if from.IsZero() {
			from, after = dateOf(now.In(loc)), now
		}
		day, ok := pat.firstDay(from, after, loc)
		if !ok {
			return Rule{}, &Error{Kind: KindBadDate, Phrase: short(text, 60), Word: from.Format(time.DateOnly)}
		}
		pat.start = day
	}
	r, err := newRule(pat, loc)
	if err != nil {
		return Rule{}, &Error{Kind: KindBadDate, Phrase: short(text, 60), Err: err}
	}
	if r.Next(now).IsZero() {
		return Rule{}, &Error{Kind: KindBadDate, Phrase: short(text, 60), Word: short(text, 40)}
	}
	return r, nil
}

// looksLikeCron reports whether text is written as cron: a descriptor, a
// CRON_TZ= prefix, or five or six fields of cron characters starting with
// a number or '*'.
func looksLikeCron(text string) bool {
	if strings.HasPrefix(text, "@") || strings.HasPrefix(text, "CRON_TZ=") || strings.HasPrefix(text, "TZ=") {
		return true
	}
	f := strings.Fields(text)
	if len(f) != 5 && len(f) != 6 {
		return false
	}
	if c := f[0][0]; c != '*' && c != '?' && (c < '0' || c > '9') {
		return false
	}
	named := len(f) - 2 // only the month and day-of-week fields take names
	for i, field := range f {
		for _, r := range field {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !(r >= '0' && r <= '9' || letter && i >= named || strings.ContainsRune("*?,-/", r)) {
				return false
			}
		}
	}
	return true
}

// parseCron reads a cron spec through scheduler.Parse.
func parseCron(text string, loc *time.Location) (Rule, error) {
	s, err := scheduler.Parse(text, loc)
	if err != nil {
		return Rule{}, &Error{Kind: KindCron, Phrase: short(text, 60), Err: err}
	}
	spec := strings.Join(strings.Fields(text), " ")
	if str, ok := s.(fmt.Stringer); ok {
		spec = str.String()
	}
	return Rule{cron: spec, loc: loc, sched: s}, nil
}

// tokenize lowercases the phrase and splits it into words, numbers,
// clock times and the separators ",", "-".
func tokenize(s string) []string {
	s = strings.NewReplacer(
		"–", " - ", "—", " - ", ",", " , ", ";", " , ", "&", " och ", "+", " , ",
		"(", " ", ")", " ", "!", " ", "?", " ", "\"", " ", "”", " ", "“", " ",
		"p.m.", "pm", "a.m.", "am", "e.m.", "em", "f.m.", "fm", "fr.o.m.", "från ",
		"kl.", "kl ", "klockan", "kl ",
	).Replace(strings.ToLower(s))
	var out []string
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		f = strings.TrimRight(f, ".:")
		out = append(out, splitWord(f)...)
	}
	return out
}

// splitWord splits "mån-fre" into "mån", "-", "fre" and "6pm" into "6",
// "pm".
func splitWord(f string) []string {
	if a, b, ok := strings.Cut(f, "-"); ok && isLetters(a) && isLetters(b) {
		return []string{a, "-", b}
	}
	for _, m := range []string{"am", "pm", "em", "fm"} {
		if clock, ok := strings.CutSuffix(f, m); ok && clock != "" && isClockText(clock) {
			return []string{clock, m}
		}
	}
	if rest, ok := strings.CutPrefix(f, "kl"); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return []string{"kl", rest}
	}
	if f == "" {
		return nil
	}
	return []string{f}
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isClockText reports whether s is made of digits with at most one ':' or
// '.' inside: "9", "09:30", "18.30".
func isClockText(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	seps := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case (r == ':' || r == '.') && i > 0 && i < len(s)-1:
			seps++
		default:
			return false
		}
	}
	return seps <= 1
}

// clock reads "9", "09", "9:30", "18.30" as a time of day. ok is false
// when s is not written as one; err is set when it is but does not exist.
func clock(s string) (hour, minute int, explicit, ok bool, err error) {
	if !isClockText(s) {
		return 0, 0, false, false, nil
	}
	h, m, sep := s, "0", false
	if i := strings.IndexAny(s, ":."); i >= 0 {
		h, m, sep = s[:i], s[i+1:], true
		if len(m) != 2 {
			return 0, 0, false, false, nil // "1.5" is not a time
		}
	}
	if len(h) > 2 {
		return 0, 0, false, false, nil
	}
	hour, _ = strconv.Atoi(h)
	minute, _ = strconv.Atoi(m)
	if hour > 24 || minute > 59 || hour == 24 && minute > 0 {
		return 0, 0, sep, true, &Error{Kind: KindBadTime, Word: s}
	}
	return hour % 24, minute, sep, true, nil
}

// withMeridiem applies am/pm ('a'/'p') to an hour: 12am is 00, 6pm is 18.
func withMeridiem(hour int, mer byte, text string) (int, error) {
	if mer == 0 {
		return hour, nil
	}
	if hour < 1 || hour > 12 {
		return 0, &Error{Kind: KindBadTime, Word: text}
	}
	if mer == 'p' {
		return hour%12 + 12, nil
	}
	return hour % 12, nil
}
