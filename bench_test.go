package main

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"passionbot/adapters/discord"
	"passionbot/adapters/discord/discordfake"
	"passionbot/bot"
	"passionbot/bot/bottest"
	"passionbot/commands"
	"passionbot/storage"
)

// BenchmarkFanOut200Channels posts one scheduled announcement to 200
// Discord channels through the real discordgo client against the fake,
// which enforces Discord's global limit of 50 requests a second. The floor
// is 3 s (50 at once, then 50 a second); it reports the time taken, its
// ratio to the floor, and fails on any lost or duplicated message.
func BenchmarkFanOut200Channels(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fake := discordfake.New(b, discordfake.WithGlobalRateLimit(50), discordfake.WithEcho(false))
		g := discordfake.Guild{Name: "Passion Halland", Members: []discordfake.Member{{User: fake.NewUser("owner")}}}
		for c := 0; c < 200; c++ {
			g.Channels = append(g.Channels, discordfake.Channel{Name: fmt.Sprintf("kanal-%d", c)})
		}
		g = fake.AddGuild(g)
		a, err := discord.New(discord.Options{Token: fake.Token(), BaseURL: fake.URL(), GuildID: g.ID})
		if err != nil {
			b.Fatal(err)
		}
		loc, _ := time.LoadLocation("Europe/Stockholm")
		start := time.Date(2027, 1, 4, 8, 59, 0, 0, loc)
		h := bottest.New(b, bottest.At(start), bottest.WithOptions(func(o *bot.Options) { o.Adapters = []bot.Adapter{a} }))
		var targets []storage.Target
		for _, c := range g.Channels {
			targets = append(targets, storage.Target{Platform: bot.PlatformDiscord, Channel: c.ID})
		}
		if _, err := h.DB.CreateAnnouncement(context.Background(), storage.Announcement{Spec: "0 9 * * *", Text: "Veckans träffar", Targets: targets, CreatedBy: "console:olle"}); err != nil {
			b.Fatal(err)
		}
		if err := commands.Start(context.Background(), h.Deps); err != nil {
			b.Fatal(err)
		}
		began := time.Now()
		h.Advance(time.Minute) // 09:00: the firing
		took := time.Since(began)
		lost, dup := 0, 0
		for _, c := range g.Channels {
			switch n := len(fake.Messages(c.ID)); {
			case n == 0:
				lost++
			case n > 1:
				dup += n - 1
			}
		}
		if lost > 0 || dup > 0 {
			b.Fatalf("%d lost, %d duplicated", lost, dup)
		}
		b.ReportMetric(took.Seconds(), "s/fan-out")
		b.ReportMetric(took.Seconds()/3.0, "x-floor")
	}
}

// BenchmarkStart10kSchedules loads 10,000 stored schedules from SQLite and
// registers them with the scheduler, as a restart does.
func BenchmarkStart10kSchedules(b *testing.B) {
	h := bottest.New(b)
	ctx := context.Background()
	for i := 0; i < 10000; i++ {
		spec := fmt.Sprintf("%d %d * * %d", i%60, i%24, i%7)
		if _, err := h.DB.CreateAnnouncement(ctx, storage.Announcement{Spec: spec, Text: "x", CreatedBy: "console:olle",
			Targets: []storage.Target{{Platform: bot.PlatformConsole, Channel: "c"}}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := commands.Start(ctx, h.Deps); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if n := h.Scheduler.Len(); n < 10000 {
		b.Fatalf("%d jobs registered", n)
	}
}

// BenchmarkIdleCPU measures the CPU the process uses per second of wall
// time while 10,000 schedules wait for their next firing, on the real
// clock: with no polling loop it is near zero.
func BenchmarkIdleCPU(b *testing.B) {
	h := bottest.New(b)
	ctx := context.Background()
	for i := 0; i < 10000; i++ {
		h.DB.CreateAnnouncement(ctx, storage.Announcement{Spec: "0 9 1 1 *", Text: "x", CreatedBy: "console:olle",
			Targets: []storage.Target{{Platform: bot.PlatformConsole, Channel: "c"}}})
	}
	if err := commands.Start(ctx, h.Deps); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	b.ResetTimer()
	var used time.Duration
	for i := 0; i < b.N; i++ {
		before := cpu()
		time.Sleep(time.Second)
		used += cpu() - before
	}
	b.ReportMetric(float64(used.Microseconds())/float64(b.N)/1000, "cpu-ms/s")
}
