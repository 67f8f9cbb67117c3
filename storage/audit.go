package storage

import (
	"context"
	"fmt"
	"time"

	"passionbot/bot"
)

// AuditEntry is one privileged action.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Platform bot.Platform
	Actor    string // user id
	Action   string // the command: "timeout", "channel archive"
	Target   string // user or channel id, "" when none
	Reason   string
	Result   string // ok, refused, failed
	Detail   string // the refusal or failure, in English
}

// Audit records an entry.
func (d *DB) Audit(ctx context.Context, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = d.now()
	}
	_, err := d.sql.ExecContext(ctx, `INSERT INTO audit_log (at, platform, actor_id, action, target, reason, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At.Unix(), string(e.Platform), e.Actor, e.Action, e.Target, e.Reason, e.Result, e.Detail)
	if err != nil {
		return fmt.Errorf("audit: %w", d.explain(err))
	}
	return nil
}

// AuditLog pages through the entries on p, newest first: limit entries
// older than before (0: the newest), about target when it is not "".
func (d *DB) AuditLog(ctx context.Context, p bot.Platform, target string, before int64, limit int) ([]AuditEntry, error) {
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := d.sql.QueryContext(ctx, `SELECT id, at, actor_id, action, target, reason, result, detail FROM audit_log
WHERE platform = ? AND id < ? AND (? = '' OR target = ?) ORDER BY id DESC LIMIT ?`, string(p), before, target, target, limit)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", d.explain(err))
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		e := AuditEntry{Platform: p}
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Target, &e.Reason, &e.Result, &e.Detail); err != nil {
			return nil, err
		}
		e.At = time.Unix(at, 0)
		out = append(out, e)
	}
	return out, rows.Err()
}

// PruneAudit deletes the audit entries recorded before before and returns
// how many it deleted ([moderation] audit_retention).
func (d *DB) PruneAudit(ctx context.Context, before time.Time) (int64, error) {
	n, err := d.deleteBatches(ctx, "SELECT id FROM audit_log WHERE at < ?", "audit_log", "id", before.Unix())
	if err != nil {
		return n, fmt.Errorf("prune audit log: %w", err)
	}
	return n, nil
}
