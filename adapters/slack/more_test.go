package slack_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/internal/slackfake"
)

func TestLongReplySplitWithinLimits(t *testing.T) {
	e := start(t)
	var lines []string
	for i := 0; i < 2000; i++ {
		lines = append(lines, "rad med lite text som upprepas <här> & där")
	}
	long := strings.Join(lines, "\n") // ~88,000 characters: 30+ sections, over 50 blocks when split
	ref, err := e.adapter.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: long})
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	posts := e.fake.Posts(e.general)
	if len(posts) < 1 || ref.ID == "" {
		t.Fatalf("%d posts", len(posts))
	}
	total := 0
	for _, p := range posts {
		text := blockText(t, p)
		total += strings.Count(text, "rad med lite text")
		if strings.Contains(text, "<här>") || !strings.Contains(text, "&lt;här&gt; &amp; där") {
			t.Fatalf("text not escaped for mrkdwn")
		}
	}
	if total != 2000 {
		t.Fatalf("%d of 2000 lines arrived", total)
	}
}

func TestCapabilitiesAgainstTheFake(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	ch, err := e.adapter.CreateChannel(ctx, "Keramik Kväll", "Lera och glasyr", true)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	got, ok := e.fake.Channel(ch.ID)
	if !ok || !got.IsPrivate || got.Topic != "Lera och glasyr" || got.Name != "keramik-kväll" {
		t.Fatalf("created channel = %+v", got)
	}
	if err := e.adapter.RenameChannel(ctx, ch, "keramik"); err != nil {
		t.Fatal(err)
	}
	if err := e.adapter.SetTopic(ctx, ch, "Ny topic"); err != nil {
		t.Fatal(err)
	}
	if err := e.adapter.Invite(ctx, ch, "UKIM"); err != nil {
		t.Fatal(err)
	}
	if err := e.adapter.ArchiveChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	got, _ = e.fake.Channel(ch.ID)
	if got.Name != "keramik" || got.Topic != "Ny topic" || !got.IsArchived {
		t.Fatalf("after rename, topic, archive = %+v", got)
	}
	// DM, then purge: only the bot's own messages go.
	if _, err := e.adapter.Send(ctx, bot.Target{User: "UKIM"}, bot.Reply{Text: "Välkommen!"}); err != nil {
		t.Fatal(err)
	}
	if p := e.fake.Posts(e.fake.DMChannel("UKIM")); len(p) != 1 {
		t.Fatalf("DM posts = %d", len(p))
	}
	e.fake.AddMessage(e.general, slackfake.Message{User: "UKIM", Text: "en medlems meddelande"})
	for i := 0; i < 3; i++ {
		e.adapter.Send(ctx, bot.Target{Channel: e.general}, bot.Reply{Text: "bot"})
	}
	n, err := e.adapter.Purge(ctx, bot.Channel{ID: e.general}, 10)
	if err != nil || n != 3 {
		t.Fatalf("purge deleted %d, %v; want the bot's 3", n, err)
	}
	if h := e.fake.History(e.general); len(h) != 1 || h[0].User != "UKIM" {
		t.Fatalf("history after purge = %+v", h)
	}
	// Capabilities Slack lacks are absent, so the core explains instead.
	// (What it has is asserted at compile time in assert.go.)
	var a any = e.adapter
	if _, ok := a.(bot.Slowmoder); ok {
		t.Error("Slack adapter claims slowmode")
	}
	if _, ok := a.(bot.MemberTimeouter); ok {
		t.Error("Slack adapter claims member timeouts")
	}
	if _, ok := a.(bot.Locker); ok {
		t.Error("Slack adapter claims channel locks")
	}
}

func TestBurstIsPacedNotDropped(t *testing.T) {
	fake := slackfake.New(t)
	ch := fake.AddChannel(slackfake.Channel{Name: "annonser"})
	a, err := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL(), Pace: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	fake.RateLimit("chat.postMessage", 2, 100*time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := a.Send(context.Background(), bot.Target{Channel: ch}, bot.Reply{Text: "träff i kväll"}); err != nil {
				t.Errorf("send: %v", err)
			}
		}()
	}
	wg.Wait()
	posts := fake.Posts(ch)
	if len(posts) != 8 {
		t.Fatalf("%d of 8 messages delivered", len(posts))
	}
	// The fake stamps a message when it handles the request, so a loaded
	// machine may bring one pair closer than the adapter sent them; a
	// burst without pacing has several pairs close together (the fake
	// lets two through per 100 ms).
	close := 0
	for i := 1; i < len(posts); i++ {
		if gap := posts[i].At.Sub(posts[i-1].At); gap < 30*time.Millisecond {
			close++
			t.Logf("messages %d and %d only %v apart; pacing is 40 ms", i-1, i, gap)
		}
	}
	if close > 1 {
		t.Fatalf("%d pairs of messages closer than 30 ms; pacing is 40 ms", close)
	}
}

func TestRejectedTokensStopWithAClearError(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		app        bool
		want       string
	}{
		{"bot token inactive", "account_inactive", false, "the bot token was refused (account_inactive)"},
		{"app token invalid", "invalid_auth", true, "the app token was refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := slackfake.New(t)
			token := fake.BotToken()
			if tc.app {
				token = fake.AppToken()
			}
			fake.SetAuthError(token, tc.code)
			a, _ := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL()})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := a.Run(ctx, bot.HandlerFunc(func(context.Context, bot.Event) {}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Run = %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), fake.BotToken()) || strings.Contains(err.Error(), fake.AppToken()) {
				t.Fatal("token in the error")
			}
			if ctx.Err() != nil {
				t.Fatal("Run kept retrying until the deadline")
			}
		})
	}
}

func TestMemberJoinedReachesTheCore(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "UNEW", Name: "nykomling"})
	ch := fake.AddChannel(slackfake.Channel{Name: "allmant"})
	a, _ := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL()})
	joined := make(chan bot.Event, 2)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- a.Run(ctx, bot.HandlerFunc(func(_ context.Context, ev bot.Event) {
			if ev.Kind == bot.EventMemberJoined {
				joined <- ev
			}
		}))
	}()
	defer func() { cancel(); <-done }()
	fake.SendEvent(slackfake.MemberJoinedChannelEvent{User: "UNEW", Channel: ch})
	select {
	case ev := <-joined:
		if ev.User.ID != "UNEW" || ev.Platform != bot.PlatformSlack || ev.User.Name != "nykomling" {
			t.Fatalf("event = %+v", ev)
		}
		if err := ev.Respond(context.Background(), bot.Reply{Text: "Välkommen!"}); err != nil {
			t.Fatal(err)
		}
		if len(fake.Posts(fake.DMChannel("UNEW"))) != 1 {
			t.Fatal("welcome not sent as a DM")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("member_joined_channel not delivered")
	}
}

func TestEphemeralReplyInChannel(t *testing.T) {
	e := start(t)
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "help"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	e.fake.WaitUntil(ctx, func() bool { return len(e.fake.Calls("chat.postEphemeral")) > 0 })
	calls := e.fake.Posts(e.general)
	if len(calls) != 1 || calls[0].Method != "chat.postEphemeral" || calls[0].User != "UKIM" {
		t.Fatalf("help in a channel should be ephemeral to kim: %+v", calls)
	}
}

func TestOnboardingDMOnChannelJoin(t *testing.T) {
	e := start(t)
	e.fake.AddUser(slackfake.User{ID: "UNYA", Name: "nya", Locale: "sv-SE"})
	e.fake.SendEvent(slackfake.MemberJoinedChannelEvent{User: "UNYA", Channel: e.general})
	posts := waitPosts(t, e.fake, e.fake.DMChannel("UNYA"), 1)
	if got := blockText(t, posts[0]); !strings.Contains(got, "Välkommen") || !strings.Contains(got, "intressen lägg till") {
		t.Fatalf("welcome = %q", got)
	}
}

func TestInterestsAndExportOnSlack(t *testing.T) {
	e := start(t)
	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/interests", Text: `add tags:"keramik, surdeg"`, UserID: "UKIM", ChannelID: e.general})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.fake.WaitUntil(ctx, func() bool { return len(allResponsePosts(e.fake)) > 0 }); err != nil {
		t.Fatal("no answer to /interests add")
	}
	if got := allResponsePosts(e.fake)[0].Text; got != "Tillagt: keramik, surdeg." {
		t.Fatalf("add = %q", got)
	}
	e.fake.SendEvent(slackfake.MessageEvent{User: "UADA", Text: "interests who tag:ceramics"})
	posts := waitPosts(t, e.fake, e.fake.DMChannel("UADA"), 1)
	if got := blockText(t, posts[0]); !strings.Contains(got, "kim") {
		t.Fatalf("who = %q", got)
	}
	e.fake.SendEvent(slackfake.MessageEvent{User: "UKIM", Text: "mydata export"})
	posts = waitPosts(t, e.fake, e.fake.DMChannel("UKIM"), 1)
	if got := blockText(t, posts[0]); !strings.Contains(got, `"tag": "keramik"`) || !strings.Contains(got, `"user_id": "UKIM"`) || strings.Contains(got, "UADA") {
		t.Fatalf("export = %q", got)
	}
}

func TestMatchIntroOnSlack(t *testing.T) {
	e := start(t)
	for _, u := range []string{"UKIM", "UOLLE"} {
		e.fake.SendEvent(slackfake.MessageEvent{User: u, Text: "interests add tags:keramik"})
		waitPosts(t, e.fake, e.fake.DMChannel(u), 1)
		e.fake.SendEvent(slackfake.MessageEvent{User: u, Text: "match on"})
		waitPosts(t, e.fake, e.fake.DMChannel(u), 2)
	}
	e.fake.SendEvent(slackfake.MessageEvent{User: "UOLLE", Text: "match now"}) // an organiser through [roles]
	// Slack has group DMs: one conversation with both, not two DMs.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var intro *slackfake.Post
	e.fake.WaitUntil(ctx, func() bool {
		for _, p := range e.fake.Posts("") {
			if strings.Contains(p.Text, "presentera er för varandra") {
				intro = &p
				return true
			}
		}
		return false
	})
	if intro == nil {
		t.Fatal("no group intro")
	}
	if got := blockText(t, *intro); !strings.Contains(got, "kim, olle") || !strings.Contains(got, "Ni delar intresset för keramik") {
		t.Fatalf("intro = %q", got)
	}
	if ch, ok := e.fake.Channel(intro.Channel); !ok || len(ch.Members) != 3 {
		t.Fatalf("the intro is not in a group DM of the two and the bot: %+v", ch)
	}
}

func TestModerationCapabilitiesOnSlack(t *testing.T) {
	e := start(t)
	e.fake.AddUser(slackfake.User{ID: "UMOD", Name: "moa", IsAdmin: true, Locale: "sv-SE"})
	for i, tc := range []struct{ cmd, want string }{
		{"channel slowmode seconds:30", "Slack saknar stöd för slowmode"},
		{"timeout user:<@UKIM> duration:1h", "Slack saknar stöd för timeout av medlemmar"},
		{"channel lock", "Slack saknar stöd för låsning av kanaler"},
		// Slack pins (pins.add); a DM is no channel of the community.
		{"pin message:123", "ett DM är ingen kanal i gemenskapen"},
	} {
		e.fake.SendEvent(slackfake.MessageEvent{User: "UMOD", Text: tc.cmd})
		posts := waitPosts(t, e.fake, e.fake.DMChannel("UMOD"), i+1)
		if got := blockText(t, posts[i]); !strings.Contains(got, tc.want) {
			t.Errorf("%s = %q", tc.cmd, got)
		}
	}
	// Purge on Slack deletes only the bot's own messages, and says so.
	e.fake.AddMessage(e.general, slackfake.Message{User: "UKIM", Text: "medlemmens"})
	e.adapter.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: "botens"})
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UMOD", Channel: e.general, Text: "purge count:5"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	e.fake.WaitUntil(ctx, func() bool { return len(e.fake.Calls("chat.postEphemeral")) > 0 || len(e.fake.Posts(e.general)) > 1 })
	time.Sleep(100 * time.Millisecond)
	var answer string
	for _, p := range e.fake.Posts(e.general) {
		if p.Blocks != nil && strings.Contains(blockText(t, p), "bottens egna") {
			answer = blockText(t, p)
		}
	}
	if !strings.Contains(answer, "1 av bottens egna meddelanden raderat") {
		t.Fatalf("purge on Slack: %q", answer)
	}
	for _, m := range e.fake.History(e.general) {
		if m.Text == "botens" {
			t.Fatal("the bot's own message survived the purge")
		}
	}
	if h := e.fake.History(e.general); len(h) == 0 || h[0].Text != "medlemmens" {
		t.Fatalf("the member's message was touched: %+v", h)
	}
}
