package health_test

import (
	"testing"

	"passionbot/health"
)

func TestHealthURL(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080/healthz",
		":8080":          "http://127.0.0.1:8080/healthz",
		"0.0.0.0:9":      "http://127.0.0.1:9/healthz",
		"[::]:9":         "http://127.0.0.1:9/healthz",
		"[::1]:9":        "http://[::1]:9/healthz",
		"bot.lan:80":     "http://bot.lan:80/healthz",
	} {
		if got, err := health.URL(in); err != nil || got != want {
			t.Errorf("health.URL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := health.URL("8080"); err == nil {
		t.Error("a port without a colon accepted")
	}
}
