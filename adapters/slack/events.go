package slack

import (
	"cmp"
	"context"
	"regexp"
	"strings"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"passionbot/bot"
)

// dispatch turns one acknowledged envelope into core events.
func (a *Adapter) dispatch(ctx context.Context, h bot.Handler, ev socketmode.Event) {
	switch data := ev.Data.(type) {
	case slackevents.EventsAPIEvent:
		if cb, ok := data.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" && !a.seen.add("event:"+cb.EventID) {
			return // the same event in a new envelope
		}
		a.onEvent(ctx, h, data.InnerEvent)
	case slackapi.SlashCommand:
		a.onSlashCommand(ctx, h, data)
	case slackapi.InteractionCallback:
		a.onInteraction(ctx, h, data)
	}
}

// mentionRE matches a user mention, with an optional label.
var mentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)

func (a *Adapter) onEvent(ctx context.Context, h bot.Handler, inner slackevents.EventsAPIInnerEvent) {
	switch e := inner.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == a.botID {
			return
		}
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		a.message(ctx, h, e.User, e.Channel, a.stripMention(e.Text), thread, e.TimeStamp, false, true)
	case *slackevents.MessageEvent:
		if e.BotID != "" || e.SubType != "" || e.User == "" || e.User == a.botID {
			return // members' own new messages only
		}
		switch {
		case e.ChannelType == "im":
			a.message(ctx, h, e.User, e.Channel, a.stripMention(e.Text), e.ThreadTimeStamp, e.TimeStamp, true, true)
		case a.opt.ChannelMessages && (e.ChannelType == "channel" || e.ChannelType == "group") && !a.mentionsBot(e.Text):
			// A mention arrives as app_mention too: handled there, once.
			thread := cmp.Or(e.ThreadTimeStamp, e.TimeStamp)
			a.message(ctx, h, e.User, e.Channel, unescape(e.Text), thread, e.TimeStamp, false, false)
		}
	case *slackevents.MemberJoinedChannelEvent:
		a.joined(ctx, h, e.User)
	case *slackevents.TeamJoinEvent:
		if e.User != nil && !e.User.IsBot {
			a.joined(ctx, h, e.User.ID)
		}
	}
}

// mentionsBot reports whether text mentions the bot.
func (a *Adapter) mentionsBot(text string) bool {
	for _, m := range mentionRE.FindAllStringSubmatch(text, -1) {
		if m[1] == a.botID {
			return true
		}
	}
	return false
}

// stripMention removes the bot's own mention and turns Slack's escapes back
// into the characters the member typed.
func (a *Adapter) stripMention(text string) string {
	text = mentionRE.ReplaceAllStringFunc(text, func(m string) string {
		if sub := mentionRE.FindStringSubmatch(m); sub[1] == a.botID {
			return " "
		}
		return m
	})
	return unescape(text)
}

// unescape turns Slack's &lt; &gt; &amp; back into the characters typed.
func unescape(text string) string {
	return strings.TrimSpace(strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(text))
}

// message hands a member's message to the core; replies go to the thread.
// A message in a channel that does not mention the bot is not addressed:
// the core reads it only for a prefix command and automatic moderation.
func (a *Adapter) message(ctx context.Context, h bot.Handler, user, channel, text, thread, ts string, dm, addressed bool) {
	u := a.user(ctx, user)
	h.Handle(ctx, bot.Event{
		Kind:       bot.EventMessage,
		Platform:   bot.PlatformSlack,
		ID:         ts,
		User:       u.User,
		Channel:    bot.Channel{ID: channel, DM: dm},
		Text:       text,
		Addressed:  addressed,
		LocaleHint: u.locale,
		Respond: func(ctx context.Context, r bot.Reply) error {
			if r.Ephemeral && !dm {
				return a.postEphemeral(ctx, channel, user, thread, r)
			}
			_, err := a.post(ctx, channel, thread, r)
			return err
		},
		PrivateReplies: true, // chat.postEphemeral
	})
}

func (a *Adapter) joined(ctx context.Context, h bot.Handler, user string) {
	if user == "" || user == a.botID {
		return
	}
	u := a.user(ctx, user)
	h.Handle(ctx, bot.Event{
		Kind:     bot.EventMemberJoined,
		Platform: bot.PlatformSlack,
		User:     u.User,
		Respond: func(ctx context.Context, r bot.Reply) error {
			_, err := a.Send(ctx, bot.Target{User: user}, r)
			return err
		},
	})
}

// onSlashCommand reads "/ask text" as the command group "ask" with its text.
func (a *Adapter) onSlashCommand(ctx context.Context, h bot.Handler, c slackapi.SlashCommand) {
	if !a.seen.add("trigger:" + c.TriggerID) {
		return
	}
	group := strings.TrimPrefix(strings.TrimPrefix(c.Command, "/"), a.opt.CommandPrefix)
	u := a.user(ctx, c.UserID)
	h.Handle(ctx, bot.Event{
		Kind:           bot.EventCommand,
		Platform:       bot.PlatformSlack,
		ID:             c.TriggerID,
		User:           u.User,
		Channel:        bot.Channel{ID: c.ChannelID, Name: c.ChannelName, DM: strings.HasPrefix(c.ChannelID, "D")},
		Command:        group,
		Text:           unescape(c.Text),
		Addressed:      true,
		LocaleHint:     u.locale,
		Respond:        a.responder(c.ResponseURL, c.ChannelID, c.UserID, false),
		PrivateReplies: true,
	})
}

// onInteraction routes each clicked button's value (a text command) to the core.
func (a *Adapter) onInteraction(ctx context.Context, h bot.Handler, ic slackapi.InteractionCallback) {
	if ic.Type != slackapi.InteractionTypeBlockActions {
		return
	}
	u := a.user(ctx, ic.User.ID)
	for _, act := range ic.ActionCallback.BlockActions {
		if act == nil || act.Value == "" || !a.seen.add("action:"+ic.TriggerID+":"+act.ActionID) {
			continue
		}
		h.Handle(ctx, bot.Event{
			Kind:           bot.EventAction,
			Platform:       bot.PlatformSlack,
			ID:             ic.TriggerID,
			User:           u.User,
			Channel:        bot.Channel{ID: ic.Channel.ID},
			Action:         act.Value,
			Addressed:      true,
			LocaleHint:     u.locale,
			Respond:        a.responder(ic.ResponseURL, ic.Channel.ID, ic.User.ID, true),
			PrivateReplies: true,
		})
	}
}

// responder answers through the response_url: ephemeral replies only to
// the member, others in the channel; a button's answer (private) is always
// for the member who clicked. Without a response_url it posts, an
// ephemeral reply with chat.postEphemeral.
func (a *Adapter) responder(responseURL, channel, user string, private bool) bot.Responder {
	return func(ctx context.Context, r bot.Reply) error {
		r.Ephemeral = r.Ephemeral || private
		if responseURL == "" && r.Ephemeral {
			return a.postEphemeral(ctx, channel, user, "", r)
		}
		if responseURL == "" {
			_, err := a.post(ctx, channel, "", r)
			return err
		}
		kind := slackapi.ResponseTypeInChannel
		if r.Ephemeral {
			kind = slackapi.ResponseTypeEphemeral
		}
		for _, m := range render(r) {
			err := a.retry(ctx, func() error {
				_, _, err := a.api.PostMessageContext(ctx, channel, slackapi.MsgOptionResponseURL(responseURL, kind),
					slackapi.MsgOptionText(m.text, false), slackapi.MsgOptionBlocks(m.blocks...))
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
}
