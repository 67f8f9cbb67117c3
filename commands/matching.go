package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/delivery"
	"passionbot/storage"
)

// MatchStore keeps opt-ins and matches.
type MatchStore interface {
	SetMatchOptIn(ctx context.Context, u bot.User, on bool) error
	MatchCandidates(ctx context.Context, p bot.Platform) ([]storage.MatchCandidate, error)
	RecentPairs(ctx context.Context, p bot.Platform, since time.Time) (map[[2]string]bool, error)
	SaveMatch(ctx context.Context, p bot.Platform, members []string, shared []string) (int64, error)
	MatchHistory(ctx context.Context, u bot.User, limit int) ([]storage.PastMatch, error)
	MatchByID(ctx context.Context, id int64) (bot.Platform, []bot.User, string, error)
}

// matching is the matching feature: opt-in, runs on a schedule and on
// demand, introductions by DM, history.
type matching struct {
	store     MatchStore
	members   MeetupStore // for each member's language
	deliver   *delivery.Deliverer
	cat       *bot.Catalog
	lang      string
	now       func() time.Time
	window    time.Duration
	spec      string
	biweekly  bool
	sched     Scheduler
	state     StateStore
	loc       *time.Location
	log       *slog.Logger
	platforms []bot.Platform
	groupDM   map[bot.Platform]bool // platforms with group DMs
}

func newMatching(d Deps) *matching {
	f := &matching{store: d.Store, members: d.Store, deliver: d.Deliverer, cat: d.catalog(), lang: d.Lang, now: d.now,
		window: d.MatchWindow, spec: d.MatchCron, biweekly: d.MatchBiweekly, sched: d.Scheduler, state: d.Store, loc: d.Location, log: d.logFor("matching")}
	f.groupDM = map[bot.Platform]bool{}
	for _, a := range d.Adapters {
		f.platforms = append(f.platforms, a.Platform())
		_, f.groupDM[a.Platform()] = a.(bot.GroupMessenger)
	}
	if f.window == 0 {
		f.window = 8 * 7 * 24 * time.Hour
	}
	return f
}

// Name names the feature.
func (*matching) Name() string { return "matching" }

// Commands are the feature's commands.
func (f *matching) Commands() []*bot.Command {
	return []*bot.Command{
		{Name: "match on", SV: []string{"på"}, Group: "members", Ephemeral: true, Help: txt("Vill du bli matchad med andra medlemmar?", "Be matched with other members"),
			Run: func(ctx context.Context, c *bot.Call) error {
				if err := f.store.SetMatchOptIn(ctx, c.Event.User, true); err != nil {
					return err
				}
				return c.Say(ctx, "match.on")
			}},
		{Name: "match off", SV: []string{"av"}, Group: "members", Ephemeral: true, Help: txt("Sluta bli matchad", "Stop being matched"),
			Run: func(ctx context.Context, c *bot.Call) error {
				if err := f.store.SetMatchOptIn(ctx, c.Event.User, false); err != nil {
					return err
				}
				return c.Say(ctx, "match.off")
			}},
		{Name: "match now", SV: []string{"nu"}, Group: "members", Role: bot.RoleOrganiser, Slow: true, Help: txt("Matcha alla som vill, nu", "Match everyone who opted in, now"),
			Run: func(ctx context.Context, c *bot.Call) error {
				groups, err := f.run(ctx, c.Event.Platform, f.now().UnixNano())
				if err != nil {
					return err
				}
				return c.Say(ctx, bot.Plural("match.done", groups), groups)
			}},
		{Name: "match history", SV: []string{"historik"}, Group: "members", Private: true, Help: txt("Dina tidigare matchningar", "Your past matches"),
			Run: func(ctx context.Context, c *bot.Call) error {
				hist, err := f.store.MatchHistory(ctx, c.Event.User, 20)
				if err != nil {
					return err
				}
				if len(hist) == 0 {
					return c.Say(ctx, "match.no_history")
				}
				var b strings.Builder
				b.WriteString(c.T("match.history_title"))
				for _, h := range hist {
					fmt.Fprintf(&b, "\n- %s: %s", h.At.In(f.loc).Format("2006-01-02"), names(h.With))
					if h.Shared != "" {
						b.WriteString(" (" + h.Shared + ")")
					}
				}
				return c.Reply(ctx, bot.Reply{Text: b.String()})
			}},
	}
}

func names(us []bot.User) string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Name
		if out[i] == "" {
			out[i] = u.ID
		}
	}
	return strings.Join(out, ", ")
}

// run matches the opted-in members of platform p and introduces each group
// by DM. It returns how many groups were made.
func (f *matching) run(ctx context.Context, p bot.Platform, seed int64) (int, error) {
	cands, err := f.store.MatchCandidates(ctx, p)
	if err != nil {
		return 0, err
	}
	recent, err := f.store.RecentPairs(ctx, p, f.now().Add(-f.window))
	if err != nil {
		return 0, err
	}
	byID := map[string]bot.User{}
	for _, c := range cands {
		byID[c.User.ID] = c.User
	}
	groups := Match(cands, recent, seed)
	for _, g := range groups {
		id, err := f.store.SaveMatch(ctx, p, g.Members, g.Shared)
		if err != nil {
			return 0, err
		}
		if f.groupDM[p] {
			// One group DM where the platform has them (Slack).
			members := slices.Clone(g.Members)
			slices.Sort(members)
			var all []bot.User
			for _, m := range members {
				all = append(all, byID[m])
			}
			text := f.intro(f.lang, "match.intro_group", all, strings.Join(g.Shared, ", "))
			f.deliver.DeliverAll(ctx, fmt.Sprintf("match:%d", id), f.now(), false, []delivery.Dest{{Platform: p, Group: members}},
				func(delivery.Dest) bot.Reply { return bot.Reply{Text: text} })
			continue
		}
		var dests []delivery.Dest
		for _, m := range g.Members {
			dests = append(dests, delivery.Dest{Platform: p, User: m})
		}
		f.deliver.DeliverAll(ctx, fmt.Sprintf("match:%d", id), f.now(), false, dests, func(d delivery.Dest) bot.Reply {
			lang := destLang(ctx, f.members, d, f.lang)
			var others []bot.User
			for _, m := range g.Members {
				if m != d.User {
					others = append(others, byID[m])
				}
			}
			return bot.Reply{Text: f.intro(lang, "match.intro", others, strings.Join(g.Shared, ", "))}
		})
	}
	return len(groups), nil
}

// intro is an introduction naming the others (key match.intro for a DM,
// match.intro_group for a group DM) and what they share.
func (f *matching) intro(lang, key string, others []bot.User, shared string) string {
	text := f.cat.T(lang, key, names(others))
	if shared != "" {
		return text + " " + f.cat.T(lang, "match.shared", shared)
	}
	return text + " " + f.cat.T(lang, "match.nothing_shared")
}

// render re-creates an introduction claimed before a stop ("match:12" to
// one member or a group DM) from the stored match.
func (f *matching) render(ctx context.Context, job string, _ time.Time, target string) (bot.Reply, bool, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(job, "match:"), 10, 64)
	d, ok := delivery.ParseDest(target)
	if err != nil || !ok {
		return bot.Reply{}, false, nil
	}
	_, members, shared, err := f.store.MatchByID(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return bot.Reply{}, false, nil // forgotten members take their matches along
	}
	if err != nil {
		return bot.Reply{}, false, err
	}
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	if len(d.Group) > 0 {
		if !slices.Equal(slices.Sorted(slices.Values(d.Group)), ids) {
			return bot.Reply{}, false, nil // someone left (forgot their data) since
		}
		return bot.Reply{Text: f.intro(f.lang, "match.intro_group", members, shared)}, true, nil
	}
	var others []bot.User
	for _, m := range members {
		if m.ID != d.User {
			others = append(others, m)
		}
	}
	if len(others) == 0 || len(others) == len(members) {
		return bot.Reply{}, false, nil // no longer in this match, or nobody left to meet
	}
	return bot.Reply{Text: f.intro(destLang(ctx, f.members, d, f.lang), "match.intro", others, shared)}, true, nil
}

// Start registers the re-creation of introductions and the scheduled
// matching runs.
func (f *matching) Start(ctx context.Context) error {
	if f.deliver != nil {
		f.deliver.Register("match", f.render)
	}
	if f.spec == "" || f.sched == nil {
		return nil
	}
	s, err := scheduler.Parse(f.spec, f.loc)
	if err != nil {
		return fmt.Errorf("[matching] cron: %w", err)
	}
	var last time.Time
	if v, err := f.state.GetState(ctx, "match.last"); err == nil && v != "" {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			last = t
		}
	}
	if last.IsZero() {
		last = f.now()
	}
	f.sched.Add("match", s, last, time.Hour, func(ctx context.Context, fireAt time.Time, late bool) {
		if _, week := fireAt.In(f.loc).ISOWeek(); f.biweekly && week%2 == 1 {
			return // every other week: even ISO weeks only
		}
		if v, _ := f.state.GetState(ctx, "match.last"); v == fireAt.UTC().Format(time.RFC3339) {
			return // already run (a restart within the grace)
		}
		f.state.SetState(ctx, "match.last", fireAt.UTC().Format(time.RFC3339))
		for _, p := range f.platforms {
			if _, err := f.run(ctx, p, fireAt.Unix()); err != nil {
				f.log.Error("matching run failed", "platform", p, "err", err)
			}
		}
	})
	return nil
}

// Messages are the feature's texts.
func (*matching) Messages() bot.Messages {
	return bot.Messages{
		"match.on":             {SV: "Klart! Du är med i nästa matchning och får ett meddelande med vem du matchats med.", EN: "Done! You're in the next matching and will get a message saying who you're matched with."},
		"match.off":            {SV: "Du är inte längre med i matchningen.", EN: "You're no longer in the matching."},
		"match.done.one":       {SV: "Matchningen är klar: %d grupp har fått en presentation.", EN: "Matching is done: %d group has been introduced."},
		"match.done.other":     {SV: "Matchningen är klar: %d grupper har fått en presentation.", EN: "Matching is done: %d groups have been introduced."},
		"match.no_history":     {SV: "Du har inte matchats med någon ännu. Slå på med `match på`.", EN: "You haven't been matched with anyone yet. Turn it on with `match on`."},
		"match.history_title":  {SV: "**Dina matchningar**", EN: "**Your matches**"},
		"match.intro":          {SV: "Hej! Jag vill presentera dig för %s.", EN: "Hi! I'd like to introduce you to %s."},
		"match.intro_group":    {SV: "Hej! Jag vill presentera er för varandra: %s.", EN: "Hi! I'd like to introduce you to each other: %s."},
		"match.shared":         {SV: "Ni delar intresset för %s – kanske något att prata om?", EN: "You share an interest in %s – something to talk about?"},
		"match.nothing_shared": {SV: "Ni har inga gemensamma intressen i boten än – berätta vad ni gör!", EN: "You have no shared interests in the bot yet – tell each other what you do!"},
	}
}
