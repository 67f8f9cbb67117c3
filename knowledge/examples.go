package knowledge

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Example questions. Each topic's titles, example questions and lead
// questions (Topic.Examples, Topic.Leads) are matched against the
// member's question as whole questions, by the character trigrams of
// their meaningful words: a TF-IDF cosine over trigrams ("^pa", "pas",
// …, "on$"). Trigrams survive typos, inflections and Swedish compounds
// ("passionsdrivet", "pasionsdriven") that the word index has to repair
// one by one, and a question phrased like one a member asked before is
// found even when it shares few exact words with the answer's text.
//
// A word of the question that the base does not know but that is common
// in everyday language (general.go) weighs little, so that chat
// ("hej! jag var på en träff igår och undrar…") does not dilute the
// match; an unknown word that is not common weighs fully and lowers it,
// so that "recept på surdegsbröd" is not taken for a question about
// bread-making topics because of one shared word.

// exampleIndex is the trigram index over the example questions.
type exampleIndex struct {
	grams []uint32 // sorted distinct trigram hashes
	// table finds a hash's index in grams: open addressing on the hash's
	// low bits, -1 for an empty place (see find).
	table []int32
	start []int32   // postings of grams[i] are post[start[i]:start[i+1]]
	post  []int32   // example ids, repeated for a trigram occurring twice
	idf   []float32 // per gram
	doc   []int32   // example → document
	norm  []float32 // example → length of its weighted trigram vector
	lead  []uint8   // example → leadNone, leadYes, leadNo or leadDepends
	// names holds, per example, the terms of the names it has (see
	// Index.entity); nil for most.
	names [][]int32
	modal []uint8 // example → its modalMust/modalCan bits (modalBits)
	// nums holds, per lead question, the numbers it names ("did viakub
	// end in 2020"); nil for most.
	nums [][]string
	// words holds, per lead question, its meaningful words (see
	// leadMissing); nil for other examples.
	words [][]leadWord
	// wh marks the examples (not lead questions) that ask who or when,
	// not whether (params.exKindW).
	wh []bool
	// maxPost caps the postings scanned for one trigram: one found in a
	// large share of all examples says almost nothing and would cost the
	// most.
	maxPost int
}

const (
	leadNone = iota
	leadYes
	leadNo
	leadDepends
)

func leadCode(answer string) uint8 {
	switch answer {
	case LeadYes:
		return leadYes
	case LeadNo:
		return leadNo
	case LeadDepends:
		return leadDepends
	}
	return leadNone
}

// gramWeight is one trigram of a question with its weight.
type gramWeight struct {
	h uint32
	w float32
}

// appendGrams appends the trigrams of the folded token tok with weight w.
func appendGrams(gs []gramWeight, tok string, w float32) []gramWeight {
	// FNV-1a over three runes, with ^ and $ marking the word's ends.
	var win [3]rune
	n := 0
	push := func(r rune) {
		win[0], win[1], win[2] = win[1], win[2], r
		n++
		if n < 3 {
			return
		}
		h := uint32(2166136261)
		for _, c := range win {
			h ^= uint32(c)
			h *= 16777619
		}
		gs = append(gs, gramWeight{h, w})
	}
	push('^')
	for _, r := range tok {
		push(r)
	}
	push('$')
	return gs
}

// Function grams. Some stop words change what a question asks although
// they say nothing about its subject: the first person, singular or plural
// ("är jag passionsdriven?", "är vi passionsdrivna?" is not "vad krävs för att vara passionsdriven?"), and
// the modal verbs of yes/no questions ("must a business grow?" is
// answered no, "can a business stay small?" yes). Each such class adds a
// synthetic trigram to the vectors of the questions and examples that
// have it. A real trigram with one of these hashes is possible but rare,
// and would only add a little similarity.
const (
	selfGram = 0xffffffff - iota
	mustGram
	canGram
	onlyGram
	stillGram
)

// funcClasses maps a folded stop word to its function gram. The lone
// English "I" is recognised in funcGrams.
var funcClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for g, words := range map[uint32]string{
		selfGram:  `jag ja mig mej min mitt mina me my mine myself im ive vi oss vår våra vårt we us our ours ourselves`,
		mustGram:  `must måste behöver need needs krävs required`,
		canGram:   `can could kan kunde får may might`,
		onlyGram:  `only bara endast enbart alone solely exclusively ensam ensamt`,
		stillGram: `still fortfarande alltjämt anymore`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = g
		}
	}
	return m
}()

// funcWeight is how many trigrams a function gram counts for: about one
// short word for the first person, less for the others.
var funcWeight = map[uint32]float32{selfGram: 4, mustGram: 2, canGram: 2, onlyGram: 2, stillGram: 2}

// askBot are the verbs of "tell me", "show me", "ge mig": the "me" after
// them is the one who asks, not what is asked about.
var askBot = map[string]bool{"tell": true, "show": true, "give": true, "send": true,
	"ge": true, "visa": true, "skicka": true}

// funcGrams appends the function grams of q to gs, each once; with
// noSelf, not the first person's (genericFrame).
func funcGrams(gs []gramWeight, q string, noSelf bool) []gramWeight {
	if len(q) > 1<<10 {
		q = q[:1<<10]
	}
	var tk tokenizer
	var seen [5]bool
	prev := ""
	tk.each(q, 0, func(w string) bool {
		g, ok := funcClasses[w]
		if !ok && len(w) >= 5 {
			g, ok = funcTypo(w)
		}
		if w == "to" && (prev == "have" || prev == "has" || prev == "had") {
			g, ok = mustGram, true // "have to"
		}
		if ok && g == selfGram && (noSelf || askBot[prev] && (w == "me" || w == "mig" || w == "mej")) {
			ok = false // "tell me about …" asks the bot, not about oneself
		}
		if ok && !seen[0xffffffff-g] {
			seen[0xffffffff-g] = true
			gs = append(gs, gramWeight{g, funcWeight[g]})
		}
		prev = w
		return true
	})
	if seen[0] || noSelf {
		return gs
	}
	// "I" alone is a word of its own only in English ("i" is "in" in
	// Swedish).
	for i := 0; i < len(q); i++ {
		if (q[i] == 'I' || q[i] == 'i') && (i == 0 || !isWordByte(q[i-1])) && (i+1 == len(q) || !isWordByte(q[i+1])) {
			if lang, _ := DetectLang(q); lang == "en" {
				gs = append(gs, gramWeight{selfGram, funcWeight[selfGram]})
			}
			break
		}
	}
	return gs
}

// Words of genericFrame.
var (
	frameBe   = wordSet(`is was would isn wasn är var vore blir`)
	frameIt   = wordSet(`it that this det detta`)
	frameMean = wordSet(`mean means betyder innebär räcker spelar matter matters`)
	// frameJudge are the words after "is it"/"är det" that judge what
	// follows ("is it wrong to …", "är det fel att …"), and the first
	// person of "är det jag som …" ("is it me or my business …").
	frameJudge = wordSet(`wrong enough ok okay fine bad allowed true right possible necessary normal
		weird strange problem me
		fel nog tillräckligt okej bra dåligt tillåtet sant rätt möjligt nödvändigt normalt
		konstigt problem jag mig`)
)

// genericFrame reports whether text opens (after a greeting) with a
// frame that asks about a rule, in which the first person stands for
// anyone: "is it wrong to want to earn money if I'm passion-driven?",
// "is it enough that I love what I do …", "betyder det att jag inte får
// växa …", "does that mean I can't grow …", "räcker det att jag …", "är
// det jag som person som är passionsdriven?". Such a question is about
// the rule, not the self-test of one's own business
// (params.genericSelf); "is it passion-driven if I …" (no judging word)
// and "am I …" are not generic.
func genericFrame(tk *tokenizer, text string) bool {
	// The classes of the first three words (no copies of them: this runs
	// for every question).
	var be, mean0, does, it, judge, mean2 bool
	n := 0
	tk.eachBytes(text[:min(len(text), 256)], func(t []byte) bool {
		if _, greet := greetWords[string(t)]; greet && n == 0 {
			return true
		}
		switch n {
		case 0:
			_, be = frameBe[string(t)]
			_, mean0 = frameMean[string(t)]
			_, does = yesNoWords[string(t)]
		case 1:
			_, it = frameIt[string(t)]
		case 2:
			_, judge = frameJudge[string(t)]
			_, mean2 = frameMean[string(t)]
		}
		n++
		return n < 3
	})
	switch {
	case n < 3 || !it:
		return false
	case be:
		return judge // "is it wrong to …", "är det fel att …"
	case mean0:
		return true // "betyder det att …", "räcker det att …"
	}
	return does && mean2 // "does it mean …", "does that mean …"
}

// funcTypo returns the function gram of a word that is a function word of
// four letters or more with one letter too many ("baraa", "onlyy",
// "måstee"), a common slip in chat.
func funcTypo(w string) (uint32, bool) {
	for _, f := range typoFuncWords {
		if d := len(w) - len(f); d >= 1 && d <= utf8.UTFMax && oneExtra(w, f) {
			return funcClasses[f], true
		}
	}
	return 0, false
}

// typoFuncWords are the function words funcTypo looks for.
var typoFuncWords = func() []string {
	var ws []string
	for w := range funcClasses {
		if utf8.RuneCountInString(w) >= 4 {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	return ws
}()

// oneExtra reports whether w is f with one rune inserted.
func oneExtra(w, f string) bool {
	i := 0
	for i < len(f) && w[i] == f[i] {
		i++
	}
	_, n := utf8.DecodeRuneInString(w[i:])
	return len(w)-n == len(f) && w[i+n:] == f[i:]
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80 || b == '\''
}

// buildExamples indexes the example questions of every document. tok
// splits text into meaningful folded words.
func (ix *Index) buildExamples() {
	var (
		all  []uint64 // trigram hash << 32 | example, sorted below
		gs   []gramWeight
		tk   tokenizer
		vecs [][]gramWeight // per example, distinct grams with counts as w
	)
	add := func(d int32, text string, lead uint8) {
		gs = gs[:0]
		tk.each(text, maxQueryBytes, func(w string) bool {
			if !isStop(w) {
				gs = appendGrams(gs, w, 1)
			}
			return true
		})
		if len(gs) > 0 {
			// Counted like trigrams: a weight of n is n occurrences.
			for _, g := range funcGrams(nil, text, ix.p.genericSelf && genericFrame(&tk, text)) {
				for range int(g.w) {
					gs = append(gs, gramWeight{g.h, 1})
				}
			}
		}
		if len(gs) == 0 {
			return
		}
		ex := int32(len(ix.ex.doc))
		ix.ex.doc = append(ix.ex.doc, d)
		ix.ex.lead = append(ix.ex.lead, lead)
		ix.ex.names = append(ix.ex.names, ix.namesIn(&tk, text))
		var nums []string
		if lead != leadNone {
			tk.each(text, maxQueryBytes, func(w string) bool {
				if isNumber(w) {
					nums = append(nums, w)
				}
				return true
			})
		}
		ix.ex.nums = append(ix.ex.nums, nums)
		var words []leadWord
		if lead != leadNone {
			tk.each(text, maxQueryBytes, func(w string) bool {
				if isStop(w) {
					return true
				}
				lw := leadWord{terms: [2]int32{-1, -1}}
				for i, lang := range [2]string{"sv", "en"} {
					if t, ok := ix.terms[stemNew(w, lang)]; ok {
						lw.terms[i] = t
					}
				}
				if lw.terms == [2]int32{-1, -1} {
					lw.w = w // not an index term ("fel"): the word itself
				}
				words = append(words, lw)
				return true
			})
		}
		ix.ex.words = append(ix.ex.words, words)
		ix.ex.wh = append(ix.ex.wh, lead == leadNone && questionNeeds(text)&(needName|needTime) != 0 && !isYesNo(text))
		m := modalBits(gs)
		if lead != leadNone && compares(&tk, text) {
			m |= modalCompare
		}
		if lead != leadNone && asksExists(&tk, text) {
			m |= modalExist
		}
		if lead != leadNone && ix.p.moreLead && m&modalCompare == 0 && hasMore(&tk, text) {
			m |= modalMore
		}
		if lead != leadNone && ix.p.negLead > 0 && negated(&tk, text) {
			m |= modalNeg
		}
		ix.ex.modal = append(ix.ex.modal, m)
		slices.SortFunc(gs, func(a, b gramWeight) int { return cmpU32(a.h, b.h) })
		var v []gramWeight
		for _, g := range gs {
			all = append(all, uint64(g.h)<<32|uint64(ex))
			if k := len(v) - 1; k >= 0 && v[k].h == g.h {
				v[k].w++
			} else {
				v = append(v, g)
			}
		}
		vecs = append(vecs, v)
	}
	for di := range ix.docs {
		d := &ix.docs[di]
		for _, t := range []*Topic{d.sv, d.en} {
			if t == nil {
				continue
			}
			add(int32(di), t.Title, leadNone)
			for _, e := range t.Examples {
				add(int32(di), e, leadNone)
			}
			for _, l := range t.Leads {
				add(int32(di), l.Question, leadCode(l.Answer))
			}
		}
	}
	slices.Sort(all)
	e := &ix.ex
	e.post = make([]int32, len(all))
	for i, g := range all {
		h := uint32(g >> 32)
		if i == 0 || h != uint32(all[i-1]>>32) {
			e.grams = append(e.grams, h)
			e.start = append(e.start, int32(i))
		}
		e.post[i] = int32(uint32(g))
	}
	e.start = append(e.start, int32(len(all)))
	size := 1
	for size < 2*len(e.grams) {
		size *= 2
	}
	e.table = make([]int32, size)
	for i := range e.table {
		e.table[i] = -1
	}
	for gi, h := range e.grams {
		j := int(h) & (size - 1)
		for e.table[j] >= 0 {
			j = (j + 1) & (size - 1)
		}
		e.table[j] = int32(gi)
	}
	n := float64(len(e.doc))
	e.idf = make([]float32, len(e.grams))
	for i := range e.grams {
		// Documents, not examples, would be the better unit, but a trigram
		// shared by all the phrasings of one topic is still informative
		// across topics; examples keep the build simple.
		df := float64(distinctCount(e.post[e.start[i]:e.start[i+1]]))
		e.idf[i] = float32(math.Log(1 + n/df))
	}
	e.norm = make([]float32, len(e.doc))
	for ex, v := range vecs {
		var s float64
		for _, g := range v {
			i, _ := e.find(g.h)
			x := float64(g.w * e.idf[i])
			s += x * x
		}
		e.norm[ex] = float32(math.Sqrt(s))
	}
	e.maxPost = max(2000, len(e.doc)/8)
}

// namesIn returns the terms of the names (Index.entity) in text.
func (ix *Index) namesIn(tk *tokenizer, text string) []int32 {
	var ns []int32
	tk.each(text, maxQueryBytes, func(w string) bool {
		if isStop(w) {
			return true
		}
		for _, lang := range [2]string{"sv", "en"} {
			if t, ok := ix.terms[stemNew(w, lang)]; ok && ix.entity[t] && !slices.Contains(ns, t) {
				ns = append(ns, t)
			}
		}
		return true
	})
	return ns
}

func distinctCount(p []int32) int {
	n := 0
	for i := range p {
		if i == 0 || p[i] != p[i-1] {
			n++
		}
	}
	return n
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// find returns the index of trigram hash h in e.grams.
func (e *exampleIndex) find(h uint32) (int, bool) {
	if len(e.table) == 0 {
		return 0, false
	}
	mask := len(e.table) - 1
	for j := int(h) & mask; ; j = (j + 1) & mask {
		gi := e.table[j]
		if gi < 0 {
			return 0, false
		}
		if e.grams[gi] == h {
			return int(gi), true
		}
	}
}

// matchExamples scores the example questions against the question's
// trigrams (sc.grams) and leaves in sc.exSim the best cosine per document
// (sc.exDocs lists the documents with one), and in sc.exDot the cosine
// per example (sc.exTouched lists them). A question of several clauses
// ("hej! jag var på en träff igår och undrar en sak, vad är …") is also
// matched clause by clause, each clause's cosine weighted by
// params.clauseW, so that the clause that asks is found whatever the
// chat around it.
func (ix *Index) matchExamples(sc *scratch, q string) {
	e := &ix.ex
	if len(e.doc) == 0 || len(sc.grams) == 0 {
		return
	}
	ix.exampleCosines(sc.grams, sc.exDot, &sc.exTouched, &sc.keys)
	if ix.p.clauseW > 0 {
		ix.matchClauses(sc, q)
	}
	if ix.p.exOtherName < 1 {
		ix.otherNames(sc)
	}
	// Branch-free, as in exampleCosines: d is written at the end of
	// docs and kept when it is new.
	docs, n := sc.exDocs, len(sc.exDocs)
	docs = slices.Grow(docs, len(sc.exTouched)+1)
	docs = docs[:cap(docs)]
	for _, ex := range sc.exTouched {
		d := e.doc[ex]
		s := sc.exSim[d]
		docs[n] = d
		if s == 0 {
			n++
		}
		sc.exSim[d] = max(s, sc.exDot[ex])
	}
	sc.exDocs = docs[:n]
}

// otherNames lowers, by params.exOtherName, the similarity of an example
// that names only things the question does not, when the question names
// something: "har linda en hemsida?" is not "har punks en hemsida?",
// though the names' trigrams, common in the examples, weigh little. A
// question that names nothing but has, where it asks, a word the base does
// not know and that is not an everyday word ("hur byter man styrelse i en
// brf") is about that thing: such an example counts params.exUnknownOther
// of its similarity ("vilka sitter i punks styrelse"). A question that
// names nothing and knows all its words ("who sits on its board?") keeps
// the example's similarity.
func (ix *Index) otherNames(sc *scratch) {
	named := ix.namesAny(sc)
	if !named {
		if ix.p.exUnknownOther >= 1 {
			return
		}
		unk := false
		for i := range sc.slots {
			s := &sc.slots[i]
			if s.unknown && s.common >= 1 && s.ctx >= 1 {
				unk = true
				break
			}
		}
		if !unk {
			return
		}
	}
	f := float32(ix.p.exOtherName)
	if !named {
		f = float32(ix.p.exUnknownOther)
	}
	for _, ex := range sc.exTouched {
		ns := ix.ex.names[ex]
		if len(ns) == 0 {
			continue
		}
		other := true
		for _, t := range ns {
			if sc.hasTerm(t) {
				other = false
				break
			}
		}
		if other {
			sc.exDot[ex] *= f
		}
	}
}

// namesOther reports whether example ex names something (Index.entity)
// and the question names none of it: the yes of "were many companies in
// viakub passion-driven?" does not answer "does the region give money to
// passion-driven companies?", so the question gets no lead (params.leadNames;
// leadFor). A no may: "was the report commissioned by Region Halland?" —
// no — also answers "… by Region Skåne?".
func (ix *Index) namesOther(sc *scratch, ex int32) bool {
	if !ix.p.leadNames {
		return false
	}
	for _, t := range ix.ex.names[ex] {
		if sc.hasTerm(t) {
			return false
		}
	}
	return len(ix.ex.names[ex]) > 0
}

// hasTerm reports whether a slot of the question has term t as the word
// itself (an option of weight 1).
func (sc *scratch) hasTerm(t int32) bool {
	for i := range sc.slots {
		for _, o := range sc.slots[i].opts {
			if o.term == t && o.w >= 1 {
				return true
			}
		}
	}
	return false
}

// exampleCosines leaves in dot the cosine between grams and each example
// that shares a trigram with them, and appends those examples to touched.
// dot must be zero for every example not in touched.
// keys is scratch space for sorting grams (hash and position in one
// word: slices.Sort on integers is faster than a sort with a function).
// The weights of one trigram are summed in the order of grams; they are
// small multiples of ½, so that order does not change the sum.
func (ix *Index) exampleCosines(grams []gramWeight, dot []float32, touched *[]int32, keys *[]uint64) {
	e := &ix.ex
	ks := (*keys)[:0]
	for i, g := range grams {
		ks = append(ks, uint64(g.h)<<32|uint64(i))
	}
	slices.Sort(ks)
	*keys = ks
	first := len(*touched)
	// Each example is touched once: room for all of them, and one more
	// for the unconditional write below.
	tt, n := *touched, first
	if cap(tt) < first+len(e.doc)+1 {
		tt = slices.Grow(tt, len(e.doc)+1)
	}
	tt = tt[:cap(tt)]
	var qnorm, cqnorm float64
	for i := 0; i < len(ks); {
		h, w := uint32(ks[i]>>32), float32(0)
		for ; i < len(ks) && uint32(ks[i]>>32) == h; i++ {
			w += grams[uint32(ks[i])].w
		}
		gi, ok := e.find(h)
		if !ok {
			// A trigram no example has still makes the question longer.
			x := float64(w) * math.Log(1+float64(len(e.doc)))
			qnorm += x * x
			continue
		}
		idf := e.idf[gi]
		qw := w * idf
		qnorm += float64(qw) * float64(qw)
		ps := e.post[e.start[gi]:e.start[gi+1]]
		if len(ps) > e.maxPost {
			continue
		}
		add := qw * idf
		fn := h >= stillGram // function grams sort last
		if fn && cqnorm == 0 {
			cqnorm = math.Sqrt(max(qnorm-float64(qw)*float64(qw), 1e-18))
		}
		if !fn {
			// The hot loop: each example is written to the end of tt and
			// kept there (n advances) only if this is its first trigram,
			// which spares an unpredictable branch.
			for _, ex := range ps {
				d := dot[ex]
				tt[n] = ex
				if d == 0 {
					n++
				}
				dot[ex] = d + add
			}
			continue
		}
		for _, ex := range ps {
			if dot[ex] == 0 && ix.p.fnMinCos > 0 || float64(dot[ex])/cqnorm/max(float64(e.norm[ex]), 1e-9) < ix.p.fnMinCos {
				// A function gram with little else ("hur fixar jag det"
				// against "är jag passionsdriven") is not a likeness: it
				// only counts beside enough shared trigrams of words.
				continue
			}
			if dot[ex] == 0 {
				tt[n] = ex
				n++
			}
			dot[ex] += add
		}
	}
	*touched = tt[:n]
	inv := float32(1 / math.Sqrt(max(qnorm, 1e-18)))
	for _, ex := range (*touched)[first:] {
		dot[ex] = dot[ex] * inv / max(e.norm[ex], 1e-9)
	}
}

// isClauseBreak reports whether r ends a clause of a question.
func isClauseBreak(r rune) bool { return r == '\n' || isClausePunct(r) }

// isClausePunct reports whether r is one of . , : ; ! ? – — ( ).
func isClausePunct(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '!', '?', '–', '—', '(', ')':
		return true
	}
	return false
}

// matchClauses raises sc.exDot to clauseW × the cosine of each clause of
// two or more meaningful words, when the question has more than one.
func (ix *Index) matchClauses(sc *scratch, q string) {
	if len(q) > 1<<10 {
		q = q[:1<<10]
	}
	total := 0
	for _, w := range sc.tokW {
		if w > 0 {
			total++
		}
	}
	if total < 3 || !strings.ContainsFunc(q, isClauseBreak) && !(ix.p.ifStory && ifSelf(q) > 0) {
		return
	}
	cw := float32(ix.p.clauseW)
	// A question that speaks of oneself somewhere speaks of oneself in
	// each clause: "is it passion-driven?" after "I run a coffee cart …"
	// asks "am I passion-driven?".
	self := (ix.p.clauseSelf || ix.p.selfLast) && slices.ContainsFunc(sc.grams, func(g gramWeight) bool { return g.h == selfGram })
	for len(q) > 0 {
		i := strings.IndexFunc(q, isClauseBreak)
		if ix.p.ifStory {
			// "does that make me passion-driven if I sell spoons …":
			// "if I …" starts a clause.
			if j := ifSelf(q); j > 0 && (i < 0 || j-1 < i) {
				i = j - 1
			}
		}
		clause := q
		if i >= 0 {
			clause = q[:i]
			_, size := utf8.DecodeRuneInString(q[i:])
			q = q[i+size:]
		} else {
			q = ""
		}
		sc.cgrams = sc.cgrams[:0]
		n := 0
		sc.tk2.each(clause, 0, func(w string) bool {
			if i := slices.Index(sc.toks, w); i >= 0 && sc.tokW[i] > 0 {
				sc.cgrams = appendGrams(sc.cgrams, w, sc.tokW[i])
				n++
			}
			return n < maxQueryTokens
		})
		if n == 0 || n >= total {
			continue
		}
		// A function gram counts as a word: "är jag passionsdriven?" at
		// the end of a story about oneself is a clause to match.
		m := len(sc.cgrams)
		sc.cgrams = funcGrams(sc.cgrams, clause, sc.generic)
		if self && (ix.p.clauseSelf || !strings.ContainsFunc(q, unicode.IsLetter)) && pointsBack(&sc.tk2, clause) && !slices.ContainsFunc(sc.cgrams[m:], func(g gramWeight) bool { return g.h == selfGram }) {
			// The clause as asked too: "passar det in på passionsdriven
			// ekonomi?" is itself an example question.
			if n+len(sc.cgrams)-m >= 2 {
				ix.raiseClause(sc, sc.cgrams, cw)
			}
			sc.cgrams = append(sc.cgrams, gramWeight{selfGram, funcWeight[selfGram]})
		}
		if n+len(sc.cgrams)-m < 2 {
			continue
		}
		ix.raiseClause(sc, sc.cgrams, cw)
	}
}

// raiseClause raises sc.exDot to cw × the cosine of the clause grams gs.
func (ix *Index) raiseClause(sc *scratch, gs []gramWeight, cw float32) {
	ix.exampleCosines(gs, sc.exDot2, &sc.exTouch2, &sc.keys)
	for _, ex := range sc.exTouch2 {
		if c := cw * sc.exDot2[ex]; c > sc.exDot[ex] {
			if sc.exDot[ex] == 0 {
				sc.exTouched = append(sc.exTouched, ex)
			}
			sc.exDot[ex] = c
		}
		sc.exDot2[ex] = 0
	}
	sc.exTouch2 = sc.exTouch2[:0]
}

// backWords point back to what a question told before ("… är det
// passionsdrivet?", "does that fit?", "passion-driven or not?").
var (
	backWords  = wordSet(`det detta it that this`)
	claimWords = wordSet(`true sant right rätt correct korrekt stämmer stämde`)
)

// pointsBack reports whether a clause asks about what the question told
// before: a verb with a pronoun for its subject ("räknas det", "är det
// passionsdrivet", "does that fit", "is it …"; not the "det" of "finns det
// …"), a clause ending in "or not"/"eller inte", or a clause of one or two
// words that is not a question word.
func pointsBack(tk *tokenizer, clause string) bool {
	var w0, w1, prev, last string
	claim := false
	n := 0
	tk.each(clause, 0, func(w string) bool {
		switch n {
		case 0:
			w0 = w
		case 1:
			w1 = w
		}
		n++
		prev, last = last, w
		_, c := claimWords[w]
		claim = claim || c
		return true
	})
	if claim {
		return false // "is that true?", "stämmer det?": a claim, not oneself
	}
	if (prev == "or" || prev == "eller") && (last == "not" || last == "inte") {
		return true
	}
	if _, wh := itemWh[w0]; n >= 1 && n <= 2 && !wh {
		// A clause of a word or two, "… säljer lite på marknader.
		// passionsdriven?": the rest of the question is left out.
		return true
	}
	_, verb := yesNoWords[w0]
	_, back := backWords[w1]
	return verb && back && w1 != "inte" && w1 != "not" && w0 != "finns" && w0 != "fanns"
}

// leadFor returns the lead of the example of document d that is most
// like the question, when the question is a yes/no question and that
// example is near enough; else leadNone. other reports that the nearest
// lead question's yes was not given because it names something else
// (namesOther): the question then gets no default yes either.
func (ix *Index) leadFor(sc *scratch, d int32) (l uint8, other bool) {
	if !sc.yesNo {
		return leadNone, false
	}
	best, lead, bestEx := float32(0), uint8(leadNone), int32(-1)
	negBest, negEx := float32(0), int32(-1) // the best lead question of the other polarity
	for _, ex := range sc.exTouched {
		if sc.exDot[ex] > best && ix.leadOK(sc, d, ex) {
			if ix.p.negLead > 0 && (sc.modal^ix.ex.modal[ex])&modalNeg != 0 {
				if sc.exDot[ex] > negBest {
					negBest, negEx = sc.exDot[ex], ex
				}
				continue
			}
			best, lead, bestEx = sc.exDot[ex], ix.ex.lead[ex], ex
		}
	}
	if ix.p.leadCover > 0 && bestEx >= 0 {
		if miss := ix.leadMissing(sc, bestEx); miss > 0 {
			// A lead question nearly as near that says nothing the
			// question does not ("is public business support designed
			// for passion-driven businesses?" — no —, not "… for
			// market-driven companies?" — yes —, against "… for
			// passion-driven companies?").
			floor := float32(ix.p.leadCover) * best
			for _, ex := range sc.exTouched {
				if ex == bestEx || sc.exDot[ex] < floor || !ix.leadOK(sc, d, ex) || ix.p.negLead > 0 && (sc.modal^ix.ex.modal[ex])&modalNeg != 0 {
					continue
				}
				if m := ix.leadMissing(sc, ex); m < miss {
					miss, lead, bestEx = m, ix.ex.lead[ex], ex
				}
			}
		}
	}
	if ix.p.negLead == 2 && float64(best) < ix.p.leadMin && float64(negBest) >= ix.p.leadMin && ix.ex.lead[negEx] != leadDepends && !(sc.negDet && ix.ex.lead[negEx] == leadNo) {
		// Only a lead question of the other polarity is near: its
		// answer, turned ("får man vara liten?" — yes — against
		// "betyder det att jag inte får växa?" — no).
		best, lead, bestEx = negBest, leadYes+leadNo-ix.ex.lead[negEx], negEx
	}
	if float64(best) < ix.p.leadMin {
		return leadNone, false
	}
	if lead == leadYes && float64(best) < ix.p.weakLead && !ix.statedTogether(sc, d) {
		// A yes-lead hardly like the question does not confirm what no
		// sentence of the topic states ("is Mia Lindgren the CEO of
		// PUNKS?" — "is linda on the board of punks" — yes —).
		return leadNone, true
	}
	if lead == leadNo && float64(best) < ix.p.weakNo && ix.questionMissing(sc, bestEx) {
		// A no-lead hardly like the question, which asks something the
		// lead question does not say: "is PUNKS a charity?" is not "is
		// punks a company?" — no —.
		return leadNone, true
	}
	if (lead == leadYes || ix.p.noLeadNames && lead == leadNo && ix.namesAny(sc)) && ix.namesOther(sc, bestEx) {
		// A no may answer a question naming something the base does not
		// know in its place ("… by Region Skåne?" against "… by Region
		// Halland?" — no —) or a pronoun ("did she invent it?"), but not
		// one that names another thing of the base: "Is passion-driven
		// economy a Swedish invention?" is not "did linda invent the
		// passion-driven economy?" — no —.
		return leadNone, true
	}
	if ix.p.unknownMiss && lead != leadDepends && ix.unknownMissed(sc, bestEx) {
		// "kan man bli rik på passionsdriven ekonomi?" is not "är
		// passionsdriven ekonomi samma sak som marknadsekonomi?" — no —:
		// each has a word the other lacks, and the question's is one the
		// base does not know, so no topic states it.
		return leadNone, true
	}
	if ix.p.numberLead && ix.numberClash(sc, d, bestEx) {
		return leadNone, true
	}
	return lead, false
}

// leadOK reports whether example ex is a lead question of document d
// that can lead the question: its modal bits agree (modalClash, onlyClash,
// existLead) and it compares when the question does.
func (ix *Index) leadOK(sc *scratch, d, ex int32) bool {
	return ix.ex.doc[ex] == d && ix.ex.lead[ex] != leadNone && !modalClash(sc.modal, ix.ex.modal[ex]) && sc.compare == (ix.ex.modal[ex]&modalCompare != 0) && !onlyClash(sc.modal, ix.ex.modal[ex], ix.ex.lead[ex]) && !(ix.p.degreeLead && degreeClash(sc.modal, ix.ex.modal[ex], ix.ex.lead[ex])) && !(ix.p.existLead && sc.exist && ix.ex.modal[ex]&modalExist == 0)
}

// leadMissing counts the meaningful words of lead question ex that the
// question has in no form (params.leadCover).
func (ix *Index) leadMissing(sc *scratch, ex int32) int {
	n := 0
	for _, lw := range ix.ex.words[ex] {
		found := lw.w != "" && slices.Contains(sc.toks, lw.w)
		for i := range sc.slots {
			for _, o := range sc.slots[i].opts {
				found = found || o.term == lw.terms[0] || o.term == lw.terms[1]
			}
		}
		if !found {
			n++
		}
	}
	return n
}

// unknownMissed reports whether lead question ex has a meaningful word
// the question has in no form (leadMissing), shares with the question only
// words of many topics (common: "passionsdriven", "ekonomi"), and the
// question has, where it asks, a subject word the base does not know at
// all that is not like any word of the lead question either (not a typo of
// one: the first three letters differ; params.unknownMiss).
func (ix *Index) unknownMissed(sc *scratch, ex int32) bool {
	if ix.leadMissing(sc, ex) == 0 {
		return false
	}
	for i := range sc.slots {
		// A word shared with the lead question that few topics have: the
		// lead question is about what the question asks.
		s := &sc.slots[i]
		if s.unknown || s.phrase != nil || ix.common(*s) {
			continue
		}
		for _, o := range s.opts {
			for _, lw := range ix.ex.words[ex] {
				if o.term == lw.terms[0] || o.term == lw.terms[1] {
					return false
				}
			}
		}
	}
	for i := range sc.slots {
		s := &sc.slots[i]
		if !s.unknown || s.ctx < 1 || s.common < 1 || s.respelt || s.tok < 0 || int(s.tok) >= len(sc.toks) {
			continue
		}
		w := sc.toks[s.tok]
		like := false
		for _, lw := range ix.ex.words[ex] {
			for _, t := range lw.terms {
				like = like || t >= 0 && samePrefix3(w, ix.names[t])
			}
			like = like || lw.w != "" && samePrefix3(w, lw.w)
		}
		if !like {
			return true
		}
	}
	return false
}

// samePrefix3 reports whether a and b start with the same three bytes
// (or are equal when shorter).
func samePrefix3(a, b string) bool {
	n := min(3, len(a), len(b))
	return n > 0 && a[:n] == b[:n]
}

// questionMissing reports whether the question has a meaningful word
// that lead question ex has in no form (a word the base does not know
// counts too).
func (ix *Index) questionMissing(sc *scratch, ex int32) bool {
	for i := range sc.slots {
		found := false
		for _, o := range sc.slots[i].opts {
			for _, lw := range ix.ex.words[ex] {
				found = found || o.term == lw.terms[0] || o.term == lw.terms[1]
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// leadWord is a meaningful word of a lead question: the terms of its sv
// and en stems (-1 when not an index term), or the word itself when it is
// neither.
type leadWord struct {
	terms [2]int32
	w     string
}

// numberClash reports whether lead question ex names numbers (a year, a
// count) and the question names a number that is not one of them: the
// lead is about another figure. "did viakub end in 2020?" — no — does not
// answer "did viakub end in 2022?", a year the topic states; the question
// gets no lead then, and no default yes. A no-lead still answers a
// question whose numbers the topic does not state at all ("did viakub end
// in 2021?" — no): a claim of a figure the topic does not give is not
// what it says.
func (ix *Index) numberClash(sc *scratch, d, ex int32) bool {
	nums := ix.ex.nums[ex]
	has, stated := false, false
	for _, w := range sc.toks {
		if !isNumber(w) {
			continue
		}
		if slices.Contains(nums, w) {
			return false
		}
		has = true
		for _, o := range ix.exactTerms(w, nil) {
			if _, ok := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); ok {
				stated = true
			}
		}
	}
	if len(nums) == 0 {
		// A yes-lead without numbers does not confirm a figure the topic
		// does not state ("was linda born in 1965?").
		return has && !stated && ix.ex.lead[ex] == leadYes
	}
	return has && (stated || ix.ex.lead[ex] != leadNo)
}

// Modal bits of a question or example: "must"/"måste" and "can"/"kan".
// modalCompare marks a lead question that compares (see compares): "was
// it founded before 2000?" is not led by "was it founded in 2001?", nor
// the other way round.
const (
	modalMust = 1 << iota
	modalCan
	modalCompare
	modalOnly
	modalStill
	modalExist
	// modalMore marks "more"/"mer": "are passion-driven businesses more
	// innovative?" is not answered by "do they contribute to innovation?"
	// — yes —, and gets no default yes (moreLead).
	modalMore
	// modalNeg marks a negation ("not", "inte", "can't"): "betyder det
	// att jag inte får tjäna pengar?" is not led by "får man tjäna
	// pengar?" — yes — (negLead).
	modalNeg
)

// negWords negate a question (modalNeg); the tokenizer splits "can't"
// into "can" and "t", so negated also looks for "n't" in the text.
var negWords = wordSet(`no ingen inga inget not never inte ej aldrig icke cannot cant dont doesnt isnt wont didnt
	arent wasnt werent couldnt shouldnt wouldnt hasnt havent isn doesn don didn aren wasn
	weren couldn shouldn wouldn hasn haven`)

// negated reports whether the first clause of text says that something
// is not so, in what it asks about (modalNeg): a negation after "that",
// "to", "if" or "mean" ("betyder det att jag inte får …", "does it mean
// I can't …", "is it ok to not …"), within its first negHead words. A
// negation right after the verb asks for agreement ("måste man inte
// vilja växa?", "isn't it …?") and is the same question as without it;
// one further on is about something else ("… people who aren't nearby").
// detNeg are the negations that deny a thing, not a verb ("does it mean
// no profit?", "betyder det ingen vinst?").
var detNeg = wordSet(`no ingen inga inget`)

// negDeterminer reports whether the first negation of the first clause
// of text after "that"/"mean"/"att"/"betyder" … (see negated) is a
// determiner (detNeg): "does passion-driven mean no growth?" is not
// answered by turning "is growth the goal?" — no —: that growth is not
// the goal does not say there is none (leadFor).
//
// With rel, a negation after "that" counts too: "businesses that don't make
// money" may be a relative clause, which says which things are meant, not
// that the lead question's answer is turned ("isn't passion-driven just a
// buzzword for businesses that don't make money?" is not "Yes." from "is
// the passion-driven economy about making money?" — no —; params.relNeg).
func negDeterminer(tk *tokenizer, text string, rel bool) bool {
	text = firstClause(tk, text[:min(len(text), 1<<10)])
	det, after, that, n := false, false, false, 0
	tk.eachBytes(text, func(w []byte) bool {
		if _, ok := negWords[string(w)]; ok && after {
			_, det = detNeg[string(w)]
			det = det || rel && that
			return false
		}
		if _, ok := negAfter[string(w)]; ok {
			after, that = true, string(w) == "that"
		}
		n++
		return n < negHead
	})
	return det
}

func negated(tk *tokenizer, text string) bool {
	text = firstClause(tk, text[:min(len(text), 1<<10)])
	found, after, n := false, false, 0
	tk.eachBytes(text, func(w []byte) bool {
		if _, ok := negWords[string(w)]; ok && after {
			found = true
		}
		if _, ok := negAfter[string(w)]; ok {
			after = true
		}
		n++
		return !found && n < negHead
	})
	if found || !after {
		return found
	}
	// "can't", "don't": the tokenizer splits at the apostrophe.
	after, n = false, 0
	for f := range strings.FieldsSeq(text) {
		f = strings.ToLower(f) // no copy when it is lower-case already
		if after && (strings.HasSuffix(f, "n't") || strings.HasSuffix(f, "n’t")) {
			return true
		}
		if _, ok := negAfter[f]; ok {
			after = true
		}
		if n++; n == negHead {
			break
		}
	}
	return false
}

// negHead is how many words of a clause negated looks at (8 before pass
// 18: "isn't passion-driven just a nice word for businesses that don't
// make money?" has its negation at the twelfth).
const negHead = 12

// firstClause returns the first clause of text that has a meaningful
// word: "Honestly, isn't …" asks in its second (pass 18).
func firstClause(tk *tokenizer, text string) string {
	for {
		i := strings.IndexFunc(text, isClausePunct)
		if i < 0 {
			return text
		}
		meaningful := false
		tk.eachBytes(text[:i], func(w []byte) bool {
			meaningful = !isStop(string(w))
			return !meaningful
		})
		if meaningful {
			return text[:i]
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		text = text[i+size:]
	}
}

// negAfter are the words after which a negation is what is asked about.
var negAfter = wordSet(`that to if mean means meant att om betyder innebär`)

// moreWords ask "more …?" (or "less …?") of something (modalMore): "are
// passion-driven businesses less profitable?" is not "can they be
// profitable?" — yes — (pass 18).
var moreWords = wordSet(`more mer mera less mindre fewer färre`)

// hasMore reports whether text has a word of moreWords.
func hasMore(tk *tokenizer, text string) bool {
	found := false
	tk.each(text, 0, func(w string) bool {
		_, found = moreWords[w]
		return !found
	})
	return found
}

// asksExists reports whether a clause of text asks whether something
// exists: "is there …", "are there …", "finns det …", "fanns …".
func asksExists(tk *tokenizer, text string) bool {
	if len(text) > 1<<10 {
		text = text[:1<<10]
	}
	for text != "" {
		// One clause at a time, without a copy of the clauses.
		clause := text
		if i := strings.IndexFunc(text, isClausePunct); i >= 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			clause, text = text[:i], text[i+size:]
		} else {
			text = ""
		}
		w0, n, ok := "", 0, false
		tk.each(clause, 0, func(w string) bool {
			n++
			if n == 1 {
				w0 = w
				ok = w == "finns" || w == "fanns"
				return !ok
			}
			ok = w == "there" && (w0 == "is" || w0 == "are" || w0 == "was" || w0 == "were")
			return false
		})
		if ok {
			return true
		}
	}
	return false
}

// modalBits returns the modal bits of a vector with function grams.
func modalBits(gs []gramWeight) uint8 {
	var m uint8
	for _, g := range gs {
		switch g.h {
		case mustGram:
			m |= modalMust
		case canGram:
			m |= modalCan
		case onlyGram:
			m |= modalOnly
		case stillGram:
			m |= modalStill
		}
	}
	return m
}

// modalClash reports whether a lead question with modal bits ex answers
// another question than one with q: "must …?" and "can …?" usually have
// opposite answers ("must it be non-profit?" no, "can it be non-profit?"
// yes), so the lead of one is not the lead of the other.
func modalClash(q, ex uint8) bool {
	must := func(m uint8) bool { return m&modalMust != 0 }
	can := func(m uint8) bool { return m&modalCan != 0 && m&modalMust == 0 }
	return must(q) && can(ex) || can(q) && must(ex)
}

// onlyClash reports whether a lead question's "yes" does not answer a
// question that asks "only"/"alone": "did Region Halland run VIAkub?" is
// yes, "… run it alone?" is not; a "no" holds for both.
//
// "still"/"fortfarande" likewise: "did Region Halland run VIAkub?" is yes,
// "is VIAkub still running?" is not; and "more"/"mer" (modalMore).
func onlyClash(q, ex, lead uint8) bool {
	return q&^ex&(modalOnly|modalStill|modalMore) != 0 && lead == leadYes
}

// degreeClash reports whether a lead question without "more"/"less"
// (modalMore) would lead a question that asks one (params.degreeLead):
// "do passion-driven businesses make less money?" is answered neither by
// "is money the goal?" — no — nor by "can they make money?" — yes —;
// "it depends" still may.
func degreeClash(q, ex, lead uint8) bool {
	return q&^ex&modalMore != 0 && lead != leadDepends
}

// yesNoWords start a yes/no question (after greetings).
var yesNoWords = wordSet(`am is are was were do does did can could must should
	will would has have had need may might shall isn aren doesn don didn cant
	wasn shouldn wouldn hasn haven
	är var måste kan kunde ska skall skulle behöver finns fanns får fick går
	gick har hade gäller stämmer brukar bör blir blev räcker kommer ingår
	funkar fungerar passar betyder handlar menar tjänar innebär
	sitter satt ligger låg driver drev jobbar jobbade arbetar arbetade bygger
	byggde samarbetar samarbetade grundade startade började slutade skrev
	uppfann definierade myntade hittade beställde sammanställde intervjuade
	förlängdes publicerades skapade gjorde gör ger gav erbjuder erbjöd
	säger sa tycker vill ville borde leder ledde stöder stödjer innehåller
	heter hette står stod räknas krävs täcker
	föreslår föreslog rekommenderar rekommenderade nämner nämnde visar visade
	tar tog tipsar tipsade riktar riktade pågår pågick
	håller höll varade
	has have does did sits founded wrote invented`)

// knowWords, before a question word, embed a question: "does anyone
// know when …", "vet du vem …", "I wonder where …".
var knowWords = wordSet(`know knows wonder wondering vet veta undrar`)

// embeddedWh are the question words that knowWords embed.
var embeddedWh = wordSet(`when who where what which how när vem var vad vilken
	vilket vilka hur`)

// embedsQuestion reports whether text has a word of knowWords followed,
// next or one word later ("vet någon vem …"), by a question word.
func embedsQuestion(tk *tokenizer, text string) bool {
	var p1, p2 string
	found := false
	tk.each(text, 0, func(w string) bool {
		found = afterKnow(p1, p2) && isEmbeddedWh(w)
		p2, p1 = p1, w
		return !found
	})
	return found
}

// requestVerbs, after "can you"/"kan du", make a request of the bot.
var requestVerbs = wordSet(`explain tell describe give show list summarise summarize
	förklara berätta beskriva ge visa lista sammanfatta`)

// actionVerbs, after "can you"/"kan du", ask the bot to do something
// for the member ("kan du skapa en träff på fredag?", "can you recommend
// a good accountant?"): a request too. Verbs a member uses for "one"
// ("can you make money …", "can you find them in forestry?") are not
// among them.
var actionVerbs = wordSet(`create book arrange organise organize plan schedule recommend suggest
	skapa boka ordna arrangera planera schemalägga rekommendera föreslå tipsa`)

// adviceVerbs, in such a request, ask for the bot's own advice: the verb
// names no subject of the base ("can you recommend a good accountant?" is
// not about the report's recommendations), so it is not a meaningful word
// there (params.requestVerb).
var adviceVerbs = wordSet(`recommend suggest rekommendera föreslå tipsa`)

// requestState follows the first words of a sentence, fed one at a time
// (stop words included, greetings skipped as asksFavour does), to find
// the verb of a request "can/could/would you <verb>", "kan/kunde/skulle
// du/ni <verb>".
type requestState struct{ n int8 }

// see reports whether w is an adviceVerb standing third in such a
// request.
func (r *requestState) see(w string) bool {
	if r.n < 0 {
		return false
	}
	if _, greet := greetWords[w]; greet && r.n == 0 {
		return false
	}
	r.n++
	ok := false
	switch r.n {
	case 1:
		ok = w == "can" || w == "could" || w == "would" || w == "kan" || w == "kunde" || w == "skulle"
	case 2:
		ok = w == "you" || w == "du" || w == "ni"
	case 3:
		_, verb := adviceVerbs[w]
		r.n = -1
		return verb
	}
	if !ok {
		r.n = -1
	}
	return false
}

// asksFavour reports whether a clause opens "can/could/would you …" or
// "kan/kunde/skulle du/ni …" followed by a verb of telling or an
// actionVerb.
func asksFavour(tk *tokenizer, clause string) bool {
	n, ok := 0, false
	tk.each(clause, 0, func(w string) bool {
		if _, greet := greetWords[w]; greet && n == 0 {
			return true
		}
		n++
		switch n {
		case 1:
			ok = w == "can" || w == "could" || w == "would" || w == "kan" || w == "kunde" || w == "skulle"
		case 2:
			ok = w == "you" || w == "du" || w == "ni"
		case 3:
			_, ok = requestVerbs[w]
			if _, act := actionVerbs[w]; act {
				ok = true
			}
		}
		return ok && n < 3
	})
	return ok && n == 3
}

// afterKnow reports whether one of the two words before a word (p1 the
// nearer) is a word of knowWords.
func afterKnow(p1, p2 string) bool {
	_, k1 := knowWords[p1]
	_, k2 := knowWords[p2]
	return k1 || k2
}

// asksWhich reports whether a clause offers two alternatives: "or"/"eller"
// between two words, the second not one that keeps the question a yes/no
// one ("… or not?", "eller nåt sånt", "or something").
func asksWhich(tk *tokenizer, clause string) bool {
	found, or, n, first := false, false, 0, ""
	tk.each(clause, 0, func(w string) bool {
		n++
		switch {
		case n == 1:
			first = w
		case n == 2 && (w == "there" && (first == "is" || first == "are") || w == "det" && (first == "finns" || first == "fanns")):
			return false // "are there … in forestry or farming": whether any
		case or:
			_, keep := orKeepsYesNo[w]
			_, verb := yesNoWords[w]
			found = !keep && !verb // "… eller blir det fel då": a second question
			return false
		}
		or = (w == "or" || w == "eller") && n > 2
		return true
	})
	return found
}

// orKeepsYesNo are the words after "or"/"eller" that leave a yes/no
// question one.
var orKeepsYesNo = wordSet(`not no nej inte ej nothing something anything what so sth
	något nåt någont nånting någonting annat vad så liknande sånt`)

func isEmbeddedWh(w string) bool {
	_, ok := embeddedWh[w]
	return ok
}

// isYesNo reports whether q asks a yes/no question: the first word of
// one of its clauses, after any greeting, is an auxiliary or a verb
// ("Är …", "Must …", "… – does that make me passion-driven?").
func isYesNo(q string) bool {
	if len(q) > 1<<10 {
		q = q[:1<<10]
	}
	// Room for most words at once: tagQuestion reads them all, and a
	// buffer grown word by word would cost an allocation per size.
	var buf [16]byte
	tk := tokenizer{buf: buf[:0]}
	for _, clause := range strings.FieldsFunc(q, isClausePunct) {
		yes, n := false, 0
		tk.each(clause, 0, func(w string) bool {
			n++
			if _, ok := greetWords[w]; ok {
				return n < 8
			}
			_, yes = yesNoWords[w]
			// "var i Halmstad …", "var kan man …": where, not was.
			yes = yes && !(w == "var" && varWhere(clause, true))
			return false
		})
		if yes && asksWhich(&tk, clause) {
			// "is it the person or the business …": which of two, not
			// whether.
			yes = false
		}
		if yes && asksFavour(&tk, clause) {
			// "kan du förklara …", "could you tell me about …": a
			// request, not a question whether one can.
			yes = false
		}
		if yes && embedsQuestion(&tk, clause) {
			// "does anyone know when …", "vet någon vem …": asks when
			// or who, not whether.
			yes = false
		}
		if yes {
			return true
		}
	}
	return tagQuestion(&tk, q)
}

// tagWords end a statement that asks to be confirmed ("… invented it,
// right?", "… är ett band, va?"); "alltså" in a statement asked ("så
// linda har alltså uppfunnit …?") does too.
var tagWords = wordSet(`right correct true yeah va`)

// tagQuestion reports whether a sentence of q that ends with "?" is a
// statement put as a question: it opens with no question word and ends
// with a tag ("right?", "correct?", "va?", "eller hur?", "stämmer
// det?", "isn't it?") or has "alltså". It asks whether the statement is
// so: a yes/no question.
func tagQuestion(tk *tokenizer, q string) bool {
	// Kinds of word the tags are made of, so that no word is copied.
	const (
		kOther = iota
		kTag
		kEller
		kHur
		kStammer
		kDet
		kIsn
		kIt
	)
	kind := func(w []byte) int {
		if _, ok := tagWords[string(w)]; ok {
			return kTag
		}
		switch string(w) {
		case "eller":
			return kEller
		case "hur":
			return kHur
		case "stämmer":
			return kStammer
		case "det":
			return kDet
		case "isn":
			return kIsn
		case "it":
			return kIt
		}
		return kOther
	}
	for rest := q[:min(len(q), 1<<10)]; rest != ""; {
		i := strings.IndexByte(rest, '?')
		if i < 0 {
			return false
		}
		s := rest[:i]
		rest = rest[i+1:]
		if j := strings.LastIndexAny(s, ".!?\n"); j >= 0 {
			s = s[j+1:]
		}
		prev, last := kOther, kOther
		n, so, wh := 0, false, false
		tk.eachBytes(s, func(w []byte) bool {
			if _, greet := greetWords[string(w)]; greet && n == 0 {
				return true
			}
			if n == 0 {
				_, wh = itemWh[string(w)]
			}
			n++
			so = so || string(w) == "alltså"
			prev, last = last, kind(w)
			return n < maxQueryTokens
		})
		if n < 3 || wh {
			continue
		}
		if last == kTag || so || prev == kEller && last == kHur || prev == kStammer && last == kDet || prev == kIsn && last == kIt {
			return true
		}
	}
	return false
}
