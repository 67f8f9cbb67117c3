package discord

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

func TestNativeCommandsShape(t *testing.T) {
	txt := bot.Text{SV: "sv", EN: "en"}
	run := func(context.Context, *bot.Call) error { return nil }
	cmds := []*bot.Command{
		{Name: "help", Help: txt, Run: run, Args: []bot.Arg{{Name: "command", Kind: bot.KindRest, Help: txt}}},
		{Name: "learn", Help: txt, Run: run, Args: []bot.Arg{{Name: "answer", Kind: bot.KindInt, Min: 1, Max: 9, Help: txt}}},
		{Name: "learn restart", Help: txt, Run: run},
		{Name: "role grant", Help: bot.Text{SV: "Ge en roll", EN: "Give a role"}, Run: run, Args: []bot.Arg{
			{Name: "note", Kind: bot.KindText, Help: txt},
			{Name: "user", Kind: bot.KindUser, Required: true, Help: txt},
			{Name: "role", Kind: bot.KindChoice, Required: true, Choices: []string{"organiser", "admin"}, Help: txt},
			{Name: "private", Kind: bot.KindBool, Help: txt},
			{Name: "where", Kind: bot.KindChannel, Help: txt},
		}},
	}
	native, paths := nativeCommands(cmds)
	if len(native) != 3 {
		t.Fatalf("%d top-level commands, want 3 (help, learn, role)", len(native))
	}
	name := func(path string) string {
		if c := paths[path]; c != nil {
			return c.Name
		}
		return ""
	}
	if name("learn start") != "learn" || name("learn restart") != "learn restart" || name("role grant") != "role grant" || name("help") != "help" {
		t.Fatalf("paths = %v", paths)
	}
	role := native[2]
	sub := role.Options[0]
	if role.Name != "role" || sub.Type != discordgo.ApplicationCommandOptionSubCommand || sub.Name != "grant" {
		t.Fatalf("role command = %+v", role)
	}
	if sub.Description != "Give a role" || sub.DescriptionLocalizations[discordgo.Swedish] != "Ge en roll" {
		t.Fatalf("descriptions = %q %v", sub.Description, sub.DescriptionLocalizations)
	}
	var kinds []string
	for _, o := range sub.Options {
		kinds = append(kinds, o.Name+":"+o.Type.String())
	}
	want := "user:User role:String note:String private:Boolean where:Channel"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("options = %s, want required first: %s", got, want)
	}
	if len(sub.Options[1].Choices) != 2 || sub.Options[1].Choices[1].Value != "admin" {
		t.Fatalf("choices = %+v", sub.Options[1].Choices)
	}
	learn := native[1].Options[0]
	if learn.Name != "start" || learn.Options[0].Type != discordgo.ApplicationCommandOptionInteger || *learn.Options[0].MinValue != 1 || learn.Options[0].MaxValue != 9 {
		t.Fatalf("learn start = %+v", learn)
	}
	if commandsHash(native) != commandsHash(func() []*discordgo.ApplicationCommand { n, _ := nativeCommands(cmds); return n }()) {
		t.Fatal("hash not stable")
	}
}

func TestRenderSplitsAndBuildsComponents(t *testing.T) {
	long := strings.Repeat(strings.Repeat("ord ", 20)+"\n", 70) // ~5,600 characters
	var bs []bot.Button
	for i := 0; i < 7; i++ {
		bs = append(bs, bot.Button{Label: "b", Action: "learn answer:" + string(rune('1'+i))})
	}
	bs = append(bs, bot.Button{Label: "too long", Action: strings.Repeat("x", 101)})
	bs = append(bs, bot.Button{Label: "again", Action: "learn answer:1"})
	msgs := render(bot.Reply{Text: long, Card: &bot.Card{Title: "T", Body: "B", Buttons: bs}})
	if len(msgs) != 3 {
		t.Fatalf("%d messages for 5,600 characters, want 3", len(msgs))
	}
	total := ""
	for _, m := range msgs {
		if len([]rune(m.content)) > 2000 {
			t.Fatalf("message of %d characters", len([]rune(m.content)))
		}
		total += m.content
	}
	if total != long {
		t.Fatal("split lost text")
	}
	last := msgs[2]
	if len(last.embeds) != 1 || len(last.components) != 2 {
		t.Fatalf("card on last message: %d embeds, %d rows", len(last.embeds), len(last.components))
	}
	if n := len(last.components[0].(discordgo.ActionsRow).Components); n != 5 {
		t.Fatalf("first row has %d buttons, want 5", n)
	}
	if n := len(last.components[1].(discordgo.ActionsRow).Components); n != 2 {
		t.Fatalf("second row has %d buttons, want 2 (the over-long and the repeated custom id are left out)", n)
	}
}

func TestAllowedMentionsPingOnlyMeantUsers(t *testing.T) {
	am := allowedMentions([]bot.User{{Platform: bot.PlatformDiscord, ID: "42"}, {Platform: bot.PlatformSlack, ID: "U1"}})
	if len(am.Parse) != 0 || len(am.Users) != 1 || am.Users[0] != "42" || len(am.Roles) != 0 {
		t.Fatalf("allowed_mentions = %+v", am)
	}
}

func TestRoleFromPermissions(t *testing.T) {
	for p, want := range map[int64]bot.Role{
		0:                                     bot.RoleMember,
		discordgo.PermissionSendMessages:      bot.RoleMember,
		discordgo.PermissionManageEvents:      bot.RoleOrganiser,
		discordgo.PermissionManageChannels:    bot.RoleModerator,
		discordgo.PermissionModerateMembers:   bot.RoleModerator,
		discordgo.PermissionAdministrator:     bot.RoleAdmin,
		discordgo.PermissionAdministrator | 1: bot.RoleAdmin,
	} {
		if got := RoleFromPermissions(p); got != want {
			t.Errorf("RoleFromPermissions(%d) = %v, want %v", p, got, want)
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	var got *http.Request
	base, _ := url.Parse("http://127.0.0.1:9999/prefix")
	rt := &rewrite{base: base, next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r
		return &http.Response{StatusCode: 204, Body: http.NoBody}, nil
	})}
	req, _ := http.NewRequest("GET", "https://discord.com/api/v9/gateway", nil)
	rt.RoundTrip(req)
	if got.URL.String() != "http://127.0.0.1:9999/prefix/api/v9/gateway" {
		t.Fatalf("rewritten to %s", got.URL)
	}
	other, _ := http.NewRequest("GET", "https://cdn.example.org/x", nil)
	rt.RoundTrip(other)
	if got.URL.Host != "cdn.example.org" {
		t.Fatalf("other host rewritten: %s", got.URL)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNewChecksTokenAndURL(t *testing.T) {
	if _, err := New(Options{}); err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN is not set") {
		t.Fatalf("no token: %v", err)
	}
	if _, err := New(Options{Token: "x", BaseURL: "ftp://x"}); err == nil {
		t.Fatalf("bad base url accepted")
	}
	a, err := New(Options{Token: "abc.def.ghi"})
	if err != nil || a.sess.Identify.Intents&discordgo.IntentMessageContent != 0 {
		t.Fatalf("default intents include Message Content: %v", err)
	}
}

func TestAppIDFromToken(t *testing.T) {
	if id, err := AppIDFromToken("MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.xyz"); err != nil || id != "123456789012345678" {
		t.Fatalf("id %q, %v", id, err)
	}
	if _, err := AppIDFromToken("not-a-token"); err == nil {
		t.Fatal("garbage accepted")
	}
}

// TestRenderNamesTheMentionedFirst: the members a reply means to ping are
// written at its start, Discord's users only (allowed_mentions lets exactly
// them be pinged).
func TestRenderNamesTheMentionedFirst(t *testing.T) {
	ms := render(bot.Reply{Text: "Påminnelse: “Marknadsdag”", Mentions: []bot.User{
		{Platform: bot.PlatformDiscord, ID: "42"}, {Platform: bot.PlatformSlack, ID: "U1"}, {Platform: bot.PlatformDiscord, ID: "43"}}})
	if len(ms) != 1 || ms[0].content != "<@42> <@43> Påminnelse: “Marknadsdag”" {
		t.Fatalf("render = %+v", ms)
	}
	if ms := render(bot.Reply{Text: "hej"}); ms[0].content != "hej" {
		t.Fatalf("no mentions: %q", ms[0].content)
	}
}
