package slack_test

import (
	"strings"
	"testing"

	"passionbot/internal/slackfake"
)

// TestChannelArgumentStaysInsideTheWorkspace: `channel:` naming a channel
// the workspace does not have, or a private channel the admin is not in
// (whether or not the bot is), is refused for moderation and
// announcements, and nothing changes there; a public channel and a private
// one the caller is in still work.
func TestChannelArgumentStaysInsideTheWorkspace(t *testing.T) {
	e := start(t)
	bot := e.fake.BotUserID()
	staff := e.fake.AddChannel(slackfake.Channel{Name: "styrelsen", IsPrivate: true, Topic: "styrelsens", Members: []string{bot, "UKIM"}})
	secret := e.fake.AddChannel(slackfake.Channel{Name: "hemlig", IsPrivate: true, Topic: "hemlig", Members: []string{"UKIM"}})
	own := e.fake.AddChannel(slackfake.Channel{Name: "admins", IsPrivate: true, Members: []string{bot, "UADA"}})

	dm := e.fake.DMChannel("UADA")
	n := 0
	say := func(text string) string {
		t.Helper()
		e.fake.SendEvent(slackfake.MessageEvent{User: "UADA", Text: text})
		n++
		return blockText(t, waitPosts(t, e.fake, dm, n)[n-1])
	}
	const refused = "is not a channel of the community that you can see"
	for _, cmd := range []string{
		"channel topic channel:<#" + staff + "> text:hijacked",
		"channel rename channel:<#" + staff + "> name:hijacked",
		"channel archive channel:<#" + staff + "> confirm:yes",
		"channel topic channel:<#" + secret + "> text:hijacked",
		"channel topic channel:<#C0OTHERTEAM> text:hijacked",
		`announce schedule cron:"0 9 * * 1" channel:"<#` + staff + `>" text:"hello"`,
		`announce schedule cron:"0 9 * * 1" channel:"<#C0OTHERTEAM>" text:"hello"`,
	} {
		if got := say(cmd); !strings.Contains(got, refused) {
			t.Errorf("%s = %q, want a refusal", cmd, got)
		}
	}
	for id, want := range map[string]string{staff: "styrelsens", secret: "hemlig"} {
		ch, _ := e.fake.Channel(id)
		if ch.Topic != want || ch.IsArchived || ch.Name == "hijacked" {
			t.Errorf("channel %s was changed: %+v", id, ch)
		}
	}
	if got := say("announce list"); !strings.Contains(got, "No scheduled messages") {
		t.Errorf("a refused announcement was stored: %q", got)
	}
	for _, id := range []string{e.general, own} {
		if got := say("channel topic channel:<#" + id + "> text:Fika"); got != "Done." {
			t.Errorf("topic of %s, which the admin can see = %q", id, got)
		}
		if ch, _ := e.fake.Channel(id); ch.Topic != "Fika" {
			t.Errorf("topic of %s = %q", id, ch.Topic)
		}
	}
}
