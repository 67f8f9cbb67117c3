//go:build tune

package knowledge

import (
	"os"
	"strings"
	"testing"
)

// TestDebug prints, for each question of $KB_Q (separated by "|"), the
// answer and the best hits with their features (tuning only):
// KB_Q="…" go test -tags tune -run TestDebug -v ./knowledge/
func TestDebug(t *testing.T) {
	ix := builtinIndex(t)
	for _, q := range strings.Split(os.Getenv("KB_Q"), "|") {
		r := ix.Search(q, "")
		id := ""
		if r.Top != nil {
			id = r.Top.ID
		}
		t.Logf("Q %q → %s answered=%v score=%.2f lead=%q needs=%b yesno=%v", q, id, r.Answered, r.Score, r.Lead, questionNeeds(q), isYesNo(q))
		sc := ix.newScratch()
		ix.analyze(q, sc)
		ix.matchExamples(sc, q)
		for _, s := range sc.slots {
			var b strings.Builder
			for _, o := range s.opts {
				b.WriteString(ix.names[o.term] + " ")
			}
			t.Logf("   slot [%s] unknown=%v general=%.2f", strings.TrimSpace(b.String()), s.unknown, s.general)
		}
		hits := ix.score(sc)
		for i, h := range hits {
			if i == 5 {
				break
			}
			t.Logf("   %-25s key=%.2f conf=%.2f cov=%.2f str=%.2f ex=%.2f", ix.docs[h].id, ix.rankKey(sc, h), ix.confidence(sc, h), float64(sc.cov[h])/sc.totalW, float64(sc.acc[h])/sc.maxScore, sc.exSim[h])
		}
	}
}

func TestDebugNames(t *testing.T) {
	ix := builtinIndex(t)
	for _, q := range strings.Split(os.Getenv("KB_Q"), "|") {
		sc := ix.newScratch()
		ix.analyze(q, sc)
		for _, s := range sc.slots {
			for _, o := range s.opts {
				if ix.entity[o.term] {
					t.Logf("%q: entity %s (w %.2f)", q, ix.names[o.term], o.w)
				}
			}
		}
	}
}

func TestDebugUnknown(t *testing.T) {
	ix := builtinIndex(t)
	for _, q := range strings.Split(os.Getenv("KB_Q"), "|") {
		sc := ix.newScratch()
		ix.analyze(q, sc)
		ix.matchExamples(sc, q)
		hits := ix.score(sc)
		for _, h := range hits[:min(3, len(hits))] {
			var u []string
			for _, id := range ix.docs[h].unknowns {
				u = append(u, ix.names[id])
			}
			t.Logf("%s asksUnknown=%v acc=%.2f unknowns=%v", ix.docs[h].id, ix.asksUnknown(sc, h), sc.acc[h], u)
		}
	}
}

func TestDebugNegSentences(t *testing.T) {
	ix := builtinIndex(t)
	for _, d := range ix.docs {
		for _, tp := range []*Topic{d.sv, d.en} {
			if tp == nil {
				continue
			}
			for _, s := range splitSentencesDebug(tp.Body) {
				if isNegativeSentence(s) {
					t.Logf("%s/%s: %s", tp.ID, tp.Lang, s)
				}
			}
		}
	}
}

func splitSentencesDebug(b string) []string {
	return strings.FieldsFunc(b, func(r rune) bool { return r == '.' || r == '!' || r == '?' })
}
