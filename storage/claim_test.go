package storage_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"passionbot/storage"
)

// TestKeepClaimRenewsAndStopsWhenTaken: the running bot's claim is renewed
// while it runs, and when another instance takes it over (this one stalled
// past the TTL) keepClaim returns ErrLeaseLost, which stops the bot.
func TestKeepClaimRenewsAndStopsWhenTaken(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.EnsureLeaseTable(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	clock := make(chan time.Time, 1)
	clock <- now
	db.SetClock(func() time.Time { t := <-clock; clock <- t; return t })
	setNow := func(t time.Time) { <-clock; clock <- t }
	owner, err := db.Claim(ctx, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- db.KeepClaim(ctx, owner, 5*time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil)))
	}()

	// Renewed: 20 s later (past storage.LeaseRenew, within storage.LeaseTTL) the claim is fresh.
	setNow(now.Add(20 * time.Second))
	deadline := time.Now().Add(5 * time.Second)
	for {
		l, live, err := db.LiveLease(ctx, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if live && l.Owner == owner {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the claim was not renewed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// Taken: another instance claims it (as after this one stalled for
	// longer than the TTL); the renewal finds out and stops.
	if _, err := db.SQL().ExecContext(ctx, "UPDATE instance_lease SET owner = 'newer/one' WHERE id = 1"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, storage.ErrLeaseLost) {
			t.Fatalf("keepClaim = %v, want ErrLeaseLost", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("keepClaim went on after its claim was taken")
	}
}
