package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passionbot/adapters/slack"
	"passionbot/internal/discordfake"
	"passionbot/internal/slackfake"
)

// doctorRun runs `passionbot doctor` with the fakes' tokens.
func doctorRun(t *testing.T, getenv func(string) string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	code := run(ctx, append([]string{"doctor"}, args...), strings.NewReader(""), &out, &errb, getenv)
	t.Logf("exit %d\n%s%s", code, out.String(), errb.String())
	return code, out.String(), errb.String()
}

// runUntilPublished runs the bot until it is connected to both fakes and
// has published its Discord commands, then stops it.
func runUntilPublished(t *testing.T, f twoFakes) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--config", f.config}, strings.NewReader(""), io.Discard, io.Discard, f.env)
	}()
	wait, stop := context.WithTimeout(ctx, 20*time.Second)
	defer stop()
	f.waitConnected(t, wait)
	if err := f.discord.Wait(wait, func() bool { return len(f.discord.Commands(f.guild.ID)) > 0 }); err != nil {
		t.Fatal(err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("run: exit %d", code)
	}
}

func TestDoctorAllPass(t *testing.T) {
	dir := inTempDir(t)
	f := newTwoFakes(t, dir, "")
	// Before the first start: no commands published, no database yet.
	code, out, _ := doctorRun(t, f.env, "--config", f.config)
	if code != 1 || !strings.Contains(out, "✗ discord slash commands: ") || !strings.Contains(out, "not published") {
		t.Fatalf("exit %d before the first start:\n%s", code, out)
	}
	if !strings.Contains(out, "✓ database: passionbot.db does not exist yet") {
		t.Fatalf("database line:\n%s", out)
	}
	if _, err := os.Stat("passionbot.db"); err == nil {
		t.Fatal("doctor created the database")
	}
	runUntilPublished(t, f)
	code, out, _ = doctorRun(t, f.env, "--config", f.config)
	if code != 0 || strings.Contains(out, "✗") {
		t.Fatalf("exit %d after the first start:\n%s", code, out)
	}
	for _, line := range []string{"✓ configuration: ", "discord and slack enabled", "✓ discord token: ", "✓ discord gateway: ",
		"✓ discord permissions for moderation: ", "✓ discord role order: ", "✓ discord slash commands: ",
		"✓ slack bot token: ", "✓ slack scopes: ", "✓ slack socket mode: ", "· slack events: ",
		"✓ database: passionbot.db opens", "✓ http listen: [http] listen is off"} {
		if !strings.Contains(out, line) {
			t.Errorf("no %q in\n%s", line, out)
		}
	}
	f.noTokenIn(t, out)
}

func TestDoctorFailures(t *testing.T) {
	dir := inTempDir(t)
	df := discordfake.New(t, discordfake.WithPrivilegedIntents(0))
	g := df.AddGuild(discordfake.Guild{Name: "Passion Halland", Channels: []discordfake.Channel{{Name: "allmant"}}})
	sf := slackfake.New(t)
	var granted []string
	for _, s := range slack.BotScopes() {
		if s != "pins:write" {
			granted = append(granted, s)
		}
	}
	sf.SetScopes(granted...)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cfg := filepath.Join(dir, "bot.toml")
	err = os.WriteFile(cfg, []byte(`[discord]
enabled = true
privileged_intents = true
base_url = "`+df.URL()+`"
guild_id = "`+g.ID+`"
[slack]
enabled = true
api_url = "`+sf.APIURL()+`"
[http]
listen = "`+busy.Addr().String()+`"
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"DISCORD_TOKEN": df.Token(), "SLACK_BOT_TOKEN": sf.BotToken(), "SLACK_APP_TOKEN": sf.AppToken()}
	code, out, stderr := doctorRun(t, func(k string) string { return env[k] }, "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "check(s) failed") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, line := range []string{
		"✗ discord gateway: Discord closed the gateway with 4014 (disallowed intents)",
		"✗ slack scopes: missing pins:write (needed for pin)",
		"✗ http listen: [http] listen " + busy.Addr().String() + " cannot be used",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("no %q in\n%s", line, out)
		}
	}

	// A missing token is a configuration error: exit 2, like run.
	env["DISCORD_TOKEN"] = ""
	code, out, _ = doctorRun(t, func(k string) string { return env[k] }, "--config", cfg)
	if code != 2 || !strings.Contains(out, "✗ discord configuration: DISCORD_TOKEN is not set") || !strings.Contains(out, "✓ slack bot token") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// TestStartupWarnings runs the bot with a Slack app lacking a scope and a
// Discord bot whose role is below a member role: each is logged once as a
// warning in doctor's words, and the bot keeps running and answering.
func TestStartupWarnings(t *testing.T) {
	dir := inTempDir(t)
	f := newTwoFakes(t, dir, "")
	f.slack.SetScopes("chat:write", "commands", "app_mentions:read", "im:history", "im:read", "im:write", "users:read",
		"usergroups:read", "channels:read", "channels:manage", "channels:history", "channels:join", "groups:read", "groups:write", "groups:history")
	f.discord.AddGuild(discordfake.Guild{Name: "Andra", Members: []discordfake.Member{{User: f.discord.Bot(), Roles: []string{"811"}}},
		Roles: []discordfake.Role{{ID: "810", Name: "Veteraner", Position: 2}, {ID: "811", Name: "passionbot", Position: 1, Permissions: 1<<3 | 1<<10}}})
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncWriter{w: &bytes.Buffer{}}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--config", f.config}, strings.NewReader(""), io.Discard, logs, f.env)
	}()
	wait, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	f.waitConnected(t, wait)
	for !strings.Contains(logs.String(), "slack scopes: missing pins:write") {
		select {
		case <-wait.Done():
			t.Fatalf("no warning:\n%s", logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	sf := f.slack
	sf.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: f.slackGeneral, Text: "help"})
	if _, err := sf.WaitPosts(wait, f.slackGeneral, 1); err != nil {
		t.Fatal("the bot stopped answering after a failed check:", err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
	out := logs.String()
	if n := strings.Count(out, "slack scopes: missing pins:write"); n != 1 {
		t.Fatalf("the warning was logged %d times:\n%s", n, out)
	}
	if !strings.Contains(out, "level=WARN") || !strings.Contains(out, "passionbot doctor") {
		t.Fatalf("not a warning pointing at doctor:\n%s", out)
	}
	// Without guild_id every server is checked; with it, only that one.
	if strings.Contains(out, "Andra") {
		t.Fatalf("a server other than guild_id was checked:\n%s", out)
	}
	f.noTokenIn(t, out)
}

// TestRunExplains4014: a bot whose privileged intents are off in the
// developer portal stops at start with what to turn on.
func TestRunExplains4014(t *testing.T) {
	dir := inTempDir(t)
	df := discordfake.New(t, discordfake.WithPrivilegedIntents(0))
	g := df.AddGuild(discordfake.Guild{Name: "Passion Halland"})
	cfg := filepath.Join(dir, "bot.toml")
	if err := os.WriteFile(cfg, []byte("[discord]\nenabled = true\nprivileged_intents = true\nbase_url = \""+df.URL()+"\"\nguild_id = \""+g.ID+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := run(ctx, []string{"--config", cfg}, strings.NewReader(""), io.Discard, &errb, func(k string) string {
		if k == "DISCORD_TOKEN" {
			return df.Token()
		}
		return ""
	})
	if code != 1 || !strings.Contains(errb.String(), "4014") || !strings.Contains(errb.String(), "Privileged Gateway Intents") {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
}
