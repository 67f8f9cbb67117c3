package knowledge

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Field indexes of a document.
const (
	fTitle = iota
	fTags
	fBody
	numFields
)

// params are the ranking constants. They live in one struct so that tests
// can compare variants; the package uses defaultParams.
type params struct {
	k1     float64
	weight [numFields]float64 // BM25F field weights
	b      [numFields]float64 // BM25F length normalisation per field
	fuzzy1 float64            // option weight of a typo match at distance 1
	fuzzy2 float64            // … at distance 2
	// fuzzyVariants: a typo correction also matches the other forms of
	// the corrected word (pass 10).
	fuzzyVariants bool
	// longStopTypo: a word one edit from a function word of any length
	// (the same first letter) is that function word (pass 10).
	longStopTypo bool
	// selfPlace: a name of the story of a question that speaks of oneself
	// is not a name the topic must contain (pass 10).
	selfPlace    bool
	fuzzyMin     int     // shortest word (runes) corrected to a content word
	compound     float64 // option weight of a compound part
	variant      float64 // option weight of a same-prefix word form
	threshold    float64 // Score needed for Answered
	rankCov      float64 // weight of coverage (vs. score) in the ranking key
	confCov      float64 // weight of coverage (vs. score) in the confidence
	unknownW     float64 // weight of an unknown word, in units of maxIDF
	docCompounds bool    // also index parts of long document words
	missingName  float64 // confidence factor per name of the question missing in the topic
	numberW      float64 // weight of a word of digits (a year, a count), as a share of its idf
	generalW     float64 // weight of an unknown but very common word, in units of an unknown word
	generalMid   float64 // … of an unknown word further down the frequency lists
	exRank       float64 // weight of the example similarity in the ranking key
	exAnswer     float64 // example similarity that counts as the answer threshold
	leadMin      float64 // example similarity a lead question needs to give its lead
	itemCov      float64 // share of the question's known words a "not known" item must hold (asksItem)
	itemBack     float64 // share of the item's words the question must hold (asksItem)
	itemW        float64 // confidence factor when asksItem holds
	contactW     float64 // confidence factor when the question asks for someone else's contact (otherContact)
	everydayW    float64 // confidence factor when the question has only everyday words (onlyEveryday)
	promote      float64 // share of the best key a hit with the answer type asked needs to be preferred
	exCovMin     float64 // word coverage below which the example similarity counts proportionally less
	margin       float64 // confidence factor when the runner-up is as good as the best
	noFuzzyRank  int     // general words up to this frequency rank are not typo-corrected
	// fnMinCos is the cosine of the words alone that an example needs
	// with a question for a function gram (jag/I, must, can, only) to add
	// to their likeness: "hur fixar jag det?" is not like "är jag
	// passionsdriven?" for sharing "jag".
	fnMinCos    float64
	nameRank    float64 // ranking factor per name of the question missing in the topic
	clauseW     float64 // weight of the best clause's example similarity (vs. the whole question's)
	defaultYes  float64 // coverage at which a yes/no question without a lead question near it gets "yes"
	exOtherName float64 // factor on the similarity of an example that names only things a question naming something lacks
	// exUnknownOther is the same factor for a question that names nothing
	// but asks about a word the base does not know (pass 13).
	exUnknownOther float64
	// exampleNames: a name of the question that a topic's text lacks but
	// an example question of the topic like it names is not missing (pass 13).
	exampleNames bool
	// numberLead: a lead question naming another number than the question
	// gives it no lead (pass 13).
	numberLead  bool
	leadNames   bool    // a yes-lead question naming only things the question does not name gives no lead
	existLead   bool    // a question whether something exists is led only by lead questions that ask so, and gets no default yes
	unknownTail float64 // confidence factor when the last clause asks yes/no of words the base does not know (asksUnknownThing)
	exUnknown   float64 // how much the unknown share of a question lowers its example similarity
	storyW      float64 // weight of a word only in the story around a question (sentences that do not ask)
	storyGrams  bool    // storyW also weighs the word's trigrams in the example matching
	clauseSelf  bool    // a question with the first person somewhere has it in each clause (matchClauses)
	selfLast    bool    // … in its last clause only, when that clause points back ("… räknas det?")
	modifierW   float64 // confidence factor when the only known word has an unknown subject word beside it
	// unknownLead: a yes/no question with a word the base does not know
	// in any form gets no yes/no lead and no default yes: what it asks
	// is not stated (pass 16).
	unknownLead bool
	// sentenceYes: the default yes needs one sentence of the answer with
	// every word of the question the topic has (statedTogether), and a
	// question that also asks where, when or who (needs) gets none
	// (pass 16).
	sentenceYes bool
	// weakLead: a yes-lead question less like the question than this
	// needs statedTogether too (pass 16; 0 is off).
	weakLead float64
	// weakNo: a no-lead question less like the question than this, which
	// lacks a word of the question in every form, gives no lead (pass 16;
	// 0 is off).
	weakNo float64
	// ifStory: in a sentence that has asked already, the words after "if
	// I"/"om jag" are the story (params.storyW, pass 16).
	ifStory bool
	// personalW is the confidence factor of a personal question
	// (personalWords) about someone named that the topic does not state
	// (pass 16).
	personalW float64
	// arithW is the confidence factor of a sum ("17 times 3", pass 16).
	arithW float64
	// noCoverW is the confidence factor when the best topic has none of
	// the question's words and half of them are unknown (pass 16).
	noCoverW  float64
	storyLast bool // without "?", the last sentence asks and the ones before it are the story
	// requestVerb: the verb of a request to the bot ("can you recommend
	// …", "kan du skapa …") is not a meaningful word (pass 14).
	requestVerb bool
	// moreLead: a yes-lead without "more"/"mer" does not answer a
	// question with it, and such a question gets no default yes (pass 14).
	moreLead bool
	// hideUnknown: the answer leaves out the "not known" sentences the
	// question does not ask about (Index.answerBody, pass 14).
	hideUnknown bool
	// fuzzyFirst: a typo correction keeps the word's first letter (pass 14).
	fuzzyFirst bool
	// allUnknownW is the confidence factor of a question none of whose
	// words the base knows in any form (allUnknown, pass 14).
	allUnknownW float64
	// possessiveMan: "man" after a possessive ("min man") is a noun, not a
	// stop word (pass 14).
	possessiveMan bool
	// genericSelf: the first person of a question that opens with a frame
	// asking about a rule ("is it wrong to … if I …", "betyder det att
	// jag …") gives no first-person gram (genericFrame, pass 15).
	genericSelf bool
	// negLead: a lead question whose negation differs from the question's
	// gives no lead (1) or the opposite one (2) (modalNeg, pass 15).
	negLead int
	// leadCover: among the lead questions at least leadCover × as near as
	// the nearest, the one with the fewest words the question lacks leads
	// (pass 15; 0 is off).
	leadCover float64
	// whLead: a question that opens by asking where, when or who and is
	// a yes/no question only by a later clause ("where is impact house?
	// can I visit?") gets no yes/no lead: the answer answers the first
	// question (pass 17).
	whLead bool
	// articleTypo: a word after an article or a possessive ("the", "my",
	// "min") is not a misspelt function word of that language that
	// cannot follow one ("the wether" is not "whether", pass 17).
	articleTypo bool
	// locModifies: an unknown subject word before "in/i/på/at" + a name,
	// the question's only known word, names some other thing in that
	// place ("the weather in Varberg", "vädret i Varberg"): modifies
	// (pass 17).
	locModifies bool
	// everydayRank: onlyEveryday also counts the words of the lists down
	// to this rank, and the names of days, months and seasons (pass 17;
	// 300 is the pass-8 rule).
	everydayRank int
	// strictVariants: another form of a word (addVariants) adds at most
	// its length less three runes to it ("strat" is no form of
	// "strategi"), and a compound of two words is no form of another word
	// with its first part ("efternamn" of "efterträda", pass 17).
	strictVariants bool
	// crossFix2: a correction at distance 2 into words only of the other
	// language than the question's is no correction ("register" is not
	// the Swedish "regioner" in an English question, pass 17).
	crossFix2 bool
	// diffOn: "skillnad(en) på A och B" is a pair to compare like
	// "skillnaden mellan A och B" (comparedPair, pass 18).
	diffOn bool
	// comeOut: "come out"/"komma ut" (no "of"/"av" after it) is read as
	// published ("när kom rapporten ut?", particleVerbs, pass 18).
	comeOut bool
	// itemExact: for asksItem, a topic states a word of the question only
	// with the word itself, not another form of it (pass 18).
	itemExact bool
	// oneWordW is the confidence factor of a question of one word that a
	// topic has only in what it says it does not know (oneWordUnknown,
	// pass 18; 1 is off).
	oneWordW float64
	// noLeadNames: leadNames also holds for a no-lead question when the
	// question names something of the base that the lead question does
	// not (pass 18).
	noLeadNames bool
	// unknownMiss: a yes/no lead question with a word the question lacks
	// does not lead a question that asks a word the base does not know
	// and the lead question lacks too (unknownMissed, pass 18).
	unknownMiss bool
	// relNeg: a negation after "that" may stand in a relative clause, so
	// a no-lead is not turned into a yes for it (negDeterminer, pass 18).
	relNeg bool
	// multiLead: a question of two yes/no questions or more (sentences
	// ending with "?") gets no yes/no lead and no default yes (pass 18).
	multiLead bool
	// degreeLead: a question that asks "more"/"less" where it asks is led
	// by no yes- or no-lead question without such a word (degreeClash,
	// pass 18; moreLead blocks only the yes).
	degreeLead bool
	// possessedW is the weight of a word the base does not know that
	// stands right after a possessive of the first person, or after such
	// a word ("is my thrift flip page passion-driven?"): like a story, it
	// tells what one has, not what is asked (pass 18; 1 is off).
	possessedW float64
	// exKindW is the factor on the example similarity of a yes/no
	// question whose nearest example of the topic asks who or when (not
	// where: "var finns …" is near "finns det …", pass 17; 1 is off).
	exKindW float64
	// youUnknown: allUnknownW also applies to a question that addresses
	// the bot ("what's your surname?") and has no word the base knows in
	// any form (pass 17).
	youUnknown bool
	// exModifierW is the factor on the example similarity of a question
	// whose last word is an everyday word of the base with an unknown
	// subject word right before it, determiners apart ("zoom meeting",
	// "registrera ett företag": the examples lack the kind asked, pass 17;
	// 1 is off).
	exModifierW float64
	// statementW is the confidence factor of a statement that asks
	// nothing (asksNothing) and whose best topic covers less than 0.3 of
	// it (pass 17; 1 is off).
	statementW float64
	// selfPhrase: modifies holds in a question that speaks of oneself when
	// the unknown word and the known one make one phrase ("registrera ett
	// företag", pass 17).
	selfPhrase bool
}

var defaultParams = params{
	k1:             1.2,
	weight:         [numFields]float64{fTitle: 3, fTags: 2, fBody: 1},
	b:              [numFields]float64{fTitle: 0.3, fTags: 0.3, fBody: 0.75},
	fuzzy1:         0.8,
	fuzzy2:         0.6,
	fuzzyVariants:  true,
	longStopTypo:   true,
	selfPlace:      true,
	fuzzyMin:       4,
	compound:       0.8,
	variant:        0.7,
	threshold:      0.5,
	rankCov:        0.3,
	confCov:        0.8,
	unknownW:       0.9,
	docCompounds:   true,
	missingName:    0.7,
	numberW:        0.4,
	generalW:       0.5,
	generalMid:     1,
	exRank:         0.8,
	exAnswer:       0.5,
	leadMin:        0.3,
	itemCov:        0.8,
	itemBack:       0.6,
	itemW:          0.4,
	contactW:       0.4,
	everydayW:      0.5,
	promote:        0.8,
	exCovMin:       0,
	margin:         0,
	noFuzzyRank:    1000,
	fnMinCos:       0.1,
	nameRank:       0.7,
	clauseW:        0.9,
	defaultYes:     0.9,
	exOtherName:    0.7,
	exUnknownOther: 0.7,
	exampleNames:   true,
	numberLead:     true,
	leadNames:      true,
	unknownTail:    0.5,
	existLead:      true,
	exUnknown:      0,
	storyW:         0.25,
	storyLast:      true,
	requestVerb:    true,
	moreLead:       true,
	hideUnknown:    true,
	fuzzyFirst:     true,
	allUnknownW:    0.5,
	possessiveMan:  true,
	genericSelf:    true,
	negLead:        2,
	leadCover:      0.9,
	whLead:         true,
	articleTypo:    true,
	locModifies:    true,
	everydayRank:   500,
	strictVariants: true,
	crossFix2:      true,
	exKindW:        0.8,
	youUnknown:     true,
	exModifierW:    0.8,
	statementW:     0.8,
	selfPhrase:     true,
	clauseSelf:     false,
	selfLast:       true,
	modifierW:      0.5,
	unknownLead:    false,
	personalW:      0.5,
	sentenceYes:    true,
	weakLead:       0.4,
	weakNo:         0.35,
	ifStory:        true,
	arithW:         0.5,
	noCoverW:       0.5,
	possessedW:     0.25,
	degreeLead:     true,
	multiLead:      true,
	comeOut:        true,
	diffOn:         true,
	relNeg:         true,
	unknownMiss:    true,
	noLeadNames:    true,
	oneWordW:       0.5,
	itemExact:      true,
}

const (
	// maxQueryTokens caps the meaningful (non-stop-word) tokens of a query.
	maxQueryTokens = 64
	// maxQueryBytes caps how much of a question is looked at.
	maxQueryBytes = 16 << 10
	// fuzzyLimit caps the vocabulary words one typo can expand to.
	fuzzyLimit = 4
	// topK is how many hits are ranked for Top, Related and Nearest.
	topK = 8
)

type posting struct {
	doc int32
	sat float32 // saturated BM25F term frequency, 0 < sat < k1+1
}

// doc is one topic id with its language variants.
type doc struct {
	id string
	sv *Topic
	en *Topic
	// has holds the answer-type bits the topic's text satisfies.
	has int
	// organiser is true when a variant was written by an organiser: such an
	// answer was written for its question, so the answer-type check (a
	// "when" question needs a date) does not second-guess it.
	organiser bool
	// unknowns are the terms of the sentences that say what the topic
	// does not know (sorted); see indexableText.
	unknowns []int32
	// items are the things those sentences list, one question each (see
	// unknownItems and Index.asksItem).
	items []unknownItem
	// units are the body's sentences per language (sv, en), kept only
	// when one of them says what the topic does not know: Search leaves
	// such a sentence out of the answer unless the question asks about
	// it (bodyUnit, Result.Text).
	units [2][]bodyUnit
	// plain is the body per language without its "not known" sentences
	// (joinUnits), or "" when it has none.
	plain [2]string
}

// bodyUnit is one sentence of a body (or a clause after "; ", as
// eachSentence splits it).
type bodyUnit struct {
	text string
	// neg marks a sentence that says what the topic does not know; terms
	// are its words' terms (sorted), those that can show it.
	neg   bool
	terms []int32
}

// Index is a search index over topics. It is immutable and safe for
// concurrent use; build a new one with NewIndex to change the topics.
type Index struct {
	p     params
	docs  []doc // sorted by id
	byID  map[string]int32
	terms map[string]int32 // stemmed term → term id
	names []string         // term id → term, for prefix variants: sorted ids in byName
	// byName lists term ids sorted by term, for prefix scans.
	byName []int32
	post   [][]posting
	idf    []float32
	maxIDF float64 // idf of a term found in one document
	// surface maps a folded document word to the term ids it was indexed
	// under (one per language it occurs in).
	surface map[string][]int32
	fz      fuzzyIndex
	fzTerms [][]int32 // fuzzy word id → term ids
	// entity marks terms that are names: written with a capital letter
	// (almost) everywhere they occur inside a sentence.
	entity []bool
	// fzLang holds per fuzzy word the languages of the texts it is in
	// (bit 0 Swedish, bit 1 English; 0 for a stop word added as such).
	fzLang []uint8
	// fzIsStop marks the fuzzy words that are stop words.
	fzIsStop []bool
	// stopShapes holds the first letter and length in runes of every
	// fuzzy stop word: a cheap test before looking for a misspelt one.
	stopShapes map[stopShape]bool
	// ex matches questions against the topics' example questions.
	ex   exampleIndex
	pool sync.Pool // *scratch
	// wordSlots memoises addSlots (filled by searches, not the build).
	wordSlots slotMemo
	// typoLangs memoises articleTypo's reading of a word.
	typoLangs typoMemo
	// stems memoises stem per language (sv, en), filled by searches.
	stems [2]stemMemo
	// phraseText holds each document's folded words for phrase checks,
	// made on first use (phraseWords).
	phraseOnce sync.Once
	phraseText []atomic.Pointer[[4]string]
}

// NewIndex builds an index over topics. Topics are keyed by ID; a topic
// replaces an earlier one with the same ID and Lang, and a non-built-in
// topic replaces all built-in variants of its ID (organiser-written files
// override the embedded base as a whole). Topics with an empty ID or a
// Lang other than "sv"/"en" are ignored. NewIndex keeps its own copies of
// the topics.
func NewIndex(topics []Topic) *Index {
	return newIndex(topics, defaultParams)
}

func newIndex(topics []Topic, p params) *Index {
	ix := &Index{
		p:       p,
		byID:    map[string]int32{},
		terms:   map[string]int32{},
		surface: map[string][]int32{},
	}
	// Group by id with the override rules.
	group := map[string]*doc{}
	for i := range topics {
		t := topics[i] // copy
		if t.ID == "" || (t.Lang != "sv" && t.Lang != "en") {
			continue
		}
		t.Tags = slices.Clone(t.Tags)
		t.Related = slices.Clone(t.Related)
		t.Examples = slices.Clone(t.Examples)
		t.Leads = slices.Clone(t.Leads)
		d := group[t.ID]
		if d == nil {
			d = &doc{id: t.ID}
			group[t.ID] = d
		}
		if !t.Builtin {
			if d.sv != nil && d.sv.Builtin {
				d.sv = nil
			}
			if d.en != nil && d.en.Builtin {
				d.en = nil
			}
		}
		if t.Lang == "sv" {
			d.sv = &t
		} else {
			d.en = &t
		}
	}
	ids := make([]string, 0, len(group))
	for id := range group {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	ix.docs = make([]doc, len(ids))
	for i, id := range ids {
		ix.docs[i] = *group[id]
		d := &ix.docs[i]
		d.organiser = (d.sv != nil && !d.sv.Builtin) || (d.en != nil && !d.en.Builtin)
		ix.byID[id] = int32(i)
	}
	ix.build()
	return ix
}

// rawPosting collects field term frequencies during the build.
type rawPosting struct {
	doc int32
	tf  [numFields]uint16
}

// wordInfo caches what the build needs to know about one distinct word.
type wordInfo struct {
	w          string
	stop       bool
	neg, tell  bool     // see isNegativeSentence
	has        int      // answer-type bits (see textHas)
	term       [2]int32 // term id per language (sv, en); -1 until needed
	mid, upper [2]int32 // mid-sentence occurrences, and how many capitalised
}

func (ix *Index) build() {
	p := ix.p
	var (
		raw   [][]rawPosting
		lens  = make([][numFields]float64, len(ix.docs))
		avg   [numFields]float64
		words = map[string]*wordInfo{}
		docTF = map[int32]*[numFields]uint16{}
		buf   []byte
		sent  []*wordInfo
		sentU []bool // per word of sent: capitalised mid-sentence
	)
	termID := func(term string) int32 {
		id, ok := ix.terms[term]
		if !ok {
			id = int32(len(ix.names))
			ix.terms[term] = id
			ix.names = append(ix.names, term)
			raw = append(raw, nil)
		}
		return id
	}
	info := func(b []byte) *wordInfo {
		if wi, ok := words[string(b)]; ok {
			return wi
		}
		w := string(b)
		wi := &wordInfo{w: w, stop: isStop(w), has: wordHas(w), term: [2]int32{-1, -1}}
		_, wi.neg = negationWords[w]
		_, wi.tell = tellingWords[w]
		words[w] = wi
		return wi
	}
	termOf := func(wi *wordInfo, li int) int32 {
		if wi.term[li] < 0 {
			id := termID(stemNew(wi.w, langs[li]))
			wi.term[li] = id
			if ts := ix.surface[wi.w]; !slices.Contains(ts, id) {
				ix.surface[wi.w] = append(ts, id)
			}
		}
		return wi.term[li]
	}
	add := func(wi *wordInfo, li, field int, di int) {
		id := termOf(wi, li)
		tf := docTF[id]
		if tf == nil {
			tf = new([numFields]uint16)
			docTF[id] = tf
		}
		if tf[field] < math.MaxUint16 {
			tf[field]++
		}
		lens[di][field]++
	}
	// indexText indexes the words of text in field. For the title and the
	// body it also counts capitalisation and answer-type bits; body
	// sentences that state missing knowledge go to d.unknowns instead.
	indexText := func(d *doc, di, li int, text string, field int) {
		eachSentence(text, field == fBody, func(s string) {
			sent, sentU = sent[:0], sentU[:0]
			var nt negTracker
			buf = scan(s, buf, func(tok []byte, upper, initial bool) bool {
				wi := info(tok)
				nt.see(wi.neg, wi.tell)
				if !wi.stop {
					sent = append(sent, wi)
					sentU = append(sentU, upper && !initial)
					if !initial && field != fTags {
						wi.mid[li]++
					}
				}
				return true
			})
			if field == fBody && nt.hit {
				for _, it := range unknownItems(s) {
					var ts []int32
					buf = scan(it.text, buf, func(tok []byte, _, _ bool) bool {
						if wi := info(tok); !wi.stop {
							ts = append(ts, termOf(wi, li))
						}
						return true
					})
					slices.Sort(ts)
					it.terms = slices.Compact(ts)
					it.text = ""
					d.items = append(d.items, it)
				}
				for _, wi := range sent {
					id := termOf(wi, li)
					if !slices.Contains(d.unknowns, id) {
						d.unknowns = append(d.unknowns, id)
					}
				}
				for i, wi := range sent {
					if sentU[i] {
						wi.upper[li]++
					}
				}
				return
			}
			for i, wi := range sent {
				add(wi, li, field, di)
				if field != fTags {
					d.has |= wi.has
					if sentU[i] {
						wi.upper[li]++
					}
				}
			}
			if field != fTags && strings.ContainsAny(s, "€$£") {
				d.has |= needMoney
			}
		})
	}
	for di := range ix.docs {
		d := &ix.docs[di]
		clear(docTF)
		for li, t := range []*Topic{d.sv, d.en} {
			if t == nil {
				continue
			}
			indexText(d, di, li, t.Title, fTitle)
			for _, tag := range t.Tags {
				indexText(d, di, li, tag, fTags)
			}
			indexText(d, di, li, blankCodeArgs(t.Body), fBody)
			d.has |= textHas(t.Body)
			var units []bodyUnit
			neg := false
			eachSentence(t.Body, true, func(s string) {
				u := bodyUnit{text: s, neg: isNegativeSentence(s)}
				if k := len(units) - 1; k >= 0 && units[k].neg && strings.HasSuffix(units[k].text, ";") && opensNegated(s) {
					// "…; nor do they give a list of …": the same not
					// known, continued.
					u.neg = true
				}
				if u.neg {
					neg = true
					buf = scan(s, buf, func(tok []byte, _, _ bool) bool {
						if wi := info(tok); !wi.stop {
							u.terms = append(u.terms, termOf(wi, li))
						}
						return true
					})
					slices.Sort(u.terms)
					u.terms = slices.Compact(u.terms)
				}
				units = append(units, u)
			})
			if neg && len(units) > 1 {
				d.units[li] = units
				var keep uint64
				for i, u := range units {
					if i >= 64 || !u.neg {
						keep |= 1 << min(i, 63)
					}
				}
				d.plain[li] = joinUnits(units, keep)
			}
		}
		slices.Sort(d.unknowns)
		for id, tf := range docTF {
			raw[id] = append(raw[id], rawPosting{doc: int32(di), tf: *tf})
		}
	}
	// Names: terms written with a capital letter (almost) everywhere they
	// occur inside a sentence.
	ix.entity = make([]bool, len(raw))
	var mid, upper []int32
	mid = make([]int32, len(raw))
	upper = make([]int32, len(raw))
	for _, wi := range words {
		for li := range 2 {
			if wi.term[li] >= 0 {
				mid[wi.term[li]] += wi.mid[li]
				upper[wi.term[li]] += wi.upper[li]
			}
		}
	}
	for id := range mid {
		ix.entity[id] = mid[id] > 0 && float64(upper[id]) >= 0.8*float64(mid[id])
	}
	if p.docCompounds {
		ix.addDocCompounds(raw, lens)
	}
	for di := range lens {
		for f := range numFields {
			avg[f] += lens[di][f]
		}
	}
	n := float64(len(ix.docs))
	for f := range numFields {
		avg[f] /= max(n, 1)
		if avg[f] == 0 {
			avg[f] = 1
		}
	}
	ix.post = make([][]posting, len(raw))
	ix.idf = make([]float32, len(raw))
	for id, rp := range raw {
		slices.SortFunc(rp, func(a, b rawPosting) int { return int(a.doc - b.doc) })
		ps := make([]posting, len(rp))
		for i, r := range rp {
			var tf float64
			for f := range numFields {
				if r.tf[f] == 0 {
					continue
				}
				norm := 1 - p.b[f] + p.b[f]*lens[r.doc][f]/avg[f]
				tf += p.weight[f] * float64(r.tf[f]) / norm
			}
			ps[i] = posting{doc: r.doc, sat: float32(tf * (p.k1 + 1) / (p.k1 + tf))}
		}
		ix.post[id] = ps
		ix.idf[id] = float32(bm25IDF(n, float64(len(ps))))
	}
	ix.maxIDF = bm25IDF(n, 1)
	ix.byName = make([]int32, len(ix.names))
	for i := range ix.byName {
		ix.byName[i] = int32(i)
	}
	slices.SortFunc(ix.byName, func(a, b int32) int { return strings.Compare(ix.names[a], ix.names[b]) })

	// Fuzzy vocabulary: every document word (not the stems: a typo is a
	// misspelt word, and stems are not words).
	fzID := map[string]int32{}
	var fzWords []string
	addFz := func(w string, terms ...int32) {
		id, ok := fzID[w]
		if !ok {
			id = int32(len(fzWords))
			fzID[w] = id
			fzWords = append(fzWords, w)
			ix.fzTerms = append(ix.fzTerms, nil)
		}
		for _, t := range terms {
			if !slices.Contains(ix.fzTerms[id], t) {
				ix.fzTerms[id] = append(ix.fzTerms[id], t)
			}
		}
	}
	surf := make([]string, 0, len(ix.surface))
	for w := range ix.surface {
		surf = append(surf, w)
	}
	slices.Sort(surf)
	for _, w := range surf {
		addFz(w, ix.surface[w]...)
		var m uint8
		if wi := words[w]; wi != nil {
			for li := range 2 {
				if wi.term[li] >= 0 {
					m |= 1 << li
				}
			}
		}
		ix.fzLang = append(ix.fzLang, m)
	}
	// Stop words, so that a misspelt one ("wich") is dropped rather than
	// corrected to a content word.
	ix.fzIsStop = make([]bool, len(fzWords))
	ix.stopShapes = map[stopShape]bool{}
	for _, w := range stopList {
		if _, ok := fzID[w]; !ok {
			addFz(w)
			ix.fzIsStop = append(ix.fzIsStop, true)
			ix.fzLang = append(ix.fzLang, 0)
			ix.stopShapes[stopShape{firstRune(w), utf8.RuneCountInString(w)}] = true
		}
	}
	ix.fz = newFuzzyIndex(fzWords)
	ix.buildExamples()
	ix.pool.New = func() any { return ix.newScratch() }
}

// addDocCompounds indexes the parts of long document words as extra
// occurrences (in the same fields) of the parts' terms, so that "bot"
// finds "passionbot" and "mat" finds "matproducenter". Only used when
// params.docCompounds is set.
func (ix *Index) addDocCompounds(raw [][]rawPosting, lens [][numFields]float64) {
	known := func(part string, final bool) bool {
		if isStop(part) {
			return false
		}
		_, ok := ix.surface[part]
		return ok
	}
	words := make([]string, 0, len(ix.surface))
	for w := range ix.surface {
		if utf8.RuneCountInString(w) >= 2*partMinRunes+1 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	type key struct{ term, doc int32 }
	extra := map[key]*[numFields]uint16{}
	for _, w := range words {
		parts := splitCompound(w, known)
		if parts == nil {
			continue
		}
		for _, wt := range ix.surface[w] {
			for _, part := range parts {
				for _, pt := range ix.surface[part] {
					if pt == wt {
						continue
					}
					for _, rp := range raw[wt] {
						k := key{pt, rp.doc}
						tf := extra[k]
						if tf == nil {
							tf = new([numFields]uint16)
							extra[k] = tf
						}
						for f := range numFields {
							tf[f] += rp.tf[f]
							lens[rp.doc][f] += float64(rp.tf[f])
						}
					}
				}
			}
		}
	}
	// raw[t] is sorted by document here: merge in place or append.
	var added []key
	for k, tf := range extra {
		ps := raw[k.term]
		i, found := slices.BinarySearchFunc(ps, k.doc, func(r rawPosting, d int32) int { return int(r.doc - d) })
		if found {
			for f := range numFields {
				ps[i].tf[f] += tf[f]
			}
		} else {
			added = append(added, k)
		}
	}
	for _, k := range added {
		raw[k.term] = append(raw[k.term], rawPosting{doc: k.doc, tf: *extra[k]})
	}
}

func (ix *Index) fzStop(id int32) bool { return ix.fzIsStop[id] }

// stopShape is the first letter and the length in runes of a stop word.
type stopShape struct {
	first rune
	n     int
}

var langs = [2]string{"sv", "en"}

// bm25IDF is the BM25 inverse document frequency, always positive.
func bm25IDF(n, df float64) float64 {
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Len is the number of topic ids in the index.
func (ix *Index) Len() int { return len(ix.docs) }

// IDs returns the topic ids in the index, sorted.
func (ix *Index) IDs() []string {
	ids := make([]string, 0, len(ix.docs))
	for _, d := range ix.docs {
		ids = append(ids, d.id)
	}
	slices.Sort(ids)
	return ids
}

// Topic returns the variant of topic id in lang, falling back to the other
// language when the topic has only one; nil when there is no such id.
// The returned topic belongs to the index and must not be modified.
func (ix *Index) Topic(id, lang string) *Topic {
	i, ok := ix.byID[id]
	if !ok {
		return nil
	}
	return ix.docs[i].variant(lang)
}

func (d *doc) variant(lang string) *Topic {
	if lang == "en" {
		if d.en != nil {
			return d.en
		}
		return d.sv
	}
	if d.sv != nil {
		return d.sv
	}
	return d.en
}

// blankCodeArgs returns body with the argument values of its commands
// blanked out: inside a code span, quoted text and the value after
// "name:" (`interests add tags:"keramik, surdeg"`, `interests who
// tag:keramik`). They are examples of what a member might type, not what
// the topic is about: "jag är keramiker" is not a question about the
// interests command.
func blankCodeArgs(body string) string {
	if !strings.Contains(body, "`") {
		return body
	}
	b := []byte(body)
	in, quote, value := false, false, false
	changed := false
	for i, c := range b {
		switch {
		case c == '`':
			in, quote, value = !in, false, false
			continue
		case !in:
			continue
		case c == '"':
			quote = !quote
			continue
		case c == ':' && !quote:
			value = true
			continue
		case c == ' ' && !quote:
			value = false
			continue
		}
		if (quote || value) && c != ' ' {
			b[i] = ' '
			changed = true
		}
	}
	if !changed {
		return body
	}
	return string(b)
}

// opensNegated reports whether the first word of s is a negation ("nor
// do they give …", "inte heller …").
func opensNegated(s string) bool {
	neg := false
	for _, w := range tokens(s) {
		_, neg = negationWords[w]
		neg = neg || w == "nor" || w == "neither"
		break
	}
	return neg
}
