package health_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"passionbot/health"
)

func get(t *testing.T, h http.Handler, method string) (int, health.Report) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, "/healthz", nil))
	var rep health.Report
	if rec.Code != http.StatusMethodNotAllowed {
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("Content-Type %q", ct)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
			t.Fatalf("not JSON: %v: %s", err, rec.Body.String())
		}
	}
	return rec.Code, rep
}

func TestHealthy(t *testing.T) {
	ok := func(context.Context) error { return nil }
	code, rep := get(t, health.New(time.Second, health.Check{Name: "database", Probe: ok}, health.Check{Name: "console", Probe: ok}), http.MethodGet)
	if code != 200 || rep.Status != "ok" || rep.Checks["database"] != "ok" || rep.Checks["console"] != "ok" {
		t.Fatalf("%d %+v", code, rep)
	}
}

func TestFailingAndHangingChecksGive503WithReasons(t *testing.T) {
	h := health.New(time.Second,
		// A probe stuck on a lock, ignoring its context; it comes first, so
		// that the others are looked at after the time is up.
		health.Check{Name: "scheduler", Probe: func(context.Context) error { time.Sleep(3 * time.Second); return nil }},
		health.Check{Name: "database", Probe: func(context.Context) error { return nil }},
		health.Check{Name: "slack", Probe: func(context.Context) error { return errors.New("slack socket mode not connected") }},
	)
	start := time.Now()
	code, rep := get(t, h, http.MethodGet)
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("a hanging probe held the answer for %v", took)
	}
	if code != http.StatusServiceUnavailable || rep.Status != "unavailable" {
		t.Fatalf("%d %+v", code, rep)
	}
	want := map[string]string{"database": "ok", "slack": "slack socket mode not connected", "scheduler": "no answer within 1s"}
	for k, v := range want {
		if rep.Checks[k] != v {
			t.Errorf("%s = %q, want %q", k, rep.Checks[k], v)
		}
	}
}

// TestStuckProbeNotStartedTwice: a monitor polling a bot whose probe is
// stuck waits for the same probe again instead of starting another.
func TestStuckProbeNotStartedTwice(t *testing.T) {
	var started atomic.Int32
	release := make(chan struct{})
	h := health.New(20*time.Millisecond, health.Check{Name: "scheduler", Probe: func(context.Context) error {
		started.Add(1)
		<-release // stuck, whatever the context says
		return nil
	}})
	for range 5 {
		if code, rep := get(t, h, http.MethodGet); code != http.StatusServiceUnavailable || rep.Checks["scheduler"] != "no answer within 20ms" {
			t.Fatalf("%d %+v", code, rep)
		}
	}
	if n := started.Load(); n != 1 {
		t.Fatalf("%d probes started by 5 requests, want 1", n)
	}
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if code, _ := get(t, h, http.MethodGet); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("never healthy after the probe came back")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := started.Load(); n > 2 {
		t.Fatalf("%d probes started; at most one more after the stuck one returned", n)
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	h := health.New(time.Second)
	if code, _ := get(t, h, http.MethodPost); code != http.StatusMethodNotAllowed {
		t.Fatalf("POST: %d", code)
	}
	if code, rep := get(t, h, http.MethodGet); code != 200 || rep.Status != "ok" {
		t.Fatalf("no checks: %d %+v", code, rep)
	}
}
