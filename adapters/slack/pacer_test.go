package slack

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestPacerForgetsChannelsItNoLongerHolds: a bot that has posted in
// thousands of channels over the years keeps only the channels whose next
// slot is still ahead.
func TestPacerForgetsChannelsItNoLongerHolds(t *testing.T) {
	p := newPacer(time.Millisecond)
	ctx := context.Background()
	for i := range 3 * pruneAt {
		if err := p.wait(ctx, fmt.Sprintf("C%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(5 * time.Millisecond)
	if err := p.wait(ctx, "Cnew"); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	n := len(p.next)
	p.mu.Unlock()
	if n > pruneAt {
		t.Fatalf("%d channels remembered after %d posts whose slots passed", n, 3*pruneAt+1)
	}
	// Pacing itself still holds: a second message to one channel waits.
	p = newPacer(50 * time.Millisecond)
	p.wait(ctx, "C1")
	start := time.Now()
	p.wait(ctx, "C1")
	if waited := time.Since(start); waited < 40*time.Millisecond {
		t.Fatalf("second message to a channel waited only %v", waited)
	}
}
