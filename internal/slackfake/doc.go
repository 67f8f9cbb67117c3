// Package slackfake is a loopback fake of the Slack Web API and of Slack's
// Socket Mode websocket, for tests that drive the real
// github.com/slack-go/slack client (and its socketmode package) unmodified.
//
// Point the client at the fake with:
//
//	fake := slackfake.New(t)
//	api := slack.New(fake.BotToken(),
//		slack.OptionAPIURL(fake.APIURL()),
//		slack.OptionAppLevelToken(fake.AppToken()))
//	client := socketmode.New(api)
//
// Web API methods are served under /api/ (form-encoded bodies with a token=
// field, or JSON bodies with an Authorization: Bearer header, like Slack).
// apps.connections.open takes the app-level token and returns a one-shot
// ws:// URL to the fake's Socket Mode endpoint. The websocket sends "hello",
// then envelopes queued with SendEvent, SendSlashCommand, SendBlockAction or
// SendEnvelope; it records acks, redelivers envelopes that are not acked in
// time (retry_attempt incremented, retry_reason "timeout"), sends websocket
// pings (slack-go's socketmode reconnects when Slack's pings stop), and can
// ask for a refresh (Disconnect) or drop the TCP connection (Drop).
//
// Everything the bot does is recorded (Calls, Posts, Acks, ResponseURLPosts,
// ConnectionLog) and can be waited for without sleeping (WaitPosts, WaitAck,
// WaitConnected, WaitUntil, ...). Faults are injected per method with
// RateLimit, FailNext and SetAuthError.
//
// The Server is safe for concurrent use. New registers a cleanup on the
// testing.TB that closes the HTTP server and every websocket and waits for
// all of the fake's goroutines, so a test that also stops its client leaves
// no goroutine behind.
package slackfake
