package commands

import (
	"context"
	"fmt"
	"time"

	"passionbot/bot/scheduler"
)

// The delivery log keeps each firing this long, then the nightly job
// deletes it: long past any grace window, and long enough to see what
// failed last season.
const (
	deliveryLogKeep  = 90 * 24 * time.Hour
	deliveryPruneJob = "retention:deliveries"
	deliveryPruneAt  = "30 4 * * *" // every night at 04:30, community time
)

// startDeliveryPruning prunes the delivery log now and registers the
// nightly job that keeps pruning it.
func startDeliveryPruning(ctx context.Context, d Deps) error {
	s, err := scheduler.Parse(deliveryPruneAt, d.Location)
	if err != nil {
		return fmt.Errorf("delivery log pruning schedule: %w", err)
	}
	if err := pruneDeliveries(ctx, d, d.now()); err != nil {
		return err
	}
	d.Scheduler.Add(deliveryPruneJob, s, d.now(), time.Hour, func(ctx context.Context, fireAt time.Time, _ bool) {
		if err := pruneDeliveries(ctx, d, fireAt); err != nil {
			d.logger().Error("delivery log not pruned", "err", err)
		}
	})
	return nil
}

// pruneDeliveries deletes the log of firings older than deliveryLogKeep
// before now.
func pruneDeliveries(ctx context.Context, d Deps, now time.Time) error {
	n, err := d.Store.PruneDeliveries(ctx, now.Add(-deliveryLogKeep))
	if err != nil {
		return err
	}
	if n > 0 {
		d.logger().Info("delivery log pruned", "rows", n, "kept_days", int(deliveryLogKeep.Hours()/24))
	}
	return nil
}
