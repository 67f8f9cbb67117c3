package knowledge

import (
	"strings"
	"sync"
)

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
		if ix.everyday(w) {
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
// They are built on first use: only Words needs them, and `ask` does not.
var generalStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for w := range generalRank {
		m[stemNew(w, "sv")+"/sv"] = true
		m[stemNew(w, "en")+"/en"] = true
	}
	return m
})

// calendarWords are the days, months and times of the week that the
// general lists may lack: everyday language, though the base may mention
// one ("varannan måndag").
var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`måndag tisdag onsdag torsdag fredag lördag söndag måndagar fredagar helg helgen
		helger vardag vardagar januari februari mars april maj juni juli augusti september oktober november december
		monday tuesday wednesday thursday friday saturday sunday mondays fridays weekend weekends weekday weekdays
		january february march may june july august october morgon morgonen förmiddag eftermiddag kväll kvällen
		natt natten morning afternoon evening night tonight idag imorgon igår today tomorrow yesterday`) {
		m[w] = true
	}
	return m
}()

// everyday reports whether w, folded, is on the general lists or a form
// of a word on them, or a day, month or time of day.
func (ix *Index) everyday(w string) bool {
	if _, ok := generalRank[w]; ok || calendarWords[w] {
		return true
	}
	gs := generalStems()
	return gs[ix.stem(w, "sv")+"/sv"] || gs[ix.stem(w, "en")+"/en"]
}
