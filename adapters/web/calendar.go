package web

import (
	"strings"
	"time"

	"passionbot/bot"
)

// month is a calendar grid: weeks of days, Monday first.
type month struct {
	Title    string
	Weekdays []string
	Weeks    [][]day
}

// day is one cell; Number 0 is a day of another month.
type day struct {
	Number int
	Date   string // 2006-01-02, for the cell's time element
	Items  []calItem
	Today  bool
}

type calItem struct {
	Title, Time, Place, Detail, Command string
}

// maxMonths bounds how many months a calendar view draws.
const maxMonths = 6

// months lays out items on month grids in the community's timezone, from
// the first item's month to the last's (at most maxMonths).
func (a *Adapter) months(lang string, items []bot.CalendarItem) []month {
	loc := a.opt.Location
	byDay := map[string][]calItem{}
	first, last := items[0].Start.In(loc), items[0].Start.In(loc)
	for _, it := range items {
		s := it.Start.In(loc)
		if s.Before(first) {
			first = s
		}
		if s.After(last) {
			last = s
		}
		k := s.Format("2006-01-02")
		byDay[k] = append(byDay[k], calItem{Title: it.Title, Time: s.Format("15:04"), Place: it.Place, Detail: it.Detail, Command: it.Command})
	}
	today := a.opt.Now().In(loc).Format("2006-01-02")
	weekdays := strings.Fields(a.t(lang, "web.weekdays"))
	var out []month
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, loc)
	for i := 0; i < maxMonths && !m.After(last); i++ {
		mo := month{Title: monthName(lang, m.Month()) + " " + m.Format("2006"), Weekdays: weekdays}
		offset := (int(m.Weekday()) + 6) % 7 // Monday first
		var week []day
		for range offset {
			week = append(week, day{})
		}
		for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
			k := d.Format("2006-01-02")
			week = append(week, day{Number: d.Day(), Date: k, Items: byDay[k], Today: k == today})
			if len(week) == 7 {
				mo.Weeks = append(mo.Weeks, week)
				week = nil
			}
		}
		if len(week) > 0 {
			for len(week) < 7 {
				week = append(week, day{})
			}
			mo.Weeks = append(mo.Weeks, week)
		}
		out = append(out, mo)
		m = m.AddDate(0, 1, 0)
	}
	return out
}

var monthsSV = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

func monthName(lang string, m time.Month) string {
	if lang == bot.LangEN {
		return m.String()
	}
	return monthsSV[m-1]
}

var weekdaysSV = [...]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"}

func weekdayName(lang string, d time.Weekday) string {
	if lang == bot.LangEN {
		return d.String()
	}
	return weekdaysSV[d]
}
