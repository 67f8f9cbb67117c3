package discordfake

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// The REST API is one table: each route names its mux pattern, what its
// path must point at, and a handler that says only what is particular to
// it. dispatch does the rest, the same for every route: decode the body
// (before taking the lock, so a malformed body is answered first), take
// s.mu, resolve the route's needs (404 when missing), run the handler,
// encode the answer under the lock and write it after.
//
// The pattern strings are the rate-limit bucket keys (rateHeaders), so
// they stay as Discord's routes are written.
func restRoutes() []route {
	routes := []route{
		{"GET /gateway", needNothing, plain((*Server).getGateway)},
		{"GET /gateway/bot", needNothing, plain((*Server).getGateway)},

		{"GET /users/@me", needNothing, plain((*Server).getMe)},
		{"GET /users/{uid}", needNothing, plain((*Server).getUser)},
		{"POST /users/@me/channels", needNothing, decoded((*Server).createDM)},

		{"GET /channels/{cid}", needChannel, plain((*Server).getChannel)},
		{"PATCH /channels/{cid}", needNonDM, decoded((*Server).patchChannel)},
		{"DELETE /channels/{cid}", needChannel, plain((*Server).deleteChannel)},
		{"PUT /channels/{cid}/permissions/{oid}", needNonDM, decoded((*Server).putOverwrite)},
		{"DELETE /channels/{cid}/permissions/{oid}", needChannel, plain((*Server).deleteOverwrite)},
		{"POST /channels/{cid}/typing", needChannel, plain((*Server).typing)},
		{"GET /channels/{cid}/messages", needChannel, plain((*Server).listMessages)},
		{"POST /channels/{cid}/messages", needChannel, decoded((*Server).postMessage)},
		{"POST /channels/{cid}/messages/bulk-delete", needNonDM, decoded((*Server).bulkDelete)},
		{"GET /channels/{cid}/messages/{mid}", needMessage, plain((*Server).getMessage)},
		{"PATCH /channels/{cid}/messages/{mid}", needMessage, decoded((*Server).patchMessage)},
		{"DELETE /channels/{cid}/messages/{mid}", needMessage, plain((*Server).deleteMessage)},
		{"PUT /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", needMessage, plain((*Server).react)},
		{"DELETE /channels/{cid}/messages/{mid}/reactions/{emoji}/@me", needMessage, plain((*Server).react)},

		{"GET /guilds/{gid}", needGuild, plain((*Server).getGuild)},
		{"GET /guilds/{gid}/channels", needGuild, plain((*Server).getGuildChannels)},
		{"POST /guilds/{gid}/channels", needGuild, decoded((*Server).createChannel)},
		{"GET /guilds/{gid}/roles", needGuild, plain((*Server).getRoles)},
		{"GET /guilds/{gid}/members", needGuild, plain((*Server).listMembers)},
		{"GET /guilds/{gid}/members/{uid}", needMember, plain((*Server).getMember)},
		{"PATCH /guilds/{gid}/members/{uid}", needMember, decoded((*Server).patchMember)},
		{"DELETE /guilds/{gid}/members/{uid}", needMember, plain((*Server).kick)},
		{"PUT /guilds/{gid}/members/{uid}/roles/{rid}", needMember, plain((*Server).memberRole)},
		{"DELETE /guilds/{gid}/members/{uid}/roles/{rid}", needMember, plain((*Server).memberRole)},
		{"PUT /guilds/{gid}/bans/{uid}", needGuild, optional((*Server).ban)},
		{"GET /guilds/{gid}/scheduled-events", needGuild, plain((*Server).listEvents)},
		{"POST /guilds/{gid}/scheduled-events", needGuild, decoded((*Server).createEvent)},
		{"GET /guilds/{gid}/scheduled-events/{eid}", needEvent, plain((*Server).getEvent)},
		{"PATCH /guilds/{gid}/scheduled-events/{eid}", needEvent, decoded((*Server).patchEvent)},
		{"DELETE /guilds/{gid}/scheduled-events/{eid}", needEvent, plain((*Server).deleteEvent)},

		{"POST /interactions/{iid}/{token}/callback", needNothing, decoded((*Server).callback)},
		{"POST /webhooks/{wid}/{token}", needHook, decoded((*Server).followup)},
		{"GET /webhooks/{wid}/{token}/messages/{mid}", needHookMessage, plain((*Server).getHookMessage)},
		{"PATCH /webhooks/{wid}/{token}/messages/{mid}", needHookMessage, decoded((*Server).patchHookMessage)},
		{"DELETE /webhooks/{wid}/{token}/messages/{mid}", needHookMessage, plain((*Server).deleteHookMessage)},
	}
	// Global and guild application commands behave alike.
	for _, p := range []string{"/applications/{app}/commands", "/applications/{app}/guilds/{gid}/commands"} {
		routes = append(routes,
			route{"GET " + p, needApp, plain((*Server).listCommands)},
			route{"PUT " + p, needApp, decoded((*Server).putCommands)},
			route{"POST " + p, needApp, decoded((*Server).createCommand)},
			route{"GET " + p + "/{cmd}", needApp, plain((*Server).getCommand)},
			route{"DELETE " + p + "/{cmd}", needApp, plain((*Server).deleteCommand)},
		)
	}
	return routes
}

// route is one REST endpoint.
type route struct {
	pattern string // "METHOD /path/{param}", as net/http.ServeMux reads it
	needs   needs  // what the path must point at before the handler runs
	handler handler
}

// needs says which objects a route's path names; dispatch looks them up
// under s.mu and answers Discord's 404 (or 403, 400) when one is missing.
// Each need includes the ones its path starts with.
type needs int

const (
	needNothing     needs = iota
	needChannel           // {cid}: x.ch, x.g (nil for a DM); Unknown Channel
	needNonDM             // needChannel, and not a DM; Cannot execute action on a DM channel
	needMessage           // needChannel and a live {mid} in it: x.msg; Unknown Message
	needGuild             // {gid}: x.g; Unknown Guild
	needMember            // needGuild and its member {uid}: x.member; Unknown Member
	needEvent             // needGuild and its scheduled event {eid}: x.ev; Unknown Guild Scheduled Event
	needApp               // {app} is ours and {gid}, when present, a guild: x.gid; Missing Access
	needHook              // {wid}/{token} of an acknowledged interaction: x.is; Unknown Webhook
	needHookMessage       // needHook and {mid}, @original or a follow-up: x.msg; Unknown Message
)

// req is what a handler gets: the call and what the route's needs found.
type req struct {
	c      *call
	now    time.Time // when the request was decoded, before waiting for s.mu
	ch     *Channel
	g      *guildState
	msg    *Message
	member *Member
	ev     *ScheduledEvent
	gid    string // the guild of an application-commands route, "" for global
	is     *interactionState
}

func (x *req) path(name string) string { return x.c.r.PathValue(name) }

// handler decodes a route's body (decode is nil when it has none) and
// runs it under s.mu, answering (status, value to encode, error).
type handler struct {
	decode func(c *call) (any, *apiError)
	run    func(s *Server, x *req, body any) (int, any, *apiError)
}

// plain is a handler for a route without a body.
func plain(f func(*Server, *req) (int, any, *apiError)) handler {
	return handler{run: func(s *Server, x *req, _ any) (int, any, *apiError) { return f(s, x) }}
}

// decoded is a handler for a route whose JSON body is required; a body
// that is not JSON of type B answers Invalid JSON.
func decoded[B any](f func(*Server, *req, *B) (int, any, *apiError)) handler {
	return handler{
		decode: func(c *call) (any, *apiError) {
			b := new(B)
			if err := json.Unmarshal(c.body, b); err != nil {
				return nil, errInvalidJSON
			}
			return b, nil
		},
		run: func(s *Server, x *req, b any) (int, any, *apiError) { return f(s, x, b.(*B)) },
	}
}

// optional is decoded for a body that may be empty.
func optional[B any](f func(*Server, *req, *B) (int, any, *apiError)) handler {
	h := decoded(f)
	decode := h.decode
	h.decode = func(c *call) (any, *apiError) {
		if len(strings.TrimSpace(string(c.body))) == 0 {
			return new(B), nil
		}
		return decode(c)
	}
	return h
}

func (s *Server) routes() {
	for _, rt := range restRoutes() {
		s.mux.HandleFunc(rt.pattern, func(_ http.ResponseWriter, r *http.Request) {
			c := r.Context().Value(callKey{}).(*call)
			c.r = r
			s.dispatch(c, rt)
		})
	}
}

// dispatch serves one call of rt.
func (s *Server) dispatch(c *call, rt route) {
	var body any
	if rt.handler.decode != nil {
		var e *apiError
		if body, e = rt.handler.decode(c); e != nil {
			s.writeAPIError(c, e)
			return
		}
	}
	x := &req{c: c, now: time.Now()}
	s.mu.Lock()
	status, v, e := 0, any(nil), s.resolve(x, rt.needs)
	if e == nil {
		status, v, e = rt.handler.run(s, x, body)
	}
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

// resolve looks up what n needs into x; s.mu must be held.
func (s *Server) resolve(x *req, n needs) *apiError {
	switch n {
	case needChannel, needNonDM, needMessage:
		return s.resolveChannel(x, n)
	case needGuild, needMember, needEvent:
		return s.resolveGuild(x, n)
	case needApp:
		return s.resolveApp(x)
	case needHook, needHookMessage:
		return s.resolveHook(x, n)
	}
	return nil
}

func (s *Server) resolveChannel(x *req, n needs) *apiError {
	cid := x.path("cid")
	if x.ch = s.channels[cid]; x.ch == nil {
		return errUnknownChan
	}
	x.g = s.guilds[x.ch.GuildID]
	switch n {
	case needNonDM:
		if x.ch.Type == ChannelDM {
			return errDMChannel
		}
	case needMessage:
		m := s.messages[x.path("mid")]
		if m == nil || m.Deleted || m.ChannelID != cid {
			return errUnknownMsg
		}
		x.msg = m
	}
	return nil
}

func (s *Server) resolveGuild(x *req, n needs) *apiError {
	if x.g = s.guilds[x.path("gid")]; x.g == nil {
		return errUnknownGuild
	}
	switch n {
	case needMember:
		if x.member = x.g.members[x.path("uid")]; x.member == nil {
			return errUnknownMember
		}
	case needEvent:
		ev := s.events[x.path("eid")]
		if ev == nil || ev.GuildID != x.g.id {
			return errUnknownEvent
		}
		x.ev = ev
	}
	return nil
}

// ---- gateway, users ----

func (s *Server) getGateway(x *req) (int, any, *apiError) {
	v := map[string]any{"url": s.wsURL}
	if strings.HasSuffix(x.c.route, "/bot") {
		v["shards"] = 1
		v["session_start_limit"] = map[string]any{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1}
	}
	return 200, v, nil
}

func (s *Server) getMe(*req) (int, any, *apiError) {
	v := userJSON(s.botUser())
	v["verified"], v["mfa_enabled"], v["flags"] = true, false, 0
	return 200, v, nil
}

func (s *Server) getUser(x *req) (int, any, *apiError) {
	u, ok := s.users[x.path("uid")]
	if !ok {
		return 0, nil, errUnknownUser
	}
	return 200, userJSON(u), nil
}

type dmBody struct {
	RecipientID string `json:"recipient_id"`
}

func (s *Server) createDM(_ *req, b *dmBody) (int, any, *apiError) {
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
}
