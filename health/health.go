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

// Run probes every check at once, each bounded by timeout.
func Run(ctx context.Context, timeout time.Duration, checks []Check) Report {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rep := Report{Status: "ok", Checks: make(map[string]string, len(checks))}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			done := make(chan error, 1)
			go func() { done <- c.Probe(ctx) }()
			var msg string
			select {
			case err := <-done:
				msg = "ok"
				if err != nil {
					msg = err.Error()
				}
			case <-ctx.Done():
				msg = "no answer within " + timeout.String()
			}
			mu.Lock()
			defer mu.Unlock()
			rep.Checks[c.Name] = msg
			if msg != "ok" {
				rep.Status = "unavailable"
			}
		}()
	}
	wg.Wait()
	return rep
}

// Handler serves the checks' report: 200 when every check passes, else 503.
func Handler(timeout time.Duration, checks ...Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		rep := Run(r.Context(), timeout, checks)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if rep.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		json.NewEncoder(w).Encode(rep)
	})
}
