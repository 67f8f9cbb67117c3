package discord

import (
	"encoding/base64"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Permissions is exactly what passionbot's features need in a server: read
// and answer (view, send, send in threads, embed links, read history),
// moderate (manage messages for purge and pin, manage channels for create,
// rename, topic and slowmode, manage roles for a channel's permission
// overwrites when locking, moderate members for timeouts) and meetups
// (manage events for Guild Scheduled Events).
const Permissions = discordgo.PermissionViewChannel |
	discordgo.PermissionSendMessages |
	discordgo.PermissionSendMessagesInThreads |
	discordgo.PermissionEmbedLinks |
	discordgo.PermissionReadMessageHistory |
	discordgo.PermissionManageMessages |
	discordgo.PermissionManageChannels |
	discordgo.PermissionManageRoles |
	discordgo.PermissionModerateMembers |
	discordgo.PermissionManageEvents

// InviteURL is the OAuth2 link that adds the bot to a server with the
// scopes bot and applications.commands and exactly Permissions.
func InviteURL(appID string) string {
	q := url.Values{}
	q.Set("client_id", appID)
	q.Set("scope", "bot applications.commands")
	q.Set("permissions", strconv.FormatInt(Permissions, 10))
	return "https://discord.com/oauth2/authorize?" + strings.ReplaceAll(q.Encode(), "+", "%20")
}

// AppIDFromToken reads the application (bot user) id from the first part
// of a bot token, which is that id in base64.
func AppIDFromToken(token string) (string, error) {
	first, _, ok := strings.Cut(strings.TrimPrefix(token, "Bot "), ".")
	if !ok || first == "" {
		return "", errors.New("DISCORD_TOKEN does not look like a bot token")
	}
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.StdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(first); err == nil {
			if _, err := strconv.ParseUint(string(b), 10, 64); err == nil {
				return string(b), nil
			}
		}
	}
	return "", errors.New("DISCORD_TOKEN does not look like a bot token")
}
