package knowledge

// GeneralWord reports whether word is on the general lists of the most
// frequent Swedish and English words (general.go), read as the index
// reads words: a word a member may well have meant as written ("liter",
// "salt"), which a reader of small talk should not take for a typo of
// one of its own words ("later", "alt").
func GeneralWord(word string) bool {
	found := false
	var tk tokenizer
	tk.each(word, 0, func(f string) bool {
		_, found = generalRank[f]
		return false
	})
	return found
}
