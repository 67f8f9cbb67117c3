package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
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
// what is stored (chosen locale, granted role).
type Member struct {
	User
	Locale  string // chosen language, "" when none
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

// Options configure a Bot.
type Options struct {
	Name        string         // the bot's name, for help
	Prefix      string         // command prefix in channels, e.g. "!"
	DefaultLang string         // "sv" or "en"
	Location    *time.Location // community timezone
	Commands    []*Command
	Messages    []Messages // feature packages' message sets
	Store       MemberStore
	// Roles maps platform role ids and names to roles ([roles]).
	Roles RoleMap
	// DetectLang guesses the language of a text; confident false means unsure.
	DetectLang func(text string) (lang string, confident bool)
	// Fallback handles addressed text that is not a command (questions);
	// it reads Call.Line. Nil means such text gets the unknown-command answer.
	Fallback RunFunc
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
	cat, err := NewCatalog(opt.Messages...)
	if err != nil {
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

// Suggestions returns values to offer for a command's argument (at most
// 25, Discord's limit), or none: none also when u may not run the command.
func (b *Bot) Suggestions(ctx context.Context, u User, command, arg, typed string) []string {
	cmd, n := b.reg.Lookup(strings.Fields(command))
	if b.opt.Suggest == nil || cmd == nil || n != len(strings.Fields(command)) {
		return nil
	}
	role, err := b.callerRole(ctx, u)
	if err != nil || role < cmd.Role {
		return nil
	}
	out := b.opt.Suggest(ctx, u.Platform, role, command, arg, CleanText(typed))
	return out[:min(len(out), 25)]
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

// Handle routes one inbound event. It never panics and always answers an
// addressed event, with the result or a reason.
//
// The handler's context is detached from ctx's cancellation: when the bot
// is stopped (SIGTERM), a handler already running finishes its reply; Wait
// bounds how long the process waits for it. HandlerTimeout bounds one event.
func (b *Bot) Handle(ctx context.Context, ev Event) {
	b.running.Add(1)
	defer b.running.Done()
	ev = cleanEvent(ev)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), HandlerTimeout)
	defer cancel()
	b.obs.Received(ev.Platform, ev.Kind)
	switch ev.Kind {
	case EventMessage, EventCommand, EventAction:
		b.handleCommand(ctx, ev)
	case EventMemberJoined:
		if b.opt.OnJoin == nil {
			return
		}
		m, err := b.opt.Store.SeenMember(ctx, ev.User, b.opt.Now())
		if err != nil {
			b.log.ErrorContext(ctx, "member lookup failed", "platform", ev.Platform, "err", err)
			m = Member{User: ev.User}
		}
		call := &Call{bot: b, Event: ev, Member: m, Role: b.opt.Roles.Role(m.User, m.Granted), Lang: b.Language(m, ev)}
		b.run(ctx, call, b.opt.OnJoin)
	}
}

// line returns the command text of a message event and whether the bot
// should read it at all.
func (b *Bot) line(ev Event) (string, bool) {
	text := strings.TrimSpace(strings.ToValidUTF8(ev.Text, "\uFFFD"))
	switch ev.Kind {
	case EventAction:
		return ev.Action, true
	case EventCommand:
		return strings.TrimSpace(ev.Command + " " + text), true
	}
	if p := b.opt.Prefix; p != "" && strings.HasPrefix(text, p) {
		return strings.TrimSpace(text[len(p):]), true
	}
	return text, ev.Addressed
}

func (b *Bot) handleCommand(ctx context.Context, ev Event) {
	start := time.Now() // handling time is measured from receipt
	line, addressed := b.line(ev)
	forCommands := addressed && (line != "" || ev.Kind != EventMessage)
	inspect := ev.Kind == EventMessage && b.opt.Inspect != nil && strings.TrimSpace(ev.Text) != ""
	if !forCommands && !inspect {
		return
	}
	call := &Call{bot: b, Event: ev, Line: line, label: "unknown"}
	m, err := b.opt.Store.SeenMember(ctx, ev.User, b.opt.Now())
	if err != nil {
		b.log.ErrorContext(ctx, "member lookup failed", "platform", ev.Platform, "err", err)
		m = Member{User: ev.User}
	}
	call.Member = m
	call.Role = b.opt.Roles.Role(m.User, m.Granted)
	call.Lang = b.Language(m, ev)
	// Automatic moderation sees every message from members below
	// moderator first; when it acts, the message goes no further.
	if inspect && call.Role < RoleModerator && b.opt.Inspect(ctx, call) {
		return
	}
	if !forCommands {
		return
	}
	defer func() {
		// run recovers the handlers' panics; this catches one in the
		// routing itself (binding options, the audit hook), so that Handle
		// never panics and the event is still counted.
		if p := recover(); p != nil {
			b.log.ErrorContext(ctx, "routing panic", "command", call.label, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			call.result = ResultFailed
			call.fail(ctx, call.T("err.internal"))
		}
		b.obs.Handled(ev.Platform, call.label, cmp.Or(call.result, ResultOK), time.Since(start))
	}()
	if !b.allow(ctx, call) {
		return // too many commands from this member: one reply, then silence
	}

	if len(line) > b.opt.MaxMessage {
		call.fail(ctx, call.T("err.too_long", len(line), b.opt.MaxMessage))
		return
	}
	if ev.Kind == EventAction && strings.HasPrefix(line, confirmPrefix) {
		// A confirmation button: it runs the command it stands for only for
		// the member who asked, once, within ConfirmTTL.
		var key string
		if line, key = b.confirms.take(strings.TrimPrefix(line, confirmPrefix), ev.User.Key(), b.opt.Now()); key != "" {
			call.fail(ctx, call.T(key))
			return
		}
		call.confirmed = true
	}
	cmd, toks, rest, err := b.reg.parseLine(line)
	if err != nil {
		// A stray quote in free text is still a question.
		named, _ := b.reg.Lookup(strings.Fields(line))
		if named == nil && b.opt.Fallback != nil && ev.Kind == EventMessage {
			call.label = "question"
			b.run(ctx, call, b.opt.Fallback)
			return
		}
		if named != nil {
			call.label = named.Name
		}
		call.fail(ctx, call.argError(err))
		return
	}
	if cmd == nil {
		// Free text is a question, unless it looks like a command: a
		// command group's word ("role lsit", "faq") or a single word near a
		// command name ("hlep").
		if b.opt.Fallback != nil && ev.Kind == EventMessage && !b.looksLikeCommand(toks) {
			call.label = "question"
			b.run(ctx, call, b.opt.Fallback)
			return
		}
		call.fail(ctx, b.unknown(call, toks))
		return
	}
	call.Command, call.label = cmd, cmd.Name
	if !b.authorize(ctx, call) {
		return
	}
	if ev.Kind == EventCommand && len(ev.Options) > 0 {
		call.Args, err = b.parser.BindOptions(cmd, ev.Options)
	} else {
		call.Args, err = b.parser.bind(cmd, toks, rest)
	}
	if err != nil {
		call.fail(ctx, call.argError(err)+"\n"+call.T("err.usage", cmd.Usage()))
		return
	}
	if ev.Kind == EventAction && !call.confirmed && call.Args.String("confirm") != "" {
		// A button that carries confirm:yes itself (posted before
		// confirmations were bound, or forged) would act for whoever
		// clicks it.
		call.fail(ctx, call.T("err.confirm_expired"))
		return
	}
	b.run(ctx, call, cmd.Run)
}

// authorize is the one place where permissions are checked: the member's
// role against the command's minimum, and the platform's capabilities
// against what the command needs. Every refusal is explained.
func (b *Bot) authorize(ctx context.Context, c *Call) bool {
	cmd := c.Command
	if c.Role < cmd.Role {
		b.log.InfoContext(ctx, "command refused", "command", cmd.Name, "user", c.Event.User.Key(), "role", c.Role, "needs", cmd.Role)
		c.fail(ctx, c.T("err.forbidden", cmd.Name, c.T(cmd.Role.MessageKey()), c.T(c.Role.MessageKey())))
		b.audit(ctx, c, "refused", "role "+cmd.Role.String()+" required; actor is "+c.Role.String())
		return false
	}
	for _, need := range cmd.Needs {
		a := b.adapters[c.Event.Platform]
		if a == nil || !HasCapability(a, need) {
			c.fail(ctx, c.T("err.capability", platformName(c.Event.Platform), c.T("cap."+string(need))))
			b.audit(ctx, c, "refused", "the platform has no "+string(need))
			return false
		}
	}
	return true
}

// audit records a privileged command's outcome.
func (b *Bot) audit(ctx context.Context, c *Call, result, detail string) {
	if b.opt.Audit == nil || c.Command == nil || c.Command.Role < RoleModerator {
		return
	}
	target := c.Args.String("user")
	if target == "" {
		target = c.Args.String("channel")
	}
	b.opt.Audit(context.WithoutCancel(ctx), AuditRecord{Platform: c.Event.Platform, Actor: c.Event.User, Action: c.Command.Name,
		Target: target, Reason: c.Args.String("reason"), Result: result, Detail: detail, Role: c.Role, At: b.opt.Now()})
}

func platformName(p Platform) string {
	switch p {
	case PlatformDiscord:
		return "Discord"
	case PlatformSlack:
		return "Slack"
	case PlatformConsole:
		return "Konsolen/The console"
	}
	return string(p)
}

// RoleOf computes the role of u, a command's target, by the same rules as
// a caller's (RoleMap.Role): the platform's server-wide facts, looked up
// fresh where the platform can (MemberResolver), [roles], and role grants.
// A member who has left has only their grant; a lookup that fails is an
// error, never a lower role.
func (b *Bot) RoleOf(ctx context.Context, u User) (Role, error) {
	if r, ok := b.adapters[u.Platform].(MemberResolver); ok {
		facts, err := r.Member(ctx, u.ID)
		switch {
		case err == nil:
			u = facts
		case errors.Is(err, ErrNoSuchMember):
			u = User{Platform: u.Platform, ID: u.ID}
		default:
			return RoleMember, fmt.Errorf("role of %s: %w", u.Key(), err)
		}
	}
	granted, err := b.opt.Store.GrantedRole(ctx, u)
	if err != nil {
		return RoleMember, fmt.Errorf("role of %s: %w", u.Key(), err)
	}
	return b.opt.Roles.Role(u, granted), nil
}

// callerRole is the role of u as the author of an event (the adapter has
// already put the platform's facts in u).
func (b *Bot) callerRole(ctx context.Context, u User) (Role, error) {
	granted, err := b.opt.Store.GrantedRole(ctx, u)
	if err != nil {
		return RoleMember, err
	}
	return b.opt.Roles.Role(u, granted), nil
}

// Language picks the reply language for m's event (see the package doc).
func (b *Bot) Language(m Member, ev Event) string {
	switch {
	case ValidLang(m.Locale):
		return m.Locale
	case ValidLang(ev.Locale):
		return ev.Locale
	}
	if b.opt.DetectLang != nil {
		if l, ok := b.opt.DetectLang(ev.Text); ok && ValidLang(l) {
			return l
		}
	}
	if l := strings.ToLower(ev.LocaleHint); len(l) >= 2 && ValidLang(l[:2]) {
		return l[:2]
	}
	return b.opt.DefaultLang
}

// run calls a handler, turning a panic into a polite reply and a logged
// stack, and an error into an explanation.
func (b *Bot) run(ctx context.Context, c *Call, fn RunFunc) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			b.log.ErrorContext(ctx, "handler panic", "command", c.name(), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			c.result = ResultFailed
			c.fail(ctx, c.T("err.internal"))
			b.audit(ctx, c, "failed", "internal error")
		}
	}()
	err := fn(ctx, c)
	var ue *UserError
	switch {
	case err == nil:
		b.audit(ctx, c, "ok", "")
	case errors.As(err, &ue):
		b.audit(ctx, c, "refused", b.cat.T(LangEN, ue.Key, ue.Args...))
	default:
		b.audit(ctx, c, "failed", err.Error())
	}
	b.log.DebugContext(ctx, "command handled", "platform", c.Event.Platform, "command", c.name(), "took", time.Since(start), "err", err)
	if err == nil {
		return
	}
	var ae *ArgError
	switch {
	case errors.As(err, &ue):
		c.fail(ctx, c.T(ue.Key, ue.Args...))
	case errors.As(err, &ae):
		msg := c.argError(ae)
		if c.Command != nil {
			msg += "\n" + c.T("err.usage", c.Command.Usage())
		}
		c.fail(ctx, msg)
	default:
		b.log.ErrorContext(ctx, "command failed", "command", c.name(), "err", err)
		c.result = ResultFailed
		c.fail(ctx, c.T("err.internal"))
	}
}

// firstWords returns up to n leading positional words, lowercased.
func firstWords(toks []token, n int) []string {
	var words []string
	for _, t := range toks {
		if t.named || len(words) == n {
			break
		}
		words = append(words, strings.ToLower(t.value))
	}
	return words
}

// unknown explains an unknown command and suggests the nearest name.
func (b *Bot) unknown(c *Call, toks []token) string {
	words := firstWords(toks, 2)
	typed := strings.Join(words, " ")
	if utf8.RuneCountInString(typed) > 40 {
		typed = string([]rune(typed)[:40]) + "…"
	}
	msg := c.T("err.unknown", typed)
	if s := b.suggest(words); s != "" {
		msg += " " + c.T("err.suggest", s)
	}
	if len(words) > 0 && b.reg.IsGroup(words[0]) {
		if list, ok := b.HelpFor(c.Lang, c.Role, words[:1]); ok {
			return msg + "\n" + list
		}
	}
	return msg + " " + c.T("err.help_hint")
}

// looksLikeCommand tells an attempted command from free text: its first
// word starts a command group, its first two words are near a two-word
// command, or it is one word near a command name.
func (b *Bot) looksLikeCommand(toks []token) bool {
	words := firstWords(toks, 2)
	if len(words) == 0 {
		return false
	}
	if b.reg.IsGroup(words[0]) || (len(words) == 2 && strings.Contains(b.suggest(words), " ")) {
		return true // "role lsit", "rolle list"
	}
	return len(toks) == 1 && b.suggest(words) != ""
}

// suggest returns the command name nearest to the typed words, among the
// names within reach: one edit for names of up to 3 letters, two up to 8,
// three beyond.
func (b *Bot) suggest(words []string) string {
	best, bestD := "", 1<<30
	for _, n := range b.reg.Names() {
		k := len(strings.Fields(n))
		if k > len(words) {
			continue
		}
		d := levenshtein.ComputeDistance(strings.Join(words[:k], " "), n)
		limit := 1
		if l := utf8.RuneCountInString(n); l > 8 {
			limit = 3
		} else if l > 3 {
			limit = 2
		}
		if d <= limit && (d < bestD || (d == bestD && n < best)) {
			best, bestD = n, d
		}
	}
	return best
}

// UserError is a handler's explanation for the member, by catalog key.
type UserError struct {
	Key  string
	Args []any
}

func (e *UserError) Error() string { return fmt.Sprintf("%s %v", e.Key, e.Args) }

// Call is one authorized command invocation handed to a handler.
type Call struct {
	bot     *Bot
	Event   Event
	Command *Command // nil for the fallback handler
	Args    Args
	Member  Member
	Role    Role   // effective role
	Lang    string // reply language
	// Line is the text the member typed (prefix stripped), which the
	// Fallback handler reads as a question.
	Line string

	label     string // the command's name for metrics
	result    string // "" while all goes well; set by fail
	confirmed bool   // run from the member's own confirmation button
}

// Bot returns the bot handling the call.
func (c *Call) Bot() *Bot { return c.bot }

// T returns a catalog message in the call's language.
func (c *Call) T(key string, args ...any) string { return c.bot.cat.T(c.Lang, key, args...) }

// Errorf returns an error that the router explains to the member with the
// catalog message key.
func (c *Call) Errorf(key string, args ...any) error { return &UserError{Key: key, Args: args} }

// Reply answers the call. Text is made safe: it can never ping everyone.
func (c *Call) Reply(ctx context.Context, r Reply) error {
	if c.Event.Respond == nil {
		return nil
	}
	if c.Command != nil && c.Command.Private {
		r.Private = true
	}
	if c.Command != nil && c.Command.Ephemeral {
		r.Ephemeral = true
	}
	r.Ephemeral = r.Ephemeral || r.Private
	if r.Private && !c.Event.Channel.DM && !c.Event.PrivateReplies {
		return c.replyByDM(ctx, Sanitize(r))
	}
	return c.Event.Respond(ctx, Sanitize(r))
}

// Say replies with a catalog message.
func (c *Call) Say(ctx context.Context, key string, args ...any) error {
	return c.Reply(ctx, Reply{Text: c.T(key, args...)})
}

func (c *Call) name() string {
	if c.Command == nil {
		return "(text)"
	}
	return c.Command.Name
}

// fail replies with an explanation, ephemeral where possible.
func (c *Call) fail(ctx context.Context, msg string) {
	if c.result == "" {
		c.result = ResultRefused
	}
	if c.Event.Respond == nil {
		return
	}
	if err := c.Event.Respond(ctx, Sanitize(Reply{Text: msg, Ephemeral: true})); err != nil {
		c.bot.log.WarnContext(ctx, "reply failed", "platform", c.Event.Platform, "err", err)
	}
}

func (c *Call) argError(err error) string {
	var ae *ArgError
	if errors.As(err, &ae) {
		return c.T(ae.Key, ae.Args...)
	}
	return c.T("err.internal")
}
