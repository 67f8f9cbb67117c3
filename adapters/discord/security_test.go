package discord_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/discordfake"
)

const ephemeral = 64

// say mentions the bot with text in channel.
func say(e *env, channel string, u discordfake.User, text string) string {
	return e.fake.SendMessage(discordfake.MessageCreate{ChannelID: channel, Author: u, Content: "<@" + e.fake.BotID() + "> " + text})
}

// lastIn waits for the n-th message in channel and returns it.
func lastIn(t *testing.T, e *env, channel string, n int) discordfake.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ms, err := e.fake.WaitMessages(ctx, channel, n)
	if err != nil {
		t.Fatalf("waiting for %d messages in %s: %v", n, channel, err)
	}
	return ms[n-1]
}

func TestRoleFromServerWidePermissionsOnly(t *testing.T) {
	e := start(t, setup{})
	// kim may manage this one channel only: that makes no bot moderator.
	project := e.fake.AddChannel(e.guild.ID, discordfake.Channel{Name: "projekt", Type: discordfake.ChannelText,
		PermissionOverwrites: []discordfake.PermissionOverwrite{{ID: e.kim.ID, Type: 1, Allow: discordfake.PermManageChannels}}})
	if p := e.fake.Permissions(e.guild.ID, e.kim.ID, project.ID); p&discordfake.PermManageChannels == 0 {
		t.Fatalf("the fake did not apply the overwrite: %b", p)
	}
	say(e, project.ID, e.kim, "modlog")
	if m := lastIn(t, e, project.ID, 1); !strings.Contains(m.Content, "kräver rollen moderator, och du är medlem") {
		t.Fatalf("mention in the channel kim manages: %q", m.Content)
	}
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: project.ID, User: e.kim, CommandName: "modlog", Locale: "sv-SE"})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "kräver rollen moderator, och du är medlem") {
		t.Fatalf("slash command in the channel kim manages: %q", r.Data.Content)
	}
	// Autocomplete offers nothing for a command the member may not run.
	typed := discordfake.Str("id", "")
	typed.Focused = true
	id = e.fake.SendInteraction(discordfake.Interaction{Type: discordfake.InteractionAutocomplete, GuildID: e.guild.ID, ChannelID: project.ID, User: e.kim,
		CommandName: "faq", Options: []discordfake.OptionValue{discordfake.Sub("show", typed)}})
	if r := e.response(t, id); len(r.Choices) != 0 {
		t.Fatalf("autocomplete for a member on an organiser command: %s", r.Raw)
	}
	// Manage Channels server-wide (a role) makes a moderator, everywhere.
	e.fake.AddMember(e.guild.ID, discordfake.Member{User: e.kim, Roles: []string{"903"}})
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "modlog", Locale: "sv-SE"})
	if r := e.response(t, id); strings.Contains(r.Data.Content, "kräver rollen") || r.Data.Flags&ephemeral == 0 {
		t.Fatalf("server-wide Manage Channels: %q (flags %d)", r.Data.Content, r.Data.Flags)
	}
}

func TestRolesFromAnotherServerCountForNothing(t *testing.T) {
	e := start(t, setup{})
	// kim owns another server the bot is in.
	other := e.fake.AddGuild(discordfake.Guild{Name: "Kims server", OwnerID: e.kim.ID, Channels: []discordfake.Channel{{Name: "hemma"}},
		Members: []discordfake.Member{{User: e.kim}}})
	say(e, other.Channels[0].ID, e.kim, "modlog")
	if m := lastIn(t, e, other.Channels[0].ID, 1); !strings.Contains(m.Content, "kräver rollen moderator, och du är medlem") {
		t.Fatalf("owner of another server: %q", m.Content)
	}
}

func TestModeratorRoleInADirectMessage(t *testing.T) {
	e := start(t, setup{})
	// In a DM the member's roles in the community server count.
	e.fake.SendMessage(discordfake.MessageCreate{Author: e.mod, Content: "modlog"})
	dm, _ := e.fake.DMChannel(e.mod.ID)
	if m := lastIn(t, e, dm.ID, 1); strings.Contains(m.Content, "kräver rollen") || !strings.Contains(m.Content, "Moderationslogg") {
		t.Fatalf("moderator in a DM: %q", m.Content)
	}
}

// confirmCustomID returns the custom_id of the one button on r.
func confirmCustomID(t *testing.T, d discordfake.MessageData) string {
	t.Helper()
	if len(d.Components) != 1 || len(d.Components[0].Components) != 1 {
		t.Fatalf("no confirmation button: %+v", d)
	}
	return d.Components[0].Components[0].CustomID
}

func TestConfirmationButtonOnlyForWhoAsked(t *testing.T) {
	e := start(t, setup{})
	for _, u := range []discordfake.User{e.kim, e.mod} {
		say(e, e.general, u, "interests add tags:keramik")
	}
	e.messages(t, 2)
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "mydata", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("delete")}})
	r := e.response(t, id)
	if r.Data.Flags&ephemeral == 0 {
		t.Fatalf("the confirmation is public: %+v", r.Data)
	}
	button := confirmCustomID(t, r.Data)
	if strings.Contains(button, "confirm:yes") {
		t.Fatalf("the button acts for whoever clicks: %q", button)
	}
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.mod, CustomID: button, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "Den här knappen är inte din") || r.Data.Flags&ephemeral == 0 {
		t.Fatalf("moa's click on kim's button: %q (flags %d)", r.Data.Content, r.Data.Flags)
	}
	ctx := context.Background()
	for _, u := range []discordfake.User{e.kim, e.mod} {
		if tags, _ := e.h.DB.Interests(ctx, bot.User{Platform: bot.PlatformDiscord, ID: u.ID}); len(tags) != 1 {
			t.Fatalf("%s's interests after moa's click: %v", u.Username, tags)
		}
	}
	click = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: button, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "raderat") {
		t.Fatalf("kim's own click: %q", r.Data.Content)
	}
	if tags, _ := e.h.DB.Interests(ctx, bot.User{Platform: bot.PlatformDiscord, ID: e.kim.ID}); len(tags) != 0 {
		t.Fatalf("kim's interests after confirming: %v", tags)
	}
}

// A private reply to a mention in a channel goes by DM; the channel, which
// every member reads, gets a note without the content.
func TestPrivateRepliesToAMentionGoByDM(t *testing.T) {
	e := start(t, setup{})
	say(e, e.general, e.kim, "interests add tags:keramik")
	e.messages(t, 1)
	say(e, e.general, e.kim, "mydata export")
	note := lastIn(t, e, e.general, 2)
	if !strings.Contains(note.Content, "DM") || len(note.Attachments) != 0 || strings.Contains(note.Content, "keramik") {
		t.Fatalf("in the channel: %q with %d attachments", note.Content, len(note.Attachments))
	}
	dm, ok := e.fake.DMChannel(e.kim.ID)
	if !ok {
		t.Fatal("no DM channel")
	}
	export := lastIn(t, e, dm.ID, 1)
	if len(export.Attachments) != 1 || !strings.Contains(string(export.Attachments[0].Data), "keramik") {
		t.Fatalf("DM = %q with %d attachments", export.Content, len(export.Attachments))
	}
	// The moderation log, asked in a channel, goes to the moderator only.
	say(e, e.general, e.mod, "warn user:"+e.kim.ID+" reason:hemligt skäl")
	lastIn(t, e, e.general, 3)
	e.waitFor(t, "the warning in the audit log", func() bool { // written after the reply
		entries, _ := e.h.DB.AuditLog(context.Background(), bot.PlatformDiscord, "", 0, 1)
		return len(entries) == 1
	})
	say(e, e.general, e.mod, "modlog")
	if m := lastIn(t, e, e.general, 4); strings.Contains(m.Content, "hemligt") || !strings.Contains(m.Content, "DM") {
		t.Fatalf("modlog in the channel: %q", m.Content)
	}
	modDM, _ := e.fake.DMChannel(e.mod.ID)
	if m := lastIn(t, e, modDM.ID, 1); !strings.Contains(m.Content, "hemligt") {
		t.Fatalf("modlog by DM: %q", m.Content)
	}
	// Closed DMs: the channel hears how to get the answer, never the answer.
	e.fake.FailNext("POST", "/channels/*/messages", http.StatusForbidden, `{"code":50007,"message":"Cannot send messages to this user"}`)
	say(e, e.general, e.kim, "mydata export")
	if m := lastIn(t, e, e.general, 5); !strings.Contains(m.Content, "kan inte skicka DM") || len(m.Attachments) != 0 {
		t.Fatalf("closed DMs: %q", m.Content)
	}
}

// The role matrix on Discord: callers and targets get their roles from
// their server roles (moa: Moderate Members; ada: Administrator and the
// owner; olle: a role mapped to organiser by id in [roles]).
func TestRoleMatrixOnDiscord(t *testing.T) {
	e := start(t, setup{})
	byRole := map[bot.Role][2]discordfake.User{}
	roleIDs := map[bot.Role][]string{bot.RoleOrganiser: {"902"}, bot.RoleModerator: {"900"}, bot.RoleAdmin: {"901"}}
	for _, r := range bot.Roles() {
		var pair [2]discordfake.User
		for i := range pair {
			pair[i] = e.fake.NewUser(r.String() + string(rune('a'+i)))
			e.fake.AddMember(e.guild.ID, discordfake.Member{User: pair[i], Roles: roleIDs[r]})
		}
		byRole[r] = pair
	}
	opts := map[string]func(target string) []discordfake.OptionValue{
		"warn": func(u string) []discordfake.OptionValue {
			return []discordfake.OptionValue{discordfake.UserOpt("user", u), discordfake.Str("reason", "test")}
		},
		"timeout": func(u string) []discordfake.OptionValue {
			return []discordfake.OptionValue{discordfake.UserOpt("user", u), discordfake.Str("duration", "10m")}
		},
		"untimeout": func(u string) []discordfake.OptionValue {
			return []discordfake.OptionValue{discordfake.UserOpt("user", u)}
		},
		"member forget": func(u string) []discordfake.OptionValue {
			return []discordfake.OptionValue{discordfake.Sub("forget", discordfake.UserOpt("user", u))}
		},
	}
	for _, c := range bottest.RoleMatrix(map[string]bot.Role{"warn": bot.RoleModerator, "timeout": bot.RoleModerator, "untimeout": bot.RoleModerator, "member forget": bot.RoleAdmin}) {
		t.Run(c.Name(), func(t *testing.T) {
			caller, target := byRole[c.Caller][0], byRole[c.Target][1]
			id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: caller,
				CommandName: strings.Fields(c.Command)[0], Options: opts[c.Command](target.ID), Locale: "sv-SE"})
			if err := c.Check(e.response(t, id).Data.Content); err != nil {
				t.Error(err)
			}
		})
	}
}
