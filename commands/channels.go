package commands

import (
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
	cv, ok := c.Bot().Adapter(p).(bot.ChannelViewer)
	if !ok {
		return nil
	}
	seen, err := cv.CanView(ctx, c.Event.User, id)
	if err != nil {
		return fmt.Errorf("can %s see %s channel %s: %w", c.Event.User.Key(), p, id, err)
	}
	if !seen {
		return c.Errorf("channel.unseen", bot.Quote(shown, 60))
	}
	return nil
}

func channelMessages() bot.Messages {
	return bot.Messages{
		"channel.unseen": {SV: "`%s` är ingen kanal i gemenskapen som du kan se, så jag rör den inte. Ange en kanal på den här servern eller arbetsytan som du själv kan läsa.",
			EN: "`%s` is not a channel of the community that you can see, so I leave it alone. Name a channel of this server or workspace that you can read yourself."},
	}
}
