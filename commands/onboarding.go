package commands

import (
	"context"

	"passionbot/bot"
)

// StateStore keeps small facts (here: who has been welcomed).
type StateStore interface {
	GetState(ctx context.Context, key string) (string, error)
	SetState(ctx context.Context, key, value string) error
}

// Onboarding welcomes a member who joined, once: a DM in three lines that
// says what the bot does and asks for their interests.
func Onboarding(s StateStore) bot.RunFunc {
	return func(ctx context.Context, c *bot.Call) error {
		key := "welcomed:" + c.Event.User.Key()
		if v, err := s.GetState(ctx, key); err != nil || v != "" {
			return err
		}
		if err := s.SetState(ctx, key, "yes"); err != nil {
			return err
		}
		return c.Reply(ctx, bot.Reply{Text: c.T("onboarding.welcome")})
	}
}

func onboardingMessages() bot.Messages {
	return bot.Messages{
		"onboarding.welcome": {
			SV: "Välkommen till gemenskapen för passionsdrivna aktörer! Jag är boten här.\nFråga mig om den passionsdrivna ekonomin, se kommande träffar med `meetup list` och hitta andra med samma intressen.\nVad brinner du för? Berätta med `interests add tags:\"keramik, surdeg\"`.",
			EN: "Welcome to the community of passion-driven actors! I'm the bot here.\nAsk me about the passion-driven economy, see upcoming meetups with `meetup list`, and find others with the same interests.\nWhat are you passionate about? Tell me with `interests add tags:\"ceramics, sourdough\"`.",
		},
	}
}
