package scheduler

import "time"

// Clock tells the time and makes timers. [RealClock] uses the system clock;
// [FakeClock] is driven by tests.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// NewTimer returns a timer that delivers on its channel once d has
	// elapsed (at once if d <= 0).
	NewTimer(d time.Duration) Timer
}

// Timer is a single-shot timer, like [time.Timer] with Go 1.23 semantics:
// after Stop or ResetAt returns, no tick armed before the call is received.
//
// It is rearmed with an absolute deadline rather than a duration: a
// duration computed from an earlier Now is stale if the clock moved in
// between, which with a FakeClock driven from another goroutine would set
// the timer past the time it was meant for.
//
// Contract: after receiving a tick from C, the owner calls ResetAt or Stop
// (the Scheduler always does). [FakeClock] waits for that call before it
// moves simulated time further, so that the owner sees every tick at its own
// instant.
type Timer interface {
	// C returns the channel on which the timer delivers the current time.
	C() <-chan time.Time
	// Stop prevents the timer from firing. It reports whether the timer was
	// armed.
	Stop() bool
	// ResetAt rearms the timer to fire when the clock reads at, or at once
	// if that has passed. It reports whether the timer was armed.
	ResetAt(at time.Time) bool
}

// RealClock returns the system clock.
func RealClock() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time                 { return time.Now() }
func (realClock) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time       { return r.t.C }
func (r realTimer) Stop() bool                { return r.t.Stop() }
func (r realTimer) ResetAt(at time.Time) bool { return r.t.Reset(sleepFor(at)) }

// sleepFor is how long the real timer waits for at: until then, at most maxSleep.
func sleepFor(at time.Time) time.Duration { return min(time.Until(at), maxSleep) }

// maxSleep bounds one wait of the real timer. Timers run on the monotonic
// clock; waking at least this often re-reads the wall clock, so a step
// forward (NTP after a boot without a real-time clock, as on a Raspberry
// Pi) fires the jobs it made due within maxSleep instead of hours late.
// An early wake finds nothing due and sleeps again.
const maxSleep = time.Minute
