package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"cmp"
)

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
	// A plain reply to what the bot asked this member (pending.go); a
	// page the dashboard draws is no reply to anything.
	var answer reply
	if !ev.PageView {
		answer = b.confirms.reply(ev, line, addressed, b.opt.Now())
	}
	if answer.handled {
		line, addressed = cmp.Or(answer.line, line), true
	}
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
	if b.answered(ctx, call, answer) {
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
	if ev.Invoked != nil {
		// A native command the adapter resolved: no text to parse.
		b.invoke(ctx, call, ev.Invoked, func() (Args, error) { return b.parser.BindOptions(ev.Invoked, ev.Options) })
		return
	}
	cmd, toks, rest, err := b.reg.parseLine(line)
	if err != nil {
		// A stray quote in free text is still a question.
		named, _ := b.reg.Lookup(strings.Fields(line))
		if named == nil && b.opt.Fallback != nil && ev.Kind == EventMessage {
			call.label = "question"
			b.noteWritten(ctx, call, line)
			b.run(ctx, call, b.opt.Fallback)
			return
		}
		if named != nil {
			call.label = named.Name
		}
		call.fail(ctx, call.explain(err))
		return
	}
	if cmd == nil {
		// Free text is a question, unless it looks like a command: a
		// command group's word ("role lsit", "faq") or a single word near a
		// command name ("hlep").
		if b.opt.Fallback != nil && ev.Kind == EventMessage && !b.looksLikeCommand(toks) {
			call.label = "question"
			b.noteWritten(ctx, call, line)
			b.run(ctx, call, b.opt.Fallback)
			return
		}
		if list, ok := b.groupHelp(call, toks); ok {
			// "meetup" alone: the group's subcommands, not an error.
			call.label = "help"
			if err := call.Reply(ctx, Reply{Text: list, Ephemeral: true}); err != nil {
				b.log.WarnContext(ctx, "reply failed", "platform", ev.Platform, "err", err)
			}
			return
		}
		call.fail(ctx, b.unknown(call, toks))
		return
	}
	if near, ok := b.nearSubcommand(call, cmd, toks, rest, line); ok {
		// "intressen lägga till keramik": a group's command, then words
		// its arguments do not take, near one of its subcommands.
		call.label = cmd.Name
		call.fail(ctx, near)
		return
	}
	if near, ok := b.nearLongerName(call, cmd, toks, line); ok {
		// "intressen lägg tll keramik": "intressen lägg" is a name, but
		// "tll" is a typo of "till", not the start of the tags.
		call.label = cmd.Name
		call.fail(ctx, near)
		return
	}
	if b.questionNotCommand(ev, cmd, toks, rest, line) {
		// "kurs på engelska?": a question that opens with a command's
		// name, whose words the command cannot take.
		call.label = "question"
		b.noteWritten(ctx, call, line)
		b.run(ctx, call, b.opt.Fallback)
		return
	}
	if typed := strings.Fields(strings.TrimSuffix(line, rest)); key(trimWords(typed)) != key(cmd.Words()) {
		call.named = LangSV // every other name of a command is Swedish
	}
	b.invoke(ctx, call, cmd, func() (Args, error) { return b.parser.bind(cmd, toks, rest) })
}

// questionNotCommand reports whether line, which names cmd, is a question
// rather than the command: it ends with a question mark, and cmd, which
// takes no free text, cannot take its words ("kurs på engelska?",
// "profil för nya medlemmar?").
func (b *Bot) questionNotCommand(ev Event, cmd *Command, toks []token, rest, line string) bool {
	if b.opt.Fallback == nil || ev.Kind != EventMessage || !strings.HasSuffix(strings.TrimSpace(line), "?") {
		return false
	}
	if n := len(cmd.Args); n > 0 && cmd.Args[n-1].Kind == KindRest {
		return false
	}
	_, err := b.parser.bind(cmd, toks, rest)
	var ue *UserError
	return errors.As(err, &ue) && ue.Key == "arg.too_many"
}

// trimWords is words without the punctuation of a sentence after each
// ("hjälp!").
func trimWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.TrimRight(w, "!?.,")
	}
	return out
}

// invoke authorizes cmd for the call, binds its arguments and runs it.
func (b *Bot) invoke(ctx context.Context, call *Call, cmd *Command, bind func() (Args, error)) {
	call.Command, call.label = cmd, cmd.Name
	if call.Event.Kind == EventMessage {
		// A typed command's words are no one's language: a refusal or an
		// argument error is in the member's (see commandLanguage).
		call.Lang = b.commandLanguage(ctx, call, nil)
	}
	if !b.authorize(ctx, call) {
		return
	}
	b.noteLocale(ctx, call) // a refused command changes nothing
	var err error
	if call.Args, err = bind(); err != nil {
		call.fail(ctx, call.explain(err))
		return
	}
	if call.Event.Kind == EventMessage {
		call.Lang = b.commandLanguage(ctx, call, &call.Args)
	}
	if call.Event.Kind == EventAction && !call.confirmed && call.Args.String("confirm") != "" {
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
		c.fail(ctx, c.T("err.forbidden", cmd.NameIn(c.Lang), c.T(cmd.Role.MessageKey()), c.T(c.Role.MessageKey())))
		b.audit(ctx, c, "refused", b.cat.Both("audit.role", b.cat.Msg(cmd.Role.MessageKey()), b.cat.Msg(c.Role.MessageKey())))
		return false
	}
	for _, need := range cmd.Needs {
		if a := b.adapters[c.Event.Platform]; a == nil || !need.has(a) {
			c.fail(ctx, c.T("err.capability", c.platformName(), c.T(need.messageKey())))
			b.audit(ctx, c, "refused", b.cat.Both("audit.capability", b.cat.Msg(need.messageKey())))
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
	if c.Event.PageView && result == "ok" {
		// A dashboard page drawn (the audit log itself, each reload) is
		// no action; a refused one still is recorded.
		return
	}
	target := c.Args.String("user")
	if target == "" {
		target = c.Args.String("channel")
	}
	b.opt.Audit(context.WithoutCancel(ctx), AuditRecord{Platform: c.Event.Platform, Actor: c.Event.User, Action: c.Command.Name,
		Target: target, Reason: c.Args.String("reason"), Result: result, Detail: detail, Role: c.Role, At: b.opt.Now()})
}

// platformName is the caller's platform as a sentence's subject in the
// caller's language ("Konsolen", "The console", "Slack").
func (c *Call) platformName() string {
	switch p := c.Event.Platform; p {
	case PlatformDiscord, PlatformSlack, PlatformConsole:
		return c.T("platform." + string(p))
	default:
		return string(p)
	}
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
			b.audit(ctx, c, "failed", b.cat.Both("audit.internal"))
		}
	}()
	err := fn(ctx, c)
	var ue *UserError
	switch {
	case err == nil:
		b.audit(ctx, c, "ok", "")
	case errors.As(err, &ue):
		b.audit(ctx, c, "refused", b.cat.Both(ue.Key, ue.Args...))
	default:
		b.audit(ctx, c, "failed", err.Error())
	}
	b.log.DebugContext(ctx, "command handled", "platform", c.Event.Platform, "command", c.name(), "took", time.Since(start), "err", err)
	if err == nil {
		return
	}
	switch {
	case errors.As(err, &ue):
		c.fail(ctx, c.explain(err))
	default:
		b.log.ErrorContext(ctx, "command failed", "command", c.name(), "err", err)
		c.result = ResultFailed
		c.fail(ctx, c.T("err.internal"))
	}
}
