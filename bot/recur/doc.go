// Package recur reads recurring schedules written in words, in Swedish or
// English, and says them back in words.
//
//	r, err := recur.Parse("varannan tisdag kl 18", loc, now)
//	r.Describe("sv", now) // "varannan tisdag kl. 18:00 — nästa: tisdag 1 december"
//	r.Spec()              // "DTSTART;VALUE=DATE:20261201 RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=18;BYMINUTE=0"
//	recur.Load(spec, loc) // the same rule, at start-up
//
// A [Rule] is a [scheduler.Schedule], so it goes straight into
// scheduler.Add. A phrase written as cron ("0 9 * * 1", "@weekly") is read
// by [scheduler.Parse] and is a Rule too; cron specs stored before this
// package load unchanged.
//
// # Phrases
//
// Days: every day / varje dag / dagligen; weekdays / vardagar / mån-fre;
// weekends / helger; every Monday / varje måndag / måndagar; lists and
// ranges (Monday and Thursday, mån, ons och fre, måndag till fredag);
// every other Tuesday / varannan tisdag / every second Friday /
// fortnightly, also "varannan vecka på måndag och torsdag" and "varannan
// dag"; the first, second, third, fourth, fifth or last Tuesday of the
// month (första/andra/tredje/sista tisdagen i månaden), also "första och
// tredje torsdagen"; the last (or first) weekday of the month (sista
// vardagen i månaden); the 15th of every month (den 15:e varje månad, den
// 1:a och 15:e), the last day of the month (sista dagen i månaden); every
// other month on the 1st; every year on 1 May (varje år den 1 maj, 1 maj
// varje år, every year on December 24).
//
// Times: kl 9, kl. 09:30, klockan 18, 18.30, 09:30, 6pm, 6 pm, 6:30 p.m.,
// 6 em, at 9, at noon, lunch / at lunch (12:00), midnatt / midnight, and a
// lone hour after the day ("varje fredag 18"). Hours are 24-hour: "kl 7"
// is 07:00. With no time the rule fires at [DefaultHour]:[DefaultMinute]
// (09:00), which Describe always shows.
//
// First date: "från 1 december", "from 2026-12-01", "starting December 8",
// "med start 1/12", "första gången 8 dec", "from today". It may follow any
// rule; nothing fires before it. A date without a year is this year's
// unless that was more than 60 days ago. "Every other" counts periods from
// the first day on or after the stated date on which the rule fires, or,
// with no date, from the next firing after now; [Rule.Spec] stores that
// first date, so a restart keeps the same weeks.
//
// # Clock changes
//
// A rule cron can express compiles to a cron spec through scheduler.Parse.
// A rule it cannot (every other week, the n-th or last weekday, the last
// day of the month, a first date) is the cron spec of a superset filtered
// to the days that belong to the rule: every firing still comes from
// scheduler's own Next, so both kinds behave exactly alike around clock
// changes — 02:30 on 28 March 2027 fires once at 03:00 CEST, 02:30 on 31
// October 2027 fires once, at 02:30 CEST. No scheduler internals are
// exported for this.
//
// # Refusals
//
// A phrase that cannot be read returns an *[Error] with a [ErrorKind]
// (its [ErrorKind.Key] is a catalog key such as "recur.unknown_word") and
// [Error.Message] in the member's language followed by [Examples]; a
// phrase written as cron but invalid has KindCron and wraps the
// *scheduler.SpecError.
//
// The phrase table in testdata/phrases.md is checked by TestPhrases and
// rewritten with `go test ./bot/recur -run TestPhrases -update`.
package recur
