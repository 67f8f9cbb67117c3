package commands_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMessagesComplete(t *testing.T) {
	h := bottest.New(t)
	for _, f := range h.App.Features.List() {
		for _, err := range f.Messages().Check() {
			t.Errorf("feature %s: %v", f.Name(), err)
		}
	}
	// Every capability a command needs has a name in both languages.
	for _, c := range h.Bot.Registry().Commands() {
		for _, need := range c.Needs {
			for _, l := range []string{"sv", "en"} {
				if s := h.Bot.Catalog().T(l, "cap."+need.Name()); strings.HasPrefix(s, "[[") {
					t.Errorf("command %q: capability %s has no %s name", c.Name, need.Name(), l)
				}
			}
		}
	}
	// Every help group used by a command has a name in both languages.
	for _, c := range h.Bot.Registry().Commands() {
		for _, l := range []string{"sv", "en"} {
			if s := h.Bot.Catalog().T(l, "group."+c.Group); strings.HasPrefix(s, "[[") {
				t.Errorf("command %q: group %q has no %s name", c.Name, c.Group, l)
			}
		}
	}
}

// TestRoleMatrix runs every declared command as every role: it is allowed
// exactly when the role is high enough, and every refusal says which role
// is needed.
func TestRoleMatrix(t *testing.T) {
	h := bottest.New(t)
	for _, c := range h.Bot.Registry().Commands() {
		for _, r := range bot.Roles() {
			u := h.Member("m-"+r.String(), r)
			got := h.SayIn(u, "en", c.Name)
			refused := strings.Contains(got, "needs the role")
			switch {
			case r >= c.Role && refused:
				t.Errorf("%s as %s refused: %q", c.Name, r, got)
			case r < c.Role && !refused:
				t.Errorf("%s as %s allowed: %q", c.Name, r, got)
			case r < c.Role && !strings.Contains(got, "needs the role "+h.Bot.Catalog().T("en", c.Role.MessageKey())+", and you are "+h.Bot.Catalog().T("en", r.MessageKey())):
				t.Errorf("%s as %s: refusal does not explain: %q", c.Name, r, got)
			}
			list := h.SayIn(u, "en", "help")
			if listed := strings.Contains(list, "`"+c.Name+"` —"); listed != (r >= c.Role) {
				t.Errorf("help as %s lists %s = %v", r, c.Name, listed)
			}
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./commands -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}

func TestHelpGolden(t *testing.T) {
	h := bottest.New(t)
	for _, lang := range []string{"sv", "en"} {
		for _, role := range []bot.Role{bot.RoleMember, bot.RoleAdmin} {
			u := h.Member("g-"+role.String(), role)
			golden(t, "help-"+role.String()+"."+lang, h.SayIn(u, lang, "help"))
		}
		admin := h.Member("g-admin", bot.RoleAdmin)
		golden(t, "help-role-grant."+lang, h.SayIn(admin, lang, "help role grant"))
		golden(t, "help-role."+lang, h.SayIn(admin, lang, "help role"))
	}
}

func TestHelpAliasesAndUnknown(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "hjälp"); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("hjälp = %q", got)
	}
	if got := h.Say(kim, "hjälp role grant"); got != "Det finns inget kommando `role grant` som du kan använda." {
		t.Fatalf("help for a command above one's role = %q", got)
	}
	if got := h.SayIn(kim, "en", "help `nonsense`"); !strings.Contains(got, "There is no command `'nonsense'`") {
		t.Fatalf("help nonsense = %q", got)
	}
	// A sentence after help, and help with a sentence's punctuation: the
	// list, not "no command `me get started`" or "unknown command help!".
	for _, text := range []string{"help me get started", "Hjälp!", "help?", "hjälp mig komma igång", "hjälp mig", "help me", "help please"} {
		if got := h.Say(kim, text); !strings.Contains(got, "Kommandon du kan använda") && !strings.Contains(got, "Commands you can use") {
			t.Errorf("%q = %q", text, got)
		}
	}
}

func TestRoleCommands(t *testing.T) {
	h := bottest.New(t)
	ada := h.Member("ada", bot.RoleAdmin)
	if got := h.Say(ada, "role list"); !strings.Contains(got, "Inga roller") {
		t.Fatalf("empty list = %q", got)
	}
	h.Say(ada, "role grant kim organiser")
	h.Say(ada, `role grant user:"bo" role:moderator`)
	got := h.SayIn(ada, "en", "role list")
	if !strings.Contains(got, "- bo: moderator\n- kim: organiser") {
		t.Fatalf("list = %q", got)
	}
	if got := h.Say(ada, "role revoke nobody"); got != "nobody har ingen roll i databasen att ta bort." {
		t.Fatalf("revoke nobody = %q", got)
	}
	if got := h.Say(ada, "role grant kim"); !strings.Contains(got, "`roll` saknas") || !strings.Contains(got, "Användning: `roll ge användare:<användare> roll:arrangör|moderator|admin`") {
		t.Fatalf("missing role = %q", got)
	}
}

// TestQuestionOpeningWithACommandName: "kurs på engelska?" opens with the
// course's Swedish name but asks a question; it is answered, not refused
// with "too many arguments". Without a question mark the command's own
// error stands.
func TestQuestionOpeningWithACommandName(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.SayIn(kim, "sv", "kurs på engelska?"); strings.Contains(got, "för många argument") || !strings.Contains(got, "kurs") {
		t.Errorf("kurs på engelska? = %q", got)
	}
	if got := h.SayIn(kim, "sv", "kurs 5 6"); !strings.Contains(got, "för många argument") {
		t.Errorf("kurs 5 6 = %q", got)
	}
}

// TestGroupWordTypo: "intresen lägg till kaffe" (a typo in the group word)
// is a command mistyped, not a question for the knowledge base.
func TestGroupWordTypo(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for line, want := range map[string]string{"intresen lägg till kaffe": "`intressen lägg till`", "intresen topp": "`intressen topp`"} {
		if got := h.SayIn(kim, "sv", line); !strings.Contains(got, "Menade du "+want) {
			t.Errorf("%q = %q", line, got)
		}
	}
}
