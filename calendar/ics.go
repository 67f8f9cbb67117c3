package calendar

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"passionbot/storage"
)

// ProductID is the PRODID of every calendar this package writes.
const ProductID = "-//passionbot//passionbot//SV"

// ContentType is the media type of the iCalendar data this package writes.
const ContentType = "text/calendar; charset=utf-8"

// DefaultDuration is how long a meetup without a (valid) end time lasts.
const DefaultDuration = 2 * time.Hour

// Date-time layouts of RFC 5545 section 3.3.5.
const (
	localLayout = "20060102T150405"
	utcLayout   = "20060102T150405Z"
)

// Write writes meetups as one RFC 5545 calendar (METHOD:PUBLISH) to w: a
// VEVENT per meetup, in the order given, with times in loc and the VTIMEZONE
// loc needs. name becomes X-WR-CALNAME (omitted when empty); now is the
// DTSTAMP of every event. A nil loc means UTC.
func Write(w io.Writer, name string, meetups []storage.Meetup, loc *time.Location, now time.Time) error {
	b, err := marshal(name, meetups, loc, now)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("calendar: write: %w", err)
	}
	return nil
}

// MeetupICS returns a calendar file holding the single meetup m, for a chat
// attachment or download. It has no X-WR-CALNAME, so importing it adds the
// event to an existing calendar instead of proposing a new one. A cancelled
// meetup is written with STATUS:CANCELLED and its bumped SEQUENCE, so that
// importing the file again updates the copy a member already has.
func MeetupICS(m storage.Meetup, loc *time.Location, now time.Time) ([]byte, error) {
	return marshal("", []storage.Meetup{m}, loc, now)
}

// marshal serialises the calendar into memory, so that a failure never
// leaves half a calendar on the wire and the caller knows the length.
func marshal(name string, meetups []storage.Meetup, loc *time.Location, now time.Time) ([]byte, error) {
	if loc == nil {
		loc = time.UTC
	}
	var buf bytes.Buffer
	if err := build(name, meetups, loc, now).SerializeTo(&buf, ics.WithNewLineWindows); err != nil {
		return nil, fmt.Errorf("calendar: serialise: %w", err)
	}
	return buf.Bytes(), nil
}

// build assembles the calendar.
func build(name string, meetups []storage.Meetup, loc *time.Location, now time.Time) *ics.Calendar {
	cal := ics.NewCalendarFor("passionbot")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if name = oneLine(name); name != "" {
		cal.SetXWRCalName(name)
	}
	if z := loc.String(); z != "Local" {
		cal.SetXWRTimezone(z)
	}
	zoned := !isUTC(loc)
	if zoned && len(meetups) > 0 {
		lo, hi := span(meetups)
		cal.AddVTimezone(vtimezone(loc, lo, hi))
	}
	for _, m := range meetups {
		cal.AddVEvent(event(m, loc, zoned, now))
	}
	return cal
}

// event turns one meetup into a VEVENT.
func event(m storage.Meetup, loc *time.Location, zoned bool, now time.Time) *ics.VEvent {
	uid := oneLine(m.UID)
	if uid == "" {
		uid = fmt.Sprintf("meetup-%d@passionbot", m.ID)
	}
	ev := ics.NewEvent(uid)
	ev.SetDtStampTime(now)
	start, end := bounds(m)
	setTime(ev, ics.ComponentPropertyDtStart, start, loc, zoned)
	setTime(ev, ics.ComponentPropertyDtEnd, end, loc, zoned)
	ev.SetSummary(oneLine(m.Title))
	if d := clean(m.Description); d != "" {
		ev.SetDescription(d)
	}
	if l := clean(m.Location); l != "" {
		ev.SetLocation(l)
	}
	ev.SetSequence(m.Sequence)
	if m.Cancelled {
		ev.SetStatus(ics.ObjectStatusCancelled)
	} else {
		ev.SetStatus(ics.ObjectStatusConfirmed)
	}
	if !m.CreatedAt.IsZero() {
		ev.SetCreatedTime(m.CreatedAt)
	}
	if !m.UpdatedAt.IsZero() {
		ev.SetModifiedAt(m.UpdatedAt)
	}
	return ev
}

// bounds returns a meetup's start and end, the end defaulted.
func bounds(m storage.Meetup) (start, end time.Time) {
	start, end = m.Start, m.End
	if end.IsZero() || !end.After(start) {
		end = start.Add(DefaultDuration)
	}
	return start, end
}

// span returns the earliest start and the latest end of meetups (not empty).
func span(meetups []storage.Meetup) (lo, hi time.Time) {
	for i, m := range meetups {
		s, e := bounds(m)
		if i == 0 || s.Before(lo) {
			lo = s
		}
		if i == 0 || e.After(hi) {
			hi = e
		}
	}
	return lo, hi
}

// setTime sets a DATE-TIME property: local time with TZID when zoned and
// unambiguous, else UTC.
func setTime(ev *ics.VEvent, p ics.ComponentProperty, t time.Time, loc *time.Location, zoned bool) {
	t = t.Truncate(time.Second)
	if zoned && !ambiguous(t, loc) {
		ev.SetProperty(p, t.In(loc).Format(localLayout), ics.WithTZID(loc.String()))
		return
	}
	ev.SetProperty(p, t.UTC().Format(utcLayout))
}

// ambiguous reports whether t's local wall time happens twice, in the hour
// repeated when the clocks go back. Readers differ on which one such a time
// means: RFC 5545 (3.3.5) says the first, Go's time.Date (and golang-ical's
// parser with it) takes the second. When the clocks go back by d, t and
// t-d (or t+d) show the same wall time if they lie on either side of the
// change; d is at most 3 hours in every zone.
func ambiguous(t time.Time, loc *time.Location) bool {
	off := func(t time.Time) int {
		_, o := t.In(loc).Zone()
		return o
	}
	now := off(t)
	if before := off(t.Add(-3 * time.Hour)); before > now && off(t.Add(-time.Duration(before-now)*time.Second)) == before {
		return true
	}
	if after := off(t.Add(3 * time.Hour)); after < now && off(t.Add(time.Duration(now-after)*time.Second)) == after {
		return true
	}
	return false
}

// isUTC reports whether loc is UTC by name (times are then written "…Z").
func isUTC(loc *time.Location) bool {
	return loc == time.UTC || loc.String() == "UTC"
}

// clean makes user text safe for a TEXT value: valid UTF-8, line breaks as
// LF (the library escapes LF as \n), no other control characters except tab.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// oneLine is clean for single-line values: line breaks become spaces and
// the ends are trimmed.
func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(clean(s), "\n", " "))
}
