package commands

import (
	"context"
	"strings"
	"unicode"

	"passionbot/bot"
)

// help answers what the bot can do for the member asking.
type help struct{}

func newHelp(Deps) *help { return &help{} }

// Name names the feature.
func (*help) Name() string { return "help" }

// Commands are help's.
func (*help) Commands() []*bot.Command {
	return []*bot.Command{{
		Name:    "help",
		Aliases: []string{"hjälp", "hjalp"},
		Group:   "general",
		Help:    bot.Text{SV: "Visa vad jag kan, eller hur ett kommando används", EN: "Show what I can do, or how a command is used"},
		Args: []bot.Arg{{Name: "command", SV: "kommando", Kind: bot.KindRest, MaxLen: 100,
			Help: bot.Text{SV: "kommandot du vill veta mer om", EN: "the command you want to know more about"}}},
		Examples:  []string{"help", "help role grant"},
		Ephemeral: true,
		Run: func(ctx context.Context, c *bot.Call) error {
			b := c.Bot()
			if q := strings.Fields(c.Args.String("command")); len(q) > 0 {
				text, ok := b.HelpFor(c.Lang, c.Role, q)
				if _, first := b.HelpFor(c.Lang, bot.RoleAdmin, q[:1]); !ok && !first && isWord(q[0]) && (len(q) > 1 || helpMe[strings.ToLower(q[0])]) {
					// "help me get started", "hjälp mig komma igång",
					// "hjälp mig": a sentence, not a command's name.
					text = b.HelpList(c.Lang, c.Role)
				}
				return c.Reply(ctx, bot.Reply{Text: text})
			}
			return c.Reply(ctx, bot.Reply{Text: b.HelpList(c.Lang, c.Role)})
		},
	}}
}

// Messages name the help groups.
func (*help) Messages() bot.Messages {
	return bot.Messages{
		"group.general": {SV: "Allmänt", EN: "General"},
		"group.admin":   {SV: "Administration", EN: "Administration"},
	}
}

// helpMe are the words that after "help" ask for help, not about a
// command ("hjälp mig", "help please").
var helpMe = map[string]bool{"mig": true, "me": true, "oss": true, "us": true, "please": true, "snälla": true,
	"pls": true, "plz": true, "tack": true}

// isWord reports whether s is made of letters only ("me", "mig"), as the
// first word of a sentence is.
func isWord(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}
