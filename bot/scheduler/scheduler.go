package scheduler

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// Func is a job's work. fireAt is the scheduled time of this firing (the
// same value for the same firing across restarts, fit for a claim key); late
// is set when it runs more than a second after fireAt, because the process
// was down, suspended or the clock was stepped. ctx is Run's context.
type Func func(ctx context.Context, fireAt time.Time, late bool)

// onTime is how old a firing may be and still count as on time. Below it a
// firing is neither late nor missed, whatever the job's grace.
const onTime = time.Second

// maxSkipCount bounds the counting of skipped firings after a long outage;
// past it the log line says the count is a lower bound.
const maxSkipCount = 100000

// ErrRunTwice is returned by a second call to [Scheduler.Run].
var ErrRunTwice = errors.New("scheduler: Run called more than once")

// Scheduler runs recurring and one-shot jobs at their times. Its methods are
// safe for concurrent use, including from inside a job.
type Scheduler struct {
	clock Clock
	log   *slog.Logger

	mu      sync.Mutex
	jobs    map[string]*job
	queue   jobQueue
	timer   Timer
	armed   time.Time // deadline the timer is set for; zero when stopped or expired
	state   runState
	ctx     context.Context // Run's context, handed to jobs
	running atomic.Int64    // job goroutines in flight
	changed chan struct{}   // made by WaitIdle, closed when work completes; nil when nobody waits
	seq     uint64          // orders jobs with equal next times
	wg      sync.WaitGroup
}

type runState int

const (
	notStarted runState = iota
	running
	stopped
)

// job is a registered job. sched is nil for a one-shot job.
type job struct {
	id    string
	sched Schedule
	grace time.Duration
	fn    Func
	next  time.Time
	seq   uint64
	index int // position in the queue
}

// New returns a Scheduler using clock (the real clock when nil) and logging
// to log (discarded when nil). Jobs fire once [Scheduler.Run] runs.
func New(clock Clock, log *slog.Logger) *Scheduler {
	if clock == nil {
		clock = RealClock()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	t := clock.NewTimer(time.Hour)
	t.Stop()
	return &Scheduler{
		clock: clock,
		log:   log,
		jobs:  make(map[string]*job),
		timer: t,
	}
}

// Add registers a recurring job, replacing any job with the same id.
//
// last is the latest firing the caller knows was handled (zero when none).
// Firings after last that are already due are missed: the latest of them
// fires late if it is within grace of now, older ones are skipped and
// logged. With a zero last only firings after now count. A running firing
// of a replaced job is not interrupted. Add panics if sched or fn is nil.
func (s *Scheduler) Add(id string, sched Schedule, last time.Time, grace time.Duration, fn Func) {
	if sched == nil || fn == nil {
		panic(fmt.Sprintf("scheduler: Add(%q) with nil schedule or func", id))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	from := s.clock.Now()
	if !last.IsZero() {
		from = last
	}
	next := sched.Next(from)
	if next.IsZero() {
		s.log.Info("scheduler: schedule never fires again; not added", "job", id)
		s.removeLocked(id)
		return
	}
	s.putLocked(&job{id: id, sched: sched, grace: max(grace, 0), fn: fn, next: next})
}

// AddOnce registers a job that fires once at at, replacing any job with the
// same id. If at has already passed, the job fires late when at is within
// grace of now and is otherwise skipped and logged. AddOnce panics if fn is
// nil.
func (s *Scheduler) AddOnce(id string, at time.Time, grace time.Duration, fn Func) {
	if fn == nil {
		panic(fmt.Sprintf("scheduler: AddOnce(%q) with nil func", id))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putLocked(&job{id: id, grace: max(grace, 0), fn: fn, next: at})
}

// Remove unregisters the job id, if any. A firing already running is not
// interrupted.
func (s *Scheduler) Remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removeLocked(id)
}

// Next returns the time job id fires next, and whether it is registered. A
// time in the past means the job is due and Run is about to settle it (fire
// it, late or not, or skip it).
func (s *Scheduler) Next(id string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs[id]; ok {
		return j.next, true
	}
	return time.Time{}, false
}

// Len returns the number of registered jobs.
func (s *Scheduler) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.jobs)
}

// StuckAfter is how long a due job may wait for the run loop before
// Health says the scheduler is stuck: more than the real timer's longest
// sleep, which a step of the wall clock can make a due job wait.
const StuckAfter = 2 * maxSleep

// Health reports whether the scheduler is running and keeping up: an error
// when Run has not started or has stopped, or when a job has been due for
// more than StuckAfter without firing (the run loop is stuck).
func (s *Scheduler) Health() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case notStarted:
		return errors.New("scheduler not started")
	case stopped:
		return errors.New("scheduler stopped")
	}
	if len(s.queue) > 0 {
		if late := s.clock.Now().Sub(s.queue[0].next); late > StuckAfter {
			return fmt.Errorf("scheduler stuck: job %q due %s ago has not fired", s.queue[0].id, late.Round(time.Second))
		}
	}
	return nil
}

// Run fires jobs until ctx ends, then waits for running jobs to return and
// returns nil. Jobs receive ctx. Run may be called only once; a second call
// returns [ErrRunTwice].
func (s *Scheduler) Run(ctx context.Context) error {
	s.mu.Lock()
	if s.state != notStarted {
		s.mu.Unlock()
		return ErrRunTwice
	}
	s.state, s.ctx = running, ctx
	s.armLocked(true)
	c := s.timer.C()
	s.mu.Unlock()

	for {
		select {
		case <-ctx.Done():
			s.mu.Lock()
			s.state = stopped
			s.timer.Stop()
			s.armed = time.Time{}
			s.notifyLocked()
			s.mu.Unlock()
			s.wg.Wait()
			return nil
		case <-c:
			s.tick()
		}
	}
}

// WaitIdle blocks until no job is due and no firing is running, or ctx
// ends. Tests call it after [FakeClock.Advance] to wait for the jobs it
// started. Jobs that are due but cannot fire because Run has not been
// called keep it waiting.
func (s *Scheduler) WaitIdle(ctx context.Context) error {
	for {
		s.mu.Lock()
		busy := s.running.Load() > 0 ||
			s.state != stopped && len(s.queue) > 0 && !s.queue[0].next.After(s.clock.Now())
		if busy && s.changed == nil {
			s.changed = make(chan struct{})
		}
		ch := s.changed
		s.mu.Unlock()
		if !busy {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("scheduler: waiting for idle: %w", ctx.Err())
		}
	}
}

// tick fires every due job and rearms the timer.
func (s *Scheduler) tick() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != running {
		return
	}
	s.armed = time.Time{} // the timer has expired
	now := s.clock.Now()
	for len(s.queue) > 0 && !s.queue[0].next.After(now) {
		j := s.queue[0]
		fireAt, late, ok := s.dueLocked(j, now)
		if j.next.IsZero() {
			heap.Pop(&s.queue)
			delete(s.jobs, j.id)
		} else {
			heap.Fix(&s.queue, 0)
		}
		if ok {
			s.startLocked(j.id, j.fn, fireAt, late)
		}
	}
	s.armLocked(true)
	s.notifyLocked()
}

// dueLocked settles a job whose next firing is due at now: it picks the
// firing to run (ok false when none is within grace), logs the skipped
// ones, and moves j.next past now (zero when the job is finished).
func (s *Scheduler) dueLocked(j *job, now time.Time) (fireAt time.Time, late, ok bool) {
	cutoff := now.Add(-max(j.grace, onTime)) // firings before cutoff are skipped
	var sk skipped
	if j.sched == nil {
		at := j.next
		j.next = time.Time{}
		if at.Before(cutoff) {
			sk.add(at)
			s.logSkipped(j, sk, now)
			return time.Time{}, false, false
		}
		return s.lateLocked(j, at, now)
	}
	t := j.next
	for !t.IsZero() && t.Before(cutoff) {
		if sk.count == maxSkipCount {
			sk.capped = true
			t = j.sched.Next(cutoff.Add(-time.Nanosecond))
			break
		}
		sk.add(t)
		t = j.sched.Next(t)
	}
	for !t.IsZero() && !t.After(now) {
		if !fireAt.IsZero() {
			sk.add(fireAt)
		}
		fireAt = t
		t = j.sched.Next(t)
	}
	j.next = t
	if sk.count > 0 {
		s.logSkipped(j, sk, now)
	}
	if fireAt.IsZero() {
		return time.Time{}, false, false
	}
	return s.lateLocked(j, fireAt, now)
}

func (s *Scheduler) lateLocked(j *job, fireAt, now time.Time) (time.Time, bool, bool) {
	late := now.Sub(fireAt) > onTime
	if late {
		s.log.Info("scheduler: running missed firing late", "job", j.id, "fire_at", fireAt, "delay", now.Sub(fireAt).Round(time.Second))
	}
	return fireAt, late, true
}

// skipped summarises the firings of one job skipped in one go.
type skipped struct {
	count       int
	first, last time.Time
	capped      bool // more firings were skipped than counted
}

func (k *skipped) add(t time.Time) {
	if k.count == 0 {
		k.first = t
	}
	k.last = t
	k.count++
}

func (s *Scheduler) logSkipped(j *job, k skipped, now time.Time) {
	attrs := []any{"job", j.id, "count", k.count, "first", k.first, "last", k.last, "now", now, "grace", j.grace}
	if k.capped {
		attrs = append(attrs, "count_is_lower_bound", true)
	}
	s.log.Warn("scheduler: skipped missed firings older than the grace period", attrs...)
}

// startLocked runs one firing in its own goroutine.
func (s *Scheduler) startLocked(id string, fn Func, fireAt time.Time, late bool) {
	s.running.Add(1)
	s.wg.Add(1)
	ctx := s.ctx
	go func() {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("scheduler: job panicked", "job", id, "fire_at", fireAt, "panic", r, "stack", string(debug.Stack()))
			}
			if s.running.Add(-1) == 0 {
				// WaitIdle reads running under mu before it waits, so
				// notifying under mu after the decrement cannot be missed.
				s.mu.Lock()
				s.notifyLocked()
				s.mu.Unlock()
			}
			s.wg.Done()
		}()
		fn(ctx, fireAt, late)
	}()
}

// putLocked inserts j, replacing a job with the same id.
func (s *Scheduler) putLocked(j *job) {
	s.seq++
	j.seq = s.seq
	if old, ok := s.jobs[j.id]; ok {
		j.index = old.index
		s.queue[j.index] = j
		heap.Fix(&s.queue, j.index)
	} else {
		heap.Push(&s.queue, j)
	}
	s.jobs[j.id] = j
	s.armLocked(false)
}

func (s *Scheduler) removeLocked(id string) {
	j, ok := s.jobs[id]
	if !ok {
		return
	}
	heap.Remove(&s.queue, j.index)
	delete(s.jobs, id)
	s.armLocked(false)
}

// armLocked sets the timer for the earliest job. Unless force is set it
// leaves a timer that is already set for that time alone. After a tick it
// is always called with force, which rearms or stops the timer and so
// acknowledges the tick (see [Timer]).
func (s *Scheduler) armLocked(force bool) {
	if s.state == stopped {
		return
	}
	if len(s.queue) == 0 {
		if force || !s.armed.IsZero() {
			s.timer.Stop()
		}
		s.armed = time.Time{}
		return
	}
	next := s.queue[0].next
	if !force && next.Equal(s.armed) {
		return
	}
	s.timer.ResetAt(next)
	s.armed = next
}

// notifyLocked wakes WaitIdle callers, if any.
func (s *Scheduler) notifyLocked() {
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
}

// jobQueue is a min-heap of jobs by next firing.
type jobQueue []*job

func (q jobQueue) Len() int { return len(q) }
func (q jobQueue) Less(i, k int) bool {
	if !q[i].next.Equal(q[k].next) {
		return q[i].next.Before(q[k].next)
	}
	return q[i].seq < q[k].seq
}
func (q jobQueue) Swap(i, k int) {
	q[i], q[k] = q[k], q[i]
	q[i].index, q[k].index = i, k
}
func (q *jobQueue) Push(x any) {
	j := x.(*job)
	j.index = len(*q)
	*q = append(*q, j)
}
func (q *jobQueue) Pop() any {
	old := *q
	j := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return j
}
