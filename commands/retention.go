package commands

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/storage"
)

// RetentionStore deletes what is kept only for a while: unanswered
// questions (storage.QuestionRetention after they were last asked), the
// answers given in chat and their votes (storage.AnswerRetention), audit
// entries (Deps.AuditRetention), the delivery log (deliveryLogKeep,
// through DeliveryStore.PruneDeliveries) and the dashboard's expired
// sign-in links and idle sessions.
type RetentionStore interface {
	PruneQuestions(ctx context.Context, before time.Time) (int64, error)
	PruneAudit(ctx context.Context, before time.Time) (int64, error)
	PruneDeliveries(ctx context.Context, before time.Time) (int64, error)
	// PruneAnswers deletes the knowledge answers given in chat, and the
	// votes on them, storage.AnswerRetention after they were given.
	PruneAnswers(ctx context.Context, before time.Time) (int64, error)
	// PruneWeb deletes the sign-in links expired by now and the web
	// sessions not used within idle.
	PruneWeb(ctx context.Context, now time.Time, idle time.Duration) (int64, error)
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

// retention deletes what is kept only for a while, at start and nightly.
type retention struct {
	store     RetentionStore
	sched     Scheduler
	loc       *time.Location
	now       func() time.Time
	keepAudit time.Duration // negative: forever
	log       *slog.Logger
}

func newRetention(d Deps) *retention {
	return &retention{store: d.Store, sched: d.Scheduler, loc: d.Location, now: d.now, keepAudit: d.auditRetention(), log: d.logFor("retention")}
}

// Name names the feature.
func (*retention) Name() string { return "retention" }

// Commands: retention has none.
func (*retention) Commands() []*bot.Command { return nil }

// Messages: retention says nothing to members.
func (*retention) Messages() bot.Messages { return nil }

// Start prunes old questions, audit entries, deliveries and web sign-ins
// now and registers the nightly job that keeps pruning them and restores
// the disk reserve (storage.ReserveSize) if a deletion on a full disk used
// it. A failed pruning is logged and tried again the next night: it is no
// reason not to serve members.
func (f *retention) Start(ctx context.Context) error {
	s, err := scheduler.Parse(retentionAt, f.loc)
	if err != nil {
		return fmt.Errorf("retention schedule: %w", err)
	}
	f.prune(ctx, f.now())
	f.sched.Add(retentionJob, s, f.now(), time.Hour, func(ctx context.Context, fireAt time.Time, _ bool) {
		f.prune(ctx, fireAt)
		if err := f.store.KeepReserve(); err != nil {
			f.log.Warn("no disk reserve for deletions (is the disk full?)", "err", err)
		}
	})
	return nil
}

// prune deletes the questions, audit entries, delivery log rows and web
// sign-ins older than their retention before now.
func (f *retention) prune(ctx context.Context, now time.Time) {
	log, store := f.log, f.store
	if n, err := store.PruneDeliveries(ctx, now.Add(-deliveryLogKeep)); err != nil {
		log.Error("delivery log not pruned", "err", err)
	} else if n > 0 {
		log.Info("delivery log pruned", "rows", n, "kept_days", days(deliveryLogKeep))
	}
	if n, err := store.PruneQuestions(ctx, now.Add(-storage.QuestionRetention)); err != nil {
		log.Error("unanswered questions not pruned", "err", err)
	} else if n > 0 {
		log.Info("unanswered questions pruned", "questions", n, "kept_days", days(storage.QuestionRetention))
	}
	if n, err := store.PruneAnswers(ctx, now.Add(-storage.AnswerRetention)); err != nil {
		log.Error("answers given not pruned", "err", err)
	} else if n > 0 {
		log.Info("answers given pruned", "answers", n, "kept_days", days(storage.AnswerRetention))
	}
	// The web adapter ends an idle session when it comes back; this
	// deletes those that never do.
	if n, err := store.PruneWeb(ctx, now, storage.WebSessionIdle); err != nil {
		log.Error("web sign-ins not pruned", "err", err)
	} else if n > 0 {
		log.Info("web sign-ins pruned", "links_and_sessions", n)
	}
	keep := f.keepAudit
	if keep < 0 {
		return
	}
	if n, err := store.PruneAudit(ctx, now.Add(-keep)); err != nil {
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
