// Package discord is passionbot's Discord adapter, on
// github.com/bwmarrin/discordgo.
//
// Without privileged intents the bot works through slash commands, DMs and
// messages that mention it (Discord sends their content without the Message
// Content intent). With [discord] privileged_intents = true it also reads
// prefix commands in ordinary messages and sees members join.
//
// Everything the bot says passes allowed_mentions that permit exactly the
// users the core means to ping. Interactions are answered within Discord's
// three seconds: a handler still running after DeferAfter is deferred
// ("thinking…") and its reply edits that message. REST calls that fail
// with 5xx or a network error are retried with backoff; 429s are waited out
// by discordgo (retry_after from the body); other 4xx errors are returned,
// never retried.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// StateStore keeps small facts across restarts (the published commands' hash).
type StateStore interface {
	GetState(ctx context.Context, key string) (string, error)
	SetState(ctx context.Context, key, value string) error
}

// Options configure the adapter.
type Options struct {
	Token             string // bot token, from DISCORD_TOKEN
	BaseURL           string // default https://discord.com
	GuildID           string // publish commands to this guild (instant) instead of globally
	PrivilegedIntents bool   // Message Content + Server Members
	State             StateStore
	Logger            *slog.Logger
	// Observer is told of rate-limit waits (nil: nobody).
	Observer bot.Observer
	// DeferAfter is how long an interaction may run before it is deferred
	// (default 1.5 s, well inside Discord's 3 s).
	DeferAfter time.Duration
	// CallbackWindow is how long after an interaction Discord takes its
	// first answer (default 3 s, Discord's); later the reply goes to the
	// channel, or by DM when it is private. Follow-ups are taken for 15
	// minutes (FollowupWindow).
	CallbackWindow time.Duration
	// Retries is how often a 5xx or network failure is retried (default 4).
	Retries int
	// Backoff is the first retry's wait, doubled each time (default 500 ms).
	Backoff time.Duration
	// InteractionLanes is how many rate-limit buckets interaction calls
	// share (default 1024; see interactions.go).
	InteractionLanes int
}

// Adapter connects passionbot to Discord.
type Adapter struct {
	opt       Options
	sess      *discordgo.Session
	transport *http.Transport
	log       *slog.Logger
	mu        sync.Mutex
	cmds      []*bot.Command
	paths     map[string]*bot.Command // native path ("meetup create") -> declaration
	ready     chan struct{}
	once      sync.Once
	// connected is set by READY and RESUMED, cleared by a lost connection.
	connected atomic.Bool
	// repaired logs each field that did not decode once (lenient.go).
	repaired repairs
}

// New checks the options and prepares a session; Run connects.
func New(opt Options) (*Adapter, error) {
	if strings.TrimSpace(opt.Token) == "" {
		return nil, errors.New("DISCORD_TOKEN is not set: put the bot token in the environment")
	}
	if opt.BaseURL == "" {
		opt.BaseURL = "https://discord.com"
	}
	base, err := url.Parse(opt.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("[discord] base_url %q is not an http(s) URL", opt.BaseURL)
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	opt.Observer = bot.Observe(opt.Observer)
	if opt.CallbackWindow <= 0 {
		opt.CallbackWindow = 3 * time.Second
	}
	if opt.DeferAfter <= 0 {
		opt.DeferAfter = 1500 * time.Millisecond
	}
	if opt.Retries <= 0 {
		opt.Retries = 4
	}
	if opt.Backoff <= 0 {
		opt.Backoff = 500 * time.Millisecond
	}
	if opt.InteractionLanes <= 0 {
		opt.InteractionLanes = defaultInteractionLanes
	}
	s, err := discordgo.New("Bot " + strings.TrimPrefix(opt.Token, "Bot "))
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: &rewrite{base: base, next: tr}}
	s.Identify.Intents = Intents(opt.PrivilegedIntents)
	s.LogLevel = discordgo.LogError
	s.StateEnabled = true
	a := &Adapter{opt: opt, sess: s, transport: tr, log: opt.Logger, ready: make(chan struct{}), paths: map[string]*bot.Command{}}
	return a, nil
}

// Intents returns the gateway intents: guilds, guild and direct messages
// always; Message Content and Server Members only when privileged.
func Intents(privileged bool) discordgo.Intent {
	i := discordgo.IntentGuilds | discordgo.IntentGuildMessages | discordgo.IntentDirectMessages | discordgo.IntentGuildScheduledEvents
	if privileged {
		i |= discordgo.IntentMessageContent | discordgo.IntentGuildMembers
	}
	return i
}

// rewrite sends requests for discord.com to the configured base URL, so the
// whole client (REST and, through GET /api/v9/gateway, the gateway) can be
// pointed at a Discord-compatible server.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (t *rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" && (t.base.Host != "discord.com" || t.base.Scheme != "https") {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host = t.base.Scheme, t.base.Host
		r.URL.Path = strings.TrimSuffix(t.base.Path, "/") + r.URL.Path
		r.Host = t.base.Host
	}
	return t.next.RoundTrip(r)
}

// Platform returns "discord".
func (a *Adapter) Platform() bot.Platform { return bot.PlatformDiscord }

// Health reports whether the gateway connection is up (READY or RESUMED
// since the last lost connection).
func (a *Adapter) Health() error {
	if !a.connected.Load() {
		return errors.New("discord gateway not connected")
	}
	return nil
}

// RendersButtons marks that cards' buttons become components.
func (a *Adapter) RendersButtons() {}

// PublishCommands remembers the declarations; Run publishes them once
// connected, with one bulk overwrite, only when they changed.
func (a *Adapter) PublishCommands(ctx context.Context, cmds []*bot.Command) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cmds = cmds
	_, a.paths = nativeCommands(cmds)
	return nil
}

// Run connects, publishes the commands and delivers events to h until ctx
// ends; then it closes the session. discordgo reconnects and resumes by
// itself after a dropped connection.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	s := a.sess
	remove := []func(){
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			a.log.Info("discord connected", "user", r.User.Username, "guilds", len(r.Guilds))
			a.connected.Store(true)
			a.once.Do(func() { close(a.ready) })
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
			a.log.Info("discord session resumed")
			a.connected.Store(true)
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			a.connected.Store(false)
			a.log.Warn("discord connection lost; reconnecting")
		}),
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) {
			if r.TooManyRequests != nil {
				a.opt.Observer.RateLimited(bot.PlatformDiscord, r.RetryAfter)
			}
		}),
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) {
			a.guard(ctx, func() { a.onMessage(ctx, h, m) })
		}),
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) {
			a.guard(ctx, func() { a.onInteraction(ctx, h, i) })
		}),
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.GuildMemberAdd) {
			a.guard(ctx, func() { a.onMemberAdd(ctx, h, m) })
		}),
		s.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) {
			a.guard(ctx, func() { a.onRaw(ctx, h, e) })
		}),
	}
	defer func() {
		for _, r := range remove {
			r()
		}
	}()
	opened, err := a.open(ctx)
	if err != nil || !opened {
		return err
	}
	defer a.connected.Store(false)
	defer a.close()
	select {
	case <-a.ready:
	case <-ctx.Done():
		return nil
	case <-time.After(30 * time.Second):
		return errors.New("discord: no READY from the gateway within 30 s")
	}
	if err := a.publish(ctx); err != nil {
		a.log.Error("discord: publishing slash commands failed", "err", err)
	}
	<-ctx.Done()
	return nil
}

// openTimeout bounds Session.Open: discordgo v0.29 can deadlock inside
// Open when the gateway answers with op 7 (issue #513); the adapter then
// reports the failure instead of hanging.
const openTimeout = 30 * time.Second

// open connects the session, bounded by openTimeout. It reports false
// (and nil) when ctx ended first. A stuck Open keeps the session's lock,
// so the session is then left to its goroutine, which closes it if Open
// ever returns; the caller must not touch it.
func (a *Adapter) open(ctx context.Context) (bool, error) {
	done := make(chan error, 1)
	go func() { done <- a.sess.Open() }()
	abandon := func() {
		go func() {
			if <-done == nil {
				a.close()
			}
		}()
	}
	select {
	case err := <-done:
		if err != nil {
			return false, fmt.Errorf("discord: connect: %w", a.explain(err))
		}
		return true, nil
	case <-ctx.Done():
		abandon()
		return false, nil
	case <-time.After(openTimeout):
		abandon()
		return false, errors.New("discord: the gateway did not complete the connection within 30 s (discordgo #513?); restart passionbot")
	}
}

// close stops reconnect attempts, closes the session and the transport's
// idle connections. discordgo's own reconnect loop would otherwise outlive
// Close after a dropped connection.
func (a *Adapter) close() {
	a.sess.Lock()
	a.sess.ShouldReconnectOnError = false
	a.sess.Unlock()
	if err := a.sess.Close(); err != nil {
		a.log.Debug("discord close", "err", err)
	}
	a.transport.CloseIdleConnections()
}

// guard keeps a bug in event conversion from killing the process
// (discordgo runs handlers without recover).
func (a *Adapter) guard(ctx context.Context, f func()) {
	defer func() {
		if p := recover(); p != nil {
			a.log.ErrorContext(ctx, "discord event handler panic", "panic", fmt.Sprint(p))
		}
	}()
	f()
}

// publish overwrites the application commands when they changed since the
// last publish (hash kept in the state store).
func (a *Adapter) publish(ctx context.Context) error {
	a.mu.Lock()
	cmds, state := a.cmds, a.opt.State
	a.mu.Unlock()
	if len(cmds) == 0 {
		return nil
	}
	native, _ := nativeCommands(cmds)
	appID := a.appID()
	key := "discord.commands." + appID + "." + a.opt.GuildID
	hash := commandsHash(native)
	if state != nil {
		if old, err := state.GetState(ctx, key); err == nil && old == hash {
			a.log.Debug("discord slash commands unchanged; not published")
			return nil
		}
	}
	err := a.retry(ctx, func() error {
		_, err := a.sess.ApplicationCommandBulkOverwrite(appID, a.opt.GuildID, native)
		return err
	})
	if err != nil {
		return err
	}
	a.log.Info("discord slash commands published", "count", len(native), "guild", a.opt.GuildID)
	if state != nil {
		// Remember it even if the bot is stopping: the commands were sent.
		return state.SetState(context.WithoutCancel(ctx), key, hash)
	}
	return nil
}

func (a *Adapter) appID() string {
	if st := a.sess.State; st != nil && st.Application != nil && st.Application.ID != "" {
		return st.Application.ID
	}
	if st := a.sess.State; st != nil && st.User != nil {
		return st.User.ID
	}
	return ""
}

func (a *Adapter) botID() string {
	if st := a.sess.State; st != nil && st.User != nil {
		return st.User.ID
	}
	return ""
}

// retry runs f, retrying 5xx answers and network errors with exponential
// backoff. 4xx answers (missing permission, unknown channel) are returned.
func (a *Adapter) retry(ctx context.Context, f func() error) error {
	wait := a.opt.Backoff
	var err error
	for attempt := 0; attempt <= a.opt.Retries; attempt++ {
		if err = f(); err == nil || !transient(err) {
			return a.explain(err)
		}
		a.log.Warn("discord call failed; retrying", "attempt", attempt+1, "wait", wait, "err", a.explain(err))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
	return a.explain(err)
}

// transient reports errors worth retrying: 5xx and network failures.
func transient(err error) bool {
	var re *discordgo.RESTError
	if errors.As(err, &re) {
		return re.Response != nil && re.Response.StatusCode >= 500
	}
	var ue *url.Error
	return errors.As(err, &ue) || strings.Contains(err.Error(), "Exceeded Max retries")
}

// Error is a Discord refusal, with Discord's code and message.
type Error struct {
	Status  int
	Code    int
	Message string
	err     error
}

func (e *Error) Error() string {
	if e.Status == 401 {
		return "discord refused the bot token (HTTP 401): check DISCORD_TOKEN"
	}
	return fmt.Sprintf("discord refused (HTTP %d, code %d): %s", e.Status, e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.err }

// Permanent reports a refusal that retrying cannot fix: a 4xx other than 429.
func (e *Error) Permanent() bool { return e.Status >= 400 && e.Status < 500 && e.Status != 429 }

// Missing permissions, unknown channel and the like, by Discord's codes.
const (
	CodeUnknownChannel     = 10003
	CodeMissingAccess      = 50001
	CodeMissingPermissions = 50013
)

// explain turns a discordgo REST error into *Error, without the token or
// the raw JSON; other errors (network failures, whose text holds the URL)
// lose the interaction and webhook tokens in their URLs.
func (a *Adapter) explain(err error) error {
	var re *discordgo.RESTError
	if err == nil {
		return nil
	}
	if !errors.As(err, &re) {
		return bot.Redacted(err)
	}
	e := &Error{err: err, Message: "unknown error"}
	if re.Response != nil {
		e.Status = re.Response.StatusCode
	}
	if re.Message != nil {
		e.Code, e.Message = re.Message.Code, re.Message.Message
	}
	return e
}
