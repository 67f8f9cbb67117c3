package calendar

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"
)

// The VTIMEZONE is built from Go's tz data (the offsets a *time.Location
// gives), since golang-ical has components for VTIMEZONE, STANDARD and
// DAYLIGHT but no generator. RFC 5545 requires a VTIMEZONE for every TZID
// used, and a client that does not know the TZID has only it to go by.
//
// The zone's transitions are listed from 1 January of the year before the
// first meetup to the end of the year of the last one. When every year in
// that window has the same transitions on the same "nth (or last) weekday
// of a month at a wall-clock time" (Europe/Stockholm: last Sunday of March
// at 02:00 and of October at 03:00), one observance per transition is
// written with a yearly RRULE, starting in the first year: the form clients
// understand best, and valid for as long as the zone keeps its current
// rules. Otherwise (zones whose rules changed inside the window, or that
// follow no weekday rule, like Africa/Casablanca) every transition in the
// window is its own observance without RRULE, preceded by the offset in
// force at the start of the window. A zone with no transitions in the window
// has one STANDARD observance with its constant offset.

// maxWindowYears caps the window, so that a meetup dated far in the future
// cannot make the zone walk run long. Past the cap the last rule or
// observance goes on.
const maxWindowYears = 30

// epoch is the DTSTART of an observance that has been in force since before
// the window: 1970-01-01 local time, the customary value.
const epoch = "19700101T000000"

// weekdayCodes are RFC 5545 weekday codes, two letters each, from Sunday.
const weekdayCodes = "SUMOTUWETHFRSA"

// transition is a change of UTC offset (or of zone name or DST flag).
type transition struct {
	at       time.Time // the instant the new offset starts
	from, to int       // UTC offsets before and after, in seconds
	name     string    // the abbreviation after ("CEST")
	dst      bool      // summer time after
}

// wall returns the local time of the transition in the offset it ends,
// which is how an observance's DTSTART is written.
func (t transition) wall() time.Time {
	return t.at.In(time.FixedZone("", t.from))
}

// rule is a yearly transition: the nth weekday of a month (n = -1 for the
// last) at a wall-clock time, first happening at first.
type rule struct {
	first   transition
	month   time.Month
	weekday time.Weekday
	n       int
	clock   time.Duration // since local midnight, in the old offset
}

// vtimezone returns the VTIMEZONE that defines loc for times in [lo, hi].
func vtimezone(loc *time.Location, lo, hi time.Time) *ics.VTimezone {
	first := lo.In(loc).Year() - 1
	last := min(hi.In(loc).Year(), first+maxWindowYears)
	from := time.Date(first, time.January, 1, 0, 0, 0, 0, loc)
	until := time.Date(last+1, time.January, 1, 0, 0, 0, 0, loc)
	trs := transitions(loc, from, until)

	tz := ics.NewTimezone(loc.String())
	if rules, ok := yearlyRules(trs, first, last); ok {
		for _, r := range rules {
			tr := r.first
			rrule := fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(r.month), r.n, weekdayCodes[2*r.weekday:2*r.weekday+2])
			addObservance(tz, tr.dst, tr.wall().Format(localLayout), tr.from, tr.to, tr.name, rrule)
		}
		return tz
	}
	name, off := from.Zone()
	addObservance(tz, from.IsDST(), epoch, off, off, name, "")
	for _, tr := range trs {
		addObservance(tz, tr.dst, tr.wall().Format(localLayout), tr.from, tr.to, tr.name, "")
	}
	return tz
}

// transitions lists loc's transitions in [from, until). It samples the
// zone once a day and bisects each change to the second, rather than
// trusting Time.ZoneBounds, which past a zone's last explicit transition
// reports a false bound on 31 December of leap years and then stops moving
// (golang/go#81583). Two changes within one day that undo each other would
// be missed; no zone does that.
func transitions(loc *time.Location, from, until time.Time) []transition {
	const step = 24 * time.Hour
	var out []transition
	prev := zoneAt(from, loc)
	for t := from; t.Before(until); {
		next := t.Add(step)
		z := zoneAt(next, loc)
		if z == prev {
			t = next
			continue
		}
		lo, hi := t, next // zoneAt(lo) == prev, zoneAt(hi) != prev
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
			if zoneAt(mid, loc) == prev {
				lo = mid
			} else {
				hi = mid
			}
		}
		if !hi.Before(until) {
			break
		}
		z = zoneAt(hi, loc)
		out = append(out, transition{at: hi, from: prev.offset, to: z.offset, name: z.name, dst: z.dst})
		prev, t = z, hi
	}
	return out
}

// zone is what a location says about an instant.
type zone struct {
	name   string
	offset int
	dst    bool
}

func zoneAt(t time.Time, loc *time.Location) zone {
	t = t.In(loc)
	name, offset := t.Zone()
	return zone{name: name, offset: offset, dst: t.IsDST()}
}

// yearlyRules returns one rule per transition of year first when every year
// in [first, last] has transitions that follow those rules, in the same
// order and with the same offsets and names. trs must be sorted.
func yearlyRules(trs []transition, first, last int) ([]rule, bool) {
	byYear := make(map[int][]transition)
	for _, tr := range trs {
		y := tr.wall().Year()
		byYear[y] = append(byYear[y], tr)
	}
	base := byYear[first]
	if len(base) == 0 {
		return nil, false
	}
	for y := first; y <= last; y++ {
		if len(byYear[y]) != len(base) {
			return nil, false
		}
	}
	rules := make([]rule, len(base))
	for i, b := range base {
		w := b.wall()
		r := rule{first: b, month: w.Month(), weekday: w.Weekday(), clock: clockOf(w)}
		ok := false
		for _, n := range nthCandidates(w) {
			r.n = n
			if followsRule(r, b, byYear, i, first, last) {
				ok = true
				break
			}
		}
		if !ok {
			return nil, false
		}
		rules[i] = r
	}
	return rules, true
}

// followsRule reports whether the i-th transition of every year in
// [first, last] happens when r says and changes what base changes.
func followsRule(r rule, base transition, byYear map[int][]transition, i, first, last int) bool {
	for y := first; y <= last; y++ {
		tr := byYear[y][i]
		w := tr.wall()
		if tr.from != base.from || tr.to != base.to || tr.name != base.name || tr.dst != base.dst {
			return false
		}
		if w.Month() != r.month || w.Day() != ruleDay(y, r) || clockOf(w) != r.clock {
			return false
		}
	}
	return true
}

// nthCandidates returns the BYDAY ordinals that describe day w of its
// month: -1 when it is the month's last such weekday, and its ordinal
// from the start when that is 1 to 4.
func nthCandidates(w time.Time) []int {
	var out []int
	if w.Day()+7 > daysIn(w.Year(), w.Month()) {
		out = append(out, -1)
	}
	if n := (w.Day()-1)/7 + 1; n <= 4 {
		out = append(out, n)
	}
	return out
}

// ruleDay returns the day of the month on which r falls in year y.
func ruleDay(y int, r rule) int {
	if r.n < 0 {
		lastDay := daysIn(y, r.month)
		wd := time.Date(y, r.month, lastDay, 0, 0, 0, 0, time.UTC).Weekday()
		return lastDay - (int(wd)-int(r.weekday)+7)%7
	}
	wd := time.Date(y, r.month, 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (int(r.weekday)-int(wd)+7)%7 + 7*(r.n-1)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// clockOf returns the wall-clock time of day of t.
func clockOf(t time.Time) time.Duration {
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second
}

// addObservance appends a STANDARD or DAYLIGHT sub-component to tz.
func addObservance(tz *ics.VTimezone, dst bool, start string, from, to int, name, rrule string) {
	var c ics.Component
	var base *ics.ComponentBase
	if dst {
		d := &ics.Daylight{}
		c, base = d, &d.ComponentBase
	} else {
		s := ics.NewStandard()
		c, base = s, &s.ComponentBase
	}
	base.AddProperty(ics.ComponentPropertyDtStart, start)
	base.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(from))
	base.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(to))
	if name != "" {
		base.AddProperty(ics.ComponentProperty(ics.PropertyTzname), name)
	}
	if rrule != "" {
		base.AddProperty(ics.ComponentPropertyRrule, rrule)
	}
	tz.Components = append(tz.Components, c)
}

// utcOffset formats an offset in seconds as RFC 5545 UTC-OFFSET: +0100,
// -0330, or +001244 when there are seconds.
func utcOffset(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
