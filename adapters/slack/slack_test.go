package slack_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"go.uber.org/goleak"

	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/slackfake"
	"passionbot/knowledge"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// env is a bot on a fresh database connected through the real slack-go
// client to a loopback fake Slack.
type env struct {
	fake    *slackfake.Server
	h       *bottest.Harness
	adapter *slack.Adapter
	general string
}

func start(t *testing.T, opts ...slackfake.Option) *env {
	t.Helper()
	return startWith(t, nil, opts...)
}

// startWith is start with more of the workspace, set up by prep before the
// bot connects; prep returns more [roles] entries.
func startWith(t *testing.T, prep func(*slackfake.Server) map[bot.Role][]string, opts ...slackfake.Option) *env {
	t.Helper()
	fake := slackfake.New(t, opts...)
	fake.AddUser(slackfake.User{ID: "UKIM", Name: "kim", Locale: "sv-SE"})
	fake.AddUser(slackfake.User{ID: "UADA", Name: "ada", IsAdmin: true, Locale: "en-US"})
	fake.AddUser(slackfake.User{ID: "UOLLE", Name: "olle"})
	fake.AddUsergroup("arrangorer", "UOLLE")
	roles := map[bot.Role][]string{bot.RoleOrganiser: {"arrangorer"}}
	if prep != nil {
		for r, entries := range prep(fake) {
			roles[r] = append(roles[r], entries...)
		}
	}
	general := fake.AddChannel(slackfake.Channel{Name: "allmant"})
	a, err := slack.New(slack.Options{BotToken: fake.BotToken(), AppToken: fake.AppToken(), APIURL: fake.APIURL(), Pace: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	h := bottest.New(t, bottest.WithAdapters(a), bottest.WithOptions(func(o *bot.Options) {
		o.Roles = bot.NewRoleMap(roles)
	}))
	runAdapter(t, fake, a, h)
	return &env{fake: fake, h: h, adapter: a, general: general}
}

// runAdapter runs a for h until the test ends (then waits for running
// handlers) and returns once it is connected to fake.
func runAdapter(t *testing.T, fake *slackfake.Server, a *slack.Adapter, h *bottest.Harness) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, h.Bot) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		wctx, stop := context.WithTimeout(context.Background(), 10*time.Second)
		defer stop()
		if err := h.Bot.Wait(wctx); err != nil {
			t.Errorf("handlers still running: %v", err)
		}
	})
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := fake.WaitConnected(wait); err != nil {
		t.Fatal(err)
	}
}

func waitPosts(t *testing.T, fake *slackfake.Server, channel string, n int) []slackfake.Post {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	posts, err := fake.WaitPosts(ctx, channel, n)
	if err != nil {
		t.Fatalf("waiting for %d posts in %s: %v (have %d)", n, channel, err, len(fake.Posts(channel)))
	}
	return posts
}

// blockText returns every text in a post's blocks, joined.
func blockText(t *testing.T, p slackfake.Post) string {
	t.Helper()
	var blocks any
	if err := json.Unmarshal(p.Blocks, &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["text"].(string); ok {
				out = append(out, s)
			}
			for k, v := range x {
				if k != "text" || !isString(v) {
					walk(v)
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(blocks)
	return strings.Join(out, "\n")
}

func isString(v any) bool { _, ok := v.(string); return ok }

func TestMentionAnsweredInThread(t *testing.T) {
	e := start(t)
	ts := "1700000000.000100"
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "vad står PUNKS för?", TS: ts})
	p := waitPosts(t, e.fake, e.general, 1)[0]
	if p.ThreadTS != ts {
		t.Fatalf("answer not in the thread: thread_ts %q", p.ThreadTS)
	}
	if got := blockText(t, p); !strings.Contains(got, "*Vad står PUNKS för?*") || !strings.Contains(got, "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle") {
		t.Fatalf("answer = %q", got)
	}
}

func TestDirectMessageAndSlashCommand(t *testing.T) {
	e := start(t)
	e.fake.SendEvent(slackfake.MessageEvent{User: "UADA", Text: "what does PUNKS stand for?"})
	dm := e.fake.DMChannel("UADA")
	if got := blockText(t, waitPosts(t, e.fake, dm, 1)[0]); !strings.Contains(got, "*What does PUNKS stand for?*") {
		t.Fatalf("DM answer = %q", got)
	}
	env := e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/ask", Text: "who commissioned the report?", UserID: "UKIM", ChannelID: e.general})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := e.fake.WaitAck(ctx, env); err != nil {
		t.Fatalf("slash command not acked: %v", err)
	}
	var got []slackfake.ResponseURLPost
	err := e.fake.WaitUntil(ctx, func() bool { got = allResponsePosts(e.fake); return len(got) > 0 })
	if err != nil {
		t.Fatal("no answer through response_url")
	}
	if !strings.Contains(string(got[0].Body), "VIAkub Halland") || got[0].ResponseType != "in_channel" {
		t.Fatalf("slash answer (%s) = %s", got[0].ResponseType, got[0].Body)
	}
}

func allResponsePosts(f *slackfake.Server) []slackfake.ResponseURLPost { return f.ResponseURLPosts("") }

func TestButtonClickRoutedToItsAction(t *testing.T) {
	e := start(t)
	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/learn", UserID: "UKIM", ChannelID: e.general})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var first []slackfake.ResponseURLPost
	e.fake.WaitUntil(ctx, func() bool { first = allResponsePosts(e.fake); return len(first) > 0 })
	if len(first) == 0 || !strings.Contains(string(first[0].Body), `"value":"learn answer:1"`) {
		t.Fatalf("no quiz buttons: %v", first)
	}
	lessons, _ := knowledge.Course()
	right := lessons[0].Quiz[0].Answer
	e.fake.SendBlockAction(slackfake.BlockAction{UserID: "UKIM", ChannelID: e.general, Ephemeral: true,
		ActionID: "pb-" + string(rune('0'+right-1)), Value: "learn answer:" + string(rune('0'+right))})
	var all []slackfake.ResponseURLPost
	e.fake.WaitUntil(ctx, func() bool { all = allResponsePosts(e.fake); return len(all) > 1 })
	if len(all) < 2 || !strings.Contains(string(all[1].Body), "Rätt!") {
		t.Fatalf("button answer = %v", all)
	}
}

func TestRefusalAndRolesFromSlack(t *testing.T) {
	e := start(t)
	e.fake.SendEvent(slackfake.MessageEvent{User: "UKIM", Text: "role list"})
	dm := e.fake.DMChannel("UKIM")
	if got := blockText(t, waitPosts(t, e.fake, dm, 1)[0]); !strings.Contains(got, "kräver rollen administratör, och du är medlem") {
		t.Fatalf("member ran an admin command: %q", got)
	}
	// Workspace admins are admins; members of a configured user group organisers.
	e.fake.SendEvent(slackfake.MessageEvent{User: "UADA", Text: "role list"})
	if got := blockText(t, waitPosts(t, e.fake, e.fake.DMChannel("UADA"), 1)[0]); !strings.Contains(got, "No roles have been given yet") {
		t.Fatalf("admin refused: %q", got)
	}
	e.fake.SendEvent(slackfake.MessageEvent{User: "UOLLE", Text: "faq unanswered"})
	if got := blockText(t, waitPosts(t, e.fake, e.fake.DMChannel("UOLLE"), 1)[0]); !strings.Contains(got, "obesvarade") && !strings.Contains(got, "unanswered") {
		t.Fatalf("user-group organiser refused: %q", got)
	}
}

func TestChannelPingEscaped(t *testing.T) {
	e := start(t)
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "<!channel> <!here> @everyone vem vann melodifestivalen?"})
	p := waitPosts(t, e.fake, e.general, 1)[0]
	raw := string(p.Blocks) + p.Text
	for _, bad := range []string{"<!channel>", "<!here>", "<!everyone>"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("reply contains %s: %s", bad, raw)
		}
	}
	// Text the bot echoes back ("no command `<!channel>`") is escaped for
	// mrkdwn, so Slack shows it and never reads it as a ping.
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "help <!channel> &"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	e.fake.WaitUntil(ctx, func() bool { return len(e.fake.Calls("chat.postEphemeral")) > 0 })
	eph := e.fake.Posts(e.general)
	got := blockText(t, eph[len(eph)-1])
	if strings.Contains(got, "<!channel>") || !strings.Contains(got, "&lt;") || !strings.Contains(got, "!channel&gt;") || !strings.Contains(got, "&amp;") {
		t.Fatalf("echoed text not escaped: %s", got)
	}
}

func TestRateLimitedPostDeliveredOnce(t *testing.T) {
	e := start(t)
	e.fake.RateLimit("chat.postMessage", 1, time.Second)
	began := time.Now()
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "vad står PUNKS för?"})
	waitPosts(t, e.fake, e.general, 1)
	if waited := time.Since(began); waited < time.Second {
		t.Fatalf("posted after %v, before Retry-After ran out", waited)
	}
	time.Sleep(50 * time.Millisecond) // a duplicate would follow at once
	if n := len(e.fake.Posts(e.general)); n != 1 {
		t.Fatalf("%d posts after a 429, want exactly 1", n)
	}
}

func TestReconnectAfterDropAndDisconnect(t *testing.T) {
	e := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	e.fake.Drop()
	if err := e.fake.WaitConnections(ctx, 2); err != nil {
		t.Fatalf("no reconnect after a drop: %v", err)
	}
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "vad står PUNKS för?"})
	waitPosts(t, e.fake, e.general, 1)
	e.fake.Disconnect()
	if err := e.fake.WaitConnections(ctx, 3); err != nil {
		t.Fatalf("no reconnect after disconnect: %v", err)
	}
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "what does PUNKS stand for?"})
	waitPosts(t, e.fake, e.general, 2)
}

func TestRedeliveredEnvelopeAnsweredOnce(t *testing.T) {
	e := start(t)
	payload, err := e.fake.EventPayload(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "vad står PUNKS för?"})
	if err != nil {
		t.Fatal(err)
	}
	// Slack resends an event it thinks was not acknowledged, in a new envelope
	// with the same event_id.
	e.fake.SendEnvelope("events_api", payload, false)
	waitPosts(t, e.fake, e.general, 1)
	again := e.fake.SendEnvelope("events_api", payload, false)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := e.fake.WaitAck(ctx, again); err != nil {
		t.Fatalf("redelivery not acked: %v", err)
	}
	time.Sleep(200 * time.Millisecond) // a second answer would be posted by now
	if n := len(e.fake.Posts(e.general)); n != 1 {
		t.Fatalf("%d answers to one event delivered twice", n)
	}
}

func TestManifestListsEverySlashCommand(t *testing.T) {
	h := bottest.New(t)
	y, err := slack.Manifest("passionbot", h.Bot.Registry().Commands(), "pb-")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command     string `yaml:"command"`
				Description string `yaml:"description"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		Settings struct {
			SocketModeEnabled bool `yaml:"socket_mode_enabled"`
			Interactivity     struct {
				IsEnabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			EventSubscriptions struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		} `yaml:"settings"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
	}
	if err := yaml.Unmarshal(y, &m); err != nil {
		t.Fatalf("manifest is not valid YAML: %v\n%s", err, y)
	}
	have := map[string]bool{}
	for _, c := range m.Features.SlashCommands {
		if c.Description == "" {
			t.Errorf("%s has no description", c.Command)
		}
		have[c.Command] = true
	}
	for _, c := range h.Bot.Registry().Commands() {
		if name := "/pb-" + c.Words()[0]; !have[name] {
			t.Errorf("manifest lacks %s", name)
		}
	}
	if !m.Settings.SocketModeEnabled || !m.Settings.Interactivity.IsEnabled || len(m.Settings.EventSubscriptions.BotEvents) != 4 || len(m.OAuth.Scopes.Bot) == 0 {
		t.Fatalf("settings = %+v", m.Settings)
	}
}

func TestTokensChecked(t *testing.T) {
	for _, tc := range []struct{ bot, app, want string }{
		{"", "xapp-1", "SLACK_BOT_TOKEN is not set"},
		{"xoxp-1", "xapp-1", "must be a bot token starting with xoxb-"},
		{"xoxb-1", "", "SLACK_APP_TOKEN is not set"},
		{"xoxb-1", "xoxb-2", "must be an app-level token starting with xapp-"},
	} {
		if _, err := slack.New(slack.Options{BotToken: tc.bot, AppToken: tc.app}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q/%q: %v", tc.bot, tc.app, err)
		}
	}
}

func TestMeetupRSVPByButton(t *testing.T) {
	e := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	e.fake.SendSlashCommand(slackfake.SlashCommand{Command: "/meetup", Text: `create title:"Surdegskurs" when:"2027-06-15 10:00" capacity:5`, UserID: "UADA", ChannelID: e.general})
	// The card is a message of its own in the channel (kept up to date with
	// chat.update); the answer to the command says so.
	var card []slackfake.Post
	e.fake.WaitUntil(ctx, func() bool { card = e.fake.Posts(e.general); return len(card) > 0 && len(allResponsePosts(e.fake)) > 0 })
	if len(card) == 0 || !strings.Contains(string(card[0].Blocks), `"value":"meetup rsvp id:1 answer:yes"`) || !strings.Contains(string(card[0].Blocks), "Surdegskurs") {
		t.Fatalf("meetup card = %v", card)
	}
	e.fake.SendBlockAction(slackfake.BlockAction{UserID: "UKIM", ChannelID: e.general, Ephemeral: true, ActionID: "pb-0", Value: "meetup rsvp id:1 answer:yes"})
	var all []slackfake.ResponseURLPost
	e.fake.WaitUntil(ctx, func() bool { all = allResponsePosts(e.fake); return len(all) > 1 })
	if len(all) < 2 || !strings.Contains(all[1].Text, "Du är anmäld till “Surdegskurs”") || all[1].ResponseType != "ephemeral" {
		t.Fatalf("button answer = %q (%s)", all[len(all)-1].Text, all[len(all)-1].ResponseType)
	}
}

// TestHealthFollowsTheSocket: Health is an error while Slack refuses to
// open a new socket after a drop, and nil again once it reconnects.
func TestHealthFollowsTheSocket(t *testing.T) {
	e := start(t)
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("never %s", what)
			}
		}
	}
	// The adapter learns of the connection from the client's event, just
	// after the fake sees it.
	waitFor("healthy once connected", func() bool { return e.adapter.Health() == nil })
	for range 4 {
		e.fake.FailNext("apps.connections.open", http.StatusServiceUnavailable, "")
	}
	e.fake.Drop()
	waitFor("unhealthy during the outage", func() bool {
		err := e.adapter.Health()
		return err != nil && err.Error() == "slack socket mode not connected"
	})
	waitFor("healthy after reconnecting", func() bool { return e.adapter.Health() == nil })
	if n := len(e.fake.Calls("apps.connections.open")); n < 6 {
		t.Errorf("%d apps.connections.open calls, want the first, 4 refused and the reconnect", n)
	}
}
