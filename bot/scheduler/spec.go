package scheduler

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // CRON_TZ= works on machines without a zoneinfo database
	"unicode"

	"github.com/robfig/cron/v3"
)

// MaxSpecLen is the longest spec, in bytes, that [Parse] accepts.
const MaxSpecLen = 200

// Schedule computes the firing times of a recurring job.
type Schedule interface {
	// Next returns the first firing strictly after after, or the zero time
	// if the schedule never fires again.
	Next(after time.Time) time.Time
}

// ErrorKind classifies a [SpecError] so that the caller can explain it in
// the member's language.
type ErrorKind int

// The kinds of [SpecError].
const (
	// KindSyntax: the spec is empty, has the wrong number of fields, or a
	// field is not made of numbers, names, '*', lists, ranges and steps.
	KindSyntax ErrorKind = iota + 1
	// KindRange: a value lies outside its field's range; see Min and Max.
	KindRange
	// KindTooLong: the spec is longer than MaxSpecLen bytes.
	KindTooLong
	// KindTimeZone: the CRON_TZ= or TZ= prefix names an unknown zone.
	KindTimeZone
	// KindUnsupported: a valid cron feature this package refuses (@every).
	KindUnsupported
	// KindNever: every field is valid but no date matches, such as the 31st
	// of April.
	KindNever
)

// String returns the kind's name, for logs.
func (k ErrorKind) String() string {
	switch k {
	case KindSyntax:
		return "syntax"
	case KindRange:
		return "range"
	case KindTooLong:
		return "too long"
	case KindTimeZone:
		return "time zone"
	case KindUnsupported:
		return "unsupported"
	case KindNever:
		return "never fires"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// SpecError explains why [Parse] refused a spec. Its message is a one-line
// English sentence fit to show a user; the fields let a caller build its own.
type SpecError struct {
	Kind ErrorKind
	// Field names the offending field ("minute", "hour", "day of month",
	// "month", "day of week"), or is empty when the whole spec is at fault.
	Field string
	// Value is the offending text, shortened to at most 40 bytes.
	Value string
	// Min and Max bound the field's values when Kind is KindRange.
	Min, Max int
	// Len is the spec's length in bytes when Kind is KindTooLong.
	Len int
	// Err is the underlying error from the cron library or time zone
	// database, if any.
	Err error
}

// Error returns a one-line description of the problem.
func (e *SpecError) Error() string {
	switch e.Kind {
	case KindTooLong:
		return fmt.Sprintf("schedule is too long (%d bytes, the limit is %d)", e.Len, MaxSpecLen)
	case KindRange:
		return fmt.Sprintf("%s %q is out of range (allowed %d-%d)", e.Field, e.Value, e.Min, e.Max)
	case KindTimeZone:
		return fmt.Sprintf("unknown time zone %q", e.Value)
	case KindUnsupported:
		return fmt.Sprintf("%q is not supported because intervals drift across restarts; use a cron expression such as \"*/30 * * * *\"", e.Value)
	case KindNever:
		return "schedule never fires: no date matches its day and month"
	}
	switch {
	case e.Field != "":
		return fmt.Sprintf("%s %q is not valid: use numbers, names, *, lists (1,5), ranges (1-5) and steps (*/2)", e.Field, e.Value)
	case e.Value == "":
		return "schedule is empty: write five fields like \"0 9 * * 1\" or a descriptor like @daily"
	case strings.HasPrefix(e.Value, "@"):
		return fmt.Sprintf("unknown descriptor %q: use @yearly, @monthly, @weekly, @daily or @hourly", e.Value)
	}
	return fmt.Sprintf("%q is not a schedule: write five fields (minute hour day-of-month month day-of-week) like \"0 9 * * 1\"", e.Value)
}

// Unwrap returns the underlying error, if any.
func (e *SpecError) Unwrap() error { return e.Err }

// field describes one of the five cron fields.
type field struct {
	name     string
	min, max int
	option   cron.ParseOption
}

// cronFields returns the five fields in spec order.
func cronFields() [5]field {
	return [5]field{
		{"minute", 0, 59, cron.Minute},
		{"hour", 0, 23, cron.Hour},
		{"day of month", 1, 31, cron.Dom},
		{"month", 1, 12, cron.Month},
		{"day of week", 0, 6, cron.Dow},
	}
}

// descriptor reports whether d is an accepted descriptor and whether it is a
// wildcard job in the cronie sense (@hourly has a '*' hour).
func descriptor(d string) (wild, ok bool) {
	switch d {
	case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight":
		return false, true
	case "@hourly":
		return true, true
	}
	return false, false
}

// Parse reads a cron spec: five fields ("30 9 * * 1-5") or a descriptor
// ("@weekly"), evaluated in loc (UTC when nil) unless the spec starts with
// CRON_TZ=Area/City or TZ=Area/City. Six fields add a leading seconds field
// ("*/5 * * * * *"), for tests and operators who need it. Errors are
// *[SpecError].
func Parse(spec string, loc *time.Location) (Schedule, error) {
	if len(spec) > MaxSpecLen {
		return nil, &SpecError{Kind: KindTooLong, Len: len(spec)}
	}
	if loc == nil {
		loc = time.UTC
	}
	rest := strings.TrimSpace(spec)
	zone := ""
	for _, prefix := range []string{"CRON_TZ=", "TZ="} {
		if after, ok := strings.CutPrefix(rest, prefix); ok {
			i := strings.IndexFunc(after, unicode.IsSpace)
			if i < 0 {
				return nil, &SpecError{Kind: KindSyntax, Value: short(spec)}
			}
			zone, rest = after[:i], strings.TrimSpace(after[i:])
			l, err := loadZone(zone)
			if err != nil {
				return nil, err
			}
			loc = l
			break
		}
	}
	if rest == "" {
		return nil, &SpecError{Kind: KindSyntax} // blank
	}

	var wild, withSeconds bool
	if strings.HasPrefix(rest, "@") {
		if strings.HasPrefix(rest, "@every") {
			return nil, &SpecError{Kind: KindUnsupported, Value: short(rest)}
		}
		w, ok := descriptor(strings.ToLower(rest))
		if !ok {
			return nil, &SpecError{Kind: KindSyntax, Value: short(rest)}
		}
		wild, rest = w, strings.ToLower(rest)
	} else {
		f := strings.Fields(rest)
		fields := cronFields()
		withSeconds = len(f) == len(fields)+1
		if withSeconds {
			if err := checkField(field{"second", 0, 59, cron.Second}, f[0]); err != nil {
				return nil, err
			}
			f = f[1:]
		}
		if len(f) != len(fields) {
			return nil, &SpecError{Kind: KindSyntax, Value: short(rest)}
		}
		for i, text := range f {
			if err := checkField(fields[i], text); err != nil {
				return nil, err
			}
		}
		rest = strings.Join(strings.Fields(rest), " ")
		wild = isStar(f[0]) || isStar(f[1])
	}

	parse := cron.ParseStandard
	if withSeconds {
		parse = cron.NewParser(cron.Second | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow).Parse
	}
	parsed, err := parse(rest)
	if err != nil {
		// checkField has vetted every field; this is a safety net.
		return nil, &SpecError{Kind: KindSyntax, Value: short(rest), Err: err}
	}
	spec6, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return nil, &SpecError{Kind: KindUnsupported, Value: short(rest)}
	}
	if neverFires(spec6) {
		return nil, &SpecError{Kind: KindNever, Value: short(rest)}
	}
	wall := *spec6
	wall.Location = time.UTC
	text := rest
	if zone != "" {
		text = "CRON_TZ=" + zone + " " + rest
	}
	return &cronSchedule{text: text, wall: wall, loc: loc, wild: wild, seconds: withSeconds}, nil
}

// isStar reports whether a field starts with '*' (or its synonym '?'),
// which makes a job a wildcard job for daylight saving purposes.
func isStar(f string) bool { return f[0] == '*' || f[0] == '?' }

// loadZone loads a zone named in a CRON_TZ= prefix. "Local" is refused: it
// would make a stored schedule depend on the server's configuration.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, &SpecError{Kind: KindTimeZone, Value: short(name)}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &SpecError{Kind: KindTimeZone, Value: short(name), Err: err}
	}
	return loc, nil
}

// checkField validates one field with the library's own parser, configured
// for that field alone, so that the error can name the field.
func checkField(f field, text string) error {
	for _, r := range text {
		ok := r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' ||
			r == '*' || r == '?' || r == ',' || r == '-' || r == '/'
		if !ok {
			return &SpecError{Kind: KindSyntax, Field: f.name, Value: short(text)}
		}
	}
	if _, err := cron.NewParser(f.option).Parse(text); err != nil {
		e := &SpecError{Kind: KindSyntax, Field: f.name, Value: short(text), Err: err}
		// The library's range messages (v3.0.1 getRange): "... above maximum
		// (23): 25", "... below minimum (1): 0".
		if msg := err.Error(); strings.Contains(msg, "above maximum") || strings.Contains(msg, "below minimum") {
			e.Kind, e.Min, e.Max = KindRange, f.min, f.max
		}
		return e
	}
	return nil
}

// neverFires reports whether no date can match s: a day-of-month list that
// no selected month has (the 31st of April), with day-of-week left as '*'.
func neverFires(s *cron.SpecSchedule) bool {
	const star = 1 << 63
	if s.Dom&star != 0 || s.Dow&star == 0 {
		// '*' day of month matches every month; with both fields restricted
		// either one may match, and every month has every weekday.
		return false
	}
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	for m := 1; m <= 12; m++ {
		if s.Month&(1<<m) == 0 {
			continue
		}
		for d := 1; d <= days[m]; d++ {
			if s.Dom&(1<<d) != 0 {
				return false
			}
		}
	}
	return true
}

// short returns s cut to at most 40 bytes, for error messages.
func short(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// cronSchedule is a parsed spec. wall is the library's schedule moved to
// UTC, where it matches wall-clock fields without any daylight saving
// effects; Next maps those wall times onto instants in loc.
type cronSchedule struct {
	text    string
	wall    cron.SpecSchedule
	loc     *time.Location
	wild    bool
	seconds bool // a six-field spec: matches fall on whole seconds, not minutes
}

// String returns the normalised spec, with its CRON_TZ= prefix if it had one.
func (s *cronSchedule) String() string { return s.text }

// maxZoneSpan bounds the search, like the library's own five-year limit.
const maxZoneSpan = 6 * 366 * 24 * time.Hour

// Next returns the first firing strictly after after, in the schedule's
// time zone, applying the daylight saving rules in the package comment.
//
// Between two transitions a zone has a constant UTC offset, so there wall
// time and instant differ by that offset and the library's UTC schedule
// finds the matches. Next walks from one such stretch to the next. At a
// forward jump (a gap), a fixed-time job with a match inside the skipped
// wall times fires at the jump; after a backward jump (an overlap), a
// fixed-time job ignores the repeated wall times it has already passed.
func (s *cronSchedule) Next(after time.Time) time.Time {
	start := after.Truncate(time.Second).Add(time.Second) // first candidate, inclusive
	limit := start.Add(maxZoneSpan)
	for start.Before(limit) {
		local := start.In(s.loc)
		_, off := local.Zone()
		zoneStart, zoneEnd := zoneBounds(local)
		lo := wallTime(start, off)
		if !s.wild && !zoneStart.IsZero() {
			_, prevOff := zoneStart.Add(-time.Nanosecond).In(s.loc).Zone()
			switch {
			case prevOff < off && start.Equal(zoneStart):
				// Just after a gap: wall times [zoneStart+prevOff, zoneStart+off) never happened.
				gapFrom, gapTo := wallTime(zoneStart, prevOff), wallTime(zoneStart, off)
				if w := s.wall.Next(gapFrom.Add(-time.Nanosecond)); !w.IsZero() && w.Before(gapTo) {
					return local
				}
			case prevOff > off:
				// In an overlap: wall times before zoneStart+prevOff were seen in the previous zone.
				if seen := wallTime(zoneStart, prevOff); lo.Before(seen) {
					lo = seen
				}
			}
		}
		// Matches fall on whole wall-clock minutes; starting the library on
		// one spares it a second-by-second walk.
		if m := lo.Truncate(time.Minute); !m.Equal(lo) && !s.seconds {
			lo = m.Add(time.Minute)
		}
		w := s.wall.Next(lo.Add(-time.Nanosecond)) // first wall match at or after lo
		if w.IsZero() {
			return time.Time{}
		}
		at := time.Unix(w.Unix()-int64(off), 0).In(s.loc)
		if zoneEnd.IsZero() || at.Before(zoneEnd) {
			return at
		}
		start = zoneEnd
	}
	return time.Time{}
}

// zoneBounds is t.ZoneBounds, corrected for go.dev/issue/81583: on the last
// UTC day of a leap year served by a zone's TZ rule (after its last listed
// transition, 2037 for most zones) the end comes a day early, before t.
// The offset in force then lasts until the year ends, at the next midnight
// UTC.
func zoneBounds(t time.Time) (start, end time.Time) {
	start, end = t.ZoneBounds()
	if !end.IsZero() && !end.After(t) {
		end = t.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour).In(t.Location())
	}
	if !end.IsZero() && !end.After(t) { // never expected; guarantees progress
		end = t.Add(time.Second)
	}
	return start, end
}

// wallTime returns the wall clock reading of t at UTC offset off, expressed
// as a UTC time.
func wallTime(t time.Time, off int) time.Time {
	return time.Unix(t.Unix()+int64(off), 0).UTC()
}

// Preview returns the next n firings of s after from (fewer if the schedule
// ends).
func Preview(s Schedule, from time.Time, n int) []time.Time {
	var out []time.Time
	for t := from; len(out) < n; {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}
