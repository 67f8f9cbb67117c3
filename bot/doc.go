// Package bot is passionbot's platform-neutral core: the types every platform
// shares (users, channels, events, replies), the Adapter interface and its
// optional capabilities, command declarations and their text parser, the
// router that checks roles in one place before any handler runs, help
// generation and the Swedish/English message catalog.
//
// The package imports no adapter and no platform SDK. Adapters (console,
// Discord, Slack) turn platform traffic into Events and hand them to a
// Handler; the Bot is that Handler.
//
// Decisions where the design (docs/ARCHITECTURE.md) is silent:
//   - Replies are sent through Event.Respond, a function the adapter sets, so
//     that an interaction (Discord) or a slash command (Slack) is answered the
//     platform's own way; Adapter.Send is for messages the bot starts itself.
//   - Effective role = the highest of: the role the platform's server-wide
//     facts give, the roles mapped from the member's platform role ids (or
//     names) in [roles], and the grant stored in SQLite (RoleMap.Role).
//     Grants never lower a role. A command's target gets its role by the
//     same rule (Bot.RoleOf).
//   - A capability is an interface (ChannelAdmin, Purger, …): commands list
//     Cap[T]() in Needs, handlers reach it with Capable[T].
//   - A member reads one kind of error: UserError, made with Call.Refuse.
//   - Language = the member's stored choice, else the event's explicit locale
//     (the console's --lang), else the platform's locale hint (Discord's
//     interaction locale), else the language detected in the text when the
//     detector is confident, else the language the member last wrote in
//     (Member.Written, recorded from free text: Bot.noteWritten), else the
//     configured default (sv). One exception, from the knowledge issue: an
//     answer from the knowledge base is in the question's own language when
//     that is clear, whatever the member chose (commands.Library.Ask).
package bot
