package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// AuditRecord is one privileged action, for the audit log.
type AuditRecord struct {
	Platform Platform
	Actor    User
	Action   string // the command's name
	Target   string // the user or channel argument, "" when none
	Reason   string
	Result   string    // ok, refused, failed
	Detail   string    // why, in English
	Role     Role      // the actor's effective role
	At       time.Time // when (Options.Now); zero: now
}

// HandlerTimeout bounds the handling of one event.
const HandlerTimeout = 2 * time.Minute

// Member is what the core knows about a user: their platform facts plus
// what is stored (chosen locale, the language they last wrote in, granted
// role).
type Member struct {
	User
	Locale  string // chosen language, "" when none
	Written string // the language the member last wrote in, "" when none yet
	Client  string // the language their console or client last stated, "" when none
	Granted Role   // role granted in the database
}

// MemberStore records members as they are seen and returns their stored
// facts. Implemented by storage.
type MemberStore interface {
	SeenMember(ctx context.Context, u User, at time.Time) (Member, error)
	// GrantedRole reads the role granted to u (RoleMember when none)
	// without recording anything.
	GrantedRole(ctx context.Context, u User) (Role, error)
}

// WrittenLangStore keeps the language each member last wrote in
// (Member.Written). A MemberStore that implements it (storage does) has it
// recorded; with one that does not, the language is used for the message
// itself only.
type WrittenLangStore interface {
	SetWrittenLang(ctx context.Context, u User, lang string) error
}

// ClientLangStore keeps the language each member's console or client last
// stated (Member.Client), for notices sent to them later (a meetup
// cancelled, a reminder). Storage implements it.
type ClientLangStore interface {
	SetClientLang(ctx context.Context, u User, lang string) error
}

// minWrittenWords is the fewest words of free text whose clear language
// becomes the member's last written language: "ok", "lol" or "forget it"
// say nothing about it.
const minWrittenWords = 3

// Options configure a Bot.
type Options struct {
	Name        string         // the bot's name, for help
	Prefix      string         // command prefix in channels, e.g. "!"
	DefaultLang string         // "sv" or "en"
	Location    *time.Location // community timezone
	Commands    []*Command
	// Catalog holds the messages (nil: the core's only); Messages are
	// more sets added to it (a test's commands).
	Catalog  *Catalog
	Messages []Messages
	Store    MemberStore
	// Roles maps platform role ids and names to roles ([roles]).
	Roles RoleMap
	// DetectLang guesses the language of a text; confident false means unsure.
	DetectLang func(text string) (lang string, confident bool)
	// Fallback handles addressed text that is not a command (questions);
	// it reads Call.Line. Nil means such text gets the unknown-command answer.
	Fallback RunFunc
	// Chat reports whether free text is small talk ("hej", "tack!") that
	// Fallback answers: such text never gets the unknown-command answer,
	// even one word near a command's name ("hej" is two edits from "help").
	Chat func(text string) bool
	// Suggest offers values for an argument declared with Suggest, given
	// what the member has typed so far.
	// viewer is the asker's role, for what they may see.
	Suggest func(ctx context.Context, p Platform, viewer Role, command, arg, typed string) []string
	// Audit records privileged actions (commands whose minimum role is
	// moderator or above): who, what, target, reason, result.
	Audit func(ctx context.Context, r AuditRecord)
	// Inspect sees every message from members below moderator (moderators
	// and admins are never inspected) before anything else; it reports
	// whether it acted (automatic moderation), and the message then goes no
	// further.
	Inspect func(ctx context.Context, c *Call) bool
	// OnJoin greets a member who joined (EventMemberJoined); nil ignores joins.
	OnJoin RunFunc
	// Adapters are the connected platforms, for capability checks and Send.
	Adapters []Adapter
	Logger   *slog.Logger
	// Observer is told what is handled, for metrics (nil: nothing).
	Observer Observer
	// MaxMessage is the longest message read, in bytes (default 16 KiB).
	MaxMessage int
	// CommandsPerMinute and CommandBurst limit each member below moderator
	// (see ratelimit.go): 0 means DefaultCommandsPerMinute and
	// DefaultCommandBurst; a negative CommandsPerMinute turns the limit off.
	CommandsPerMinute int
	CommandBurst      int
	Now               func() time.Time
}

// Bot routes events to commands. It is the Handler every adapter feeds.
type Bot struct {
	opt      Options
	reg      *Registry
	cat      *Catalog
	parser   Parser
	log      *slog.Logger
	adapters map[Platform]Adapter
	obs      Observer
	running  sync.WaitGroup
	limits   *memberLimits // nil: no per-member limit
	confirms *confirmations
}

// New validates the command declarations and messages and returns a Bot.
func New(opt Options) (*Bot, error) {
	reg, err := NewRegistry(opt.Commands)
	if err != nil {
		return nil, err
	}
	cat := opt.Catalog
	if cat == nil {
		var err error
		if cat, err = NewCatalog(); err != nil {
			return nil, err
		}
	}
	if err := cat.Add(opt.Messages...); err != nil {
		return nil, err
	}
	if errs := cat.Check(); len(errs) > 0 {
		return nil, fmt.Errorf("message catalog: %w", errors.Join(errs...))
	}
	if opt.Store == nil {
		return nil, errors.New("bot: no member store")
	}
	if !ValidLang(opt.DefaultLang) {
		opt.DefaultLang = LangSV
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.MaxMessage <= 0 {
		opt.MaxMessage = 16 << 10
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	b := &Bot{opt: opt, reg: reg, cat: cat, log: opt.Logger, adapters: map[Platform]Adapter{}, obs: Observe(opt.Observer), confirms: newConfirmations()}
	b.parser = Parser{Location: opt.Location, Now: opt.Now}
	b.limits = newMemberLimits(opt.CommandsPerMinute, opt.CommandBurst)
	for _, a := range opt.Adapters {
		b.adapters[a.Platform()] = a
	}
	return b, nil
}

// Registry returns the command declarations.
func (b *Bot) Registry() *Registry { return b.reg }

// Catalog returns the message catalog.
func (b *Bot) Catalog() *Catalog { return b.cat }

// Options returns the bot's configuration.
func (b *Bot) Options() Options { return b.opt }

// Observer returns what is told about handled events (never nil).
func (b *Bot) Observer() Observer { return b.obs }

// Adapter returns the connected adapter for p, or nil.
func (b *Bot) Adapter(p Platform) Adapter { return b.adapters[p] }

// Wait blocks until running handlers finish or ctx ends.
func (b *Bot) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { b.running.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("handlers still running: %w", ctx.Err())
	}
}

// commandLanguage is the reply language of a typed command. Its English
// name and options' names are the same words for Swedish and English
// speakers ("meetup create title:… when:…") and choices are canonical
// English ("answer:no"), so what the member wrote freely (text values) is
// read, and then whether they named the command in Swedish ("hjälp",
// "träff lista"); with no args (before they are bound: a refusal, an argument
// error) nothing is. A clear language of that text becomes the member's
// last written language (Member.Written).
func (b *Bot) commandLanguage(ctx context.Context, c *Call, args *Args) string {
	ev := c.Event
	ev.Text = ""
	if args != nil {
		var free []string
		for _, a := range c.Command.Args {
			if a.Kind == KindText || a.Kind == KindRest {
				free = append(free, args.String(a.Name))
			}
		}
		ev.Text = strings.Join(free, " ")
		b.noteWritten(ctx, c, ev.Text)
	}
	return b.language(c.Member, ev, c.named)
}

// Language picks the reply language for m's event: the member's chosen
// language (`language`), else the event's explicit locale (the console's
// --lang, the dashboard's), else the platform's locale (Discord's
// interaction locale, Slack's user locale) when it is Swedish or English,
// else the language of the event's text when the detector is confident,
// else the language the member last wrote in, else the default (sv).
func (b *Bot) Language(m Member, ev Event) string { return b.language(m, ev, "") }

// language is Language, with named the language of the name a command
// was typed by ("hjälp" is Swedish; "" for a name both languages share):
// it counts as the message's language when its text does not say.
func (b *Bot) language(m Member, ev Event, named string) string {
	if ValidLang(m.Locale) {
		return m.Locale
	}
	if l := eventLocale(ev); l != "" {
		return l
	}
	if l, ok := b.detect(ev.Text); ok {
		return l
	}
	if ValidLang(named) {
		return named
	}
	if ValidLang(m.Written) {
		return m.Written
	}
	return b.opt.DefaultLang
}

// eventLocale is the language the event states: its explicit locale (the
// console's --lang, the dashboard's), else the platform's locale when it
// is Swedish or English; "" when it states none.
func eventLocale(ev Event) string {
	if ValidLang(ev.Locale) {
		return ev.Locale
	}
	if l := strings.ToLower(ev.LocaleHint); len(l) >= 2 && ValidLang(l[:2]) && (len(l) == 2 || l[2] == '-' || l[2] == '_') {
		return l[:2]
	}
	return ""
}

// detect is the configured detector's confident guess.
func (b *Bot) detect(text string) (string, bool) {
	if b.opt.DetectLang == nil || strings.TrimSpace(text) == "" {
		return "", false
	}
	l, ok := b.opt.DetectLang(text)
	return l, ok && ValidLang(l)
}

// noteWritten makes the clear language of text the member wrote freely
// (minWrittenWords words or more) their last written language, in the
// call and, when it changed, in the store.
func (b *Bot) noteWritten(ctx context.Context, c *Call, text string) {
	if len(strings.Fields(text)) < minWrittenWords {
		return
	}
	if l, ok := b.detect(text); ok {
		b.setWritten(ctx, c, l)
	}
}

// noteLocale records the language the event states (eventLocale) as the
// one the member's console or client speaks, when it changed: a notice
// sent to them later, outside any conversation (a meetup cancelled, a
// reminder), comes in it when they chose no language and wrote nothing
// that tells.
func (b *Bot) noteLocale(ctx context.Context, c *Call) {
	if c.Event.PageView || c.Event.Kind == EventAction {
		return // a dashboard page or a form: the member's chat says it
	}
	l := eventLocale(c.Event)
	if l == "" || l == c.Member.Client {
		return
	}
	c.Member.Client = l
	s, ok := b.opt.Store.(ClientLangStore)
	if !ok {
		return
	}
	if err := s.SetClientLang(context.WithoutCancel(ctx), c.Event.User, l); err != nil {
		b.log.WarnContext(ctx, "recording the client language failed", "platform", c.Event.Platform, "err", err)
	}
}

// setWritten makes l the member's last written language, in the call and,
// when it changed, in the store.
func (b *Bot) setWritten(ctx context.Context, c *Call, l string) {
	if l == c.Member.Written {
		return
	}
	c.Member.Written = l
	s, ok := b.opt.Store.(WrittenLangStore)
	if !ok {
		return
	}
	if err := s.SetWrittenLang(context.WithoutCancel(ctx), c.Event.User, l); err != nil {
		b.log.WarnContext(ctx, "recording the written language failed", "platform", c.Event.Platform, "err", err)
	}
}
