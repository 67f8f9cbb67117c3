package storage

import (
	"context"
	"testing"
	"time"
)

// TestPruneDeliveriesKeepsNewerRows: on a real SQLite file, rows of firings
// older than the cut-off go whatever their status; newer ones stay.
func TestPruneDeliveriesKeepsNewerRows(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	day := 24 * time.Hour
	for _, age := range []time.Duration{200 * day, 91 * day, 90*day + time.Second, 89 * day, day} {
		at := now.Add(-age)
		if _, err := db.ClaimDeliveries(ctx, "announce:1", at, []string{"discord:#1", "slack:#C1"}, false, "run"); err != nil {
			t.Fatal(err)
		}
		if err := db.DeliveryDone(ctx, "announce:1", at, "discord:#1", "m1"); err != nil {
			t.Fatal(err)
		}
		if err := db.DeliveryFailed(ctx, "announce:1", at, "slack:#C1", "channel_not_found", age > 100*day); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PruneDeliveries(ctx, now.Add(-90*day))
	if err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Errorf("pruned %d rows, want 6 (three firings to two targets)", n)
	}
	ds, err := db.Deliveries(ctx, "announce:1", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 4 || !ds[0].FireAt.Equal(now.Add(-day)) || !ds[3].FireAt.Equal(now.Add(-89*day)) {
		t.Fatalf("left %+v, want the firings of 1 and 89 days ago", ds)
	}
	if n, _ := db.PruneDeliveries(ctx, now.Add(-90*day)); n != 0 {
		t.Errorf("a second prune deleted %d rows", n)
	}
}
