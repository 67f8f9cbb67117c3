//go:build tune

package knowledge

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDumpFeatures writes, for every question of the tuning sets (never
// the held-out ones), the features of the best hit to $KB_DUMP as JSON
// lines, for trying gates offline (tuning only).
func TestDumpFeatures(t *testing.T) {
	ix := builtinIndex(t)
	out, err := os.Create(os.Getenv("KB_DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	emit := func(set, q, lang string, answerable, ok bool) {
		r := ix.Search(q, lang)
		sc := ix.newScratch()
		ix.analyze(StripAddressing(q), sc)
		ix.matchExamples(sc, StripAddressing(q))
		hits := ix.score(sc)
		m := map[string]any{"set": set, "q": q, "lang": lang, "answerable": answerable, "ok": ok, "answered": r.Answered, "score": r.Score}
		if len(hits) > 0 {
			ix.rerankNames(sc, hits)
			ix.promote(sc, hits)
			b := hits[0]
			m["top"] = ix.docs[b].id
			m["cov"] = float64(sc.cov[b]) / sc.totalW
			m["str"] = float64(sc.acc[b]) / sc.maxScore
			m["ex"] = sc.exSim[b]
			m["unk"] = sc.unkW / sc.totalW
			m["ccov"] = ix.p.confCov*float64(sc.cov[b])/sc.totalW + (1-ix.p.confCov)*float64(sc.acc[b])/sc.maxScore
			var slots []map[string]any
			for _, s := range sc.slots {
				df := 0
				in := false
				for _, o := range s.opts {
					df = max(df, len(ix.post[o.term]))
					for _, p := range ix.post[o.term] {
						if p.doc == b {
							in = true
						}
					}
				}
				name := ""
				if len(s.opts) > 0 {
					name = ix.names[s.opts[0].term]
				}
				slots = append(slots, map[string]any{"t": name, "unk": s.unknown, "gen": s.general, "com": s.common, "ctx": s.ctx, "df": df, "in": in})
			}
			m["slots"] = slots
		}
		enc.Encode(m)
	}
	for _, set := range []string{"eval", "holdout", "tuning"} {
		for _, c := range readCases(t, "testdata/"+set+".jsonl") {
			lang := c.Lang
			if lang == "" {
				lang, _ = DetectLang(c.Q)
			}
			r := ix.Search(c.Q, lang)
			ok := !r.Answered
			if c.Topic != "" {
				ok = r.Answered && r.Top != nil && r.Top.ID == c.Topic
			}
			emit(set, c.Q, lang, c.Topic != "", ok)
		}
	}
	for _, set := range []string{"tuning2", "tuning3", "tuning4", "tuning5"} {
		f, err := os.Open("testdata/" + set + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c heldoutCase
			if json.Unmarshal(sc.Bytes(), &c) != nil {
				continue
			}
			_, misses := judgeFacts(ix, strings.NewReader(sc.Text()), t)
			emit(set, c.Q, c.Lang, c.Answerable, len(misses) == 0)
		}
		f.Close()
	}
}

// TestDebugExamples prints the best example questions for each question
// of $KB_Q (tuning only).
func TestDebugExamples(t *testing.T) {
	ix := builtinIndex(t)
	var texts []string
	for di := range ix.docs {
		d := &ix.docs[di]
		for _, tp := range []*Topic{d.sv, d.en} {
			if tp == nil {
				continue
			}
			all := append([]string{tp.Title}, tp.Examples...)
			for _, l := range tp.Leads {
				all = append(all, l.Question)
			}
			for _, x := range all {
				var tk tokenizer
				keep := false
				tk.each(x, maxQueryBytes, func(w string) bool {
					keep = keep || !isStop(w)
					return true
				})
				if keep {
					texts = append(texts, x)
				}
			}
		}
	}
	for _, q := range strings.Split(os.Getenv("KB_Q"), "|") {
		sc := ix.newScratch()
		ix.analyze(q, sc)
		ix.matchExamples(sc, q)
		type e struct {
			ex  int32
			cos float32
		}
		var es []e
		for _, ex := range sc.exTouched {
			es = append(es, e{ex, sc.exDot[ex]})
		}
		sort.Slice(es, func(i, j int) bool { return es[i].cos > es[j].cos })
		t.Logf("Q %q toks=%v w=%v", q, sc.toks, sc.tokW)
		for i, x := range es {
			if i == 4 {
				break
			}
			t.Logf("   %.2f %s: %q", x.cos, ix.docs[ix.ex.doc[x.ex]].id, texts[x.ex])
		}
	}
}
