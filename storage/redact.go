package storage

import "passionbot/bot"

// Redacted stands, in a member's export, for what is another member's: the
// export holds the member's own data, not who else was involved or why.
const Redacted = "redacted"

// redactOthers removes third parties from u's exported rows of table: who
// granted u a role, who acted on u in the audit log, and, for the actions
// u took on someone (or something) else, whom they concerned, the reason
// given and the detail. A moderator's export would otherwise list the
// members they warned and why.
func redactOthers(table string, recs []map[string]any, u bot.User) {
	switch table {
	case "role_grants":
		for _, r := range recs {
			r["granted_by"] = Redacted
		}
	case "audit_log":
		for _, r := range recs {
			if r["actor_id"] != u.ID {
				r["actor_id"] = Redacted
			}
			if t := r["target"]; t != u.ID && t != "" {
				r["target"], r["reason"], r["detail"] = Redacted, Redacted, Redacted
			}
		}
	}
}
