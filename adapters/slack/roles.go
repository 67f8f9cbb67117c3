package slack

import (
	"context"
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
	groups  map[string][]string // user id -> group handles
	groupAt time.Time
}

type cached[T any] struct {
	v  T
	at time.Time
}

func newRoleCache(api *slackapi.Client, ttl time.Duration) *roleCache {
	return &roleCache{api: api, ttl: ttl, users: map[string]cached[member]{}}
}

// user returns the member: owners and admins are admins; their user
// groups' handles are reported as role names for [roles]. Lookups that
// fail leave a plain member (logged), never a refusal to answer.
func (a *Adapter) user(ctx context.Context, id string) member {
	c := a.roles
	c.mu.Lock()
	if u, ok := c.users[id]; ok && time.Since(u.at) < c.ttl {
		c.mu.Unlock()
		return u.v
	}
	c.mu.Unlock()
	m := member{User: bot.User{Platform: bot.PlatformSlack, ID: id, Name: id}}
	info, err := c.api.GetUserInfoContext(ctx, id, slackapi.GetUserInfoOptionIncludeLocale(true))
	if err != nil {
		a.log.Warn("slack users.info failed", "user", id, "err", slackError(err))
	} else {
		m.Name = info.Profile.DisplayName
		if m.Name == "" {
			m.Name = info.RealName
		}
		if m.Name == "" {
			m.Name = info.Name
		}
		if info.IsOwner || info.IsAdmin || info.IsPrimaryOwner {
			m.Role = bot.RoleAdmin
		}
		m.locale = info.Locale
	}
	m.RoleNames = a.groupsOf(ctx, id)
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
	return m
}

// groupsOf returns the handles of the user groups id belongs to.
func (a *Adapter) groupsOf(ctx context.Context, id string) []string {
	c := a.roles
	c.mu.Lock()
	fresh := c.groups != nil && time.Since(c.groupAt) < c.ttl
	c.mu.Unlock()
	if !fresh {
		gs, err := c.api.GetUserGroupsContext(ctx, slackapi.GetUserGroupsOptionIncludeUsers(true))
		byUser := map[string][]string{}
		if err != nil {
			a.log.Warn("slack usergroups.list failed", "err", slackError(err))
		}
		for _, g := range gs {
			for _, u := range g.Users {
				byUser[u] = append(byUser[u], g.Handle)
			}
		}
		c.mu.Lock()
		c.groups, c.groupAt = byUser, time.Now()
		c.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.groups[id]
}
