package commands_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// TestFaqReloadKeepsTheFolderOutOfChat: the bot starts although the topic
// folder holds a FIFO; `faq reload` names each skipped file relative to the
// folder (with the line of a malformed one) and never shows the folder's
// path or what the malformed line says.
func TestFaqReloadKeepsTheFolderOutOfChat(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	good := "---\nid: kiln-share\nlang: sv\ntitle: Var kan jag låna en brännugn?\n---\nKeramikföreningen hyr ut sin brännugn.\n"
	for name, data := range map[string]string{
		"kiln-share.sv.md": good,
		"broken.sv.md":     "---\nid: broken\nlang: sv\nlösenord hunter2\n---\nx\n",
		"big.md":           strings.Repeat("ugn ", 20000),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(outside, []byte(strings.ReplaceAll(good, "kiln-share", "elsewhere")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}

	started := make(chan *bottest.Harness, 1)
	go func() { started <- bottest.New(t, bottest.WithKnowledgeDir(dir)) }()
	var h *bottest.Harness
	select {
	case h = <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("the bot did not start with a FIFO in the topic folder")
	}
	got := h.Say(h.Member("olle", bot.RoleOrganiser), "faq reload")
	for _, want := range []string{
		"hoppade över broken.sv.md:4",
		"hoppade över big.md: större än 64 KiB",
		"hoppade över link.md: inte en vanlig fil",
		"hoppade över pipe.md: inte en vanlig fil",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reload lacks %q:\n%s", want, got)
		}
	}
	for _, secret := range []string{"hunter2", "lösenord", dir, outside} {
		if strings.Contains(got, secret) {
			t.Errorf("reload shows %q:\n%s", secret, got)
		}
	}
}
