//go:build tune

package knowledge

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestExplain prints the analysis of the questions in $KB_EXPLAIN
// (separated by "|"), for tuning: KB_EXPLAIN="…" go test -tags tune -run TestExplain.
func TestExplain(t *testing.T) {
	qs := os.Getenv("KB_EXPLAIN")
	if qs == "" {
		t.Fatal("set KB_EXPLAIN to the questions, separated by |")
	}
	ix := builtinIndex(t)
	for _, q := range strings.Split(qs, "|") {
		slots, hits := ix.explain(q)
		t.Logf("Q %q", q)
		for _, s := range slots {
			t.Logf("   slot %s", s)
		}
		for i, h := range hits {
			if i == 4 {
				break
			}
			t.Logf("   %-25s score=%.2f cov=%.2f str=%.2f", h.id, h.score, h.cov, h.strength)
		}
	}
}

// debugHit describes one ranked document for tests and tuning.
type debugHit struct {
	id       string
	score    float64
	cov      float64
	strength float64
}

// explain returns the query slots and the ranked hits with their
// features (tests and tuning only).
func (ix *Index) explain(question string) (slots []string, hits []debugHit) {
	sc := ix.newScratch()
	ix.analyze(question, sc)
	for _, s := range sc.slots {
		var b strings.Builder
		for _, o := range s.opts {
			fmt.Fprintf(&b, "%s/%.2g ", ix.names[o.term], o.w)
		}
		if s.phrase != nil {
			fmt.Fprintf(&b, "%q", strings.Join(s.phrase, " "))
		}
		slots = append(slots, fmt.Sprintf("[%s]", strings.TrimSpace(b.String())))
	}
	for _, d := range ix.score(sc) {
		hits = append(hits, debugHit{ix.docs[d].id, float64(sc.acc[d]), float64(sc.cov[d]) / sc.totalW, float64(sc.acc[d]) / sc.maxScore})
	}
	return slots, hits
}
