package scheduler

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// firing is one recorded call of a job.
type firing struct {
	id   string
	at   time.Time
	late bool
}

// recorder collects firings from jobs.
type recorder struct {
	mu  sync.Mutex
	got []firing
}

func (r *recorder) job(id string) Func {
	return func(_ context.Context, at time.Time, late bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, firing{id, at, late})
	}
}

// take returns and clears the firings so far, ordered by time then id.
func (r *recorder) take() []firing {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.got
	r.got = nil
	slices.SortFunc(out, func(a, b firing) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		if a.id < b.id {
			return -1
		}
		if a.id > b.id {
			return 1
		}
		return 0
	})
	return out
}

// logRecorder is a slog.Handler that keeps records.
type logRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}
func (h *logRecorder) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *logRecorder) WithGroup(string) slog.Handler      { return h }

// skips returns the "count" attribute of every skip record.
func (h *logRecorder) skips() []int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []int64
	for _, r := range h.records {
		if r.Level != slog.LevelWarn {
			continue
		}
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "count" {
				out = append(out, a.Value.Int64())
			}
			return true
		})
	}
	return out
}

// harness is a Scheduler on a FakeClock with Run going.
type harness struct {
	t     *testing.T
	clock *FakeClock
	s     *Scheduler
	rec   *recorder
	logs  *logRecorder
	stop  func()
}

func newHarness(t *testing.T, start time.Time) *harness {
	h := &harness{t: t, clock: NewFakeClock(start), rec: &recorder{}, logs: &logRecorder{}}
	h.s = New(h.clock, slog.New(h.logs))
	h.start()
	return h
}

// start runs the scheduler until the test ends.
func (h *harness) start() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.s.Run(ctx) }()
	h.stop = func() {
		cancel()
		if err := <-done; err != nil {
			h.t.Errorf("Run: %v", err)
		}
	}
	h.t.Cleanup(func() {
		if h.stop != nil {
			h.stop()
		}
	})
}

func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	h.clock.Advance(d)
	h.idle()
}

func (h *harness) idle() {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.s.WaitIdle(ctx); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) parse(spec string, loc *time.Location) Schedule {
	h.t.Helper()
	s, err := Parse(spec, loc)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

func fmtFirings(fs []firing, loc *time.Location) []string {
	var out []string
	for _, f := range fs {
		s := f.id + " " + f.at.In(loc).Format("2006-01-02 15:04 MST")
		if f.late {
			s += " late"
		}
		out = append(out, s)
	}
	return out
}

func TestSchedulerDST(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	for _, tt := range []struct {
		name  string
		start time.Time
		want  []string
	}{
		{"spring", time.Date(2027, 3, 27, 12, 0, 0, 0, stockholm), []string{
			"daily 2027-03-28 03:00 CEST", "daily 2027-03-29 02:30 CEST"}},
		{"fall", time.Date(2027, 10, 30, 12, 0, 0, 0, stockholm), []string{
			"daily 2027-10-31 02:30 CEST", "daily 2027-11-01 02:30 CET"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.start)
			h.s.Add("daily", h.parse("30 2 * * *", stockholm), time.Time{}, time.Hour, h.rec.job("daily"))
			h.s.Add("hourly", h.parse("0 * * * *", stockholm), time.Time{}, time.Hour, h.rec.job("hourly"))
			h.advance(11 * time.Hour) // to 23:00 the day before the change
			h.rec.take()
			h.advance(48 * time.Hour)
			var daily []firing
			hours := map[string]int{}
			for _, f := range h.rec.take() {
				if f.late {
					t.Errorf("late firing %v", f)
				}
				if f.id == "daily" {
					daily = append(daily, f)
				} else {
					hours[f.at.In(stockholm).Format(time.DateOnly)]++
				}
			}
			if got := fmtFirings(daily, stockholm); !slices.Equal(got, tt.want) {
				t.Errorf("daily firings %v, want %v", got, tt.want)
			}
			day := tt.start.AddDate(0, 0, 1).Format(time.DateOnly)
			want := map[string]int{"spring": 23, "fall": 25}[tt.name]
			if hours[day] != want {
				t.Errorf("hourly job fired %d times on %s, want %d", hours[day], day, want)
			}
		})
	}
}

// TestEveryMinuteThreeMonths runs an every-minute job from New Year to
// April Fools' Day, across the spring change, in simulated time.
func TestEveryMinuteThreeMonths(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	start := time.Date(2027, 1, 1, 0, 0, 0, 0, stockholm)
	end := time.Date(2027, 4, 1, 0, 0, 0, 0, stockholm)
	h := newHarness(t, start)
	var n, late atomic.Int64
	var last atomic.Int64
	var order atomic.Bool
	h.s.Add("tick", h.parse("* * * * *", stockholm), time.Time{}, time.Minute, func(_ context.Context, at time.Time, l bool) {
		n.Add(1)
		if l {
			late.Add(1)
		}
		if at.Unix()%60 != 0 {
			order.Store(true)
		}
		for {
			prev := last.Load()
			if at.Unix() <= prev {
				break
			}
			if last.CompareAndSwap(prev, at.Unix()) {
				break
			}
		}
	})
	began := time.Now()
	h.advance(end.Sub(start))
	elapsed := time.Since(began)
	want := int64(end.Sub(start) / time.Minute) // 90 days minus the skipped hour
	if n.Load() != want || late.Load() != 0 || order.Load() {
		t.Errorf("fired %d times (%d late, off-minute %v), want %d on time", n.Load(), late.Load(), order.Load(), want)
	}
	if last.Load() != end.Unix() {
		t.Errorf("last firing %v, want %v", time.Unix(last.Load(), 0), end)
	}
	if next, _ := h.s.Next("tick"); !next.Equal(end.Add(time.Minute)) {
		t.Errorf("Next = %v", next)
	}
	t.Logf("%d firings over %v of schedule in %v", n.Load(), end.Sub(start), elapsed)
}

func TestMissedFirings(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	now := time.Date(2027, 5, 10, 9, 30, 0, 0, stockholm) // Monday
	at := func(d int, hm string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", now.AddDate(0, 0, d).Format("2006-01-02 ")+hm, stockholm)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	tests := []struct {
		name     string
		spec     string
		last     time.Time
		grace    time.Duration
		want     []string // firings right after start
		skips    []int64  // counts in skip log lines
		wantNext time.Time
	}{
		{"latest within grace fires late, older skipped", "0 9 * * *", at(-3, "09:00"), time.Hour,
			[]string{"job 2027-05-10 09:00 CEST late"}, []int64{2}, at(1, "09:00")},
		{"all older than grace skipped", "0 9 * * *", at(-3, "09:00"), 10 * time.Minute,
			nil, []int64{3}, at(1, "09:00")},
		{"zero grace skips", "0 9 * * *", at(-1, "09:00"), 0,
			nil, []int64{1}, at(1, "09:00")},
		{"recent last: nothing missed", "0 9 * * *", at(0, "09:00"), time.Hour,
			nil, nil, at(1, "09:00")},
		{"zero last: future only", "0 9 * * *", time.Time{}, 24 * time.Hour,
			nil, nil, at(1, "09:00")},
		{"last in the future: no repeat", "0 9 * * *", at(1, "09:00"), time.Hour,
			nil, nil, at(2, "09:00")},
		{"every minute for a week", "* * * * *", at(-7, "09:30"), 5 * time.Minute,
			[]string{"job 2027-05-10 09:30 CEST"}, []int64{7*24*60 - 1}, at(0, "09:31")},
		{"weekly on time at start", "30 9 * * 1", at(-7, "09:30"), 0,
			[]string{"job 2027-05-10 09:30 CEST"}, nil, at(7, "09:30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := NewFakeClock(now)
			logs := &logRecorder{}
			h := &harness{t: t, clock: clock, rec: &recorder{}, logs: logs, s: New(clock, slog.New(logs))}
			// Added before Run, as at start-up after a restart.
			h.s.Add("job", h.parse(tt.spec, stockholm), tt.last, tt.grace, h.rec.job("job"))
			h.start()
			h.idle()
			if got := fmtFirings(h.rec.take(), stockholm); !slices.Equal(got, tt.want) {
				t.Errorf("firings %v, want %v", got, tt.want)
			}
			if got := logs.skips(); !slices.Equal(got, tt.skips) {
				t.Errorf("skip log counts %v, want %v", got, tt.skips)
			}
			if next, ok := h.s.Next("job"); !ok || !next.Equal(tt.wantNext) {
				t.Errorf("Next = %v %v, want %v", next, ok, tt.wantNext)
			}
		})
	}
}

func TestClockJump(t *testing.T) {
	stockholm := mustLoad(t, "Europe/Stockholm")
	start := time.Date(2027, 5, 10, 8, 0, 0, 0, stockholm)
	h := newHarness(t, start)
	h.s.Add("daily", h.parse("0 9 * * *", stockholm), time.Time{}, time.Hour, h.rec.job("daily"))
	h.s.Add("fast", h.parse("*/10 * * * *", stockholm), time.Time{}, 0, h.rec.job("fast"))

	// The wall clock is stepped three days and 20 minutes ahead.
	h.clock.Set(start.Add(3*24*time.Hour + 80*time.Minute)) // 09:20 on the 13th
	h.idle()
	want := []string{"fast 2027-05-13 09:20 CEST", "daily 2027-05-13 09:00 CEST late"}
	if got := fmtFirings(h.rec.take(), stockholm); !slices.Equal(sortStrings(got), sortStrings(want)) {
		t.Errorf("after jump: %v, want %v", got, want)
	}
	// daily: 3 older days skipped; fast: every 10 minutes but the last.
	if got := h.logs.skips(); !slices.Equal(sortInts(got), sortInts([]int64{3, 3*24*6 + 7})) {
		t.Errorf("skip counts %v", got)
	}

	// Stepped back a day: nothing repeats. The jobs wait for the firings
	// after the latest one handled, which the clock reaches again a day on.
	h.clock.Set(start.Add(2*24*time.Hour + 80*time.Minute)) // 09:20 on the 12th
	h.idle()
	h.advance(24 * time.Hour) // back to 09:20 on the 13th
	if got := h.rec.take(); len(got) != 0 {
		t.Errorf("repeated firings after the clock went back: %v", fmtFirings(got, stockholm))
	}
	h.advance(10 * time.Minute)
	if got := fmtFirings(h.rec.take(), stockholm); !slices.Equal(got, []string{"fast 2027-05-13 09:30 CEST"}) {
		t.Errorf("after catching up: %v", got)
	}
}

func sortStrings(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }
func sortInts(s []int64) []int64      { s = slices.Clone(s); slices.Sort(s); return s }

func TestOneShot(t *testing.T) {
	utc := time.UTC
	now := time.Date(2027, 6, 1, 12, 0, 0, 0, utc)
	clock := NewFakeClock(now)
	logs := &logRecorder{}
	h := &harness{t: t, clock: clock, rec: &recorder{}, logs: logs, s: New(clock, slog.New(logs))}
	h.s.AddOnce("future", now.Add(90*time.Minute), time.Minute, h.rec.job("future"))
	h.s.AddOnce("recent", now.Add(-10*time.Minute), 15*time.Minute, h.rec.job("recent"))
	h.s.AddOnce("old", now.Add(-2*time.Hour), 15*time.Minute, h.rec.job("old"))
	h.s.AddOnce("now", now, 0, h.rec.job("now"))
	h.start()
	h.idle()
	want := []string{"recent 2027-06-01 11:50 UTC late", "now 2027-06-01 12:00 UTC"}
	if got := fmtFirings(h.rec.take(), utc); !slices.Equal(got, want) {
		t.Errorf("at start: %v, want %v", got, want)
	}
	if got := logs.skips(); !slices.Equal(got, []int64{1}) {
		t.Errorf("skip counts %v, want [1]", got)
	}
	for _, id := range []string{"recent", "old", "now"} {
		if _, ok := h.s.Next(id); ok {
			t.Errorf("%s still registered", id)
		}
	}
	if next, ok := h.s.Next("future"); !ok || !next.Equal(now.Add(90*time.Minute)) {
		t.Errorf("Next(future) = %v %v", next, ok)
	}
	h.advance(89 * time.Minute)
	if got := h.rec.take(); len(got) != 0 {
		t.Errorf("early: %v", got)
	}
	h.advance(time.Minute)
	if got := fmtFirings(h.rec.take(), utc); !slices.Equal(got, []string{"future 2027-06-01 13:30 UTC"}) {
		t.Errorf("future: %v", got)
	}
	h.advance(24 * time.Hour)
	if got := h.rec.take(); len(got) != 0 || h.s.Len() != 0 {
		t.Errorf("fired again: %v, %d jobs left", got, h.s.Len())
	}
}

func TestRemoveAndReplace(t *testing.T) {
	utc := time.UTC
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, utc)
	h := newHarness(t, start)
	h.s.Add("m", h.parse("* * * * *", utc), time.Time{}, 0, h.rec.job("m"))
	h.s.Add("d", h.parse("0 9 * * *", utc), time.Time{}, 0, h.rec.job("d-old"))
	h.s.AddOnce("o", start.Add(time.Hour), 0, h.rec.job("o"))
	h.advance(5 * time.Minute)
	if got := h.rec.take(); len(got) != 5 {
		t.Errorf("before Remove: %d firings, want 5", len(got))
	}
	h.s.Remove("m")
	h.s.Remove("o")
	h.s.Remove("nonexistent")
	if _, ok := h.s.Next("m"); ok {
		t.Error("m still registered")
	}
	// Replace d with a 10:00 schedule and a new func.
	h.s.Add("d", h.parse("0 10 * * *", utc), time.Time{}, 0, h.rec.job("d-new"))
	h.advance(48 * time.Hour)
	want := []string{"d-new 2027-06-02 10:00 UTC", "d-new 2027-06-03 10:00 UTC"}
	if got := fmtFirings(h.rec.take(), utc); !slices.Equal(got, want) {
		t.Errorf("after Remove and replace: %v, want %v", got, want)
	}
	if h.s.Len() != 1 {
		t.Errorf("Len = %d, want 1", h.s.Len())
	}
	// Replacing a one-shot with a recurring job and back.
	h.s.AddOnce("x", h.clock.Now().Add(time.Minute), 0, h.rec.job("x-once"))
	h.s.Add("x", h.parse("*/30 * * * *", utc), time.Time{}, 0, h.rec.job("x-cron"))
	h.advance(time.Hour)
	if got := h.rec.take(); len(got) != 2 || got[0].id != "x-cron" || got[1].id != "x-cron" {
		t.Errorf("x: %v", fmtFirings(got, utc))
	}
}

// TestNoTimerWhenEmpty checks that an empty scheduler leaves no timer set,
// and that the timer follows the earliest job.
func TestNoTimerWhenEmpty(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	h := newHarness(t, start)
	armed := func() (n int, when time.Time) {
		h.clock.mu.Lock()
		defer h.clock.mu.Unlock()
		for tm := range h.clock.timers {
			n++
			when = tm.when
		}
		return n, when
	}
	if n, _ := armed(); n != 0 {
		t.Fatalf("%d timers armed with no jobs", n)
	}
	h.s.AddOnce("b", start.Add(2*time.Hour), 0, h.rec.job("b"))
	h.s.AddOnce("a", start.Add(time.Hour), 0, h.rec.job("a"))
	if n, when := armed(); n != 1 || !when.Equal(start.Add(time.Hour)) {
		t.Errorf("armed %d timers for %v, want 1 for %v", n, when, start.Add(time.Hour))
	}
	h.s.Remove("a")
	if n, when := armed(); n != 1 || !when.Equal(start.Add(2*time.Hour)) {
		t.Errorf("after Remove: armed %d timers for %v", n, when)
	}
	h.advance(3 * time.Hour)
	if n, _ := armed(); n != 0 {
		t.Errorf("%d timers armed after the last job", n)
	}
}

func TestSlowJobDoesNotDelayOthers(t *testing.T) {
	utc := time.UTC
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, utc)
	h := newHarness(t, start)
	release := make(chan struct{})
	var fast atomic.Int64
	h.s.AddOnce("slow", start.Add(time.Minute), 0, func(context.Context, time.Time, bool) { <-release })
	h.s.Add("fast", h.parse("* * * * *", utc), time.Time{}, 0, func(context.Context, time.Time, bool) { fast.Add(1) })
	h.clock.Advance(time.Hour) // returns although "slow" is still running
	close(release)
	h.idle()
	if fast.Load() != 60 {
		t.Errorf("fast job fired %d times while slow one ran, want 60", fast.Load())
	}
}

func TestRunWaitsForJobs(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	clock := NewFakeClock(start)
	s := New(clock, nil)
	started := make(chan struct{})
	var finished atomic.Bool
	s.AddOnce("job", start, 0, func(ctx context.Context, _ time.Time, _ bool) {
		close(started)
		<-ctx.Done() // Run's context ends...
		finished.Store(true)
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	<-started
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
	if !finished.Load() {
		t.Error("Run returned before its job finished")
	}
	if err := s.Run(context.Background()); !errors.Is(err, ErrRunTwice) {
		t.Errorf("second Run = %v, want ErrRunTwice", err)
	}
	// Jobs added after Run returned never fire, and Advance does not block.
	s.AddOnce("late", clock.Now(), time.Hour, func(context.Context, time.Time, bool) { t.Error("fired after Run") })
	clock.Advance(time.Hour)
	if err := s.WaitIdle(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestWaitIdleWithoutRun(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	s := New(NewFakeClock(start), nil)
	if err := s.WaitIdle(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.AddOnce("due", start, 0, func(context.Context, time.Time, bool) {})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.WaitIdle(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("WaitIdle with a due job and no Run = %v, want context.Canceled", err)
	}
}

func TestJobPanicIsContained(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	h := newHarness(t, start)
	h.s.AddOnce("boom", start.Add(time.Minute), 0, func(context.Context, time.Time, bool) { panic("boom") })
	h.s.AddOnce("after", start.Add(2*time.Minute), 0, h.rec.job("after"))
	h.advance(time.Hour)
	if got := h.rec.take(); len(got) != 1 {
		t.Errorf("firings after a panic: %v", got)
	}
	h.logs.mu.Lock()
	defer h.logs.mu.Unlock()
	found := false
	for _, r := range h.logs.records {
		found = found || r.Level == slog.LevelError && r.Message == "scheduler: job panicked"
	}
	if !found {
		t.Error("panic not logged")
	}
}

// TestAddFromJob chains one-shot jobs from inside a job, as a reminder
// that schedules its follow-up does.
func TestAddFromJob(t *testing.T) {
	start := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	h := newHarness(t, start)
	var chain func(n int) Func
	chain = func(n int) Func {
		return func(ctx context.Context, at time.Time, late bool) {
			h.rec.job("chain")(ctx, at, late)
			if n > 1 {
				h.s.AddOnce("chain", at.Add(time.Hour), 0, chain(n-1))
			}
		}
	}
	h.s.AddOnce("chain", start.Add(time.Hour), 0, chain(5))
	// One hour at a time: the next link is added by a job goroutine, which
	// Advance does not wait for.
	for range 6 {
		h.advance(time.Hour)
	}
	got := h.rec.take()
	if len(got) != 5 {
		t.Fatalf("chain fired %d times, want 5", len(got))
	}
	for i, f := range got {
		if want := start.Add(time.Duration(i+1) * time.Hour); !f.at.Equal(want) || f.late {
			t.Errorf("link %d at %v late=%v, want %v", i, f.at, f.late, want)
		}
	}
}

// TestManyJobs registers 10,000 jobs and checks each fires once, in order.
func TestManyJobs(t *testing.T) {
	utc := time.UTC
	start := time.Date(2027, 6, 1, 0, 0, 0, 0, utc)
	h := newHarness(t, start)
	const n = 10000
	var count atomic.Int64
	var bad atomic.Int64
	for i := range n {
		at := start.Add(time.Duration((i*7919)%n+1) * time.Second)
		h.s.AddOnce(jobID(i), at, 0, func(_ context.Context, fireAt time.Time, late bool) {
			count.Add(1)
			if !fireAt.Equal(at) || late {
				bad.Add(1)
			}
		})
	}
	if h.s.Len() != n {
		t.Fatalf("Len = %d", h.s.Len())
	}
	h.advance(time.Duration(n+1) * time.Second)
	if count.Load() != n || bad.Load() != 0 {
		t.Errorf("%d fired, %d wrong, want %d", count.Load(), bad.Load(), n)
	}
}

func jobID(i int) string {
	const digits = "0123456789"
	b := []byte("job-00000")
	for k := len(b) - 1; i > 0; k-- {
		b[k] = digits[i%10]
		i /= 10
	}
	return string(b)
}

// TestRealClock fires a job with the system clock, without sleeping.
func TestRealClock(t *testing.T) {
	s := New(nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	fired := make(chan bool, 1)
	s.AddOnce("now", time.Now(), time.Minute, func(_ context.Context, _ time.Time, late bool) { fired <- late })
	if late := <-fired; late {
		t.Error("fired late")
	}
	if err := s.WaitIdle(ctx); err != nil {
		t.Error(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

func TestAddPanicsOnNil(t *testing.T) {
	s := New(NewFakeClock(time.Now()), nil)
	for name, f := range map[string]func(){
		"nil schedule": func() { s.Add("x", nil, time.Time{}, 0, func(context.Context, time.Time, bool) {}) },
		"nil func":     func() { s.AddOnce("x", time.Now(), 0, nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// TestSkipCountCapped checks the log line after an outage too long to count.
func TestSkipCountCapped(t *testing.T) {
	now := time.Date(2027, 6, 1, 12, 0, 30, 0, time.UTC)
	clock := NewFakeClock(now)
	logs := &logRecorder{}
	h := &harness{t: t, clock: clock, rec: &recorder{}, logs: logs, s: New(clock, slog.New(logs))}
	h.s.Add("m", h.parse("* * * * *", time.UTC), now.AddDate(0, 0, -100), time.Minute, h.rec.job("m"))
	h.start()
	h.idle()
	if got := fmtFirings(h.rec.take(), time.UTC); !slices.Equal(got, []string{"m 2027-06-01 12:00 UTC late"}) {
		t.Errorf("firings %v", got)
	}
	if got := logs.skips(); !slices.Equal(got, []int64{maxSkipCount}) {
		t.Errorf("skip counts %v, want [%d]", got, maxSkipCount)
	}
	logs.mu.Lock()
	defer logs.mu.Unlock()
	capped := false
	for _, r := range logs.records {
		r.Attrs(func(a slog.Attr) bool {
			capped = capped || a.Key == "count_is_lower_bound" && a.Value.Bool()
			return true
		})
	}
	if !capped {
		t.Error("log does not say the count is a lower bound")
	}
}
