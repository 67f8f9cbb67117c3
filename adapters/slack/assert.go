package slack

import "passionbot/bot"

// The core's interfaces the Slack adapter implements: the capabilities
// commands may need, and what operations and the router ask of it.
var (
	_ bot.Adapter        = (*Adapter)(nil)
	_ bot.ChannelAdmin   = (*Adapter)(nil)
	_ bot.ChannelViewer  = (*Adapter)(nil)
	_ bot.Inviter        = (*Adapter)(nil)
	_ bot.Purger         = (*Adapter)(nil)
	_ bot.MessageEditor  = (*Adapter)(nil)
	_ bot.Pinner         = (*Adapter)(nil)
	_ bot.GroupMessenger = (*Adapter)(nil)
	_ bot.MemberResolver = (*Adapter)(nil)
	_ bot.ButtonRenderer = (*Adapter)(nil)
	_ bot.HealthChecker  = (*Adapter)(nil)
)
