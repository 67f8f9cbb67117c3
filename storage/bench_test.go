package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"passionbot/bot"
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

// grownDB is a database the size the soak test left behind: 8,000
// members on Discord with 7 interests each out of 3,000 tags (56,000
// rows), and 14,000 open questions.
func grownDB(b *testing.B) *storage.DB {
	b.Helper()
	ctx := context.Background()
	d, err := storage.Open(ctx, filepath.Join(b.TempDir(), "g.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	for m := range 8000 {
		u := bot.User{Platform: bot.PlatformDiscord, ID: fmt.Sprintf("u%d", m), Name: fmt.Sprintf("Medlem %d", m)}
		if _, err := d.SeenMember(ctx, u, at); err != nil {
			b.Fatal(err)
		}
		var tags []storage.Interest
		for k := range 7 {
			n := (m*7 + k*k*131) % 3000
			tags = append(tags, storage.Interest{Key: fmt.Sprintf("tag%d", n), Tag: fmt.Sprintf("Tag%d", n)})
		}
		if _, err := d.AddInterests(ctx, u, tags); err != nil {
			b.Fatal(err)
		}
	}
	for q := range 14000 {
		asker := bot.User{Platform: bot.PlatformDiscord, ID: fmt.Sprintf("u%d", q%8000)}
		if _, err := d.RecordUnanswered(ctx, asker, fmt.Sprintf("fråga nummer %d om något okänt", q), "sv", at.Add(time.Duration(q)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	return d
}

// BenchmarkGrownLists times the two lists the soak test found growing
// with the database: `interests top` and `faq unanswered`.
func BenchmarkGrownLists(b *testing.B) {
	d := grownDB(b)
	ctx := context.Background()
	b.Run("TopInterests", func(b *testing.B) {
		for b.Loop() {
			if top, err := d.TopInterests(ctx, bot.PlatformDiscord, bot.RoleMember, 10); err != nil || len(top) != 10 {
				b.Fatal(top, err)
			}
		}
	})
	b.Run("OpenQuestions", func(b *testing.B) {
		for b.Loop() {
			if qs, err := d.OpenQuestions(ctx, 10); err != nil || len(qs) != 10 {
				b.Fatal(qs, err)
			}
		}
	})
}
