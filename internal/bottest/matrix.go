package bottest

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"passionbot/bot"
)

// Outcome is what a member sees when a privileged command acts on a member.
type Outcome int

// Outcomes of a role-matrix case.
const (
	Allowed   Outcome = iota // the command ran
	Forbidden                // the caller's role is below the command's
	Protected                // the target outranks the caller
)

func (o Outcome) String() string { return [...]string{"allowed", "forbidden", "protected"}[o] }

// MatrixCase is one privileged command tried by a caller of one role on a
// target of another.
type MatrixCase struct {
	Command        string
	Caller, Target bot.Role
	Want           Outcome
}

// RoleMatrix returns every case of the given commands (name → minimum
// role) × caller role × target role, with the outcome the rules promise:
// a caller below the command's role is refused; moderators act on members
// and organisers only; admins on everyone but admins.
func RoleMatrix(commands map[string]bot.Role) []MatrixCase {
	var out []MatrixCase
	for _, name := range slices.Sorted(maps.Keys(commands)) {
		min := commands[name]
		for _, caller := range bot.Roles() {
			for _, target := range bot.Roles() {
				want := Allowed
				switch {
				case caller < min:
					want = Forbidden
				case target == bot.RoleAdmin, target == bot.RoleModerator && caller < bot.RoleAdmin:
					want = Protected
				}
				out = append(out, MatrixCase{Command: name, Caller: caller, Target: target, Want: want})
			}
		}
	}
	return out
}

// Check reports whether reply (in Swedish) shows the case's outcome.
func (c MatrixCase) Check(reply string) error {
	forbidden := strings.Contains(reply, "kräver rollen")
	protected := strings.Contains(reply, "kan inte agera mot")
	failed := strings.Contains(reply, "gick fel")
	got := Allowed
	switch {
	case forbidden:
		got = Forbidden
	case protected:
		got = Protected
	}
	if got != c.Want || failed || strings.TrimSpace(reply) == "" {
		return fmt.Errorf("%s by %s on %s: want %s, got reply %q", c.Command, c.Caller, c.Target, c.Want, reply)
	}
	return nil
}

// Name names the case for t.Run.
func (c MatrixCase) Name() string {
	return strings.ReplaceAll(c.Command, " ", "_") + "/" + c.Caller.String() + "_on_" + c.Target.String()
}
