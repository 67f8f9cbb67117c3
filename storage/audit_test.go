package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
)

func TestAuditSearchFilters(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for i, e := range []AuditEntry{
		{Actor: "moa", Action: "warn", Target: "kim", Result: "ok"},
		{Actor: "moa", Action: "channel lock", Target: "mat", Result: "refused"},
		{Actor: "automod", Action: "automod banned", Target: "kim", Result: "ok"},
		{Actor: "ada", Action: "channel", Target: "x", Result: "failed"}, // a command named like a group
		{Actor: "ada", Action: "channels", Target: "y", Result: "ok"},
		{Actor: "o'brien", Action: "100%_done", Target: "kim", Result: "ok"},
		{Actor: "moa", Action: "warn", Target: "kim", Result: "ok", Platform: bot.PlatformSlack},
	} {
		e.At = at.Add(time.Duration(i) * time.Hour)
		if e.Platform == "" {
			e.Platform = bot.PlatformDiscord
		}
		if err := d.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		f    AuditFilter
		want []int64
	}{
		{AuditFilter{}, []int64{6, 5, 4, 3, 2, 1}},
		{AuditFilter{Target: "kim"}, []int64{6, 3, 1}},
		{AuditFilter{Actor: "moa"}, []int64{2, 1}},
		{AuditFilter{Actor: "o'brien"}, []int64{6}},
		{AuditFilter{Action: "channel"}, []int64{4, 2}}, // not "channels"
		{AuditFilter{Action: "  channel   lock "}, []int64{2}},
		{AuditFilter{Action: "automod"}, []int64{3}},
		{AuditFilter{Action: "auto"}, nil},
		{AuditFilter{Action: "100%"}, nil}, // no LIKE wildcards
		{AuditFilter{Action: "100%_done"}, []int64{6}},
		{AuditFilter{Action: "x' OR 1=1 --"}, nil},
		{AuditFilter{Result: "refused"}, []int64{2}},
		{AuditFilter{Since: at.Add(2 * time.Hour)}, []int64{6, 5, 4, 3}},
		{AuditFilter{Until: at.Add(2 * time.Hour)}, []int64{2, 1}}, // exclusive
		{AuditFilter{Since: at.Add(time.Hour), Until: at.Add(3 * time.Hour)}, []int64{3, 2}},
		{AuditFilter{Before: 4}, []int64{3, 2, 1}},
		{AuditFilter{Target: "kim", Actor: "moa", Action: "warn", Result: "ok", Since: at, Until: at.Add(time.Minute)}, []int64{1}},
		{AuditFilter{Target: "kim", Before: 3}, []int64{1}},
	} {
		got, err := d.AuditSearch(ctx, bot.PlatformDiscord, tc.f, 10)
		if err != nil {
			t.Fatalf("%+v: %v", tc.f, err)
		}
		var ids []int64
		for _, e := range got {
			ids = append(ids, e.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%+v: ids %v, want %v", tc.f, ids, tc.want)
		}
	}
	if got, _ := d.AuditSearch(ctx, bot.PlatformDiscord, AuditFilter{}, 2); len(got) != 2 || got[0].ID != 6 {
		t.Fatalf("limit: %+v", got)
	}
}

// fillAudit writes n audit entries over a year, as a busy community's
// log looks: six moderators, automod's hits (a third), refusals and a few
// failures, 2,000 members as targets, and a rare actor and action.
func fillAudit(t testing.TB, d *DB, n int) time.Time {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	actions := []string{"warn", "timeout", "untimeout", "channel lock", "channel unlock", "purge", "modlog", "role grant", "automod banned", "automod repeat", "automod mentions", "automod summary"}
	tx, err := d.sql.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		act, actor := actions[r.IntN(len(actions))], fmt.Sprintf("mod%d", r.IntN(6))
		if strings.HasPrefix(act, "automod") {
			actor = "automod"
		}
		if i%20000 == 5 {
			actor, act = "rare", "pin"
		}
		res := "ok"
		switch x := r.IntN(100); {
		case x < 1:
			res = "failed"
		case x < 15:
			res = "refused"
		}
		at := base.Add(time.Duration(i) * (365 * 24 * time.Hour / time.Duration(n)))
		if _, err := tx.Exec(`INSERT INTO audit_log (at, platform, actor_id, action, target, reason, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			at.Unix(), "discord", actor, act, fmt.Sprintf("u%d", r.IntN(2000)), "", res, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return base
}

// auditFilters are the filter combinations the plans are checked for.
func auditFilters(base time.Time) []AuditFilter {
	return []AuditFilter{
		{},
		{Before: 30000},
		{Target: "u17"},
		{Target: "u17", Since: base.AddDate(0, 1, 0)},
		{Actor: "mod1"},
		{Actor: "rare"},
		{Action: "automod"},
		{Action: "pin"},
		{Action: "channel lock"},
		{Result: "failed"},
		{Since: base.AddDate(0, 3, 0), Until: base.AddDate(0, 3, 1)},
		{Since: base.AddDate(0, 1, 0)},
		{Until: base.AddDate(0, 1, 0)},
		{Actor: "rare", Since: base.AddDate(0, 1, 0), Until: base.AddDate(0, 11, 0)},
		{Action: "pin", Result: "failed"},
		{Actor: "mod2", Action: "timeout", Result: "refused", Since: base.AddDate(0, 6, 0), Until: base.AddDate(0, 7, 0)},
	}
}

// TestAuditSearchPlans: with 50,000 entries (the dashboard
// target), no filter combination makes SQLite sort the platform's entries
// or a date range: about a member it reads audit_by_target (in rowid
// order), otherwise it walks the rowid from the newest and stops at the
// page's last match. Also after ANALYZE, which would otherwise make it
// prefer an index and a sort.
func TestAuditSearchPlans(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 audit entries")
	}
	ctx := context.Background()
	d := openTemp(t)
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	base := fillAudit(t, d, 50000)
	for _, analyze := range []bool{false, true} {
		if analyze {
			if _, err := d.sql.ExecContext(ctx, "ANALYZE"); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range auditFilters(base) {
			q, args := auditQuery(bot.PlatformDiscord, f, 15)
			rows, err := d.sql.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			rows.Close()
			p := strings.Join(plan, "; ")
			if strings.Contains(p, "TEMP B-TREE") || (f.Target != "" && !strings.Contains(p, "audit_by_target")) {
				t.Errorf("analyze %v, %+v: plan %q", analyze, f, p)
			}
		}
	}
}

// BenchmarkAuditSearch reads the first page of each filter combination
// from 50,000 entries.
func BenchmarkAuditSearch(b *testing.B) {
	ctx := context.Background()
	d, err := Open(ctx, b.TempDir()+"/a.db")
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	base := fillAudit(b, d, 50000)
	for _, f := range auditFilters(base) {
		b.Run(auditFilterName(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := d.AuditSearch(ctx, bot.PlatformDiscord, f, 15); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// auditFilterName names a filter combination for a benchmark:
// "actor=rare,since,until"; "newest" when there is none.
func auditFilterName(f AuditFilter) string {
	var parts []string
	for _, p := range [][2]string{{"target", f.Target}, {"actor", f.Actor}, {"action", strings.ReplaceAll(f.Action, " ", "_")}, {"outcome", f.Result}} {
		if p[1] != "" {
			parts = append(parts, p[0]+"="+p[1])
		}
	}
	if !f.Since.IsZero() {
		parts = append(parts, "since")
	}
	if !f.Until.IsZero() {
		parts = append(parts, "until")
	}
	if f.Before != 0 {
		parts = append(parts, "before")
	}
	if len(parts) == 0 {
		return "newest"
	}
	return strings.Join(parts, ",")
}
