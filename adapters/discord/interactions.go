package discord

import (
	"context"
	"fmt"
	"hash/fnv"
	"net/url"

	"github.com/bwmarrin/discordgo"
)

// interactionLanes is how many rate-limit buckets the interaction calls
// share. discordgo's own InteractionRespond, FollowupMessageCreate and
// friends use the call's URL, which holds the interaction's token, as the
// bucket id, and its rate limiter never forgets a bucket
// (bwmarrin/discordgo#1333): one bucket per slash command, forever, each
// keeping a token in memory. The soak test measured about 350 bytes per
// interaction. Here each interaction's calls go to one of a fixed set of
// buckets, chosen by its id: memory stays bounded, one interaction's calls
// stay in order, and up to interactionLanes interactions are answered at once.
const interactionLanes = 16

// The calls below are discordgo's, with the bucket id replaced and the
// context passed on (a stop or a handler's deadline ends the call).

// lane is the bucket id for an interaction's calls on one route.
func lane(i *discordgo.Interaction, route string) string {
	h := fnv.New32a()
	h.Write([]byte(i.ID))
	return fmt.Sprintf("interaction/%s/%d", route, h.Sum32()%interactionLanes)
}

// interactionRespond is discordgo's InteractionRespond on a lane.
func (a *Adapter) interactionRespond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	bucket := lane(i, "callback")
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			return err
		}
		_, err = a.sess.RequestRaw("POST", endpoint, contentType, body, bucket, 0, discordgo.WithContext(ctx))
		return err
	}
	_, err := a.sess.RequestWithBucketID("POST", endpoint, *resp, bucket, discordgo.WithContext(ctx))
	return err
}

// interactionEdit is discordgo's InteractionResponseEdit on a lane.
func (a *Adapter) interactionEdit(ctx context.Context, i *discordgo.Interaction, edit *discordgo.WebhookEdit) error {
	endpoint := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	bucket := lane(i, "webhook")
	if len(edit.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(edit, edit.Files)
		if err != nil {
			return err
		}
		_, err = a.sess.RequestRaw("PATCH", endpoint, contentType, body, bucket, 0, discordgo.WithContext(ctx))
		return err
	}
	_, err := a.sess.RequestWithBucketID("PATCH", endpoint, edit, bucket, discordgo.WithContext(ctx))
	return err
}

// interactionDelete is discordgo's InteractionResponseDelete on a lane.
func (a *Adapter) interactionDelete(ctx context.Context, i *discordgo.Interaction) error {
	endpoint := discordgo.EndpointInteractionResponseActions(i.AppID, i.Token)
	_, err := a.sess.RequestWithBucketID("DELETE", endpoint, nil, lane(i, "webhook"), discordgo.WithContext(ctx))
	return err
}

// followup is discordgo's FollowupMessageCreate (with wait) on a lane.
func (a *Adapter) followup(ctx context.Context, i *discordgo.Interaction, p *discordgo.WebhookParams) error {
	endpoint := discordgo.EndpointWebhookToken(i.AppID, i.Token) + "?" + url.Values{"wait": {"true"}}.Encode()
	bucket := lane(i, "webhook")
	if len(p.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(p, p.Files)
		if err != nil {
			return err
		}
		_, err = a.sess.RequestRaw("POST", endpoint, contentType, body, bucket, 0, discordgo.WithContext(ctx))
		return err
	}
	_, err := a.sess.RequestWithBucketID("POST", endpoint, p, bucket, discordgo.WithContext(ctx))
	return err
}
