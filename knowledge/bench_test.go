package knowledge

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// synthVocab builds a deterministic vocabulary: the words of the built-in
// base plus generated Swedish- and English-looking words (simple words
// and compounds), so that the synthetic index has a realistic number of
// distinct terms (tens of thousands) with a Zipf-like frequency.
func synthVocab(r *rand.Rand) []string {
	seen := map[string]bool{}
	var vocab []string
	add := func(w string) {
		if !seen[w] && len(w) > 1 {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	if topics, err := Builtin(); err == nil {
		for _, t := range topics {
			for _, w := range tokens(t.Title + " " + t.Body) {
				add(w)
			}
		}
	}
	onsets := []string{"b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "st", "sk", "tr", "br", "fr", "gr", "pl", "sl", "sp", "kr", "sn", "th", "w", "ch", "sh"}
	vowels := []string{"a", "e", "i", "o", "u", "y", "å", "ä", "ö", "ea", "ou", "ie"}
	codas := []string{"", "n", "r", "l", "s", "t", "k", "ng", "nd", "rt", "st", "m", "ck", "ll"}
	endings := []string{"", "", "", "en", "et", "ar", "er", "ing", "ning", "ade", "s", "ed", "tion", "ly", "are", "het"}
	syll := func() string {
		return onsets[r.IntN(len(onsets))] + vowels[r.IntN(len(vowels))] + codas[r.IntN(len(codas))]
	}
	var stems []string
	for len(stems) < 12000 {
		n := 1 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syll())
		}
		stems = append(stems, b.String())
	}
	for i, s := range stems {
		add(s + endings[r.IntN(len(endings))])
		if i%3 == 0 { // compounds
			add(s + stems[r.IntN(len(stems))])
		}
	}
	return vocab
}

// synthTopics generates n topics (each in sv and en) from the vocabulary
// with a Zipf distribution, with a fixed seed.
func synthTopics(n int) []Topic {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := synthVocab(r)
	z := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[z.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	topics := make([]Topic, 0, 2*n)
	for i := range n {
		id := fmt.Sprintf("topic-%05d", i)
		for _, lang := range []string{"sv", "en"} {
			var tags []string
			for range 3 + r.IntN(4) {
				tags = append(tags, words(1+r.IntN(2)))
			}
			var body []string
			for range 2 + r.IntN(3) {
				body = append(body, words(10+r.IntN(12))+".")
			}
			topics = append(topics, Topic{
				ID: id, Lang: lang,
				Title:   words(4+r.IntN(4)) + "?",
				Tags:    tags,
				Body:    strings.Join(body, " "),
				Related: []string{fmt.Sprintf("topic-%05d", r.IntN(n))},
			})
		}
	}
	return topics
}

var (
	synthOnce   sync.Once
	synth10k    []Topic
	synthIndex  *Index
	synthQuests []string
)

func synth(b *testing.B) {
	synthOnce.Do(func() {
		synth10k = synthTopics(10000)
		synthIndex = NewIndex(synth10k)
		r := rand.New(rand.NewPCG(3, 4))
		for range 100 {
			t := synth10k[r.IntN(len(synth10k))]
			ws := tokens(t.Title + " " + t.Body)
			q := []string{"vad", "är"}
			for range 3 + r.IntN(4) {
				w := ws[r.IntN(len(ws))]
				if r.IntN(5) == 0 && len(w) > 5 { // a typo
					w = w[:2] + w[3:]
				}
				q = append(q, w)
			}
			synthQuests = append(synthQuests, strings.Join(q, " ")+"?")
		}
	})
}

// BenchmarkSearchBuiltin is one question on the real base (target < 50 µs).
func BenchmarkSearchBuiltin(b *testing.B) {
	ix := builtinIndex(b)
	qs := []string{
		"vad menas egentligen med passionsdriven ekonomi?",
		"who commisioned the passion report",
		"hur slår jag på matchning",
		"whats the wether in Halmstad tomorrow",
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.Search(qs[i%len(qs)], "sv")
		i++
	}
}

// BenchmarkSearchSynthetic10k is one question on 10,000 generated topics
// (target < 1 ms).
func BenchmarkSearchSynthetic10k(b *testing.B) {
	synth(b)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		synthIndex.Search(synthQuests[i%len(synthQuests)], "en")
		i++
	}
}

// BenchmarkBuild10k builds the index over 10,000 generated topics
// (target < 2 s).
func BenchmarkBuild10k(b *testing.B) {
	synth(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		NewIndex(synth10k)
	}
}

// BenchmarkIndexHeap10k reports the heap held by an index over 10,000
// generated topics (MiB/index, target < 64 MiB), measured with
// runtime.ReadMemStats around NewIndex after garbage collections. The
// topics themselves are allocated before and not counted.
func BenchmarkIndexHeap10k(b *testing.B) {
	synth(b)
	b.ReportAllocs()
	var mib float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix := NewIndex(synth10k)
		runtime.GC()
		runtime.ReadMemStats(&after)
		mib = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
		runtime.KeepAlive(ix)
	}
	b.ReportMetric(mib, "MiB/index")
}

// BenchmarkSearchHuge is a 100 KB question (must stay fast).
func BenchmarkSearchHuge(b *testing.B) {
	ix := builtinIndex(b)
	q := strings.Repeat("passion innovation region vad är det ", 3000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ix.Search(q, "sv")
	}
}
