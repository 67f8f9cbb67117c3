package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// TestMain lets the test binary run as passionbot itself, so that tests
// can start, kill and restart real processes.
func TestMain(m *testing.M) {
	if os.Getenv("PASSIONBOT_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// proc is a running passionbot process on the console.
type proc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	mu    sync.Mutex
	lines []string
	done  chan struct{}
}

func startProc(t *testing.T, db string) *proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "--db", db)
	cmd.Env = append(os.Environ(), "PASSIONBOT_RUN_MAIN=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, stdin: stdin, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, sc.Text())
			p.mu.Unlock()
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return p
}

func (p *proc) output() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.lines...)
}

var tickLine = regexp.MustCompile(`^\[#ticks\] tick (\S+ \S+)`)

func ticks(lines []string) []string {
	var out []string
	for _, l := range lines {
		if m := tickLine.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// seedEverySecond stores an every-second schedule, which makes the test
// fast. The announce command refuses one (at most hourly), so it is written
// into the database as an operator could, and runs after a warning.
func seedEverySecond(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	store, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := storage.Announcement{Spec: "* * * * * *", Text: "tick {{time}}", CreatedBy: "console:olle",
		Targets: []storage.Target{{Platform: bot.PlatformConsole, Channel: "ticks"}}}
	if _, err := store.CreateAnnouncement(ctx, a); err != nil {
		t.Fatal(err)
	}
}

// TestKilledAndRestartedDeliversEveryFiringOnce runs a real passionbot with
// an every-second schedule, kills it with SIGKILL mid-run, restarts it on
// the same database and checks that every firing claimed was delivered,
// and none twice.
func TestKilledAndRestartedDeliversEveryFiringOnce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	seedEverySecond(t, db)
	first := startProc(t, db)
	waitTicks := func(p *proc, n int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for len(ticks(p.output())) < n {
			if time.Now().After(deadline) {
				t.Fatalf("only %d ticks: %q", len(ticks(p.output())), p.output())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitTicks(first, 3)
	time.Sleep(300 * time.Millisecond) // kill somewhere mid-second
	first.cmd.Process.Signal(syscall.SIGKILL)
	first.cmd.Wait()
	<-first.done

	second := startProc(t, db)
	waitTicks(second, 3)
	second.stdin.Close() // end of input: finish pending work and exit 0
	if err := second.cmd.Wait(); err != nil {
		t.Fatalf("second run: %v", err)
	}
	<-second.done

	printed := append(ticks(first.output()), ticks(second.output())...)
	t.Logf("first run: %q; after the restart: %q", ticks(first.output()), ticks(second.output()))
	seen := map[string]bool{}
	for _, tk := range printed {
		if seen[tk] {
			t.Fatalf("firing %s delivered twice: %q", tk, printed)
		}
		seen[tk] = true
	}
	store, err := storage.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ds, err := store.Deliveries(context.Background(), "announce:1", 1000)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Europe/Stockholm")
	for _, d := range ds {
		if d.Status != "delivered" {
			t.Errorf("firing %s left %s", d.FireAt, d.Status)
		}
		if at := d.FireAt.In(loc).Format("2006-01-02 15:04:05"); !seen[at] {
			t.Errorf("firing %s claimed but never printed (printed: %s)", at, strings.Join(printed, ", "))
		}
	}
	if len(ds) != len(printed) {
		t.Fatalf("%d deliveries claimed, %d printed", len(ds), len(printed))
	}
}
