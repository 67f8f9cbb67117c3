package commands

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/when"
	"passionbot/storage"
)

// The moderation log (`modlog`): the audit log newest first, 15 at a time,
// narrowed by who it was about (user:), who did it (actor:, "automod" for
// automatic moderation), the command (action:, its first words are
// enough: "channel", "automod"), the outcome and a date range. The chat
// text lists the entries; the reply also carries them as a table for the
// web dashboard (bot.View).

// modlogPage is how many entries one modlog reply shows.
const modlogPage = 15

// outcomeWords are the audit outcomes in Swedish, the first shown.
func outcomeWords() map[string][]string {
	return map[string][]string{
		bot.ResultOK:      {"ok", "utfört", "utförd"},
		bot.ResultRefused: {"nekad", "nekat"},
		bot.ResultFailed:  {"misslyckad", "misslyckades", "misslyckat"},
	}
}

func (f *moderation) modlogCommand() *bot.Command {
	date := func(name, sv string, help bot.Text) bot.Arg {
		return bot.Arg{Name: name, SV: sv, Kind: bot.KindText, MaxLen: 40, Help: help}
	}
	return &bot.Command{Name: "modlog", Private: true, Help: txt("Moderationsloggen, senaste först", "The moderation log, newest first"),
		Args: []bot.Arg{{Name: "user", SV: "användare", Kind: bot.KindUser, Help: txt("bara om denna medlem", "only about this member")},
			{Name: "before", SV: "före", Kind: bot.KindInt, Min: 1, Max: 1 << 30, Help: txt("poster äldre än detta nummer", "entries older than this number")},
			{Name: "actor", SV: "utförare", Kind: bot.KindUser, Help: txt("bara det som denna medlem gjorde; `automod` för den automatiska modereringen", "only what this member did; `automod` for automatic moderation")},
			{Name: "action", SV: "åtgärd", Kind: bot.KindText, MaxLen: 40, Help: txt("kommandot, eller dess första ord: `timeout`, `channel lock`, `channel`; `automod` visar den automatiska modereringens träffar",
				"the command, or its first words: `timeout`, `channel lock`, `channel`; `automod` shows automatic moderation's hits")},
			{Name: "outcome", SV: "utfall", Kind: bot.KindChoice, Choices: []string{bot.ResultOK, bot.ResultRefused, bot.ResultFailed}, ChoicesSV: outcomeWords(),
				Help: txt("ok, nekad eller misslyckad", "ok, refused or failed")},
			date("since", "från", txt("från och med ett datum: `2026-11-01`, `1/11`, `igår`", "from a date on: `2026-11-01`, `1/11`, `yesterday`")),
			date("until", "till", txt("till och med ett datum (hela dagen)", "up to and including a date (the whole day)"))},
		Examples: []string{"modlog user:kim", "modlog actor:moa action:timeout", "modlog action:automod since:2026-11-01 until:2026-11-30", "modlog action:channel outcome:refused"},
		Run:      f.modlog,
	}
}

func (f *moderation) modlog(ctx context.Context, c *bot.Call) error {
	filter, echo, err := f.modlogFilter(c)
	if err != nil {
		return err
	}
	entries, err := f.store.AuditSearch(ctx, c.Event.Platform, filter, modlogPage)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		if echo != "" {
			return c.Say(ctx, "mod.log_no_match")
		}
		return c.Say(ctx, "mod.log_empty")
	}
	var b strings.Builder
	b.WriteString(c.T("mod.log_title"))
	table := &bot.Table{Columns: []string{c.T("mod.col_id"), c.T("mod.col_when"), c.T("mod.col_actor"), c.T("mod.col_action"),
		c.T("mod.col_target"), c.T("mod.col_outcome"), c.T("mod.col_detail")}}
	for _, e := range entries {
		at, actor, target, outcome := e.At.In(f.loc).Format("2006-01-02 15:04"), bot.Quote(e.Actor, 40), bot.Quote(e.Target, 40), resultIn(f.cat, c.Lang, e.Result)
		fmt.Fprintf(&b, "\n`%d` %s %s: %s %s", e.ID, at, actor, e.Action, target)
		var why []string
		if e.Reason != "" {
			b.WriteString(" (" + bot.Quote(e.Reason, 80) + ")")
			why = append(why, bot.Quote(e.Reason, 80))
		}
		b.WriteString(" → " + outcome)
		if e.Detail != "" {
			detail := bot.Quote(bot.TextIn(e.Detail, c.Lang), 100)
			b.WriteString(": " + detail)
			why = append(why, detail)
		}
		table.Rows = append(table.Rows, []string{fmt.Sprint(e.ID), at, actor, e.Action, target, outcome, strings.Join(why, " — ")})
	}
	if len(entries) == modlogPage {
		last := entries[len(entries)-1].ID
		if echo != "" {
			b.WriteString("\n" + c.T("mod.log_more_filtered", echo, last))
		} else {
			b.WriteString("\n" + c.T("mod.log_more", last))
		}
	}
	return c.Reply(ctx, bot.Reply{Text: b.String(), Views: []bot.View{{Title: c.T("mod.log_view"), Table: table}}})
}

// modlogFilter reads modlog's filters, and writes them back as arguments
// for the hint to the next page ("" when there are none but before:).
func (f *moderation) modlogFilter(c *bot.Call) (storage.AuditFilter, string, error) {
	filter := storage.AuditFilter{
		Target: c.Args.String("user"),
		Actor:  c.Args.String("actor"),
		Action: strings.Join(strings.Fields(strings.ToLower(strings.TrimLeft(c.Args.String("action"), "/!"))), " "),
		Result: c.Args.String("outcome"),
		Before: int64(c.Args.Int("before")),
	}
	var echo []string
	add := func(name, value string) {
		if value == "" {
			return
		}
		// The hint to the next page is written as the member's language
		// writes the filter: "utförare:moa utfall:nekad" in Swedish.
		if a := c.Command.Arg(name); a != nil {
			if a.Kind == bot.KindChoice {
				value = a.ChoiceIn(c.Lang, value)
			}
			name = a.NameIn(c.Lang)
		}
		echo = append(echo, name+":"+argValue(value))
	}
	add("user", filter.Target)
	add("actor", filter.Actor)
	add("action", filter.Action)
	add("outcome", filter.Result)
	var since, until time.Time
	for _, d := range []struct {
		name string
		dst  *time.Time
	}{{"since", &since}, {"until", &until}} {
		s := strings.TrimSpace(c.Args.String(d.name))
		if s == "" {
			continue
		}
		t, err := f.readLogDay(c, d.name, s)
		if err != nil {
			return filter, "", err
		}
		*d.dst = t
		add(d.name, dayText(t, f.loc))
	}
	filter.Since = since
	if !until.IsZero() {
		// A day is the whole day; a time, up to and including its minute.
		filter.Until = until.Truncate(time.Minute).Add(time.Minute)
		if isMidnight(until, f.loc) {
			y, m, d := until.In(f.loc).Date()
			filter.Until = time.Date(y, m, d+1, 0, 0, 0, 0, f.loc)
		}
	}
	if !since.IsZero() && !filter.Until.IsZero() && !since.Before(filter.Until) {
		return filter, "", c.Refuse("mod.log_bad_range", dayText(since, f.loc), dayText(until, f.loc))
	}
	return filter, strings.Join(echo, " "), nil
}

// fourDigits finds a year written out.
var fourDigits = regexp.MustCompile(`\d{4}`)

// readLogDay reads a date filter of modlog in the forms meetups take
// ("2026-11-01", "1/11", "15 jan", "idag", "fredag", with a time of day
// or without) and "igår"/"yesterday". A log looks back, so a day read
// ahead of today without a year written means the last such day: "fredag"
// on a Wednesday is the Friday before, "15/3" in December this year's.
// A day without a time is returned at its midnight in the community's
// timezone.
func (f *moderation) readLogDay(c *bot.Call, arg, s string) (time.Time, error) {
	now := c.Bot().Options().Now().In(f.loc)
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, f.loc)
	switch strings.Join(strings.Fields(strings.ToLower(s)), " ") {
	case "igår", "i går", "igar", "i gar", "yesterday":
		return today.AddDate(0, 0, -1), nil
	}
	var t time.Time
	r, err := when.Parse(s, now, f.loc)
	var we *when.Error
	switch {
	case err == nil:
		t = r.Start
	case errors.As(err, &we) && !we.Time.IsZero() && (we.Reason == when.MissingTime || we.Kind == when.Past || we.Kind == when.TooFar):
		t = we.Time
	default:
		name := c.Command.Arg(arg).NameIn(c.Lang)
		return time.Time{}, c.Refuse("mod.log_bad_date", name, bot.Quote(s, 40))
	}
	if !t.Before(today.AddDate(0, 0, 1)) && !fourDigits.MatchString(s) {
		weekday := false
		for _, w := range strings.Fields(s) {
			if _, ok := when.Weekday(w); ok {
				weekday = true
			}
		}
		if weekday {
			t = t.AddDate(0, 0, -7)
		} else {
			t = t.AddDate(-1, 0, 0)
		}
	}
	return t.In(f.loc), nil
}

// isMidnight reports whether t is the start of a day in loc.
func isMidnight(t time.Time, loc *time.Location) bool {
	h, m, s := t.In(loc).Clock()
	return h == 0 && m == 0 && s == 0
}

// dayText writes a date filter back: the day, with the time when one was
// given.
func dayText(t time.Time, loc *time.Location) string {
	if isMidnight(t, loc) {
		return t.In(loc).Format("2006-01-02")
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// argValue writes a value as the parser reads it back: quoted when it
// holds a space or a colon.
func argValue(v string) string {
	v = strings.ReplaceAll(bot.Quote(v, 100), `"`, "'")
	if strings.ContainsAny(v, " :") {
		return `"` + v + `"`
	}
	return v
}

// modlogMessages are modlog's texts.
func modlogMessages() bot.Messages {
	return bot.Messages{
		"mod.log_empty":         {SV: "Moderationsloggen är tom.", EN: "The moderation log is empty."},
		"mod.log_no_match":      {SV: "Inga poster i moderationsloggen passar filtret.", EN: "No entries in the moderation log match the filter."},
		"mod.log_title":         {SV: "**Moderationslogg**", EN: "**Moderation log**"},
		"mod.log_more":          {SV: "Äldre: `modlog före:%d`", EN: "Older: `modlog before:%d`"},
		"mod.log_more_filtered": {SV: "Äldre: `modlog %s före:%d`", EN: "Older: `modlog %s before:%d`"},
		"mod.log_bad_date": {SV: "`%s:` `%s` är inget datum jag kan läsa. Skriv till exempel `2026-11-01`, `1/11`, `idag` eller `igår`.",
			EN: "`%s:` `%s` is not a date I can read. Write for example `2026-11-01`, `1/11`, `today` or `yesterday`."},
		"mod.log_bad_range": {SV: "Datumen står i fel ordning: %s är efter %s.", EN: "The dates are the wrong way round: %s is after %s."},
		"mod.log_view":      {SV: "Moderationslogg", EN: "Moderation log"},
		"mod.col_id":        {SV: "Nr", EN: "No."},
		"mod.col_when":      {SV: "När", EN: "When"},
		"mod.col_actor":     {SV: "Utförare", EN: "Actor"},
		"mod.col_action":    {SV: "Åtgärd", EN: "Action"},
		"mod.col_target":    {SV: "Mål", EN: "Target"},
		"mod.col_outcome":   {SV: "Utfall", EN: "Outcome"},
		"mod.col_detail":    {SV: "Anledning / detalj", EN: "Reason / detail"},
	}
}
