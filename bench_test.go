package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"passionbot/adapters/discord"
	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/discordfake"
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
		h := bottest.New(b, bottest.At(start), bottest.WithAdapters(a))
		var targets []storage.Target
		for _, c := range g.Channels {
			targets = append(targets, storage.Target{Platform: bot.PlatformDiscord, Channel: c.ID})
		}
		if _, err := h.DB.CreateAnnouncement(context.Background(), storage.Announcement{Spec: "0 9 * * *", Text: "Veckans träffar", Targets: targets, CreatedBy: "console:olle"}); err != nil {
			b.Fatal(err)
		}
		if err := h.App.Start(context.Background()); err != nil {
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
		if err := h.App.Start(ctx); err != nil {
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
	if err := h.App.Start(ctx); err != nil {
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

// BenchmarkIdleRSSAllFeatures starts passionbot as its own process with
// every feature on — Discord and Slack connected (to the loopback fakes),
// [http] (calendars, /healthz, /metrics), scheduled backups, automod,
// onboarding and matching — waits until /healthz says all is well, lets it
// idle 5 s and reports its resident memory (VmRSS). The process is this
// test binary re-run as passionbot (see TestMain), so the figure slightly
// overstates the release binary's.
func BenchmarkIdleRSSAllFeatures(b *testing.B) {
	dir := b.TempDir()
	addr := freeAddr(b)
	f := newTwoFakes(b, dir, `[http]
listen = "`+addr+`"
[backup]
cron = "0 3 * * *"
dir = "`+filepath.Join(dir, "backups")+`"
[automod]
enabled = true
banned = ["köp billigt"]
[members]
onboarding = true
`)
	cfg := f.config
	for range b.N {
		cmd := exec.Command(os.Args[0], "--config", cfg, "--db", filepath.Join(dir, "p.db"))
		cmd.Env = append(os.Environ(), "PASSIONBOT_RUN_MAIN=1", "DISCORD_TOKEN="+f.env("DISCORD_TOKEN"),
			"SLACK_BOT_TOKEN="+f.env("SLACK_BOT_TOKEN"), "SLACK_APP_TOKEN="+f.env("SLACK_APP_TOKEN"))
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				cmd.Wait()
				b.Fatal("never healthy")
			}
			time.Sleep(50 * time.Millisecond)
		}
		time.Sleep(5 * time.Second)
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
		cmd.Process.Signal(syscall.SIGTERM)
		if werr := cmd.Wait(); werr != nil {
			b.Errorf("stop: %v", werr)
		}
		if err != nil {
			b.Fatal(err)
		}
		var kb float64
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ = strconv.ParseFloat(f[1], 64)
			}
		}
		if kb == 0 {
			b.Fatal("no VmRSS")
		}
		b.ReportMetric(kb/1024, "RSS-MiB")
	}
}

// BenchmarkAskJSON6000 pipes 6,000 questions (the tuning sets' questions,
// repeated) through `passionbot ask --json` — this test binary re-run as
// passionbot (see TestMain) on a fresh database — and reports the time
// per question end to end: start, the index built, each question read,
// searched, answered and printed as JSON (issue 15's target: < 100 µs).
func BenchmarkAskJSON6000(b *testing.B) {
	var qs []string
	for _, name := range []string{"eval.jsonl", "tuning2.jsonl", "tuning3.jsonl", "tuning4.jsonl", "tuning5.jsonl"} {
		data, err := os.ReadFile(filepath.Join("knowledge", "testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var q struct{ Q string }
			if json.Unmarshal([]byte(line), &q) == nil && q.Q != "" {
				qs = append(qs, strings.ReplaceAll(q.Q, "\n", " "))
			}
		}
	}
	const n = 6000
	var in strings.Builder
	for i := range n {
		in.WriteString(qs[i%len(qs)] + "\n")
	}
	dir := b.TempDir()
	b.ResetTimer()
	for range b.N {
		cmd := exec.Command(os.Args[0], "ask", "--json", "--db", filepath.Join(dir, "p.db"))
		cmd.Env = append(os.Environ(), "PASSIONBOT_RUN_MAIN=1")
		cmd.Stdin = strings.NewReader(in.String())
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("ask --json: %v", err)
		}
		if got := strings.Count(string(out), "\n"); got != n {
			b.Fatalf("%d answers for %d questions", got, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/question")
}
