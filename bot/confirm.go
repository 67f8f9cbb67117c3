package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// ConfirmTTL is how long a confirmation button works.
const ConfirmTTL = 10 * time.Minute

// confirmPrefix starts the action id of a confirmation button; the rest is
// its nonce. Members cannot type an action, only click one.
const confirmPrefix = "confirm#"

// confirmations are what the bot has asked members and waits for: the
// open confirmation buttons, each bound to the member who asked, and each
// member's one open question that a plain reply answers (pending.go).
// They live in memory: after a restart a click answers that the button
// expired, a reply is read as any other message, and the member asks again.
type confirmations struct {
	mu      sync.Mutex
	pending map[string]pendingConfirm // by nonce
	asked   map[string]question       // by User.Key() of the member asked
}

type pendingConfirm struct {
	user    string // User.Key() of the member who asked
	line    string // the command the button runs, with confirm:yes
	expires time.Time
}

func newConfirmations() *confirmations {
	return &confirmations{pending: map[string]pendingConfirm{}, asked: map[string]question{}}
}

// add stores a confirmation and returns its nonce (128 random bits).
func (cs *confirmations) add(user, line string, now time.Time) string {
	var b [16]byte
	rand.Read(b[:])
	nonce := hex.EncodeToString(b[:])
	cs.mu.Lock()
	defer cs.mu.Unlock()
	for n, p := range cs.pending {
		if !now.Before(p.expires) {
			delete(cs.pending, n)
		}
	}
	cs.pending[nonce] = pendingConfirm{user: user, line: line, expires: now.Add(ConfirmTTL)}
	return nonce
}

// take returns the command of the confirmation nonce when user asked for
// it and it has not expired, and uses it up. Otherwise it returns the
// catalog key that explains why not, and a click by someone else leaves
// the button working for the member who asked.
func (cs *confirmations) take(nonce, user string, now time.Time) (line, refusal string) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	p, ok := cs.pending[nonce]
	switch {
	case !ok || !now.Before(p.expires):
		delete(cs.pending, nonce)
		return "", "err.confirm_expired"
	case p.user != user:
		return "", "err.confirm_not_yours"
	}
	delete(cs.pending, nonce)
	if q, ok := cs.asked[user]; ok && q.nonce == nonce {
		delete(cs.asked, user) // clicked: answered, a later "ja" is any other message
	}
	return p.line, ""
}

// Confirm asks the member before a destructive action: a private reply
// with text and a button labelled label that runs line (the same command
// with confirm:yes) for this member only, once, within ConfirmTTL. A
// platform without buttons shows line to type instead. A plain "ja" or
// "nej" from the member, where they asked or in their DM with the bot
// (where the private reply may have gone), answers it too (see Expect).
func (c *Call) Confirm(ctx context.Context, text, label, line string) error {
	now := c.bot.opt.Now()
	nonce := c.bot.confirms.add(c.Event.User.Key(), line, now)
	c.bot.confirms.ask(c.question(Answers{Yes: line}, nonce, true, now), now)
	text += "\n" + c.T("answer.hint_yes_no")
	return c.Reply(ctx, Reply{Text: text, Private: true, Card: &Card{
		Buttons: []Button{{Label: label, Action: confirmPrefix + nonce, Command: line, Style: ButtonDanger}}}})
}

// replyByDM sends a private reply where the platform cannot answer
// ephemerally (a Discord channel message): by DM, with a short note in
// the channel. When the member's DMs are closed, the channel hears how to
// open them, never the reply itself.
func (c *Call) replyByDM(ctx context.Context, r Reply) error {
	a := c.bot.adapters[c.Event.Platform]
	if a == nil {
		return fmt.Errorf("private reply: no %s adapter to send a DM", c.Event.Platform)
	}
	r.Ephemeral = false
	if _, err := a.Send(ctx, Target{User: c.Event.User.ID}, r); err != nil {
		if !IsPermanent(err) {
			return fmt.Errorf("private reply by DM: %w", err)
		}
		c.bot.log.InfoContext(ctx, "private reply: DM refused", "platform", c.Event.Platform, "user", c.Event.User.Key(), "err", err)
		return c.Event.Respond(ctx, Reply{Text: c.T("reply.dm_closed"), Ephemeral: true})
	}
	return c.Event.Respond(ctx, Reply{Text: c.T("reply.sent_dm"), Ephemeral: true})
}
