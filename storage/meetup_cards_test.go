package storage

import (
	"context"
	"testing"
	"time"

	"passionbot/bot"
)

func TestMeetupCardsRecordedListedForgottenAndCascaded(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org := bot.User{Platform: bot.PlatformDiscord, ID: "olle"}
	m, err := d.CreateMeetup(ctx, Meetup{Title: "Fika", Start: time.Now().Add(24 * time.Hour), Platform: bot.PlatformDiscord, ChannelID: "c1", Organiser: org})
	if err != nil {
		t.Fatal(err)
	}
	a := MeetupCard{MeetupID: m.ID, Platform: bot.PlatformDiscord, Ref: bot.MessageRef{Channel: "c1", ID: "m1"}, Lang: "sv"}
	b := MeetupCard{MeetupID: m.ID, Platform: bot.PlatformSlack, Ref: bot.MessageRef{Channel: "C2", ID: "1.2"}}
	for _, c := range []MeetupCard{a, b, a} { // the same card twice is one card
		if err := d.AddMeetupCard(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if cs, err := d.MeetupCards(ctx, m.ID); err != nil || len(cs) != 2 || cs[0] != a || cs[1] != b {
		t.Fatalf("cards = %+v, %v", cs, err)
	}
	if err := d.RemoveMeetupCard(ctx, a); err != nil {
		t.Fatal(err)
	}
	if cs, _ := d.MeetupCards(ctx, m.ID); len(cs) != 1 || cs[0] != b {
		t.Fatalf("after removing one: %+v", cs)
	}
	if _, err := d.SQL().ExecContext(ctx, "DELETE FROM meetups WHERE id = ?", m.ID); err != nil {
		t.Fatal(err)
	}
	if cs, _ := d.MeetupCards(ctx, m.ID); len(cs) != 0 {
		t.Fatalf("cards outlived their meetup: %+v", cs)
	}
}
