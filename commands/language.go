package commands

import (
	"context"

	"passionbot/bot"
)

// language lets a member choose the language the bot answers in.
type language struct {
	store LocaleStore
}

func newLanguage(d Deps) *language { return &language{store: d.Store} }

// Name names the feature.
func (*language) Name() string { return "language" }

// Commands are the feature's commands.
func (f *language) Commands() []*bot.Command {
	s := f.store

	return []*bot.Command{{
		Name:    "language",
		Aliases: []string{"språk", "sprak"},
		Group:   "general",
		Help:    bot.Text{SV: "Välj vilket språk jag svarar dig på", EN: "Choose the language I answer you in"},
		Args: []bot.Arg{{Name: "lang", SV: "språk", Kind: bot.KindChoice, Required: true, Choices: []string{"sv", "en", "auto"},
			ChoicesSV: map[string][]string{"sv": langWords()["sv"], "en": langWords()["en"], "auto": {"auto", "automatiskt"}},
			Help:      bot.Text{SV: "svenska (sv), engelska (en) eller auto (som du skriver)", EN: "sv (Swedish), en (English) or auto (as you write)"}}},
		Examples:  []string{"language en", "språk sv"},
		Ephemeral: true,
		Run: func(ctx context.Context, c *bot.Call) error {
			l := c.Args.String("lang")
			if l == "auto" {
				l = ""
			}
			if err := s.SetLocale(ctx, c.Event.User, l); err != nil {
				return err
			}
			// Answer in the language the member gets from now on: with
			// auto, the platform's locale, else the language they last
			// wrote in (the command's own words tell nothing).
			c.Member.Locale = l
			ev := c.Event
			ev.Text = ""
			c.Lang = c.Bot().Language(c.Member, ev)
			if l == "" {
				return c.Say(ctx, "language.auto")
			}
			return c.Say(ctx, "language.set")
		},
	}}
}

// Messages are the feature's texts.
func (*language) Messages() bot.Messages {
	return bot.Messages{
		"language.set":  {SV: "Klart: jag svarar dig på svenska. En fråga som tydligt är på engelska får ändå svar på engelska.", EN: "Done: I will answer you in English. A question clearly asked in Swedish still gets a Swedish answer."},
		"language.auto": {SV: "Klart: jag svarar på det språk du skriver på.", EN: "Done: I will answer in the language you write in."},
	}
}
