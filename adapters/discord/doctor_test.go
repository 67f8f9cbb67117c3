package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
	"passionbot/internal/discordfake"
)

// doctorCommands are a few declarations: a bare command and a group.
func doctorCommands() []*bot.Command {
	return []*bot.Command{
		{Name: "help", Help: bot.Text{SV: "hjälp", EN: "help"}},
		{Name: "meetup create", Help: bot.Text{SV: "skapa", EN: "create"},
			Args: []bot.Arg{{Name: "title", SV: "titel", Kind: bot.KindText, Required: true, Help: bot.Text{SV: "titel", EN: "title"}}}},
		{Name: "meetup list", Help: bot.Text{SV: "lista", EN: "list"}},
	}
}

// doctorEnv is a fake Discord with one server: the bot (with Administrator
// unless bot is given), a member with the role Medlem below it.
type doctorEnv struct {
	fake  *discordfake.Server
	guild discordfake.Guild
	opt   Options
	co    CheckOptions
}

func newDoctorEnv(t *testing.T, botRole *discordfake.Role, extra []discordfake.Role, fakeOpts ...discordfake.Option) *doctorEnv {
	t.Helper()
	fake := discordfake.New(t, fakeOpts...)
	g := discordfake.Guild{Name: "Passion Halland", Channels: []discordfake.Channel{{Name: "allmant"}},
		Roles: append([]discordfake.Role{{ID: "700", Name: "Medlem", Position: 1}}, extra...)}
	g.Members = []discordfake.Member{{User: fake.NewUser("owner")}, {User: fake.NewUser("kim"), Roles: []string{"700"}}}
	if botRole != nil {
		g.Roles = append(g.Roles, *botRole)
		g.Members = append(g.Members, discordfake.Member{User: fake.Bot(), Roles: []string{botRole.ID}})
	}
	e := &doctorEnv{fake: fake, guild: fake.AddGuild(g)}
	e.opt = Options{Token: fake.Token(), BaseURL: fake.URL(), GuildID: e.guild.ID}
	e.co = CheckOptions{Commands: doctorCommands()}
	return e
}

// publish puts cmds as the guild's commands, as Run does.
func (e *doctorEnv) publish(t *testing.T, cmds []*bot.Command) {
	t.Helper()
	a, err := New(e.opt)
	if err != nil {
		t.Fatal(err)
	}
	defer a.transport.CloseIdleConnections()
	native, _ := nativeCommands(cmds)
	if _, err := a.sess.ApplicationCommandBulkOverwrite(e.fake.AppID(), e.guild.ID, native); err != nil {
		t.Fatal(err)
	}
}

func (e *doctorEnv) check(t *testing.T) []bot.CheckResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rs := Check(ctx, e.opt, e.co)
	for _, r := range rs {
		t.Log(r)
		if strings.Contains(r.Detail, e.fake.Token()) {
			t.Fatalf("the token is in %q", r)
		}
	}
	return rs
}

// result returns the result named name, failing the test when there is none.
func result(t *testing.T, rs []bot.CheckResult, name string) bot.CheckResult {
	t.Helper()
	for _, r := range rs {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no check %q in %v", name, rs)
	return bot.CheckResult{}
}

func wantStatus(t *testing.T, r bot.CheckResult, s bot.CheckStatus, words ...string) {
	t.Helper()
	if r.Status != s {
		t.Errorf("%s: status %d, want %d: %s", r.Name, r.Status, s, r.Detail)
	}
	for _, w := range words {
		if !strings.Contains(r.Detail, w) {
			t.Errorf("%s: %q does not say %q", r.Name, r.Detail, w)
		}
	}
}

func failures(rs []bot.CheckResult) []bot.CheckResult {
	var out []bot.CheckResult
	for _, r := range rs {
		if r.Status == bot.CheckFailed {
			out = append(out, r)
		}
	}
	return out
}

func TestFeaturesArePermissions(t *testing.T) {
	var all int64
	for _, f := range Features(true) {
		all |= f.Perms
	}
	if all != Permissions {
		t.Fatalf("features need %b, the invite asks for %b", all, Permissions)
	}
	if n := len(PermissionNames(Permissions)); n != 10 {
		t.Fatalf("%d permission names for the invite's 10", n)
	}
}

func TestCheckAllPass(t *testing.T) {
	e := newDoctorEnv(t, nil, nil)
	e.publish(t, doctorCommands())
	e.opt.PrivilegedIntents = true
	e.co.Automod = true
	rs := e.check(t)
	if f := failures(rs); len(f) > 0 {
		t.Fatalf("failures: %v", f)
	}
	for _, name := range []string{"discord token", "discord application", "discord gateway", "discord server",
		"discord permissions for replies", "discord permissions for moderation", "discord permissions for meetups",
		"discord permissions for automod", "discord role order", "discord slash commands"} {
		wantStatus(t, result(t, rs, name), bot.CheckPassed)
	}
	wantStatus(t, result(t, rs, "discord slash commands"), bot.CheckPassed, "all 2 published")
}

func TestCheckWrongToken(t *testing.T) {
	e := newDoctorEnv(t, nil, nil)
	e.opt.Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.wrong"
	rs := e.check(t)
	if len(rs) != 1 {
		t.Fatalf("after a refused token nothing else can be checked: %v", rs)
	}
	wantStatus(t, rs[0], bot.CheckFailed, "HTTP 401", "Reset Token", "DISCORD_TOKEN")
	if strings.Contains(rs[0].Detail, "wrong") {
		t.Fatal("the token is in the result")
	}

	e.opt.Token = "client-secret-pasted"
	wantStatus(t, e.check(t)[0], bot.CheckFailed, "does not look like a bot token")
	e.opt.Token = ""
	wantStatus(t, e.check(t)[0], bot.CheckFailed, "DISCORD_TOKEN is not set")
	e.opt.Token = `"` + e.fake.Token() + `"`
	wantStatus(t, e.check(t)[0], bot.CheckFailed, "quotes")
}

func TestCheckMissingPermissions(t *testing.T) {
	e := newDoctorEnv(t, &discordfake.Role{ID: "800", Name: "passionbot", Position: 5,
		Permissions: Permissions &^ (discordgo.PermissionManageEvents | discordgo.PermissionModerateMembers)}, nil)
	e.publish(t, doctorCommands())
	rs := e.check(t)
	wantStatus(t, result(t, rs, "discord permissions for meetups"), bot.CheckFailed,
		"missing Manage Events in Passion Halland", "no Discord event", "passionbot invite discord", "(passionbot)")
	wantStatus(t, result(t, rs, "discord permissions for moderation"), bot.CheckFailed, "missing Timeout Members")
	wantStatus(t, result(t, rs, "discord permissions for replies"), bot.CheckPassed)
	if _, ok := find(rs, "discord permissions for automod"); ok {
		t.Fatal("automod is off: its permissions are not checked")
	}
	wantStatus(t, result(t, rs, "discord role order"), bot.CheckPassed)
}

func find(rs []bot.CheckResult, name string) (bot.CheckResult, bool) {
	for _, r := range rs {
		if r.Name == name {
			return r, true
		}
	}
	return bot.CheckResult{}, false
}

func TestCheckRoleOrder(t *testing.T) {
	bot1 := &discordfake.Role{ID: "800", Name: "passionbot", Position: 2, Permissions: Permissions}
	extra := []discordfake.Role{
		{ID: "701", Name: "Veteraner", Position: 3},
		{ID: "702", Name: "Moderatorer", Position: 4},
		{ID: "703", Name: "Styrelsen", Position: 5, Permissions: discordgo.PermissionAdministrator},
		{ID: "704", Name: "Annan bot", Position: 6, Managed: true},
	}
	e := newDoctorEnv(t, bot1, extra)
	e.co.StaffRoles = []string{"id:702"}
	r := result(t, e.check(t), "discord role order")
	wantStatus(t, r, bot.CheckFailed, "passionbot is below Veteraner in Passion Halland", "cannot time out", "drag passionbot above")
	for _, allowed := range []string{"Moderatorer", "Styrelsen", "Annan bot", "Medlem"} {
		if strings.Contains(r.Detail, allowed) {
			t.Errorf("%s may be above the bot: %s", allowed, r.Detail)
		}
	}
}

func TestCheckPrivilegedIntentsRefused(t *testing.T) {
	e := newDoctorEnv(t, nil, nil, discordfake.WithPrivilegedIntents(0))
	e.publish(t, doctorCommands())
	e.opt.PrivilegedIntents = true
	rs := e.check(t)
	wantStatus(t, result(t, rs, "discord gateway"), bot.CheckFailed, "4014", "Privileged Gateway Intents", "Message Content Intent", "Server Members Intent", "privileged_intents = false")
	// The server is still checked over REST.
	wantStatus(t, result(t, rs, "discord permissions for moderation"), bot.CheckPassed)
	wantStatus(t, result(t, rs, "discord slash commands"), bot.CheckPassed)

	e.opt.PrivilegedIntents = false
	wantStatus(t, result(t, e.check(t), "discord gateway"), bot.CheckPassed, "privileged_intents is off")
}

func TestCheckCommandsNotPublished(t *testing.T) {
	e := newDoctorEnv(t, nil, nil)
	wantStatus(t, result(t, e.check(t), "discord slash commands"), bot.CheckFailed, "2 of 2 not published (/help /meetup)", "passionbot run")

	old := doctorCommands()[:2] // an older passionbot: no meetup list, plus a command since removed
	old = append(old, &bot.Command{Name: "gone", Help: bot.Text{SV: "borta", EN: "gone"}})
	e.publish(t, old)
	wantStatus(t, result(t, e.check(t), "discord slash commands"), bot.CheckFailed, "out of date: /meetup", "not declared by this passionbot: /gone")
}

func TestCheckApplicationAndServer(t *testing.T) {
	e := newDoctorEnv(t, nil, nil)
	e.co.ApplicationID = "123456789012345678"
	e.opt.GuildID = "999"
	rs := e.check(t)
	wantStatus(t, result(t, rs, "discord application"), bot.CheckFailed, "application id 123456789012345678 is not this bot's", "General Information")
	wantStatus(t, result(t, rs, "discord server"), bot.CheckFailed, "guild_id 999 cannot be reached", "passionbot invite discord", "Copy Server ID")

	// Without guild_id the servers come from the gateway's READY.
	e.co.ApplicationID, e.opt.GuildID = "", ""
	rs = e.check(t)
	wantStatus(t, result(t, rs, "discord server"), bot.CheckPassed, "Passion Halland", "up to an hour")
	wantStatus(t, result(t, rs, "discord permissions for meetups"), bot.CheckPassed)
}

func TestGatewayAdviceOnlyForCloseCodes(t *testing.T) {
	if GatewayAdvice(context.DeadlineExceeded, true) != "" {
		t.Fatal("advice for a timeout")
	}
}
