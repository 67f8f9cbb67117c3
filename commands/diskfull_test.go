package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// fillDisk caps the harness's database at its current size plus a few
// pages (PRAGMA max_page_count holds per connection, so the pool is cut to
// one), then has member filler ask new questions until SQLite answers
// SQLITE_FULL. It returns the reply that said so.
func fillDisk(t *testing.T, h *bottest.Harness) string {
	t.Helper()
	ctx := context.Background()
	db := h.DB.SQL()
	db.SetMaxOpenConns(1)
	var pages int
	if err := db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	for i := range 40 { // below the cap of open questions: the disk fills first
		got := h.Say(h.Member("filler", bot.RoleMember), fmt.Sprintf("%s %d?", strings.Repeat("vad betyder zqxv ", 25), i))
		if !strings.Contains(got, "sparat frågan") {
			return got
		}
	}
	t.Fatal("the database never filled up")
	return ""
}

func TestMemberCanDeleteTheirDataOnAFullDisk(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t)
	kim, bo, ada := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("ada", bot.RoleAdmin)
	for _, u := range []bot.User{kim, bo} {
		h.Say(u, `interests add tags:"keramik, surdeg, vävning"`)
		h.Say(u, `profile set drive:passion about:"Jag drejar och bakar" offers:"en brännugn"`)
		h.Say(u, "vem säljer lera i zqxvby?")
	}
	h.Say(ada, "member forget user:nobody") // an audit entry for the admin

	full := fillDisk(t, h)
	if !strings.Contains(full, "Det vet jag inte än") || !strings.Contains(full, "Jag kunde inte spara frågan just nu") {
		t.Fatalf("a question on a full disk: %q", full)
	}

	// Deleting still works: mydata delete, and member forget by an admin.
	if got := h.Say(kim, "mydata delete confirm:yes"); got != "Klart: allt jag hade sparat om dig är raderat." {
		t.Fatalf("mydata delete on a full disk: %q", got)
	}
	if got := h.Say(ada, "member forget user:bo"); got != "Allt som sparats om bo är raderat." {
		t.Fatalf("member forget on a full disk: %q", got)
	}
	for _, u := range []bot.User{kim, bo} {
		exp, err := h.DB.ExportMember(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		for table, rows := range exp {
			// The admin's `member forget` is itself audited, naming bo.
			if len(rows) > 0 && (table != "audit_log" || u.ID != bo.ID) {
				t.Errorf("%s still has %d row(s) in %s after deleting on a full disk", u.ID, len(rows), table)
			}
		}
	}
}
