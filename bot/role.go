package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Grant is a role granted to a member and stored in the database.
type Grant struct {
	User      User
	Role      Role
	GrantedBy string // "platform:id" of the granting admin
	GrantedAt time.Time
}

// Role is a member's standing in the community; higher roles may do
// everything lower ones may.
type Role int

// Roles, lowest first.
const (
	RoleMember Role = iota
	RoleOrganiser
	RoleModerator
	RoleAdmin
)

// Roles lists every role, lowest first.
func Roles() []Role { return []Role{RoleMember, RoleOrganiser, RoleModerator, RoleAdmin} }

// String returns the role's config and command name.
func (r Role) String() string {
	switch r {
	case RoleOrganiser:
		return "organiser"
	case RoleModerator:
		return "moderator"
	case RoleAdmin:
		return "admin"
	}
	return "member"
}

// MessageKey is the catalog key of the role's localized name.
func (r Role) MessageKey() string { return "role." + r.String() }

// ParseRole reads a role name in English or Swedish.
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "member", "medlem":
		return RoleMember, nil
	case "organiser", "organizer", "arrangör", "arrangor":
		return RoleOrganiser, nil
	case "moderator", "mod":
		return RoleModerator, nil
	case "admin", "administrator", "administratör":
		return RoleAdmin, nil
	}
	return RoleMember, fmt.Errorf("unknown role %q (member, organiser, moderator, admin)", s)
}

// RoleMap maps platform roles to bot roles ([roles] in the configuration).
// Entries are role or user-group ids (Discord role ids, Slack user-group
// ids), which are unique; names are accepted too, but anyone who can
// create a role or user group with the same name gets the mapped role, so
// the program warns about them at start.
type RoleMap struct {
	ByID   map[string]Role
	ByName map[string]Role // lowercase names
}

// NewRoleMap sorts [roles] entries into ids and names: a Discord role id
// (a snowflake of 17–20 digits), a Slack user-group id ("S" and at least
// eight more upper-case letters and digits, one of them a digit) or an entry written "id:…" is an id; anything else
// is a name.
func NewRoleMap(entries map[Role][]string) RoleMap {
	m := RoleMap{ByID: map[string]Role{}, ByName: map[string]Role{}}
	for _, r := range Roles() {
		for _, e := range entries[r] {
			e = strings.TrimSpace(e)
			switch {
			case e == "":
			case strings.HasPrefix(strings.ToLower(e), "id:"):
				m.ByID[strings.TrimSpace(e[3:])] = r
			case looksLikeRoleID(e):
				m.ByID[e] = r
			default:
				m.ByName[strings.ToLower(e)] = r
			}
		}
	}
	return m
}

// looksLikeRoleID reports a Discord snowflake or a Slack user-group id.
// A Slack id ("S0614TZR7") has at least one digit, so that an all-caps
// name such as "STYRELSEN" stays a name (and is warned about).
func looksLikeRoleID(s string) bool {
	digits, upper, anyDigit := true, s[0] == 'S' && len(s) >= 9, false
	for _, c := range s {
		isDigit := c >= '0' && c <= '9'
		digits = digits && isDigit
		anyDigit = anyDigit || isDigit
		upper = upper && (isDigit || c >= 'A' && c <= 'Z')
	}
	return digits && len(s) >= 17 && len(s) <= 20 || upper && anyDigit
}

// Names lists the entries mapped by name, for the start-up warning.
func (m RoleMap) Names() []string {
	var out []string
	for n := range m.ByName {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Role is the highest of the platform's own role for u, the roles its
// role ids and names map to, and granted (the role stored with role
// grant). It is the one rule for callers and targets alike.
func (m RoleMap) Role(u User, granted Role) Role {
	r := max(u.Role, granted)
	for _, id := range u.RoleIDs {
		if mapped, ok := m.ByID[id]; ok {
			r = max(r, mapped)
		}
	}
	for _, n := range u.RoleNames {
		if mapped, ok := m.ByName[strings.ToLower(n)]; ok {
			r = max(r, mapped)
		}
	}
	return r
}

// RoleOf computes the role of u, a command's target, by the same rules as
// a caller's (RoleMap.Role): the platform's server-wide facts, looked up
// fresh where the platform can (MemberResolver), [roles], and role grants.
// A member who has left has only their grant; a lookup that fails is an
// error, never a lower role.
func (b *Bot) RoleOf(ctx context.Context, u User) (Role, error) {
	facts, err := b.Facts(ctx, u)
	switch {
	case err == nil:
		u = facts
	case errors.Is(err, ErrNoSuchMember):
		u = User{Platform: u.Platform, ID: u.ID}
	default:
		return RoleMember, fmt.Errorf("role of %s: %w", u.Key(), err)
	}
	granted, err := b.opt.Store.GrantedRole(ctx, u)
	if err != nil {
		return RoleMember, fmt.Errorf("role of %s: %w", u.Key(), err)
	}
	return b.opt.Roles.Role(u, granted), nil
}

// Facts returns u with the server-wide facts their role comes from,
// looked up fresh where the platform can (MemberResolver): what an event
// from u would carry now. A member who has left the community, or of a
// platform the bot is not connected to, is ErrNoSuchMember; a platform
// without lookups returns u as it is.
func (b *Bot) Facts(ctx context.Context, u User) (User, error) {
	a, connected := b.adapters[u.Platform]
	if !connected {
		// Not a member of any community this bot serves now (a web
		// session from when it ran on another platform).
		return u, fmt.Errorf("%s is not connected: %w", u.Platform, ErrNoSuchMember)
	}
	r, ok := a.(MemberResolver)
	if !ok {
		return u, nil
	}
	facts, err := r.Member(ctx, u.ID)
	if err != nil {
		return u, err
	}
	return facts, nil
}

// callerRole is the role of u as the author of an event (the adapter has
// already put the platform's facts in u).
func (b *Bot) callerRole(ctx context.Context, u User) (Role, error) {
	granted, err := b.opt.Store.GrantedRole(ctx, u)
	if err != nil {
		return RoleMember, err
	}
	return b.opt.Roles.Role(u, granted), nil
}

// Who returns u's fresh facts (Facts) and the role they give by the one
// rule (RoleMap.Role with the grant): what a request of u's on another
// surface (the web dashboard) acts as. A member who has left the
// community is ErrNoSuchMember.
func (b *Bot) Who(ctx context.Context, u User) (User, Role, error) {
	facts, err := b.Facts(ctx, u)
	if err != nil {
		return u, RoleMember, err
	}
	role, err := b.callerRole(ctx, facts)
	if err != nil {
		return u, RoleMember, fmt.Errorf("role of %s: %w", u.Key(), err)
	}
	return facts, role, nil
}
