package knowledge

import (
	"slices"
)

// Typo tolerance uses a symmetric-delete index (the SymSpell idea): every
// vocabulary word is stored under the hashes of all strings obtained by
// deleting up to maxDel of its runes. Two words within edit distance d
// share at least one such deletion variant (with up to d deletions on
// each side), so a query only needs to look up its own deletion variants
// and verify the few candidates with a real distance computation. The
// index is a sorted slice of packed (hash, word) entries: 8 bytes per
// entry, no per-entry allocation, binary search per lookup.

const (
	// fuzzyMinRunes is the shortest query token that is typo-corrected;
	// shorter words have too many neighbours at distance 1.
	fuzzyMinRunes = 4
	// fuzzyLongRunes is the length from which distance 2 is allowed.
	fuzzyLongRunes = 8
	// deep2MinRunes is the shortest vocabulary word stored with two
	// deletions. A query of fuzzyLongRunes runes at distance 2 from a
	// word shorter than this would need two insertions, which is rare.
	deep2MinRunes = 7
)

type fuzzyIndex struct {
	words []string // vocabulary words (folded)
	// entries holds, sorted, one entry per deletion variant of a word:
	// the variant's 40-bit hash in the high bits and the word's id in the
	// low 24 bits. A hash collision only adds a candidate that the
	// distance check then rejects.
	entries []uint64
}

const (
	idBits = 24
	idMask = 1<<idBits - 1
	// maxFuzzyWords is the largest vocabulary the fuzzy index covers;
	// words beyond it are simply not typo-corrected.
	maxFuzzyWords = idMask + 1
)

// hashSkip hashes rs without the runes at positions i and j (use -1 for
// none) with FNV-1a over the rune values.
func hashSkip(rs []rune, i, j int) uint64 {
	h := uint64(14695981039346656037)
	for k, r := range rs {
		if k == i || k == j {
			continue
		}
		v := uint32(r)
		for b := 0; b < 4; b++ {
			h ^= uint64(byte(v))
			h *= 1099511628211
			v >>= 8
		}
	}
	return h
}

// variants calls fn with the hash of rs and of every string obtained by
// deleting one rune, and two runes when deep is set.
func variants(rs []rune, deep bool, fn func(h uint64)) {
	fn(hashSkip(rs, -1, -1))
	for i := range rs {
		if i > 0 && rs[i] == rs[i-1] {
			continue // same variant as deleting rs[i-1]
		}
		fn(hashSkip(rs, i, -1))
		if deep {
			for j := i + 1; j < len(rs); j++ {
				fn(hashSkip(rs, i, j))
			}
		}
	}
}

func newFuzzyIndex(words []string) fuzzyIndex {
	var entries []uint64
	var rs []rune
	for id, w := range words {
		if id >= maxFuzzyWords {
			break
		}
		rs = append(rs[:0], []rune(w)...)
		if len(rs) < fuzzyMinRunes-1 {
			continue
		}
		variants(rs, len(rs) >= deep2MinRunes, func(h uint64) {
			entries = append(entries, h>>idBits<<idBits|uint64(id))
		})
	}
	slices.Sort(entries)
	return fuzzyIndex{words: words, entries: slices.Clip(slices.Compact(entries))}
}

// maxDist is the allowed edit distance for a query token of n runes.
func maxDist(n int) int {
	switch {
	case n < fuzzyMinRunes:
		return 0
	case n >= fuzzyLongRunes:
		return 2
	}
	return 1
}

// lookup returns the ids of vocabulary words at the smallest edit distance
// (1 ≤ d ≤ maxDist) from the token, and that distance (0 when none).
// At most limit ids are returned. seen is scratch space of the caller.
func (fz *fuzzyIndex) lookup(tok []rune, limit int, seen map[int32]bool) ([]int32, int) {
	md := maxDist(len(tok))
	if md == 0 || len(fz.entries) == 0 {
		return nil, 0
	}
	clear(seen)
	best := md + 1
	var out []int32
	var wr []rune
	variants(tok, md >= 2, func(h uint64) {
		h = h >> idBits << idBits
		i, _ := slices.BinarySearch(fz.entries, h)
		for ; i < len(fz.entries) && fz.entries[i]&^idMask == h; i++ {
			id := int32(fz.entries[i] & idMask)
			if seen[id] {
				continue
			}
			seen[id] = true
			wr = append(wr[:0], []rune(fz.words[id])...)
			d := osaDistance(tok, wr, best)
			if d == 0 || d > best || d > md {
				continue
			}
			if d < best {
				best = d
				out = out[:0]
			}
			out = append(out, id)
		}
	})
	if len(out) == 0 {
		return nil, 0
	}
	// Deterministic choice: shortest words first, then alphabetical.
	slices.SortFunc(out, func(a, b int32) int {
		wa, wb := fz.words[a], fz.words[b]
		if len(wa) != len(wb) {
			return len(wa) - len(wb)
		}
		if wa < wb {
			return -1
		}
		if wa > wb {
			return 1
		}
		return 0
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, best
}

// osaDistance is the optimal-string-alignment (restricted
// Damerau–Levenshtein) distance between a and b: insertions, deletions,
// substitutions and transpositions of adjacent runes. It returns max+1 as
// soon as the distance is known to exceed max.
func osaDistance(a, b []rune, max int) int {
	la, lb := len(a), len(b)
	if d := la - lb; d > max || -d > max {
		return max + 1
	}
	if la == 0 || lb == 0 {
		return la + lb
	}
	// Three rolling rows; lengths are capped at maxTokenRunes so they stay
	// on the stack.
	var buf [3][maxTokenRunes + 2]int
	if lb > maxTokenRunes {
		return max + 1
	}
	prev2, prev, cur := buf[0][:lb+1], buf[1][:lb+1], buf[2][:lb+1]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[lb] > max {
		return max + 1
	}
	return prev[lb]
}
