package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/discordfake"
	"passionbot/internal/slackfake"
	"passionbot/storage"
)

// runCLI runs passionbot as a process would, with stdin and a clean
// environment, in a temporary working folder.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	return code, out.String(), errb.String()
}

func inTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func TestConsoleHelpAndEOF(t *testing.T) {
	dir := inTempDir(t)
	code, out, errOut := runCLI(t, "help\n")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if !strings.Contains(out, "**Kommandon du kan använda**") || !strings.Contains(out, "`roll ge`") {
		t.Fatalf("help output = %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "passionbot.db")); err != nil {
		t.Fatalf("no local passionbot.db: %v", err)
	}
}

func TestConsoleSession(t *testing.T) {
	inTempDir(t)
	input := strings.Join([]string{
		"",
		"hjälp role",
		"rolle list",
		"role grant kim",
		"role grant kim organiser",
		"role list",
		"language \"en",
		strings.Repeat("x", 100<<10),
		"help",
	}, "\n") // no final newline: the last line still counts
	code, out, errOut := runCLI(t, input, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"`role grant` — Give a member a role",
		"I don't know the command `rolle list`. Did you mean `role list`?",
		"The argument `role` is missing.\nUsage: `role grant user:<user> role:organiser|moderator|admin`",
		"kim now has the role organiser.",
		"- kim: organiser",
		"A quotation mark is not closed.",
		"The message is too long",
		"**Commands you can use**",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
}

func TestConsoleAsMember(t *testing.T) {
	inTempDir(t)
	code, out, _ := runCLI(t, "role list\nhelp\n", "--as", "member")
	if code != 0 || !strings.Contains(out, "Kommandot `roll lista` kräver rollen administratör, och du är medlem.") {
		t.Fatalf("exit %d, out %q", code, out)
	}
	if strings.Contains(out, "`roll ge`") || !strings.Contains(out, "`hjälp`") {
		t.Fatalf("member help lists admin commands: %q", out)
	}
}

func TestFlagsBeforeOrAfterCommand(t *testing.T) {
	dir := inTempDir(t)
	for i, args := range [][]string{
		{"--db", filepath.Join(dir, "a.db"), "migrate"},
		{"migrate", "--db", filepath.Join(dir, "b.db")},
		{"migrate", "--db=" + filepath.Join(dir, "c.db"), "--lang", "sv"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "migration(s) applied, schema version") {
			t.Fatalf("case %d %v: exit %d out %q err %q", i, args, code, out, errOut)
		}
	}
	for _, f := range []string{"a.db", "b.db", "c.db"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not created: %v", f, err)
		}
	}
	// Re-running migrate on a migrated file applies nothing.
	_, out, _ := runCLI(t, "", "migrate", "--db", filepath.Join(dir, "a.db"))
	if !strings.Contains(out, ": 0 migration(s) applied") {
		t.Fatalf("second migrate: %q", out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || out != "passionbot "+version+"\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "", "--help")
	if code != 0 || !strings.Contains(out, "passionbot migrate") {
		t.Fatalf("--help: %d %q", code, out)
	}
}

func TestUsageAndConfigErrorsExit2(t *testing.T) {
	dir := inTempDir(t)
	bad := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"--as", "king"}, `--as: unknown role "king"`},
		{[]string{"--lang", "de"}, `--lang "de"`},
		{[]string{"version", "extra"}, "version takes no arguments"},
		{[]string{"--config", filepath.Join(dir, "none.toml")}, "none.toml does not exist"},
		{[]string{"--config", bad("syntax.toml", "name = \n")}, "syntax.toml:1:"},
		{[]string{"--config", bad("key.toml", "nmae = \"x\"\n")}, "unknown key nmae"},
		{[]string{"--config", bad("tz.toml", "timezone = \"Europe/Halmstad\"\n")}, `timezone "Europe/Halmstad" is not a known IANA timezone`},
		{[]string{"--config", bad("loc.toml", "locale = \"fi\"\n")}, `locale "fi"`},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "help\n", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit 2 with %q and nothing started", tt.args, code, errOut, out, tt.want)
		}
		if n := strings.Count(strings.TrimSpace(errOut), "\n"); n != 0 {
			t.Errorf("%v: error is %d lines, want one: %q", tt.args, n+1, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "passionbot.db")); err == nil {
		t.Error("a database was created although nothing should have started")
	}
}

func TestDefaultConfigFileIsRead(t *testing.T) {
	dir := inTempDir(t)
	os.WriteFile(filepath.Join(dir, "passionbot.toml"), []byte("locale = \"en\"\ndatabase = \"mine.db\"\n[log]\nlevel = \"warn\"\n"), 0o600)
	code, out, errOut := runCLI(t, "help\n")
	if code != 0 || !strings.Contains(out, "Commands you can use") {
		t.Fatalf("exit %d out %q err %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "mine.db")); err != nil {
		t.Fatalf("configured database not used: %v", err)
	}
	if strings.Contains(errOut, "level=INFO") {
		t.Fatalf("log level from config ignored: %q", errOut)
	}
}

func TestRuntimeFailureExit1(t *testing.T) {
	dir := inTempDir(t)
	code, _, errOut := runCLI(t, "help\n", "--db", filepath.Join(dir, "no", "such", "folder", "p.db"))
	if code != 1 || !strings.Contains(errOut, "does not exist: create it first") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("hello world\n", 400)), 0o600)
	code, _, errOut = runCLI(t, "help\n", "--db", notDB)
	if code != 1 || !strings.Contains(errOut, "not a valid SQLite file") {
		t.Fatalf("corrupt db: exit %d, stderr %q", code, errOut)
	}
}

func TestDiscordNeedsItsToken(t *testing.T) {
	dir := inTempDir(t)
	p := filepath.Join(dir, "d.toml")
	os.WriteFile(p, []byte("[discord]\nenabled = true\n"), 0o600)
	code, _, errOut := runCLI(t, "", "--config", p)
	if code != 2 || strings.TrimSpace(errOut) != "passionbot: DISCORD_TOKEN is not set: put the bot token in the environment" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "passionbot.db")); err == nil {
		t.Error("database created although nothing should have started")
	}
}

func TestInviteDiscord(t *testing.T) {
	inTempDir(t)
	var out, errb bytes.Buffer
	// A bot token's first part is the application id in base64 ("123456789012345678").
	// 1383247997968 = view 1<<10, send 1<<11, threads 1<<38, embed 1<<14, history 1<<16,
	// manage messages 1<<13, channels 1<<4, roles 1<<28, moderate 1<<40, events 1<<33.
	env := func(k string) string {
		if k == "DISCORD_TOKEN" {
			return "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-part"
		}
		return ""
	}
	code := run(context.Background(), []string{"invite", "discord"}, strings.NewReader(""), &out, &errb, env)
	want := "https://discord.com/oauth2/authorize?client_id=123456789012345678&permissions=1383247997968&scope=bot%20applications.commands\n"
	if code != 0 || out.String() != want {
		t.Fatalf("exit %d, out %q, err %q; want %q", code, out.String(), errb.String(), want)
	}
	if strings.Contains(out.String()+errb.String(), "secret-part") {
		t.Fatal("token printed")
	}
	code, _, errOut := runCLI(t, "", "invite", "discord")
	if code != 2 || !strings.Contains(errOut, "application_id or DISCORD_TOKEN") {
		t.Fatalf("no token: exit %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "invite", "myspace"); code != 2 {
		t.Fatalf("invite myspace: exit %d", code)
	}
}

// TestStopOnSignalContext: when the context ends (SIGINT/SIGTERM in main),
// the console stops reading, running work finishes and run exits 0 with
// the database closed.
func TestStopOnSignalContext(t *testing.T) {
	dir := inTempDir(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--db", filepath.Join(dir, "s.db")}, pr, &syncWriter{w: &out}, io.Discard, func(string) string { return "" })
	}()
	io.WriteString(pw, "help\n")
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d after stop", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop when its context ended")
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.(*bytes.Buffer).String()
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func TestAskCLI(t *testing.T) {
	dir := inTempDir(t)
	code, out, errOut := runCLI(t, "", "ask", "vad står PUNKS för?")
	if code != 0 || !strings.Contains(out, "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle") {
		t.Fatalf("ask: exit %d out %q err %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "what does PUNKS stand for?\n\nvem vann melodifestivalen 1974?\n", "--db", filepath.Join(dir, "a.db"), "ask", "--json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("ask --json from stdin: exit %d, %d lines: %q", code, len(lines), out)
	}
	var first, second map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(lines[1]), &second)
	for _, k := range []string{"question", "lang", "answered", "answer", "topic", "source", "score", "related"} {
		if _, ok := first[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, lines[0])
		}
	}
	if first["answered"] != true || first["topic"] != "punks-name" || first["lang"] != "en" || first["source"] == "" {
		t.Errorf("first = %v", first)
	}
	if second["answered"] != false || second["topic"] != "" || second["lang"] != "sv" {
		t.Errorf("second = %v", second)
	}
	// The evaluation does not fill the organisers' list of open questions.
	code, out, _ = runCLI(t, "faq unanswered\n", "--db", filepath.Join(dir, "a.db"))
	if code != 0 || !strings.Contains(out, "Inga obesvarade frågor") {
		t.Fatalf("CLI ask recorded questions: %q", out)
	}
	if code, _, errOut := runCLI(t, "", "migrate", "--json"); code != 2 || !strings.Contains(errOut, "--json is only for ask") {
		t.Fatalf("--json on migrate: %d %q", code, errOut)
	}
}

func TestSlackTokensChecked(t *testing.T) {
	dir := inTempDir(t)
	p := filepath.Join(dir, "s.toml")
	os.WriteFile(p, []byte("[slack]\nenabled = true\n"), 0o600)
	for _, tc := range []struct{ bot, app, want string }{
		{"", "", "SLACK_BOT_TOKEN is not set"},
		{"xoxp-user-token", "xapp-1", "SLACK_BOT_TOKEN must be a bot token starting with xoxb-"},
		{"xoxb-1", "", "SLACK_APP_TOKEN is not set"},
		{"xoxb-1", "xoxb-2", "SLACK_APP_TOKEN must be an app-level token starting with xapp-"},
	} {
		env := func(k string) string {
			return map[string]string{"SLACK_BOT_TOKEN": tc.bot, "SLACK_APP_TOKEN": tc.app}[k]
		}
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"--config", p}, strings.NewReader(""), &out, &errb, env)
		if code != 2 || !strings.Contains(errb.String(), tc.want) || strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
			t.Errorf("%q/%q: exit %d, stderr %q", tc.bot, tc.app, code, errb.String())
		}
	}
}

// TestBinaryAgainstFakeSlack runs passionbot as the operator would, with
// [slack] api_url pointing at a Slack-compatible server on loopback.
func TestBinaryAgainstFakeSlack(t *testing.T) {
	dir := inTempDir(t)
	fake := slackfake.New(t)
	fake.AddUser(slackfake.User{ID: "UKIM", Name: "kim"})
	general := fake.AddChannel(slackfake.Channel{Name: "allmant"})
	p := filepath.Join(dir, "s.toml")
	os.WriteFile(p, []byte("[slack]\nenabled = true\napi_url = \""+fake.APIURL()+"\"\n"), 0o600)
	env := func(k string) string {
		return map[string]string{"SLACK_BOT_TOKEN": fake.BotToken(), "SLACK_APP_TOKEN": fake.AppToken()}[k]
	}
	ctx, cancel := context.WithCancel(context.Background())
	var logs syncWriter
	logs.w = &bytes.Buffer{}
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"--config", p}, strings.NewReader(""), io.Discard, &logs, env) }()
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	if err := fake.WaitConnected(wait); err != nil {
		t.Fatal(err)
	}
	fake.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: general, Text: "vad står PUNKS för?"})
	posts, err := fake.WaitPosts(wait, general, 1)
	if err != nil || !strings.Contains(string(posts[0].Blocks), "Passionsdriven Utveckling") {
		t.Fatalf("no answer from the running binary: %v %v", err, posts)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
	logs.mu.Lock()
	defer logs.mu.Unlock()
	all := logs.w.(*bytes.Buffer).String()
	if strings.Contains(all, fake.BotToken()) || strings.Contains(all, fake.AppToken()) {
		t.Fatal("a token appears in the log")
	}
}

// twoFakes is a loopback Discord and Slack, each with the member kim and a
// channel #allmant, and a configuration file enabling both.
type twoFakes struct {
	slack        *slackfake.Server
	discord      *discordfake.Server
	guild        discordfake.Guild
	kim          discordfake.User
	slackGeneral string // the Slack #allmant's id
	config       string // the configuration file
}

// newTwoFakes starts both fakes and writes dir/both.toml: extra (TOML
// sections) followed by [discord] and [slack] pointing at them.
func newTwoFakes(tb testing.TB, dir, extra string) twoFakes {
	tb.Helper()
	f := twoFakes{slack: slackfake.New(tb), discord: discordfake.New(tb), config: filepath.Join(dir, "both.toml")}
	f.slack.AddUser(slackfake.User{ID: "UKIM", Name: "kim"})
	f.slackGeneral = f.slack.AddChannel(slackfake.Channel{Name: "allmant"})
	f.kim = f.discord.NewUser("kim")
	f.guild = f.discord.AddGuild(discordfake.Guild{Name: "Passion Halland", Channels: []discordfake.Channel{{Name: "allmant"}},
		Members: []discordfake.Member{{User: f.discord.NewUser("owner")}, {User: f.kim}}})
	err := os.WriteFile(f.config, []byte(extra+`[discord]
enabled = true
base_url = "`+f.discord.URL()+`"
guild_id = "`+f.guild.ID+`"
[slack]
enabled = true
api_url = "`+f.slack.APIURL()+`"
`), 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// env is the environment with both fakes' tokens.
func (f twoFakes) env(k string) string {
	return map[string]string{"SLACK_BOT_TOKEN": f.slack.BotToken(), "SLACK_APP_TOKEN": f.slack.AppToken(), "DISCORD_TOKEN": f.discord.Token()}[k]
}

// noTokenIn fails the test when any of the fakes' tokens is in out.
func (f twoFakes) noTokenIn(tb testing.TB, out string) {
	tb.Helper()
	for _, tok := range []string{f.slack.BotToken(), f.slack.AppToken(), f.discord.Token()} {
		if strings.Contains(out, tok) {
			tb.Fatal("a token appears in the log")
		}
	}
}

// waitConnected waits until the bot is connected to both fakes.
func (f twoFakes) waitConnected(tb testing.TB, ctx context.Context) {
	tb.Helper()
	if err := f.slack.WaitConnected(ctx); err != nil {
		tb.Fatal(err)
	}
	if err := f.discord.WaitConnected(ctx); err != nil {
		tb.Fatal(err)
	}
}

// TestDiscordAndSlackInOneProcess runs the binary with both platforms on,
// against loopback fakes, sharing one database: each answers its own members.
func TestDiscordAndSlackInOneProcess(t *testing.T) {
	dir := inTempDir(t)
	f := newTwoFakes(t, dir, "")
	sf, df, kim, guild, general := f.slack, f.discord, f.kim, f.guild, f.slackGeneral
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncWriter{w: &bytes.Buffer{}}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--config", f.config}, strings.NewReader(""), io.Discard, logs, f.env)
	}()
	wait, stop := context.WithTimeout(ctx, 15*time.Second)
	defer stop()
	f.waitConnected(t, wait)
	sf.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: general, Text: "vad står PUNKS för?"})
	df.SendMessage(discordfake.MessageCreate{ChannelID: guild.Channels[0].ID, Author: kim, Content: "<@" + df.BotID() + "> who commissioned the report?"})
	posts, err := sf.WaitPosts(wait, general, 1)
	if err != nil || !strings.Contains(string(posts[0].Blocks), "Passionsdriven Utveckling") {
		t.Fatalf("Slack answer: %v %v", err, posts)
	}
	msgs, err := df.WaitMessages(wait, guild.Channels[0].ID, 1)
	if err != nil || !strings.Contains(msgs[0].Content, "VIAkub Halland") {
		t.Fatalf("Discord answer: %v %v", err, msgs)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
	// One database: both platforms' members were recorded in it.
	out := logs.String()
	f.noTokenIn(t, out)
	db, err := storage.Open(context.Background(), "passionbot.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Member(context.Background(), bot.PlatformSlack, "UKIM"); err != nil {
		t.Errorf("Slack member not in the shared database: %v", err)
	}
	if _, err := db.Member(context.Background(), bot.PlatformDiscord, kim.ID); err != nil {
		t.Errorf("Discord member not in the shared database: %v", err)
	}
}

// TestCalendarFeedsServed runs the bot with [http] listen and fetches the
// calendars a member would subscribe to.
func TestCalendarFeedsServed(t *testing.T) {
	dir := inTempDir(t)
	addr := freeAddr(t)
	p := filepath.Join(dir, "h.toml")
	os.WriteFile(p, []byte("[http]\nlisten = \""+addr+"\"\n"), 0o600)
	pr, pw := io.Pipe()
	out := &syncWriter{w: &bytes.Buffer{}}
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), []string{"--config", p}, pr, out, io.Discard, func(string) string { return "" })
	}()
	io.WriteString(pw, "meetup create title:\"Keramikkväll\" when:\"2027-02-04 18:00\" where:\"Ateljén\"\nmeetup rsvp id:1 answer:yes\nmeetup ics id:1\n")
	var feed string
	deadline := time.Now().Add(10 * time.Second)
	for feed == "" && time.Now().Before(deadline) {
		if i := strings.Index(out.String(), "http://"+addr+"/calendar/"); i >= 0 {
			rest := out.String()[i:]
			feed = rest[:strings.Index(rest, ".ics")+4]
		}
		time.Sleep(10 * time.Millisecond)
	}
	if feed == "" {
		t.Fatalf("no feed link in: %s", out.String())
	}
	get := func(url string) (int, string) {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, url := range []string{feed, "http://" + addr + "/calendar.ics"} {
		code, body := get(url)
		if code != 200 || !strings.Contains(body, "SUMMARY:Keramikkväll") || !strings.Contains(body, "DTSTART;TZID=Europe/Stockholm:20270204T180000") {
			t.Fatalf("%s: %d %q", url, code, body)
		}
	}
	if code, _ := get("http://" + addr + "/calendar/not-a-member.ics"); code != 404 {
		t.Fatalf("unknown token: %d", code)
	}
	pw.Close()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
}

func TestConsoleInterestsAndExport(t *testing.T) {
	inTempDir(t)
	code, out, errOut := runCLI(t, "interests add tags:\"Keramik, surdegar\"\ninterests who tag:ceramics\nprofile set drive:passion offers:\"en brännugn\"\nmydata export\n", "--as", "member")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Tillagt: keramik, surdegar.", "ceramics: 1 medlem – operator", "Din profil är sparad.", `"tag": "keramik"`, `"offers": "en brännugn"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSecondInstanceRefused(t *testing.T) {
	dir := inTempDir(t)
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(dir, "passionbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Migrate(ctx)
	// A bot running on another machine against the same (shared) file.
	if err := db.AcquireLease(ctx, storage.Lease{Owner: "other", Host: "raspberrypi", PID: 812}, time.Minute); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "help\n")
	if code != 1 || !strings.Contains(errOut, "another passionbot is running on this database (host raspberrypi, pid 812") || strings.Contains(out, "Kommandon") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Pending migrations are not applied under the running one either.
	// (The newest migration's row is set aside and put back after: its
	// change is in the schema already, and not every migration can run
	// twice — ALTER TABLE … ADD COLUMN cannot.)
	var lastVersion int
	var lastName string
	var lastApplied int64
	db.SQL().QueryRowContext(ctx, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version DESC LIMIT 1").Scan(&lastVersion, &lastName, &lastApplied)
	db.SQL().ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = ?", lastVersion)
	if code, _, errOut := runCLI(t, "", "migrate"); code != 1 || !strings.Contains(errOut, "another passionbot is running on this database (host raspberrypi") {
		t.Fatalf("migrate under a running instance: exit %d, %q", code, errOut)
	}
	before, _ := db.Version(ctx)
	if code, _, errOut := runCLI(t, "", "ask", "vad är PUNKS?"); code != 1 || !strings.Contains(errOut, "1 migration(s) to apply, but another passionbot is running") {
		t.Fatalf("ask with migrations to apply under a running instance: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "help\n"); code != 1 {
		t.Fatalf("a second run with migrations to apply started: exit %d", code)
	}
	if after, _ := db.Version(ctx); after != before {
		t.Fatalf("the refused run migrated the database: version %d → %d", before, after)
	}
	db.SQL().ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", lastVersion, lastName, lastApplied)
	db.ReleaseLease(ctx, "other")
	// Same host name, another PID namespace, a pid unknown here: a second
	// container sharing the host's name. It renews its claim, so it is
	// alive: refused, although its pid means nothing here.
	host, _ := os.Hostname()
	if err := db.AcquireLease(ctx, storage.Lease{Owner: "0123456789ab/twin", Host: host, PID: 1 << 30}, time.Minute); err != nil {
		t.Fatal(err)
	}
	stopRenewing := make(chan struct{})
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		for {
			select {
			case <-stopRenewing:
				return
			case <-time.After(300 * time.Millisecond):
				db.RenewLease(ctx, "0123456789ab/twin")
			}
		}
	}()
	code, _, errOut = runCLI(t, "help\n")
	close(stopRenewing)
	<-renewed
	if code != 1 || !strings.Contains(errOut, "another passionbot is running") {
		t.Fatalf("a living twin container's claim taken: exit %d, %q", code, errOut)
	}
	// The same, not renewed any more (the previous container, before a
	// restart): the start waits for the claim to expire and takes it.
	db.SQL().ExecContext(ctx, "UPDATE instance_lease SET renewed = renewed - 28 WHERE id = 1")
	if code, out, errOut := runCLI(t, "help\n"); code != 0 || !strings.Contains(out, "Kommandon") {
		t.Fatalf("restarted container: exit %d, %q", code, errOut)
	}
	// A claim left by a process that is gone from this machine is taken
	// over at once (a crash, then a restart).
	if err := db.AcquireLease(ctx, storage.Lease{Owner: storage.Machine() + "/crashed", Host: host, PID: 1 << 30}, time.Minute); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "help\n"); code != 0 || !strings.Contains(out, "Kommandon") {
		t.Fatalf("restart after a crash: exit %d, stderr %q", code, errOut)
	}
	// A clean stop released the claim: the next start needs no takeover.
	var n int
	db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM instance_lease").Scan(&n)
	if n != 0 {
		t.Fatalf("%d claims left after a clean stop", n)
	}
}

// TestTokensNeverLoggedOnAuthFailure starts the binary with wrong tokens
// against both fakes, with debug logging: the start fails with a clear
// error, and no token appears in any log line or error message.
func TestTokensNeverLoggedOnAuthFailure(t *testing.T) {
	dir := inTempDir(t)
	dfake := discordfake.New(t)
	g := dfake.AddGuild(discordfake.Guild{Name: "g", Channels: []discordfake.Channel{{Name: "allmant"}}})
	sfake := slackfake.New(t)
	wrongDiscord := "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhJkLm.WrongSecretPartThatMustNotLeak"
	for _, tc := range []struct {
		name, config string
		env          map[string]string
	}{
		{"discord", "[log]\nlevel = \"debug\"\n[discord]\nenabled = true\nguild_id = \"" + g.ID + "\"\nbase_url = \"" + dfake.URL() + "\"\n",
			map[string]string{"DISCORD_TOKEN": wrongDiscord}},
		{"slack", "[log]\nlevel = \"debug\"\n[slack]\nenabled = true\napi_url = \"" + sfake.APIURL() + "\"\n",
			map[string]string{"SLACK_BOT_TOKEN": "xoxb-wrong-bot-secret-Qz7Wx4711", "SLACK_APP_TOKEN": "xapp-wrong-app-secret-Kp3Rv0815"}},
		{"slack-app", "[log]\nlevel = \"debug\"\n[slack]\nenabled = true\napi_url = \"" + sfake.APIURL() + "\"\n",
			map[string]string{"SLACK_BOT_TOKEN": sfake.BotToken(), "SLACK_APP_TOKEN": "xapp-wrong-app-secret-Kp3Rv0815"}},
	} {
		p := filepath.Join(dir, tc.name+".toml")
		os.WriteFile(p, []byte(tc.config), 0o600)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var out, errb bytes.Buffer
		code := run(ctx, []string{"--config", p, "--db", filepath.Join(dir, tc.name+".db")}, strings.NewReader(""), &out, &errb, func(k string) string { return tc.env[k] })
		timedOut := ctx.Err() != nil
		cancel()
		all := out.String() + errb.String() // discordgo's lines come through the bot's logger
		if !strings.Contains(errb.String(), "check "+map[string]string{"discord": "DISCORD_TOKEN", "slack": "SLACK_BOT_TOKEN", "slack-app": "SLACK_APP_TOKEN"}[tc.name]) {
			t.Errorf("%s: the error does not say which token to check: %s", tc.name, errb.String())
		}
		if code == 0 || timedOut {
			t.Errorf("%s: exit %d (timed out: %v); a wrong token must stop the start: %s", tc.name, code, timedOut, all)
		}
		for _, tok := range tc.env {
			if strings.Contains(all, tok) || strings.Contains(all, tok[strings.LastIndexAny(tok, ".-")+1:]) {
				t.Errorf("%s: the token appears in the output:\n%s", tc.name, all)
			}
		}
	}
}

// TestAskAnswersEachLineAtOnce: `ask` buffers its answers, but a program
// (or a member) that writes one question and waits for its answer before
// the next gets each answer at once, not at the end of input.
func TestAskAnswersEachLineAtOnce(t *testing.T) {
	dir := inTempDir(t)
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(context.Background(), []string{"--db", filepath.Join(dir, "a.db"), "ask", "--json"}, inR, outW, io.Discard, func(string) string { return "" })
		outW.Close()
	}()
	answers := bufio.NewScanner(outR)
	for _, q := range []string{"what does PUNKS stand for?", "vad står PUNKS för?"} {
		if _, err := io.WriteString(inW, q+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			answers.Scan()
			got <- answers.Text()
		}()
		select {
		case line := <-got:
			if !strings.Contains(line, `"topic":"punks-name"`) {
				t.Fatalf("%q: %s", q, line)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("no answer to %q before the next question", q)
		}
	}
	inW.Close()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
}
