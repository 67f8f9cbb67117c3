package commands

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// MeetupCardStore keeps the cards the bot posted for each meetup, so that a
// change, a cancellation and new RSVPs update every one of them in place.
type MeetupCardStore interface {
	AddMeetupCard(ctx context.Context, c storage.MeetupCard) error
	MeetupCards(ctx context.Context, meetupID int64) ([]storage.MeetupCard, error)
	RemoveMeetupCard(ctx context.Context, c storage.MeetupCard) error
}

// cardRefreshEvery is how often, at most, a meetup's cards are edited for
// new RSVPs: the first answer shows at once, the answers after it within
// this long, together. Fifty answers in a minute are a handful of edits per
// card, well inside Discord's and Slack's rate limits for edits.
const cardRefreshEvery = 10 * time.Second

// postCard posts a new meetup's card in channel as a message of its own,
// on a platform that can edit it later, and records it. It reports false
// when the platform cannot edit messages (the console: the card goes in
// the reply, as before) or the post failed; the caller then replies with
// the card instead.
func (f *meetups) postCard(ctx context.Context, c *bot.Call, m storage.Meetup, channel string, card *bot.Card) (bot.MessageRef, bool) {
	a := f.adapters[m.Platform]
	if _, ok := a.(bot.MessageEditor); !ok || channel == "" {
		return bot.MessageRef{}, false
	}
	ref, err := a.Send(ctx, bot.Target{Channel: channel}, bot.Reply{Card: card})
	if err != nil {
		f.log.Warn("meetup card not posted; it goes in the reply", "meetup", m.ID, "channel", channel, "err", err)
		return bot.MessageRef{}, false
	}
	f.keepCard(ctx, m, ref, c.Lang)
	return ref, true
}

// keepCard records a card posted for m, so that it is kept up to date.
func (f *meetups) keepCard(ctx context.Context, m storage.Meetup, ref bot.MessageRef, lang string) {
	if ref.ID == "" {
		return // the platform did not say which message it was
	}
	if err := f.posted.AddMeetupCard(ctx, storage.MeetupCard{MeetupID: m.ID, Platform: m.Platform, Ref: ref, Lang: lang}); err != nil {
		f.log.Error("meetup card not recorded; it will not be updated", "meetup", m.ID, "err", err)
		return
	}
	// A member may click the card between its post and this record: the
	// refresh their answer asked for found no card, so ask again.
	if rs, err := f.store.RSVPs(ctx, m.ID); err == nil && len(rs) > 0 {
		f.cards.Poke(ctx, m.ID)
	}
}

// refreshCards edits every card posted for meetup id to show it as it is
// now (its time, place, answers, or that it is cancelled), each in the
// language it was posted in. A card the platform says is gone is
// forgotten; other failures are logged and left for the next refresh. It
// returns how many cards were updated.
func (f *meetups) refreshCards(ctx context.Context, id int64) int {
	cards, err := f.posted.MeetupCards(ctx, id)
	if err != nil || len(cards) == 0 {
		if err != nil {
			f.log.Error("meetup cards not read", "meetup", id, "err", err)
		}
		return 0
	}
	m, err := f.store.Meetup(ctx, id)
	if err != nil {
		if !errors.Is(err, storage.ErrNotFound) {
			f.log.Error("meetup cards not refreshed", "meetup", id, "err", err)
		}
		return 0
	}
	rendered := map[string]*bot.Card{}
	updated := 0
	for _, pc := range cards {
		ed, ok := f.adapters[pc.Platform].(bot.MessageEditor)
		if !ok {
			continue // that platform is not connected in this run
		}
		lang := cmp.Or(pc.Lang, f.lang)
		if rendered[lang] == nil {
			rendered[lang] = f.card(ctx, lang, m)
		}
		switch err := ed.Edit(ctx, pc.Ref, bot.Reply{Card: rendered[lang]}); {
		case err == nil:
			updated++
		case bot.IsPermanent(err):
			f.log.Info("a meetup card is gone; no longer updated", "meetup", id, "platform", pc.Platform, "channel", pc.Ref.Channel, "err", err)
			if err := f.posted.RemoveMeetupCard(context.WithoutCancel(ctx), pc); err != nil {
				f.log.Error("forgetting a meetup card", "meetup", id, "err", err)
			}
		default:
			f.log.Warn("meetup card not updated", "meetup", id, "platform", pc.Platform, "channel", pc.Ref.Channel, "err", err)
		}
	}
	return updated
}

// cardRefresher coalesces the card refreshes RSVPs ask for: at most one per
// meetup per interval. The first answer after a quiet spell refreshes at
// once; answers within the interval after a refresh are shown together by
// one more refresh at its end. Refreshes run as one-off jobs of the
// scheduler, on its clock, and stop when it stops.
type cardRefresher struct {
	sched   Scheduler // nil: refresh at once, in the caller
	every   time.Duration
	now     func() time.Time
	refresh func(ctx context.Context, id int64)

	mu      sync.Mutex
	last    map[int64]time.Time // when each meetup's cards were last refreshed
	pending map[int64]bool      // a refresh is scheduled and has not started
}

func newCardRefresher(sched Scheduler, every time.Duration, now func() time.Time, refresh func(context.Context, int64)) *cardRefresher {
	return &cardRefresher{sched: sched, every: every, now: now, refresh: refresh, last: map[int64]time.Time{}, pending: map[int64]bool{}}
}

// refreshJob names the scheduled card refresh of meetup id.
func refreshJob(id int64) string { return fmt.Sprintf("meetup-cards:%d", id) }

// Poke asks for meetup id's cards to be refreshed soon.
func (r *cardRefresher) Poke(ctx context.Context, id int64) {
	if r.sched == nil {
		r.refresh(ctx, id)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending[id] {
		return // the scheduled refresh will show this answer too
	}
	now := r.now()
	if len(r.last) >= 256 {
		for k, t := range r.last {
			if now.Sub(t) >= r.every {
				delete(r.last, k)
			}
		}
	}
	at := now
	if last, ok := r.last[id]; ok && last.Add(r.every).After(now) {
		at = last.Add(r.every)
	}
	r.pending[id] = true
	// A refresh held up (a stalled process) is still worth doing late.
	r.sched.AddOnce(refreshJob(id), at, time.Hour, func(ctx context.Context, _ time.Time, _ bool) {
		r.mu.Lock()
		delete(r.pending, id) // answers from now on need another refresh
		r.last[id] = r.now()
		r.mu.Unlock()
		r.refresh(ctx, id)
	})
}
