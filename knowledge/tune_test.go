//go:build tune

package knowledge

import (
	"sort"
	"testing"
)

// TestTuneTable prints features of every eval question (go test -tags tune).
func TestTuneTable(t *testing.T) {
	ix := builtinIndex(t)
	type row struct {
		kind         string
		cov, str     float64
		q, want, got string
	}
	var rows []row
	for _, c := range readEval(t) {
		res := ix.Search(c.Q, c.Lang)
		r := row{q: c.Q, want: c.Topic}
		if res.Top != nil {
			r.cov, r.got = res.Score, res.Top.ID
		}
		switch {
		case c.Topic == "":
			r.kind = "UN"
		case r.got == c.Topic:
			r.kind = "OK"
		default:
			r.kind = "WRONG"
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].cov < rows[j].cov })
	for _, r := range rows {
		t.Logf("%-5s score=%.2f %.0f got=%-22s want=%-22s %q", r.kind, r.cov, r.str, r.got, r.want, r.q)
	}
}

// TestTuneSweep evaluates parameter variants (go test -tags tune).
func TestTuneSweep(t *testing.T) {
	topics, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := readEval(t)
	for _, k1 := range []float64{0.9, 1.2, 1.5} {
		for _, wt := range []float64{2, 3, 4} {
			for _, wg := range []float64{1.5, 2, 3} {
				p := defaultParams
				p.k1, p.weight[fTitle], p.weight[fTags] = k1, wt, wg
				t.Logf("k1=%.1f title=%.1f tags=%.1f", k1, wt, wg)
				sweepOne(t, topics, cases, p)
			}
		}
	}
	for _, th := range []float64{0.45, 0.475, 0.5, 0.525, 0.55} {
		p := defaultParams
		p.threshold = th
		ix := newIndex(topics, p)
		st := runEval(ix, cases)
		t.Logf("default th=%.3f ans=%d/%d un=%d/%d", th, st.ansOK, st.ans, st.unOK, st.un)
	}
}

func sweepOne(t *testing.T, topics []Topic, cases []evalCase, p params) {
	ix := newIndex(topics, p)
	bestS, bestT := -1.0, 0.0
	var bestSt evalStats
	for th := 0.2; th <= 0.9; th += 0.025 {
		ix.p.threshold = th
		st := runEval(ix, cases)
		a := float64(st.ansOK) / float64(st.ans)
		u := float64(st.unOK) / float64(st.un)
		if s := min(a/0.9, u/0.85); s > bestS {
			bestS, bestT, bestSt = s, th, st
		}
	}
	t.Logf("fm=%d rc=%.1f uw=%.1f cc=%.1f th=%.3f ans=%d/%d un=%d/%d", p.fuzzyMin, p.rankCov, p.unknownW, p.confCov, bestT, bestSt.ansOK, bestSt.ans, bestSt.unOK, bestSt.un)
}
