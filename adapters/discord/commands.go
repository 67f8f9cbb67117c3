package discord

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// nativeCommands turns the core's declarations into application commands:
// one top-level command per first word, the other words as subcommands.
// A bare command that shares its first word with subcommands ("learn" and
// "learn restart") is published as the subcommand "start", because Discord
// does not allow a command to have both options and subcommands. It returns
// the commands and a map from the native path ("learn start") to the core's
// command name ("learn").
func nativeCommands(cmds []*bot.Command) ([]*discordgo.ApplicationCommand, map[string]*bot.Command) {
	groups := map[string][]*bot.Command{}
	var order []string
	for _, c := range cmds {
		if c.NotNative {
			continue
		}
		w := c.Words()
		if _, ok := groups[w[0]]; !ok {
			order = append(order, w[0])
		}
		groups[w[0]] = append(groups[w[0]], c)
	}
	paths := map[string]*bot.Command{}
	var out []*discordgo.ApplicationCommand
	for _, name := range order {
		members := groups[name]
		if len(members) == 1 && len(members[0].Words()) == 1 {
			c := members[0]
			out = append(out, &discordgo.ApplicationCommand{
				Type:                     discordgo.ChatApplicationCommand,
				Name:                     name,
				Description:              clip(c.Help.EN, 100),
				DescriptionLocalizations: svLocalization(c.Help.SV),
				Options:                  options(c.Args),
			})
			paths[name] = c
			continue
		}
		top := &discordgo.ApplicationCommand{Type: discordgo.ChatApplicationCommand, Name: name}
		var subsEN, subsSV []string
		for _, c := range members {
			sub := "start"
			if w := c.Words(); len(w) > 1 {
				sub = strings.Join(w[1:], "-")
			}
			top.Options = append(top.Options, &discordgo.ApplicationCommandOption{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     clip(sub, 32),
				Description:              clip(c.Help.EN, 100),
				DescriptionLocalizations: *svLocalization(c.Help.SV),
				Options:                  options(c.Args),
			})
			paths[name+" "+sub] = c
			subsEN, subsSV = append(subsEN, sub), append(subsSV, sub)
		}
		top.Description = clip(name+": "+strings.Join(subsEN, ", "), 100)
		top.DescriptionLocalizations = svLocalization(clip(name+": "+strings.Join(subsSV, ", "), 100))
		out = append(out, top)
	}
	return out, paths
}

// options maps typed arguments to Discord option types; required options
// come first, as Discord demands. An option's name and a choice's value
// stay English (stored commands and the core read them); members whose
// Discord speaks Swedish see the Swedish names and choice words
// (name_localizations for sv-SE).
func options(args []bot.Arg) []*discordgo.ApplicationCommandOption {
	var out []*discordgo.ApplicationCommandOption
	for _, a := range args {
		o := &discordgo.ApplicationCommandOption{
			Name:                     a.Name,
			NameLocalizations:        svName(a.Name, a.NameIn(bot.LangSV)),
			Description:              clip(a.Help.EN, 100),
			DescriptionLocalizations: map[discordgo.Locale]string{discordgo.Swedish: clip(a.Help.SV, 100)},
			Required:                 a.Required,
			Type:                     discordgo.ApplicationCommandOptionString,
		}
		switch a.Kind {
		case bot.KindInt:
			o.Type = discordgo.ApplicationCommandOptionInteger
			if a.Max > a.Min {
				minV := float64(a.Min)
				if a.NoLimit {
					minV = 0 // 0 lifts the limit
				}
				o.MinValue, o.MaxValue = &minV, float64(a.Max)
			}
		case bot.KindBool:
			o.Type = discordgo.ApplicationCommandOptionBoolean
		case bot.KindUser:
			o.Type = discordgo.ApplicationCommandOptionUser
		case bot.KindChannel:
			o.Type = discordgo.ApplicationCommandOptionChannel
		case bot.KindChoice:
			for _, c := range a.Choices[:min(len(a.Choices), 25)] {
				o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: c, Value: c,
					NameLocalizations: svName(c, clip(a.ChoiceIn(bot.LangSV, c), 100))})
			}
		case bot.KindText, bot.KindRest:
			limit := a.MaxLen
			if limit == 0 || limit > 6000 {
				limit = 6000
			}
			o.MaxLength = limit
			o.Autocomplete = a.Suggest
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Required && !out[j].Required })
	return out
}

// svName is the sv-SE name localization of a name, or nil when the
// Swedish name is the same (Discord then shows the name itself).
func svName(name, sv string) map[discordgo.Locale]string {
	if sv == name {
		return nil
	}
	return map[discordgo.Locale]string{discordgo.Swedish: sv}
}

func svLocalization(s string) *map[discordgo.Locale]string {
	return &map[discordgo.Locale]string{discordgo.Swedish: clip(s, 100)}
}

// commandsHash identifies a set of native commands, to publish only changes.
func commandsHash(cmds []*discordgo.ApplicationCommand) string {
	b, _ := json.Marshal(cmds)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
