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

func (s *Server) postMessage(x *req, b *messageBody) (int, any, *apiError) {
	ch := x.ch
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
	if e := s.buildMessage(x.c, b, &msg.MessageData, &msg.rawComponents); e != nil {
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

func (s *Server) listMessages(x *req) (int, any, *apiError) {
	limit := 50
	if n, err := strconv.Atoi(x.c.r.URL.Query().Get("limit")); err == nil && n > 0 && n <= 100 {
		limit = n
	}
	var ms []*Message
	for _, m := range s.messages {
		if m.ChannelID == x.ch.ID && !m.Deleted && m.Flags&FlagEphemeral == 0 {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b *Message) int { return snowflakeCmp(b.ID, a.ID) })
	out := []any{}
	for _, m := range ms[:min(limit, len(ms))] {
		out = append(out, s.messageJSON(m, false))
	}
	return 200, out, nil
}

func snowflakeCmp(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func (s *Server) getMessage(x *req) (int, any, *apiError) {
	return 200, s.messageJSON(x.msg, false), nil
}

func (s *Server) patchMessage(x *req, b *messageBody) (int, any, *apiError) {
	if x.msg.Author.ID != s.cfg.botID {
		return 0, nil, errOthersMessage
	}
	return s.editMessage(x.c, x.msg, b, nil)
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

func (s *Server) deleteMessage(x *req) (int, any, *apiError) {
	s.deleteMsg(x.msg)
	return http.StatusNoContent, nil, nil
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

type bulkDeleteBody struct {
	Messages []string `json:"messages"`
}

func (s *Server) bulkDelete(x *req, b *bulkDeleteBody) (int, any, *apiError) {
	ch := x.ch
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
}

// react adds (PUT) or removes (DELETE) the bot's reaction.
func (s *Server) react(x *req) (int, any, *apiError) {
	m := x.msg
	emoji := x.path("emoji")
	if u, err := url.PathUnescape(emoji); err == nil {
		emoji = u
	}
	if x.c.r.Method == http.MethodPut {
		if !slices.Contains(m.Reactions, emoji) {
			m.Reactions = append(m.Reactions, emoji)
		}
	} else {
		m.Reactions = slices.DeleteFunc(m.Reactions, func(x string) bool { return x == emoji })
	}
	s.notify()
	return http.StatusNoContent, nil, nil
}
