package discord_test

import (
	"strings"
	"testing"
	"time"

	"passionbot/internal/discordfake"
)

// TestMeetupSeriesScheduledEvents: on Discord a recurring meetup is one
// scheduled event per occurrence (each has its own answers and changes),
// four ahead; when one starts the next event is created; cancelling the
// following ones cancels their events.
func TestMeetupSeriesScheduledEvents(t *testing.T) {
	e := start(t, setup{})
	loc, _ := time.LoadLocation("Europe/Stockholm")
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.org, CommandName: "meetup", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("create", discordfake.Str("title", "Keramikkväll"), discordfake.Str("when", "2027-03-04 18:00"),
			discordfake.Str("repeat", "varannan torsdag"))}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "Serien är skapad: ↻ varannan torsdag kl. 18:00") {
		t.Fatalf("create = %q", r.Data.Content)
	}
	starts := func(status int) []string {
		var out []string
		for _, ev := range e.fake.ScheduledEvents(e.guild.ID) {
			if ev.Status == status && ev.Name == "Keramikkväll" {
				out = append(out, ev.StartTime.In(loc).Format("2006-01-02 15:04 MST"))
			}
		}
		return out
	}
	// Across the clock change of 28 March: still 18:00 local time.
	want := "2027-03-04 18:00 CET|2027-03-18 18:00 CET|2027-04-01 18:00 CEST|2027-04-15 18:00 CEST"
	e.waitFor(t, "four scheduled events", func() bool { return strings.Join(starts(1), "|") == want })

	e.h.Advance(time.Date(2027, 3, 4, 18, 1, 0, 0, loc).Sub(e.h.Clock.Now()))
	want += "|2027-04-29 18:00 CEST"
	e.waitFor(t, "the fifth event once the first started", func() bool { return strings.Join(starts(1), "|") == want })

	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.org, CommandName: "meetup", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("cancel", discordfake.Int("id", 3), discordfake.Str("scope", "following"))}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "Träff 3 och serien framåt är inställda (3 träffar)") {
		t.Fatalf("cancel following = %q", r.Data.Content)
	}
	e.waitFor(t, "three events cancelled", func() bool { return len(starts(4)) == 3 && len(starts(1)) == 2 })
}
