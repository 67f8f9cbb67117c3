package when

import (
	"strings"
	"time"
	"unicode/utf8"
)

// span is a byte range of the input.
type span struct{ start, end int }

// clock is a time of day as written; hours are not yet checked or
// converted to 24-hour.
type clock struct {
	h, m, s int
	mer     byte // 'a' for am, 'p' for pm, 0 when neither was written
	// midnight is midnatt / midnight: the end of the day, h is 24.
	midnight bool
	at       span
}

// dateForm is how the day was given.
type dateForm uint8

const (
	noDate   dateForm = iota
	calDate           // day, month and maybe year
	relDate           // idag, imorgon, om två veckor, ...
	weekDate          // nästa vecka: a week, its day given by a weekday
)

// endForm is how the end was given.
type endForm uint8

const (
	noEnd    endForm = iota
	endClock         // an end time
	endDur           // a duration
)

// spec is what the input says, before it is checked against the calendar.
type spec struct {
	form    dateForm
	y, m, d int  // calDate; y is 0 when not written
	slashed bool // calDate written as d/m
	rel     int  // relDate: days after today
	months  int  // relDate: months after today (om en månad), instead of rel
	weeks   int  // relDate, weekDate: weeks ahead, for a weekday in that week
	evening bool // ikväll, tonight, kväll, evening
	dateAt  span

	hasWeekday bool
	weekday    time.Weekday
	next       bool // nästa, next

	hasTime bool
	start   clock

	endForm endForm
	end     clock
	dur     time.Duration
	endAt   span

	zone *time.Location
}

// parser walks the tokens of one input.
type parser struct {
	src  string
	toks []token
	i    int
}

// tok returns the token k places after the current one, or the zero token.
func (p *parser) tok(k int) token {
	if j := p.i + k; j >= 0 && j < len(p.toks) {
		return p.toks[j]
	}
	return token{}
}

// spanFrom is the input from token from up to the current token.
func (p *parser) spanFrom(from int) span {
	if from >= p.i || from >= len(p.toks) {
		return span{}
	}
	return span{p.toks[from].start, p.toks[p.i-1].end}
}

// parse reads the parts of s in any order: a day, a weekday, a time, then
// an end or zone after the time. Filler words are skipped.
func parse(s string) (*spec, *Error) {
	p := &parser{src: s, toks: lex(s)}
	sp := &spec{}
	for p.i < len(p.toks) {
		t := p.tok(0)
		switch {
		case isFiller(t):
			p.i++
			continue
		case sp.form == noDate && p.date(sp):
			continue
		case !sp.hasWeekday && p.weekdayPart(sp):
			continue
		case !sp.hasTime && p.clockPart(sp):
			continue
		case !sp.evening && p.eveningPart(sp):
			continue
		case sp.hasTime && sp.endForm == noEnd && p.endPart(sp):
			continue
		case sp.hasTime && sp.zone == nil && p.zonePart(sp):
			continue
		}
		return nil, &Error{Kind: Unrecognised, Reason: NotUnderstood, Text: s[t.start:t.end]}
	}
	if sp.form == noDate && !sp.hasWeekday && !sp.hasTime {
		return nil, &Error{Kind: Unrecognised, Reason: Empty}
	}
	return sp, nil
}

// isFiller reports whether t carries no meaning here: prepositions,
// "kl", and stray punctuation.
func isFiller(t token) bool {
	if t.kind == punct {
		switch t.text {
		case ".", ",", "!", "?", "@":
			return true
		}
		return false
	}
	return t.isWord("pa", "on", "at", "vid", "den", "the", "of", "fran", "from", "mellan", "between", "kl", "klockan")
}

// date reads a relative day or week, an ISO date, d/m[/yyyy],
// "15 jan [2027]" or "jan 15 [2027]".
func (p *parser) date(sp *spec) bool {
	from := p.i
	if r := p.relative(); r.width > 0 {
		sp.form, sp.rel, sp.months, sp.weeks = r.form, r.days, r.months, r.weeks
		sp.evening = sp.evening || r.evening
		p.i += r.width
		sp.dateAt = p.spanFrom(from)
		return true
	}
	y, m, d, w, slashed := p.calendar()
	if w == 0 {
		return false
	}
	sp.form, sp.y, sp.m, sp.d, sp.slashed = calDate, y, m, d, slashed
	p.i += w
	sp.dateAt = p.spanFrom(from)
	return true
}

// relDay is a relative day or week as written.
type relDay struct {
	form   dateForm // relDate or weekDate
	days   int      // days after today
	months int      // months after today
	weeks  int      // weeks ahead, for a weekday in that week
	// evening is set by ikväll and tonight.
	evening bool
	// width is the number of tokens; 0 when there is no relative day.
	width int
}

// maxCount caps the number in "om N dagar" far beyond MaxYearsAhead, so
// that huge numbers are TooFar rather than overflowing.
const maxCount = 100_000

// relative matches a relative day or week at the current token.
func (p *parser) relative() relDay {
	t := p.tok(0)
	switch {
	case t.isWord("idag", "today"):
		return relDay{form: relDate, width: 1}
	case t.isWord("imorgon", "imorn", "imorron", "tomorrow", "tmrw"):
		return relDay{form: relDate, days: 1, width: 1}
	case t.isWord("iovermorgon", "overmorgon"):
		return relDay{form: relDate, days: 2, width: 1}
	case t.isWord("igar", "yesterday"):
		// A day just past: read, so that the caller can say it is past.
		return relDay{form: relDate, days: -1, width: 1}
	case t.isWord("ikvall", "tonight"):
		return relDay{form: relDate, evening: true, width: 1}
	case t.isWord("i"):
		switch n := p.tok(1); {
		case n.isWord("dag"):
			return relDay{form: relDate, width: 2}
		case n.isWord("morgon", "morn", "morron"):
			return relDay{form: relDate, days: 1, width: 2}
		case n.isWord("overmorgon"):
			return relDay{form: relDate, days: 2, width: 2}
		case n.isWord("gar"):
			return relDay{form: relDate, days: -1, width: 2}
		case n.isWord("kvall"):
			return relDay{form: relDate, evening: true, width: 2}
		case n.isWord("nasta") && p.tok(2).isWord("vecka"):
			return relDay{form: weekDate, weeks: 1, width: 3}
		}
	case t.isWord("day") && p.tok(1).isWord("after") && p.tok(2).isWord("tomorrow"):
		return relDay{form: relDate, days: 2, width: 3}
	case t.isWord("nasta", "next") && p.tok(1).isWord("vecka", "week"):
		return relDay{form: weekDate, weeks: 1, width: 2}
	case t.isWord("om", "in"):
		// om 3 dagar, om två veckor, om en månad; in 3 days, in two weeks.
		n, w := p.count(1)
		if w == 0 {
			break
		}
		switch u := p.tok(1 + w); {
		case u.isWord("dag", "dagar", "dygn", "day", "days"):
			return relDay{form: relDate, days: n, width: 2 + w}
		case u.isWord("vecka", "veckor", "week", "weeks"):
			return relDay{form: relDate, days: 7 * n, weeks: n, width: 2 + w}
		case u.isWord("manad", "manader", "month", "months"):
			return relDay{form: relDate, months: n, width: 2 + w}
		}
	}
	return relDay{}
}

// count reads a count at offset k, in digits or words from one to twelve
// ("två", "two", "en", "a"), capped at maxCount. It returns the count and
// the tokens spanned, 0 when there is none.
func (p *parser) count(k int) (n, width int) {
	t := p.tok(k)
	if t.kind == num {
		if t.n < 0 || t.n > maxCount {
			return maxCount, 1
		}
		return t.n, 1
	}
	if t.kind != word {
		return 0, 0
	}
	for i, ws := range [...][]string{
		{"en", "ett", "a", "an", "one"}, {"tva", "two"}, {"tre", "three"}, {"fyra", "four"},
		{"fem", "five"}, {"sex", "six"}, {"sju", "seven"}, {"atta", "eight"}, {"nio", "nine"},
		{"tio", "ten"}, {"elva", "eleven"}, {"tolv", "twelve"},
	} {
		if t.isWord(ws...) {
			return i + 1, 1
		}
	}
	return 0, 0
}

// calendar matches a written date at the current token. Values are not
// checked here; width is 0 when there is no date.
func (p *parser) calendar() (y, m, d, width int, slashed bool) {
	t0, t1, t2 := p.tok(0), p.tok(1), p.tok(2)
	// 2027-01-15, 2027/01/15, optionally followed by T.
	if t0.isNum(4, 4) && (t1.isPunct("-") || t1.isPunct("/")) && t1.glued() &&
		t2.isNum(1, 2) && t2.glued() && p.tok(3).isPunct(t1.text) && p.tok(3).glued() &&
		p.tok(4).isNum(1, 2) && p.tok(4).glued() {
		w := 5
		if p.tok(5).isWord("t") && p.tok(5).glued() && p.tok(6).kind == num && p.tok(6).glued() {
			w = 6
		}
		return t0.n, t2.n, p.tok(4).n, w, false
	}
	// 15/1, 15/1/2027, 15/1 2027.
	if t0.isNum(1, 2) && t1.isPunct("/") && t1.glued() && t2.isNum(1, 2) && t2.glued() {
		switch t3, t4 := p.tok(3), p.tok(4); {
		case t3.isPunct("/") && t3.glued() && t4.isNum(4, 4) && t4.glued():
			return t4.n, t2.n, t0.n, 5, true
		case t3.isNum(4, 4) && !p.clockFollows(3):
			return t3.n, t2.n, t0.n, 4, true
		}
		return 0, t2.n, t0.n, 3, true
	}
	// 15 jan, 15th of january 2027, 15:e januari.
	if t0.isNum(1, 2) {
		j := 1 + p.ordinal(1)
		if p.tok(j).isWord("of") {
			j++
		}
		if mo := monthOf(p.tok(j)); mo != 0 {
			j++
			if p.tok(j).isPunct(".") && p.tok(j).glued() {
				j++
			}
			if p.tok(j).isNum(4, 4) && !p.clockFollows(j) {
				return p.tok(j).n, int(mo), t0.n, j + 1, false
			}
			return 0, int(mo), t0.n, j, false
		}
	}
	// jan 15, january 15th, 2027.
	if mo := monthOf(t0); mo != 0 {
		j := 1
		if p.tok(j).isPunct(".") && p.tok(j).glued() {
			j++
		}
		if dt := p.tok(j); dt.isNum(1, 2) && !p.clockFollows(j) {
			j++
			j += p.ordinal(j)
			k := j
			if p.tok(k).isPunct(",") {
				k++
			}
			if p.tok(k).isNum(4, 4) && !p.clockFollows(k) {
				return p.tok(k).n, int(mo), dt.n, k + 1, false
			}
			return 0, int(mo), dt.n, j, false
		}
	}
	return 0, 0, 0, 0, false
}

// ordinal returns how many tokens an ordinal suffix at offset k spans:
// "th" in 15th, ":e" in 15:e, or none.
func (p *parser) ordinal(k int) int {
	t := p.tok(k)
	switch {
	case t.glued() && t.isWord("st", "nd", "rd", "th"):
		return 1
	case t.glued() && t.isPunct(":") && p.tok(k+1).glued() && p.tok(k+1).isWord("e", "a"):
		return 2
	}
	return 0
}

// clockFollows reports whether the number at offset k is the hour of a
// clock time (18:00, 18.00, 6pm) rather than a day or year.
func (p *parser) clockFollows(k int) bool {
	n := p.tok(k + 1)
	if (n.isPunct(":") || n.isPunct(".")) && n.glued() && p.tok(k+2).isNum(2, 2) && p.tok(k+2).glued() {
		return true
	}
	_, w := p.meridiem(k + 1)
	return w > 0
}

// monthOf returns the month a word names, or 0.
func monthOf(t token) time.Month {
	if t.kind != word {
		return 0
	}
	switch t.text {
	case "januari", "january", "jan":
		return time.January
	case "februari", "february", "feb":
		return time.February
	case "mars", "march", "mar":
		return time.March
	case "april", "apr":
		return time.April
	case "maj", "may":
		return time.May
	case "juni", "june", "jun":
		return time.June
	case "juli", "july", "jul":
		return time.July
	case "augusti", "august", "aug":
		return time.August
	case "september", "sept", "sep":
		return time.September
	case "oktober", "october", "okt", "oct":
		return time.October
	case "november", "nov":
		return time.November
	case "december", "dec":
		return time.December
	}
	return 0
}

// weekdayOf returns the weekday a word names, also in the Swedish
// definite form ("fredagen", as in "på fredagen", "den här fredagen").
func weekdayOf(t token) (time.Weekday, bool) {
	if t.kind != word {
		return 0, false
	}
	if d, ok := Weekday(t.text); ok {
		return d, true
	}
	return definiteWeekday(t.text)
}

// definiteWeekday reads a Swedish weekday in the definite form, folded
// ("mandagen" … "sondagen").
func definiteWeekday(f string) (time.Weekday, bool) {
	if stem, ok := strings.CutSuffix(f, "en"); ok && strings.HasSuffix(stem, "dag") {
		return Weekday(stem)
	}
	return 0, false
}

// Weekday reads a weekday's name or its abbreviation, Swedish or English,
// in any case, with or without å, ä, ö ("måndag", "Mon", "lor").
func Weekday(w string) (time.Weekday, bool) {
	switch strings.Map(fold, w) {
	case "mandag", "man", "monday", "mon":
		return time.Monday, true
	case "tisdag", "tis", "tuesday", "tue", "tues":
		return time.Tuesday, true
	case "onsdag", "ons", "wednesday", "wed":
		return time.Wednesday, true
	case "torsdag", "tors", "tor", "thursday", "thu", "thur", "thurs":
		return time.Thursday, true
	case "fredag", "fre", "friday", "fri":
		return time.Friday, true
	case "lordag", "lor", "saturday", "sat":
		return time.Saturday, true
	case "sondag", "son", "sunday", "sun":
		return time.Sunday, true
	}
	return 0, false
}

// weekdayPart reads "[nästa|next] fredag", and the coming weekday said
// with "this", "coming", "denna", "kommande", "nu på" or "den här" ("den"
// is filler): "this friday", "nu på fredag", "den här fredagen" are the
// same day as "fredag".
func (p *parser) weekdayPart(sp *spec) bool {
	j := 0
	next := p.tok(0).isWord("nasta", "next")
	if next {
		j = 1
	} else {
		for j < 2 && (p.tok(j).isWord("this", "coming", "denna", "kommande", "har", "nu") || j > 0 && p.tok(j).isWord("pa", "on")) {
			j++
		}
	}
	wd, ok := weekdayOf(p.tok(j))
	if !ok {
		return false
	}
	sp.hasWeekday, sp.weekday, sp.next = true, wd, next
	p.i += j + 1
	return true
}

// clockPart reads the start time.
func (p *parser) clockPart(sp *spec) bool {
	c, ok := p.clock()
	if ok {
		sp.hasTime, sp.start = true, c
	}
	return ok
}

// clock reads a time of day: 18, 18:00, 18.00, 18:00:00, each optionally
// followed by am/pm (6pm, 6 pm, 6 p.m., 6 em).
func (p *parser) clock() (clock, bool) {
	from := p.i
	t := p.tok(0)
	if c, ok := namedClock(t, true); ok {
		p.i++
		c.at = p.spanFrom(from)
		return c, true
	}
	if !t.isNum(1, 2) {
		return clock{}, false
	}
	c := clock{h: t.n}
	j := 1
	if sep := p.tok(1); (sep.isPunct(":") || sep.isPunct(".")) && sep.glued() && p.tok(2).isNum(2, 2) && p.tok(2).glued() {
		c.m, j = p.tok(2).n, 3
		if sep.text == ":" && p.tok(3).isPunct(":") && p.tok(3).glued() && p.tok(4).isNum(2, 2) && p.tok(4).glued() {
			c.s, j = p.tok(4).n, 5
		}
	}
	if mer, w := p.meridiem(j); w > 0 {
		c.mer, j = mer, j+w
	}
	// 12 noon, 12 midnight.
	if c.h == 12 && c.m == 0 && c.s == 0 && c.mer == 0 {
		if n, ok := namedClock(p.tok(j), false); ok {
			c, j = n, j+1
		}
	}
	// Not a time: 18h, 15th, 15/1, 18:5, 2 timmar.
	n := p.tok(j)
	if n.glued() && (n.kind == num || n.kind == word && !isZone(n) || n.isPunct("/") || n.isPunct(":")) {
		return clock{}, false
	}
	if isHourUnit(n) || isMinuteUnit(n) {
		return clock{}, false
	}
	p.i += j
	c.at = p.spanFrom(from)
	return c, true
}

// namedClock returns the time a word names: noon, midday, lunch (12:00)
// and midnight (the end of the day, 24:00). Lunch only stands alone, never
// after "12".
func namedClock(t token, lunch bool) (clock, bool) {
	switch {
	case t.isWord("noon", "midday") || lunch && t.isWord("lunch", "lunchtid", "lunchtime"):
		return clock{h: 12, mer: 'p'}, true
	case t.isWord("midnatt", "midnight"):
		return clock{h: 24, midnight: true}, true
	}
	return clock{}, false
}

// eveningPart reads "kväll" or "evening" after a day ("fredag kväll 7",
// "tomorrow evening 8"): an hour from 1 to 11 is then read as pm.
func (p *parser) eveningPart(sp *spec) bool {
	if !p.tok(0).isWord("kvall", "kvallen", "evening", "night") {
		return false
	}
	sp.evening = true
	p.i++
	return true
}

// meridiem matches am/pm at offset k: "am", "pm", "fm", "em", "a.m.",
// "p.m.". It returns 'a' or 'p' and the tokens spanned.
func (p *parser) meridiem(k int) (byte, int) {
	t := p.tok(k)
	switch {
	case t.isWord("am", "fm"):
		return 'a', 1
	case t.isWord("pm", "em"):
		return 'p', 1
	case t.isWord("a", "p") && p.tok(k+1).isPunct(".") && p.tok(k+1).glued() &&
		p.tok(k+2).isWord("m") && p.tok(k+2).glued():
		w := 3
		if p.tok(k+3).isPunct(".") && p.tok(k+3).glued() {
			w = 4
		}
		return t.text[0], w
	}
	return 0, 0
}

// endPart reads an end time ("-21", "till 21:00", "to 9pm") or a duration
// ("i 2 timmar", "for 2 hours", "+90m", "3h").
func (p *parser) endPart(sp *spec) bool {
	from := p.i
	if t := p.tok(0); t.isPunct("-") || t.isWord("till", "tills", "to", "until", "och", "and") {
		p.i++
		for p.tok(0).isWord("kl", "klockan", "at") || p.tok(0).isPunct(".") {
			p.i++
		}
		c, ok := p.clock()
		if !ok {
			p.i = from
			return false
		}
		sp.endForm, sp.end = endClock, c
		sp.endAt = p.spanFrom(from)
		return true
	}
	if t := p.tok(0); t.isWord("i", "for") || t.isPunct("+") {
		p.i++
	}
	d, ok := p.duration()
	if !ok {
		p.i = from
		return false
	}
	sp.endForm, sp.dur = endDur, d
	sp.endAt = p.spanFrom(from)
	return true
}

// maxSeconds caps durations while they are added up, far above
// MaxDuration, so that huge numbers cannot overflow.
const maxSeconds = 1 << 30

// duration reads one or more amount-unit parts: 2h, 2 timmar, 1,5 h,
// 90 min, en timme, an hour, två timmar, two hours, 2h30m, 2h30, 2 timmar
// och 30 minuter.
func (p *parser) duration() (time.Duration, bool) {
	total := 0
	found := false
	for {
		secs, w, hours := p.durationPart(0)
		if w == 0 && found && p.tok(0).isWord("och", "and") {
			if secs, w, hours = p.durationPart(1); w > 0 {
				w++
			}
		}
		if w == 0 {
			break
		}
		found = true
		total = min(total+secs, maxSeconds)
		p.i += w
		// 2h30: bare minutes glued after hours.
		if t := p.tok(0); hours && t.isNum(1, 2) && t.glued() && !isHourUnit(p.tok(1)) && !isMinuteUnit(p.tok(1)) {
			total = min(total+60*t.n, maxSeconds)
			p.i++
			break
		}
	}
	return time.Duration(total) * time.Second, found
}

// durationPart matches one amount and unit at offset k and returns its
// length in seconds, the tokens spanned and whether the unit was hours.
func (p *parser) durationPart(k int) (secs, width int, hours bool) {
	// The amount in hundredths.
	var amount, j int
	t := p.tok(k)
	switch {
	case t.kind == num && t.n >= 0:
		amount, j = min(t.n, maxSeconds)*100, k+1
		if sep, f := p.tok(k+1), p.tok(k+2); (sep.isPunct(",") || sep.isPunct(".")) && sep.glued() && f.isNum(1, 2) && f.glued() {
			frac := f.n
			if f.digits == 1 {
				frac *= 10
			}
			amount, j = amount+frac, k+3
		}
	case t.kind == word:
		// en timme, an hour, två timmar, two hours.
		n, w := p.count(k)
		if w == 0 {
			return 0, 0, false
		}
		amount, j = n*100, k+w
	default:
		return 0, 0, false
	}
	switch u := p.tok(j); {
	case isHourUnit(u):
		return min(amount, maxSeconds) * 36, j + 1 - k, true
	case isMinuteUnit(u):
		return min(amount, maxSeconds) * 60 / 100, j + 1 - k, false
	}
	return 0, 0, false
}

// isHourUnit reports whether t is a word for hours.
func isHourUnit(t token) bool {
	return t.isWord("h", "tim", "timme", "timmar", "timmen", "hour", "hours", "hr", "hrs")
}

// isMinuteUnit reports whether t is a word for minutes.
func isMinuteUnit(t token) bool {
	return t.isWord("m", "min", "mins", "minut", "minuter", "minuten", "minute", "minutes")
}

// isZone reports whether t names a zone zonePart accepts.
func isZone(t token) bool { return t.isWord("utc", "gmt", "z", "cet", "cest") }

// zonePart reads a zone written after the time.
func (p *parser) zonePart(sp *spec) bool {
	t := p.tok(0)
	switch {
	case t.isWord("utc", "gmt", "z"):
		sp.zone = time.UTC
	case t.isWord("cet"):
		sp.zone = time.FixedZone("CET", 3600)
	case t.isWord("cest"):
		sp.zone = time.FixedZone("CEST", 2*3600)
	default:
		return false
	}
	p.i++
	return true
}

// maxLead is how many small words may lead into a time's word in one
// phrase that Word reads ("om en vecka", "den här fredagen").
const maxLead = 3

// Word reports whether w goes on with a time written without quotes
// ("när:fredag 18:00"), so that the time can be read to its end.
//
// One word goes on when times are written with it: a number ("18:00",
// "15.00", "3pm"), a weekday ("fredag", "fredagen"), a month, "kl" or
// "kl.", "i morgon", "pm", "midnatt", "timmar" …; punctuation around it
// does not count ("kl.", "dec.", "p.m."). Several words separated by
// spaces go on together when up to three small words that lead into a
// time ("at", "on", "the", "this", "den", "här", "nu", "på", "i", "om",
// "till", "to", "och", "for", "en", "två" …) are followed by such a word:
// "at 3pm", "den 15", "om en vecka", "till 21", "for two hours". A small
// word alone does not go on, since a description may start with it too
// ("när:fredag 18 i ateljén").
func Word(w string) bool {
	fs := strings.Fields(w)
	if len(fs) == 0 || len(fs) > maxLead+1 {
		return false
	}
	last := len(fs) - 1
	for _, f := range fs[:last] {
		if !leadWord(f) && !timeWord(f) {
			return false
		}
	}
	return timeWord(fs[last])
}

// foldWord folds w as lex folds letters and drops the punctuation around
// it and the full stops in it ("kl." is "kl", "p.m." is "pm").
func foldWord(w string) string {
	f := strings.Trim(strings.Map(fold, w), ".,;:!?()[]")
	return strings.ReplaceAll(f, ".", "")
}

// timeWord reports whether w, one word, is one times are written with.
func timeWord(w string) bool {
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	switch w {
	case "-", "–", "—":
		return true
	}
	f := foldWord(w)
	if _, ok := Weekday(f); ok {
		return true
	}
	if _, ok := definiteWeekday(f); ok {
		return true
	}
	if monthOf(token{kind: word, text: f}) != 0 {
		return true
	}
	// Not the small words a description may start with too ("i", "på",
	// "till", "and"): only words that belong to a time. Not "min" or
	// "m" either ("min syster"), though minutes may be written so.
	switch f {
	case "idag", "today", "ikvall", "tonight", "imorgon", "imorn", "imorron", "tomorrow", "tmrw", "iovermorgon",
		"overmorgon", "igar", "yesterday", "morgon", "morn", "morron", "kvall", "kvallen", "evening", "night", "nasta", "next",
		"dag", "dagar", "dygn", "day", "days", "vecka", "veckor", "week", "weeks", "manad", "manader", "month", "months",
		"kl", "klockan", "am", "fm", "pm", "em", "lunch", "lunchtid", "lunchtime", "midnatt", "midnight", "noon",
		"midday", "timme", "timmar", "timmen", "hour", "hours", "hrs", "minut", "minuter", "minuten", "minute", "minutes",
		"utc", "gmt", "cet", "cest":
		return true
	}
	return false
}

// leadWord reports whether w is a small word that leads into a time
// ("at 3pm", "den 15", "om två veckor", "nu på fredag") but does not go on
// with one by itself.
func leadWord(w string) bool {
	switch foldWord(w) {
	case "at", "on", "vid", "pa", "den", "the", "this", "coming", "denna", "kommande", "har", "nu", "i", "om", "in",
		"till", "tills", "to", "until", "och", "and", "mellan", "between", "fran", "from", "for", "of", "after",
		"en", "ett", "a", "an", "one", "tva", "two", "tre", "three", "fyra", "four", "fem", "five", "sex", "six",
		"sju", "seven", "atta", "eight", "nio", "nine", "tio", "ten", "elva", "eleven", "tolv", "twelve":
		return true
	}
	return false
}

// HasDay reports whether s, read as Parse reads it, names a day (a date,
// a weekday, a relative day or week), not only a time of day. It is false
// when s cannot be read.
func HasDay(s string) bool {
	if utf8.RuneCountInString(s) > MaxInput {
		return false
	}
	sp, e := parse(strings.TrimSpace(s))
	return e == nil && (sp.form != noDate || sp.hasWeekday)
}
