//go:build soak

package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ---- requests and what came back ----

// soakReq is one request and the replies attributed to it.
type soakReq struct {
	platform, kind string
	sent           time.Time
	done           chan struct{} // closed at the first reply
	replies        int           // guarded by soakTracker.mu
	chunks         int           // further messages of a reply split at the platform's limit
	first          time.Time
	text           string // the first reply, for the check of its kind
}

// soakTracker attributes every reply the fakes (or the console) received to
// the request it answers.
type soakTracker struct {
	mu       sync.Mutex
	all      []*soakReq
	byKey    map[string]*soakReq
	tokens   map[string]string   // Discord interaction token -> key
	inChan   map[string]*soakReq // Discord channel -> the request last answered there
	dms      map[string]bool     // Discord DM channels the bot opened (private replies)
	consoleQ []*soakReq          // console requests waiting for their reply, in order
	strays   []string
	nStray   int
	refused  []string
	nRefused int
	wrong    []string
	nWrong   int
	deferred int // Discord interactions deferred ("thinking…") before their reply

	timeouts atomic.Int64 // requests whose reply did not come within soakReplyTimeout
}

func newSoakTracker() *soakTracker {
	return &soakTracker{byKey: map[string]*soakReq{}, tokens: map[string]string{}, inChan: map[string]*soakReq{}, dms: map[string]bool{}}
}

// register records a request before it is sent (its reply may arrive before
// the send call returns).
func (tr *soakTracker) register(platform, kind, key string) *soakReq {
	r := &soakReq{platform: platform, kind: kind, done: make(chan struct{}), sent: time.Now()}
	tr.mu.Lock()
	tr.all = append(tr.all, r)
	if key != "" {
		tr.byKey[key] = r
	}
	tr.mu.Unlock()
	return r
}

// reset forgets everything (after the warm-up).
func (tr *soakTracker) reset() {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.all, tr.byKey, tr.tokens, tr.inChan, tr.consoleQ = nil, map[string]*soakReq{}, map[string]string{}, map[string]*soakReq{}, nil
	tr.timeouts.Store(0)
	tr.strays, tr.nStray, tr.refused, tr.nRefused, tr.wrong, tr.nWrong, tr.deferred = nil, 0, nil, 0, nil, 0, 0
}

func (tr *soakTracker) count() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return len(tr.all)
}

// replyLocked counts a reply for r; tr.mu must be held.
func (tr *soakTracker) replyLocked(r *soakReq, at time.Time, text string) {
	r.replies++
	if r.replies == 1 {
		r.first, r.text = at, text
		close(r.done)
	}
}

func (tr *soakTracker) reply(key string, at time.Time, text string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	r := tr.byKey[key]
	if r == nil {
		tr.strayLocked(key + ": " + text)
		return
	}
	tr.replyLocked(r, at, text)
}

func (tr *soakTracker) strayLocked(what string) {
	tr.nStray++
	if len(tr.strays) < 20 {
		tr.strays = append(tr.strays, soakClip(what, 300))
	}
}

func (tr *soakTracker) refuse(what string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.nRefused++
	if len(tr.refused) < 20 {
		tr.refused = append(tr.refused, soakClip(what, 300))
	}
}

// check compares a reply with what its kind of request should get.
func (tr *soakTracker) check(r *soakReq, request func() string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	text := r.text
	r.text, r.done = "", nil // not kept: 200,000 of them would be the harness's heap
	ok := !strings.Contains(text, "Något gick fel hos mig") && !strings.Contains(text, "Something went wrong on my side")
	if ok {
		ok = false
		for _, want := range soakExpect[r.kind] {
			if strings.Contains(text, want) {
				ok = true
				break
			}
		}
	}
	if !ok {
		tr.nWrong++
		if len(tr.wrong) < 20 {
			tr.wrong = append(tr.wrong, r.platform+" "+r.kind+" "+strconv.Quote(request())+": "+soakClip(text, 300))
		}
	}
}

// failures counts lost, duplicated, stray, refused and wrong replies.
func (tr *soakTracker) failures() int {
	lost, dup := tr.lostDup()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return lost + dup + tr.nStray + tr.nRefused + tr.nWrong
}

func (tr *soakTracker) lostDup() (lost, dup int) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, r := range tr.all {
		switch {
		case r.replies == 0:
			lost++
		case r.replies > 1:
			dup += r.replies - 1
		}
	}
	return lost, dup
}

func (tr *soakTracker) report(n int) string {
	lost, dup := tr.lostDup()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "lost %d, duplicated %d, stray %d, refused by a fake %d, wrong %d\n", lost, dup, tr.nStray, tr.nRefused, tr.nWrong)
	shown := 0
	for _, r := range tr.all {
		if r.replies != 1 && shown < n {
			fmt.Fprintf(&b, "  %s %s sent %s: %d replies\n", r.platform, r.kind, r.sent.Format("15:04:05.000"), r.replies)
			shown++
		}
	}
	for _, l := range [][]string{tr.strays, tr.refused, tr.wrong} {
		for _, s := range l[:min(len(l), n)] {
			b.WriteString("  " + s + "\n")
		}
	}
	return b.String()
}

// latency gives the latency percentiles of the replied requests with
// index in [from, to) that keep says to.
func (tr *soakTracker) latency(from, to int, keep func(*soakReq) bool) (n int, p50, p90, p99, maxD time.Duration) {
	tr.mu.Lock()
	var ds []time.Duration
	for _, r := range tr.all[from:min(to, len(tr.all))] {
		if r.replies > 0 && keep(r) {
			ds = append(ds, r.first.Sub(r.sent))
		}
	}
	tr.mu.Unlock()
	if len(ds) == 0 {
		return 0, 0, 0, 0, 0
	}
	slices.Sort(ds)
	q := func(p float64) time.Duration {
		return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(10 * time.Microsecond)
	}
	return len(ds), q(0.50), q(0.90), q(0.99), ds[len(ds)-1].Round(10 * time.Microsecond)
}

// latencyTable gives the latencies by platform, then by kind of request,
// for the whole run and each half (mid is the first request of the second).
func (tr *soakTracker) latencyTable(mid int) string {
	var b strings.Builder
	all := tr.count()
	fmt.Fprintf(&b, "\n| %-28s | %7s | %9s | %9s | %9s | %9s | %9s | %9s |\n", "latency", "n", "p50", "p90", "p99", "max", "p50 1st½", "p50 2nd½")
	row := func(name string, keep func(*soakReq) bool) {
		n, p50, p90, p99, mx := tr.latency(0, all, keep)
		_, a50, _, _, _ := tr.latency(0, mid, keep)
		_, b50, _, _, _ := tr.latency(mid, all, keep)
		fmt.Fprintf(&b, "| %-28s | %7d | %9s | %9s | %9s | %9s | %9s | %9s |\n", name, n, p50, p90, p99, mx, a50, b50)
	}
	for _, p := range []string{"console", "discord", "slack"} {
		row(p, func(r *soakReq) bool { return r.platform == p })
	}
	row("all", func(*soakReq) bool { return true })
	for _, p := range []string{"console", "discord+slack"} {
		for _, k := range soakKinds {
			row(p+" "+k, func(r *soakReq) bool {
				return r.kind == k && (r.platform == p || (p != "console" && r.platform != "console"))
			})
		}
	}
	return b.String()
}

// kindsLine counts the requests by platform and kind.
func (tr *soakTracker) kindsLine() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	counts := map[string]map[string]int{}
	for _, r := range tr.all {
		if counts[r.platform] == nil {
			counts[r.platform] = map[string]int{}
		}
		counts[r.platform][r.kind]++
	}
	var b strings.Builder
	for _, p := range []string{"console", "discord", "slack"} {
		n := 0
		var parts []string
		for _, k := range soakKinds {
			n += counts[p][k]
			parts = append(parts, fmt.Sprintf("%s %d", k, counts[p][k]))
		}
		fmt.Fprintf(&b, "%s: %d (%s)\n", p, n, strings.Join(parts, ", "))
	}
	chunks := map[string]int{}
	for _, r := range tr.all {
		chunks[r.platform] += r.chunks
	}
	fmt.Fprintf(&b, "replies split at the platform's length limit, further messages: discord %d, slack %d; Discord interactions deferred before their reply: %d",
		chunks["discord"], chunks["slack"], tr.deferred)
	return b.String()
}

func soakClip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
