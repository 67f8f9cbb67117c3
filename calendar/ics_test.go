package calendar_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on any machine
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"passionbot/calendar"
	"passionbot/storage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func stockholm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// fixture returns fixed meetups: one with an end, one without, one cancelled.
func fixture(loc *time.Location) []storage.Meetup {
	created := time.Date(2026, 1, 10, 9, 30, 0, 0, time.UTC)
	return []storage.Meetup{
		{
			ID: 1, UID: "4f2a9c1e0b7d3a6e5c8f1a2b@passionbot",
			Title:       "Hantverksfika i Umeå",
			Description: "Ta med något du gjort, eller kom bara och fika.\nVi bjuder på kaffe, te och bullar; ta med en vän!",
			Location:    "Kafé Station, Storgatan 1, Umeå",
			Start:       time.Date(2026, 3, 12, 18, 0, 0, 0, loc),
			End:         time.Date(2026, 3, 12, 20, 30, 0, 0, loc),
			Sequence:    0, CreatedAt: created, UpdatedAt: created,
		},
		{
			ID: 2, UID: "9d8c7b6a5f4e3d2c1b0a9f8e@passionbot",
			Title:       "Matproducenter: nätverksträff",
			Description: strings.Repeat("Lokala råvaror, korta kedjor och samarbeten mellan producenter. ", 4),
			Location:    "Lantbrukets hus, Skellefteå",
			Start:       time.Date(2026, 6, 4, 17, 0, 0, 0, loc), // summer time; no end: 2 h
			Sequence:    3, CreatedAt: created, UpdatedAt: created.Add(48 * time.Hour),
		},
		{
			ID: 3, UID: "0123456789abcdef01234567@passionbot",
			Title:     "Inställt: hälsoföretagarnas frukost",
			Location:  `Rum 3\B`,
			Start:     time.Date(2026, 11, 20, 7, 30, 0, 0, loc),
			End:       time.Date(2026, 11, 20, 9, 0, 0, 0, loc),
			Cancelled: true, Sequence: 1, CreatedAt: created, UpdatedAt: created.Add(72 * time.Hour),
		},
	}
}

var fixedNow = time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)

func write(t testing.TB, name string, ms []storage.Meetup, loc *time.Location) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := calendar.Write(&buf, name, ms, loc, fixedNow); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func parse(t testing.TB, b []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse own output: %v\n%s", err, b)
	}
	return cal
}

func calProp(cal *ics.Calendar, name string) (string, bool) {
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == name {
			return p.Value, true
		}
	}
	return "", false
}

func value(ev *ics.VEvent, p ics.ComponentProperty) string {
	if pr := ev.GetProperty(p); pr != nil {
		return pr.Value
	}
	return ""
}

// lines splits serialised iCalendar into physical lines and checks that
// every one ends in CR LF, holds no other CR or LF, is valid UTF-8 and is at
// most 75 octets long.
func lines(t testing.TB, b []byte) []string {
	t.Helper()
	s := string(b)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("output does not end in CRLF")
	}
	ls := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	for i, l := range ls {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, over 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
	return ls
}

func TestWriteParsesBack(t *testing.T) {
	loc := stockholm(t)
	ms := fixture(loc)
	b := write(t, "Passionbot – träffar", ms, loc)
	lines(t, b)
	cal := parse(t, b)

	for name, want := range map[string]string{
		"PRODID":        "-//passionbot//passionbot//SV",
		"VERSION":       "2.0",
		"CALSCALE":      "GREGORIAN",
		"METHOD":        "PUBLISH",
		"X-WR-CALNAME":  "Passionbot – träffar",
		"X-WR-TIMEZONE": "Europe/Stockholm",
	} {
		if got, _ := calProp(cal, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if tzs := cal.Timezones(); len(tzs) != 1 || tzs[0].GetProperty(ics.ComponentPropertyTzid).Value != "Europe/Stockholm" {
		t.Errorf("want one VTIMEZONE Europe/Stockholm, got %d", len(tzs))
	}

	evs := cal.Events()
	if len(evs) != len(ms) {
		t.Fatalf("%d events, want %d", len(evs), len(ms))
	}
	for i, ev := range evs {
		m := ms[i]
		t.Run(m.UID, func(t *testing.T) {
			if got := ev.Id(); got != m.UID {
				t.Errorf("UID = %q, want %q", got, m.UID)
			}
			if got, err := ev.GetDtStampTime(); err != nil || !got.Equal(fixedNow) || value(ev, ics.ComponentPropertyDtstamp) != "20260201T080000Z" {
				t.Errorf("DTSTAMP = %v (%v), want %v in UTC", got, err, fixedNow)
			}
			wantEnd := m.End
			if wantEnd.IsZero() {
				wantEnd = m.Start.Add(2 * time.Hour)
			}
			for _, c := range []struct {
				p    ics.ComponentProperty
				want time.Time
				get  func() (time.Time, error)
			}{
				{ics.ComponentPropertyDtStart, m.Start, ev.GetStartAt},
				{ics.ComponentPropertyDtEnd, wantEnd, ev.GetEndAt},
			} {
				pr := ev.GetProperty(c.p)
				if pr == nil {
					t.Fatalf("no %s", c.p)
				}
				if tz := pr.ICalParameters["TZID"]; len(tz) != 1 || tz[0] != "Europe/Stockholm" {
					t.Errorf("%s TZID = %v", c.p, tz)
				}
				if want := c.want.In(loc).Format("20060102T150405"); pr.Value != want {
					t.Errorf("%s = %q, want local %q", c.p, pr.Value, want)
				}
				if got, err := c.get(); err != nil || !got.Equal(c.want) {
					t.Errorf("%s parses to %v (%v), want %v", c.p, got, err, c.want)
				}
			}
			checks := map[ics.ComponentProperty]string{
				ics.ComponentPropertySummary:      m.Title,
				ics.ComponentPropertyDescription:  m.Description,
				ics.ComponentPropertyLocation:     m.Location,
				ics.ComponentPropertySequence:     strconv.Itoa(m.Sequence),
				ics.ComponentPropertyStatus:       map[bool]string{false: "CONFIRMED", true: "CANCELLED"}[m.Cancelled],
				ics.ComponentPropertyCreated:      m.CreatedAt.UTC().Format("20060102T150405Z"),
				ics.ComponentPropertyLastModified: m.UpdatedAt.UTC().Format("20060102T150405Z"),
			}
			for p, want := range checks {
				if got := value(ev, p); got != want {
					t.Errorf("%s = %q, want %q", p, got, want)
				}
			}
			if m.Description == "" && ev.GetProperty(ics.ComponentPropertyDescription) != nil {
				t.Errorf("empty DESCRIPTION written")
			}
		})
	}
}

func TestGolden(t *testing.T) {
	loc := stockholm(t)
	ms := fixture(loc)
	one, err := calendar.MeetupICS(ms[2], loc, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		got  []byte
	}{
		{"feed.ics", write(t, "Passionbot", ms, loc)},
		{"meetup.ics", one},
	} {
		path := filepath.Join("testdata", c.file)
		if *update {
			if err := os.WriteFile(path, c.got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./calendar/ -run TestGolden -update)", err)
		}
		if !bytes.Equal(c.got, want) {
			t.Errorf("%s differs from the golden file (-update rewrites it):\n--- got\n%s\n--- want\n%s", c.file, c.got, want)
		}
	}
}

func TestUTC(t *testing.T) {
	for _, loc := range []*time.Location{time.UTC, nil} {
		ms := fixture(stockholm(t))
		b := write(t, "x", ms, loc)
		lines(t, b)
		if bytes.Contains(b, []byte("TZID")) || bytes.Contains(b, []byte("VTIMEZONE")) {
			t.Errorf("UTC calendar has a TZID or VTIMEZONE:\n%s", b)
		}
		if !bytes.Contains(b, []byte("\r\nDTSTART:20260312T170000Z\r\n")) || !bytes.Contains(b, []byte("\r\nX-WR-TIMEZONE:UTC\r\n")) {
			t.Errorf("want UTC times:\n%s", b)
		}
		ev := parse(t, b).Events()[1]
		if got, err := ev.GetEndAt(); err != nil || !got.Equal(ms[1].Start.Add(2*time.Hour)) {
			t.Errorf("DTEND = %v, %v", got, err)
		}
	}
}

func TestEmpty(t *testing.T) {
	b := write(t, "Tom", nil, stockholm(t))
	lines(t, b)
	cal := parse(t, b)
	if len(cal.Components) != 0 {
		t.Errorf("empty calendar has %d components", len(cal.Components))
	}
	if v, _ := calProp(cal, "X-WR-CALNAME"); v != "Tom" {
		t.Errorf("X-WR-CALNAME = %q", v)
	}
}

func TestMeetupICS(t *testing.T) {
	loc := stockholm(t)
	m := fixture(loc)[2]
	b, err := calendar.MeetupICS(m, loc, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	lines(t, b)
	cal := parse(t, b)
	if _, ok := calProp(cal, "X-WR-CALNAME"); ok {
		t.Errorf("single-meetup file has X-WR-CALNAME")
	}
	evs := cal.Events()
	if len(evs) != 1 || evs[0].Id() != m.UID || value(evs[0], ics.ComponentPropertyStatus) != "CANCELLED" || value(evs[0], ics.ComponentPropertySequence) != "1" {
		t.Fatalf("want the cancelled meetup, got\n%s", b)
	}
}

func TestEndNotAfterStart(t *testing.T) {
	loc := stockholm(t)
	m := fixture(loc)[0]
	m.End = m.Start.Add(-time.Hour)
	ev := parse(t, write(t, "", []storage.Meetup{m}, loc)).Events()[0]
	if got, err := ev.GetEndAt(); err != nil || !got.Equal(m.Start.Add(calendar.DefaultDuration)) {
		t.Errorf("DTEND = %v, %v; want start + 2h", got, err)
	}
}

func TestMissingUID(t *testing.T) {
	loc := stockholm(t)
	m := fixture(loc)[0]
	m.UID = " \r\n"
	if got := parse(t, write(t, "", []storage.Meetup{m}, loc)).Events()[0].Id(); got != "meetup-1@passionbot" {
		t.Errorf("UID = %q", got)
	}
}

// TestRepeatedHour: 02:30 happens twice in Stockholm on 25 October 2026,
// so both are written in UTC; the hours around them in local time.
func TestRepeatedHour(t *testing.T) {
	loc := stockholm(t)
	first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC) // 02:30 CEST
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{first.Add(-31 * time.Minute), "DTSTART;TZID=Europe/Stockholm:20261025T015900"},
		{first.Add(-30 * time.Minute), "DTSTART:20261025T000000Z"}, // 02:00 CEST
		{first, "DTSTART:20261025T003000Z"},
		{first.Add(time.Hour), "DTSTART:20261025T013000Z"},                                              // 02:30 CET
		{first.Add(89 * time.Minute), "DTSTART:20261025T015900Z"},                                       // 02:59 CET
		{first.Add(90 * time.Minute), "DTSTART;TZID=Europe/Stockholm:20261025T030000"},                  // 03:00 CET
		{time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), "DTSTART;TZID=Europe/Stockholm:20260329T030000"}, // after the gap
		{time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC), "DTSTART;TZID=Europe/Stockholm:20260329T015900"},
	} {
		m := fixture(loc)[0]
		m.Start, m.End = c.at, time.Time{}
		b := write(t, "", []storage.Meetup{m}, loc)
		if !bytes.Contains(b, []byte("\r\n"+c.want+"\r\n")) {
			t.Errorf("%v: want %s in\n%s", c.at, c.want, b)
		}
		if got, err := parse(t, b).Events()[0].GetStartAt(); err != nil || !got.Equal(c.at) {
			t.Errorf("%v parses back as %v (%v)", c.at, got, err)
		}
	}
}

type failWriter struct{}

var errDisk = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestWriteError(t *testing.T) {
	loc := stockholm(t)
	if err := calendar.Write(failWriter{}, "x", fixture(loc), loc, fixedNow); !errors.Is(err, errDisk) {
		t.Errorf("Write = %v, want it to wrap %v", err, errDisk)
	}
}

func BenchmarkWriteFeed(b *testing.B) {
	loc := stockholm(b)
	base := fixture(loc)
	ms := make([]storage.Meetup, 0, calendar.FeedLimit)
	for i := range calendar.FeedLimit {
		m := base[i%len(base)]
		m.Start = m.Start.AddDate(0, 0, i)
		ms = append(ms, m)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := calendar.Write(&buf, "Passionbot", ms, loc, fixedNow); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
