package discordfake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// ---- guilds ----

func (s *Server) getGuild(x *req) (int, any, *apiError) {
	v := s.guildJSON(x.g, 0)
	for _, k := range []string{"channels", "members", "threads", "presences", "voice_states", "joined_at", "large", "member_count", "unavailable"} {
		delete(v, k)
	}
	return 200, v, nil
}

func (s *Server) getGuildChannels(x *req) (int, any, *apiError) {
	out := []any{}
	for _, id := range x.g.channelOrder {
		out = append(out, channelJSON(s.channels[id]))
	}
	return 200, out, nil
}

type channelBody struct {
	Name                 *string         `json:"name"`
	Type                 int             `json:"type"`
	Topic                *string         `json:"topic"`
	ParentID             string          `json:"parent_id"`
	Position             int             `json:"position"`
	NSFW                 bool            `json:"nsfw"`
	RateLimitPerUser     *int            `json:"rate_limit_per_user"`
	PermissionOverwrites []overwriteBody `json:"permission_overwrites"`
}

func (s *Server) createChannel(x *req, b *channelBody) (int, any, *apiError) {
	g := x.g
	f := formErrors{}
	if b.Name == nil {
		f.add([]string{"name"}, "BASE_TYPE_REQUIRED", "This field is required")
	}
	validateChannel(f, b.Name, b.Topic, b.RateLimitPerUser)
	if !slices.Contains([]int{0, 2, 4, 5, 13, 15, 16}, b.Type) {
		f.add([]string{"type"}, "BASE_TYPE_CHOICES", "Value must be one of {0, 2, 4, 5, 13, 15, 16}.")
	}
	if b.ParentID != "" {
		if p := s.channels[b.ParentID]; p == nil || p.GuildID != g.id || p.Type != ChannelCategory || b.Type == ChannelCategory {
			f.add([]string{"parent_id"}, "CHANNEL_PARENT_INVALID", "Invalid parent")
		}
	}
	var ows []PermissionOverwrite
	for i, o := range b.PermissionOverwrites {
		ows = append(ows, o.overwrite(f, []string{"permission_overwrites", strconv.Itoa(i)}))
	}
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	ch := &Channel{ID: s.ids.next(), GuildID: g.id, Type: b.Type, Name: channelName(b.Type, *b.Name),
		ParentID: b.ParentID, Position: b.Position, NSFW: b.NSFW, PermissionOverwrites: ows}
	if b.Topic != nil {
		ch.Topic = *b.Topic
	}
	if b.RateLimitPerUser != nil {
		ch.RateLimitPerUser = *b.RateLimitPerUser
	}
	s.channels[ch.ID] = ch
	g.channelOrder = append(g.channelOrder, ch.ID)
	s.channelEvent("CHANNEL_CREATE", ch)
	return http.StatusCreated, channelJSON(ch), nil
}

func (s *Server) getRoles(x *req) (int, any, *apiError) {
	out := []any{}
	for _, r := range x.g.roles {
		out = append(out, roleJSON(r))
	}
	return 200, out, nil
}

func (s *Server) listMembers(x *req) (int, any, *apiError) {
	q := x.c.r.URL.Query()
	limit := 1
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n >= 1 && n <= 1000 {
		limit = n
	}
	after := q.Get("after")
	ids := slices.Clone(x.g.memberOrder)
	slices.SortFunc(ids, snowflakeCmp)
	out := []any{}
	for _, id := range ids {
		if after != "" && snowflakeCmp(id, after) <= 0 {
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, memberJSON(x.g.members[id], true))
	}
	return 200, out, nil
}

func (s *Server) getMember(x *req) (int, any, *apiError) {
	return 200, memberJSON(x.member, true), nil
}

// memberUpdate dispatches GUILD_MEMBER_UPDATE; s.mu must be held.
func (s *Server) memberUpdate(g *guildState, m *Member) {
	d := memberJSON(m, true)
	d["guild_id"] = g.id
	s.broadcast("GUILD_MEMBER_UPDATE", IntentGuildMembers, func(*session) any { return d })
}

type memberPatch struct {
	Nick    *string         `json:"nick"`
	Roles   *[]string       `json:"roles"`
	Timeout json.RawMessage `json:"communication_disabled_until"`
}

func (s *Server) patchMember(x *req, b *memberPatch) (int, any, *apiError) {
	g, m := x.g, x.member
	f := formErrors{}
	if b.Nick != nil {
		maxLen(f, []string{"nick"}, *b.Nick, 32)
	}
	if b.Roles != nil {
		for i, rid := range *b.Roles {
			if !slices.ContainsFunc(g.roles, func(r Role) bool { return r.ID == rid }) {
				f.add([]string{"roles", strconv.Itoa(i)}, "ROLE_INVALID", "Role \""+rid+"\" is invalid")
			}
		}
	}
	var until *time.Time
	setTimeout := b.Timeout != nil
	if present(b.Timeout) {
		var str string
		t, err := time.Time{}, json.Unmarshal(b.Timeout, &str)
		if err == nil {
			t, err = time.Parse(time.RFC3339Nano, str)
		}
		switch {
		case err != nil:
			f.add([]string{"communication_disabled_until"}, "DATE_TIME_TYPE_PARSE", "Could not parse "+string(b.Timeout)+". Should be ISO8601.")
		case t.After(time.Now().Add(28 * 24 * time.Hour)):
			f.add([]string{"communication_disabled_until"}, "COMMUNICATION_DISABLED_UNTIL_TOO_FAR", "Timeouts can be at most 28 days")
		default:
			until = &t
		}
	}
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	if setTimeout && until != nil && (m.User.ID == g.ownerID || m.User.ID == s.cfg.botID ||
		s.permissions(g, m.User.ID, "")&PermAdministrator != 0) {
		// Owners and administrators cannot be timed out.
		return 0, nil, errMissingPerms
	}
	if b.Nick != nil {
		m.Nick = *b.Nick
	}
	if b.Roles != nil {
		m.Roles = slices.Clone(*b.Roles)
	}
	if setTimeout {
		if until != nil && !until.After(time.Now()) {
			until = nil
		}
		m.CommunicationDisabledUntil = until
	}
	s.memberUpdate(g, m)
	return 200, memberJSON(m, true), nil
}

func (s *Server) kick(x *req) (int, any, *apiError) {
	if x.member.User.ID == x.g.ownerID {
		return 0, nil, errMissingPerms
	}
	s.removeMember(x.g, x.member)
	return http.StatusNoContent, nil, nil
}

// removeMember drops a member and dispatches GUILD_MEMBER_REMOVE; s.mu must
// be held.
func (s *Server) removeMember(g *guildState, m *Member) {
	delete(g.members, m.User.ID)
	g.memberOrder = slices.DeleteFunc(g.memberOrder, func(id string) bool { return id == m.User.ID })
	d := map[string]any{"guild_id": g.id, "user": userJSON(m.User)}
	s.broadcast("GUILD_MEMBER_REMOVE", IntentGuildMembers, func(*session) any { return d })
}

// memberRole adds (PUT) or removes (DELETE) a member's role.
func (s *Server) memberRole(x *req) (int, any, *apiError) {
	g, m := x.g, x.member
	rid := x.path("rid")
	if !slices.ContainsFunc(g.roles, func(r Role) bool { return r.ID == rid }) {
		return 0, nil, errUnknownRole
	}
	if x.c.r.Method == http.MethodPut {
		if !slices.Contains(m.Roles, rid) {
			m.Roles = append(slices.Clone(m.Roles), rid)
		}
	} else {
		m.Roles = slices.DeleteFunc(slices.Clone(m.Roles), func(x string) bool { return x == rid })
	}
	s.memberUpdate(g, m)
	return http.StatusNoContent, nil, nil
}

type banBody struct {
	DeleteMessageSeconds int `json:"delete_message_seconds"`
}

func (s *Server) ban(x *req, b *banBody) (int, any, *apiError) {
	g := x.g
	reason, _ := url.PathUnescape(x.c.r.Header.Get("X-Audit-Log-Reason"))
	if b.DeleteMessageSeconds < 0 || b.DeleteMessageSeconds > 604800 {
		f := formErrors{}
		f.add([]string{"delete_message_seconds"}, "NUMBER_TYPE_MAX", "int value should be less than or equal to 604800.")
		return 0, nil, f.err()
	}
	uid := x.path("uid")
	if uid == g.ownerID {
		return 0, nil, errMissingPerms
	}
	g.bans = append(g.bans, Ban{GuildID: g.id, UserID: uid, Reason: reason, DeleteMessageSeconds: b.DeleteMessageSeconds})
	u, ok := s.users[uid]
	if !ok {
		u = User{ID: uid}
	}
	d := map[string]any{"guild_id": g.id, "user": userJSON(u)}
	s.broadcast("GUILD_BAN_ADD", 1<<2, func(*session) any { return d })
	if m := g.members[uid]; m != nil {
		s.removeMember(g, m)
	}
	s.notify()
	return http.StatusNoContent, nil, nil
}
