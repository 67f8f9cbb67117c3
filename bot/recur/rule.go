package recur

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"passionbot/bot/scheduler"
)

// Rule is a recurring schedule read from words ("varannan måndag kl 9") or
// from a cron spec. It implements [scheduler.Schedule]. The zero Rule never
// fires.
type Rule struct {
	cron  string  // the normalised cron spec, for a rule written as cron
	p     pattern // the rule, for a rule written in words
	loc   *time.Location
	sched scheduler.Schedule
}

var _ scheduler.Schedule = Rule{}

// Next returns the first firing strictly after after, or the zero time if
// the rule never fires again. Around clock changes it behaves exactly like
// the schedules of [scheduler.Parse]: a time skipped when clocks spring
// forward fires once, right after the jump; a time repeated when they fall
// back fires once, the first time.
func (r Rule) Next(after time.Time) time.Time {
	if r.sched == nil {
		return time.Time{}
	}
	return r.sched.Next(after)
}

// IsCron reports whether the rule was written as a cron spec.
func (r Rule) IsCron() bool { return r.cron != "" }

// Location returns the time zone the rule is evaluated in.
func (r Rule) Location() *time.Location { return r.loc }

// freq is the unit a rule repeats in.
type freq int

const (
	daily freq = iota + 1
	weekly
	monthly
	yearly
)

// weekdays is a set of weekdays, bit i for time.Weekday(i).
type weekdays uint8

const (
	allDays     weekdays = 0x7f
	workdays    weekdays = 0x3e // Monday to Friday
	weekendDays weekdays = 0x41 // Saturday and Sunday
)

func (s weekdays) has(d time.Weekday) bool { return s&(1<<d) != 0 }

// list returns the days Monday first, the way people write them.
func (s weekdays) list() []time.Weekday {
	var out []time.Weekday
	for i := 1; i <= 7; i++ {
		if d := time.Weekday(i % 7); s.has(d) {
			out = append(out, d)
		}
	}
	return out
}

// cron returns the set as a cron day-of-week list ("1,4").
func (s weekdays) cron() string {
	var parts []string
	for _, d := range s.list() {
		parts = append(parts, strconv.Itoa(int(d)))
	}
	return strings.Join(parts, ",")
}

// pattern is a rule in words. Exactly one of its shapes is used:
//
//   - daily: every day (or every interval-th day from start);
//   - weekly: days;
//   - monthly with monthDays: those days of the month (-1: the last);
//   - monthly with positions: the n-th day of the month that falls in
//     days (1 the first, -1 the last): "första tisdagen", "sista vardagen";
//   - yearly: month and monthDays[0].
//
// interval > 1 repeats every interval-th day, week, month or year counted
// from start; start, when set, is also the first day that may fire.
type pattern struct {
	freq      freq
	interval  int
	days      weekdays
	monthDays []int
	positions []int
	month     time.Month
	start     time.Time // a date at midnight UTC; zero when none
	hour, min int
}

// base returns the cron spec whose firings include every firing of p, and
// whether they are exactly p's firings.
func (p pattern) base() (spec string, exact bool) {
	at := fmt.Sprintf("%d %d ", p.min, p.hour)
	plain := p.interval <= 1 && p.start.IsZero()
	switch p.freq {
	case weekly:
		return at + "* * " + p.days.cron(), plain
	case monthly:
		if len(p.positions) > 0 {
			return at + "* * " + p.days.cron(), false
		}
		days := p.monthDays
		if slices.Contains(days, -1) {
			days = append(slices.DeleteFunc(slices.Clone(days), func(d int) bool { return d < 0 }), 28, 29, 30, 31)
			slices.Sort(days)
			days = slices.Compact(days)
			plain = false
		}
		return at + joinInts(days) + " * *", plain
	case yearly:
		return fmt.Sprintf("%s%d %d *", at, p.monthDays[0], int(p.month)), plain
	}
	return at + "* * *", plain
}

// keep reports whether a firing meant for date d (midnight UTC) belongs to
// p; base has already matched the time and the day of week or month.
func (p pattern) keep(d time.Time) bool {
	if !p.start.IsZero() && d.Before(p.start) {
		return false
	}
	if p.interval > 1 && p.periods(d)%p.interval != 0 {
		return false
	}
	if p.freq != monthly {
		return true
	}
	if len(p.positions) > 0 {
		return p.atPosition(d)
	}
	return slices.Contains(p.monthDays, d.Day()) || slices.Contains(p.monthDays, -1) && isLastDay(d)
}

// periods counts whole days, weeks (Monday to Sunday), months or years
// from start to d.
func (p pattern) periods(d time.Time) int {
	switch p.freq {
	case weekly:
		return int(mondayOf(d).Sub(mondayOf(p.start)).Hours()) / (24 * 7)
	case monthly:
		return (d.Year()-p.start.Year())*12 + int(d.Month()) - int(p.start.Month())
	case yearly:
		return d.Year() - p.start.Year()
	}
	return int(d.Sub(p.start).Hours()) / 24
}

// atPosition reports whether d is the n-th day of its month in p.days for
// some n in p.positions (negative n counting from the end).
func (p pattern) atPosition(d time.Time) bool {
	if !p.days.has(d.Weekday()) {
		return false
	}
	before, after := 0, 0
	for x := d.AddDate(0, 0, -1); x.Month() == d.Month(); x = x.AddDate(0, 0, -1) {
		if p.days.has(x.Weekday()) {
			before++
		}
	}
	for x := d.AddDate(0, 0, 1); x.Month() == d.Month(); x = x.AddDate(0, 0, 1) {
		if p.days.has(x.Weekday()) {
			after++
		}
	}
	return slices.Contains(p.positions, before+1) || slices.Contains(p.positions, -after-1)
}

// compile builds the schedule of p in loc: the base cron spec through
// scheduler.Parse, which owns the clock-change rules, filtered to the days
// that belong to p when cron cannot express them.
func (p pattern) compile(loc *time.Location) (scheduler.Schedule, error) {
	spec, exact := p.base()
	s, err := scheduler.Parse(spec, loc)
	if err != nil {
		return nil, fmt.Errorf("recur: compile %q: %w", spec, err)
	}
	if exact {
		return s, nil
	}
	return &filtered{base: s, p: p, loc: loc}, nil
}

// filtered is a cron schedule keeping only the firings whose day belongs
// to a pattern. Every firing comes from scheduler's own Next, so the
// clock-change behaviour is the cron schedules' own.
type filtered struct {
	base scheduler.Schedule
	p    pattern
	loc  *time.Location
}

// maxSkips bounds the firings of the base schedule that Next may reject:
// a month of daily firings for each of several years is far more than any
// pattern needs.
const maxSkips = 5000

// Next returns the first firing of the base schedule strictly after after
// whose day belongs to the pattern.
func (f *filtered) Next(after time.Time) time.Time {
	t := after
	if !f.p.start.IsZero() {
		// Jump to the start rather than reject every firing before it.
		first := time.Date(f.p.start.Year(), f.p.start.Month(), f.p.start.Day(), 0, 0, 0, 0, f.loc).Add(-time.Second)
		if t.Before(first) {
			t = first
		}
	}
	for range maxSkips {
		t = f.base.Next(t)
		if t.IsZero() || f.p.keep(f.wallDate(t)) {
			return t
		}
	}
	return time.Time{}
}

// wallDate returns the date a firing at t was meant for. A firing shown
// before the pattern's time of day was pushed there by a clock jump that
// crossed midnight (Samoa skipped 30 December 2011), so it belongs to the
// day before.
func (f *filtered) wallDate(t time.Time) time.Time {
	local := t.In(f.loc)
	d := dateOf(local)
	if local.Hour()*60+local.Minute() < f.p.hour*60+f.p.min {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// dateOf returns t's calendar date in its own location, as midnight UTC.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// mondayOf returns the Monday starting d's week.
func mondayOf(d time.Time) time.Time {
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}

// isLastDay reports whether d is the last day of its month.
func isLastDay(d time.Time) bool { return d.AddDate(0, 0, 1).Day() == 1 }

// daysIn returns the number of days of month m in a leap year, the most
// any year has.
func daysIn(m time.Month) int {
	return time.Date(2028, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

// newRule compiles p into a rule in loc.
func newRule(p pattern, loc *time.Location) (Rule, error) {
	s, err := p.compile(loc)
	if err != nil {
		return Rule{}, err
	}
	return Rule{p: p, loc: loc, sched: s}, nil
}

// firstDay returns the first date on or after from (midnight UTC) on
// which p, repeated without interval, fires strictly after now.
func (p pattern) firstDay(from, now time.Time, loc *time.Location) (time.Time, bool) {
	q := p
	q.interval, q.start = 1, from
	s, err := q.compile(loc)
	f, ok := s.(*filtered) // a start always makes a filtered schedule
	if err != nil || !ok {
		return time.Time{}, false
	}
	at := f.Next(now)
	if at.IsZero() {
		return time.Time{}, false
	}
	return f.wallDate(at), true
}
