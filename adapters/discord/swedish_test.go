package discord_test

import (
	"strings"
	"testing"

	"passionbot/internal/discordfake"
)

// The published commands carry the Swedish names and choice words as
// sv-SE localizations; the option names and values stay English, so a
// slash command that Discord sends (always with the English names) works
// as before, and the answer is in the member's language.
func TestSwedishLocalizationsPublished(t *testing.T) {
	e := start(t, setup{})
	options := map[string]discordfake.CommandOption{} // "meetup rsvp answer" → option
	for _, c := range e.fake.Commands(e.guild.ID) {
		for _, o := range c.Options {
			if o.Type == discordfake.OptSubCommand {
				for _, so := range o.Options {
					options[c.Name+" "+o.Name+" "+so.Name] = so
				}
				continue
			}
			options[c.Name+" "+o.Name] = o
		}
	}
	for path, sv := range map[string]string{
		"meetup create title": "titel", "meetup create when": "när", "meetup rsvp answer": "svar",
		"role grant user": "användare", "role grant role": "roll", "profile set visibility": "synlighet", "language lang": "språk",
	} {
		o, ok := options[path]
		if !ok {
			t.Errorf("no option %q", path)
			continue
		}
		if o.NameLocalizations["sv-SE"] != sv || strings.HasPrefix(path, "role") && o.Name != strings.Fields(path)[2] {
			t.Errorf("%s: name %q, sv-SE %q, want %q", path, o.Name, o.NameLocalizations["sv-SE"], sv)
		}
	}
	if o := options["meetup rsvp id"]; o.NameLocalizations != nil {
		t.Errorf("a name that is the same in Swedish is localized anyway: %v", o.NameLocalizations)
	}
	choices := map[string]string{}
	for _, ch := range options["role grant role"].Choices {
		choices[ch.Value.(string)] = ch.NameLocalizations["sv-SE"]
	}
	if choices["organiser"] != "arrangör" || choices["admin"] != "" {
		t.Errorf("role choices in Swedish: %v", choices)
	}
	for _, ch := range options["profile set visibility"].Choices {
		if ch.Value == "hidden" && (ch.Name != "hidden" || ch.NameLocalizations["sv-SE"] != "dold") {
			t.Errorf("hidden choice = %+v", ch)
		}
	}

	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.admin, CommandName: "role", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("grant", discordfake.UserOpt("user", e.kim.ID), discordfake.Str("role", "organiser"))}})
	if r := e.response(t, id); r.Data.Content != e.kim.ID+" har nu rollen arrangör." {
		t.Fatalf("/role grant with English option names = %q", r.Data.Content)
	}
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "language", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Str("lang", "en")}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "English") {
		t.Fatalf("/language lang:en = %q", r.Data.Content)
	}
	// Text commands on Discord take the Swedish names too.
	mention(e, e.admin, "role grant användare:moa roll:moderator")
	if ms := e.messages(t, 1); !strings.Contains(ms[0].Content, "har nu rollen moderator") {
		t.Fatalf("text command with Swedish names = %q", ms[0].Content)
	}
}
