package bot

import (
	"context"
	"errors"
	"time"
)

// Adapter is the minimum every platform provides. Everything else is an
// optional capability interface discovered with a type assertion.
type Adapter interface {
	// Platform names the platform.
	Platform() Platform
	// Run delivers inbound events to h until ctx ends or input is over.
	// It reconnects inside; it returns nil when ctx ends or input ends.
	Run(ctx context.Context, h Handler) error
	// Send posts a message the bot starts itself.
	Send(ctx context.Context, to Target, r Reply) (MessageRef, error)
}

// Handler receives inbound events.
type Handler interface {
	Handle(ctx context.Context, ev Event)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, ev Event)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, ev Event) { f(ctx, ev) }

// Inviter adds members to a channel (Slack); on platforms without it,
// members are told about a new channel by DM only.
type Inviter interface {
	Invite(ctx context.Context, ch Channel, users ...string) error
}

// Pinner pins a message in a channel.
type Pinner interface {
	Pin(ctx context.Context, ch Channel, messageID string) error
}

// MessageDeleter deletes a member's message (automatic moderation).
type MessageDeleter interface {
	DeleteMessage(ctx context.Context, channel, messageID string) error
}

// MessageEditor replaces a message the bot posted itself (a meetup card)
// in place: its text, card and buttons. An edit of a message that is gone
// (deleted, or its channel) is a Permanent error.
type MessageEditor interface {
	Edit(ctx context.Context, ref MessageRef, r Reply) error
}

// MemberResolver looks a member of the community (the configured Discord
// server, the Slack workspace) up by id, with the server-wide facts their
// role comes from: User.Role, RoleIDs and RoleNames, as an event from them
// would carry. The core computes the role of a command's target from it by
// the same rules as the caller's (Bot.RoleOf). A member who is not in the
// community is ErrNoSuchMember.
type MemberResolver interface {
	Member(ctx context.Context, userID string) (User, error)
}

// ErrNoSuchMember is what a MemberResolver answers for an id that is not a
// member of the community (left, or never was).
var ErrNoSuchMember = errors.New("no such member in the community")

// ChannelViewer tells whether a member may see a channel, for commands that
// act on or post to a channel named by id (`channel:`). It reports false
// for a channel outside the configured server or workspace and for one the
// member cannot read (a staff channel, a private channel they are not in).
// A member of another platform sees only what every member of this one
// sees. Platforms without it (the console) see every channel.
type ChannelViewer interface {
	CanView(ctx context.Context, u User, channelID string) (bool, error)
}

// CommandPublisher publishes the command declarations as native commands.
type CommandPublisher interface {
	PublishCommands(ctx context.Context, cmds []*Command) error
}

// ChannelAdmin creates, archives, renames and sets topics of channels.
type ChannelAdmin interface {
	CreateChannel(ctx context.Context, name, topic string, private bool) (Channel, error)
	ArchiveChannel(ctx context.Context, ch Channel) error
	RenameChannel(ctx context.Context, ch Channel, name string) error
	SetTopic(ctx context.Context, ch Channel, topic string) error
}

// Slowmoder sets a channel's slowmode.
type Slowmoder interface {
	SetSlowmode(ctx context.Context, ch Channel, d time.Duration) error
}

// Locker stops and allows members posting in a channel.
type Locker interface {
	Lock(ctx context.Context, ch Channel, locked bool) error
}

// Purger deletes recent messages in a channel and says how many went.
type Purger interface {
	Purge(ctx context.Context, ch Channel, count int) (int, error)
}

// MemberTimeouter times a member out.
type MemberTimeouter interface {
	Timeout(ctx context.Context, u User, d time.Duration, reason string) error
}

// NativeEvent is a meetup in the platform's own calendar (Discord's Guild
// Scheduled Events).
type NativeEvent struct {
	ID          string // platform id, "" when creating
	Title       string
	Description string
	Location    string
	Start, End  time.Time
}

// EventScheduler creates, edits and cancels native scheduled events.
type EventScheduler interface {
	CreateEvent(ctx context.Context, e NativeEvent) (string, error)
	UpdateEvent(ctx context.Context, e NativeEvent) error
	CancelEvent(ctx context.Context, id string) error
}

// GroupMessenger starts a group conversation with several members (Slack's
// group DMs) and posts in it.
type GroupMessenger interface {
	SendGroup(ctx context.Context, users []string, r Reply) (MessageRef, error)
}

// ButtonRenderer is implemented by adapters that render Card buttons as
// clickable components; elsewhere a button is shown as its Command to type.
type ButtonRenderer interface {
	RendersButtons()
}

// permanentError marks an error that retrying cannot fix.
type permanentError struct{ err error }

func (e permanentError) Error() string   { return e.err.Error() }
func (e permanentError) Unwrap() error   { return e.err }
func (e permanentError) Permanent() bool { return true }

// Permanent marks err as a platform refusal that retrying cannot fix: the
// channel is gone, the bot lacks a permission. Delivery stops retrying it
// and records it.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err (or an error it wraps) says it is
// permanent through a Permanent() bool method.
func IsPermanent(err error) bool {
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}
