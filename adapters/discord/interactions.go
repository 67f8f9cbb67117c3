package discord

import (
	"context"
	"fmt"
	"hash/fnv"
	"net/url"

	"github.com/bwmarrin/discordgo"
)

// defaultInteractionLanes is how many rate-limit buckets the interaction
// calls share by default (Options.InteractionLanes).
//
// discordgo's own InteractionRespond, FollowupMessageCreate and friends use
// the call's URL, which holds the interaction's token, as the bucket id, and
// its rate limiter never forgets a bucket (bwmarrin/discordgo#1333): one
// bucket per slash command, forever, each keeping a token in memory; the
// soak test measured about 350 bytes per interaction. Here each
// interaction's calls go to one of a fixed set of buckets, chosen by its id:
// memory stays bounded, and one interaction's calls stay in order. A bucket
// is held for a whole round trip (and a 429's wait), so there are many
// lanes: two interactions rarely share one.
const defaultInteractionLanes = 1024

// The calls below are discordgo's, with the bucket id replaced and the
// context passed on (a stop or a handler's deadline ends the call).

// lane is the bucket id for an interaction's calls on one route.
func (a *Adapter) lane(i *discordgo.Interaction, route string) string {
	h := fnv.New32a()
	h.Write([]byte(i.ID))
	return fmt.Sprintf("interaction/%s/%d", route, h.Sum32()%uint32(a.opt.InteractionLanes))
}

// interactionCall sends body as JSON, or as multipart with files, on bucket.
func (a *Adapter) interactionCall(ctx context.Context, method, endpoint, bucket string, body any, files []*discordgo.File) error {
	if len(files) > 0 {
		contentType, raw, err := discordgo.MultipartBodyWithJSON(body, files)
		if err != nil {
			return err
		}
		_, err = a.sess.RequestRaw(method, endpoint, contentType, raw, bucket, 0, discordgo.WithContext(ctx))
		return err
	}
	_, err := a.sess.RequestWithBucketID(method, endpoint, body, bucket, discordgo.WithContext(ctx))
	return err
}

// interactionRespond is discordgo's InteractionRespond on a lane.
func (a *Adapter) interactionRespond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	var files []*discordgo.File
	if resp.Data != nil {
		files = resp.Data.Files
	}
	return a.interactionCall(ctx, "POST", discordgo.EndpointInteractionResponse(i.ID, i.Token), a.lane(i, "callback"), *resp, files)
}

// interactionEdit is discordgo's InteractionResponseEdit on a lane.
func (a *Adapter) interactionEdit(ctx context.Context, i *discordgo.Interaction, edit *discordgo.WebhookEdit) error {
	return a.interactionCall(ctx, "PATCH", discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original"), a.lane(i, "webhook"), edit, edit.Files)
}

// interactionDelete is discordgo's InteractionResponseDelete on a lane.
func (a *Adapter) interactionDelete(ctx context.Context, i *discordgo.Interaction) error {
	return a.interactionCall(ctx, "DELETE", discordgo.EndpointInteractionResponseActions(i.AppID, i.Token), a.lane(i, "webhook"), nil, nil)
}

// followup is discordgo's FollowupMessageCreate (with wait) on a lane.
func (a *Adapter) followup(ctx context.Context, i *discordgo.Interaction, p *discordgo.WebhookParams) error {
	endpoint := discordgo.EndpointWebhookToken(i.AppID, i.Token) + "?" + url.Values{"wait": {"true"}}.Encode()
	return a.interactionCall(ctx, "POST", endpoint, a.lane(i, "webhook"), p, p.Files)
}
