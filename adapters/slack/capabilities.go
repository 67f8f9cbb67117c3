package slack

import (
	"context"
	"strings"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// Slack has no slowmode, member timeout or channel lock for bots, so the
// adapter does not implement those capabilities and the core says so.

// CreateChannel creates a public or private channel.
func (a *Adapter) CreateChannel(ctx context.Context, name, topic string, private bool) (bot.Channel, error) {
	var ch *slackapi.Channel
	err := a.retry(ctx, func() (err error) {
		ch, err = a.api.CreateConversationContext(ctx, slackapi.CreateConversationParams{ChannelName: slackName(name), IsPrivate: private})
		return err
	})
	if err != nil {
		return bot.Channel{}, err
	}
	out := bot.Channel{ID: ch.ID, Name: ch.Name}
	if topic != "" {
		return out, a.SetTopic(ctx, out, topic)
	}
	return out, nil
}

// ArchiveChannel archives a channel.
func (a *Adapter) ArchiveChannel(ctx context.Context, ch bot.Channel) error {
	return a.retry(ctx, func() error { return a.api.ArchiveConversationContext(ctx, ch.ID) })
}

// RenameChannel renames a channel.
func (a *Adapter) RenameChannel(ctx context.Context, ch bot.Channel, name string) error {
	return a.retry(ctx, func() error {
		_, err := a.api.RenameConversationContext(ctx, ch.ID, slackName(name))
		return err
	})
}

// SetTopic sets a channel's topic.
func (a *Adapter) SetTopic(ctx context.Context, ch bot.Channel, topic string) error {
	return a.retry(ctx, func() error {
		_, err := a.api.SetTopicOfConversationContext(ctx, ch.ID, topic)
		return err
	})
}

// Pin pins a message (pins.add, scope pins:write); messageID is the
// message's timestamp.
func (a *Adapter) Pin(ctx context.Context, ch bot.Channel, messageID string) error {
	return a.retry(ctx, func() error {
		return a.api.AddPinContext(ctx, ch.ID, slackapi.ItemRef{Channel: ch.ID, Timestamp: messageID})
	})
}

// Invite adds members to a channel.
func (a *Adapter) Invite(ctx context.Context, ch bot.Channel, users ...string) error {
	return a.retry(ctx, func() error {
		_, err := a.api.InviteUsersToConversationContext(ctx, ch.ID, users...)
		return err
	})
}

// Purge deletes up to count of the bot's own recent messages in a channel:
// a Slack bot may delete only what it posted itself.
func (a *Adapter) Purge(ctx context.Context, ch bot.Channel, count int) (int, error) {
	deleted := 0
	cursor := ""
	for deleted < count {
		var h *slackapi.GetConversationHistoryResponse
		err := a.retry(ctx, func() (err error) {
			h, err = a.api.GetConversationHistoryContext(ctx, &slackapi.GetConversationHistoryParameters{ChannelID: ch.ID, Cursor: cursor, Limit: 200})
			return err
		})
		if err != nil {
			return deleted, err
		}
		for _, m := range h.Messages {
			if deleted == count {
				break
			}
			if m.User != a.botID {
				continue
			}
			if err := a.retry(ctx, func() error { _, _, err := a.api.DeleteMessageContext(ctx, ch.ID, m.Timestamp); return err }); err != nil {
				return deleted, err
			}
			deleted++
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			break
		}
		cursor = h.ResponseMetaData.NextCursor
	}
	return deleted, nil
}

// slackName makes a valid channel name: lowercase, no spaces, at most 80.
func slackName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), "-"))
	return clip(s, 80)
}
