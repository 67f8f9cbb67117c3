package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passionbot/storage"
)

func TestOneInstancePerDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	open := func() *storage.DB {
		d, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		if _, err := d.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		d.SetClock(func() time.Time { return now })
		return d
	}
	first, second := open(), open()
	ttl := 30 * time.Second
	if err := first.AcquireLease(ctx, storage.Lease{Owner: "a", Host: "pi", PID: 4711}, ttl); err != nil {
		t.Fatalf("first start: %v", err)
	}
	// A second copy is refused, naming the running one.
	err := second.AcquireLease(ctx, storage.Lease{Owner: "b", Host: "vps", PID: 99}, ttl)
	var held *storage.LeaseHeldError
	if !errors.As(err, &held) || !strings.Contains(err.Error(), "host pi, pid 4711, since 2026-11-27T") {
		t.Fatalf("second start: %v", err)
	}
	// While the first renews, the second stays out; the first's own restart
	// within the process is fine.
	now = now.Add(25 * time.Second)
	if err := first.RenewLease(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(25 * time.Second)
	if err := second.AcquireLease(ctx, storage.Lease{Owner: "b", Host: "vps", PID: 99}, ttl); err == nil {
		t.Fatal("a renewed lease was taken")
	}
	// A crashed first instance stops renewing: its claim expires.
	now = now.Add(31 * time.Second)
	if err := second.AcquireLease(ctx, storage.Lease{Owner: "b", Host: "vps", PID: 99}, ttl); err != nil {
		t.Fatalf("start after the holder's lease expired: %v", err)
	}
	if err := first.RenewLease(ctx, "a"); !errors.Is(err, storage.ErrLeaseLost) {
		t.Fatalf("renewing a taken lease: %v", err)
	}
	// A clean stop releases at once.
	if err := second.ReleaseLease(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if err := first.AcquireLease(ctx, storage.Lease{Owner: "c", Host: "pi", PID: 4712}, ttl); err != nil {
		t.Fatalf("start after a clean stop: %v", err)
	}
}
