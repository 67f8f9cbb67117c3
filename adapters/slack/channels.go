package slack

import (
	"context"
	"errors"
	"fmt"
	"slices"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// CanView reports whether u can see channel id, from conversations.info: a
// channel the workspace does not have (or hides from the bot) is not
// visible; a public channel is visible to everyone; a private channel or
// group DM only to its members; a DM only to the member it is with. A
// member of another platform sees only public channels.
func (a *Adapter) CanView(ctx context.Context, u bot.User, id string) (bool, error) {
	var ch *slackapi.Channel
	err := a.retry(ctx, func() (err error) {
		ch, err = a.api.GetConversationInfoContext(ctx, &slackapi.GetConversationInfoInput{ChannelID: id})
		return err
	})
	if refused(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("slack conversations.info %s: %w", id, bot.Redacted(err))
	}
	slackUser := u.Platform == bot.PlatformSlack
	switch {
	case ch.IsIM:
		return slackUser && ch.User == u.ID, nil
	case ch.IsPrivate || ch.IsMpIM || ch.IsGroup:
		if !slackUser {
			return false, nil
		}
		return a.isMember(ctx, id, u.ID)
	}
	return true, nil
}

// isMember pages through conversations.members looking for user.
func (a *Adapter) isMember(ctx context.Context, channel, user string) (bool, error) {
	cursor := ""
	for {
		var ids []string
		err := a.retry(ctx, func() (err error) {
			ids, cursor, err = a.api.GetUsersInConversationContext(ctx, &slackapi.GetUsersInConversationParameters{ChannelID: channel, Cursor: cursor, Limit: 1000})
			return err
		})
		if refused(err) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("slack conversations.members %s: %w", channel, bot.Redacted(err))
		}
		if slices.Contains(ids, user) {
			return true, nil
		}
		if cursor == "" {
			return false, nil
		}
	}
}

// refused reports whether Slack answered that the channel is not one the
// bot can reach (channel_not_found, not_in_channel, …) rather than failing.
func refused(err error) bool {
	var se slackapi.SlackErrorResponse
	if !errors.As(err, &se) {
		return false
	}
	switch se.Err {
	case "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "invalid_auth", "not_authed", "account_inactive":
		return false
	}
	return true
}
