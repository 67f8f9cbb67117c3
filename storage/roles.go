package storage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"passionbot/bot"
)

// GrantRole gives u the role (replacing an earlier grant). Granting
// RoleMember removes the grant.
func (d *DB) GrantRole(ctx context.Context, u bot.User, r bot.Role, by bot.User) error {
	if r == bot.RoleMember {
		_, err := d.RevokeRole(ctx, u)
		return err
	}
	now := d.now()
	if _, err := d.SeenMember(ctx, u, now); err != nil {
		return err
	}
	_, err := d.sql.ExecContext(ctx, `
INSERT INTO role_grants (platform, user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (platform, user_id) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
		string(u.Platform), u.ID, r.String(), by.Key(), now.Unix())
	if err != nil {
		return fmt.Errorf("grant role: %w", d.explain(err))
	}
	return nil
}

// RevokeRole removes u's grant and reports whether there was one.
func (d *DB) RevokeRole(ctx context.Context, u bot.User) (bool, error) {
	res, err := d.sql.ExecContext(ctx, "DELETE FROM role_grants WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID)
	if err != nil {
		return false, fmt.Errorf("revoke role: %w", d.explain(err))
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Grants lists the role grants on platform p, highest role first, then by name.
func (d *DB) Grants(ctx context.Context, p bot.Platform) ([]bot.Grant, error) {
	rows, err := d.sql.QueryContext(ctx, `
SELECT g.user_id, m.display_name, g.role, g.granted_by, g.granted_at
FROM role_grants g JOIN members m ON m.platform = g.platform AND m.user_id = g.user_id
WHERE g.platform = ?`, string(p))
	if err != nil {
		return nil, fmt.Errorf("list grants: %w", d.explain(err))
	}
	defer rows.Close()
	var out []bot.Grant
	for rows.Next() {
		var g bot.Grant
		var role string
		var at int64
		g.User.Platform = p
		if err := rows.Scan(&g.User.ID, &g.User.Name, &role, &g.GrantedBy, &at); err != nil {
			return nil, fmt.Errorf("list grants: %w", err)
		}
		g.Role, _ = bot.ParseRole(role)
		g.GrantedAt = time.Unix(at, 0)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list grants: %w", err)
	}
	slices.SortFunc(out, func(a, b bot.Grant) int {
		if a.Role != b.Role {
			return cmp.Compare(b.Role, a.Role)
		}
		return cmp.Compare(a.User.ID, b.User.ID)
	})
	return out, nil
}

// GrantedRole returns the role granted to u in the database (member when none).
func (d *DB) GrantedRole(ctx context.Context, u bot.User) (bot.Role, error) {
	var role string
	err := d.sql.QueryRowContext(ctx, "SELECT role FROM role_grants WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID).Scan(&role)
	if isNoRows(err) {
		return bot.RoleMember, nil
	}
	if err != nil {
		return bot.RoleMember, fmt.Errorf("granted role: %w", d.explain(err))
	}
	r, _ := bot.ParseRole(role)
	return r, nil
}
