package knowledge

import (
	"os"
	"testing"
)

// TestTuningSets measures the bot on the tuning sets judged like the
// held-out sets (the facts asked must be in the answer text, see
// judgeFacts), one subtest per set. Each was written for one tuning pass
// of issue 15 from the source article and facts.md only, half Swedish,
// chat style, some with typos, a fifth to a third unanswerable (near the
// domain, and out of domain sharing a word with it); each set's first
// figures, before any tuning on it, are in NOTES.md and docs/BENCHMARKS.md.
// They are tuning data: their misses are logged, and the floors are the
// figures reached, per language.
//
//   - tuning2.jsonl: 365 questions for the second pass, in four batches
//   - tuning3.jsonl: 200 blind questions for the third pass
//   - tuning4.jsonl: 200 blind questions for the fourth pass, many of them
//     long stories before the question
//   - tuning5.jsonl: 240 blind questions for the fifth pass, a third
//     unanswerable
//   - tuning6.jsonl: 240 blind questions for the sixth pass, written from
//     the seed documents only
//   - heldout8/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the sixth pass, a tuning set for the seventh
//   - heldout11/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the seventh pass, a tuning set for the eighth
//   - heldout12/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the eighth pass, a tuning set for the ninth
//   - heldout13/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the ninth pass, a tuning set for the tenth
//   - heldout14/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the tenth pass, a tuning set for the eleventh
//   - heldout27/questions.jsonl: 200 blind questions from the seed documents,
//     measured once at the start of the thirteenth pass (answered sv 93.8 %,
//     en 97.5 %; refused sv 95.0 %, en 85.0 %), a tuning set for it
//   - heldout29/questions.jsonl: 200 blind questions from the seed documents,
//     measured once after the fourteenth pass (answered sv 93.8 %, en 90.0 %;
//     refused sv 95.0 %, en 80.0 %), a tuning set for the fifteenth
func TestTuningSets(t *testing.T) {
	for _, set := range []struct {
		name              string
		path              string // under testdata/; name + ".jsonl" when empty
		ansFloor, unFloor float64
	}{
		{"tuning2", "", 95, 90},
		{"tuning3", "", 95, 95},
		{"tuning4", "", 78, 90},
		{"tuning5", "", 85, 77},
		{"tuning6", "", 92, 75},
		{"heldout8", "heldout8/questions.jsonl", 92, 85},
		{"heldout11", "heldout11/questions.jsonl", 88, 85},
		{"heldout12", "heldout12/questions.jsonl", 96, 90},
		{"heldout13", "heldout13/questions.jsonl", 96, 95},
		{"heldout14", "heldout14/questions.jsonl", 90, 95},
		{"heldout27", "heldout27/questions.jsonl", 97, 100},
		{"heldout29", "heldout29/questions.jsonl", 95, 90},
	} {
		t.Run(set.name, func(t *testing.T) {
			path := set.path
			if path == "" {
				path = set.name + ".jsonl"
			}
			f, err := os.Open("testdata/" + path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			st, misses := judgeFacts(builtinIndex(t), f, t)
			for _, m := range misses {
				t.Logf("miss: %s", m)
			}
			t.Logf("%s: %s", set.name, st.summary())
			st.floors(t, set.ansFloor, set.unFloor)
		})
	}
}
