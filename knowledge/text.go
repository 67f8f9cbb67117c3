package knowledge

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/swedish"
)

const (
	// maxTokenRunes caps the length of one token; the rest of a longer
	// run of letters is skipped. No real word in either language is longer.
	maxTokenRunes = 40
	// minTokenRunes drops one-letter tokens ("k" in "Linda K Nordfors",
	// the "s" of "what's").
	minTokenRunes = 2
)

// foldRune lower-cases r and folds diacritics that are not distinct
// letters in Swedish (é→e, ü→u, ø→ö, æ→ä, …). It keeps å, ä and ö.
// It returns -1 for runes that separate tokens and 0 for runes to drop
// silently (combining marks that are not the Swedish ring or diaeresis).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + ('a' - 'A')
		}
		return -1
	}
	r = unicode.ToLower(r)
	switch r {
	case 'å', 'ä', 'ö':
		return r
	case 'à', 'á', 'â', 'ã', 'ā', 'ă', 'ą':
		return 'a'
	case 'æ':
		return 'ä'
	case 'ç', 'ć', 'č':
		return 'c'
	case 'ď', 'đ', 'ð':
		return 'd'
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return 'i'
	case 'ł':
		return 'l'
	case 'ñ', 'ń', 'ň':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ō', 'ő':
		return 'o'
	case 'ø', 'œ':
		return 'ö'
	case 'ř':
		return 'r'
	case 'ś', 'š', 'ş':
		return 's'
	case 'ť', 'þ':
		return 't'
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'ź', 'ż', 'ž':
		return 'z'
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return r
	}
	return -1
}

// tokenizer splits text into folded, lower-cased word tokens. It reuses
// its buffer, so one tokenizer must not be shared between goroutines.
type tokenizer struct {
	buf []byte
}

// each calls fn for every token of s, in order, until fn returns false.
// At most maxBytes bytes of s are examined (0 means all). See scan.
func (t *tokenizer) each(s string, maxBytes int, fn func(tok string) bool) {
	if maxBytes > 0 && len(s) > maxBytes {
		s = s[:maxBytes]
	}
	t.buf = scan(s, t.buf, func(tok []byte, _, _ bool) bool {
		return fn(string(tok))
	})
}

// eachBytes is each without a string per token: tok is valid only
// during the call (look it up in a map with string(tok), which does not
// copy it).
func (t *tokenizer) eachBytes(s string, fn func(tok []byte) bool) {
	t.buf = scan(s, t.buf, func(tok []byte, _, _ bool) bool {
		return fn(tok)
	})
}

// scan calls fn for every token of s until fn returns false. Tokens are
// runs of letters and digits, folded by foldRune; everything else
// (punctuation, apostrophes, hyphens, emoji, invalid UTF-8) separates
// them. Decomposed å, ä and ö (a letter followed by a combining ring or
// diaeresis) are recomposed. Tokens shorter than minTokenRunes are
// dropped, longer than maxTokenRunes cut. fn also learns whether the
// token was written with a capital letter and whether it starts a
// sentence (or the text). tok is only valid during the call; buf is
// reused and returned.
func scan(s string, buf []byte, fn func(tok []byte, upper, initial bool) bool) []byte {
	buf = buf[:0]
	n := 0 // runes in buf
	upper, initial, nextInitial := false, true, true
	flush := func() bool {
		ok := true
		if n >= minTokenRunes {
			ok = fn(buf, upper, initial)
		}
		buf, n = buf[:0], 0
		return ok
	}
	started := false // inside a token (possibly past maxTokenRunes)
	for _, r := range s {
		switch r {
		case '\u030a': // combining ring above
			if m := len(buf); n > 0 && buf[m-1] == 'a' {
				buf = append(buf[:m-1], "å"...)
			}
			continue
		case '\u0308': // combining diaeresis
			if m := len(buf); n > 0 {
				switch buf[m-1] {
				case 'a':
					buf = append(buf[:m-1], "ä"...)
				case 'o':
					buf = append(buf[:m-1], "ö"...)
				}
			}
			continue
		}
		f := foldRune(r)
		switch {
		case f == 0:
		case f < 0:
			if started {
				started = false
				if !flush() {
					return buf
				}
			}
			switch r {
			case '.', '!', '?', ':', ';', '\n', '–', '—', '(', '"', '*', '`', '“', '”':
				nextInitial = true
			}
		default:
			if !started {
				started = true
				upper = unicode.IsUpper(r)
				initial = nextInitial
				nextInitial = false
			}
			if n < maxTokenRunes {
				buf = utf8.AppendRune(buf, f)
				n++
			}
		}
	}
	if started {
		flush()
	}
	return buf
}

// eachSentence calls fn for each sentence of text (split after . ! ? or a
// line break followed by a space or the end), or once for all of text
// when split is false.
func eachSentence(text string, split bool, fn func(s string)) {
	if !split {
		fn(text)
		return
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '!', '?', '\n', ';':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				fn(text[start : i+1])
				start = i + 1
			}
		}
	}
	if start < len(text) {
		fn(text[start:])
	}
}

// tokens returns all tokens of s (no stop-word removal). For tests and
// index building.
func tokens(s string) []string {
	var t tokenizer
	var out []string
	t.each(s, 0, func(tok string) bool {
		out = append(out, tok)
		return true
	})
	return out
}

// stem reduces a folded token to its index term: the Snowball stem in
// lang ("sv" or "en"), spelt by termKey. Pure digit tokens are returned
// unchanged. Results are memoised per index (stemMemo): a question's words
// are stemmed several times (exact terms, variants, compound parts), and
// the same words come back in question after question.
func (ix *Index) stem(tok, lang string) string {
	c := &ix.stems[0]
	if lang == "en" {
		c = &ix.stems[1]
	}
	c.mu.RLock()
	s, ok := c.m[tok]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = stemNew(tok, lang)
	c.mu.Lock()
	if len(c.m) < stemCacheMax {
		if c.m == nil {
			c.m = map[string]string{}
		}
		c.m[strings.Clone(tok)] = s
	}
	c.mu.Unlock()
	return s
}

// stemCacheMax bounds each language's stem memo, so that a stream of
// made-up words cannot grow it without end; past it, words are stemmed
// each time.
const stemCacheMax = 1 << 15

// stemMemo is one language's memo of stem, per index.
type stemMemo struct {
	mu sync.RWMutex
	m  map[string]string
}

// stemNew is stem without the memo (index builds, which stem each distinct
// word once).
func stemNew(tok, lang string) string {
	if isDigits(tok) {
		return tok
	}
	if lang == "en" {
		return termKey(english.Stem(tok, true))
	}
	return termKey(svExtra(swedish.Stem(tok, true)))
}

// svExtra removes two Swedish endings that Snowball leaves: the definite
// neuter "-et" ("syftet", "uppdraget", "företaget", and the neuter
// adjective "passionsdrivet") and the "n" of an adjective plural stem
// after a consonant ("passionsdrivna" → "passionsdrivn" → "passionsdriv",
// like "passionsdriven"). Stems must keep at least four runes.
func svExtra(s string) string {
	rs := []rune(s)
	n := len(rs)
	switch {
	case n >= 6 && rs[n-2] == 'e' && rs[n-1] == 't':
		return string(rs[:n-2])
	case n >= 5 && rs[n-1] == 'n' && isConsonant(rs[n-2]) && rs[n-2] != 'n':
		return string(rs[:n-1])
	}
	return s
}

func isConsonant(r rune) bool {
	return r >= 'a' && r <= 'z' && !strings.ContainsRune("aeiouy", r)
}

// termKey respells a stem so that Swedish and English cognates meet:
// c before e/i/y → s, other c → k, ck → k, ph → f, th → t, qu → kv,
// q → k, w → v, x → ks, z → s, doubled letters once, final y → i. So
// "economy" (economi) and "ekonomi", "method" and "metod", "commission"
// and "kommission", "discuss" and "diskussion" share a term or a prefix.
// Applied to both documents and queries, it only merges spellings.
func termKey(s string) string {
	if !strings.ContainsAny(s, "cwxzqhy") && !hasDouble(s) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+2)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == 'c' && next == 'k':
			continue // the k follows
		case r == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			r = 's'
		case r == 'c':
			r = 'k'
		case r == 'p' && next == 'h':
			r = 'f'
			i++
		case r == 't' && next == 'h':
			i++
		case r == 'q' && next == 'u':
			out = append(out, 'k')
			r = 'v'
			i++
		case r == 'q':
			r = 'k'
		case r == 'w':
			r = 'v'
		case r == 'x':
			out = append(out, 'k')
			r = 's'
		case r == 'z':
			r = 's'
		case r == 'y' && i == len(rs)-1 && i > 0:
			r = 'i'
		}
		if n := len(out); n > 0 && out[n-1] == r && !isDigitRune(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func hasDouble(s string) bool {
	var prev rune
	for _, r := range s {
		if r == prev {
			return true
		}
		prev = r
	}
	return false
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Words that make a sentence a statement about missing knowledge; see
// isNegativeSentence.
var (
	negationWords = wordSet(`not no inte ej never aldrig`)
	tellingWords  = wordSet(`source sources källa källor källorna say says said
		describe describes mention mentions state states known unknown okänt
		framgår beskriver nämner nämns anger säger känt`)
)

// isNegativeSentence reports whether a sentence says what the knowledge
// base does not know ("The bot's sources do not say who chairs it", "…
// framgår inte av botens källor"): a negation next to a word about sources
// or telling (at most negNear words apart, so that "the term describes the
// purpose, not the person" is not one). Such sentences stay in the answer,
// but their words describe exactly the questions the topic cannot answer,
// so they are not indexed as evidence for it; Search uses them to decline
// such questions.
func isNegativeSentence(s string) bool {
	var nt negTracker
	for _, w := range tokens(s) {
		_, neg := negationWords[w]
		_, tell := tellingWords[w]
		nt.see(neg, tell)
	}
	return nt.hit
}

// negNear is how many words apart a negation and a telling word may be.
const negNear = 2

// negTracker finds a negation near a telling word in a sentence's words,
// fed one word at a time (stop words included).
type negTracker struct {
	pos, neg, tell int // position of the next word, and 1 + of the last of each
	hit            bool
}

func (t *negTracker) see(neg, tell bool) {
	t.pos++
	if neg {
		t.neg = t.pos
	}
	if tell {
		t.tell = t.pos
	}
	if t.neg > 0 && t.tell > 0 && max(t.neg, t.tell)-min(t.neg, t.tell) <= negNear {
		t.hit = true
	}
}
