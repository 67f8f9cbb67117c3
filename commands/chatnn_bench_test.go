package commands

import "testing"

// BenchmarkChatByExample reads lines by the small-talk examples alone: a
// greeting, a new phrasing, and a question none of them is like.
func BenchmarkChatByExample(b *testing.B) {
	lines := []string{"tjabba allihopa!", "sitter det nån person bakom skärmen elr?", "how do you book the kiln for saturday?"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		chatExamples().classify(lines[i%len(lines)], false)
	}
}
