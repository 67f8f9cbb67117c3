package knowledge

import (
	"os"
	"sort"
	"testing"
)

// TestTuneTable prints features of every eval question (set KB_TUNE=1).
func TestTuneTable(t *testing.T) {
	if os.Getenv("KB_TUNE") == "" {
		t.Skip("set KB_TUNE=1")
	}
	ix := builtinIndex(t)
	type row struct {
		kind       string
		cov, str   float64
		q, want, got string
	}
	var rows []row
	for _, c := range readEval(t) {
		_, hits := ix.explain(c.Q)
		r := row{q: c.Q, want: c.Topic}
		if len(hits) > 0 {
			r.cov, r.str, r.got = hits[0].cov, hits[0].strength, hits[0].id
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
		t.Logf("%-5s cov=%.2f str=%.2f got=%-22s want=%-22s %q", r.kind, r.cov, r.str, r.got, r.want, r.q)
	}
}
