package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/recur"
	"passionbot/storage"
)

// plan is when an announcement is sent, read from its stored spec: a
// recurring rule (a recurrence rule or cron spec, recur.Load), or one
// time.
type plan struct {
	rule recur.Rule
	once time.Time // non-zero for a one-off announcement
}

// onceSpecPrefix starts the spec of a one-off announcement: the iCalendar
// start of an event with no recurrence rule, which happens once
// ("DTSTART:20261204T080000Z"), in the same family as recur.Rule.Spec's
// "DTSTART;VALUE=DATE:… RRULE:…".
const (
	onceSpecPrefix = "DTSTART:"
	onceSpecLayout = "20060102T150405Z"
)

// onceSpec returns the spec stored for a one-off announcement at t.
func onceSpec(t time.Time) string { return onceSpecPrefix + t.UTC().Format(onceSpecLayout) }

// loadPlan reads a stored spec. Cron specs stored before schedules could
// be written in words load unchanged.
func (f *announcements) loadPlan(spec string) (plan, error) {
	if rest, ok := strings.CutPrefix(spec, onceSpecPrefix); ok && !strings.Contains(rest, "RRULE") {
		t, err := time.Parse(onceSpecLayout, rest)
		if err != nil {
			return plan{}, fmt.Errorf("one-off announcement time %q: %w", spec, err)
		}
		return plan{once: t.In(f.loc)}, nil
	}
	r, err := recur.Load(spec, f.loc)
	return plan{rule: r}, err
}

func (p plan) isOnce() bool { return !p.once.IsZero() }

// sent reports whether a one-off announcement has been sent (its firing
// handled).
func (p plan) sent(a storage.Announcement) bool { return p.isOnce() && !a.LastFire.Before(p.once) }

// onceState is the catalog key of a one-off announcement's state.
func (f *announcements) onceState(a storage.Announcement, p plan) string {
	switch {
	case p.sent(a):
		return "announce.sent"
	case a.Paused:
		return "announce.paused"
	case !p.once.After(f.now()):
		if _, ok := f.sched.Next(announceJob(a.ID)); !ok {
			return "announce.missed"
		}
	}
	return "announce.waiting"
}

// schedulePhrase returns the schedule written with `when:` or `cron:`
// (both go through recur.Parse, which reads cron too); required says
// whether one must be given.
func schedulePhrase(c *bot.Call, required bool) (string, error) {
	w, cr := strings.TrimSpace(c.Args.String("when")), strings.TrimSpace(c.Args.String("cron"))
	switch {
	case w != "" && cr != "":
		return "", c.Refuse("announce.when_and_cron")
	case w == "" && cr == "" && required:
		return "", c.Refuse("announce.need_when")
	}
	return w + cr, nil
}

// parseRule reads a schedule in words or cron. A phrase it cannot read
// gets recur's explanation with examples in the member's language; a
// broken cron spec is told what is wrong with it.
func (f *announcements) parseRule(c *bot.Call, phrase string) (recur.Rule, error) {
	r, err := recur.Parse(phrase, f.loc, f.now())
	var e *recur.Error
	switch {
	case err == nil:
		return r, nil
	case !errors.As(err, &e):
		return r, err
	case e.Kind == recur.KindCron:
		return r, c.Refuse("announce.bad_cron", bot.Quote(phrase, 60), cronProblem(c, e.Err))
	}
	return r, c.Refuse("announce.bad_when", bot.Text{SV: e.Message(bot.LangSV), EN: e.Message(bot.LangEN)})
}

// readTime reads the time of a one-off announcement exactly as `meetup
// create` reads `when:` (bot/when), with the same refusals: a time in the
// past, a day without a time, a date that has just passed. parseWhen uses
// only the clock and the time zone of the meetups feature.
func (f *announcements) readTime(c *bot.Call, s string) (time.Time, error) {
	r, err := (&meetups{now: f.now, loc: f.loc}).parseWhen(c, s)
	return r.Start, err
}

// targetList writes targets for a reply: "console:#allmant, slack:#C1".
func targetList(ts []storage.Target) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, ", ")
}

// once stores a message sent once, at a time written as for meetups. It
// goes through the scheduler and the delivery log like a schedule's
// firings, so it is sent exactly once, also across restarts.
func (f *announcements) once(ctx context.Context, c *bot.Call) error {
	at, err := f.readTime(c, c.Args.String("when"))
	if err != nil {
		return err
	}
	targets, err := f.targets(ctx, c, c.Args.String("channel"))
	if err != nil {
		return err
	}
	if err := f.checkRoom(ctx, c, 0); err != nil {
		return err
	}
	a, err := f.store.CreateAnnouncement(ctx, storage.Announcement{Spec: onceSpec(at), Text: c.Args.String("text"), Targets: targets, CreatedBy: c.Event.User.Key()})
	if err != nil {
		return err
	}
	f.registerOnce(a.ID, at)
	return c.Say(ctx, "announce.once_created", a.ID, formatWhen(c.Lang, at, time.Time{}, f.loc), targetList(a.Targets))
}

// edit changes an announcement in place: its id, delivery log and last
// firing stay (what it was is kept as a revision), and the scheduler
// counts the new rule from now, so that the next firing follows it and
// no firing of the new rule from before the edit is sent late. The
// checks are those of `announce schedule` and `announce once`.
func (f *announcements) edit(ctx context.Context, c *bot.Call) error {
	a, err := f.announcement(ctx, c)
	if err != nil {
		return err
	}
	phrase, err := schedulePhrase(c, false)
	if err != nil {
		return err
	}
	text, channel := c.Args.String("text"), c.Args.String("channel")
	if phrase == "" && text == "" && strings.TrimSpace(channel) == "" {
		return c.Refuse("announce.edit_nothing")
	}
	p, err := f.loadPlan(a.Spec)
	if err != nil && phrase == "" {
		return c.Refuse("announce.unreadable_spec", a.ID, bot.Quote(a.Spec, 60))
	}
	wasActive := f.active(a)
	upd := a
	switch {
	case phrase == "":
	case p.isOnce() && c.Args.String("cron") != "":
		return c.Refuse("announce.once_cron", a.ID)
	case p.isOnce():
		at, err := f.readTime(c, phrase)
		if err != nil {
			return err
		}
		p, upd.Spec = plan{once: at}, onceSpec(at)
	default:
		rule, err := f.parseRule(c, phrase)
		if err != nil {
			return err
		}
		if err := checkFrequency(c, phrase, rule); err != nil {
			return err
		}
		p, upd.Spec = plan{rule: rule}, rule.Spec()
	}
	if text != "" {
		upd.Text = text
	}
	upd.Targets = nil // unchanged
	if strings.TrimSpace(channel) != "" {
		if upd.Targets, err = f.targets(ctx, c, channel); err != nil {
			return err
		}
	} else if err := f.checkOtherPlatforms(c, a.Targets); err != nil {
		return err
	}
	if !wasActive && f.active(storage.Announcement{Spec: upd.Spec, Paused: a.Paused, LastFire: a.LastFire}) {
		if err := f.checkRoom(ctx, c, a.ID); err != nil {
			return err
		}
	}
	if a, err = f.store.UpdateAnnouncement(ctx, upd); err != nil {
		return err
	}
	f.sched.Remove(announceJob(a.ID))
	if !a.Paused && !p.sent(a) {
		f.arm(a, p, f.now())
	}
	return c.Say(ctx, "announce.edited", a.ID, f.describe(c, a), targetList(a.Targets))
}
