package slack_test

import (
	"strings"
	"testing"

	"passionbot/internal/slackfake"
)

// TestUserLocaleBeforeMessageLanguage: through the real slack-go client, a
// member whose Slack client is set to en-US gets command replies in
// English even when writing Swedish (the platform's locale comes before
// the message's language, README "Language"), while a knowledge question
// is answered in the language it was asked in and small talk in the
// language of its phrases.
func TestUserLocaleBeforeMessageLanguage(t *testing.T) {
	e := start(t)
	for i, c := range []struct{ text, want, not string }{
		{"hjälp", "Commands", "Kommandon"},
		{"vad står PUNKS för?", "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle", ""},
		{"tjabba, tack för hjälpen igår!", "Varsågod", "You're welcome"},
	} {
		e.fake.SendEvent(slackfake.AppMentionEvent{User: "UADA", Channel: e.general, Text: "<@" + e.fake.BotUserID() + "> " + c.text, TS: "1700000001.00010" + string(rune('0'+i))})
		got := blockText(t, waitPosts(t, e.fake, e.general, i+1)[i])
		if !strings.Contains(got, c.want) || (c.not != "" && strings.Contains(got, c.not)) {
			t.Errorf("%q from an en-US member: %.200q, want %q", c.text, got, c.want)
		}
	}
}
