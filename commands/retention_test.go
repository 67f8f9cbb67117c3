package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

func TestOneMemberCannotFillTheOrganisersList(t *testing.T) {
	h := bottest.New(t)
	ctx := context.Background()
	kim := h.Member("kim", bot.RoleMember)
	for i := range storage.MaxOpenQuestionsPerMember {
		if got := h.Say(kim, fmt.Sprintf("vad betyder ordet zqxv%d?", i)); !strings.Contains(got, "sparat frågan") {
			t.Fatalf("question %d: %q", i+1, got)
		}
	}
	got := h.Say(kim, "vad betyder ordet zqxvslut?")
	if !strings.Contains(got, "Det vet jag inte än") || !strings.Contains(got, "Du har redan många frågor som väntar på svar") || strings.Contains(got, "sparat frågan") {
		t.Fatalf("question past the cap: %q", got)
	}
	// The same question again is one question, not another row.
	h.Say(kim, "Vad betyder ordet ZQXV3")
	if n, _ := h.DB.CountOpenQuestions(ctx); n != storage.MaxOpenQuestionsPerMember {
		t.Fatalf("open questions = %d, want %d", n, storage.MaxOpenQuestionsPerMember)
	}
	if got := h.SayIn(h.Member("bo", bot.RoleMember), "en", "what is a zqxv pot?"); !strings.Contains(got, "I have saved the question") {
		t.Fatalf("another member's question: %q", got)
	}
}

func TestOldQuestionsAndAuditEntriesArePrunedAtStartAndNightly(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2027, 1, 4, 12, 0, 0, 0, time.UTC)
	h := bottest.New(t, bottest.At(t0))
	kim, olle := h.Member("kim", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	h.Say(kim, "vem bakar surdegsbröd i zqxvby?")
	h.Say(kim, "member forget user:bo") // refused: one audit entry
	h.Advance(100 * 24 * time.Hour)
	h.Say(kim, "var finns en brännugn i zqxvby?")
	h.Advance(81 * 24 * time.Hour) // the first question was last asked 181 days ago
	list := h.Say(olle, "faq unanswered")
	if strings.Contains(list, "surdegsbröd") || !strings.Contains(list, "brännugn") {
		t.Fatalf("unanswered list after 181 days: %q", list)
	}
	if log, _ := h.DB.AuditLog(ctx, bot.PlatformConsole, "", 0, 10); len(log) != 1 {
		t.Fatalf("audit log after 181 days: %+v, want the refusal kept (two years)", log)
	}
	// Restarted two years later on the same file: pruned at start.
	later := bottest.New(t, bottest.WithDatabase(h.DB.Path()), bottest.At(t0.Add(2*366*24*time.Hour)))
	if log, _ := later.DB.AuditLog(ctx, bot.PlatformConsole, "", 0, 10); len(log) != 0 {
		t.Fatalf("audit log two years on: %+v, want pruned", log)
	}
	if n, _ := later.DB.CountOpenQuestions(ctx); n != 0 {
		t.Fatalf("open questions two years on: %d", n)
	}
}
