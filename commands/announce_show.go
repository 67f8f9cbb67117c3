package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/bot/when"
	"passionbot/storage"
)

// What organisers see of announcements: `announce list` and `announce
// preview`, every schedule in words in the member's language.

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
	table := &bot.Table{Columns: []string{c.T("announce.col_id"), c.T("announce.col_rule"), c.T("announce.col_channels"),
		c.T("announce.col_next"), c.T("announce.col_last"), c.T("announce.col_paused")}}
	for _, a := range all {
		var where []string
		for _, t := range a.Targets {
			where = append(where, t.String())
		}
		fmt.Fprintf(&b, "\n- `%d` %s → %s: “%s”", a.ID, f.describe(c, a), strings.Join(where, ", "), bot.Quote(a.Text, 60))
		var last []string
		if a.LastResult != "" {
			b.WriteString("\n  " + c.T("announce.last", formatWhen(c.Lang, a.LastFire, time.Time{}, f.loc), a.LastResult))
			last = append(last, formatWhen(c.Lang, a.LastFire, time.Time{}, f.loc)+": "+a.LastResult)
		}
		ds, _ := f.store.Deliveries(ctx, announceJob(a.ID), 20)
		for _, d := range ds {
			if d.Status == "failed" {
				b.WriteString("\n  " + c.T("announce.failed", d.Target, bot.Quote(d.Error, 120)))
				last = append(last, c.T("announce.failed", d.Target, bot.Quote(d.Error, 120)))
				break
			}
		}
		paused := c.T("announce.not_paused")
		if a.Paused {
			paused = c.T("announce.is_paused")
		}
		table.Rows = append(table.Rows, []string{fmt.Sprint(a.ID), f.ruleWords(c, a), strings.Join(where, ", "),
			strings.Join(f.nextRuns(c, a, 3), "; "), strings.Join(last, "; "), paused})
	}
	return c.Reply(ctx, bot.Reply{Text: b.String(), Views: []bot.View{{Title: c.T("announce.list_view"), Table: table}}})
}

// ruleWords is when a is sent, in words, without the next run: "varannan
// måndag kl. 09:00", "en gång, fredag 4 december 2026 kl. 09:00 (skickat)".
func (f *announcements) ruleWords(c *bot.Call, a storage.Announcement) string {
	p, err := f.loadPlan(a.Spec)
	switch {
	case err != nil:
		return fmt.Sprintf("%s (%s)", bot.Quote(a.Spec, 60), c.T("announce.unreadable"))
	case p.isOnce():
		return c.T("announce.once_words", formatWhen(c.Lang, p.once, time.Time{}, f.loc)) + " (" + c.T(f.onceState(a, p)) + ")"
	}
	return p.rule.Summary(c.Lang)
}

// nextRuns are a's next n firings in words; none while it is paused,
// sent or unreadable.
func (f *announcements) nextRuns(c *bot.Call, a storage.Announcement, n int) []string {
	p, err := f.loadPlan(a.Spec)
	if err != nil || a.Paused {
		return nil
	}
	if p.isOnce() {
		if p.sent(a) || !p.once.After(f.now()) {
			return nil
		}
		return []string{formatWhen(c.Lang, p.once, time.Time{}, f.loc)}
	}
	var out []string
	for _, t := range scheduler.Preview(p.rule, f.now(), n) {
		out = append(out, formatWhen(c.Lang, t, time.Time{}, f.loc))
	}
	return out
}

// describe says in words when a is sent and what state it is in:
// "varannan måndag kl. 09:00 — nästa: måndag 7 december (aktivt)",
// "en gång, fredag 4 december 2026 kl. 09:00 (skickat)".
func (f *announcements) describe(c *bot.Call, a storage.Announcement) string {
	p, err := f.loadPlan(a.Spec)
	switch {
	case err != nil:
		return fmt.Sprintf("`%s` (%s)", bot.Quote(a.Spec, 60), c.T("announce.unreadable"))
	case p.isOnce():
		return c.T("announce.once_words", formatWhen(c.Lang, p.once, time.Time{}, f.loc)) + " (" + c.T(f.onceState(a, p)) + ")"
	case a.Paused:
		return p.rule.Summary(c.Lang) + " (" + c.T("announce.paused") + ")"
	}
	return p.rule.Describe(c.Lang, f.now()) + " (" + c.T("announce.active") + ")"
}

func (f *announcements) preview(ctx context.Context, c *bot.Call) error {
	a, err := f.announcement(ctx, c)
	if err != nil {
		return err
	}
	p, err := f.loadPlan(a.Spec)
	if err != nil {
		return c.Refuse("announce.unreadable_spec", a.ID, bot.Quote(a.Spec, 60))
	}
	if p.isOnce() {
		return c.Say(ctx, "announce.preview_once", a.ID, formatWhen(c.Lang, p.once, time.Time{}, f.loc), c.T(f.onceState(a, p)))
	}
	from := f.now()
	if v := strings.TrimSpace(c.Args.String("from")); v != "" {
		t, err := f.readFrom(c, v)
		if err != nil {
			return err
		}
		from = t.Add(-time.Second)
	}
	n := c.Args.Int("count")
	if n == 0 {
		n = 5
	}
	var lines []string
	for _, t := range scheduler.Preview(p.rule, from, n) {
		lines = append(lines, t.In(f.loc).Format("2006-01-02 15:04 MST"))
	}
	return c.Reply(ctx, bot.Reply{Text: c.T("announce.preview", a.ID, p.rule.Summary(c.Lang)) + "\n```\n" + strings.Join(lines, "\n") + "\n```"})
}

// readFrom reads preview's `from:` in the date forms meetups read ("27/3",
// "2027-03-27", "nästa måndag", "15/1 18:00"). A day without a time is
// that day from midnight, and a day in the past is fine: a preview
// changes nothing.
func (f *announcements) readFrom(c *bot.Call, s string) (time.Time, error) {
	r, err := when.Parse(s, f.now(), f.loc)
	if err == nil {
		return r.Start, nil
	}
	var we *when.Error
	if errors.As(err, &we) && !we.Time.IsZero() && (we.Reason == when.MissingTime || we.Kind == when.Past) {
		return we.Time, nil
	}
	return time.Time{}, c.Refuse("announce.bad_from", bot.Quote(s, 40))
}
