// Package bottest drives the whole bot in tests as members would, in the
// spirit of Errbot's test backend: the real router, the real commands and a
// real SQLite file in t.TempDir(). A member says a line; the test reads what
// the bot answered.
package bottest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/commands"
	"passionbot/config"
	"passionbot/internal/app"
	"passionbot/storage"
)

// Harness is a running bot on a fresh database.
type Harness struct {
	t   testing.TB
	Bot *bot.Bot
	DB  *storage.DB
	// App is the bot as the program builds it (internal/app).
	App *app.App
	// Library is the live knowledge base.
	Library *commands.Library
	// Clock is the fake clock the scheduler and the bot run on.
	Clock *scheduler.FakeClock
	// Scheduler runs reminders and announcements.
	Scheduler *scheduler.Scheduler
	// Outbox records what the bot sent on its own (reminders, DMs) on the
	// harness's platform.
	Outbox *Outbox
	// Platform is the platform the harness's members are on.
	Platform bot.Platform
	// Config is the configuration the bot was built from.
	Config config.Config
}

// settings are what options change before the harness is built.
type settings struct {
	tune     []func(*bot.Options)
	cfg      []func(*config.Config)
	adapters []bot.Adapter
	onDB     []func(*storage.DB) (bot.Adapter, error)
	observer bot.Observer
	dbPath   string
	start    time.Time
	logger   *slog.Logger
}

// Option changes the harness before it is built.
type Option func(*settings)

// WithCommands adds commands to the real ones (for router tests).
func WithCommands(cmds ...*bot.Command) Option {
	return WithOptions(func(o *bot.Options) { o.Commands = append(o.Commands, cmds...) })
}

// WithOptions lets a test change any of the core's options, last.
func WithOptions(f func(*bot.Options)) Option {
	return func(s *settings) { s.tune = append(s.tune, f) }
}

// WithConfig lets a test change the configuration the bot is built from.
func WithConfig(f func(*config.Config)) Option {
	return func(s *settings) { s.cfg = append(s.cfg, f) }
}

// WithAdapters connects platforms besides the harness's own outbox (a
// Discord or Slack adapter on a fake).
func WithAdapters(as ...bot.Adapter) Option {
	return func(s *settings) { s.adapters = append(s.adapters, as...) }
}

// WithAdapterOn connects a platform built on the harness's database (an
// adapter that keeps state there, as the program builds Discord's).
func WithAdapterOn(build func(db *storage.DB) (bot.Adapter, error)) Option {
	return func(s *settings) { s.onDB = append(s.onDB, build) }
}

// WithObserver tells o what the bot handles and delivers (metrics).
func WithObserver(o bot.Observer) Option { return func(s *settings) { s.observer = o } }

// WithKnowledgeDir loads extra Markdown topics from dir, as [knowledge] dir.
func WithKnowledgeDir(dir string) Option {
	return WithConfig(func(c *config.Config) { c.Knowledge.Dir = dir })
}

// WithLogger makes the bot log to l (by default it logs nothing).
func WithLogger(l *slog.Logger) Option { return func(s *settings) { s.logger = l } }

// At starts the fake clock at t (default: the real time now).
func At(t time.Time) Option { return func(s *settings) { s.start = t } }

// WithDatabase uses the SQLite file at path (to restart on the same data).
func WithDatabase(path string) Option { return func(s *settings) { s.dbPath = path } }

// New starts a harness: a migrated SQLite file in t.TempDir() and the bot
// built by internal/app from the default configuration, Swedish, in
// Europe/Stockholm, on a fake clock. Differences from the defaults, for
// tests: interest groups are noticed at 3 members and told to the console
// channel "moderatorer", deliveries retry within milliseconds, and the
// per-member command limit is off unless a test's WithOptions sets it.
func New(t testing.TB, opts ...Option) *Harness {
	t.Helper()
	ctx := context.Background()
	var set settings
	for _, f := range opts {
		f(&set)
	}
	if set.dbPath == "" {
		set.dbPath = filepath.Join(t.TempDir(), "passionbot.db")
	}
	if set.start.IsZero() {
		set.start = time.Now()
	}
	db, err := storage.Open(ctx, set.dbPath)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	cfg := config.Default()
	cfg.Members.GroupThreshold, cfg.Members.GroupNotify = 3, []string{"console:#moderatorer"}
	cfg.Limits.CommandsPerMinute = 0 // off
	for _, f := range set.cfg {
		f(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("configuration: %v", err)
	}
	for _, build := range set.onDB {
		a, err := build(db)
		if err != nil {
			t.Fatalf("adapter: %v", err)
		}
		set.adapters = append(set.adapters, a)
	}
	outbox := &Outbox{}
	clock := scheduler.NewFakeClock(set.start)
	a, err := app.Build(ctx, app.Options{Config: cfg, DB: db, Adapters: append([]bot.Adapter{outbox}, set.adapters...), Clock: clock,
		Observer: set.observer, Logger: set.logger, RetryFirst: time.Millisecond, RetryLongest: 10 * time.Millisecond,
		Tune: func(o *bot.Options) {
			for _, f := range set.tune {
				f(o)
			}
		}})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, p := range a.Problems {
		t.Logf("knowledge topic skipped: %v", p)
	}
	if err := a.Start(ctx); err != nil {
		t.Fatalf("start: %v", err)
	}
	if err := a.Resume(ctx); err != nil {
		t.Fatalf("resume deliveries: %v", err)
	}
	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Scheduler.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-done })
	return &Harness{t: t, Bot: a.Bot, DB: db, App: a, Library: a.Library, Platform: bot.PlatformConsole,
		Clock: clock, Scheduler: a.Scheduler, Outbox: outbox, Config: cfg}
}

// Member returns a user on the harness's platform with a platform role.
func (h *Harness) Member(id string, role bot.Role) bot.User {
	return bot.User{Platform: h.Platform, ID: id, Name: id, Role: role}
}

// Conversation collects what the bot answered to one event.
type Conversation struct {
	mu      sync.Mutex
	Replies []bot.Reply
}

// Text returns every reply's text (cards rendered as title and body), joined by newlines.
func (c *Conversation) Text() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var parts []string
	for _, r := range c.Replies {
		s := r.Text
		if r.Card != nil {
			s = strings.TrimSpace(s + "\n" + r.Card.Title + "\n" + r.Card.Body)
			for _, f := range r.Card.Fields {
				s += "\n" + f.Name + ": " + f.Value
			}
		}
		if r.File != nil {
			s += "\n" + string(r.File.Data)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

// Send hands an event to the bot as an adapter would and returns what it
// answered. Respond is set by the harness.
func (h *Harness) Send(ev bot.Event) *Conversation {
	h.t.Helper()
	c := &Conversation{}
	if ev.Platform == "" {
		ev.Platform = ev.User.Platform
	}
	ev.Respond = func(ctx context.Context, r bot.Reply) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.Replies = append(c.Replies, r)
		return nil
	}
	h.Bot.Handle(context.Background(), ev)
	return c
}

// Say sends text from u as a message addressed to the bot (a DM) and
// returns the bot's answer as text.
func (h *Harness) Say(u bot.User, text string) string {
	h.t.Helper()
	return h.SayIn(u, "", text)
}

// SayIn sends text from u in lang (an explicit locale, like --lang; "" for
// none).
func (h *Harness) SayIn(u bot.User, lang, text string) string {
	h.t.Helper()
	return h.Send(bot.Event{
		Kind:      bot.EventMessage,
		User:      u,
		Channel:   bot.Channel{ID: "dm-" + u.ID, DM: true},
		Text:      text,
		Addressed: true,
		Locale:    lang,
	}).Text()
}

// Sent is one message the bot started itself.
type Sent struct {
	To    bot.Target
	Reply bot.Reply
}

// Outbox is the harness's adapter: it records what the bot sends.
type Outbox struct {
	mu      sync.Mutex
	sent    []Sent
	refused map[string]bool      // users whose DMs are closed
	members map[string]*bot.User // SetMember: platform facts; nil: left
}

// SetMember sets a member's platform facts (their platform role) as the
// platform would report them now: what the web dashboard reads on every
// request (MemberResolver).
func (o *Outbox) SetMember(u bot.User) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.members == nil {
		o.members = map[string]*bot.User{}
	}
	u.Platform = bot.PlatformConsole
	o.members[u.ID] = &u
}

// Leave makes a member leave the community: lookups say ErrNoSuchMember.
func (o *Outbox) Leave(id string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.members == nil {
		o.members = map[string]*bot.User{}
	}
	o.members[id] = nil
}

// Member resolves a member set with SetMember (or gone with Leave); any
// other id is a member with no platform facts, as a target typed by id.
func (o *Outbox) Member(_ context.Context, id string) (bot.User, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	u, ok := o.members[id]
	switch {
	case !ok:
		return bot.User{Platform: bot.PlatformConsole, ID: id}, nil
	case u == nil:
		return bot.User{}, bot.ErrNoSuchMember
	}
	return *u, nil
}

// RefuseDMs makes direct messages to these users fail as a platform
// refuses them (closed DMs): a permanent error, nothing sent.
func (o *Outbox) RefuseDMs(users ...string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.refused == nil {
		o.refused = map[string]bool{}
	}
	for _, u := range users {
		o.refused[u] = true
	}
}

// Platform is the harness's platform.
func (o *Outbox) Platform() bot.Platform { return bot.PlatformConsole }

// Run does nothing: the harness delivers events itself.
func (o *Outbox) Run(ctx context.Context, h bot.Handler) error { <-ctx.Done(); return nil }

// Send records a message.
func (o *Outbox) Send(ctx context.Context, to bot.Target, r bot.Reply) (bot.MessageRef, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if to.User != "" && o.refused[to.User] {
		return bot.MessageRef{}, bot.Permanent(errors.New("cannot send messages to this user"))
	}
	o.sent = append(o.sent, Sent{To: to, Reply: bot.Sanitize(r)})
	return bot.MessageRef{Channel: to.Channel, ID: fmt.Sprint(len(o.sent))}, nil
}

// Sent returns what was sent so far.
func (o *Outbox) Sent() []Sent {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Sent(nil), o.sent...)
}

// Advance moves the fake clock and waits until every job that came due
// has run.
func (h *Harness) Advance(d time.Duration) {
	h.t.Helper()
	h.Clock.Advance(d)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.Scheduler.WaitIdle(ctx); err != nil {
		h.t.Fatalf("scheduler not idle: %v", err)
	}
}
