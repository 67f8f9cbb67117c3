package scheduler

import (
	"sync"
	"testing"
	"time"
)

// TestFakeClockAdvance checks that timers fire in order, each with the clock
// at its deadline, and that Advance waits for the owner's acknowledgement.
func TestFakeClockAdvance(t *testing.T) {
	start := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	c := NewFakeClock(start)
	a, b := c.NewTimer(2*time.Minute), c.NewTimer(time.Minute)
	var got []string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the owner: acknowledges by Stop after each tick
		defer wg.Done()
		for range 2 {
			select {
			case at := <-a.C():
				got = append(got, "a "+at.Sub(start).String()+" now "+c.Now().Sub(start).String())
				a.Stop()
			case at := <-b.C():
				got = append(got, "b "+at.Sub(start).String()+" now "+c.Now().Sub(start).String())
				b.Stop()
			}
		}
	}()
	c.Advance(time.Hour)
	wg.Wait()
	want := []string{"b 1m0s now 1m0s", "a 2m0s now 2m0s"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
	if !c.Now().Equal(start.Add(time.Hour)) {
		t.Errorf("Now = %v", c.Now())
	}
}

func TestFakeClockTimerMethods(t *testing.T) {
	start := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	c := NewFakeClock(start)
	tm := c.NewTimer(time.Minute)
	if !tm.Stop() {
		t.Error("Stop of an armed timer = false")
	}
	if tm.Stop() {
		t.Error("Stop of a stopped timer = true")
	}
	c.Advance(time.Hour) // nothing armed: does not block
	if tm.ResetAt(start.Add(time.Hour + time.Minute)) {
		t.Error("Reset of a stopped timer = true")
	}
	if !tm.ResetAt(start.Add(time.Hour + 2*time.Minute)) {
		t.Error("Reset of an armed timer = false")
	}
	// Set jumps: the timer fires with the clock already at the target.
	done := make(chan time.Time)
	go func() {
		at := <-tm.C()
		tm.Stop()
		done <- at
	}()
	c.Set(start.Add(5 * time.Hour))
	if at := <-done; !at.Equal(start.Add(5 * time.Hour)) {
		t.Errorf("fired at %v, want the jump target", at)
	}
	// Set backwards fires nothing.
	tm.ResetAt(start.Add(6 * time.Hour))
	c.Set(start)
	select {
	case at := <-tm.C():
		t.Errorf("fired at %v after going back", at)
	default:
	}
	tm.Stop()
	// A timer with d <= 0 fires at once; Reset drops the tick.
	z := c.NewTimer(0)
	if at := <-z.C(); !at.Equal(start) {
		t.Errorf("zero timer fired at %v", at)
	}
	z.Stop()
	z.ResetAt(start.Add(-time.Second))
	z.ResetAt(start.Add(time.Hour))
	select {
	case at := <-z.C():
		t.Errorf("stale tick %v after Reset", at)
	default:
	}
	z.Stop()
}

func TestRealClockTimer(t *testing.T) {
	c := RealClock()
	if d := time.Since(c.Now()); d < 0 || d > time.Minute {
		t.Errorf("RealClock.Now off by %v", d)
	}
	tm := c.NewTimer(time.Hour)
	if !tm.Stop() || tm.ResetAt(time.Now()) {
		t.Error("Stop/Reset results")
	}
	<-tm.C()
}
