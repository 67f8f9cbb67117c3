// Package slack is passionbot's Slack adapter, on github.com/slack-go/slack
// and its Socket Mode client, so no public URL is needed.
//
// Every envelope is acknowledged as soon as it arrives, before the handler
// runs, well inside Slack's three seconds; answers then go through the
// envelope's response_url or chat.postMessage. Slack redelivers envelopes it
// thinks were not acknowledged (retry_attempt > 0): the adapter remembers
// the envelopes and events it handled and answers each once.
//
// Messages are paced per channel (about one a second, Slack's guidance) and
// a 429 is waited out and retried, so a burst is queued, never dropped.
// invalid_auth and account_inactive stop the adapter with a clear error.
package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"passionbot/bot"
)

// Options configure the adapter.
type Options struct {
	BotToken      string // xoxb-…, from SLACK_BOT_TOKEN
	AppToken      string // xapp-…, from SLACK_APP_TOKEN
	APIURL        string // default https://slack.com/api/
	CommandPrefix string // slash command name prefix, e.g. "pb-"
	Logger        *slog.Logger
	// Observer is told of rate-limit waits (nil: nobody).
	Observer bot.Observer
	// Pace is the least time between two messages to one channel (default
	// 1 s; negative turns pacing off, for benchmarks).
	Pace time.Duration
	// RoleTTL is how long a member's admin flags and groups are cached (default 5 min).
	RoleTTL time.Duration
	// MaxRetries bounds how often a rate-limited or failed call is retried (default 8).
	MaxRetries int
	// ChannelMessages hands every channel message to the core (prefix
	// commands, automatic moderation), not only mentions; the app must be
	// subscribed to message.channels and message.groups ([slack]
	// channel_messages, WithChannelMessages).
	ChannelMessages bool
}

// CheckTokens says what is wrong with the tokens, if anything.
func CheckTokens(botToken, appToken string) error {
	switch {
	case botToken == "":
		return errors.New("SLACK_BOT_TOKEN is not set: put the bot token (xoxb-…) in the environment")
	case !strings.HasPrefix(botToken, "xoxb-"):
		return errors.New("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
	case appToken == "":
		return errors.New("SLACK_APP_TOKEN is not set: put the app-level token (xapp-…, scope connections:write) in the environment")
	case !strings.HasPrefix(appToken, "xapp-"):
		return errors.New("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
	}
	return nil
}

// Adapter connects passionbot to Slack.
type Adapter struct {
	opt   Options
	api   *slackapi.Client
	http  *http.Client
	log   *slog.Logger
	botID string

	seen  *seenSet
	pacer *pacer
	roles *roleCache
	// connected is set when the socket is connected, cleared when it drops.
	connected atomic.Bool
}

// New checks the tokens and prepares the client; Run connects.
func New(opt Options) (*Adapter, error) {
	if err := CheckTokens(opt.BotToken, opt.AppToken); err != nil {
		return nil, err
	}
	if opt.APIURL == "" {
		opt.APIURL = "https://slack.com/api/"
	}
	if !strings.HasSuffix(opt.APIURL, "/") {
		opt.APIURL += "/"
	}
	if !strings.HasPrefix(opt.APIURL, "http://") && !strings.HasPrefix(opt.APIURL, "https://") {
		return nil, fmt.Errorf("[slack] api_url %q is not an http(s) URL", opt.APIURL)
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	opt.Observer = bot.Observe(opt.Observer)
	if opt.Pace == 0 {
		opt.Pace = time.Second
	}
	if opt.RoleTTL <= 0 {
		opt.RoleTTL = 5 * time.Minute
	}
	if opt.MaxRetries <= 0 {
		opt.MaxRetries = 8
	}
	// Its own transport, so that Run can close the idle connections it leaves.
	// It reads only what it needs of chat.* answers (lenientTransport).
	tr := http.DefaultTransport.(*http.Transport).Clone()
	hc := &http.Client{Timeout: 20 * time.Second, Transport: lenientTransport{next: tr}}
	api := slackapi.New(opt.BotToken,
		slackapi.OptionAPIURL(opt.APIURL),
		slackapi.OptionAppLevelToken(opt.AppToken),
		slackapi.OptionHTTPClient(hc))
	a := &Adapter{opt: opt, api: api, http: hc, log: opt.Logger, seen: newSeenSet(4096), pacer: newPacer(opt.Pace)}
	a.roles = newRoleCache(api, opt.RoleTTL)
	return a, nil
}

// Platform returns "slack".
func (a *Adapter) Platform() bot.Platform { return bot.PlatformSlack }

// Health reports whether the Socket Mode connection is up.
func (a *Adapter) Health() error {
	if !a.connected.Load() {
		return errors.New("slack socket mode not connected")
	}
	return nil
}

// RendersButtons marks that cards' buttons become Block Kit buttons.
func (a *Adapter) RendersButtons() {}

// Run connects through Socket Mode and delivers events to h until ctx ends.
// It reconnects when the socket drops or Slack asks it to; a rejected token
// ends it with an error.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	auth, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return fmt.Errorf("slack: the bot token was refused (%s); check SLACK_BOT_TOKEN", slackError(err))
	}
	a.botID = auth.UserID
	a.log.Info("slack connected", "team", auth.Team, "bot", auth.UserID)

	sm := socketmode.New(a.api)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup // the socket
	// Events being handled finish their member lookups and reach the core
	// (which then waits for them) before Run returns, within a bound.
	var handlers sync.WaitGroup
	defer func() {
		a.connected.Store(false)
		cancel()
		waitBounded(&handlers, 10*time.Second)
		wg.Wait()
		a.http.CloseIdleConnections()
	}()
	runErr := make(chan error, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		runErr <- sm.RunContext(ctx)
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			switch code := slackError(err); code {
			case "invalid_auth", "account_inactive", "token_revoked", "not_authed", "not_allowed_token_type":
				return fmt.Errorf("slack: the app token was refused (%s); check SLACK_APP_TOKEN", code)
			default:
				return fmt.Errorf("slack: socket mode stopped: %s", code)
			}
		case ev, ok := <-sm.Events:
			if !ok {
				return nil
			}
			switch ev.Type {
			case socketmode.EventTypeInvalidAuth:
				return errors.New("slack: the app token was refused (invalid_auth); check SLACK_APP_TOKEN")
			case socketmode.EventTypeConnectionError:
				a.connected.Store(false)
				a.log.Warn("slack connection error; retrying", "err", fmt.Sprint(ev.Data))
			case socketmode.EventTypeDisconnect:
				a.connected.Store(false)
				a.log.Info("slack asked to reconnect")
			case socketmode.EventTypeConnecting, socketmode.EventTypeIncomingError:
				a.connected.Store(false)
			case socketmode.EventTypeConnected:
				a.connected.Store(true)
				a.log.Info("slack socket connected")
			case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
				if ev.Request == nil {
					continue
				}
				// Ack first: Slack wants it within 3 s, whatever the handler does.
				if err := sm.Ack(*ev.Request); err != nil {
					a.log.Warn("slack ack failed", "err", err)
				}
				if !a.seen.add("env:" + ev.Request.EnvelopeID) {
					a.log.Info("slack redelivered an envelope already handled; ignored", "envelope", ev.Request.EnvelopeID, "retry", ev.Request.RetryAttempt)
					continue
				}
				handlers.Add(1)
				go func() {
					defer handlers.Done()
					a.guard(ctx, func() { a.dispatch(context.WithoutCancel(ctx), h, ev) })
				}()
			}
		}
	}
}

// guard keeps a bug in event conversion from killing the process.
func (a *Adapter) guard(ctx context.Context, f func()) {
	defer func() {
		if p := recover(); p != nil {
			a.log.ErrorContext(ctx, "slack event handler panic", "panic", fmt.Sprint(p))
		}
	}()
	f()
}

// slackError names the Slack error without any token.
func slackError(err error) string {
	if err == nil {
		return "closed"
	}
	var se slackapi.SlackErrorResponse
	if errors.As(err, &se) {
		return se.Err
	}
	return err.Error()
}

// seenSet remembers recent ids, forgetting the oldest beyond its size.
type seenSet struct {
	mu    sync.Mutex
	ids   map[string]bool
	order []string
	size  int
}

func newSeenSet(size int) *seenSet { return &seenSet{ids: map[string]bool{}, size: size} }

// add records id and reports whether it was new.
func (s *seenSet) add(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids[id] {
		return false
	}
	s.ids[id] = true
	s.order = append(s.order, id)
	if len(s.order) > s.size {
		delete(s.ids, s.order[0])
		s.order = s.order[1:]
	}
	return true
}

// waitBounded waits for wg, at most d.
func waitBounded(wg *sync.WaitGroup, d time.Duration) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}
