package commands

import (
	"context"
	"fmt"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// The meetups' views for surfaces that draw them (the web dashboard): the
// upcoming meetups on a calendar (`meetup list`) and who answered what
// (`meetup show`, in meetup.go beside the card it matches).

// calendarView puts the meetups of `meetup list` on a calendar: each with
// how many are coming and waitlisted, and the command that shows it.
func (f *meetups) calendarView(ctx context.Context, c *bot.Call, ms []storage.Meetup) bot.View {
	items := make([]bot.CalendarItem, 0, len(ms))
	for _, m := range ms {
		rsvps, _ := f.store.RSVPs(ctx, m.ID) // as the card counts them
		yes, wait, _ := tally(rsvps)
		detail := c.TN("meetup.going", yes, yes)
		if wait > 0 {
			detail += " · " + c.TN("meetup.waitlisted", wait, wait)
		}
		item := bot.CalendarItem{Title: m.Title, Start: m.Start.In(f.loc), Place: m.Location, Detail: detail, Command: fmt.Sprintf("meetup show id:%d", m.ID)}
		if !m.End.IsZero() {
			item.End = m.End.In(f.loc)
		}
		items = append(items, item)
	}
	return bot.View{Title: c.T("meetup.list_view"), Calendar: items}
}

// viewStamp writes a time in a view's cell: the day and the minute in the
// community's timezone, the same in both languages ("2026-11-25 18:00").
func viewStamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// meetupViewMessages are the views' texts.
func meetupViewMessages() bot.Messages {
	return bot.Messages{
		"meetup.list_view":        {SV: "Kommande träffar", EN: "Upcoming meetups"},
		"meetup.going.one":        {SV: "%d kommer", EN: "%d going"},
		"meetup.going.other":      {SV: "%d kommer", EN: "%d going"},
		"meetup.waitlisted.one":   {SV: "%d på väntelistan", EN: "%d waitlisted"},
		"meetup.waitlisted.other": {SV: "%d på väntelistan", EN: "%d waitlisted"},
		"meetup.answers_view":     {SV: "Svar: %s", EN: "Answers: %s"},
		"meetup.col_name":         {SV: "Namn", EN: "Name"},
		"meetup.col_answer":       {SV: "Svar", EN: "Answer"},
		"meetup.col_answered":     {SV: "Svarade", EN: "Answered"},
		"meetup.answer_yes":       {SV: "kommer", EN: "coming"},
		"meetup.answer_waitlist":  {SV: "på väntelistan", EN: "waitlisted"},
		"meetup.answer_maybe":     {SV: "kanske", EN: "maybe"},
	}
}
