package commands_test

import (
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

func TestMyDataExportAndDelete(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	h.Say(kim, "meetup rsvp id:1 answer:yes")
	h.Say(kim, "language en")
	h.Say(kim, "learn")
	got := h.Say(kim, "mydata export")
	for _, want := range []string{`"members"`, `"user_id": "kim"`, `"locale": "en"`, `"rsvps"`, `"answer": "yes"`, `"learn_progress"`} {
		if !strings.Contains(got, want) {
			t.Errorf("export lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"user_id": "olle"`) {
		t.Fatal("export holds another member's data")
	}
	ask := h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "dm-kim", DM: true}, Text: "mydata delete", Addressed: true})
	c := ask.Replies[0].Card
	if c == nil || c.Buttons[0].Command != "mydata delete confirm:yes" || !strings.Contains(ask.Text(), "Confirm with the button") {
		t.Fatalf("delete without confirmation = %q", ask.Text())
	}
	if got := h.Send(bot.Event{Kind: bot.EventAction, User: kim, Channel: bot.Channel{ID: "dm-kim", DM: true}, Action: c.Buttons[0].Action}).Text(); !strings.Contains(got, "deleted") {
		t.Fatalf("confirmed delete = %q", got)
	}
	if show := h.Say(org, "meetup show id:1"); strings.Contains(show, "kim") {
		t.Fatalf("the forgotten member still shows as coming: %q", show)
	}
	// Another member's data is an admin's to delete, and only theirs.
	if got := h.Say(kim, "member forget user:olle"); !strings.Contains(got, "kräver rollen administratör") {
		t.Fatalf("member deleted another's data: %q", got)
	}
	if got := h.Say(h.Member("ada", bot.RoleAdmin), "member forget user:olle"); got != "Allt som sparats om olle är raderat." {
		t.Fatalf("admin forget = %q", got)
	}
}
