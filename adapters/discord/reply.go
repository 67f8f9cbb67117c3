package discord

import (
	"bytes"
	"strings"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// Discord's limits.
const (
	maxContent     = 2000
	maxButtonsRow  = 5
	maxRows        = 5
	maxCustomID    = 100
	maxButtonLabel = 80
	maxEmbedDesc   = 4096
	maxEmbedFields = 25
)

// message is one Discord message to send.
type message struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	file       *bot.File
}

// files returns the message's attachment with a fresh reader, so that a
// retried request sends the whole file again.
func (m message) files() []*discordgo.File {
	if m.file == nil {
		return nil
	}
	return []*discordgo.File{{Name: m.file.Name, ContentType: m.file.ContentType, Reader: bytes.NewReader(m.file.Data)}}
}

// render turns a core reply into Discord messages: the text split at 2,000
// characters on line boundaries, the card as an embed on the last message
// with its buttons as components.
func render(r bot.Reply) []message {
	var out []message
	// The members a reply means to ping are named first (allowed_mentions
	// lets exactly them be pinged).
	var pings []string
	for _, u := range r.Mentions {
		if u.Platform == bot.PlatformDiscord {
			pings = append(pings, "<@"+u.ID+">")
		}
	}
	if len(pings) > 0 {
		r.Text = strings.TrimSpace(strings.Join(pings, " ") + " " + r.Text)
	}
	if r.Text != "" {
		for _, chunk := range bot.Split(r.Text, maxContent) {
			out = append(out, message{content: chunk})
		}
	}
	if r.Card != nil {
		if len(out) == 0 {
			out = append(out, message{})
		}
		last := &out[len(out)-1]
		last.embeds = []*discordgo.MessageEmbed{embed(r.Card)}
		last.components = buttons(r.Card.Buttons)
	}
	if f := r.File; f != nil {
		if len(out) == 0 {
			out = append(out, message{})
		}
		out[len(out)-1].file = f
	}
	return out
}

func embed(c *bot.Card) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: clip(c.Title, 256), Description: clip(c.Body, maxEmbedDesc), Color: 0x8E44AD}
	for _, f := range c.Fields[:min(len(c.Fields), maxEmbedFields)] {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: clip(f.Name, 256), Value: clip(f.Value, 1024), Inline: f.Inline})
	}
	if c.Footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: clip(c.Footer, 2048)}
	}
	return e
}

// buttons lays buttons out in rows of five; buttons whose action does not
// fit Discord's 100-character custom id, or repeats another's, are left out
// (the card's text says what they do).
func buttons(bs []bot.Button) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	var row discordgo.ActionsRow
	seen := map[string]bool{} // Discord refuses a custom id twice in a message
	for _, b := range bs {
		if b.Action == "" || len(b.Action) > maxCustomID || seen[b.Action] {
			continue
		}
		seen[b.Action] = true
		style := discordgo.SecondaryButton
		switch b.Style {
		case bot.ButtonPrimary:
			style = discordgo.PrimaryButton
		case bot.ButtonDanger:
			style = discordgo.DangerButton
		}
		row.Components = append(row.Components, discordgo.Button{Label: clip(b.Label, maxButtonLabel), Style: style, CustomID: b.Action})
		if len(row.Components) == maxButtonsRow {
			rows = append(rows, row)
			row = discordgo.ActionsRow{}
		}
	}
	if len(row.Components) > 0 {
		rows = append(rows, row)
	}
	return rows[:min(len(rows), maxRows)]
}

// allowedMentions lets a reply ping exactly the users the bot means to,
// never @everyone, @here or a role, whatever the text says.
func allowedMentions(users []bot.User) *discordgo.MessageAllowedMentions {
	am := &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
	for _, u := range users {
		if u.Platform == bot.PlatformDiscord {
			am.Users = append(am.Users, u.ID)
		}
	}
	return am
}
