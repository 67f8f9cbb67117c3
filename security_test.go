package main

import (
	"strings"
	"testing"
)

// Terminal escapes a member or a question carries never reach the
// operator's terminal: not from `ask`, not from the console.
func TestControlCharactersNeverReachTheTerminal(t *testing.T) {
	inTempDir(t)
	const hostile = "vad står \x1b]0;pwned\x07\x1b[2J\x9b31mPUNKS\x00 för?"
	code, out, errOut := runCLI(t, "", "ask", hostile)
	if code != 0 || strings.ContainsAny(out+errOut, "\x1b\x07\x00\u009b") || !strings.Contains(out, "PUNKS") {
		t.Fatalf("ask: exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, hostile+"\ninterests add tags:ker\x1bamik\n", "--db", "c.db", "--as", "member")
	if code != 0 || strings.ContainsAny(out+errOut, "\x1b\x07\x00\u009b") || !strings.Contains(out, "keramik") {
		t.Fatalf("console: exit %d, out %q, err %q", code, out, errOut)
	}
}
