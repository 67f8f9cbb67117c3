package when

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the class of a token.
type tokKind uint8

const (
	num   tokKind = iota + 1 // a run of ASCII digits
	word                     // a run of letters
	punct                    // any other single character
)

// token is one lexical unit of the input.
type token struct {
	kind tokKind
	// text is folded: lower case, å and ä as a, ö as o, é as e, every
	// dash as '-'.
	text string
	// n is a number's value, or -1 when it has more than 9 digits.
	n int
	// digits is a number's length.
	digits int
	// space is whether the token follows a space (or starts the input).
	space bool
	// start and end are byte offsets in the input.
	start, end int
}

// lex splits s into numbers, words and punctuation. Spaces and brackets
// only separate tokens.
func lex(s string) []token {
	var toks []token
	space := true
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		t := token{space: space, start: i}
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("()[]", r):
			space = true
			i += w
			continue
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			t.kind, t.text, t.digits = num, s[i:j], j-i
			t.n = -1
			if t.digits <= 9 {
				t.n = 0
				for _, c := range []byte(t.text) {
					t.n = t.n*10 + int(c-'0')
				}
			}
			i = j
		case unicode.IsLetter(r):
			var b strings.Builder
			j := i
			for j < len(s) {
				r, w := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r) {
					b.WriteRune(fold(r))
				} else if !unicode.Is(unicode.Mn, r) { // drop combining accents
					break
				}
				j += w
			}
			t.kind, t.text = word, b.String()
			i = j
		default:
			if strings.ContainsRune("‐‑‒–—―−", r) {
				r = '-'
			}
			t.kind, t.text = punct, string(r)
			i += w
		}
		t.end = i
		toks = append(toks, t)
		space = false
	}
	return toks
}

// fold lower-cases r and drops the accents Swedish and English writers
// use, so that keywords can be matched in ASCII.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'å', 'ä', 'à', 'á', 'â':
		return 'a'
	case 'ö', 'ø', 'ô', 'ó':
		return 'o'
	case 'é', 'è', 'ê':
		return 'e'
	case 'ü':
		return 'u'
	}
	return r
}

// isWord reports whether t is a word among ws.
func (t token) isWord(ws ...string) bool {
	if t.kind != word {
		return false
	}
	for _, w := range ws {
		if t.text == w {
			return true
		}
	}
	return false
}

// isPunct reports whether t is the punctuation c.
func (t token) isPunct(c string) bool { return t.kind == punct && t.text == c }

// isNum reports whether t is a number of minDigits to maxDigits digits.
func (t token) isNum(minDigits, maxDigits int) bool {
	return t.kind == num && t.digits >= minDigits && t.digits <= maxDigits
}

// glued reports whether t exists and follows the previous token without a
// space.
func (t token) glued() bool { return t.kind != 0 && !t.space }
