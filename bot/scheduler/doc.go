// Package scheduler runs the bot's timed jobs: recurring announcements
// written as cron specs and one-shot reminders.
//
// # Specs
//
// [Parse] accepts the five standard cron fields (minute hour day-of-month
// month day-of-week) and the descriptors @yearly, @annually, @monthly,
// @weekly, @daily, @midnight and @hourly, optionally prefixed with
// CRON_TZ=Area/City or TZ=Area/City. A sixth, leading seconds field
// ("*/5 * * * * *") is accepted too, for tests and operators. Parsing is done by
// github.com/robfig/cron/v3's standard parser. "@every <duration>" is refused:
// an interval counts from whenever the process happened to start, so it
// drifts across restarts and cannot be matched against a stored "last
// firing"; write the equivalent cron spec instead ("*/30 * * * *").
// Specs longer than 200 bytes are refused. Errors are *[SpecError] values
// with a [ErrorKind] so that the caller can explain them in the member's
// language.
//
// # Daylight saving time
//
// A schedule is evaluated against the wall clock of its time zone, with the
// rules of Vixie cron and cronie:
//
//   - A job with a fixed time (neither the minute nor the hour field starts
//     with '*') that falls in the hour skipped when clocks spring forward runs
//     once, right after the jump: "30 2 * * *" in Europe/Stockholm runs at
//     03:00 CEST on the last Sunday of March.
//   - A job with a fixed time in the hour repeated when clocks fall back runs
//     once, at the first occurrence: "30 2 * * *" runs at 02:30 CEST, not
//     again at 02:30 CET.
//   - A wildcard job (the minute or hour field starts with '*', like
//     "0 * * * *", "*/15 * * * *" or @hourly) follows real elapsed time: it
//     runs at every instant whose local wall time matches, so an hourly job
//     runs 23 times on the spring-forward day and 25 times on the fall-back
//     day.
//
// robfig/cron v3.0.1 on its own skips such a fixed-time job on the
// spring-forward day and runs it twice on the fall-back day; the schedule
// returned by [Parse] wraps the library's schedule and corrects that.
//
// # Missed firings
//
// A recurring job is added with the last firing its owner knows was handled
// (zero when none: then only firings after the moment of adding count).
// Whenever firings lie between that point and now — after a restart, after
// the process was suspended, or when the wall clock is stepped forward — the
// latest of them fires once, with late set, if it is no older than the job's
// grace period; every older one is skipped, and the skipped firings are
// logged once per job as a count and a time range. A one-shot job whose time
// has passed fires late within its grace period and is otherwise skipped and
// logged. A firing less than a second old is on time, whatever the grace.
// A step of the wall clock is noticed when the timer next fires: a step
// forward turns the firings it jumps over into missed ones, a step back
// repeats nothing.
//
// # Running
//
// A [Scheduler] keeps its jobs in a min-heap ordered by next firing and sleeps
// on a single timer set to the earliest one; with nothing due it uses no CPU.
// Each firing runs in its own goroutine, so a slow job delays no other. The
// clock is injectable: [FakeClock] lets tests run months of schedule in
// milliseconds.
package scheduler
