package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"passionbot/bot"
)

func TestVotesCountOncePerMemberAndAnswer(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "kim-1"}
	bo := bot.User{Platform: bot.PlatformDiscord, ID: "bo-2"}
	eve := bot.User{Platform: bot.PlatformSlack, ID: "U3"}
	for _, u := range []bot.User{kim, bo, eve} {
		if _, err := d.SeenMember(ctx, u, at); err != nil {
			t.Fatal(err)
		}
	}
	id, err := d.RecordAnswer(ctx, kim, "vem betalade rapporten?", "punks", "sv", at)
	if err != nil {
		t.Fatal(err)
	}
	ok, err := d.Vote(ctx, kim, id, VoteDown, at)
	if err != nil || !ok {
		t.Fatalf("first vote: %v, %v", ok, err)
	}
	if ok, err := d.Vote(ctx, kim, id, VoteUp, at); err != nil || ok {
		t.Fatalf("second vote counted: %v, %v", ok, err)
	}
	if ok, err := d.Vote(ctx, bo, id, VoteDown, at); err != nil || !ok {
		t.Fatalf("another member's vote: %v, %v", ok, err)
	}
	// An answer given on Discord cannot be voted on from Slack.
	if _, err := d.Vote(ctx, eve, id, VoteUp, at); !errors.Is(err, ErrNotFound) {
		t.Fatalf("vote from another platform: %v", err)
	}
	ms, err := d.Misses(ctx, 10)
	if err != nil || len(ms) != 1 || ms[0].Down != 2 || ms[0].Up != 0 || ms[0].TopicID != "punks" || ms[0].Question != "vem betalade rapporten?" {
		t.Fatalf("misses = %+v, %v", ms, err)
	}
	ex, err := d.LinkAnswer(ctx, id, "viakub", "sv", "discord:org", at)
	if err != nil || ex.Question != "vem betalade rapporten?" {
		t.Fatalf("link: %+v, %v", ex, err)
	}
	if ms, _ := d.Misses(ctx, 10); len(ms) != 0 {
		t.Fatalf("a linked answer is still a miss: %+v", ms)
	}
	// The example outlives the answer it came from.
	if n, err := d.PruneAnswers(ctx, at.Add(time.Second)); err != nil || n != 1 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	if exs, err := d.Examples(ctx); err != nil || len(exs) != 1 || exs[0] != (Example{TopicID: "viakub", Lang: "sv", Question: "vem betalade rapporten?"}) {
		t.Fatalf("examples = %+v, %v", exs, err)
	}
	var votes int
	d.SQL().QueryRow("SELECT COUNT(*) FROM answer_votes").Scan(&votes)
	if votes != 0 {
		t.Fatalf("%d votes outlived their answer", votes)
	}
	if _, err := d.LinkAnswer(ctx, id, "viakub", "sv", "discord:org", at); !errors.Is(err, ErrNotFound) {
		t.Fatalf("link of a pruned answer: %v", err)
	}
}

func TestDismissQuestions(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	d.Migrate(ctx)
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	kim := bot.User{Platform: bot.PlatformConsole, ID: "kim"}
	d.SeenMember(ctx, kim, at)
	a, _ := d.RecordUnanswered(ctx, kim, "vad kostar lera?", "sv", at)
	b, _ := d.RecordUnanswered(ctx, kim, "var köper man lera?", "sv", at)
	if n, err := d.DismissQuestions(ctx, a, 999); err != nil || n != 1 {
		t.Fatalf("dismissed %d, %v", n, err)
	}
	if qs, _ := d.OpenQuestions(ctx, 10); len(qs) != 1 || qs[0].ID != b {
		t.Fatalf("open after dismissing: %+v", qs)
	}
}
