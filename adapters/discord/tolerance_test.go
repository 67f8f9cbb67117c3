package discord_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/discordfake"
)

// A Discord-compatible server that types fields its own way (public_flags
// as a string, unknown fields): a 2xx is a delivered message, so no reply
// is followed by "something went wrong", a long reply is posted whole, and
// events whose typed decode fails are still answered.
func TestMistypedFieldsNeverTurnADeliveryIntoAFailure(t *testing.T) {
	e := start(t, setup{fakeOpts: []discordfake.Option{discordfake.WithMistypedFields()}})
	mention(e, e.kim, "vad står PUNKS för?")
	answer := e.messages(t, 1)[0]
	if !strings.Contains(answer.Content, "Passionsdriven Utveckling") {
		t.Fatalf("answer = %q", answer.Content)
	}
	// Help is long: every part arrives, and nothing says it failed.
	mention(e, e.admin, "help")
	e.waitFor(t, "help in several parts", func() bool { return len(e.fake.Messages(e.general)) >= 3 })
	mention(e, e.org, `meetup create title:"Keramikkväll" when:"2027-03-04 18:00" where:"Ateljén"`)
	e.waitFor(t, "the meetup created", func() bool {
		for _, m := range e.fake.Messages(e.general) {
			if strings.Contains(m.Content, "Keramikkväll") || len(m.Embeds) > 0 && m.Embeds[0].Title == "Keramikkväll" {
				return true
			}
		}
		return false
	})
	ms, err := e.h.DB.UpcomingMeetups(context.Background(), e.h.Clock.Now(), 10)
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetups: %d, %v (want exactly one)", len(ms), err)
	}
	for _, m := range e.fake.Messages(e.general) {
		if strings.Contains(m.Content, "gick fel") || strings.Contains(m.Content, "went wrong") {
			t.Fatalf("a delivered reply was reported as failed: %q", m.Content)
		}
	}
	// A slash command and a button click whose events carry the mistyped
	// fields are answered.
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "learn",
		Options: []discordfake.OptionValue{discordfake.Sub("start")}, Locale: "sv-SE"})
	r := e.response(t, id)
	if len(r.Data.Components) == 0 {
		t.Fatalf("learn = %+v", r.Data)
	}
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: r.Data.Components[0].Components[0].CustomID, Locale: "sv-SE"})
	if r := e.response(t, click); r.Data.Content == "" {
		t.Fatalf("the click was not answered: %+v", r)
	}
}

// A handler slower than Discord's window, with no deferral in time: the
// answer is not retried against a closed window; it goes to the channel.
func TestAnswerAfterTheWindowGoesToTheChannel(t *testing.T) {
	slow := &bot.Command{Name: "slowpoke", Group: "general", Help: bot.Text{SV: "x", EN: "x"},
		Run: func(ctx context.Context, c *bot.Call) error {
			time.Sleep(600 * time.Millisecond)
			return c.Reply(ctx, bot.Reply{Text: "äntligen klar"})
		}}
	e := start(t, setup{extra: []*bot.Command{slow}, deferAfter: time.Hour, window: 300 * time.Millisecond,
		fakeOpts: []discordfake.Option{discordfake.WithInteractionDeadline(300 * time.Millisecond)}})
	e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "slowpoke"})
	if m := e.messages(t, 1)[0]; m.Content != "äntligen klar" {
		t.Fatalf("in the channel: %q", m.Content)
	}
	for _, r := range e.fake.Requests() {
		if strings.Contains(r.Path, "/callback") && r.Status == 404 {
			t.Fatalf("a callback was tried after the window: %+v", r)
		}
	}
}

// A deferred answer is filled with empty lists, not null, which compatible
// servers refuse.
func TestDeferredAnswerEditedWithoutNulls(t *testing.T) {
	slow := &bot.Command{Name: "slowtext", Group: "general", Help: bot.Text{SV: "x", EN: "x"},
		Run: func(ctx context.Context, c *bot.Call) error {
			time.Sleep(500 * time.Millisecond)
			return c.Reply(ctx, bot.Reply{Text: "klart"})
		}}
	e := start(t, setup{extra: []*bot.Command{slow}, fakeOpts: []discordfake.Option{discordfake.WithMistypedFields()}})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "slowtext"})
	if r := e.response(t, id); r.Type != discordfake.ResponseDeferredMessage {
		t.Fatalf("first response type %d, want a deferral", r.Type)
	}
	e.waitFor(t, "the deferred answer filled", func() bool {
		m, ok := e.fake.Original(id)
		return ok && m.Content == "klart"
	})
}
