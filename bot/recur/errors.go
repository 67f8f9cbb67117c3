package recur

import (
	"errors"
	"fmt"
	"strings"
)

// MaxPhraseLen is the longest phrase, in bytes, that [Parse] reads.
const MaxPhraseLen = 200

// ErrorKind classifies an [*Error] so that a caller can explain it from its
// own message catalog (see [ErrorKind.Key]).
type ErrorKind int

// The kinds of [*Error].
const (
	// KindEmpty: nothing was written.
	KindEmpty ErrorKind = iota + 1
	// KindTooLong: the phrase is longer than MaxPhraseLen bytes.
	KindTooLong
	// KindUnknownWord: a word is not part of any schedule this package
	// reads; Word holds it.
	KindUnknownWord
	// KindNoDay: a time or a unit ("kl 9", "varje vecka") but no day.
	KindNoDay
	// KindBadTime: a clock time that does not exist ("kl 25", "9:75");
	// Word holds it.
	KindBadTime
	// KindBadDate: a day of the month or a date that does not exist
	// ("den 32:e", "30 februari varje år"); Word holds it.
	KindBadDate
	// KindOnce: a single date, not a repetition ("1 maj", "den 15:e").
	KindOnce
	// KindConflict: two rules or two times in one phrase ("varje dag
	// varje måndag", "kl 9 kl 10").
	KindConflict
	// KindCron: the phrase is written as a cron spec but is not a valid
	// one; Err is the *scheduler.SpecError, which explains why.
	KindCron
)

// String returns the kind's name, for logs.
func (k ErrorKind) String() string {
	switch k {
	case KindEmpty:
		return "empty"
	case KindTooLong:
		return "too long"
	case KindUnknownWord:
		return "unknown word"
	case KindNoDay:
		return "no day"
	case KindBadTime:
		return "bad time"
	case KindBadDate:
		return "bad date"
	case KindOnce:
		return "once"
	case KindConflict:
		return "conflict"
	case KindCron:
		return "cron"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Key returns a message catalog key for the kind: "recur.empty",
// "recur.unknown_word", "recur.no_day", ...
func (k ErrorKind) Key() string {
	return "recur." + strings.ReplaceAll(k.String(), " ", "_")
}

// Error explains why [Parse] refused a phrase. Error() is an English
// sentence for logs; [Error.Message] gives the member's language with
// examples.
type Error struct {
	Kind ErrorKind
	// Phrase is the refused phrase, shortened to at most 60 bytes.
	Phrase string
	// Word is the offending word or value, when the kind has one.
	Word string
	// Err is the underlying error: the *scheduler.SpecError for KindCron.
	Err error
}

// Error returns a one-line English description.
func (e *Error) Error() string { return e.Message("en") }

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Message says what is wrong in Swedish ("sv") or English (anything
// else), followed by a few examples that work; never a cron lecture. The
// problem sentence alone is [Error.Problem].
func (e *Error) Message(lang string) string {
	intro := "Try for example"
	if isSwedish(lang) {
		intro = "Skriv till exempel"
	}
	ex := Examples(lang)[:4]
	return fmt.Sprintf("%s %s: “%s”.", e.Problem(lang), intro, strings.Join(ex, "”, “"))
}

// Problem returns the sentence that says what is wrong, without examples.
func (e *Error) Problem(lang string) string {
	sv := isSwedish(lang)
	pick := func(s, en string) string {
		if sv {
			return s
		}
		return en
	}
	switch e.Kind {
	case KindEmpty:
		return pick("Skriv när det ska upprepas.", "Say when it should repeat.")
	case KindTooLong:
		return pick(fmt.Sprintf("Schemat är för långt (högst %d tecken).", MaxPhraseLen), fmt.Sprintf("The schedule is too long (at most %d characters).", MaxPhraseLen))
	case KindUnknownWord:
		return pick(fmt.Sprintf("Jag förstår inte ”%s” i ett schema.", e.Word), fmt.Sprintf("I don't understand “%s” in a schedule.", e.Word))
	case KindNoDay:
		return pick("Säg vilken dag: en veckodag, ”varje dag”, ”vardagar” eller en dag i månaden.", "Say which day: a weekday, “every day”, “weekdays” or a day of the month.")
	case KindBadTime:
		return pick(fmt.Sprintf("”%s” är ingen klockslag; skriv 00:00–23:59.", e.Word), fmt.Sprintf("“%s” is not a time of day; write 00:00–23:59.", e.Word))
	case KindBadDate:
		return pick(fmt.Sprintf("”%s” är inget datum som finns.", e.Word), fmt.Sprintf("“%s” is not a date that exists.", e.Word))
	case KindOnce:
		return pick("Det är ett enstaka datum, inte en upprepning; säg hur ofta (”varje år”, ”varje månad”).", "That is a single date, not a repetition; say how often (“every year”, “every month”).")
	case KindConflict:
		return pick("Schemat säger två olika saker; skriv en dag-regel och högst en tid.", "The schedule says two different things; write one day rule and at most one time.")
	case KindCron:
		var msg string
		if e.Err != nil {
			msg = e.Err.Error()
		}
		return pick("Det ser ut som cron men är inget giltigt cron-schema: "+msg+".", "That looks like cron but is not a valid cron spec: "+msg+".")
	}
	return pick("Jag förstår inte schemat.", "I don't understand the schedule.")
}

// Examples returns phrases that [Parse] reads, in Swedish ("sv") or
// English (anything else), most common first, for help texts and refusals.
// The slice is new on every call.
func Examples(lang string) []string {
	if isSwedish(lang) {
		return []string{
			"varje måndag kl 9",
			"vardagar kl. 08:30",
			"varannan tisdag kl 18 från 1 december",
			"första tisdagen i månaden kl 18.30",
			"den 15:e varje månad kl 12",
			"måndag och torsdag kl 9",
			"sista vardagen i månaden kl 15",
			"varje år den 1 maj kl 10",
			"varje dag kl 7",
			"helger kl 10",
		}
	}
	return []string{
		"every Monday at 9am",
		"weekdays at 08:30",
		"every other Tuesday at 6pm from 1 December",
		"the first Tuesday of the month at 18:30",
		"the 15th of every month at noon",
		"Monday and Thursday at 9",
		"the last weekday of the month at 3pm",
		"every year on 1 May at 10",
		"every day at 7",
		"weekends at 10",
	}
}

// IsError reports whether err is an [*Error] of the given kind.
func IsError(err error, kind ErrorKind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == kind
}

// isSwedish reports whether lang names Swedish ("sv", "sv-SE").
func isSwedish(lang string) bool {
	return strings.HasPrefix(strings.ToLower(lang), "sv")
}

// short returns s cut to at most n bytes on a rune boundary.
func short(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
