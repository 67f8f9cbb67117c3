package commands_test

import (
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// A date that passed a day ago is not silently moved a year ahead.
func TestMeetupOnADateJustPassedIsRefused(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Stockholm")
	h := bottest.New(t, bottest.At(time.Date(2026, 12, 5, 10, 0, 0, 0, loc)))
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.SayIn(org, "sv", `meetup create title:"Julfika" when:"4/12 18:00"`); got != "4 december har redan varit — menade du 4 december 2027?" {
		t.Fatalf("sv = %q", got)
	}
	if got := h.SayIn(org, "en", `meetup create title:"Julfika" when:"4/12 18:00"`); got != "4 December has already passed — did you mean 4 December 2027?" {
		t.Fatalf("en = %q", got)
	}
	if got := h.SayIn(org, "sv", `meetup create title:"Julfika" when:"4/12/2027 18:00"`); got == "" || !strings.Contains(got, "Julfika") {
		t.Fatalf("with the year = %q", got)
	}
}
