package discordfake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *Server) handle(pattern string, h func(*call)) {
	s.mux.HandleFunc(pattern, func(_ http.ResponseWriter, r *http.Request) {
		c := r.Context().Value(callKey{}).(*call)
		c.r = r
		h(c)
	})
}

func (s *Server) routes() {
	s.handle("GET /gateway", s.getGateway)
	s.handle("GET /gateway/bot", s.getGateway)

	s.handle("GET /users/@me", s.getMe)
	s.handle("GET /users/{uid}", s.getUser)
	s.handle("POST /users/@me/channels", s.createDM)

	s.handle("GET /channels/{cid}", s.getChannel)
	s.handle("PATCH /channels/{cid}", s.patchChannel)
	s.handle("DELETE /channels/{cid}", s.deleteChannel)
	s.handle("PUT /channels/{cid}/permissions/{oid}", s.putOverwrite)
	s.handle("DELETE /channels/{cid}/permissions/{oid}", s.deleteOverwrite)
	s.handle("POST /channels/{cid}/typing", s.typing)
	s.handle("GET /channels/{cid}/messages", s.listMessages)
	s.handle("POST /channels/{cid}/messages", s.postMessage)
	s.handle("POST /channels/{cid}/messages/bulk-delete", s.bulkDelete)
	s.handle("GET /channels/{cid}/messages/{mid}", s.getMessage)
	s.handle("PATCH /channels/{cid}/messages/{mid}", s.patchMessage)
	s.handle("DELETE /channels/{cid}/messages/{mid}", s.deleteMessage)
	s.handle("PUT /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", s.react)
	s.handle("DELETE /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", s.react)

	s.handle("GET /guilds/{gid}", s.getGuild)
	s.handle("GET /guilds/{gid}/channels", s.getGuildChannels)
	s.handle("POST /guilds/{gid}/channels", s.createChannel)
	s.handle("GET /guilds/{gid}/roles", s.getRoles)
	s.handle("GET /guilds/{gid}/members", s.listMembers)
	s.handle("GET /guilds/{gid}/members/{uid}", s.getMember)
	s.handle("PATCH /guilds/{gid}/members/{uid}", s.patchMember)
	s.handle("DELETE /guilds/{gid}/members/{uid}", s.kick)
	s.handle("PUT /guilds/{gid}/members/{uid}/roles/{rid}", s.memberRole)
	s.handle("DELETE /guilds/{gid}/members/{uid}/roles/{rid}", s.memberRole)
	s.handle("PUT /guilds/{gid}/bans/{uid}", s.ban)
	s.handle("GET /guilds/{gid}/scheduled-events", s.listEvents)
	s.handle("POST /guilds/{gid}/scheduled-events", s.createEvent)
	s.handle("GET /guilds/{gid}/scheduled-events/{eid}", s.getEvent)
	s.handle("PATCH /guilds/{gid}/scheduled-events/{eid}", s.patchEvent)
	s.handle("DELETE /guilds/{gid}/scheduled-events/{eid}", s.deleteEvent)

	for _, p := range []string{"/applications/{app}/commands", "/applications/{app}/guilds/{gid}/commands"} {
		s.handle("GET "+p, s.listCommands)
		s.handle("PUT "+p, s.putCommands)
		s.handle("POST "+p, s.createCommand)
		s.handle("GET "+p+"/{cmd}", s.getCommand)
		s.handle("DELETE "+p+"/{cmd}", s.deleteCommand)
	}

	s.handle("POST /interactions/{iid}/{token}/callback", s.callback)
	s.handle("POST /webhooks/{wid}/{token}", s.followup)
	s.handle("GET /webhooks/{wid}/{token}/messages/{mid}", s.webhookMessage)
	s.handle("PATCH /webhooks/{wid}/{token}/messages/{mid}", s.webhookMessage)
	s.handle("DELETE /webhooks/{wid}/{token}/messages/{mid}", s.webhookMessage)
}

// serve runs f under s.mu, encodes its answer there and writes it after.
func (s *Server) serve(c *call, f func() (int, any, *apiError)) {
	s.mu.Lock()
	status, v, e := f()
	var b []byte
	if e == nil && status != http.StatusNoContent {
		b = mustJSON(v)
	}
	s.mu.Unlock()
	if e != nil {
		s.writeAPIError(c, e)
		return
	}
	s.writeJSON(c, status, json.RawMessage(b))
}

func (s *Server) decode(c *call, v any) bool {
	if err := json.Unmarshal(c.body, v); err != nil {
		s.writeAPIError(c, errInvalidJSON)
		return false
	}
	return true
}

// decodeOptional decodes a body that may be empty.
func (s *Server) decodeOptional(c *call, v any) bool {
	if len(strings.TrimSpace(string(c.body))) == 0 {
		return true
	}
	return s.decode(c, v)
}

// ---- gateway, users ----

func (s *Server) getGateway(c *call) {
	v := map[string]any{"url": s.wsURL}
	if strings.HasSuffix(c.route, "/bot") {
		v["shards"] = 1
		v["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1}
	}
	s.writeJSON(c, 200, v)
}

func (s *Server) getMe(c *call) {
	v := userJSON(s.botUser())
	v["verified"], v["mfa_enabled"], v["flags"] = true, false, 0
	s.writeJSON(c, 200, v)
}

func (s *Server) getUser(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		u, ok := s.users[c.r.PathValue("uid")]
		if !ok {
			return 0, nil, errUnknownUser
		}
		return 200, userJSON(u), nil
	})
}

func (s *Server) createDM(c *call) {
	var b struct {
		RecipientID string `json:"recipient_id"`
	}
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		if b.RecipientID == "" {
			f := formErrors{}
			f.add([]string{"recipient_id"}, "BASE_TYPE_REQUIRED", "This field is required")
			return 0, nil, f.err()
		}
		u, ok := s.users[b.RecipientID]
		if !ok {
			return 0, nil, errUnknownUser
		}
		ch := s.dmChannel(u)
		s.notify()
		return 200, channelJSON(ch), nil
	})
}

// ---- channels ----

// guildChannel returns a channel and its guild; s.mu must be held.
func (s *Server) guildChannel(id string) (*Channel, *guildState, *apiError) {
	ch := s.channels[id]
	if ch == nil {
		return nil, nil, errUnknownChan
	}
	return ch, s.guilds[ch.GuildID], nil
}

func (s *Server) getChannel(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		return 200, channelJSON(ch), nil
	})
}

type overwriteBody struct {
	ID    string  `json:"id"`
	Type  *int    `json:"type"`
	Allow flexInt `json:"allow"`
	Deny  flexInt `json:"deny"`
}

// flexInt is a permission set sent as a string ("8") or a number.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	*f = flexInt(n)
	return err
}

func (o overwriteBody) overwrite(f formErrors, p []string) PermissionOverwrite {
	if o.Type == nil || (*o.Type != 0 && *o.Type != 1) {
		f.add(at(p, "type"), "BASE_TYPE_CHOICES", "Value must be one of {0, 1}.")
		return PermissionOverwrite{}
	}
	return PermissionOverwrite{ID: o.ID, Type: *o.Type, Allow: int64(o.Allow), Deny: int64(o.Deny)}
}

func validateChannel(f formErrors, name, topic *string, slow *int) {
	if name != nil {
		badLen(f, []string{"name"}, *name, 1, 100)
	}
	if topic != nil {
		maxLen(f, []string{"topic"}, *topic, 1024)
	}
	if slow != nil && (*slow < 0 || *slow > 21600) {
		f.add([]string{"rate_limit_per_user"}, "NUMBER_TYPE_MAX", "int value should be less than or equal to 21600.")
	}
}

// channelName is how Discord stores a text channel's name: lower case,
// spaces as dashes.
func channelName(typ int, name string) string {
	if typ != ChannelText && typ != ChannelNews && typ != ChannelForum {
		return name
	}
	return strings.ToLower(strings.Join(strings.Fields(name), "-"))
}

func (s *Server) patchChannel(c *call) {
	var b struct {
		Name                 *string          `json:"name"`
		Topic                *string          `json:"topic"`
		RateLimitPerUser     *int             `json:"rate_limit_per_user"`
		NSFW                 *bool            `json:"nsfw"`
		Position             *int             `json:"position"`
		ParentID             *string          `json:"parent_id"`
		PermissionOverwrites *[]overwriteBody `json:"permission_overwrites"`
	}
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		if ch.Type == ChannelDM {
			return 0, nil, errDMChannel
		}
		f := formErrors{}
		validateChannel(f, b.Name, b.Topic, b.RateLimitPerUser)
		var ows []PermissionOverwrite
		if b.PermissionOverwrites != nil {
			for i, o := range *b.PermissionOverwrites {
				ows = append(ows, o.overwrite(f, []string{"permission_overwrites", strconv.Itoa(i)}))
			}
		}
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		if b.Name != nil {
			ch.Name = channelName(ch.Type, *b.Name)
		}
		if b.Topic != nil {
			ch.Topic = *b.Topic
		}
		if b.RateLimitPerUser != nil {
			ch.RateLimitPerUser = *b.RateLimitPerUser
		}
		if b.NSFW != nil {
			ch.NSFW = *b.NSFW
		}
		if b.Position != nil {
			ch.Position = *b.Position
		}
		if b.ParentID != nil {
			ch.ParentID = *b.ParentID
		}
		if b.PermissionOverwrites != nil {
			ch.PermissionOverwrites = ows
		}
		s.channelEvent("CHANNEL_UPDATE", ch)
		return 200, channelJSON(ch), nil
	})
}

// channelEvent dispatches CHANNEL_CREATE/UPDATE/DELETE; s.mu must be held.
func (s *Server) channelEvent(t string, ch *Channel) {
	if ch.Type == ChannelDM {
		s.notify()
		return
	}
	d := channelJSON(ch)
	s.broadcast(t, IntentGuilds, func(*session) any { return d })
}

func (s *Server) deleteChannel(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		ch, g, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		delete(s.channels, ch.ID)
		if g != nil {
			g.channelOrder = slices.DeleteFunc(g.channelOrder, func(id string) bool { return id == ch.ID })
		}
		for uid, id := range s.dms {
			if id == ch.ID {
				delete(s.dms, uid)
			}
		}
		s.channelEvent("CHANNEL_DELETE", ch)
		return 200, channelJSON(ch), nil
	})
}

func (s *Server) putOverwrite(c *call) {
	var b overwriteBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		if ch.Type == ChannelDM {
			return 0, nil, errDMChannel
		}
		f := formErrors{}
		b.ID = c.r.PathValue("oid")
		o := b.overwrite(f, nil)
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		i := slices.IndexFunc(ch.PermissionOverwrites, func(x PermissionOverwrite) bool { return x.ID == o.ID })
		if i >= 0 {
			ch.PermissionOverwrites[i] = o
		} else {
			ch.PermissionOverwrites = append(ch.PermissionOverwrites, o)
		}
		s.channelEvent("CHANNEL_UPDATE", ch)
		return http.StatusNoContent, nil, nil
	})
}

func (s *Server) deleteOverwrite(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		oid := c.r.PathValue("oid")
		ch.PermissionOverwrites = slices.DeleteFunc(ch.PermissionOverwrites, func(x PermissionOverwrite) bool { return x.ID == oid })
		s.channelEvent("CHANNEL_UPDATE", ch)
		return http.StatusNoContent, nil, nil
	})
}

func (s *Server) typing(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		if _, _, e := s.guildChannel(c.r.PathValue("cid")); e != nil {
			return 0, nil, e
		}
		return http.StatusNoContent, nil, nil
	})
}

// ---- messages ----

// buildMessage turns a request body into message data, with the request's
// uploaded files; s.mu must be held.
func (s *Server) buildMessage(c *call, b *messageBody, d *MessageData, raw *json.RawMessage) *apiError {
	if err := b.apply(d, raw); err != nil {
		return errInvalidJSON
	}
	for _, a := range c.files {
		a.ID = s.ids.next()
		d.Attachments = append(d.Attachments, a)
	}
	return nil
}

// mentions computes whom a bot message pings: users written as <@id> that
// allowed_mentions permits (all when it is absent), and the replied-to
// author when replied_user allows. s.mu must be held.
func (s *Server) mentions(d *MessageData) ([]User, []string) {
	am := d.AllowedMentions
	var users []User
	add := func(id string) {
		if slices.ContainsFunc(users, func(u User) bool { return u.ID == id }) {
			return
		}
		u, ok := s.users[id]
		if !ok {
			u = User{ID: id}
		}
		users = append(users, u)
	}
	for _, sm := range userMention.FindAllStringSubmatch(d.Content, -1) {
		if am == nil || slices.Contains(am.Parse, "users") || slices.Contains(am.Users, sm[1]) {
			add(sm[1])
		}
	}
	var roles []string
	for _, sm := range roleMention.FindAllStringSubmatch(d.Content, -1) {
		if am == nil || slices.Contains(am.Parse, "roles") || slices.Contains(am.Roles, sm[1]) {
			roles = append(roles, sm[1])
		}
	}
	if ref := d.MessageReference; ref != nil && (am == nil || am.RepliedUser) {
		if m := s.messages[ref.MessageID]; m != nil {
			add(m.Author.ID)
		}
	}
	return users, roles
}

// checkReference rejects replies to unknown messages unless
// fail_if_not_exists is false; s.mu must be held.
func (s *Server) checkReference(f formErrors, p []string, d *MessageData, channelID string) {
	ref := d.MessageReference
	if ref == nil || ref.MessageID == "" || (ref.FailIfNotExists != nil && !*ref.FailIfNotExists) {
		return
	}
	m := s.messages[ref.MessageID]
	if m == nil || m.Deleted || (ref.Type == 0 && m.ChannelID != channelID) {
		f.add(at(p, "message_reference"), "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
	}
}

func (s *Server) postMessage(c *call) {
	var b messageBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		nonce := strings.Trim(string(b.Nonce), `"`)
		if b.EnforceNonce && nonce != "" && nonce != "null" {
			// Discord: with enforce_nonce, a second message with the same
			// nonce from the same author within a few minutes returns the
			// first instead of creating another.
			for _, id := range s.sent[ch.ID] {
				if m := s.messages[id]; m != nil && m.Nonce == nonce && time.Since(m.Timestamp) < 5*time.Minute {
					return 200, s.messageJSON(m, false), nil
				}
			}
		}
		msg := &Message{ID: s.ids.next(), ChannelID: ch.ID, GuildID: ch.GuildID, Author: s.botUser(), Timestamp: time.Now(), Nonce: nonce}
		if e := s.buildMessage(c, &b, &msg.MessageData, &msg.rawComponents); e != nil {
			return 0, nil, e
		}
		f := formErrors{}
		validateMessage(f, nil, &msg.MessageData)
		s.checkReference(f, nil, &msg.MessageData, ch.ID)
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		if msg.empty() {
			return 0, nil, errEmptyMessage
		}
		msg.Mentions, msg.MentionRoles = s.mentions(&msg.MessageData)
		s.messages[msg.ID] = msg
		s.sent[ch.ID] = append(s.sent[ch.ID], msg.ID)
		s.echo("MESSAGE_CREATE", msg)
		return 200, s.messageJSON(msg, false), nil
	})
}

// echo dispatches MESSAGE_CREATE/UPDATE for the bot's own message unless
// echoes are off or the message is ephemeral; s.mu must be held.
func (s *Server) echo(t string, msg *Message) {
	if !s.cfg.echo || msg.Flags&FlagEphemeral != 0 {
		s.notify()
		return
	}
	s.dispatchMessage(t, msg)
}

func (s *Server) listMessages(c *call) {
	limit := 50
	if n, err := strconv.Atoi(c.r.URL.Query().Get("limit")); err == nil && n > 0 && n <= 100 {
		limit = n
	}
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		var ms []*Message
		for _, m := range s.messages {
			if m.ChannelID == ch.ID && !m.Deleted && m.Flags&FlagEphemeral == 0 {
				ms = append(ms, m)
			}
		}
		slices.SortFunc(ms, func(a, b *Message) int { return snowflakeCmp(b.ID, a.ID) })
		out := []any{}
		for _, m := range ms[:min(limit, len(ms))] {
			out = append(out, s.messageJSON(m, false))
		}
		return 200, out, nil
	})
}

func snowflakeCmp(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// channelMessage finds a live message in a channel; s.mu must be held.
func (s *Server) channelMessage(c *call) (*Message, *apiError) {
	if _, _, e := s.guildChannel(c.r.PathValue("cid")); e != nil {
		return nil, e
	}
	m := s.messages[c.r.PathValue("mid")]
	if m == nil || m.Deleted || m.ChannelID != c.r.PathValue("cid") {
		return nil, errUnknownMsg
	}
	return m, nil
}

func (s *Server) getMessage(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		m, e := s.channelMessage(c)
		if e != nil {
			return 0, nil, e
		}
		return 200, s.messageJSON(m, false), nil
	})
}

func (s *Server) patchMessage(c *call) {
	var b messageBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		m, e := s.channelMessage(c)
		if e != nil {
			return 0, nil, e
		}
		if m.Author.ID != s.cfg.botID {
			return 0, nil, errOthersMessage
		}
		return s.editMessage(c, m, &b, nil)
	})
}

// editMessage applies an edit (channel message, @original or follow-up);
// s.mu must be held.
func (s *Server) editMessage(c *call, m *Message, b *messageBody, after func(*Message)) (int, any, *apiError) {
	next := m.clone()
	next.rawComponents = m.rawComponents
	b.MessageReference = nil
	if b.Flags != nil {
		// Only SUPPRESS_EMBEDS can change on an edit.
		fl := m.Flags&^FlagSuppressEmbeds | *b.Flags&FlagSuppressEmbeds
		b.Flags = &fl
	}
	if e := s.buildMessage(c, b, &next.MessageData, &next.rawComponents); e != nil {
		return 0, nil, e
	}
	f := formErrors{}
	validateMessage(f, nil, &next.MessageData)
	if e := f.err(); e != nil {
		return 0, nil, e
	}
	if after != nil {
		after(&next)
	}
	if next.empty() {
		return 0, nil, errEmptyMessage
	}
	now := time.Now()
	next.EditedTimestamp = &now
	next.Edits++
	*m = next
	s.echo("MESSAGE_UPDATE", m)
	return 200, s.messageJSON(m, false), nil
}

func (s *Server) deleteMessage(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		m, e := s.channelMessage(c)
		if e != nil {
			return 0, nil, e
		}
		s.deleteMsg(m)
		return http.StatusNoContent, nil, nil
	})
}

// deleteMsg marks a message deleted and dispatches MESSAGE_DELETE (for the
// bot's own messages only when echoes are on); s.mu must be held.
func (s *Server) deleteMsg(m *Message) {
	m.Deleted = true
	s.deletions[m.ChannelID] = append(s.deletions[m.ChannelID], m.ID)
	if m.Flags&FlagEphemeral != 0 || (m.Author.ID == s.cfg.botID && !s.cfg.echo) {
		s.notify()
		return
	}
	d := map[string]any{"id": m.ID, "channel_id": m.ChannelID}
	need := IntentDirectMessages
	if m.GuildID != "" {
		d["guild_id"], need = m.GuildID, IntentGuildMessages
	}
	s.broadcast("MESSAGE_DELETE", need, func(*session) any { return d })
}

func (s *Server) bulkDelete(c *call) {
	var b struct {
		Messages []string `json:"messages"`
	}
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		ch, _, e := s.guildChannel(c.r.PathValue("cid"))
		if e != nil {
			return 0, nil, e
		}
		if ch.Type == ChannelDM {
			return 0, nil, errDMChannel
		}
		f := formErrors{}
		switch n := len(b.Messages); {
		case n < 2:
			f.add([]string{"messages"}, "BASE_TYPE_MIN_LENGTH", "Must be 2 or more in length.")
		case n > 100:
			f.add([]string{"messages"}, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
		}
		old := false
		for i, id := range b.Messages {
			t, err := SnowflakeTime(id)
			if err != nil {
				f.add([]string{"messages", strconv.Itoa(i)}, "NUMBER_TYPE_COERCE", "Value \""+id+"\" is not snowflake.")
				continue
			}
			old = old || time.Since(t) > 14*24*time.Hour
		}
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		if old {
			return 0, nil, errTooOld
		}
		var ids []string
		for _, id := range b.Messages {
			if m := s.messages[id]; m != nil && m.ChannelID == ch.ID {
				if !m.Deleted {
					m.Deleted = true
					ids = append(ids, id)
				}
			} else if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		s.deletions[ch.ID] = append(s.deletions[ch.ID], ids...)
		d := map[string]any{"ids": ids, "channel_id": ch.ID, "guild_id": ch.GuildID}
		s.broadcast("MESSAGE_DELETE_BULK", IntentGuildMessages, func(*session) any { return d })
		return http.StatusNoContent, nil, nil
	})
}

func (s *Server) react(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		m, e := s.channelMessage(c)
		if e != nil {
			return 0, nil, e
		}
		emoji := c.r.PathValue("emoji")
		if u, err := url.PathUnescape(emoji); err == nil {
			emoji = u
		}
		if c.r.Method == http.MethodPut {
			if !slices.Contains(m.Reactions, emoji) {
				m.Reactions = append(m.Reactions, emoji)
			}
		} else {
			m.Reactions = slices.DeleteFunc(m.Reactions, func(x string) bool { return x == emoji })
		}
		s.notify()
		return http.StatusNoContent, nil, nil
	})
}

// ---- guilds ----

func (s *Server) guild(c *call) (*guildState, *apiError) {
	g := s.guilds[c.r.PathValue("gid")]
	if g == nil {
		return nil, errUnknownGuild
	}
	return g, nil
}

func (s *Server) getGuild(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		v := s.guildJSON(g, 0)
		for _, k := range []string{"channels", "members", "threads", "presences", "voice_states", "joined_at", "large", "member_count", "unavailable"} {
			delete(v, k)
		}
		return 200, v, nil
	})
}

func (s *Server) getGuildChannels(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		out := []any{}
		for _, id := range g.channelOrder {
			out = append(out, channelJSON(s.channels[id]))
		}
		return 200, out, nil
	})
}

func (s *Server) createChannel(c *call) {
	var b struct {
		Name                 *string         `json:"name"`
		Type                 int             `json:"type"`
		Topic                *string         `json:"topic"`
		ParentID             string          `json:"parent_id"`
		Position             int             `json:"position"`
		NSFW                 bool            `json:"nsfw"`
		RateLimitPerUser     *int            `json:"rate_limit_per_user"`
		PermissionOverwrites []overwriteBody `json:"permission_overwrites"`
	}
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
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
	})
}

func (s *Server) getRoles(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		out := []any{}
		for _, r := range g.roles {
			out = append(out, roleJSON(r))
		}
		return 200, out, nil
	})
}

func (s *Server) listMembers(c *call) {
	q := c.r.URL.Query()
	limit := 1
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n >= 1 && n <= 1000 {
		limit = n
	}
	after := q.Get("after")
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		ids := slices.Clone(g.memberOrder)
		slices.SortFunc(ids, snowflakeCmp)
		out := []any{}
		for _, id := range ids {
			if after != "" && snowflakeCmp(id, after) <= 0 {
				continue
			}
			if len(out) == limit {
				break
			}
			out = append(out, memberJSON(g.members[id], true))
		}
		return 200, out, nil
	})
}

func (s *Server) guildMember(c *call) (*guildState, *Member, *apiError) {
	g, e := s.guild(c)
	if e != nil {
		return nil, nil, e
	}
	m := g.members[c.r.PathValue("uid")]
	if m == nil {
		return g, nil, errUnknownMember
	}
	return g, m, nil
}

func (s *Server) getMember(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		_, m, e := s.guildMember(c)
		if e != nil {
			return 0, nil, e
		}
		return 200, memberJSON(m, true), nil
	})
}

// memberUpdate dispatches GUILD_MEMBER_UPDATE; s.mu must be held.
func (s *Server) memberUpdate(g *guildState, m *Member) {
	d := memberJSON(m, true)
	d["guild_id"] = g.id
	s.broadcast("GUILD_MEMBER_UPDATE", IntentGuildMembers, func(*session) any { return d })
}

func (s *Server) patchMember(c *call) {
	var b struct {
		Nick    *string         `json:"nick"`
		Roles   *[]string       `json:"roles"`
		Timeout json.RawMessage `json:"communication_disabled_until"`
	}
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		g, m, e := s.guildMember(c)
		if e != nil {
			return 0, nil, e
		}
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
	})
}

func (s *Server) kick(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, m, e := s.guildMember(c)
		if e != nil {
			return 0, nil, e
		}
		if m.User.ID == g.ownerID {
			return 0, nil, errMissingPerms
		}
		s.removeMember(g, m)
		return http.StatusNoContent, nil, nil
	})
}

// removeMember drops a member and dispatches GUILD_MEMBER_REMOVE; s.mu must
// be held.
func (s *Server) removeMember(g *guildState, m *Member) {
	delete(g.members, m.User.ID)
	g.memberOrder = slices.DeleteFunc(g.memberOrder, func(id string) bool { return id == m.User.ID })
	d := map[string]any{"guild_id": g.id, "user": userJSON(m.User)}
	s.broadcast("GUILD_MEMBER_REMOVE", IntentGuildMembers, func(*session) any { return d })
}

func (s *Server) memberRole(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, m, e := s.guildMember(c)
		if e != nil {
			return 0, nil, e
		}
		rid := c.r.PathValue("rid")
		if !slices.ContainsFunc(g.roles, func(r Role) bool { return r.ID == rid }) {
			return 0, nil, errUnknownRole
		}
		if c.r.Method == http.MethodPut {
			if !slices.Contains(m.Roles, rid) {
				m.Roles = append(slices.Clone(m.Roles), rid)
			}
		} else {
			m.Roles = slices.DeleteFunc(slices.Clone(m.Roles), func(x string) bool { return x == rid })
		}
		s.memberUpdate(g, m)
		return http.StatusNoContent, nil, nil
	})
}

func (s *Server) ban(c *call) {
	var b struct {
		DeleteMessageSeconds int `json:"delete_message_seconds"`
	}
	if !s.decodeOptional(c, &b) {
		return
	}
	reason, _ := url.PathUnescape(c.r.Header.Get("X-Audit-Log-Reason"))
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		if b.DeleteMessageSeconds < 0 || b.DeleteMessageSeconds > 604800 {
			f := formErrors{}
			f.add([]string{"delete_message_seconds"}, "NUMBER_TYPE_MAX", "int value should be less than or equal to 604800.")
			return 0, nil, f.err()
		}
		uid := c.r.PathValue("uid")
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
	})
}

// ---- scheduled events ----

type eventBody struct {
	ChannelID      *string         `json:"channel_id"`
	Name           *string         `json:"name"`
	Description    *string         `json:"description"`
	Start          *time.Time      `json:"scheduled_start_time"`
	End            json.RawMessage `json:"scheduled_end_time"`
	PrivacyLevel   *int            `json:"privacy_level"`
	Status         *int            `json:"status"`
	EntityType     *int            `json:"entity_type"`
	EntityMetadata *struct {
		Location string `json:"location"`
	} `json:"entity_metadata"`
}

// applyEvent merges a body into e and validates the result; s.mu must be
// held.
func (s *Server) applyEvent(g *guildState, e *ScheduledEvent, b *eventBody, create bool) *apiError {
	f := formErrors{}
	if b.Name != nil {
		e.Name = *b.Name
	}
	if b.Description != nil {
		e.Description = *b.Description
	}
	if b.ChannelID != nil {
		e.ChannelID = *b.ChannelID
	}
	if b.Start != nil {
		e.StartTime = *b.Start
		if b.Start.Before(time.Now()) && e.Status == 1 {
			f.add([]string{"scheduled_start_time"}, "GUILD_SCHEDULED_EVENT_SCHEDULED_START_TIME_IN_PAST", "Cannot schedule event in the past.")
		}
	} else if create {
		f.add([]string{"scheduled_start_time"}, "BASE_TYPE_REQUIRED", "This field is required")
	}
	if present(b.End) {
		var t time.Time
		if err := json.Unmarshal(b.End, &t); err != nil {
			f.add([]string{"scheduled_end_time"}, "DATE_TIME_TYPE_PARSE", "Could not parse "+string(b.End)+". Should be ISO8601.")
		} else {
			e.EndTime = &t
		}
	} else if b.End != nil {
		e.EndTime = nil
	}
	if b.PrivacyLevel != nil {
		e.PrivacyLevel = *b.PrivacyLevel
	}
	if b.EntityType != nil {
		e.EntityType = *b.EntityType
	}
	if b.EntityMetadata != nil {
		e.Location = b.EntityMetadata.Location
	}
	if b.Status != nil {
		if !validStatusChange(e.Status, *b.Status) {
			f.add([]string{"status"}, "GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION", "Invalid status transition")
		} else {
			e.Status = *b.Status
		}
	}
	if required(f, []string{"name"}, e.Name) {
		badLen(f, []string{"name"}, e.Name, 1, 100)
	}
	maxLen(f, []string{"description"}, e.Description, 1000)
	if e.PrivacyLevel != 2 {
		f.add([]string{"privacy_level"}, "BASE_TYPE_CHOICES", "Value must be one of {2}.")
	}
	switch e.EntityType {
	case 3:
		if required(f, []string{"entity_metadata", "location"}, e.Location) {
			badLen(f, []string{"entity_metadata", "location"}, e.Location, 1, 100)
		}
		if e.EndTime == nil {
			f.add([]string{"scheduled_end_time"}, "GUILD_SCHEDULED_EVENT_END_TIME_REQUIRED", "scheduled_end_time is required for external events")
		}
		e.ChannelID = ""
	case 1, 2:
		ch := s.channels[e.ChannelID]
		if ch == nil || ch.GuildID != g.id || (ch.Type != ChannelVoice && ch.Type != 13) {
			f.add([]string{"channel_id"}, "CHANNEL_TYPE_INVALID", "A voice or stage channel is required")
		}
	default:
		f.add([]string{"entity_type"}, "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.")
	}
	if e.EndTime != nil && !e.EndTime.After(e.StartTime) {
		f.add([]string{"scheduled_end_time"}, "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "Cannot schedule event to end before starting.")
	}
	return f.err()
}

// validStatusChange: scheduled -> active|canceled, active -> completed.
func validStatusChange(from, to int) bool {
	return from == to || (from == 1 && (to == 2 || to == 4)) || (from == 2 && to == 3)
}

func (s *Server) createEvent(c *call) {
	var b eventBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		ev := &ScheduledEvent{ID: s.ids.next(), GuildID: g.id, CreatorID: s.cfg.botID, Status: 1}
		b.Status = nil
		if e := s.applyEvent(g, ev, &b, true); e != nil {
			return 0, nil, e
		}
		s.events[ev.ID] = ev
		s.eventOrder = append(s.eventOrder, ev.ID)
		s.eventDispatch("GUILD_SCHEDULED_EVENT_CREATE", ev)
		return 200, eventJSON(ev, s.botUser()), nil
	})
}

func (s *Server) eventDispatch(t string, ev *ScheduledEvent) {
	d := eventJSON(ev, s.botUser())
	s.broadcast(t, IntentScheduledEvents, func(*session) any { return d })
}

func (s *Server) guildEvent(c *call) (*guildState, *ScheduledEvent, *apiError) {
	g, e := s.guild(c)
	if e != nil {
		return nil, nil, e
	}
	ev := s.events[c.r.PathValue("eid")]
	if ev == nil || ev.GuildID != g.id {
		return g, nil, errUnknownEvent
	}
	return g, ev, nil
}

func (s *Server) listEvents(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		g, e := s.guild(c)
		if e != nil {
			return 0, nil, e
		}
		out := []any{}
		for _, id := range s.eventOrder {
			if ev := s.events[id]; ev != nil && ev.GuildID == g.id {
				out = append(out, eventJSON(ev, s.botUser()))
			}
		}
		return 200, out, nil
	})
}

func (s *Server) getEvent(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		_, ev, e := s.guildEvent(c)
		if e != nil {
			return 0, nil, e
		}
		return 200, eventJSON(ev, s.botUser()), nil
	})
}

func (s *Server) patchEvent(c *call) {
	var b eventBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		g, ev, e := s.guildEvent(c)
		if e != nil {
			return 0, nil, e
		}
		if ev.Status == 3 || ev.Status == 4 {
			return 0, nil, &apiError{status: 400, code: 180000, msg: "Cannot update a finished event"}
		}
		next := *ev
		if e := s.applyEvent(g, &next, &b, false); e != nil {
			return 0, nil, e
		}
		*ev = next
		s.eventDispatch("GUILD_SCHEDULED_EVENT_UPDATE", ev)
		return 200, eventJSON(ev, s.botUser()), nil
	})
}

func (s *Server) deleteEvent(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		_, ev, e := s.guildEvent(c)
		if e != nil {
			return 0, nil, e
		}
		delete(s.events, ev.ID)
		s.eventOrder = slices.DeleteFunc(s.eventOrder, func(id string) bool { return id == ev.ID })
		s.eventDispatch("GUILD_SCHEDULED_EVENT_DELETE", ev)
		return http.StatusNoContent, nil, nil
	})
}

// ---- application commands ----

// commandScope checks the application and guild of a commands route; s.mu
// must be held.
func (s *Server) commandScope(c *call) (string, *apiError) {
	if c.r.PathValue("app") != s.cfg.appID {
		return "", errMissingAccess
	}
	gid := c.r.PathValue("gid")
	if gid != "" && s.guilds[gid] == nil {
		return "", errMissingAccess
	}
	return gid, nil
}

func (s *Server) listCommands(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		gid, e := s.commandScope(c)
		if e != nil {
			return 0, nil, e
		}
		out := []json.RawMessage{}
		for _, cmd := range s.commands[gid] {
			out = append(out, commandJSON(cmd))
		}
		return 200, out, nil
	})
}

func (s *Server) getCommand(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		gid, e := s.commandScope(c)
		if e != nil {
			return 0, nil, e
		}
		for _, cmd := range s.commands[gid] {
			if cmd.ID == c.r.PathValue("cmd") {
				return 200, commandJSON(cmd), nil
			}
		}
		return 0, nil, errUnknownCmd
	})
}

func (s *Server) deleteCommand(c *call) {
	s.serve(c, func() (int, any, *apiError) {
		gid, e := s.commandScope(c)
		if e != nil {
			return 0, nil, e
		}
		n := len(s.commands[gid])
		s.commands[gid] = slices.DeleteFunc(s.commands[gid], func(x *Command) bool { return x.ID == c.r.PathValue("cmd") })
		if len(s.commands[gid]) == n {
			return 0, nil, errUnknownCmd
		}
		s.notify()
		return http.StatusNoContent, nil, nil
	})
}

// newCommand makes a stored command, keeping the ID of an existing command
// with the same name and type; s.mu must be held.
func (s *Server) newCommand(gid string, b *commandBody, raw json.RawMessage) *Command {
	cmd := &Command{
		ID: s.ids.next(), ApplicationID: s.cfg.appID, GuildID: gid, Version: s.ids.next(),
		Type: b.Type, Name: b.Name, Description: b.Description,
		NameLocalizations: b.NameLocalizations, DescriptionLocalizations: b.DescriptionLocalizations,
		DMPermission: b.DMPermission, Options: b.Options, Raw: slices.Clone(raw),
	}
	if present(b.DefaultMemberPermissions) {
		p := strings.Trim(string(b.DefaultMemberPermissions), `"`)
		cmd.DefaultMemberPermissions = &p
	}
	for _, old := range s.commands[gid] {
		if old.Name == b.Name && old.Type == b.Type {
			cmd.ID = old.ID
		}
	}
	return cmd
}

func (s *Server) putCommands(c *call) {
	var raws []json.RawMessage
	if !s.decode(c, &raws) {
		return
	}
	bodies := make([]commandBody, len(raws))
	for i, r := range raws {
		if err := json.Unmarshal(r, &bodies[i]); err != nil {
			s.writeAPIError(c, errInvalidJSON)
			return
		}
	}
	s.serve(c, func() (int, any, *apiError) {
		gid, e := s.commandScope(c)
		if e != nil {
			return 0, nil, e
		}
		f := formErrors{}
		seen := map[string]bool{}
		counts := map[int]int{}
		for i := range bodies {
			b := &bodies[i]
			validateCommand(f, []string{strconv.Itoa(i)}, b)
			key := strconv.Itoa(b.Type) + "/" + b.Name
			if seen[key] {
				f.add([]string{strconv.Itoa(i), "name"}, "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
			}
			seen[key] = true
			counts[b.Type]++
		}
		if counts[1] > 100 || counts[2] > 15 || counts[3] > 15 {
			f.add(nil, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
		}
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		cmds := make([]*Command, len(bodies))
		out := make([]json.RawMessage, len(bodies))
		for i := range bodies {
			cmds[i] = s.newCommand(gid, &bodies[i], raws[i])
			out[i] = commandJSON(cmds[i])
		}
		s.commands[gid] = cmds
		s.commandPuts++
		s.notify()
		return 200, out, nil
	})
}

func (s *Server) createCommand(c *call) {
	var b commandBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		gid, e := s.commandScope(c)
		if e != nil {
			return 0, nil, e
		}
		f := formErrors{}
		validateCommand(f, nil, &b)
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		cmd := s.newCommand(gid, &b, c.body)
		status := http.StatusCreated
		i := slices.IndexFunc(s.commands[gid], func(x *Command) bool { return x.ID == cmd.ID })
		if i >= 0 {
			s.commands[gid][i], status = cmd, 200
		} else {
			s.commands[gid] = append(s.commands[gid], cmd)
		}
		s.notify()
		return status, commandJSON(cmd), nil
	})
}

// ---- interactions ----

func (s *Server) callback(c *call) {
	var b struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if !s.decode(c, &b) {
		return
	}
	now := time.Now()
	s.serve(c, func() (int, any, *apiError) {
		is := s.interactions[c.r.PathValue("iid")]
		if is == nil || is.token != c.r.PathValue("token") {
			return 0, nil, errUnknownInter
		}
		if s.cfg.deadline > 0 && now.Sub(is.at) > s.cfg.deadline && !is.acked {
			return 0, nil, errUnknownInter
		}
		if is.acked {
			return 0, nil, errAlreadyAcked
		}
		f := formErrors{}
		allowed := map[int][]int{
			InteractionCommand:      {4, 5, 9},
			InteractionComponent:    {4, 5, 6, 7, 9},
			InteractionAutocomplete: {8},
			InteractionModalSubmit:  {4, 5, 6, 7},
		}[is.typ]
		if b.Type == nil || !slices.Contains(allowed, *b.Type) {
			f.add([]string{"type"}, "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type for this interaction")
			return 0, nil, f.err()
		}
		resp := InteractionResponse{InteractionID: is.id, Type: *b.Type, Raw: slices.Clone(c.body), Time: now, Latency: now.Sub(is.at)}
		var mb messageBody
		var choices struct {
			Choices []json.RawMessage `json:"choices"`
		}
		if present(b.Data) {
			if err := json.Unmarshal(b.Data, &mb); err != nil {
				return 0, nil, errInvalidJSON
			}
			_ = json.Unmarshal(b.Data, &choices)
		}
		var raw json.RawMessage
		switch resp.Type {
		case ResponseMessage, ResponseUpdateMessage:
			if e := s.buildMessage(c, &mb, &resp.Data, &raw); e != nil {
				return 0, nil, e
			}
			validateMessage(f, []string{"data"}, &resp.Data)
			if e := f.err(); e != nil {
				return 0, nil, e
			}
			if resp.Type == ResponseMessage && resp.Data.empty() {
				return 0, nil, errEmptyMessage
			}
		case ResponseDeferredMessage, ResponseDeferredUpdate:
			if mb.Flags != nil {
				resp.Data.Flags = *mb.Flags & FlagEphemeral
			}
		case ResponseAutocomplete:
			if len(choices.Choices) > 25 {
				f.add([]string{"data", "choices"}, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
				return 0, nil, f.err()
			}
			resp.Choices = choices.Choices
		case ResponseModal:
			var m struct {
				CustomID string `json:"custom_id"`
				Title    string `json:"title"`
			}
			_ = json.Unmarshal(b.Data, &m)
			if required(f, []string{"data", "custom_id"}, m.CustomID) {
				maxLen(f, []string{"data", "custom_id"}, m.CustomID, 100)
			}
			if required(f, []string{"data", "title"}, m.Title) {
				maxLen(f, []string{"data", "title"}, m.Title, 45)
			}
			if e := f.err(); e != nil {
				return 0, nil, e
			}
		}
		is.acked = true
		is.responses = append(is.responses, resp)
		switch resp.Type {
		case ResponseMessage, ResponseDeferredMessage:
			msg := &Message{MessageData: resp.Data.clone(), ID: s.ids.next(), ChannelID: is.channelID, GuildID: is.guildID,
				Author: s.botUser(), Timestamp: now, InteractionID: is.id, WebhookID: s.cfg.appID}
			msg.rawComponents = raw
			if resp.Type == ResponseDeferredMessage {
				msg.Flags |= FlagLoading
			} else {
				msg.Mentions, msg.MentionRoles = s.mentions(&msg.MessageData)
			}
			s.messages[msg.ID] = msg
			is.originalID = msg.ID
			s.echo("MESSAGE_CREATE", msg)
		case ResponseDeferredUpdate, ResponseUpdateMessage:
			msg := s.messages[is.messageID]
			if msg == nil && is.messageID != "" {
				msg = &Message{ID: is.messageID, ChannelID: is.channelID, GuildID: is.guildID, Author: s.botUser(), Timestamp: now}
				s.messages[msg.ID] = msg
			}
			if msg != nil {
				is.originalID = msg.ID
				if resp.Type == ResponseUpdateMessage {
					if e := s.buildMessage(c, &mb, &msg.MessageData, &msg.rawComponents); e != nil {
						return 0, nil, e
					}
					t := now
					msg.EditedTimestamp = &t
					msg.Edits++
					s.echo("MESSAGE_UPDATE", msg)
				}
			}
		}
		s.notify()
		return http.StatusNoContent, nil, nil
	})
}

// webhookInteraction finds the interaction behind /webhooks/{app}/{token};
// s.mu must be held.
func (s *Server) webhookInteraction(c *call) (*interactionState, *apiError) {
	if c.r.PathValue("wid") != s.cfg.appID {
		return nil, errUnknownHook
	}
	tok := c.r.PathValue("token")
	for _, is := range s.interactions {
		if is.token == tok {
			if !is.acked {
				return nil, errUnknownHook
			}
			return is, nil
		}
	}
	return nil, errUnknownHook
}

// followup handles POST /webhooks/{app}/{token}. The first follow-up after
// a deferred (type 5) response fills in the deferred message, as on
// Discord; later ones are new messages.
func (s *Server) followup(c *call) {
	var b messageBody
	if !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		is, e := s.webhookInteraction(c)
		if e != nil {
			return 0, nil, e
		}
		if orig := s.messages[is.originalID]; orig != nil && !orig.Deleted && orig.Flags&FlagLoading != 0 && orig.InteractionID == is.id {
			b.Flags = nil // the deferred response decided ephemerality
			status, v, e := s.editMessage(c, orig, &b, func(m *Message) { m.Flags &^= FlagLoading })
			if e == nil {
				is.followups = append(is.followups, orig.ID)
				orig.Mentions, orig.MentionRoles = s.mentions(&orig.MessageData)
			}
			return status, v, e
		}
		msg := &Message{ID: s.ids.next(), ChannelID: is.channelID, GuildID: is.guildID, Author: s.botUser(),
			Timestamp: time.Now(), InteractionID: is.id, WebhookID: s.cfg.appID}
		if e := s.buildMessage(c, &b, &msg.MessageData, &msg.rawComponents); e != nil {
			return 0, nil, e
		}
		msg.Flags &= FlagEphemeral | FlagSuppressEmbeds | FlagComponentsV2 | 1<<12
		f := formErrors{}
		validateMessage(f, nil, &msg.MessageData)
		if e := f.err(); e != nil {
			return 0, nil, e
		}
		if msg.empty() {
			return 0, nil, errEmptyMessage
		}
		msg.Mentions, msg.MentionRoles = s.mentions(&msg.MessageData)
		s.messages[msg.ID] = msg
		is.followups = append(is.followups, msg.ID)
		s.echo("MESSAGE_CREATE", msg)
		return 200, s.messageJSON(msg, false), nil
	})
}

// webhookMessage handles GET, PATCH and DELETE of @original and follow-ups.
func (s *Server) webhookMessage(c *call) {
	var b messageBody
	if c.r.Method == http.MethodPatch && !s.decode(c, &b) {
		return
	}
	s.serve(c, func() (int, any, *apiError) {
		is, e := s.webhookInteraction(c)
		if e != nil {
			return 0, nil, e
		}
		mid := c.r.PathValue("mid")
		if mid == "@original" {
			mid = is.originalID
		} else if !slices.Contains(is.followups, mid) {
			return 0, nil, errUnknownMsg
		}
		m := s.messages[mid]
		if m == nil || m.Deleted {
			return 0, nil, errUnknownMsg
		}
		switch c.r.Method {
		case http.MethodGet:
			return 200, s.messageJSON(m, false), nil
		case http.MethodDelete:
			s.deleteMsg(m)
			return http.StatusNoContent, nil, nil
		}
		b.Flags = nil
		return s.editMessage(c, m, &b, func(m *Message) { m.Flags &^= FlagLoading })
	})
}
