package commands

import (
	"fmt"
	"time"
)

// formatWhen writes a meetup time for members, in the community timezone:
// "fredag 15 januari 2027 kl. 18:00" / "Friday 15 January 2027, 18:00",
// with the end time when there is one.
func formatWhen(lang string, start, end time.Time, loc *time.Location) string {
	start = start.In(loc)
	var s string
	if lang == "en" {
		s = fmt.Sprintf("%s %d %s %d, %s", start.Weekday(), start.Day(), start.Month(), start.Year(), start.Format("15:04"))
	} else {
		s = fmt.Sprintf("%s %d %s %d kl. %s", svWeekdays[start.Weekday()], start.Day(), svMonths[start.Month()-1], start.Year(), start.Format("15:04"))
	}
	if !end.IsZero() {
		end = end.In(loc)
		if end.YearDay() == start.YearDay() && end.Year() == start.Year() {
			s += "–" + end.Format("15:04")
		} else {
			s += " – " + formatWhen(lang, end, time.Time{}, loc)
		}
	}
	return s
}

// Swedish names; read-only.
var (
	svWeekdays = [...]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"}
	svMonths   = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}
)
