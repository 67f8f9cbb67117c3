package when

import (
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests need Europe/Stockholm wherever they run
)

const layout = "2006-01-02 15:04 MST"

func stockholm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// The default now: Wednesday 25 November 2026, 10:00.
const defaultNow = "2026-11-25 10:00"

// Other nows used below.
const (
	friday    = "2026-11-27 10:00" // a Friday
	december  = "2026-12-20 10:00" // a Sunday in December
	dec2027   = "2027-12-01 10:00" // before a leap day
	springSat = "2027-03-27 10:00" // the day before the clocks go forward
	autumnSat = "2027-10-30 10:00" // the day before the clocks go back

	dec5     = "2026-12-05 10:00" // a Saturday, the day after 4 December
	dec30    = "2026-12-30 10:00" // a Wednesday, next week is in 2027
	jan10    = "2027-01-10 10:00" // a Sunday, just after the year turned
	jan31    = "2027-01-31 10:00" // a Sunday, a month before a short month
	leap     = "2028-03-10 10:00" // a Friday, just after a leap day
	april    = "2027-04-10 10:00" // a Saturday, two weeks after the clocks went forward
	spring21 = "2027-03-21 10:00" // a Sunday, a week before the clocks go forward
	autumn24 = "2027-10-24 10:00" // a Sunday, a week before the clocks go back
)

type parseCase struct {
	in  string
	now string // defaultNow when empty; "2006-01-02 15:04" in Stockholm

	// On success: the start and end in layout, end empty when zero.
	start, end string

	// On failure.
	kind    ErrorKind
	reason  Reason
	text    string // Error.Text, checked when not empty
	errTime string // Error.Time in layout, checked when not empty
	year    int    // Error.Year, checked when not 0; -1 checks that it is 0
}

// parseCases is the table for TestParse, TestErrorMessages and FuzzParse.
func parseCases() []parseCase {
	return []parseCase{
		// ISO dates.
		{in: "2027-01-15 18:00", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15T18:00", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15t18:00:00", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15 18.00", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15 kl 18", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15 KL. 18", start: "2027-01-15 18:00 CET"},
		{in: "2027/01/15 18:00", start: "2027-01-15 18:00 CET"},
		{in: "  2027-01-15    18:00  ", start: "2027-01-15 18:00 CET"},
		{in: "2027-07-01 18:00", start: "2027-07-01 18:00 CEST"},
		{in: "2027-01-15", kind: Ambiguous, reason: MissingTime, text: "2027-01-15", errTime: "2027-01-15 00:00 CET"},

		// Day and month, Swedish order, next occurrence.
		{in: "15/1 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15/1 kl. 18", start: "2027-01-15 18:00 CET"},
		{in: "15/01 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15/1/2027 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15/1 2027 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15 jan 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15 jan. 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15 januari 18:00", start: "2027-01-15 18:00 CET"},
		{in: "den 15 januari kl 18", start: "2027-01-15 18:00 CET"},
		{in: "Den 15:e januari kl 18", start: "2027-01-15 18:00 CET"},
		{in: "15 jan 2027 18:00", start: "2027-01-15 18:00 CET"},
		{in: "jan 15 6pm", start: "2027-01-15 18:00 CET"},
		{in: "15 january 18:00", start: "2027-01-15 18:00 CET"},
		{in: "15th of January 2027 6 p.m.", start: "2027-01-15 18:00 CET"},
		{in: "January 15, 2027 6pm", start: "2027-01-15 18:00 CET"},
		{in: "january 15th 18:00", start: "2027-01-15 18:00 CET"},
		{in: "1 maj 12:00", start: "2027-05-01 12:00 CEST"},
		{in: "may 1 12:00", start: "2027-05-01 12:00 CEST"},
		{in: "5/6 18", start: "2027-06-05 18:00 CEST"}, // 5 June, never 6 May
		{in: "30/11 18", start: "2026-11-30 18:00 CET"},
		{in: "25/11 18:00", start: "2026-11-25 18:00 CET"}, // today
		{in: "25/11 08:00", kind: Past, errTime: "2026-11-25 08:00 CET"},
		{in: "24/11", kind: Past, reason: JustPassed, errTime: "2026-11-24 00:00 CET", year: 2027}, // yesterday
		{in: "15/1", kind: Ambiguous, reason: MissingTime, errTime: "2027-01-15 00:00 CET"},
		{in: "18:00 15/1", start: "2027-01-15 18:00 CET"},

		// Year rollover.
		{in: "15/1 18:00", now: december, start: "2027-01-15 18:00 CET"},
		{in: "15 jan 18:00", now: december, start: "2027-01-15 18:00 CET"},
		{in: "jan 2 10am", now: december, start: "2027-01-02 10:00 CET"},
		{in: "20/12 18:00", now: december, start: "2026-12-20 18:00 CET"},
		{in: "19/12 18:00", now: december, kind: Past, reason: JustPassed, errTime: "2026-12-19 00:00 CET", year: 2027},
		{in: "19/10 18:00", now: december, start: "2027-10-19 18:00 CEST"}, // 62 days ago
		{in: "31/12 23:00-01:00", now: december, start: "2026-12-31 23:00 CET", end: "2027-01-01 01:00 CET"},
		{in: "29/2 18", now: december, kind: Impossible, reason: NoSuchDate, text: "29/2"},
		{in: "29/2 18", now: dec2027, start: "2028-02-29 18:00 CET"},
		{in: "2028-02-29 18:00", start: "2028-02-29 18:00 CET"},

		// Weekdays, from a Wednesday.
		{in: "fredag 18:00", start: "2026-11-27 18:00 CET"},
		{in: "på fredag kl 18", start: "2026-11-27 18:00 CET"},
		{in: "fre 18", start: "2026-11-27 18:00 CET"},
		{in: "fre. 18", start: "2026-11-27 18:00 CET"},
		{in: "friday 6pm", start: "2026-11-27 18:00 CET"},
		{in: "on Friday at 6pm", start: "2026-11-27 18:00 CET"},
		{in: "fri 18:30", start: "2026-11-27 18:30 CET"},
		{in: "next friday 18:00", start: "2026-11-27 18:00 CET"},
		{in: "nästa fredag 18", start: "2026-11-27 18:00 CET"},
		{in: "NÄSTA FREDAG 18", start: "2026-11-27 18:00 CET"},
		{in: "nasta fredag 18", start: "2026-11-27 18:00 CET"},
		{in: "måndag 18", start: "2026-11-30 18:00 CET"},
		{in: "mandag 18", start: "2026-11-30 18:00 CET"},
		{in: "tisdag 18", start: "2026-12-01 18:00 CET"},
		{in: "tue 18", start: "2026-12-01 18:00 CET"},
		{in: "torsdag 18", start: "2026-11-26 18:00 CET"},
		{in: "thu 18", start: "2026-11-26 18:00 CET"},
		{in: "lördag 18", start: "2026-11-28 18:00 CET"},
		{in: "lör 18", start: "2026-11-28 18:00 CET"},
		{in: "söndag 18", start: "2026-11-29 18:00 CET"},
		{in: "sun 18", start: "2026-11-29 18:00 CET"},
		{in: "onsdag 18", start: "2026-11-25 18:00 CET"},     // today, still ahead
		{in: "wednesday 8am", start: "2026-12-02 08:00 CET"}, // today, already over
		{in: "nästa onsdag 18", start: "2026-12-02 18:00 CET"},
		{in: "18:00 fredag", start: "2026-11-27 18:00 CET"},
		{in: "fredag", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-27 00:00 CET"},
		// The coming weekday said with "this", "nu på", "den här".
		{in: "this friday 3pm", start: "2026-11-27 15:00 CET"},
		{in: "this Friday at 3pm", start: "2026-11-27 15:00 CET"},
		{in: "this coming friday 15:00", start: "2026-11-27 15:00 CET"},
		{in: "coming friday 15:00", start: "2026-11-27 15:00 CET"},
		{in: "nu på fredag kl 15", start: "2026-11-27 15:00 CET"},
		{in: "nu på fredag kl. 15.00", start: "2026-11-27 15:00 CET"},
		{in: "den här fredagen kl 15", start: "2026-11-27 15:00 CET"},
		{in: "på fredagen kl 15", start: "2026-11-27 15:00 CET"},
		{in: "denna fredag 15", start: "2026-11-27 15:00 CET"},
		{in: "kommande fredag 15", start: "2026-11-27 15:00 CET"},
		{in: "på måndagen 18", start: "2026-11-30 18:00 CET"},
		{in: "this friday", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-27 00:00 CET"},
		{in: "this 15", kind: Unrecognised, reason: NotUnderstood, text: "this"},
		{in: "nu 15", kind: Unrecognised, reason: NotUnderstood, text: "nu"},
		{in: "dagen 15", kind: Unrecognised, reason: NotUnderstood, text: "dagen"},
		{in: "friday at 3pm", start: "2026-11-27 15:00 CET"},
		{in: "Dec 18 at 3pm", start: "2026-12-18 15:00 CET"},
		{in: "fredag kl. 15", start: "2026-11-27 15:00 CET"},
		{in: "fredag kl. 15.00", start: "2026-11-27 15:00 CET"},

		// Weekdays, from a Friday at 10:00.
		{in: "fredag 18:00", now: friday, start: "2026-11-27 18:00 CET"},
		{in: "fredag 08:00", now: friday, start: "2026-12-04 08:00 CET"},
		{in: "fredag 10:00", now: friday, start: "2026-11-27 10:00 CET"}, // now exactly
		{in: "nästa fredag 18", now: friday, start: "2026-12-04 18:00 CET"},
		{in: "next friday 18:00", now: friday, start: "2026-12-04 18:00 CET"},
		{in: "this friday 3pm", now: friday, start: "2026-11-27 15:00 CET"}, // today: said on a Friday
		{in: "den här fredagen kl 8", now: friday, start: "2026-12-04 08:00 CET"},
		{in: "fredag", now: friday, kind: Ambiguous, reason: MissingTime, errTime: "2026-11-27 00:00 CET"},
		{in: "torsdag 18", now: friday, start: "2026-12-03 18:00 CET"},

		// A weekday and a date together.
		{in: "fre 15/1 18:00", start: "2027-01-15 18:00 CET"},
		{in: "Friday 15 January 2027 18:00", start: "2027-01-15 18:00 CET"},
		{in: "lördag 16/1 18:00", start: "2027-01-16 18:00 CET"},
		{in: "fredag 16/1/2027 18:00", kind: Ambiguous, reason: WeekdayMismatch, errTime: "2027-01-16 18:00 CET"},
		{in: "imorgon fredag 18", kind: Ambiguous, reason: WeekdayMismatch},
		{in: "torsdag imorgon 18", start: "2026-11-26 18:00 CET"},
		{in: "fredag 16/1", kind: Ambiguous, reason: WeekdayMismatch},

		// Relative days.
		{in: "i morgon 18", start: "2026-11-26 18:00 CET"},
		{in: "imorgon 18:00", start: "2026-11-26 18:00 CET"},
		{in: "imorn kl 18", start: "2026-11-26 18:00 CET"},
		{in: "I MORGON 18", start: "2026-11-26 18:00 CET"},
		{in: "i övermorgon 10", start: "2026-11-27 10:00 CET"},
		{in: "övermorgon 10", start: "2026-11-27 10:00 CET"},
		{in: "day after tomorrow 10am", start: "2026-11-27 10:00 CET"},
		{in: "idag 19", start: "2026-11-25 19:00 CET"},
		{in: "i dag 19:30", start: "2026-11-25 19:30 CET"},
		{in: "ikväll 19", start: "2026-11-25 19:00 CET"},
		{in: "i kväll 19:30", start: "2026-11-25 19:30 CET"},
		{in: "ikväll 7", start: "2026-11-25 19:00 CET"}, // evening: 7 is 19
		{in: "ikvall kl 8", start: "2026-11-25 20:00 CET"},
		{in: "ikväll 7-10", start: "2026-11-25 19:00 CET", end: "2026-11-25 22:00 CET"},
		{in: "ikväll 22-1", start: "2026-11-25 22:00 CET", end: "2026-11-26 01:00 CET"},
		{in: "tomorrow 18:00", start: "2026-11-26 18:00 CET"},
		{in: "6pm tomorrow", start: "2026-11-26 18:00 CET"},
		{in: "today 7pm", start: "2026-11-25 19:00 CET"},
		{in: "tonight 19:00", start: "2026-11-25 19:00 CET"},
		{in: "tonight 8", start: "2026-11-25 20:00 CET"},
		{in: "imorgon", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-26 00:00 CET"},
		{in: "ikväll", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-25 00:00 CET"},
		{in: "idag", kind: Ambiguous, reason: MissingTime},
		{in: "idag 08:00", kind: Past, errTime: "2026-11-25 08:00 CET"},
		{in: "today 9:59", kind: Past},

		// Relative days, weeks and months, from Wednesday 25 November 2026.
		{in: "om två veckor 18:00", start: "2026-12-09 18:00 CET"},
		{in: "om tva veckor 18:00", start: "2026-12-09 18:00 CET"},
		{in: "in two weeks 6pm", start: "2026-12-09 18:00 CET"},
		{in: "om 2 veckor kl 18", start: "2026-12-09 18:00 CET"},
		{in: "in 2 weeks at 18:00", start: "2026-12-09 18:00 CET"},
		{in: "18:00 om två veckor", start: "2026-12-09 18:00 CET"},
		{in: "om 3 dagar 18", start: "2026-11-28 18:00 CET"},
		{in: "om tre dagar kl 18-21", start: "2026-11-28 18:00 CET", end: "2026-11-28 21:00 CET"},
		{in: "in 3 days at 18:00", start: "2026-11-28 18:00 CET"},
		{in: "in three days 6pm for 2 hours", start: "2026-11-28 18:00 CET", end: "2026-11-28 20:00 CET"},
		{in: "om en vecka 18", start: "2026-12-02 18:00 CET"},
		{in: "in a week 18:00", start: "2026-12-02 18:00 CET"},
		{in: "om 10 dagar 18", start: "2026-12-05 18:00 CET"}, // the month turns
		{in: "in ten days 18:00", start: "2026-12-05 18:00 CET"},
		{in: "om ett dygn 18", start: "2026-11-26 18:00 CET"},
		{in: "om 0 dagar 18", start: "2026-11-25 18:00 CET"},
		{in: "om en månad 18", start: "2026-12-25 18:00 CET"},
		{in: "in 2 months 18:00", start: "2027-01-25 18:00 CET"}, // the year turns
		{in: "om två veckor", kind: Ambiguous, reason: MissingTime, errTime: "2026-12-09 00:00 CET"},
		{in: "in two weeks", kind: Ambiguous, reason: MissingTime, errTime: "2026-12-09 00:00 CET"},
		{in: "om 3 dagar 08:00", start: "2026-11-28 08:00 CET"},
		{in: "om 0 dagar 08:00", kind: Past},
		{in: "om 200 veckor 18", kind: TooFar},
		{in: "in 9999999999 days 18:00", kind: TooFar},
		{in: "om 99 månader", kind: TooFar},
		{in: "om två timmar", kind: Unrecognised, reason: NotUnderstood, text: "om"},
		{in: "in 3 hours", kind: Unrecognised, reason: NotUnderstood, text: "in"},
		{in: "om", kind: Unrecognised, reason: NotUnderstood, text: "om"},
		{in: "om många dagar 18", kind: Unrecognised, reason: NotUnderstood, text: "om"},
		{in: "om två veckor 18", now: december, start: "2027-01-03 18:00 CET"}, // the year turns
		{in: "in 12 days 18:00", now: december, start: "2027-01-01 18:00 CET"},
		{in: "om en månad 18", now: jan31, start: "2027-02-28 18:00 CET"}, // a shorter month
		{in: "om en månad 18", now: "2027-12-31 10:00", start: "2028-01-31 18:00 CET"},

		// A weekday in a week named: Monday to Sunday, from Wednesday.
		{in: "nästa vecka onsdag 18", start: "2026-12-02 18:00 CET"},
		{in: "next week Wednesday 6pm", start: "2026-12-02 18:00 CET"},
		{in: "onsdag nästa vecka kl 18", start: "2026-12-02 18:00 CET"},
		{in: "på onsdag i nästa vecka 18", start: "2026-12-02 18:00 CET"},
		{in: "Wednesday next week at 18:00", start: "2026-12-02 18:00 CET"},
		{in: "nästa vecka på fredag 18", start: "2026-12-04 18:00 CET"}, // not "nästa fredag"
		{in: "nästa vecka måndag 9", start: "2026-11-30 09:00 CET"},
		{in: "next week sunday 18", start: "2026-12-06 18:00 CET"},
		{in: "onsdag om två veckor 18", start: "2026-12-09 18:00 CET"},
		{in: "fredag om två veckor 18", start: "2026-12-11 18:00 CET"},
		{in: "in two weeks on Monday 18:00", start: "2026-12-07 18:00 CET"},
		{in: "om en vecka tisdag 18", start: "2026-12-01 18:00 CET"},
		{in: "nästa vecka 18:00", kind: Ambiguous, reason: MissingDay, errTime: "2026-11-30 00:00 CET"},
		{in: "nästa vecka", kind: Ambiguous, reason: MissingDay, errTime: "2026-11-30 00:00 CET"},
		{in: "next week", kind: Ambiguous, reason: MissingDay},
		{in: "nästa vecka onsdag", kind: Ambiguous, reason: MissingTime, errTime: "2026-12-02 00:00 CET"},
		{in: "nästa vecka 25:00", kind: Impossible, reason: NoSuchTime},
		{in: "om 3 dagar fredag 18", kind: Ambiguous, reason: WeekdayMismatch},
		{in: "om 2 dagar fredag 18", start: "2026-11-27 18:00 CET"},
		{in: "nästa vecka onsdag 18", now: december, start: "2026-12-23 18:00 CET"}, // from a Sunday
		{in: "next week friday 18", now: dec30, start: "2027-01-08 18:00 CET"},      // the year turns
		{in: "nästa vecka måndag 9", now: dec30, start: "2027-01-04 09:00 CET"},

		// Named times.
		{in: "tomorrow noon", start: "2026-11-26 12:00 CET"},
		{in: "tomorrow at noon", start: "2026-11-26 12:00 CET"},
		{in: "tomorrow 12 noon", start: "2026-11-26 12:00 CET"},
		{in: "imorgon lunch", start: "2026-11-26 12:00 CET"},
		{in: "i morgon vid lunch", start: "2026-11-26 12:00 CET"},
		{in: "imorgon kl 12", start: "2026-11-26 12:00 CET"},
		{in: "lunch", start: "2026-11-25 12:00 CET"},
		{in: "midday friday", start: "2026-11-27 12:00 CET"},
		{in: "fredag lunch-14", start: "2026-11-27 12:00 CET", end: "2026-11-27 14:00 CET"},
		{in: "friday noon to 3", start: "2026-11-27 12:00 CET", end: "2026-11-27 15:00 CET"},
		{in: "fredag 10 till lunch", start: "2026-11-27 10:00 CET", end: "2026-11-27 12:00 CET"},
		{in: "lunch i en timme", start: "2026-11-25 12:00 CET", end: "2026-11-25 13:00 CET"},
		{in: "idag lunch", now: "2026-11-25 13:00", kind: Past, errTime: "2026-11-25 12:00 CET"},
		{in: "lunch", now: "2026-11-25 13:00", start: "2026-11-26 12:00 CET"},
		{in: "midnatt", start: "2026-11-26 00:00 CET"},
		{in: "midnight", start: "2026-11-26 00:00 CET"},
		{in: "idag midnatt", start: "2026-11-26 00:00 CET"},
		{in: "i morgon midnatt", start: "2026-11-27 00:00 CET"},
		{in: "fredag midnatt", start: "2026-11-28 00:00 CET"}, // the end of Friday
		{in: "friday at midnight", start: "2026-11-28 00:00 CET"},
		{in: "friday 12 midnight", start: "2026-11-28 00:00 CET"},
		{in: "fredag midnatt", now: friday, start: "2026-11-28 00:00 CET"},
		{in: "fredag 22 till midnatt", start: "2026-11-27 22:00 CET", end: "2026-11-28 00:00 CET"},
		{in: "fredag 21-midnatt", start: "2026-11-27 21:00 CET", end: "2026-11-28 00:00 CET"},
		{in: "fredag midnatt-02", start: "2026-11-28 00:00 CET", end: "2026-11-28 02:00 CET"},
		{in: "friday midnight-2am", start: "2026-11-28 00:00 CET", end: "2026-11-28 02:00 CET"},
		{in: "fredag midnatt i 2 timmar", start: "2026-11-28 00:00 CET", end: "2026-11-28 02:00 CET"},
		{in: "fredag midnatt-midnatt", kind: Impossible, reason: ZeroDuration},
		{in: "fredag midnatt-00", kind: Impossible, reason: ZeroDuration},
		{in: "fredag midnatt-24", kind: Impossible, reason: ZeroDuration},
		{in: "fredag midnatt-25", kind: Impossible, reason: NoSuchTime, text: "25"},
		{in: "fre 27/11 midnatt", start: "2026-11-28 00:00 CET"},
		{in: "lör 27/11 midnatt", kind: Ambiguous, reason: WeekdayMismatch},
		{in: "31/12 midnatt", now: december, start: "2027-01-01 00:00 CET"}, // the year turns
		{in: "30/11 midnatt", start: "2026-12-01 00:00 CET"},                // the month turns
		{in: "middag", kind: Unrecognised, reason: NotUnderstood, text: "middag"},
		{in: "12 lunch", kind: Unrecognised, reason: NotUnderstood, text: "lunch"},
		{in: "lunch 12", kind: Unrecognised, reason: NotUnderstood, text: "12"},

		// Evening after a day: 1 to 11 is pm.
		{in: "i morgon kväll 7", start: "2026-11-26 19:00 CET"},
		{in: "imorgon kväll kl 19:30", start: "2026-11-26 19:30 CET"},
		{in: "tomorrow evening 8", start: "2026-11-26 20:00 CET"},
		{in: "tomorrow night 9pm", start: "2026-11-26 21:00 CET"},
		{in: "fredag kväll 7-10", start: "2026-11-27 19:00 CET", end: "2026-11-27 22:00 CET"},
		{in: "på fredag kvällen kl 8", start: "2026-11-27 20:00 CET"},
		{in: "fredag kväll", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-27 00:00 CET"},
		{in: "tonight", kind: Ambiguous, reason: MissingTime, errTime: "2026-11-25 00:00 CET"},
		{in: "ikväll kväll 7", kind: Unrecognised, reason: NotUnderstood, text: "kväll"},

		// A day and month that just passed are refused, not moved a year.
		{in: "4/12 18:00", now: dec5, kind: Past, reason: JustPassed, text: "4/12 18:00", errTime: "2026-12-04 00:00 CET", year: 2027},
		{in: "4 december 18:00", now: dec5, kind: Past, reason: JustPassed, errTime: "2026-12-04 00:00 CET", year: 2027},
		{in: "December 4 6pm", now: dec5, kind: Past, reason: JustPassed, year: 2027},
		{in: "4/12", now: dec5, kind: Past, reason: JustPassed, errTime: "2026-12-04 00:00 CET", year: 2027},
		{in: "fre 4/12 18:00", now: dec5, kind: Past, reason: JustPassed, year: 2027},
		{in: "tor 4/12 18:00", now: dec5, kind: Past, reason: JustPassed, year: 2027}, // Past before Ambiguous
		{in: "4/12 midnatt", now: dec5, kind: Past, reason: JustPassed, errTime: "2026-12-04 00:00 CET", year: 2027},
		{in: "5/12 08:00", now: dec5, kind: Past, reason: NoReason, errTime: "2026-12-05 08:00 CET"}, // today
		{in: "4/12/2026 18:00", now: dec5, kind: Past, reason: NoReason},                             // the year was written
		{in: "4/12/2027 18:00", now: dec5, start: "2027-12-04 18:00 CET"},
		{in: "6/10 18:00", now: dec5, kind: Past, reason: JustPassed, errTime: "2026-10-06 00:00 CEST", year: 2027},  // 60 days ago
		{in: "5/10 18:00", now: dec5, start: "2027-10-05 18:00 CEST"},                                                // 61 days ago
		{in: "20/12 18:00", now: jan10, kind: Past, reason: JustPassed, errTime: "2026-12-20 00:00 CET", year: 2027}, // last year
		{in: "31 dec 18", now: jan10, kind: Past, reason: JustPassed, errTime: "2026-12-31 00:00 CET", year: 2027},
		{in: "11/11 18:00", now: jan10, kind: Past, reason: JustPassed, year: 2027},
		{in: "10/11 18:00", now: jan10, start: "2027-11-10 18:00 CET"},
		{in: "9/1 18:00", now: jan10, kind: Past, reason: JustPassed, errTime: "2027-01-09 00:00 CET", year: 2028},
		{in: "10/1 18:00", now: jan10, start: "2027-01-10 18:00 CET"},
		{in: "29/2 18", now: leap, kind: Past, reason: JustPassed, errTime: "2028-02-29 00:00 CET", year: -1},
		{in: "28/2 18", now: leap, kind: Past, reason: JustPassed, year: 2029},
		{in: "28/3 12:00", now: april, kind: Past, reason: JustPassed, errTime: "2027-03-28 00:00 CET", year: 2028},
		{in: "28/3 02:30", now: april, kind: Impossible, reason: ClockGap}, // Impossible before Past
		{in: "31/10 02:30", now: "2027-11-05 10:00", kind: Past, reason: JustPassed, year: 2028},

		// Relative days on the days the clocks change.
		{in: "imorgon 02:30", now: springSat, kind: Impossible, reason: ClockGap, text: "02:30", errTime: "2027-03-28 00:00 CET"},
		{in: "i morgon 03:00", now: springSat, start: "2027-03-28 03:00 CEST"},
		{in: "tomorrow 1:30 for 2 hours", now: springSat, start: "2027-03-28 01:30 CET", end: "2027-03-28 04:30 CEST"},
		{in: "om en dag 18", now: springSat, start: "2027-03-28 18:00 CEST"},
		{in: "tomorrow noon", now: springSat, start: "2027-03-28 12:00 CEST"},
		{in: "idag midnatt", now: springSat, start: "2027-03-28 00:00 CET"},
		{in: "i morgon midnatt", now: springSat, start: "2027-03-29 00:00 CEST"},
		{in: "ikväll 22 till midnatt", now: springSat, start: "2027-03-27 22:00 CET", end: "2027-03-28 00:00 CET"},
		{in: "ikväll midnatt-03", now: springSat, start: "2027-03-28 00:00 CET", end: "2027-03-28 03:00 CEST"},
		{in: "om en vecka 02:30", now: spring21, kind: Impossible, reason: ClockGap, errTime: "2027-03-28 00:00 CET"},
		{in: "om en vecka lunch", now: spring21, start: "2027-03-28 12:00 CEST"},
		{in: "nästa vecka söndag 02:30", now: spring21, kind: Impossible, reason: ClockGap},
		{in: "next week sunday noon", now: spring21, start: "2027-03-28 12:00 CEST"},
		{in: "om två veckor 18", now: "2027-03-14 10:00", start: "2027-03-28 18:00 CEST"},
		{in: "imorgon 02:30", now: autumnSat, kind: Ambiguous, reason: ClockRepeat, errTime: "2027-10-31 02:30 CEST"},
		{in: "i morgon 02:30 CET", now: autumnSat, start: "2027-10-31 02:30 CET"},
		{in: "tomorrow noon", now: autumnSat, start: "2027-10-31 12:00 CET"},
		{in: "idag midnatt", now: autumnSat, start: "2027-10-31 00:00 CEST"},
		{in: "i morgon midnatt", now: autumnSat, start: "2027-11-01 00:00 CET"},
		{in: "ikväll 23 i 4 timmar", now: autumnSat, start: "2027-10-30 23:00 CEST", end: "2027-10-31 02:00 CET"},
		{in: "ikväll 23-03", now: autumnSat, start: "2027-10-30 23:00 CEST", end: "2027-10-31 03:00 CET"},
		{in: "om en vecka 02:30", now: autumn24, kind: Ambiguous, reason: ClockRepeat},
		{in: "onsdag nästa vecka 18", now: autumn24, start: "2027-10-27 18:00 CEST"},
		{in: "om en vecka 18", now: autumn24, start: "2027-10-31 18:00 CET"},
		{in: "in 2 weeks 18:00", now: "2027-10-17 10:00", start: "2027-10-31 18:00 CET"},

		// Times alone: the next occurrence.
		{in: "18:00", start: "2026-11-25 18:00 CET"},
		{in: "18.00", start: "2026-11-25 18:00 CET"},
		{in: "18", start: "2026-11-25 18:00 CET"},
		{in: "kl 18", start: "2026-11-25 18:00 CET"},
		{in: "kl18", start: "2026-11-25 18:00 CET"},
		{in: "klockan 18", start: "2026-11-25 18:00 CET"},
		{in: "kl. 18.30", start: "2026-11-25 18:30 CET"},
		{in: "6pm", start: "2026-11-25 18:00 CET"},
		{in: "6 PM", start: "2026-11-25 18:00 CET"},
		{in: "6:30 pm", start: "2026-11-25 18:30 CET"},
		{in: "6.30pm", start: "2026-11-25 18:30 CET"},
		{in: "kl 6 em", start: "2026-11-25 18:00 CET"},
		{in: "at 6 p.m.", start: "2026-11-25 18:00 CET"},
		{in: "12pm", start: "2026-11-25 12:00 CET"},
		{in: "12am", start: "2026-11-26 00:00 CET"},
		{in: "12:30am", start: "2026-11-26 00:30 CET"},
		{in: "11am", start: "2026-11-25 11:00 CET"},
		{in: "08:00", start: "2026-11-26 08:00 CET"}, // over today: tomorrow
		{in: "10:00", start: "2026-11-25 10:00 CET"}, // now exactly
		{in: "00:00", start: "2026-11-26 00:00 CET"},
		{in: "fredag 6", start: "2026-11-27 06:00 CET"}, // 24-hour without am/pm

		// End times.
		{in: "fredag 18-21", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "fredag 18 - 21", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "fredag 18:00–21:00", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "fredag 18:00—21:30", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:30 CET"},
		{in: "2027-01-15 18:00 till 21:00", start: "2027-01-15 18:00 CET", end: "2027-01-15 21:00 CET"},
		{in: "2027-01-15 18:00 till kl 21", start: "2027-01-15 18:00 CET", end: "2027-01-15 21:00 CET"},
		{in: "2027-01-15 18:00 to 21:00", start: "2027-01-15 18:00 CET", end: "2027-01-15 21:00 CET"},
		{in: "2027-01-15 6pm until 9pm", start: "2027-01-15 18:00 CET", end: "2027-01-15 21:00 CET"},
		{in: "från 18 till 21 på lördag", start: "2026-11-28 18:00 CET", end: "2026-11-28 21:00 CET"},
		{in: "mellan 18 och 21 imorgon", start: "2026-11-26 18:00 CET", end: "2026-11-26 21:00 CET"},
		{in: "from 6pm to 9pm on friday", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "6-9pm friday", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "11-1pm fri", start: "2026-11-27 11:00 CET", end: "2026-11-27 13:00 CET"},
		{in: "fri 6pm-9", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "fri 8pm-1", start: "2026-11-27 20:00 CET", end: "2026-11-28 01:00 CET"},
		{in: "fri 11pm-1am", start: "2026-11-27 23:00 CET", end: "2026-11-28 01:00 CET"},
		{in: "fredag 22-01", start: "2026-11-27 22:00 CET", end: "2026-11-28 01:00 CET"}, // crosses midnight
		{in: "fredag 22-24", start: "2026-11-27 22:00 CET", end: "2026-11-28 00:00 CET"},
		{in: "fredag 22-00", start: "2026-11-27 22:00 CET", end: "2026-11-28 00:00 CET"},
		{in: "fredag 18-9", start: "2026-11-27 18:00 CET", end: "2026-11-28 09:00 CET"},
		{in: "18-21", start: "2026-11-25 18:00 CET", end: "2026-11-25 21:00 CET"},

		// Durations.
		{in: "fredag 18 i 2 timmar", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:00 CET"},
		{in: "fredag 18 i 1 timme", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:00 CET"},
		{in: "fredag 18 i en timme", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:00 CET"},
		{in: "fredag 18 i 1,5 timmar", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:30 CET"},
		{in: "fredag 18 i 45 minuter", start: "2026-11-27 18:00 CET", end: "2026-11-27 18:45 CET"},
		{in: "friday 6pm for 2 hours", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:00 CET"},
		{in: "fri 6pm for an hour", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:00 CET"},
		{in: "fredag 18 i två timmar", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:00 CET"},
		{in: "friday 6pm for two hours", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:00 CET"},
		{in: "fredag 18 i tre timmar och tio minuter", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:10 CET"},
		{in: "fri 6pm for 1.5 hours", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:30 CET"},
		{in: "fredag 18 (2h)", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:00 CET"},
		{in: "fredag 18 +90m", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:30 CET"},
		{in: "fredag 18 + 90 min", start: "2026-11-27 18:00 CET", end: "2026-11-27 19:30 CET"},
		{in: "fredag 18 3h", start: "2026-11-27 18:00 CET", end: "2026-11-27 21:00 CET"},
		{in: "fredag 18 2h30m", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:30 CET"},
		{in: "fredag 18 2h30", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:30 CET"},
		{in: "fredag 18 2 h 30 min", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:30 CET"},
		{in: "fredag 18 2 timmar och 30 minuter", start: "2026-11-27 18:00 CET", end: "2026-11-27 20:30 CET"},
		{in: "fredag 22 i 4 timmar", start: "2026-11-27 22:00 CET", end: "2026-11-28 02:00 CET"},
		{in: "fredag 18 i 24 timmar", start: "2026-11-27 18:00 CET", end: "2026-11-28 18:00 CET"},

		// Zones, only to pick between equal wall times, but read anywhere.
		{in: "2027-01-15T18:00Z", start: "2027-01-15 19:00 CET"},
		{in: "2027-01-15 17:00 UTC", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15 18:00 CET", start: "2027-01-15 18:00 CET"},
		{in: "2027-01-15 18:00-21:00 cet", start: "2027-01-15 18:00 CET", end: "2027-01-15 21:00 CET"},

		// DST: the clocks go forward on 2027-03-28 at 02:00.
		{in: "2027-03-28 02:30", kind: Impossible, reason: ClockGap, text: "02:30", errTime: "2027-03-28 00:00 CET"},
		{in: "2027-03-28 02:00", kind: Impossible, reason: ClockGap},
		{in: "2027-03-28 01:59", start: "2027-03-28 01:59 CET"},
		{in: "2027-03-28 03:00", start: "2027-03-28 03:00 CEST"},
		{in: "2027-03-28 01:30-03:30", start: "2027-03-28 01:30 CET", end: "2027-03-28 03:30 CEST"},
		{in: "2027-03-28 01:00 i 2 timmar", start: "2027-03-28 01:00 CET", end: "2027-03-28 04:00 CEST"},
		{in: "2027-03-28 01:00-02:30", kind: Impossible, reason: ClockGap, text: "02:30"},
		{in: "söndag 02:30", now: springSat, kind: Impossible, reason: ClockGap},
		{in: "02:30", now: springSat, kind: Impossible, reason: ClockGap}, // over today, and skipped tomorrow
		{in: "2027-03-28 02:30 CET", start: "2027-03-28 03:30 CEST"},

		// DST: the clocks go back on 2027-10-31 at 03:00.
		{in: "2027-10-31 02:30", kind: Ambiguous, reason: ClockRepeat, text: "02:30", errTime: "2027-10-31 02:30 CEST"},
		{in: "2027-10-31 02:00", kind: Ambiguous, reason: ClockRepeat},
		{in: "söndag 02:30", now: autumnSat, kind: Ambiguous, reason: ClockRepeat},
		{in: "2027-10-31 01:59", start: "2027-10-31 01:59 CEST"},
		{in: "2027-10-31 03:00", start: "2027-10-31 03:00 CET"},
		{in: "2027-10-31 02:30 cest", start: "2027-10-31 02:30 CEST"},
		{in: "2027-10-31 02:30 CET", start: "2027-10-31 02:30 CET"},
		{in: "2027-10-31 01:30-02:30", start: "2027-10-31 01:30 CEST", end: "2027-10-31 02:30 CEST"},
		{in: "2027-10-31 01:00 i 3 timmar", start: "2027-10-31 01:00 CEST", end: "2027-10-31 03:00 CET"},
		{in: "2020-10-25 02:30", kind: Past}, // a repeated time in the past is just past

		// Past.
		{in: "2020-01-01 18:00", kind: Past, text: "2020-01-01 18:00", errTime: "2020-01-01 18:00 CET"},
		{in: "2020-01-01", kind: Past, errTime: "2020-01-01 00:00 CET"},
		{in: "2026-11-25 09:59", kind: Past},
		{in: "2026-11-24 18:00-21:00", kind: Past},

		// Too far ahead: after now plus two years.
		{in: "2028-11-25 10:00", start: "2028-11-25 10:00 CET"},
		{in: "2028-11-25 10:01", kind: TooFar, errTime: "2028-11-25 10:01 CET"},
		{in: "2029-01-01 18:00", kind: TooFar},
		{in: "2029-01-01", kind: TooFar},
		{in: "9999-12-31 23:59", kind: TooFar},

		// Impossible dates and times.
		{in: "31/4 18:00", kind: Impossible, reason: NoSuchDate, text: "31/4"},
		{in: "30/2 18", kind: Impossible, reason: NoSuchDate, text: "30/2"},
		{in: "2027-02-29 18:00", kind: Impossible, reason: NoSuchDate, text: "2027-02-29"},
		{in: "2027-13-01 18:00", kind: Impossible, reason: NoSuchDate},
		{in: "2027-00-10 18:00", kind: Impossible, reason: NoSuchDate},
		{in: "32 jan 18:00", kind: Impossible, reason: NoSuchDate},
		{in: "0/1 18", kind: Impossible, reason: NoSuchDate},
		{in: "15/0 18", kind: Impossible, reason: NoSuchDate},
		{in: "1/15 18:00", kind: Impossible, reason: MonthFirst, text: "1/15"},
		{in: "12/25 18:00", kind: Impossible, reason: MonthFirst},
		{in: "31/4", kind: Impossible, reason: NoSuchDate}, // before MissingTime
		{in: "25:00", kind: Impossible, reason: NoSuchTime, text: "25:00"},
		{in: "fredag 18:75", kind: Impossible, reason: NoSuchTime, text: "18:75"},
		{in: "fredag 24", kind: Impossible, reason: NoSuchTime},
		{in: "fredag 24:00", kind: Impossible, reason: NoSuchTime},
		{in: "fredag 13pm", kind: Impossible, reason: NoSuchTime, text: "13pm"},
		{in: "fredag 0am", kind: Impossible, reason: NoSuchTime},
		{in: "fredag 18:00:60", kind: Impossible, reason: NoSuchTime},
		{in: "fredag 18-25", kind: Impossible, reason: NoSuchTime, text: "25"},
		{in: "fredag 22-24:30", kind: Impossible, reason: NoSuchTime},
		{in: "fredag 18-18", kind: Impossible, reason: ZeroDuration, text: "18-18"},
		{in: "fredag 6pm-18:00", kind: Impossible, reason: ZeroDuration},
		{in: "fredag 18 0h", kind: Impossible, reason: ZeroDuration, text: "0h"},
		{in: "fredag 18 i 25 timmar", kind: Impossible, reason: LongDuration, text: "i 25 timmar"},
		{in: "fredag 18 for 999999999 hours", kind: Impossible, reason: LongDuration},
		{in: "2020-02-30 18:00", kind: Impossible, reason: NoSuchDate}, // before Past

		// Not understood.
		{in: "", kind: Unrecognised, reason: Empty},
		{in: "   ", kind: Unrecognised, reason: Empty},
		{in: "kl", kind: Unrecognised, reason: Empty},
		{in: "blah", kind: Unrecognised, reason: NotUnderstood, text: "blah"},
		{in: "möte på fredag", kind: Unrecognised, reason: NotUnderstood, text: "möte"},
		{in: "fredag blah 18", kind: Unrecognised, reason: NotUnderstood, text: "blah"},
		{in: "next 18", kind: Unrecognised, reason: NotUnderstood, text: "next"},
		{in: "18h", kind: Unrecognised, reason: NotUnderstood},
		{in: "15/1/27 18", kind: Unrecognised, reason: NotUnderstood, text: "/"},
		{in: "fredag i 2 timmar", kind: Unrecognised, reason: NotUnderstood, text: "i"},
		{in: "fredag 18 i", kind: Unrecognised, reason: NotUnderstood, text: "i"},
		{in: "fredag 18 till", kind: Unrecognised, reason: NotUnderstood, text: "till"},
		{in: "18:00 18:00", kind: Unrecognised, reason: NotUnderstood},
		{in: "15/1 16/1 18", kind: Unrecognised, reason: NotUnderstood},
		{in: "fredag 2 timmar", kind: Unrecognised, reason: NotUnderstood, text: "2"},
		{in: "fredag 18:5", kind: Unrecognised, reason: NotUnderstood},
		{in: "1800", kind: Unrecognised, reason: NotUnderstood},
		{in: "jul", kind: Unrecognised, reason: NotUnderstood},
		{in: "fredag 18 i 9999999999 timmar", kind: Unrecognised, reason: NotUnderstood},
		{in: "fredag 18 CET CET", kind: Unrecognised, reason: NotUnderstood},
		{in: "\xff18", kind: Unrecognised, reason: NotUnderstood},
		{in: strings.Repeat("a", MaxInput+1), kind: Unrecognised, reason: LongInput},
		{in: strings.Repeat("fredag 18 ", 500), kind: Unrecognised, reason: LongInput},
	}
}

func TestParse(t *testing.T) {
	loc := stockholm(t)
	for _, c := range parseCases() {
		nowText := c.now
		if nowText == "" {
			nowText = defaultNow
		}
		now, err := time.ParseInLocation("2006-01-02 15:04", nowText, loc)
		if err != nil {
			t.Fatal(err)
		}
		name := c.in
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		t.Run(name+"@"+nowText, func(t *testing.T) {
			r, err := Parse(c.in, now, loc)
			if c.kind != 0 {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Parse(%q) = %v, %v; want %v/%v", c.in, fmtRange(r), err, c.kind, c.reason)
				}
				if e.Kind != c.kind || e.Reason != c.reason {
					t.Errorf("Parse(%q) error %v/%v (%v); want %v/%v", c.in, e.Kind, e.Reason, err, c.kind, c.reason)
				}
				if c.text != "" && e.Text != c.text {
					t.Errorf("Parse(%q) error Text %q; want %q", c.in, e.Text, c.text)
				}
				if c.errTime != "" && e.Time.Format(layout) != c.errTime {
					t.Errorf("Parse(%q) error Time %s; want %s", c.in, e.Time.Format(layout), c.errTime)
				}
				if want := max(c.year, 0); c.year != 0 && e.Year != want {
					t.Errorf("Parse(%q) error Year %d; want %d", c.in, e.Year, want)
				}
				if !r.Start.IsZero() || !r.End.IsZero() {
					t.Errorf("Parse(%q) returned a range with an error: %s", c.in, fmtRange(r))
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.in, err)
			}
			if got := r.Start.Format(layout); got != c.start {
				t.Errorf("Parse(%q) start %s; want %s", c.in, got, c.start)
			}
			end := ""
			if !r.End.IsZero() {
				end = r.End.Format(layout)
			}
			if end != c.end {
				t.Errorf("Parse(%q) end %q; want %q", c.in, end, c.end)
			}
			checkRange(t, c.in, r, now, loc)
		})
	}
}

func fmtRange(r Range) string {
	if r.End.IsZero() {
		return r.Start.Format(layout)
	}
	return r.Start.Format(layout) + " – " + r.End.Format(layout)
}

// checkRange checks what every successful Parse promises.
func checkRange(t *testing.T, in string, r Range, now time.Time, loc *time.Location) {
	t.Helper()
	if r.Start.Location() != loc {
		t.Errorf("Parse(%q) start in %v; want %v", in, r.Start.Location(), loc)
	}
	if r.Start.Before(now) || r.Start.After(now.AddDate(MaxYearsAhead, 0, 0)) {
		t.Errorf("Parse(%q) start %s outside [now, now+%dy]", in, r.Start.Format(layout), MaxYearsAhead)
	}
	if !r.End.IsZero() {
		if !r.End.After(r.Start) {
			t.Errorf("Parse(%q) end %s not after start %s", in, r.End.Format(layout), r.Start.Format(layout))
		}
		if r.End.Location() != loc {
			t.Errorf("Parse(%q) end in %v; want %v", in, r.End.Location(), loc)
		}
		// An end time is within a day on the clock; a DST change adds an hour.
		if r.End.Sub(r.Start) > MaxDuration+time.Hour {
			t.Errorf("Parse(%q) lasts %v", in, r.End.Sub(r.Start))
		}
	}
}

func TestRepeatedTimeAlternatives(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	_, err := Parse("2027-10-31 02:30", now, loc)
	var e *Error
	if !errors.As(err, &e) || e.Reason != ClockRepeat {
		t.Fatalf("got %v; want ClockRepeat", err)
	}
	if len(e.Alternatives) != 2 {
		t.Fatalf("Alternatives = %v; want 2", e.Alternatives)
	}
	want := []time.Time{
		time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC),
		time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC),
	}
	for i, a := range e.Alternatives {
		if !a.Equal(want[i]) || a.Location() != loc {
			t.Errorf("Alternatives[%d] = %v; want %v in %v", i, a, want[i], loc)
		}
	}
}

func TestPastTimeTellsHowLongAgo(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	for in, ago := range map[string]time.Duration{
		"idag 08:00":       2 * time.Hour,
		"2026-11-22 10:00": 72 * time.Hour,
	} {
		_, err := Parse(in, now, loc)
		var e *Error
		if !errors.As(err, &e) || e.Kind != Past {
			t.Fatalf("Parse(%q) = %v; want Past", in, err)
		}
		if got := now.Sub(e.Time); got != ago {
			t.Errorf("Parse(%q): %v ago; want %v", in, got, ago)
		}
	}
}

func TestWeekdayMismatchNamesBoth(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	_, err := Parse("fredag 16/1 18:00", now, loc)
	var e *Error
	if !errors.As(err, &e) || e.Reason != WeekdayMismatch {
		t.Fatalf("got %v; want WeekdayMismatch", err)
	}
	if e.Weekday != time.Friday || e.Time.Weekday() != time.Saturday {
		t.Errorf("Weekday %v, Time %v; want Friday written, Saturday read", e.Weekday, e.Time)
	}
}

func TestNoSuchDateYear(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 12, 20, 10, 0, 0, 0, loc)
	_, err := Parse("29/2 18:00", now, loc)
	var e *Error
	if !errors.As(err, &e) || e.Reason != NoSuchDate || e.Year != 2027 {
		t.Fatalf("got %#v; want NoSuchDate in 2027", err)
	}
	if !strings.Contains(err.Error(), "2027") {
		t.Errorf("message %q does not name the year", err)
	}
}

func TestNowInAnotherZone(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 11, 25, 22, 30, 0, 0, time.UTC) // 23:30 in Stockholm
	r, err := Parse("imorgon 18", now, loc)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Start.Format(layout); got != "2026-11-26 18:00 CET" {
		t.Errorf("start %s; want the day after Stockholm's today", got)
	}
	r, err = Parse("00:15", now, loc)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Start.Format(layout); got != "2026-11-26 00:15 CET" {
		t.Errorf("start %s; want 2026-11-26 00:15 CET", got)
	}
}

func TestNilLocationIsUTC(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	r, err := Parse("imorgon 18:00", now, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC); !r.Start.Equal(want) || r.Start.Location() != time.UTC {
		t.Errorf("start %v; want %v", r.Start, want)
	}
}

func TestLongInputIsQuick(t *testing.T) {
	loc := stockholm(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	huge := strings.Repeat("fredag 18:00 ", 400_000) // about 5 MB
	start := time.Now()
	for _, in := range []string{strings.Repeat("x", 5000), strings.Repeat("å", 5000), huge} {
		_, err := Parse(in, now, loc)
		var e *Error
		if !errors.As(err, &e) || e.Reason != LongInput {
			t.Errorf("Parse(%d bytes) = %v; want LongInput", len(in), err)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("long inputs took %v", d)
	}
	// 100 runes of Swedish letters (200 bytes) are read.
	in := "fredag 18:00 " + strings.Repeat("å", MaxInput-13)
	if _, err := Parse(in, now, loc); err == nil || err.(*Error).Reason != NotUnderstood {
		t.Errorf("Parse(%d runes) = %v; want NotUnderstood", MaxInput, err)
	}
}

func TestErrorMessages(t *testing.T) {
	loc := stockholm(t)
	for _, c := range parseCases() {
		if c.kind == 0 {
			continue
		}
		now, _ := time.ParseInLocation("2006-01-02 15:04", defaultNow, loc)
		if c.now != "" {
			now, _ = time.ParseInLocation("2006-01-02 15:04", c.now, loc)
		}
		_, err := Parse(c.in, now, loc)
		if err == nil {
			continue // reported by TestParse
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "when: ") || strings.ContainsAny(msg, "\r\n") || len(msg) > 200 {
			t.Errorf("Parse(%.20q) message %q: want one short line starting \"when: \"", c.in, msg)
		}
		if strings.Contains(msg, "Reason(") || strings.Contains(msg, "ErrorKind(") {
			t.Errorf("Parse(%.20q) message %q names no kind", c.in, msg)
		}
	}
}

func TestStrings(t *testing.T) {
	for k := Unrecognised; k <= TooFar; k++ {
		if strings.Contains(k.String(), "(") {
			t.Errorf("ErrorKind %d has no name", int(k))
		}
	}
	for r := NoReason; r <= MissingDay; r++ {
		if strings.Contains(r.String(), "(") {
			t.Errorf("Reason %d has no name", int(r))
		}
	}
	if ErrorKind(99).String() != "ErrorKind(99)" || Reason(99).String() != "Reason(99)" {
		t.Error("unknown values are not shown as numbers")
	}
}

// fuzzEpoch is the now FuzzParse's minutes count from.
var fuzzEpoch = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// FuzzParse reads any input at any now within some ten years (minutes
// from fuzzEpoch, so across year turns, leap days and clock changes) and
// checks that Parse never panics and keeps its promises.
func FuzzParse(f *testing.F) {
	loc := stockholm(f)
	for _, c := range parseCases() {
		nowText := c.now
		if nowText == "" {
			nowText = defaultNow
		}
		now, err := time.ParseInLocation("2006-01-02 15:04", nowText, loc)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c.in, int32(now.Sub(fuzzEpoch)/time.Minute))
	}
	f.Fuzz(func(t *testing.T, s string, minutes int32) {
		// Within about ±5 years.
		now := fuzzEpoch.Add(time.Duration(minutes%(5*366*24*60)) * time.Minute).In(loc)
		r, err := Parse(s, now, loc)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T is not *Error", s, err)
			}
			if e.Kind < Unrecognised || e.Kind > TooFar {
				t.Fatalf("Parse(%q) error kind %v", s, e.Kind)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "when: ") || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("Parse(%q) message %q is not one line", s, msg)
			}
			if !r.Start.IsZero() || !r.End.IsZero() {
				t.Fatalf("Parse(%q) returned a range with an error", s)
			}
			if e.Reason == JustPassed {
				checkJustPassed(t, s, e, now)
			}
			return
		}
		checkRange(t, s, r, now, loc)
	})
}

// checkJustPassed checks what a JustPassed error promises.
func checkJustPassed(t *testing.T, in string, e *Error, now time.Time) {
	t.Helper()
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if e.Kind != Past || !e.Time.Before(today) || e.Time.Before(today.AddDate(0, 0, -JustPassedDays)) {
		t.Errorf("Parse(%q) at %s: JustPassed %v at %s, not within %d days before today", in, now.Format(layout), e.Kind, e.Time.Format(layout), JustPassedDays)
	}
	if e.Time.Hour() != 0 || e.Time.Minute() != 0 {
		t.Errorf("Parse(%q): JustPassed time %s is not a day's start", in, e.Time.Format(layout))
	}
	if e.Year != 0 && e.Year != e.Time.Year()+1 {
		t.Errorf("Parse(%q): JustPassed suggests %d for a day in %d", in, e.Year, e.Time.Year())
	}
	if e.Year != 0 && time.Date(e.Year, e.Time.Month(), e.Time.Day(), 12, 0, 0, 0, time.UTC).Day() != e.Time.Day() {
		t.Errorf("Parse(%q): JustPassed suggests %d, which has no %s", in, e.Year, e.Time.Format("2 January"))
	}
}

// TestWord: the words an unquoted time goes on with, alone or led into
// by small words, and the words that end it.
func TestWord(t *testing.T) {
	for _, w := range []string{
		"18:00", "15.00", "3pm", "18-21", "fredag", "Fredag", "fre", "fredagen", "måndagen", "friday", "dec", "Dec.",
		"december", "kl", "kl.", "Kl.", "klockan", "pm", "p.m.", "a.m.", "em", "i morgon", "morgon", "imorgon",
		"tomorrow", "kväll", "kvällen", "nästa", "next", "vecka", "week", "midnatt", "noon", "lunch", "-", "–",
		"timmar", "hours", "CET",
		// Small words with the time's word they lead to.
		"at 3pm", "at noon", "on the 15th", "den 15", "den här fredagen", "nu på fredag", "på fredag", "this friday",
		"till 21", "to 9pm", "until 21:00", "och 21", "i 2 timmar", "i två timmar", "for two hours", "for an hour",
		"om en vecka", "in two weeks", "i kväll", "vid lunch", "the 15th of January", "after tomorrow",
	} {
		if !Word(w) {
			t.Errorf("Word(%q) = false, want true", w)
		}
	}
	for _, w := range []string{
		"", " ", "fika", "Ta", "at", "i", "på", "till", "the", "this", "den", "här", "nu", "en", "och", "two",
		"min", "m", "ateljén", "at the library", "i ateljén", "till alla", "for two people", "en trevlig kväll",
		"den här", "om en", "at the the the 3pm", "dagen", "fika.",
	} {
		if Word(w) {
			t.Errorf("Word(%q) = true, want false", w)
		}
	}
}

func TestHasDay(t *testing.T) {
	for s, want := range map[string]bool{
		"fredag 18": true, "15/1 18:00": true, "i morgon 10": true, "this friday 3pm": true, "nästa vecka onsdag 18": true,
		"18:00": false, "12-14": false, "kl 18": false, "fika": false, "": false, strings.Repeat("fredag ", 30): false,
	} {
		if got := HasDay(s); got != want {
			t.Errorf("HasDay(%q) = %v, want %v", s, got, want)
		}
	}
}
