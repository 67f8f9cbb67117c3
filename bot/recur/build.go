package recur

import "slices"

// build checks that the parts read make exactly one rule and returns it.
func (p *parser) build() (pattern, error) {
	if err := p.settleTime(); err != nil {
		return pattern{}, err
	}
	pat := pattern{interval: p.interval, hour: p.hour, min: p.minute, start: p.start}
	shapes := 0
	for _, on := range []bool{p.daily, p.days != 0, len(p.positions) > 0, len(p.monthDays) > 0, !p.date.IsZero()} {
		if on {
			shapes++
		}
	}
	if shapes > 1 {
		return pattern{}, &Error{Kind: KindConflict}
	}
	switch {
	case p.daily:
		pat.freq = daily
	case p.days != 0:
		pat.freq, pat.days = weekly, p.days
		if p.days == allDays && pat.interval == 1 {
			pat.freq, pat.days = daily, 0
		}
	case len(p.positions) > 0:
		pat.freq, pat.days, pat.positions = monthly, p.ordDays, sortedSet(p.positions)
	case len(p.monthDays) > 0:
		if !p.has(monthly) {
			return pattern{}, p.onceOrConflict()
		}
		pat.freq, pat.monthDays = monthly, sortedSet(p.monthDays)
	case !p.date.IsZero():
		if !p.has(yearly) && !p.every {
			return pattern{}, p.onceOrConflict()
		}
		pat.freq, pat.month, pat.monthDays = yearly, p.date.Month(), []int{p.date.Day()}
		if p.dateYear {
			if !pat.start.IsZero() {
				return pattern{}, &Error{Kind: KindConflict}
			}
			pat.start = p.date
		}
	default:
		return pattern{}, &Error{Kind: KindNoDay}
	}
	if err := p.checkUnits(pat.freq); err != nil {
		return pattern{}, err
	}
	return pat, nil
}

// onceOrConflict explains a date without its unit: a single date, or a
// date with another unit ("varannan vecka den 15:e").
func (p *parser) onceOrConflict() error {
	if len(p.units) > 0 || p.interval > 1 {
		return &Error{Kind: KindConflict}
	}
	return &Error{Kind: KindOnce}
}

// settleTime takes a lone bare number as the hour ("varje fredag 18") and
// falls back to the default time.
func (p *parser) settleTime() error {
	if !p.hasTime && len(p.bare) == 1 {
		if h, ok := number(p.bare[0]); ok && h <= 23 {
			p.hasTime, p.hour, p.minute, p.bare = true, h, 0, nil
		}
	}
	if len(p.bare) > 0 {
		return &Error{Kind: KindUnknownWord, Word: p.bare[0]}
	}
	if !p.hasTime {
		p.hour, p.minute = DefaultHour, DefaultMinute
	}
	return nil
}

// has reports whether the phrase named unit u ("månad", "monthly").
func (p *parser) has(u freq) bool { return slices.Contains(p.units, u) }

// checkUnits refuses a unit that contradicts the rule: "varannan vecka den
// 15:e", "varje år på måndagar". A weekday rule may name the week or the
// month ("every Monday of the month").
func (p *parser) checkUnits(f freq) error {
	for _, u := range p.units {
		ok := u == f ||
			f == weekly && (u == monthly || u == daily) ||
			f == daily && u == weekly
		if !ok {
			return &Error{Kind: KindConflict}
		}
	}
	if f == weekly && p.days == 0 && len(p.positions) == 0 {
		return &Error{Kind: KindNoDay}
	}
	return nil
}

// sortedSet returns xs sorted without repeats, positive numbers first and
// -1 (the last) at the end.
func sortedSet(xs []int) []int {
	out := slices.Clone(xs)
	slices.SortFunc(out, func(a, b int) int {
		if (a < 0) != (b < 0) {
			if a < 0 {
				return 1
			}
			return -1
		}
		return a - b
	})
	return slices.Compact(out)
}
