package knowledge

import "strings"

// DetectLang guesses whether text is Swedish ("sv") or English ("en").
// Evidence is counted per word: a function word of only one language
// (from the stop-word lists) counts one point for it; any other word with
// å, ä or ö one point for Swedish, and one with "w" or "th" half a point
// for English (both are rare in Swedish). The guess is confident when the
// winner has at least 2 points and at least twice the loser's; short or
// mixed texts are not. Without any evidence, or on a tie, it says "sv",
// the community's main language. Only the first 4 KiB are looked at.
func DetectLang(text string) (lang string, confident bool) {
	text = StripAddressing(text)
	var sv, en float64
	var tk tokenizer
	n := 0
	tk.each(text, 4<<10, func(w string) bool {
		n++
		_, s := svStop[w]
		_, e := enStop[w]
		switch {
		case s && !e:
			sv++
		case e && !s:
			en++
		}
		switch {
		case s || e:
		case strings.ContainsAny(w, "åäö"):
			sv++
		case strings.Contains(w, "w") || strings.Contains(w, "th"):
			en += 0.5
		}
		return n < 200
	})
	switch {
	case en > sv:
		return "en", en >= 2 && en >= 2*sv
	default:
		return "sv", sv >= 2 && sv >= 2*en
	}
}
