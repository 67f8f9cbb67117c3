package discordfake

import (
	"regexp"
	"slices"
	"strconv"
	"time"
)

var (
	userMention = regexp.MustCompile(`<@!?([0-9]+)>`)
	roleMention = regexp.MustCompile(`<@&([0-9]+)>`)
)

// SendMessage dispatches MESSAGE_CREATE for a user's message and returns its
// ID. A message with no ChannelID is a DM to the bot (the DM channel is
// created on first use); an author who is not a member of the channel's
// guild becomes one, without roles. Sessions without the GUILD_MESSAGES (or
// DIRECT_MESSAGES) intent don't get it; sessions without the Message
// Content intent get a guild message's content blanked unless it mentions
// the bot.
func (s *Server) SendMessage(m MessageCreate) string {
	if m.Author.ID == "" {
		s.tb.Errorf("discordfake: SendMessage: Author.ID is empty")
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var ch *Channel
	if m.ChannelID == "" {
		ch = s.dmChannel(m.Author)
	} else if ch = s.channels[m.ChannelID]; ch == nil {
		s.tb.Errorf("discordfake: SendMessage: unknown channel %s", m.ChannelID)
		return ""
	}
	if g := s.guilds[ch.GuildID]; g != nil {
		s.member(g, m.Author)
	} else {
		s.users[m.Author.ID] = m.Author
	}
	if m.ID == "" {
		m.ID = s.ids.next()
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = time.Now()
	}
	if m.Mentions == nil {
		for _, sm := range userMention.FindAllStringSubmatch(m.Content, -1) {
			u, ok := s.users[sm[1]]
			if !ok {
				u = User{ID: sm[1]}
			}
			if !slices.ContainsFunc(m.Mentions, func(x User) bool { return x.ID == u.ID }) {
				m.Mentions = append(m.Mentions, u)
			}
		}
	}
	var roles []string
	for _, sm := range roleMention.FindAllStringSubmatch(m.Content, -1) {
		roles = append(roles, sm[1])
	}
	msg := &Message{
		MessageData:  MessageData{Content: m.Content, Embeds: slices.Clone(m.Embeds), MessageReference: m.Reference},
		ID:           m.ID,
		ChannelID:    ch.ID,
		GuildID:      ch.GuildID,
		Author:       m.Author,
		Mentions:     m.Mentions,
		MentionRoles: roles,
		Timestamp:    m.Timestamp,
	}
	s.messages[msg.ID] = msg
	s.mustReach("MESSAGE_CREATE", s.dispatchMessage("MESSAGE_CREATE", msg))
	return msg.ID
}

// dispatchMessage sends MESSAGE_CREATE/UPDATE for msg with intent filtering
// and Message Content blanking; s.mu must be held.
func (s *Server) dispatchMessage(t string, msg *Message) int {
	need := IntentGuildMessages
	if msg.GuildID == "" {
		need = IntentDirectMessages
	}
	mentionsBot := slices.ContainsFunc(msg.Mentions, func(u User) bool { return u.ID == s.cfg.botID })
	return s.broadcast(t, need, func(sess *session) any {
		hide := msg.GuildID != "" && sess.intents&IntentMessageContent == 0 &&
			!mentionsBot && msg.Author.ID != s.cfg.botID
		return s.messageJSON(msg, hide)
	})
}

// SendMemberAdd adds the member to the guild and dispatches
// GUILD_MEMBER_ADD (only sessions with the GUILD_MEMBERS intent get it).
func (s *Server) SendMemberAdd(guildID string, m Member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	mm := s.addMember(guildID, m)
	if mm == nil {
		return
	}
	d := memberJSON(mm, true)
	d["guild_id"] = guildID
	s.mustReach("GUILD_MEMBER_ADD", s.broadcast("GUILD_MEMBER_ADD", IntentGuildMembers, func(*session) any { return d }))
}

// SendInteraction dispatches INTERACTION_CREATE and returns the interaction
// ID. In a guild the payload has member (with roles and the computed or
// given permissions string); in a DM it has user. The three-second
// response window starts now.
func (s *Server) SendInteraction(in Interaction) string {
	if in.User.ID == "" {
		s.tb.Errorf("discordfake: SendInteraction: User.ID is empty")
		return ""
	}
	if in.Type == 0 {
		in.Type = InteractionCommand
		if in.CustomID != "" {
			in.Type = InteractionComponent
		}
	}
	if in.ID == "" {
		in.ID = s.ids.next()
	}
	if in.Token == "" {
		in.Token = "aW50ZXJhY3Rpb246" + randomHex(32)
	}
	if in.Locale == "" {
		in.Locale = "en-US"
	}
	if in.CommandType == 0 {
		in.CommandType = 1
	}
	if in.ComponentType == 0 {
		in.ComponentType = 2
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var ch *Channel
	switch {
	case in.ChannelID != "":
		if ch = s.channels[in.ChannelID]; ch == nil {
			s.tb.Errorf("discordfake: SendInteraction: unknown channel %s", in.ChannelID)
			return ""
		}
		if in.GuildID == "" {
			in.GuildID = ch.GuildID
		}
	case in.GuildID != "":
		s.tb.Errorf("discordfake: SendInteraction: GuildID without ChannelID")
		return ""
	default:
		ch = s.dmChannel(in.User)
	}
	g := s.guilds[in.GuildID]
	if in.GuildID != "" && g == nil {
		s.tb.Errorf("discordfake: SendInteraction: unknown guild %s", in.GuildID)
		return ""
	}
	s.users[in.User.ID] = in.User

	d := map[string]any{
		"id":             in.ID,
		"application_id": s.cfg.appID,
		"type":           in.Type,
		"token":          in.Token,
		"version":        1,
		"locale":         in.Locale,
		"channel_id":     ch.ID,
		"channel":        channelJSON(ch),
		"entitlements":   []any{},
	}
	if g != nil {
		m := s.member(g, in.User).clone()
		if in.Roles != nil {
			m.Roles = slices.Clone(in.Roles)
		}
		perms := in.Permissions
		if perms == "" {
			perms = strconv.FormatInt(s.permissionsWith(g, in.User.ID, m.Roles, ch.ID), 10)
		}
		mj := memberJSON(&m, true)
		mj["permissions"] = perms
		d["guild_id"] = g.id
		d["guild_locale"] = g.locale
		d["guild"] = map[string]any{"id": g.id, "locale": g.locale, "features": []any{}}
		d["member"] = mj
		d["app_permissions"] = strconv.FormatInt(s.permissions(g, s.cfg.botID, ch.ID), 10)
		d["context"] = 0
		d["authorizing_integration_owners"] = map[string]any{"0": g.id}
	} else {
		d["user"] = userJSON(in.User)
		d["app_permissions"] = strconv.FormatInt(PermDefaultEveryone, 10)
		d["context"] = 1
		d["authorizing_integration_owners"] = map[string]any{"0": "0"}
	}

	switch in.Type {
	case InteractionCommand, InteractionAutocomplete:
		if in.CommandID == "" {
			in.CommandID = s.commandID(in.GuildID, in.CommandName, in.CommandType)
		}
		data := map[string]any{"id": in.CommandID, "name": in.CommandName, "type": in.CommandType}
		if len(in.Options) > 0 {
			data["options"] = optionsJSON(in.Options)
		}
		if res := s.resolved(g, ch.ID, in.Options); len(res) > 0 {
			data["resolved"] = res
		}
		if in.GuildID != "" {
			data["guild_id"] = in.GuildID
		}
		if in.TargetID != "" {
			data["target_id"] = in.TargetID
		}
		d["data"] = data
	case InteractionComponent:
		data := map[string]any{"custom_id": in.CustomID, "component_type": in.ComponentType}
		if in.Values != nil || in.ComponentType != 2 {
			data["values"] = orEmpty(in.Values)
		}
		d["data"] = data
		if msg := s.messages[in.MessageID]; msg != nil {
			d["message"] = s.messageJSON(msg, false)
		} else {
			if in.MessageID == "" {
				in.MessageID = s.ids.next()
			}
			d["message"] = map[string]any{
				"id": in.MessageID, "channel_id": ch.ID, "author": userJSON(s.botUser()),
				"content": "", "timestamp": ts(time.Now()), "edited_timestamp": nil, "tts": false,
				"mention_everyone": false, "mentions": []any{}, "mention_roles": []any{},
				"attachments": []any{}, "embeds": []any{}, "components": []any{}, "pinned": false,
				"type": 0, "flags": 0,
			}
		}
	case InteractionModalSubmit:
		rows := []any{}
		for id, v := range in.ModalValues {
			rows = append(rows, map[string]any{"type": 1, "components": []any{
				map[string]any{"type": 4, "custom_id": id, "value": v},
			}})
		}
		d["data"] = map[string]any{"custom_id": in.CustomID, "components": rows}
	}

	s.interactions[in.ID] = &interactionState{
		id: in.ID, token: in.Token, typ: in.Type, guildID: in.GuildID, channelID: ch.ID,
		messageID: in.MessageID, user: in.User, at: time.Now(),
	}
	s.mustReach("INTERACTION_CREATE", s.broadcast("INTERACTION_CREATE", 0, func(*session) any { return d }))
	return in.ID
}

// commandID finds a stored command by name; s.mu must be held.
func (s *Server) commandID(guildID, name string, typ int) string {
	for _, gid := range []string{guildID, ""} {
		for _, c := range s.commands[gid] {
			if c.Name == name && c.Type == typ {
				return c.ID
			}
		}
	}
	return s.ids.next()
}

func optionsJSON(opts []OptionValue) []any {
	out := make([]any, 0, len(opts))
	for _, o := range opts {
		v := map[string]any{"name": o.Name, "type": o.Type}
		if o.Type == OptSubCommand || o.Type == OptSubCommandGroup {
			v["options"] = optionsJSON(o.Options)
		} else {
			v["value"] = o.Value
		}
		if o.Focused {
			v["focused"] = true
		}
		out = append(out, v)
	}
	return out
}

// resolved builds data.resolved for user, channel, role and mentionable
// options; s.mu must be held.
func (s *Server) resolved(g *guildState, channelID string, opts []OptionValue) map[string]any {
	users, members, roles, chans := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
	var walk func([]OptionValue)
	walk = func(os []OptionValue) {
		for _, o := range os {
			walk(o.Options)
			id, _ := o.Value.(string)
			if id == "" {
				continue
			}
			if o.Type == OptUser || o.Type == OptMentionable {
				if u, ok := s.users[id]; ok {
					users[id] = userJSON(u)
					if g != nil && g.members[id] != nil {
						mj := memberJSON(g.members[id], false)
						mj["permissions"] = strconv.FormatInt(s.permissions(g, id, channelID), 10)
						members[id] = mj
					}
				}
			}
			if g != nil && (o.Type == OptRole || o.Type == OptMentionable) {
				for _, r := range g.roles {
					if r.ID == id {
						roles[id] = roleJSON(r)
					}
				}
			}
			if c := s.channels[id]; c != nil && o.Type == OptChannel {
				cj := channelJSON(c)
				if g != nil {
					cj["permissions"] = strconv.FormatInt(s.permissions(g, s.cfg.botID, id), 10)
				}
				chans[id] = cj
			}
		}
	}
	walk(opts)
	out := map[string]any{}
	for k, m := range map[string]map[string]any{"users": users, "members": members, "roles": roles, "channels": chans} {
		if len(m) > 0 {
			out[k] = m
		}
	}
	return out
}
