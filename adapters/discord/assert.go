package discord

import "passionbot/bot"

// The core's interfaces the Discord adapter implements: the capabilities
// commands may need, and what operations and the router ask of it.
var (
	_ bot.Adapter          = (*Adapter)(nil)
	_ bot.ChannelAdmin     = (*Adapter)(nil)
	_ bot.ChannelViewer    = (*Adapter)(nil)
	_ bot.Slowmoder        = (*Adapter)(nil)
	_ bot.Locker           = (*Adapter)(nil)
	_ bot.Purger           = (*Adapter)(nil)
	_ bot.Pinner           = (*Adapter)(nil)
	_ bot.MemberTimeouter  = (*Adapter)(nil)
	_ bot.EventScheduler   = (*Adapter)(nil)
	_ bot.MessageDeleter   = (*Adapter)(nil)
	_ bot.MessageEditor    = (*Adapter)(nil)
	_ bot.MemberResolver   = (*Adapter)(nil)
	_ bot.CommandPublisher = (*Adapter)(nil)
	_ bot.ButtonRenderer   = (*Adapter)(nil)
	_ bot.HealthChecker    = (*Adapter)(nil)
)
