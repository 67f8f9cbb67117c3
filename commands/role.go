package commands

import (
	"context"
	"fmt"
	"strings"

	"passionbot/bot"
)

// roles lets admins grant and revoke roles.
type roles struct {
	store RoleStore
}

func newRoles(d Deps) *roles { return &roles{store: d.Store} }

// Name names the feature.
func (*roles) Name() string { return "role" }

// Commands are the feature's commands.
func (f *roles) Commands() []*bot.Command {
	s := f.store

	userArg := bot.Arg{Name: "user", SV: "användare", Kind: bot.KindUser, Required: true,
		Help: bot.Text{SV: "medlemmen", EN: "the member"}}
	return []*bot.Command{
		{
			Name: "role grant", GroupSV: []string{"roll"}, SV: []string{"ge"},
			Group: "admin",
			Help:  bot.Text{SV: "Ge en medlem en roll", EN: "Give a member a role"},
			Args: []bot.Arg{userArg, {Name: "role", SV: "roll", Kind: bot.KindChoice, Required: true,
				Choices:   []string{"organiser", "moderator", "admin"},
				ChoicesSV: map[string][]string{"organiser": {"arrangör", "organisatör"}, "admin": {"admin", "administratör"}},
				Help:      bot.Text{SV: "rollen: arrangör, moderator eller admin", EN: "the role: organiser, moderator or admin"}}},
			Examples: []string{"role grant user:kim role:organiser"},
			Role:     bot.RoleAdmin,
			Run: func(ctx context.Context, c *bot.Call) error {
				u := target(c, "user")
				r, err := bot.ParseRole(c.Args.String("role"))
				if err != nil {
					return err
				}
				if err := s.GrantRole(ctx, u, r, c.Event.User); err != nil {
					return err
				}
				return c.Say(ctx, "role.granted", u.ID, c.T(r.MessageKey()))
			},
		},
		{
			Name: "role revoke", SV: []string{"återkalla"},
			Group:    "admin",
			Help:     bot.Text{SV: "Ta bort en roll som getts med `roll ge`", EN: "Remove a role given with role grant"},
			Args:     []bot.Arg{userArg},
			Examples: []string{"role revoke user:kim"},
			Role:     bot.RoleAdmin,
			Run: func(ctx context.Context, c *bot.Call) error {
				u := target(c, "user")
				had, err := s.RevokeRole(ctx, u)
				if err != nil {
					return err
				}
				if !had {
					return c.Refuse("role.none", u.ID)
				}
				return c.Say(ctx, "role.revoked", u.ID)
			},
		},
		{
			Name: "role list", SV: []string{"lista"},
			Group:   "admin",
			Help:    bot.Text{SV: "Visa roller som getts i databasen", EN: "List the roles given in the database"},
			Role:    bot.RoleAdmin,
			Private: true,
			Run: func(ctx context.Context, c *bot.Call) error {
				gs, err := s.Grants(ctx, c.Event.Platform)
				if err != nil {
					return err
				}
				if len(gs) == 0 {
					return c.Say(ctx, "role.empty")
				}
				var b strings.Builder
				b.WriteString(c.T("role.list_title"))
				for _, g := range gs {
					name := g.User.ID
					if g.User.Name != "" && g.User.Name != g.User.ID {
						name = fmt.Sprintf("%s (%s)", g.User.Name, g.User.ID)
					}
					fmt.Fprintf(&b, "\n- %s: %s", bot.Quote(name, 80), c.T(g.Role.MessageKey()))
				}
				return c.Reply(ctx, bot.Reply{Text: b.String()})
			},
		},
	}
}

// Messages are the feature's texts.
func (*roles) Messages() bot.Messages {
	return bot.Messages{
		"role.granted":    {SV: "%s har nu rollen %s.", EN: "%s now has the role %s."},
		"role.revoked":    {SV: "%s har inte längre någon roll från databasen.", EN: "%s no longer has a role from the database."},
		"role.none":       {SV: "%s har ingen roll i databasen att ta bort.", EN: "%s has no role in the database to remove."},
		"role.empty":      {SV: "Inga roller har getts ännu. Plattformens egna roller och [roles] i konfigurationen gäller också.", EN: "No roles have been given yet. The platform's own roles and [roles] in the configuration apply too."},
		"role.list_title": {SV: "**Roller i databasen**", EN: "**Roles in the database**"},
	}
}
