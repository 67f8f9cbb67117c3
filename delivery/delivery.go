// Package delivery sends the messages the bot starts itself (scheduled
// announcements, reminders, introductions) exactly once, through the
// delivery log in storage.
package delivery

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// Store is the delivery log.
type Store interface {
	ClaimDeliveries(ctx context.Context, job string, fireAt time.Time, targets []string, late bool, owner string) ([]string, error)
	DeliveryDone(ctx context.Context, job string, fireAt time.Time, target, messageID string) error
	DeliveryFailed(ctx context.Context, job string, fireAt time.Time, target, reason string, permanent bool) error
	PendingDeliveries(ctx context.Context, owner string) ([]storage.Delivery, error)
}

// Renderer re-creates the message of a firing, for deliveries resumed after
// a restart.
type Renderer func(ctx context.Context, job string, fireAt time.Time, target string) (bot.Reply, bool, error)

// Deliverer sends scheduled messages exactly once: every firing to every
// target is claimed in the delivery log before it is sent and marked after.
// A temporary failure (platform down, 5xx, network) is retried with backoff
// until it goes through; a permanent one (channel gone, no permission) is
// recorded and not retried. Claimed firings still pending at start (a crash
// or an outage) are sent again by Resume.
//
// The one window where a duplicate remains possible: the process dies after
// the platform accepted a message and before the log marks it delivered.
// On Discord the message carries a nonce (job, firing, target) with
// enforce_nonce, so a resend within Discord's few minutes returns the first
// message instead of posting twice; on Slack the window stays.
type Deliverer struct {
	store     Store
	log       *slog.Logger
	adapters  map[bot.Platform]bot.Adapter
	renderers map[string]Renderer // by job kind, the part before ':'
	backoff   time.Duration
	maxWait   time.Duration
	run       string // this run's id: Resume leaves its own claims alone
	obs       bot.Observer
	mu        sync.Mutex
}

// Options configure a Deliverer; zero values take the defaults.
type Options struct {
	Logger   *slog.Logger
	Observer bot.Observer // told each delivery's outcome
	// Backoff is the first wait before a retry (default 1 s), MaxWait the
	// longest (default 5 min).
	Backoff, MaxWait time.Duration
}

// New returns a deliverer over the connected adapters.
func New(store Store, adapters []bot.Adapter, opt Options) *Deliverer {
	var run [8]byte
	rand.Read(run[:])
	d := &Deliverer{store: store, log: cmp.Or(opt.Logger, slog.New(slog.DiscardHandler)), adapters: map[bot.Platform]bot.Adapter{},
		renderers: map[string]Renderer{}, backoff: cmp.Or(opt.Backoff, time.Second), maxWait: cmp.Or(opt.MaxWait, 5*time.Minute),
		run: hex.EncodeToString(run[:]), obs: bot.Observe(opt.Observer)}
	for _, a := range adapters {
		d.adapters[a.Platform()] = a
	}
	return d
}

// Register sets how to re-create the messages of a job kind ("announce").
func (d *Deliverer) Register(kind string, r Renderer) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.renderers[kind] = r
}

// Dest is where a delivery goes: a channel, or a member's DMs.
type Dest struct {
	Platform bot.Platform
	Channel  string
	User     string
	Group    []string // members of a group DM (sorted)
}

// String is the delivery log's target: "discord:#123", "slack:@U1" or
// "slack:&U1,U2" (a group DM).
func (t Dest) String() string {
	if len(t.Group) > 0 {
		return string(t.Platform) + ":&" + strings.Join(t.Group, ",")
	}
	if t.User != "" {
		return string(t.Platform) + ":@" + t.User
	}
	return string(t.Platform) + ":#" + t.Channel
}

// ParseDest reads a target written by Dest.String.
func ParseDest(s string) (Dest, bool) {
	p, rest, ok := strings.Cut(s, ":")
	if !ok || len(rest) < 2 {
		return Dest{}, false
	}
	switch rest[0] {
	case '#':
		return Dest{Platform: bot.Platform(p), Channel: rest[1:]}, true
	case '@':
		return Dest{Platform: bot.Platform(p), User: rest[1:]}, true
	case '&':
		return Dest{Platform: bot.Platform(p), Group: strings.Split(rest[1:], ",")}, true
	}
	return Dest{}, false
}

// Result is what happened to one delivery.
type Result int

// Delivery results.
const (
	Delivered Result = iota
	AlreadyClaimed
	Failed
)

// Deliver claims the firing of job at fireAt for dest and sends r, retrying
// temporary failures until ctx ends. It reports AlreadyClaimed without
// sending when an earlier run claimed this firing.
func (d *Deliverer) Deliver(ctx context.Context, job string, fireAt time.Time, late bool, dest Dest, r bot.Reply) (Result, error) {
	res, err := d.DeliverAll(ctx, job, fireAt, late, []Dest{dest}, func(Dest) bot.Reply { return r })
	if err != nil {
		return Failed, err
	}
	return res[0], nil
}

// DeliverAll claims the firing for every destination in one transaction,
// then sends them: one platform after another would let an outage on one
// hold up the others, so each platform's destinations are sent in their
// own goroutine. It returns each destination's result, in order.
func (d *Deliverer) DeliverAll(ctx context.Context, job string, fireAt time.Time, late bool, dests []Dest, reply func(Dest) bot.Reply) ([]Result, error) {
	began := time.Now()
	targets := make([]string, len(dests))
	for i, t := range dests {
		targets[i] = t.String()
	}
	claimed, err := d.store.ClaimDeliveries(ctx, job, fireAt, targets, late, d.run)
	if err != nil {
		return nil, err
	}
	mine := map[string]bool{}
	for _, t := range claimed {
		mine[t] = true
	}
	results := make([]Result, len(dests))
	byPlatform := map[bot.Platform][]int{}
	for i, t := range dests {
		results[i] = AlreadyClaimed
		if mine[targets[i]] {
			byPlatform[t.Platform] = append(byPlatform[t.Platform], i)
		}
	}
	var wg sync.WaitGroup
	for _, idx := range byPlatform {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, i := range idx {
				res, err := d.send(ctx, job, fireAt, late, began, dests[i], reply(dests[i]))
				if err != nil {
					d.log.Warn("delivery stopped; it stays pending for the next run", "job", job, "target", targets[i], "err", err)
				}
				results[i] = res
			}
		}()
	}
	wg.Wait()
	return results, nil
}

// send delivers a claimed firing and tells the observer how it ended: late
// when the firing itself was late (the process was down) or when it went
// out more than bot.LateAfter after its delivery began (queued behind the
// platform's other targets, or held up by retries).
func (d *Deliverer) send(ctx context.Context, job string, fireAt time.Time, late bool, began time.Time, dest Dest, r bot.Reply) (res Result, err error) {
	defer func() {
		outcome := bot.OutcomeSent
		switch {
		case res == Failed && err == nil:
			outcome = bot.OutcomeFailed
		case res != Delivered:
			return // still pending (stopping): not ended yet
		case late || time.Since(began) > bot.LateAfter:
			outcome = bot.OutcomeLate
		}
		kind, _, _ := strings.Cut(job, ":")
		d.obs.Delivered(dest.Platform, kind, outcome)
	}()
	target := dest.String()
	r.Nonce = fmt.Sprintf("%s@%d→%s", job, fireAt.Unix(), target)
	a := d.adapters[dest.Platform]
	if a == nil {
		err := fmt.Errorf("%s is not connected", dest.Platform)
		return Failed, d.store.DeliveryFailed(ctx, job, fireAt, target, err.Error(), true)
	}
	sendOnce := func() (bot.MessageRef, error) {
		if len(dest.Group) > 0 {
			g, ok := a.(bot.GroupMessenger)
			if !ok {
				return bot.MessageRef{}, bot.Permanent(fmt.Errorf("%s has no group DMs", dest.Platform))
			}
			return g.SendGroup(ctx, dest.Group, r)
		}
		return a.Send(ctx, bot.Target{Channel: dest.Channel, User: dest.User}, r)
	}
	wait := d.backoff
	for {
		ref, err := sendOnce()
		if err == nil {
			return Delivered, d.store.DeliveryDone(context.WithoutCancel(ctx), job, fireAt, target, ref.ID)
		}
		permanent := bot.IsPermanent(err)
		if ferr := d.store.DeliveryFailed(context.WithoutCancel(ctx), job, fireAt, target, err.Error(), permanent); ferr != nil {
			d.log.Error("delivery log", "err", ferr)
		}
		if permanent {
			d.log.Warn("delivery refused by the platform; not retried", "job", job, "target", target, "err", err)
			return Failed, nil
		}
		d.log.Warn("delivery failed; retrying", "job", job, "target", target, "wait", wait, "err", err)
		select {
		case <-ctx.Done():
			return Failed, ctx.Err() // still pending: Resume sends it after a restart
		case <-time.After(wait):
		}
		wait = min(wait*2, d.maxWait)
	}
}

// Resume sends every firing that an earlier run claimed and never
// delivered (the process stopped, or the platform was down), re-creating
// each message through the job kind's renderer. This run's own claims are
// left to the goroutines sending them.
func (d *Deliverer) Resume(ctx context.Context) error {
	pending, err := d.store.PendingDeliveries(ctx, d.run)
	if err != nil {
		return err
	}
	for _, p := range pending {
		kind, _, _ := strings.Cut(p.Job, ":")
		d.mu.Lock()
		render := d.renderers[kind]
		d.mu.Unlock()
		dest, ok := ParseDest(p.Target)
		if render == nil || !ok {
			d.store.DeliveryFailed(ctx, p.Job, p.FireAt, p.Target, "cannot be re-created", true)
			platform, _, _ := strings.Cut(p.Target, ":")
			d.obs.Delivered(bot.Platform(platform), kind, bot.OutcomeFailed)
			continue
		}
		r, still, err := render(ctx, p.Job, p.FireAt, p.Target)
		if err != nil {
			d.log.Warn("a pending delivery could not be re-created; it stays pending", "job", p.Job, "err", err)
			continue
		}
		if !still {
			d.store.DeliveryFailed(ctx, p.Job, p.FireAt, p.Target, "no longer applies", true)
			d.obs.Delivered(dest.Platform, kind, bot.OutcomeFailed)
			continue
		}
		d.log.Info("resending a delivery claimed before a stop", "job", p.Job, "fire_at", p.FireAt, "target", p.Target)
		if _, err := d.send(ctx, p.Job, p.FireAt, true, time.Now(), dest, r); err != nil {
			return err
		}
	}
	return nil
}
