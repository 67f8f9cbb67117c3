package slack_test

import (
	"context"
	"testing"
	"time"

	"passionbot/adapters/slack"
	"passionbot/internal/bottest"
	"passionbot/internal/slackfake"
)

// BenchmarkMentionToPost measures events handled per second from a Socket
// Mode envelope to the chat.postMessage answer, through the real slack-go
// client and the whole bot (router, knowledge search, SQLite), without rate
// limits or pacing.
func BenchmarkMentionToPost(b *testing.B) {
	fake := slackfake.New(b, slackfake.WithAckTimeout(0))
	fake.AddUser(slackfake.User{ID: "UKIM", Name: "kim"})
	ch := fake.AddChannel(slackfake.Channel{Name: "allmant"})
	a, err := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL(), Pace: -1})
	if err != nil {
		b.Fatal(err)
	}
	h := bottest.New(b, bottest.WithAdapters(a))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, h.Bot) }()
	defer func() { cancel(); <-done; h.Bot.Wait(context.Background()) }()
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	fake.WaitConnected(wait)
	stop()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: ch, Text: "vad står PUNKS för?"})
	}
	wait, stop = context.WithTimeout(ctx, 5*time.Minute)
	defer stop()
	if _, err := fake.WaitPosts(wait, ch, b.N); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
