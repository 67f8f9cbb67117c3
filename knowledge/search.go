package knowledge

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
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
	// Lead is LeadYes, LeadNo or LeadDepends when the question is a
	// yes/no question that Top answers with a plain yes, no or "it
	// depends" (one of Top's lead questions is like it); else "".
	Lead string
	// body, when set, is Top's body without the sentences that say what
	// the topic does not know and that the question does not ask about
	// (Index.answerBody).
	body string
}

// leadText is what a lead says first, per language.
var leadText = map[string][3]string{
	"sv": {"Ja.", "Nej.", "Det beror på."},
	"en": {"Yes.", "No.", "It depends."},
}

// Text is the answer as a member should read it: Top's body, preceded by
// the lead ("Nej. …", "It depends. …") when there is one. It is "" when
// the question was not Answered.
func (r Result) Text() string {
	if !r.Answered || r.Top == nil {
		return ""
	}
	i := -1
	switch r.Lead {
	case LeadYes:
		i = 0
	case LeadNo:
		i = 1
	case LeadDepends:
		i = 2
	}
	body := r.Top.Body
	if r.body != "" {
		body = r.body
	}
	if i < 0 {
		return body
	}
	return leadText[r.Top.Lang][i] + " " + body
}

type scratch struct {
	tk      tokenizer
	toks    []string
	tokCtx  []float32 // weight of each of toks by where it stands (sentences)
	tokArt  []uint8   // per token of toks, the language of an article before it ("the wether"; articleLang), and tokAfterPrev
	slots   []slot
	acc     []float32 // document score
	cov     []float32 // document coverage
	slotS   []float32 // per-slot best score in a document
	slotQ   []float32 // per-slot best option weight in a document
	touched []int32   // documents with acc > 0
	inSlot  []int32   // documents touched by the current slot
	seen    map[int32]bool
	tk2     tokenizer // for phrase checks
	needs   int       // answer-type bits of the question
	yesNo   bool      // the question is a yes/no question
	negDet  bool      // its negation denies a thing ("no profit"; negDeterminer)
	// req and prevTok follow a sentence's words in sentences (the verb
	// of a request, "min man"); more is set when the question has a word
	// of moreWords (modalMore).
	req     requestState
	prevTok string
	more    bool
	// modifier: an unknown subject word stands right before the last
	// word, an everyday word the base knows ("zoom meeting",
	// params.exModifierW).
	modifier bool
	// you: the question addresses the bot (youWords).
	you bool
	// modifies is set when the question's only known word stands next to
	// a subject word the base does not know ("keynesiansk ekonomi",
	// "supply and demand curves"): it names some other thing.
	modifies bool
	// self: the question speaks of oneself (the first-person gram).
	self bool
	// generic: the question opens with a frame in which the first person
	// stands for anyone (genericFrame).
	generic bool
	// mustOnly: the question has "must"/"only" (funcGrams), so a yes/no
	// answer is not "yes" by default.
	mustOnly bool
	compare  bool // the question compares with a figure (compares): no default yes
	// exist: the question asks whether something exists (asksExists):
	// only a lead question that asks so too leads it, and no default yes.
	exist bool
	modal uint8 // modalMust/modalCan (examples.go)
	// pair holds the two things a "difference between A and B" question
	// compares (comparedPair), or "".
	pair [2]string
	// Example matching (examples.go): the question's trigrams, the score
	// per example (dot product, then cosine) and the best cosine per
	// document, with the lists of those touched.
	grams     []gramWeight
	tokW      []float32 // weight of each of toks in the trigram vector (0: dropped)
	cgrams    []gramWeight
	exDot2    []float32 // per example, for one clause
	exTouch2  []int32
	exDot     []float32
	exTouched []int32
	exSim     []float32
	exDocs    []int32
	keys      []uint64 // exampleCosines' sort
	// totalW is the coverage denominator and maxScore the best score any
	// document could reach, both set by score.
	totalW, maxScore float64
	// unkW is the part of totalW that is words the base does not know.
	unkW float64
	rs   []rune
}

func (ix *Index) newScratch() *scratch {
	n := len(ix.docs)
	return &scratch{
		acc:    make([]float32, n),
		cov:    make([]float32, n),
		slotS:  make([]float32, n),
		slotQ:  make([]float32, n),
		seen:   map[int32]bool{},
		exDot:  make([]float32, len(ix.ex.doc)),
		exDot2: make([]float32, len(ix.ex.doc)),
		exSim:  make([]float32, n),
	}
}

// Search ranks the topics for question and returns the best one with a
// confidence. lang ("sv" or "en") is the language wanted for the answer;
// anything else means "detect from the question". Search never panics on
// any input, and looks only at the first 16 KiB and the first 64
// meaningful words of a question.
func (ix *Index) Search(question, lang string) Result {
	question = StripAddressing(question)
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
	ix.matchExamples(sc, question)
	if len(sc.slots) == 0 && len(sc.exDocs) == 0 {
		return res
	}
	hits := ix.score(sc)
	if len(hits) == 0 {
		return res
	}
	ix.rerankNames(sc, hits)
	ix.promote(sc, hits)
	best := hits[0]
	res.Score = ix.confidence(sc, best)
	if ix.p.margin > 0 && len(hits) > 1 {
		// A runner-up about as good as the best: the question may be
		// about neither.
		k1, k2 := ix.rankKey(sc, best), ix.rankKey(sc, hits[1])
		if gap := float64(k1-k2) / max(float64(k1), 1e-9); gap < 0.2 {
			res.Score *= 1 - ix.p.margin*(1-gap/0.2)
		}
	}
	for _, h := range hits[:min(3, len(hits))] {
		if ix.asksItem(sc, h) {
			// Exactly a question the topic says it cannot answer.
			res.Score *= ix.p.itemW
			break
		}
		if sc.acc[h] >= 0.5*sc.acc[best] && ix.asksUnknown(sc, h) {
			res.Score *= 0.5
			break
		}
	}
	if ix.p.everydayW < 1 && ix.onlyEveryday(sc, best) {
		res.Score *= ix.p.everydayW
	}
	if ix.p.contactW < 1 && ix.otherContact(sc, question, best) {
		res.Score *= ix.p.contactW
	}
	if ix.lacksCompared(sc, best) {
		res.Score *= 0.5
	}
	if sc.modifies && ix.p.modifierW < 1 {
		res.Score *= ix.p.modifierW
	}
	if ix.p.unknownTail < 1 && ix.asksUnknownThing(question) {
		res.Score *= ix.p.unknownTail
	}
	if ix.p.allUnknownW < 1 && (allUnknown(sc) || ix.p.youUnknown && sc.you && noneKnown(sc)) {
		res.Score *= ix.p.allUnknownW
	}
	if ix.p.oneWordW < 1 && ix.oneWordUnknown(sc) {
		res.Score *= ix.p.oneWordW
	}
	if ix.p.personalW < 1 && ix.personalUnstated(sc, question, best) {
		res.Score *= ix.p.personalW
	}
	if ix.p.arithW < 1 && arithmetic(&sc.tk2, question) {
		res.Score *= ix.p.arithW
	}
	if ix.p.noCoverW < 1 && sc.cov[best] == 0 && sc.totalW > 0 && sc.unkW >= 0.5*sc.totalW && unknownSlots(sc) >= 2 {
		res.Score *= ix.p.noCoverW
	}
	if ix.p.statementW < 1 && float64(sc.cov[best]) < 0.3*sc.totalW && ix.asksNothing(sc, question) {
		res.Score *= ix.p.statementW
	}
	res.Answered = res.Score >= ix.p.threshold
	if res.Answered {
		l, other := ix.leadFor(sc, best)
		if ix.p.unknownLead && (l == leadYes || l == leadNo) && unknownWord(sc) {
			l, other = leadNone, true
		}
		if ix.p.whLead && sc.needs&whNeeds != 0 {
			// "where is impact house? can I visit?": the answer tells
			// where; a "Yes." would answer the second question, which
			// the lead question was not like.
			l, other = leadNone, true
		}
		if ix.p.multiLead && sc.yesNo && strings.Count(question, "?") >= 2 && yesNoQuestions(question) >= 2 {
			// "Are Mia Lindgren and Linda Nordfors connected through
			// PUNKS? Isn't that a conflict of interest?": one "Yes."
			// cannot answer two questions, and the lead question was like
			// one of them at most.
			l, other = leadNone, true
		}
		if l == leadNone && !other && !(ix.p.existLead && sc.exist) && sc.yesNo && !sc.mustOnly && sc.modal&modalMore == 0 && !sc.compare && sc.totalW > 0 && float64(sc.cov[best])/sc.totalW >= ix.p.defaultYes && !(ix.p.sentenceYes && (sc.needs != 0 || sc.modal&modalNeg != 0 || !ix.statedTogether(sc, best))) {
			// A yes/no question whose every word the answer covers, and
			// that none of the answer's lead questions is like: the answer
			// states what was asked.
			l = leadYes
		}
		if l != leadNone {
			res.Lead = [...]string{"", LeadYes, LeadNo, LeadDepends}[l]
		}
	}
	top := &ix.docs[best]
	res.Top = top.variant(lang)
	res.Lang = res.Top.Lang
	if res.Answered && ix.p.hideUnknown {
		res.body = ix.answerBody(sc, best, res.Top)
	}
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
	for _, ex := range sc.exTouched {
		sc.exDot[ex] = 0
	}
	for _, d := range sc.exDocs {
		sc.exSim[d] = 0
	}
	sc.exTouched, sc.exDocs = sc.exTouched[:0], sc.exDocs[:0]
	ix.pool.Put(sc)
}

// score accumulates document scores and coverage and returns up to topK
// documents, best first.
func (ix *Index) score(sc *scratch) []int32 {
	n := float64(len(ix.docs))
	k1 := float32(ix.p.k1)
	sc.totalW, sc.maxScore, sc.unkW = 0, 0, 0
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.unknown {
			uw := ix.maxIDF * ix.p.unknownW * float64(s.general) * float64(s.ctx)
			sc.totalW += uw
			sc.unkW += uw
			sc.maxScore += uw * (ix.p.k1 + 1)
			continue
		}
		sc.inSlot = sc.inSlot[:0]
		maxW := float32(0)
		if s.phrase != nil {
			ix.phraseDocs(s.phrase, sc)
			maxW = 1
		}
		for _, o := range s.opts {
			maxW = max(maxW, o.w)
			for _, ps := range ix.post[o.term] {
				d := ps.doc
				if sc.slotQ[d] == 0 {
					sc.inSlot = append(sc.inSlot, d)
				}
				sc.slotS[d] = max(sc.slotS[d], o.w*ps.sat)
				sc.slotQ[d] = max(sc.slotQ[d], o.w)
			}
		}
		if len(sc.inSlot) == 0 {
			if s.phrase == nil {
				uw := ix.maxIDF * ix.p.unknownW * float64(s.ctx)
				sc.unkW += uw
				sc.totalW += uw
				sc.maxScore += uw * (ix.p.k1 + 1)
			}
			continue
		}
		idf := bm25IDF(n, float64(len(sc.inSlot)))
		if s.number {
			idf *= ix.p.numberW
		}
		idf *= float64(s.ctx)
		sc.totalW += idf
		sc.maxScore += idf * float64(maxW*(k1+1))
		fidf := float32(idf)
		for _, d := range sc.inSlot {
			if sc.acc[d] == 0 {
				sc.touched = append(sc.touched, d)
			}
			sc.acc[d] += fidf * sc.slotS[d]
			sc.cov[d] += fidf * sc.slotQ[d]
			sc.slotS[d], sc.slotQ[d] = 0, 0
		}
	}
	var top [topK]int32
	k := 0
	key := func(d int32) float32 { return ix.rankKey(sc, d) }
	better := func(a, b int32) bool {
		if ka, kb := key(a), key(b); ka != kb {
			return ka > kb
		}
		return a < b
	}
	for _, d := range sc.exDocs {
		if sc.acc[d] == 0 {
			sc.touched = append(sc.touched, d) // so that release clears it
		}
	}
	for _, d := range sc.touched {
		if sc.acc[d] <= 0 && sc.exSim[d] <= 0 || k > 0 && slices.Contains(top[:k], d) {
			continue
		}
		if k < topK {
			top[k] = d
			k++
		} else if better(d, top[k-1]) {
			top[k-1] = d
		} else {
			continue
		}
		for i := k - 1; i > 0 && better(top[i], top[i-1]); i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
	}
	return slices.Clone(top[:k])
}

// rankKey is the ranking key of document d: its score relative to the
// best achievable one, blended with its coverage, plus the similarity of
// its best example question.
func (ix *Index) rankKey(sc *scratch, d int32) float32 {
	rc := float32(ix.p.rankCov)
	sa, sw := float32(1/max(sc.maxScore, 1e-9)), float32(1/max(sc.totalW, 1e-9))
	return (1-rc)*sc.acc[d]*sa + rc*sc.cov[d]*sw + float32(ix.p.exRank)*sc.exSim[d]
}

// lacks reports whether document d lacks a kind of answer in mask that
// the question needs (answertype.go).
func (ix *Index) lacks(sc *scratch, d int32, mask int) bool {
	return sc.needs&mask&^ix.docs[d].has != 0 && !ix.docs[d].organiser
}

// strictNeeds are the answer types whose absence also lowers the
// confidence: a "when" question answered without a date is not answered,
// nor a question for a phone number or an e-mail address without one, nor
// "how old …" without an age or a birth year.
// A "who" or "where" question may be answered by a group or a kind of
// place ("public officials", "at innovation arenas"), so a missing name
// or place only counts in the ranking.
const strictNeeds = needTime | needNumber | needMoney | needContact | needDigits | needAge | needPercent | needClock

// rerankNames lowers, in the ranking of hits, the topics that lack a name
// of the question (missingNames): by params.nameRank per missing name.
func (ix *Index) rerankNames(sc *scratch, hits []int32) {
	if ix.p.nameRank >= 1 || len(hits) < 2 {
		return
	}
	var keys [topK]float32
	missing := false
	for i, h := range hits {
		keys[i] = ix.rankKey(sc, h)
		if n := ix.missingNames(sc, h); n > 0 {
			keys[i] *= float32(math.Pow(ix.p.nameRank, float64(n)))
			missing = true
		}
	}
	if !missing {
		return
	}
	// Insertion sort: hits are few and mostly in order already.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && keys[j] > keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
}

// promote moves to the front of hits the first of the next best hits
// that has the kind of answer the question needs ("who" → a name, "when"
// → a date, "how many" → a number, "where" → a place) when the best hit
// lacks it and that hit's ranking key is at least params.promote of the
// best one's.
func (ix *Index) promote(sc *scratch, hits []int32) {
	if sc.needs == 0 || len(hits) < 2 || !ix.lacks(sc, hits[0], -1) {
		return
	}
	bk := ix.rankKey(sc, hits[0])
	for i, h := range hits[1:min(3, len(hits))] {
		if !ix.lacks(sc, h, -1) && ix.rankKey(sc, h) >= float32(ix.p.promote)*bk {
			copy(hits[1:i+2], hits[:i+1])
			hits[0] = h
			return
		}
	}
}

// phraseDocs puts the documents containing a quoted phrase into
// sc.inSlot with the best possible slot score. Candidates are the
// documents of the phrase's rarest meaningful word (the first 256), or of
// a phrase of stop words only the first 1024 documents.
func (ix *Index) phraseDocs(phrase []string, sc *scratch) {
	const maxCandidates = 256
	var best []posting
	for _, w := range phrase {
		if isStop(w) {
			continue
		}
		var union []posting
		for _, o := range ix.exactTerms(w, nil) {
			union = append(union, ix.post[o.term]...)
		}
		if union == nil {
			return // a word no document has
		}
		if best == nil || len(union) < len(best) {
			best = union
		}
	}
	limit := maxCandidates
	if best == nil {
		limit = 4 * maxCandidates
		// Only stop words ("mer av det som betyder något"): the first
		// documents are the candidates.
		for d := range min(len(ix.docs), limit) {
			best = append(best, posting{doc: int32(d)})
		}
	}
	full := float32(ix.p.k1 + 1)
	for i, ps := range best {
		if i == limit {
			break
		}
		d := ps.doc
		if sc.slotQ[d] == 0 && ix.hasPhrase(d, phrase, &sc.tk2) {
			sc.inSlot = append(sc.inSlot, d)
			sc.slotS[d], sc.slotQ[d] = full, 1
		}
	}
}

// confidence maps the best document's evidence to 0..1: mostly its
// coverage (the idf-weighted share of the question's words it matches,
// discounted for word forms, typos and compound parts), plus a little of
// its score relative to the best achievable one.
func (ix *Index) confidence(sc *scratch, d int32) float64 {
	c := 0.0
	if sc.totalW > 0 && sc.maxScore > 0 {
		cov := float64(sc.cov[d]) / sc.totalW
		strength := float64(sc.acc[d]) / sc.maxScore
		c = ix.p.confCov*cov + (1-ix.p.confCov)*strength
	}
	ex := float64(sc.exSim[d]) * ix.p.threshold / ix.p.exAnswer
	if ix.p.exModifierW < 1 && sc.modifier {
		// "how do I create a zoom meeting" is not "create meeting
		// places": the example lacks what kind of meeting is asked.
		ex *= ix.p.exModifierW
	}
	if ix.p.exKindW < 1 && sc.yesNo && ix.bestExampleWh(sc, d) {
		// "Is there a beating heart behind all that code?" is not "who
		// was behind the report?": a yes/no question is not the same
		// question as one that asks who or when.
		ex *= ix.p.exKindW
	}
	if sc.totalW > 0 {
		// A question like an example but about something else ("hur
		// deklarerar man ett aktiebolag" against "kan ett aktiebolag vara
		// passionsdrivet"): the words the base does not know count against
		// the example's similarity too.
		ex *= 1 - ix.p.exUnknown*sc.unkW/sc.totalW
		if ix.p.exCovMin > 0 {
			ex *= min(1, float64(sc.cov[d])/sc.totalW/ix.p.exCovMin)
		}
	}
	c = max(c, ex)
	c = min(1, max(0, c))
	if ix.lacks(sc, d, strictNeeds) {
		c *= 0.5
	}
	c *= math.Pow(ix.p.missingName, float64(ix.missingNames(sc, d)))
	return c
}

// missingNames counts the names in the question (see Index.entity) that
// document d does not contain: a topic that does not mention the person
// or organisation asked about cannot answer the question.
func (ix *Index) missingNames(sc *scratch, d int32) int {
	n := 0
	for _, s := range sc.slots {
		if s.storyName && sc.self && sc.yesNo && ix.p.selfPlace {
			// "we are a theatre group in Varberg … are we passion-driven?":
			// the story tells where one is, not what is asked about.
			continue
		}
		if !ix.isName(&s) {
			continue // not a name: whether d has it does not matter here
		}
		found := false
		for _, o := range s.opts {
			if o.w < 1 {
				continue
			}
			if _, ok := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); ok {
				found = true
				break
			}
		}
		if !found && ix.p.exampleNames && ix.exampleNames(sc, d, &s) {
			found = true
		}
		if !found {
			n++
		}
	}
	return n
}

// exampleNames reports whether an example question of document d that is
// like the question (a cosine of at least params.exAnswer) names the name
// of slot s: the topic answers a question about it ("finns punks bara i
// halland" — no, PUNKS is national — though PUNKS's text never names
// Halland).
func (ix *Index) exampleNames(sc *scratch, d int32, s *slot) bool {
	if sc.cov[d] == 0 {
		return false // the example alone, not the topic, has the question's words
	}
	for _, ex := range sc.exTouched {
		if ix.ex.doc[ex] != d || float64(sc.exDot[ex]) < ix.p.exAnswer {
			continue
		}
		for _, o := range s.opts {
			if o.w >= 1 && slices.Contains(ix.ex.names[ex], o.term) {
				return true
			}
		}
	}
	return false
}

func cmpDoc(p posting, d int32) int { return int(p.doc - d) }

// asksUnknown reports whether the question asks what document d says
// it does not know ("Who chairs PUNKS?" against "The bot's sources do not
// say who chairs it"): a fairly rare word of the question (idf at least
// half the maximum) matches d only in such a sentence, while another word
// of the question matches d. The word that d lacks must stand in the
// sentence that asks, not in the story around it ("Jag ska söka till ett
// nytt EU-projekt … Vilka drev det?").
func (ix *Index) asksUnknown(sc *scratch, d int32) bool {
	unk := ix.docs[d].unknowns
	if len(unk) == 0 {
		return false
	}
	neg, other := false, false
	for _, s := range sc.slots {
		inNeg, inDoc, df := false, false, 0
		exact := false // the word itself is a word of the base
		for _, o := range s.opts {
			if o.w >= 1 {
				exact = true
			}
		}
		for _, o := range s.opts {
			ps := ix.post[o.term]
			df = max(df, len(ps))
			_, inD := slices.BinarySearchFunc(ps, d, cmpDoc)
			// Another form of a word the base knows as it is ("bidrar" →
			// "bidrag") is not what d lacks.
			if _, ok := slices.BinarySearch(unk, o.term); ok && !inD && (o.w >= 1 || !exact) {
				// Only in the "not known" sentence: a term the topic also
				// states elsewhere ("projektet") is not what it lacks.
				inNeg = true
			}
			if o.w < 1 {
				continue // another form of the word: not the word itself
			}
			if inD {
				inDoc = true
			}
		}
		switch {
		case inDoc:
			other = true
		case inNeg && s.ctx >= 1 && bm25IDF(float64(len(ix.docs)), float64(df)) >= ix.maxIDF/2:
			neg = true
		}
	}
	return neg && other
}

// asksUnknownThing reports whether the last clause of a question of
// several clauses is a yes/no question of words the base does not know
// at all, everyday words apart ("which eu fund paid for viakub, was it
// erdf?"): that is what the question wants confirmed, and no topic can.
func (ix *Index) asksUnknownThing(q string) bool {
	if len(q) > 1<<10 {
		q = q[:1<<10]
	}
	// The last clause: after the last clause break that has words after
	// it, without a copy of the clauses.
	q = strings.TrimRightFunc(q, func(r rune) bool { return isClausePunct(r) || unicode.IsSpace(r) })
	i := strings.LastIndexFunc(q, isClausePunct)
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(q[i:])
	last := q[i+size:]
	if strings.TrimLeftFunc(q[:i], func(r rune) bool { return isClausePunct(r) || unicode.IsSpace(r) }) == "" || !isYesNo(last) {
		return false
	}
	var tk tokenizer
	n, unk := 0, 0
	tk.each(last, 0, func(w string) bool {
		if isStop(w) {
			return true
		}
		n++
		if _, ok := generalRank[w]; ok {
			return true
		}
		if _, ok := ix.surface[w]; ok {
			return true
		}
		for _, lang := range [2]string{"sv", "en"} {
			if _, ok := ix.terms[ix.stem(w, lang)]; ok {
				return true
			}
		}
		rs := []rune(w)
		if len(rs) < 4 {
			return true // short words are mostly everyday ones ("fit")
		}
		if fz, _ := ix.fz.lookup(rs, fuzzyLimit, map[int32]bool{}); len(fz) > 0 {
			return true // a typo of a word of the base ("hemsdia")
		}
		unk++
		return true
	})
	return n > 0 && unk == n
}

// onlyEveryday reports whether every word of the question is one of the
// most common everyday words (general.go, top 300) and no example question
// of document d is like it: "what time is it" asks nothing of this base,
// though "time" is in the learn course's text.
func (ix *Index) onlyEveryday(sc *scratch, d int32) bool {
	if len(sc.slots) == 0 || float64(sc.exSim[d]) >= ix.p.exAnswer {
		return false
	}
	if ix.p.everydayRank > 300 {
		// Known or not, every word is an everyday word, one at least
		// known: "Where do I even start with you?" (start), "What are
		// you up to on this fine Monday?".
		known := false
		for _, s := range sc.slots {
			if s.phrase != nil || !s.everyday {
				return false
			}
			known = known || !s.unknown
		}
		// … unless the topic is about that word: "vad kan man frpga dig
		// om" (fråga) and "Hur ställer jag en fråga till boten?".
		return known && !ix.titleHas(sc, d)
	}
	for _, s := range sc.slots {
		if s.unknown || s.phrase != nil || s.common >= 1 || float64(s.common) != float64(float32(ix.p.generalW)) {
			return false
		}
	}
	return true
}

// otherContact reports whether the question asks how to reach someone
// whom the best document d does not give the contact of: a question for a
// phone number, an e-mail address or how to contact/reach someone, when
// it names someone d does not mention ("hur kontaktar jag PUNKS?" against
// VIAkub's contact person), or names no one and says "you" ("vad är ert
// telefonnummer?": the community's own, which the base does not know).
func (ix *Index) otherContact(sc *scratch, q string, d int32) bool {
	if len(q) > 1<<10 {
		q = q[:1<<10]
	}
	contact := sc.needs&needContact != 0
	for _, w := range sc.toks {
		if _, ok := contactVerbs[w]; ok {
			contact = true
		}
	}
	if !contact {
		return false
	}
	if ix.missingNames(sc, d) > 0 {
		return true
	}
	var tk tokenizer
	you := false
	tk.each(q, 0, func(w string) bool {
		_, you = secondPerson[w]
		return !you
	})
	if !you {
		return false
	}
	for _, s := range sc.slots {
		for _, o := range s.opts {
			if o.w >= 1 && ix.entity[o.term] {
				return false
			}
		}
	}
	return true
}

var (
	contactVerbs = wordSet(`contact contacting reach kontakta kontaktar kontaktas
		når nå`)
	secondPerson = wordSet(`ni er ert era your yours you`)
)

// unknownItem is one thing a "not known" sentence lists ("who chairs it",
// "how many members it has", "whether there was a follow-up project").
type unknownItem struct {
	text  string  // while indexing only
	terms []int32 // sorted term ids of its meaningful words
	needs int     // questionNeeds of the item: what kind of answer it lacks
	wh    bool    // it asks who/what/which/…; else whether (yes/no)
}

// unknownItems splits a "not known" sentence into the things it lists: at
// commas, semicolons, and or/eller/nor before a question word ("… who
// chairs it, how many members it has, how to join or what membership
// costs"). Items with no
// question word (the telling part, "framgår inte av botens källor") are
// dropped.
func unknownItems(s string) []unknownItem {
	var out []unknownItem
	var tk tokenizer
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		start := 0
		flush := func(end int) {
			text := part[start:end]
			// The item runs from its question word to the telling words
			// ("… framgår inte av botens källor").
			kind, from, to := 0, -1, len(text)
			tk.each(text, 0, func(w string) bool {
				if kind == 0 {
					if _, ok := itemWh[w]; ok {
						kind = 1
					} else if w == "whether" || w == "om" || w == "if" {
						kind = 2
					}
					if kind != 0 {
						from = strings.Index(strings.ToLower(text), w)
					}
					return true
				}
				_, neg := negationWords[w]
				_, tell := tellingWords[w]
				if neg || tell {
					if i := strings.Index(strings.ToLower(text[max(from, 0):]), w); i >= 0 {
						to = max(from, 0) + i
					}
					return false
				}
				return true
			})
			if kind != 0 && from >= 0 && from < to {
				text = text[from:to]
				out = append(out, unknownItem{text: text, needs: questionNeeds(text), wh: kind == 1})
			}
		}
		words := strings.Fields(part)
		off := 0
		for j, w := range words {
			i := strings.Index(part[off:], w) + off
			off = i + len(w)
			switch strings.ToLower(w) {
			case "or", "eller", "nor":
				// "… or what membership costs" starts another item; "which
				// company or firm …" does not.
				if j+1 < len(words) {
					next := strings.ToLower(strings.Trim(words[j+1], ".,;:!?()*"))
					if _, wh := itemWh[next]; wh || next == "whether" || next == "om" {
						flush(i)
						start = off
					}
				}
			}
		}
		flush(len(part))
	}
	return out
}

// itemWh are the question words that make an item of a "not known"
// sentence a question for a detail.
var itemWh = wordSet(`who whom whose what which when where how why vem vems vad vilken vilket
	vilka när var hur varför`)

// asksItem reports whether the question is one that document d (one of
// the three best, however far behind) says it
// cannot answer, in other words that one item of its "not known" sentences covers
// (unknownItems): the same kind of question (a yes/no question against
// "whether …", a wh-question against "who/how many/… ", with the same
// answer type) whose known words, idf-weighted, the item holds for at
// least params.itemCov, two words at least. Unlike asksUnknown, the words
// may also be stated elsewhere in the topic ("hur många passionsdrivna
// företag det finns i Halland framgår inte" against the same question).
func (ix *Index) asksItem(sc *scratch, d int32) bool {
	items := ix.docs[d].items
	if len(items) == 0 || ix.p.itemCov <= 0 {
		return false
	}
	n := float64(len(ix.docs))
	for _, it := range items {
		if it.wh == sc.yesNo || it.wh && !(it.needs&sc.needs != 0 || it.needs == 0 && sc.needs == 0) {
			continue
		}
		var all, in float64
		k, detail := 0, false
		for _, s := range sc.slots {
			if s.unknown || s.phrase != nil || len(s.opts) == 0 {
				continue
			}
			df, hit, stated := 0, false, false
			for _, o := range s.opts {
				ps := ix.post[o.term]
				df = max(df, len(ps))
				if _, ok := slices.BinarySearch(it.terms, o.term); ok && o.w >= float32(ix.p.variant) {
					hit = true
				}
				if _, ok := slices.BinarySearchFunc(ps, d, cmpDoc); ok && (o.w >= 1 || !ix.p.itemExact) {
					// Another form of the word ("ekonomi" for "ekonomiskt")
					// does not state it (params.itemExact).
					stated = true
				}
			}
			w := bm25IDF(n, float64(max(df, 1))) * float64(s.ctx)
			all += w
			if hit {
				in += w
				k++
				detail = detail || !stated
			}
		}
		if k < 2 || in < ix.p.itemCov*all || it.needs == 0 && !detail {
			continue
		}
		// The other way round too: the question holds most of the item
		// ("vilka samarbetar PUNKS med" does not ask which municipalities).
		var iall, iin float64
		for _, t := range it.terms {
			w := bm25IDF(n, float64(max(len(ix.post[t]), 1)))
			iall += w
			if slices.ContainsFunc(sc.slots, func(s slot) bool {
				return slices.ContainsFunc(s.opts, func(o option) bool { return o.term == t && o.w >= float32(ix.p.variant) })
			}) {
				iin += w
			}
		}
		if iin >= ix.p.itemBack*iall {
			return true
		}
	}
	return false
}

// addressing matches mentions and platform control sequences: "@everyone",
// "@passionbot", "<@U123>", "<!channel>", "<#C1|allmänt>".
var addressing = regexp.MustCompile(`<[@#!][^>]{0,100}>|(^|\s)@\S+`)

// StripAddressing removes mentions and platform control sequences from a
// question: they say whom it is for, not what it asks.
func StripAddressing(question string) string {
	if !strings.ContainsAny(question, "@<") {
		return question
	}
	return addressing.ReplaceAllString(question, " ")
}

// answerBody returns t's body (t a variant of document d) without the
// sentences that say what the topic does not know ("… framgår inte av
// botens källor", "The bot's sources do not say …") that the question
// does not ask about, or "" when nothing is left out. Such sentences are
// there for the questions they answer with an honest "not known"
// (asksUnknown and asksItem decline the questions they cover); read
// after a plain question ("Vad är VIAkub Halland?") they pad the answer
// with things nobody asked. A sentence is kept when a word of the
// question matches one of its words that the topic states nowhere else
// ("har hon skrivit nån bok?" keeps "… titeln på någon bok av henne
// framgår inte …").
func (ix *Index) answerBody(sc *scratch, d int32, t *Topic) string {
	li := 0
	if t.Lang == "en" {
		li = 1
	}
	dc := &ix.docs[d]
	units := dc.units[li]
	var keep uint64 // bit i: units[i] is kept
	asked := false
	for i, u := range units {
		if i >= 64 || !u.neg || ix.asksUnit(sc, d, u) {
			keep |= 1 << min(i, 63)
			asked = asked || u.neg
		}
	}
	if !asked {
		return dc.plain[li] // made at build: the common case
	}
	return joinUnits(units, keep)
}

// joinUnits returns the text of the units whose bit is set in keep, or ""
// when that is all of them or none. A kept clause that ended with ";"
// before a left-out one ends with "." instead ("…rapporten *…*; om det
// fanns … framgår inte …").
func joinUnits(units []bodyUnit, keep uint64) string {
	kept := 0
	for i := range units {
		if keep&(1<<min(i, 63)) != 0 {
			kept++
		}
	}
	if kept == 0 || kept == len(units) {
		return ""
	}
	var b strings.Builder
	for i, u := range units {
		if keep&(1<<min(i, 63)) == 0 {
			continue
		}
		s := u.text
		if b.Len() == 0 {
			s = strings.TrimLeft(s, " \n")
		}
		if strings.HasSuffix(s, ";") && (i+1 == len(units) || keep&(1<<min(i+1, 63)) == 0) {
			s = s[:len(s)-1] + "."
		}
		b.WriteString(s)
	}
	return strings.TrimSpace(b.String())
}

// asksUnit reports whether a slot of the question matches a word of the
// "not known" sentence u of document d that d states nowhere else.
func (ix *Index) asksUnit(sc *scratch, d int32, u bodyUnit) bool {
	for i := range sc.slots {
		for _, o := range sc.slots[i].opts {
			if _, ok := slices.BinarySearch(u.terms, o.term); !ok {
				continue
			}
			if _, stated := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); !stated {
				return true
			}
		}
	}
	return false
}

// allUnknown reports whether the base knows none of the question's
// words in any form — not as a word, another form of one, a typo of one
// or a compound of them — and one of them is spelt like a word of the
// base but for its first letter: "it's raining again". Only the example
// questions' trigrams could then answer it, and "raining" shares most of
// its trigrams with "training" without being it (params.allUnknownW).
func allUnknown(sc *scratch) bool {
	respelt := false
	for i := range sc.slots {
		if !sc.slots[i].unknown || len(sc.slots[i].phrase) > 0 {
			return false
		}
		respelt = respelt || sc.slots[i].respelt
	}
	return respelt
}

// bestExampleWh reports whether the example question of document d most
// like the question asks who or when (exampleIndex.wh).
func (ix *Index) bestExampleWh(sc *scratch, d int32) bool {
	if sc.exSim[d] <= 0 {
		return false
	}
	for _, ex := range sc.exTouched {
		if ix.ex.doc[ex] == d && sc.exDot[ex] == sc.exSim[d] {
			return ix.ex.wh[ex]
		}
	}
	return false
}

// noneKnown reports whether the question has words and the base knows
// none of them in any form (a quoted phrase counts as known).
func noneKnown(sc *scratch) bool {
	for i := range sc.slots {
		if !sc.slots[i].unknown || len(sc.slots[i].phrase) > 0 {
			return false
		}
	}
	return len(sc.slots) > 0
}

// yesNoQuestions counts the sentences of q that end with "?" and are
// yes/no questions (isYesNo; params.multiLead).
func yesNoQuestions(q string) int {
	q = q[:min(len(q), 1<<10)]
	n := 0
	for {
		i := strings.IndexByte(q, '?')
		if i < 0 {
			return n
		}
		s := q[:i]
		if j := strings.LastIndexFunc(s, isSentenceEnd); j >= 0 {
			_, size := utf8.DecodeRuneInString(s[j:])
			s = s[j+size:]
		}
		if strings.ContainsFunc(s, unicode.IsLetter) && isYesNo(s) {
			n++
		}
		q = q[i+1:]
	}
}

// askWords make a text a question or a request without "?": a question
// word, or a verb asking to be told ("tell me about viakub").
var askWords = wordSet(`who whom whose what which when where how why vem vems vad vilken vilket vilka
	när hur varför tell explain describe define berätta förklara beskriv definiera show visa give ge
	list lista`)

// asksNothing reports whether the question is a statement: no "?", no
// question or request word, not a yes/no question, with two words or more
// the base does not know (not everyday words) where it asks: "Äntligen
// semester om en vecka, jag räknar timmarna" is chat, though "räknar" is
// like "räknas jag som passionsdriven" (params.statementW).
func (ix *Index) asksNothing(sc *scratch, q string) bool {
	if sc.yesNo || strings.Contains(q, "?") {
		return false
	}
	n := 0
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.unknown && s.common >= 1 && s.ctx >= 1 {
			n++
		}
	}
	if n < 2 {
		return false
	}
	asks := false
	sc.tk2.eachBytes(q[:min(len(q), 1<<10)], func(w []byte) bool {
		_, asks = askWords[string(w)]
		return !asks
	})
	return !asks
}

// titleHas reports whether a word of document d's titles is an exact
// option of a known slot of the question (its own word, or a typo's
// correction).
func (ix *Index) titleHas(sc *scratch, d int32) bool {
	found := false
	for _, t := range [2]*Topic{ix.docs[d].sv, ix.docs[d].en} {
		if t == nil || found {
			continue
		}
		sc.tk2.eachBytes(t.Title, func(w []byte) bool {
			for _, id := range ix.surface[string(w)] {
				for i := range sc.slots {
					for _, o := range sc.slots[i].opts {
						found = found || o.term == id && o.w >= float32(ix.p.fuzzy2)
					}
				}
			}
			return !found
		})
	}
	return found
}
