package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
)

// SetMatchOptIn opts u in to (or out of) matching.
func (d *DB) SetMatchOptIn(ctx context.Context, u bot.User, on bool) error {
	now := d.now()
	if _, err := d.SeenMember(ctx, u, now); err != nil {
		return err
	}
	q := "DELETE FROM match_optin WHERE platform = ? AND user_id = ?"
	args := []any{string(u.Platform), u.ID}
	if on {
		q = "INSERT INTO match_optin (platform, user_id, opted_in_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
		args = append(args, now.Unix())
	}
	if _, err := d.sql.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("match opt-in: %w", d.explain(err))
	}
	return nil
}

// MatchCandidate is an opted-in member with what matching looks at.
type MatchCandidate struct {
	User      bot.User
	Interests []Interest
	Profile   Profile
}

// MatchCandidates lists the opted-in members on platform p, each as the
// member they are matched with may see them (VisibleTo bot.RoleMember): the
// introduction names the interests a group shares, so a member whose
// profile is not visible to every member is matched on neither their
// interests nor their profile, though still matched (they opted in).
func (d *DB) MatchCandidates(ctx context.Context, p bot.Platform) ([]MatchCandidate, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT o.user_id, COALESCE(m.display_name, ''), COALESCE(pr.drive, ''), COALESCE(pr.offers, ''), COALESCE(pr.needs, ''),
    COALESCE(pr.visibility, '`+VisibilityMembers+`')
FROM match_optin o LEFT JOIN members m ON m.platform = o.platform AND m.user_id = o.user_id
LEFT JOIN profiles pr ON pr.platform = o.platform AND pr.user_id = o.user_id
WHERE o.platform = ? ORDER BY o.user_id`, string(p))
	if err != nil {
		return nil, fmt.Errorf("match candidates: %w", d.explain(err))
	}
	var out []MatchCandidate
	index := map[string]int{}
	for rows.Next() {
		c := MatchCandidate{User: bot.User{Platform: p}}
		if err := rows.Scan(&c.User.ID, &c.User.Name, &c.Profile.Drive, &c.Profile.Offers, &c.Profile.Needs, &c.Profile.Visibility); err != nil {
			rows.Close()
			return nil, err
		}
		if !VisibleTo(c.Profile.Visibility, bot.RoleMember) {
			c.Profile = Profile{Visibility: c.Profile.Visibility}
			out = append(out, c) // not in index: their interests stay out too
			continue
		}
		index[c.User.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	irows, err := d.sql.QueryContext(ctx, `SELECT i.user_id, i.tag_key, i.tag FROM interests i JOIN match_optin o ON o.platform = i.platform AND o.user_id = i.user_id
WHERE i.platform = ? ORDER BY i.user_id, i.tag`, string(p))
	if err != nil {
		return nil, fmt.Errorf("match candidates: %w", d.explain(err))
	}
	defer irows.Close()
	for irows.Next() {
		var id string
		var in Interest
		if err := irows.Scan(&id, &in.Key, &in.Tag); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Interests = append(out[i].Interests, in)
		}
	}
	return out, irows.Err()
}

// RecentPairs returns the pairs of members (ids, sorted) matched on p
// since since.
func (d *DB) RecentPairs(ctx context.Context, p bot.Platform, since time.Time) (map[[2]string]bool, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT a.user_id, b.user_id FROM match_members a JOIN match_members b ON a.match_id = b.match_id AND a.user_id < b.user_id
JOIN matches m ON m.id = a.match_id WHERE m.platform = ? AND m.made_at >= ?`, string(p), since.Unix())
	if err != nil {
		return nil, fmt.Errorf("recent pairs: %w", d.explain(err))
	}
	defer rows.Close()
	out := map[[2]string]bool{}
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out[[2]string{a, b}] = true
	}
	return out, rows.Err()
}

// SaveMatch records a group matched on p and what they share.
func (d *DB) SaveMatch(ctx context.Context, p bot.Platform, members []string, shared []string) (int64, error) {
	var id int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO matches (platform, made_at, shared) VALUES (?, ?, ?)", string(p), d.now().Unix(), strings.Join(shared, ", "))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		for _, m := range members {
			if _, err := tx.ExecContext(ctx, "INSERT INTO match_members (match_id, platform, user_id) VALUES (?, ?, ?)", id, string(p), m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("save match: %w", d.explain(err))
	}
	return id, nil
}

// MatchByID returns a stored match's platform, members (with their
// display names) and what they share, or ErrNotFound.
func (d *DB) MatchByID(ctx context.Context, id int64) (bot.Platform, []bot.User, string, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT m.platform, m.shared, me.user_id, COALESCE(mem.display_name, '')
FROM matches m JOIN match_members me ON me.match_id = m.id
LEFT JOIN members mem ON mem.platform = me.platform AND mem.user_id = me.user_id
WHERE m.id = ? ORDER BY me.user_id`, id)
	if err != nil {
		return "", nil, "", fmt.Errorf("match %d: %w", id, d.explain(err))
	}
	defer rows.Close()
	var p, shared string
	var members []bot.User
	for rows.Next() {
		var uid, name string
		if err := rows.Scan(&p, &shared, &uid, &name); err != nil {
			return "", nil, "", err
		}
		members = append(members, bot.User{Platform: bot.Platform(p), ID: uid, Name: name})
	}
	if err := rows.Err(); err != nil {
		return "", nil, "", err
	}
	if len(members) == 0 {
		return "", nil, "", ErrNotFound
	}
	return bot.Platform(p), members, shared, nil
}

// PastMatch is one of a member's matches.
type PastMatch struct {
	At     time.Time
	With   []bot.User
	Shared string
}

// MatchHistory lists u's matches, newest first.
func (d *DB) MatchHistory(ctx context.Context, u bot.User, limit int) ([]PastMatch, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT m.id, m.made_at, m.shared, o.user_id, COALESCE(mem.display_name, '')
FROM match_members me JOIN matches m ON m.id = me.match_id
JOIN match_members o ON o.match_id = m.id AND o.user_id != me.user_id
LEFT JOIN members mem ON mem.platform = o.platform AND mem.user_id = o.user_id
WHERE me.platform = ? AND me.user_id = ? ORDER BY m.made_at DESC, m.id DESC, o.user_id`, string(u.Platform), u.ID)
	if err != nil {
		return nil, fmt.Errorf("match history: %w", d.explain(err))
	}
	defer rows.Close()
	var out []PastMatch
	last := int64(-1)
	for rows.Next() {
		var id, at int64
		var shared, oid, name string
		if err := rows.Scan(&id, &at, &shared, &oid, &name); err != nil {
			return nil, err
		}
		if id != last {
			if len(out) == limit {
				break
			}
			out = append(out, PastMatch{At: time.Unix(at, 0), Shared: shared})
			last = id
		}
		out[len(out)-1].With = append(out[len(out)-1].With, bot.User{Platform: u.Platform, ID: oid, Name: name})
	}
	return out, rows.Err()
}
