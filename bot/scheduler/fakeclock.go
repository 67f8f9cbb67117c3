package scheduler

import (
	"sync"
	"time"
)

// FakeClock is a [Clock] for tests: time stands still until Advance or Set
// moves it. It lives in a non-test file so that other packages' tests can
// drive a [Scheduler] with it.
//
// Each timer that comes due is delivered at its own instant: Advance moves
// the clock to the timer's deadline, delivers the tick, and waits until the
// timer's owner has acknowledged it by calling ResetAt or Stop (see [Timer])
// before looking for the next due timer. A Scheduler acknowledges from its
// Run loop, so Run must be running whenever a job comes due during Advance
// or Set, or they block. After Advance returns, every due job has been
// started; [Scheduler.WaitIdle] then waits for them to finish.
type FakeClock struct {
	mu      sync.Mutex
	acked   *sync.Cond // broadcast when a delivered tick is acknowledged
	now     time.Time
	timers  map[*fakeTimer]struct{} // armed timers
	pending int                     // ticks delivered and not yet acknowledged
	seq     uint64                  // orders timers with equal deadlines
}

// NewFakeClock returns a FakeClock reading start.
func NewFakeClock(start time.Time) *FakeClock {
	c := &FakeClock{now: start, timers: make(map[*fakeTimer]struct{})}
	c.acked = sync.NewCond(&c.mu)
	return c
}

// Now returns the simulated time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// NewTimer returns a timer that fires when the simulated time reaches
// Now()+d; with d <= 0 it fires at once.
func (c *FakeClock) NewTimer(d time.Duration) Timer {
	t := &fakeTimer{c: c, ch: make(chan time.Time, 1)}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.armLocked(t, c.now.Add(d))
	return t
}

// Advance moves the clock forward by d, as if that much time passed: every
// timer due on the way fires at its own deadline, in order, and Advance
// waits for each to be acknowledged (see [FakeClock]).
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.runLocked(c.now.Add(d))
}

// Set moves the clock to t at once, as if the wall clock were stepped: the
// timers due by t all fire with the clock already reading t. Set may move
// the clock backwards; no timer fires then.
func (c *FakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	c.runLocked(t)
}

// runLocked delivers, one at a time, every timer due by target, moving the
// clock to each deadline that is later than now, and finally to target.
func (c *FakeClock) runLocked(target time.Time) {
	for {
		for c.pending > 0 {
			c.acked.Wait()
		}
		var next *fakeTimer
		for t := range c.timers {
			if t.when.After(target) {
				continue
			}
			if next == nil || t.when.Before(next.when) || t.when.Equal(next.when) && t.seq < next.seq {
				next = t
			}
		}
		if next == nil {
			break
		}
		if next.when.After(c.now) {
			c.now = next.when
		}
		c.deliverLocked(next)
	}
	if target.After(c.now) {
		c.now = target
	}
}

func (c *FakeClock) armLocked(t *fakeTimer, when time.Time) {
	c.seq++
	t.seq = c.seq
	t.when = when
	c.timers[t] = struct{}{}
	if !when.After(c.now) {
		c.deliverLocked(t)
	}
}

func (c *FakeClock) deliverLocked(t *fakeTimer) {
	delete(c.timers, t)
	t.drain()
	t.ch <- c.now // cannot block: the buffer of one is empty
	if !t.pending {
		t.pending = true
		c.pending++
	}
}

// disarmLocked stops t, drops an undelivered tick and acknowledges a
// delivered one. It reports whether t was armed.
func (c *FakeClock) disarmLocked(t *fakeTimer) bool {
	_, armed := c.timers[t]
	delete(c.timers, t)
	t.drain()
	if t.pending {
		t.pending = false
		c.pending--
		c.acked.Broadcast()
	}
	return armed
}

type fakeTimer struct {
	c       *FakeClock
	ch      chan time.Time
	when    time.Time
	seq     uint64
	pending bool // delivered, not yet acknowledged
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	return t.c.disarmLocked(t)
}

func (t *fakeTimer) ResetAt(at time.Time) bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	armed := t.c.disarmLocked(t)
	t.c.armLocked(t, at)
	return armed
}

// drain drops a tick that has not been received.
func (t *fakeTimer) drain() {
	select {
	case <-t.ch:
	default:
	}
}
