package discord

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// Discord's own bounds.
const (
	maxSlowmode = 6 * time.Hour
	maxTimeout  = 28 * 24 * time.Hour
	bulkMaxAge  = 14 * 24 * time.Hour
)

// guild returns the configured guild, else the only guild the bot is in.
func (a *Adapter) guild() (string, error) {
	if a.opt.GuildID != "" {
		return a.opt.GuildID, nil
	}
	if st := a.sess.State; st != nil {
		st.RLock()
		defer st.RUnlock()
		if len(st.Guilds) == 1 {
			return st.Guilds[0].ID, nil
		}
	}
	return "", errors.New("discord: set [discord] guild_id: the bot is in several servers (or none)")
}

// CreateChannel creates a text channel; a private one is hidden from
// @everyone.
func (a *Adapter) CreateChannel(ctx context.Context, name, topic string, private bool) (bot.Channel, error) {
	g, err := a.guild()
	if err != nil {
		return bot.Channel{}, err
	}
	data := discordgo.GuildChannelCreateData{Name: name, Type: discordgo.ChannelTypeGuildText, Topic: topic}
	if private {
		// Hidden from @everyone, but not from the bot, which must still
		// post in, lock and archive it without Administrator.
		data.PermissionOverwrites = []*discordgo.PermissionOverwrite{
			{ID: g, Type: discordgo.PermissionOverwriteTypeRole, Deny: discordgo.PermissionViewChannel},
			{ID: a.botID(), Type: discordgo.PermissionOverwriteTypeMember, Allow: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
				discordgo.PermissionReadMessageHistory | discordgo.PermissionManageChannels | discordgo.PermissionManageRoles | discordgo.PermissionManageMessages},
		}
	}
	var ch *discordgo.Channel
	err = a.retry(ctx, func() (err error) {
		ch, err = a.sess.GuildChannelCreateComplex(g, data)
		return err
	})
	if err != nil {
		return bot.Channel{}, err
	}
	return bot.Channel{ID: ch.ID, Name: ch.Name}, nil
}

// ArchiveChannel keeps the history but closes the channel: Discord has no
// archive, so members may no longer post and the name gets "arkiv-".
func (a *Adapter) ArchiveChannel(ctx context.Context, ch bot.Channel) error {
	if err := a.Lock(ctx, ch, true); err != nil {
		return err
	}
	name := ch.Name
	if name == "" {
		c, err := a.channel(ctx, ch.ID)
		if err != nil {
			return err
		}
		name = c.Name
	}
	if !strings.HasPrefix(name, "arkiv-") {
		return a.RenameChannel(ctx, ch, clip("arkiv-"+name, 100))
	}
	return nil
}

func (a *Adapter) channel(ctx context.Context, id string) (*discordgo.Channel, error) {
	var c *discordgo.Channel
	err := a.retry(ctx, func() (err error) {
		c, err = a.sess.Channel(id)
		return err
	})
	return c, err
}

// RenameChannel renames a channel.
func (a *Adapter) RenameChannel(ctx context.Context, ch bot.Channel, name string) error {
	return a.retry(ctx, func() error {
		_, err := a.sess.ChannelEdit(ch.ID, &discordgo.ChannelEdit{Name: name})
		return err
	})
}

// SetTopic sets a channel's topic.
func (a *Adapter) SetTopic(ctx context.Context, ch bot.Channel, topic string) error {
	return a.retry(ctx, func() error {
		_, err := a.sess.ChannelEdit(ch.ID, &discordgo.ChannelEdit{Topic: topic})
		return err
	})
}

// SetSlowmode sets the seconds between a member's messages (0 turns it off).
func (a *Adapter) SetSlowmode(ctx context.Context, ch bot.Channel, d time.Duration) error {
	if d < 0 || d > maxSlowmode {
		return fmt.Errorf("discord: slowmode must be between 0 and 6 hours")
	}
	secs := int(d / time.Second)
	return a.retry(ctx, func() error {
		_, err := a.sess.ChannelEdit(ch.ID, &discordgo.ChannelEdit{RateLimitPerUser: &secs})
		return err
	})
}

// Lock denies (or allows again) Send Messages for @everyone in a channel.
func (a *Adapter) Lock(ctx context.Context, ch bot.Channel, locked bool) error {
	g, err := a.guild()
	if err != nil {
		return err
	}
	c, err := a.channel(ctx, ch.ID)
	if err != nil {
		return err
	}
	// Keep what the channel's @everyone overwrite already says (a private
	// channel stays hidden); change only the send permissions.
	var allow, deny int64
	for _, o := range c.PermissionOverwrites {
		if o.ID == g && o.Type == discordgo.PermissionOverwriteTypeRole {
			allow, deny = o.Allow, o.Deny
		}
	}
	send := int64(discordgo.PermissionSendMessages | discordgo.PermissionSendMessagesInThreads)
	if locked {
		allow, deny = allow&^send, deny|send
	} else {
		deny &^= send
	}
	return a.retry(ctx, func() error {
		return a.sess.ChannelPermissionSet(ch.ID, g, discordgo.PermissionOverwriteTypeRole, allow, deny)
	})
}

// Purge deletes up to count recent messages. Discord's bulk delete skips
// messages older than 14 days; Purge reports how many it deleted.
func (a *Adapter) Purge(ctx context.Context, ch bot.Channel, count int) (int, error) {
	if count < 1 {
		return 0, nil
	}
	var ids []string
	before := ""
	cutoff := time.Now().Add(-bulkMaxAge + time.Minute)
	for len(ids) < count {
		var msgs []*discordgo.Message
		err := a.retry(ctx, func() (err error) {
			msgs, err = a.sess.ChannelMessages(ch.ID, min(100, count-len(ids)), before, "", "")
			return err
		})
		if err != nil {
			return 0, err
		}
		if len(msgs) == 0 {
			break
		}
		for _, m := range msgs {
			if ts, err := discordgo.SnowflakeTimestamp(m.ID); err == nil && ts.After(cutoff) {
				ids = append(ids, m.ID)
			}
		}
		before = msgs[len(msgs)-1].ID
		if ts, err := discordgo.SnowflakeTimestamp(before); err == nil && ts.Before(cutoff) {
			break // older pages are all too old
		}
	}
	deleted := 0
	for len(ids) > 0 {
		n := min(100, len(ids))
		batch := ids[:n]
		err := a.retry(ctx, func() error {
			if len(batch) == 1 {
				return a.sess.ChannelMessageDelete(ch.ID, batch[0])
			}
			return a.sess.ChannelMessagesBulkDelete(ch.ID, batch)
		})
		if err != nil {
			return deleted, err
		}
		deleted += n
		ids = ids[n:]
	}
	return deleted, nil
}

// Pin pins a message.
func (a *Adapter) Pin(ctx context.Context, ch bot.Channel, messageID string) error {
	return a.retry(ctx, func() error { return a.sess.ChannelMessagePin(ch.ID, messageID) })
}

// Timeout stops a member talking for d (at most 28 days); 0 lifts it.
func (a *Adapter) Timeout(ctx context.Context, u bot.User, d time.Duration, reason string) error {
	if d < 0 || d > maxTimeout {
		return fmt.Errorf("discord: a timeout is at most 28 days")
	}
	g, err := a.guild()
	if err != nil {
		return err
	}
	var until *time.Time
	if d > 0 {
		t := time.Now().Add(d)
		until = &t
	}
	return a.retry(ctx, func() error {
		return a.sess.GuildMemberTimeout(g, u.ID, until, discordgo.WithAuditLogReason(clip(reason, 512)))
	})
}

// CreateEvent creates a Guild Scheduled Event (external, at a place).
func (a *Adapter) CreateEvent(ctx context.Context, e bot.NativeEvent) (string, error) {
	g, err := a.guild()
	if err != nil {
		return "", err
	}
	var ev *discordgo.GuildScheduledEvent
	err = a.retry(ctx, func() (err error) {
		ev, err = a.sess.GuildScheduledEventCreate(g, eventParams(e))
		return err
	})
	if err != nil {
		return "", err
	}
	return ev.ID, nil
}

// UpdateEvent edits a Guild Scheduled Event.
func (a *Adapter) UpdateEvent(ctx context.Context, e bot.NativeEvent) error {
	g, err := a.guild()
	if err != nil {
		return err
	}
	return a.retry(ctx, func() error {
		_, err := a.sess.GuildScheduledEventEdit(g, e.ID, eventParams(e))
		return err
	})
}

// CancelEvent cancels a Guild Scheduled Event.
func (a *Adapter) CancelEvent(ctx context.Context, id string) error {
	g, err := a.guild()
	if err != nil {
		return err
	}
	return a.retry(ctx, func() error {
		_, err := a.sess.GuildScheduledEventEdit(g, id, &discordgo.GuildScheduledEventParams{Status: discordgo.GuildScheduledEventStatusCanceled})
		return err
	})
}

func eventParams(e bot.NativeEvent) *discordgo.GuildScheduledEventParams {
	start, end := e.Start, e.End
	if end.IsZero() || !end.After(start) {
		end = start.Add(2 * time.Hour)
	}
	loc := e.Location
	if loc == "" {
		loc = "—"
	}
	return &discordgo.GuildScheduledEventParams{
		Name:               clip(e.Title, 100),
		Description:        clip(e.Description, 1000),
		ScheduledStartTime: &start,
		ScheduledEndTime:   &end,
		EntityType:         discordgo.GuildScheduledEventEntityTypeExternal,
		EntityMetadata:     &discordgo.GuildScheduledEventEntityMetadata{Location: clip(loc, 100)},
		PrivacyLevel:       discordgo.GuildScheduledEventPrivacyLevelGuildOnly,
	}
}

// DeleteMessage deletes a member's message.
func (a *Adapter) DeleteMessage(ctx context.Context, channel, messageID string) error {
	return a.retry(ctx, func() error { return a.sess.ChannelMessageDelete(channel, messageID) })
}
