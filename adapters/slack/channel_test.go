package slack_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/adapters/slack"
	"passionbot/internal/bottest"
	"passionbot/internal/slackfake"
)

// startChannels is a bot on the Slack fake with [slack] channel_messages on.
func startChannels(t *testing.T) (*slackfake.Server, string) {
	t.Helper()
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "UKIM", Name: "kim", Locale: "sv-SE"})
	fake.AddUser(slackfake.User{ID: "UADA", Name: "ada", IsAdmin: true, Locale: "sv-SE"})
	general := fake.AddChannel(slackfake.Channel{Name: "allmant"})
	a, err := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL(), Pace: 5 * time.Millisecond, ChannelMessages: true})
	if err != nil {
		t.Fatal(err)
	}
	h := bottest.New(t, bottest.WithAdapters(a))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, h.Bot) }()
	t.Cleanup(func() {
		cancel()
		<-done
		wctx, stop := context.WithTimeout(context.Background(), 10*time.Second)
		defer stop()
		h.Bot.Wait(wctx)
	})
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := fake.WaitConnected(wait); err != nil {
		t.Fatal(err)
	}
	return fake, general
}

// With channel_messages on, a prefix command in a channel works, plain
// chat is left alone, and a mention is answered once.
func TestSlackPrefixCommandsInChannels(t *testing.T) {
	fake, general := startChannels(t)
	fake.SendEvent(slackfake.MessageEvent{User: "UKIM", Channel: general, ChannelType: "channel", Text: "hej allihop, ses vi på fredag?"})
	fake.SendEvent(slackfake.MessageEvent{User: "UKIM", Channel: general, ChannelType: "channel", Text: "!help"})
	p := waitPosts(t, fake, general, 1)[0]
	if got := blockText(t, p); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("!help in a channel = %q", got)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(fake.Posts(general)); n != 1 {
		t.Fatalf("%d posts: plain chat was answered", n)
	}
}

// The manifest subscribes to channel messages only when asked to.
func TestManifestChannelMessages(t *testing.T) {
	plain, err := slack.Manifest("passionbot", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	with, err := slack.Manifest("passionbot", nil, "", slack.WithChannelMessages())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "message.channels") || !strings.Contains(string(with), "message.channels") || !strings.Contains(string(with), "message.groups") {
		t.Fatalf("manifests:\n%s\n---\n%s", plain, with)
	}
}

// pin works on Slack through pins.add.
func TestSlackPin(t *testing.T) {
	fake, general := startChannels(t)
	ts := fake.AddMessage(general, slackfake.Message{User: "UKIM", Text: "viktig info"})
	fake.SendEvent(slackfake.AppMentionEvent{User: "UADA", Channel: general, Text: "pin message:" + ts})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitUntil(ctx, func() bool { return fake.Pinned(general, ts) }); err != nil {
		t.Fatalf("not pinned: %v (posts %+v)", err, fake.Posts(""))
	}
}
