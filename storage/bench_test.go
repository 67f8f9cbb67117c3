package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"passionbot/storage"
)

// BenchmarkWriteCeiling measures how many single-statement commits per
// second SQLite takes on this machine with passionbot's settings (WAL,
// synchronous NORMAL, busy timeout), from parallel writers: the ceiling
// docs/SCALING.md compares the community's load with.
func BenchmarkWriteCeiling(b *testing.B) {
	ctx := context.Background()
	d, err := storage.Open(ctx, filepath.Join(b.TempDir(), "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var n atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := d.SetState(ctx, fmt.Sprintf("k%d", n.Add(1)), "value"); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}
