package discordfake

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"
)

// ---- interactions ----

type callbackBody struct {
	Type *int            `json:"type"`
	Data json.RawMessage `json:"data"`
}

func (s *Server) callback(x *req, b *callbackBody) (int, any, *apiError) {
	now := x.now
	is := s.interactions[x.path("iid")]
	if is == nil || is.token != x.path("token") {
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
	resp := InteractionResponse{InteractionID: is.id, Type: *b.Type, Raw: slices.Clone(x.c.body), Time: now, Latency: now.Sub(is.at)}
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
		if e := s.buildMessage(x.c, &mb, &resp.Data, &raw); e != nil {
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
				if e := s.buildMessage(x.c, &mb, &msg.MessageData, &msg.rawComponents); e != nil {
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
}

// resolveHook finds the interaction behind /webhooks/{app}/{token} and,
// for needHookMessage, its message {mid} (@original or a follow-up); s.mu
// must be held.
func (s *Server) resolveHook(x *req, n needs) *apiError {
	if x.path("wid") != s.cfg.appID {
		return errUnknownHook
	}
	tok := x.path("token")
	for _, is := range s.interactions {
		if is.token == tok {
			if !is.acked {
				return errUnknownHook
			}
			x.is = is
			break
		}
	}
	if x.is == nil {
		return errUnknownHook
	}
	if n != needHookMessage {
		return nil
	}
	mid := x.path("mid")
	if mid == "@original" {
		mid = x.is.originalID
	} else if !slices.Contains(x.is.followups, mid) {
		return errUnknownMsg
	}
	m := s.messages[mid]
	if m == nil || m.Deleted {
		return errUnknownMsg
	}
	x.msg = m
	return nil
}

// followup handles POST /webhooks/{app}/{token}. The first follow-up after
// a deferred (type 5) response fills in the deferred message, as on
// Discord; later ones are new messages.
func (s *Server) followup(x *req, b *messageBody) (int, any, *apiError) {
	is := x.is
	if orig := s.messages[is.originalID]; orig != nil && !orig.Deleted && orig.Flags&FlagLoading != 0 && orig.InteractionID == is.id {
		b.Flags = nil // the deferred response decided ephemerality
		status, v, e := s.editMessage(x.c, orig, b, func(m *Message) { m.Flags &^= FlagLoading })
		if e == nil {
			is.followups = append(is.followups, orig.ID)
			orig.Mentions, orig.MentionRoles = s.mentions(&orig.MessageData)
		}
		return status, v, e
	}
	msg := &Message{ID: s.ids.next(), ChannelID: is.channelID, GuildID: is.guildID, Author: s.botUser(),
		Timestamp: time.Now(), InteractionID: is.id, WebhookID: s.cfg.appID}
	if e := s.buildMessage(x.c, b, &msg.MessageData, &msg.rawComponents); e != nil {
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
}

// getHookMessage, patchHookMessage and deleteHookMessage handle
// @original and follow-ups.
func (s *Server) getHookMessage(x *req) (int, any, *apiError) {
	return 200, s.messageJSON(x.msg, false), nil
}

func (s *Server) patchHookMessage(x *req, b *messageBody) (int, any, *apiError) {
	if s.cfg.mistype && nullArray(x.c.body) {
		return 0, nil, &apiError{status: 400, code: 50035, msg: "Invalid Form Body: embeds/components must be array"}
	}
	b.Flags = nil
	return s.editMessage(x.c, x.msg, b, func(m *Message) { m.Flags &^= FlagLoading })
}

func (s *Server) deleteHookMessage(x *req) (int, any, *apiError) {
	s.deleteMsg(x.msg)
	return http.StatusNoContent, nil, nil
}
