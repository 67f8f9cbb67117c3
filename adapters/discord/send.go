package discord

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// Send posts a message the bot starts itself, to a channel or (Target.User)
// to a member's DMs.
func (a *Adapter) Send(ctx context.Context, to bot.Target, r bot.Reply) (bot.MessageRef, error) {
	channel := to.Channel
	if to.User != "" {
		var dm *discordgo.Channel
		err := a.retry(ctx, func() (err error) {
			dm, err = a.sess.UserChannelCreate(to.User)
			return err
		})
		if err != nil {
			return bot.MessageRef{}, fmt.Errorf("discord: open DM with %s: %w", to.User, err)
		}
		channel = dm.ID
	}
	if channel == "" {
		return bot.MessageRef{}, fmt.Errorf("discord: send: no channel or user")
	}
	last, err := a.send(ctx, channel, bot.Sanitize(r), nil)
	return bot.MessageRef{Channel: channel, ID: last}, err
}

// sendChannel answers in a channel, as a reply to ref when given.
func (a *Adapter) sendChannel(ctx context.Context, channel string, r bot.Reply, ref *discordgo.MessageReference) error {
	_, err := a.send(ctx, channel, r, ref)
	return err
}

// send posts every chunk of a reply; it returns the last message's id.
func (a *Adapter) send(ctx context.Context, channel string, r bot.Reply, ref *discordgo.MessageReference) (string, error) {
	am := allowedMentions(r.Mentions)
	key := r.Nonce
	if key == "" {
		var b [12]byte
		rand.Read(b[:])
		key = hex.EncodeToString(b[:])
	}
	last := ""
	for i, m := range render(r) {
		data := &discordgo.MessageSend{Content: m.content, Embeds: m.embeds, Components: m.components, AllowedMentions: am}
		if i == 0 && ref != nil {
			data.Reference = ref
		}
		// Every message carries a nonce with enforce_nonce, so a retry after a
		// lost answer (timeout, dropped connection) cannot post it twice.
		var id string
		err := a.retry(ctx, func() (err error) {
			if m.file != nil {
				// Files go as multipart, which has no nonce: a retry
				// after a lost answer could post the file twice.
				id, err = a.sendFiles(channel, data, m.files())
				return err
			}
			id, err = a.sendWithNonce(channel, data, nonce(key, i))
			return err
		})
		if err != nil {
			return last, fmt.Errorf("discord: send to %s: %w", channel, err)
		}
		last = id
	}
	return last, nil
}

// nonceMessage is a message create with Discord's nonce and enforce_nonce,
// which discordgo's MessageSend lacks.
type nonceMessage struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce"`
	EnforceNonce bool   `json:"enforce_nonce"`
}

// sendWithNonce posts a message that Discord creates at most once for the
// nonce (within a few minutes): a retry after a crash between sending and
// recording the delivery gets the first message back instead of a second.
// It returns the message's id; a 2xx is a delivered message (messageID).
func (a *Adapter) sendWithNonce(channel string, data *discordgo.MessageSend, n string) (string, error) {
	endpoint := discordgo.EndpointChannelMessages(channel)
	body, err := a.sess.RequestWithBucketID("POST", endpoint, nonceMessage{MessageSend: data, Nonce: n, EnforceNonce: true}, endpoint)
	if err != nil {
		return "", err
	}
	return a.messageID(body), nil
}

// sendFiles posts a message with attachments (multipart) and returns its
// id, reading nothing else of the answer.
func (a *Adapter) sendFiles(channel string, data *discordgo.MessageSend, files []*discordgo.File) (string, error) {
	endpoint := discordgo.EndpointChannelMessages(channel)
	contentType, body, err := discordgo.MultipartBodyWithJSON(data, files)
	if err != nil {
		return "", err
	}
	answer, err := a.sess.RequestRaw("POST", endpoint, contentType, body, endpoint, 0)
	if err != nil {
		return "", err
	}
	return a.messageID(answer), nil
}

// nonce derives the nonce of a reply's i-th message: at most 25 characters.
func nonce(key string, i int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s#%d", key, i)))
	return hex.EncodeToString(sum[:])[:25]
}
