package commands_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// BenchmarkFreeTextLine says free text to the bot through the whole
// router, as a member writing in a DM: the small-talk tuning lines and
// the knowledge tuning questions in turn, so that small talk, talk about
// the bot, answers and the unanswered queue are all timed.
//
//	go test -run '^$' -bench FreeTextLine -benchmem ./commands/
func BenchmarkFreeTextLine(b *testing.B) {
	var lines []struct{ Q, Lang string }
	for _, path := range []string{"testdata/smalltalk_tuning4.jsonl", "../knowledge/testdata/tuning5.jsonl"} {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var l struct{ Q, Lang string }
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				b.Fatal(err)
			}
			lines = append(lines, l)
		}
		f.Close()
	}
	h := bottest.New(b)
	kim := h.Member("kim", bot.RoleMember)
	b.ResetTimer()
	for i := range b.N {
		l := lines[i%len(lines)]
		if h.SayIn(kim, l.Lang, l.Q) == "" {
			b.Fatalf("no reply to %q", l.Q)
		}
	}
}
