// Package health answers /healthz: whether every part the bot needs (the
// database, each platform connection, the scheduler) is well, as JSON, with
// 200 when all are and 503 naming what is not.
package health

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Check is one part that must be well. Probe returns nil when it is, else
// the reason.
type Check struct {
	Name  string
	Probe func(ctx context.Context) error
}

// Report is the /healthz answer.
type Report struct {
	Status string            `json:"status"` // "ok" or "unavailable"
	Checks map[string]string `json:"checks"` // name -> "ok" or the reason
}

// Checker probes the checks, each bounded by its timeout. A probe still
// running from an earlier request (stuck on a lock, say) is waited for
// again rather than started twice, so a monitor polling a stuck bot does
// not pile up goroutines.
type Checker struct {
	timeout  time.Duration
	checks   []Check
	mu       sync.Mutex
	inflight map[string]*flight
}

// flight is one running probe.
type flight struct {
	done chan struct{}
	err  error
}

// New returns a Checker for checks, each probe bounded by timeout.
func New(timeout time.Duration, checks ...Check) *Checker {
	return &Checker{timeout: timeout, checks: checks, inflight: map[string]*flight{}}
}

// start returns c's running probe, starting one when none runs.
func (k *Checker) start(c Check) *flight {
	k.mu.Lock()
	defer k.mu.Unlock()
	if f := k.inflight[c.Name]; f != nil {
		return f
	}
	f := &flight{done: make(chan struct{})}
	k.inflight[c.Name] = f
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), k.timeout)
		defer cancel()
		f.err = c.Probe(ctx)
		k.mu.Lock()
		delete(k.inflight, c.Name)
		k.mu.Unlock()
		close(f.done)
	}()
	return f
}

// Run probes every check at once and reports; a probe that has not
// answered within the timeout (counted from this call) fails its check.
func (k *Checker) Run(ctx context.Context) Report {
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	rep := Report{Status: "ok", Checks: make(map[string]string, len(k.checks))}
	flights := make([]*flight, len(k.checks))
	for i, c := range k.checks {
		flights[i] = k.start(c)
	}
	for i, c := range k.checks {
		msg := "ok"
		select {
		case <-flights[i].done:
			if err := flights[i].err; err != nil {
				msg = err.Error()
			}
		case <-ctx.Done():
			// Both may be ready once the time is up: a probe that has
			// answered is reported as it answered.
			select {
			case <-flights[i].done:
				if err := flights[i].err; err != nil {
					msg = err.Error()
				}
			default:
				msg = "no answer within " + k.timeout.String()
			}
		}
		rep.Checks[c.Name] = msg
		if msg != "ok" {
			rep.Status = "unavailable"
		}
	}
	return rep
}

// ServeHTTP answers GET and HEAD with the report: 200 when every check
// passes, else 503.
func (k *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rep := k.Run(r.Context())
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if rep.Status != "ok" {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	json.NewEncoder(w).Encode(rep)
}
