package commands

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"time"

	"passionbot/bot"
	"passionbot/delivery"
	"passionbot/storage"
)

// ModStore keeps the audit log and reads role grants.
type ModStore interface {
	Audit(ctx context.Context, e storage.AuditEntry) error
	AuditSearch(ctx context.Context, p bot.Platform, f storage.AuditFilter, limit int) ([]storage.AuditEntry, error)
	GrantedRole(ctx context.Context, u bot.User) (bot.Role, error)
}

// Bounds the platforms set.
const (
	maxTimeout     = 28 * 24 * time.Hour
	confirmPurgeAt = 20
)

// audit records privileged actions in the audit log and mirrors them to
// the mod-log channels (empty: none): staff actions one by one, members'
// refused attempts as at most one line per member an hour plus a count
// (refusalCounter).
func (f *moderation) audit(mirror []delivery.Dest, lang string) func(ctx context.Context, r bot.AuditRecord) {
	cat, store, log := f.cat, f.store, f.log
	byPlatform := map[bot.Platform]bot.Adapter{}
	for _, a := range f.adapters {
		byPlatform[a.Platform()] = a
	}
	counter := newRefusalCounter()
	return func(ctx context.Context, r bot.AuditRecord) {
		err := store.Audit(ctx, storage.AuditEntry{At: r.At, Platform: r.Platform, Actor: r.Actor.ID, Action: r.Action, Target: r.Target, Reason: r.Reason, Result: r.Result, Detail: r.Detail})
		if err != nil {
			log.Error("audit entry not stored", "action", r.Action, "actor", r.Actor.Key(), "err", err)
		}
		if len(mirror) == 0 {
			return
		}
		text := counter.mirror(cat, lang, r)
		for _, m := range mirror {
			if a := byPlatform[m.Platform]; a != nil && text != "" {
				a.Send(ctx, bot.Target{Channel: m.Channel}, bot.Reply{Text: text})
			}
		}
	}
}

// moderation is channel management, member moderation and the audit log.
type moderation struct {
	store    ModStore
	adapters []bot.Adapter
	cat      *bot.Catalog
	loc      *time.Location // the community's: modlog's times are in it
	log      *slog.Logger
}

func newModeration(d Deps) *moderation {
	loc := d.Location
	if loc == nil {
		loc = time.UTC
	}
	return &moderation{store: d.Store, adapters: d.Adapters, cat: d.Catalog, loc: loc, log: d.logFor("moderation")}
}

// channelOf is the channel argument, else the channel the command came from.
// Either must be one of the community that the caller can see
// (checkChannel): `channel:` never reaches another server's channels or a
// staff channel the caller cannot read, and a moderator typing in a
// channel of another server the bot is in acts on nothing there. In a DM
// without `channel:` the command is refused (channel.in_dm).
func channelOf(ctx context.Context, c *bot.Call) (bot.Channel, error) {
	id := c.Args.String("channel")
	if id == "" || id == c.Event.Channel.ID {
		if err := checkOwnChannel(ctx, c, "channel.in_dm"); err != nil {
			return bot.Channel{}, err
		}
		return c.Event.Channel, nil
	}
	if err := checkChannel(ctx, c, c.Event.Platform, id, id); err != nil {
		return bot.Channel{}, err
	}
	return bot.Channel{ID: id}, nil
}

// use runs f with the call's platform as capability T (the router checked
// the command's Needs) and explains a platform's refusal.
func use[T any](c *bot.Call, f func(T) error) error {
	a, err := bot.Capable[T](c)
	if err != nil {
		return err
	}
	return platformErr(c, f(a))
}

// platformErr explains a platform's refusal in the member's language.
func platformErr(c *bot.Call, err error) error {
	if err == nil {
		return nil
	}
	if bot.IsPermanent(err) {
		return c.Refuse("mod.platform_refused", bot.Quote(bot.RedactURLs(err.Error()), 160))
	}
	return err
}

// targetAllowed is the one rule for acting on members: moderators act on
// members and organisers only; admins on everyone but admins. The
// target's role comes from the same rules as the caller's (bot.RoleOf).
func targetAllowed(ctx context.Context, c *bot.Call, u bot.User) error {
	role, err := c.Bot().RoleOf(ctx, u)
	if err != nil {
		return err
	}
	if role >= bot.RoleAdmin || (role >= bot.RoleModerator && c.Role < bot.RoleAdmin) {
		return c.Refuse("mod.protected", u.ID, c.T(role.MessageKey()))
	}
	return nil
}

// Name names the feature.
func (*moderation) Name() string { return "moderation" }

// Commands are the feature's commands.
func (f *moderation) Commands() []*bot.Command {
	ch := bot.Arg{Name: "channel", SV: "kanal", Kind: bot.KindChannel, Help: txt("kanalen (standard: den här)", "the channel (default: this one)")}
	user := bot.Arg{Name: "user", SV: "användare", Kind: bot.KindUser, Required: true, Help: txt("medlemmen", "the member")}
	reason := bot.Arg{Name: "reason", SV: "anledning", Kind: bot.KindRest, MaxLen: 500, Help: txt("varför", "why")}
	confirm := confirmArg()
	req := func(a bot.Arg) bot.Arg { a.Required = true; return a }
	mod := func(cmd *bot.Command) *bot.Command {
		cmd.Group, cmd.Role = "moderation", bot.RoleModerator
		return cmd
	}
	return []*bot.Command{
		mod(&bot.Command{Name: "channel create", GroupSV: []string{"kanal"}, SV: []string{"skapa"}, Needs: []bot.Capability{bot.Cap[bot.ChannelAdmin]()}, Help: txt("Skapa en kanal", "Create a channel"),
			Args: []bot.Arg{{Name: "name", SV: "namn", Kind: bot.KindText, Required: true, MaxLen: 80, Help: txt("namnet", "the name")},
				{Name: "topic", SV: "ämne", Kind: bot.KindText, MaxLen: 250, Help: txt("ämnet", "the topic")},
				{Name: "private", SV: "privat", Kind: bot.KindBool, Help: txt("bara för inbjudna", "invited members only")}},
			Run: func(ctx context.Context, c *bot.Call) error {
				var made bot.Channel
				err := use(c, func(a bot.ChannelAdmin) (err error) {
					made, err = a.CreateChannel(ctx, c.Args.String("name"), c.Args.String("topic"), c.Args.Bool("private"))
					return err
				})
				if err != nil {
					return err
				}
				return c.Say(ctx, "mod.created", made.ID)
			}}),
		mod(&bot.Command{Name: "channel archive", SV: []string{"arkivera"}, Needs: []bot.Capability{bot.Cap[bot.ChannelAdmin]()}, Help: txt("Arkivera en kanal (frågar först)", "Archive a channel (asks first)"),
			Args: []bot.Arg{ch, confirm},
			Run: func(ctx context.Context, c *bot.Call) error {
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if c.Args.String("confirm") != "yes" {
					return askConfirm(ctx, c, "mod.confirm_archive", fmt.Sprintf("channel archive channel:<#%s> confirm:yes", target.ID), target.ID)
				}
				if err := use(c, func(a bot.ChannelAdmin) error { return a.ArchiveChannel(ctx, target) }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.archived", target.ID)
			}}),
		mod(&bot.Command{Name: "channel rename", SV: []string{"byt namn"}, Needs: []bot.Capability{bot.Cap[bot.ChannelAdmin]()}, Help: txt("Byt namn på en kanal", "Rename a channel"),
			Args: []bot.Arg{{Name: "name", SV: "namn", Kind: bot.KindText, Required: true, MaxLen: 80, Help: txt("nytt namn", "new name")}, ch},
			Run: func(ctx context.Context, c *bot.Call) error {
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if err := use(c, func(a bot.ChannelAdmin) error { return a.RenameChannel(ctx, target, c.Args.String("name")) }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.done")
			}}),
		mod(&bot.Command{Name: "channel topic", SV: []string{"ämne"}, Needs: []bot.Capability{bot.Cap[bot.ChannelAdmin]()}, Help: txt("Sätt en kanals ämne", "Set a channel's topic"),
			Args: []bot.Arg{ch, {Name: "text", Kind: bot.KindRest, Required: true, MaxLen: 250, Help: txt("ämnet", "the topic")}},
			Run: func(ctx context.Context, c *bot.Call) error {
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if err := use(c, func(a bot.ChannelAdmin) error { return a.SetTopic(ctx, target, c.Args.String("text")) }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.done")
			}}),
		mod(&bot.Command{Name: "channel lock", SV: []string{"lås"}, Needs: []bot.Capability{bot.Cap[bot.Locker]()}, Help: txt("Lås en kanal (bara moderatorer skriver)", "Lock a channel (only moderators post)"),
			Args: []bot.Arg{ch}, Run: f.lock(true)}),
		mod(&bot.Command{Name: "channel unlock", SV: []string{"lås upp"}, Needs: []bot.Capability{bot.Cap[bot.Locker]()}, Help: txt("Lås upp en kanal", "Unlock a channel"),
			Args: []bot.Arg{ch}, Run: f.lock(false)}),
		mod(&bot.Command{Name: "channel slowmode", SV: []string{"långsamt"}, Needs: []bot.Capability{bot.Cap[bot.Slowmoder]()}, Help: txt("Sekunder mellan en medlems inlägg (0 stänger av)", "Seconds between a member's posts (0 turns it off)"),
			Args: []bot.Arg{{Name: "seconds", SV: "sekunder", Kind: bot.KindInt, Required: true, Min: 0, Max: 21600, Help: txt("0–21600", "0–21600")}, ch},
			Run: func(ctx context.Context, c *bot.Call) error {
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if err := use(c, func(a bot.Slowmoder) error {
					return a.SetSlowmode(ctx, target, time.Duration(c.Args.Int("seconds"))*time.Second)
				}); err != nil {
					return err
				}
				return c.Say(ctx, "mod.done")
			}}),
		mod(&bot.Command{Name: "purge", Needs: []bot.Capability{bot.Cap[bot.Purger]()}, Help: txt("Radera de senaste meddelandena", "Delete the latest messages"),
			Args: []bot.Arg{{Name: "count", SV: "antal", Kind: bot.KindInt, Required: true, Min: 1, Max: 1000, Help: txt("hur många", "how many")}, ch, confirm},
			Run: func(ctx context.Context, c *bot.Call) error {
				n := c.Args.Int("count")
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if n > confirmPurgeAt && c.Args.String("confirm") != "yes" {
					return askConfirm(ctx, c, bot.Plural("mod.confirm_purge", n), fmt.Sprintf("purge count:%d channel:<#%s> confirm:yes", n, target.ID), n)
				}
				var deleted int
				err = use(c, func(a bot.Purger) (err error) {
					deleted, err = a.Purge(ctx, target, n)
					return err
				})
				if err != nil {
					return err
				}
				key := "mod.purged"
				if c.Event.Platform == bot.PlatformSlack {
					key = "mod.purged_slack"
				} else if deleted < n {
					key = "mod.purged_old"
				}
				return c.Say(ctx, bot.Plural(key, deleted), deleted)
			}}),
		mod(&bot.Command{Name: "pin", Needs: []bot.Capability{bot.Cap[bot.Pinner]()}, Help: txt("Fäst ett meddelande", "Pin a message"),
			Args: []bot.Arg{{Name: "message", SV: "meddelande", Kind: bot.KindText, Required: true, MaxLen: 40, Help: txt("meddelandets id", "the message's id")}, ch},
			Run: func(ctx context.Context, c *bot.Call) error {
				target, err := channelOf(ctx, c)
				if err != nil {
					return err
				}
				if err := use(c, func(a bot.Pinner) error { return a.Pin(ctx, target, c.Args.String("message")) }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.done")
			}}),
		mod(&bot.Command{Name: "warn", Help: txt("Varna en medlem (sparas; medlemmen får ett DM)", "Warn a member (stored; the member gets a DM)"),
			Args: []bot.Arg{user, req(reason)},
			Run: func(ctx context.Context, c *bot.Call) error {
				u := target(c, "user")
				if err := targetAllowed(ctx, c, u); err != nil {
					return err
				}
				if a := c.Bot().Adapter(u.Platform); a != nil {
					a.Send(ctx, bot.Target{User: u.ID}, bot.Reply{Text: c.T("mod.warned_dm", c.Args.String("reason"))})
				}
				return c.Say(ctx, "mod.warned", u.ID)
			}}),
		mod(&bot.Command{Name: "timeout", Needs: []bot.Capability{bot.Cap[bot.MemberTimeouter]()}, Help: txt("Stäng av en medlem en tid (högst 28 dagar)", "Time a member out (at most 28 days)"),
			Args: []bot.Arg{user, {Name: "duration", SV: "längd", Kind: bot.KindDuration, Required: true, Help: txt("hur länge: `10m`, `2h`, `3d`", "how long: `10m`, `2h`, `3d`")}, reason},
			Run: func(ctx context.Context, c *bot.Call) error {
				u, d := target(c, "user"), c.Args.Duration("duration")
				if d > maxTimeout {
					return c.Refuse("mod.timeout_long")
				}
				if err := targetAllowed(ctx, c, u); err != nil {
					return err
				}
				if err := use(c, func(a bot.MemberTimeouter) error { return a.Timeout(ctx, u, d, c.Args.String("reason")) }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.timed_out", u.ID, d.String())
			}}),
		mod(&bot.Command{Name: "untimeout", Needs: []bot.Capability{bot.Cap[bot.MemberTimeouter]()}, Help: txt("Häv en avstängning", "Lift a timeout"),
			Args: []bot.Arg{user},
			Run: func(ctx context.Context, c *bot.Call) error {
				u := target(c, "user")
				// Lifting a timeout is acting on the member too: a moderator
				// must not undo what an admin did to another moderator.
				if err := targetAllowed(ctx, c, u); err != nil {
					return err
				}
				if err := use(c, func(a bot.MemberTimeouter) error { return a.Timeout(ctx, u, 0, "") }); err != nil {
					return err
				}
				return c.Say(ctx, "mod.untimed", u.ID)
			}}),
		mod(f.modlogCommand()),
	}
}

func (f *moderation) lock(locked bool) bot.RunFunc {
	return func(ctx context.Context, c *bot.Call) error {
		target, err := channelOf(ctx, c)
		if err != nil {
			return err
		}
		if err := use(c, func(a bot.Locker) error { return a.Lock(ctx, target, locked) }); err != nil {
			return err
		}
		if locked {
			return c.Say(ctx, "mod.locked")
		}
		return c.Say(ctx, "mod.unlocked")
	}
}

// askConfirm asks before a destructive action, privately, with a button
// that does it for the moderator who asked (bot.Call.Confirm).
func askConfirm(ctx context.Context, c *bot.Call, key, cmd string, args ...any) error {
	return c.Confirm(ctx, c.T(key, args...), c.T("mod.confirm_button"), cmd)
}

// resultIn is an audit entry's outcome (bot.ResultOK, …) in lang; an
// outcome without a message is shown as stored.
func resultIn(cat *bot.Catalog, lang, result string) string {
	switch result {
	case bot.ResultOK, bot.ResultRefused, bot.ResultFailed:
		return cat.T(lang, "mod.result_"+result)
	}
	return result
}

// Messages are the feature's texts.
func (*moderation) Messages() bot.Messages {
	m := bot.Messages{
		"group.moderation":        {SV: "Moderering", EN: "Moderation"},
		"mod.platform_refused":    {SV: "Plattformen sa nej: %s. Har boten behörighet, och finns kanalen eller medlemmen?", EN: "The platform refused: %s. Does the bot have the permission, and does the channel or member exist?"},
		"mod.protected":           {SV: "%s är %s; moderatorer kan inte agera mot administratörer eller mot varandra.", EN: "%s is %s; moderators cannot act on admins or on each other."},
		"mod.created":             {SV: "Kanalen <#%s> är skapad.", EN: "The channel <#%s> is created."},
		"mod.confirm_archive":     {SV: "Arkivera <#%s>? Bekräfta med knappen eller `bekräfta:ja`.", EN: "Archive <#%s>? Confirm with the button or `confirm:yes`."},
		"mod.confirm_purge.one":   {SV: "Radera %d meddelande? Bekräfta med knappen eller `bekräfta:ja`.", EN: "Delete %d message? Confirm with the button or `confirm:yes`."},
		"mod.confirm_purge.other": {SV: "Radera %d meddelanden? Bekräfta med knappen eller `bekräfta:ja`.", EN: "Delete %d messages? Confirm with the button or `confirm:yes`."},
		"mod.confirm_button":      {SV: "Ja, gör det", EN: "Yes, do it"},
		"mod.archived":            {SV: "<#%s> är arkiverad.", EN: "<#%s> is archived."},
		"mod.done":                {SV: "Klart.", EN: "Done."},
		"mod.locked":              {SV: "Kanalen är låst: bara moderatorer kan skriva.", EN: "The channel is locked: only moderators can post."},
		"mod.unlocked":            {SV: "Kanalen är upplåst.", EN: "The channel is unlocked."},
		"mod.purged.one":          {SV: "%d meddelande raderat.", EN: "%d message deleted."},
		"mod.purged.other":        {SV: "%d meddelanden raderade.", EN: "%d messages deleted."},
		"mod.purged_old.one":      {SV: "%d meddelande raderat; Discord raderar inte meddelanden äldre än 14 dagar på en gång.", EN: "%d message deleted; Discord does not bulk-delete messages older than 14 days."},
		"mod.purged_old.other":    {SV: "%d meddelanden raderade; Discord raderar inte meddelanden äldre än 14 dagar på en gång.", EN: "%d messages deleted; Discord does not bulk-delete messages older than 14 days."},
		"mod.purged_slack.one":    {SV: "%d av bottens egna meddelanden raderat; på Slack får en bot bara radera sina egna.", EN: "%d of the bot's own messages deleted; on Slack a bot may delete only its own."},
		"mod.purged_slack.other":  {SV: "%d av bottens egna meddelanden raderade; på Slack får en bot bara radera sina egna.", EN: "%d of the bot's own messages deleted; on Slack a bot may delete only its own."},
		"mod.warned":              {SV: "%s är varnad (sparat i loggen) och har fått ett DM.", EN: "%s is warned (logged) and has got a DM."},
		"mod.warned_dm":           {SV: "Du har fått en varning från moderatorerna: %s", EN: "You have been warned by the moderators: %s"},
		"automod.dm_banned":       {SV: "Ditt meddelande i %s togs bort automatiskt: det innehöll något som inte är tillåtet här. Hör av dig till en moderator om det blev fel.", EN: "Your message in %s was removed automatically: it contained something not allowed here. Contact a moderator if this was a mistake."},
		"automod.dm_mentions":     {SV: "Ditt meddelande i %s togs bort automatiskt: det nämnde för många personer på en gång.", EN: "Your message in %s was removed automatically: it mentioned too many people at once."},
		"automod.dm_repeat":       {SV: "Ditt meddelande i %s togs bort automatiskt: samma text i flera kanaler på kort tid ser ut som spam.", EN: "Your message in %s was removed automatically: the same text in several channels in a short time looks like spam."},
		// The audit log's details of automod's entries (bot.Catalog.Both).
		"automod.audit_banned":               {SV: "träffade förbjudet mönster %d", EN: "matched banned pattern %d"},
		"automod.audit_mentions":             {SV: "%d omnämnanden, gränsen är %d", EN: "%d mentions, the limit is %d"},
		"automod.audit_repeat.one":           {SV: "samma text i %d kanal inom %s", EN: "the same text in %d channel within %s"},
		"automod.audit_repeat.other":         {SV: "samma text i %d kanaler inom %s", EN: "the same text in %d channels within %s"},
		"automod.audit_delete":               {SV: "radering: %s", EN: "delete: %s"},
		"automod.audit_cannot_delete":        {SV: "plattformen kan inte radera meddelanden här", EN: "the platform cannot delete messages here"},
		"automod.audit_summary.one":          {SV: "%d träff till under timmen från %s, raderad utan DM (%s)", EN: "%d more hit in the hour from %s, deleted without a DM (%s)"},
		"automod.audit_summary.other":        {SV: "%d träffar till under timmen från %s, raderade utan DM (%s)", EN: "%d more hits in the hour from %s, deleted without a DM (%s)"},
		"automod.audit_failed_deletes.one":   {SV: "%d radering misslyckades", EN: "%d deletion failed"},
		"automod.audit_failed_deletes.other": {SV: "%d raderingar misslyckades", EN: "%d deletions failed"},
		"automod.dm_quiet":                   {SV: "Fler sådana meddelanden den närmaste timmen tas bort utan att du får besked.", EN: "Further such messages within the hour are removed without notice."},
		"mod.timeout_long":                   {SV: "En avstängning får vara högst 28 dagar.", EN: "A timeout can be at most 28 days."},
		"mod.timed_out":                      {SV: "%s är avstängd i %s.", EN: "%s is timed out for %s."},
		"mod.untimed":                        {SV: "%s kan skriva igen.", EN: "%s can post again."},
		"mod.result_ok":                      {SV: "utfört", EN: "done"},
		"mod.result_refused":                 {SV: "nekat", EN: "refused"},
		"mod.result_failed":                  {SV: "misslyckades", EN: "failed"},
		"mod.log_line":                       {SV: "[%s] %s: %s %s (%s) → %s", EN: "[%s] %s: %s %s (%s) → %s"},
	}
	maps.Copy(m, modlogMessages())
	maps.Copy(m, auditMirrorMessages())
	maps.Copy(m, channelMessages())
	return m
}
