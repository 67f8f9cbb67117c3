package slack_test

import (
	"strings"
	"testing"

	"passionbot/internal/slackfake"
)

// A compatible server that echoes the posted message with fields typed its
// own way: "ok": true is a delivered message, never reported as failed.
func TestMistypedEchoIsStillDelivered(t *testing.T) {
	e := start(t, slackfake.WithMistypedFields())
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: e.general, Text: "vad står PUNKS för?"})
	p := waitPosts(t, e.fake, e.general, 1)[0]
	if got := blockText(t, p); !strings.Contains(got, "Passionsdriven Utveckling") {
		t.Fatalf("answer = %q", got)
	}
	e.fake.SendEvent(slackfake.AppMentionEvent{User: "UADA", Channel: e.general, Text: "help"})
	waitPosts(t, e.fake, e.general, 2)
	for _, p := range e.fake.Posts(e.general) {
		if text := p.Text + blockText(t, p); strings.Contains(text, "gick fel") || strings.Contains(text, "went wrong") {
			t.Fatalf("a delivered reply was reported as failed: %q", text)
		}
	}
}
