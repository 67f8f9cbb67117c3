package storage

import (
	"context"
	"fmt"
	"strings"
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
	return d.AuditSearch(ctx, p, AuditFilter{Target: target, Before: before}, limit)
}

// AuditFilter narrows the audit log (modlog's filters); every field left
// zero matches every entry.
type AuditFilter struct {
	Target string // about this member or channel
	Actor  string // done by this user ("automod" for automatic moderation)
	// Action is a command's name or its first words: "channel" matches
	// "channel lock" and "channel archive", "automod" every automod rule,
	// but "time" matches neither "timeout" nor "untimeout".
	Action string
	Result string    // ok, refused or failed
	Since  time.Time // at or after
	Until  time.Time // before (exclusive)
	Before int64     // ids below this (paging); 0: the newest
}

// AuditSearch pages through the entries on p that match f, newest first.
// Each filter given adds one fixed condition with its value bound as a
// parameter (auditQuery).
func (d *DB) AuditSearch(ctx context.Context, p bot.Platform, f AuditFilter, limit int) ([]AuditEntry, error) {
	q, args := auditQuery(p, f, limit)
	rows, err := d.sql.QueryContext(ctx, q, args...)
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

// auditQuery is AuditSearch's statement and its arguments.
//
// How it reads the table, with 50,000 entries (TestAuditSearchPlans):
// about a member, through audit_by_target, whose entries for one
// (platform, target) are in rowid order, so the newest come first without
// sorting. Otherwise newest first along the rowid (NOT INDEXED), stopping
// at the page's last match: what SQLite picks by itself there is
// audit_by_target for `platform = ?` alone, then sorting every entry of
// the platform (some 40 ms for the unfiltered first page), or
// audit_by_time and sorting the whole date range. Along the rowid the
// worst case, a filter that matches few entries or none, reads the table
// once (a few ms); the usual pages stop after a few hundred rows.
func auditQuery(p bot.Platform, f AuditFilter, limit int) (string, []any) {
	var q strings.Builder
	q.WriteString(`SELECT id, at, actor_id, action, target, reason, result, detail FROM audit_log`)
	if f.Target == "" {
		q.WriteString(" NOT INDEXED")
	}
	q.WriteString(" WHERE platform = ?")
	args := []any{string(p)}
	cond := func(sql string, vals ...any) {
		q.WriteString(" AND " + sql)
		args = append(args, vals...)
	}
	if f.Before > 0 {
		cond("id < ?", f.Before)
	}
	if f.Target != "" {
		cond("target = ?", f.Target)
	}
	if f.Actor != "" {
		cond("actor_id = ?", f.Actor)
	}
	if a := strings.Join(strings.Fields(f.Action), " "); a != "" {
		// The action itself, or one that goes on with another word: the
		// range ["a ", "a!") holds exactly the strings that start with
		// "a " (space is 0x20, "!" 0x21), with no LIKE wildcards to escape.
		cond("(action = ? OR (action >= ? AND action < ?))", a, a+" ", a+"!")
	}
	if f.Result != "" {
		cond("result = ?", f.Result)
	}
	if !f.Since.IsZero() {
		cond("at >= ?", f.Since.Unix())
	}
	if !f.Until.IsZero() {
		cond("at < ?", f.Until.Unix())
	}
	q.WriteString(" ORDER BY id DESC LIMIT ?")
	args = append(args, limit)
	return q.String(), args
}
