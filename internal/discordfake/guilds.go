package discordfake

import (
	"slices"
	"time"
)

// AddGuild adds a guild the bot is in and returns it with the IDs filled
// in: the guild, channel and role IDs when empty, the @everyone role (ID =
// guild ID, PermDefaultEveryone) when missing, and the bot's member with a
// managed role granting PermAdministrator unless Members already has the bot.
// OwnerID defaults to the first non-bot member. Before the bot connects the
// guild comes in READY/GUILD_CREATE; after, a GUILD_CREATE is dispatched
// (the bot joined a guild).
func (s *Server) AddGuild(g Guild) Guild {
	if g.ID == "" {
		g.ID = s.ids.next()
	}
	if g.Name == "" {
		g.Name = "Guild " + g.ID
	}
	if g.PreferredLocale == "" {
		g.PreferredLocale = "en-US"
	}
	if !slices.ContainsFunc(g.Roles, func(r Role) bool { return r.ID == g.ID }) {
		g.Roles = append([]Role{{ID: g.ID, Name: "@everyone", Permissions: PermDefaultEveryone}}, g.Roles...)
	}
	for i := range g.Roles {
		if g.Roles[i].ID == "" {
			g.Roles[i].ID = s.ids.next()
		}
		if g.Roles[i].ID != g.ID && g.Roles[i].Position == 0 {
			g.Roles[i].Position = i
		}
	}
	if !slices.ContainsFunc(g.Members, func(m Member) bool { return m.User.ID == s.cfg.botID }) {
		role := Role{ID: s.ids.next(), Name: s.cfg.botName, Permissions: PermAdministrator, Managed: true, Position: len(g.Roles)}
		g.Roles = append(g.Roles, role)
		g.Members = append(g.Members, Member{User: s.botUser(), Roles: []string{role.ID}})
	}
	now := time.Now()
	for i := range g.Members {
		if g.Members[i].JoinedAt.IsZero() {
			g.Members[i].JoinedAt = now
		}
		if g.OwnerID == "" && g.Members[i].User.ID != s.cfg.botID {
			g.OwnerID = g.Members[i].User.ID
		}
	}
	for i := range g.Channels {
		c := &g.Channels[i]
		if c.ID == "" {
			c.ID = s.ids.next()
		}
		c.GuildID = g.ID
		if c.Name == "" {
			c.Name = "channel-" + c.ID
		}
		if c.Position == 0 {
			c.Position = i
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	gs := &guildState{id: g.ID, name: g.Name, ownerID: g.OwnerID, locale: g.PreferredLocale,
		roles: slices.Clone(g.Roles), members: map[string]*Member{}}
	for _, m := range g.Members {
		m := m.clone()
		gs.members[m.User.ID] = &m
		gs.memberOrder = append(gs.memberOrder, m.User.ID)
		s.users[m.User.ID] = m.User
	}
	for _, c := range g.Channels {
		c := c.clone()
		s.channels[c.ID] = &c
		gs.channelOrder = append(gs.channelOrder, c.ID)
	}
	if _, ok := s.guilds[g.ID]; !ok {
		s.guildOrder = append(s.guildOrder, g.ID)
	}
	s.guilds[g.ID] = gs
	s.broadcast("GUILD_CREATE", IntentGuilds, func(sess *session) any { return s.guildJSON(gs, sess.intents) })
	return g
}

// AddChannel adds a channel to a guild already added (a staff channel with
// permission overwrites, say) and dispatches CHANNEL_CREATE, as when
// somebody creates it in the Discord client. It returns the channel with
// its ID, guild and name filled in.
func (s *Server) AddChannel(guildID string, c Channel) Channel {
	if c.ID == "" {
		c.ID = s.ids.next()
	}
	if c.Name == "" {
		c.Name = "channel-" + c.ID
	}
	c.GuildID = guildID
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guilds[guildID]
	if g == nil {
		s.tb.Errorf("discordfake: unknown guild %s", guildID)
		return c
	}
	ch := c.clone()
	s.channels[ch.ID] = &ch
	g.channelOrder = append(g.channelOrder, ch.ID)
	s.channelEvent("CHANNEL_CREATE", &ch)
	return c
}

// AddMember adds (or replaces) a guild member without dispatching anything;
// see SendMemberAdd for a join.
func (s *Server) AddMember(guildID string, m Member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addMember(guildID, m)
}

// addMember stores m; s.mu must be held.
func (s *Server) addMember(guildID string, m Member) *Member {
	g := s.guilds[guildID]
	if g == nil {
		s.tb.Errorf("discordfake: unknown guild %s", guildID)
		return nil
	}
	if m.JoinedAt.IsZero() {
		m.JoinedAt = time.Now()
	}
	m = m.clone()
	if g.members[m.User.ID] == nil {
		g.memberOrder = append(g.memberOrder, m.User.ID)
	}
	g.members[m.User.ID] = &m
	s.users[m.User.ID] = m.User
	return &m
}

// member returns the member, adding a role-less one for unknown users (a
// user who talks in a guild is in it); s.mu must be held.
func (s *Server) member(g *guildState, u User) *Member {
	if m := g.members[u.ID]; m != nil {
		return m
	}
	return s.addMember(g.id, Member{User: u})
}

// permissions computes a member's permissions in a channel the way Discord
// does: owner and administrators get everything; otherwise @everyone plus
// the member's roles, then the channel's @everyone, role and member
// overwrites. s.mu must be held.
func (s *Server) permissions(g *guildState, userID, channelID string) int64 {
	var roles []string
	if m := g.members[userID]; m != nil {
		roles = m.Roles
	}
	return s.permissionsWith(g, userID, roles, channelID)
}

// permissionsWith computes permissions for a user with the given roles;
// s.mu must be held.
func (s *Server) permissionsWith(g *guildState, userID string, roles []string, channelID string) int64 {
	if userID == g.ownerID {
		return PermAll
	}
	var perms int64
	for _, r := range g.roles {
		if r.ID == g.id || slices.Contains(roles, r.ID) {
			perms |= r.Permissions
		}
	}
	if perms&PermAdministrator != 0 {
		return PermAll
	}
	c := s.channels[channelID]
	if c == nil {
		return perms
	}
	var allow, deny int64
	for _, o := range c.PermissionOverwrites {
		if o.ID == g.id {
			perms = perms&^o.Deny | o.Allow
		} else if o.Type == 0 && slices.Contains(roles, o.ID) {
			allow |= o.Allow
			deny |= o.Deny
		}
	}
	perms = perms&^deny | allow
	for _, o := range c.PermissionOverwrites {
		if o.Type == 1 && o.ID == userID {
			perms = perms&^o.Deny | o.Allow
		}
	}
	return perms
}

// dmChannel returns (creating) the DM channel with the user; s.mu must be
// held.
func (s *Server) dmChannel(u User) *Channel {
	if id, ok := s.dms[u.ID]; ok {
		return s.channels[id]
	}
	c := &Channel{ID: s.ids.next(), Type: ChannelDM, Recipients: []User{u}}
	s.channels[c.ID] = c
	s.dms[u.ID] = c.ID
	if _, ok := s.users[u.ID]; !ok {
		s.users[u.ID] = u
	}
	return c
}
