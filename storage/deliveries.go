package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Delivery is one firing of a job to one target.
type Delivery struct {
	Job      string
	FireAt   time.Time
	Target   string
	Status   string // pending, delivered, failed
	Late     bool
	Attempts int
	Error    string
}

// ClaimDeliveries records, in one transaction, that the firing of job at
// fireAt is about to be sent to every target, by the run named owner. It
// returns the targets newly claimed; those claimed by an earlier run are
// left out (the caller must not send them again). Claiming all targets at
// once means a crash in the middle of a fan-out leaves the rest pending
// for the next run, not lost.
func (d *DB) ClaimDeliveries(ctx context.Context, job string, fireAt time.Time, targets []string, late bool, owner string) ([]string, error) {
	lateN := 0
	if late {
		lateN = 1
	}
	var claimed []string
	err := d.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range targets {
			res, err := tx.ExecContext(ctx, `INSERT INTO deliveries (job, fire_at, target, late, claimed_at, claimed_by) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (job, fire_at, target) DO NOTHING`, job, fireAt.Unix(), t, lateN, d.now().Unix(), owner)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				claimed = append(claimed, t)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", d.explain(err))
	}
	return claimed, nil
}

// DeliveryDone marks a claimed firing delivered.
func (d *DB) DeliveryDone(ctx context.Context, job string, fireAt time.Time, target, messageID string) error {
	_, err := d.sql.ExecContext(ctx, `UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, message_id = ?, error = '', delivered_at = ?
WHERE job = ? AND fire_at = ? AND target = ?`, messageID, d.now().Unix(), job, fireAt.Unix(), target)
	if err != nil {
		return fmt.Errorf("delivery done: %w", d.explain(err))
	}
	return nil
}

// DeliveryFailed records a failed attempt; a permanent failure (channel
// gone, no permission) ends the delivery, a temporary one leaves it pending
// for a retry.
func (d *DB) DeliveryFailed(ctx context.Context, job string, fireAt time.Time, target, reason string, permanent bool) error {
	status := "pending"
	if permanent {
		status = "failed"
	}
	_, err := d.sql.ExecContext(ctx, `UPDATE deliveries SET status = ?, attempts = attempts + 1, error = ?
WHERE job = ? AND fire_at = ? AND target = ?`, status, reason, job, fireAt.Unix(), target)
	if err != nil {
		return fmt.Errorf("delivery failed: %w", d.explain(err))
	}
	return nil
}

// PendingDeliveries lists firings claimed by other runs than owner (earlier
// runs that stopped) and not yet delivered, oldest first.
func (d *DB) PendingDeliveries(ctx context.Context, owner string) ([]Delivery, error) {
	return d.deliveries(ctx, "WHERE status = 'pending' AND claimed_by != ? ORDER BY fire_at, job, target", owner)
}

// ForgetJob removes a job's delivery log (a removed schedule).
func (d *DB) ForgetJob(ctx context.Context, job string) error {
	if _, err := d.sql.ExecContext(ctx, "DELETE FROM deliveries WHERE job = ?", job); err != nil {
		return fmt.Errorf("forget job: %w", d.explain(err))
	}
	return nil
}

// PruneDeliveries deletes the log of every firing scheduled before before,
// whatever its status, and returns how many rows went. A row's work is
// done long before: it makes a firing exactly-once across a restart within
// the grace window, and shows recent failures.
func (d *DB) PruneDeliveries(ctx context.Context, before time.Time) (int64, error) {
	res, err := d.sql.ExecContext(ctx, "DELETE FROM deliveries WHERE fire_at < ?", before.Unix())
	if err != nil {
		return 0, fmt.Errorf("prune deliveries: %w", d.explain(err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune deliveries: %w", err)
	}
	return n, nil
}

// Deliveries lists a job's deliveries, newest firing first, at most limit.
func (d *DB) Deliveries(ctx context.Context, job string, limit int) ([]Delivery, error) {
	return d.deliveries(ctx, "WHERE job = ? ORDER BY fire_at DESC, target LIMIT ?", job, limit)
}

func (d *DB) deliveries(ctx context.Context, where string, args ...any) ([]Delivery, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT job, fire_at, target, status, late, attempts, error FROM deliveries "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list deliveries: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		var dl Delivery
		var at int64
		var late int
		if err := rows.Scan(&dl.Job, &at, &dl.Target, &dl.Status, &late, &dl.Attempts, &dl.Error); err != nil {
			return nil, err
		}
		dl.FireAt, dl.Late = time.Unix(at, 0), late == 1
		out = append(out, dl)
	}
	return out, rows.Err()
}

// LastDelivered returns the latest firing of job that was claimed (any
// status), zero when none: the scheduler's "last handled" after a restart.
func (d *DB) LastDelivered(ctx context.Context, job string) (time.Time, error) {
	var at int64
	err := d.sql.QueryRowContext(ctx, "SELECT COALESCE(MAX(fire_at), 0) FROM deliveries WHERE job = ?", job).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("last delivery: %w", d.explain(err))
	}
	if at == 0 {
		return time.Time{}, nil
	}
	return time.Unix(at, 0), nil
}
