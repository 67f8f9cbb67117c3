package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

var txt = bot.Text{SV: "test", EN: "test"}

func TestUnknownCommandSuggestsNearest(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleAdmin)
	got := h.Say(kim, "hlep")
	if !strings.Contains(got, "Jag känner inte till kommandot `hlep`") || !strings.Contains(got, "Menade du `help`?") {
		t.Fatalf("reply = %q", got)
	}
	got = h.SayIn(kim, "en", "role lsit")
	if !strings.Contains(got, "Did you mean `role list`?") {
		t.Fatalf("reply = %q", got)
	}
	// Free text far from any command is a question, not a typo.
	got = h.Say(kim, "xyzzy plugh?")
	if strings.Contains(got, "Menade du") || !strings.Contains(got, "Det vet jag inte än") {
		t.Fatalf("far-off words: %q", got)
	}
	// Without a question handler, unknown text is an unknown command.
	plain := bottest.New(t, bottest.WithOptions(func(o *bot.Options) { o.Fallback = nil }))
	got = plain.Say(kim, "xyzzy plugh")
	if got != "Jag känner inte till kommandot `xyzzy plugh`. Skriv `hjälp` för att se vad jag kan." {
		t.Fatalf("unknown command without fallback: %q", got)
	}
}

func TestPanicBecomesPoliteReplyAndBotKeepsRunning(t *testing.T) {
	var logs bytes.Buffer
	h := bottest.New(t,
		bottest.WithCommands(&bot.Command{Name: "boom", Group: "general", Help: txt, Run: func(context.Context, *bot.Call) error {
			panic("boom: a bug in a handler")
		}}),
		bottest.WithOptions(func(o *bot.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) }))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "boom"); !strings.Contains(got, "Något gick fel hos mig") {
		t.Fatalf("panic reply = %q", got)
	}
	if !strings.Contains(logs.String(), "handler panic") || !strings.Contains(logs.String(), "goroutine") {
		t.Fatalf("panic not logged with a stack trace: %s", logs.String())
	}
	if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("bot did not keep running: %q", got)
	}
}

func TestHandlerErrorIsExplained(t *testing.T) {
	var logs bytes.Buffer
	h := bottest.New(t,
		bottest.WithCommands(
			&bot.Command{Name: "fail", Group: "general", Help: txt, Run: func(context.Context, *bot.Call) error {
				return errors.New("disk on fire: secret detail")
			}},
			&bot.Command{Name: "refuse", Group: "general", Help: txt, Run: func(_ context.Context, c *bot.Call) error {
				return c.Refuse("role.none", "kim")
			}}),
		bottest.WithOptions(func(o *bot.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) }))
	kim := h.Member("kim", bot.RoleMember)
	got := h.Say(kim, "fail")
	if !strings.Contains(got, "Något gick fel") || strings.Contains(got, "secret detail") {
		t.Fatalf("internal error reply = %q", got)
	}
	if !strings.Contains(logs.String(), "disk on fire") {
		t.Fatal("internal error not logged")
	}
	if got := h.Say(kim, "refuse"); got != "kim har ingen roll i databasen att ta bort." {
		t.Fatalf("user error reply = %q", got)
	}
}

func TestRoleSources(t *testing.T) {
	h := bottest.New(t, bottest.WithOptions(func(o *bot.Options) {
		o.Roles = bot.NewRoleMap(map[bot.Role][]string{bot.RoleAdmin: {"Styrelsen"}})
	}))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "role list"); !strings.Contains(got, "kräver rollen administratör, och du är medlem") {
		t.Fatalf("member ran an admin command: %q", got)
	}
	// A configured platform role name makes an admin.
	board := kim
	board.RoleNames = []string{"Styrelsen"}
	if got := h.Say(board, "role list"); !strings.Contains(got, "Inga roller har getts") {
		t.Fatalf("configured role name ignored: %q", got)
	}
	// A grant stored in SQLite makes an organiser, and survives as data.
	admin := h.Member("ada", bot.RoleAdmin)
	if got := h.Say(admin, "role grant user:kim role:admin"); got != "kim har nu rollen administratör." {
		t.Fatalf("grant reply = %q", got)
	}
	if got := h.Say(kim, "role list"); !strings.Contains(got, "kim: administratör") {
		t.Fatalf("granted role ignored: %q", got)
	}
	if got := h.Say(admin, "role revoke kim"); !strings.Contains(got, "inte längre") {
		t.Fatalf("revoke reply = %q", got)
	}
	if got := h.Say(kim, "role list"); !strings.Contains(got, "kräver rollen") {
		t.Fatalf("revoked role still works: %q", got)
	}
}

func TestLanguageChoice(t *testing.T) {
	h := bottest.New(t, bottest.WithOptions(func(o *bot.Options) {
		o.DetectLang = func(s string) (string, bool) {
			if strings.Contains(s, "please") {
				return "en", true
			}
			return "sv", false
		}
	}))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon du kan använda") {
		t.Fatalf("default should be Swedish: %q", got)
	}
	if got := h.Say(kim, "help please"); !strings.Contains(got, "Commands you can use") {
		t.Fatalf("detected English ignored: %q", got)
	}
	ev := bot.Event{Kind: bot.EventMessage, User: kim, Text: "help", Addressed: true, LocaleHint: "en-GB"}
	if got := h.Send(ev).Text(); !strings.Contains(got, "Commands you can use") {
		t.Fatalf("platform locale hint ignored: %q", got)
	}
	if got := h.Say(kim, "språk en"); !strings.HasPrefix(got, "Done: I will answer you in English.") {
		t.Fatalf("language en = %q", got)
	}
	if got := h.SayIn(kim, "sv", "help"); !strings.Contains(got, "Commands you can use") {
		t.Fatalf("stored choice should beat the event locale: %q", got)
	}
	if got := h.Say(kim, "language auto"); got != "Klart: jag svarar på det språk du skriver på." {
		t.Fatalf("language auto = %q", got)
	}
}

func TestAddressingAndPrefix(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	chat := func(text string) string {
		return h.Send(bot.Event{Kind: bot.EventMessage, User: kim, Channel: bot.Channel{ID: "general"}, Text: text}).Text()
	}
	if got := chat("help me with my kiln"); got != "" {
		t.Fatalf("unaddressed channel chatter answered: %q", got)
	}
	if got := chat("!help"); !strings.Contains(got, "Kommandon") {
		t.Fatalf("prefix command ignored: %q", got)
	}
	if got := h.Say(kim, "   "); got != "" {
		t.Fatalf("empty line answered: %q", got)
	}
}

func TestHostileInput(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, strings.Repeat("a", 100<<10)); !strings.Contains(got, "för långt") {
		t.Fatalf("100 KB line: %q", got)
	}
	got := h.Say(kim, "@everyone <!channel> hej")
	if strings.Contains(got, "@everyone") || strings.Contains(got, "<!channel>") {
		t.Fatalf("reply pings: %q", got)
	}
	if got := h.Say(kim, "hj\xffälp"); !strings.Contains(got, "Jag känner inte till") {
		t.Fatalf("invalid UTF-8: %q", got)
	}
	if got := h.Say(kim, "help \"role"); !strings.Contains(got, "citattecken") {
		t.Fatalf("unbalanced quote: %q", got)
	}
	if got := h.Say(kim, "language en lang:sv"); !strings.Contains(got, "mer än en gång") || !strings.Contains(got, "Användning: `språk språk:svenska|engelska|auto`") {
		t.Fatalf("repeated option: %q", got)
	}
	if got := h.Say(kim, "language color:red"); !strings.Contains(got, "`color` finns inte") {
		t.Fatalf("unknown option: %q", got)
	}
	if got := h.Say(kim, `language "'; DROP TABLE members; --"`); !strings.Contains(got, "ska vara en av") {
		t.Fatalf("SQL-looking text: %q", got)
	}
	if got := h.Say(kim, "help"); !strings.Contains(got, "Kommandon") {
		t.Fatalf("bot broken after hostile input: %q", got)
	}
}

func TestMissingCapabilityIsExplained(t *testing.T) {
	h := bottest.New(t, bottest.WithCommands(&bot.Command{Name: "slowmode", Group: "general", Help: txt,
		Needs: []bot.Capability{bot.Cap[bot.Slowmoder]()}, Run: func(context.Context, *bot.Call) error { return nil }}))
	got := h.Say(h.Member("kim", bot.RoleMember), "slowmode")
	if !strings.Contains(got, "saknar stöd för slowmode") {
		t.Fatalf("reply = %q", got)
	}
}

func TestActionsAndNativeCommandsUseTheSameCheck(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	got := h.Send(bot.Event{Kind: bot.EventAction, User: kim, Action: "role list"}).Text()
	if !strings.Contains(got, "kräver rollen") {
		t.Fatalf("button bypassed the role check: %q", got)
	}
	ada := h.Member("ada", bot.RoleAdmin)
	got = h.Send(bot.Event{Kind: bot.EventCommand, User: ada, Invoked: invoked(t, h, "role grant"), Options: map[string]any{"user": "kim", "role": "moderator"}}).Text()
	if got != "kim har nu rollen moderator." {
		t.Fatalf("native command = %q", got)
	}
	got = h.Send(bot.Event{Kind: bot.EventCommand, User: ada, Invoked: invoked(t, h, "role grant"), Options: map[string]any{"user": "kim"}}).Text()
	if !strings.Contains(got, "`roll` saknas") {
		t.Fatalf("native command missing option = %q", got)
	}
}

func TestFreeTextIsAQuestionUnlessItLooksLikeACommand(t *testing.T) {
	h := bottest.New(t)
	kim := h.Member("kim", bot.RoleMember)
	for _, q := range []string{"var finns filmen", "när startade punks", "vem är linda"} {
		if got := h.Say(kim, q); strings.Contains(got, "Jag känner inte till kommandot") {
			t.Errorf("%q taken for a command: %q", q, got)
		}
	}
	if got := h.Say(kim, "rolle list"); !strings.Contains(got, "Menade du `role list`?") {
		t.Errorf("two-word near miss: %q", got)
	}
	// A group's word alone lists its subcommands: a question for help, not
	// an unknown command.
	if got := h.Say(h.Member("ada", bot.RoleAdmin), "role"); !strings.Contains(got, "`roll lista`") || !strings.Contains(got, "`role` behöver ett underkommando") || strings.Contains(got, "känner inte till") {
		t.Errorf("group word alone: %q", got)
	}
	if got := h.Say(kim, "vad står \"PUNKS för?"); !strings.Contains(got, "PUNKS") || strings.Contains(got, "citattecken") {
		t.Errorf("a stray quote in a question: %q", got)
	}
}

// handled records what the router tells an Observer about commands.
type handled struct {
	bot.NopObserver
	got []string
}

func (o *handled) Handled(_ bot.Platform, command, result string, _ time.Duration) {
	o.got = append(o.got, command+":"+result)
}

// TestRoutingPanicContainedAndCounted: a panic outside a handler (here in
// the audit hook, on a refused moderator command) becomes the polite reply
// and a failed count; and a known command with a broken quote is counted
// under its own name.
func TestRoutingPanicContainedAndCounted(t *testing.T) {
	obs := &handled{}
	var logs bytes.Buffer
	h := bottest.New(t, bottest.WithObserver(obs), bottest.WithOptions(func(o *bot.Options) {
		o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
		o.Audit = func(context.Context, bot.AuditRecord) { panic("a bug in the audit hook") }
	}))
	kim := h.Member("kim", bot.RoleMember)
	if got := h.Say(kim, `warn user:bo reason:"spam`); !strings.Contains(got, "citattecken") {
		t.Fatalf("broken quote = %q", got)
	}
	if got := h.Say(kim, "warn user:bo reason:spam"); !strings.Contains(got, "Något gick fel hos mig") {
		t.Fatalf("routing panic reply = %q", got)
	}
	if !strings.Contains(logs.String(), "routing panic") {
		t.Fatalf("not logged: %s", logs.String())
	}
	if want := []string{"warn:refused", "warn:failed"}; strings.Join(obs.got, " ") != strings.Join(want, " ") {
		t.Fatalf("observed %v, want %v", obs.got, want)
	}
}

// invoked is the declaration of name, as an adapter resolves a native
// command.
func invoked(t *testing.T, h *bottest.Harness, name string) *bot.Command {
	t.Helper()
	c, n := h.Bot.Registry().Lookup(strings.Fields(name))
	if c == nil || n != len(strings.Fields(name)) {
		t.Fatalf("no command %q", name)
	}
	return c
}

// A command typed with English option names and Swedish values is
// answered in Swedish: the values tell the language, not the names.
func TestCommandLanguageFromItsValues(t *testing.T) {
	h := bottest.New(t)
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.Say(org, `meetup create title:"Keramikkväll" when:"2027-01-15 18:00" where:"Ateljén i Varberg"`); !strings.Contains(got, "Träff 1 är skapad") {
		t.Fatalf("Swedish values: %q", got)
	}
	if got := h.Say(org, `meetup create title:"Pottery with the whole group" when:"2027-01-16 18:00" where:"at the old school"`); !strings.Contains(got, "Meetup 2 is created") {
		t.Fatalf("English values: %q", got)
	}
}
