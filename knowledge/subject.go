package knowledge

// Words sorts the meaningful words of text by what they are to the base:
// subject matter (words it knows in some form, as written, as another
// form, as the parts of a compound or misspelt, that are not everyday
// language) and other (words neither it nor the general lists know:
// "pizza", "zoom"). Stop words and everyday words are in neither. "vilket
// namn har du" has neither; "vad vet du om punks" has the subject
// "punks"; "passionsdrivna" counts as a form of "passionsdriven". The
// words are returned folded, as the index reads them.
func (ix *Index) Words(text string) (subject, other []string) {
	if len(text) > maxQueryBytes {
		text = text[:maxQueryBytes]
	}
	sc := ix.pool.Get().(*scratch)
	defer ix.release(sc)
	n := 0
	sc.tk.each(text, 0, func(w string) bool {
		if isStop(w) {
			return true
		}
		if everyday(w) {
			return true
		}
		sc.slots = sc.slots[:0]
		ix.addSlots(w, sc)
		if len(sc.slots) == 0 {
			return true // noise: a misspelt function word, two unknown letters
		}
		known := false
		for _, s := range sc.slots {
			known = known || (!s.unknown && len(s.opts) > 0)
		}
		if known {
			subject = append(subject, w)
		} else {
			other = append(other, w)
		}
		n++
		return n < maxQueryTokens
	})
	sc.slots = sc.slots[:0]
	return subject, other
}

// generalStems are the Swedish and English stems of the general lists'
// words: "helped" and "hjälpte" are as everyday as "help" and "hjälpa".
var generalStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range generalRank {
		m[stem(w, "sv")+"/sv"] = true
		m[stem(w, "en")+"/en"] = true
	}
	return m
}()

// everyday reports whether w, folded, is on the general lists or a form
// of a word on them.
func everyday(w string) bool {
	if _, ok := generalRank[w]; ok {
		return true
	}
	return generalStems[stem(w, "sv")+"/sv"] || generalStems[stem(w, "en")+"/en"]
}
