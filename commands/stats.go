package commands

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/storage"
)

// Statistics for organisers (issue 18, point 6): `stats` says in words how
// the community is doing, and carries the same numbers as four charts
// (bot.View) that the web dashboard draws; chat platforms show the words.
// Everything is counted from what the bot already keeps, in the
// community's timezone:
//
//   - questions per ISO week (Monday to Monday, local time): answered (by
//     the knowledge base at once, or by an organiser since) and not
//     answered yet — storage.QuestionsPer;
//   - the most common interests, now and four weeks ago
//     (interests.added_at; an interest removed since is in neither) —
//     storage.InterestGrowth, counting the members an organiser may see;
//   - the answers to the latest meetups: yes, maybe, no, waitlist. Who
//     came is not recorded, so the answers are what there is —
//     storage.MeetupAnswerCounts;
//   - the scheduled announcements' messages per week: on time, late (the
//     scheduler ran the firing late after downtime, within the grace, or
//     the message went out more than bot.LateAfter after its time, the
//     limit the metrics use) and failed (refused by the platform) —
//     storage.AnnouncementsPer.
//
// Empty data is a sentence, never an empty chart.

// StatsStore reads the statistics (storage.DB has it).
type StatsStore interface {
	QuestionsPer(ctx context.Context, bounds []time.Time) ([]storage.QuestionCounts, error)
	AnnouncementsPer(ctx context.Context, bounds []time.Time, lateAfter time.Duration) ([]storage.DeliveryCounts, error)
	InterestGrowth(ctx context.Context, p bot.Platform, viewer bot.Role, before time.Time, limit int) ([]storage.TagGrowth, error)
	MeetupAnswerCounts(ctx context.Context, until time.Time, limit int) ([]storage.MeetupAnswers, error)
}

// What the statistics cover.
const (
	statsWeeks     = 12                  // questions and announcements per week
	statsTopTags   = 8                   // the most common interests
	statsGrowth    = 4                   // weeks back the interests are compared with
	statsMeetups   = 10                  // the latest meetups
	statsMeetupsTo = 30 * 24 * time.Hour // upcoming meetups this far ahead count among them
)

// stats is the organisers' statistics.
type stats struct {
	store StatsStore
	loc   *time.Location
	now   func() time.Time
	log   *slog.Logger
}

func newStats(d Deps) *stats {
	// Store does not list StatsStore (commands.go is the core's to change);
	// the database has it, and a store without it is refused when asked.
	store, _ := d.Store.(StatsStore)
	loc := d.Location
	if loc == nil {
		loc = time.Local
	}
	return &stats{store: store, loc: loc, now: d.now, log: d.logFor("stats")}
}

// Name names the feature.
func (*stats) Name() string { return "stats" }

// Commands are the feature's commands.
func (f *stats) Commands() []*bot.Command {
	return []*bot.Command{{
		Name: "stats", Aliases: []string{"statistik"}, Group: "stats", Role: bot.RoleOrganiser, Ephemeral: true,
		Help: txt("Hur det går: frågor, intressen, träffar och utskick, i ord och diagram",
			"How things are going: questions, interests, meetups and announcements, in words and charts"),
		Run: f.run,
	}}
}

// run answers `stats`.
func (f *stats) run(ctx context.Context, c *bot.Call) error {
	if f.store == nil {
		f.log.ErrorContext(ctx, "stats: the store keeps no statistics")
		return c.Refuse("stats.unavailable")
	}
	now := f.now().In(f.loc)
	bounds := weekBounds(now, statsWeeks)
	questions, err := f.store.QuestionsPer(ctx, bounds)
	if err != nil {
		return err
	}
	tags, err := f.store.InterestGrowth(ctx, c.Event.User.Platform, c.Role, now.AddDate(0, 0, -7*statsGrowth), statsTopTags)
	if err != nil {
		return err
	}
	meetups, err := f.store.MeetupAnswerCounts(ctx, now.Add(statsMeetupsTo), statsMeetups)
	if err != nil {
		return err
	}
	sent, err := f.store.AnnouncementsPer(ctx, bounds, bot.LateAfter)
	if err != nil {
		return err
	}
	r := bot.Reply{}
	lines := []string{c.T("stats.title")}
	for _, part := range []func(*bot.Call) (string, *bot.View){
		func(c *bot.Call) (string, *bot.View) { return f.questions(c, bounds, questions) },
		func(c *bot.Call) (string, *bot.View) { return f.interests(c, tags) },
		func(c *bot.Call) (string, *bot.View) { return f.meetups(c, meetups) },
		func(c *bot.Call) (string, *bot.View) { return f.announcements(c, bounds, sent) },
	} {
		line, view := part(c)
		lines = append(lines, line)
		if view != nil {
			r.Views = append(r.Views, *view)
		}
	}
	r.Text = strings.Join(lines, "\n")
	return c.Reply(ctx, r)
}

// weekBounds are the n+1 Mondays 00:00 in now's location that bound the
// n ISO weeks ending with now's: the last is next Monday. Dates, not
// 7×24 hours, so that the week of a daylight-saving change is 167 or 169
// hours, as it is.
func weekBounds(now time.Time, n int) []time.Time {
	back := (int(now.Weekday()) + 6) % 7 // days since Monday
	y, m, d := now.Date()
	out := make([]time.Time, n+1)
	for i := range out {
		out[i] = time.Date(y, m, d-back+7*(i-n+1), 0, 0, 0, 0, now.Location())
	}
	return out
}

// weekLabel is an ISO week's short name: "v. 48", "wk 48".
func weekLabel(c *bot.Call, start time.Time) string {
	_, w := start.ISOWeek()
	return c.T("stats.week", w)
}

// weekSpan names the weeks bounds cover: "v. 37–48".
func weekSpan(c *bot.Call, bounds []time.Time) string {
	_, first := bounds[0].ISOWeek()
	_, last := bounds[len(bounds)-2].ISOWeek()
	return c.T("stats.weeks", first, last)
}

// questions is the questions' sentence and chart.
func (f *stats) questions(c *bot.Call, bounds []time.Time, qs []storage.QuestionCounts) (string, *bot.View) {
	var answered, later, open int
	chart := &bot.Chart{Kind: bot.ChartStackedBars, Unit: c.T("stats.q.unit"), Series: []bot.Series{
		{Name: c.T("stats.q.answered")}, {Name: c.T("stats.q.open")}}}
	for i, q := range qs {
		answered += q.Answered + q.AnsweredLater
		later += q.AnsweredLater
		open += q.Open
		chart.Labels = append(chart.Labels, weekLabel(c, bounds[i]))
		chart.Series[0].Values = append(chart.Series[0].Values, float64(q.Answered+q.AnsweredLater))
		chart.Series[1].Values = append(chart.Series[1].Values, float64(q.Open))
	}
	total := answered + open
	if total == 0 {
		return c.T("stats.q.none", statsWeeks), nil
	}
	line := c.TN("stats.q", total, weekSpan(c, bounds), total, answered, open)
	if later > 0 {
		line += " " + c.TN("stats.q.later", later, later)
	}
	return line, &bot.View{Title: c.T("stats.q.title"), Chart: chart}
}

// interests is the interests' sentence and chart.
func (f *stats) interests(c *bot.Call, tags []storage.TagGrowth) (string, *bot.View) {
	if len(tags) == 0 {
		return c.T("stats.i.none"), nil
	}
	chart := &bot.Chart{Kind: bot.ChartBars, Unit: c.T("stats.i.unit"), Series: []bot.Series{
		{Name: c.T("stats.i.now")}, {Name: c.T("stats.i.before", statsGrowth)}}}
	items := make([]string, len(tags))
	for i, t := range tags {
		items[i] = fmt.Sprintf("%s %d (+%d)", bot.Quote(t.Tag, 60), t.Now, t.Now-t.Before)
		chart.Labels = append(chart.Labels, t.Tag)
		chart.Series[0].Values = append(chart.Series[0].Values, float64(t.Now))
		chart.Series[1].Values = append(chart.Series[1].Values, float64(t.Before))
	}
	return c.T("stats.i", statsGrowth, strings.Join(items, ", ")), &bot.View{Title: c.T("stats.i.title"), Chart: chart}
}

// meetups is the meetups' sentence and chart.
func (f *stats) meetups(c *bot.Call, ms []storage.MeetupAnswers) (string, *bot.View) {
	if len(ms) == 0 {
		return c.T("stats.m.none"), nil
	}
	chart := &bot.Chart{Kind: bot.ChartStackedBars, Unit: c.T("stats.m.unit"), Series: []bot.Series{
		{Name: c.T("stats.m.yes")}, {Name: c.T("stats.m.maybe")}, {Name: c.T("stats.m.no")}, {Name: c.T("stats.m.waitlist")}}}
	var yes, maybe, no, wait int
	top := -1
	for i, m := range ms {
		yes, maybe, no, wait = yes+m.Yes, maybe+m.Maybe, no+m.No, wait+m.Waitlisted
		if m.Yes > 0 && (top < 0 || m.Yes >= ms[top].Yes) {
			top = i // the latest of the most popular
		}
		chart.Labels = append(chart.Labels, shortDate(c.Lang, m.Start.In(f.loc))+" "+m.Title)
		for s, n := range []int{m.Yes, m.Maybe, m.No, m.Waitlisted} {
			chart.Series[s].Values = append(chart.Series[s].Values, float64(n))
		}
	}
	if yes+maybe+no+wait == 0 {
		if len(ms) == 1 {
			return c.T("stats.m.unanswered.one"), nil
		}
		return c.T("stats.m.unanswered.other", len(ms)), nil
	}
	line := c.TN("stats.m", len(ms), len(ms), yes, maybe, no, wait)
	if top >= 0 {
		m := ms[top]
		line += " " + c.T("stats.m.top", bot.Quote(m.Title, 80), shortDate(c.Lang, m.Start.In(f.loc)), m.Yes)
	}
	return line, &bot.View{Title: c.T("stats.m.title"), Chart: chart}
}

// announcements is the announcements' sentence and chart.
func (f *stats) announcements(c *bot.Call, bounds []time.Time, ds []storage.DeliveryCounts) (string, *bot.View) {
	chart := &bot.Chart{Kind: bot.ChartStackedBars, Unit: c.T("stats.a.unit"), Series: []bot.Series{
		{Name: c.T("stats.a.sent")}, {Name: c.T("stats.a.late")}, {Name: c.T("stats.a.failed")}}}
	var sent, late, failed int
	for i, d := range ds {
		sent, late, failed = sent+d.Sent, late+d.Late, failed+d.Failed
		chart.Labels = append(chart.Labels, weekLabel(c, bounds[i]))
		for s, n := range []int{d.Sent, d.Late, d.Failed} {
			chart.Series[s].Values = append(chart.Series[s].Values, float64(n))
		}
	}
	total := sent + late + failed
	if total == 0 {
		return c.T("stats.a.none", statsWeeks), nil
	}
	return c.TN("stats.a", total, weekSpan(c, bounds), total, sent, late, failed), &bot.View{Title: c.T("stats.a.title"), Chart: chart}
}

// shortDate is a day for a chart's label: "27 nov", "27 Nov".
func shortDate(lang string, t time.Time) string {
	if lang == "en" {
		return fmt.Sprintf("%d %s", t.Day(), t.Month().String()[:3])
	}
	return fmt.Sprintf("%d %s", t.Day(), svShortMonths[t.Month()-1])
}

// svShortMonths are Swedish month abbreviations; read-only.
var svShortMonths = [...]string{"jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"}

// Messages are the feature's texts.
func (*stats) Messages() bot.Messages {
	return bot.Messages{
		"group.stats":       {SV: "Statistik", EN: "Statistics"},
		"stats.unavailable": {SV: "Statistiken går inte att läsa just nu (felet är loggat).", EN: "The statistics cannot be read right now (the error has been logged)."},
		"stats.title":       {SV: "**Statistik**", EN: "**Statistics**"},
		"stats.week":        {SV: "v. %d", EN: "wk %d"},
		"stats.weeks":       {SV: "v. %d–%d", EN: "wk %d–%d"},

		"stats.q.title":    {SV: "Frågor per vecka", EN: "Questions per week"},
		"stats.q.unit":     {SV: "frågor", EN: "questions"},
		"stats.q.answered": {SV: "besvarade", EN: "answered"},
		"stats.q.open":     {SV: "obesvarade", EN: "not answered"},
		"stats.q.none":     {SV: "**Frågor:** ingen har frågat mig något de senaste %d veckorna.", EN: "**Questions:** nobody has asked me anything in the last %d weeks."},
		"stats.q.one":      {SV: "**Frågor** (%s): %d fråga, varav %d med svar och %d utan svar än.", EN: "**Questions** (%s): %d question, %d answered and %d not answered yet."},
		"stats.q.other":    {SV: "**Frågor** (%s): %d frågor, varav %d med svar och %d utan svar än.", EN: "**Questions** (%s): %d questions, %d answered and %d not answered yet."},
		"stats.q.later.one": {SV: "%d av dem fick svar av en arrangör i efterhand.",
			EN: "%d of them was answered later by an organiser."},
		"stats.q.later.other": {SV: "%d av dem fick svar av en arrangör i efterhand.",
			EN: "%d of them were answered later by an organiser."},

		"stats.i.title":  {SV: "De vanligaste intressena", EN: "The most common interests"},
		"stats.i.unit":   {SV: "medlemmar", EN: "members"},
		"stats.i.now":    {SV: "nu", EN: "now"},
		"stats.i.before": {SV: "för %d veckor sedan", EN: "%d weeks ago"},
		"stats.i.none":   {SV: "**Intressen:** ingen har lagt till några intressen än.", EN: "**Interests:** nobody has added any interests yet."},
		"stats.i":        {SV: "**Intressen** (medlemmar nu, ökning på %d veckor): %s.", EN: "**Interests** (members now, growth over %d weeks): %s."},

		"stats.m.title":    {SV: "Svar per träff", EN: "Answers per meetup"},
		"stats.m.unit":     {SV: "svar", EN: "answers"},
		"stats.m.yes":      {SV: "ja", EN: "yes"},
		"stats.m.maybe":    {SV: "kanske", EN: "maybe"},
		"stats.m.no":       {SV: "nej", EN: "no"},
		"stats.m.waitlist": {SV: "väntelista", EN: "waitlist"},
		"stats.m.none":     {SV: "**Träffar:** det finns inga träffar än.", EN: "**Meetups:** there are no meetups yet."},
		"stats.m.unanswered.one": {SV: "**Träffar:** ingen har svarat på den enda träffen än.",
			EN: "**Meetups:** nobody has answered the only meetup yet."},
		"stats.m.unanswered.other": {SV: "**Träffar:** ingen har svarat på de %d senaste träffarna än.",
			EN: "**Meetups:** nobody has answered the last %d meetups yet."},
		"stats.m.one":   {SV: "**Träffar** (%d träff): %d ja, %d kanske, %d nej, %d på väntelistan.", EN: "**Meetups** (%d meetup): %d yes, %d maybe, %d no, %d on the waitlist."},
		"stats.m.other": {SV: "**Träffar** (de %d senaste): %d ja, %d kanske, %d nej, %d på väntelistan.", EN: "**Meetups** (the last %d): %d yes, %d maybe, %d no, %d on the waitlist."},
		"stats.m.top":   {SV: "Flest ja: “%s” %s (%d).", EN: "Most yes: “%s” %s (%d)."},

		"stats.a.title":  {SV: "Utskick per vecka", EN: "Announcements per week"},
		"stats.a.unit":   {SV: "meddelanden", EN: "messages"},
		"stats.a.sent":   {SV: "skickade i tid", EN: "sent on time"},
		"stats.a.late":   {SV: "sena", EN: "late"},
		"stats.a.failed": {SV: "misslyckade", EN: "failed"},
		"stats.a.none":   {SV: "**Utskick:** inga schemalagda meddelanden har gått ut de senaste %d veckorna.", EN: "**Announcements:** no scheduled messages went out in the last %d weeks."},
		"stats.a.one":    {SV: "**Utskick** (%s): %d meddelande — i tid: %d, sent: %d, misslyckat: %d.", EN: "**Announcements** (%s): %d message — on time: %d, late: %d, failed: %d."},
		"stats.a.other":  {SV: "**Utskick** (%s): %d meddelanden — i tid: %d, sena: %d, misslyckade: %d.", EN: "**Announcements** (%s): %d messages — on time: %d, late: %d, failed: %d."},
	}
}
