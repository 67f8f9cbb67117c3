package discordfake

import (
	"encoding/json"
	"strconv"
	"time"
)

// Discord's JSON shapes for the fake's records. Times are RFC 3339 with
// microseconds, IDs and permission sets are strings, as on Discord.

const timeLayout = "2006-01-02T15:04:05.000000-07:00"

func ts(t time.Time) string { return t.UTC().Format(timeLayout) }

func tsPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return ts(*t)
}

func strOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func userJSON(u User) map[string]any {
	return map[string]any{
		"id":            u.ID,
		"username":      u.Username,
		"discriminator": "0",
		"global_name":   strOrNil(u.GlobalName),
		"avatar":        nil,
		"bot":           u.Bot,
		"public_flags":  0,
	}
}

func memberJSON(m *Member, withUser bool) map[string]any {
	roles := m.Roles
	if roles == nil {
		roles = []string{}
	}
	v := map[string]any{
		"nick":                         strOrNil(m.Nick),
		"roles":                        roles,
		"joined_at":                    ts(m.JoinedAt),
		"premium_since":                nil,
		"deaf":                         false,
		"mute":                         false,
		"flags":                        0,
		"pending":                      false,
		"avatar":                       nil,
		"communication_disabled_until": tsPtr(m.CommunicationDisabledUntil),
	}
	if withUser {
		v["user"] = userJSON(m.User)
	}
	return v
}

func roleJSON(r Role) map[string]any {
	return map[string]any{
		"id":          r.ID,
		"name":        r.Name,
		"permissions": strconv.FormatInt(r.Permissions, 10),
		"position":    r.Position,
		"color":       r.Color,
		"hoist":       false,
		"managed":     r.Managed,
		"mentionable": r.Mentionable,
		"flags":       0,
	}
}

func overwritesJSON(ows []PermissionOverwrite) []any {
	out := make([]any, 0, len(ows))
	for _, o := range ows {
		out = append(out, map[string]any{
			"id": o.ID, "type": o.Type,
			"allow": strconv.FormatInt(o.Allow, 10), "deny": strconv.FormatInt(o.Deny, 10),
		})
	}
	return out
}

func channelJSON(c *Channel) map[string]any {
	v := map[string]any{
		"id":              c.ID,
		"type":            c.Type,
		"last_message_id": nil,
		"flags":           0,
	}
	if c.Type == ChannelDM {
		rs := make([]any, 0, len(c.Recipients))
		for _, u := range c.Recipients {
			rs = append(rs, userJSON(u))
		}
		v["recipients"] = rs
		return v
	}
	v["guild_id"] = c.GuildID
	v["name"] = c.Name
	v["topic"] = strOrNil(c.Topic)
	v["position"] = c.Position
	v["parent_id"] = strOrNil(c.ParentID)
	v["nsfw"] = c.NSFW
	v["rate_limit_per_user"] = c.RateLimitPerUser
	v["permission_overwrites"] = overwritesJSON(c.PermissionOverwrites)
	return v
}

// guildJSON is the GUILD_CREATE payload (and GET /guilds/{id}). Without the
// GUILD_MEMBERS intent only the bot's own member is included, as on Discord.
// s.mu must be held.
func (s *Server) guildJSON(g *guildState, intents int) map[string]any {
	roles := make([]any, 0, len(g.roles))
	for _, r := range g.roles {
		roles = append(roles, roleJSON(r))
	}
	chans := make([]any, 0, len(g.channelOrder))
	for _, id := range g.channelOrder {
		chans = append(chans, channelJSON(s.channels[id]))
	}
	members := []any{}
	for _, uid := range g.memberOrder {
		if intents&IntentGuildMembers != 0 || uid == s.cfg.botID {
			members = append(members, memberJSON(g.members[uid], true))
		}
	}
	var joined time.Time
	if bm := g.members[s.cfg.botID]; bm != nil {
		joined = bm.JoinedAt
	}
	return map[string]any{
		"id":                            g.id,
		"name":                          g.name,
		"icon":                          nil,
		"owner_id":                      g.ownerID,
		"preferred_locale":              g.locale,
		"joined_at":                     ts(joined),
		"large":                         false,
		"unavailable":                   false,
		"member_count":                  len(g.members),
		"roles":                         roles,
		"channels":                      chans,
		"members":                       members,
		"threads":                       []any{},
		"emojis":                        []any{},
		"stickers":                      []any{},
		"presences":                     []any{},
		"voice_states":                  []any{},
		"stage_instances":               []any{},
		"guild_scheduled_events":        []any{},
		"features":                      []any{},
		"verification_level":            0,
		"default_message_notifications": 0,
		"explicit_content_filter":       0,
		"mfa_level":                     0,
		"nsfw_level":                    0,
		"premium_tier":                  0,
		"system_channel_id":             nil,
		"rules_channel_id":              nil,
		"afk_channel_id":                nil,
		"application_id":                nil,
	}
}

// messageJSON encodes a message; hideContent blanks content, embeds,
// attachments and components (no Message Content intent). s.mu must be held.
func (s *Server) messageJSON(m *Message, hideContent bool) map[string]any {
	return s.messageJSONRef(m, hideContent, true)
}

// messageJSONRef encodes a message; withRef adds referenced_message (one
// level, as Discord does).
func (s *Server) messageJSONRef(m *Message, hideContent, withRef bool) map[string]any {
	mentions := make([]any, 0, len(m.Mentions))
	for _, u := range m.Mentions {
		mu := userJSON(u)
		if g := s.guilds[m.GuildID]; g != nil && g.members[u.ID] != nil {
			mu["member"] = memberJSON(g.members[u.ID], false)
		}
		mentions = append(mentions, mu)
	}
	roles := m.MentionRoles
	if roles == nil {
		roles = []string{}
	}
	typ := 0
	switch {
	case m.MessageReference != nil && m.MessageReference.MessageID != "":
		typ = 19
	case m.InteractionID != "":
		if is := s.interactions[m.InteractionID]; is != nil && is.typ == InteractionCommand && is.originalID == m.ID {
			typ = 20
		}
	}
	v := map[string]any{
		"id":               m.ID,
		"channel_id":       m.ChannelID,
		"author":           userJSON(m.Author),
		"content":          m.Content,
		"timestamp":        ts(m.Timestamp),
		"edited_timestamp": tsPtr(m.EditedTimestamp),
		"tts":              m.TTS,
		"mention_everyone": false,
		"mentions":         mentions,
		"mention_roles":    roles,
		"attachments":      attachmentsJSON(m.ID, m.Attachments),
		"embeds":           orEmpty(m.Embeds),
		"components":       componentsJSON(m),
		"pinned":           false,
		"type":             typ,
		"flags":            m.Flags,
	}
	if hideContent {
		v["content"], v["embeds"], v["attachments"], v["components"] = "", []any{}, []any{}, []any{}
	}
	if m.GuildID != "" {
		v["guild_id"] = m.GuildID
		if g := s.guilds[m.GuildID]; g != nil && g.members[m.Author.ID] != nil && m.WebhookID == "" {
			v["member"] = memberJSON(g.members[m.Author.ID], false)
		}
	}
	if m.MessageReference != nil {
		v["message_reference"] = m.MessageReference
		if ref := s.messages[m.MessageReference.MessageID]; ref != nil && withRef {
			v["referenced_message"] = s.messageJSONRef(ref, hideContent, false)
		}
	}
	if m.WebhookID != "" {
		v["webhook_id"] = m.WebhookID
		v["application_id"] = s.cfg.appID
	}
	if is := s.interactions[m.InteractionID]; is != nil {
		v["interaction_metadata"] = map[string]any{
			"id": is.id, "type": is.typ, "user": userJSON(is.user),
			"authorizing_integration_owners": map[string]any{},
		}
	}
	if len(m.Reactions) > 0 {
		rs := make([]any, 0, len(m.Reactions))
		for _, e := range m.Reactions {
			rs = append(rs, map[string]any{"count": 1, "me": true, "emoji": map[string]any{"id": nil, "name": e}})
		}
		v["reactions"] = rs
	}
	return v
}

func attachmentsJSON(msgID string, as []Attachment) []any {
	out := make([]any, 0, len(as))
	for _, a := range as {
		url := "https://cdn.discordapp.com/attachments/" + msgID + "/" + a.ID + "/" + a.Filename
		out = append(out, map[string]any{
			"id": a.ID, "filename": a.Filename, "size": a.Size, "content_type": a.ContentType,
			"url": url, "proxy_url": url,
		})
	}
	return out
}

func componentsJSON(m *Message) any {
	if len(m.rawComponents) > 0 && string(m.rawComponents) != "null" {
		return m.rawComponents
	}
	return orEmpty(m.Components)
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func eventJSON(e *ScheduledEvent, creator User) map[string]any {
	v := map[string]any{
		"id":                   e.ID,
		"guild_id":             e.GuildID,
		"channel_id":           strOrNil(e.ChannelID),
		"creator_id":           e.CreatorID,
		"creator":              userJSON(creator),
		"name":                 e.Name,
		"description":          e.Description,
		"scheduled_start_time": ts(e.StartTime),
		"scheduled_end_time":   tsPtr(e.EndTime),
		"privacy_level":        e.PrivacyLevel,
		"status":               e.Status,
		"entity_type":          e.EntityType,
		"entity_id":            nil,
		"entity_metadata":      nil,
		"user_count":           0,
		"image":                nil,
	}
	if e.EntityType == 3 {
		v["entity_metadata"] = map[string]any{"location": e.Location}
	}
	return v
}

func commandJSON(c *Command) json.RawMessage {
	var v map[string]any
	_ = json.Unmarshal(c.Raw, &v)
	if v == nil {
		v = map[string]any{}
	}
	v["id"] = c.ID
	v["application_id"] = c.ApplicationID
	v["version"] = c.Version
	v["type"] = c.Type
	if c.GuildID != "" {
		v["guild_id"] = c.GuildID
	}
	if _, ok := v["description"]; !ok {
		v["description"] = c.Description
	}
	if o, ok := v["options"]; !ok || o == nil {
		delete(v, "options")
	}
	return mustJSON(v)
}
