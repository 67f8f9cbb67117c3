package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
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
// restart every reminder is registered, and the scheduler sends one that
// was missed during downtime within the grace period.
func (f *meetups) schedule(m storage.Meetup, fresh bool) {
	f.unschedule(m.ID)
	if m.Cancelled || f.sched == nil {
		return
	}
	for _, off := range f.reminders {
		if fresh && !m.Start.Add(-off).After(f.now()) {
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
	if err != nil || m.Cancelled || !m.Start.Add(-off).Equal(fireAt) {
		return // gone, cancelled, or moved (the new time has its own reminder)
	}
	rsvps, err := f.store.RSVPs(ctx, id)
	if err != nil {
		return
	}
	job := reminderJob(id, off)
	for _, r := range rsvps {
		if r.Answer == "no" || r.Waitlisted {
			continue
		}
		f.deliver.Deliver(ctx, job, fireAt, late, Dest{Platform: r.User.Platform, User: r.User.ID}, f.reminder(m))
	}
}

func (f *meetups) reminder(m storage.Meetup) bot.Reply {
	text := f.cat.T(f.lang, "meetup.reminder", m.Title, formatWhen(f.lang, m.Start, m.End, f.loc))
	if m.Location != "" {
		text += " " + f.cat.T(f.lang, "meetup.reminder_where", m.Location)
	}
	return bot.Reply{Text: text}
}

// start registers the reminders of every upcoming meetup (after a restart)
// and tells the deliverer how to re-create meetup messages.
func (f *meetups) start(ctx context.Context) error {
	ms, err := f.store.UpcomingMeetups(ctx, f.now(), 10000)
	if err != nil {
		return err
	}
	for _, m := range ms {
		f.schedule(m, false)
	}
	f.deliver.Register("reminder", func(ctx context.Context, job string, fireAt time.Time, _ string) (bot.Reply, bool, error) {
		m, err := f.jobMeetup(ctx, job)
		if err != nil || m.Cancelled {
			return bot.Reply{}, false, err
		}
		return f.reminder(m), true, nil
	})
	for _, kind := range []string{"cancel", "promoted"} {
		key := map[string]string{"cancel": "meetup.cancelled_dm", "promoted": "meetup.promoted_dm"}[kind]
		f.deliver.Register(kind, func(ctx context.Context, job string, _ time.Time, _ string) (bot.Reply, bool, error) {
			m, err := f.jobMeetup(ctx, job)
			if err != nil {
				return bot.Reply{}, false, err
			}
			return bot.Reply{Text: f.cat.T(f.lang, key, m.Title, formatWhen(f.lang, m.Start, m.End, f.loc))}, true, nil
		})
	}
	return nil
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
