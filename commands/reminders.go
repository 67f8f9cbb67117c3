package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/delivery"
	"passionbot/storage"
)

// Scheduler runs timed jobs (bot/scheduler).
type Scheduler interface {
	Add(id string, s scheduler.Schedule, last time.Time, grace time.Duration, fn scheduler.Func)
	AddOnce(id string, at time.Time, grace time.Duration, fn scheduler.Func)
	Remove(id string)
	Next(id string) (time.Time, bool)
}

// reminderJob names the reminder of meetup id at offset before its start.
func reminderJob(id int64, offset time.Duration) string {
	return fmt.Sprintf("reminder:%d:%s", id, offset)
}

// schedule (re)registers m's reminders. When a meetup is created or
// moved (fresh), reminders whose time has already come are left out: a
// meetup planned for tomorrow gets no "24 hours before" reminder. After a
// restart the reminders due since the meetup was last created or changed
// are registered, and the scheduler sends one that was missed during
// downtime within the grace period (or logs it as skipped); those due
// before that were left out then, and are again, so that a meetup created
// two hours ahead is no missed 24-hour reminder at start.
func (f *meetups) schedule(m storage.Meetup, fresh bool) {
	f.unschedule(m.ID)
	if m.Cancelled || f.sched == nil {
		return
	}
	since := f.now()
	if !fresh {
		since = m.CreatedAt
		if m.UpdatedAt.After(since) {
			since = m.UpdatedAt
		}
	}
	for _, off := range f.reminders {
		if !m.Start.Add(-off).After(since) {
			continue
		}
		id, off := m.ID, off
		f.sched.AddOnce(reminderJob(id, off), m.Start.Add(-off), f.grace, func(ctx context.Context, fireAt time.Time, late bool) {
			f.remind(ctx, id, off, fireAt, late)
		})
	}
}

func (f *meetups) unschedule(id int64) {
	if f.sched == nil {
		return
	}
	for _, off := range f.reminders {
		f.sched.Remove(reminderJob(id, off))
	}
}

// remind tells everyone who said yes (with a place) or maybe, by DM.
func (f *meetups) remind(ctx context.Context, id int64, off time.Duration, fireAt time.Time, late bool) {
	m, err := f.store.Meetup(ctx, id)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && (m.Cancelled || !m.Start.Add(-off).Equal(fireAt))) {
		return // gone, cancelled, or moved (the new time has its own reminder)
	}
	var rsvps []storage.RSVP
	if err == nil {
		rsvps, err = f.store.RSVPs(ctx, id)
	}
	if err != nil {
		f.log.Error("reminder lost: the database failed", "meetup", id, "fire_at", fireAt, "err", err)
		return
	}
	var dests []delivery.Dest
	for _, r := range rsvps {
		if r.Answer != "no" && !r.Waitlisted {
			dests = append(dests, delivery.Dest{Platform: r.User.Platform, User: r.User.ID})
		}
	}
	if len(dests) == 0 {
		return
	}
	intros := f.introductions(ctx, rsvps)
	results, err := f.deliver.DeliverAll(ctx, reminderJob(id, off), fireAt, late, dests, func(d delivery.Dest) bot.Reply {
		lang := f.langOf(ctx, d)
		r := f.reminder(m, lang)
		if in, ok := intros[d.User]; ok {
			r.Text += "\n" + f.cat.T(lang, "meetup.reminder_intro", in.names, in.tag)
		}
		return r
	})
	if err != nil {
		f.log.Error("reminders not claimed", "meetup", id, "err", err)
		return
	}
	// Members the platform would not let the bot DM (closed DMs, blocked)
	// are reminded in the meetup's channel instead, in one post naming them.
	// The list comes from the delivery log, so that DMs refused in a run
	// that died before posting are included (the post is claimed once).
	if m.ChannelID == "" || ctx.Err() != nil || !slices.ContainsFunc(results, func(r delivery.Result) bool { return r != delivery.Delivered }) {
		return // every DM went out in this run: nothing to read in the log
	}
	unreached, err := f.unreached(ctx, reminderJob(id, off), fireAt, m.Platform)
	if err != nil {
		f.log.Error("channel reminder: reading the delivery log", "meetup", id, "err", err)
		return
	}
	if len(unreached) > 0 {
		dest := delivery.Dest{Platform: m.Platform, Channel: m.ChannelID}
		if _, err := f.deliver.Deliver(ctx, reminderJob(id, off), fireAt, late, dest, f.channelReminder(m, unreached)); err != nil {
			f.log.Error("channel reminder not claimed", "meetup", id, "err", err)
		}
	}
}

// channelReminder is the reminder posted in the meetup's channel for the
// members a DM could not reach, pinging them, in the community's language.
func (f *meetups) channelReminder(m storage.Meetup, unreached []bot.User) bot.Reply {
	r := f.reminder(m, f.lang)
	r.Text = f.cat.T(f.lang, "meetup.reminder_channel") + "\n" + r.Text
	r.Mentions = unreached
	return r
}

// unreached lists the members on platform p whose reminder DM for this
// firing failed, as the delivery log has it. Members on another platform
// (an RSVP from elsewhere) cannot be pinged in the meetup's channel.
func (f *meetups) unreached(ctx context.Context, job string, fireAt time.Time, p bot.Platform) ([]bot.User, error) {
	ds, err := f.store.Deliveries(ctx, job, 10000)
	if err != nil {
		return nil, err
	}
	var out []bot.User
	for _, d := range ds {
		if t, ok := delivery.ParseDest(d.Target); ok && t.User != "" && t.Platform == p && d.Status == "failed" && d.FireAt.Equal(fireAt) {
			out = append(out, bot.User{Platform: t.Platform, ID: t.User})
		}
	}
	return out, nil
}

// intro is who else coming shares an interest with a member.
type intro struct{ names, tag string }

// introductions finds, for each member coming, the interest they share
// with most others coming, and who those are (at most five named). Only
// members whose interests every member may see are named (the reminder's
// reader is a member); a member who keeps theirs private still hears who
// shares their own.
func (f *meetups) introductions(ctx context.Context, rsvps []storage.RSVP) map[string]intro {
	coming := map[string]bot.User{}
	tags := map[string][]storage.Interest{}
	byKey := map[string][]string{} // tag key → those coming who may be named with it
	for _, r := range rsvps {
		if r.Answer == "no" || r.Waitlisted {
			continue
		}
		coming[r.User.ID] = r.User
		if in, err := f.interests.Interests(ctx, r.User); err == nil {
			tags[r.User.ID] = in
		}
		shown, err := f.interests.VisibleInterests(ctx, r.User, bot.RoleMember)
		if err != nil {
			continue
		}
		for _, t := range shown {
			byKey[t.Key] = append(byKey[t.Key], r.User.ID)
		}
	}
	out := map[string]intro{}
	for id, in := range tags {
		if in, ok := introFor(id, in, byKey, coming); ok {
			out[id] = in
		}
	}
	return out
}

// introFor picks, among member id's interests, the one most others in
// byKey share (ties to the first tag), and names up to five of them.
func introFor(id string, in []storage.Interest, byKey map[string][]string, coming map[string]bot.User) (intro, bool) {
	var best []string
	bestTag := ""
	for _, t := range in {
		var others []string
		for _, o := range byKey[t.Key] {
			if o != id {
				others = append(others, o)
			}
		}
		if len(others) > len(best) || (len(others) == len(best) && len(others) > 0 && t.Tag < bestTag) {
			best, bestTag = others, t.Tag
		}
	}
	if len(best) == 0 {
		return intro{}, false
	}
	slices.Sort(best)
	var names []string
	for _, o := range best[:min(len(best), 5)] {
		n := coming[o].Name
		if n == "" {
			n = o
		}
		names = append(names, n)
	}
	return intro{names: strings.Join(names, ", "), tag: bestTag}, true
}

// langOf is the chosen language of the member a message goes to, else
// the community's.
func (f *meetups) langOf(ctx context.Context, d delivery.Dest) string {
	return destLang(ctx, f.store, d, f.lang)
}

// memberLookup reads a member's stored record (their chosen language).
type memberLookup interface {
	Member(ctx context.Context, p bot.Platform, userID string) (storage.MemberRecord, error)
}

// destLang is the chosen language of the member a message goes to, else
// the language they last wrote in, else the one their console or client
// last stated, else fallback (also for a channel).
func destLang(ctx context.Context, members memberLookup, d delivery.Dest, fallback string) string {
	if d.User == "" {
		return fallback
	}
	rec, err := members.Member(ctx, d.Platform, d.User)
	switch {
	case err != nil:
		return fallback
	case bot.ValidLang(rec.Locale):
		return rec.Locale
	case bot.ValidLang(rec.Written):
		return rec.Written
	case bot.ValidLang(rec.Client):
		return rec.Client
	}
	return fallback
}

func (f *meetups) reminder(m storage.Meetup, lang string) bot.Reply {
	text := f.cat.T(lang, "meetup.reminder", m.Title, formatWhen(lang, m.Start, m.End, f.loc))
	if m.Location != "" {
		text += " " + f.cat.T(lang, "meetup.reminder_where", m.Location)
	}
	return bot.Reply{Text: text}
}

// Start registers the reminders of every upcoming meetup (after a restart)
// and tells the deliverer how to re-create meetup messages.
func (f *meetups) Start(ctx context.Context) error {
	ms, err := f.store.UpcomingMeetups(ctx, f.now(), 10000)
	if err != nil {
		return err
	}
	for _, m := range ms {
		f.schedule(m, false)
	}
	f.deliver.Register("reminder", func(ctx context.Context, job string, fireAt time.Time, target string) (bot.Reply, bool, error) {
		m, err := f.jobMeetup(ctx, job)
		if errors.Is(err, storage.ErrNotFound) {
			return bot.Reply{}, false, nil
		}
		if err != nil || m.Cancelled {
			return bot.Reply{}, false, err
		}
		d, _ := delivery.ParseDest(target)
		if d.Channel != "" {
			users, err := f.unreached(ctx, job, fireAt, m.Platform)
			if err != nil || len(users) == 0 {
				return bot.Reply{}, false, err
			}
			return f.channelReminder(m, users), true, nil
		}
		return f.reminder(m, f.langOf(ctx, d)), true, nil
	})
	f.deliver.Register("promoted", func(ctx context.Context, job string, _ time.Time, target string) (bot.Reply, bool, error) {
		m, err := f.jobMeetup(ctx, job)
		if errors.Is(err, storage.ErrNotFound) {
			return bot.Reply{}, false, nil
		}
		if err != nil {
			return bot.Reply{}, false, err
		}
		d, _ := delivery.ParseDest(target)
		lang := f.langOf(ctx, d)
		return bot.Reply{Text: f.cat.T(lang, "meetup.promoted_dm", m.Title, formatWhen(lang, m.Start, m.End, f.loc))}, true, nil
	})
	f.registerNotices() // change and cancel (meetup_notify.go)
	return f.startSeries(ctx)
}

// jobMeetup loads the meetup a job is about ("reminder:12:1h0m0s").
func (f *meetups) jobMeetup(ctx context.Context, job string) (storage.Meetup, error) {
	parts := strings.Split(job, ":")
	if len(parts) < 2 {
		return storage.Meetup{}, errors.New("bad job")
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return storage.Meetup{}, err
	}
	return f.store.Meetup(ctx, id)
}
