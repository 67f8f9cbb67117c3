package slackfake

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// User is a member of the fake workspace, as returned by users.info.
type User struct {
	ID             string
	Name           string // handle, e.g. "alice"
	RealName       string
	Email          string
	IsAdmin        bool
	IsOwner        bool
	IsPrimaryOwner bool
	IsRestricted   bool
	IsBot          bool
	Deleted        bool
	// Locale is returned by users.info only with include_locale=true (which
	// slack-go sends by default); empty means "en-US".
	Locale string
	// TZ is an IANA zone name; empty means "America/Los_Angeles".
	TZ string
}

// Channel is a conversation of the fake workspace.
type Channel struct {
	// ID is generated (C... public, G... private) when empty.
	ID         string
	Name       string
	IsPrivate  bool
	IsArchived bool
	Topic      string
	Purpose    string
	// Members, when non-nil, turns membership checks on: the bot must be a
	// member to post or read history (not_in_channel) and the target of an
	// ephemeral message must be a member (user_not_in_channel). nil means
	// everybody, the bot included, is a member.
	Members []string
}

// Message is a message in a channel's history (conversations.history).
type Message struct {
	TS       string // generated when empty
	User     string
	BotID    string // set on the bot's own messages
	Text     string
	Blocks   json.RawMessage
	ThreadTS string
	Subtype  string
}

type channelState struct {
	Channel
	pins         map[string]bool // pinned message timestamps
	isIM         bool
	isMPIM       bool
	peer         string // the other user of an IM
	created      int64
	creator      string
	checkMembers bool
	topicSetBy   string
	messages     []*Message
}

type usergroupState struct {
	id      string
	handle  string
	name    string
	members []string
}

// AddUser adds u to the workspace, or replaces the user with the same ID.
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addUserLocked(u)
	s.notifyLocked()
}

func (s *Server) addUserLocked(u User) {
	if _, ok := s.users[u.ID]; !ok {
		s.userOrder = append(s.userOrder, u.ID)
	}
	s.users[u.ID] = u
}

// AddChannel adds c to the workspace (or replaces the channel with the same
// ID) and returns its ID.
func (s *Server) AddChannel(c Channel) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.addChannelLocked(c)
	s.notifyLocked()
	return cs.ID
}

func (s *Server) addChannelLocked(c Channel) *channelState {
	if c.ID == "" {
		prefix := "C"
		if c.IsPrivate {
			prefix = "G"
		}
		c.ID = s.nextIDLocked(prefix)
	}
	if c.Name == "" {
		c.Name = strings.ToLower(c.ID)
	}
	cs := &channelState{
		Channel:      c,
		created:      time.Now().Unix(),
		creator:      botUserID,
		checkMembers: c.Members != nil,
	}
	cs.Members = slices.Clone(c.Members)
	if old, ok := s.channels[c.ID]; ok {
		cs.messages = old.messages
	} else {
		s.channelOrder = append(s.channelOrder, c.ID)
	}
	s.channels[c.ID] = cs
	return cs
}

// AddUsergroup adds a user group (usergroups.list) with the given handle
// and members and returns its ID (S...).
func (s *Server) AddUsergroup(handle string, members ...string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &usergroupState{
		id:      s.nextIDLocked("S"),
		handle:  handle,
		name:    handle,
		members: slices.Clone(members),
	}
	s.usergroups = append(s.usergroups, g)
	s.notifyLocked()
	return g.id
}

// AddMessage appends m to a channel's history, as if a person had posted
// it, and returns its ts. The channel is created if unknown.
func (s *Server) AddMessage(channel string, m Message) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.channelForEventLocked(channel)
	if m.TS == "" {
		m.TS = s.nextTSLocked()
	}
	cs.messages = append(cs.messages, &m)
	s.notifyLocked()
	return m.TS
}

// History returns a channel's messages, oldest first, thread replies
// included, as they are now (after chat.update and chat.delete).
func (s *Server) History(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.channels[channel]
	if cs == nil {
		return nil
	}
	out := make([]Message, 0, len(cs.messages))
	for _, m := range cs.messages {
		c := *m
		c.Blocks = slices.Clone(m.Blocks)
		out = append(out, c)
	}
	return out
}

// Channel returns the current state of a channel (after renames, archiving,
// topic changes and invitations). Members lists every known member.
func (s *Server) Channel(id string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.channels[id]
	if cs == nil {
		return Channel{}, false
	}
	c := cs.Channel
	c.Members = slices.Clone(cs.Members)
	return c, true
}

// DMChannel returns the ID of the bot's direct-message channel with user,
// creating it if needed (the ID conversations.open returns).
func (s *Server) DMChannel(user string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.dmLocked(user).ID
	s.notifyLocked()
	return id
}

func (s *Server) dmLocked(user string) *channelState {
	if id, ok := s.dms[user]; ok {
		return s.channels[id]
	}
	id := s.nextIDLocked("D")
	cs := &channelState{
		Channel: Channel{ID: id, Name: id, IsPrivate: true},
		isIM:    true,
		peer:    user,
		created: time.Now().Unix(),
		creator: botUserID,
	}
	cs.Members = []string{botUserID, user}
	s.channels[id] = cs
	s.channelOrder = append(s.channelOrder, id)
	s.dms[user] = id
	return cs
}

// channelForEventLocked returns the channel an incoming event happens in,
// registering unknown channel IDs so the bot can answer there.
func (s *Server) channelForEventLocked(id string) *channelState {
	if cs := s.channels[id]; cs != nil {
		return cs
	}
	return s.addChannelLocked(Channel{ID: id, IsPrivate: strings.HasPrefix(id, "G")})
}

// resolveChannelLocked finds the channel a chat.* call targets: an ID, a
// name (with or without '#'), or a user ID (the bot's DM with that user).
func (s *Server) resolveChannelLocked(ref string) *channelState {
	if ref == "" {
		return nil
	}
	if cs := s.channels[ref]; cs != nil {
		return cs
	}
	name := strings.TrimPrefix(ref, "#")
	for _, id := range s.channelOrder {
		if cs := s.channels[id]; !cs.isIM && !cs.isMPIM && cs.Name == name {
			return cs
		}
	}
	if _, ok := s.users[ref]; ok || strings.HasPrefix(ref, "U") || strings.HasPrefix(ref, "W") {
		return s.dmLocked(ref)
	}
	return nil
}

func (cs *channelState) isMember(user string) bool {
	if !cs.checkMembers && !cs.isIM && !cs.isMPIM {
		return true
	}
	return slices.Contains(cs.Members, user)
}

func (cs *channelState) addMember(user string) bool {
	if slices.Contains(cs.Members, user) {
		return false
	}
	cs.Members = append(cs.Members, user)
	return true
}

func (cs *channelState) findMessage(ts string) (int, *Message) {
	for i, m := range cs.messages {
		if m.TS == ts {
			return i, m
		}
	}
	return -1, nil
}

func (cs *channelState) channelType() string {
	switch {
	case cs.isIM:
		return "im"
	case cs.isMPIM:
		return "mpim"
	case cs.IsPrivate:
		return "group"
	default:
		return "channel"
	}
}

// json renders the channel as the Web API does.
func (cs *channelState) json(numMembers bool) map[string]any {
	if cs.isIM {
		return map[string]any{
			"id":              cs.ID,
			"created":         cs.created,
			"is_im":           true,
			"is_org_shared":   false,
			"user":            cs.peer,
			"is_user_deleted": false,
			"priority":        0,
		}
	}
	m := map[string]any{
		"id":                    cs.ID,
		"name":                  cs.Name,
		"name_normalized":       cs.Name,
		"is_channel":            !cs.IsPrivate && !cs.isMPIM,
		"is_group":              cs.IsPrivate && !cs.isMPIM,
		"is_im":                 false,
		"is_mpim":               cs.isMPIM,
		"is_private":            cs.IsPrivate || cs.isMPIM,
		"created":               cs.created,
		"creator":               cs.creator,
		"is_archived":           cs.IsArchived,
		"is_general":            false,
		"is_shared":             false,
		"is_ext_shared":         false,
		"is_org_shared":         false,
		"is_pending_ext_shared": false,
		"is_member":             cs.isMember(botUserID),
		"unlinked":              0,
		"context_team_id":       teamID,
		"topic":                 map[string]any{"value": cs.Topic, "creator": cs.topicSetBy, "last_set": 0},
		"purpose":               map[string]any{"value": cs.Purpose, "creator": "", "last_set": 0},
		"previous_names":        []string{},
	}
	if numMembers {
		m["num_members"] = len(cs.Members)
	}
	return m
}

func userJSON(u User, withLocale bool) map[string]any {
	tz := u.TZ
	if tz == "" {
		tz = "America/Los_Angeles"
	}
	offset := 0
	if loc, err := time.LoadLocation(tz); err == nil {
		_, offset = time.Now().In(loc).Zone()
	}
	realName := u.RealName
	if realName == "" {
		realName = u.Name
	}
	profile := map[string]any{
		"real_name":               realName,
		"real_name_normalized":    realName,
		"display_name":            u.Name,
		"display_name_normalized": u.Name,
		"team":                    teamID,
		"status_text":             "",
		"status_emoji":            "",
		"avatar_hash":             "g0000000000f",
		"image_72":                "https://secure.gravatar.com/avatar/fake.jpg",
	}
	if u.Email != "" {
		profile["email"] = u.Email
	}
	if u.IsBot {
		profile["bot_id"] = botID
		profile["api_app_id"] = appID
	}
	m := map[string]any{
		"id":                  u.ID,
		"team_id":             teamID,
		"name":                u.Name,
		"deleted":             u.Deleted,
		"color":               "9f69e7",
		"real_name":           realName,
		"tz":                  tz,
		"tz_label":            tz,
		"tz_offset":           offset,
		"profile":             profile,
		"is_admin":            u.IsAdmin,
		"is_owner":            u.IsOwner,
		"is_primary_owner":    u.IsPrimaryOwner,
		"is_restricted":       u.IsRestricted,
		"is_ultra_restricted": false,
		"is_bot":              u.IsBot,
		"is_app_user":         false,
		"updated":             time.Now().Unix(),
		"is_email_confirmed":  true,
	}
	if withLocale {
		locale := u.Locale
		if locale == "" {
			locale = "en-US"
		}
		m["locale"] = locale
	}
	return m
}

func (m *Message) json() map[string]any {
	out := map[string]any{
		"type": "message",
		"ts":   m.TS,
		"text": m.Text,
	}
	if m.User != "" {
		out["user"] = m.User
	}
	if m.BotID != "" {
		out["bot_id"] = m.BotID
		out["app_id"] = appID
	}
	if len(m.Blocks) > 0 {
		out["blocks"] = json.RawMessage(m.Blocks)
	}
	if m.ThreadTS != "" {
		out["thread_ts"] = m.ThreadTS
	}
	if m.Subtype != "" {
		out["subtype"] = m.Subtype
	}
	out["team"] = teamID
	return out
}

// Pinned reports whether the message at ts in channel is pinned.
func (s *Server) Pinned(channel, ts string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.channels[channel]
	return cs != nil && cs.pins[ts]
}
