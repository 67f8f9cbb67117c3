package commands

import (
	"sort"
	"strings"
)

// ChatSets are chatSets for the package's external tests (the examples'
// generator reads the same sets as the cross-validation).
var ChatSets = chatSets

// ChatReplyKeys are the last parts of the small-talk replies' catalog
// keys ("greet", "unclear" …), chatter's "unsure" among them, sorted.
func ChatReplyKeys() []string {
	keys := []string{"unsure"}
	for _, k := range chatKeys {
		keys = append(keys, strings.TrimPrefix(k, "chat."))
	}
	sort.Strings(keys)
	return keys
}
