package scheduler

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// deafClock tells a time the test sets, and its timers never fire: a
// scheduler on it behaves like one whose run loop is stuck.
type deafClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *deafClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *deafClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *deafClock) NewTimer(time.Duration) Timer { return deafTimer{} }

type deafTimer struct{}

func (deafTimer) C() <-chan time.Time    { return nil }
func (deafTimer) Stop() bool             { return false }
func (deafTimer) ResetAt(time.Time) bool { return false }

func TestHealth(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)

	t.Run("running and keeping up", func(t *testing.T) {
		h := newHarness(t, start)
		waitHealthy(t, h.s)
		h.s.AddOnce("soon", start.Add(time.Hour), time.Minute, h.rec.job("soon"))
		h.advance(2 * time.Hour)
		if err := h.s.Health(); err != nil {
			t.Errorf("after a firing: %v", err)
		}
		h.stop()
		h.stop = nil
		if err := h.s.Health(); err == nil || !strings.Contains(err.Error(), "stopped") {
			t.Errorf("after Run returned: %v, want stopped", err)
		}
	})

	t.Run("not started", func(t *testing.T) {
		s := New(NewFakeClock(start), nil)
		if err := s.Health(); err == nil || !strings.Contains(err.Error(), "not started") {
			t.Errorf("Health before Run = %v", err)
		}
	})

	t.Run("stuck loop", func(t *testing.T) {
		clock := &deafClock{now: start}
		s := New(clock, nil)
		s.AddOnce("announce:7", start.Add(time.Minute), time.Hour, func(context.Context, time.Time, bool) {})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- s.Run(ctx) }()
		t.Cleanup(func() { cancel(); <-done })
		waitHealthy(t, s)
		clock.set(start.Add(time.Minute + StuckAfter - time.Second))
		if err := s.Health(); err != nil {
			t.Errorf("due for less than StuckAfter: %v", err)
		}
		clock.set(start.Add(time.Minute + StuckAfter + 5*time.Second))
		err := s.Health()
		if err == nil || !strings.Contains(err.Error(), `"announce:7"`) || !strings.Contains(err.Error(), "2m5s") {
			t.Errorf("Health with a job overdue = %v, want the job and how long", err)
		}
	})
}

// waitHealthy waits for Run to have started.
func waitHealthy(t *testing.T, s *Scheduler) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for s.Health() != nil {
		if time.Now().After(deadline) {
			t.Fatalf("scheduler never became healthy: %v", s.Health())
		}
		time.Sleep(time.Millisecond)
	}
}

// TestRealTimerWakesToRereadTheWallClock: the real timer never sleeps
// longer than maxSleep, so a wall-clock step forward is noticed in time.
func TestRealTimerWakesToRereadTheWallClock(t *testing.T) {
	if d := sleepFor(time.Now().Add(3 * time.Hour)); d != maxSleep {
		t.Errorf("a job 3 h away: sleep %v, want %v", d, maxSleep)
	}
	if d := sleepFor(time.Now().Add(10 * time.Second)); d > 10*time.Second || d < 9*time.Second {
		t.Errorf("a job 10 s away: sleep %v", d)
	}
	if StuckAfter <= maxSleep {
		t.Errorf("StuckAfter %v must exceed the longest sleep %v", StuckAfter, maxSleep)
	}
}
