package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"passionbot/storage"
)

// TestBackupOfABusyDatabaseFinishes: a 60 MB database written to every
// 20 ms while the backup runs is copied (copied 512 pages a step, the
// online backup restarted after the writes and had not finished after 60 s),
// and the copy holds everything committed before it started.
func TestBackupOfABusyDatabaseFinishes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	d, err := storage.Open(ctx, filepath.Join(dir, "busy.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 4000)
	for i := range 15000 { // about 60 MB: 15,000 pages
		if err := d.SetState(ctx, fmt.Sprintf("before-%d", i), big); err != nil {
			t.Fatal(err)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	var writes atomic.Int64
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := d.SetState(ctx, fmt.Sprintf("during-%d", i%50), big); err != nil {
				t.Error(err)
				return
			}
			writes.Add(1)
			time.Sleep(20 * time.Millisecond)
		}
	}()
	bctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	dest := filepath.Join(dir, "copy.db")
	w0 := writes.Load()
	t0 := time.Now()
	err = d.Backup(bctx, dest)
	t.Logf("backup took %v, writes during it about %d", time.Since(t0), writes.Load()-w0)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup under %d concurrent writes: %v", writes.Load()-w0, err)
	}
	c, err := storage.Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if v, err := c.GetState(ctx, "before-14999"); err != nil || v != big {
		t.Fatalf("the copy lacks a row committed before the backup: %v", err)
	}
	if writes.Load() == w0 {
		t.Fatal("the writer never wrote during the backup")
	}
}
