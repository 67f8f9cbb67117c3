package commands_test

import (
	"fmt"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestUnseenQuestionsGetNoSmallTalk says every question of the knowledge
// sets that are no small-talk examples (chatexamples.tsv) to the bot, each
// from a new member in its language: a question must not get a small-talk
// reply, for then it is neither answered nor in the organisers' queue.
// Only the count is logged for the sets still held out (heldout2, 3, 4,
// 5, 15, 18, 28, 30). Before the examples, 10 questions got one (the
// rules' and chatter's: "hallå, vem skrev ihop rapporten"); maxSmallTalk
// is what the sets give today: out-of-domain lines with no question word
// ("any good passion fruit cocktail recipes", "best punk albums of all
// time") and "har du ett bra recept på …", read as asking what the bot
// can do — 6 of the first 1,700, 16 of 2,850 since heldout2, 18 and
// 27–30 joined (before and after small talk among clauses), 17 after
// knowledge pass 17 (a question it now refuses).
func TestUnseenQuestionsGetNoSmallTalk(t *testing.T) {
	const maxSmallTalk = 17
	h := bottest.New(t)
	replies := anyChatReply(h)
	n, chat := 0, 0
	// The sets tuned on since they were measured: their questions may be
	// shown.
	tuning := map[string]bool{"heldout8": true, "heldout11": true, "heldout12": true, "heldout13": true, "heldout14": true, "heldout27": true, "heldout29": true}
	for i, name := range []string{"heldout2", "heldout3", "heldout4", "heldout5", "heldout8", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15",
		"heldout18", "heldout27", "heldout28", "heldout29", "heldout30"} {
		eachLine(t, "../knowledge/testdata/"+name+"/questions.jsonl", func(j int, q, lang, topic string) {
			if topic == "bot-about" || topic == "bot-how-to-ask" {
				return
			}
			n++
			if got := h.SayIn(h.Member(fmt.Sprintf("u%d-%d", i, j), bot.RoleMember), lang, q); replies[got] {
				chat++
				if tuning[name] {
					t.Logf("%s: %q got %.50q", name, q, got)
				}
			}
		})
	}
	t.Logf("%d of %d unseen questions got a small-talk reply", chat, n)
	if chat > maxSmallTalk {
		t.Errorf("%d questions got a small-talk reply (at most %d)", chat, maxSmallTalk)
	}
}
