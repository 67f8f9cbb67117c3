package knowledge

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// option is one index term a query word can match, with its weight: 1 for
// the word's own stems, less for other word forms, typo corrections and
// compound parts.
type option struct {
	term int32
	w    float32
}

// slot is one meaningful query word, one part of a split compound, or a
// quoted phrase. A document's score for a slot is idf(slot) × the best
// w × saturated tf over the slot's options; the slot's idf comes from the
// number of documents matching any option (like a synonym query), so a
// rare inflected form does not outweigh the common word it belongs to.
type slot struct {
	opts []option
	// phrase is set for a quoted phrase (folded tokens, stop words kept).
	phrase []string
	// unknown marks a word the base does not know in any form: it still
	// counts in the coverage denominator, with the idf of the rarest term.
	unknown bool
	// number marks a word of digits ("2020", "33"): it weighs numberW of a
	// word, because a year or a count shared with a topic says little about
	// what the question is about.
	number bool
	// general is the weight of an unknown word relative to an unknown
	// subject word: less than 1 for everyday words (general.go).
	general float32
	// ctx is the weight of the slot's word by where it stands: 1 in a
	// sentence that asks, params.storyW in the story around it (see
	// sentenceWeights).
	ctx float32
	// storyName marks a name of the story given full weight by storyNames.
	storyName bool
	// common is params.generalFactor of the slot's word: less than 1 for
	// an everyday word, whether the base knows it or not.
	common float32
	// everyday marks an everyday word (params.isEveryday), or a typo
	// corrected only to everyday words ("Monady" → "Monday"): a question
	// of such words alone asks nothing of the base (onlyEveryday).
	everyday bool
	// fix2Lang holds, for a typo corrected at distance 2, the languages
	// of the words it was corrected to (Index.fzLang); 0 otherwise.
	fix2Lang uint8
	// respelt marks an unknown word one or two edits from a word of the
	// base with another first letter ("raining", "training"): another
	// word, not a typo (params.fuzzyFirst, allUnknown).
	respelt bool
	// tok is the index in scratch.toks of the word the slot is for
	// (set by analyze; -1 for a phrase).
	tok int32
}

// analyze turns the question into slots.
func (ix *Index) analyze(q string, sc *scratch) {
	sc.toks = sc.toks[:0]
	sc.tokCtx = sc.tokCtx[:0]
	sc.tokArt = sc.tokArt[:0]
	sc.slots = sc.slots[:0]
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes]
	}
	ix.sentences(q, sc)
	sc.grams = sc.grams[:0]
	sc.tokW = sc.tokW[:0]
	// For modifies: the known words, and whether an unknown subject word
	// stands before a word common in the base (kind of the previous
	// token: 0 none, 1 known, 2 unknown subject word).
	known, nextTo, prevKind := 0, false, 0
	sc.modifier = false
	phrase := false    // nextTo with nothing but determiners between the two words
	qlang := uint8(0)  // the question's language as fzLang's bits, when needed
	prevOwned := false // the previous word is an unknown one after "my"/"min" (params.possessedW)
	// selfAsked: the question asks whether something is passion-driven,
	// the one question in which what one has tells of oneself; elsewhere
	// "my kiln", "min moms" is what is asked.
	selfAsked := ix.p.possessedW < 1 && slices.ContainsFunc(sc.toks, func(w string) bool { return strings.HasPrefix(w, "passion") })
	for i, w := range sc.toks {
		n := len(sc.slots)
		ix.addSlots(w, sc)
		for j := n; j < len(sc.slots); j++ {
			sc.slots[j].ctx = sc.tokCtx[i]
			sc.slots[j].tok = int32(i)
			sc.slots[j].common = ix.p.generalFactor(w)
			sc.slots[j].everyday = sc.slots[j].everyday || ix.p.isEveryday(w)
			if f := sc.slots[j].fix2Lang; f != 0 && ix.p.crossFix2 {
				if qlang == 0 {
					qlang = 2 // en
					if l, _ := DetectLang(q); l == "sv" {
						qlang = 1
					}
				}
				if f&qlang == 0 {
					// "should i register a company": two edits from the
					// Swedish "regioner" is no typo of an English word.
					sc.slots[j] = slot{unknown: true, general: ix.p.generalFactor(w), ctx: sc.slots[j].ctx, common: sc.slots[j].common, tok: int32(i)}
				}
			}
		}
		if len(sc.slots) == n && ix.p.articleTypo && ix.articleTypo(w, sc.tokArt[i]&(classEnStop|classSvStop), sc) {
			// "whats the wether in varberg": after "the", not "whether"
			// but a word the base does not know.
			sc.slots = append(sc.slots, slot{unknown: true, general: ix.p.generalFactor(w), ctx: sc.tokCtx[i], common: ix.p.generalFactor(w), tok: int32(i)})
		}
		tw := float32(1)
		kind := 0
		owned := false
		if selfAsked && len(sc.slots) > n && !exactSlot(&sc.slots[len(sc.slots)-1]) && (sc.tokArt[i]&tokAfterMine != 0 || prevOwned && sc.tokArt[i]&tokAfterPrev != 0) {
			// "is my thrift flip page passion driven?", "ä min gårdsbutik
			// passionsdrivn?": what one has, named right after "my"/"min",
			// tells of oneself like a story; it is not what is asked.
			owned = true
			for j := n; j < len(sc.slots); j++ {
				sc.slots[j].ctx = min(sc.slots[j].ctx, float32(ix.p.possessedW))
			}
		}
		prevOwned = owned
		switch {
		case len(sc.slots) == n: // dropped as noise
			tw = 0
		case owned && sc.slots[len(sc.slots)-1].unknown:
			tw = sc.slots[len(sc.slots)-1].general * float32(ix.p.possessedW)
		case owned:
			tw = float32(ix.p.possessedW)
		case sc.slots[len(sc.slots)-1].unknown:
			tw = sc.slots[len(sc.slots)-1].general
			if tw >= 1 && sc.tokCtx[i] >= 1 {
				kind = 2
			}
		default:
			kind = 1
			known++
		}
		if kind == 1 && prevKind == 2 && (ix.common(sc.slots[len(sc.slots)-1]) || ix.p.locModifies && ix.isName(&sc.slots[len(sc.slots)-1]) && afterLocative(q, w)) {
			// "keynesiansk ekonomi"; "the weather in Varberg": the known
			// word tells which or where the unknown thing is.
			nextTo = true
			phrase = phrase || sc.tokArt[i]&tokAfterPrev != 0
		}
		if kind == 1 && prevKind == 2 && sc.tokArt[i]&tokAfterPrev != 0 && i == len(sc.toks)-1 && ix.p.exModifierW < 1 {
			_, everydayPrev := generalRank[sc.toks[i-1]]
			if _, ok := generalRank[w]; ok && !everydayPrev {
				// "zoom meeting": right before the last word, an everyday
				// noun, with nothing between, an unknown subject word says
				// which kind of it is asked about (params.exModifierW).
				sc.modifier = true
			}
		}
		prevKind = kind
		if ix.p.storyGrams {
			tw *= sc.tokCtx[i]
		}
		sc.tokW = append(sc.tokW, tw)
		if tw > 0 {
			sc.grams = appendGrams(sc.grams, w, tw)
		}
	}
	ix.storyNames(sc)
	sc.modifies = known == 1 && nextTo
	sc.mustOnly, sc.modal, sc.self, sc.generic, sc.negDet = false, 0, false, false, false
	if len(sc.grams) > 0 {
		n := len(sc.grams)
		sc.generic = ix.p.genericSelf && genericFrame(&sc.tk2, q)
		sc.grams = funcGrams(sc.grams, q, sc.generic)
		for _, g := range sc.grams[n:] {
			sc.mustOnly = sc.mustOnly || g.h == mustGram || g.h == onlyGram
		}
		sc.modal = modalBits(sc.grams[n:])
		if slices.ContainsFunc(sc.grams[n:], func(g gramWeight) bool { return g.h == selfGram }) {
			sc.self = true
			// "jag är keramiker, är jag passionsdriven?": the unknown
			// word tells what one is, it does not name another thing;
			// "borde jag registrera ett företag" still asks of another
			// thing in one phrase (params.selfPhrase).
			sc.modifies = sc.modifies && ix.p.selfPhrase && phrase
		}
	}
	ix.addPhrases(q, sc)
	if len(sc.slots) == 0 {
		ix.addBarePhrase(q, sc)
	}
	sc.compare = compares(&sc.tk2, q[:min(len(q), 1<<10)])
	if ix.p.moreLead && sc.more && !sc.compare && len(sc.grams) > 0 {
		// "more than two years" compares (modalCompare) instead.
		sc.modal |= modalMore
	}
	ap := askingPart(q)
	sc.needs = questionNeeds(ap)
	sc.pair = comparedPair(&sc.tk2, q[:min(len(q), 1<<10)], ix.p.diffOn)
	sc.yesNo = isYesNo(q)
	if ix.p.negLead > 0 && sc.yesNo && len(sc.grams) > 0 && negated(&sc.tk2, ap) {
		// Only leads read it (leadFor), and only yes/no questions get one.
		sc.modal |= modalNeg
		sc.negDet = negDeterminer(&sc.tk2, ap, ix.p.relNeg)
	}
	sc.exist = sc.yesNo && asksExists(&sc.tk2, q)
}

// particleVerbs are the forms of "come"/"komma", which with "out"/"ut" and
// no "of"/"av" after that mean published (params.comeOut): "when did the
// report come out?", "när kom rapporten ut?"; "what came out of VIAkub?" is
// a result. outOf are the words after which it is a result.
var (
	particleVerbs = map[string]uint8{"come": 1, "comes": 1, "came": 1, "coming": 1,
		"kom": 2, "kommer": 2, "komma": 2, "kommit": 2}
	outOf = wordSet(`of from av ur från`)
)

// particleWord returns what a verb of particleVerbs' kind k means with
// particle t after it, or "".
func particleWord(k uint8, t string) string {
	switch {
	case k == 1 && t == "out":
		return "published"
	case k == 2 && t == "ut":
		return "publicerades"
	}
	return ""
}

// ifSelf returns the byte offset in s of " if I "/" om jag " (also "if
// we", "om vi", colloquial "om ja"), 0 when s has none.
func ifSelf(s string) int {
	s = s[:min(len(s), 1<<10)]
	for i := 1; i+5 < len(s); i++ {
		if s[i-1] != ' ' || (s[i]|0x20) != 'i' && (s[i]|0x20) != 'o' {
			continue
		}
		rest := s[i:]
		for _, p := range [...]string{"if i ", "if we ", "om jag ", "om ja ", "om vi "} {
			if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
				return i
			}
		}
	}
	return 0
}

// sentences puts the meaningful words of q, each once, into sc.toks, and
// the weight of each by where it stands into sc.tokCtx. When q has a
// sentence that asks (it ends with "?") and another that does not, the
// words only in sentences that do not ask are the story around the
// question ("Hej! Jag skriver en uppsats om … Vad heter rapporten?", "I
// run a tiny animation studio … 🙄 What does PUNKS offer …?"): they
// weigh params.storyW, so that many words the base does not know in a
// story about oneself do not drown the few that ask. Sentences end at
// . ! ? a line break or a pictograph (chat writes 🙄 for a full stop).
func (ix *Index) sentences(q string, sc *scratch) {
	story := float32(ix.p.storyW)
	hasQ := strings.Contains(q, "?")
	last := -1 // without "?": the byte offset of the last sentence, which asks
	if !hasQ && ix.p.storyLast && story < 1 {
		last = ix.lastSentence(q, sc)
	}
	if story >= 1 || !hasQ && last <= 0 {
		story = 1
	}
	asks, tells := false, false
	sc.more, sc.you = false, false
	rest := q
	for len(q) > 0 && len(sc.toks) < maxQueryTokens {
		end, next := len(q), len(q)
		if i := strings.IndexFunc(q, isSentenceEnd); i >= 0 {
			end = i
			_, size := utf8.DecodeRuneInString(q[i:])
			next = i + size
		}
		w := float32(1)
		switch {
		case story == 1:
		case hasQ:
			if end == len(q) || q[end] != '?' {
				w = story
			}
		case len(rest)-len(q) < last:
			w = story
		}
		sentence := q[:end]
		q = q[next:]
		head, tail := sentence, ""
		if ix.p.ifStory && w == 1 && story < 1 {
			if i := ifSelf(sentence); i > 0 {
				// "does that make me passion-driven if I sell spoons at
				// the christmas market?": after the question, "if I …"
				// tells what one does, as a story would.
				head, tail = sentence[:i], sentence[i:]
			}
		}
		for _, pw := range [2]struct {
			s string
			w float32
		}{{head, w}, {tail, story}} {
			sentence, w := pw.s, pw.w
			if sentence == "" {
				continue
			}
			meaningful := false
			sc.req, sc.prevTok = requestState{}, ""
			lastTok, detOnly := "", false // the last meaningful word, and only determiners since
			pos := -1                     // the word's position in the sentence
			// "när kom rapporten ut?": the index in sc.toks of a verb of
			// particleVerbs (verbAt, of kind verbKind, verbGap meaningful
			// words ago), and of one whose particle came and that becomes
			// outWord unless "of"/"av" follows (outAt; params.comeOut).
			verbAt, verbGap, verbKind, outAt, outWord := -1, 0, uint8(0), -1, ""
			sc.tk.each(sentence, 0, func(t string) bool {
				p := sc.prevTok
				sc.prevTok = t
				pos++
				if outAt >= 0 {
					if _, ok := outOf[t]; !ok {
						sc.toks[outAt] = outWord
					}
					outAt = -1
				}
				if verbAt >= 0 {
					if pw := particleWord(verbKind, t); pw != "" {
						outAt, outWord = verbAt, pw
						verbAt = -1
						return true
					}
				}
				if _, ok := moreWords[t]; ok && (w >= 1 || !ix.p.degreeLead) {
					// Only where it asks: "… höjer priserna mer. Fråga: är
					// pengar själva målet?" asks no "more".
					sc.more = true
				}
				if _, ok := youWords[t]; ok {
					sc.you = true
				}
				if sc.req.see(t) && ix.p.requestVerb || isStop(t) && !(ix.p.possessiveMan && t == "man" && isPossessive(p)) {
					if _, det := determiners[t]; !det {
						detOnly = false
					}
					return true
				}
				meaningful = true
				prevLast := lastTok
				if !detOnly {
					prevLast = ""
				}
				lastTok, detOnly = t, true
				if verbGap++; verbGap > 2 {
					verbAt = -1
				}
				if i := slices.Index(sc.toks, t); i >= 0 {
					sc.tokCtx[i] = max(sc.tokCtx[i], w)
					return true
				}
				if k := particleVerbs[t]; k != 0 && ix.p.comeOut {
					verbAt, verbGap, verbKind = len(sc.toks), 0, k
				}
				sc.toks = append(sc.toks, t)
				sc.tokCtx = append(sc.tokCtx, w)
				adj := uint8(0)
				if k := len(sc.toks) - 2; k >= 0 && prevLast != "" && sc.toks[k] == prevLast {
					adj = tokAfterPrev
				}
				if _, mine := firstPossessives[p]; mine && pos <= 2 {
					// "is my …", "är min …": what one has is the subject
					// of the question, not a thing asked of ("kan jag
					// komma på träffen med min man?").
					adj |= tokAfterMine
				}
				sc.tokArt = append(sc.tokArt, articleLang(p)|adj)
				return len(sc.toks) < maxQueryTokens
			})
			if outAt >= 0 {
				sc.toks[outAt] = outWord
			}
			if meaningful {
				asks = asks || w == 1
				tells = tells || w < 1
			}
		}
	}
	if !asks || !tells {
		// All story or all question: every word counts in full.
		for i := range sc.tokCtx {
			sc.tokCtx[i] = 1
		}
	}
}

// lastSentence returns the byte offset in q of its last sentence with a
// meaningful word, 0 when that is the first one. A question without "?"
// asks in its last sentence ("Jag har en kaffevagn … målet är att sälja
// bolaget. Är det passionsdrivet", "new here! what is …").
func (ix *Index) lastSentence(q string, sc *scratch) int {
	last, off := 0, 0
	for off < len(q) {
		end, next := len(q), len(q)
		if i := strings.IndexFunc(q[off:], isSentenceEnd); i >= 0 {
			end = off + i
			_, size := utf8.DecodeRuneInString(q[end:])
			next = end + size
		}
		meaningful := false
		sc.tk.each(q[off:end], 0, func(t string) bool {
			meaningful = !isStop(t)
			return !meaningful
		})
		if meaningful {
			last = off
		}
		off = next
	}
	return last
}

// isSentenceEnd reports whether r ends a sentence of a question.
// askingPart returns the sentences of q that ask: those that end with
// "?", or the last one when none does. The others are the story around
// the question, and their words ("… mest för lönen. är jag
// passionsdriven?", "… demand for phone cases. would that be …") do not
// say what kind of answer is asked for. A question of one sentence is
// returned whole.
func askingPart(q string) string {
	q = q[:min(len(q), 4<<10)]
	var asks []string
	last, n := "", 0
	for rest := q; len(rest) > 0; {
		end, next := len(rest), len(rest)
		if i := strings.IndexFunc(rest, isSentenceEnd); i >= 0 {
			_, size := utf8.DecodeRuneInString(rest[i:])
			end, next = i+size, i+size
		}
		s := rest[:end]
		rest = rest[next:]
		if !strings.ContainsFunc(s, unicode.IsLetter) {
			continue
		}
		n++
		last = s
		if strings.HasSuffix(s, "?") {
			asks = append(asks, s)
		}
	}
	switch {
	case n <= 1:
		return q
	case len(asks) == 0:
		return last
	case len(asks) == 1:
		return asks[0]
	}
	return strings.Join(asks, " ")
}

func isSentenceEnd(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '\n' || r >= 0x1F000 || unicode.Is(unicode.So, r)
}

// A question compares with a figure or a time ("more than 100", "before
// 2000", "längre än en halvtimme", "över hundra") when it has "than", a
// comparative before "än", or a preposition of comparison before a
// number (compares). Such a yes/no question is not answered "yes" just
// because the answer has all its words: the answer states the figure,
// which may be on either side.
var (
	comparatives = wordSet(`more fewer less longer shorter older younger
		earlier later bigger smaller larger fler färre mer mera mindre längre
		kortare äldre yngre tidigare senare större`)
	comparePreps = wordSet(`before after over under above below innan före
		efter över under`)
)

// compares reports whether text compares with a figure or a time (see
// comparatives).
func compares(tk *tokenizer, text string) bool {
	found := false
	prev := ""
	tk.each(text, 0, func(w string) bool {
		_, cmp := comparatives[prev]
		_, prep := comparePreps[prev]
		_, num := numberWords[w]
		found = w == "than" || (w == "än" || w == "then") && cmp || prep && (num || isNumber(w))
		prev = w
		return !found
	})
	return found
}

// betweenWords introduce the two things a question compares: "skillnaden
// mellan planekonomi och marknadsekonomi", "the difference between GDP
// and GNP".
var betweenWords = wordSet(`between mellan`)

// comparedPair returns the first meaningful word after "between"/"mellan"
// and the first after the "and"/"och" that follows it, or "" when q does
// not compare two things that way. A route, "from A to B"/"från A till B"
// with one meaningful word each and nothing between them ("när går bussen
// från Varberg till Göteborg", "from kronor to euro"), is such a pair too
// (route).
//
// With diffOn, "skillnad(en) på A och B" compares A and B like "skillnaden
// mellan A och B" (params.diffOn).
func comparedPair(tk *tokenizer, q string, diffOn bool) [2]string {
	var p, r [2]string
	state := 0 // 1: after between, 2: after the first thing, 3: after and
	rs := 0    // 1: after from, 2: after A, 3: after to
	diff := false
	tk.each(q, 0, func(w string) bool {
		switch {
		case state == 0:
			if _, ok := betweenWords[w]; ok || diff && w == "på" && diffOn {
				// "skillnad på A och B" is "skillnad mellan A och B".
				state = 1
			}
			diff = strings.HasPrefix(w, "skillnad")
		case state == 1 && !isStop(w):
			p[0], state = w, 2
		case state == 2 && (w == "and" || w == "och"):
			state = 3
		case state == 3 && !isStop(w):
			p[1], state = w, 4
		}
		switch {
		case rs == 1 && !isStop(w):
			r[0], rs = w, 2
		case rs == 2 && (w == "to" || w == "till"):
			rs = 3
		case rs == 3 && !isStop(w):
			r[1], rs = w, 4
		case rs < 4:
			rs = 0
			if w == "from" || w == "från" {
				rs = 1
			}
		}
		return state < 4 && rs < 4
	})
	switch {
	case state == 4:
		return p
	case rs == 4:
		return r
	}
	return [2]string{}
}

// lacksCompared reports whether document d lacks one of the two things
// that the question compares (sc.pair): a topic on the difference between
// passion- and market-driven does not answer "what is the difference
// between a planned and a market economy".
func (ix *Index) lacksCompared(sc *scratch, d int32) bool {
	if sc.pair[0] == "" {
		return false
	}
	for _, w := range sc.pair {
		found := false
		for _, o := range ix.exactTerms(w, nil) {
			if _, ok := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); ok {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// addPhrases adds a slot for each quoted phrase of two or more words.
// Double quotes («», “”, "…") always quote; single ones ('…', ‘…’) only
// when they stand at the edges of words, so that an apostrophe
// ("what's", "Nordfors' book") does not open a phrase.
func (ix *Index) addPhrases(q string, sc *scratch) {
	const maxPhrases = 4
	n := 0
	for n < maxPhrases {
		i, j := quoted(q)
		if i < 0 {
			return
		}
		inner := q[i:j]
		q = q[j:]
		var words []string
		sc.tk.each(inner, 0, func(w string) bool {
			words = append(words, w)
			return len(words) < 12
		})
		if len(words) >= 2 {
			sc.slots = append(sc.slots, slot{phrase: words, ctx: 1, tok: -1})
			n++
		}
	}
}

// addBarePhrase adds a phrase slot to a question without a meaningful
// word ("vad menas med mer av det som betyder något" is all stop words):
// the longest tail of it, of four words at least, that a topic's text
// contains, as if it had been quoted.
func (ix *Index) addBarePhrase(q string, sc *scratch) {
	var words []string
	fix, alts := -1, []string(nil) // one misspelt function word and its readings
	sc.tk.each(q, 1<<10, func(w string) bool {
		if fix < 0 {
			if a := ix.stopTypos(w, sc); len(a) > 0 {
				fix, alts = len(words), a
			}
		}
		words = append(words, w)
		return len(words) < 16
	})
	if fix < 0 {
		alts = []string{""}
	}
	for s := 0; len(words)-s >= 4; s++ {
		for _, a := range alts {
			if fix >= 0 {
				words[fix] = a
			}
			for d := range ix.docs {
				if ix.hasPhrase(int32(d), words[s:], &sc.tk2) {
					sc.slots = append(sc.slots, slot{phrase: words[s:], ctx: 1, tok: -1})
					return
				}
			}
		}
	}
}

// stopTypos returns the function words that w misspells at one edit (the
// same first letter), if w is no word of the base: "betydr" may be
// "betyda" or "betyder".
func (ix *Index) stopTypos(w string, sc *scratch) []string {
	if !ix.p.longStopTypo || isStop(w) {
		return nil
	}
	if _, ok := ix.surface[w]; ok {
		return nil
	}
	f, n := firstRune(w), utf8.RuneCountInString(w)
	if !ix.stopShapes[stopShape{f, n - 1}] && !ix.stopShapes[stopShape{f, n}] && !ix.stopShapes[stopShape{f, n + 1}] {
		return nil
	}
	sc.rs = append(sc.rs[:0], []rune(w)...)
	fz, dist := ix.fz.lookup(sc.rs, fuzzyLimit, sc.seen)
	var out []string
	for _, id := range fz {
		if c := ix.fz.words[id]; ix.fzStop(id) && dist == 1 && firstRune(c) == sc.rs[0] {
			out = append(out, c)
		}
	}
	return out
}

// quoted returns the byte span q[i:j] inside the first pair of quotes of
// q (see addPhrases), with j just after the closing quote, or -1, -1.
func quoted(q string) (int, int) {
	const double = "\"“”«»"
	wordAt := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(q[i:])
		return i < len(q) && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	wordBefore := func(i int) bool {
		r, _ := utf8.DecodeLastRuneInString(q[:i])
		return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	for i := 0; i < len(q); {
		k := nextQuote(q[i:]) // other runes are skipped
		if k < 0 {
			break
		}
		i += k
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case isDoubleQuote(r):
			if k := strings.IndexAny(q[i+size:], double); k >= 0 {
				_, cs := utf8.DecodeRuneInString(q[i+size+k:])
				return i + size, i + size + k + cs
			}
			return -1, -1
		case isSingleQuote(r) && !wordBefore(i) && wordAt(i+size):
			for k := i + size; k < len(q); {
				c, cs := utf8.DecodeRuneInString(q[k:])
				if isSingleQuote(c) && wordBefore(k) && !wordAt(k+cs) {
					return i + size, k + cs
				}
				k += cs
			}
		}
		i += size
	}
	return -1, -1
}

// isDoubleQuote and isSingleQuote report whether r is one of quoted's
// double or single quotes.
func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»':
		return true
	}
	return false
}

// nextQuote returns the byte offset of the first quote of s (see
// isDoubleQuote, isSingleQuote), or -1. The quotes are ASCII or start with
// the byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’), bytes that no other character's
// encoding has inside it.
func nextQuote(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			return i
		case 0xC2, 0xE2:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isDoubleQuote(r) || isSingleQuote(r) {
				return i
			}
		}
	}
	return -1
}

func isSingleQuote(r rune) bool {
	switch r {
	case '\'', '‘', '’':
		return true
	}
	return false
}

// exactTerms appends the term ids of w's own stems (weight 1).
func (ix *Index) exactTerms(w string, opts []option) []option {
	if ts, ok := ix.surface[w]; ok {
		for _, t := range ts {
			opts = addOption(opts, t, 1)
		}
	}
	for _, lang := range [2]string{"sv", "en"} {
		if t, ok := ix.terms[ix.stem(w, lang)]; ok {
			opts = addOption(opts, t, 1)
		}
	}
	return opts
}

// addOption adds term t with weight w, or raises the weight of an option
// already there.
func addOption(opts []option, t int32, w float32) []option {
	for i := range opts {
		if opts[i].term == t {
			opts[i].w = max(opts[i].w, w)
			return opts
		}
	}
	return append(opts, option{t, w})
}

// addSlots adds the slot(s) for one meaningful query word: its own stems
// and other forms of it; failing those a split into compound parts or a
// typo correction; failing all, an unknown slot. The slots depend on the
// word and the index only, so they are memoised per index (wordSlots):
// the same words come back in question after question.
func (ix *Index) addSlots(w string, sc *scratch) {
	m := &ix.wordSlots
	m.mu.RLock()
	ss, ok := m.m[w]
	m.mu.RUnlock()
	if ok {
		sc.slots = append(sc.slots, ss...)
		return
	}
	n := len(sc.slots)
	ix.newSlots(w, sc)
	m.mu.Lock()
	if len(m.m) < wordSlotsMax {
		if m.m == nil {
			m.m = map[string][]slot{}
		}
		// The options are shared with the scratch's copies: nothing
		// changes them once newSlots has returned.
		m.m[strings.Clone(w)] = slices.Clone(sc.slots[n:])
	}
	m.mu.Unlock()
}

// wordSlotsMax bounds the words whose slots an index memoises.
const wordSlotsMax = 1 << 14

// slotMemo maps a query word to the slots newSlots made for it.
type slotMemo struct {
	mu sync.RWMutex
	m  map[string][]slot
}

// newSlots is addSlots without the memo.
func (ix *Index) newSlots(w string, sc *scratch) {
	p := ix.p
	opts := ix.exactTerms(w, nil)
	if p.variant > 0 {
		n := len(opts)
		for _, lang := range [2]string{"sv", "en"} {
			opts = ix.addVariants(opts, ix.stem(w, lang), w, float32(p.variant))
		}
		opts = ix.addVariants(opts, termKey(w), w, float32(p.variant))
		if n == 0 && len(opts) > 0 && len(ix.stopTypos(w, sc)) > 0 {
			return // other forms of a misspelt function word ("betydr")
		}
		if n == 0 && len(opts) > 0 {
			// Only other forms: a little less certain than the word itself.
			for i := range opts {
				opts[i].w = min(opts[i].w, float32(p.variant))
			}
		}
	}
	if len(opts) > 0 {
		sc.slots = append(sc.slots, slot{opts: opts, number: isNumber(w)})
		return
	}
	sc.rs = append(sc.rs[:0], []rune(w)...)
	if r, ok := generalRank[w]; ok && int(r) <= p.noFuzzyRank {
		// A common word spelt right ("words", "sell") is not a typo of a
		// word of the base ("work", "self").
		if parts := splitCompound(w, ix.knownPart); parts == nil {
			sc.slots = append(sc.slots, slot{unknown: true, general: p.generalFactor(w)})
			return
		}
	}
	fz, dist := ix.fz.lookup(sc.rs, fuzzyLimit, sc.seen)
	respelt := false
	for _, id := range fz {
		if w := ix.fz.words[id]; ix.fzStop(id) && dist == 1 && firstRune(w) == sc.rs[0] && (utf8.RuneCountInString(w) <= 5 || ix.p.longStopTypo) {
			return // a misspelt function word, such as "wich", "whta" or "betydr"
		}
	}
	if p.fuzzyFirst && len(fz) > 0 {
		// A correction that changes the first letter ("raining" →
		// "training", "rain" → "train") is seldom a typo: people rarely
		// miss the first letter, and an everyday word's inflection that
		// the short lists lack would become a subject of the base.
		k := 0
		for _, id := range fz {
			if firstRune(ix.fz.words[id]) == sc.rs[0] {
				fz[k] = id
				k++
			}
		}
		if fz = fz[:k]; k == 0 {
			dist, respelt = 0, true
		}
	}
	if dist != 1 {
		if parts := splitCompound(w, ix.knownPart); parts != nil {
			for _, part := range parts {
				popts := ix.exactTerms(part, nil)
				for i := range popts {
					popts[i].w = float32(p.compound)
				}
				if len(popts) > 0 {
					sc.slots = append(sc.slots, slot{opts: popts})
				}
			}
			return
		}
	}
	fw := float32(p.fuzzy1)
	if dist == 2 {
		fw = float32(p.fuzzy2)
		if _, ok := generalRank[w]; ok {
			// An everyday word two edits from a word of the base is that
			// everyday word ("register", not "region").
			fz = nil
		}
	}
	if len(sc.rs) >= p.fuzzyMin {
		for _, id := range fz {
			for _, t := range ix.fzTerms[id] {
				opts = addOption(opts, t, fw)
			}
		}
		if p.fuzzyVariants && p.variant > 0 && len(opts) > 0 {
			// The other forms of the corrected word, as for a word spelt
			// right ("hemsdia" → "hemsida" → "hemsidan").
			vw := fw * float32(p.variant)
			for _, id := range fz {
				cw := ix.fz.words[id]
				for _, lang := range [2]string{"sv", "en"} {
					opts = ix.addVariants(opts, ix.stem(cw, lang), cw, vw)
				}
			}
		}
	}
	if len(opts) == 0 && len(sc.rs) < 3 {
		return // an unknown two-letter word is noise ("ny", "ok")
	}
	s := slot{opts: opts, unknown: len(opts) == 0, general: 1, respelt: respelt && len(opts) == 0}
	if len(opts) > 0 && len(sc.rs) >= p.fuzzyMin && len(fz) > 0 {
		s.everyday = true
		for _, id := range fz {
			s.everyday = s.everyday && p.isEveryday(ix.fz.words[id])
			if dist == 2 {
				s.fix2Lang |= ix.fzLang[id]
			}
		}
	}
	if s.unknown {
		s.general = p.generalFactor(w)
	}
	sc.slots = append(sc.slots, s)
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
		_, ok := ix.terms[ix.stem(part, "sv")]
		if !ok {
			_, ok = ix.terms[ix.stem(part, "en")]
		}
		return ok
	}
	return false
}

const (
	// variantMinRunes is the shortest stem whose other forms are looked up.
	variantMinRunes = 5
	// variantSuffix is the longest ending either form may have beyond
	// their common prefix.
	variantSuffix = 5
	// headMinRunes is the shortest stem that also matches as the head of
	// a longer document word ("uppdrag" → "uppdragsgivare").
	headMinRunes = 6
	// maxVariants bounds the forms one stem expands to.
	maxVariants = 12
)

// addVariants adds other forms of the word with stem s that Snowball does
// not conflate, such as Swedish "utbild" (utbilda) and "utbildning", or
// "rekommender" (rekommendera) and "rekommendation": index terms that
// share a prefix of at least variantMinRunes runes with s and leave at
// most variantSuffix runes of either, and terms that start with a stem
// of at least headMinRunes runes (compound heads).
//
// word is the word s was made from: what follows the common prefix in it
// tells a compound with another head ("efternamn", stem "efternam").
func (ix *Index) addVariants(opts []option, s, word string, w float32) []option {
	rs := utf8.RuneCountInString(s)
	if rs < variantMinRunes {
		return opts
	}
	plen := max(variantMinRunes, rs-variantSuffix)
	prefix := prefixRunes(s, plen)
	lo, _ := slices.BinarySearchFunc(ix.byName, prefix, func(id int32, p string) int {
		return strings.Compare(ix.names[id], p)
	})
	added := 0
	for i := lo; i < len(ix.byName) && added < maxVariants; i++ {
		t := ix.byName[i]
		name := ix.names[t]
		if !strings.HasPrefix(name, prefix) {
			break
		}
		cp := commonPrefixRunes(s, name)
		head := rs >= headMinRunes && cp == rs
		if !head && (cp < variantMinRunes || rs-cp > variantSuffix || utf8.RuneCountInString(name)-cp > variantSuffix) {
			continue
		}
		if !head && ix.p.strictVariants && (utf8.RuneCountInString(name)-cp > rs-3 || rs-cp >= 3 && ix.compoundOf(prefixRunes(s, cp), restAfter(s, word, cp))) {
			// A short word is not another form of a much longer one
			// ("strat" is no form of "strategi"), nor a compound of two
			// words a form of another word with its first part
			// ("efter-namn" of "efterträda").
			continue
		}
		if !slices.ContainsFunc(opts, func(o option) bool { return o.term == t }) {
			opts = append(opts, option{t, w})
			added++
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

// hasPhrase reports whether the text of document d contains the folded
// word sequence phrase.
func (ix *Index) hasPhrase(d int32, phrase []string, tk *tokenizer) bool {
	found := false
	check := func(words string) {
		i := 0
		for len(words) > 0 {
			w, rest, _ := strings.Cut(words, " ")
			words = rest
			if w == phrase[i] {
				i++
			} else if w == phrase[0] {
				i = 1
			} else {
				i = 0
			}
			if i == len(phrase) {
				found = true
				return
			}
		}
	}
	for _, text := range ix.phraseWords(d, tk) {
		if found {
			break
		}
		check(text)
	}
	return found
}

// phraseWords returns the folded words of document d's texts, joined by
// spaces, for hasPhrase: the Swedish title and body, then the English
// ones. They are made on first use and kept (phrase questions are rare,
// so an index pays for none until one comes).
func (ix *Index) phraseWords(d int32, tk *tokenizer) *[4]string {
	ix.phraseOnce.Do(func() { ix.phraseText = make([]atomic.Pointer[[4]string], len(ix.docs)) })
	if p := ix.phraseText[d].Load(); p != nil {
		return p
	}
	var out [4]string
	var b strings.Builder
	doc := &ix.docs[d]
	for i, t := range []*Topic{doc.sv, doc.sv, doc.en, doc.en} {
		if t == nil {
			continue
		}
		text := t.Title
		if i%2 == 1 {
			text = t.Body
		}
		b.Reset()
		tk.each(text, 0, func(w string) bool {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			return true
		})
		out[i] = b.String()
	}
	ix.phraseText[d].Store(&out)
	return &out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isNumber reports whether w is all ASCII digits.
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// storyNames gives the names of a story (words written with a capital
// letter in the base: VIAkub, PUNKS, Linda) their full weight when the
// sentences that ask name nothing: "I joined a VIAkub workshop … How many
// participants did the project reach?" asks about the project the story
// names. A question that names its subject itself ("Which bus goes from
// Halmstad?") keeps the story's names at params.storyW.
func (ix *Index) storyNames(sc *scratch) {
	story := false
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.ctx >= 1 && ix.isName(s) {
			return
		}
		story = story || s.ctx < 1
	}
	if !story {
		return
	}
	for i := range sc.slots {
		if s := &sc.slots[i]; s.ctx < 1 && ix.isName(s) {
			s.ctx, s.storyName = 1, true
		}
	}
}

// isName reports whether one of s's exact options is a name (Index.entity).
func (ix *Index) isName(s *slot) bool {
	for _, o := range s.opts {
		if o.w >= 1 && ix.entity[o.term] {
			return true
		}
	}
	return false
}

// common reports whether a known slot's word is in at least a quarter of
// the topics: a word the whole base is about ("ekonomi", "passion"), which
// an unknown word before it turns into some other thing.
func (ix *Index) common(s slot) bool {
	df := 0
	for _, o := range s.opts {
		if o.w >= 1 {
			df = max(df, len(ix.post[o.term]))
		}
	}
	return 4*df >= len(ix.docs)
}

// possessives are the Swedish possessive pronouns. After one, "man" is
// the noun (husband, man: "kan jag komma på träffen med min man?"), not
// the pronoun "one" of the stop words (params.possessiveMan).
var possessives = wordSet(`min din sin hans hennes vår er deras`)

func isPossessive(w string) bool {
	_, ok := possessives[w]
	return ok
}

// articles are the words after which a noun or an adjective comes, not a
// function word such as "whether" or "which" (params.articleTypo). "a" is
// not a token (one letter).
var (
	articlesEn = wordSet(`the an my your our their his her its this these those`)
	articlesSv = wordSet(`min mitt mina din ditt dina vår vårt våra hans hennes deras`)
)

// afterArticleStops are the function words that may follow an article
// ("the othr one" is "the other one").
var afterArticleStops = wordSet(`other others same most many few first last next only whole own
	best more less least rest annan annat andra samma hela helt första sista nästa enda egen eget egna
	fler flera mest mer mera`)

// articleLang returns the stop-word class of the language of article w
// (classEnStop, classSvStop), 0 when w is no article.
func articleLang(w string) uint8 {
	if _, ok := articlesEn[w]; ok {
		return classEnStop
	}
	if _, ok := articlesSv[w]; ok {
		return classSvStop
	}
	return 0
}

// articleTypo reports whether w, which newSlots dropped, is one edit from
// a function word of the article's language (lang, articleLang) that
// may not follow an article: after "the", "my" it is some other word
// ("the wether" is not "whether"), which the base does not know. A
// function word of the other language ("the main", Swedish "man") keeps
// the old reading.
func (ix *Index) articleTypo(w string, lang uint8, sc *scratch) bool {
	if lang == 0 || utf8.RuneCountInString(w) < 4 || isStop(w) {
		return false
	}
	m := &ix.typoLangs
	m.mu.RLock()
	langs, ok := m.m[w]
	m.mu.RUnlock()
	if !ok {
		// The languages of the function words w misspells (stop-word
		// classes), or typoAfterArticle when one may follow an article.
		for _, f := range ix.stopTypos(w, sc) {
			if _, ok := afterArticleStops[f]; ok {
				langs |= typoAfterArticle
			}
			langs |= wordClasses[f] & (classSvStop | classEnStop)
		}
		m.mu.Lock()
		if len(m.m) < wordSlotsMax {
			if m.m == nil {
				m.m = map[string]uint8{}
			}
			m.m[strings.Clone(w)] = langs
		}
		m.mu.Unlock()
	}
	return langs&typoAfterArticle == 0 && langs&lang != 0
}

// typoAfterArticle marks in typoMemo a word that misspells a function
// word which may follow an article.
const typoAfterArticle = 1 << 7

// typoMemo maps a query word to articleTypo's reading of it.
type typoMemo struct {
	mu sync.RWMutex
	m  map[string]uint8
}

// afterLocative reports whether the folded word w stands in q (its first
// KiB) right after "in", "i", "på", "at", "near" or "nära": a place ("the
// weather in Varberg", params.locModifies).
func afterLocative(q, w string) bool {
	q = q[:min(len(q), 1<<10)]
	for i := 0; i+len(w) <= len(q); i++ {
		if !strings.EqualFold(q[i:i+len(w)], w) || i > 0 && isWordByte(q[i-1]) {
			continue
		}
		head := strings.TrimRight(q[:i], " ")
		if len(head) == i {
			continue
		}
		j := strings.LastIndexByte(head, ' ')
		switch strings.ToLower(head[j+1:]) {
		case "in", "i", "på", "at", "near", "nära":
			return true
		}
	}
	return false
}

// compoundOf reports whether a word made of head and rest is a compound
// of two words: head a word of the base, an everyday or a function word
// ("efter"), rest a word of the base or an everyday word, not a function
// word, which may be an ending too ("forsk-ingen", "satisf-action").
func (ix *Index) compoundOf(head, rest string) bool {
	isWord := func(w string) bool {
		if _, ok := ix.surface[w]; ok {
			return true
		}
		_, ok := generalRank[w]
		return ok
	}
	return (isStop(head) || isWord(head)) && !isStop(rest) && isWord(rest)
}

// restAfter returns what follows the first n runes of word when word
// starts like stem s, else what follows them in s.
func restAfter(s, word string, n int) string {
	p := prefixRunes(s, n)
	if strings.HasPrefix(word, p) {
		return word[len(p):]
	}
	return s[len(p):]
}

// youWords address the bot ("what's your surname?", "vad heter du …").
var youWords = wordSet(`you your yours du dig din ditt dina ni er ert era`)

// tokAfterPrev marks in scratch.tokArt a word that follows the question's
// previous meaningful word with nothing but determiners between them
// ("zoom meeting", "registrera ett företag").
const tokAfterPrev = 1 << 7

// exactSlot reports whether slot s has the word itself among its options
// (weight 1): not only another form of a word, a typo's correction or
// compound parts ("studio" is no form of "study").
func exactSlot(s *slot) bool {
	for _, o := range s.opts {
		if o.w >= 1 {
			return true
		}
	}
	return false
}

// tokAfterMine marks in scratch.tokArt a word right after a possessive of
// the first person (firstPossessives: "my", "min", "vår" …).
const tokAfterMine = 1 << 6

// firstPossessives are the possessives of the first person.
var firstPossessives = wordSet(`my our min mitt mina vår vårt våra`)

// determiners may stand between a word and the one it modifies or governs
// ("registrera ett företag"); "a" is no token.
var determiners = wordSet(`an the en ett`)
