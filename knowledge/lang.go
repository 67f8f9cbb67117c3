package knowledge

import "strings"

// DetectLang guesses whether text is Swedish ("sv") or English ("en").
// Evidence is counted per word: a function word of only one language
// (from the stop-word lists) counts one point for it; any other word with
// å, ä or ö one point for Swedish, and one with "w" or "th", or one on
// only the English list of everyday words (general/en.txt: "economy",
// "business", "make"), half a point for English; one on only the Swedish
// list half a point for Swedish. So a chat line with typos ("waht is
// pasion drivn economy") still leans the way most of its words look. The
// guess is confident when the winner has at least 2 points and at least
// twice the loser's, or, in a text of 4 words or more, at least 1.5 points
// and the loser none; short or mixed texts are not. Without any evidence,
// or on a tie, it says "sv", the community's main language. Only the
// first 4 KiB are looked at.
func DetectLang(text string) (lang string, confident bool) {
	lang, confident, _ = detectLang(text)
	return lang, confident
}

// LeanLang is DetectLang's guess, and whether the text leans that way with
// nothing for the other language ("who founded PUNKS?", "är Linda rik?"):
// less than confident, but more than a tie.
func LeanLang(text string) (lang string, leans bool) {
	lang, confident, only := detectLang(text)
	return lang, confident || only
}

// detectLang is DetectLang, and whether the winner has evidence and the
// loser none.
func detectLang(text string) (lang string, confident, only bool) {
	text = StripAddressing(text)
	var sv, en float64
	var tk tokenizer
	n := 0
	tk.each(text, 4<<10, func(w string) bool {
		n++
		c := wordClasses[w]
		s, e := c&classSvStop != 0, c&classEnStop != 0
		switch {
		case s && !e:
			sv++
		case e && !s:
			en++
		}
		gs, ge := c&classGeneral == classGeneralSv, c&classGeneral == classGeneralEn
		switch {
		case s || e:
		case strings.ContainsAny(w, "åäö"):
			sv++
		case strings.Contains(w, "w") || strings.Contains(w, "th") || ge:
			en += 0.5
		case gs:
			sv += 0.5
		}
		return n < 200
	})
	sure := func(win, lose float64) bool {
		return win >= 2 && win >= 2*lose || n >= 4 && win >= 1.5 && lose == 0
	}
	switch {
	case en > sv:
		return "en", sure(en, sv), sv == 0
	default:
		return "sv", sure(sv, en), sv > 0 && en == 0
	}
}

// Word classes (wordClasses): on the Swedish or the English stop-word
// list, on the Swedish or the English list of everyday words.
const (
	classSvStop = 1 << iota
	classEnStop
	classGeneralSv
	classGeneralEn
	classGeneral = classGeneralSv | classGeneralEn
)

// wordClasses maps a folded word to its classes, so that DetectLang and
// isStop look a word up once.
var wordClasses = func() map[string]uint8 {
	m := make(map[string]uint8, len(generalLangs)+len(svStop)+len(enStop))
	for w, l := range generalLangs {
		m[w] |= l << 2
	}
	for w := range svStop {
		m[w] |= classSvStop
	}
	for w := range enStop {
		m[w] |= classEnStop
	}
	return m
}()

// generalLangs maps a folded everyday word to the lists it is on: 1 the
// Swedish, 2 the English, 3 both.
var generalLangs = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, name := range []string{"general/sv.txt", "general/en.txt"} {
		data, err := generalFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded: cannot happen
		}
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			var tk tokenizer
			tk.each(w, 0, func(f string) bool {
				m[f] |= 1 << i
				return false
			})
		}
	}
	return m
}()
