package commands

import (
	"context"
	"maps"
	"strings"

	"passionbot/bot"
	"passionbot/storage"
)

func profileCommands(s InterestStore, ls LocaleStore) []*bot.Command {
	text := func(name, svName, sv, en string) bot.Arg {
		return bot.Arg{Name: name, SV: svName, Kind: bot.KindText, MaxLen: 300, RunsOn: bot.AnyWord, Help: txt(sv, en)}
	}
	return []*bot.Command{
		{Name: "profile", GroupSV: []string{"profil"}, Group: "members",
			Help: txt("Visa din eller en medlems profil", "Show your or a member's profile"),
			Args: []bot.Arg{{Name: "user", SV: "användare", Kind: bot.KindUser, Help: txt("medlemmen (standard: du)", "the member (default: you)")}},
			Run: func(ctx context.Context, c *bot.Call) error {
				u := c.Event.User
				if c.Args.Has("user") {
					u = target(c, "user")
				}
				p, err := s.Profile(ctx, u)
				if err != nil {
					return err
				}
				self := u.ID == c.Event.User.ID
				if !self && !p.Known {
					return c.Refuse("profile.no_member", bot.Quote(u.ID, 40))
				}
				if !self && !storage.VisibleTo(p.Visibility, c.Role) {
					return c.Refuse("profile.hidden", u.ID)
				}
				interests, err := s.Interests(ctx, u)
				if err != nil {
					return err
				}
				name := p.User.Name
				if name == "" {
					name = u.ID
				}
				card := &bot.Card{Title: name}
				add := func(key, value string) {
					if value != "" {
						card.Fields = append(card.Fields, bot.Field{Name: c.T(key), Value: value})
					}
				}
				if p.Drive != "" {
					add("profile.drive", c.T("profile.drive_"+p.Drive))
				}
				add("profile.about", p.About)
				add("profile.region", p.Region)
				add("profile.offers", p.Offers)
				add("profile.needs", p.Needs)
				add("profile.interests", joinTags(interests))
				if self {
					add("profile.visibility", c.T("profile.vis_"+p.Visibility))
					card.Footer = c.T("profile.hint")
				}
				return c.Reply(ctx, bot.Reply{Card: card, Ephemeral: self})
			}},
		{Name: "profile set", SV: []string{"ändra"}, Group: "members", Ephemeral: true,
			Help: txt("Ändra din profil", "Change your profile"),
			Args: []bot.Arg{
				{Name: "drive", SV: "drivkraft", Kind: bot.KindChoice, Choices: []string{"passion", "market", "both"},
					ChoicesSV: map[string][]string{"market": {"marknad"}, "both": {"båda", "bägge"}}, Help: txt("passionsdriven, marknadsdriven eller båda", "passion-driven, market-driven or both")},
				text("about", "om", "om dig", "about you"),
				text("region", "", "var du finns", "where you are"),
				text("offers", "erbjuder", "vad du kan erbjuda (en brännugn, ett marknadsstånd…)", "what you can offer (a kiln, a market stall…)"),
				text("needs", "behöver", "vad du behöver (lokala råvaror, en webbutik…)", "what you need (local ingredients, a web shop…)"),
				{Name: "lang", SV: "språk", Kind: bot.KindChoice, Choices: []string{"sv", "en"}, ChoicesSV: langWords(), Help: txt("ditt språk", "your language")},
				{Name: "visibility", SV: "synlighet", Kind: bot.KindChoice, Choices: []string{storage.VisibilityMembers, storage.VisibilityOrganisers, storage.VisibilityHidden},
					ChoicesSV: map[string][]string{storage.VisibilityMembers: {"medlemmar", "alla"}, storage.VisibilityOrganisers: {"arrangörer"}, storage.VisibilityHidden: {"dold", "dolt", "gömd"}}, Help: txt("vem som ser din profil och dina intressen", "who sees your profile and interests")},
			},
			Examples: []string{`profile set drive:passion offers:"en brännugn" visibility:members`},
			Run: func(ctx context.Context, c *bot.Call) error {
				p, err := s.Profile(ctx, c.Event.User)
				if err != nil {
					return err
				}
				changed := false
				for name, dst := range map[string]*string{"drive": &p.Drive, "about": &p.About, "region": &p.Region, "offers": &p.Offers, "needs": &p.Needs, "visibility": &p.Visibility} {
					if c.Args.Has(name) {
						*dst, changed = strings.TrimSpace(c.Args.String(name)), true
					}
				}
				if c.Args.Has("lang") {
					if err := ls.SetLocale(ctx, c.Event.User, c.Args.String("lang")); err != nil {
						return err
					}
					c.Lang, changed = c.Args.String("lang"), true
				}
				if !changed {
					return c.Refuse("profile.nothing")
				}
				p.User = c.Event.User
				if err := s.SaveProfile(ctx, p); err != nil {
					return err
				}
				return c.Say(ctx, "profile.saved")
			}},
	}
}

// Messages are the interest, interest channel and profile texts.
func (f *interests) Messages() bot.Messages {
	m := bot.Messages{
		"group.members":              {SV: "Medlemmar och intressen", EN: "Members and interests"},
		"interests.none":             {SV: "Du har inga intressen ännu. Lägg till med `intressen lägg till intressen:\"keramik, surdeg\"`.", EN: "You have no interests yet. Add some with `interests add tags:\"ceramics, sourdough\"`."},
		"interests.mine":             {SV: "Dina intressen: %s", EN: "Your interests: %s"},
		"interests.added":            {SV: "Tillagt: %s.", EN: "Added: %s."},
		"interests.commas":           {SV: "Det blev ett enda intresse. Menade du flera? Skilj dem åt med kommatecken: `intressen lägg till %s` (och ta bort det här med `intressen ta bort`).", EN: "That is one single interest. Did you mean several? Separate them with commas: `interests add %s` (and remove this one with `interests remove`)."},
		"interests.removed_none":     {SV: "Du hade inte %s bland dina intressen; `intressen` visar dem du har.", EN: "%s was not among your interests; `interests` shows the ones you have."},
		"interests.removed.one":      {SV: "%d intresse borttaget.", EN: "%d interest removed."},
		"interests.removed.other":    {SV: "%d intressen borttagna.", EN: "%d interests removed."},
		"interests.too_many_at_once": {SV: "Det är %d intressen på en gång; högst %d åt gången.", EN: "That is %d interests at once; at most %d at a time."},
		"interests.too_many":         {SV: "Du kan ha högst %d intressen. Ta bort några först med `intressen ta bort`.", EN: "You can have at most %d interests. Remove some first with `interests remove`."},
		"interests.too_long":         {SV: "`%s` är för långt för ett intresse (högst %d tecken).", EN: "`%s` is too long for an interest (at most %d characters)."},
		"interests.none_valid":       {SV: "Jag hittade inget intresse i det; skriv ord, åtskilda med kommatecken.", EN: "I found no interest in that; write words, separated by commas."},
		"interests.who.one":          {SV: "%s: %d medlem – %s", EN: "%s: %d member – %s"},
		"interests.who.other":        {SV: "%s: %d medlemmar – %s", EN: "%s: %d members – %s"},
		"interests.who_none":         {SV: "Ingen (som syns) har intresset %s ännu.", EN: "Nobody (visible) has the interest %s yet."},
		"interests.ask_none":         {SV: "Ingen (som syns) har lagt till intresset %s ännu. Lägg till det själv med `intressen lägg till %s`, så kan andra som gillar samma sak hitta dig.", EN: "Nobody (visible) has added the interest %s yet. Add it yourself with `interests add %s`, so that others who like the same can find you."},
		"interests.ask_only_you":     {SV: "Än så länge är det bara du (som syns) som har intresset %s. När fler lägger till det hittar ni varandra med `intressen vilka`.", EN: "So far only you (of those visible) have the interest %s. When others add it, you find each other with `interests who`."},
		"interests.ask_hint":         {SV: "Samma lista när du vill: `intressen vilka %s` · lägg till dina egna med `intressen lägg till`.", EN: "The same list whenever you like: `interests who %s` · add your own with `interests add`."},
		"interests.top_none":         {SV: "Ingen har lagt till intressen ännu.", EN: "Nobody has added interests yet."},
		"interests.top_title":        {SV: "**Vanligaste intressena**", EN: "**Most common interests**"},
		"profile.no_member":          {SV: "Jag känner ingen medlem `%s`: ingen med det namnet har skrivit till mig. Nämn personen (@namn) eller kontrollera stavningen.", EN: "I know no member `%s`: no one by that name has written to me. Mention the person (@name) or check the spelling."},
		"profile.hidden":             {SV: "%s visar inte sin profil.", EN: "%s does not show their profile."},
		"profile.drive":              {SV: "Drivkraft", EN: "Drive"},
		"profile.drive_passion":      {SV: "passionsdriven", EN: "passion-driven"},
		"profile.drive_market":       {SV: "marknadsdriven", EN: "market-driven"},
		"profile.drive_both":         {SV: "både och", EN: "both"},
		"profile.about":              {SV: "Om", EN: "About"},
		"profile.region":             {SV: "Region", EN: "Region"},
		"profile.offers":             {SV: "Erbjuder", EN: "Offers"},
		"profile.needs":              {SV: "Behöver", EN: "Needs"},
		"profile.interests":          {SV: "Intressen", EN: "Interests"},
		"profile.visibility":         {SV: "Syns för", EN: "Visible to"},
		"profile.vis_members":        {SV: "alla medlemmar", EN: "all members"},
		"profile.vis_organisers":     {SV: "bara arrangörer", EN: "organisers only"},
		"profile.vis_hidden":         {SV: "ingen", EN: "nobody"},
		"profile.hint":               {SV: "Ändra med `profil ändra`.", EN: "Change it with `profile set`."},
		"profile.nothing":            {SV: "Ange vad som ska ändras: `drive`, `about`, `region`, `offers`, `needs`, `lang` eller `visibility`.", EN: "Say what to change: `drive`, `about`, `region`, `offers`, `needs`, `lang` or `visibility`."},
		"profile.saved":              {SV: "Din profil är sparad.", EN: "Your profile is saved."},
	}
	maps.Copy(m, f.groups.messages())
	return m
}
