package slackfake_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
	"go.uber.org/goleak"

	"passionbot/internal/slackfake"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// testCtx bounds a test's waits.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func newAPI(fake *slackfake.Server) *slack.Client {
	return slack.New(fake.BotToken(),
		slack.OptionAPIURL(fake.APIURL()),
		slack.OptionAppLevelToken(fake.AppToken()))
}

type harness struct {
	fake   *slackfake.Server
	api    *slack.Client
	client *socketmode.Client
}

// start runs a real socketmode client against fake until the test ends.
// Its cleanup is registered after the fake's, so it runs first.
func start(t *testing.T, fake *slackfake.Server, opts ...socketmode.Option) *harness {
	t.Helper()
	api := newAPI(fake)
	client := socketmode.New(api, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("RunContext returned %v, want context.Canceled", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("RunContext did not return after cancel")
		}
	})
	return &harness{fake: fake, api: api, client: client}
}

// next returns the client's next event of type typ, skipping lifecycle
// events of other types.
func (h *harness) next(t *testing.T, typ socketmode.EventType) socketmode.Event {
	t.Helper()
	timeout := time.NewTimer(5 * time.Second)
	defer timeout.Stop()
	for {
		select {
		case ev := <-h.client.Events:
			if ev.Type == typ {
				return ev
			}
			switch ev.Type {
			case socketmode.EventTypeConnecting, socketmode.EventTypeConnected, socketmode.EventTypeHello,
				socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
			default:
				t.Fatalf("unexpected event %s while waiting for %s: %+v", ev.Type, typ, ev.Data)
			}
		case <-timeout.C:
			t.Fatalf("no %s event", typ)
		}
	}
}

func TestHelloAppMentionAckAndThreadedReply(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "U100", Name: "alice"})
	fake.AddChannel(slackfake.Channel{ID: "C100", Name: "passion"})
	h := start(t, fake)
	ctx := testCtx(t)

	if err := fake.WaitConnected(ctx); err != nil {
		t.Fatal(err)
	}
	hello := h.next(t, socketmode.EventTypeHello)
	if hello.Request.NumConnections != 1 || hello.Request.ConnectionInfo.AppID != fake.AppID() {
		t.Errorf("hello = %+v", hello.Request)
	}
	if origin := fake.ConnectionLog()[0].Origin; origin != "https://api.slack.com" {
		t.Errorf("Origin = %q", origin)
	}

	id := fake.SendEvent(slackfake.AppMentionEvent{User: "U100", Channel: "C100", Text: "what is my passion?"})
	ev := h.next(t, socketmode.EventTypeEventsAPI)
	if ev.Request.EnvelopeID != id || ev.Request.RetryAttempt != 0 || ev.Request.AcceptsResponsePayload {
		t.Errorf("request = %+v", ev.Request)
	}
	outer := ev.Data.(slackevents.EventsAPIEvent)
	if outer.Type != slackevents.CallbackEvent || outer.TeamID != fake.TeamID() || outer.APIAppID != fake.AppID() {
		t.Errorf("outer event = %+v", outer)
	}
	mention, ok := outer.InnerEvent.Data.(*slackevents.AppMentionEvent)
	if !ok {
		t.Fatalf("inner event = %T", outer.InnerEvent.Data)
	}
	wantText := "<@" + fake.BotUserID() + "> what is my passion?"
	if mention.Text != wantText || mention.User != "U100" || mention.Channel != "C100" || mention.TimeStamp == "" {
		t.Errorf("mention = %+v", mention)
	}
	if len(mention.Blocks.BlockSet) != 1 || mention.Blocks.BlockSet[0].BlockType() != slack.MBTRichText {
		t.Errorf("mention blocks = %+v", mention.Blocks.BlockSet)
	}
	if err := h.client.Ack(*ev.Request); err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitAck(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !ack.Known || ack.Payload != nil || ack.Conn != 1 {
		t.Errorf("ack = %+v", ack)
	}

	_, ts, err := h.api.PostMessageContext(ctx, mention.Channel,
		slack.MsgOptionText("Cooking!", false),
		slack.MsgOptionTS(mention.TimeStamp),
		slack.MsgOptionBlocks(
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*Cooking!*", false, false), nil, nil),
			slack.NewActionBlock("votes",
				slack.NewButtonBlockElement("vote_yes", "yes", slack.NewTextBlockObject(slack.PlainTextType, "Yes", false, false))),
		))
	if err != nil {
		t.Fatal(err)
	}
	posts, err := fake.WaitPosts(ctx, "C100", 1)
	if err != nil {
		t.Fatal(err)
	}
	p := posts[0]
	if p.Method != "chat.postMessage" || p.TS != ts || p.Text != "Cooking!" || p.ThreadTS != mention.TimeStamp {
		t.Errorf("post = %+v", p)
	}
	var blocks []map[string]any
	if err := json.Unmarshal(p.Blocks, &blocks); err != nil || len(blocks) != 2 || blocks[1]["block_id"] != "votes" {
		t.Errorf("blocks = %s (%v)", p.Blocks, err)
	}
	if hist := fake.History("C100"); len(hist) != 2 || hist[0].User != "U100" || hist[1].BotID != fake.BotID() {
		t.Errorf("history = %+v", hist)
	}
}

func TestBlockActionAndResponseURL(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "U100", Name: "alice"})
	fake.AddChannel(slackfake.Channel{ID: "C100", Name: "passion"})
	h := start(t, fake)
	ctx := testCtx(t)

	_, ts, err := h.api.PostMessageContext(ctx, "C100",
		slack.MsgOptionText("Vote?", false),
		slack.MsgOptionBlocks(slack.NewActionBlock("votes",
			slack.NewButtonBlockElement("vote_yes", "yes", slack.NewTextBlockObject(slack.PlainTextType, "Yes", false, false)))))
	if err != nil {
		t.Fatal(err)
	}

	id := fake.SendBlockAction(slackfake.BlockAction{UserID: "U100", ChannelID: "C100", MessageTS: ts, ActionID: "vote_yes"})
	ev := h.next(t, socketmode.EventTypeInteractive)
	cb, ok := ev.Data.(slack.InteractionCallback)
	if !ok {
		t.Fatalf("data = %T", ev.Data)
	}
	if cb.Type != slack.InteractionTypeBlockActions || cb.User.ID != "U100" || cb.User.Name != "alice" ||
		cb.Channel.ID != "C100" || cb.Container.MessageTs != ts || cb.Container.ChannelID != "C100" ||
		cb.Message.Text != "Vote?" || cb.ResponseURL == "" || cb.TriggerID == "" || cb.Team.ID != fake.TeamID() {
		t.Errorf("callback = %+v", cb)
	}
	if n := len(cb.ActionCallback.BlockActions); n != 1 {
		t.Fatalf("%d block actions", n)
	}
	act := cb.ActionCallback.BlockActions[0]
	if act.ActionID != "vote_yes" || act.BlockID != "votes" || act.Value != "yes" || act.Type != "button" || act.Text.Text != "Yes" {
		t.Errorf("action = %+v", act)
	}
	if err := h.client.Ack(*ev.Request); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitAck(ctx, id); err != nil {
		t.Fatal(err)
	}

	// Replace the original message through the response URL.
	if _, _, err := h.api.PostMessageContext(ctx, "",
		slack.MsgOptionReplaceOriginal(cb.ResponseURL), slack.MsgOptionText("Thanks for voting", false)); err != nil {
		t.Fatal(err)
	}
	rps := fake.ResponseURLPosts(cb.ResponseURL)
	if len(rps) != 1 || !rps[0].ReplaceOriginal || rps[0].Text != "Thanks for voting" || rps[0].Status != http.StatusOK {
		t.Errorf("response url posts = %+v", rps)
	}
	if hist := fake.History("C100"); len(hist) != 1 || hist[0].Text != "Thanks for voting" || hist[0].Blocks != nil {
		t.Errorf("history = %+v", hist)
	}
}

func TestSlashCommandAckPayloadAndResponseURL(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "U100", Name: "alice"})
	h := start(t, fake)
	ctx := testCtx(t)

	id := fake.SendSlashCommand(slackfake.SlashCommand{Command: "/passion", Text: "help", UserID: "U100"})
	ev := h.next(t, socketmode.EventTypeSlashCommand)
	cmd, ok := ev.Data.(slack.SlashCommand)
	if !ok {
		t.Fatalf("data = %T", ev.Data)
	}
	if cmd.Command != "/passion" || cmd.Text != "help" || cmd.UserID != "U100" || cmd.UserName != "alice" ||
		cmd.ChannelID != fake.DMChannel("U100") || cmd.ChannelName != "directmessage" || cmd.TeamID != fake.TeamID() ||
		cmd.ResponseURL == "" || cmd.TriggerID == "" || cmd.IsEnterpriseInstall {
		t.Errorf("command = %+v", cmd)
	}
	if !ev.Request.AcceptsResponsePayload {
		t.Error("slash command envelope should accept a response payload")
	}
	if err := h.client.Ack(*ev.Request, map[string]any{"text": "Working on it"}); err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitAck(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if string(ack.Payload) != `{"text":"Working on it"}` {
		t.Errorf("ack payload = %s", ack.Payload)
	}

	if _, _, err := h.api.PostMessageContext(ctx, "",
		slack.MsgOptionResponseURL(cmd.ResponseURL, slack.ResponseTypeInChannel), slack.MsgOptionText("Here you go", false)); err != nil {
		t.Fatal(err)
	}
	rps, err := fake.WaitResponseURLPosts(ctx, cmd.ResponseURL, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rps[0].ResponseType != "in_channel" || rps[0].Text != "Here you go" {
		t.Errorf("response url post = %+v", rps[0])
	}
	// A response URL works five times.
	for range 4 {
		if _, _, err := h.api.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(cmd.ResponseURL, slack.ResponseTypeEphemeral), slack.MsgOptionText("again", false)); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = h.api.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(cmd.ResponseURL, slack.ResponseTypeEphemeral), slack.MsgOptionText("once more", false))
	var sce slack.StatusCodeError
	if !errors.As(err, &sce) || sce.Code != http.StatusNotFound {
		t.Errorf("sixth use: err = %v", err)
	}
}

func TestUnackedEnvelopeIsRedelivered(t *testing.T) {
	fake := slackfake.New(t, slackfake.WithAckTimeout(100*time.Millisecond))
	h := start(t, fake)
	ctx := testCtx(t)

	id := fake.SendEvent(slackfake.MessageEvent{User: "U100", Text: "hi"})
	first := h.next(t, socketmode.EventTypeEventsAPI)
	if first.Request.EnvelopeID != id || first.Request.RetryAttempt != 0 || first.Request.RetryReason != "" {
		t.Errorf("first delivery = %+v", first.Request)
	}
	msg, ok := first.Data.(slackevents.EventsAPIEvent).InnerEvent.Data.(*slackevents.MessageEvent)
	if !ok || msg.ChannelType != "im" || msg.Channel != fake.DMChannel("U100") || msg.Text != "hi" {
		t.Errorf("message event = %+v", msg)
	}
	// No ack: the fake sends it again.
	second := h.next(t, socketmode.EventTypeEventsAPI)
	if second.Request.EnvelopeID != id || second.Request.RetryAttempt != 1 || second.Request.RetryReason != "timeout" {
		t.Errorf("second delivery = %+v", second.Request)
	}
	if err := h.client.Ack(*second.Request); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitAck(ctx, id); err != nil {
		t.Fatal(err)
	}
	if d := fake.Deliveries(id); len(d) < 2 || d[1].RetryAttempt != 1 || d[1].RetryReason != "timeout" {
		t.Errorf("deliveries = %+v", d)
	}
}

func TestRedeliveryGivesUpAfterMaxRetries(t *testing.T) {
	fake := slackfake.New(t, slackfake.WithAckTimeout(20*time.Millisecond), slackfake.WithMaxRetries(2))
	h := start(t, fake)
	ctx := testCtx(t)

	id := fake.SendEvent(slackfake.MemberJoinedChannelEvent{User: "U100", Channel: "C100"})
	for attempt := range 3 {
		ev := h.next(t, socketmode.EventTypeEventsAPI)
		if ev.Request.RetryAttempt != attempt {
			t.Errorf("delivery %d: retry_attempt %d", attempt, ev.Request.RetryAttempt)
		}
	}
	// Once the last redelivery timed out, a later envelope still goes out
	// and the given-up one is not sent again.
	if err := fake.WaitUntil(ctx, func() bool { return fake.GaveUp(id) }); err != nil {
		t.Fatal(err)
	}
	id2 := fake.SendEvent(slackfake.TeamJoinEvent{User: slackfake.User{ID: "U200", Name: "bob"}})
	ev := h.next(t, socketmode.EventTypeEventsAPI)
	if ev.Request.EnvelopeID != id2 {
		t.Errorf("got envelope %s, want %s", ev.Request.EnvelopeID, id2)
	}
	join, ok := ev.Data.(slackevents.EventsAPIEvent).InnerEvent.Data.(*slackevents.TeamJoinEvent)
	if !ok || join.User.ID != "U200" || join.User.Name != "bob" {
		t.Errorf("team_join = %+v", join)
	}
	if c, _ := fake.Channel("C100"); len(c.Members) != 1 || c.Members[0] != "U100" {
		t.Errorf("channel members = %v", c.Members)
	}
	if len(fake.Deliveries(id)) != 3 {
		t.Errorf("deliveries = %+v", fake.Deliveries(id))
	}
}

func TestDisconnectAndDropReconnect(t *testing.T) {
	fake := slackfake.New(t)
	h := start(t, fake)
	ctx := testCtx(t)

	if err := fake.WaitConnected(ctx); err != nil {
		t.Fatal(err)
	}
	if n := fake.Disconnect(); n != 1 {
		t.Fatalf("Disconnect asked %d connections", n)
	}
	if err := fake.WaitConnections(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.Calls("apps.connections.open")); n != 2 {
		t.Errorf("apps.connections.open called %d times", n)
	}
	id := fake.SendEvent(slackfake.AppMentionEvent{User: "U100", Channel: "C100", Text: "still there?"})
	ev := h.next(t, socketmode.EventTypeEventsAPI)
	if ev.Request.EnvelopeID != id {
		t.Fatalf("envelope %s, want %s", ev.Request.EnvelopeID, id)
	}
	if err := h.client.Ack(*ev.Request); err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitAck(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if ack.Conn != 2 {
		t.Errorf("ack on connection %d, want 2", ack.Conn)
	}

	if n := fake.Drop(); n != 1 {
		t.Fatalf("Drop dropped %d connections", n)
	}
	if err := fake.WaitConnections(ctx, 3); err != nil {
		t.Fatal(err)
	}
	id = fake.SendEvent(slackfake.MessageEvent{User: "U100", Channel: "C100", Text: "and now?"})
	if ev := h.next(t, socketmode.EventTypeEventsAPI); ev.Request.EnvelopeID != id {
		t.Fatalf("envelope %s, want %s", ev.Request.EnvelopeID, id)
	}
	// The fake notices the client's closes asynchronously.
	var log []slackfake.ConnectionInfo
	err = fake.WaitUntil(ctx, func() bool {
		log = fake.ConnectionLog()
		return len(log) == 3 && !log[0].Open && !log[1].Open
	})
	if err != nil || !log[0].DisconnectSent || !log[1].Dropped || !log[2].Open {
		t.Errorf("connection log = %+v (%v)", log, err)
	}
}

func TestPingsKeepClientConnected(t *testing.T) {
	fake := slackfake.New(t, slackfake.WithPingInterval(20*time.Millisecond))
	start(t, fake, socketmode.OptionPingInterval(100*time.Millisecond))
	ctx := testCtx(t)

	// 15 pongs span three of the client's ping intervals.
	err := fake.WaitUntil(ctx, func() bool {
		log := fake.ConnectionLog()
		return len(log) > 0 && log[0].Pongs >= 15
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := fake.Connections(); n != 1 {
		t.Errorf("%d connections, want 1", n)
	}
}

func TestNoPingsMakeClientReconnect(t *testing.T) {
	fake := slackfake.New(t, slackfake.WithPingInterval(0))
	start(t, fake, socketmode.OptionPingInterval(50*time.Millisecond))
	if err := fake.WaitConnections(testCtx(t), 2); err != nil {
		t.Fatal(err)
	}
	if log := fake.ConnectionLog(); log[0].Pings != 0 {
		t.Errorf("pings sent: %d", log[0].Pings)
	}
}

func TestMessageLimits(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddChannel(slackfake.Channel{ID: "C100", Name: "passion"})
	api := newAPI(fake)
	ctx := testCtx(t)

	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	section := func(s string) slack.Block {
		return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, s, false, false), nil, nil)
	}
	button := func(id, text string) slack.BlockElement { return slack.NewButtonBlockElement(id, "v", plain(text)) }
	many := func(n int, f func(i int) slack.Block) []slack.Block {
		out := make([]slack.Block, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	buttons := func(n int) []slack.BlockElement {
		out := make([]slack.BlockElement, n)
		for i := range out {
			out[i] = button("b"+strings.Repeat("x", i), "B")
		}
		return out
	}

	tests := []struct {
		name string
		opts []slack.MsgOption
		want string // "" for success
	}{
		{"text at limit", []slack.MsgOption{slack.MsgOptionText(strings.Repeat("é", 40000), false)}, ""},
		{"text too long", []slack.MsgOption{slack.MsgOptionText(strings.Repeat("a", 40001), false)}, "msg_too_long"},
		{"no text", nil, "no_text"},
		{"empty blocks no text", []slack.MsgOption{slack.MsgOptionBlocks()}, "no_text"},
		{"blocks without text", []slack.MsgOption{slack.MsgOptionBlocks(section("hi"))}, ""},
		{"50 blocks", []slack.MsgOption{slack.MsgOptionBlocks(many(50, func(int) slack.Block { return slack.NewDividerBlock() })...)}, ""},
		{"51 blocks", []slack.MsgOption{slack.MsgOptionBlocks(many(51, func(int) slack.Block { return slack.NewDividerBlock() })...)}, "invalid_blocks"},
		{"section text 3000", []slack.MsgOption{slack.MsgOptionBlocks(section(strings.Repeat("a", 3000)))}, ""},
		{"section text 3001", []slack.MsgOption{slack.MsgOptionBlocks(section(strings.Repeat("a", 3001)))}, "invalid_blocks"},
		{"25 buttons", []slack.MsgOption{slack.MsgOptionBlocks(slack.NewActionBlock("a", buttons(25)...))}, ""},
		{"26 buttons", []slack.MsgOption{slack.MsgOptionBlocks(slack.NewActionBlock("a", buttons(26)...))}, "invalid_blocks"},
		{"button text 76", []slack.MsgOption{slack.MsgOptionBlocks(slack.NewActionBlock("a", button("x", strings.Repeat("b", 76))))}, "invalid_blocks"},
		{"action_id 256", []slack.MsgOption{slack.MsgOptionBlocks(slack.NewActionBlock("a", button(strings.Repeat("i", 256), "B")))}, "invalid_blocks"},
		{"duplicate block_id", []slack.MsgOption{slack.MsgOptionBlocks(slack.NewActionBlock("a", button("x", "B")), slack.NewActionBlock("a", button("y", "B")))}, "invalid_blocks"},
	}
	wantPosts := 0
	for _, tc := range tests {
		_, _, err := api.PostMessageContext(ctx, "C100", tc.opts...)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want == "":
			wantPosts++
		case err == nil || err.Error() != tc.want:
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
	if n := len(fake.Posts("C100")); n != wantPosts {
		t.Errorf("%d posts recorded, want %d", n, wantPosts)
	}

	_, _, err := api.PostMessageContext(ctx, "C100", slack.MsgOptionBlocks(section(strings.Repeat("a", 3001))))
	var ser slack.SlackErrorResponse
	if !errors.As(err, &ser) || len(ser.ResponseMetadata.Messages) != 1 ||
		!strings.Contains(ser.ResponseMetadata.Messages[0], "[json-pointer:/blocks/0/text]") {
		t.Errorf("invalid_blocks details: %#v", err)
	}
	calls := fake.Calls("chat.postMessage")
	if last := calls[len(calls)-1]; last.Error != "invalid_blocks" || last.Status != http.StatusOK {
		t.Errorf("last call = %+v", last)
	}
}

func TestRateLimitsAndInjectedFailures(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddChannel(slackfake.Channel{ID: "C100", Name: "passion"})
	api := newAPI(fake)
	ctx := testCtx(t)

	fake.RateLimit("chat.postMessage", 2, 1500*time.Millisecond)
	for range 2 {
		_, _, err := api.PostMessageContext(ctx, "C100", slack.MsgOptionText("hi", false))
		var rl *slack.RateLimitedError
		if !errors.As(err, &rl) || rl.RetryAfter != 2*time.Second {
			t.Fatalf("err = %v, want RateLimitedError retry after 2s", err)
		}
	}
	if _, _, err := api.PostMessageContext(ctx, "C100", slack.MsgOptionText("hi", false)); err != nil {
		t.Fatal(err)
	}
	var statuses []int
	for _, c := range fake.Calls("chat.postMessage") {
		statuses = append(statuses, c.Status)
	}
	if len(statuses) != 3 || statuses[0] != 429 || statuses[1] != 429 || statuses[2] != 200 {
		t.Errorf("statuses = %v", statuses)
	}

	fake.FailNext("auth.test", http.StatusInternalServerError, "")
	_, err := api.AuthTestContext(ctx)
	var sce slack.StatusCodeError
	if !errors.As(err, &sce) || sce.Code != http.StatusInternalServerError {
		t.Errorf("err = %v, want StatusCodeError 500", err)
	}
	fake.FailNextError("auth.test", "fatal_error")
	if _, err := api.AuthTestContext(ctx); err == nil || err.Error() != "fatal_error" {
		t.Errorf("err = %v, want fatal_error", err)
	}
	resp, err := api.AuthTestContext(ctx)
	if err != nil || resp.UserID != fake.BotUserID() || resp.TeamID != fake.TeamID() || resp.BotID != fake.BotID() {
		t.Errorf("auth.test = %+v, %v", resp, err)
	}

	// The socketmode client backs off by Retry-After when
	// apps.connections.open is rate limited, then connects.
	fake.RateLimit("apps.connections.open", 1, time.Second)
	h := start(t, fake)
	ev := h.next(t, socketmode.EventTypeConnectionError)
	var rl *slack.RateLimitedError
	if ce, ok := ev.Data.(*slack.ConnectionErrorEvent); !ok || !errors.As(ce.ErrorObj, &rl) {
		t.Errorf("connection error = %+v", ev.Data)
	}
	if err := fake.WaitConnected(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestAuthErrors(t *testing.T) {
	fake := slackfake.New(t)
	ctx := testCtx(t)

	bad := slack.New("xoxb-wrong", slack.OptionAPIURL(fake.APIURL()))
	if _, err := bad.AuthTestContext(ctx); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("wrong token: %v", err)
	}
	appAsBot := slack.New(fake.AppToken(), slack.OptionAPIURL(fake.APIURL()))
	if _, err := appAsBot.AuthTestContext(ctx); err == nil || err.Error() != "not_allowed_token_type" {
		t.Errorf("app token on a bot method: %v", err)
	}
	api := newAPI(fake)
	fake.SetAuthError(fake.BotToken(), "account_inactive")
	if _, err := api.AuthTestContext(ctx); err == nil || err.Error() != "account_inactive" {
		t.Errorf("inactive bot: %v", err)
	}
	fake.SetAuthError(fake.BotToken(), "")
	if _, err := api.AuthTestContext(ctx); err != nil {
		t.Errorf("restored bot: %v", err)
	}

	// socketmode treats a dead app token as fatal.
	fake.SetAuthError(fake.AppToken(), "invalid_auth")
	client := socketmode.New(api)
	if err := client.RunContext(ctx); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("RunContext = %v, want invalid_auth", err)
	}

	form := url.Values{"token": {fake.BotToken()}}
	res, err := http.PostForm(fake.APIURL()+"no.such.method", form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	var out struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal(body, &out); err != nil || out.OK || out.Error != "unknown_method" {
		t.Errorf("unknown method: %s", body)
	}
}

func TestConversationsUsersAndUsergroups(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "U100", Name: "alice", IsAdmin: true, Locale: "fr-FR", TZ: "Europe/Paris"})
	fake.AddUser(slackfake.User{ID: "U200", Name: "bob", IsOwner: true})
	api := newAPI(fake)
	ctx := testCtx(t)

	u, err := api.GetUserInfoContext(ctx, "U100")
	if err != nil || !u.IsAdmin || u.IsOwner || u.Locale != "fr-FR" || u.Name != "alice" || u.TZ != "Europe/Paris" {
		t.Errorf("users.info = %+v, %v", u, err)
	}
	if u, err := api.GetUserInfoContext(ctx, "U200", slack.GetUserInfoOptionIncludeLocale(false)); err != nil || !u.IsOwner || u.Locale != "" {
		t.Errorf("users.info without locale = %+v, %v", u, err)
	}
	if _, err := api.GetUserInfoContext(ctx, "U999"); err == nil || err.Error() != "user_not_found" {
		t.Errorf("unknown user: %v", err)
	}

	gid := fake.AddUsergroup("admins", "U100", "U200")
	groups, err := api.GetUserGroupsContext(ctx, slack.GetUserGroupsOptionIncludeUsers(true), slack.GetUserGroupsOptionIncludeCount(true))
	if err != nil || len(groups) != 1 || groups[0].ID != gid || groups[0].Handle != "admins" || len(groups[0].Users) != 2 || groups[0].UserCount != 2 {
		t.Errorf("usergroups.list = %+v, %v", groups, err)
	}
	members, err := api.GetUserGroupMembersContext(ctx, gid)
	if err != nil || len(members) != 2 || members[0] != "U100" {
		t.Errorf("usergroups.users.list = %v, %v", members, err)
	}
	if _, err := api.GetUserGroupMembersContext(ctx, "S999"); err == nil || err.Error() != "no_such_subteam" {
		t.Errorf("unknown usergroup: %v", err)
	}

	// DMs.
	dm, _, _, err := api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{"U100"}, ReturnIM: true})
	if err != nil || dm.ID != fake.DMChannel("U100") || !dm.IsIM || dm.User != "U100" {
		t.Errorf("conversations.open = %+v, %v", dm, err)
	}
	if _, err := api.PostEphemeralContext(ctx, dm.ID, "U100", slack.MsgOptionText("psst", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.PostMessageContext(ctx, "U100", slack.MsgOptionText("hello by user ID", false)); err != nil {
		t.Fatal(err)
	}
	posts := fake.Posts(dm.ID)
	if len(posts) != 2 || posts[0].Method != "chat.postEphemeral" || posts[0].User != "U100" || posts[1].Channel != dm.ID {
		t.Errorf("DM posts = %+v", posts)
	}
	if len(fake.History(dm.ID)) != 1 {
		t.Errorf("ephemeral messages must stay out of history: %+v", fake.History(dm.ID))
	}

	// Channel lifecycle.
	if _, err := api.CreateConversationContext(ctx, slack.CreateConversationParams{ChannelName: "Bad Name"}); err == nil || err.Error() != "invalid_name_specials" {
		t.Errorf("bad name: %v", err)
	}
	ch, err := api.CreateConversationContext(ctx, slack.CreateConversationParams{ChannelName: "passion-club"})
	if err != nil || ch.Name != "passion-club" || !strings.HasPrefix(ch.ID, "C") {
		t.Fatalf("conversations.create = %+v, %v", ch, err)
	}
	if _, err := api.CreateConversationContext(ctx, slack.CreateConversationParams{ChannelName: "passion-club"}); err == nil || err.Error() != "name_taken" {
		t.Errorf("duplicate name: %v", err)
	}
	if _, err := api.InviteUsersToConversationContext(ctx, ch.ID, "U100", "U200"); err != nil {
		t.Fatal(err)
	}
	if _, err := api.InviteUsersToConversationContext(ctx, ch.ID, "U100"); err == nil || err.Error() != "already_in_channel" {
		t.Errorf("re-invite: %v", err)
	}
	if _, err := api.SetTopicOfConversationContext(ctx, ch.ID, strings.Repeat("t", 251)); err == nil || err.Error() != "too_long" {
		t.Errorf("long topic: %v", err)
	}
	if c, err := api.SetTopicOfConversationContext(ctx, ch.ID, "Cooking"); err != nil || c.Topic.Value != "Cooking" {
		t.Errorf("setTopic = %+v, %v", c, err)
	}
	if c, err := api.RenameConversationContext(ctx, ch.ID, "passion-kitchen"); err != nil || c.Name != "passion-kitchen" {
		t.Errorf("rename = %+v, %v", c, err)
	}
	info, err := api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: ch.ID, IncludeNumMembers: true})
	if err != nil || info.Name != "passion-kitchen" || info.NumMembers != 3 || info.Topic.Value != "Cooking" || !info.IsMember {
		t.Errorf("conversations.info = %+v, %v", info, err)
	}

	// History holds the bot's messages, newest first, without thread replies.
	var tss []string
	for _, text := range []string{"one", "two", "three"} {
		_, ts, err := api.PostMessageContext(ctx, ch.ID, slack.MsgOptionText(text, false))
		if err != nil {
			t.Fatal(err)
		}
		tss = append(tss, ts)
	}
	if _, _, err := api.PostMessageContext(ctx, ch.ID, slack.MsgOptionText("reply", false), slack.MsgOptionTS(tss[0])); err != nil {
		t.Fatal(err)
	}
	hist, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: ch.ID, Limit: 2})
	if err != nil || len(hist.Messages) != 2 || !hist.HasMore || hist.Messages[0].Text != "three" || hist.Messages[0].BotID != fake.BotID() {
		t.Fatalf("history page 1 = %+v, %v", hist, err)
	}
	hist, err = api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: ch.ID, Limit: 2, Cursor: hist.ResponseMetaData.NextCursor})
	if err != nil || len(hist.Messages) != 1 || hist.HasMore || hist.Messages[0].Text != "one" || hist.Messages[0].ReplyCount != 1 {
		t.Fatalf("history page 2 = %+v, %v", hist, err)
	}

	// Update and delete the bot's messages; other people's are off limits.
	if _, _, _, err := api.UpdateMessageContext(ctx, ch.ID, tss[1], slack.MsgOptionText("two (edited)", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, ch.ID, tss[2]); err != nil {
		t.Fatal(err)
	}
	userTS := fake.AddMessage(ch.ID, slackfake.Message{User: "U100", Text: "mine"})
	if _, _, _, err := api.UpdateMessageContext(ctx, ch.ID, userTS, slack.MsgOptionText("hijack", false)); err == nil || err.Error() != "cant_update_message" {
		t.Errorf("update someone else's message: %v", err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, ch.ID, "1.000001"); err == nil || err.Error() != "message_not_found" {
		t.Errorf("delete unknown message: %v", err)
	}
	var texts []string
	for _, m := range fake.History(ch.ID) {
		texts = append(texts, m.Text)
	}
	if got := strings.Join(texts, ","); got != "one,two (edited),reply,mine" {
		t.Errorf("history = %s", got)
	}
	var methods []string
	for _, p := range fake.Posts(ch.ID) {
		methods = append(methods, p.Method)
	}
	if got := strings.Join(methods, ","); got != "chat.postMessage,chat.postMessage,chat.postMessage,chat.postMessage,chat.update,chat.delete" {
		t.Errorf("post methods = %s", got)
	}

	if err := api.ArchiveConversationContext(ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.PostMessageContext(ctx, ch.ID, slack.MsgOptionText("hello?", false)); err == nil || err.Error() != "is_archived" {
		t.Errorf("post to archived channel: %v", err)
	}
	if _, _, err := api.PostMessageContext(ctx, "C404", slack.MsgOptionText("hello?", false)); err == nil || err.Error() != "channel_not_found" {
		t.Errorf("post to unknown channel: %v", err)
	}
	private := fake.AddChannel(slackfake.Channel{Name: "secret", IsPrivate: true, Members: []string{"U100"}})
	if _, _, err := api.PostMessageContext(ctx, private, slack.MsgOptionText("hi", false)); err == nil || err.Error() != "not_in_channel" {
		t.Errorf("post without membership: %v", err)
	}
}

func TestPayloadHelpers(t *testing.T) {
	fake := slackfake.New(t)
	payload, err := fake.EventPayload(slackfake.AppMentionEvent{User: "U100", Channel: "C100", Text: "hi", ThreadTS: "1700000000.000100"})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := slackevents.ParseEvent(payload, slackevents.OptionNoVerifyToken())
	if err != nil {
		t.Fatal(err)
	}
	if m := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); m.ThreadTimeStamp != "1700000000.000100" {
		t.Errorf("thread_ts = %q", m.ThreadTimeStamp)
	}
	if len(fake.History("C100")) != 0 {
		t.Error("EventPayload must not change the history")
	}
	if _, err := fake.EventPayload(slackfake.RawEvent(`{"no":"type"}`)); err == nil {
		t.Error("RawEvent without type accepted")
	}
	var cmd slack.SlashCommand
	if err := json.Unmarshal(fake.SlashCommandPayload(slackfake.SlashCommand{Command: "/p", UserID: "U1", ChannelID: "C1"}), &cmd); err != nil || cmd.ChannelID != "C1" {
		t.Errorf("slash payload = %+v, %v", cmd, err)
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal(fake.BlockActionPayload(slackfake.BlockAction{UserID: "U1", ChannelID: "C1", ActionID: "a", Value: "v", Ephemeral: true}), &cb); err != nil ||
		!cb.Container.IsEphemeral || cb.ActionCallback.BlockActions[0].Value != "v" {
		t.Errorf("block action payload = %+v, %v", cb, err)
	}
}

func TestJSONBodyWithBearerToken(t *testing.T) {
	fake := slackfake.New(t)
	fake.AddChannel(slackfake.Channel{ID: "C100", Name: "passion"})
	body := `{"channel":"C100","text":"json","blocks":[{"type":"divider"}],"unfurl_links":false}`
	req, err := http.NewRequestWithContext(testCtx(t), http.MethodPost, fake.APIURL()+"chat.postMessage", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+fake.BotToken())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if !strings.Contains(string(out), `"ok":true`) {
		t.Fatalf("answer = %s", out)
	}
	posts := fake.Posts("C100")
	if len(posts) != 1 || posts[0].Text != "json" || string(posts[0].Blocks) != `[{"type":"divider"}]` ||
		posts[0].Params.Get("unfurl_links") != "false" {
		t.Errorf("posts = %+v", posts)
	}
}
