package knowledge

import "unicode/utf8"

const (
	// compoundMinRunes is the shortest token that is tried as a compound.
	compoundMinRunes = 6
	// partMinRunes is the shortest compound part ("mat", "tid", "liv").
	partMinRunes = 3
	// maxParts bounds the number of parts of one compound.
	maxParts = 4
)

// splitCompound splits a Swedish compound such as "matproducenter" or
// "mötesplatser" into parts that each satisfy known, using dynamic
// programming over rune boundaries. Parts have at least partMinRunes
// runes; a non-final part may carry the Swedish linking "s" ("mötes" +
// "platser" → "möte", "platser"), which is dropped when the part without
// it is known. The final part is passed to known as is, so known should
// accept inflected forms (by stemming). The split with the fewest parts
// wins, ties going to the one with the longest first part. It returns nil
// unless there are at least two parts.
func splitCompound(tok string, known func(part string, final bool) bool) []string {
	if utf8.RuneCountInString(tok) < compoundMinRunes {
		return nil
	}
	// Byte offsets of rune boundaries.
	bounds := make([]int, 0, len(tok)+1)
	for i := range tok {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(tok))
	n := len(bounds) - 1 // runes
	if n > maxTokenRunes {
		return nil
	}
	// best[i]: fewest parts to cover tok[bounds[i]:]; next[i]: end rune
	// index of the first part; link[i]: whether that part drops a linking s.
	const inf = 1 << 30
	best := make([]int, n+1)
	next := make([]int, n+1)
	link := make([]bool, n+1)
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		best[i] = inf
		for j := n; j >= i+partMinRunes; j-- { // longest part first
			if i == 0 && j == n {
				continue // the whole word is not a split
			}
			part := tok[bounds[i]:bounds[j]]
			final := j == n
			if !final && best[j] == inf {
				continue
			}
			if !final && best[j]+1 > maxParts {
				continue
			}
			ok, linked := known(part, final), false
			if !ok && !final && j-i > partMinRunes && tok[bounds[j-1]] == 's' {
				ok, linked = known(tok[bounds[i]:bounds[j-1]], false), true
			}
			if !ok {
				continue
			}
			if c := best[j] + 1; c < best[i] {
				best[i], next[i], link[i] = c, j, linked
			}
		}
	}
	if best[0] < 2 || best[0] == inf {
		return nil
	}
	parts := make([]string, 0, best[0])
	for i := 0; i < n; i = next[i] {
		end := next[i]
		if link[i] {
			parts = append(parts, tok[bounds[i]:bounds[end-1]])
		} else {
			parts = append(parts, tok[bounds[i]:bounds[end]])
		}
	}
	return parts
}
