// Package when reads the meetup times members write in chat, in Swedish or
// English, and turns them into a Range in the community's time zone.
//
// Parse accepts, case-insensitively and with any spacing (å, ä and ö may be
// written a, a and o):
//
//   - ISO dates: 2027-01-15 18:00, 2027-01-15T18:00, 2027-01-15 18.00,
//     2027-01-15 kl 18, 2027/01/15 18:00.
//   - Day and month: 15/1 18:00, 15/1/2027 kl. 18, 15 jan 18:00,
//     den 15 januari 18:00, jan 15 6pm, 15th of January 2027 18:00,
//     January 15, 2027 6pm.
//   - Weekdays: fredag 18:00, på fredag kl 18, fre 18, friday 6pm,
//     fri 18:30, next friday 18:00, nästa fredag 18, this friday 3pm,
//     this coming friday, nu på fredag 15, den här fredagen kl 15,
//     denna fredag, kommande fredag; the Swedish definite form
//     (fredagen) too. A weekday may also stand next to a date ("fre 15/1
//     18:00"); the two must agree.
//   - Relative days: idag, i dag, today; imorgon, i morgon, imorn,
//     tomorrow; i övermorgon, övermorgon, day after tomorrow; ikväll,
//     i kväll, tonight; om 3 dagar, om ett dygn, in 3 days; om två
//     veckor, om en vecka, in two weeks, in a week; om en månad, in 2
//     months. Counts are digits or words from one to twelve (en/ett/a/an
//     to tolv/twelve).
//   - Weeks with a weekday: nästa vecka onsdag, onsdag nästa vecka,
//     på onsdag i nästa vecka, next week Wednesday, Wednesday next week;
//     onsdag om två veckor, in two weeks on Monday.
//   - Times: 18:00, 18.00, 18:00:00, 18, kl 18, kl. 18.30, klockan 18,
//     at 6pm, 6 pm, 6:30 pm, 6 p.m., 6 em, 12am, 12pm; noon, midday,
//     12 noon, lunch, lunchtid, lunchtime (12:00); midnatt, midnight,
//     12 midnight (see below). "vid" (vid lunch) is read like "at". The
//     time may come before the day ("18:00 fredag", "6pm tomorrow").
//   - Evening after a day: i morgon kväll 7, fredag kvällen kl 8,
//     tomorrow evening 8, tomorrow night 9pm.
//   - An optional end: 18-21, 18:00–21:00, till 21:00, to 9pm, until 21,
//     från 18 till 21, mellan 18 och 21; or a duration: i 2 timmar,
//     for 2 hours, (2h), +90m, 3h, 1,5 h, 2h30m, en timme, an hour,
//     i två timmar, for two hours (counts in words as for days).
//   - An optional zone after the time: UTC, GMT, Z, CET (+01:00) or
//     CEST (+02:00), read as a fixed offset. It is there to pick one of two
//     equal wall times; other zone names and numeric offsets are not read.
//
// Decisions where the brief left a choice:
//
//   - A day without a time of day ("2027-01-15", "fredag", "imorgon",
//     "ikväll") is Ambiguous with Reason MissingTime: a meetup needs a time,
//     and midnight is never what was meant. Error.Time holds the day at
//     00:00. A day that is already over is Past instead, and one too far
//     ahead TooFar.
//   - Numeric dates are always day/month, never month/day: "5/6" is 5 June.
//     "1/15" is Impossible with Reason MonthFirst, so the caller can say
//     that we read day/month.
//   - A day and month without a year is the next such date: this year if
//     the date is today or later, otherwise next year ("15/1" in December
//     is next January). The choice is by date only: "25/11 08:00" written
//     on 25 November at 10:00 is Past, not next year. 29/2 in a year that
//     is not a leap year is Impossible (Error.Year says which year).
//   - But when the last such date was at most JustPassedDays (60) days
//     ago, the member has most likely got the date wrong, and moving the
//     meetup a year ahead without a word is worse than asking: "4/12
//     18:00" written on 5 December is Past with Reason JustPassed,
//     Error.Time 4 December (this year) at 00:00 and Error.Year the year
//     to suggest ("4 december har redan varit — menade du 4 december
//     2027?"). This holds across the new year ("20/12" written on 10
//     January) and for yesterday's date. Writing the year ("4/12/2027")
//     is the way to mean next year. After a leap day ("29/2" on 10 March
//     2028) Error.Year is 0: there is no 29 February next year.
//   - A weekday is the next such day, today included while the time is
//     still ahead: "fredag 18:00" written on a Friday at 10:00 is today,
//     "fredag 08:00" written then is a week ahead. "nästa fredag" / "next
//     friday" is never today: on a Friday it is 7 days ahead, on any other
//     day the same as "fredag". "this friday", "nu på fredag", "den här
//     fredagen" are the same day as "fredag": on any day but a Friday
//     the same as "next friday", and on a Friday today while the time is
//     still ahead (that is what "this Friday" means said on one).
//   - "nästa vecka" / "next week" is the calendar week (Monday to Sunday)
//     after this one, so "nästa vecka fredag" written on a Wednesday is
//     Friday in 9 days, while "nästa fredag" is the coming Friday (above).
//     "onsdag om två veckor" is Wednesday in the week two weeks after
//     this one. A week without a weekday ("nästa vecka 18:00") is
//     Ambiguous with Reason MissingDay.
//   - "om två veckor" / "in two weeks" without a weekday is exactly 14
//     days ahead; "om en månad" is the same day next month, or the
//     month's last day when it is shorter (31 January: 28 February).
//     "om 3 timmar" / "in 3 hours" is not read: a meetup is given a time
//     of day.
//   - A time with no day is its next occurrence: today if still ahead,
//     otherwise tomorrow. "idag 08:00" written at 10:00 is Past, because
//     the day was given.
//   - Midnight (midnatt, midnight) is the end of the day named, as people
//     say it: "fredag midnatt" is 00:00 on Saturday, "midnatt" alone the
//     coming midnight, "22 till midnatt" ends at 00:00 the day after.
//     A numeric 00:00 stays the start of its day, and 24:00 is accepted
//     only as an end.
//   - Noon and lunch are 12:00, and as pm ("noon to 3" ends 15:00).
//     "middag" is not read: to most Swedes it is dinner, to some noon.
//     "ikväll", "tonight" and "kväll" / "evening" after a day need a
//     time (MissingTime): an evening has no single agreed hour.
//   - ikväll / i kväll / tonight is today; its time is required, and an
//     hour from 1 to 11 without am/pm is read as evening ("ikväll 7" is
//     19:00), as after "kväll" / "evening". Otherwise hours are 24-hour:
//     "fredag 6" is 06:00.
//   - An end time before the start on the clock is on the next day
//     ("22-01" ends 01:00 the day after). A duration is elapsed time, so
//     "01:00 i 2 timmar" on the night the clocks go forward ends 04:00. An end equal to the start, a zero
//     duration or one longer than MaxDuration is Impossible (Reasons
//     ZeroDuration, LongDuration). 24:00 is accepted as an end (midnight)
//     but not as a start. With "6-9pm" the start takes the end's pm when
//     that keeps it before the end ("11-1pm" stays 11:00-13:00); after a pm
//     or evening start an end from 1 to 11 is read as pm when that keeps it
//     after the start ("6pm-9" ends 21:00).
//   - A wall time that does not exist in loc (the clocks go forward:
//     2027-03-28 02:30 in Europe/Stockholm) is Impossible with Reason
//     ClockGap; we never shift it. A wall time that occurs twice (the
//     clocks go back: 2027-10-31 02:30) is Ambiguous with Reason
//     ClockRepeat and both instants in Error.Alternatives, unless a zone
//     is written (2027-10-31 02:30 CEST). An end time that occurs twice is
//     the first occurrence after the start.
//   - Input longer than MaxInput runes (after trimming spaces) is
//     Unrecognised with Reason LongInput without being parsed.
//   - Which error wins when several apply: Unrecognised, then Impossible,
//     then Past (JustPassed included), then TooFar, then Ambiguous. A
//     start equal to now is not Past; a start after now plus
//     MaxYearsAhead years is TooFar.
//   - A nil loc means UTC. The Range is always in loc, whatever now's zone.
package when
