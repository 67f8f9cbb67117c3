package calendar_test

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"passionbot/storage"
)

// observance is a parsed STANDARD or DAYLIGHT sub-component.
type observance struct {
	dst      bool
	start    time.Time // DTSTART's wall clock, as UTC fields
	from, to int
	rrule    bool
	month    time.Month
	n        int
	weekday  time.Weekday
}

// onsets returns the instants the observance starts, up to year last.
func (o observance) onsets(last int) []time.Time {
	shift := time.Duration(o.from) * time.Second
	if !o.rrule {
		return []time.Time{o.start.Add(-shift)}
	}
	var out []time.Time
	for y := o.start.Year(); y <= last; y++ {
		// Every day of the month that is the weekday, the independent way.
		var days []int
		for d := time.Date(y, o.month, 1, 0, 0, 0, 0, time.UTC); d.Month() == o.month; d = d.AddDate(0, 0, 1) {
			if d.Weekday() == o.weekday {
				days = append(days, d.Day())
			}
		}
		day := days[len(days)-1]
		if o.n > 0 {
			day = days[o.n-1]
		}
		wall := time.Date(y, o.month, day, o.start.Hour(), o.start.Minute(), o.start.Second(), 0, time.UTC)
		if !wall.Before(o.start) {
			out = append(out, wall.Add(-shift))
		}
	}
	return out
}

func parseOffset(t *testing.T, s string) int {
	t.Helper()
	if len(s) != 5 && len(s) != 7 || s[0] != '+' && s[0] != '-' {
		t.Fatalf("bad UTC-OFFSET %q", s)
	}
	n := func(i int) int {
		v, err := strconv.Atoi(s[i : i+2])
		if err != nil {
			t.Fatalf("bad UTC-OFFSET %q", s)
		}
		return v
	}
	sec := n(1)*3600 + n(3)*60
	if len(s) == 7 {
		sec += n(5)
	}
	if s[0] == '-' {
		if sec == 0 {
			t.Fatalf("-0000 is not a valid UTC-OFFSET")
		}
		sec = -sec
	}
	return sec
}

func observances(t *testing.T, tz *ics.VTimezone) []observance {
	t.Helper()
	var out []observance
	for _, c := range tz.Components {
		var o observance
		var cb *ics.ComponentBase
		switch c := c.(type) {
		case *ics.Daylight:
			o.dst, cb = true, &c.ComponentBase
		case *ics.Standard:
			cb = &c.ComponentBase
		default:
			t.Fatalf("unexpected %T in VTIMEZONE", c)
		}
		get := func(p string) string {
			pr := cb.GetProperty(ics.ComponentProperty(p))
			if pr == nil {
				return ""
			}
			return pr.Value
		}
		var err error
		if o.start, err = time.Parse("20060102T150405", get("DTSTART")); err != nil {
			t.Fatalf("DTSTART: %v", err)
		}
		o.from, o.to = parseOffset(t, get("TZOFFSETFROM")), parseOffset(t, get("TZOFFSETTO"))
		if r := get("RRULE"); r != "" {
			o.rrule = true
			for _, part := range strings.Split(r, ";") {
				k, v, _ := strings.Cut(part, "=")
				switch k {
				case "FREQ":
					if v != "YEARLY" {
						t.Fatalf("RRULE %q", r)
					}
				case "BYMONTH":
					m, err := strconv.Atoi(v)
					if err != nil {
						t.Fatalf("RRULE %q", r)
					}
					o.month = time.Month(m)
				case "BYDAY":
					code := v[len(v)-2:]
					o.weekday = time.Weekday(strings.Index("SUMOTUWETHFRSA", code) / 2)
					if o.n, err = strconv.Atoi(v[:len(v)-2]); err != nil || o.n == 0 || o.n < -1 || o.n > 4 {
						t.Fatalf("RRULE %q", r)
					}
				default:
					t.Fatalf("unexpected RRULE part %q in %q", part, r)
				}
			}
			if o.month == 0 || o.n == 0 {
				t.Fatalf("incomplete RRULE %q", r)
			}
			if got := o.onsets(o.start.Year()); len(got) != 1 {
				t.Fatalf("DTSTART %v is not the first instance of %q", o.start, r)
			}
		}
		out = append(out, o)
	}
	return out
}

// onset is an instant an observance starts.
type onset struct {
	at     time.Time
	offset int
}

// schedule lists every onset of the observances up to year last, in order.
func schedule(obs []observance, last int) []onset {
	var out []onset
	for _, o := range obs {
		for _, at := range o.onsets(last) {
			out = append(out, onset{at, o.to})
		}
	}
	slices.SortStableFunc(out, func(a, b onset) int { return a.at.Compare(b.at) })
	return out
}

// offsetAt is the offset the schedule gives for instant at: that of the
// latest onset at or before it.
func offsetAt(sched []onset, at time.Time) (int, error) {
	i := sort.Search(len(sched), func(i int) bool { return sched[i].at.After(at) })
	if i == 0 {
		return 0, fmt.Errorf("no observance in force at %v", at)
	}
	return sched[i-1].offset, nil
}

// TestVTimezone checks, for many zones and windows, that the VTIMEZONE
// written for the window gives Go's own UTC offset at every hour of it,
// and that regular zones get the RRULE form.
func TestVTimezone(t *testing.T) {
	for _, c := range []struct {
		zone     string
		from, to string // dates of the first and last meetup
		form     string // "rrule", "list" or "fixed"
	}{
		{"Europe/Stockholm", "2026-01-10", "2027-12-20", "rrule"},
		{"Europe/Stockholm", "2026-03-29", "2026-03-29", "rrule"},
		{"Europe/Stockholm", "2026-02-01", "2090-06-01", "rrule"},
		{"Europe/London", "2026-01-10", "2027-12-20", "rrule"},
		{"Europe/Dublin", "2026-01-10", "2027-12-20", ""},
		{"America/New_York", "2026-01-10", "2028-12-20", "rrule"},
		{"America/St_Johns", "2026-01-10", "2027-12-20", "rrule"},
		{"Australia/Sydney", "2026-01-10", "2027-12-20", "rrule"},
		{"Australia/Lord_Howe", "2026-01-10", "2027-12-20", "rrule"},
		{"Pacific/Chatham", "2026-01-10", "2027-12-20", "rrule"},
		{"Asia/Tokyo", "2026-01-10", "2027-12-20", "fixed"},
		{"Asia/Kolkata", "2026-01-10", "2027-12-20", "fixed"},
		{"Etc/UTC", "2026-01-10", "2027-12-20", "fixed"},
		{"Africa/Casablanca", "2025-01-10", "2027-12-20", "list"},
		{"Europe/Moscow", "2010-06-01", "2015-06-01", "list"},
		{"America/Sao_Paulo", "2017-06-01", "2021-06-01", "list"},
		{"Europe/Stockholm", "1995-06-01", "1997-06-01", "list"}, // EU moved the autumn change in 1996
	} {
		t.Run(c.zone+"/"+c.from+"/"+c.to, func(t *testing.T) {
			loc, err := time.LoadLocation(c.zone)
			if err != nil {
				t.Fatal(err)
			}
			day := func(s string) time.Time {
				d, err := time.ParseInLocation("2006-01-02 15:04", s+" 18:00", loc)
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			lo, hi := day(c.from), day(c.to)
			ms := []storage.Meetup{
				{ID: 1, UID: "a@x", Title: "a", Start: lo},
				{ID: 2, UID: "b@x", Title: "b", Start: hi},
			}
			b := write(t, "", ms, loc)
			lines(t, b)
			tzs := parse(t, b).Timezones()
			if len(tzs) != 1 || tzs[0].GetProperty(ics.ComponentPropertyTzid).Value != c.zone {
				t.Fatalf("want one VTIMEZONE %s", c.zone)
			}
			obs := observances(t, tzs[0])
			rrules := 0
			for _, o := range obs {
				if o.rrule {
					rrules++
				}
			}
			switch {
			case c.form == "rrule" && (rrules == 0 || rrules != len(obs)),
				c.form == "list" && rrules != 0,
				c.form == "fixed" && (len(obs) != 1 || obs[0].from != obs[0].to):
				t.Errorf("want the %s form, got %d observances (%d with RRULE):\n%s", c.form, len(obs), rrules, b)
			}
			step := max(time.Hour, hi.Sub(lo)/20000)
			end := hi.Add(2 * time.Hour)
			sched := schedule(obs, hi.Year()+1)
			for at := lo.Truncate(time.Hour); !at.After(end); at = at.Add(step) {
				got, err := offsetAt(sched, at)
				if err != nil {
					t.Fatal(err)
				}
				if _, want := at.In(loc).Zone(); got != want {
					t.Fatalf("at %v the VTIMEZONE gives %+d s, Go gives %+d s", at.UTC(), got, want)
				}
			}
			// Every onset the VTIMEZONE gives in the window is a change of
			// offset in Go's data, to the second, from and to what it says.
			for _, o := range obs {
				for _, on := range o.onsets(hi.Year()) {
					if on.Before(lo.AddDate(-1, 0, 0)) || on.After(end) {
						continue
					}
					_, before := on.Add(-time.Second).In(loc).Zone()
					_, after := on.In(loc).Zone()
					if before != o.from || after != o.to {
						t.Fatalf("onset %v says %+d→%+d s, Go says %+d→%+d s", on.UTC(), o.from, o.to, before, after)
					}
				}
			}
		})
	}
}

func TestVTimezoneStockholmRules(t *testing.T) {
	loc := stockholm(t)
	b := string(write(t, "", fixture(loc), loc))
	for _, want := range []string{
		"BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n",
		"BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("want\n%s\nin\n%s", want, b)
		}
	}
}
