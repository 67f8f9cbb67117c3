package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/delivery"
	"passionbot/storage"
)

// AnnouncementStore keeps scheduled announcements.
type AnnouncementStore interface {
	CreateAnnouncement(ctx context.Context, a storage.Announcement) (storage.Announcement, error)
	Announcements(ctx context.Context) ([]storage.Announcement, error)
	Announcement(ctx context.Context, id int64) (storage.Announcement, error)
	SetAnnouncementPaused(ctx context.Context, id int64, paused bool) error
	DeleteAnnouncement(ctx context.Context, id int64) error
	RecordAnnouncementFire(ctx context.Context, id int64, fireAt time.Time, result string) error
	AnnouncementResumed(ctx context.Context, id int64, at time.Time) error
	LastDelivered(ctx context.Context, job string) (time.Time, error)
	Deliveries(ctx context.Context, job string, limit int) ([]storage.Delivery, error)
}

// announcements is the scheduled-announcement feature.
type announcements struct {
	store    AnnouncementStore
	meetups  MeetupStore
	sched    Scheduler
	deliver  *delivery.Deliverer
	cat      *bot.Catalog
	lang     string
	loc      *time.Location
	grace    time.Duration
	now      func() time.Time
	adapters map[bot.Platform]bool
	log      *slog.Logger
}

func newAnnouncements(d Deps) *announcements {
	a := &announcements{store: d.Store, meetups: d.Store, sched: d.Scheduler, deliver: d.Deliverer, cat: d.catalog(),
		lang: d.Lang, loc: d.Location, grace: d.Grace, now: d.now, adapters: map[bot.Platform]bool{}, log: d.logFor("announcements")}
	for _, ad := range d.Adapters {
		a.adapters[ad.Platform()] = true
	}
	return a
}

func announceJob(id int64) string { return fmt.Sprintf("announce:%d", id) }

// Name names the feature.
func (*announcements) Name() string { return "announcements" }

// Commands are the feature's commands.
func (f *announcements) Commands() []*bot.Command {
	id := bot.Arg{Name: "id", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30, Help: txt("schemats nummer", "the schedule's number")}
	return []*bot.Command{
		{Name: "announce schedule", Group: "meetups", Role: bot.RoleOrganiser, Run: f.schedule,
			Help: txt("Schemalägg ett återkommande meddelande", "Schedule a recurring message"),
			Args: []bot.Arg{
				{Name: "cron", SV: "schema", Kind: bot.KindText, Required: true, MaxLen: 200, Help: txt("när, som cron: `0 9 * * 1` (måndagar 09:00), `@weekly`", "when, as cron: `0 9 * * 1` (Mondays 09:00), `@weekly`")},
				{Name: "channel", SV: "kanal", Kind: bot.KindText, MaxLen: 500, Help: txt("kanaler, kommaseparerade; `discord:#id` eller `slack:#id` för en annan plattform (standard: den här kanalen)", "channels, comma-separated; `discord:#id` or `slack:#id` for another platform (default: this channel)")},
				{Name: "text", Kind: bot.KindRest, Required: true, MaxLen: 1800, Help: txt("texten; `{{next_meetups}}` blir veckans träffar", "the text; `{{next_meetups}}` becomes the coming week's meetups")},
			},
			Examples: []string{`announce schedule cron:"0 9 * * 1" text:"God morgon! Veckans träffar: {{next_meetups}}"`}},
		{Name: "announce list", Group: "meetups", Role: bot.RoleOrganiser, Run: f.list, Ephemeral: true,
			Help: txt("Schemalagda meddelanden: nästa körning, senaste resultat", "Scheduled messages: next run, last result")},
		{Name: "announce preview", Group: "meetups", Role: bot.RoleOrganiser, Run: f.preview, Ephemeral: true,
			Help: txt("Visa när ett schema kommer att köras", "Show when a schedule will run"),
			Args: []bot.Arg{id,
				{Name: "from", SV: "från", Kind: bot.KindText, MaxLen: 40, Help: txt("från datum, t.ex. `2027-03-27`", "from a date, e.g. `2027-03-27`")},
				{Name: "count", SV: "antal", Kind: bot.KindInt, Min: 1, Max: 50, Help: txt("hur många (standard 5)", "how many (default 5)")}}},
		{Name: "announce pause", Group: "meetups", Role: bot.RoleOrganiser, Run: f.pause(true), Help: txt("Pausa ett schema", "Pause a schedule"), Args: []bot.Arg{id}},
		{Name: "announce resume", Group: "meetups", Role: bot.RoleOrganiser, Run: f.pause(false), Help: txt("Återuppta ett schema", "Resume a schedule"), Args: []bot.Arg{id}},
		{Name: "announce remove", Group: "meetups", Role: bot.RoleOrganiser, Run: f.remove, Help: txt("Ta bort ett schema", "Remove a schedule"), Args: []bot.Arg{id}},
		{Name: "announce test", Group: "meetups", Role: bot.RoleOrganiser, Run: f.test, Help: txt("Skicka ett schemas meddelande en gång nu", "Post a schedule's message once now"), Args: []bot.Arg{id}},
	}
}

// parseSpec reads a cron spec and explains a bad one.
func (f *announcements) parseSpec(c *bot.Call, spec string) (scheduler.Schedule, error) {
	s, err := scheduler.Parse(spec, f.loc)
	if err != nil {
		return nil, c.Refuse("announce.bad_cron", bot.Quote(spec, 60), cronProblem(c, err))
	}
	return s, nil
}

// cronProblem says in the member's language what is wrong with a spec.
func cronProblem(c *bot.Call, err error) string {
	var se *scheduler.SpecError
	if !errors.As(err, &se) {
		return c.T("cron.syntax")
	}
	switch se.Kind {
	case scheduler.KindRange:
		return c.T("cron.range", c.T("cron.field."+strings.ReplaceAll(se.Field, " ", "_")), bot.Quote(se.Value, 20), se.Min, se.Max)
	case scheduler.KindTooLong:
		return c.T("cron.too_long", scheduler.MaxSpecLen)
	case scheduler.KindTimeZone:
		return c.T("cron.zone", bot.Quote(se.Value, 40))
	case scheduler.KindUnsupported:
		return c.T("cron.every")
	case scheduler.KindNever:
		return c.T("cron.never")
	}
	return c.T("cron.syntax")
}

func (f *announcements) schedule(ctx context.Context, c *bot.Call) error {
	spec := strings.TrimSpace(c.Args.String("cron"))
	s, err := f.parseSpec(c, spec)
	if err != nil {
		return err
	}
	if err := checkFrequency(c, spec, s); err != nil {
		return err
	}
	targets, err := f.targets(ctx, c, c.Args.String("channel"))
	if err != nil {
		return err
	}
	if err := f.checkRoom(ctx, c); err != nil {
		return err
	}
	a, err := f.store.CreateAnnouncement(ctx, storage.Announcement{Spec: spec, Text: c.Args.String("text"), Targets: targets, CreatedBy: c.Event.User.Key()})
	if err != nil {
		return err
	}
	f.register(a, s, time.Time{})
	next, _ := f.sched.Next(announceJob(a.ID))
	return c.Say(ctx, "announce.created", a.ID, formatWhen(c.Lang, next, time.Time{}, f.loc), len(targets))
}

// register adds a schedule to the scheduler.
func (f *announcements) register(a storage.Announcement, s scheduler.Schedule, last time.Time) {
	id := a.ID
	f.sched.Add(announceJob(id), s, last, f.grace, func(ctx context.Context, fireAt time.Time, late bool) {
		f.fire(ctx, id, fireAt, late)
	})
}

// fire posts one firing of announcement id to every target, once.
func (f *announcements) fire(ctx context.Context, id int64, fireAt time.Time, late bool) {
	a, err := f.store.Announcement(ctx, id)
	if errors.Is(err, storage.ErrNotFound) || (err == nil && a.Paused) {
		return
	}
	var r bot.Reply
	if err == nil {
		r, err = f.render(ctx, a, fireAt)
	}
	if err != nil {
		f.log.Error("announcement firing lost: the database failed", "announcement", id, "fire_at", fireAt, "err", err)
		return
	}
	dests := make([]delivery.Dest, len(a.Targets))
	for i, t := range a.Targets {
		dests[i] = delivery.Dest{Platform: t.Platform, Channel: t.Channel}
	}
	results, err := f.deliver.DeliverAll(ctx, announceJob(id), fireAt, late, dests, func(delivery.Dest) bot.Reply { return r })
	if err != nil {
		f.log.Error("announcement firing not claimed", "announcement", id, "fire_at", fireAt, "err", err)
		return
	}
	sent, failed := 0, 0
	for _, res := range results {
		switch res {
		case delivery.Failed:
			failed++
		case delivery.Delivered:
			sent++
		}
	}
	result := fmt.Sprintf("%d/%d", sent, len(a.Targets))
	if late {
		result += " late"
	}
	if failed > 0 {
		result += fmt.Sprintf(", %d failed", failed)
	}
	f.store.RecordAnnouncementFire(context.WithoutCancel(ctx), id, fireAt, result)
}

// render fills in the announcement's text for a firing.
func (f *announcements) render(ctx context.Context, a storage.Announcement, fireAt time.Time) (bot.Reply, error) {
	text := a.Text
	if strings.Contains(text, "{{next_meetups}}") {
		ms, err := f.meetups.MeetupsBetween(ctx, fireAt, fireAt.Add(7*24*time.Hour))
		if err != nil {
			return bot.Reply{}, err
		}
		var b strings.Builder
		if len(ms) == 0 {
			b.WriteString(f.cat.T(f.lang, "announce.no_meetups"))
		}
		for _, m := range ms {
			fmt.Fprintf(&b, "\n- **%s** — %s", m.Title, formatWhen(f.lang, m.Start, m.End, f.loc))
			if m.Location != "" {
				b.WriteString(", " + m.Location)
			}
			fmt.Fprintf(&b, " (`meetup show id:%d`)", m.ID)
		}
		text = strings.ReplaceAll(text, "{{next_meetups}}", b.String())
	}
	text = strings.ReplaceAll(text, "{{time}}", fireAt.In(f.loc).Format("2006-01-02 15:04:05 MST"))
	return bot.Reply{Text: text}, nil
}

func (f *announcements) announcement(ctx context.Context, c *bot.Call) (storage.Announcement, error) {
	a, err := f.store.Announcement(ctx, int64(c.Args.Int("id")))
	if errors.Is(err, storage.ErrNotFound) {
		return a, c.Refuse("announce.unknown", c.Args.Int("id"))
	}
	return a, err
}

func (f *announcements) list(ctx context.Context, c *bot.Call) error {
	all, err := f.store.Announcements(ctx)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return c.Say(ctx, "announce.none")
	}
	var b strings.Builder
	b.WriteString(c.T("announce.list_title"))
	for _, a := range all {
		state := c.T("announce.active")
		if a.Paused {
			state = c.T("announce.paused")
		}
		next := "—"
		if t, ok := f.sched.Next(announceJob(a.ID)); ok && !a.Paused {
			next = formatWhen(c.Lang, t, time.Time{}, f.loc)
		}
		var where []string
		for _, t := range a.Targets {
			where = append(where, t.String())
		}
		fmt.Fprintf(&b, "\n- `%d` `%s` (%s) → %s: “%s”\n  %s", a.ID, a.Spec, state, strings.Join(where, ", "), bot.Quote(a.Text, 60), c.T("announce.next", next))
		if a.LastResult != "" {
			b.WriteString(" · " + c.T("announce.last", formatWhen(c.Lang, a.LastFire, time.Time{}, f.loc), a.LastResult))
		}
		ds, _ := f.store.Deliveries(ctx, announceJob(a.ID), 20)
		for _, d := range ds {
			if d.Status == "failed" {
				b.WriteString("\n  " + c.T("announce.failed", d.Target, bot.Quote(d.Error, 120)))
				break
			}
		}
	}
	return c.Reply(ctx, bot.Reply{Text: b.String()})
}

func (f *announcements) preview(ctx context.Context, c *bot.Call) error {
	a, err := f.announcement(ctx, c)
	if err != nil {
		return err
	}
	s, err := f.parseSpec(c, a.Spec)
	if err != nil {
		return err
	}
	from := f.now()
	if v := c.Args.String("from"); v != "" {
		t, err := time.ParseInLocation("2006-01-02", v, f.loc)
		if err != nil {
			if t, err = time.ParseInLocation("2006-01-02 15:04", v, f.loc); err != nil {
				return c.Refuse("announce.bad_from", bot.Quote(v, 40))
			}
		}
		from = t.Add(-time.Second)
	}
	n := c.Args.Int("count")
	if n == 0 {
		n = 5
	}
	var lines []string
	for _, t := range scheduler.Preview(s, from, n) {
		lines = append(lines, t.In(f.loc).Format("2006-01-02 15:04 MST"))
	}
	return c.Reply(ctx, bot.Reply{Text: c.T("announce.preview", a.ID, bot.Quote(a.Spec, 60)) + "\n```\n" + strings.Join(lines, "\n") + "\n```"})
}

func (f *announcements) pause(paused bool) bot.RunFunc {
	return func(ctx context.Context, c *bot.Call) error {
		a, err := f.announcement(ctx, c)
		if err != nil {
			return err
		}
		if !paused && a.Paused {
			if err := f.checkRoom(ctx, c); err != nil {
				return err
			}
		}
		if err := f.store.SetAnnouncementPaused(ctx, a.ID, paused); err != nil {
			return err
		}
		if paused {
			f.sched.Remove(announceJob(a.ID))
			return c.Say(ctx, "announce.paused_ok", a.ID)
		}
		s, err := f.parseSpec(c, a.Spec)
		if err != nil {
			return err
		}
		// Firings missed while paused are not sent: resume from now, also
		// after a restart.
		if err := f.store.AnnouncementResumed(ctx, a.ID, f.now()); err != nil {
			return err
		}
		f.register(a, s, f.now())
		return c.Say(ctx, "announce.resumed_ok", a.ID)
	}
}

func (f *announcements) remove(ctx context.Context, c *bot.Call) error {
	a, err := f.announcement(ctx, c)
	if err != nil {
		return err
	}
	f.sched.Remove(announceJob(a.ID))
	if err := f.store.DeleteAnnouncement(ctx, a.ID); err != nil {
		return err
	}
	return c.Say(ctx, "announce.removed", a.ID)
}

func (f *announcements) test(ctx context.Context, c *bot.Call) error {
	a, err := f.announcement(ctx, c)
	if err != nil {
		return err
	}
	if err := f.checkTestGap(ctx, c, a.ID); err != nil {
		return err
	}
	at := f.now()
	r, err := f.render(ctx, a, at)
	if err != nil {
		return err
	}
	sent := 0
	for _, t := range a.Targets {
		if res, err := f.deliver.Deliver(ctx, testJob(a.ID), at, false, delivery.Dest{Platform: t.Platform, Channel: t.Channel}, r); err == nil && res == delivery.Delivered {
			sent++
		}
	}
	return c.Say(ctx, "announce.tested", a.ID, sent, len(a.Targets))
}

// Start registers every active schedule, resuming after the last firing
// handled, and tells the deliverer how to re-create announcements.
func (f *announcements) Start(ctx context.Context) error {
	all, err := f.store.Announcements(ctx)
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.Paused {
			continue
		}
		s, err := scheduler.Parse(a.Spec, f.loc)
		if err != nil {
			continue
		}
		if gap := tooOften(s); gap > 0 {
			// Stored before the limit existed (or written into the
			// database by hand): it runs, but the operator hears of it.
			f.log.Warn("announcement fires more often than once an hour; remove it with announce remove", "announcement", a.ID, "spec", a.Spec, "gap", gap)
		}
		last, err := f.store.LastDelivered(ctx, announceJob(a.ID))
		if err != nil {
			return err
		}
		if a.LastFire.After(last) {
			last = a.LastFire
		}
		if last.IsZero() {
			last = a.CreatedAt
		}
		f.register(a, s, last)
	}
	f.deliver.Register("announce", func(ctx context.Context, job string, fireAt time.Time, _ string) (bot.Reply, bool, error) {
		var id int64
		if _, err := fmt.Sscanf(job, "announce:%d", &id); err != nil {
			return bot.Reply{}, false, err
		}
		a, err := f.store.Announcement(ctx, id)
		if err != nil {
			return bot.Reply{}, false, nil
		}
		r, err := f.render(ctx, a, fireAt)
		return r, err == nil, err
	})
	return nil
}
