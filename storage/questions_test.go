package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"passionbot/bot"
)

// member stores u as seen at at and returns it.
func member(t *testing.T, d *DB, id string, at time.Time) bot.User {
	t.Helper()
	u := bot.User{Platform: bot.PlatformDiscord, ID: id}
	if _, err := d.SeenMember(context.Background(), u, at); err != nil {
		t.Fatal(err)
	}
	return u
}

func TestQuestionsCountEachMemberOnceAndCapTheirOpenOnes(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC)
	kim, bo := member(t, d, "kim", at), member(t, d, "bo", at)
	for range 3 {
		if _, err := d.RecordUnanswered(ctx, kim, "Vad kostar en brännugn?", "sv", at); err != nil {
			t.Fatal(err)
		}
	}
	id, err := d.RecordUnanswered(ctx, bo, "vad kostar en BRÄNNUGN", "sv", at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := d.Question(ctx, id); q.TimesAsked != 2 || !q.LastAsked.Equal(at.Add(time.Hour)) {
		t.Fatalf("asked 3 times by kim and once by bo: %+v, want times_asked 2", q)
	}
	// Kim fills their share; the next new question is refused, kim's old
	// ones and bo's questions still count.
	for i := 1; i < MaxOpenQuestionsPerMember; i++ {
		if _, err := d.RecordUnanswered(ctx, kim, fmt.Sprintf("fråga %d", i), "sv", at); err != nil {
			t.Fatalf("question %d: %v", i, err)
		}
	}
	if _, err := d.RecordUnanswered(ctx, kim, "en fråga till", "sv", at); !errors.Is(err, ErrTooManyQuestions) {
		t.Fatalf("question %d: %v, want ErrTooManyQuestions", MaxOpenQuestionsPerMember+1, err)
	}
	if _, err := d.RecordUnanswered(ctx, kim, "fråga 7", "sv", at); err != nil {
		t.Fatalf("asking an own question again at the cap: %v", err)
	}
	if _, err := d.RecordUnanswered(ctx, bo, "en fråga till", "sv", at); err != nil {
		t.Fatalf("another member: %v", err)
	}
	if n, _ := d.CountOpenQuestions(ctx); n != MaxOpenQuestionsPerMember+1 {
		t.Fatalf("open questions = %d, want %d", n, MaxOpenQuestionsPerMember+1)
	}
	// An answered question frees a place.
	if err := d.MarkAnswered(ctx, id, "brannugn"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.RecordUnanswered(ctx, kim, "en fråga till", "sv", at); err != nil {
		t.Fatalf("after an answer: %v", err)
	}
}

func TestPruneQuestionsAndAuditByAge(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC)
	kim := member(t, d, "kim", t0)
	old, _ := d.RecordUnanswered(ctx, kim, "gammal fråga", "sv", t0)
	kept, _ := d.RecordUnanswered(ctx, kim, "ny fråga", "sv", t0.Add(100*24*time.Hour))
	for i := range 2500 { // more than one batch
		if err := d.Audit(ctx, AuditEntry{At: t0.Add(time.Duration(i) * time.Second), Platform: bot.PlatformDiscord, Actor: "kim", Action: "warn", Result: "refused"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Audit(ctx, AuditEntry{At: t0.Add(100 * 24 * time.Hour), Platform: bot.PlatformDiscord, Actor: "mod", Action: "timeout", Result: "ok"}); err != nil {
		t.Fatal(err)
	}

	cut := t0.Add(181 * 24 * time.Hour).Add(-QuestionRetention)
	if n, err := d.PruneQuestions(ctx, cut); err != nil || n != 1 {
		t.Fatalf("PruneQuestions = %d, %v; want 1", n, err)
	}
	if _, err := d.Question(ctx, old); !errors.Is(err, ErrNotFound) {
		t.Fatalf("question last asked 181 days ago: %v, want deleted", err)
	}
	if _, err := d.Question(ctx, kept); err != nil {
		t.Fatalf("question asked 81 days ago: %v", err)
	}
	var askers int
	d.SQL().QueryRow("SELECT COUNT(*) FROM question_askers").Scan(&askers)
	if askers != 1 {
		t.Fatalf("question_askers rows = %d, want 1", askers)
	}

	if n, err := d.PruneAudit(ctx, t0.Add(time.Hour)); err != nil || n != 2500 {
		t.Fatalf("PruneAudit = %d, %v; want 2500", n, err)
	}
	if left, _ := d.AuditLog(ctx, bot.PlatformDiscord, "", 0, 10); len(left) != 1 || left[0].Action != "timeout" {
		t.Fatalf("audit log after pruning: %+v", left)
	}
}
