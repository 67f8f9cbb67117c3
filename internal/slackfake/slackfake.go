package slackfake

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fixed identities of the fake workspace. Tests read them through the
// Server's accessors; they are constants so that failures are reproducible.
const (
	teamID     = "T00FAKE01"
	teamName   = "Passionbot Test"
	teamDomain = "passionbot-test"
	appID      = "A00APP001"
	botUserID  = "U00BOT001"
	botID      = "B00BOT001"
	botName    = "passionbot"
	botToken   = "xoxb-100000001-200000001-fakebottoken"
	appToken   = "xapp-1-A00APP001-300000001-fakeapptoken"
	// verificationToken is the deprecated per-app token Slack still puts in
	// event and interaction payloads.
	verificationToken = "fakeverificationtoken"
)

const (
	defaultPingInterval = 5 * time.Second
	defaultAckTimeout   = 3 * time.Second
	defaultMaxRetries   = 3
	writeTimeout        = 2 * time.Second
)

// Option configures a Server.
type Option func(*config)

type config struct {
	pingInterval time.Duration
	ackTimeout   time.Duration
	maxRetries   int
	verbose      bool
	mistype      bool
}

// WithMistypedFields makes the fake answer chat.postMessage, chat.update
// and chat.postEphemeral as a compatible server that types fields its own
// way: the echoed message's ts is a number, its bot_profile a string, and
// it carries an unknown field. ok is still true: the message is delivered.
func WithMistypedFields() Option { return func(c *config) { c.mistype = true } }

// WithPingInterval sets how often the fake sends a websocket PING on each
// Socket Mode connection (default 5s). The first PING goes out right after
// "hello". slack-go's socketmode drops and reopens a connection when no PING
// arrived within its OptionPingInterval (default 30s), so keep this well
// below the client's interval. d <= 0 disables pings entirely, which makes a
// slack-go client reconnect after its ping interval.
func WithPingInterval(d time.Duration) Option {
	return func(c *config) { c.pingInterval = d }
}

// WithAckTimeout sets how long the fake waits for an envelope's ack before it
// delivers the envelope again with retry_attempt incremented and
// retry_reason "timeout" (default 3s, like Slack). d <= 0 disables
// redelivery.
func WithAckTimeout(d time.Duration) Option {
	return func(c *config) { c.ackTimeout = d }
}

// WithMaxRetries sets how many times an un-acked envelope is redelivered
// before the fake gives up on it (default 3, like Slack).
func WithMaxRetries(n int) Option {
	return func(c *config) { c.maxRetries = n }
}

// WithVerbose logs every Web API call and websocket frame through tb.Logf.
func WithVerbose() Option {
	return func(c *config) { c.verbose = true }
}

// Server is a fake Slack workspace: Web API, response URLs and Socket Mode.
// Create it with New; all methods are safe for concurrent use.
type Server struct {
	tb   testing.TB
	cfg  config
	http *httptest.Server

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	kickCh chan struct{}

	mu      sync.Mutex
	changed chan struct{}
	closed  bool

	seq     int
	tsSec   int64
	tsCount int64

	users        map[string]User
	userOrder    []string
	channels     map[string]*channelState
	channelOrder []string
	dms          map[string]string
	usergroups   []*usergroupState

	authErrors map[string]string
	scopes     *[]string // the bot token's granted scopes; nil: defaultScopes
	faults     map[string][]*fault

	calls     []Call
	posts     []Post
	hookPosts []ResponseURLPost
	hooks     map[string]*hookState

	tickets   map[string]bool
	conns     []*wsConn
	envelopes []*envelope
	envByID   map[string]*envelope
	acks      []Ack
}

// New starts a fake Slack server on 127.0.0.1 and registers tb.Cleanup to
// shut it down. The fake workspace starts with the bot user only.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	cfg := config{
		pingInterval: defaultPingInterval,
		ackTimeout:   defaultAckTimeout,
		maxRetries:   defaultMaxRetries,
	}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		tb:         tb,
		cfg:        cfg,
		ctx:        ctx,
		cancel:     cancel,
		kickCh:     make(chan struct{}, 1),
		changed:    make(chan struct{}),
		tsSec:      time.Now().Unix(),
		users:      map[string]User{},
		channels:   map[string]*channelState{},
		dms:        map[string]string{},
		authErrors: map[string]string{},
		faults:     map[string][]*fault{},
		hooks:      map[string]*hookState{},
		tickets:    map[string]bool{},
		envByID:    map[string]*envelope{},
	}
	s.addUserLocked(User{ID: botUserID, Name: botName, RealName: "Passionbot", IsBot: true})

	mux := http.NewServeMux()
	mux.HandleFunc("/api/", s.handleAPI)
	mux.HandleFunc("/socket", s.handleSocket)
	mux.HandleFunc("/hooks/", s.handleHook)
	s.http = httptest.NewServer(mux)

	s.wg.Go(s.runScheduler)
	tb.Cleanup(s.Close)
	return s
}

// Close shuts the fake down: it closes every websocket and the HTTP server
// and waits for the fake's goroutines. New registers it with tb.Cleanup;
// calling it again is a no-op.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := append([]*wsConn(nil), s.conns...)
	s.notifyLocked()
	s.mu.Unlock()

	s.cancel()
	for _, c := range conns {
		_ = c.ws.Close()
	}
	s.http.Close()
	s.wg.Wait()
}

// URL returns the fake's base URL, e.g. "http://127.0.0.1:41234".
func (s *Server) URL() string { return s.http.URL }

// APIURL returns the value for slack.OptionAPIURL: URL()+"/api/".
func (s *Server) APIURL() string { return s.http.URL + "/api/" }

// BotToken returns the bot token (xoxb-) accepted by Web API methods.
func (s *Server) BotToken() string { return botToken }

// AppToken returns the app-level token (xapp-) accepted by
// apps.connections.open.
func (s *Server) AppToken() string { return appToken }

// BotUserID returns the bot's user ID, as in "<@BOTUSERID>" mentions.
func (s *Server) BotUserID() string { return botUserID }

// BotID returns the bot's bot ID (B...), as in bot_id of its messages.
func (s *Server) BotID() string { return botID }

// TeamID returns the workspace ID.
func (s *Server) TeamID() string { return teamID }

// AppID returns the app ID (api_app_id in payloads).
func (s *Server) AppID() string { return appID }

// WaitUntil blocks until cond returns true or ctx is done. cond is evaluated
// once at first and then after every change of the fake's state (a call, a
// post, an ack, a connection...); it may call the Server's methods.
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch, closed := s.changed, s.closed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		if closed {
			return errors.New("slackfake: server closed")
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// waitErr describes what a Wait* method was waiting for.
func waitErr(err error, format string, args ...any) error {
	return fmt.Errorf("slackfake: waiting for "+format+": %w", append(args, err)...)
}

// notifyLocked wakes every WaitUntil. s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// kick wakes the envelope scheduler.
func (s *Server) kick() {
	select {
	case s.kickCh <- struct{}{}:
	default:
	}
}

// track registers a goroutine (or hijacked handler) with the server's
// WaitGroup unless the server is closing. The caller must call s.wg.Done.
func (s *Server) track() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.wg.Add(1)
	return true
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.verbose {
		s.tb.Logf("slackfake: "+format, args...)
	}
}

// nextIDLocked returns a fresh Slack-like ID with the given prefix.
func (s *Server) nextIDLocked(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s%08X", prefix, s.seq)
}

// nextTSLocked returns a fresh, strictly increasing message timestamp.
func (s *Server) nextTSLocked() string {
	s.tsCount++
	return fmt.Sprintf("%d.%06d", s.tsSec+s.tsCount/1_000_000, s.tsCount%1_000_000)
}

// FailNext makes the next call of method (a Web API method name such as
// "chat.postMessage", or "response_url" for response URL POSTs) answer with
// the given HTTP status and body instead of being processed. An empty body
// becomes {"ok":false,"error":"fake_failure"} for status 200 and
// "fake failure" otherwise. Failures queue up in order.
func (s *Server) FailNext(method string, status int, body string) {
	if body == "" {
		if status == http.StatusOK {
			body = `{"ok":false,"error":"fake_failure"}`
		} else {
			body = "fake failure"
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], &fault{status: status, body: body, remaining: 1})
}

// FailNextError makes the next call of method answer HTTP 200 with
// {"ok":false,"error":code}.
func (s *Server) FailNextError(method, code string) {
	s.FailNext(method, http.StatusOK, fmt.Sprintf(`{"ok":false,"error":%q}`, code))
}

// RateLimit makes the next n calls of method answer HTTP 429 with a
// Retry-After header of retryAfter rounded up to whole seconds, which
// slack-go surfaces as *slack.RateLimitedError.
func (s *Server) RateLimit(method string, n int, retryAfter time.Duration) {
	secs := int64((retryAfter + time.Second - 1) / time.Second)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], &fault{
		status:     http.StatusTooManyRequests,
		body:       `{"ok":false,"error":"ratelimited"}`,
		retryAfter: fmt.Sprint(secs),
		remaining:  n,
	})
}

// SetAuthError makes every call authenticated with token fail with the given
// Slack error code, e.g. SetAuthError(s.BotToken(), "account_inactive") or
// "token_revoked". An empty code restores the token.
func (s *Server) SetAuthError(token, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if code == "" {
		delete(s.authErrors, token)
	} else {
		s.authErrors[token] = code
	}
}

type fault struct {
	status     int
	body       string
	retryAfter string
	remaining  int
}

// takeFaultLocked pops the next injected fault for method, if any.
func (s *Server) takeFaultLocked(method string) *fault {
	q := s.faults[method]
	if len(q) == 0 {
		return nil
	}
	f := q[0]
	f.remaining--
	if f.remaining <= 0 {
		s.faults[method] = q[1:]
	}
	return f
}

func (f *fault) write(w http.ResponseWriter) {
	if f.retryAfter != "" {
		w.Header().Set("Retry-After", f.retryAfter)
	}
	if strings.HasPrefix(strings.TrimSpace(f.body), "{") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.WriteHeader(f.status)
	_, _ = w.Write([]byte(f.body))
}
