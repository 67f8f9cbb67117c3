package commands

import (
	"cmp"
	"context"
	"fmt"

	"passionbot/bot"
)

// checkChannel is the one rule for a channel a command names, used by
// moderation (`channel:`) and by announcement targets: it must be a
// channel of the community on platform p that the caller can see. The
// platform decides (bot.ChannelViewer); one without that capability (the
// console) sees every channel. shown is how the refusal names the channel.
//
// The refusal does not say whether the channel exists elsewhere or is
// hidden from the caller: either answer would tell an outsider something.
func checkChannel(ctx context.Context, c *bot.Call, p bot.Platform, id, shown string) error {
	cv, ok := bot.CapableOn[bot.ChannelViewer](c.Bot(), p)
	if !ok {
		return nil
	}
	seen, err := cv.CanView(ctx, c.Event.User, id)
	if err != nil {
		return fmt.Errorf("can %s see %s channel %s: %w", c.Event.User.Key(), p, id, err)
	}
	if !seen {
		return c.Refuse("channel.unseen", bot.Quote(shown, 60))
	}
	return nil
}

// checkOwnChannel applies checkChannel to the channel the command came
// from, for commands that act on it when no `channel:` is given: a
// moderator of the community is no moderator in a channel of another
// server the bot is in. A DM is refused with dmKey (it names no channel of
// the community; the caller should say which).
func checkOwnChannel(ctx context.Context, c *bot.Call, dmKey string) error {
	ch := c.Event.Channel
	if ch.DM || ch.ID == "" {
		return c.Refuse(dmKey)
	}
	return checkChannel(ctx, c, c.Event.Platform, ch.ID, cmp.Or(ch.Name, ch.ID))
}

func channelMessages() bot.Messages {
	return bot.Messages{
		"channel.unseen": {SV: "`%s` är ingen kanal i gemenskapen som du kan se, så jag rör den inte. Ange en kanal på den här servern eller arbetsytan som du själv kan läsa.",
			EN: "`%s` is not a channel of the community that you can see, so I leave it alone. Name a channel of this server or workspace that you can read yourself."},
		"channel.in_dm": {SV: "Det här kommandot gäller en kanal, och ett DM är ingen kanal i gemenskapen. Skriv det i kanalen, eller ange den med `kanal:`.",
			EN: "This command acts on a channel, and a DM is not a channel of the community. Type it in the channel, or name it with `channel:`."},
	}
}
