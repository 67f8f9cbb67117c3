package commands_test

import (
	"regexp"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestSuggestedQuestionsAreAnswered: every example question a small-talk
// reply suggests ("fråga till exempel: _hur kan jag leva på min
// passion?_") is answered when a member asks it as suggested — a member
// who follows the bot's own advice must not get "I don't know".
func TestSuggestedQuestionsAreAnswered(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	italic := regexp.MustCompile(`_([^_]+\?)_`)
	n := 0
	for _, lang := range []string{"sv", "en"} {
		for reply := range chatReplies(h, lang) {
			for _, m := range italic.FindAllStringSubmatch(reply, -1) {
				n++
				got := h.SayIn(kim, lang, m[1])
				if !strings.HasPrefix(got, "**") {
					t.Errorf("%s: the suggested %q gets %.120q", lang, m[1], got)
				}
			}
		}
	}
	if n < 4 {
		t.Fatalf("only %d suggested questions found", n)
	}
}
