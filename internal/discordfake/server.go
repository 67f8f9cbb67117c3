// Package discordfake is a loopback fake of Discord's gateway (websocket)
// and REST API for tests. An unmodified discordgo Session works against it
// when its http.Client rewrites https://discord.com/... to Server.URL():
// discordgo asks GET /api/v9/gateway for the websocket URL and then dials
// the fake's gateway.
//
// The fake keeps Discord's observable behaviour where a bot can trip over
// it: HELLO/IDENTIFY/READY/GUILD_CREATE, heartbeats, RESUME with replay of
// missed dispatches, op 7 and op 9, close codes 4004/4014; intents filter
// events and the Message Content intent blanks guild message content that
// does not mention the bot; the bot's own messages come back as
// MESSAGE_CREATE; REST validation answers with Discord's error JSON
// (50035 Invalid Form Body, 50006, 50034, 40060, 10062, ...); interactions
// must be answered within three seconds; rate-limit headers and 429 bodies
// are the real ones.
//
// Everything is recorded and readable through thread-safe accessors; Wait
// and the Wait* helpers block on conditions instead of sleeping.
//
// Typical use:
//
//	fake := discordfake.New(t)
//	g := fake.AddGuild(discordfake.Guild{Channels: []discordfake.Channel{{Name: "general"}}})
//	s, _ := discordgo.New("Bot " + fake.Token())
//	s.Client = &http.Client{Transport: rewriteTo(fake.URL())} // https://discord.com -> fake
//	t.Cleanup(func() { s.Close() }) // after New: runs before the fake closes
//	s.Open()
//	fake.SendMessage(discordfake.MessageCreate{ChannelID: g.Channels[0].ID, Author: fake.NewUser("kim"), Content: "hej"})
//	msgs, err := fake.WaitMessages(ctx, g.Channels[0].ID, 1)
//
// discordgo's Session.Close sleeps one second, and so does each of its
// reconnects. A test that drops the connection must wait for the reconnect
// (WaitConnected) before it ends: discordgo's reconnect loop does not stop
// on Close and would outlive the fake.
package discordfake

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Option configures a Server.
type Option func(*config)

type config struct {
	token, botID, botName, appID string
	heartbeat                    time.Duration
	deadline                     time.Duration
	privileged                   int
	compress, echo               bool
	mistype                      bool
	globalPerSecond              int
}

// WithMistypedFields makes the fake answer as a Discord-compatible server
// that types some fields its own way: in messages (REST answers and
// MESSAGE_CREATE/UPDATE) and interactions, every user's public_flags is a
// string, and every object with an id carries an unknown field; edits of
// an interaction's answer with null embeds or components are refused
// ("must be array"). A 2xx is still a delivered message.
func WithMistypedFields() Option { return func(c *config) { c.mistype = true } }

// WithGlobalRateLimit makes the fake enforce Discord's global rate limit:
// at most perSecond REST requests in each one-second window, with a global
// 429 (retry_after until the window ends) beyond that. Off by default.
func WithGlobalRateLimit(perSecond int) Option {
	return func(c *config) { c.globalPerSecond = perSecond }
}

// WithToken sets the bot token (default "discordfake-token"). REST calls
// must send "Authorization: Bot <token>"; IDENTIFY must carry it.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithBot sets the bot user's ID and username.
func WithBot(id, username string) Option {
	return func(c *config) { c.botID, c.botName = id, username }
}

// WithAppID sets the application ID (default: the bot's user ID, as for
// every application created since 2021).
func WithAppID(id string) Option { return func(c *config) { c.appID = id } }

// WithHeartbeatInterval sets the heartbeat_interval sent in HELLO (default
// 45 s, Discord's usual 41.25-45 s).
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithInteractionDeadline sets how long after dispatch an interaction can be
// answered (default 3 s, as on Discord: later callbacks get 404 code 10062
// "Unknown interaction"). 0 disables the check.
func WithInteractionDeadline(d time.Duration) Option {
	return func(c *config) { c.deadline = d }
}

// WithPrivilegedIntents sets which privileged intents (IntentGuildMembers,
// IntentGuildPresences, IntentMessageContent) the application has enabled
// in the developer portal; an IDENTIFY asking for others is closed with
// 4014 "Disallowed intent(s)". Default: all of them.
func WithPrivilegedIntents(mask int) Option {
	return func(c *config) { c.privileged = mask & IntentsPrivileged }
}

// WithCompression turns zlib payload compression on or off (default on):
// when the IDENTIFY says "compress": true, dispatches are sent as
// zlib-compressed binary frames, as Discord does.
func WithCompression(on bool) Option { return func(c *config) { c.compress = on } }

// WithEcho turns off (or on, the default) echoing the bot's own REST
// messages back as MESSAGE_CREATE/UPDATE/DELETE dispatches, as Discord does.
func WithEcho(on bool) Option { return func(c *config) { c.echo = on } }

// Server is the fake. Create it with New; all methods are safe for
// concurrent use.
type Server struct {
	tb    testing.TB
	cfg   config
	hs    *httptest.Server
	wsURL string
	mux   *http.ServeMux
	ids   idGen
	gwWG  sync.WaitGroup

	globalMu     sync.Mutex
	globalWindow time.Time // start of the current one-second window
	globalCount  int

	mu           sync.Mutex
	changed      chan struct{}
	closed       bool
	gatewayDown  bool
	users        map[string]User
	guilds       map[string]*guildState
	guildOrder   []string
	channels     map[string]*Channel
	dms          map[string]string // user ID -> DM channel ID
	messages     map[string]*Message
	sent         map[string][]string // channel ID -> IDs of messages the bot POSTed
	deletions    map[string][]string // channel ID -> deleted message IDs
	interactions map[string]*interactionState
	commands     map[string][]*Command // guild ID ("" = global) -> commands
	commandPuts  int
	events       map[string]*ScheduledEvent
	eventOrder   []string
	requests     []Request
	hooks        []*hook
	identifies   []Identify
	resumes      int
	heartbeats   int
	presences    []json.RawMessage
	sessions     map[string]*session
	conns        map[*gwConn]struct{}
}

type guildState struct {
	id, name, ownerID, locale string
	roles                     []Role
	members                   map[string]*Member
	memberOrder               []string
	channelOrder              []string
	bans                      []Ban
}

type interactionState struct {
	id, token, guildID, channelID, messageID string
	typ                                      int
	user                                     User
	at                                       time.Time
	acked                                    bool
	responses                                []InteractionResponse
	originalID                               string
	followups                                []string
}

type hook struct {
	method, pattern string
	n               int
	status          int
	body            string
	retryAfter      time.Duration
	rateLimit       bool
}

// New starts a fake Discord on a loopback port. tb.Cleanup closes the
// gateway connections and the HTTP server and waits for every goroutine the
// fake started. Register your discordgo Session's Close with tb.Cleanup
// after calling New, so the session closes first.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	cfg := config{
		token:      "discordfake-token",
		botID:      "1190000000000000001",
		botName:    "fakebot",
		heartbeat:  45 * time.Second,
		deadline:   3 * time.Second,
		privileged: IntentsPrivileged,
		compress:   true,
		echo:       true,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.appID == "" {
		cfg.appID = cfg.botID
	}
	s := &Server{
		tb:           tb,
		cfg:          cfg,
		changed:      make(chan struct{}),
		users:        map[string]User{},
		guilds:       map[string]*guildState{},
		channels:     map[string]*Channel{},
		dms:          map[string]string{},
		messages:     map[string]*Message{},
		sent:         map[string][]string{},
		deletions:    map[string][]string{},
		interactions: map[string]*interactionState{},
		commands:     map[string][]*Command{},
		events:       map[string]*ScheduledEvent{},
		sessions:     map[string]*session{},
		conns:        map[*gwConn]struct{}{},
	}
	s.users[cfg.botID] = s.botUser()
	s.mux = http.NewServeMux()
	s.routes()
	s.hs = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.wsURL = "ws" + strings.TrimPrefix(s.hs.URL, "http") + "/gateway"
	tb.Cleanup(s.close)
	return s
}

func (s *Server) close() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close()
	}
	s.gwWG.Wait()
	s.hs.Close()
}

// URL is the fake's base URL, http://127.0.0.1:PORT. Point requests for
// https://discord.com there (the path, /api/v9/..., stays the same).
func (s *Server) URL() string { return s.hs.URL }

// GatewayURL is the websocket URL returned by GET /api/v9/gateway.
func (s *Server) GatewayURL() string { return s.wsURL }

// Token is the bot token, without the "Bot " prefix.
func (s *Server) Token() string { return s.cfg.token }

// BotID is the bot's user ID.
func (s *Server) BotID() string { return s.cfg.botID }

// AppID is the application ID.
func (s *Server) AppID() string { return s.cfg.appID }

// Bot is the bot user.
func (s *Server) Bot() User { return s.botUser() }

func (s *Server) botUser() User {
	return User{ID: s.cfg.botID, Username: s.cfg.botName, Bot: true}
}

// NewID returns a fresh snowflake ID.
func (s *Server) NewID() string { return s.ids.next() }

// NewUser registers a user with a fresh ID.
func (s *Server) NewUser(username string) User {
	u := User{ID: s.ids.next(), Username: username}
	s.mu.Lock()
	s.users[u.ID] = u
	s.mu.Unlock()
	return u
}

// notify wakes Wait; s.mu must be held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait blocks until cond returns true or ctx ends. cond is evaluated now and
// after every change of the fake's state (requests, gateway traffic); it may
// call the Server's accessors.
func (s *Server) Wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// ---- REST plumbing ----

// call is one REST request being served.
type call struct {
	w       http.ResponseWriter
	r       *http.Request
	body    []byte
	files   []Attachment
	route   string
	pattern string
}

type callKey struct{}

var versionPrefix = regexp.MustCompile(`^/api(/v[0-9]+)?/`)

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway" || r.URL.Path == "/gateway/" {
		s.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	rec := &recorder{ResponseWriter: w}
	c := &call{w: rec, r: r, body: body}
	req := Request{
		Method:   r.Method,
		Path:     r.URL.Path,
		RawQuery: r.URL.RawQuery,
		Header:   r.Header.Clone(),
		Time:     time.Now(),
	}
	defer func() {
		req.Status, req.Response, req.Body = rec.status, rec.buf.Bytes(), c.body
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.notify()
		s.mu.Unlock()
	}()
	loc := versionPrefix.FindString(r.URL.Path)
	if loc == "" {
		s.notFound(c)
		return
	}
	c.route = "/" + strings.TrimPrefix(r.URL.Path, loc)
	req.Route = c.route
	if mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && mt == "multipart/form-data" {
		if err := c.parseMultipart(params["boundary"]); err != nil {
			s.writeError(c, 400, 50035, "Invalid Form Body", nil)
			return
		}
	}
	r2 := r.Clone(context.WithValue(r.Context(), callKey{}, c))
	r2.URL.Path = c.route
	r2.URL.RawPath = ""
	_, c.pattern = s.mux.Handler(r2)
	if c.pattern == "" || c.pattern == "/" {
		s.notFound(c)
		return
	}
	if !s.authorized(c) {
		s.writeJSON(c, 401, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	if wait, limited := s.globalLimited(); limited {
		h := c.w.Header()
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
		h.Set("Retry-After", strconv.FormatFloat(math.Ceil(wait.Seconds()), 'f', 0, 64))
		s.writeJSON(c, 429, map[string]any{"message": "You are being rate limited.", "retry_after": wait.Seconds(), "global": true, "code": 0})
		return
	}
	if s.hooked(c) {
		return
	}
	s.mux.ServeHTTP(rec, r2)
}

func (c *call) parseMultipart(boundary string) error {
	mr := multipart.NewReader(bytes.NewReader(c.body), boundary)
	var payload []byte
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return err
		}
		if p.FormName() == "payload_json" {
			payload = data
			continue
		}
		c.files = append(c.files, Attachment{
			ID:          strconv.Itoa(len(c.files)),
			Filename:    p.FileName(),
			ContentType: p.Header.Get("Content-Type"),
			Size:        len(data),
			Data:        data,
		})
	}
	c.body = payload
	return nil
}

// authorized checks "Authorization: Bot <token>". GET /gateway needs no
// token, and interaction callbacks and webhook-token routes authenticate
// with the token in the URL; they accept a request without the header.
func (s *Server) authorized(c *call) bool {
	auth := c.r.Header.Get("Authorization")
	if auth == "" && (c.route == "/gateway" || strings.HasPrefix(c.route, "/webhooks/") || strings.HasPrefix(c.route, "/interactions/")) {
		return true
	}
	return auth == "Bot "+s.cfg.token
}

// hooked applies a RateLimit or FailNext hook to the request.
func (s *Server) hooked(c *call) bool {
	s.mu.Lock()
	var h *hook
	for i, x := range s.hooks {
		if x.matches(c.r.Method, c.route, c.r.URL.Path) {
			h = x
			x.n--
			if x.n <= 0 {
				s.hooks = slices.Delete(s.hooks, i, i+1)
			}
			break
		}
	}
	s.mu.Unlock()
	if h == nil {
		return false
	}
	if h.rateLimit {
		secs := h.retryAfter.Seconds()
		hd := c.w.Header()
		s.rateHeaders(c, 0, secs)
		hd.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
		hd.Set("X-RateLimit-Scope", "user")
		s.writeJSON(c, 429, map[string]any{"message": "You are being rate limited.", "retry_after": secs, "global": false})
		return true
	}
	s.rateHeaders(c, 4, 1)
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(h.status)
	_, _ = io.WriteString(c.w, h.body)
	return true
}

func (h *hook) matches(method, route, full string) bool {
	if h.method != "" && h.method != "*" && !strings.EqualFold(h.method, method) {
		return false
	}
	p := route
	if strings.HasPrefix(h.pattern, "/api/") {
		p = full
	}
	ok, err := path.Match(h.pattern, p)
	return err == nil && ok
}

// RateLimit makes the next n requests matching method and pathPattern answer
// 429 with Discord's headers and body ({"message": "You are being rate
// limited.", "retry_after": seconds, "global": false}). method "" matches
// any method; pathPattern is a path.Match pattern over the route without the
// /api/vN prefix ("/channels/*/messages"), or over the full path when it
// starts with /api/.
func (s *Server) RateLimit(method, pathPattern string, n int, retryAfter time.Duration) {
	s.addHook(&hook{method: method, pattern: pathPattern, n: n, retryAfter: retryAfter, rateLimit: true})
}

// FailNext makes the next request matching method and pathPattern (as for
// RateLimit) answer status with body, e.g. 500, or 403
// {"message": "Missing Permissions", "code": 50013}.
func (s *Server) FailNext(method, pathPattern string, status int, body string) {
	s.addHook(&hook{method: method, pattern: pathPattern, n: 1, status: status, body: body})
}

func (s *Server) addHook(h *hook) {
	if _, err := path.Match(h.pattern, ""); err != nil {
		s.tb.Errorf("discordfake: bad path pattern %q: %v", h.pattern, err)
		return
	}
	if h.n <= 0 {
		return
	}
	s.mu.Lock()
	s.hooks = append(s.hooks, h)
	s.mu.Unlock()
}

// rateHeaders sets Discord's per-route rate-limit headers. The fake never
// limits on its own; use RateLimit for 429s.
func (s *Server) rateHeaders(c *call, remaining int, resetAfter float64) {
	h := c.w.Header()
	sum := sha256.Sum256([]byte(c.pattern + " " + majorParam(c.route)))
	reset := float64(time.Now().UnixMilli())/1000 + resetAfter
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(resetAfter, 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", hex.EncodeToString(sum[:8]))
}

// majorParam is the channel, guild or webhook ID that splits buckets.
func majorParam(route string) string {
	parts := strings.Split(strings.Trim(route, "/"), "/")
	for i, p := range parts {
		if (p == "channels" || p == "guilds" || p == "webhooks") && i+1 < len(parts) {
			return parts[i+1]
		}
	}
	return ""
}

func (s *Server) notFound(c *call) {
	s.tb.Logf("discordfake: no route for %s %s", c.r.Method, c.r.URL.Path)
	s.writeJSON(c, 404, map[string]any{"message": "404: Not Found", "code": 0})
}

func (s *Server) writeJSON(c *call, status int, v any) {
	if c.w.Header().Get("X-RateLimit-Bucket") == "" {
		s.rateHeaders(c, 4, 1)
	}
	if status == http.StatusNoContent {
		c.w.WriteHeader(status)
		return
	}
	if s.cfg.mistype && (strings.Contains(c.r.URL.Path, "/messages") || strings.Contains(c.r.URL.Path, "/webhooks/")) {
		v = mistyped(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		s.tb.Errorf("discordfake: encoding response: %v", err)
		status, b = 500, []byte(`{"message": "500: Internal Server Error", "code": 0}`)
	}
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(status)
	_, _ = c.w.Write(b)
}

// writeError writes Discord's JSON error; errs are the nested "errors" of a
// 50035 Invalid Form Body.
func (s *Server) writeError(c *call, status, code int, msg string, errs formErrors) {
	v := map[string]any{"message": msg, "code": code}
	if len(errs) > 0 {
		v["errors"] = errs
	}
	s.writeJSON(c, status, v)
}

func (s *Server) writeAPIError(c *call, e *apiError) {
	s.writeError(c, e.status, e.code, e.msg, e.errs)
}

type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	r.buf.Write(b)
	return r.ResponseWriter.Write(b)
}

// ---- accessors ----

// Requests returns every REST request so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Identifies returns the IDENTIFY payloads received, including rejected ones.
func (s *Server) Identifies() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.identifies)
}

// Resumes is the number of accepted RESUMEs.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Heartbeats is the number of heartbeats (op 1) received.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// PresenceUpdates returns the "d" of every presence update (op 3) received.
func (s *Server) PresenceUpdates() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.presences)
}

// WaitIdentify waits for an IDENTIFY and returns the latest one.
func (s *Server) WaitIdentify(ctx context.Context) (Identify, error) {
	var id Identify
	err := s.Wait(ctx, func() bool {
		ids := s.Identifies()
		if len(ids) == 0 {
			return false
		}
		id = ids[len(ids)-1]
		return true
	})
	if err != nil {
		return id, fmt.Errorf("discordfake: no IDENTIFY: %w", err)
	}
	return id, nil
}

// Connected reports whether a gateway connection has been sent READY or
// RESUMED and is not being dropped.
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if c.connected && !c.retired {
			return true
		}
	}
	return false
}

// WaitConnected waits until Connected. After Drop or Reconnect it waits
// for the new connection's READY or RESUMED.
func (s *Server) WaitConnected(ctx context.Context) error {
	if err := s.Wait(ctx, s.Connected); err != nil {
		return fmt.Errorf("discordfake: gateway not connected: %w", err)
	}
	return nil
}

// Messages returns the messages the bot posted to the channel with POST
// /channels/{id}/messages, oldest first, including later edits and deletion
// marks. Interaction responses and follow-ups are in Original and Followups.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, 0, len(s.sent[channelID]))
	for _, id := range s.sent[channelID] {
		out = append(out, s.messages[id].clone())
	}
	return out
}

// WaitMessages waits until the bot has posted at least n messages to the
// channel and returns them all.
func (s *Server) WaitMessages(ctx context.Context, channelID string, n int) ([]Message, error) {
	var ms []Message
	err := s.Wait(ctx, func() bool {
		ms = s.Messages(channelID)
		return len(ms) >= n
	})
	if err != nil {
		return ms, fmt.Errorf("discordfake: waiting for %d messages in channel %s, have %d: %w", n, channelID, len(ms), err)
	}
	return ms, nil
}

// Message returns any message known to the fake by ID.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return Message{}, false
	}
	return m.clone(), true
}

// Deletions returns the IDs of messages deleted in the channel (single and
// bulk deletes), in order.
func (s *Server) Deletions(channelID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.deletions[channelID])
}

// InteractionResponses returns the accepted callbacks for the interaction
// (normally one; rejected second responses are only in Requests).
func (s *Server) InteractionResponses(interactionID string) []InteractionResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	if is := s.interactions[interactionID]; is != nil {
		return slices.Clone(is.responses)
	}
	return nil
}

// WaitInteractionResponse waits for the interaction's first accepted
// callback.
func (s *Server) WaitInteractionResponse(ctx context.Context, interactionID string) (InteractionResponse, error) {
	var r InteractionResponse
	err := s.Wait(ctx, func() bool {
		rs := s.InteractionResponses(interactionID)
		if len(rs) == 0 {
			return false
		}
		r = rs[0]
		return true
	})
	if err != nil {
		return r, fmt.Errorf("discordfake: no response to interaction %s: %w", interactionID, err)
	}
	return r, nil
}

// Original returns the interaction's original response message as it is
// now: the reply of a type 4 response, or the deferred message of a type 5
// after PATCH .../messages/@original edits.
func (s *Server) Original(interactionID string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.interactions[interactionID]
	if is == nil || is.originalID == "" {
		return Message{}, false
	}
	m, ok := s.messages[is.originalID]
	if !ok {
		return Message{}, false
	}
	return m.clone(), true
}

// Followups returns the follow-up messages of the interaction (POST
// /webhooks/{app}/{token}), oldest first.
func (s *Server) Followups(interactionID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.interactions[interactionID]
	if is == nil {
		return nil
	}
	out := make([]Message, 0, len(is.followups))
	for _, id := range is.followups {
		out = append(out, s.messages[id].clone())
	}
	return out
}

// Commands returns the stored application commands of a guild, or the
// global ones for guildID "".
func (s *Server) Commands(guildID string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Command, 0, len(s.commands[guildID]))
	for _, c := range s.commands[guildID] {
		out = append(out, *c)
	}
	return out
}

// CommandPuts counts accepted bulk overwrites (PUT .../commands), global
// and guild.
func (s *Server) CommandPuts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commandPuts
}

// ScheduledEvents returns the guild's scheduled events, oldest first
// (deleted ones are gone).
func (s *Server) ScheduledEvents(guildID string) []ScheduledEvent {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []ScheduledEvent
	for _, id := range s.eventOrder {
		if e := s.events[id]; e != nil && e.GuildID == guildID {
			out = append(out, *e)
		}
	}
	return out
}

// Channel returns a channel (guild or DM) by ID.
func (s *Server) Channel(id string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[id]
	if !ok {
		return Channel{}, false
	}
	return c.clone(), true
}

// Channels returns the guild's channels in creation order.
func (s *Server) Channels(guildID string) []Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guilds[guildID]
	if g == nil {
		return nil
	}
	out := make([]Channel, 0, len(g.channelOrder))
	for _, id := range g.channelOrder {
		out = append(out, s.channels[id].clone())
	}
	return out
}

// DMChannel returns the DM channel between the bot and the user, if one was
// opened (POST /users/@me/channels or a DM sent with SendMessage).
func (s *Server) DMChannel(userID string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.dms[userID]
	if !ok {
		return Channel{}, false
	}
	return s.channels[id].clone(), true
}

// Member returns a guild member.
func (s *Server) Member(guildID, userID string) (Member, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guilds[guildID]
	if g == nil || g.members[userID] == nil {
		return Member{}, false
	}
	return g.members[userID].clone(), true
}

// Roles returns the guild's roles, @everyone first.
func (s *Server) Roles(guildID string) []Role {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.guilds[guildID]; g != nil {
		return slices.Clone(g.roles)
	}
	return nil
}

// Bans returns the bans made through the API in the guild.
func (s *Server) Bans(guildID string) []Ban {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.guilds[guildID]; g != nil {
		return slices.Clone(g.bans)
	}
	return nil
}

// Permissions returns the user's permissions in the channel, computed as
// Discord does from the guild's roles and the channel's overwrites.
func (s *Server) Permissions(guildID, userID, channelID string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guilds[guildID]
	if g == nil {
		return 0
	}
	return s.permissions(g, userID, channelID)
}

func (m *Message) clone() Message {
	c := *m
	c.MessageData = m.MessageData.clone()
	c.Mentions = slices.Clone(m.Mentions)
	c.MentionRoles = slices.Clone(m.MentionRoles)
	c.Reactions = slices.Clone(m.Reactions)
	if m.EditedTimestamp != nil {
		t := *m.EditedTimestamp
		c.EditedTimestamp = &t
	}
	return c
}

func (d MessageData) clone() MessageData {
	c := d
	c.Embeds = slices.Clone(d.Embeds)
	c.Components = slices.Clone(d.Components)
	c.StickerIDs = slices.Clone(d.StickerIDs)
	c.Attachments = slices.Clone(d.Attachments)
	if d.AllowedMentions != nil {
		am := *d.AllowedMentions
		c.AllowedMentions = &am
	}
	if d.MessageReference != nil {
		mr := *d.MessageReference
		c.MessageReference = &mr
	}
	return c
}

func (c *Channel) clone() Channel {
	x := *c
	x.PermissionOverwrites = slices.Clone(c.PermissionOverwrites)
	x.Recipients = slices.Clone(c.Recipients)
	return x
}

func (m *Member) clone() Member {
	x := *m
	x.Roles = slices.Clone(m.Roles)
	if m.CommunicationDisabledUntil != nil {
		t := *m.CommunicationDisabledUntil
		x.CommunicationDisabledUntil = &t
	}
	return x
}

// globalLimited counts a request against the global limit and says how
// long to wait when it is over.
func (s *Server) globalLimited() (time.Duration, bool) {
	if s.cfg.globalPerSecond <= 0 {
		return 0, false
	}
	s.globalMu.Lock()
	defer s.globalMu.Unlock()
	now := time.Now()
	if now.Sub(s.globalWindow) >= time.Second {
		s.globalWindow, s.globalCount = now, 0
	}
	if s.globalCount >= s.cfg.globalPerSecond {
		return s.globalWindow.Add(time.Second).Sub(now), true
	}
	s.globalCount++
	return 0, false
}
