package discordfake

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

// session is a gateway session (session_id): it outlives connections, so a
// RESUME on a new connection gets the dispatches it missed.
type session struct {
	id       string
	seq      int64
	log      []logEntry
	conn     *gwConn
	invalid  bool
	intents  int
	compress bool
}

type logEntry struct {
	seq   int64
	frame []byte
}

// maxLog bounds the replay buffer of a session.
const maxLog = 10000

// gwConn is one websocket connection. Frames are queued under Server.mu and
// written in order by the connection's writer goroutine.
type gwConn struct {
	ws         *websocket.Conn
	sess       *session
	identified bool // IDENTIFY or RESUME accepted
	connected  bool // READY or RESUMED written
	retired    bool // the server closes it (Drop) or told it to go (op 7)
	compress   bool
	queue      []outItem
	wake       chan struct{}
	done       chan struct{}
}

type outItem struct {
	data   []byte
	binary bool   // zlib-compress the frame
	close  int    // > 0: send this close code, then close; < 0: close abruptly
	reason string // close reason
	after  func() // runs under Server.mu once written
}

// enqueue queues a frame for c; s.mu must be held.
func (c *gwConn) enqueue(it outItem) {
	c.queue = append(c.queue, it)
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	down := s.gatewayDown
	s.mu.Unlock()
	if down {
		http.Error(w, "upstream connect error", http.StatusBadGateway)
		return
	}
	if !websocket.IsWebSocketUpgrade(r) {
		http.Error(w, "discordfake: websocket upgrade expected", http.StatusBadRequest)
		return
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws, wake: make(chan struct{}, 1), done: make(chan struct{})}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.gwWG.Add(2)
	q := r.URL.Query()
	switch v, _ := strconv.Atoi(q.Get("v")); {
	case q.Get("v") != "" && (v < 6 || v > 10):
		c.enqueue(outItem{close: 4012, reason: "Invalid API version"})
	case q.Get("encoding") != "" && q.Get("encoding") != "json":
		c.enqueue(outItem{close: 4002, reason: "discordfake: only encoding=json is supported"})
	case q.Get("compress") != "":
		c.enqueue(outItem{close: 4000, reason: "discordfake: transport compression is not supported"})
	default:
		c.enqueue(outItem{data: mustJSON(map[string]any{
			"op": 10, "s": nil, "t": nil,
			"d": map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()},
		})})
	}
	s.mu.Unlock()
	go s.writer(c)
	defer s.gwWG.Done()
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			s.connEnded(c, err)
			return
		}
		var p struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(data, &p) != nil || p.Op == nil {
			s.closeConn(c, 4002, "Error while decoding payload.")
			continue
		}
		s.handleOp(c, *p.Op, p.D)
	}
}

func (s *Server) writer(c *gwConn) {
	defer s.gwWG.Done()
	for {
		s.mu.Lock()
		items := c.queue
		c.queue = nil
		s.mu.Unlock()
		for _, it := range items {
			if it.close != 0 {
				if it.close > 0 {
					msg := websocket.FormatCloseMessage(it.close, it.reason)
					_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
				}
				_ = c.ws.Close()
				return
			}
			typ, data := websocket.TextMessage, it.data
			if it.binary {
				var b bytes.Buffer
				z := zlib.NewWriter(&b)
				_, _ = z.Write(data)
				_ = z.Close()
				typ, data = websocket.BinaryMessage, b.Bytes()
			}
			_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
			if err := c.ws.WriteMessage(typ, data); err != nil {
				_ = c.ws.Close()
				return
			}
			if it.after != nil {
				s.mu.Lock()
				it.after()
				s.notify()
				s.mu.Unlock()
			}
		}
		select {
		case <-c.wake:
		case <-c.done:
			return
		}
	}
}

// connEnded runs when the reader stops: the client closed or the socket
// broke. A client close with 1000/1001 ends the session, as on Discord;
// anything else leaves it resumable.
func (s *Server) connEnded(c *gwConn, err error) {
	s.mu.Lock()
	delete(s.conns, c)
	if sess := c.sess; sess != nil && sess.conn == c {
		sess.conn = nil
		var ce *websocket.CloseError
		if !c.retired && errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
			sess.invalid = true
		}
	}
	c.connected, c.retired = false, true
	close(c.done)
	s.notify()
	s.mu.Unlock()
	_ = c.ws.Close()
}

// closeConn closes c with a close code; the session stays resumable unless
// the caller invalidates it.
func (s *Server) closeConn(c *gwConn, code int, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.retire(c)
	c.enqueue(outItem{close: code, reason: reason})
}

// retire stops routing dispatches to c; s.mu must be held.
func (s *Server) retire(c *gwConn) {
	c.retired, c.connected = true, false
	if c.sess != nil && c.sess.conn == c {
		c.sess.conn = nil
	}
	s.notify()
}

func (s *Server) handleOp(c *gwConn, op int, d json.RawMessage) {
	s.mu.Lock()
	identified := c.identified
	s.mu.Unlock()
	switch op {
	case 1:
		s.mu.Lock()
		s.heartbeats++
		c.enqueue(outItem{data: []byte(`{"op":11,"d":null,"s":null,"t":null}`)})
		s.notify()
		s.mu.Unlock()
	case 2:
		s.identify(c, d)
	case 6:
		s.resume(c, d)
	case 3, 4, 8:
		if !identified {
			s.closeConn(c, 4003, "Not authenticated.")
			return
		}
		switch op {
		case 3:
			s.mu.Lock()
			s.presences = append(s.presences, slices.Clone(d))
			s.notify()
			s.mu.Unlock()
		case 8:
			s.requestMembers(c, d)
		}
	default:
		s.closeConn(c, 4001, "Unknown opcode.")
	}
}

func (s *Server) identify(c *gwConn, d json.RawMessage) {
	var p struct {
		Token          string            `json:"token"`
		Intents        *int              `json:"intents"`
		Properties     map[string]string `json:"properties"`
		Compress       bool              `json:"compress"`
		LargeThreshold int               `json:"large_threshold"`
		Shard          *[2]int           `json:"shard"`
	}
	if err := json.Unmarshal(d, &p); err != nil {
		s.closeConn(c, 4002, "Error while decoding payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	props := map[string]string{}
	for k, v := range p.Properties {
		props[strings.TrimPrefix(k, "$")] = v
	}
	rec := Identify{Token: p.Token, Properties: props, Compress: p.Compress,
		LargeThreshold: p.LargeThreshold, Shard: p.Shard, Raw: slices.Clone(d), Time: time.Now()}
	if p.Intents != nil {
		rec.Intents = *p.Intents
	}
	s.identifies = append(s.identifies, rec)
	s.notify()
	fail := func(code int, reason string) {
		s.retire(c)
		c.enqueue(outItem{close: code, reason: reason})
	}
	switch {
	case c.identified:
		fail(4005, "Already authenticated.")
		return
	case strings.TrimPrefix(p.Token, "Bot ") != s.cfg.token:
		fail(4004, "Authentication failed.")
		return
	case p.Intents == nil || *p.Intents < 0 || *p.Intents >= 1<<26:
		fail(4013, "Invalid intent(s).")
		return
	case *p.Intents&IntentsPrivileged&^s.cfg.privileged != 0:
		fail(4014, "Disallowed intent(s).")
		return
	}
	sess := &session{id: randomHex(16), intents: *p.Intents, compress: p.Compress && s.cfg.compress}
	s.sessions[sess.id] = sess
	sess.conn, c.sess, c.identified, c.compress = c, sess, true, sess.compress
	stubs := make([]any, 0, len(s.guildOrder))
	for _, id := range s.guildOrder {
		stubs = append(stubs, map[string]any{"id": id, "unavailable": true})
	}
	ready := map[string]any{
		"v":                       10,
		"user":                    userJSON(s.botUser()),
		"guilds":                  stubs,
		"session_id":              sess.id,
		"session_type":            "normal",
		"resume_gateway_url":      s.wsURL,
		"application":             map[string]any{"id": s.cfg.appID, "flags": 0},
		"private_channels":        []any{},
		"presences":               []any{},
		"relationships":           []any{},
		"guild_join_requests":     []any{},
		"geo_ordered_rtc_regions": []any{},
		"user_settings":           map[string]any{},
	}
	if p.Shard != nil {
		ready["shard"] = p.Shard
	}
	s.dispatchTo(sess, "READY", ready, func() { c.connected = !c.retired })
	if sess.intents&IntentGuilds != 0 {
		for _, id := range s.guildOrder {
			s.dispatchTo(sess, "GUILD_CREATE", s.guildJSON(s.guilds[id], sess.intents), nil)
		}
	}
}

func (s *Server) resume(c *gwConn, d json.RawMessage) {
	var p struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &p); err != nil {
		s.closeConn(c, 4002, "Error while decoding payload.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.identified {
		s.retire(c)
		c.enqueue(outItem{close: 4005, reason: "Already authenticated."})
		return
	}
	if strings.TrimPrefix(p.Token, "Bot ") != s.cfg.token {
		s.retire(c)
		c.enqueue(outItem{close: 4004, reason: "Authentication failed."})
		return
	}
	sess := s.sessions[p.SessionID]
	if sess == nil || sess.invalid || p.Seq > sess.seq || (len(sess.log) > 0 && p.Seq < sess.log[0].seq-1) {
		// Invalid session, not resumable: the client must IDENTIFY.
		c.enqueue(outItem{data: []byte(`{"op":9,"d":false,"s":null,"t":null}`)})
		return
	}
	if old := sess.conn; old != nil && old != c {
		s.retire(old)
		old.enqueue(outItem{close: -1})
	}
	sess.conn, c.sess, c.identified, c.compress = c, sess, true, sess.compress
	for _, e := range sess.log {
		if e.seq > p.Seq {
			c.enqueue(outItem{data: e.frame, binary: c.compress})
		}
	}
	s.resumes++
	s.dispatchTo(sess, "RESUMED", map[string]any{}, func() { c.connected = !c.retired })
}

func (s *Server) requestMembers(c *gwConn, d json.RawMessage) {
	var p struct {
		GuildID json.RawMessage `json:"guild_id"`
		Query   *string         `json:"query"`
		Limit   int             `json:"limit"`
		UserIDs []string        `json:"user_ids"`
		Nonce   string          `json:"nonce"`
	}
	if err := json.Unmarshal(d, &p); err != nil {
		s.closeConn(c, 4002, "Error while decoding payload.")
		return
	}
	var gids []string
	if json.Unmarshal(p.GuildID, &gids) != nil {
		var one string
		_ = json.Unmarshal(p.GuildID, &one)
		gids = []string{one}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.sess == nil {
		return
	}
	for _, gid := range gids {
		g := s.guilds[gid]
		if g == nil {
			continue
		}
		members := []any{}
		for _, uid := range g.memberOrder {
			m := g.members[uid]
			switch {
			case p.UserIDs != nil:
				if !slices.Contains(p.UserIDs, uid) {
					continue
				}
			case p.Query != nil && *p.Query != "":
				q := strings.ToLower(*p.Query)
				if !strings.HasPrefix(strings.ToLower(m.User.Username), q) && !strings.HasPrefix(strings.ToLower(m.Nick), q) {
					continue
				}
			}
			if p.Limit > 0 && len(members) >= p.Limit {
				break
			}
			members = append(members, memberJSON(m, true))
		}
		s.dispatchTo(c.sess, "GUILD_MEMBERS_CHUNK", map[string]any{
			"guild_id": gid, "members": members, "chunk_index": 0, "chunk_count": 1,
			"not_found": []any{}, "nonce": p.Nonce,
		}, nil)
	}
}

// dispatchTo sends an op 0 dispatch in the session (queued for its
// connection and kept for resumes); s.mu must be held.
func (s *Server) dispatchTo(sess *session, t string, d any, after func()) {
	if s.cfg.mistype && (t == "MESSAGE_CREATE" || t == "MESSAGE_UPDATE" || t == "INTERACTION_CREATE") {
		d = mistyped(d)
	}
	sess.seq++
	frame := mustJSON(map[string]any{"op": 0, "s": sess.seq, "t": t, "d": d})
	sess.log = append(sess.log, logEntry{seq: sess.seq, frame: frame})
	if len(sess.log) > maxLog {
		sess.log = slices.Delete(sess.log, 0, len(sess.log)-maxLog)
	}
	if c := sess.conn; c != nil && !c.retired {
		c.enqueue(outItem{data: frame, binary: c.compress, after: after})
	}
	s.notify()
}

// broadcast dispatches to every live session whose intents include need;
// build may return nil to skip a session. s.mu must be held. It reports how
// many sessions got the event.
func (s *Server) broadcast(t string, need int, build func(*session) any) int {
	n := 0
	for _, sess := range s.sessions {
		if sess.invalid || sess.intents&need != need {
			continue
		}
		if d := build(sess); d != nil {
			s.dispatchTo(sess, t, d, nil)
			n++
		}
	}
	return n
}

// liveSessions counts sessions that can still receive dispatches; s.mu must
// be held.
func (s *Server) liveSessions() int {
	n := 0
	for _, sess := range s.sessions {
		if !sess.invalid {
			n++
		}
	}
	return n
}

// Drop disconnects every gateway connection from the server side (see
// DropMode). discordgo reconnects by itself and resumes; use WaitConnected
// and Resumes to follow it.
func (s *Server) Drop(mode DropMode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		if c.retired {
			continue
		}
		n++
		sess := c.sess
		s.retire(c)
		switch mode {
		case DropAbrupt:
			c.enqueue(outItem{close: -1})
		case DropResumable:
			c.enqueue(outItem{close: 4000, reason: "Unknown error."})
		case DropInvalidSession:
			if sess != nil {
				sess.invalid = true
			}
			c.enqueue(outItem{close: 4009, reason: "Session timed out."})
		}
	}
	if n == 0 {
		s.tb.Errorf("discordfake: Drop: no gateway connection")
	}
}

// SetGatewayDown makes the gateway refuse new connections (HTTP 502, as
// during a Discord outage) until it is set back up. Connections already
// open stay; Drop them to start the outage.
func (s *Server) SetGatewayDown(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gatewayDown = down
}

// Reconnect sends op 7 RECONNECT on every connected gateway connection;
// discordgo closes with 1012 and resumes on a new connection. It only
// targets connections that got READY/RESUMED: op 7 while discordgo is still
// inside Open deadlocks it (bwmarrin/discordgo#513).
func (s *Server) Reconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		if c.connected && !c.retired {
			s.retire(c)
			c.enqueue(outItem{data: []byte(`{"op":7,"d":null,"s":null,"t":null}`)})
			n++
		}
	}
	if n == 0 {
		s.tb.Errorf("discordfake: Reconnect: no connected gateway connection")
	}
}

// InvalidateSession sends op 9 INVALID SESSION (d: false) on every
// connected connection and forgets the sessions; discordgo answers with a
// new IDENTIFY on the same connection.
func (s *Server) InvalidateSession() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if !c.connected || c.retired {
			continue
		}
		if c.sess != nil {
			c.sess.invalid = true
			c.sess.conn = nil
		}
		c.sess, c.identified, c.connected = nil, false, false
		c.enqueue(outItem{data: []byte(`{"op":9,"d":false,"s":null,"t":null}`)})
	}
	s.notify()
}

// Dispatch sends a raw dispatch (op 0) of event type t with data d to every
// live session, regardless of intents.
func (s *Server) Dispatch(t string, d any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustReach(t, s.broadcast(t, 0, func(*session) any { return d }))
}

// mustReach reports a dispatch helper that reached no session; s.mu must be
// held.
func (s *Server) mustReach(t string, n int) {
	switch {
	case n > 0 || s.liveSessions() > 0:
	case len(s.sessions) == 0:
		s.tb.Errorf("discordfake: %s dispatched before any IDENTIFY; open the discordgo session first", t)
	default:
		s.tb.Logf("discordfake: %s lost: no live gateway session (invalidated, not yet re-identified)", t)
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("discordfake: " + err.Error())
	}
	return b
}
