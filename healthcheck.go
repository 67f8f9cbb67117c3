package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"slices"
	"time"

	"passionbot/health"
)

// healthURL is where the running bot's /healthz answers, from [http]
// listen; an unspecified host ("", 0.0.0.0, ::) is asked on loopback.
func healthURL(listen string) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("[http] listen %q: %w", listen, err)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}

// health asks the running bot's /healthz and prints each check: exit 0
// when healthy, 1 when not or when nothing answers, 2 when [http] listen
// is off. For Docker's HEALTHCHECK and monitoring scripts.
func (a *app) health(ctx context.Context) error {
	if a.cfg.HTTP.Listen == "" {
		return &exitError{code: 2, err: fmt.Errorf("[http] listen is off: set it to reach /healthz")}
	}
	url, err := healthURL(a.cfg.HTTP.Listen)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("no answer from %s (is passionbot running?): %w", url, err)
	}
	defer resp.Body.Close()
	var rep health.Report
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		return fmt.Errorf("%s answered %d without a health report: %w", url, resp.StatusCode, err)
	}
	names := make([]string, 0, len(rep.Checks))
	for n := range rep.Checks {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(a.stdout, "%-10s %s\n", n, rep.Checks[n])
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("passionbot is %s (HTTP %d)", rep.Status, resp.StatusCode)
	}
	return nil
}
