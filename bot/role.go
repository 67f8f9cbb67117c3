package bot

import (
	"fmt"
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
