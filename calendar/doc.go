// Package calendar publishes meetups as iCalendar (RFC 5545) data: a feed
// of every upcoming meetup, a private feed per member of the meetups they
// said yes or maybe to, and a single-meetup file for the "meetup ics"
// command.
//
// The RFC 5545 syntax (text escaping, line folding, property layout) comes
// from github.com/arran4/golang-ical; this package decides what goes in it.
//
// Decisions where DESIGN.md is silent:
//   - Times are local times with TZID=<zone name> and the calendar carries a
//     VTIMEZONE for that zone, built here from Go's own tz data because the
//     library has no VTIMEZONE generator (see vtimezone.go). The alternative,
//     UTC times without TZID, is simpler, but the file would then no longer
//     say which zone the meetup is planned in (it matters to a member who
//     travels, and to clients that show an event's own zone).
//   - When the zone is UTC (or nil) times are written in UTC form ("…Z") and
//     no VTIMEZONE is emitted. A local time that happens twice (the hour
//     repeated when summer time ends) is also written in UTC form: RFC 5545
//     reads it as the first occurrence, Go's time.Date and so golang-ical's
//     parser as the second, and UTC leaves no room for either mistake.
//   - All text is cleaned before it reaches the library: invalid UTF-8 is
//     replaced, CR LF and lone CR become LF (which RFC 5545 escapes as \n),
//     and other control characters are dropped. UID, SUMMARY and the
//     calendar name are single-line: their line breaks become spaces. So no
//     user-supplied text can end a content line and start a new property.
//   - A meetup without an end, or with an end not after its start, lasts
//     DefaultDuration (2 hours), as the storage queries assume.
//   - Lines end in CR LF, as RFC 5545 requires (the library's default on
//     Unix is a bare LF, so it is asked for CR LF explicitly).
package calendar
