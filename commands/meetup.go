package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/when"
	"passionbot/calendar"
	"passionbot/delivery"
	"passionbot/storage"
)

// MeetupStore keeps meetups and RSVPs.
type MeetupStore interface {
	CreateMeetup(ctx context.Context, m storage.Meetup) (storage.Meetup, error)
	Meetup(ctx context.Context, id int64) (storage.Meetup, error)
	UpcomingMeetups(ctx context.Context, from time.Time, limit int) ([]storage.Meetup, error)
	MeetupsBetween(ctx context.Context, from, to time.Time) ([]storage.Meetup, error)
	UpdateMeetup(ctx context.Context, m storage.Meetup) ([]bot.User, error)
	SetMeetupRefs(ctx context.Context, id int64, messageID, nativeID string) error
	CancelMeetup(ctx context.Context, id int64) error
	SetRSVP(ctx context.Context, meetupID int64, u bot.User, answer string) (storage.RSVPResult, error)
	RSVPs(ctx context.Context, meetupID int64) ([]storage.RSVP, error)
	CalendarToken(ctx context.Context, u bot.User) (string, error)
	Member(ctx context.Context, p bot.Platform, userID string) (storage.MemberRecord, error)
	Deliveries(ctx context.Context, job string, limit int) ([]storage.Delivery, error)
}

// meetups is the meetup feature: create, edit, cancel, list, show, RSVP,
// reminders and the calendar file.
type meetups struct {
	calURL    string // the HTTP endpoint's base URL, "" when off
	interests InterestStore
	store     MeetupStore
	series    SeriesStore
	sched     Scheduler
	deliver   *delivery.Deliverer
	cat       *bot.Catalog
	lang      string // for messages with no member to ask (reminders)
	loc       *time.Location
	reminders []time.Duration
	grace     time.Duration
	now       func() time.Time
	log       *slog.Logger
	// posted are the cards posted for each meetup, edited in place by
	// refreshCards on the adapters that can (bot.MessageEditor); cards
	// coalesces the refreshes RSVPs ask for.
	posted   MeetupCardStore
	adapters map[bot.Platform]bot.Adapter
	cards    *cardRefresher
}

// newMeetups builds the feature from the dependencies.
func newMeetups(d Deps) *meetups {
	f := &meetups{calURL: d.CalendarURL, interests: d.Store, store: d.Store, series: d.Store, sched: d.Scheduler, deliver: d.Deliverer, cat: d.catalog(), lang: d.Lang,
		loc: d.Location, reminders: d.Reminders, grace: d.Grace, now: d.now, log: d.logFor("meetups"),
		posted: d.Store, adapters: map[bot.Platform]bot.Adapter{}}
	for _, a := range d.Adapters {
		f.adapters[a.Platform()] = a
	}
	f.cards = newCardRefresher(d.Scheduler, cardRefreshEvery, d.now, func(ctx context.Context, id int64) { f.refreshCards(ctx, id) })
	return f
}

// Name names the feature.
func (*meetups) Name() string { return "meetups" }

// Commands are the feature's commands.
func (f *meetups) Commands() []*bot.Command {
	id := bot.Arg{Name: "id", Kind: bot.KindInt, Required: true, Min: 1, Max: 1 << 30, Help: txt("träffens nummer", "the meetup's number")}
	title := bot.Arg{Name: "title", SV: "titel", Also: []string{"namn", "name", "rubrik"}, RunsOn: bot.AnyWord, Kind: bot.KindText, MaxLen: 100, Help: txt("rubrik", "title")}
	whenArg := bot.Arg{Name: "when", SV: "när", Also: []string{"tid", "datum", "time", "date"}, RunsOn: when.Word, Kind: bot.KindText, MaxLen: 100, Help: txt("när: `2027-01-15 18:00`, `15/1 18-21`, `fredag 18:00`, `i morgon 18`", "when: `2027-01-15 18:00`, `15/1 18-21`, `friday 6pm`, `tomorrow 18:00`")}
	where := bot.Arg{Name: "where", SV: "plats", Also: []string{"var", "place", "location"}, RunsOn: bot.AnyWord, Kind: bot.KindText, MaxLen: 200, Help: txt("plats", "place")}
	channel := bot.Arg{Name: "channel", SV: "kanal", Kind: bot.KindChannel, Help: txt("kanalen där träffen annonseras", "the channel to announce it in")}
	capacity := bot.Arg{Name: "capacity", SV: "platser", Also: []string{"kapacitet", "antal", "max"}, Kind: bot.KindInt, Min: 1, Max: 10000, NoLimit: true, Help: txt("antal platser (väntelista när det är fullt); `0` eller `ingen` tar bort gränsen", "number of places (waitlist when full); `0` or `none` removes the limit")}
	desc := bot.Arg{Name: "description", SV: "beskrivning", Kind: bot.KindRest, MaxLen: 1500, Help: txt("beskrivning", "description")}
	req := func(a bot.Arg) bot.Arg { a.Required = true; return a }
	return []*bot.Command{
		{Name: "meetup create", GroupSV: []string{"träff"}, SV: []string{"skapa", "ny", "nytt", "planera"}, Aliases: []string{"meetup new", "meetup add"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.create,
			Help:     txt("Planera en träff", "Plan a meetup"),
			Args:     []bot.Arg{req(title), req(whenArg), where, channel, capacity, repeatArg(), desc},
			Examples: []string{`meetup create title:"Julfika i ateljén" when:"2027-01-15 18:00" where:"Ateljén, Varberg" capacity:12`, `meetup create title:"Keramikkväll" when:"torsdag 18-21" repeat:"varannan torsdag"`}},
		{Name: "meetup edit", SV: []string{"ändra"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.edit,
			Help: txt("Ändra en träff", "Change a meetup"),
			Args: []bot.Arg{id, title, whenArg, where, capacity, scopeArg(), desc}},
		{Name: "meetup cancel", SV: []string{"ställ in"}, Group: "meetups", Role: bot.RoleOrganiser, Run: f.cancel,
			Help: txt("Ställ in en träff; de anmälda får veta", "Cancel a meetup; those who signed up are told"),
			Args: []bot.Arg{id, scopeArg()}},
		{Name: "meetup list", SV: []string{"lista"}, Group: "meetups", Run: f.list, Help: txt("Kommande träffar", "Upcoming meetups")},
		{Name: "meetup show", SV: []string{"visa"}, Group: "meetups", Run: f.show, Help: txt("En träff: detaljer, vem som kommer, väntelista", "A meetup: details, who is coming, waitlist"),
			Args: []bot.Arg{id}},
		{Name: "meetup ics", SV: []string{"kalender"}, Group: "meetups", Run: f.ics, Private: true,
			Help: txt("Träffen som kalenderfil (iCalendar), och länken till din egen kalender", "The meetup as a calendar file (iCalendar), and the link to your own calendar"),
			Args: []bot.Arg{id}},
		{Name: "meetup rsvp", SV: []string{"svara", "osa"}, Group: "meetups", Run: f.rsvp, Help: txt("Svara ja, kanske eller nej", "Answer yes, maybe or no"),
			Args:     []bot.Arg{id, {Name: "answer", SV: "svar", Kind: bot.KindChoice, Required: true, Choices: []string{"yes", "maybe", "no"}, ChoicesSV: yesMaybeNo(), Help: txt("ja, kanske eller nej", "yes, maybe or no")}},
			Examples: []string{"meetup rsvp id:3 answer:yes"}},
	}
}

// parseWhen reads a meetup time and explains a problem in the member's language.
func (f *meetups) parseWhen(c *bot.Call, s string) (when.Range, error) {
	r, err := when.Parse(s, f.now(), f.loc)
	if err == nil {
		return r, nil
	}
	var we *when.Error
	if errors.As(err, &we) {
		switch we.Reason {
		case when.ClockRepeat:
			return r, c.Refuse("meetup.when_repeat", bot.Quote(s, 60))
		case when.WeekdayMismatch:
			return r, c.Refuse("meetup.when_weekday", bot.Quote(s, 60))
		case when.MonthFirst:
			return r, c.Refuse("meetup.when_month_first", bot.Quote(s, 60))
		case when.JustPassed:
			return r, justPassed(c, we)
		}
		switch we.Kind {
		case when.Past:
			return r, c.Refuse("meetup.when_past", bot.Quote(s, 60))
		case when.Impossible:
			return r, c.Refuse("meetup.when_impossible", bot.Quote(s, 60))
		case when.Ambiguous:
			return r, c.Refuse("meetup.when_ambiguous", bot.Quote(s, 60))
		case when.TooFar:
			return r, c.Refuse("meetup.when_far", bot.Quote(s, 60))
		}
	}
	return r, c.Refuse("meetup.when_unknown", bot.Quote(s, 60))
}

func (f *meetups) create(ctx context.Context, c *bot.Call) error {
	r, err := f.parseWhen(c, c.Args.String("when"))
	if err != nil {
		return err
	}
	channel, err := f.channel(ctx, c)
	if err != nil {
		return err
	}
	if c.Args.Has("repeat") {
		return f.createSeries(ctx, c, r, channel)
	}
	m, err := f.store.CreateMeetup(ctx, storage.Meetup{
		Title: c.Args.String("title"), Description: c.Args.String("description"), Location: c.Args.String("where"),
		Start: r.Start, End: r.End, Capacity: c.Args.Int("capacity"),
		Platform: c.Event.Platform, ChannelID: channel, Organiser: c.Event.User,
	})
	if err != nil {
		return err
	}
	f.schedule(m, true)
	nativeID := f.native(ctx, c, m, "")
	how, card, err := f.publish(ctx, c, m, channel, nativeID)
	switch {
	case err != nil:
		return err
	case how == publishedElsewhere:
		return c.Say(ctx, "meetup.created_elsewhere", m.ID, channel)
	case how == publishedCard:
		return c.Say(ctx, "meetup.created_card", m.ID)
	}
	return c.Reply(ctx, bot.Reply{Text: c.T("meetup.created", m.ID), Card: card})
}

// How publish showed a new meetup's card.
const (
	publishedInReply   = iota // the caller's reply carries the card
	publishedElsewhere        // posted in the `channel:` given
	publishedCard             // a message of its own, kept up to date
)

// publish posts a new meetup's card in channel when that is another
// channel than the command's, else as a message of its own where cards can
// be edited, and stores the card's and the native event's ids. Otherwise
// the card is returned for the caller's reply.
func (f *meetups) publish(ctx context.Context, c *bot.Call, m storage.Meetup, channel, nativeID string) (int, *bot.Card, error) {
	card := f.card(ctx, c.Lang, m)
	msgID := ""
	if channel != "" && channel != c.Event.Channel.ID {
		if a := c.Bot().Adapter(c.Event.Platform); a != nil {
			ref, err := a.Send(ctx, bot.Target{Channel: channel}, c.Bot().ButtonsIn(bot.Reply{Card: card}, c.Lang))
			if err != nil {
				return 0, nil, c.Refuse("meetup.announce_failed", m.ID, channel)
			}
			msgID = ref.ID
			f.keepCard(ctx, m, ref, c.Lang)
		}
		return publishedElsewhere, nil, f.store.SetMeetupRefs(ctx, m.ID, msgID, nativeID)
	}
	// Where cards can be edited, the card is a message of its own that is
	// kept up to date; the organiser's answer says so.
	ref, posted := f.postCard(ctx, c, m, channel, card)
	if err := f.store.SetMeetupRefs(ctx, m.ID, ref.ID, nativeID); err != nil {
		return 0, nil, err
	}
	if posted {
		return publishedCard, nil, nil
	}
	return publishedInReply, card, nil
}

// channel is where a new meetup's card goes: the `channel:` argument, else
// the channel the command came from, else (in a DM) nowhere. Either must be
// a channel of the community the organiser can see (checkChannel), so that
// a card never lands in a staff channel they cannot read or on another
// server the bot is in; nothing is stored or posted when it is not.
func (f *meetups) channel(ctx context.Context, c *bot.Call) (string, error) {
	if id := c.Args.String("channel"); id != "" && id != c.Event.Channel.ID {
		return id, checkChannel(ctx, c, c.Event.Platform, id, id)
	}
	if c.Event.Channel.DM || c.Event.Channel.ID == "" {
		return "", nil
	}
	return c.Event.Channel.ID, checkOwnChannel(ctx, c, "channel.in_dm")
}

// native creates or updates the meetup in the platform's own calendar
// (Discord's Events tab) when the platform has one; failures are logged,
// never fatal.
func (f *meetups) native(ctx context.Context, c *bot.Call, m storage.Meetup, existing string) string {
	if _, ok := bot.CapableOn[bot.EventScheduler](c.Bot(), m.Platform); !ok {
		return existing
	}
	return f.nativeEvent(ctx, m, existing)
}

// meetup loads the meetup named by the id argument, or explains.
func (f *meetups) meetup(ctx context.Context, c *bot.Call) (storage.Meetup, error) {
	id := int64(c.Args.Int("id"))
	m, err := f.store.Meetup(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return m, c.Refuse("meetup.unknown", id)
	}
	return m, err
}

func (f *meetups) edit(ctx context.Context, c *bot.Call) error {
	m, err := f.meetup(ctx, c)
	if err != nil {
		return err
	}
	if m.Cancelled {
		return c.Refuse("meetup.is_cancelled", m.ID)
	}
	if c.Args.String("scope") == scopeFollowing {
		return f.editFollowing(ctx, c, m)
	}
	old := m
	changed := false
	if c.Args.Has("when") {
		r, err := f.parseWhen(c, c.Args.String("when"))
		if err != nil {
			return err
		}
		m.Start, m.End, changed = r.Start, r.End, true
	}
	for name, dst := range map[string]*string{"title": &m.Title, "where": &m.Location, "description": &m.Description} {
		if c.Args.Has(name) {
			*dst, changed = c.Args.String(name), true
		}
	}
	if c.Args.Has("capacity") {
		m.Capacity, changed = c.Args.Int("capacity"), true
	}
	if !changed {
		return c.Refuse("meetup.nothing_to_change")
	}
	promoted, err := f.store.UpdateMeetup(ctx, m)
	if err != nil {
		return err
	}
	f.schedule(m, true)
	f.native(ctx, c, m, m.NativeID)
	f.tellPromoted(ctx, c, m, promoted)
	return f.announceChange(ctx, c, old, m)
}

func (f *meetups) cancel(ctx context.Context, c *bot.Call) error {
	m, err := f.meetup(ctx, c)
	if err != nil {
		return err
	}
	if c.Args.String("scope") == scopeFollowing {
		return f.cancelFollowing(ctx, c, m)
	}
	told, err := f.cancelMeetup(ctx, c, m)
	if errors.Is(err, storage.ErrCancelled) {
		return c.Refuse("meetup.is_cancelled", m.ID)
	} else if err != nil {
		return err
	}
	return c.Say(ctx, bot.Plural("meetup.cancelled", told), m.ID, bot.Quote(m.Title, 100), told)
}

// cancelMeetup cancels m, its reminders and native event, tells those who
// answered yes or maybe (and the meetup's channel) and updates its cards.
// It returns how many members were told; storage.ErrCancelled when it
// already was cancelled.
func (f *meetups) cancelMeetup(ctx context.Context, c *bot.Call, m storage.Meetup) (int, error) {
	if err := f.store.CancelMeetup(ctx, m.ID); err != nil {
		return 0, err
	}
	f.unschedule(m.ID)
	if cm, err := f.store.Meetup(ctx, m.ID); err == nil {
		m = cm // cancelled, with the bumped SEQUENCE for the calendar file
	}
	if es, ok := bot.CapableOn[bot.EventScheduler](c.Bot(), m.Platform); ok && m.NativeID != "" {
		if err := es.CancelEvent(ctx, m.NativeID); err != nil {
			f.log.Warn("native event not cancelled", "meetup", m.ID, "err", err)
		}
	}
	rsvps, err := f.store.RSVPs(ctx, m.ID)
	if err != nil {
		return 0, err
	}
	job, at := fmt.Sprintf("cancel:%d", m.ID), f.now()
	var dests []delivery.Dest
	for _, r := range rsvps {
		if r.Answer != "no" {
			dests = append(dests, delivery.Dest{Platform: r.User.Platform, User: r.User.ID})
		}
	}
	results, err := f.deliver.DeliverAll(ctx, job, at, false, dests, func(d delivery.Dest) bot.Reply {
		return f.cancelNotice(f.langOf(ctx, d), m)
	})
	if err != nil {
		f.log.Error("cancellation notices", "meetup", m.ID, "err", err)
	}
	told := 0
	for _, res := range results {
		if res == delivery.Delivered {
			told++
		}
	}
	if m.ChannelID != "" && m.ChannelID != c.Event.Channel.ID {
		_, err := f.deliver.Deliver(ctx, job, at, false, delivery.Dest{Platform: m.Platform, Channel: m.ChannelID},
			bot.Reply{Text: c.T("meetup.cancelled_channel", m.Title, formatWhen(c.Lang, m.Start, m.End, f.loc))})
		if err != nil {
			f.log.Error("cancellation in the meetup's channel", "meetup", m.ID, "err", err)
		}
	}
	f.refreshCards(ctx, m.ID) // "CANCELLED", without buttons
	return told, nil
}

func (f *meetups) list(ctx context.Context, c *bot.Call) error {
	ms, err := f.store.UpcomingMeetups(ctx, f.now(), 15)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return c.Say(ctx, "meetup.none")
	}
	return c.Reply(ctx, bot.Reply{Text: f.listText(ctx, c, c.T("meetup.list_title"), ms, nil), Views: []bot.View{f.calendarView(ctx, c, ms)}})
}

// listText is the list of meetups ms under title, as `meetup list` shows
// it: each with its id, title, time, place and series, then what more
// (when not nil) says of it, and the hint.
func (f *meetups) listText(ctx context.Context, c *bot.Call, title string, ms []storage.Meetup, more func(storage.Meetup) string) string {
	var b strings.Builder
	b.WriteString(title)
	for _, m := range ms {
		fmt.Fprintf(&b, "\n- `%d` **%s** — %s", m.ID, m.Title, formatWhen(c.Lang, m.Start, m.End, f.loc))
		if m.Location != "" {
			b.WriteString(", " + m.Location)
		}
		if words := f.seriesWords(ctx, c.Lang, m.ID); words != "" {
			b.WriteString(" · ↻ " + words)
		}
		if more != nil {
			b.WriteString(" · " + more(m))
		}
	}
	b.WriteString("\n" + c.T("meetup.list_hint"))
	return b.String()
}

func (f *meetups) show(ctx context.Context, c *bot.Call) error {
	m, err := f.meetup(ctx, c)
	if err != nil {
		return err
	}
	card := f.card(ctx, c.Lang, m)
	rsvps, err := f.store.RSVPs(ctx, m.ID)
	if err != nil {
		return err
	}
	var coming, waiting, maybe []string
	// The table names exactly those the card's fields name, in the same
	// order (RSVPs': places, the waitlist, maybe).
	answers := &bot.Table{Columns: []string{c.T("meetup.col_name"), c.T("meetup.col_answer"), c.T("meetup.col_answered")}}
	for _, r := range rsvps {
		name := r.User.Name
		if name == "" {
			name = r.User.ID
		}
		var key string
		switch {
		case r.Answer == "yes" && r.Waitlisted:
			waiting, key = append(waiting, name), "meetup.answer_waitlist"
		case r.Answer == "yes":
			coming, key = append(coming, name), "meetup.answer_yes"
		case r.Answer == "maybe":
			maybe, key = append(maybe, name), "meetup.answer_maybe"
		default:
			continue // the text does not name those who said no
		}
		answers.Rows = append(answers.Rows, []string{name, c.T(key), viewStamp(r.UpdatedAt, f.loc)})
	}
	add := func(key string, names []string) {
		if len(names) > 0 {
			card.Fields = append(card.Fields, bot.Field{Name: c.T(key, len(names)), Value: strings.Join(names, ", ")})
		}
	}
	add("meetup.coming", coming)
	add("meetup.waiting", waiting)
	add("meetup.maybe", maybe)
	if hint := f.sharedHint(ctx, c, rsvps); hint != "" {
		card.Fields = append(card.Fields, bot.Field{Name: c.T("meetup.you"), Value: hint})
	}
	var views []bot.View
	if len(answers.Rows) > 0 {
		views = []bot.View{{Title: c.T("meetup.answers_view", m.Title), Table: answers}}
	}
	return c.Reply(ctx, bot.Reply{Card: card, Views: views})
}

func (f *meetups) rsvp(ctx context.Context, c *bot.Call) error {
	m, err := f.meetup(ctx, c)
	if err != nil {
		return err
	}
	answer := c.Args.String("answer")
	res, err := f.store.SetRSVP(ctx, m.ID, c.Event.User, answer)
	switch {
	case errors.Is(err, storage.ErrCancelled):
		return c.Refuse("meetup.is_cancelled", m.ID)
	case errors.Is(err, storage.ErrStarted):
		return c.Refuse("meetup.started", m.ID)
	case err != nil:
		return err
	}
	f.tellPromoted(ctx, c, m, res.Promoted)
	f.cards.Poke(ctx, m.ID)
	switch {
	case res.Waitlisted:
		return c.Say(ctx, "meetup.rsvp_waitlist", bot.Quote(m.Title, 100), res.Position)
	case answer == "yes":
		return c.Say(ctx, "meetup.rsvp_yes", bot.Quote(m.Title, 100), formatWhen(c.Lang, m.Start, m.End, f.loc))
	case answer == "maybe":
		return c.Say(ctx, "meetup.rsvp_maybe", bot.Quote(m.Title, 100))
	}
	return c.Say(ctx, "meetup.rsvp_no", bot.Quote(m.Title, 100))
}

// tellPromoted tells members who moved from the waitlist to a place.
func (f *meetups) tellPromoted(ctx context.Context, c *bot.Call, m storage.Meetup, promoted []bot.User) {
	job, at := fmt.Sprintf("promoted:%d", m.ID), f.now()
	var dests []delivery.Dest
	for _, u := range promoted {
		dests = append(dests, delivery.Dest{Platform: u.Platform, User: u.ID})
	}
	_, err := f.deliver.DeliverAll(ctx, job, at, false, dests, func(d delivery.Dest) bot.Reply {
		lang := f.langOf(ctx, d)
		return bot.Reply{Text: f.cat.T(lang, "meetup.promoted_dm", m.Title, formatWhen(lang, m.Start, m.End, f.loc))}
	})
	if err != nil {
		f.log.Error("telling members promoted from the waitlist", "meetup", m.ID, "err", err)
	}
}

// tally counts a meetup's answers: yes with a place, yes on the waitlist,
// and maybe.
func tally(rsvps []storage.RSVP) (yes, wait, maybe int) {
	for _, r := range rsvps {
		switch {
		case r.Answer == "yes" && r.Waitlisted:
			wait++
		case r.Answer == "yes":
			yes++
		case r.Answer == "maybe":
			maybe++
		}
	}
	return yes, wait, maybe
}

// card shows a meetup with its RSVP buttons.
func (f *meetups) card(ctx context.Context, lang string, m storage.Meetup) *bot.Card {
	t := func(key string, args ...any) string { return f.cat.T(lang, key, args...) }
	card := &bot.Card{Title: m.Title, Body: m.Description, Footer: t("meetup.footer", m.ID, m.ID)}
	card.Fields = append(card.Fields, bot.Field{Name: t("meetup.when"), Value: formatWhen(lang, m.Start, m.End, f.loc), Inline: true})
	if m.Location != "" {
		card.Fields = append(card.Fields, bot.Field{Name: t("meetup.where"), Value: m.Location, Inline: true})
	}
	rsvps, _ := f.store.RSVPs(ctx, m.ID)
	yes, wait, maybe := tally(rsvps)
	places := t("meetup.count", yes, maybe)
	if m.Capacity > 0 {
		places = t("meetup.count_cap", yes, m.Capacity, maybe, wait)
	}
	card.Fields = append(card.Fields, bot.Field{Name: t("meetup.places"), Value: places, Inline: true})
	if words := f.seriesWords(ctx, lang, m.ID); words != "" {
		card.Fields = append(card.Fields, bot.Field{Name: t("meetup.repeats"), Value: "↻ " + words, Inline: true})
	}
	if m.Cancelled {
		card.Title = t("meetup.cancelled_title", m.Title)
		return card
	}
	for _, b := range []struct {
		answer, key string
		style       bot.ButtonStyle
	}{{"yes", "meetup.btn_yes", bot.ButtonPrimary}, {"maybe", "meetup.btn_maybe", bot.ButtonDefault}, {"no", "meetup.btn_no", bot.ButtonDefault}} {
		cmd := fmt.Sprintf("meetup rsvp id:%d answer:%s", m.ID, b.answer)
		card.Buttons = append(card.Buttons, bot.Button{Label: t(b.key), Action: cmd, Command: cmd, Style: b.style})
	}
	return card
}

// ics gives the meetup as an iCalendar file and, when the HTTP endpoint is
// on, the member's personal feed of the meetups they said yes or maybe to.
func (f *meetups) ics(ctx context.Context, c *bot.Call) error {
	m, err := f.meetup(ctx, c)
	if err != nil {
		return err
	}
	file, err := calendar.MeetupICS(m, f.loc, f.now())
	if err != nil {
		return err
	}
	text := c.T("meetup.ics", m.ID) + "\n```\n" + strings.ReplaceAll(string(file), "\r\n", "\n") + "```"
	if f.calURL != "" {
		tok, err := f.store.CalendarToken(ctx, c.Event.User)
		if err != nil {
			return err
		}
		text += "\n" + c.T("meetup.feed", f.calURL+"/calendar/"+tok+".ics", f.calURL+"/calendar.ics")
	}
	return c.Reply(ctx, bot.Reply{Text: text})
}

// sharedHint tells the member how many of those coming share one of their
// interests: "3 som kommer delar ditt intresse för keramik". Only those
// whose interests the member may see count (with the names of those coming
// beside it, a count can point at one member).
func (f *meetups) sharedHint(ctx context.Context, c *bot.Call, rsvps []storage.RSVP) string {
	mine, err := f.interests.Interests(ctx, c.Event.User)
	if err != nil || len(mine) == 0 {
		return ""
	}
	tagOf := map[string]string{}
	for _, in := range mine {
		tagOf[in.Key] = in.Tag
	}
	count := map[string]int{}
	for _, r := range rsvps {
		if r.Answer != "yes" || r.Waitlisted || r.User.ID == c.Event.User.ID {
			continue
		}
		theirs, err := f.interests.VisibleInterests(ctx, r.User, c.Role)
		if err != nil {
			return ""
		}
		for _, in := range theirs {
			if _, ok := tagOf[in.Key]; ok {
				count[in.Key]++
			}
		}
	}
	best, n := "", 0
	for k, v := range count {
		if v > n || (v == n && tagOf[k] < tagOf[best]) {
			best, n = k, v
		}
	}
	if n == 0 {
		return ""
	}
	return c.T("meetup.shared_hint", n, tagOf[best])
}

// justPassed refuses a day and month that passed this year a short while
// ago ("4 december har redan varit — menade du 4 december 2027?") instead
// of moving it a year ahead unasked.
func justPassed(c *bot.Call, we *when.Error) error {
	day := func(year int) bot.Text {
		d, m := we.Time.Day(), we.Time.Month()
		t := bot.Text{SV: fmt.Sprintf("%d %s", d, svMonths[m-1]), EN: fmt.Sprintf("%d %s", d, m)}
		if year > 0 {
			t.SV, t.EN = fmt.Sprintf("%s %d", t.SV, year), fmt.Sprintf("%s %d", t.EN, year)
		}
		return t
	}
	if we.Year == 0 {
		return c.Refuse("meetup.when_just_passed_no_year", day(0))
	}
	return c.Refuse("meetup.when_just_passed", day(0), day(we.Year))
}
