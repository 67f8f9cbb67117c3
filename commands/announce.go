package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/recur"
	"passionbot/bot/scheduler"
	"passionbot/delivery"
	"passionbot/storage"
)

// AnnouncementStore keeps scheduled announcements, recurring and one-off.
type AnnouncementStore interface {
	CreateAnnouncement(ctx context.Context, a storage.Announcement) (storage.Announcement, error)
	UpdateAnnouncement(ctx context.Context, a storage.Announcement) (storage.Announcement, error)
	Announcements(ctx context.Context) ([]storage.Announcement, error)
	Announcement(ctx context.Context, id int64) (storage.Announcement, error)
	SetAnnouncementPaused(ctx context.Context, id int64, paused bool) error
	DeleteAnnouncement(ctx context.Context, id int64) error
	RecordAnnouncementFire(ctx context.Context, id int64, fireAt time.Time, result string) error
	AnnouncementResumed(ctx context.Context, id int64, at time.Time) error
	LastDelivered(ctx context.Context, job string) (time.Time, error)
	Deliveries(ctx context.Context, job string, limit int) ([]storage.Delivery, error)
}

// announcements is the scheduled-announcement feature: recurring
// schedules written in words or cron (bot/recur), one-off messages, edits.
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
	whenArg := bot.Arg{Name: "when", SV: "när", RunsOn: recurWord, Kind: bot.KindText, MaxLen: recur.MaxPhraseLen,
		Help: txt("när, i ord: `varje måndag kl 9`, `vardagar kl 8`, `varannan tisdag kl 18`, `första tisdagen i månaden kl 18.30`",
			"when, in words: `every Monday at 9am`, `weekdays at 8`, `every other Tuesday at 6pm`, `the first Tuesday of the month at 18:30`")}
	cron := bot.Arg{Name: "cron", SV: "schema", Kind: bot.KindText, MaxLen: recur.MaxPhraseLen,
		Help: txt("när, som cron om du hellre vill: `0 9 * * 1`, `@weekly`", "when, as cron if you prefer: `0 9 * * 1`, `@weekly`")}
	channel := bot.Arg{Name: "channel", SV: "kanal", Kind: bot.KindText, MaxLen: 500,
		Help: txt("kanaler, kommaseparerade; `discord:#id` eller `slack:#id` för en annan plattform (standard: den här kanalen)", "channels, comma-separated; `discord:#id` or `slack:#id` for another platform (default: this channel)")}
	text := bot.Arg{Name: "text", Kind: bot.KindRest, MaxLen: 1800,
		Help: txt("texten; `{{next_meetups}}` blir veckans träffar", "the text; `{{next_meetups}}` becomes the coming week's meetups")}
	once := whenArg
	once.Required = true
	once.Help = txt("när, som för träffar: `fredag 9:00`, `4/12 09:00`, `i morgon kl 9`", "when, as for meetups: `friday 9:00`, `4/12 09:00`, `tomorrow 9am`")
	req := func(a bot.Arg) bot.Arg { a.Required = true; return a }
	return []*bot.Command{
		{Name: "announce schedule", GroupSV: []string{"utskick"}, SV: []string{"schemalägg"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.schedule,
			Help: txt("Schemalägg ett återkommande meddelande", "Schedule a recurring message"),
			Args: []bot.Arg{whenArg, cron, channel, req(text)},
			Examples: []string{`announce schedule when:"varje måndag kl 9" text:"God morgon! Veckans träffar: {{next_meetups}}"`,
				`announce schedule when:"varannan tisdag kl 18" channel:"#allmant" text:"Fika i ateljén ikväll"`}},
		{Name: "announce once", SV: []string{"en gång"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.once,
			Help:     txt("Skicka ett meddelande en gång, vid en viss tid", "Send a message once, at a given time"),
			Args:     []bot.Arg{once, channel, req(text)},
			Examples: []string{`announce once when:"fredag 9:00" text:"Glöm inte anmälan till julmarknaden!"`}},
		{Name: "announce edit", SV: []string{"ändra"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.edit,
			Help:     txt("Ändra ett schemalagt meddelande: när, text eller kanaler", "Change a scheduled message: when, text or channels"),
			Args:     []bot.Arg{id, whenArg, cron, channel, text},
			Examples: []string{`announce edit id:1 when:"varje måndag kl 8"`}},
		{Name: "announce list", SV: []string{"lista"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.list, Ephemeral: true,
			Help: txt("Schemalagda meddelanden: när, nästa gång, senaste resultat", "Scheduled messages: when, next run, last result")},
		{Name: "announce preview", SV: []string{"förhandsvisa"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.preview, Ephemeral: true,
			Help: txt("Visa när ett schema kommer att köras", "Show when a schedule will run"),
			Args: []bot.Arg{id,
				{Name: "from", SV: "från", Kind: bot.KindText, MaxLen: 40, Help: txt("från ett datum, som för träffar: `27/3`, `2027-03-27`, `nästa måndag`", "from a date, as for meetups: `27/3`, `2027-03-27`, `next Monday`")},
				{Name: "count", SV: "antal", Kind: bot.KindInt, Min: 1, Max: 50, Help: txt("hur många (standard 5)", "how many (default 5)")}}},
		{Name: "announce pause", SV: []string{"pausa"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.pause(true), Help: txt("Pausa ett schema", "Pause a schedule"), Args: []bot.Arg{id}},
		{Name: "announce resume", SV: []string{"återuppta"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.pause(false), Help: txt("Återuppta ett schema", "Resume a schedule"), Args: []bot.Arg{id}},
		{Name: "announce remove", SV: []string{"ta bort"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.remove, Help: txt("Ta bort ett schema", "Remove a schedule"), Args: []bot.Arg{id}},
		{Name: "announce test", SV: []string{"testa"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.test, Help: txt("Skicka ett schemas meddelande en gång nu", "Post a schedule's message once now"), Args: []bot.Arg{id}},
	}
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
	phrase, err := schedulePhrase(c, true)
	if err != nil {
		return err
	}
	rule, err := f.parseRule(c, phrase)
	if err != nil {
		return err
	}
	if err := checkFrequency(c, phrase, rule); err != nil {
		return err
	}
	targets, err := f.targets(ctx, c, c.Args.String("channel"))
	if err != nil {
		return err
	}
	if err := f.checkRoom(ctx, c, 0); err != nil {
		return err
	}
	a, err := f.store.CreateAnnouncement(ctx, storage.Announcement{Spec: rule.Spec(), Text: c.Args.String("text"), Targets: targets, CreatedBy: c.Event.User.Key()})
	if err != nil {
		return err
	}
	f.register(a, rule, time.Time{})
	return c.Say(ctx, "announce.created", a.ID, rule.Describe(c.Lang, f.now()), targetList(a.Targets))
}

// register adds a schedule to the scheduler.
func (f *announcements) register(a storage.Announcement, s scheduler.Schedule, last time.Time) {
	id := a.ID
	f.sched.Add(announceJob(id), s, last, f.grace, func(ctx context.Context, fireAt time.Time, late bool) {
		f.fire(ctx, id, fireAt, late)
	})
}

// registerOnce adds a one-off announcement to the scheduler: sent at at,
// or late within the grace period, through the same firing path.
func (f *announcements) registerOnce(id int64, at time.Time) {
	f.sched.AddOnce(announceJob(id), at, f.grace, func(ctx context.Context, fireAt time.Time, late bool) {
		f.fire(ctx, id, fireAt, late)
	})
}

// arm (re)registers a with the scheduler as its plan says, a recurring
// rule counting from last (zero: from now).
func (f *announcements) arm(a storage.Announcement, p plan, last time.Time) {
	if p.isOnce() {
		f.registerOnce(a.ID, p.once)
		return
	}
	f.register(a, p.rule, last)
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
			b.WriteString(" " + f.cat.T(f.lang, "announce.meetup_ref", m.ID))
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

func (f *announcements) pause(paused bool) bot.RunFunc {
	return func(ctx context.Context, c *bot.Call) error {
		a, err := f.announcement(ctx, c)
		if err != nil {
			return err
		}
		if paused {
			if err := f.store.SetAnnouncementPaused(ctx, a.ID, true); err != nil {
				return err
			}
			f.sched.Remove(announceJob(a.ID))
			return c.Say(ctx, "announce.paused_ok", a.ID)
		}
		p, err := f.loadPlan(a.Spec)
		if err != nil {
			return c.Refuse("announce.unreadable_spec", a.ID, bot.Quote(a.Spec, 60))
		}
		if p.isOnce() && !p.once.After(f.now()) {
			// Its time went by while it was paused, and missed
			// firings are not sent: it needs a new time.
			return c.Refuse("announce.once_passed", a.ID, formatWhen(c.Lang, p.once, time.Time{}, f.loc), a.ID)
		}
		if a.Paused {
			if err := f.checkRoom(ctx, c, a.ID); err != nil {
				return err
			}
		}
		if err := f.store.SetAnnouncementPaused(ctx, a.ID, false); err != nil {
			return err
		}
		// Firings missed while paused are not sent: resume from now, also
		// after a restart.
		if err := f.store.AnnouncementResumed(ctx, a.ID, f.now()); err != nil {
			return err
		}
		f.arm(a, p, f.now())
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

// Start registers every active announcement, resuming after the last
// firing handled (or the last edit), and tells the deliverer how to
// re-create announcements. Specs stored as cron before schedules could be
// written in words load unchanged (recur.Load).
func (f *announcements) Start(ctx context.Context) error {
	all, err := f.store.Announcements(ctx)
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.Paused {
			continue
		}
		p, err := f.loadPlan(a.Spec)
		if err != nil {
			f.log.Error("announcement cannot be read and is not sent; change it with announce edit", "announcement", a.ID, "spec", a.Spec, "err", err)
			continue
		}
		last, err := f.store.LastDelivered(ctx, announceJob(a.ID))
		if err != nil {
			return err
		}
		for _, t := range []time.Time{a.LastFire, a.CreatedAt, a.RevisedAt} {
			if t.After(last) {
				last = t
			}
		}
		if p.isOnce() {
			// Not yet handled: sent now (late, within the grace
			// period) or later; the delivery log's claims keep it to
			// one send whatever happened before the restart.
			if last.Before(p.once) {
				f.registerOnce(a.ID, p.once)
			}
			continue
		}
		if gap := tooOften(p.rule); gap > 0 {
			// Stored before the limit existed (or written into the
			// database by hand): it runs, but the operator hears of it.
			f.log.Warn("announcement fires more often than once an hour; remove it with announce remove", "announcement", a.ID, "spec", a.Spec, "gap", gap)
		}
		f.register(a, p.rule, last)
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
