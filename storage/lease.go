package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Lease is one running instance's claim on the database.
type Lease struct {
	Owner   string // random per process
	Host    string
	PID     int
	Since   time.Time
	Renewed time.Time
}

// LeaseHeldError is returned when another instance holds a live lease.
type LeaseHeldError struct {
	Held Lease
	TTL  time.Duration
}

// Error names the running instance and says what to do.
func (e *LeaseHeldError) Error() string {
	return fmt.Sprintf("another passionbot is running on this database (host %s, pid %d, since %s, last seen %s); stop it first — if it crashed, its claim expires %s after it was last seen",
		e.Held.Host, e.Held.PID, e.Held.Since.Format(time.RFC3339), e.Held.Renewed.Format(time.RFC3339), e.TTL)
}

// EnsureLeaseTable creates the lease table (migration 0009) when it is
// missing, so that a starting instance can claim the database before it
// applies any migration: a second, newer copy then refuses to start
// without changing the schema under the running one.
func (d *DB) EnsureLeaseTable(ctx context.Context) error {
	ms, err := Migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.Name == "instance_lease" {
			if _, err := d.sql.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("create the claim table: %w", d.explain(err))
			}
			return nil
		}
	}
	return errors.New("no instance_lease migration")
}

// LiveLease returns the lease when one renewed within ttl exists.
func (d *DB) LiveLease(ctx context.Context, ttl time.Duration) (Lease, bool, error) {
	l, err := d.readLease(ctx, d.now().Add(-ttl))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l, false, nil
	case err != nil && strings.Contains(err.Error(), "no such table"):
		return l, false, nil // a database from before the claim existed
	case err != nil:
		return l, false, fmt.Errorf("read the database's claim: %w", d.explain(err))
	}
	return l, true, nil
}

// readLease reads the lease, if renewed after since.
func (d *DB) readLease(ctx context.Context, since time.Time) (Lease, error) {
	var l Lease
	var from, renewed int64
	err := d.sql.QueryRowContext(ctx, "SELECT owner, host, pid, since, renewed FROM instance_lease WHERE id = 1 AND renewed > ?",
		since.Unix()).Scan(&l.Owner, &l.Host, &l.PID, &from, &renewed)
	l.Since, l.Renewed = time.Unix(from, 0), time.Unix(renewed, 0)
	return l, err
}

// ErrLeaseLost is returned by RenewLease when another instance took the
// lease (this one stopped renewing for longer than the TTL).
var ErrLeaseLost = errors.New("this instance's claim on the database was taken by another instance")

// AcquireLease claims the database for l.Owner, in one statement: it
// succeeds when no lease exists, when the lease is l.Owner's, or when the
// holder has not renewed it for ttl. Otherwise it returns *LeaseHeldError.
func (d *DB) AcquireLease(ctx context.Context, l Lease, ttl time.Duration) error {
	now := d.now()
	res, err := d.sql.ExecContext(ctx, `INSERT INTO instance_lease (id, owner, host, pid, since, renewed) VALUES (1, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid, since = excluded.since, renewed = excluded.renewed
WHERE instance_lease.owner = excluded.owner OR instance_lease.renewed <= ?`,
		l.Owner, l.Host, l.PID, now.Unix(), now.Unix(), now.Add(-ttl).Unix())
	if err != nil {
		return fmt.Errorf("claim the database: %w", d.explain(err))
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	held, err := d.readLease(ctx, time.Time{})
	if err != nil {
		return fmt.Errorf("read the database's claim: %w", d.explain(err))
	}
	return &LeaseHeldError{Held: held, TTL: ttl}
}

// RenewLease keeps owner's lease alive; ErrLeaseLost when it is not theirs.
func (d *DB) RenewLease(ctx context.Context, owner string) error {
	res, err := d.sql.ExecContext(ctx, "UPDATE instance_lease SET renewed = ? WHERE id = 1 AND owner = ?", d.now().Unix(), owner)
	if err != nil {
		return fmt.Errorf("renew the database claim: %w", d.explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrLeaseLost
	}
	return nil
}

// ReleaseLease gives owner's lease up at a clean stop, so the next start
// does not wait for it to expire.
func (d *DB) ReleaseLease(ctx context.Context, owner string) error {
	if _, err := d.sql.ExecContext(ctx, "DELETE FROM instance_lease WHERE owner = ?", owner); err != nil {
		return fmt.Errorf("release the database claim: %w", d.explain(err))
	}
	return nil
}

// TakeOverLease replaces a lease known to be stale (its process is gone)
// if it is still stale's; a concurrent starter that took it first wins.
func (d *DB) TakeOverLease(ctx context.Context, l Lease, stale string) error {
	now := d.now().Unix()
	res, err := d.sql.ExecContext(ctx, "UPDATE instance_lease SET owner = ?, host = ?, pid = ?, since = ?, renewed = ? WHERE id = 1 AND owner = ?",
		l.Owner, l.Host, l.PID, now, now, stale)
	if err != nil {
		return fmt.Errorf("claim the database: %w", d.explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return d.AcquireLease(ctx, l, leaseNever)
	}
	return nil
}

// leaseNever is a TTL long enough that only a free lease is acquired.
const leaseNever = 100 * 365 * 24 * time.Hour
