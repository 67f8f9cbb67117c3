package main

import (
	"os"
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

// [roles] entries that are names work, with a warning at start that says
// why an id is safer; ids give no warning.
func TestRoleNamesInConfigAreWarnedAbout(t *testing.T) {
	dir := inTempDir(t)
	cfg := dir + "/p.toml"
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(cfg, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("[roles]\nadmin = [\"Styrelsen\", \"123456789012345678\"]\n")
	code, _, errOut := runCLI(t, "help\n", "--config", cfg, "--db", "a.db")
	if code != 0 || !strings.Contains(errOut, "[roles] maps role names") || !strings.Contains(errOut, "names=styrelsen") {
		t.Fatalf("names: exit %d, stderr %q", code, errOut)
	}
	write("[roles]\nadmin = [\"123456789012345678\", \"S0614TZR7\", \"id:42\"]\n")
	if code, _, errOut := runCLI(t, "help\n", "--config", cfg, "--db", "a.db"); code != 0 || strings.Contains(errOut, "[roles] maps role names") {
		t.Fatalf("ids: exit %d, stderr %q", code, errOut)
	}
}
