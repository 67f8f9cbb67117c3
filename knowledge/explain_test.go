package knowledge

import (
	"os"
	"strings"
	"testing"
)

// TestExplain prints the analysis of the questions in $KB_EXPLAIN
// (separated by "|"), for tuning.
func TestExplain(t *testing.T) {
	qs := os.Getenv("KB_EXPLAIN")
	if qs == "" {
		t.Skip("set KB_EXPLAIN")
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
