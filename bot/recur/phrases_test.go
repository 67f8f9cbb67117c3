package recur

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/phrases.md")

// phrase is one row of the table in testdata/phrases.md.
type phrase struct {
	text, lang, now string
}

// Fixed "now" times: a Monday in late autumn, and the days before the two
// clock changes of 2027 in Europe/Stockholm (28 March, 31 October).
const (
	autumn = "2026-11-30 10:00"
	spring = "2027-03-27 12:00"
	fall   = "2027-10-30 12:00"
)

func phrases() []phrase {
	return []phrase{
		{"varje dag kl 7", "sv", autumn},
		{"every day at 7am", "en", autumn},
		{"dagligen kl. 09:30", "sv", autumn},
		{"vardagar kl 8", "sv", autumn},
		{"every weekday at noon", "en", autumn},
		{"mån-fre kl 08:15", "sv", autumn},
		{"helger kl 10", "sv", autumn},
		{"weekends at 10:30", "en", autumn},
		{"varje måndag kl 9", "sv", autumn},
		{"every Monday at 9am", "en", autumn},
		{"måndagar 18.30", "sv", autumn},
		{"on Mondays at 6 pm", "en", autumn},
		{"varje måndag", "sv", autumn},
		{"varje fredag 18", "sv", autumn},
		{"måndag och torsdag kl 9", "sv", autumn},
		{"Monday and Thursday at 09:00", "en", autumn},
		{"mån, ons och fre kl 12", "sv", autumn},
		{"Mon, Wed and Fri at lunch", "en", autumn},
		{"varannan tisdag kl 18", "sv", autumn},
		{"every other Tuesday at 6pm", "en", autumn},
		{"varannan tisdag från 8 december kl 18", "sv", autumn},
		{"every other Tuesday starting 8 December at 18:00", "en", autumn},
		{"every second Friday at 16:00", "en", autumn},
		{"varannan vecka på måndag och torsdag kl 9", "sv", autumn},
		{"varannan dag kl 7", "sv", autumn},
		{"första tisdagen i månaden kl 18.30", "sv", autumn},
		{"the first Tuesday of the month at 6:30pm", "en", autumn},
		{"andra tisdagen i månaden kl 18", "sv", autumn},
		{"the third Wednesday of every month at 19:00", "en", autumn},
		{"sista fredagen i månaden kl 16", "sv", autumn},
		{"the last Friday of the month at 4pm", "en", autumn},
		{"första och tredje torsdagen i månaden kl 18", "sv", autumn},
		{"den 15:e varje månad kl 12", "sv", autumn},
		{"the 15th of every month at noon", "en", autumn},
		{"den 1:a och 15:e varje månad kl 9", "sv", autumn},
		{"every other month on the 1st at 10", "en", autumn},
		{"sista dagen i månaden kl 23:59", "sv", autumn},
		{"sista vardagen i månaden kl 15", "sv", autumn},
		{"the last weekday of the month at 3pm", "en", autumn},
		{"varje år den 1 maj kl 10", "sv", autumn},
		{"1 maj varje år kl 10", "sv", autumn},
		{"every year on 1 May at 10am", "en", autumn},
		{"every year on December 24 at 15:00", "en", autumn},
		{"0 9 * * 1-5", "sv", autumn},
		{"@weekly", "en", autumn},
		{"*/15 9-17 * * 1-5", "en", autumn},
		{"varje dag kl 02:30", "sv", spring},
		{"every Sunday at 2:30 am", "en", spring},
		{"sista söndagen i månaden kl 02:30", "sv", spring},
		{"varannan söndag kl 2.30 från 28 mars 2027", "sv", spring},
		{"every day at 02:30", "en", fall},
		{"varje söndag kl 02:30", "sv", fall},
		{"the last Sunday of the month at 2:30am", "en", fall},
		{"every other Sunday at 02:00", "en", fall},
		{"30 2 * * *", "sv", fall},
	}
}

func stockholm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// next returns the first n firings after from, as "Mon 2026-12-07 09:00 CET".
func next(r Rule, from time.Time, n int) []string {
	var out []string
	for t := from; len(out) < n; {
		if t = r.Next(t); t.IsZero() {
			break
		}
		out = append(out, t.In(r.Location()).Format("Mon 2006-01-02 15:04 MST"))
	}
	return out
}

// TestPhrases renders every phrase as a Markdown table row and compares the
// table with testdata/phrases.md; `go test -run TestPhrases -update`
// rewrites the file after a deliberate change.
func TestPhrases(t *testing.T) {
	loc := stockholm(t)
	var b strings.Builder
	b.WriteString("| Phrase | Now (Europe/Stockholm) | In words | Next three firings |\n|---|---|---|---|\n")
	for _, p := range phrases() {
		now := at(t, loc, p.now)
		r, err := Parse(p.text, loc, now)
		if err != nil {
			t.Errorf("Parse(%q): %v", p.text, err)
			continue
		}
		fires := next(r, now, 3)
		if len(fires) != 3 {
			t.Errorf("%q: %d firings", p.text, len(fires))
		}
		fmt.Fprintf(&b, "| `%s` | %s %s | %s | %s |\n", p.text, now.Format("Mon"), p.now, r.Summary(p.lang), strings.Join(fires, "; "))
	}
	got := b.String()
	const golden = "testdata/phrases.md"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the table differs from %s (run with -update after checking):\n%s", golden, got)
	}
	if testing.Verbose() {
		t.Log("\n" + got)
	}
}

// TestClockChanges pins the two 2027 clock-change days by hand: a time in
// the skipped hour fires once at 03:00 CEST, a time in the repeated hour
// once, the first time, for rules cron expresses and rules it cannot.
func TestClockChanges(t *testing.T) {
	loc := stockholm(t)
	tests := []struct {
		phrase, now string
		want        []string
	}{
		{"varje dag kl 02:30", spring, []string{"Sun 2027-03-28 03:00 CEST", "Mon 2027-03-29 02:30 CEST"}},
		{"varannan söndag kl 02:30 från 28 mars 2027", spring, []string{"Sun 2027-03-28 03:00 CEST", "Sun 2027-04-11 02:30 CEST"}},
		{"sista söndagen i månaden kl 02:30", spring, []string{"Sun 2027-03-28 03:00 CEST", "Sun 2027-04-25 02:30 CEST"}},
		{"last weekday of the month at 2:30", "2027-03-30 12:00", []string{"Wed 2027-03-31 02:30 CEST", "Fri 2027-04-30 02:30 CEST"}},
		{"every day at 02:30", fall, []string{"Sun 2027-10-31 02:30 CEST", "Mon 2027-11-01 02:30 CET"}},
		{"every other Sunday at 2:30am", fall, []string{"Sun 2027-10-31 02:30 CEST", "Sun 2027-11-14 02:30 CET"}},
		{"sista söndagen i månaden kl 02:00", fall, []string{"Sun 2027-10-31 02:00 CEST", "Sun 2027-11-28 02:00 CET"}},
		{"varannan söndag kl 02:00", fall, []string{"Sun 2027-10-31 02:00 CEST", "Sun 2027-11-14 02:00 CET"}},
	}
	for _, tt := range tests {
		r, err := Parse(tt.phrase, loc, at(t, loc, tt.now))
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.phrase, err)
		}
		if got := next(r, at(t, loc, tt.now), 2); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: got %v, want %v", tt.phrase, got, tt.want)
		}
	}
}

// TestOnceADay walks 2027 and checks that rules cron cannot express fire at
// most once on any day, at their time or at 03:00 on 28 March.
func TestOnceADay(t *testing.T) {
	loc := stockholm(t)
	from := at(t, loc, "2027-01-01 00:00")
	for _, phrase := range []string{"varannan dag kl 02:30", "varannan söndag kl 02:30", "sista söndagen i månaden kl 02:30",
		"sista dagen i månaden kl 2:30", "sista vardagen i månaden kl 02:30", "every Sunday from 1 March 2027 at 2:30"} {
		r, err := Parse(phrase, loc, from)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for t0 := r.Next(from); t0.Year() == 2027; t0 = r.Next(t0) {
			day, clock := t0.Format(time.DateOnly), t0.Format("15:04")
			if seen[day] {
				t.Errorf("%q fires twice on %s", phrase, day)
			}
			seen[day] = true
			if clock != "02:30" && !(day == "2027-03-28" && clock == "03:00") {
				t.Errorf("%q fires at %v", phrase, t0)
			}
		}
		if len(seen) < 12 {
			t.Errorf("%q fired on %d days of 2027", phrase, len(seen))
		}
	}
}

// TestRoundTrip stores every phrase's rule with Spec and loads it back.
func TestRoundTrip(t *testing.T) {
	loc := stockholm(t)
	for _, p := range phrases() {
		now := at(t, loc, p.now)
		r, err := Parse(p.text, loc, now)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Load(r.Spec(), loc)
		if err != nil {
			t.Errorf("Load(%q): %v", r.Spec(), err)
			continue
		}
		if back.Spec() != r.Spec() || back.Summary("sv") != r.Summary("sv") {
			t.Errorf("%q: stored %q, loaded %q (%s)", p.text, r.Spec(), back.Spec(), back.Summary("sv"))
		}
		if a, b := next(r, now, 10), next(back, now, 10); strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%q: firings %v after loading, want %v", p.text, b, a)
		}
	}
}

// TestLoadCron checks that cron specs stored before words existed load
// unchanged.
func TestLoadCron(t *testing.T) {
	loc := stockholm(t)
	for _, spec := range []string{"0 9 * * 1", "30 18 * * 1-5", "@weekly", "CRON_TZ=America/New_York 0 9 * * *", "*/5 * * * * *"} {
		r, err := Load(spec, loc)
		if err != nil {
			t.Fatal(err)
		}
		if r.Spec() != spec || !r.IsCron() {
			t.Errorf("Load(%q).Spec() = %q", spec, r.Spec())
		}
	}
	for _, bad := range []string{"", "0 9 * *", "RRULE:FREQ=WEEKLY;BYHOUR=9;BYMINUTE=0", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=0",
		"RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9;BYMINUTE=0", "RRULE:FREQ=DAILY;BYHOUR=24;BYMINUTE=0", "DTSTART:x RRULE:FREQ=DAILY;BYHOUR=9;BYMINUTE=0"} {
		if _, err := Load(bad, loc); err == nil {
			t.Errorf("Load(%q) succeeded", bad)
		}
	}
}
