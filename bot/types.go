package bot

import "context"

// Platform names a chat platform: "console", "discord", "slack".
type Platform string

// Known platforms.
const (
	PlatformConsole Platform = "console"
	PlatformDiscord Platform = "discord"
	PlatformSlack   Platform = "slack"
)

// User is a member as a platform reports them. A user is identified by
// (Platform, ID); IDs stay platform strings.
type User struct {
	Platform Platform
	ID       string
	Name     string // display name, for replies; never trusted for identity
	// Role is the role the platform's own facts give (Discord Administrator,
	// Slack owner, the console's --as). RoleMember when nothing special.
	Role Role
	// RoleIDs are the ids of the member's platform roles (Discord) or user
	// groups (Slack), mapped to roles through [roles]: ids are unique, so
	// they are the safe way to map.
	RoleIDs []string
	// RoleNames are the same roles' names or user-group handles, mapped
	// through [roles] entries that are names (not unique: anyone who can
	// create a role with that name gets it; see RoleMap).
	RoleNames []string
}

// Key returns "platform:id", unique across platforms.
func (u User) Key() string { return string(u.Platform) + ":" + u.ID }

// Channel is where a message was said or where a reply goes.
type Channel struct {
	ID   string
	Name string
	DM   bool // a direct conversation with the bot
}

// EventKind tells what happened.
type EventKind int

// The kinds of inbound events.
const (
	EventMessage      EventKind = iota // a chat message
	EventCommand                       // a native command (Discord slash command, Slack slash command)
	EventAction                        // a button click or other interactive action
	EventMemberJoined                  // a member joined the community or a channel
)

// Responder answers the event that carries it, the platform's own way
// (interaction response, ephemeral message, console line).
type Responder func(ctx context.Context, r Reply) error

// Event is one inbound thing an adapter hands to the core.
type Event struct {
	Kind     EventKind
	Platform Platform
	ID       string // platform event or message id, for idempotency and logs
	User     User
	Channel  Channel
	// Text is the message text (EventMessage) or the command's argument text
	// (EventCommand with text arguments, such as a Slack slash command).
	Text string
	// Addressed is true when the message was for the bot: a DM, a mention of
	// the bot (the adapter strips the mention from Text), or the console.
	// Prefix detection is the core's job.
	Addressed bool
	// Command is the native command's text for EventCommand when the
	// adapter cannot resolve it (a Slack slash command's group, read with
	// Text as a command line).
	Command string
	// Invoked is the command an adapter resolved from a native invocation
	// (a Discord slash command), with its Options by argument name: typed
	// values (string, int64, float64, bool) as the platform sent them.
	Invoked *Command
	Options map[string]any
	// Action is the button's action id for EventAction.
	Action string
	// Locale is an explicit language preference from the adapter (the
	// console's --lang); LocaleHint is a weaker platform hint (Discord's
	// interaction locale).
	Locale, LocaleHint string
	// Respond answers the event. Nil means the event cannot be answered.
	Respond Responder
	// PrivateReplies is true when Respond shows a Reply marked Ephemeral to
	// the member alone even outside a DM (Discord interactions, Slack's
	// ephemeral messages, the console). When false, the core sends Private
	// replies as a DM instead and answers in the channel only that it did.
	PrivateReplies bool
	// PageView marks a read the web dashboard makes to draw a page (a
	// list command): it does not count against the member's command limit,
	// which is for what members write; the web server bounds its requests.
	PageView bool
}

// Reply is what the bot says. Text uses a small markdown subset every
// platform renders: **bold**, _italic_, `code`, ``` blocks, "- " lists.
type Reply struct {
	Text      string
	Card      *Card
	Ephemeral bool // only the asking member sees it, where the platform can
	// Private replies must never be seen by anyone but the member: where
	// the platform cannot answer ephemerally they go by DM (see
	// Event.PrivateReplies). Private implies Ephemeral.
	Private bool
	// Mentions are users the bot means to ping; nobody else is pinged.
	Mentions []User
	// File is an attachment (a data export), sent as a file where the
	// platform allows and as text elsewhere.
	File *File
	// Views are the reply's data drawn as tables, charts or calendars
	// where a surface can (the web dashboard); Text says the same in words.
	Views []View
	// Nonce is an idempotency key for a message the bot starts itself
	// (scheduled announcements): a platform that supports it (Discord's
	// enforce_nonce) posts a message with the same nonce only once.
	Nonce string
}

// File is an attachment.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Card is a structured reply: Discord renders it as an embed with
// components, Slack as Block Kit, the console as text.
type Card struct {
	Title   string
	Body    string
	Fields  []Field
	Buttons []Button
	Footer  string
	// Lang is the language the card is written in when it is not the
	// reply's (an answer in the language of its question): the commands
	// behind its buttons are shown in it (Bot.ButtonsIn).
	Lang string
}

// Field is one name/value pair on a card.
type Field struct {
	Name, Value string
	Inline      bool
}

// Button is a clickable action. Command is the text command that does the
// same thing, for platforms without buttons.
type Button struct {
	Label   string
	Action  string // routed back as Event.Action; at most 100 bytes
	Command string
	Style   ButtonStyle
}

// ButtonStyle is a hint for how prominent a button is.
type ButtonStyle int

// Button styles.
const (
	ButtonDefault ButtonStyle = iota
	ButtonPrimary
	ButtonDanger
)

// Target is where the bot sends a message it starts itself: a channel, or a
// user's DM when User is set.
type Target struct {
	Channel string
	User    string
}

// MessageRef identifies a sent message, for edits and deletes.
type MessageRef struct {
	Channel string
	ID      string
}
