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
	"passionbot/calendar"
	"passionbot/delivery"
	"passionbot/storage"
)

// The changes of a meetup its members are told about, in the order a
// notice lists them. A new description only updates the cards.
const (
	changedTitle    = "title"
	changedWhen     = "when"
	changedWhere    = "where"
	changedCapacity = "capacity"
)

// meetupChanges lists what an edit changed that members should hear about.
func meetupChanges(old, m storage.Meetup) []string {
	var out []string
	if old.Title != m.Title {
		out = append(out, changedTitle)
	}
	if !old.Start.Equal(m.Start) || !old.End.Equal(m.End) {
		out = append(out, changedWhen)
	}
	if old.Location != m.Location {
		out = append(out, changedWhere)
	}
	if old.Capacity != m.Capacity {
		out = append(out, changedCapacity)
	}
	return out
}

// announceChange tells everyone who answered yes or maybe what an edit
// changed (old → new, with the new calendar file), updates every card
// posted for the meetup, and answers the organiser with how many of each.
func (f *meetups) announceChange(ctx context.Context, c *bot.Call, old, m storage.Meetup) error {
	m, told, noticed := f.tellChange(ctx, c.Event.User, old, m)
	text := c.T("meetup.edited", m.ID)
	if noticed {
		text += " " + c.TN("meetup.told", told, told)
	}
	updated := f.refreshCards(ctx, m.ID)
	if updated > 0 {
		// The cards in the channels show the meetup as it is now.
		return c.Reply(ctx, bot.Reply{Text: text + " " + c.TN("meetup.cards_updated", updated, updated)})
	}
	return c.Reply(ctx, bot.Reply{Text: text, Card: f.card(ctx, c.Lang, m)})
}

// tellChange tells everyone who answered yes or maybe to m, except by,
// what an edit from old changed, when it changed anything they hear about
// (noticed). It returns m as stored (with the bumped SEQUENCE) and how
// many were told.
func (f *meetups) tellChange(ctx context.Context, by bot.User, old, m storage.Meetup) (_ storage.Meetup, told int, noticed bool) {
	if fresh, err := f.store.Meetup(ctx, m.ID); err == nil {
		m = fresh // the bumped SEQUENCE, for the calendar file
	}
	fields := meetupChanges(old, m)
	if len(fields) == 0 {
		return m, 0, false
	}
	job := fmt.Sprintf("change:%d:%d:%s", m.ID, m.Sequence, strings.Join(fields, ","))
	told = f.notify(ctx, job, m, by, func(lang string) bot.Reply {
		return f.changeNotice(lang, &old, m, fields)
	})
	return m, told, true
}

// notify sends each member who answered yes or maybe to m (waitlisted
// included, the member who made the change left out) the notice made in
// their language, exactly once for the job. It returns how many got it.
func (f *meetups) notify(ctx context.Context, job string, m storage.Meetup, by bot.User, notice func(lang string) bot.Reply) int {
	rsvps, err := f.store.RSVPs(ctx, m.ID)
	if err != nil {
		f.log.Error("change notices not sent", "meetup", m.ID, "err", err)
		return 0
	}
	var dests []delivery.Dest
	for _, r := range rsvps {
		if r.Answer != "no" && r.User.Key() != by.Key() {
			dests = append(dests, delivery.Dest{Platform: r.User.Platform, User: r.User.ID})
		}
	}
	results, err := f.deliver.DeliverAll(ctx, job, f.now(), false, dests, func(d delivery.Dest) bot.Reply {
		return notice(f.langOf(ctx, d))
	})
	if err != nil {
		f.log.Error("change notices", "meetup", m.ID, "job", job, "err", err)
	}
	return countDelivered(results)
}

func countDelivered(results []delivery.Result) int {
	n := 0
	for _, r := range results {
		if r == delivery.Delivered {
			n++
		}
	}
	return n
}

// changeNotice says what changed in m, from old to new ("När: fre 15 jan
// 18:00 → lör 16 jan 18:00"), with the meetup's new calendar file. Without
// old (a notice re-created after a restart) it gives the new values only.
func (f *meetups) changeNotice(lang string, old *storage.Meetup, m storage.Meetup, fields []string) bot.Reply {
	t := func(key string, args ...any) string { return f.cat.T(lang, key, args...) }
	var b strings.Builder
	b.WriteString(t("meetup.changed_dm", m.Title))
	for _, field := range fields {
		label, now := f.changeValue(lang, field, m)
		if old != nil {
			_, was := f.changeValue(lang, field, *old)
			b.WriteString("\n" + t("meetup.change_line", label, was, now))
		} else {
			b.WriteString("\n" + t("meetup.change_now", label, now))
		}
	}
	b.WriteString("\n" + t("meetup.changed_after", m.ID))
	r := bot.Reply{File: f.icsFile(m)}
	if r.File != nil {
		b.WriteString(" " + t("meetup.changed_ics"))
	}
	r.Text = b.String()
	return r
}

// changeValue is a changed field's label and its value in m.
func (f *meetups) changeValue(lang, field string, m storage.Meetup) (label, value string) {
	t := func(key string) string { return f.cat.T(lang, key) }
	switch field {
	case changedTitle:
		return t("meetup.title"), m.Title
	case changedWhen:
		return t("meetup.when"), formatWhen(lang, m.Start, m.End, f.loc)
	case changedWhere:
		if m.Location == "" {
			return t("meetup.where"), t("meetup.no_place")
		}
		return t("meetup.where"), m.Location
	case changedCapacity:
		if m.Capacity <= 0 {
			return t("meetup.capacity"), t("meetup.no_limit")
		}
		return t("meetup.capacity"), strconv.Itoa(m.Capacity)
	}
	return field, ""
}

// cancelNotice tells a member m is cancelled, with the calendar file that
// marks it cancelled in their calendar.
func (f *meetups) cancelNotice(lang string, m storage.Meetup) bot.Reply {
	r := bot.Reply{Text: f.cat.T(lang, "meetup.cancelled_dm", m.Title, formatWhen(lang, m.Start, m.End, f.loc))}
	if r.File = f.icsFile(m); r.File != nil {
		r.Text += " " + f.cat.T(lang, "meetup.cancelled_ics")
	}
	return r
}

// icsFile is m as a calendar file to attach; nil (logged) when it cannot
// be made.
func (f *meetups) icsFile(m storage.Meetup) *bot.File {
	data, err := calendar.MeetupICS(m, f.loc, f.now())
	if err != nil {
		f.log.Warn("no calendar file for the notice", "meetup", m.ID, "err", err)
		return nil
	}
	return &bot.File{Name: fmt.Sprintf("meetup-%d.ics", m.ID), ContentType: "text/calendar; charset=utf-8", Data: data}
}

// registerNotices tells the deliverer how to re-create change and
// cancellation notices left pending by a stop. A change notice whose
// meetup has changed again since, or was cancelled, is no longer sent:
// the newer notice tells what is true.
func (f *meetups) registerNotices() {
	f.deliver.Register("change", func(ctx context.Context, job string, _ time.Time, target string) (bot.Reply, bool, error) {
		m, err := f.jobMeetup(ctx, job)
		if errors.Is(err, storage.ErrNotFound) {
			return bot.Reply{}, false, nil
		}
		if err != nil {
			return bot.Reply{}, false, err
		}
		parts := strings.Split(job, ":") // change:<id>:<sequence>:<fields>
		if len(parts) != 4 || m.Cancelled || parts[2] != strconv.Itoa(m.Sequence) {
			return bot.Reply{}, false, nil
		}
		fields := slices.DeleteFunc(strings.Split(parts[3], ","), func(s string) bool { return s == "" })
		d, _ := delivery.ParseDest(target)
		return f.changeNotice(f.langOf(ctx, d), nil, m, fields), true, nil
	})
	f.deliver.Register("cancel", func(ctx context.Context, job string, _ time.Time, target string) (bot.Reply, bool, error) {
		m, err := f.jobMeetup(ctx, job)
		if errors.Is(err, storage.ErrNotFound) {
			return bot.Reply{}, false, nil
		}
		if err != nil {
			return bot.Reply{}, false, err
		}
		d, _ := delivery.ParseDest(target)
		if d.Channel != "" {
			lang := f.lang
			return bot.Reply{Text: f.cat.T(lang, "meetup.cancelled_channel", m.Title, formatWhen(lang, m.Start, m.End, f.loc))}, true, nil
		}
		return f.cancelNotice(f.langOf(ctx, d), m), true, nil
	})
}
