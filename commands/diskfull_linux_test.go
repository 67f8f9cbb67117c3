//go:build linux

package commands_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// smallDisk mounts a tmpfs of size bytes for the test, or skips the test
// where mounting is not allowed (not root, no CAP_SYS_ADMIN).
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// TestMyDataDeleteOnARealFullDisk fills a 4 MiB filesystem through the bot
// until nothing can be written. In WAL mode a deletion needs room in the
// WAL (without the reserve, ForgetMember fails with SQLITE_FULL there);
// the reserve file the bot keeps beside the database gives it that room.
func TestMyDataDeleteOnARealFullDisk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(smallDisk(t, 4<<20), "passionbot.db")
	h := bottest.New(t, bottest.WithDatabase(path))
	if err := h.DB.KeepReserve(); err != nil {
		t.Fatal(err)
	}
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, `interests add tags:"keramik, surdeg"`)
	h.Say(kim, `profile set drive:passion about:"Jag drejar" offers:"en brännugn"`)

	full := ""
	for i := 0; i < 5000 && full == ""; i++ {
		got := h.Say(h.Member(fmt.Sprintf("filler%d", i/40), bot.RoleMember), fmt.Sprintf("%s %d?", strings.Repeat("vad betyder zqxv ", 25), i))
		if !strings.Contains(got, "sparat frågan") {
			full = got
		}
	}
	// A question that did not fit can leave room in the WAL that a smaller
	// write (and a deletion) still fits in: the smallest writes there are,
	// a member's language, use it up.
	for i, failed := 0, 0; i < 1000 && failed < 5; i++ {
		failed++
		if got := h.Say(h.Member(fmt.Sprintf("filler%d", i%20), bot.RoleMember), "language "+[]string{"sv", "en"}[i%2]); strings.HasPrefix(got, "Klart:") || strings.HasPrefix(got, "Done:") {
			failed = 0
		}
	}
	if !strings.Contains(full, "Jag kunde inte spara frågan just nu") {
		t.Fatalf("reply on a full disk: %q", full)
	}
	if got := h.Say(kim, "mydata delete confirm:yes"); got != "Klart: allt jag hade sparat om dig är raderat." {
		t.Fatalf("mydata delete on a full disk: %q", got)
	}
	exp, err := h.DB.ExportMember(ctx, kim)
	if err != nil {
		t.Fatal(err)
	}
	for table, rows := range exp {
		if len(rows) > 0 {
			t.Errorf("kim still has %d row(s) in %s", len(rows), table)
		}
	}
	if _, err := os.Stat(path + "-reserve"); !os.IsNotExist(err) {
		t.Fatalf("the reserve was not used: %v", err)
	}
}
