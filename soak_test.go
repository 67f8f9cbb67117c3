//go:build soak

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/internal/discordfake"
	"passionbot/internal/slackfake"
)

var soakTotal = flag.Int("soak.total", 200_000, "messages and commands the soak test pushes through the adapters")

// Thresholds and sizes; TestSoak's comment says why.
const (
	soakGoroutineSlack = 10
	soakHeapSlack      = 64 << 20
	soakBotHeapSlack   = 16 << 20
	// soakBotGrowth bounds the bot's own heap growth over the second half:
	// soakBotPerMessage bytes a message plus soakBotGrowthSlack. Measured
	// after the fixes: 9–16 B a message; with discordgo's bucket per slash
	// command (bwmarrin/discordgo#1333) it was 46 B, 4.4 MiB over 100,000.
	soakBotPerMessage  = 25
	soakBotGrowthSlack = 1 << 20
	soakReplyTimeout   = 30 * time.Second
	soakMemProfileRate = 64 << 10

	soakDiscordWorkers  = 12
	soakSlackWorkers    = 12
	soakDiscordChannels = 192  // 16 per worker: one request in flight per channel
	soakSlackChannels   = 1152 // 96 per worker: the adapter's per-channel pacing (1/s) rarely applies
	soakDiscordUsers    = 8000
	soakSlackUsers      = 8000
	soakOrganisers      = 24 // per platform, 2 per worker
)

// soakNoLimit turns the per-member command limit off: the soak measures
// throughput, and its organisers send far more than 20 commands a minute.
const soakNoLimit = "[limits]\ncommands_per_minute = 0\n"

// soakShare is each platform's part of the total.
var soakShare = map[string]float64{"console": 0.30, "discord": 0.35, "slack": 0.35}

// TestSoak pushes 200,000 messages and commands through the real adapters of
// two running passionbots, the way the process runs them (run() with a
// configuration file):
//
//   - one with [discord] and [slack] on, driven by the real discordgo and
//     slack-go clients against the loopback fakes (discordfake, slackfake),
//     sharing one SQLite database;
//   - one on the console, fed through an io.Pipe, its replies read from its
//     standard output, with its own database (a process runs either the
//     console or the platforms).
//
// Nothing calls a command handler: every request goes in as a gateway
// MESSAGE_CREATE or INTERACTION_CREATE, a Socket Mode events_api or
// slash_commands envelope, or a console line, and comes out as what the fake
// (or the console's standard output) received. To see each reply the moment
// the fake accepts it, without scanning the fakes' ever-growing records, the
// bot's REST and Web API calls (and Slack's response_url POSTs) pass through
// a transparent recording proxy in front of each fake; the websockets go
// straight to the fakes. A reply is attributed to its request by what the
// platform itself carries: Discord's message_reference (messages) or the
// interaction's id/token (slash commands), Slack's thread_ts (mentions), DM
// channel (DMs) or response_url (slash commands), and the console's order.
//
// Run it with
//
//	go test -tags soak -run TestSoak -v -timeout 30m .
//
// (-args -soak.total=N for a shorter run while working on it).
//
// The test fails when
//   - a request got no reply within soakReplyTimeout, or more than one
//     reply, or a reply arrived that belongs to no request;
//   - a fake refused one of the bot's calls, or a reply is the internal
//     error message or not the kind of answer the request asks for;
//   - the goroutine count after the run exceeds the one after the warm-up by
//     more than soakGoroutineSlack (10): handlers, timers or connections
//     that leak show up as goroutines long before they show up as memory;
//   - the heap after GC at the end exceeds 2 × the heap at the middle +
//     soakHeapSlack (64 MiB): flat memory gives end ≈ middle, a leak that
//     grows with the messages handled gives end ≈ 2 × middle − start, so
//     this only catches gross growth. The fakes keep a record of every
//     request and message forever (that is what they are for), so the same
//     check is also made, tighter, on the heap that is neither the fakes'
//     nor this harness's (attributed from the heap profile's allocation
//     stacks): bot end ≤ 1.5 × bot middle + soakBotHeapSlack (16 MiB), and
//     its growth over the second half ≤ soakBotPerMessage (25) bytes a
//     message + 1 MiB, which the discordgo bucket leak (46 B) exceeded.
//
// The figures (heap, RSS, database size at start/middle/end, latency
// percentiles, goroutines, messages per platform, time) are logged.
func TestSoak(t *testing.T) {
	began := time.Now()
	runtime.MemProfileRate = soakMemProfileRate
	total := *soakTotal
	dir := t.TempDir()
	tr := newSoakTracker()

	// ---- the fakes, the proxies in front of them, the two processes ----
	df := discordfake.New(t)
	sf := slackfake.New(t)
	dp := &soakProxy{target: df.URL(), observe: tr.observeDiscord}
	sp := &soakProxy{target: sf.URL(), observe: tr.observeSlack}
	dproxy, sproxy := httptest.NewServer(dp), httptest.NewServer(sp)
	t.Cleanup(dproxy.Close)
	t.Cleanup(sproxy.Close)
	dw := soakDiscordWorld(df, tr)
	sw := soakSlackWorld(sf, tr)
	sw.proxy = sproxy.URL

	platDB := filepath.Join(dir, "platforms.db")
	consDB := filepath.Join(dir, "console.db")
	platCfg := filepath.Join(dir, "platforms.toml")
	consCfg := filepath.Join(dir, "console.toml")
	soakWriteFile(t, platCfg, fmt.Sprintf("[log]\nlevel = \"warn\"\n[discord]\nenabled = true\nbase_url = %q\nguild_id = %q\n[slack]\nenabled = true\napi_url = %q\n"+soakNoLimit,
		dproxy.URL, dw.guild, sproxy.URL+"/api/"))
	soakWriteFile(t, consCfg, "[log]\nlevel = \"warn\"\n"+soakNoLimit)
	env := func(k string) string {
		return map[string]string{"SLACK_BOT_TOKEN": sf.BotToken(), "SLACK_APP_TOKEN": sf.AppToken(), "DISCORD_TOKEN": df.Token()}[k]
	}
	platLog, consLog := &soakLog{}, &soakLog{}
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	platDone := make(chan int, 1)
	go func() {
		platDone <- run(ctx, []string{"--config", platCfg, "--db", platDB}, strings.NewReader(""), io.Discard, platLog, env)
	}()
	consIn, consInW := io.Pipe()
	cons := &soakConsole{tr: tr, in: consInW}
	consDone := make(chan int, 1)
	go func() {
		consDone <- run(ctx, []string{"--config", consCfg, "--db", consDB}, consIn, cons, consLog, func(string) string { return "" })
	}()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		consInW.Close() // end of input: the console process finishes and exits
		select {
		case code := <-consDone:
			if code != 0 {
				t.Errorf("console process exited %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Error("console process did not stop within 30 s of the end of its input")
		}
		cancel() // SIGTERM, as main does
		select {
		case code := <-platDone:
			if code != 0 {
				t.Errorf("platforms process exited %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Error("platforms process did not stop within 30 s")
		}
	}
	defer stop()

	wait, waitDone := context.WithTimeout(ctx, 30*time.Second)
	defer waitDone()
	if err := df.WaitConnected(wait); err != nil {
		t.Fatal(err)
	}
	if err := sf.WaitConnected(wait); err != nil {
		t.Fatal(err)
	}
	if err := df.Wait(wait, func() bool { return len(df.Commands(dw.guild)) > 0 }); err != nil {
		t.Fatalf("the slash commands were never published: %v", err)
	}

	drivers := []*soakDriver{
		{platform: "console", workers: 1, users: 1, send: cons.send, tr: tr},
		{platform: "discord", workers: soakDiscordWorkers, users: soakDiscordUsers, send: dw.send, tr: tr},
		{platform: "slack", workers: soakSlackWorkers, users: soakSlackUsers, send: sw.send, tr: tr},
	}

	// ---- warm-up: meetups to list, every kind of request on every platform ----
	when := time.Now().AddDate(0, 2, 0).Format("2006-01-02") + " 18:00"
	for _, d := range drivers {
		for i := 0; i < 2; i++ {
			d.send(0, soakOp{kind: "meetup.create", org: true, route: 60, q: fmt.Sprintf("meetup create title:\"Soakträff %s %d\" when:\"%s\" where:Ateljén", d.platform, i, when)})
		}
	}
	time.Sleep(2 * time.Second)
	if n, _ := tr.lostDup(); n > 0 {
		t.Fatalf("creating the meetups failed:\n%s", tr.report(10))
	}
	tr.reset()
	warm := 2 * len(drivers) // the meetups
	for _, d := range drivers {
		for _, k := range soakKinds {
			for route := 0; route < 100; route += 25 {
				q := soakQuestions[warm%len(soakQuestions)]
				if k == "ask.unknown" {
					q = fmt.Sprintf("vem vann melodifestivalen %d i Varberg?", 1900+warm)
				}
				d.do(0, soakOp{kind: k, org: k == "faq.unanswered", route: route, q: q, tags: [2]string{"keramik", "surdeg"}, seq: warm})
				warm++
			}
		}
	}
	time.Sleep(time.Second)
	if tr.failures() > 0 {
		t.Fatalf("the warm-up failed:\n%s", tr.report(20))
	}
	quota := map[string]int{}
	left := total
	for _, d := range drivers[1:] {
		quota[d.platform] = int(math.Round(float64(total) * soakShare[d.platform]))
		left -= quota[d.platform]
	}
	quota["console"] = left
	var wg sync.WaitGroup
	for _, d := range drivers {
		d.total = quota[d.platform]
		wg.Go(func() { d.drive(min(quota[d.platform]/100, 300)) }) // fill the connection pools
	}
	wg.Wait()
	time.Sleep(time.Second)
	if tr.failures() > 0 {
		t.Fatalf("the warm-up failed:\n%s", tr.report(20))
	}
	warm += tr.count()
	tr.reset()
	for _, d := range drivers {
		d.done.Store(0)
	}

	// ---- the soak: two halves, measured before, between and after ----
	proxies := []*soakProxy{dp, sp}
	start := soakMeasure(t, "start", platDB, consDB, proxies...)
	var mid soakMem
	soakStarted := time.Now()
	for half := 0; half < 2; half++ {
		halfStarted := time.Now()
		var wg sync.WaitGroup
		for _, d := range drivers {
			n := quota[d.platform] / 2
			if half == 1 {
				n = quota[d.platform] - n
			}
			wg.Go(func() { d.drive(n) })
		}
		wg.Wait()
		t.Logf("half %d: %d requests in %s", half+1, tr.count()-half*(total/2), time.Since(halfStarted).Round(time.Millisecond))
		if half == 0 {
			mid = soakMeasure(t, "middle", platDB, consDB, proxies...)
		}
	}
	soakTook := time.Since(soakStarted)
	end := soakMeasure(t, "end", platDB, consDB, proxies...)

	// ---- results ----
	sent := tr.count()
	if sent != total {
		t.Errorf("%d requests sent, want %d", sent, total)
	}
	t.Logf("%d messages and commands in %s (%.0f/s; measurements' pauses included), after a warm-up of %d",
		sent, soakTook.Round(time.Millisecond), float64(sent)/soakTook.Seconds(), warm)
	t.Log(tr.kindsLine())
	t.Log(tr.latencyTable(total / 2))
	if n := tr.failures(); n > 0 {
		t.Errorf("replies lost, duplicated, stray, refused or wrong:\n%s", tr.report(20))
	} else {
		t.Logf("nothing lost: each of the %d requests got exactly one reply of the right kind; no stray replies, no refused calls", sent)
	}
	if n := cons.proactive.Load(); n > 0 {
		t.Logf("the console printed %d messages the bot started itself", n)
	}
	soakTable(t, start, mid, end)
	t.Logf("the bot's biggest heap allocation sites (in use) at the middle:\n%s\nat the end:\n%s", mid.botSites, end.botSites)
	if end.goroutines-start.goroutines > soakGoroutineSlack {
		t.Errorf("goroutines grew from %d to %d (more than %d)", start.goroutines, end.goroutines, soakGoroutineSlack)
	}
	if end.heapAlloc > 2*mid.heapAlloc+soakHeapSlack {
		t.Errorf("heap not flat: %s at the end, %s at the middle (limit 2 × middle + %s)", soakMiB(end.heapAlloc), soakMiB(mid.heapAlloc), soakMiB(soakHeapSlack))
	}
	t.Logf("the bot's heap grew by %.0f bytes per message in the second half (%.0f in the first)",
		(float64(end.botHeap)-float64(mid.botHeap))/float64(total-total/2), (float64(mid.botHeap)-float64(start.botHeap))/float64(total/2))
	if limit := mid.botHeap + uint64(soakBotPerMessage*(total-total/2)) + soakBotGrowthSlack; end.botHeap > limit {
		t.Errorf("the bot's own heap grows with the messages: %s at the end, %s at the middle (limit %s: %d B a message + %s)",
			soakMiB(end.botHeap), soakMiB(mid.botHeap), soakMiB(limit), soakBotPerMessage, soakMiB(soakBotGrowthSlack))
	}
	if end.botHeap > mid.botHeap*3/2+soakBotHeapSlack {
		t.Errorf("the bot's own heap is not flat: %s at the end, %s at the middle (limit 1.5 × middle + %s)", soakMiB(end.botHeap), soakMiB(mid.botHeap), soakMiB(soakBotHeapSlack))
	}
	for name, l := range map[string]*soakLog{"platforms": platLog, "console": consLog} {
		if w, e, sample := l.counts(); w+e > 0 {
			t.Logf("%s log: %d warnings, %d errors; the first:\n%s", name, w, e, sample)
		}
	}
	stop()
	dp.closeIdle()
	sp.closeIdle()
	time.Sleep(3 * time.Second)
	after := runtime.NumGoroutine()
	t.Logf("goroutines: %d before the two processes started, %d after they stopped", before, after)
	if after > before+soakGoroutineSlack {
		var b bytes.Buffer
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		t.Errorf("%d goroutines left after the stop (%d before the start):\n%s", after, before, b.Bytes()[:min(b.Len(), 8000)])
	}
	t.Logf("whole test %s", time.Since(began).Round(time.Millisecond))
}

func soakWriteFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
