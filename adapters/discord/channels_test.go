package discord_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
	"passionbot/internal/discordfake"
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

// grant gives u role by `role grant`, which counts wherever u types.
func grant(t *testing.T, e *env, u discordfake.User, r bot.Role) {
	t.Helper()
	err := e.h.DB.GrantRole(context.Background(), bot.User{Platform: bot.PlatformDiscord, ID: u.ID, Name: u.Username}, r,
		bot.User{Platform: bot.PlatformDiscord, ID: e.admin.ID})
	if err != nil {
		t.Fatal(err)
	}
}

// TestOwnChannelStaysInsideTheServer: without `channel:` a command acts on
// the channel it was typed in, and that channel must be one of the
// community too: a moderator of the community (by `role grant`, which
// counts everywhere) typing in a channel of another server the bot is in
// changes nothing there. In a DM the channel commands ask for a channel.
func TestOwnChannelStaysInsideTheServer(t *testing.T) {
	e := start(t, setup{})
	grant(t, e, e.kim, bot.RoleModerator)
	other := e.fake.AddGuild(discordfake.Guild{Name: "Grannservern", Channels: []discordfake.Channel{{Name: "utanfor", Topic: "deras"}},
		Members: []discordfake.Member{{User: e.fake.NewUser("granne")}, {User: e.kim}}})
	outside := other.Channels[0].ID
	const refused = "är ingen kanal i gemenskapen som du kan se"
	for i, cmd := range []string{
		"channel topic text:kapad",
		"channel rename name:kapad",
		"channel lock",
		"channel slowmode seconds:60",
		"purge count:5",
		"channel archive confirm:yes",
		`announce schedule cron:"0 9 * * 1" text:"hej"`,
	} {
		say(e, outside, e.kim, cmd)
		if got := lastIn(t, e, outside, i+1).Content; !strings.Contains(got, refused) {
			t.Errorf("%s in another server's channel = %q, want a refusal", cmd, got)
		}
	}
	ch, _ := e.fake.Channel(outside)
	if ch.Topic != "deras" || ch.Name != "utanfor" || ch.RateLimitPerUser != 0 || len(ch.PermissionOverwrites) != 0 {
		t.Errorf("the other server's channel was changed: %+v", ch)
	}
	if d := e.fake.Deletions(outside); len(d) != 0 {
		t.Errorf("messages purged in the other server: %v", d)
	}
	say(e, e.general, e.kim, "announce list")
	if got := lastIn(t, e, e.general, 1).Content; !strings.Contains(got, "Inga schemalagda meddelanden") {
		t.Errorf("an announcement for the other server was stored: %q", got)
	}
	// In a DM: a clear sentence, nothing done.
	e.fake.SendMessage(discordfake.MessageCreate{Author: e.kim, Content: "channel lock"})
	dm, _ := e.fake.DMChannel(e.kim.ID)
	if got := lastIn(t, e, dm.ID, 1).Content; !strings.Contains(got, "ett DM är ingen kanal i gemenskapen") {
		t.Errorf("channel lock in a DM = %q", got)
	}
	// The community's own channel still works.
	say(e, e.general, e.kim, "channel topic text:Allmänt prat")
	if got := lastIn(t, e, e.general, 2).Content; got != "Klart." {
		t.Errorf("topic of the channel typed in = %q", got)
	}
}

// TestMeetupChannelStaysInsideTheServer: `meetup create channel:` follows
// the rule of moderation and announcements, and so does the channel typed
// in: a card never lands in a staff channel the organiser cannot read or
// on another server; nothing is stored or posted.
func TestMeetupChannelStaysInsideTheServer(t *testing.T) {
	e := start(t, setup{})
	grant(t, e, e.org, bot.RoleOrganiser) // counts on the other server too
	other := e.fake.AddGuild(discordfake.Guild{Name: "Grannservern", Channels: []discordfake.Channel{{Name: "utanfor"}},
		Members: []discordfake.Member{{User: e.org}}})
	outside := other.Channels[0].ID
	staff := e.fake.AddChannel(e.guild.ID, discordfake.Channel{Name: "styrelsen",
		PermissionOverwrites: []discordfake.PermissionOverwrite{{ID: e.guild.ID, Type: 0, Deny: discordgo.PermissionViewChannel}}})
	const refused = "är ingen kanal i gemenskapen som du kan se"
	create := `meetup create title:"Fika" when:"i morgon 18"`
	for i, target := range []string{staff.ID, outside} {
		say(e, e.general, e.org, create+" channel:<#"+target+">")
		if got := lastIn(t, e, e.general, i+1).Content; !strings.Contains(got, refused) {
			t.Errorf("meetup create channel:<#%s> = %q, want a refusal", target, got)
		}
	}
	say(e, outside, e.org, create)
	if got := lastIn(t, e, outside, 1).Content; !strings.Contains(got, refused) {
		t.Errorf("meetup create typed in another server = %q, want a refusal", got)
	}
	if ms := e.fake.Messages(staff.ID); len(ms) != 0 {
		t.Errorf("a card in the staff channel: %+v", ms)
	}
	if ms := e.fake.Messages(outside); len(ms) != 1 {
		t.Errorf("%d messages in the other server, want only the refusal", len(ms))
	}
	say(e, e.general, e.org, "meetup list")
	if got := lastIn(t, e, e.general, 3).Content; !strings.Contains(got, "Inga") {
		t.Errorf("a refused meetup was stored: %q", got)
	}
	if evs := e.fake.ScheduledEvents(e.guild.ID); len(evs) != 0 {
		t.Errorf("a native event for a refused meetup: %+v", evs)
	}
}
