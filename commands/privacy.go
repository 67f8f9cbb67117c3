package commands

import (
	"context"
	"encoding/json"
	"time"

	"passionbot/bot"
)

// PrivacyStore exports and forgets a member's data.
type PrivacyStore interface {
	ExportMember(ctx context.Context, u bot.User) (map[string][]map[string]any, error)
	ForgetMember(ctx context.Context, u bot.User) error
}

// privacy exports and deletes a member's data (GDPR).
type privacy struct {
	store PrivacyStore
	loc   *time.Location // the community's: the export's times are in it
}

func newPrivacy(d Deps) *privacy { return &privacy{store: d.Store, loc: d.Location} }

// inZone puts the export's times in loc, so that the JSON shows them as
// RFC 3339 with the community's offset ("2026-11-25T18:00:00+01:00"),
// what a member reads as the time it was.
func inZone(data map[string][]map[string]any, loc *time.Location) {
	if loc == nil {
		loc = time.UTC
	}
	for _, rows := range data {
		for _, r := range rows {
			for col, v := range r {
				if t, ok := v.(time.Time); ok {
					r[col] = t.In(loc)
				}
			}
		}
	}
}

// Name names the feature.
func (*privacy) Name() string { return "privacy" }

// Commands are the feature's commands.
func (f *privacy) Commands() []*bot.Command {
	s := f.store

	return []*bot.Command{
		{Name: "mydata export", GroupSV: []string{"mina-data"}, SV: []string{"exportera"}, Group: "general", Private: true,
			Help: txt("Få allt boten har sparat om dig (JSON)", "Get everything the bot has stored about you (JSON)"),
			Run: func(ctx context.Context, c *bot.Call) error {
				data, err := s.ExportMember(ctx, c.Event.User)
				if err != nil {
					return err
				}
				inZone(data, f.loc)
				j, err := json.MarshalIndent(data, "", "  ")
				if err != nil {
					return err
				}
				return c.Reply(ctx, bot.Reply{Text: c.T("mydata.export"),
					File: &bot.File{Name: "passionbot-mydata.json", ContentType: "application/json", Data: j}})
			}},
		{Name: "mydata delete", SV: []string{"radera"}, Group: "general", Private: true,
			Help: txt("Radera allt boten har sparat om dig", "Delete everything the bot has stored about you"),
			Args: []bot.Arg{confirmArg()},
			Run: func(ctx context.Context, c *bot.Call) error {
				if c.Args.String("confirm") != "yes" {
					return c.Confirm(ctx, c.T("mydata.confirm"), c.T("mydata.confirm_button"), "mydata delete confirm:yes")
				}
				if err := s.ForgetMember(ctx, c.Event.User); err != nil {
					return err
				}
				return c.Say(ctx, "mydata.deleted")
			}},
		{Name: "member forget", GroupSV: []string{"medlem"}, SV: []string{"glöm"}, Group: "admin", Role: bot.RoleAdmin,
			Help: txt("Radera allt som sparats om en medlem (på begäran)", "Delete everything stored about a member (on request)"),
			Args: []bot.Arg{{Name: "user", SV: "användare", Kind: bot.KindUser, Required: true, Help: txt("medlemmen", "the member")}},
			Run: func(ctx context.Context, c *bot.Call) error {
				u := target(c, "user")
				if err := targetAllowed(ctx, c, u); err != nil {
					return err
				}
				if err := s.ForgetMember(ctx, u); err != nil {
					return err
				}
				return c.Say(ctx, "mydata.forgotten", u.ID)
			}},
	}
}

// Messages are the feature's texts.
func (*privacy) Messages() bot.Messages {
	return bot.Messages{
		"mydata.export":         {SV: "Det här är allt jag har sparat om dig, tabell för tabell:", EN: "This is everything I have stored about you, table by table:"},
		"mydata.confirm":        {SV: "Det här raderar din profil, roll, kursframsteg, dina svar på träffar, din kalenderlänk och dina inloggningar på webbpanelen. Träffar och svar du skrivit för andra finns kvar utan ditt namn. Bekräfta med knappen eller `mina-data radera bekräfta:ja`.", EN: "This deletes your profile, role, course progress, your meetup answers, your calendar link and your web dashboard sign-ins. Meetups and answers you wrote for others stay, without your name. Confirm with the button or `mydata delete confirm:yes`."},
		"mydata.confirm_button": {SV: "Radera mina uppgifter", EN: "Delete my data"},
		"mydata.deleted":        {SV: "Klart: allt jag hade sparat om dig är raderat.", EN: "Done: everything I had stored about you is deleted."},
		"mydata.forgotten":      {SV: "Allt som sparats om %s är raderat.", EN: "Everything stored about %s is deleted."},
	}
}
