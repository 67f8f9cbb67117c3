package slackfake

import (
	"slices"
	"strings"
)

// defaultScopes are the bot scopes the fake app is installed with: those
// passionbot's manifest asks for, with channel messages and pins.
func defaultScopes() []string {
	return []string{
		"app_mentions:read", "chat:write", "commands",
		"im:history", "im:read", "im:write",
		"users:read", "usergroups:read",
		"channels:read", "channels:manage", "channels:history", "channels:join",
		"groups:read", "groups:write", "groups:history",
		"pins:write",
	}
}

// SetScopes sets the scopes granted to the bot token, which every Web API
// answer to it reports in the X-OAuth-Scopes header, as Slack does (an app
// installed before a scope was added to it lacks that scope). The fake
// does not refuse methods for a missing scope. Default: defaultScopes.
func (s *Server) SetScopes(scopes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := slices.Clone(scopes)
	s.scopes = &c
}

// scopesHeaderLocked is the X-OAuth-Scopes header for a call with token:
// the granted scopes for the bot token, no header (false) for others.
// s.mu must be held.
func (s *Server) scopesHeaderLocked(token string) (string, bool) {
	if token != botToken {
		return "", false
	}
	if s.scopes == nil {
		return strings.Join(defaultScopes(), ","), true
	}
	return strings.Join(*s.scopes, ","), true
}
