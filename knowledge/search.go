package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Result is the outcome of Index.Search.
type Result struct {
	// Lang is the language of the answer: the requested language, or the
	// other one when Top exists only in that language.
	Lang string
	// Answered reports whether Score reached the confidence threshold, so
	// that Top can be given as the answer.
	Answered bool
	// Top is the best-ranked topic, in Lang. It is nil when the index is
	// empty or no word of the question matched any topic.
	Top *Topic
	// Score is the calibrated confidence in Top, from 0 to 1.
	Score float64
	// Related holds up to three topics to suggest next: Top's related ids
	// (in Lang), or, when it has none, the next-best hits.
	Related []*Topic
	// Nearest holds, when !Answered, up to three nearest topics (best
	// first, Top included) to offer instead of an answer.
	Nearest []*Topic
}

// option is one index term a query word can match, with its weight
// (1 for the word's own stems, less for typo, compound and variant
// matches).
type option struct {
	term int32
	w    float32
}

// slot is one meaningful query word (or one part of a split compound).
type slot struct {
	opts []option
	// weight is the share of the question this slot stands for in the
	// coverage measure: the idf of its best exact term, or maxIDF for a
	// word the base does not know as such.
	weight float64
	// max is the best score this slot can add to a document.
	max float64
}

type scratch struct {
	tk      tokenizer
	toks    []string
	slots   []slot
	acc     []float32 // document score
	cov     []float32 // document coverage
	slotS   []float32 // per-slot best score in a document
	slotQ   []float32 // per-slot best option weight in a document
	touched []int32   // documents with acc > 0
	inSlot  []int32   // documents touched by the current slot
	seen    map[int32]bool
	rs      []rune
}

func (ix *Index) newScratch() *scratch {
	n := len(ix.docs)
	return &scratch{
		acc:   make([]float32, n),
		cov:   make([]float32, n),
		slotS: make([]float32, n),
		slotQ: make([]float32, n),
		seen:  map[int32]bool{},
	}
}

// Search ranks the topics for question and returns the best one with a
// confidence. lang ("sv" or "en") is the language wanted for the answer;
// anything else means "detect from the question". Search never panics on
// any input, and looks only at the first 16 KiB and the first 64
// meaningful words of a question.
func (ix *Index) Search(question, lang string) Result {
	if lang != "sv" && lang != "en" {
		lang, _ = DetectLang(question)
	}
	res := Result{Lang: lang}
	if len(ix.docs) == 0 {
		return res
	}
	sc := ix.pool.Get().(*scratch)
	defer ix.release(sc)
	ix.analyze(question, sc)
	if len(sc.slots) == 0 {
		return res
	}
	hits := ix.score(sc)
	if len(hits) == 0 {
		return res
	}
	best := hits[0]
	res.Score = ix.confidence(sc, best)
	res.Answered = res.Score >= ix.p.threshold
	top := &ix.docs[best]
	res.Top = top.variant(lang)
	res.Lang = res.Top.Lang
	for _, r := range res.Top.Related {
		if len(res.Related) == 3 {
			break
		}
		if t := ix.Topic(r, lang); t != nil && t.ID != top.id {
			res.Related = append(res.Related, t)
		}
	}
	if len(res.Related) == 0 {
		for _, h := range hits[1:] {
			if len(res.Related) == 3 {
				break
			}
			res.Related = append(res.Related, ix.docs[h].variant(lang))
		}
	}
	if !res.Answered {
		for _, h := range hits[:min(3, len(hits))] {
			res.Nearest = append(res.Nearest, ix.docs[h].variant(lang))
		}
	}
	return res
}

// release clears the scratch space and returns it to the pool.
func (ix *Index) release(sc *scratch) {
	for _, d := range sc.touched {
		sc.acc[d], sc.cov[d] = 0, 0
	}
	sc.touched = sc.touched[:0]
	ix.pool.Put(sc)
}

// analyze turns the question into slots.
func (ix *Index) analyze(q string, sc *scratch) {
	sc.toks = sc.toks[:0]
	sc.slots = sc.slots[:0]
	sc.tk.each(q, maxQueryBytes, func(w string) bool {
		if isStop(w) || slices.Contains(sc.toks, w) {
			return true
		}
		sc.toks = append(sc.toks, w)
		return len(sc.toks) < maxQueryTokens
	})
	for _, w := range sc.toks {
		ix.addSlots(w, sc)
	}
}

// exactTerms appends the term ids of w's own stems.
func (ix *Index) exactTerms(w string, opts []option) []option {
	add := func(t int32) {
		for _, o := range opts {
			if o.term == t {
				return
			}
		}
		opts = append(opts, option{t, 1})
	}
	if ts, ok := ix.surface[w]; ok {
		for _, t := range ts {
			add(t)
		}
	}
	for _, lang := range [2]string{"sv", "en"} {
		if t, ok := ix.terms[stem(w, lang)]; ok {
			add(t)
		}
	}
	return opts
}

func (ix *Index) addSlots(w string, sc *scratch) {
	p := ix.p
	opts := ix.exactTerms(w, nil)
	if len(opts) > 0 {
		weight := 0.0
		for _, o := range opts {
			weight = max(weight, float64(ix.idf[o.term]))
		}
		if p.variant > 0 {
			opts = ix.addVariants(opts, float32(p.variant))
		}
		sc.slots = append(sc.slots, ix.newSlot(opts, weight))
		return
	}
	sc.rs = append(sc.rs[:0], []rune(w)...)
	fz, dist := ix.fz.lookup(sc.rs, fuzzyLimit, sc.seen)
	if dist != 1 {
		parts := splitCompound(w, ix.knownPart)
		if parts != nil {
			for _, part := range parts {
				popts := ix.exactTerms(part, nil)
				for i := range popts {
					popts[i].w = float32(p.compound)
				}
				sc.slots = append(sc.slots, ix.newSlot(popts, ix.maxIDF/float64(len(parts))))
			}
			return
		}
	}
	if len(fz) > 0 {
		fw := float32(p.fuzzy1)
		if dist == 2 {
			fw = float32(p.fuzzy2)
		}
		for _, id := range fz {
			for _, t := range ix.fzTerms[id] {
				if !slices.ContainsFunc(opts, func(o option) bool { return o.term == t }) {
					opts = append(opts, option{t, fw})
				}
			}
		}
	}
	sc.slots = append(sc.slots, ix.newSlot(opts, ix.maxIDF))
}

func (ix *Index) newSlot(opts []option, weight float64) slot {
	s := slot{opts: opts, weight: weight}
	for _, o := range opts {
		s.max = max(s.max, float64(o.w)*float64(ix.idf[o.term])*(ix.p.k1+1))
	}
	return s
}

// knownPart reports whether part can be a compound part: a document word,
// or, for the final part, a word whose stem is an index term.
func (ix *Index) knownPart(part string, final bool) bool {
	if isStop(part) {
		return false
	}
	if _, ok := ix.surface[part]; ok {
		return true
	}
	if _, ok := ix.terms[part]; ok {
		return true
	}
	if final {
		_, ok := ix.terms[stem(part, "sv")]
		if !ok {
			_, ok = ix.terms[stem(part, "en")]
		}
		return ok
	}
	return false
}

// addVariants adds other forms of the same word that Snowball does not
// conflate, such as Swedish "utbild" (utbilda) and "utbildning", or
// "rekommender" and "rekommendation": terms sharing a prefix with one of
// the stems that leaves at most variantSuffix runes of either. Stems
// shorter than variantMinRunes are not expanded.
func (ix *Index) addVariants(opts []option, w float32) []option {
	const variantMinRunes, variantSuffix = 5, 5
	n := len(opts)
	for _, o := range opts[:n] {
		s := ix.names[o.term]
		rs := utf8.RuneCountInString(s)
		if rs < variantMinRunes {
			continue
		}
		// The shared prefix is at least max(variantMinRunes, rs-variantSuffix)
		// runes of s.
		plen := max(variantMinRunes, rs-variantSuffix)
		prefix := prefixRunes(s, plen)
		lo, _ := slices.BinarySearchFunc(ix.byName, prefix, func(id int32, p string) int {
			return strings.Compare(ix.names[id], p)
		})
		for i := lo; i < len(ix.byName) && len(opts)-n < 8; i++ {
			t := ix.byName[i]
			name := ix.names[t]
			if !strings.HasPrefix(name, prefix) {
				break
			}
			if t == o.term || slices.ContainsFunc(opts, func(o option) bool { return o.term == t }) {
				continue
			}
			cp := commonPrefixRunes(s, name)
			if cp < variantMinRunes || rs-cp > variantSuffix || utf8.RuneCountInString(name)-cp > variantSuffix {
				continue
			}
			opts = append(opts, option{t, w})
		}
	}
	return opts
}

func prefixRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func commonPrefixRunes(a, b string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[sa:], b[sb:]
		n++
	}
	return n
}

// score accumulates document scores and coverage and returns up to topK
// documents, best first.
func (ix *Index) score(sc *scratch) []int32 {
	totalW := 0.0
	for _, s := range sc.slots {
		totalW += s.weight
	}
	for _, s := range sc.slots {
		sc.inSlot = sc.inSlot[:0]
		for _, o := range s.opts {
			idf := float32(ix.idf[o.term]) * o.w
			for _, ps := range ix.post[o.term] {
				v := idf * ps.sat
				d := ps.doc
				if sc.slotQ[d] == 0 {
					sc.inSlot = append(sc.inSlot, d)
				}
				sc.slotS[d] = max(sc.slotS[d], v)
				sc.slotQ[d] = max(sc.slotQ[d], o.w)
			}
		}
		cw := float32(s.weight / totalW)
		for _, d := range sc.inSlot {
			if sc.acc[d] == 0 {
				sc.touched = append(sc.touched, d)
			}
			sc.acc[d] += sc.slotS[d]
			sc.cov[d] += cw * sc.slotQ[d]
			sc.slotS[d], sc.slotQ[d] = 0, 0
		}
	}
	var top [topK]int32
	n := 0
	better := func(a, b int32) bool {
		if sc.acc[a] != sc.acc[b] {
			return sc.acc[a] > sc.acc[b]
		}
		return a < b
	}
	for _, d := range sc.touched {
		if sc.acc[d] <= 0 {
			continue
		}
		if n < topK {
			top[n] = d
			n++
		} else if better(d, top[n-1]) {
			top[n-1] = d
		} else {
			continue
		}
		for i := n - 1; i > 0 && better(top[i], top[i-1]); i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
	}
	return slices.Clone(top[:n])
}

// confidence maps the best document's evidence to 0..1.
func (ix *Index) confidence(sc *scratch, d int32) float64 {
	maxScore := 0.0
	for _, s := range sc.slots {
		maxScore += s.max
	}
	cov := float64(sc.cov[d])
	strength := 0.0
	if maxScore > 0 {
		strength = float64(sc.acc[d]) / maxScore
	}
	return min(1, max(0, 0.8*cov+0.2*strength))
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
		slots = append(slots, fmt.Sprintf("[%s] w=%.2f", strings.TrimSpace(b.String()), s.weight))
	}
	maxScore := 0.0
	for _, s := range sc.slots {
		maxScore += s.max
	}
	for _, d := range ix.score(sc) {
		hits = append(hits, debugHit{ix.docs[d].id, float64(sc.acc[d]), float64(sc.cov[d]), float64(sc.acc[d]) / maxScore})
	}
	return slots, hits
}
