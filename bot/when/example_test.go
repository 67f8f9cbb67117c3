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
