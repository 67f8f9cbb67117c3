package knowledge

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unknownWord reports whether the question has a word the base does not
// know in any form (params.unknownLead): a yes/no question about it
// ("is Linda Nordfors married?", "is PUNKS a charity?") asks what no
// topic states, so no lead question answers it with yes or no.
func unknownWord(sc *scratch) bool {
	for i := range sc.slots {
		if sc.slots[i].unknown {
			return true
		}
	}
	return false
}

// personalWords ask about someone's private life: marriage, children,
// wealth, age, pay (params.personalW); and, since pass 18, about details a
// description of someone or something may lack: education, social media,
// a street address, where one lives ("Vilken utbildning har Linda K
// Nordfors?", "hur många följare har linda nordfors på insta", "does punks
// have a discord", "What's the address of Impact House Halland?").
var personalWords = wordSet(`married marry marriage wife husband spouse divorced single
	children child kids kid daughter son sons daughters rich wealthy wealth age old salary
	girlfriend boyfriend religion religious
	gift gifta skild singel barn barnen döttrar dotter söner son rik rika förmögen ålder
	gammal lön fru sambo pojkvän flickvän religiös
	education educated degree diploma studied study utbildning utbildningen utbildad examen studerade
	studerat studera studerar
	followers follower instagram insta tiktok facebook linkedin twitter discord snapchat
	följare följe
	address adress adressen gatuadress postadress live lives bor`)

// personalUnstated reports whether the question names someone (or
// something) and its last clause asks a personal word (personalWords)
// that topic d does not contain (a story before it may tell of one's
// own pay or children): "har Linda Nordfors barn?" is not answered by her
// biography, which says nothing on it.
func (ix *Index) personalUnstated(sc *scratch, question string, d int32) bool {
	named := ix.namesAny(sc)
	if !named {
		return false
	}
	found := false
	sc.tk2.eachBytes(lastClause(question), func(w []byte) bool {
		if _, ok := personalWords[string(w)]; !ok {
			return true
		}
		for _, o := range ix.exactTerms(string(w), nil) {
			if _, ok := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); ok {
				return true // the topic says it
			}
		}
		found = true
		return false
	})
	return found
}

// arithWords join two numbers into a sum.
var arithWords = wordSet(`times plus minus multiplied divided gånger delat dividerat multiplicerat`)

// arithmetic reports whether text asks a sum: a number next to an
// arithmetic word ("what is 17 times 3?", "vad är 4 gånger 5") is no
// question for the knowledge base, whatever topic has the number.
func arithmetic(tk *tokenizer, text string) bool {
	text = text[:min(len(text), 1<<10)]
	prevNum, prevOp, found := false, false, false
	tk.eachBytes(text, func(w []byte) bool {
		num := digits(w)
		_, op := arithWords[string(w)]
		found = num && prevOp || op && prevNum
		prevNum, prevOp = num, op
		return !found
	})
	return found
}

// digits reports whether w is all ASCII digits.
func digits(w []byte) bool {
	for _, b := range w {
		if b < '0' || b > '9' {
			return false
		}
	}
	return len(w) > 0
}

// lastClause is the last clause of q (its first KiB): after the last
// clause break that has words after it, without a copy.
func lastClause(q string) string {
	q = q[:min(len(q), 1<<10)]
	q = strings.TrimRightFunc(q, func(r rune) bool { return isClausePunct(r) || unicode.IsSpace(r) })
	i := strings.LastIndexFunc(q, isClausePunct)
	if i < 0 {
		return q
	}
	_, size := utf8.DecodeRuneInString(q[i:])
	return q[i+size:]
}

// unknownSlots counts the question's words the base does not know.
func unknownSlots(sc *scratch) int {
	n := 0
	for i := range sc.slots {
		if sc.slots[i].unknown {
			n++
		}
	}
	return n
}

// statedTogether reports whether one sentence of topic d (either
// language, leaving out the sentences that say what is not known) has,
// for every word of the question that d has, one of its forms
// (params.sentenceYes). A default yes says the answer states what was
// asked: "is Mia Lindgren the CEO of PUNKS?" is not stated by a text
// that names her in one sentence and a CEO in another, nor "får man
// bidrag om man är passionsdriven?" by a text that has "bidrag" only
// where it says what public support is built for.
func (ix *Index) statedTogether(sc *scratch, d int32) bool {
	dc := &ix.docs[d]
	var want uint64 // bit i: slot i is a word d has
	common := len(ix.docs) / 4
	for i := range sc.slots[:min(len(sc.slots), 64)] {
		for _, o := range sc.slots[i].opts {
			if _, ok := slices.BinarySearchFunc(ix.post[o.term], d, cmpDoc); ok {
				want |= 1 << i
				break
			}
		}
		for _, o := range sc.slots[i].opts {
			if len(ix.post[o.term]) >= common {
				// A word of many topics frames the question ("does the
				// report recommend …"): it need not be in the sentence.
				want &^= 1 << i
				break
			}
		}
	}
	for _, t := range [2]*Topic{dc.sv, dc.en} {
		if t == nil {
			continue
		}
		// What the title says is the subject of every sentence ("What
		// did VIAkub achieve?").
		sc.tk2.eachBytes(t.Title, func(w []byte) bool {
			for _, id := range ix.surface[string(w)] {
				for i := range sc.slots[:min(len(sc.slots), 64)] {
					for _, o := range sc.slots[i].opts {
						if o.term == id {
							want &^= 1 << i
						}
					}
				}
			}
			return true
		})
	}
	if want == 0 {
		return true
	}
	found := false
	for li, t := range [2]*Topic{dc.sv, dc.en} {
		if t == nil || found {
			continue
		}
		text := dc.plain[li]
		if text == "" {
			text = t.Body
		}
		eachSentence(text, true, func(s string) {
			if found {
				return
			}
			var got uint64
			sc.tk2.eachBytes(s, func(w []byte) bool {
				for _, id := range ix.surface[string(w)] {
					for i := range sc.slots[:min(len(sc.slots), 64)] {
						if want&(1<<i) == 0 || got&(1<<i) != 0 {
							continue
						}
						for _, o := range sc.slots[i].opts {
							if o.term == id {
								got |= 1 << i
								break
							}
						}
					}
				}
				return true
			})
			found = got == want
		})
	}
	return found
}

// namesAny reports whether the question in sc names someone or something
// (a slot that is a name).
func (ix *Index) namesAny(sc *scratch) bool {
	for i := range sc.slots {
		if ix.isName(&sc.slots[i]) {
			return true
		}
	}
	return false
}

// oneWordUnknown reports whether the question is one word of the base
// that a topic names only where it says what it does not know ("book?":
// Linda K Nordfors's topic does not know the title of any book by her, and
// the meetups' "book a place" is another sense): one word cannot say which
// is asked, and one of them is not known (params.oneWordW).
func (ix *Index) oneWordUnknown(sc *scratch) bool {
	if len(sc.slots) != 1 || sc.slots[0].unknown || sc.slots[0].phrase != nil {
		return false
	}
	for _, o := range sc.slots[0].opts {
		if o.w < 1 {
			continue
		}
		// The words that tell that something is not known ("the bot's
		// sources do not say") are in most such sentences: count the
		// topics with the word in one, and those with any.
		in, any, unstated := 0, 0, false
		for d := range ix.docs {
			u := ix.docs[d].unknowns
			if len(u) == 0 {
				continue
			}
			any++
			if _, ok := slices.BinarySearch(u, o.term); !ok {
				continue
			}
			in++
			if _, stated := slices.BinarySearchFunc(ix.post[o.term], int32(d), cmpDoc); !stated {
				unstated = true
			}
		}
		if unstated && 4*in < any {
			return true
		}
	}
	return false
}
