package recur

import (
	"fmt"
	"passionbot/bot/when"
	"strconv"
	"strings"
	"time"
)

// Describe returns the rule in words in Swedish ("sv") or English
// (anything else) with its next firing after now: "varannan måndag kl.
// 09:00 — nästa: måndag 7 december", "every other Monday at 09:00 — next:
// Monday 7 December". The year is added when it is not now's; the time is
// added when it is not the rule's (after a clock change, or for cron).
func (r Rule) Describe(lang string, now time.Time) string {
	sv := isSwedish(lang)
	next := r.Next(now)
	if next.IsZero() {
		return r.Summary(lang) + pick(sv, " — inga fler", " — never again")
	}
	return r.Summary(lang) + pick(sv, " — nästa: ", " — next: ") + r.formatNext(next, sv, now)
}

// Summary returns the rule in words without its next firing: "varannan
// måndag kl. 09:00", "the first Tuesday of the month at 18:30". A cron spec
// is put in words when it is one of the simple shapes the phrases make
// ("0 9 * * 1" is "varje måndag kl. 09:00") and shown as written otherwise.
func (r Rule) Summary(lang string) string {
	sv := isSwedish(lang)
	switch {
	case r.cron != "":
		if p, ok := cronPattern(r.cron); ok {
			return p.words(sv)
		}
		return pick(sv, "schemat ", "schedule ") + "`" + r.cron + "`"
	case r.sched == nil:
		return pick(sv, "inget schema", "no schedule")
	}
	return r.p.words(sv)
}

// formatNext writes a firing as "måndag 7 december [2027][ kl. 03:00]".
func (r Rule) formatNext(t time.Time, sv bool, now time.Time) string {
	loc := r.loc
	if loc == nil {
		loc = time.UTC
	}
	t, now = t.In(loc), now.In(loc)
	s := fmt.Sprintf("%s %d %s", dayName(t.Weekday(), sv), t.Day(), monthWord(t.Month(), sv))
	if t.Year() != now.Year() {
		s += " " + strconv.Itoa(t.Year())
	}
	p, words := r.p, r.cron == ""
	if !words {
		p, words = cronPattern(r.cron)
	}
	if !words || t.Hour() != p.hour || t.Minute() != p.min {
		s += pick(sv, " kl. ", " at ") + t.Format("15:04")
	}
	return s
}

// words writes the pattern: the days, then the time.
func (p pattern) words(sv bool) string {
	return p.dayWords(sv) + pick(sv, " kl. ", " at ") + fmt.Sprintf("%02d:%02d", p.hour, p.min)
}

func (p pattern) dayWords(sv bool) string {
	other := p.interval > 1
	switch p.freq {
	case daily:
		return pickOther(sv, other, "varje dag", "varannan dag", "every day", "every other day")
	case weekly:
		return p.weeklyWords(sv, other)
	case monthly:
		return p.monthlyWords(sv, other)
	case yearly:
		date := fmt.Sprintf("%d %s", p.monthDays[0], monthWord(p.month, sv))
		return pickOther(sv, other, "varje år den "+date, "vartannat år den "+date, "every year on "+date, "every other year on "+date)
	}
	return ""
}

func (p pattern) weeklyWords(sv, other bool) string {
	switch days := p.days.list(); {
	case p.days == allDays:
		return pickOther(sv, other, "varje dag", "varannan vecka, alla dagar", "every day", "every other week, every day")
	case p.days == workdays:
		return pickOther(sv, other, "vardagar", "varannan vecka på vardagar", "weekdays", "every other week on weekdays")
	case p.days == weekendDays:
		return pickOther(sv, other, "helger", "varannan helg", "weekends", "every other weekend")
	case len(days) == 1:
		d := dayName(days[0], sv)
		return pickOther(sv, other, "varje "+d, "varannan "+d, "every "+d, "every other "+d)
	default:
		list := dayList(days, sv)
		return pickOther(sv, other, "varje "+list, "varannan vecka på "+list, "every "+list, "every other week on "+list)
	}
}

func (p pattern) monthlyWords(sv, other bool) string {
	month := pickOther(sv, other, "i månaden", "varannan månad", "of the month", "of every other month")
	if len(p.positions) > 0 {
		var ords []string
		for _, n := range p.positions {
			ords = append(ords, ordinalName(n, sv))
		}
		what := pick(sv, "vardagen", "weekday")
		if days := p.days.list(); len(days) == 1 {
			what = dayName(days[0], sv)
			if sv {
				what += "en"
			}
		}
		return pick(sv, "", "the ") + join(ords, sv) + " " + what + " " + month
	}
	var items []string
	last := false
	for _, d := range p.monthDays {
		if d < 0 {
			last = true
			continue
		}
		items = append(items, dayOrdinal(d, sv))
	}
	switch {
	case !last:
		every := pickOther(sv, other, "varje månad", "varannan månad", "of every month", "of every other month")
		return pick(sv, "den ", "the ") + join(items, sv) + " " + every
	case len(items) == 0:
		return pick(sv, "sista dagen ", "the last day ") + month
	}
	return pick(sv, "den ", "the ") + join(append(items, pick(sv, "sista dagen", "the last day")), sv) + " " + month
}

func pick(sv bool, s, en string) string {
	if sv {
		return s
	}
	return en
}

func pickOther(sv, other bool, s, sOther, en, enOther string) string {
	if other {
		return pick(sv, sOther, enOther)
	}
	return pick(sv, s, en)
}

// join writes "a, b och c" or "a, b and c".
func join(items []string, sv bool) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + pick(sv, " och ", " and ") + items[len(items)-1]
}

func dayList(days []time.Weekday, sv bool) string {
	var names []string
	for _, d := range days {
		names = append(names, dayName(d, sv))
	}
	return join(names, sv)
}

// dayName returns "måndag" or "Monday".
func dayName(d time.Weekday, sv bool) string {
	if !sv {
		return d.String()
	}
	return [...]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"}[d]
}

// monthWord returns "december" or "December".
func monthWord(m time.Month, sv bool) string {
	if !sv {
		return m.String()
	}
	return [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli",
		"augusti", "september", "oktober", "november", "december"}[m-1]
}

// ordinalName returns "första", "sista", "first", "last", ...
func ordinalName(n int, sv bool) string {
	if n < 0 {
		return pick(sv, "sista", "last")
	}
	if sv {
		return [...]string{"", "första", "andra", "tredje", "fjärde", "femte"}[n]
	}
	return [...]string{"", "first", "second", "third", "fourth", "fifth"}[n]
}

// dayOrdinal returns "15:e", "1:a", "22:a" or "15th", "1st", "22nd".
func dayOrdinal(n int, sv bool) string {
	s := strconv.Itoa(n)
	teen := n%100 >= 11 && n%100 <= 13
	if sv {
		if !teen && (n%10 == 1 || n%10 == 2) {
			return s + ":a"
		}
		return s + ":e"
	}
	switch {
	case teen:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// cronPattern recognises a cron spec of one of the shapes phrases make,
// for Summary: a fixed minute and hour with either a day-of-week list, a
// day-of-month list, or one day of one month; or a descriptor.
func cronPattern(spec string) (pattern, bool) {
	switch spec {
	case "@daily", "@midnight":
		return pattern{freq: daily, interval: 1}, true
	case "@weekly":
		return pattern{freq: weekly, interval: 1, days: 1 << time.Sunday}, true
	case "@monthly":
		return pattern{freq: monthly, interval: 1, monthDays: []int{1}}, true
	case "@yearly", "@annually":
		return pattern{freq: yearly, interval: 1, month: time.January, monthDays: []int{1}}, true
	}
	f := strings.Fields(spec)
	if len(f) != 5 {
		return pattern{}, false
	}
	minute, ok1 := number(f[0])
	hour, ok2 := number(f[1])
	if !ok1 || !ok2 || minute > 59 || hour > 23 {
		return pattern{}, false
	}
	p := pattern{interval: 1, hour: hour, min: minute}
	switch {
	case f[2] == "*" && f[3] == "*" && f[4] == "*":
		p.freq = daily
	case f[2] == "*" && f[3] == "*":
		days, ok := cronDays(f[4])
		p.freq, p.days = weekly, days
		return p, ok
	case f[3] == "*" && f[4] == "*":
		days, ok := ints(f[2])
		p.freq, p.monthDays = monthly, sortedSet(days)
		return p, ok == nil && inRange(days, 1, 31)
	case f[4] == "*":
		day, ok := number(f[2])
		m, err := strconv.Atoi(f[3])
		month, named := monthName(strings.ToLower(f[3]))
		if err == nil {
			month, named = time.Month(m), m >= 1 && m <= 12
		}
		p.freq, p.month, p.monthDays = yearly, month, []int{day}
		return p, ok && named && day >= 1 && day <= daysIn(month)
	default:
		return pattern{}, false
	}
	return p, true
}

// cronDays reads a cron day-of-week field made of numbers (0-7), names and
// ranges: "1,4", "mon-fri".
func cronDays(field string) (weekdays, bool) {
	var set weekdays
	for _, part := range strings.Split(strings.ToLower(field), ",") {
		a, b, isRange := strings.Cut(part, "-")
		from, ok1 := cronDay(a)
		to, ok2 := from, true
		if isRange {
			to, ok2 = cronDay(b)
		}
		if !ok1 || !ok2 || isRange && to < from && to != 0 {
			return 0, false
		}
		for d := from; ; d = (d + 1) % 7 {
			set |= 1 << d
			if d == to {
				break
			}
		}
	}
	return set, set != 0
}

func cronDay(s string) (time.Weekday, bool) {
	if n, ok := number(s); ok && n <= 7 {
		return time.Weekday(n % 7), true
	}
	if len(s) == 3 {
		return when.Weekday(s)
	}
	return 0, false
}

func inRange(xs []int, lo, hi int) bool {
	for _, x := range xs {
		if x < lo || x > hi {
			return false
		}
	}
	return len(xs) > 0
}
