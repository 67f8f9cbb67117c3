package knowledge

import (
	"os"
	"testing"
)

// TestTuning5 measures the bot on testdata/tuning5.jsonl, judged like the
// held-out set (see judgeFacts): 240 questions written blind from the
// source article and facts.md for the fifth tuning pass of issue 15, half
// Swedish, chat style, a third unanswerable (per language 20 near the
// domain and 20 out of domain sharing a word with it). Its first figures,
// before any tuning on it, are in NOTES.md; since then it is tuning data,
// and its misses are logged. The floors are the figures reached in the
// fifth pass, per language.
func TestTuning5(t *testing.T) {
	f, err := os.Open("testdata/tuning5.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, misses := judgeFacts(builtinIndex(t), f, t)
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	t.Logf("tuning5: %s", st.summary())
	for _, l := range []string{"sv", "en"} {
		c := st.byLang[l]
		if c == nil {
			t.Fatalf("no %s questions", l)
		}
		ans := 100 * float64(c[1]) / float64(max(c[0], 1))
		un := 100 * float64(c[3]) / float64(max(c[2], 1))
		if ans < tuning5AnsFloor || un < tuning5UnFloor {
			t.Errorf("%s: answerable %.1f%%, unanswerable %.1f%%: below %d%%/%d%%", l, ans, un, tuning5AnsFloor, tuning5UnFloor)
		}
	}
}

const tuning5AnsFloor, tuning5UnFloor = 85, 77
