package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/recur"
	"passionbot/bot/when"
	"passionbot/storage"
)

// Recurring meetups (issue 16, point 3).
//
// `meetup create … repeat:"varannan torsdag"` stores a series (storage
// MeetupSeries: the rule's spec and a template) and makes its first
// occurrences. Each occurrence is an ordinary meetup with its own RSVPs,
// capacity, waitlist, reminders, card and Discord scheduled event, tied to
// the series by the date the rule gave it. seriesAhead occurrences exist
// ahead of time: the series' own scheduler job fires at every occurrence's
// start and makes the next one, and Start catches up after downtime. Both
// go through storage.AddOccurrence, unique per (series, date), so an
// occurrence is made exactly once, also across restarts; one moved or
// cancelled on its own (scope:one) keeps its date and is never made again.
//
// The rule comes from recur (words only, not cron), anchored on the first
// meetup: its time of day is the one of `when:`, and "every other" counts
// from the first meetup's week (the spec's DTSTART is its date).
// scope:following changes this and the later occurrences and the
// template; a new time (same day, new clock time or length) becomes the
// rule's time of day. Moving the weekday of a whole series is not offered:
// cancel the following and create a new series. On Discord each
// occurrence is a scheduled event of its own (the API's recurrence rules
// cannot express "the last weekday of the month" and similar rules, and an
// occurrence with its own RSVPs and changes is an event of its own anyway).

// seriesAhead is how many occurrences of a series exist ahead of time.
const seriesAhead = 4

// SeriesStore keeps recurring meetups.
type SeriesStore interface {
	CreateMeetupSeries(ctx context.Context, s storage.MeetupSeries) (storage.MeetupSeries, error)
	MeetupSeries(ctx context.Context, id int64) (storage.MeetupSeries, error)
	LiveMeetupSeries(ctx context.Context) ([]storage.MeetupSeries, error)
	UpdateMeetupSeries(ctx context.Context, s storage.MeetupSeries) error
	AddOccurrence(ctx context.Context, seriesID int64, date string, m storage.Meetup) (storage.Meetup, bool, error)
	OccurrenceOf(ctx context.Context, meetupID int64) (storage.Occurrence, bool, error)
	SeriesMeetups(ctx context.Context, seriesID int64, from string) ([]storage.Meetup, error)
}

// The scope of an edit or cancellation of a series' occurrence.
const (
	scopeOne       = "one"
	scopeFollowing = "following"
)

func scopeArg() bot.Arg {
	return bot.Arg{Name: "scope", SV: "omfattning", Kind: bot.KindChoice, Choices: []string{scopeOne, scopeFollowing},
		ChoicesSV: map[string][]string{scopeOne: {"en"}, scopeFollowing: {"följande"}},
		Help:      txt("för en återkommande träff: `en` (bara den här, förval) eller `följande` (den här och alla senare)", "for a recurring meetup: `one` (just this one, the default) or `following` (this and every later one)")}
}

func repeatArg() bot.Arg {
	return bot.Arg{Name: "repeat", SV: "upprepa", RunsOn: recurWord, Kind: bot.KindText, MaxLen: recur.MaxPhraseLen,
		Help: txt("upprepa träffen: `varannan torsdag`, `varje måndag`, `första tisdagen i månaden`; `när:` är den första", "repeat it: `every other Thursday`, `every Monday`, `the first Tuesday of the month`; `when:` is the first one")}
}

// recurWord reports whether an unquoted word after "upprepa:varannan" or
// "när:varje" goes on with a recurrence ("varannan tisdag", "every other
// Monday at 9", "första tisdagen i månaden kl 18").
func recurWord(w string) bool {
	if when.Word(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "every", "other", "at", "of", "the", "first", "second", "third", "fourth", "last", "varje", "varannan",
		"första", "andra", "tredje", "fjärde", "sista", "i", "månaden", "weekdays", "weekday", "vardagar", "vardag",
		"helger", "weekends", "and", "och", "tisdagen", "måndagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen":
		return true
	}
	return false
}

func seriesJob(id int64) string { return fmt.Sprintf("meetup-series:%d", id) }

// localDate is t's date in the community's zone, as the series stores it.
func (f *meetups) localDate(t time.Time) string { return t.In(f.loc).Format(time.DateOnly) }

var (
	byHour   = regexp.MustCompile(`BYHOUR=[0-9,]+`)
	byMinute = regexp.MustCompile(`BYMINUTE=[0-9,]+`)
)

// anchoredSpec rewrites a rule's spec to start on first's date at first's
// time of day.
func anchoredSpec(spec string, first time.Time) string {
	body := spec
	if _, rest, ok := strings.Cut(spec, " "); ok && strings.HasPrefix(spec, "DTSTART") {
		body = rest
	}
	return "DTSTART;VALUE=DATE:" + first.Format("20060102") + " " + atTime(body, first)
}

// atTime sets the time of day of an RRULE to t's.
func atTime(rrule string, t time.Time) string {
	rrule = byHour.ReplaceAllString(rrule, fmt.Sprintf("BYHOUR=%d", t.Hour()))
	return byMinute.ReplaceAllString(rrule, fmt.Sprintf("BYMINUTE=%d", t.Minute()))
}

// seriesRule reads `repeat:` and anchors it on the first meetup, or
// explains: a phrase recur cannot read gets its examples; a first meetup
// on a day the rule skips is refused.
func (f *meetups) seriesRule(c *bot.Call, phrase string, first time.Time) (recur.Rule, error) {
	r, err := recur.Parse(phrase, f.loc, f.now())
	var e *recur.Error
	switch {
	case errors.As(err, &e) && e.Kind != recur.KindCron:
		return r, c.Refuse("meetup.bad_repeat", bot.Text{SV: e.Message(bot.LangSV), EN: e.Message(bot.LangEN)})
	case err != nil || r.IsCron():
		return r, c.Refuse("meetup.repeat_cron", bot.Quote(phrase, 60))
	}
	first = first.In(f.loc)
	anchored, err := recur.Load(anchoredSpec(r.Spec(), first), f.loc)
	if err != nil {
		return r, err
	}
	if !anchored.Next(first.Add(-time.Second)).Equal(first) {
		return r, c.Refuse("meetup.repeat_not_on", bot.Text{SV: formatWhen(bot.LangSV, first, time.Time{}, f.loc), EN: formatWhen(bot.LangEN, first, time.Time{}, f.loc)},
			bot.Text{SV: anchored.Summary(bot.LangSV), EN: anchored.Summary(bot.LangEN)})
	}
	return anchored, nil
}

// createSeries stores a series whose first meetup is r, makes its first
// occurrences and posts the first one's card as `meetup create` does.
func (f *meetups) createSeries(ctx context.Context, c *bot.Call, r when.Range, channel string) error {
	rule, err := f.seriesRule(c, c.Args.String("repeat"), r.Start)
	if err != nil {
		return err
	}
	var dur time.Duration
	if !r.End.IsZero() {
		dur = r.End.Sub(r.Start)
	}
	s, err := f.series.CreateMeetupSeries(ctx, storage.MeetupSeries{Spec: rule.Spec(), Duration: dur,
		Title: c.Args.String("title"), Description: c.Args.String("description"), Location: c.Args.String("where"),
		Capacity: c.Args.Int("capacity"), Platform: c.Event.Platform, ChannelID: channel, Organiser: c.Event.User})
	if err != nil {
		return err
	}
	made, err := f.rollSeries(ctx, s, f.now())
	if err != nil {
		return err
	}
	f.watchSeries(s, rule)
	if len(made) == 0 {
		return errors.New("a new series made no occurrence")
	}
	var b strings.Builder
	b.WriteString(c.T("meetup.series_created", rule.Summary(c.Lang), seriesAhead))
	for _, m := range made {
		fmt.Fprintf(&b, "\n- `%d` %s", m.ID, formatWhen(c.Lang, m.Start, m.End, f.loc))
	}
	first := made[0]
	ref, card, err := f.publish(ctx, c, first, channel, first.NativeID)
	if err != nil {
		return err
	}
	switch {
	case ref == publishedElsewhere:
		b.WriteString("\n" + c.T("meetup.created_elsewhere", first.ID, channel))
	case ref == publishedCard:
		b.WriteString("\n" + c.T("meetup.created_card", first.ID))
	}
	return c.Reply(ctx, bot.Reply{Text: b.String(), Card: card})
}

// rollSeries makes the occurrences of s that should exist after now and
// do not: the next seriesAhead dates of its rule, up to its end. Each new
// one gets its reminders and its native event. It returns the new ones.
func (f *meetups) rollSeries(ctx context.Context, s storage.MeetupSeries, now time.Time) ([]storage.Meetup, error) {
	rule, err := recur.Load(s.Spec, f.loc)
	if err != nil {
		return nil, err
	}
	var made []storage.Meetup
	t := now
	for range seriesAhead {
		if t = rule.Next(t); t.IsZero() {
			break
		}
		date := f.localDate(t)
		if s.EndedFrom != "" && date >= s.EndedFrom {
			break
		}
		m := storage.Meetup{Title: s.Title, Description: s.Description, Location: s.Location, Start: t, Capacity: s.Capacity,
			Platform: s.Platform, ChannelID: s.ChannelID, Organiser: s.Organiser}
		if s.Duration > 0 {
			m.End = t.Add(s.Duration)
		}
		m, added, err := f.series.AddOccurrence(ctx, s.ID, date, m)
		if err != nil {
			return made, err
		}
		if !added {
			continue
		}
		f.schedule(m, true)
		if id := f.nativeEvent(ctx, m, ""); id != "" {
			if err := f.store.SetMeetupRefs(ctx, m.ID, "", id); err != nil {
				return made, err
			}
			m.NativeID = id
		}
		f.log.Info("meetup series rolled forward", "series", s.ID, "meetup", m.ID, "date", date)
		made = append(made, m)
	}
	return made, nil
}

// watchSeries registers the series' job: at every occurrence's start it
// makes the next ones, so that seriesAhead stay ahead.
func (f *meetups) watchSeries(s storage.MeetupSeries, rule recur.Rule) {
	if f.sched == nil {
		return
	}
	id := s.ID
	f.sched.Add(seriesJob(id), rule, time.Time{}, f.grace, func(ctx context.Context, fireAt time.Time, _ bool) {
		s, err := f.series.MeetupSeries(ctx, id)
		if err != nil || s.EndedFrom != "" {
			if err != nil {
				f.log.Error("meetup series not rolled forward", "series", id, "err", err)
			}
			return
		}
		now := f.now()
		if fireAt.After(now) {
			now = fireAt
		}
		if _, err := f.rollSeries(ctx, s, now); err != nil {
			f.log.Error("meetup series not rolled forward", "series", id, "err", err)
		}
	})
}

// startSeries rolls every live series forward (after downtime) and
// registers its job.
func (f *meetups) startSeries(ctx context.Context) error {
	ss, err := f.series.LiveMeetupSeries(ctx)
	if err != nil {
		return err
	}
	for _, s := range ss {
		rule, err := recur.Load(s.Spec, f.loc)
		if err != nil {
			f.log.Error("meetup series with an unreadable rule", "series", s.ID, "spec", s.Spec, "err", err)
			continue
		}
		if _, err := f.rollSeries(ctx, s, f.now()); err != nil {
			return err
		}
		f.watchSeries(s, rule)
	}
	return nil
}

// seriesOf returns the series meetup id belongs to, or explains that it
// belongs to none.
func (f *meetups) seriesOf(ctx context.Context, c *bot.Call, id int64) (storage.MeetupSeries, storage.Occurrence, error) {
	o, ok, err := f.series.OccurrenceOf(ctx, id)
	if err != nil {
		return storage.MeetupSeries{}, o, err
	}
	if !ok {
		return storage.MeetupSeries{}, o, c.Refuse("meetup.not_series", id)
	}
	s, err := f.series.MeetupSeries(ctx, o.SeriesID)
	return s, o, err
}

// seriesWords says the series meetup id belongs to in words ("varannan
// torsdag kl. 18:00"), or "" for a meetup of its own.
func (f *meetups) seriesWords(ctx context.Context, lang string, id int64) string {
	o, ok, err := f.series.OccurrenceOf(ctx, id)
	if err != nil || !ok {
		return ""
	}
	s, err := f.series.MeetupSeries(ctx, o.SeriesID)
	if err != nil {
		return ""
	}
	r, err := recur.Load(s.Spec, f.loc)
	if err != nil {
		return ""
	}
	return r.Summary(lang)
}

// editFollowing changes this occurrence, every later one and the series'
// template; each occurrence's members are told as for one meetup.
func (f *meetups) editFollowing(ctx context.Context, c *bot.Call, m storage.Meetup) error {
	s, o, err := f.seriesOf(ctx, c, m.ID)
	if err != nil {
		return err
	}
	changed, newTime := false, false
	var at time.Time
	if c.Args.Has("when") {
		r, err := f.parseWhen(c, c.Args.String("when"))
		if err != nil {
			return err
		}
		if f.localDate(r.Start) != f.localDate(m.Start) {
			return c.Refuse("meetup.following_same_day", m.ID)
		}
		at, newTime, changed = r.Start.In(f.loc), true, true
		s.Spec = atTime(s.Spec, at)
		s.Duration = 0
		if !r.End.IsZero() {
			s.Duration = r.End.Sub(r.Start)
		}
		if _, err := recur.Load(s.Spec, f.loc); err != nil {
			return err
		}
	}
	for name, dst := range map[string]*string{"title": &s.Title, "where": &s.Location, "description": &s.Description} {
		if c.Args.Has(name) {
			*dst, changed = c.Args.String(name), true
		}
	}
	if c.Args.Has("capacity") {
		s.Capacity, changed = c.Args.Int("capacity"), true
	}
	if !changed {
		return c.Refuse("meetup.nothing_to_change")
	}
	if err := f.series.UpdateMeetupSeries(ctx, s); err != nil {
		return err
	}
	ms, err := f.series.SeriesMeetups(ctx, s.ID, o.Date)
	if err != nil {
		return err
	}
	n, told, cards := 0, 0, 0
	for _, om := range ms {
		if om.Cancelled {
			continue
		}
		old := om
		om.Title, om.Location, om.Description, om.Capacity = s.Title, s.Location, s.Description, s.Capacity
		if newTime {
			d := om.Start.In(f.loc)
			om.Start = time.Date(d.Year(), d.Month(), d.Day(), at.Hour(), at.Minute(), 0, 0, f.loc)
			om.End = time.Time{}
			if s.Duration > 0 {
				om.End = om.Start.Add(s.Duration)
			}
		}
		promoted, err := f.store.UpdateMeetup(ctx, om)
		if err != nil {
			return err
		}
		n++
		f.schedule(om, true)
		f.nativeEvent(ctx, om, om.NativeID)
		f.tellPromoted(ctx, c, om, promoted)
		_, t, _ := f.tellChange(ctx, c.Event.User, old, om)
		told += t
		cards += f.refreshCards(ctx, om.ID)
	}
	if newTime {
		if rule, err := recur.Load(s.Spec, f.loc); err == nil {
			f.watchSeries(s, rule)
		}
	}
	text := c.TN("meetup.edited_following", n, m.ID, n) + " " + c.TN("meetup.told", told, told)
	if cards > 0 {
		text += " " + c.TN("meetup.cards_updated", cards, cards)
	}
	return c.Reply(ctx, bot.Reply{Text: text})
}

// cancelFollowing cancels this occurrence and every later one, and ends
// the series there: no new ones are made.
func (f *meetups) cancelFollowing(ctx context.Context, c *bot.Call, m storage.Meetup) error {
	s, o, err := f.seriesOf(ctx, c, m.ID)
	if err != nil {
		return err
	}
	s.EndedFrom = o.Date
	if err := f.series.UpdateMeetupSeries(ctx, s); err != nil {
		return err
	}
	if f.sched != nil {
		f.sched.Remove(seriesJob(s.ID))
	}
	ms, err := f.series.SeriesMeetups(ctx, s.ID, o.Date)
	if err != nil {
		return err
	}
	n, told := 0, 0
	for _, om := range ms {
		if om.Cancelled {
			continue
		}
		t, err := f.cancelMeetup(ctx, c, om)
		if errors.Is(err, storage.ErrCancelled) {
			continue
		} else if err != nil {
			return err
		}
		n++
		told += t
	}
	return c.Reply(ctx, bot.Reply{Text: c.TN("meetup.cancelled_following", n, m.ID, n) + " " + c.TN("meetup.told", told, told)})
}

// nativeEvent creates or updates m's event in the platform's own calendar
// outside a command (a series rolled forward by its job); as native, a
// failure is logged, never fatal.
func (f *meetups) nativeEvent(ctx context.Context, m storage.Meetup, existing string) string {
	es, ok := f.adapters[m.Platform].(bot.EventScheduler)
	if !ok {
		return existing
	}
	ev := bot.NativeEvent{ID: existing, Title: m.Title, Description: m.Description, Location: m.Location, Start: m.Start, End: m.End}
	if existing == "" {
		id, err := es.CreateEvent(ctx, ev)
		if err != nil {
			f.log.Warn("native event not created", "meetup", m.ID, "err", err)
			return ""
		}
		return id
	}
	if err := es.UpdateEvent(ctx, ev); err != nil {
		f.log.Warn("native event not updated", "meetup", m.ID, "err", err)
	}
	return existing
}
