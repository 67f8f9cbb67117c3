package commands

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/delivery"
	"passionbot/storage"
)

// GroupStore counts and lists members by interest.
type GroupStore interface {
	CountInterest(ctx context.Context, p bot.Platform, key string, viewer bot.Role) (int, error)
	MembersByInterest(ctx context.Context, p bot.Platform, key string) ([]storage.Holder, error)
}

// groups notices interests shared by enough members to deserve a channel,
// tells the moderators once, and makes the channel on request.
type groups struct {
	log       *slog.Logger
	tags      *tagger
	store     GroupStore
	state     StateStore
	deliver   *delivery.Deliverer
	cat       *bot.Catalog
	lang      string
	threshold int
	notify    []delivery.Dest
	now       func() time.Time
}

func newGroups(d Deps, tags *tagger) *groups {
	return &groups{log: d.logFor("interests"), tags: tags, store: d.Store, state: d.Store, deliver: d.Deliverer, cat: d.catalog(), lang: d.Lang, threshold: d.GroupThreshold, notify: d.GroupNotify, now: d.now}
}

// check tells the moderators, once per interest, when one reaches the
// threshold and has no channel made for it. Only members the moderators
// may see count: a notice right after a hidden member added a tag would
// tell them who has it.
func (g *groups) check(ctx context.Context, p bot.Platform, added map[string]string) {
	if g.threshold <= 0 || len(g.notify) == 0 {
		return
	}
	for key, tag := range added {
		n, err := g.store.CountInterest(ctx, p, key, bot.RoleModerator)
		if err != nil || n < g.threshold {
			continue
		}
		noticed := "group.noticed:" + string(p) + ":" + key
		if v, _ := g.state.GetState(ctx, noticed); v != "" {
			continue
		}
		if v, _ := g.state.GetState(ctx, "group.channel:"+string(p)+":"+key); v != "" {
			continue
		}
		if err := g.state.SetState(ctx, noticed, "yes"); err != nil {
			g.log.Error("group notice not recorded; not sent", "interest", key, "err", err)
			continue
		}
		text := g.cat.TN(g.lang, "groups.notice", n, n, tag, tag)
		_, err = g.deliver.DeliverAll(ctx, "group-notice:"+string(p)+":"+key, g.now(), false, g.notify, func(delivery.Dest) bot.Reply { return bot.Reply{Text: text} })
		if err != nil {
			g.log.Error("group notice", "interest", key, "err", err)
		}
	}
}

// commands are the interest channel's, part of the interests feature.
func (g *groups) commands() []*bot.Command {
	tg := g.tags
	return []*bot.Command{{
		Name: "interests channel", SV: []string{"kanal"}, Group: "members", Role: bot.RoleModerator, Needs: []bot.Capability{bot.Cap[bot.ChannelAdmin]()},
		Help: bot.Text{SV: "Skapa en kanal för ett intresse och berätta för dem som har det", EN: "Create a channel for an interest and tell those who have it"},
		Args: []bot.Arg{{Name: "tag", SV: "intresse", Kind: bot.KindRest, Required: true, MaxLen: 100, Suggest: true, Help: bot.Text{SV: "intresset", EN: "the interest"}}},
		Run: func(ctx context.Context, c *bot.Call) error {
			tag, key, ok := tg.normalize(c.Args.String("tag"))
			if !ok {
				return c.Refuse("interests.none_valid")
			}
			p := c.Event.Platform
			holders, err := g.store.MembersByInterest(ctx, p, key)
			if err != nil {
				return err
			}
			admin, err := bot.Capable[bot.ChannelAdmin](c)
			if err != nil {
				return err
			}
			ch, err := admin.CreateChannel(ctx, strings.ReplaceAll(tag, " ", "-"), c.T("groups.topic", tag), false)
			if err != nil {
				return c.Refuse("groups.create_failed", tag)
			}
			if err := g.state.SetState(ctx, "group.channel:"+string(p)+":"+key, ch.ID); err != nil {
				return err
			}
			invites := g.invite(ctx, c, ch, holders)
			g.tell(ctx, p, key, tag, ch, holders, invites)
			told := countVisible(holders, c.Role)
			return c.Say(ctx, bot.Plural("groups.created", told), ch.ID, told)
		},
	}}
}

// invite adds to the new channel, where the platform can (Slack), the
// members with the interest whom every member may see: the channel is
// public, and so is who is in it. It reports whether the platform invites.
func (g *groups) invite(ctx context.Context, c *bot.Call, ch bot.Channel, holders []storage.Holder) bool {
	inv, ok := bot.CapableOn[bot.Inviter](c.Bot(), c.Event.Platform)
	if !ok {
		return false
	}
	var ids []string
	for _, h := range holders {
		if storage.VisibleTo(h.Visibility, bot.RoleMember) {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) > 0 {
		if err := inv.Invite(ctx, ch, ids...); err != nil {
			g.log.Warn("inviting members to an interest channel", "err", err)
		}
	}
	return true
}

// tell lets every member with the interest know about the channel, each
// in a DM only they see. Where the platform invites, those who keep their
// interests from some members were not added, and are told how to join.
func (g *groups) tell(ctx context.Context, p bot.Platform, key, tag string, ch bot.Channel, holders []storage.Holder, invites bool) {
	private := map[string]bool{}
	var dests []delivery.Dest
	for _, h := range holders {
		dests = append(dests, delivery.Dest{Platform: p, User: h.ID})
		private[h.ID] = invites && !storage.VisibleTo(h.Visibility, bot.RoleMember)
	}
	_, err := g.deliver.DeliverAll(ctx, fmt.Sprintf("group-channel:%s:%s", p, key), g.now(), false, dests, func(d delivery.Dest) bot.Reply {
		msg := "groups.dm"
		if private[d.User] {
			msg = "groups.dm_private"
		}
		return bot.Reply{Text: g.cat.T(g.lang, msg, tag, ch.ID)}
	})
	if err != nil {
		g.log.Error("telling members about the interest channel", "interest", key, "err", err)
	}
}

// countVisible counts the holders viewer may see.
func countVisible(holders []storage.Holder, viewer bot.Role) int {
	n := 0
	for _, h := range holders {
		if storage.VisibleTo(h.Visibility, viewer) {
			n++
		}
	}
	return n
}

// messages are the interest channels' texts.
func (*groups) messages() bot.Messages {
	return bot.Messages{
		"groups.notice.one":    {SV: "%d medlem har nu intresset %s, och det finns ingen kanal för det. Skapa en med `intressen kanal intresse:%s`.", EN: "%d member now has the interest %s, and there is no channel for it. Create one with `interests channel tag:%s`."},
		"groups.notice.other":  {SV: "%d medlemmar delar nu intresset %s, och det finns ingen kanal för det. Skapa en med `intressen kanal intresse:%s`.", EN: "%d members now share the interest %s, and there is no channel for it. Create one with `interests channel tag:%s`."},
		"groups.topic":         {SV: "För alla som är intresserade av %s", EN: "For everyone interested in %s"},
		"groups.create_failed": {SV: "Jag kunde inte skapa en kanal för %s. Får jag hantera kanaler här?", EN: "I could not create a channel for %s. May I manage channels here?"},
		"groups.dm":            {SV: "Det finns nu en kanal för %s: <#%s>. Välkommen dit!", EN: "There is now a channel for %s: <#%s>. Welcome!"},
		"groups.dm_private":    {SV: "Det finns nu en kanal för %s: <#%s>. Eftersom du inte visar dina intressen för alla har jag inte lagt till dig; gå med själv om du vill.", EN: "There is now a channel for %s: <#%s>. As you don't show your interests to everyone, I didn't add you; join yourself if you like."},
		"groups.created.one":   {SV: "Kanalen <#%s> är skapad, och %d medlem med intresset har fått besked.", EN: "The channel <#%s> is created, and %d member with the interest has been told."},
		"groups.created.other": {SV: "Kanalen <#%s> är skapad, och %d medlemmar med intresset har fått besked.", EN: "The channel <#%s> is created, and %d members with the interest have been told."},
	}
}
