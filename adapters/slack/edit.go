package slack

import (
	"context"
	"errors"
	"fmt"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// Edit replaces a message the bot posted (chat.update) with the first
// message r renders to: a card is one message. Slack's refusals
// (message_not_found, channel_not_found, cant_update_message) are
// permanent; rate limits are waited out as for posting.
func (a *Adapter) Edit(ctx context.Context, ref bot.MessageRef, r bot.Reply) error {
	if ref.Channel == "" || ref.ID == "" {
		return bot.Permanent(errors.New("slack: edit: no channel or message"))
	}
	ms := render(bot.Sanitize(r))
	if len(ms) == 0 {
		return bot.Permanent(errors.New("slack: edit: an empty message"))
	}
	m := ms[0]
	err := a.retry(ctx, func() error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, ref.Channel, ref.ID,
			slackapi.MsgOptionText(m.text, false), slackapi.MsgOptionBlocks(m.blocks...))
		return err
	})
	if err != nil {
		return fmt.Errorf("slack: edit message %s in %s: %w", ref.ID, ref.Channel, classify(err))
	}
	return nil
}
