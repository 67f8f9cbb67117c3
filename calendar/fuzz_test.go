package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"passionbot/storage"
)

// FuzzWrite: whatever members type, the output is one well-formed event
// whose text reads back as the cleaned input.
func FuzzWrite(f *testing.F) {
	f.Add("Fika", "Kaffe, te; bullar\\", "Umeå", "Passionbot")
	f.Add("x\r\nBEGIN:VEVENT", "x\r\nUID:evil\r\n", "\rEND:VCALENDAR", "\n")
	f.Add(strings.Repeat("å", 200), strings.Repeat("a b ", 100), "\x00\x7f\t", "\xff\xfe")
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, title, desc, where, name string) {
		m := storage.Meetup{ID: 7, UID: "u@passionbot", Title: title, Description: desc, Location: where,
			Start: time.Date(2026, 5, 1, 18, 0, 0, 0, loc)}
		var buf bytes.Buffer
		if err := Write(&buf, name, []storage.Meetup{m}, loc, time.Unix(1e9, 0)); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if strings.ContainsAny(l, "\r\n") || len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("bad line %q", l)
			}
			if strings.HasPrefix(l, "BEGIN:VEVENT") && strings.Count(out, "\r\nBEGIN:VEVENT") != 1 {
				t.Fatalf("more than one VEVENT:\n%s", out)
			}
		}
		cal, err := ics.ParseCalendar(strings.NewReader(out))
		if err != nil {
			t.Fatalf("parse: %v\n%s", err, out)
		}
		evs := cal.Events()
		if len(evs) != 1 || evs[0].Id() != m.UID {
			t.Fatalf("want the one event back:\n%s", out)
		}
		get := func(p ics.ComponentProperty) string {
			if pr := evs[0].GetProperty(p); pr != nil {
				return pr.Value
			}
			return ""
		}
		if got, want := get(ics.ComponentPropertySummary), oneLine(title); got != want {
			t.Errorf("SUMMARY %q, want %q", got, want)
		}
		if got, want := get(ics.ComponentPropertyDescription), clean(desc); got != want {
			t.Errorf("DESCRIPTION %q, want %q", got, want)
		}
		if got, want := get(ics.ComponentPropertyLocation), clean(where); got != want {
			t.Errorf("LOCATION %q, want %q", got, want)
		}
	})
}

// FuzzRoute: a path is routed only when it is exactly one of the two feeds.
func FuzzRoute(f *testing.F) {
	for _, s := range []string{"/calendar.ics", "/calendar/abc.ics", "/calendar/.ics", "/calendar/a/b.ics", "/x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		token, personal, ok := route(path)
		switch {
		case !ok:
			if path == "/calendar.ics" {
				t.Fatalf("public feed not routed")
			}
		case personal:
			if path != "/calendar/"+token+".ics" || strings.Contains(token, "/") {
				t.Fatalf("%q routed as token %q", path, token)
			}
		default:
			if path != "/calendar.ics" || token != "" {
				t.Fatalf("%q routed as the public feed", path)
			}
		}
	})
}

func TestUTCOffset(t *testing.T) {
	for sec, want := range map[int]string{
		0: "+0000", 3600: "+0100", 7200: "+0200", -18000: "-0500", -12600: "-0330",
		19800: "+0530", 45900: "+1245", 4564: "+011604", -3600 - 75: "-010115",
	} {
		if got := utcOffset(sec); got != want {
			t.Errorf("utcOffset(%d) = %q, want %q", sec, got, want)
		}
	}
}

func TestRuleDay(t *testing.T) {
	for _, c := range []struct {
		y    int
		r    rule
		want int
	}{
		{2026, rule{month: time.March, weekday: time.Sunday, n: -1}, 29},
		{2026, rule{month: time.October, weekday: time.Sunday, n: -1}, 25},
		{2027, rule{month: time.March, weekday: time.Sunday, n: -1}, 28},
		{2026, rule{month: time.March, weekday: time.Sunday, n: 2}, 8},
		{2026, rule{month: time.November, weekday: time.Sunday, n: 1}, 1},
		{2026, rule{month: time.April, weekday: time.Sunday, n: 1}, 5},
		{2026, rule{month: time.February, weekday: time.Saturday, n: -1}, 28},
	} {
		if got := ruleDay(c.y, c.r); got != c.want {
			t.Errorf("ruleDay(%d, %+v) = %d, want %d", c.y, c.r, got, c.want)
		}
	}
}
