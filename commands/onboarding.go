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

// onboarding welcomes a member who joined, once: a DM in three lines that
// says what the bot does and asks for their interests.
type onboarding struct{ state StateStore }

func newOnboarding(d Deps) *onboarding { return &onboarding{state: d.Store} }

// Name names the feature.
func (*onboarding) Name() string { return "onboarding" }

// Commands: onboarding has none; it answers joins (OnJoin).
func (*onboarding) Commands() []*bot.Command { return nil }

// OnJoin is the welcome, for bot.Options.OnJoin.
func (f *onboarding) OnJoin() bot.RunFunc {
	s := f.state
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

// Messages are the feature's texts.
func (*onboarding) Messages() bot.Messages {
	return bot.Messages{
		"onboarding.welcome": {
			SV: "Välkommen till gemenskapen för passionsdrivna aktörer! Jag är boten här.\nFråga mig om den passionsdrivna ekonomin, se kommande träffar med `träff lista` och hitta andra med samma intressen.\nVad brinner du för? Berätta med `intressen lägg till intressen:\"keramik, surdeg\"`.",
			EN: "Welcome to the community of passion-driven actors! I'm the bot here.\nAsk me about the passion-driven economy, see upcoming meetups with `meetup list`, and find others with the same interests.\nWhat are you passionate about? Tell me with `interests add tags:\"ceramics, sourdough\"`.",
		},
	}
}
