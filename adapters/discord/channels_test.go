package discord_test

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"passionbot/adapters/discord/discordfake"
)

// TestChannelArgumentStaysInsideTheServer: `channel:` naming a channel of
// another server the bot is in, or a staff channel the moderator cannot
// read, is refused for moderation and announcements, and nothing changes
// there; a channel the caller can see still works.
func TestChannelArgumentStaysInsideTheServer(t *testing.T) {
	e := start(t, setup{})
	other := e.fake.AddGuild(discordfake.Guild{Name: "Grannservern", Channels: []discordfake.Channel{{Name: "utanfor", Topic: "deras"}},
		Members: []discordfake.Member{{User: e.fake.NewUser("granne")}, {User: e.mod}}})
	outside := other.Channels[0].ID
	hidden := []discordfake.PermissionOverwrite{{ID: e.guild.ID, Type: 0, Deny: discordgo.PermissionViewChannel}}
	staff := e.fake.AddChannel(e.guild.ID, discordfake.Channel{Name: "styrelsen", Topic: "styrelsens", PermissionOverwrites: hidden})
	// A hidden channel where the moderator alone is let in, by a member overwrite.
	mods := e.fake.AddChannel(e.guild.ID, discordfake.Channel{Name: "moderatorer", PermissionOverwrites: append(hidden,
		discordfake.PermissionOverwrite{ID: e.mod.ID, Type: 1, Allow: discordgo.PermissionViewChannel})})

	n := 0
	say := func(u discordfake.User, text string) string {
		t.Helper()
		mention(e, u, text)
		n++
		return e.messages(t, n)[n-1].Content
	}
	const refused = "är ingen kanal i gemenskapen som du kan se"
	for _, cmd := range []string{
		"channel topic channel:<#" + outside + "> text:kapad",
		"channel rename channel:<#" + outside + "> name:kapad",
		"channel lock channel:<#" + outside + ">",
		"purge count:5 channel:<#" + outside + ">",
		"channel topic channel:<#" + staff.ID + "> text:kapad",
		"channel lock channel:<#" + staff.ID + ">",
		"channel archive channel:<#" + staff.ID + "> confirm:yes",
		"channel slowmode seconds:60 channel:<#" + staff.ID + ">",
		`announce schedule cron:"0 9 * * 1" channel:"<#` + staff.ID + `>" text:"hej"`,
		`announce schedule cron:"0 9 * * 1" channel:"<#` + outside + `>" text:"hej"`,
		"channel topic channel:<#123456789012> text:kapad", // no such channel
	} {
		if got := say(e.mod, cmd); !strings.Contains(got, refused) {
			t.Errorf("%s = %q, want a refusal", cmd, got)
		}
	}
	for id, want := range map[string]string{outside: "deras", staff.ID: "styrelsens"} {
		ch, _ := e.fake.Channel(id)
		if ch.Topic != want || strings.HasPrefix(ch.Name, "arkiv-") || ch.Name == "kapad" || ch.RateLimitPerUser != 0 || len(ch.PermissionOverwrites) > 1 {
			t.Errorf("channel %s was changed: %+v", id, ch)
		}
	}
	if list := say(e.mod, "announce list"); !strings.Contains(list, "Inga schemalagda meddelanden") {
		t.Errorf("a refused announcement was stored: %q", list)
	}
	// What the caller can see still works: the moderator's own hidden
	// channel, and the staff channel for the server's owner.
	if got := say(e.mod, "channel topic channel:<#"+mods.ID+"> text:Moderatorernas hörna"); got != "Klart." {
		t.Errorf("topic of a channel the moderator can see = %q", got)
	}
	if got := say(e.admin, "channel topic channel:<#"+staff.ID+"> text:Styrelsemöte"); got != "Klart." {
		t.Errorf("topic of the staff channel by the owner = %q", got)
	}
	if ch, _ := e.fake.Channel(staff.ID); ch.Topic != "Styrelsemöte" {
		t.Errorf("staff channel topic = %q", ch.Topic)
	}
}
