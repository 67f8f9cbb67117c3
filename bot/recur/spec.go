package recur

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrSpec is wrapped by the errors of [Load] for a stored rule it cannot
// read.
var ErrSpec = errors.New("recur: not a stored schedule")

// Spec returns the canonical text to store: the normalised cron spec for
// a rule written as cron (so a spec stored before this package loads
// unchanged), and for a rule in words an iCalendar recurrence rule (RFC
// 5545), with its first date when it has one:
//
//	RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0
//	DTSTART;VALUE=DATE:20261207 RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0
//
// The same text can go into an .ics file or a platform's recurrence rule.
// [Load] reads it back into the same rule. The zero Rule's Spec is "".
func (r Rule) Spec() string {
	switch {
	case r.cron != "":
		return r.cron
	case r.sched == nil:
		return ""
	}
	return r.p.rrule()
}

// String returns [Rule.Spec].
func (r Rule) String() string { return r.Spec() }

// Load reads a spec stored by [Rule.Spec], or a plain cron spec stored
// before schedules could be written in words, evaluated in loc (UTC when
// nil). Errors wrap [ErrSpec] or, for cron, the *scheduler.SpecError.
func Load(spec string, loc *time.Location) (Rule, error) {
	if loc == nil {
		loc = time.UTC
	}
	text := strings.TrimSpace(spec)
	if !strings.Contains(text, "RRULE:") {
		r, err := parseCron(text, loc)
		if err != nil {
			return Rule{}, fmt.Errorf("recur: load %q: %w", short(text, 60), errors.Unwrap(err))
		}
		return r, nil
	}
	p, err := parseRRule(text)
	if err != nil {
		return Rule{}, fmt.Errorf("%w: %q: %w", ErrSpec, short(text, 60), err)
	}
	return newRule(p, loc)
}

// freqName returns the iCalendar name of f.
func freqName(f freq) string {
	switch f {
	case daily:
		return "DAILY"
	case weekly:
		return "WEEKLY"
	case monthly:
		return "MONTHLY"
	case yearly:
		return "YEARLY"
	}
	return ""
}

// dayCodes holds the iCalendar day codes, two letters each, Sunday first.
const dayCodes = "SUMOTUWETHFRSA"

// dayCode returns the iCalendar code of d ("MO").
func dayCode(d time.Weekday) string { return dayCodes[2*d : 2*d+2] }

// rrule writes p as "[DTSTART;VALUE=DATE:yyyymmdd ]RRULE:...".
func (p pattern) rrule() string {
	var b strings.Builder
	if !p.start.IsZero() {
		b.WriteString("DTSTART;VALUE=DATE:" + p.start.Format("20060102") + " ")
	}
	b.WriteString("RRULE:FREQ=" + freqName(p.freq))
	if p.interval > 1 {
		b.WriteString(";INTERVAL=" + strconv.Itoa(p.interval))
	}
	if p.freq == yearly {
		b.WriteString(";BYMONTH=" + strconv.Itoa(int(p.month)))
	}
	if len(p.monthDays) > 0 {
		b.WriteString(";BYMONTHDAY=" + joinInts(p.monthDays))
	}
	switch {
	case p.freq == weekly:
		b.WriteString(";BYDAY=" + p.days.codes(""))
	case len(p.positions) > 0 && len(p.days.list()) == 1:
		var parts []string
		for _, n := range p.positions {
			parts = append(parts, strconv.Itoa(n)+dayCode(p.days.list()[0]))
		}
		b.WriteString(";BYDAY=" + strings.Join(parts, ","))
	case len(p.positions) > 0:
		b.WriteString(";BYDAY=" + p.days.codes("") + ";BYSETPOS=" + joinInts(p.positions))
	}
	fmt.Fprintf(&b, ";BYHOUR=%d;BYMINUTE=%d", p.hour, p.min)
	return b.String()
}

// codes returns the set as iCalendar day codes, Monday first.
func (s weekdays) codes(prefix string) string {
	var parts []string
	for _, d := range s.list() {
		parts = append(parts, prefix+dayCode(d))
	}
	return strings.Join(parts, ",")
}

// parseRRule reads what rrule writes.
func parseRRule(text string) (pattern, error) {
	p := pattern{interval: 1, hour: -1, min: -1}
	if head, rest, ok := strings.Cut(text, " "); ok {
		date, found := strings.CutPrefix(head, "DTSTART;VALUE=DATE:")
		d, err := time.Parse("20060102", date)
		if !found || err != nil {
			return pattern{}, fmt.Errorf("first date %q", head)
		}
		p.start, text = d, strings.TrimSpace(rest)
	}
	body, ok := strings.CutPrefix(text, "RRULE:")
	if !ok {
		return pattern{}, errors.New("no RRULE")
	}
	var setpos []int
	for _, part := range strings.Split(body, ";") {
		key, value, _ := strings.Cut(part, "=")
		var err error
		switch key {
		case "FREQ":
			err = p.setFreq(value)
		case "INTERVAL":
			p.interval, err = strconv.Atoi(value)
		case "BYMONTH":
			var m int
			m, err = strconv.Atoi(value)
			p.month = time.Month(m)
		case "BYMONTHDAY":
			p.monthDays, err = ints(value)
		case "BYDAY":
			err = p.setDays(value)
		case "BYSETPOS":
			setpos, err = ints(value)
		case "BYHOUR":
			p.hour, err = strconv.Atoi(value)
		case "BYMINUTE":
			p.min, err = strconv.Atoi(value)
		default:
			err = errors.New("unknown part")
		}
		if err != nil {
			return pattern{}, fmt.Errorf("%s: %w", part, err)
		}
	}
	p.positions = append(p.positions, setpos...)
	p.positions = sortedSet(p.positions)
	p.monthDays = sortedSet(p.monthDays)
	if len(p.positions) == 0 {
		p.positions = nil
	}
	if len(p.monthDays) == 0 {
		p.monthDays = nil
	}
	return p, p.validate()
}

func (p *pattern) setFreq(v string) error {
	for f := daily; f <= yearly; f++ {
		if freqName(f) == v {
			p.freq = f
			return nil
		}
	}
	return errors.New("unknown frequency")
}

// setDays reads "MO,TH" or "1TU,-1TU".
func (p *pattern) setDays(v string) error {
	for _, item := range strings.Split(v, ",") {
		if len(item) < 2 {
			return errors.New("bad day")
		}
		code, num := item[len(item)-2:], item[:len(item)-2]
		d := strings.Index(dayCodes, code)
		if d < 0 || d%2 != 0 {
			return errors.New("bad day")
		}
		p.days |= 1 << (d / 2)
		if num != "" {
			n, err := strconv.Atoi(num)
			if err != nil {
				return err
			}
			p.positions = append(p.positions, n)
		}
	}
	return nil
}

// validate checks a pattern read from a stored spec: the same limits as
// Parse.
func (p pattern) validate() error {
	switch {
	case p.hour < 0 || p.hour > 23 || p.min < 0 || p.min > 59:
		return errors.New("time of day")
	case p.interval < 1 || p.interval > 52:
		return errors.New("interval")
	case p.interval > 1 && p.start.IsZero():
		return errors.New("interval without first date")
	case !p.start.IsZero() && (p.start.Year() < 2000 || p.start.Year() > 2100):
		return errors.New("first date")
	}
	for _, d := range p.monthDays {
		if d != -1 && (d < 1 || d > 31) {
			return errors.New("day of month")
		}
	}
	for _, n := range p.positions {
		if n == 0 || n < -1 || n > 5 {
			return errors.New("position")
		}
	}
	switch p.freq {
	case daily:
		if p.days != 0 || p.monthDays != nil || p.positions != nil {
			return errors.New("daily with days")
		}
	case weekly:
		if p.days == 0 || p.monthDays != nil || p.positions != nil {
			return errors.New("weekly days")
		}
	case monthly:
		if (p.monthDays == nil) == (p.positions == nil) || p.positions != nil && p.days == 0 || p.monthDays != nil && p.days != 0 {
			return errors.New("monthly days")
		}
	case yearly:
		if p.month < 1 || p.month > 12 || len(p.monthDays) != 1 || p.monthDays[0] < 1 || p.monthDays[0] > daysIn(p.month) || p.days != 0 || p.positions != nil {
			return errors.New("yearly date")
		}
	default:
		return errors.New("no frequency")
	}
	return nil
}

func ints(v string) ([]int, error) {
	var out []int
	for _, s := range strings.Split(v, ",") {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
