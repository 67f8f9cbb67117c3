package scheduler

import (
	"slices"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
)

func TestDSTStockholm(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	spring, fall := date(stockholm, 2027, 3, 28), date(stockholm, 2027, 10, 31)
	tests := []struct {
		spec string
		day  time.Time
		want []string // nil: only count is checked
		n    int
	}{
		// Fixed time in the skipped hour: once, right after the jump.
		{"30 2 * * *", spring, []string{"03:00 CEST"}, 1},
		// Fixed time in the repeated hour: once, the first time.
		{"30 2 * * *", fall, []string{"02:30 CEST"}, 1},
		{"0 2 * * *", spring, []string{"03:00 CEST"}, 1},
		{"0 2 * * *", fall, []string{"02:00 CEST"}, 1},
		// Several skipped times collapse into one firing, shared with 03:00.
		{"0,30 2,3 * * *", spring, []string{"03:00 CEST", "03:30 CEST"}, 2},
		{"0,30 2,3 * * *", fall, []string{"02:00 CEST", "02:30 CEST", "03:00 CET", "03:30 CET"}, 4},
		// Neighbours are unaffected.
		{"30 1 * * *", spring, []string{"01:30 CET"}, 1},
		{"30 1 * * *", fall, []string{"01:30 CEST"}, 1},
		{"30 3 * * *", spring, []string{"03:30 CEST"}, 1},
		{"30 3 * * *", fall, []string{"03:30 CET"}, 1},
		{"59 1 * * *", spring, []string{"01:59 CET"}, 1},
		{"0 3 * * *", fall, []string{"03:00 CET"}, 1},
		// Wildcard jobs follow elapsed time.
		{"0 * * * *", spring, nil, 23},
		{"0 * * * *", fall, nil, 25},
		{"@hourly", spring, nil, 23},
		{"@hourly", fall, nil, 25},
		{"*/15 * * * *", spring, nil, 92},
		{"*/15 * * * *", fall, nil, 100},
		{"* 2 * * *", spring, nil, 0},
		{"* 2 * * *", fall, nil, 120},
		{"15 */2 * * *", fall, []string{"00:15 CEST", "02:15 CEST", "02:15 CET", "04:15 CET", "06:15 CET", "08:15 CET",
			"10:15 CET", "12:15 CET", "14:15 CET", "16:15 CET", "18:15 CET", "20:15 CET", "22:15 CET"}, 13},
		// Daily jobs on a Sunday-only schedule.
		{"30 2 * * 0", spring, []string{"03:00 CEST"}, 1},
		{"30 2 * * sun", fall, []string{"02:30 CEST"}, 1},
	}
	for _, tt := range tests {
		s, err := Parse(tt.spec, stockholm)
		if err != nil {
			t.Fatal(err)
		}
		got := firingsOn(s, tt.day)
		if len(got) != tt.n || tt.want != nil && !slices.Equal(got, tt.want) {
			t.Errorf("%q on %s: %d firings %v, want %d %v", tt.spec, tt.day.Format(time.DateOnly), len(got), got, tt.n, tt.want)
		}
	}
}

// TestDSTSequence checks that consecutive Next calls across both 2027
// transitions fire a daily 02:30 job exactly once a day.
func TestDSTSequence(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	s, err := Parse("30 2 * * *", stockholm)
	if err != nil {
		t.Fatal(err)
	}
	from := date(stockholm, 2027, 1, 1)
	days := map[string]int{}
	for _, at := range Preview(s, from, 365) {
		days[at.Format(time.DateOnly)]++
		if at.Format("15:04") != "02:30" && at.Format(time.DateOnly) != "2027-03-28" {
			t.Errorf("firing at %v", at)
		}
	}
	if len(days) != 365 {
		t.Errorf("fired on %d days, want 365", len(days))
	}
	for d, n := range days {
		if n != 1 {
			t.Errorf("%s: %d firings", d, n)
		}
	}
}

func TestCronTZNewYork(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	newYork := mustLoad(t, "America/New_York")
	s, err := Parse("CRON_TZ=America/New_York 0 9 * * *", stockholm)
	if err != nil {
		t.Fatal(err)
	}
	// 2027: the US changes on March 14 and November 7, Europe on March 28
	// and October 31; in between New York is only 5 hours behind.
	from := date(stockholm, 2027, 1, 1)
	all := Preview(s, from, 365)
	for _, at := range all {
		if local := at.In(newYork); local.Hour() != 9 || local.Minute() != 0 {
			t.Fatalf("firing at %v (%v in New York)", at, local)
		}
	}
	want := map[string]string{
		"2027-03-13": "15:00 CET",  // both on standard time
		"2027-03-15": "14:00 CET",  // US summer time, Europe not yet
		"2027-03-29": "15:00 CEST", // both on summer time
		"2027-11-01": "14:00 CET",  // Europe back, US not yet
		"2027-11-08": "15:00 CET",
	}
	for _, at := range all {
		local := at.In(stockholm)
		if w, ok := want[local.Format(time.DateOnly)]; ok {
			if got := local.Format("15:04 MST"); got != w {
				t.Errorf("%s: fires %s in Stockholm, want %s", local.Format(time.DateOnly), got, w)
			}
			delete(want, local.Format(time.DateOnly))
		}
	}
	if len(want) != 0 {
		t.Errorf("no firing on %v", want)
	}
}

// TestDSTOtherZones covers zones with unusual transitions.
func TestDSTOtherZones(t *testing.T) {
	tests := []struct {
		zone, spec string
		y          int
		m          time.Month
		d          int
		want       []string
	}{
		// Brazil 2018: midnight did not exist on November 4.
		{"America/Sao_Paulo", "0 0 * * *", 2018, 11, 4, []string{"01:00 -02"}},
		{"America/Sao_Paulo", "30 0 * * *", 2018, 11, 4, []string{"01:00 -02"}},
		// Lord Howe Island moves its clocks by 30 minutes.
		{"Australia/Lord_Howe", "15 2 * * *", 2027, 10, 3, []string{"02:30 +11"}},
		{"Australia/Lord_Howe", "45 1 * * *", 2027, 4, 4, []string{"01:45 +11"}},
		{"Australia/Lord_Howe", "0 * * * *", 2027, 4, 4, []string{"00:00 +11", "01:00 +11", "02:00 +1030", "03:00 +1030",
			"04:00 +1030", "05:00 +1030", "06:00 +1030", "07:00 +1030", "08:00 +1030", "09:00 +1030", "10:00 +1030", "11:00 +1030",
			"12:00 +1030", "13:00 +1030", "14:00 +1030", "15:00 +1030", "16:00 +1030", "17:00 +1030", "18:00 +1030", "19:00 +1030",
			"20:00 +1030", "21:00 +1030", "22:00 +1030", "23:00 +1030"}},
		// Samoa skipped December 30, 2011 entirely.
		{"Pacific/Apia", "0 9 * * *", 2011, 12, 29, []string{"09:00 -10"}},
		{"Pacific/Apia", "0 9 * * *", 2011, 12, 31, []string{"00:00 +14", "09:00 +14"}},
		// New York, fall back at 02:00 to 01:00.
		{"America/New_York", "30 1 * * *", 2027, 11, 7, []string{"01:30 EDT"}},
		{"America/New_York", "30 1 * * *", 2027, 3, 14, []string{"01:30 EST"}},
		{"America/New_York", "30 2 * * *", 2027, 3, 14, []string{"03:00 EDT"}},
	}
	for _, tt := range tests {
		loc := mustLoad(t, tt.zone)
		s, err := Parse(tt.spec, loc)
		if err != nil {
			t.Fatal(err)
		}
		if got := firingsOn(s, date(loc, tt.y, tt.m, tt.d)); !slices.Equal(got, tt.want) {
			t.Errorf("%s %q on %d-%02d-%02d: got %v, want %v", tt.zone, tt.spec, tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

// TestDSTAgainstReference compares Next with a brute-force rendering of the
// rules around real transitions in several zones: walk every wall-clock
// minute, and for each that matches the spec find the instants that show
// it; a wildcard job fires at each, a fixed job at the first, or at the end
// of the gap when there is none.
func TestDSTAgainstReference(t *testing.T) {
	zones := []string{"Europe/Stockholm", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo",
		"Pacific/Apia", "Asia/Kathmandu", "UTC", "Africa/Casablanca", "America/Santiago"}
	specs := []string{"30 2 * * *", "0 2 * * *", "0 * * * *", "*/15 * * * *", "0 0 * * *", "59 23 * * *",
		"0,30 1-3 * * *", "* 2 * * *", "15 */2 * * *", "0 2 * * 0", "30 1 * * *", "45 0 * * *", "0 3 * * *",
		"5 1,2 * * *", "0 9 * * *", "30 0-4 * * *", "*/20 0-3 * * *", "@daily", "@hourly"}
	for _, zone := range zones {
		loc := mustLoad(t, zone)
		windows := append(transitions(loc, time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), 4),
			transitions(loc, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC), 4)...)
		windows = append(windows, transitions(loc, time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2042, 1, 1, 0, 0, 0, 0, time.UTC), 4)...)
		if len(windows) == 0 { // no DST: take an ordinary week
			windows = []time.Time{time.Date(2027, 3, 28, 0, 0, 0, 0, time.UTC)}
		}
		for _, spec := range specs {
			s, err := Parse(spec, loc)
			if err != nil {
				t.Fatal(err)
			}
			cs := s.(*cronSchedule)
			for _, tr := range windows {
				from, to := tr.Add(-30*time.Hour), tr.Add(30*time.Hour)
				want := reference(cs, from, to)
				var got []time.Time
				for at := s.Next(from); !at.IsZero() && !at.After(to); at = s.Next(at) {
					got = append(got, at)
				}
				if !slices.EqualFunc(got, want, time.Time.Equal) {
					t.Errorf("%s %q around %v:\n got %v\nwant %v", zone, spec, tr.In(loc), fmtTimes(got, loc), fmtTimes(want, loc))
				}
			}
		}
	}
}

// transitions returns up to n offset changes of loc in [from, to).
func transitions(loc *time.Location, from, to time.Time, n int) []time.Time {
	var out []time.Time
	_, prev := from.In(loc).Zone()
	for t := from; t.Before(to) && len(out) < n; {
		_, end := zoneBounds(t.In(loc))
		if end.IsZero() {
			break
		}
		if _, off := end.In(loc).Zone(); off != prev {
			out = append(out, end)
			prev = off
		}
		t = end
	}
	return out
}

// reference lists the firings of s in (from, to] by brute force.
func reference(s *cronSchedule, from, to time.Time) []time.Time {
	// Offsets in force around the window, sampled every 15 minutes.
	offsets := map[int]bool{}
	for t := from.Add(-30 * time.Hour); t.Before(to.Add(30 * time.Hour)); t = t.Add(15 * time.Minute) {
		_, off := t.In(s.loc).Zone()
		offsets[off] = true
	}
	wall := func(t time.Time) time.Time { _, off := t.In(s.loc).Zone(); return wallTime(t, off) }
	var out []time.Time
	start, end := wall(from).Add(-26*time.Hour).Truncate(time.Minute), wall(to).Add(26*time.Hour)
	for w := start; w.Before(end); w = w.Add(time.Minute) {
		if !matches(&s.wall, w) {
			continue
		}
		var at []time.Time
		for off := range offsets {
			if t := w.Add(-time.Duration(off) * time.Second); wall(t).Equal(w) {
				at = append(at, t)
			}
		}
		slices.SortFunc(at, time.Time.Compare)
		switch {
		case s.wild:
			out = append(out, at...)
		case len(at) > 0:
			out = append(out, at[0])
		default: // in a gap: the first instant whose wall time is later
			t := w.Add(-15 * time.Hour)
			for !wall(t).After(w) {
				t = t.Add(time.Minute)
			}
			out = append(out, t)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	out = slices.CompactFunc(out, time.Time.Equal)
	return slices.DeleteFunc(out, func(t time.Time) bool { return !t.After(from) || t.After(to) })
}

// matches reports whether the wall time w (in UTC) matches s's fields,
// read from the library's bit sets with cron's day-of-month/day-of-week rule.
func matches(s *cron.SpecSchedule, w time.Time) bool {
	const star = 1 << 63
	bit := func(set uint64, v int) bool { return set&(1<<uint(v)) != 0 }
	hour, minute, sec := w.Clock()
	if sec != 0 || !bit(s.Minute, minute) || !bit(s.Hour, hour) {
		return false
	}
	_, month, day := w.Date()
	if !bit(s.Month, int(month)) {
		return false
	}
	dom, dow := bit(s.Dom, day), bit(s.Dow, int(w.Weekday()))
	if s.Dom&star != 0 || s.Dow&star != 0 {
		return dom && dow
	}
	return dom || dow
}

func fmtTimes(ts []time.Time, loc *time.Location) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(loc).Format("01-02 15:04 -0700")
	}
	return out
}

// TestNextFarFuture walks daily and hourly schedules through the years
// served by the zones' TZ rules, including leap years, where
// Time.ZoneBounds misreports the year's last day (go.dev/issue/81583).
func TestNextFarFuture(t *testing.T) {
	for _, zone := range []string{"Europe/Stockholm", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe"} {
		loc := mustLoad(t, zone)
		from := time.Date(2039, 12, 1, 0, 0, 0, 0, loc)
		to := time.Date(2045, 1, 1, 0, 0, 0, 0, loc)
		days := 0
		for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
			days++
		}
		for spec, want := range map[string]int{
			"30 2 * * *": days,                          // once a day, DST or not
			"0 * * * *":  int(to.Sub(from) / time.Hour), // every real hour...
		} {
			if zone == "Australia/Lord_Howe" && spec == "0 * * * *" {
				want -= 5 // ...but 02:00 falls in the half-hour gap each October
			}
			s, err := Parse(spec, loc)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for at := s.Next(from.Add(-time.Second)); at.Before(to); at = s.Next(at) {
				if at.IsZero() {
					t.Fatalf("%s %q: no firing after %v", zone, spec, from)
				}
				n++
			}
			if n != want {
				t.Errorf("%s %q: %d firings, want %d", zone, spec, n, want)
			}
		}
	}
}
