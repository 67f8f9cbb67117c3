package slack_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/internal/slackfake"
)

func doctorCheck(t *testing.T, fake *slackfake.Server, opt slack.Options, co slack.CheckOptions) []bot.CheckResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rs := slack.Check(ctx, opt, co)
	for _, r := range rs {
		t.Log(r)
		for _, tok := range []string{fake.BotToken(), fake.AppToken()} {
			if strings.Contains(r.Detail, tok) {
				t.Fatalf("a token is in %q", r)
			}
		}
	}
	return rs
}

func doctorResult(t *testing.T, rs []bot.CheckResult, name string) bot.CheckResult {
	t.Helper()
	for _, r := range rs {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no check %q in %v", name, rs)
	return bot.CheckResult{}
}

func wantCheck(t *testing.T, r bot.CheckResult, s bot.CheckStatus, words ...string) {
	t.Helper()
	if r.Status != s {
		t.Errorf("%s: status %d, want %d: %s", r.Name, r.Status, s, r.Detail)
	}
	for _, w := range words {
		if !strings.Contains(r.Detail, w) {
			t.Errorf("%s: %q does not say %q", r.Name, r.Detail, w)
		}
	}
}

func fakeOptions(fake *slackfake.Server) slack.Options {
	return slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL(), CommandPrefix: "pb-"}
}

func TestCheckSlackAllPass(t *testing.T) {
	fake := slackfake.New(t)
	cmds := []*bot.Command{{Name: "help", Help: bot.Text{EN: "help"}}, {Name: "meetup create", Help: bot.Text{EN: "create"}}}
	rs := doctorCheck(t, fake, fakeOptions(fake), slack.CheckOptions{Commands: cmds, ChannelMessages: true})
	for _, name := range []string{"slack tokens", "slack bot token", "slack scopes", "slack socket mode"} {
		wantCheck(t, doctorResult(t, rs, name), bot.CheckPassed)
	}
	wantCheck(t, doctorResult(t, rs, "slack bot token"), bot.CheckPassed, "@passionbot", fake.TeamID())
	wantCheck(t, doctorResult(t, rs, "slack events"), bot.CheckUnchecked, "app_mention, message.im, member_joined_channel, team_join, message.channels, message.groups")
	wantCheck(t, doctorResult(t, rs, "slack slash commands"), bot.CheckUnchecked, "/pb-help /pb-meetup")
	// Socket Mode was asked for a URL, never connected to: a running bot
	// would otherwise share its events with the check.
	if n := len(fake.ConnectionLog()); n != 0 {
		t.Fatalf("%d socket connections", n)
	}
}

func TestCheckSlackWrongBotToken(t *testing.T) {
	fake := slackfake.New(t)
	opt := fakeOptions(fake)
	opt.BotToken = "xoxb-1-2-revoked"
	rs := doctorCheck(t, fake, opt, slack.CheckOptions{})
	wantCheck(t, doctorResult(t, rs, "slack bot token"), bot.CheckFailed, "invalid_auth", "Bot User OAuth Token", "OAuth & Permissions")
	if len(rs) != 2 {
		t.Fatalf("after a refused bot token nothing else is checked: %v", rs)
	}

	opt.BotToken = fake.AppToken()
	wantCheck(t, doctorCheck(t, fake, opt, slack.CheckOptions{})[0], bot.CheckFailed, "xoxb-")
	opt.BotToken = ""
	wantCheck(t, doctorCheck(t, fake, opt, slack.CheckOptions{})[0], bot.CheckFailed, "SLACK_BOT_TOKEN is not set")
}

func TestCheckSlackMissingScope(t *testing.T) {
	fake := slackfake.New(t)
	var granted []string
	for _, s := range slack.BotScopes() {
		if s != "pins:write" && s != "usergroups:read" {
			granted = append(granted, s)
		}
	}
	fake.SetScopes(granted...)
	rs := doctorCheck(t, fake, fakeOptions(fake), slack.CheckOptions{})
	wantCheck(t, doctorResult(t, rs, "slack scopes"), bot.CheckFailed,
		"missing usergroups:read, pins:write", "roles from user groups in [roles]; pin", "Reinstall to Workspace")
}

func TestCheckSlackAppTokenRefused(t *testing.T) {
	fake := slackfake.New(t)
	fake.SetAuthError(fake.AppToken(), "invalid_auth")
	rs := doctorCheck(t, fake, fakeOptions(fake), slack.CheckOptions{})
	wantCheck(t, doctorResult(t, rs, "slack socket mode"), bot.CheckFailed, "SLACK_APP_TOKEN (invalid_auth)", "connections:write", "Socket Mode")
	wantCheck(t, doctorResult(t, rs, "slack bot token"), bot.CheckPassed)
}
