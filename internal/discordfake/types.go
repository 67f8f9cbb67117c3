package discordfake

import (
	"encoding/json"
	"net/http"
	"time"
)

// Discord permission bits used by the fake (see Discord's "Permissions" page).
const (
	PermAdministrator   int64 = 1 << 3
	PermManageChannels  int64 = 1 << 4
	PermViewChannel     int64 = 1 << 10
	PermSendMessages    int64 = 1 << 11
	PermManageMessages  int64 = 1 << 13
	PermEmbedLinks      int64 = 1 << 14
	PermReadHistory     int64 = 1 << 16
	PermManageRoles     int64 = 1 << 28
	PermUseAppCommands  int64 = 1 << 31
	PermManageEvents    int64 = 1 << 33
	PermModerateMembers int64 = 1 << 40

	// PermAll is every permission bit Discord currently defines.
	PermAll int64 = 1<<51 - 1
	// PermDefaultEveryone is what a new guild's @everyone role may do.
	PermDefaultEveryone = 1 | 1<<6 | PermViewChannel | PermSendMessages | PermEmbedLinks | 1<<15 |
		PermReadHistory | 1<<18 | 1<<20 | 1<<21 | 1<<26 | PermUseAppCommands
)

// Gateway intents the fake interprets.
const (
	IntentGuilds          = 1 << 0
	IntentGuildMembers    = 1 << 1 // privileged
	IntentGuildPresences  = 1 << 8 // privileged
	IntentGuildMessages   = 1 << 9
	IntentDirectMessages  = 1 << 12
	IntentMessageContent  = 1 << 15 // privileged
	IntentScheduledEvents = 1 << 16

	// IntentsPrivileged are the intents a bot must enable in the developer portal.
	IntentsPrivileged = IntentGuildMembers | IntentGuildPresences | IntentMessageContent
)

// Channel types.
const (
	ChannelText     = 0
	ChannelDM       = 1
	ChannelVoice    = 2
	ChannelCategory = 4
	ChannelNews     = 5
	ChannelForum    = 15
)

// Interaction types and interaction callback (response) types.
const (
	InteractionCommand      = 2
	InteractionComponent    = 3
	InteractionAutocomplete = 4
	InteractionModalSubmit  = 5

	ResponseMessage         = 4 // CHANNEL_MESSAGE_WITH_SOURCE
	ResponseDeferredMessage = 5 // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
	ResponseDeferredUpdate  = 6 // DEFERRED_UPDATE_MESSAGE
	ResponseUpdateMessage   = 7 // UPDATE_MESSAGE
	ResponseAutocomplete    = 8
	ResponseModal           = 9
)

// Message flags.
const (
	FlagSuppressEmbeds = 1 << 2
	FlagEphemeral      = 1 << 6
	FlagLoading        = 1 << 7
	FlagComponentsV2   = 1 << 15
)

// Application command option types (for OptionValue.Type).
const (
	OptSubCommand      = 1
	OptSubCommandGroup = 2
	OptString          = 3
	OptInteger         = 4
	OptBoolean         = 5
	OptUser            = 6
	OptChannel         = 7
	OptRole            = 8
	OptMentionable     = 9
	OptNumber          = 10
	OptAttachment      = 11
)

// User is a Discord user.
type User struct {
	ID         string
	Username   string
	GlobalName string
	Bot        bool
}

// Role is a guild role. Permissions is the bit set (Discord sends it as a
// decimal string).
type Role struct {
	ID          string
	Name        string
	Permissions int64
	Position    int
	Color       int
	Managed     bool
	Mentionable bool
}

// Member is a user's membership in a guild.
type Member struct {
	User     User
	Nick     string
	Roles    []string // role IDs, without the @everyone role
	JoinedAt time.Time
	// CommunicationDisabledUntil is the timeout end, set by
	// PATCH /guilds/{gid}/members/{uid}; nil when not timed out.
	CommunicationDisabledUntil *time.Time
}

// PermissionOverwrite is a channel permission overwrite. Type is 0 for a
// role, 1 for a member.
type PermissionOverwrite struct {
	ID    string
	Type  int
	Allow int64
	Deny  int64
}

// Channel is a guild channel or a DM channel.
type Channel struct {
	ID                   string
	GuildID              string // empty for DMs
	Type                 int
	Name                 string
	Topic                string
	Position             int
	ParentID             string
	NSFW                 bool
	RateLimitPerUser     int // slowmode seconds
	PermissionOverwrites []PermissionOverwrite
	Recipients           []User // DM channels
}

// Guild is a server with its channels, roles and members. AddGuild fills
// in missing IDs, the @everyone role (ID = guild ID) and the bot's member.
type Guild struct {
	ID              string
	Name            string
	OwnerID         string
	PreferredLocale string // default "en-US"
	Channels        []Channel
	Roles           []Role
	Members         []Member
}

// Identify is a recorded IDENTIFY (op 2) payload.
type Identify struct {
	Token          string
	Intents        int
	Properties     map[string]string // os, browser, device (a leading "$" is dropped)
	Compress       bool
	LargeThreshold int
	Shard          *[2]int
	Raw            json.RawMessage
	Time           time.Time
}

// EmbedField is one name/value pair of an embed.
type EmbedField struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// EmbedFooter is an embed's footer.
type EmbedFooter struct {
	Text    string `json:"text"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedAuthor is an embed's author line.
type EmbedAuthor struct {
	Name    string `json:"name"`
	URL     string `json:"url,omitempty"`
	IconURL string `json:"icon_url,omitempty"`
}

// EmbedMedia is an embed image or thumbnail.
type EmbedMedia struct {
	URL string `json:"url"`
}

// Embed is a rich embed as sent by the bot.
type Embed struct {
	Type        string       `json:"type,omitempty"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	URL         string       `json:"url,omitempty"`
	Timestamp   string       `json:"timestamp,omitempty"`
	Color       int          `json:"color,omitempty"`
	Footer      *EmbedFooter `json:"footer,omitempty"`
	Image       *EmbedMedia  `json:"image,omitempty"`
	Thumbnail   *EmbedMedia  `json:"thumbnail,omitempty"`
	Author      *EmbedAuthor `json:"author,omitempty"`
	Fields      []EmbedField `json:"fields,omitempty"`
}

// Emoji is a component emoji.
type Emoji struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Animated bool   `json:"animated,omitempty"`
}

// SelectOption is an option of a string select menu.
type SelectOption struct {
	Label       string `json:"label"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	Emoji       *Emoji `json:"emoji,omitempty"`
	Default     bool   `json:"default,omitempty"`
}

// Component is a message component: an action row (Type 1) with its
// Components, a button (2) or a select menu (3, 5-8). Other component
// types decode with their common fields only.
type Component struct {
	Type        int            `json:"type"`
	Style       int            `json:"style,omitempty"`
	Label       string         `json:"label,omitempty"`
	CustomID    string         `json:"custom_id,omitempty"`
	URL         string         `json:"url,omitempty"`
	Disabled    bool           `json:"disabled,omitempty"`
	Emoji       *Emoji         `json:"emoji,omitempty"`
	Placeholder string         `json:"placeholder,omitempty"`
	MinValues   *int           `json:"min_values,omitempty"`
	MaxValues   int            `json:"max_values,omitempty"`
	Options     []SelectOption `json:"options,omitempty"`
	Components  []Component    `json:"components,omitempty"`
	Content     string         `json:"content,omitempty"` // text display (components v2)
}

// AllowedMentions is the allowed_mentions object of a message.
type AllowedMentions struct {
	Parse       []string `json:"parse"`
	Users       []string `json:"users,omitempty"`
	Roles       []string `json:"roles,omitempty"`
	RepliedUser bool     `json:"replied_user,omitempty"`
}

// MessageReference points at the message a reply answers.
type MessageReference struct {
	Type            int    `json:"type,omitempty"`
	MessageID       string `json:"message_id"`
	ChannelID       string `json:"channel_id,omitempty"`
	GuildID         string `json:"guild_id,omitempty"`
	FailIfNotExists *bool  `json:"fail_if_not_exists,omitempty"`
}

// Attachment is a file uploaded with a multipart request.
type Attachment struct {
	ID          string
	Filename    string
	ContentType string
	Size        int
	Data        []byte
}

// MessageData is the message payload the bot sent: in a channel message, an
// interaction response, a follow-up or an edit.
type MessageData struct {
	Content          string
	Embeds           []Embed
	Components       []Component
	AllowedMentions  *AllowedMentions // nil when the request had none
	MessageReference *MessageReference
	Flags            int
	TTS              bool
	StickerIDs       []string
	Attachments      []Attachment
}

// Message is a message known to the fake: sent by the bot over REST, or
// dispatched with SendMessage.
type Message struct {
	MessageData
	ID              string
	ChannelID       string
	GuildID         string
	Author          User
	Mentions        []User
	MentionRoles    []string
	Timestamp       time.Time
	EditedTimestamp *time.Time
	Edits           int      // successful PATCHes
	Deleted         bool     // deleted by DELETE or bulk-delete
	Reactions       []string // emoji the bot reacted with
	InteractionID   string   // set on interaction responses and follow-ups
	WebhookID       string   // the application ID for interaction messages
	Nonce           string   // the nonce the bot sent, if any

	rawComponents json.RawMessage // exactly as sent, echoed back verbatim
}

// InteractionResponse is an accepted POST /interactions/{id}/{token}/callback.
type InteractionResponse struct {
	InteractionID string
	Type          int         // ResponseMessage, ResponseDeferredMessage, ...
	Data          MessageData // for types 4 and 7; Flags also for 5
	Choices       []json.RawMessage
	Raw           json.RawMessage // the request body
	Time          time.Time
	// Latency is the time since the interaction was dispatched; Discord
	// rejects responses after 3 s.
	Latency time.Duration
}

// Command is a stored application command.
type Command struct {
	ID                       string
	ApplicationID            string
	GuildID                  string
	Version                  string
	Type                     int
	Name                     string
	Description              string
	NameLocalizations        map[string]string
	DescriptionLocalizations map[string]string
	DefaultMemberPermissions *string
	DMPermission             *bool
	Options                  []CommandOption
	Raw                      json.RawMessage // as the client sent it
}

// CommandOption is an option of an application command.
type CommandOption struct {
	Type                     int               `json:"type"`
	Name                     string            `json:"name"`
	Description              string            `json:"description"`
	NameLocalizations        map[string]string `json:"name_localizations,omitempty"`
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
	Required                 bool              `json:"required,omitempty"`
	Autocomplete             bool              `json:"autocomplete,omitempty"`
	Choices                  []CommandChoice   `json:"choices,omitempty"`
	Options                  []CommandOption   `json:"options,omitempty"`
	ChannelTypes             []int             `json:"channel_types,omitempty"`
	MinValue                 *float64          `json:"min_value,omitempty"`
	MaxValue                 *float64          `json:"max_value,omitempty"`
	MinLength                *int              `json:"min_length,omitempty"`
	MaxLength                *int              `json:"max_length,omitempty"`
}

// CommandChoice is a fixed choice of a command option.
type CommandChoice struct {
	Name              string            `json:"name"`
	NameLocalizations map[string]string `json:"name_localizations,omitempty"`
	Value             any               `json:"value"`
}

// ScheduledEvent is a guild scheduled event.
type ScheduledEvent struct {
	ID           string
	GuildID      string
	ChannelID    string
	CreatorID    string
	Name         string
	Description  string
	StartTime    time.Time
	EndTime      *time.Time
	PrivacyLevel int
	Status       int // 1 scheduled, 2 active, 3 completed, 4 canceled
	EntityType   int // 1 stage, 2 voice, 3 external
	Location     string
}

// Ban is a recorded PUT /guilds/{gid}/bans/{uid}.
type Ban struct {
	GuildID              string
	UserID               string
	Reason               string // X-Audit-Log-Reason
	DeleteMessageSeconds int
}

// Request is one recorded REST request with the fake's answer.
type Request struct {
	Method   string
	Path     string // as received, e.g. /api/v9/channels/1/messages
	Route    string // Path without the /api/vN prefix
	RawQuery string
	Header   http.Header
	Body     []byte // for multipart requests: the payload_json part
	Status   int
	Response []byte
	Time     time.Time
}

// OptionValue is an option of an application command interaction. Use the
// constructors Sub, Group, Str, Int, Bool, Num, UserOpt, ChannelOpt and
// RoleOpt, or fill it in directly.
type OptionValue struct {
	Name    string
	Type    int
	Value   any
	Focused bool
	Options []OptionValue
}

// Sub is a subcommand option with its options.
func Sub(name string, opts ...OptionValue) OptionValue {
	return OptionValue{Name: name, Type: OptSubCommand, Options: opts}
}

// Group is a subcommand group with its subcommands.
func Group(name string, subs ...OptionValue) OptionValue {
	return OptionValue{Name: name, Type: OptSubCommandGroup, Options: subs}
}

// Str is a string option.
func Str(name, v string) OptionValue { return OptionValue{Name: name, Type: OptString, Value: v} }

// Int is an integer option.
func Int(name string, v int64) OptionValue {
	return OptionValue{Name: name, Type: OptInteger, Value: v}
}

// Bool is a boolean option.
func Bool(name string, v bool) OptionValue {
	return OptionValue{Name: name, Type: OptBoolean, Value: v}
}

// Num is a number (float) option.
func Num(name string, v float64) OptionValue {
	return OptionValue{Name: name, Type: OptNumber, Value: v}
}

// UserOpt is a user option; the interaction's resolved data gets the user
// (and member, in guilds).
func UserOpt(name, userID string) OptionValue {
	return OptionValue{Name: name, Type: OptUser, Value: userID}
}

// ChannelOpt is a channel option, resolved like UserOpt.
func ChannelOpt(name, channelID string) OptionValue {
	return OptionValue{Name: name, Type: OptChannel, Value: channelID}
}

// RoleOpt is a role option, resolved like UserOpt.
func RoleOpt(name, roleID string) OptionValue {
	return OptionValue{Name: name, Type: OptRole, Value: roleID}
}

// MessageCreate describes a user message for SendMessage.
type MessageCreate struct {
	// ChannelID is a guild channel; leave it (and GuildID) empty for a DM
	// from Author to the bot.
	ChannelID string
	Author    User // required
	Content   string
	ID        string // default: a fresh snowflake
	Embeds    []Embed
	// Mentions default to the users written as <@id> or <@!id> in Content
	// (the bot included).
	Mentions []User
	// Reference makes the message a reply.
	Reference *MessageReference
	Timestamp time.Time // default now
}

// Interaction describes an INTERACTION_CREATE for SendInteraction.
type Interaction struct {
	Type      int    // default InteractionCommand, or InteractionComponent when CustomID is set
	ID        string // default: a fresh snowflake
	Token     string // default: a random token
	GuildID   string // empty with empty ChannelID: a DM with the bot
	ChannelID string
	User      User     // required
	Roles     []string // default: the member's roles in the guild (an override is not stored)
	// Permissions overrides the member's computed permissions (a decimal
	// string, as Discord sends it).
	Permissions string
	Locale      string // default "en-US"

	// Application commands.
	CommandName string
	CommandType int    // default 1 (CHAT_INPUT)
	CommandID   string // default: the stored command with that name, else a fresh snowflake
	Options     []OptionValue
	TargetID    string

	// Message components.
	CustomID      string
	ComponentType int // default 2 (button)
	Values        []string
	MessageID     string // the message carrying the component

	// Modal submits: the submitted text inputs, custom_id -> value.
	ModalValues map[string]string
}

// DropMode selects how Drop disconnects the gateway.
type DropMode int

const (
	// DropAbrupt closes the TCP connection without a close frame (like a
	// network failure). The session stays resumable.
	DropAbrupt DropMode = iota
	// DropResumable sends close code 4000 (unknown error), then closes.
	// The session stays resumable.
	DropResumable
	// DropInvalidSession sends close code 4009 (session timed out) and
	// forgets the session: a RESUME is answered with op 9 and the client
	// must IDENTIFY again.
	DropInvalidSession
)
