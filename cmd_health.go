package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"passionbot/health"
)

// health asks the running bot's /healthz and prints each check: exit 0
// when healthy, 1 when not or when nothing answers, 2 when [http] listen
// is off. For Docker's HEALTHCHECK and monitoring scripts.
func (a *program) health(ctx context.Context) error {
	if a.cfg.HTTP.Listen == "" {
		return &exitError{code: 2, err: fmt.Errorf("[http] listen is off: set it to reach /healthz")}
	}
	url, err := health.URL(a.cfg.HTTP.Listen)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	rep, healthy, err := health.Ask(ctx, url)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(rep.Checks))
	for n := range rep.Checks {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(a.stdout, "%-10s %s\n", n, rep.Checks[n])
	}
	if !healthy {
		return fmt.Errorf("passionbot is %s", rep.Status)
	}
	return nil
}
