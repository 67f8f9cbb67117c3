package discord

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// messageEdit is the body of a channel message edit. Content, embeds and
// components are always sent, so that what the new reply lacks (a card's
// buttons once a meetup is cancelled) goes away.
type messageEdit struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	Components      []discordgo.MessageComponent      `json:"components"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
}

// Edit replaces a message the bot posted (PATCH
// /channels/{channel}/messages/{id}) with the first message r renders to:
// a card is one message. Like sending, it is tolerant of the answer: a 2xx
// is an edited message, and nothing else of it is read. A message or
// channel that is gone is a permanent error (a 404).
func (a *Adapter) Edit(ctx context.Context, ref bot.MessageRef, r bot.Reply) error {
	if ref.Channel == "" || ref.ID == "" {
		return bot.Permanent(fmt.Errorf("discord: edit: no channel or message"))
	}
	r = bot.Sanitize(r)
	ms := render(r)
	if len(ms) == 0 {
		return bot.Permanent(fmt.Errorf("discord: edit: an empty message"))
	}
	m := ms[0]
	body := messageEdit{Content: m.content, Embeds: m.embeds, Components: m.components, AllowedMentions: allowedMentions(r.Mentions)}
	if body.Embeds == nil {
		body.Embeds = []*discordgo.MessageEmbed{}
	}
	if body.Components == nil {
		body.Components = []discordgo.MessageComponent{}
	}
	endpoint := discordgo.EndpointChannelMessage(ref.Channel, ref.ID)
	err := a.retry(ctx, func() error {
		_, err := a.sess.RequestWithBucketID("PATCH", endpoint, body, discordgo.EndpointChannelMessage(ref.Channel, ""))
		return err
	})
	if err != nil {
		return fmt.Errorf("discord: edit message %s in %s: %w", ref.ID, ref.Channel, err)
	}
	return nil
}
