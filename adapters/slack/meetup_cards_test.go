package slack_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/internal/slackfake"
)

// TestMeetupCardUpdatedInPlace: the card posted for a meetup is updated
// with chat.update as members answer (the answers after the first shown
// together), when the organiser moves it (and those who said yes or maybe
// get a DM saying what changed, with the calendar file), and when it is
// cancelled.
func TestMeetupCardUpdatedInPlace(t *testing.T) {
	e := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	wait := func(what string, cond func() bool) {
		t.Helper()
		if err := e.fake.WaitUntil(ctx, cond); err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
	}
	// updates are the chat.update calls on the card, oldest first.
	updates := func(ts string) []slackfake.Post {
		var out []slackfake.Post
		for _, p := range e.fake.Posts(e.general) {
			if p.Method == "chat.update" && p.TS == ts {
				out = append(out, p)
			}
		}
		return out
	}
	lastUpdate := func(ts string) string {
		us := updates(ts)
		if len(us) == 0 {
			return ""
		}
		return string(us[len(us)-1].Blocks)
	}

	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/meetup", Text: `create title:"Surdegskurs" when:"2027-06-15 10:00" where:"Bageriet" capacity:5`, UserID: "UOLLE", ChannelID: e.general})
	var card slackfake.Post
	wait("the card in the channel", func() bool {
		for _, p := range e.fake.Posts(e.general) {
			if p.Method == "chat.postMessage" && strings.Contains(string(p.Blocks), "Surdegskurs") && strings.Contains(string(p.Blocks), `"value":"meetup rsvp id:1 answer:yes"`) {
				card = p
				return true
			}
		}
		return false
	})
	// The card is recorded once the post returns, before the organiser's
	// answer (an answer clicked in between asks for one more refresh).
	wait("the organiser's answer", func() bool { return len(allResponsePosts(e.fake)) > 0 })
	click := func(user, answer string) {
		e.fake.SendBlockAction(slackfake.BlockAction{UserID: user, ChannelID: e.general, MessageTS: card.TS, ActionID: "pb-0", Value: "meetup rsvp id:1 answer:" + answer})
	}
	// The card is in the organiser's language (English here); the notices
	// in each member's (the community's, Swedish, when they chose none).
	click("UKIM", "yes")
	wait("the card showing kim's yes", func() bool { return strings.Contains(lastUpdate(card.TS), "1 of 5 places, 0 maybe") })
	click("UADA", "maybe")
	wait("ada's answer stored", func() bool {
		rs, _ := e.h.DB.RSVPs(ctx, 1)
		return len(rs) == 2
	})
	if n := len(updates(card.TS)); n != 1 {
		t.Fatalf("%d updates before the ten seconds are up, want 1", n)
	}
	e.h.Advance(10 * time.Second)
	wait("the card showing ada's maybe", func() bool { return strings.Contains(lastUpdate(card.TS), "1 of 5 places, 1 maybe") })

	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/meetup", Text: `edit id:1 where:"Stora bageriet"`, UserID: "UOLLE", ChannelID: e.general})
	wait("the card showing the new place", func() bool { return strings.Contains(lastUpdate(card.TS), "Stora bageriet") })
	if got := lastUpdate(card.TS); !strings.Contains(got, `"value":"meetup rsvp id:1 answer:yes"`) {
		t.Fatalf("the updated card lost its buttons: %s", got)
	}
	for _, user := range []string{"UKIM", "UADA"} {
		dm := e.fake.DMChannel(user)
		wait("the change notice to "+user, func() bool {
			for _, p := range e.fake.Posts(dm) {
				if strings.Contains(p.Text, "“Surdegskurs” är ändrad") && strings.Contains(p.Text, "Var: Bageriet → Stora bageriet") &&
					strings.Contains(p.Text, "LOCATION:Stora bageriet") { // Slack gets the calendar file as text
					return true
				}
			}
			return false
		})
	}

	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/meetup", Text: "cancel id:1", UserID: "UOLLE", ChannelID: e.general})
	wait("the card cancelled", func() bool {
		got := lastUpdate(card.TS)
		return strings.Contains(got, "CANCELLED: Surdegskurs") && !strings.Contains(got, `"type":"actions"`)
	})
}
