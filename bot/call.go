package bot

import (
	"context"
	"errors"
	"fmt"
)

// UserError is the one error a member reads: a refusal or an
// explanation by catalog key, shown in the member's language. Usage adds
// the command's usage line (wrong or missing arguments). Any other error
// from a handler is a failure: logged, and the member gets a polite
// "something went wrong".
type UserError struct {
	Key   string
	Args  []any
	Usage bool
}

func (e *UserError) Error() string { return fmt.Sprintf("%s %v", e.Key, e.Args) }

// Refusal returns the UserError with catalog key and its arguments.
func Refusal(key string, args ...any) *UserError { return &UserError{Key: key, Args: args} }

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
	// named is the language of the name the member typed the command by:
	// "sv" for a Swedish name ("hjälp", "träff lista"), "" for the
	// English name both languages share (commandLanguage).
	named string
}

// Bot returns the bot handling the call.
func (c *Call) Bot() *Bot { return c.bot }

// T returns a catalog message in the call's language.
func (c *Call) T(key string, args ...any) string { return c.bot.cat.T(c.Lang, key, args...) }

// TN returns the plural form of message key for count n in the caller's
// language (Catalog.TN).
func (c *Call) TN(key string, n int, args ...any) string {
	return c.bot.cat.TN(c.Lang, key, n, args...)
}

// Refuse returns the error that tells the member, by catalog key, why the
// command does not do what they asked; the router replies with it.
func (c *Call) Refuse(key string, args ...any) error { return Refusal(key, args...) }

// Reply answers the call. Text is made safe: it can never ping everyone.
func (c *Call) Reply(ctx context.Context, r Reply) error {
	if c.Event.Respond == nil {
		return nil
	}
	r.Private = r.Private || (c.Command != nil && c.Command.Private)
	r.Ephemeral = r.Ephemeral || r.Private || c.Command.RepliesEphemeral()
	r = c.bot.ButtonsIn(r, c.Lang) // the commands behind buttons, as the member types them
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

// explain is the member's reading of a UserError (with the usage line
// when it asks for one), or the internal-error apology for anything else.
func (c *Call) explain(err error) string {
	var ue *UserError
	if !errors.As(err, &ue) {
		return c.T("err.internal")
	}
	msg := c.T(ue.Key, ue.Args...)
	if ue.Usage && c.Command != nil {
		msg += "\n" + c.T("err.usage", c.Command.UsageIn(c.Lang))
	}
	return msg
}
