package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"passionbot/bot"
)

// Profile is what a member tells about themselves.
type Profile struct {
	User       bot.User
	Drive      string // passion, market, both, or ""
	About      string
	Region     string
	Offers     string
	Needs      string
	Visibility string // VisibilityMembers, VisibilityOrganisers or VisibilityHidden
	// Known reports whether the bot has a member record for User: false
	// for a name no member has (a typo, someone never seen).
	Known bool
}

// Who may see a member's profile and interests (profiles.visibility).
const (
	// VisibilityMembers shows the member to every member (the default).
	VisibilityMembers = "members"
	// VisibilityOrganisers shows the member to organisers, moderators and
	// admins only.
	VisibilityOrganisers = "organisers"
	// VisibilityHidden shows the member to nobody but themselves.
	VisibilityHidden = "hidden"
)

// VisibleTo reports whether a member whose profile has visibility vis may
// be shown to an audience whose least role is viewer: named or listed with
// an interest, counted among those who have one, invited into a channel
// for it, or described by their interests. It is the one visibility rule;
// every path where members with an interest leave the bot goes through it
// (the member themselves always sees their own). A public channel, a
// reminder or an introduction goes to members (bot.RoleMember). An unknown
// value shows the member to nobody.
func VisibleTo(vis string, viewer bot.Role) bool {
	switch vis {
	case VisibilityMembers:
		return true
	case VisibilityOrganisers:
		return viewer >= bot.RoleOrganiser
	}
	return false
}

// visibleLevels lists the visibility values VisibleTo lets viewer see,
// for a query's IN list.
func visibleLevels(viewer bot.Role) []string {
	var out []string
	for _, v := range []string{VisibilityMembers, VisibilityOrganisers, VisibilityHidden} {
		if VisibleTo(v, viewer) {
			out = append(out, v)
		}
	}
	return out
}

// placeholders is n comma-separated "?" (visibleLevels always has
// VisibilityMembers, so an IN list is never empty).
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Profile returns u's profile (defaults when none is stored).
func (d *DB) Profile(ctx context.Context, u bot.User) (Profile, error) {
	p := Profile{User: u, Visibility: VisibilityMembers}
	err := d.sql.QueryRowContext(ctx, `SELECT drive, about, region, offers, needs, visibility FROM profiles WHERE platform = ? AND user_id = ?`,
		string(u.Platform), u.ID).Scan(&p.Drive, &p.About, &p.Region, &p.Offers, &p.Needs, &p.Visibility)
	if err != nil && !isNoRows(err) {
		return p, fmt.Errorf("read profile: %w", d.explain(err))
	}
	rec, err := d.Member(ctx, u.Platform, u.ID)
	switch {
	case err == nil:
		p.Known = true
		if rec.DisplayName != "" {
			p.User.Name = rec.DisplayName
		}
	case !errors.Is(err, ErrNotFound):
		return p, err
	}
	return p, nil
}

// SaveProfile stores a profile.
func (d *DB) SaveProfile(ctx context.Context, p Profile) error {
	now := d.now()
	if _, err := d.SeenMember(ctx, p.User, now); err != nil {
		return err
	}
	_, err := d.sql.ExecContext(ctx, `INSERT INTO profiles (platform, user_id, drive, about, region, offers, needs, visibility, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, user_id) DO UPDATE SET drive = excluded.drive, about = excluded.about, region = excluded.region,
    offers = excluded.offers, needs = excluded.needs, visibility = excluded.visibility, updated_at = excluded.updated_at`,
		string(p.User.Platform), p.User.ID, p.Drive, p.About, p.Region, p.Offers, p.Needs, p.Visibility, now.Unix())
	if err != nil {
		return fmt.Errorf("save profile: %w", d.explain(err))
	}
	return nil
}

// Interest is one tag of a member's.
type Interest struct {
	Key, Tag string
}

// AddInterests stores tags for u (a tag already there is kept) and
// returns how many u has afterwards.
func (d *DB) AddInterests(ctx context.Context, u bot.User, tags []Interest) (int, error) {
	now := d.now()
	if _, err := d.SeenMember(ctx, u, now); err != nil {
		return 0, err
	}
	var n int
	err := d.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range tags {
			if _, err := tx.ExecContext(ctx, `INSERT INTO interests (platform, user_id, tag_key, tag, added_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (platform, user_id, tag_key) DO NOTHING`, string(u.Platform), u.ID, t.Key, t.Tag, now.Unix()); err != nil {
				return err
			}
		}
		return tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM interests WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("add interests: %w", d.explain(err))
	}
	return n, nil
}

// RemoveInterests removes tags (by key) and says how many went.
func (d *DB) RemoveInterests(ctx context.Context, u bot.User, keys []string) (int, error) {
	removed := 0
	err := d.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			res, err := tx.ExecContext(ctx, "DELETE FROM interests WHERE platform = ? AND user_id = ? AND tag_key = ?", string(u.Platform), u.ID, k)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			removed += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("remove interests: %w", d.explain(err))
	}
	return removed, nil
}

// Interests lists u's tags, in the order added.
func (d *DB) Interests(ctx context.Context, u bot.User) ([]Interest, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT tag_key, tag FROM interests WHERE platform = ? AND user_id = ? ORDER BY added_at, tag", string(u.Platform), u.ID)
	if err != nil {
		return nil, fmt.Errorf("list interests: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Interest
	for rows.Next() {
		var i Interest
		if err := rows.Scan(&i.Key, &i.Tag); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// MembersWithInterest lists the members on platform p with the tag key
// that viewer may see (VisibleTo; the caller's own entry, self, always
// counts), by name, at most limit.
func (d *DB) MembersWithInterest(ctx context.Context, p bot.Platform, key string, viewer bot.Role, self bot.User, limit int) ([]bot.User, error) {
	levels := visibleLevels(viewer)
	args := []any{string(p), key, self.ID}
	for _, l := range levels {
		args = append(args, l)
	}
	args = append(args, limit)
	rows, err := d.sql.QueryContext(ctx, `SELECT i.user_id, COALESCE(m.display_name, '')
FROM interests i LEFT JOIN members m ON m.platform = i.platform AND m.user_id = i.user_id
LEFT JOIN profiles pr ON pr.platform = i.platform AND pr.user_id = i.user_id
WHERE i.platform = ? AND i.tag_key = ?
  AND (i.user_id = ? OR COALESCE(pr.visibility, '`+VisibilityMembers+`') IN (`+placeholders(len(levels))+`))
ORDER BY COALESCE(m.display_name, i.user_id) LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("who has an interest: %w", d.explain(err))
	}
	defer rows.Close()
	var out []bot.User
	for rows.Next() {
		u := bot.User{Platform: p}
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// VisibleInterests lists u's tags when viewer may see u's profile
// (VisibleTo), and nothing otherwise: what may be said about u's interests
// to someone else.
func (d *DB) VisibleInterests(ctx context.Context, u bot.User, viewer bot.Role) ([]Interest, error) {
	vis, err := d.visibility(ctx, u)
	if err != nil || !VisibleTo(vis, viewer) {
		return nil, err
	}
	return d.Interests(ctx, u)
}

// visibility reads u's profile visibility (the default when none is stored).
func (d *DB) visibility(ctx context.Context, u bot.User) (string, error) {
	vis := VisibilityMembers
	err := d.sql.QueryRowContext(ctx, "SELECT visibility FROM profiles WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID).Scan(&vis)
	if err != nil && !isNoRows(err) {
		return "", fmt.Errorf("read visibility: %w", d.explain(err))
	}
	return vis, nil
}

// TagCount is a tag and how many members have it.
type TagCount struct {
	Tag   string
	Count int
}

// TopInterests lists the most common tags on platform p, counting only
// the members viewer may see (VisibleTo): a tag held only by hidden
// members is not there, and its count does not tell that they exist.
func (d *DB) TopInterests(ctx context.Context, p bot.Platform, viewer bot.Role, limit int) ([]TagCount, error) {
	// The few members viewer may not see are taken from everyone's counts
	// (topTagsQuery), so that the counts come from the tag index alone.
	q, args := topTagsQuery(p, viewer, limit, nil)
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("top interests: %w", d.explain(err))
	}
	defer rows.Close()
	var out []TagCount
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.Tag, &t.Count); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TagsWithPrefix lists the community's tags starting with prefix, most
// common first, for autocomplete: like TopInterests, only tags of members
// viewer may see, counted by them.
func (d *DB) TagsWithPrefix(ctx context.Context, p bot.Platform, viewer bot.Role, prefix string, limit int) ([]string, error) {
	in, args := visibleIn(viewer, 4)
	rows, err := d.sql.QueryContext(ctx, `SELECT i.tag FROM interests i
LEFT JOIN profiles pr ON pr.platform = i.platform AND pr.user_id = i.user_id
WHERE i.platform = ?1 AND i.tag LIKE ?2 ESCAPE '\' AND COALESCE(pr.visibility, '`+VisibilityMembers+`') IN (`+in+`)
GROUP BY i.tag ORDER BY COUNT(*) DESC, i.tag LIMIT ?3`, append([]any{string(p), escapeLike(prefix) + "%", limit}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("tags: %w", d.explain(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// visibleIn is the IN list of the visibility values viewer may see
// (visibleLevels) as numbered parameters from ?first on, and their values.
func visibleIn(viewer bot.Role, first int) (string, []any) {
	var marks []string
	var args []any
	for i, l := range visibleLevels(viewer) {
		marks = append(marks, fmt.Sprintf("?%d", first+i))
		args = append(args, l)
	}
	return strings.Join(marks, ", "), args
}

// escapeLike escapes LIKE's wildcards in s.
func escapeLike(s string) string {
	return strings.NewReplacer("\\", "\\\\", "%", "\\%", "_", "\\_").Replace(s)
}

// CountInterest counts the members on p with the tag key that viewer may
// see (VisibleTo).
func (d *DB) CountInterest(ctx context.Context, p bot.Platform, key string, viewer bot.Role) (int, error) {
	levels := visibleLevels(viewer)
	args := []any{string(p), key}
	for _, l := range levels {
		args = append(args, l)
	}
	var n int
	err := d.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM interests i
LEFT JOIN profiles pr ON pr.platform = i.platform AND pr.user_id = i.user_id
WHERE i.platform = ? AND i.tag_key = ? AND COALESCE(pr.visibility, '`+VisibilityMembers+`') IN (`+placeholders(len(levels))+`)`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count interest: %w", d.explain(err))
	}
	return n, nil
}

// Holder is a member who has an interest, with their profile's visibility.
type Holder struct {
	ID         string
	Visibility string
}

// MembersByInterest lists every member on p with the tag key, whatever
// their visibility, with it: for telling each of them privately about a
// channel made for it. Whom else they may be shown to is VisibleTo's to say.
func (d *DB) MembersByInterest(ctx context.Context, p bot.Platform, key string) ([]Holder, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT i.user_id, COALESCE(pr.visibility, '`+VisibilityMembers+`') FROM interests i
LEFT JOIN profiles pr ON pr.platform = i.platform AND pr.user_id = i.user_id
WHERE i.platform = ? AND i.tag_key = ? ORDER BY i.user_id`, string(p), key)
	if err != nil {
		return nil, fmt.Errorf("members by interest: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Holder
	for rows.Next() {
		var h Holder
		if err := rows.Scan(&h.ID, &h.Visibility); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
