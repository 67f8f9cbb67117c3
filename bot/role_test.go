package bot_test

import (
	"testing"

	"passionbot/bot"
)

// NewRoleMap tells ids from names: only an id is unique, and a name is
// warned about at start.
func TestRoleMapTellsIDsFromNames(t *testing.T) {
	for _, tc := range []struct {
		entry string
		id    bool
	}{
		{"S0614TZR7", true},              // a real Slack user-group id
		{"SABCDEF01", true},              // upper case with a digit
		{"1234567890123456789", true},    // a Discord role id
		{"id:styrelsen", true},           // an explicit id
		{"STYRELSEN", false},             // an all-caps name, not an id
		{"SAMORDNARE", false},            // likewise
		{"Styrelsen", false},             // a name
		{"S123", false},                  // too short for a Slack id
		{"123456", false},                // too short for a snowflake
		{"styrelsen-2024", false},        // lower case: a handle
		{"123456789012345678901", false}, // too long for a snowflake
	} {
		m := bot.NewRoleMap(map[bot.Role][]string{bot.RoleAdmin: {tc.entry}})
		if got := len(m.ByID) == 1; got != tc.id {
			t.Errorf("%q: by id = %v, want %v (ByID %v, ByName %v)", tc.entry, got, tc.id, m.ByID, m.ByName)
		}
	}
}
