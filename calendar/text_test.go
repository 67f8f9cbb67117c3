package calendar_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"passionbot/storage"
)

// Text that members type: folding, escaping and attempts to inject lines.

func TestFolding(t *testing.T) {
	loc := stockholm(t)
	// 300 characters, some of them two octets in UTF-8, few spaces.
	desc := strings.Repeat("Passionsdrivna företagare ", 11) + strings.Repeat("å", 14)
	if n := utf8.RuneCountInString(desc); n != 300 {
		t.Fatalf("description is %d characters", n)
	}
	long := strings.Repeat("x", 300) // no word boundary at all
	m := fixture(loc)[0]
	m.Description, m.Title = desc, long
	b := write(t, "", []storage.Meetup{m}, loc)
	ls := lines(t, b)
	folded := 0
	for _, l := range ls {
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded < 8 {
		t.Errorf("%d continuation lines, want at least 8 for 600 characters", folded)
	}
	ev := parse(t, b).Events()[0]
	if got := value(ev, ics.ComponentPropertyDescription); got != desc {
		t.Errorf("DESCRIPTION after unfolding = %q, want %q", got, desc)
	}
	if got := value(ev, ics.ComponentPropertySummary); got != long {
		t.Errorf("SUMMARY after unfolding = %q", got)
	}
}

func TestEscaping(t *testing.T) {
	loc := stockholm(t)
	for _, c := range []struct {
		in, raw, back string
	}{
		{"a,b", `a\,b`, "a,b"},
		{"a;b", `a\;b`, "a;b"},
		{`a\b`, `a\\b`, `a\b`},
		{`a\nb`, `a\\nb`, `a\nb`},
		{"a\nb", `a\nb`, "a\nb"},
		{"a\r\nb", `a\nb`, "a\nb"},
		{"a\rb", `a\nb`, "a\nb"},
		{`kl: 18; pris, 50 kr \ "gratis"`, `kl: 18\; pris\, 50 kr \\ "gratis"`, `kl: 18; pris, 50 kr \ "gratis"`},
		{"a\x00b\x1bc\x7fd\te", "abcd\te", "abcd\te"},
		{"bad \xff utf-8", "bad \uFFFD utf-8", "bad \uFFFD utf-8"},
	} {
		m := fixture(loc)[0]
		m.Description = c.in
		b := write(t, "", []storage.Meetup{m}, loc)
		if !bytes.Contains(b, []byte("\r\nDESCRIPTION:"+c.raw+"\r\n")) {
			t.Errorf("%q: want DESCRIPTION:%s in\n%s", c.in, c.raw, b)
		}
		if got := value(parse(t, b).Events()[0], ics.ComponentPropertyDescription); got != c.back {
			t.Errorf("%q parses back as %q, want %q", c.in, got, c.back)
		}
	}
}

func TestInjection(t *testing.T) {
	loc := stockholm(t)
	payloads := []string{
		"x\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:evil\r\nEND:VEVENT",
		"x\rBEGIN:VEVENT\rUID:evil\rEND:VEVENT",
		"x\nBEGIN:VEVENT\nUID:evil\nEND:VEVENT",
		"x\r\n BEGIN:VEVENT",
		"x\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
		"x\u0085BEGIN:VEVENT\u2028UID:evil",
	}
	fields := map[string]func(m *storage.Meetup, name *string, p string){
		"title":       func(m *storage.Meetup, _ *string, p string) { m.Title = p },
		"description": func(m *storage.Meetup, _ *string, p string) { m.Description = p },
		"location":    func(m *storage.Meetup, _ *string, p string) { m.Location = p },
		"uid":         func(m *storage.Meetup, _ *string, p string) { m.UID = p },
		"name":        func(_ *storage.Meetup, n *string, p string) { *n = p },
	}
	for field, set := range fields {
		for _, p := range payloads {
			m := fixture(loc)[0]
			name := "Passionbot"
			set(&m, &name, p)
			b := write(t, name, []storage.Meetup{m}, loc)
			ls := lines(t, b)
			counts := map[string]int{}
			for _, l := range ls {
				for _, w := range []string{"BEGIN:", "END:", "UID:", "SUMMARY:"} {
					if strings.HasPrefix(l, w) {
						counts[l[:len(w)]+strings.SplitN(l[len(w):], ":", 2)[0]]++
					}
				}
			}
			if counts["BEGIN:VEVENT"] != 1 || counts["END:VCALENDAR"] != 1 || counts["BEGIN:VCALENDAR"] != 1 {
				t.Errorf("%s %q created components: %v\n%s", field, p, counts, b)
			}
			for _, l := range ls {
				if strings.HasPrefix(l, "UID:evil") || strings.HasPrefix(l, "SUMMARY:evil") {
					t.Errorf("%s %q created a property line %q", field, p, l)
				}
			}
			cal := parse(t, b)
			if evs := cal.Events(); len(evs) != 1 {
				t.Errorf("%s %q parses to %d events", field, p, len(evs))
			} else if field != "uid" && evs[0].Id() != m.UID {
				t.Errorf("%s %q: UID became %q", field, p, evs[0].Id())
			}
		}
	}
}
