package when

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxInput is the longest input, in runes after trimming surrounding space,
// that Parse reads. Longer input is Unrecognised with Reason LongInput.
const MaxInput = 100

// MaxYearsAhead is how far ahead a meetup may start: a start later than now
// plus this many years is TooFar.
const MaxYearsAhead = 2

// MaxDuration is the longest duration Parse accepts ("i 30 timmar" is
// Impossible with Reason LongDuration).
const MaxDuration = 24 * time.Hour

// Range is the time span of a meetup, in the community's location.
type Range struct {
	// Start is when the meetup starts.
	Start time.Time
	// End is when it ends: zero when no end time or duration was given,
	// otherwise after Start.
	End time.Time
}

// ErrorKind says what kind of problem Parse found; callers localize by it.
type ErrorKind int

// The kinds of Error.
const (
	// Unrecognised: not a date or time Parse understands.
	Unrecognised ErrorKind = iota + 1
	// Impossible: a date, time or span that cannot exist (30/2, 25:00,
	// 18-18, a time skipped when the clocks go forward).
	Impossible
	// Past: the start is before now; Error.Time holds it (for Reason
	// JustPassed, the day written).
	Past
	// Ambiguous: the input names no single time (no time of day, a time
	// that occurs twice, a weekday that contradicts the date).
	Ambiguous
	// TooFar: the start is more than MaxYearsAhead years ahead.
	TooFar
)

// String returns the kind's name, for logs and tests.
func (k ErrorKind) String() string {
	switch k {
	case Unrecognised:
		return "Unrecognised"
	case Impossible:
		return "Impossible"
	case Past:
		return "Past"
	case Ambiguous:
		return "Ambiguous"
	case TooFar:
		return "TooFar"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Reason refines an ErrorKind so that the caller can explain the problem.
type Reason int

// The reasons of Error. TooFar has no reason (NoReason), nor has Past
// unless it is JustPassed.
const (
	// NoReason: the Kind says it all (Past, TooFar).
	NoReason Reason = iota
	// Empty (Unrecognised): nothing but spaces or filler words.
	Empty
	// LongInput (Unrecognised): longer than MaxInput runes.
	LongInput
	// NotUnderstood (Unrecognised): Error.Text is the first word or sign
	// that could not be read.
	NotUnderstood
	// NoSuchDate (Impossible): 31/4, 30/2, 2027-02-29, 2027-13-01.
	NoSuchDate
	// MonthFirst (Impossible): a numeric date that only makes sense as
	// month/day, such as 1/15; dates are read day/month.
	MonthFirst
	// NoSuchTime (Impossible): 25:00, 18:75, 13pm.
	NoSuchTime
	// ClockGap (Impossible): the time is skipped on that day because the
	// clocks go forward; Error.Time is that day at 00:00.
	ClockGap
	// ZeroDuration (Impossible): the end equals the start, or the duration
	// is zero.
	ZeroDuration
	// LongDuration (Impossible): the duration is over MaxDuration.
	LongDuration
	// MissingTime (Ambiguous): a day without a time of day; Error.Time is
	// that day at 00:00.
	MissingTime
	// ClockRepeat (Ambiguous): the time occurs twice on that day because
	// the clocks go back; Error.Alternatives holds both instants.
	ClockRepeat
	// WeekdayMismatch (Ambiguous): the weekday written (Error.Weekday) is
	// not the date's weekday (Error.Time).
	WeekdayMismatch
	// JustPassed (Past): a day and month written without a year passed at
	// most JustPassedDays ago ("4/12" on 5 December). Error.Time is that
	// day at 00:00 in loc and Error.Year the year of the next such date,
	// which the member may have meant ("4 December 2027"); Year is 0 when
	// the date does not exist that year (29 February).
	JustPassed
	// MissingDay (Ambiguous): a week without a weekday ("nästa vecka
	// 18:00"); Error.Time is that week's Monday at 00:00.
	MissingDay
)

// String returns the reason's name, for logs and tests.
func (r Reason) String() string {
	switch r {
	case NoReason:
		return "NoReason"
	case Empty:
		return "Empty"
	case LongInput:
		return "LongInput"
	case NotUnderstood:
		return "NotUnderstood"
	case NoSuchDate:
		return "NoSuchDate"
	case MonthFirst:
		return "MonthFirst"
	case NoSuchTime:
		return "NoSuchTime"
	case ClockGap:
		return "ClockGap"
	case ZeroDuration:
		return "ZeroDuration"
	case LongDuration:
		return "LongDuration"
	case MissingTime:
		return "MissingTime"
	case ClockRepeat:
		return "ClockRepeat"
	case WeekdayMismatch:
		return "WeekdayMismatch"
	case JustPassed:
		return "JustPassed"
	case MissingDay:
		return "MissingDay"
	}
	return fmt.Sprintf("Reason(%d)", int(r))
}

// Error is why Parse could not return a Range. Callers localize by Kind and
// Reason and may quote Text and the times below.
type Error struct {
	// Kind is the kind of problem.
	Kind ErrorKind
	// Reason refines Kind; NoReason for Past and TooFar.
	Reason Reason
	// Text is the part of the input the error is about, as written: the
	// word not understood, "30/2", "25:00", "18-18", or the whole input
	// for Past, TooFar and MissingTime. Empty for Empty and LongInput.
	Text string
	// Time is, for Past and TooFar, the start that was read (for a time
	// that occurs twice, its first occurrence); for JustPassed,
	// MissingTime and ClockGap, the day at 00:00 in loc; for MissingDay,
	// the week's Monday at 00:00; for WeekdayMismatch, the date (with the
	// time, when given). Zero otherwise.
	Time time.Time
	// Alternatives holds, for ClockRepeat, the two instants the time names,
	// earliest first.
	Alternatives []time.Time
	// Weekday is, for WeekdayMismatch, the weekday that was written.
	Weekday time.Weekday
	// Year is, for NoSuchDate, the year the date was checked in (the
	// next occurrence's when no year was written); 0 when the month
	// itself is impossible. For JustPassed it is the year suggested: the
	// next occurrence's, or 0 when the date does not exist then.
	Year int
}

// Error describes the problem in one line of English.
func (e *Error) Error() string {
	const (
		day  = "Mon 2006-01-02"
		full = "Mon 2006-01-02 15:04 MST"
	)
	var msg string
	switch e.Reason {
	case Empty:
		msg = "no date or time given"
	case LongInput:
		msg = fmt.Sprintf("longer than %d characters", MaxInput)
	case NotUnderstood:
		msg = fmt.Sprintf("cannot read %q as a date or time", e.Text)
	case NoSuchDate:
		msg = fmt.Sprintf("no such date: %q", e.Text)
		if y := strconv.Itoa(e.Year); e.Year != 0 && !strings.Contains(e.Text, y) {
			msg += " in " + y
		}
	case MonthFirst:
		msg = fmt.Sprintf("no such date: %q (dates are day/month)", e.Text)
	case NoSuchTime:
		msg = fmt.Sprintf("no such time: %q", e.Text)
	case ClockGap:
		msg = fmt.Sprintf("%q does not exist on %s: the clocks go forward", e.Text, e.Time.Format(day))
	case ZeroDuration:
		msg = fmt.Sprintf("%q ends when it starts", e.Text)
	case LongDuration:
		msg = fmt.Sprintf("%q is longer than %d hours", e.Text, int(MaxDuration/time.Hour))
	case MissingTime:
		msg = fmt.Sprintf("%q has a day (%s) but no time of day", e.Text, e.Time.Format(day))
	case ClockRepeat:
		msg = fmt.Sprintf("%q happens twice: the clocks go back", e.Text)
		if len(e.Alternatives) == 2 {
			msg += fmt.Sprintf(" (%s or %s)", e.Alternatives[0].Format(full), e.Alternatives[1].Format(full))
		}
	case WeekdayMismatch:
		msg = fmt.Sprintf("%s is a %s, not a %s", e.Time.Format("2006-01-02"), e.Time.Weekday(), e.Weekday)
	case JustPassed:
		msg = fmt.Sprintf("%s has already passed", e.Time.Format("Mon 2 January 2006"))
		if e.Year != 0 {
			msg += fmt.Sprintf(": did you mean %s %d?", e.Time.Format("2 January"), e.Year)
		}
	case MissingDay:
		msg = fmt.Sprintf("%q names a week (from %s) but no day", e.Text, e.Time.Format(day))
	default:
		switch e.Kind {
		case Past:
			msg = fmt.Sprintf("%s is in the past", e.Time.Format(full))
		case TooFar:
			msg = fmt.Sprintf("%s is more than %d years ahead", e.Time.Format(full), MaxYearsAhead)
		default:
			msg = strings.ToLower(e.Kind.String())
		}
	}
	return "when: " + msg
}

// Parse reads a meetup time written by a member, in loc (the community
// timezone, e.g. Europe/Stockholm), relative to now. See the package
// documentation for the forms accepted and the rules applied. The error,
// when not nil, is always an *Error.
func Parse(s string, now time.Time, loc *time.Location) (Range, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.TrimSpace(s)
	// A rune takes at most 4 bytes, so a longer string has too many runes.
	if len(s) > 4*MaxInput || utf8.RuneCountInString(s) > MaxInput {
		return Range{}, &Error{Kind: Unrecognised, Reason: LongInput}
	}
	sp, e := parse(s)
	if e != nil {
		return Range{}, e
	}
	r, e := resolve(sp, s, now, loc)
	if e != nil {
		return Range{}, e
	}
	return r, nil
}
