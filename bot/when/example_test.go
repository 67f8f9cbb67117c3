package when_test

import (
	"errors"
	"fmt"
	"time"

	"passionbot/bot/when"
)

func ExampleParse() {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc) // a Wednesday
	for _, s := range []string{"fredag 18-21", "15/1 kl. 18", "tomorrow 6pm for 2 hours", "idag 08:00", "30/2 18:00", "2027-10-31 02:30"} {
		r, err := when.Parse(s, now, loc)
		var e *when.Error
		switch {
		case err == nil && r.End.IsZero():
			fmt.Printf("%s: %s\n", s, r.Start.Format("Mon 2 Jan 15:04"))
		case err == nil:
			fmt.Printf("%s: %s to %s\n", s, r.Start.Format("Mon 2 Jan 15:04"), r.End.Format("15:04"))
		case errors.As(err, &e) && e.Kind == when.Past:
			fmt.Printf("%s: that was %v ago\n", s, now.Sub(e.Time))
		default:
			fmt.Printf("%s: %v, %v\n", s, e.Kind, e.Reason)
		}
	}
	// Output:
	// fredag 18-21: Fri 27 Nov 18:00 to 21:00
	// 15/1 kl. 18: Fri 15 Jan 18:00
	// tomorrow 6pm for 2 hours: Thu 26 Nov 18:00 to 20:00
	// idag 08:00: that was 2h0m0s ago
	// 30/2 18:00: Impossible, NoSuchDate
	// 2027-10-31 02:30: Ambiguous, ClockRepeat
}

// A date that has just passed is refused with the year the member may have
// meant, for the caller to ask in the member's language.
func ExampleParse_justPassed() {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err)
	}
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, loc)
	for _, s := range []string{"4/12 18:00", "om två veckor 18", "nästa vecka onsdag lunch", "fredag midnatt"} {
		r, err := when.Parse(s, now, loc)
		var e *when.Error
		switch {
		case err == nil:
			fmt.Printf("%s: %s\n", s, r.Start.Format("Mon 2 Jan 2006 15:04"))
		case errors.As(err, &e) && e.Reason == when.JustPassed:
			day := e.Time.Format("2 January")
			fmt.Printf("%s: %s has already passed — did you mean %s %d?\n", s, day, day, e.Year)
		default:
			fmt.Printf("%s: %v\n", s, err)
		}
	}
	// Output:
	// 4/12 18:00: 4 December has already passed — did you mean 4 December 2027?
	// om två veckor 18: Sat 19 Dec 2026 18:00
	// nästa vecka onsdag lunch: Wed 9 Dec 2026 12:00
	// fredag midnatt: Sat 12 Dec 2026 00:00
}
