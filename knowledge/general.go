package knowledge

import (
	"embed"
	"strings"
)

// General language. A word of a question that the base does not know
// usually means the question is about something the base does not cover
// ("exchange rate", "surdegsbröd"), and lowers the confidence. But many
// unknown words are just everyday language around a question ("could you
// explain it like I'm five", "jag var på en träff igår"): they should not
// count as unknown subject matter. general/sv.txt and general/en.txt list
// the most frequent words of Swedish and English (from subtitles, so chat
// language is well represented; source and licence in their headers and
// the README). An unknown word on those lists weighs generalW of an
// unknown word (params.generalW), the more so the more frequent it is.

//go:embed general/*.txt
var generalFS embed.FS

// generalRank maps a folded word to its frequency rank (1 = most
// frequent) in either language, the better of the two.
var generalRank = func() map[string]int32 {
	m := map[string]int32{}
	for _, name := range []string{"general/sv.txt", "general/en.txt"} {
		data, err := generalFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded: cannot happen
		}
		rank := int32(0)
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			rank++
			var tk tokenizer
			tk.each(w, 0, func(f string) bool {
				if r, ok := m[f]; !ok || rank < r {
					m[f] = rank
				}
				return false
			})
		}
	}
	return m
}()

// generalFactor is the weight, relative to an unknown subject word, of an
// unknown word w: 1 for a word not on the lists, less for common words,
// least for the most common.
func (p *params) generalFactor(w string) float32 {
	r, ok := generalRank[w]
	switch {
	case !ok:
		return 1
	case r <= 300:
		return float32(p.generalW)
	default:
		return float32(p.generalMid)
	}
}

// isEveryday reports whether w is an everyday word for onlyEveryday: on
// the lists down to rank params.everydayRank, or, when that reaches
// below the top 300, a name of a day, a month or a season ("What are you
// up to on this fine Monday?"), which tells when, not what.
func (p *params) isEveryday(w string) bool {
	if r, ok := generalRank[w]; ok && int(r) <= p.everydayRank {
		return true
	}
	if p.everydayRank > 300 {
		_, ok := timeWords[w]
		return ok
	}
	return false
}
