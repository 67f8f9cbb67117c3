package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// member is a Slack user as the core sees them, plus their locale.
type member struct {
	bot.User
	locale string
}

// pruneAt is the size at which the role cache and the channel pacer drop
// their expired entries.
const pruneAt = 1024

// roleCache keeps users' admin flags and user-group handles for a while.
type roleCache struct {
	api *slackapi.Client
	ttl time.Duration

	mu      sync.Mutex
	users   map[string]cached[member]
	groups  map[string][]group // user id -> their user groups
	groupAt time.Time
}

// group is a user group's id (what [roles] should name) and handle.
type group struct{ id, handle string }

type cached[T any] struct {
	v  T
	at time.Time
}

func newRoleCache(api *slackapi.Client, ttl time.Duration) *roleCache {
	return &roleCache{api: api, ttl: ttl, users: map[string]cached[member]{}}
}

// user returns the author of an event: owners and admins are admins;
// their user groups' ids and handles are reported for [roles]. Lookups
// that fail leave what is known (a plain member, or without user groups
// when only those failed; logged), never a refusal to answer.
func (a *Adapter) user(ctx context.Context, id string) member {
	m, err := a.lookup(ctx, id, false)
	if err != nil {
		a.log.Warn("slack role lookup failed; acting on what is known", "user", id, "err", err)
	}
	return m
}

// Member looks a member of the workspace up, with the facts their role
// comes from (bot.MemberResolver); a failed lookup, of the user or of the
// user groups, is an error, never a lower role. It is what a command's
// target and every web dashboard request are judged by, so it asks Slack:
// users.info each time (an admin demoted loses the role at once), the
// user groups at most freshGroups old (usergroups.list is Tier 2, 20 a
// minute for the whole app).
func (a *Adapter) Member(ctx context.Context, id string) (bot.User, error) {
	m, err := a.lookup(ctx, id, true)
	if err != nil {
		if errors.Is(err, errUserNotFound) {
			return bot.User{}, fmt.Errorf("slack user %s: %w", id, bot.ErrNoSuchMember)
		}
		return bot.User{}, fmt.Errorf("slack user %s: %w", id, err)
	}
	return m.User, nil
}

// errUserNotFound is users.info's answer for an id not in the workspace.
var errUserNotFound = errors.New("user_not_found")

// freshGroups is how old the user groups Member reads may be.
const freshGroups = 20 * time.Second

// lookup returns the member from the cache (unless fresh) or users.info
// and usergroups.list; on error, the member with what was learnt and the
// error (not cached).
func (a *Adapter) lookup(ctx context.Context, id string, fresh bool) (member, error) {
	c := a.roles
	c.mu.Lock()
	if u, ok := c.users[id]; ok && !fresh && time.Since(u.at) < c.ttl {
		c.mu.Unlock()
		return u.v, nil
	}
	c.mu.Unlock()
	m := member{User: bot.User{Platform: bot.PlatformSlack, ID: id, Name: id}}
	info, err := c.api.GetUserInfoContext(ctx, id, slackapi.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		if slackError(err) == errUserNotFound.Error() {
			return m, errUserNotFound
		}
		return m, fmt.Errorf("users.info: %s: %w", slackError(err), err)
	}
	if info.Deleted {
		return m, errUserNotFound
	}
	m.Name = cmp.Or(info.Profile.DisplayName, info.RealName, info.Name, id)
	if info.IsOwner || info.IsAdmin || info.IsPrimaryOwner {
		m.Role = bot.RoleAdmin
	}
	m.locale = info.Locale
	maxAge := c.ttl
	if fresh {
		maxAge = min(maxAge, freshGroups)
	}
	groups, err := a.groupsOf(ctx, id, maxAge)
	if err != nil {
		// Without the groups the role may be too low: report it, and
		// cache nothing, so that the next lookup asks again.
		return m, err
	}
	for _, g := range groups {
		m.RoleIDs, m.RoleNames = append(m.RoleIDs, g.id), append(m.RoleNames, g.handle)
	}
	c.mu.Lock()
	now := time.Now()
	if len(c.users) >= pruneAt {
		// Forget the expired ones, so that the cache holds the members
		// active within the TTL rather than everyone ever seen.
		for k, u := range c.users {
			if now.Sub(u.at) >= c.ttl {
				delete(c.users, k)
			}
		}
	}
	c.users[id] = cached[member]{v: m, at: now}
	c.mu.Unlock()
	return m, nil
}

// groupsOf returns the user groups id belongs to, from a map of every
// group's members that is used while it is younger than maxAge. A failed usergroups.list is
// an error and is not cached: an empty map would make every member of a
// mapped group look like a plain member until it expired.
func (a *Adapter) groupsOf(ctx context.Context, id string, maxAge time.Duration) ([]group, error) {
	c := a.roles
	c.mu.Lock()
	fresh := c.groups != nil && time.Since(c.groupAt) < maxAge
	c.mu.Unlock()
	if !fresh {
		gs, err := c.api.GetUserGroupsContext(ctx, slackapi.GetUserGroupsOptionIncludeUsers(true))
		if err != nil {
			return nil, fmt.Errorf("usergroups.list: %s: %w", slackError(err), err)
		}
		byUser := map[string][]group{}
		for _, g := range gs {
			for _, u := range g.Users {
				byUser[u] = append(byUser[u], group{id: g.ID, handle: g.Handle})
			}
		}
		c.mu.Lock()
		c.groups, c.groupAt = byUser, time.Now()
		c.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.groups[id], nil
}
