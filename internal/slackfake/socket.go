package slackfake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Envelope types of Socket Mode.
const (
	EnvelopeEventsAPI     = "events_api"
	EnvelopeSlashCommands = "slash_commands"
	EnvelopeInteractive   = "interactive"
)

// ConnectionInfo describes one Socket Mode websocket connection.
type ConnectionInfo struct {
	ID             int    // 1 for the first connection, then 2, ...
	Origin         string // Origin header of the handshake (slack-go sends https://api.slack.com)
	Open           bool   // the websocket is still open on the fake's side
	DisconnectSent bool   // the fake sent a "disconnect" message on it
	Dropped        bool   // the fake dropped its TCP connection
	Pings          int    // websocket PINGs sent by the fake
	Pongs          int    // websocket PONGs received from the client
	ConnectedAt    time.Time
	ClosedAt       time.Time
}

// Delivery is one transmission of an envelope over a websocket.
type Delivery struct {
	Conn         int // ConnectionInfo.ID
	RetryAttempt int
	RetryReason  string
	At           time.Time
}

// Ack is an acknowledgement the client sent over the websocket.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage // the ack's payload; nil when absent
	Conn       int             // ConnectionInfo.ID
	Known      bool            // the fake had sent an envelope with that ID
	At         time.Time
}

type wsConn struct {
	ws  *websocket.Conn
	wmu sync.Mutex // serialises data frames (gorilla allows one writer)

	// Guarded by Server.mu.
	info   ConnectionInfo
	ready  bool // "hello" was sent
	broken bool // a write failed
	done   chan struct{}
}

// write sends one text frame.
func (c *wsConn) write(data []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	return c.ws.WriteMessage(websocket.TextMessage, data)
}

type envelope struct {
	id         string
	typ        string
	payload    json.RawMessage
	accepts    bool
	deliveries []Delivery
	acked      bool
	gaveUp     bool
}

// eligible reports whether envelopes may be sent on c.
func (c *wsConn) eligible() bool {
	return c.info.Open && c.ready && !c.info.DisconnectSent && !c.info.Dropped && !c.broken
}

// activeConnLocked returns the newest connection envelopes go to, or nil.
func (s *Server) activeConnLocked() *wsConn {
	for _, c := range slices.Backward(s.conns) {
		if c.eligible() {
			return c
		}
	}
	return nil
}

func (s *Server) handleSocket(w http.ResponseWriter, r *http.Request) {
	if !s.track() {
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	defer s.wg.Done()

	ticket := r.URL.Query().Get("ticket")
	s.mu.Lock()
	valid := s.tickets[ticket]
	delete(s.tickets, ticket)
	s.mu.Unlock()
	if !valid {
		http.Error(w, "invalid or already used ticket", http.StatusUnauthorized)
		return
	}
	// slack-go dials with "Origin: https://api.slack.com", which gorilla's
	// default same-origin check would refuse (403).
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered with an HTTP error
	}
	c := &wsConn{ws: ws, done: make(chan struct{})}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	c.info = ConnectionInfo{ID: len(s.conns) + 1, Origin: r.Header.Get("Origin"), Open: true, ConnectedAt: time.Now()}
	s.conns = append(s.conns, c)
	open := 0
	for _, o := range s.conns {
		if o.info.Open {
			open++
		}
	}
	s.mu.Unlock()
	defer s.closeConn(c)

	ws.SetPongHandler(func(string) error {
		s.mu.Lock()
		c.info.Pongs++
		s.notifyLocked()
		s.mu.Unlock()
		return nil
	})
	hello, _ := json.Marshal(map[string]any{
		"type":            "hello",
		"num_connections": open,
		"debug_info": map[string]any{
			"host":                        "applink-slackfake",
			"build_number":                1,
			"approximate_connection_time": 18060,
		},
		"connection_info": map[string]any{"app_id": appID},
	})
	if err := c.write(hello); err != nil {
		return
	}
	s.logf("conn %d: hello", c.info.ID)
	if s.cfg.pingInterval > 0 {
		if err := s.ping(c); err != nil {
			return
		}
		s.wg.Go(func() { s.pinger(c) })
	}
	s.mu.Lock()
	c.ready = true
	s.notifyLocked()
	s.mu.Unlock()
	s.kick()

	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			s.logf("conn %d: read: %v", c.info.ID, err)
			return
		}
		s.handleClientFrame(c, data)
	}
}

func (s *Server) closeConn(c *wsConn) {
	s.mu.Lock()
	c.info.Open = false
	c.info.ClosedAt = time.Now()
	s.notifyLocked()
	s.mu.Unlock()
	close(c.done)
	_ = c.ws.Close()
	s.kick()
}

func (s *Server) ping(c *wsConn) error {
	s.mu.Lock()
	c.info.Pings++
	n := c.info.Pings
	s.notifyLocked()
	s.mu.Unlock()
	return c.ws.WriteControl(websocket.PingMessage, fmt.Appendf(nil, "ping-%d", n), time.Now().Add(writeTimeout))
}

func (s *Server) pinger(c *wsConn) {
	t := time.NewTicker(s.cfg.pingInterval)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-s.ctx.Done():
			return
		case <-t.C:
			if s.ping(c) != nil {
				return
			}
		}
	}
}

func (s *Server) handleClientFrame(c *wsConn, data []byte) {
	var f struct {
		EnvelopeID string          `json:"envelope_id"`
		Payload    json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(data, &f); err != nil || f.EnvelopeID == "" {
		s.logf("conn %d: unexpected frame %s", c.info.ID, data)
		return
	}
	payload := f.Payload
	if bytes.Equal(bytes.TrimSpace(payload), []byte("null")) {
		payload = nil
	}
	s.mu.Lock()
	e := s.envByID[f.EnvelopeID]
	if e != nil {
		e.acked = true
	}
	s.acks = append(s.acks, Ack{
		EnvelopeID: f.EnvelopeID,
		Payload:    slices.Clone(payload),
		Conn:       c.info.ID,
		Known:      e != nil,
		At:         time.Now(),
	})
	s.notifyLocked()
	s.mu.Unlock()
	s.logf("conn %d: ack %s %s", c.info.ID, f.EnvelopeID, payload)
}

// SendEnvelope queues a Socket Mode envelope with an arbitrary type and
// payload and returns its envelope_id. It is sent on the newest healthy
// connection as soon as there is one, and redelivered until acked (see
// WithAckTimeout).
func (s *Server) SendEnvelope(typ string, payload json.RawMessage, acceptsResponsePayload bool) string {
	s.mu.Lock()
	id := s.queueLocked(typ, payload, acceptsResponsePayload)
	s.mu.Unlock()
	s.kick()
	return id
}

func (s *Server) queueLocked(typ string, payload json.RawMessage, accepts bool) string {
	s.seq++
	id := fmt.Sprintf("%08x-5eed-4fa4-8e00-%012x", s.seq, s.seq)
	e := &envelope{id: id, typ: typ, payload: slices.Clone(payload), accepts: accepts}
	s.envelopes = append(s.envelopes, e)
	s.envByID[id] = e
	s.notifyLocked()
	return id
}

// runScheduler delivers queued envelopes and redelivers un-acked ones.
func (s *Server) runScheduler() {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		wait := s.deliver()
		timer.Stop()
		if wait > 0 {
			timer.Reset(wait)
		}
		select {
		case <-s.ctx.Done():
			return
		case <-s.kickCh:
		case <-timer.C:
		}
	}
}

// deliver sends what is due and returns how long until the next redelivery
// is due (0: nothing pending on a timer).
func (s *Server) deliver() time.Duration {
	type send struct {
		e    *envelope
		c    *wsConn
		data []byte
	}
	var sends []send
	var wait time.Duration

	s.mu.Lock()
	now := time.Now()
	c := s.activeConnLocked()
	for _, e := range s.envelopes {
		if e.acked || e.gaveUp {
			continue
		}
		n := len(e.deliveries)
		reason := ""
		if n > 0 {
			if s.cfg.ackTimeout <= 0 {
				continue
			}
			if due := e.deliveries[n-1].At.Add(s.cfg.ackTimeout); now.Before(due) {
				if d := due.Sub(now); wait == 0 || d < wait {
					wait = d
				}
				continue
			}
			if n > s.cfg.maxRetries {
				e.gaveUp = true
				s.notifyLocked()
				continue
			}
			reason = "timeout"
		}
		if c == nil {
			continue
		}
		data, _ := json.Marshal(map[string]any{
			"envelope_id":              e.id,
			"type":                     e.typ,
			"payload":                  e.payload,
			"accepts_response_payload": e.accepts,
			"retry_attempt":            n,
			"retry_reason":             reason,
		})
		e.deliveries = append(e.deliveries, Delivery{Conn: c.info.ID, RetryAttempt: n, RetryReason: reason, At: now})
		if d := s.cfg.ackTimeout; d > 0 && (wait == 0 || d < wait) {
			wait = d
		}
		sends = append(sends, send{e: e, c: c, data: data})
	}
	if len(sends) > 0 {
		s.notifyLocked()
	}
	s.mu.Unlock()

	for i, snd := range sends {
		if err := snd.c.write(snd.data); err != nil {
			s.logf("conn %d: write envelope %s: %v", snd.c.info.ID, snd.e.id, err)
			// Undo this and the following deliveries; they go out again on
			// the next healthy connection.
			s.mu.Lock()
			snd.c.broken = true
			for _, u := range sends[i:] {
				u.e.deliveries = u.e.deliveries[:len(u.e.deliveries)-1]
			}
			s.notifyLocked()
			s.mu.Unlock()
			s.kick()
			break
		}
		s.logf("conn %d: sent %s", snd.c.info.ID, snd.data)
	}
	return wait
}

// Deliveries returns the transmissions of an envelope so far.
func (s *Server) Deliveries(envelopeID string) []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.envByID[envelopeID]; e != nil {
		return slices.Clone(e.deliveries)
	}
	return nil
}

// Acks returns the acks received for envelopeID, oldest first (every ack,
// including acks of unknown IDs, when envelopeID is "").
func (s *Server) Acks(envelopeID string) []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Ack
	for _, a := range s.acks {
		if envelopeID == "" || a.EnvelopeID == envelopeID {
			a.Payload = slices.Clone(a.Payload)
			out = append(out, a)
		}
	}
	return out
}

// WaitAck waits for the first ack of envelopeID and returns it.
func (s *Server) WaitAck(ctx context.Context, envelopeID string) (Ack, error) {
	var got []Ack
	err := s.WaitUntil(ctx, func() bool {
		got = s.Acks(envelopeID)
		return len(got) > 0
	})
	if err != nil {
		return Ack{}, waitErr(err, "ack of envelope %s (%d deliveries)", envelopeID, len(s.Deliveries(envelopeID)))
	}
	return got[0], nil
}

// Connections returns how many Socket Mode connections were established
// (hello sent) since the start, open or not.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.conns {
		if c.ready {
			n++
		}
	}
	return n
}

// ConnectionLog describes every Socket Mode connection, oldest first.
func (s *Server) ConnectionLog() []ConnectionInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]ConnectionInfo, len(s.conns))
	for i, c := range s.conns {
		out[i] = c.info
	}
	return out
}

// Connected reports whether a healthy connection (hello sent, no
// disconnect requested, not dropped) is open.
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.activeConnLocked() != nil
}

// WaitConnected waits until a healthy Socket Mode connection is open.
func (s *Server) WaitConnected(ctx context.Context) error {
	if err := s.WaitUntil(ctx, s.Connected); err != nil {
		return waitErr(err, "a socket mode connection")
	}
	return nil
}

// WaitConnections waits until n connections were established in total and
// a healthy one is open (e.g. n=2 after Disconnect or Drop).
func (s *Server) WaitConnections(ctx context.Context, n int) error {
	err := s.WaitUntil(ctx, func() bool { return s.Connections() >= n && s.Connected() })
	if err != nil {
		return waitErr(err, "%d socket mode connection(s), got %d", n, s.Connections())
	}
	return nil
}

// Disconnect asks every open connection to refresh, like Slack does before
// it recycles a server: it sends {"type":"disconnect","reason":
// "refresh_requested"}. No envelope goes to those connections afterwards;
// the client is expected to close them and call apps.connections.open
// again. It returns how many connections were asked.
func (s *Server) Disconnect() int {
	return s.SendDisconnect("refresh_requested")
}

// SendDisconnect is Disconnect with another reason ("warning",
// "link_disabled", "too_many_websockets", ...).
func (s *Server) SendDisconnect(reason string) int {
	s.mu.Lock()
	var targets []*wsConn
	for _, c := range s.conns {
		if c.info.Open && c.ready && !c.info.DisconnectSent {
			c.info.DisconnectSent = true
			targets = append(targets, c)
		}
	}
	s.notifyLocked()
	s.mu.Unlock()
	data, _ := json.Marshal(map[string]any{
		"type":       "disconnect",
		"reason":     reason,
		"debug_info": map[string]any{"host": "applink-slackfake"},
	})
	for _, c := range targets {
		if err := c.write(data); err != nil {
			s.logf("conn %d: write disconnect: %v", c.info.ID, err)
		}
	}
	return len(targets)
}

// Drop closes the TCP connection of every open websocket without a close
// frame, as a network failure would. It returns how many were dropped.
func (s *Server) Drop() int {
	s.mu.Lock()
	var targets []*wsConn
	for _, c := range s.conns {
		if c.info.Open && !c.info.Dropped {
			c.info.Dropped = true
			targets = append(targets, c)
		}
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range targets {
		_ = c.ws.NetConn().Close()
	}
	return len(targets)
}

// GaveUp reports whether the fake stopped redelivering envelopeID because
// it was not acked after WithMaxRetries redeliveries.
func (s *Server) GaveUp(envelopeID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.envByID[envelopeID]
	return e != nil && e.gaveUp
}
