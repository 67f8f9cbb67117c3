package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"syscall"
	"time"
)

// Lease timing: a running bot renews its claim every LeaseRenew; a claim
// not renewed for LeaseTTL belongs to a crashed instance.
const (
	LeaseTTL   = 30 * time.Second
	LeaseRenew = 10 * time.Second
	leasePoll  = time.Second // how often a waiting start looks at a claim
)

// Claim makes this process the one instance on the database and returns
// its owner id (for KeepClaim and ReleaseLease). A claim left
// by a process that is gone from this machine is taken over at once; one
// from another host waits out LeaseTTL.
//
// "This machine" is the same kernel boot and PID namespace, not only the
// same host name (the owner id starts with that identity). A claim from the
// same host name but another PID namespace is a restarted container (the
// previous one's claim) or a second container sharing the host name: claim
// waits, taking it when it expires and refusing as soon as its holder
// renews it, which a living one does every LeaseRenew.
func (db *DB) Claim(ctx context.Context, log *slog.Logger) (string, error) {
	b := make([]byte, 8)
	rand.Read(b)
	host, _ := os.Hostname()
	me := Machine()
	l := Lease{Owner: me + "/" + hex.EncodeToString(b), Host: host, PID: os.Getpid()}
	err := db.AcquireLease(ctx, l, LeaseTTL)
	var held *LeaseHeldError
	if !errors.As(err, &held) || held.Held.Host != host {
		return l.Owner, err
	}
	if !strings.HasPrefix(held.Held.Owner, me+"/") {
		log.Info("the database is claimed from this host name in another PID namespace; waiting for that claim to expire or be renewed",
			"pid", held.Held.PID, "last_seen", held.Held.Renewed)
		return l.Owner, db.waitOut(ctx, l, held.Held)
	}
	if held.Held.PID == l.PID || !alive(held.Held.PID) {
		err = db.TakeOverLease(ctx, l, held.Held.Owner)
	}
	return l.Owner, err
}

// waitOut polls until the held claim expires (then l takes it) or its
// holder renews it (then it is alive: the refusal is returned).
func (db *DB) waitOut(ctx context.Context, l Lease, held Lease) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(leasePoll):
		}
		err := db.AcquireLease(ctx, l, LeaseTTL)
		var now *LeaseHeldError
		if !errors.As(err, &now) || now.Held.Owner != held.Owner || now.Held.Renewed.After(held.Renewed) {
			return err
		}
	}
}

// Machine identifies where pids mean the same processes: the kernel's boot
// id and this process's PID namespace (Linux), hashed; "local" elsewhere.
func Machine() string {
	boot, err1 := os.ReadFile("/proc/sys/kernel/random/boot_id")
	ns, err2 := os.Readlink("/proc/self/ns/pid")
	if err1 != nil || err2 != nil {
		return "local"
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(string(boot)) + " " + ns))
	return hex.EncodeToString(sum[:6])
}

// RefuseUnderRunning refuses to migrate a database another live instance
// holds: its schema would change under it.
func (db *DB) RefuseUnderRunning(ctx context.Context) error {
	pending, err := db.Pending(ctx)
	if err != nil || pending == 0 {
		return err
	}
	held, live, err := db.LiveLease(ctx, LeaseTTL)
	if err != nil || !live {
		return err
	}
	return fmt.Errorf("%d migration(s) to apply, but %w: stop it, then run passionbot migrate", pending,
		&LeaseHeldError{Held: held, TTL: LeaseTTL})
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

// KeepClaim renews the claim every interval until ctx ends; it returns an
// error only when the claim was lost (another instance took it), and the
// bot must stop.
func (db *DB) KeepClaim(ctx context.Context, owner string, every time.Duration, log *slog.Logger) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			err := db.RenewLease(ctx, owner)
			if errors.Is(err, ErrLeaseLost) {
				return err
			}
			if err != nil && ctx.Err() == nil {
				log.Warn("renewing the database claim", "err", err)
			}
		}
	}
}
