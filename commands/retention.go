package commands

import (
	"context"
	"fmt"
	"time"

	"passionbot/bot/scheduler"
	"passionbot/storage"
)

// RetentionStore deletes what is kept only for a while: unanswered
// questions (storage.QuestionRetention after they were last asked), audit
// entries (Deps.AuditRetention) and the delivery log (deliveryLogKeep,
// through DeliveryStore.PruneDeliveries).
type RetentionStore interface {
	PruneQuestions(ctx context.Context, before time.Time) (int64, error)
	PruneAudit(ctx context.Context, before time.Time) (int64, error)
	// KeepReserve re-creates the room kept for deletions on a full disk
	// once a deletion has used it and there is space again.
	KeepReserve() error
}

// DefaultAuditRetention is how long audit entries are kept when
// Deps.AuditRetention is 0: two years.
const DefaultAuditRetention = 2 * 365 * 24 * time.Hour

// The delivery log keeps each firing this long: long past any grace
// window, and long enough to see what failed last season.
const deliveryLogKeep = 90 * 24 * time.Hour

const (
	retentionJob = "retention"
	retentionAt  = "45 4 * * *" // every night at 04:45, community time
)

// startRetention prunes old questions, audit entries and deliveries now
// and registers the nightly job that keeps pruning them and restores the disk reserve
// (storage.ReserveSize) if a deletion on a full disk used it. A failed pruning is logged and
// tried again the next night: it is no reason not to serve members.
func startRetention(ctx context.Context, d Deps) error {
	s, err := scheduler.Parse(retentionAt, d.Location)
	if err != nil {
		return fmt.Errorf("retention schedule: %w", err)
	}
	pruneRetained(ctx, d, d.now())
	d.Scheduler.Add(retentionJob, s, d.now(), time.Hour, func(ctx context.Context, fireAt time.Time, _ bool) {
		pruneRetained(ctx, d, fireAt)
		if err := d.Store.KeepReserve(); err != nil {
			d.logger().Warn("no disk reserve for deletions (is the disk full?)", "err", err)
		}
	})
	return nil
}

// pruneRetained deletes the questions, audit entries and delivery log
// rows older than their retention before now.
func pruneRetained(ctx context.Context, d Deps, now time.Time) {
	log := d.logger()
	if n, err := d.Store.PruneDeliveries(ctx, now.Add(-deliveryLogKeep)); err != nil {
		log.Error("delivery log not pruned", "err", err)
	} else if n > 0 {
		log.Info("delivery log pruned", "rows", n, "kept_days", days(deliveryLogKeep))
	}
	if n, err := d.Store.PruneQuestions(ctx, now.Add(-storage.QuestionRetention)); err != nil {
		log.Error("unanswered questions not pruned", "err", err)
	} else if n > 0 {
		log.Info("unanswered questions pruned", "questions", n, "kept_days", days(storage.QuestionRetention))
	}
	keep := d.auditRetention()
	if keep < 0 {
		return
	}
	if n, err := d.Store.PruneAudit(ctx, now.Add(-keep)); err != nil {
		log.Error("audit log not pruned", "err", err)
	} else if n > 0 {
		log.Info("audit log pruned", "entries", n, "kept_days", days(keep))
	}
}

// auditRetention is Deps.AuditRetention with its default; negative keeps
// the audit log forever.
func (d Deps) auditRetention() time.Duration {
	if d.AuditRetention == 0 {
		return DefaultAuditRetention
	}
	return d.AuditRetention
}

func days(d time.Duration) int { return int(d.Hours() / 24) }
