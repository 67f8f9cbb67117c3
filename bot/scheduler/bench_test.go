package scheduler

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// BenchmarkAdd10k registers 10,000 recurring jobs with distinct schedules
// (parsed beforehand) on a fresh Scheduler.
func BenchmarkAdd10k(b *testing.B) {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	scheds := make([]Schedule, n)
	ids := make([]string, n)
	for i := range n {
		spec := fmt.Sprintf("%d %d * * %d", i%60, (i/60)%24, i%7)
		if scheds[i], err = Parse(spec, loc); err != nil {
			b.Fatal(err)
		}
		ids[i] = fmt.Sprintf("announce:%d", i)
	}
	fn := func(context.Context, time.Time, bool) {}
	start := time.Date(2027, 3, 1, 12, 0, 0, 0, loc)
	b.ReportAllocs()
	for b.Loop() {
		s := New(NewFakeClock(start), nil)
		for i := range n {
			s.Add(ids[i], scheds[i], time.Time{}, time.Hour, fn)
		}
		if s.Len() != n {
			b.Fatal(s.Len())
		}
	}
}

// BenchmarkParseAndAdd10k includes parsing each spec.
func BenchmarkParseAndAdd10k(b *testing.B) {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	specs := make([]string, n)
	for i := range n {
		specs[i] = fmt.Sprintf("%d %d * * %d", i%60, (i/60)%24, i%7)
	}
	fn := func(context.Context, time.Time, bool) {}
	start := time.Date(2027, 3, 1, 12, 0, 0, 0, loc)
	for b.Loop() {
		s := New(NewFakeClock(start), nil)
		for i := range n {
			sc, err := Parse(specs[i], loc)
			if err != nil {
				b.Fatal(err)
			}
			s.Add(fmt.Sprint(i), sc, time.Time{}, time.Hour, fn)
		}
	}
}

// BenchmarkNext measures one Next call of a daily schedule, 2027-2030.
func BenchmarkNext(b *testing.B) {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		b.Fatal(err)
	}
	s, err := Parse("30 2 * * *", loc)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2027, 1, 1, 0, 0, 0, 0, loc)
	t := start
	for b.Loop() {
		if t = s.Next(t); t.Year() > 2030 {
			t = start
		}
	}
}
