package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// CanView reports whether u can see channel id: it must be a channel (or a
// thread of one) of the configured server, and u must have View Channel
// there, computed the way Discord does from the server's roles, u's roles
// and the channel's permission overwrites. Here, unlike for roles, the
// permission in the one channel is the right question. A member of another
// platform sees what @everyone sees. An id Discord does not know (or
// refuses the bot) is not visible.
func (a *Adapter) CanView(ctx context.Context, u bot.User, id string) (bool, error) {
	g, err := a.guild()
	if err != nil {
		return false, err
	}
	if !isSnowflake(id) {
		return false, nil
	}
	ch, err := a.knownChannel(ctx, id)
	if err != nil || ch.GuildID != g {
		return false, unlessUnknown(err)
	}
	if ch.IsThread() {
		// A thread has the permissions of the channel it is in.
		if ch, err = a.knownChannel(ctx, ch.ParentID); err != nil {
			return false, unlessUnknown(err)
		}
	}
	guild, err := a.sess.State.Guild(g)
	if err != nil {
		return false, fmt.Errorf("discord: server %s not in the state: %w", g, err)
	}
	userID, roles := "", []string(nil)
	if u.Platform == bot.PlatformDiscord {
		m, err := a.knownMember(ctx, g, u.ID)
		if err != nil {
			return false, unlessUnknown(err) // not a member of the server
		}
		userID, roles = u.ID, m.Roles
	}
	return channelPermissions(guild, ch, userID, roles)&discordgo.PermissionViewChannel != 0, nil
}

// knownChannel reads a channel from the state, else from Discord.
func (a *Adapter) knownChannel(ctx context.Context, id string) (*discordgo.Channel, error) {
	if ch, err := a.sess.State.Channel(id); err == nil {
		return ch, nil
	}
	return a.channel(ctx, id)
}

// knownMember reads a server member from the state, else from Discord.
func (a *Adapter) knownMember(ctx context.Context, guildID, userID string) (*discordgo.Member, error) {
	if m, err := a.sess.State.Member(guildID, userID); err == nil {
		return m, nil
	}
	var m *discordgo.Member
	err := a.retry(ctx, func() (err error) {
		m, err = a.sess.GuildMember(guildID, userID)
		return err
	})
	return m, err
}

// unlessUnknown turns Discord's "no such channel or member" and "no access"
// answers into nil (the channel is simply not visible) and keeps any other
// error.
func unlessUnknown(err error) error {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		switch re.Response.StatusCode {
		case http.StatusNotFound, http.StatusForbidden, http.StatusBadRequest:
			return nil
		}
	}
	return err
}

// isSnowflake reports whether id looks like a Discord id: a channel named
// by anything else is not one Discord can have.
func isSnowflake(id string) bool {
	if id == "" || len(id) > 20 {
		return false
	}
	for _, r := range id {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// channelPermissions computes a member's permissions in a channel as
// Discord documents it: @everyone's and the member's roles, Administrator
// grants everything, then the channel's @everyone overwrite, the role
// overwrites together, and the member's own overwrite. The owner has every
// permission. userID "" with no roles is somebody who is only @everyone.
func channelPermissions(g *discordgo.Guild, ch *discordgo.Channel, userID string, roles []string) int64 {
	if userID != "" && userID == g.OwnerID {
		return discordgo.PermissionAll
	}
	var perms int64
	for _, r := range g.Roles {
		if r.ID == g.ID || slices.Contains(roles, r.ID) {
			perms |= r.Permissions
		}
	}
	if perms&discordgo.PermissionAdministrator != 0 {
		return discordgo.PermissionAll
	}
	var allow, deny int64
	for _, o := range ch.PermissionOverwrites {
		if o.ID == g.ID && o.Type == discordgo.PermissionOverwriteTypeRole {
			perms = perms&^o.Deny | o.Allow
		}
		if o.Type == discordgo.PermissionOverwriteTypeRole && o.ID != g.ID && slices.Contains(roles, o.ID) {
			allow, deny = allow|o.Allow, deny|o.Deny
		}
	}
	perms = perms&^deny | allow
	for _, o := range ch.PermissionOverwrites {
		if userID != "" && o.Type == discordgo.PermissionOverwriteTypeMember && o.ID == userID {
			perms = perms&^o.Deny | o.Allow
		}
	}
	return perms
}
