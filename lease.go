package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"syscall"
	"time"

	"passionbot/storage"
)

// Lease timing: a running bot renews its claim every leaseRenew; a claim
// not renewed for leaseTTL belongs to a crashed instance.
const (
	leaseTTL   = 30 * time.Second
	leaseRenew = 10 * time.Second
)

// claim makes this process the one instance on the database. A claim left
// by a process that is gone from this host is taken over at once; one from
// another host waits out leaseTTL.
func claim(ctx context.Context, db *storage.DB) (string, error) {
	b := make([]byte, 8)
	rand.Read(b)
	host, _ := os.Hostname()
	l := storage.Lease{Owner: hex.EncodeToString(b), Host: host, PID: os.Getpid()}
	err := db.AcquireLease(ctx, l, leaseTTL)
	var held *storage.LeaseHeldError
	if errors.As(err, &held) && held.Held.Host == host && (held.Held.PID == l.PID || !alive(held.Held.PID)) {
		err = db.TakeOverLease(ctx, l, held.Held.Owner)
	}
	return l.Owner, err
}

// alive reports whether a process with pid runs on this host.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// keepClaim renews the claim until ctx ends; it returns an error only when
// the claim was lost (another instance took it), and the bot must stop.
func keepClaim(ctx context.Context, db *storage.DB, owner string, log *slog.Logger) error {
	t := time.NewTicker(leaseRenew)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			err := db.RenewLease(ctx, owner)
			if errors.Is(err, storage.ErrLeaseLost) {
				return err
			}
			if err != nil && ctx.Err() == nil {
				log.Warn("renewing the database claim", "err", err)
			}
		}
	}
}
