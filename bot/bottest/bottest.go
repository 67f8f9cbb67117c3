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
	"passionbot/knowledge"
	"passionbot/storage"
)

// Harness is a running bot on a fresh database.
type Harness struct {
	t   testing.TB
	Bot *bot.Bot
	DB  *storage.DB
	// Library is the live knowledge base.
	Library *commands.Library
	// Clock is the fake clock the scheduler and the bot run on.
	Clock *scheduler.FakeClock
	// Scheduler runs reminders and announcements.
	Scheduler *scheduler.Scheduler
	// Outbox records what the bot sent on its own (reminders, DMs) on the
	// harness's platform.
	Outbox *Outbox
	// Deps are the commands' dependencies.
	Deps commands.Deps
	// Platform is the platform the harness's members are on.
	Platform bot.Platform
}

// settings are what options change before the harness is built.
type settings struct {
	bot    []func(*bot.Options)
	dir    string // [knowledge] dir
	dbPath string
	start  time.Time
}

// Option changes the harness before it is built.
type Option func(*settings)

// WithCommands adds commands to the real ones (for router tests).
func WithCommands(cmds ...*bot.Command) Option {
	return WithOptions(func(o *bot.Options) { o.Commands = append(o.Commands, cmds...) })
}

// WithOptions lets a test change any bot option.
func WithOptions(f func(*bot.Options)) Option {
	return func(s *settings) { s.bot = append(s.bot, f) }
}

// WithKnowledgeDir loads extra Markdown topics from dir, as [knowledge] dir.
func WithKnowledgeDir(dir string) Option { return func(s *settings) { s.dir = dir } }

// At starts the fake clock at t (default: the real time now).
func At(t time.Time) Option { return func(s *settings) { s.start = t } }

// WithDatabase uses the SQLite file at path (to restart on the same data).
func WithDatabase(path string) Option { return func(s *settings) { s.dbPath = path } }

// New starts a harness: a migrated SQLite file in t.TempDir() and a bot
// with every command, Swedish by default, in Europe/Stockholm. The
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
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	deps, problems, err := commands.NewDeps(ctx, db, set.dir)
	if err != nil {
		t.Fatalf("knowledge: %v", err)
	}
	for _, p := range problems {
		t.Logf("knowledge topic skipped: %v", p)
	}
	// The adapters the test adds, and an outbox for the harness's own platform.
	var probe bot.Options
	for _, f := range set.bot {
		f(&probe)
	}
	outbox := &Outbox{}
	adapters := append([]bot.Adapter{outbox}, probe.Adapters...)
	clock := scheduler.NewFakeClock(set.start)
	db.SetClock(clock.Now)
	sched := scheduler.New(clock, slog.New(slog.DiscardHandler))
	deps.Scheduler, deps.Adapters, deps.Lang, deps.Location = sched, adapters, bot.LangSV, loc
	deps.Reminders, deps.Grace, deps.Now = []time.Duration{24 * time.Hour, time.Hour}, time.Hour, clock.Now
	deps.Deliverer = commands.NewDeliverer(db, adapters, nil)
	deps.MatchCron, deps.MatchBiweekly, deps.MatchWindow = "0 9 * * 1", true, 8*7*24*time.Hour
	deps.GroupThreshold, deps.GroupNotify = 3, []commands.Dest{{Platform: bot.PlatformConsole, Channel: "moderatorer"}}
	deps.Deliverer.SetBackoff(time.Millisecond, 10*time.Millisecond)
	o := bot.Options{
		Name:        "passionbot",
		Prefix:      "!",
		DefaultLang: bot.LangSV,
		Location:    loc,
		Commands:    commands.All(deps),
		Messages:    commands.Messages(),
		Store:       db,
		Fallback:    commands.Fallback(deps),
		OnJoin:      commands.Onboarding(db),
		Suggest:     commands.Suggest(deps),
		Audit:       commands.AuditTo(db, adapters, nil, bot.LangSV),
		DetectLang:  knowledge.DetectLang,
		// Tests send many commands from one member within one instant of
		// the fake clock; the per-member limit has its own tests, which
		// set CommandsPerMinute to 0 (the default) or a value of theirs.
		CommandsPerMinute: -1,
	}
	for _, f := range set.bot {
		f(&o)
	}
	o.Adapters, o.Now = adapters, clock.Now
	deps.Deliverer.SetObserver(o.Observer)
	b, err := bot.New(o)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	if err := commands.Start(ctx, deps); err != nil {
		t.Fatalf("start: %v", err)
	}
	if err := deps.Deliverer.Resume(ctx); err != nil {
		t.Fatalf("resume deliveries: %v", err)
	}
	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sched.Run(runCtx) }()
	t.Cleanup(func() { stop(); <-done })
	return &Harness{t: t, Bot: b, DB: db, Library: deps.Library, Platform: bot.PlatformConsole,
		Clock: clock, Scheduler: sched, Outbox: outbox, Deps: deps}
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
	refused map[string]bool // users whose DMs are closed
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
