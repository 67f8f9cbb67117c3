//go:build soak

package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/storage"
)

// ---- measurements ----

// soakMem is one measurement of the process.
type soakMem struct {
	label                  string
	heapAlloc, heapInuse   uint64
	rss                    uint64
	goroutines             int
	fakeHeap, harnessHeap  uint64
	botHeap                uint64
	platformsDB, consoleDB int64
	rows                   string // the growing tables' row counts
	botSites               string // the bot's biggest allocation sites
}

// soakMeasure lets things settle, collects garbage and measures.
func soakMeasure(t *testing.T, label, platDB, consDB string, proxies ...*soakProxy) soakMem {
	t.Helper()
	time.Sleep(2 * time.Second) // late (duplicate) replies arrive and are counted
	for _, p := range proxies {
		p.closeIdle() // the harness's own connections are not the bot's
	}
	time.Sleep(500 * time.Millisecond)
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := soakMem{label: label, heapAlloc: ms.HeapAlloc, heapInuse: ms.HeapInuse, rss: soakRSS(), goroutines: runtime.NumGoroutine()}
	fake, harness, all, sites := soakHeapShares()
	m.botSites = sites
	if all > 0 {
		// The profile is sampled: its shares apply to the exact HeapAlloc.
		m.fakeHeap = uint64(float64(ms.HeapAlloc) * fake / all)
		m.harnessHeap = uint64(float64(ms.HeapAlloc) * harness / all)
		m.botHeap = ms.HeapAlloc - m.fakeHeap - m.harnessHeap
	}
	m.platformsDB, m.consoleDB = soakDBSize(platDB), soakDBSize(consDB)
	m.rows = "platforms " + soakRows(platDB) + "; console " + soakRows(consDB)
	t.Logf("%-6s heap alloc %s, in use %s (fakes %s, harness %s, bot %s), RSS %s, goroutines %d, databases %s + %s",
		label, soakMiB(m.heapAlloc), soakMiB(m.heapInuse), soakMiB(m.fakeHeap), soakMiB(m.harnessHeap), soakMiB(m.botHeap), soakMiB(m.rss), m.goroutines,
		soakMiB(uint64(m.platformsDB)), soakMiB(uint64(m.consoleDB)))
	t.Logf("%-6s rows: %s", label, m.rows)
	return m
}

// soakRows counts the rows of the tables the workload makes grow, through
// a second connection (WAL lets it read while the bot writes).
func soakRows(path string) string {
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		return err.Error()
	}
	defer db.Close()
	var parts []string
	for _, table := range []string{"members", "interests", "profiles", "unanswered_questions"} {
		var n int
		if err := db.SQL().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			return err.Error()
		}
		parts = append(parts, fmt.Sprintf("%s %d", table, n))
	}
	return strings.Join(parts, ", ")
}

// soakHeapShares splits the in-use heap of the last GC's profile by who
// allocated it: the fakes, this harness, or the rest (the bot, its
// libraries and the runtime). The innermost frame that names one decides.
// For the bot's part it also returns the biggest allocation sites.
func soakHeapShares() (fake, harness, all float64, botSites string) {
	n, _ := runtime.MemProfile(nil, false)
	recs := make([]runtime.MemProfileRecord, n+100)
	n, ok := runtime.MemProfile(recs, false)
	if !ok {
		return 0, 0, 0, ""
	}
	rate := float64(runtime.MemProfileRate)
	sites := map[string]float64{}
	for _, r := range recs[:n] {
		objs, size := r.InUseObjects(), r.InUseBytes()
		if objs <= 0 || size <= 0 {
			continue
		}
		// Unbias the sample as pprof does.
		b := float64(size) / (1 - math.Exp(-float64(size)/float64(objs)/rate))
		all += b
		switch who, site := soakWho(r.Stack()); who {
		case "fake":
			fake += b
		case "harness":
			harness += b
		default:
			sites[site] += b
		}
	}
	type kv struct {
		k string
		v float64
	}
	var kvs []kv
	for k, v := range sites {
		kvs = append(kvs, kv{k, v})
	}
	slices.SortFunc(kvs, func(a, b kv) int { return cmp.Compare(b.v, a.v) })
	var sb strings.Builder
	for _, x := range kvs[:min(12, len(kvs))] {
		fmt.Fprintf(&sb, "  %7.0f KiB  %s\n", x.v/1024, x.k)
	}
	return fake, harness, all, sb.String()
}

// soakWho says who allocated: "fake", "harness" or "bot", and for the bot
// the first few frames outside the runtime.
func soakWho(stack []uintptr) (who, site string) {
	frames := runtime.CallersFrames(stack)
	serverSide := false
	var names []string
	for {
		f, more := frames.Next()
		fn := f.Function
		switch {
		case strings.Contains(fn, "/discordfake.") || strings.Contains(fn, "/slackfake."):
			return "fake", ""
		case soakHarnessFunc(fn):
			return "harness", ""
		case fn == "net/http.(*conn).serve":
			serverSide = true
		}
		if len(names) < 4 && !strings.HasPrefix(fn, "runtime.") && !strings.HasPrefix(fn, "internal/") {
			names = append(names, fn)
		}
		if !more {
			break
		}
	}
	if serverSide {
		// The bot runs no HTTP server: what a server connection allocated
		// outside any handler (request lines and headers the fakes keep)
		// is the fakes'.
		return "fake", ""
	}
	return "bot", strings.Join(names, " < ")
}

// soakHarnessFunc reports a function of this file (package main is
// "passionbot" in a test binary's symbols).
func soakHarnessFunc(fn string) bool {
	for _, p := range []string{"main.", "passionbot."} {
		if strings.HasPrefix(fn, p+"soak") || strings.HasPrefix(fn, p+"(*soak") || strings.HasPrefix(fn, p+"TestSoak") {
			return true
		}
	}
	return false
}

func soakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// soakDBSize is the database file and its write-ahead log.
func soakDBSize(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func soakMiB(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func soakTable(t *testing.T, ms ...soakMem) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "\n| %-6s | %10s | %10s | %10s | %10s | %10s | %10s | %5s | %13s | %12s |\n", "when", "HeapAlloc", "HeapInuse", "fakes", "harness", "bot", "VmRSS", "gor.", "platforms.db*", "console.db*")
	for _, m := range ms {
		fmt.Fprintf(&b, "| %-6s | %10s | %10s | %10s | %10s | %10s | %10s | %5d | %13s | %12s |\n", m.label, soakMiB(m.heapAlloc), soakMiB(m.heapInuse),
			soakMiB(m.fakeHeap), soakMiB(m.harnessHeap), soakMiB(m.botHeap), soakMiB(m.rss), m.goroutines, soakMiB(uint64(m.platformsDB)), soakMiB(uint64(m.consoleDB)))
	}
	b.WriteString("(* the database file and its write-ahead log; VmRSS is the whole test process, fakes included)\n")
	t.Log(b.String())
}

// soakLog counts the processes' warnings and errors.
type soakLog struct {
	mu           sync.Mutex
	warn, errors int
	first        []string
}

func (l *soakLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, line := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		switch {
		case strings.Contains(line, "level=WARN"):
			l.warn++
		case strings.Contains(line, "level=ERROR"):
			l.errors++
		default:
			continue
		}
		if len(l.first) < 10 {
			l.first = append(l.first, soakClip(line, 400))
		}
	}
	return len(p), nil
}

func (l *soakLog) counts() (int, int, string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.warn, l.errors, strings.Join(l.first, "\n")
}
