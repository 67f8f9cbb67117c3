package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
)

// Forgotten replaces a forgotten member's identity where a record must stay
// (a meetup others signed up for, an organiser's answer in the knowledge base).
const Forgotten = "forgotten"

// memberTables lists, for every table holding a member's rows, how to find
// them: the export and the deletion read this one list, and a test checks
// that every table in the schema is in it or deliberately left out.
func memberTables() []struct{ table, where string } {
	return []struct{ table, where string }{
		{"members", "platform = ? AND user_id = ?"},
		{"role_grants", "platform = ? AND user_id = ?"},
		{"learn_progress", "platform = ? AND user_id = ?"},
		{"rsvps", "platform = ? AND user_id = ?"},
		{"calendar_tokens", "platform = ? AND user_id = ?"},
		{"profiles", "platform = ? AND user_id = ?"},
		{"interests", "platform = ? AND user_id = ?"},
		{"match_optin", "platform = ? AND user_id = ?"},
		{"match_members", "platform = ? AND user_id = ?"},
		{"question_askers", "platform = ? AND user_id = ?"},
		{"answers", "platform = ? AND user_id = ?"},
		{"answer_votes", "platform = ? AND user_id = ?"},
		{"meetups", "organiser_platform = ? AND organiser_id = ?"},
		{"meetup_series", "organiser_platform = ? AND organiser_id = ?"},
		{"knowledge_entries", "author = ? || ':' || ?"},
		{"topic_examples", "author = ? || ':' || ?"},
		{"announcements", "created_by = ? || ':' || ?"},
		{"deliveries", "target = ? || ':@' || ?"},
		{"audit_log", "platform = ?1 AND (actor_id = ?2 OR target = ?2)"},
		{"web_links", "platform = ? AND user_id = ?"},
		{"web_sessions", "platform = ? AND user_id = ?"},
	}
}

// exportColumns are the columns of table a member's export shows: all of
// them, but for the dashboard's sign-ins, which show when (how many, made,
// last used) and never the token hashes or the CSRF token: they are keys,
// not facts about the member, and the export is a file that gets passed on.
func exportColumns(table string) string {
	switch table {
	case "web_links":
		return "created_at, expires_at, used_at"
	case "web_sessions":
		return "created_at, seen_at"
	}
	return "*"
}

// ExportMember returns every row stored about u, by table, as JSON-ready
// maps (column → value), with other members' ids and the reasons u gave
// for acting on them Redacted. Times (stored as Unix seconds) are
// time.Time in UTC, so that JSON shows them as RFC 3339; the caller puts
// them in the community's timezone (0, "never", stays 0).
func (d *DB) ExportMember(ctx context.Context, u bot.User) (map[string][]map[string]any, error) {
	out := map[string][]map[string]any{}
	for _, t := range memberTables() {
		rows, err := d.sql.QueryContext(ctx, "SELECT "+exportColumns(t.table)+" FROM "+t.table+" WHERE "+t.where, string(u.Platform), u.ID)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", t.table, d.explain(err))
		}
		recs, err := scanMaps(rows)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", t.table, err)
		}
		redactOthers(t.table, recs, u)
		for _, r := range recs {
			for col, v := range r {
				if n, ok := v.(int64); ok && n > 0 && isTimeColumn(col) {
					r[col] = time.Unix(n, 0).UTC()
				}
			}
		}
		out[t.table] = recs
	}
	return out, nil
}

// isTimeColumn reports whether a member table's column holds Unix seconds:
// every "…_at" column and the few named otherwise.
func isTimeColumn(col string) bool {
	switch col {
	case "at", "first_seen", "last_seen", "first_asked", "last_asked", "last_fire", "since", "renewed":
		return true
	}
	return strings.HasSuffix(col, "_at")
}

func scanMaps(rows *sql.Rows) ([]map[string]any, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := map[string]any{}
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ForgetMember deletes everything stored about u: member record, role
// grant, course progress, RSVPs, calendar token, dashboard sign-in links
// and sessions, the delivery log of their reminders, the unanswered
// questions no one else asked, the answers they were given and their
// votes. Records others rely on stay with the identity removed: meetups
// they organised, knowledge entries, example questions and announcements
// they wrote, and audit entries about or by them.
//
// The deletions come first: on a full disk they free pages that the
// updates after them can reuse, so that forgetting still works when
// nothing new can be stored.
func (d *DB) ForgetMember(ctx context.Context, u bot.User) error {
	p, id := string(u.Platform), u.ID
	key := u.Key()
	err := d.deleting(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"DELETE FROM deliveries WHERE target = ?", []any{p + ":@" + id}},
			// The unanswered questions only they asked: the text is theirs.
			{`DELETE FROM unanswered_questions WHERE id IN (SELECT question_id FROM question_askers WHERE platform = ?1 AND user_id = ?2)
AND id NOT IN (SELECT question_id FROM question_askers WHERE platform <> ?1 OR user_id <> ?2)`, []any{p, id}},
			// members cascades to role_grants, learn_progress, rsvps,
			// calendar_tokens, profiles, interests, question_askers, answers,
			// answer_votes, web_links and web_sessions.
			{"DELETE FROM members WHERE platform = ? AND user_id = ?", []any{p, id}},
			{"UPDATE meetups SET organiser_platform = ?, organiser_id = ? WHERE organiser_platform = ? AND organiser_id = ?", []any{Forgotten, Forgotten, p, id}},
			{"UPDATE meetup_series SET organiser_platform = ?, organiser_id = ? WHERE organiser_platform = ? AND organiser_id = ?", []any{Forgotten, Forgotten, p, id}},
			{"UPDATE knowledge_entries SET author = ? WHERE author = ?", []any{Forgotten, key}},
			{"UPDATE topic_examples SET author = ? WHERE author = ?", []any{Forgotten, key}},
			{"UPDATE announcements SET created_by = ? WHERE created_by = ?", []any{Forgotten, key}},
			// The audit log keeps what happened, without the identity.
			{"UPDATE audit_log SET actor_id = ? WHERE platform = ? AND actor_id = ?", []any{Forgotten, p, id}},
			{"UPDATE audit_log SET target = ? WHERE platform = ? AND target = ?", []any{Forgotten, p, id}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("forget member: %w", d.explain(err))
	}
	return nil
}
