package slackfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Event is an Events API event (the inner "event" object) that SendEvent
// wraps in an event_callback envelope. Implementations: AppMentionEvent,
// MessageEvent, MemberJoinedChannelEvent, TeamJoinEvent and RawEvent.
type Event interface {
	// eventJSON builds the inner event with s.mu held; apply makes the
	// event's effect on the workspace (history, members, users) happen.
	eventJSON(s *Server, apply bool) (map[string]any, error)
}

// AppMentionEvent is an app_mention event: someone mentioned the bot.
type AppMentionEvent struct {
	User    string
	Channel string
	// Text is the message text. "<@BOTUSERID> " is put in front of it
	// unless it already mentions the bot.
	Text     string
	TS       string // generated when empty
	ThreadTS string // set for a mention inside a thread
}

// MessageEvent is a message event. With ChannelType "im" (the default when
// Channel is empty or a DM) it is a message.im event.
type MessageEvent struct {
	User string
	// Channel defaults to the bot's DM channel with User.
	Channel string
	// ChannelType is "im", "mpim", "group" or "channel"; derived from the
	// channel when empty.
	ChannelType string
	Text        string
	TS          string // generated when empty
	ThreadTS    string
	Subtype     string // e.g. "message_changed", "bot_message"; empty for a plain message
	BotID       string // for messages from bots
}

// MemberJoinedChannelEvent is a member_joined_channel event; sending it adds
// User to the channel's members.
type MemberJoinedChannelEvent struct {
	User    string
	Channel string
	Inviter string // optional
}

// TeamJoinEvent is a team_join event; sending it adds User to the
// workspace.
type TeamJoinEvent struct {
	User User
}

// RawEvent is an inner event given as JSON, e.g.
// RawEvent(`{"type":"reaction_added",...}`). It must be an object with a
// "type".
type RawEvent json.RawMessage

var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(\|[^>]*)?>`)

// richText renders text as the rich_text block Slack attaches to messages.
func richText(text string) []any {
	var els []any
	last := 0
	for _, m := range mentionRE.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > last {
			els = append(els, map[string]any{"type": "text", "text": text[last:m[0]]})
		}
		els = append(els, map[string]any{"type": "user", "user_id": text[m[2]:m[3]]})
		last = m[1]
	}
	if last < len(text) {
		els = append(els, map[string]any{"type": "text", "text": text[last:]})
	}
	if len(els) == 0 {
		return nil
	}
	return []any{map[string]any{
		"type":     "rich_text",
		"block_id": fmt.Sprintf("rt%04d", len(text)%10000),
		"elements": []any{map[string]any{"type": "rich_text_section", "elements": els}},
	}}
}

func (s *Server) clientMsgIDLocked() string {
	s.seq++
	return fmt.Sprintf("c11e0000-0000-4000-8000-%012x", s.seq)
}

func (e AppMentionEvent) eventJSON(s *Server, apply bool) (map[string]any, error) {
	if e.Channel == "" {
		return nil, errors.New("AppMentionEvent needs a Channel")
	}
	text := e.Text
	if mention := "<@" + botUserID + ">"; !strings.Contains(text, mention) {
		text = strings.TrimSpace(mention + " " + text)
	}
	ts := e.TS
	if ts == "" {
		ts = s.nextTSLocked()
	}
	m := map[string]any{
		"client_msg_id": s.clientMsgIDLocked(),
		"type":          "app_mention",
		"text":          text,
		"user":          e.User,
		"ts":            ts,
		"blocks":        richText(text),
		"team":          teamID,
		"channel":       e.Channel,
		"event_ts":      ts,
	}
	if e.ThreadTS != "" {
		m["thread_ts"] = e.ThreadTS
	}
	if apply {
		cs := s.channelForEventLocked(e.Channel)
		cs.messages = append(cs.messages, &Message{TS: ts, User: e.User, Text: text, ThreadTS: e.ThreadTS})
	}
	return m, nil
}

func (e MessageEvent) eventJSON(s *Server, apply bool) (map[string]any, error) {
	var cs *channelState
	switch {
	case e.Channel == "" && e.User == "":
		return nil, errors.New("MessageEvent needs a Channel or a User")
	case e.Channel == "":
		cs = s.dmLocked(e.User)
	case apply:
		cs = s.channelForEventLocked(e.Channel)
	default:
		cs = s.channels[e.Channel]
	}
	channel, chType := e.Channel, e.ChannelType
	if cs != nil {
		channel = cs.ID
		if chType == "" {
			chType = cs.channelType()
		}
	}
	if chType == "" {
		switch {
		case strings.HasPrefix(channel, "D"):
			chType = "im"
		case strings.HasPrefix(channel, "G"):
			chType = "group"
		default:
			chType = "channel"
		}
	}
	ts := e.TS
	if ts == "" {
		ts = s.nextTSLocked()
	}
	m := map[string]any{
		"type":         "message",
		"text":         e.Text,
		"ts":           ts,
		"team":         teamID,
		"channel":      channel,
		"event_ts":     ts,
		"channel_type": chType,
	}
	if e.User != "" {
		m["user"] = e.User
	}
	if e.BotID == "" && e.Subtype == "" {
		m["client_msg_id"] = s.clientMsgIDLocked()
		m["blocks"] = richText(e.Text)
	}
	if e.BotID != "" {
		m["bot_id"] = e.BotID
	}
	if e.Subtype != "" {
		m["subtype"] = e.Subtype
	}
	if e.ThreadTS != "" {
		m["thread_ts"] = e.ThreadTS
	}
	if apply && cs != nil && e.Subtype == "" {
		cs.messages = append(cs.messages, &Message{TS: ts, User: e.User, BotID: e.BotID, Text: e.Text, ThreadTS: e.ThreadTS})
	}
	return m, nil
}

func (e MemberJoinedChannelEvent) eventJSON(s *Server, apply bool) (map[string]any, error) {
	if e.Channel == "" || e.User == "" {
		return nil, errors.New("MemberJoinedChannelEvent needs a User and a Channel")
	}
	chType := "C"
	if cs := s.channels[e.Channel]; (cs != nil && cs.IsPrivate) || strings.HasPrefix(e.Channel, "G") {
		chType = "G"
	}
	ts := s.nextTSLocked()
	m := map[string]any{
		"type":         "member_joined_channel",
		"user":         e.User,
		"channel":      e.Channel,
		"channel_type": chType,
		"team":         teamID,
		"event_ts":     ts,
	}
	if e.Inviter != "" {
		m["inviter"] = e.Inviter
	}
	if apply {
		s.channelForEventLocked(e.Channel).addMember(e.User)
	}
	return m, nil
}

func (e TeamJoinEvent) eventJSON(s *Server, apply bool) (map[string]any, error) {
	if e.User.ID == "" {
		return nil, errors.New("TeamJoinEvent needs a User.ID")
	}
	if apply {
		s.addUserLocked(e.User)
	}
	return map[string]any{
		"type":     "team_join",
		"user":     userJSON(e.User, true),
		"cache_ts": time.Now().Unix(),
		"event_ts": s.nextTSLocked(),
	}, nil
}

func (e RawEvent) eventJSON(*Server, bool) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(e, &m); err != nil {
		return nil, fmt.Errorf("RawEvent: %w", err)
	}
	if _, ok := m["type"].(string); !ok {
		return nil, errors.New(`RawEvent needs a "type"`)
	}
	return m, nil
}

// callbackLocked wraps an inner event in an event_callback payload.
func (s *Server) callbackLocked(inner map[string]any) map[string]any {
	s.seq++
	now := time.Now().Unix()
	return map[string]any{
		"token":                 verificationToken,
		"team_id":               teamID,
		"context_team_id":       teamID,
		"context_enterprise_id": nil,
		"api_app_id":            appID,
		"event":                 inner,
		"type":                  "event_callback",
		"event_id":              fmt.Sprintf("Ev%08X", s.seq),
		"event_time":            now,
		"authorizations": []any{map[string]any{
			"enterprise_id":         nil,
			"team_id":               teamID,
			"user_id":               botUserID,
			"is_bot":                true,
			"is_enterprise_install": false,
		}},
		"is_ext_shared_channel": false,
		"event_context":         fmt.Sprintf("4-eyJldCI6ImZha2UiLCJpZCI6%08X", s.seq),
	}
}

// EventPayload returns the event_callback payload SendEvent would send for
// ev, without sending it or applying its effects (only a MessageEvent
// without Channel registers the user's DM channel).
func (s *Server) EventPayload(ev Event) (json.RawMessage, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inner, err := ev.eventJSON(s, false)
	if err != nil {
		return nil, err
	}
	return json.Marshal(s.callbackLocked(inner))
}

// SendEvent sends ev in an events_api envelope and returns the envelope ID.
// Message events (app_mention, message) are added to the channel's history
// (unknown channels are created), member_joined_channel adds the member,
// team_join adds the user. An invalid event fails the test.
func (s *Server) SendEvent(ev Event) string {
	s.mu.Lock()
	inner, err := ev.eventJSON(s, true)
	if err != nil {
		s.mu.Unlock()
		s.tb.Errorf("slackfake: SendEvent: %v", err)
		return ""
	}
	payload, _ := json.Marshal(s.callbackLocked(inner))
	id := s.queueLocked(EnvelopeEventsAPI, payload, false)
	s.mu.Unlock()
	s.kick()
	return id
}

// SlashCommand is a slash command invocation.
type SlashCommand struct {
	Command     string // e.g. "/passion"
	Text        string
	UserID      string
	UserName    string // defaults to the user's Name
	ChannelID   string // defaults to the bot's DM with the user
	ChannelName string // defaults to the channel's name ("directmessage" for DMs)
	ResponseURL string // generated (and served by the fake) when empty
	TriggerID   string // generated when empty
}

func (s *Server) triggerIDLocked() string {
	s.seq++
	return fmt.Sprintf("%d.%d.%032x", time.Now().Unix(), 100000001, s.seq)
}

func (s *Server) channelNameLocked(id string) string {
	cs := s.channels[id]
	switch {
	case cs == nil:
		return strings.ToLower(id)
	case cs.isIM:
		return "directmessage"
	default:
		return cs.Name
	}
}

func (s *Server) slashPayloadLocked(cmd SlashCommand) map[string]any {
	if cmd.ChannelID == "" {
		cmd.ChannelID = s.dmLocked(cmd.UserID).ID
	}
	if cmd.UserName == "" {
		cmd.UserName = s.users[cmd.UserID].Name
	}
	if cmd.ChannelName == "" {
		cmd.ChannelName = s.channelNameLocked(cmd.ChannelID)
	}
	if cmd.ResponseURL == "" {
		cmd.ResponseURL = s.newHookLocked("commands", cmd.ChannelID, cmd.UserID, "")
	}
	if cmd.TriggerID == "" {
		cmd.TriggerID = s.triggerIDLocked()
	}
	// Socket Mode sends every field as a string, is_enterprise_install too.
	return map[string]any{
		"token":                 verificationToken,
		"team_id":               teamID,
		"team_domain":           teamDomain,
		"channel_id":            cmd.ChannelID,
		"channel_name":          cmd.ChannelName,
		"user_id":               cmd.UserID,
		"user_name":             cmd.UserName,
		"command":               cmd.Command,
		"text":                  cmd.Text,
		"api_app_id":            appID,
		"is_enterprise_install": "false",
		"response_url":          cmd.ResponseURL,
		"trigger_id":            cmd.TriggerID,
	}
}

// SlashCommandPayload returns the payload SendSlashCommand would send for
// cmd, without sending it. A generated response URL is live.
func (s *Server) SlashCommandPayload(cmd SlashCommand) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, _ := json.Marshal(s.slashPayloadLocked(cmd))
	return data
}

// SendSlashCommand sends cmd in a slash_commands envelope (with
// accepts_response_payload true) and returns the envelope ID.
func (s *Server) SendSlashCommand(cmd SlashCommand) string {
	s.mu.Lock()
	payload, _ := json.Marshal(s.slashPayloadLocked(cmd))
	id := s.queueLocked(EnvelopeSlashCommands, payload, true)
	s.mu.Unlock()
	s.kick()
	return id
}

// BlockAction is a click on an interactive element (block_actions).
type BlockAction struct {
	UserID    string
	ChannelID string
	// MessageTS is the ts of the message holding the element. When it is
	// one of the channel's messages, its text and blocks are included and
	// BlockID, Text and Value default to the element's.
	MessageTS string
	ThreadTS  string
	Ephemeral bool // the element was in an ephemeral message (no message object is sent)
	ActionID  string
	BlockID   string
	Value     string
	Text      string // the element's label
	Type      string // element type; default "button"
	// ResponseURL and TriggerID are generated when empty.
	ResponseURL string
	TriggerID   string
}

// findElement looks an element up by action_id in a message's blocks.
func findElement(blocks json.RawMessage, actionID string) (blockID, text, value string, found bool) {
	var bs []map[string]any
	if json.Unmarshal(blocks, &bs) != nil {
		return "", "", "", false
	}
	for _, b := range bs {
		els, _ := b["elements"].([]any)
		if acc, ok := b["accessory"]; ok {
			els = append(els, acc)
		}
		for _, el := range els {
			obj, _ := el.(map[string]any)
			if obj == nil || obj["action_id"] != actionID {
				continue
			}
			blockID, _ = b["block_id"].(string)
			text, _ = textOf(obj["text"])
			value, _ = obj["value"].(string)
			return blockID, text, value, true
		}
	}
	return "", "", "", false
}

func (s *Server) blockActionPayloadLocked(a BlockAction) map[string]any {
	if a.Type == "" {
		a.Type = "button"
	}
	cs := s.channels[a.ChannelID]
	var msg *Message
	if cs != nil && a.MessageTS != "" && !a.Ephemeral {
		_, msg = cs.findMessage(a.MessageTS)
	}
	if msg != nil {
		if blockID, text, value, found := findElement(msg.Blocks, a.ActionID); found {
			if a.BlockID == "" {
				a.BlockID = blockID
			}
			if a.Text == "" {
				a.Text = text
			}
			if a.Value == "" {
				a.Value = value
			}
		}
		if a.ThreadTS == "" && msg.ThreadTS != "" && msg.ThreadTS != msg.TS {
			a.ThreadTS = msg.ThreadTS
		}
	}
	if a.BlockID == "" {
		s.seq++
		a.BlockID = fmt.Sprintf("b%05X", s.seq)
	}
	if a.ResponseURL == "" {
		a.ResponseURL = s.newHookLocked("actions", a.ChannelID, a.UserID, a.MessageTS)
	}
	if a.TriggerID == "" {
		a.TriggerID = s.triggerIDLocked()
	}
	actionTS := s.nextTSLocked()
	user := s.users[a.UserID]
	container := map[string]any{
		"type":         "message",
		"message_ts":   a.MessageTS,
		"channel_id":   a.ChannelID,
		"is_ephemeral": a.Ephemeral,
	}
	if a.ThreadTS != "" {
		container["thread_ts"] = a.ThreadTS
	}
	action := map[string]any{
		"action_id": a.ActionID,
		"block_id":  a.BlockID,
		"type":      a.Type,
		"action_ts": actionTS,
	}
	if a.Type == "button" {
		action["text"] = map[string]any{"type": "plain_text", "text": a.Text, "emoji": true}
	}
	if a.Value != "" {
		action["value"] = a.Value
	}
	p := map[string]any{
		"type": "block_actions",
		"user": map[string]any{
			"id":       a.UserID,
			"username": user.Name,
			"name":     user.Name,
			"team_id":  teamID,
		},
		"api_app_id":            appID,
		"token":                 verificationToken,
		"container":             container,
		"trigger_id":            a.TriggerID,
		"team":                  map[string]any{"id": teamID, "domain": teamDomain},
		"enterprise":            nil,
		"is_enterprise_install": false,
		"channel":               map[string]any{"id": a.ChannelID, "name": s.channelNameLocked(a.ChannelID)},
		"state":                 map[string]any{"values": map[string]any{}},
		"response_url":          a.ResponseURL,
		"actions":               []any{action},
	}
	if msg != nil {
		p["message"] = botMessageJSON(msg)
		if msg.BotID != botID {
			p["message"] = msg.json()
		}
	}
	return p
}

// BlockActionPayload returns the payload SendBlockAction would send for a,
// without sending it. A generated response URL is live.
func (s *Server) BlockActionPayload(a BlockAction) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, _ := json.Marshal(s.blockActionPayloadLocked(a))
	return data
}

// SendBlockAction sends a in an interactive envelope and returns the
// envelope ID.
func (s *Server) SendBlockAction(a BlockAction) string {
	s.mu.Lock()
	payload, _ := json.Marshal(s.blockActionPayloadLocked(a))
	id := s.queueLocked(EnvelopeInteractive, payload, false)
	s.mu.Unlock()
	s.kick()
	return id
}
