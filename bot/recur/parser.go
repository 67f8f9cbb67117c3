package recur

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// parser reads the words of a phrase left to right; each step recognises
// one part (a time, a first date, "every other", weekdays, days of the
// month, a date, a unit) and records it; build checks that the parts make
// one rule.
type parser struct {
	toks []string
	i    int
	now  time.Time // in the rule's zone

	hasTime      bool
	hour, minute int
	every        bool
	interval     int
	units        []freq
	start        time.Time

	daily     bool
	days      weekdays // weekday names, vardagar, helger
	ordDays   weekdays // "första tisdagen": the days counted
	positions []int    // "första tisdagen": which of them
	monthDays []int    // "den 15:e", "sista dagen" (-1)
	date      time.Time
	dateYear  bool // the date was written with its year
	bare      []string
}

func (p *parser) peek(k int) string {
	if j := p.i + k; j >= 0 && j < len(p.toks) {
		return p.toks[j]
	}
	return ""
}

// parse reads every word, then builds the pattern.
func (p *parser) parse() (pattern, error) {
	steps := []func() (bool, error){p.clockTime, p.startDate, p.everyWord, p.ordinals,
		p.yearlyDate, p.monthDayList, p.dayNames, p.unit, p.filler, p.bareNumber}
	for p.i < len(p.toks) {
		matched := false
		for _, step := range steps {
			ok, err := step()
			if err != nil {
				return pattern{}, err
			}
			if ok {
				matched = true
				break
			}
		}
		if !matched {
			return pattern{}, &Error{Kind: KindUnknownWord, Word: short(p.peek(0), 40)}
		}
	}
	return p.build()
}

// timeAt reads a time of day starting k words ahead: a clock ("9",
// "18.30"), optionally followed by am/pm, or noon or midnight. strict
// asks for a form that cannot be a day number: a separator or am/pm.
func (p *parser) timeAt(k int, strict bool) (n, hour, minute int, ok bool, err error) {
	w := p.peek(k)
	switch {
	case isNoon(w):
		return 1, 12, 0, true, nil
	case isMidnight(w):
		return 1, 0, 0, true, nil
	}
	hour, minute, explicit, ok, err := clock(w)
	mer := meridiem(p.peek(k + 1))
	if strict && !explicit && mer == 0 {
		return 0, 0, 0, false, nil // a bare number: a day, or the hour decided in build
	}
	if !ok || err != nil {
		return 0, 0, 0, ok, err
	}
	n = 1
	if mer != 0 {
		n = 2
		if hour, err = withMeridiem(hour, mer, w+p.peek(k+1)); err != nil {
			return 0, 0, 0, true, err
		}
	}
	return n, hour, minute, true, nil
}

// clockTime reads "kl 9", "at 6pm", "at noon", "18.30", "6 pm", "lunch".
func (p *parser) clockTime() (bool, error) {
	lead := 0
	switch p.peek(0) {
	case "kl", "at", "@":
		lead = 1
	}
	n, h, m, ok, err := p.timeAt(lead, lead == 0)
	if err != nil {
		return false, err
	}
	if !ok {
		if p.peek(0) == "kl" {
			return false, &Error{Kind: KindBadTime, Word: short(strings.TrimSpace("kl "+p.peek(1)), 40)}
		}
		return false, nil
	}
	if p.hasTime {
		return false, &Error{Kind: KindConflict}
	}
	p.hasTime, p.hour, p.minute = true, h, m
	p.i += lead + n
	return true, nil
}

// startDate reads "från 1 december", "from 2026-12-01", "starting Dec 1",
// "med start 1/12", "första gången 1 december", "from today".
func (p *parser) startDate() (bool, error) {
	k := 0
	switch {
	case isStartMarker(p.peek(0)):
		k = 1
	case (p.peek(0) == "första" || p.peek(0) == "forsta") && (p.peek(1) == "gången" || p.peek(1) == "gangen"):
		k = 2
	default:
		return false, nil
	}
	for {
		w := p.peek(k)
		if w == "och" || w == "med" || w == "on" || w == "the" || w == "den" || w == "with" || w == "på" {
			k++
			continue
		}
		if _, ok := weekday(w); ok {
			k++ // "från tisdag 1 december": the date decides
			continue
		}
		break
	}
	var d time.Time
	n, withYear := 1, true
	switch p.peek(k) {
	case "idag", "today":
		d = dateOf(p.now)
	case "imorgon", "tomorrow":
		d = dateOf(p.now).AddDate(0, 0, 1)
	default:
		var ok bool
		var err error
		d, n, withYear, ok, err = p.dateAt(k)
		if err != nil {
			return false, err
		}
		if !ok {
			return false, &Error{Kind: KindBadDate, Word: short(strings.TrimSpace(p.peek(0)+" "+p.peek(k)), 40)}
		}
	}
	if !withYear {
		d = p.nearYear(d)
	}
	if !p.start.IsZero() {
		return false, &Error{Kind: KindConflict}
	}
	p.start = d
	p.i += k + n
	return true, nil
}

// nearYear moves a date written without a year to this year, or to next
// year when this year's has passed by more than 60 days: a first date a
// few weeks back only fixes which weeks an "every other week" rule uses.
func (p *parser) nearYear(d time.Time) time.Time {
	today := dateOf(p.now)
	d = time.Date(today.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(today.AddDate(0, 0, -60)) {
		d = d.AddDate(1, 0, 0)
	}
	return d
}

// dateAt reads a date starting k words ahead: "2026-12-01", "1/12",
// "1/12/2026", "1 december", "1:a maj", "1st of May", "December 1",
// "May 1st, 2027". A date without a year has year 2028 (a leap year, so
// that 29 February passes) and withYear false.
func (p *parser) dateAt(k int) (d time.Time, n int, withYear, ok bool, err error) {
	w := p.peek(k)
	if d, withYear, ok, err := isoOrSlash(w); ok || err != nil {
		return d, 1, withYear, ok, err
	}
	var day int
	var month time.Month
	if dn, isDay := dayNumber(w); isDay {
		j := k + 1
		if p.peek(j) == "of" {
			j++
		}
		m, isMonth := monthName(p.peek(j))
		if !isMonth {
			return time.Time{}, 0, false, false, nil
		}
		day, month, n = dn, m, j-k+1
	} else if m, isMonth := monthName(w); isMonth {
		dn, isDay := dayNumber(p.peek(k + 1))
		if !isDay {
			return time.Time{}, 0, false, false, nil
		}
		day, month, n = dn, m, 2
	} else {
		return time.Time{}, 0, false, false, nil
	}
	year := 2028
	j := k + n
	if p.peek(j) == "," {
		j++
	}
	if y, err := strconv.Atoi(p.peek(j)); err == nil && len(p.peek(j)) == 4 {
		year, withYear, n = y, true, j-k+1
	}
	text := strings.Join(p.toks[p.i+k:p.i+k+n], " ")
	d, err = makeDate(year, month, day, text)
	return d, n, withYear, err == nil, err
}

// isoOrSlash reads "2026-12-01", "1/12" and "1/12/2026" (day first).
func isoOrSlash(w string) (d time.Time, withYear, ok bool, err error) {
	if len(w) == 10 && strings.Count(w, "-") == 2 {
		t, err := time.Parse(time.DateOnly, w)
		if err != nil || t.Year() < 2000 || t.Year() > 2100 {
			return time.Time{}, false, false, &Error{Kind: KindBadDate, Word: w}
		}
		return t, true, true, nil
	}
	parts := strings.Split(w, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return time.Time{}, false, false, nil
	}
	day, ok1 := number(parts[0])
	month, ok2 := number(parts[1])
	year := 2028
	ok3 := true
	if len(parts) == 3 {
		var err error
		year, err = strconv.Atoi(parts[2])
		ok3 = err == nil && len(parts[2]) == 4
	}
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false, false, nil
	}
	if month < 1 || month > 12 {
		return time.Time{}, false, false, &Error{Kind: KindBadDate, Word: w}
	}
	d, err = makeDate(year, time.Month(month), day, w)
	return d, len(parts) == 3, err == nil, err
}

// makeDate returns the date at midnight UTC, or a KindBadDate error when
// it does not exist.
func makeDate(year int, month time.Month, day int, text string) (time.Time, error) {
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if day < 1 || d.Day() != day || year < 2000 || year > 2100 {
		return time.Time{}, &Error{Kind: KindBadDate, Word: short(text, 40)}
	}
	return d, nil
}

// everyWord reads "varje", "every", "varannan", "every other", "every
// second", "every 2 weeks", "fortnightly".
func (p *parser) everyWord() (bool, error) {
	w := p.peek(0)
	switch {
	case w == "varannan" || w == "vartannat" || w == "fortnightly" || w == "biweekly":
		p.i++
		if w == "fortnightly" || w == "biweekly" {
			p.units = append(p.units, weekly)
		}
	case isEveryWord(w) && (p.peek(1) == "other" || p.peek(1) == "annan" || p.peek(1) == "annat"):
		p.i += 2
	case isEveryWord(w) && (p.peek(1) == "second" || p.peek(1) == "andra") && !p.mentionsMonth():
		p.i += 2
	case isEveryWord(w) && (p.peek(1) == "2" || p.peek(1) == "two" || p.peek(1) == "två") && (p.peek(2) == "weeks" || p.peek(2) == "veckor"):
		p.i += 3
		p.units = append(p.units, weekly)
	case isEveryWord(w):
		p.i++
		p.every = true
		return true, nil
	default:
		return false, nil
	}
	if p.interval > 1 {
		return false, &Error{Kind: KindConflict}
	}
	p.every, p.interval = true, 2
	return true, nil
}

// mentionsMonth reports whether the phrase names the month as a unit, so
// that "every second Tuesday of the month" is the second Tuesday.
func (p *parser) mentionsMonth() bool {
	return slices.ContainsFunc(p.toks, func(w string) bool {
		u, _, ok := unitOf(w)
		return ok && u == monthly
	})
}

// ordinals reads "första tisdagen", "the first and third Tuesday", "sista
// vardagen", "last weekday", "sista dagen" (the last day of the month).
func (p *parser) ordinals() (bool, error) {
	var pos []int
	k := 0
	for {
		n, ok := ordinalWord(p.peek(k))
		if !ok {
			break
		}
		pos = append(pos, n)
		k++
		if _, next := ordinalWord(p.peek(k + 1)); isConj(p.peek(k)) && next {
			k++
			continue
		}
		break
	}
	if len(pos) == 0 {
		return false, nil
	}
	w := p.peek(k)
	var set weekdays
	if d, ok := weekday(w); ok {
		set = 1 << d
	} else if isWorkdayWord(w) || (w == "business" || w == "working") && isDayWord(p.peek(k+1)) {
		set = workdays
		if !isWorkdayWord(w) {
			k++
		}
	} else if isDayWord(w) {
		p.monthDays = append(p.monthDays, pos...)
		p.i += k + 1
		return true, nil
	} else {
		return false, nil
	}
	if p.ordDays != 0 && p.ordDays != set {
		return false, &Error{Kind: KindConflict}
	}
	p.ordDays = set
	p.positions = append(p.positions, pos...)
	p.i += k + 1
	return true, nil
}

// yearlyDate reads a day and a month: "1 maj", "den 1 maj", "May 1st".
func (p *parser) yearlyDate() (bool, error) {
	d, n, withYear, ok, err := p.dateAt(0)
	if err != nil || !ok {
		return false, err
	}
	if !p.date.IsZero() {
		return false, &Error{Kind: KindConflict}
	}
	p.date, p.dateYear = d, withYear
	p.i += n
	return true, nil
}

// monthDayList reads "15:e", "the 15th", "den 1:a och 15:e", "den 15".
func (p *parser) monthDayList() (bool, error) {
	prev := p.peek(-1)
	k := 0
	var days []int
	for {
		w := p.peek(k)
		n, ok := numberWithSuffix(w)
		if !ok && (prev == "den" || prev == "the" || len(days) > 0) {
			n, ok = number(w)
		}
		if !ok {
			break
		}
		if n < 1 || n > 31 {
			return false, &Error{Kind: KindBadDate, Word: w}
		}
		days = append(days, n)
		k++
		if isConj(p.peek(k)) && p.peek(k+1) != "" {
			if _, ok := dayNumber(p.peek(k + 1)); ok {
				k++
				continue
			}
		}
		break
	}
	if len(days) == 0 {
		return false, nil
	}
	p.monthDays = append(p.monthDays, days...)
	p.i += k
	return true, nil
}

// dayNames reads weekdays with lists and ranges ("mån, ons och fre",
// "måndag till fredag"), "vardagar", "helger" and "dag" ("varje dag").
func (p *parser) dayNames() (bool, error) {
	w := p.peek(0)
	switch {
	case isWorkdayWord(w):
		p.days |= workdays
		p.i++
		return true, nil
	case (w == "business" || w == "working" || w == "work") && isDayWord(p.peek(1)):
		p.days |= workdays
		p.i += 2
		return true, nil
	case isWeekendWord(w):
		p.days |= weekendDays
		p.i++
		return true, nil
	case isDayWord(w):
		p.daily = true
		p.i++
		return true, nil
	}
	d, ok := weekday(w)
	if !ok {
		return false, nil
	}
	p.i++
	if to, ok := weekday(p.peek(1)); ok && isRangeWord(p.peek(0)) {
		for x := d; ; x = (x + 1) % 7 {
			p.days |= 1 << x
			if x == to {
				break
			}
		}
		p.i += 2
		return true, nil
	}
	p.days |= 1 << d
	return true, nil
}

// unit reads "vecka", "månad", "år" and the adverbs "dagligen", "weekly",
// "monthly", "yearly".
func (p *parser) unit() (bool, error) {
	u, adverb, ok := unitOf(p.peek(0))
	if !ok {
		return false, nil
	}
	if adverb {
		p.every = true
		if u == daily {
			p.daily = true
		}
	}
	p.units = append(p.units, u)
	p.i++
	return true, nil
}

func (p *parser) filler() (bool, error) {
	if isFiller(p.peek(0)) {
		p.i++
		return true, nil
	}
	return false, nil
}

// bareNumber keeps a number no other step took: "varje fredag 18" means
// 18:00 when no other time is given.
func (p *parser) bareNumber() (bool, error) {
	if _, ok := number(p.peek(0)); ok {
		p.bare = append(p.bare, p.peek(0))
		p.i++
		return true, nil
	}
	return false, nil
}
