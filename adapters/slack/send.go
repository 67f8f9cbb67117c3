package slack

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// Send posts a message the bot starts itself, to a channel or (Target.User)
// to a member's DM.
func (a *Adapter) Send(ctx context.Context, to bot.Target, r bot.Reply) (bot.MessageRef, error) {
	channel := to.Channel
	if to.User != "" {
		var ch *slackapi.Channel
		err := a.retry(ctx, func() (err error) {
			ch, _, _, err = a.api.OpenConversationContext(ctx, &slackapi.OpenConversationParameters{Users: []string{to.User}})
			return err
		})
		if err != nil {
			return bot.MessageRef{}, fmt.Errorf("slack: open DM with %s: %w", to.User, classify(err))
		}
		channel = ch.ID
	}
	if channel == "" {
		return bot.MessageRef{}, errors.New("slack: send: no channel or user")
	}
	ts, err := a.post(ctx, channel, "", bot.Sanitize(r))
	return bot.MessageRef{Channel: channel, ID: ts}, err
}

// SendGroup opens a group DM with the members (at most 8, Slack's limit)
// and posts in it.
func (a *Adapter) SendGroup(ctx context.Context, users []string, r bot.Reply) (bot.MessageRef, error) {
	var ch *slackapi.Channel
	err := a.retry(ctx, func() (err error) {
		ch, _, _, err = a.api.OpenConversationContext(ctx, &slackapi.OpenConversationParameters{Users: users})
		return err
	})
	if err != nil {
		return bot.MessageRef{}, fmt.Errorf("slack: open a group DM: %w", classify(err))
	}
	ts, err := a.post(ctx, ch.ID, "", bot.Sanitize(r))
	return bot.MessageRef{Channel: ch.ID, ID: ts}, err
}

// post sends every message of a reply to a channel (in a thread when
// thread is set), paced per channel; it returns the last message's ts.
func (a *Adapter) post(ctx context.Context, channel, thread string, r bot.Reply) (string, error) {
	last := ""
	for _, m := range render(r) {
		opts := []slackapi.MsgOption{slackapi.MsgOptionText(m.text, false), slackapi.MsgOptionBlocks(m.blocks...)}
		if thread != "" {
			opts = append(opts, slackapi.MsgOptionTS(thread))
		}
		if err := a.pacer.wait(ctx, channel); err != nil {
			return last, err
		}
		err := a.retry(ctx, func() (err error) {
			_, last, err = a.api.PostMessageContext(ctx, channel, opts...)
			return err
		})
		if err != nil {
			return last, fmt.Errorf("slack: post to %s: %w", channel, classify(err))
		}
	}
	return last, nil
}

func (a *Adapter) postEphemeral(ctx context.Context, channel, user, thread string, r bot.Reply) error {
	for _, m := range render(r) {
		opts := []slackapi.MsgOption{slackapi.MsgOptionText(m.text, false), slackapi.MsgOptionBlocks(m.blocks...)}
		if thread != "" {
			opts = append(opts, slackapi.MsgOptionTS(thread))
		}
		err := a.retry(ctx, func() error {
			_, err := a.api.PostEphemeralContext(ctx, channel, user, opts...)
			return err
		})
		if err != nil {
			return fmt.Errorf("slack: ephemeral reply in %s: %w", channel, classify(err))
		}
	}
	return nil
}

// retry runs f, waiting out 429s (Retry-After) and retrying 5xx and
// network failures with backoff; Slack's own refusals (ok: false) are
// returned at once.
func (a *Adapter) retry(ctx context.Context, f func() error) error {
	backoff := 500 * time.Millisecond
	var err error
	for attempt := 0; attempt <= a.opt.MaxRetries; attempt++ {
		err = f()
		if err == nil {
			return nil
		}
		var wait time.Duration
		var rl *slackapi.RateLimitedError
		var se slackapi.StatusCodeError
		var sr slackapi.SlackErrorResponse
		switch {
		case errors.As(err, &rl):
			// Rate limits are waited out for as long as it takes (until
			// ctx ends): a burst is queued, never dropped.
			wait = max(rl.RetryAfter, 100*time.Millisecond)
			attempt--
			a.log.Info("slack rate limit; waiting", "wait", wait)
			a.opt.Observer.RateLimited(bot.PlatformSlack, wait)
		case errors.As(err, &se) && se.Code >= 500:
			wait, backoff = backoff, backoff*2
		case errors.As(err, &sr), errors.As(err, &se):
			return err
		case ctx.Err() != nil:
			return ctx.Err()
		default: // network failure
			wait, backoff = backoff, backoff*2
			a.log.Warn("slack call failed; retrying", "wait", wait, "err", bot.RedactURLs(err.Error()))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	return err
}

// pacer spaces messages to one channel at least pace apart; callers queue.
type pacer struct {
	mu   sync.Mutex
	pace time.Duration
	next map[string]time.Time
}

func newPacer(pace time.Duration) *pacer { return &pacer{pace: pace, next: map[string]time.Time{}} }

// wait blocks until channel may get its next message.
func (p *pacer) wait(ctx context.Context, channel string) error {
	if p.pace <= 0 {
		return nil
	}
	p.mu.Lock()
	now := time.Now()
	if len(p.next) >= pruneAt {
		for ch, t := range p.next {
			if t.Before(now) { // that channel may be posted to at once anyway
				delete(p.next, ch)
			}
		}
	}
	at := p.next[channel]
	if at.Before(now) {
		at = now
	}
	p.next[channel] = at.Add(p.pace)
	p.mu.Unlock()
	if d := time.Until(at); d > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
	}
	return nil
}

// classify marks Slack's refusals (ok: false with an error such as
// channel_not_found, not_in_channel, is_archived, missing_scope) as
// permanent; Slack's own failures stay temporary.
func classify(err error) error {
	err = bot.Redacted(err) // a response_url is a credential
	var se slackapi.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited":
			return err
		}
		return bot.Permanent(err)
	}
	return err
}
