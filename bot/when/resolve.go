package when

import (
	"sort"
	"time"
)

// civil is a calendar date with no zone.
type civil struct {
	y int
	m time.Month
	d int
}

// civilOf returns t's date in t's location.
func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, m, d}
}

// addDays returns the date n days after c.
func (c civil) addDays(n int) civil {
	return civilOf(time.Date(c.y, c.m, c.d+n, 12, 0, 0, 0, time.UTC))
}

// addMonths returns the same day n months after c, or the last day of
// that month when it is shorter (31 January plus one month is 28 or 29
// February).
func (c civil) addMonths(n int) civil {
	total := int(c.m) - 1 + n
	y, m := c.y+total/12, time.Month(total%12+1)
	return civil{y, m, min(c.d, daysIn(m, y))}
}

// before reports whether c is an earlier date than o.
func (c civil) before(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// weekday returns c's day of the week.
func (c civil) weekday() time.Weekday {
	return time.Date(c.y, c.m, c.d, 12, 0, 0, 0, time.UTC).Weekday()
}

// midnight returns the start of c in loc.
func (c civil) midnight(loc *time.Location) time.Time {
	return time.Date(c.y, c.m, c.d, 0, 0, 0, 0, loc)
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// hms is a checked 24-hour time of day; h may be 24 for an end at midnight.
type hms struct{ h, m, s int }

// secs returns the seconds since the start of the day.
func (t hms) secs() int { return t.h*3600 + t.m*60 + t.s }

// to24 converts an hour with am/pm to 24-hour form.
func to24(h int, mer byte) (int, bool) {
	if h < 1 || h > 12 {
		return 0, false
	}
	switch {
	case mer == 'a' && h == 12:
		return 0, true
	case mer == 'p' && h != 12:
		return h + 12, true
	}
	return h, true
}

// clocks checks the start and end times and converts them to 24-hour form,
// applying the am/pm and evening rules in the package documentation.
func (p *resolver) clocks() (start, end hms, e *Error) {
	sp := p.sp
	c := sp.start
	bad := func(c clock) *Error {
		return &Error{Kind: Impossible, Reason: NoSuchTime, Text: p.text(c.at)}
	}
	if c.midnight {
		// The end of the day; resolve moves it to 00:00 the day after.
		start = hms{24, 0, 0}
		if sp.endForm == endClock {
			end = hms{sp.end.h, sp.end.m, sp.end.s}
			if ec := sp.end; ec.mer != 0 {
				h, ok := to24(ec.h, ec.mer)
				if !ok {
					return hms{}, hms{}, bad(ec)
				}
				end.h = h
			} else if ec.m > 59 || ec.s > 59 || ec.h > 24 || ec.h == 24 && (ec.m != 0 || ec.s != 0) {
				return hms{}, hms{}, bad(ec)
			}
		}
		return start, end, nil
	}
	if c.m > 59 || c.s > 59 || c.mer == 0 && c.h > 23 {
		return hms{}, hms{}, bad(c)
	}
	start = hms{c.h, c.m, c.s}
	if c.mer != 0 {
		h, ok := to24(c.h, c.mer)
		if !ok {
			return hms{}, hms{}, bad(c)
		}
		start.h = h
	}
	if sp.endForm != endClock {
		if c.mer == 0 && sp.evening && c.h >= 1 && c.h <= 11 {
			start.h += 12
		}
		return start, hms{}, nil
	}

	ec := sp.end
	end = hms{ec.h, ec.m, ec.s}
	switch {
	case ec.m > 59 || ec.s > 59:
		return hms{}, hms{}, bad(ec)
	case ec.mer != 0:
		h, ok := to24(ec.h, ec.mer)
		if !ok {
			return hms{}, hms{}, bad(ec)
		}
		end.h = h
	case ec.h > 24 || ec.h == 24 && (ec.m != 0 || ec.s != 0):
		return hms{}, hms{}, bad(ec)
	}
	pm := c.mer == 'p'
	if c.mer == 0 {
		switch {
		case ec.mer != 0 && c.h >= 1 && c.h <= 12:
			// 6-9pm: the start takes the end's am/pm if it stays before it.
			if h, _ := to24(c.h, ec.mer); (hms{h, c.m, c.s}).secs() < end.secs() {
				start.h, pm = h, ec.mer == 'p'
			}
		case sp.evening && c.h >= 1 && c.h <= 11:
			start.h, pm = c.h+12, true
		}
	}
	// 6pm-9: the end is pm too if it stays after the start.
	if ec.mer == 0 && pm && ec.h >= 1 && ec.h <= 11 && (hms{ec.h + 12, ec.m, ec.s}).secs() > start.secs() {
		end.h = ec.h + 12
	}
	return start, end, nil
}

// resolver checks a spec against the calendar.
type resolver struct {
	sp    *spec
	src   string
	now   time.Time
	loc   *time.Location
	today civil
	// justPassed is set by day when a day and month without a year name a
	// day at most JustPassedDays ago; suggest is then the year of the next
	// such date, 0 when there is none (29 February).
	justPassed bool
	suggest    int
}

// text returns the input in a span.
func (p *resolver) text(s span) string { return p.src[s.start:s.end] }

// resolve turns a spec into a Range, or the first error in the order
// Impossible, Past, TooFar, Ambiguous.
func resolve(sp *spec, src string, now time.Time, loc *time.Location) (Range, *Error) {
	now = now.In(loc)
	p := &resolver{sp: sp, src: src, now: now, loc: loc, today: civilOf(now)}
	limit := now.AddDate(MaxYearsAhead, 0, 0)

	var start, end hms
	if sp.hasTime {
		var e *Error
		if start, end, e = p.clocks(); e != nil {
			return Range{}, e
		}
	}
	day, e := p.day(start)
	if e != nil {
		return Range{}, e
	}
	past := func(t time.Time) *Error {
		if p.justPassed {
			return &Error{Kind: Past, Reason: JustPassed, Text: src, Time: day.midnight(loc), Year: p.suggest}
		}
		return &Error{Kind: Past, Text: src, Time: t}
	}
	// ambiguous reports a day that does not name one day, or a weekday
	// that is not the date's.
	ambiguous := func(t time.Time) *Error {
		switch {
		case sp.form == weekDate && !sp.hasWeekday:
			return &Error{Kind: Ambiguous, Reason: MissingDay, Text: src, Time: day.midnight(loc)}
		case sp.hasWeekday && sp.form != noDate && day.weekday() != sp.weekday:
			return &Error{Kind: Ambiguous, Reason: WeekdayMismatch, Text: src, Time: t, Weekday: sp.weekday}
		}
		return nil
	}

	if !sp.hasTime {
		mid := day.midnight(loc)
		switch {
		case day.before(p.today):
			return Range{}, past(mid)
		case mid.After(limit):
			return Range{}, &Error{Kind: TooFar, Text: src, Time: mid}
		}
		if e := ambiguous(mid); e != nil {
			return Range{}, e
		}
		return Range{}, &Error{Kind: Ambiguous, Reason: MissingTime, Text: src, Time: mid}
	}

	// Midnight is the end of the day named: 00:00 the day after.
	startDay, start0 := day, start
	if start.h == 24 {
		startDay, start.h = day.addDays(1), 0
	}
	starts := p.instants(startDay, start)
	if len(starts) == 0 {
		return Range{}, &Error{Kind: Impossible, Reason: ClockGap, Text: p.text(sp.start.at), Time: startDay.midnight(loc)}
	}
	first := starts[0]

	var endT time.Time
	switch sp.endForm {
	case endClock:
		if end.secs() == start.secs() || end.secs() == start0.secs() {
			return Range{}, &Error{Kind: Impossible, Reason: ZeroDuration, Text: p.text(span{sp.start.at.start, sp.endAt.end})}
		}
		endDay := startDay
		if end.secs() < start.secs() {
			endDay = endDay.addDays(1)
		}
		if end.h == 24 {
			endDay, end.h = endDay.addDays(1), 0
		}
		ends := p.instants(endDay, end)
		if len(ends) == 0 {
			return Range{}, &Error{Kind: Impossible, Reason: ClockGap, Text: p.text(sp.end.at), Time: endDay.midnight(loc)}
		}
		for _, t := range ends {
			if t.After(first) {
				endT = t
				break
			}
		}
		if endT.IsZero() {
			return Range{}, &Error{Kind: Impossible, Reason: ZeroDuration, Text: p.text(span{sp.start.at.start, sp.endAt.end})}
		}
	case endDur:
		switch {
		case sp.dur <= 0:
			return Range{}, &Error{Kind: Impossible, Reason: ZeroDuration, Text: p.text(sp.endAt)}
		case sp.dur > MaxDuration:
			return Range{}, &Error{Kind: Impossible, Reason: LongDuration, Text: p.text(sp.endAt)}
		}
		endT = first.Add(sp.dur)
	}

	switch {
	case starts[len(starts)-1].Before(now):
		return Range{}, past(first)
	case first.After(limit):
		return Range{}, &Error{Kind: TooFar, Text: src, Time: first}
	}
	if e := ambiguous(first); e != nil {
		return Range{}, e
	}
	if len(starts) > 1 {
		return Range{}, &Error{Kind: Ambiguous, Reason: ClockRepeat, Text: p.text(sp.start.at), Time: first, Alternatives: starts}
	}
	return Range{Start: first, End: endT}, nil
}

// day returns the day the input names: the written date (checked), the
// relative day, the weekday in the week named, or the next day with the
// written weekday or on which the time is still ahead.
func (p *resolver) day(start hms) (civil, *Error) {
	sp := p.sp
	switch sp.form {
	case calDate:
		return p.calendarDay()
	case relDate:
		switch {
		case sp.weeks > 0 && sp.hasWeekday:
			return p.inWeek(sp.weeks), nil
		case sp.months > 0:
			return p.today.addMonths(sp.months), nil
		}
		return p.today.addDays(sp.rel), nil
	case weekDate:
		return p.inWeek(sp.weeks), nil
	}
	ahead := !sp.hasTime || !p.passed(start)
	if sp.hasWeekday {
		delta := (int(sp.weekday) - int(p.today.weekday()) + 7) % 7
		if delta == 0 && (sp.next || !ahead) {
			delta = 7
		}
		return p.today.addDays(delta), nil
	}
	if !ahead {
		return p.today.addDays(1), nil
	}
	return p.today, nil
}

// JustPassedDays is how recently a day and month written without a year
// may have passed for Parse to refuse it (Past, Reason JustPassed) rather
// than read it as the next such date, about a year ahead.
const JustPassedDays = 60

// calendarDay checks the written date. Without a year it is the next such
// date, unless the last one was at most JustPassedDays ago.
func (p *resolver) calendarDay() (civil, *Error) {
	sp := p.sp
	bad := &Error{Kind: Impossible, Reason: NoSuchDate, Text: p.text(sp.dateAt)}
	if sp.m < 1 || sp.m > 12 || sp.d < 1 || sp.d > 31 {
		if sp.slashed && sp.m > 12 && sp.m <= 31 && sp.d >= 1 && sp.d <= 12 {
			bad.Reason = MonthFirst
		}
		return civil{}, bad
	}
	c := civil{sp.y, time.Month(sp.m), sp.d}
	if sp.y != 0 {
		if c.d > daysIn(c.m, c.y) {
			bad.Year = c.y
			return civil{}, bad
		}
		return c, nil
	}
	c.y = p.today.y
	if c.before(p.today) {
		c.y++
	}
	// The same date the year before c is before today.
	last := civil{c.y - 1, c.m, c.d}
	if last.d <= daysIn(last.m, last.y) && !last.addDays(JustPassedDays).before(p.today) {
		p.justPassed = true
		if c.d <= daysIn(c.m, c.y) {
			p.suggest = c.y
		}
		return last, nil
	}
	if c.d > daysIn(c.m, c.y) {
		bad.Year = c.y
		return civil{}, bad
	}
	return c, nil
}

// inWeek returns the written weekday in the week (Monday to Sunday) weeks
// after this one, or that week's Monday when no weekday was written.
func (p *resolver) inWeek(weeks int) civil {
	monday := p.today.addDays(7*weeks - (int(p.today.weekday())+6)%7)
	if !p.sp.hasWeekday {
		return monday
	}
	return monday.addDays((int(p.sp.weekday) + 6) % 7)
}

// passed reports whether time t today is already over.
func (p *resolver) passed(t hms) bool {
	if p.sp.zone != nil {
		d := p.today
		return time.Date(d.y, d.m, d.d, t.h, t.m, t.s, 0, p.sp.zone).Before(p.now)
	}
	now := hms{p.now.Hour(), p.now.Minute(), p.now.Second()}.secs()
	return t.secs() < now || t.secs() == now && p.now.Nanosecond() > 0
}

// instants returns the instants, earliest first, at which loc's clocks
// show time t on day d: none when the clocks skip it, two when they show
// it twice. With a written zone there is exactly one.
func (p *resolver) instants(d civil, t hms) []time.Time {
	if p.sp.zone != nil {
		return []time.Time{time.Date(d.y, d.m, d.d, t.h, t.m, t.s, 0, p.sp.zone).In(p.loc)}
	}
	wall := time.Date(d.y, d.m, d.d, t.h, t.m, t.s, 0, time.UTC)
	var out []time.Time
	// The offsets in force around the wall time cover both sides of any
	// transition on that day.
	for _, probe := range [...]time.Duration{-36 * time.Hour, 0, 36 * time.Hour} {
		_, off := wall.Add(probe).In(p.loc).Zone()
		c := wall.Add(-time.Duration(off) * time.Second).In(p.loc)
		if !sameWall(c, wall) {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o.Equal(c)
		}
		if !dup {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// sameWall reports whether a and b show the same date and time of day.
func sameWall(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd && a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.Second() == b.Second()
}
