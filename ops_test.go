package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"passionbot/health"
	"passionbot/internal/discordfake"
	"passionbot/internal/slackfake"
	"passionbot/metrics/metricstest"
)

// freeAddr returns a loopback address nobody listens on.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// healthz fetches /healthz and decodes its report.
func healthz(t *testing.T, base string) (int, health.Report) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rep health.Report
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		t.Fatalf("/healthz is not JSON: %v", err)
	}
	return resp.StatusCode, rep
}

// waitHealth polls /healthz until it answers code, and returns the report.
func waitHealth(t *testing.T, base string, code int, within time.Duration) health.Report {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got, rep := healthz(t, base)
		if got == code {
			return rep
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz still %d %+v, want %d", got, rep, code)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestHealthzAndMetricsServed runs the binary on both platforms' fakes with
// [http] listen: /healthz is 200 when all is well and 503 naming Discord
// during a gateway outage, then 200 again; /metrics counts what members did.
func TestHealthzAndMetricsServed(t *testing.T) {
	dir := inTempDir(t)
	addr := freeAddr(t)
	base := "http://" + addr
	f := newTwoFakes(t, dir, "[http]\nlisten = \""+addr+"\"\n")
	sf, df, kim, guild, general := f.slack, f.discord, f.kim, f.guild, f.slackGeneral
	p := f.config
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &syncWriter{w: &bytes.Buffer{}}
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"--config", p}, strings.NewReader(""), io.Discard, logs, f.env) }()
	wait, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	f.waitConnected(t, wait)

	rep := waitHealth(t, base, http.StatusOK, 10*time.Second)
	want := map[string]string{"database": "ok", "discord": "ok", "slack": "ok", "scheduler": "ok"}
	if rep.Status != "ok" || len(rep.Checks) != len(want) {
		t.Fatalf("healthy report = %+v", rep)
	}
	for k, v := range want {
		if rep.Checks[k] != v {
			t.Errorf("check %s = %q, want %q", k, rep.Checks[k], v)
		}
	}
	if code, out := healthCLI(p); code != 0 || !strings.Contains(out, "discord    ok\n") || !strings.Contains(out, "scheduler  ok\n") {
		t.Errorf("passionbot health while healthy: exit %d, %q", code, out)
	}

	// Members ask; each platform makes the bot wait once (429) before its answer.
	sf.RateLimit("chat.postMessage", 1, time.Second)
	df.RateLimit("POST", "/channels/*/messages", 1, 500*time.Millisecond)
	sf.SendEvent(slackfake.AppMentionEvent{User: "UKIM", Channel: general, Text: "vad står PUNKS för?"})
	ch := guild.Channels[0].ID
	df.SendMessage(discordfake.MessageCreate{ChannelID: ch, Author: kim, Content: "<@" + df.BotID() + "> who commissioned the report?"})
	if _, err := df.WaitMessages(wait, ch, 1); err != nil {
		t.Fatal(err)
	}
	df.SendMessage(discordfake.MessageCreate{ChannelID: ch, Author: kim, Content: "<@" + df.BotID() + "> what is the airspeed velocity of an unladen swallow?"})
	if _, err := df.WaitMessages(wait, ch, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := sf.WaitPosts(wait, general, 1); err != nil {
		t.Fatal(err)
	}
	// The counts are taken after each reply is sent: wait for the last.
	var body string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		body = metricstest.Scrape(t, nil, base+"/metrics")
		if metricstest.Value(body, "passionbot_command_duration_seconds_count", `platform="slack"`) == 1 &&
			metricstest.Value(body, "passionbot_command_duration_seconds_count", `platform="discord"`) == 2 {
			break
		}
	}
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"passionbot_messages_total", []string{`platform="discord"`, `kind="message"`}, 2},
		{"passionbot_commands_total", []string{`platform="discord"`, `command="question"`, `result="ok"`}, 2},
		{"passionbot_commands_total", []string{`platform="slack"`, `command="question"`, `result="ok"`}, 1},
		{"passionbot_unanswered_questions_total", []string{`platform="discord"`, `lang="en"`}, 1},
		{"passionbot_questions_total", []string{`platform="slack"`, `lang="sv"`}, 1},
		{"passionbot_rate_limit_waits_total", []string{`platform="slack"`}, 1},
		{"passionbot_rate_limit_waits_total", []string{`platform="discord"`}, 1},
		{"passionbot_command_duration_seconds_count", []string{`platform="discord"`}, 2},
		{"passionbot_command_duration_seconds_count", []string{`platform="slack"`}, 1},
		{"passionbot_messages_total", []string{`platform="slack"`, `kind="message"`}, 1},
		{"passionbot_open_questions", nil, 1}, // the swallow, waiting for an organiser
		{"passionbot_scheduled_jobs", nil, 2}, // the default matching run and the nightly pruning (questions, audit log, delivery log)
	} {
		if got := metricstest.Value(body, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if t.Failed() {
		// What was counted instead, for the next reader.
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "passionbot_commands_total") || strings.HasPrefix(line, "passionbot_command_duration_seconds_count") {
				t.Log(line)
			}
		}
	}

	// A Discord outage: the gateway drops and refuses to come back.
	df.SetGatewayDown(true)
	df.Drop(discordfake.DropAbrupt)
	rep = waitHealth(t, base, http.StatusServiceUnavailable, 10*time.Second)
	if rep.Status != "unavailable" || rep.Checks["discord"] != "discord gateway not connected" ||
		rep.Checks["slack"] != "ok" || rep.Checks["database"] != "ok" || rep.Checks["scheduler"] != "ok" {
		t.Errorf("during the outage = %+v", rep)
	}
	if code, out := healthCLI(p); code != 1 || !strings.Contains(out, "discord    discord gateway not connected\n") {
		t.Errorf("passionbot health during the outage: exit %d, %q", code, out)
	}
	// The gateway stays down until discordgo has tried to reconnect and
	// failed (it logs that as an error, checked below).
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(logs.String(), "[DG0]"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("discordgo never tried to reconnect during the outage")
		}
	}
	df.SetGatewayDown(false)
	waitHealth(t, base, http.StatusOK, 20*time.Second)

	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d", code)
	}
	out := logs.String()
	f.noTokenIn(t, out)
	// discordgo's own lines about the outage went through the bot's logger.
	if !strings.Contains(out, "part=discordgo") || !strings.Contains(out, "[DG0]") {
		t.Errorf("discordgo's log lines did not reach the bot's log:\n%s", out)
	}
}

// healthCLI runs `passionbot health` with the configuration at p.
func healthCLI(p string) (int, string) {
	var out bytes.Buffer
	code := run(context.Background(), []string{"--config", p, "health"}, strings.NewReader(""), &out, io.Discard, func(string) string { return "" })
	return code, out.String()
}

func TestHealthCommandWithoutEndpoint(t *testing.T) {
	inTempDir(t)
	code, _, errOut := runCLI(t, "", "health")
	if code != 2 || !strings.Contains(errOut, "[http] listen is off") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	os.WriteFile("passionbot.toml", []byte("[http]\nlisten = \""+freeAddr(t)+"\"\n"), 0o600)
	code, _, errOut = runCLI(t, "", "health")
	if code != 1 || !strings.Contains(errOut, "is passionbot running?") {
		t.Fatalf("nothing listening: exit %d, %q", code, errOut)
	}
}

// TestCalendarLinksUsePublicURL: behind a reverse proxy, the links members
// get point at [http] public_url, not at the loopback address.
func TestCalendarLinksUsePublicURL(t *testing.T) {
	inTempDir(t)
	os.WriteFile("passionbot.toml", []byte("[http]\nlisten = \""+freeAddr(t)+"\"\npublic_url = \"https://bot.example.se/\"\n"), 0o600)
	code, out, errOut := runCLI(t, "meetup create title:\"Keramikkväll\" when:\"2027-02-04 18:00\" where:\"Ateljén\"\nmeetup ics id:1\n")
	if code != 0 || !strings.Contains(out, "https://bot.example.se/calendar/") || strings.Contains(out, "http://127.0.0.1") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestJSONLogs: with [log] format = "json" every log line is one JSON
// object with time, level and msg, for log shippers.
func TestJSONLogs(t *testing.T) {
	inTempDir(t)
	os.WriteFile("passionbot.toml", []byte("[log]\nformat = \"json\"\nlevel = \"debug\"\n"), 0o600)
	code, _, errOut := runCLI(t, "help\nvad står PUNKS för?\n")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) < 3 {
		t.Fatalf("only %d log lines: %q", len(lines), errOut)
	}
	msgs := map[string]bool{}
	for _, l := range lines {
		var rec struct{ Time, Level, Msg string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.Time == "" || rec.Level == "" || rec.Msg == "" {
			t.Fatalf("not a JSON log record: %q (%v)", l, err)
		}
		msgs[rec.Msg] = true
	}
	for _, m := range []string{"passionbot started", "command handled", "passionbot stopped"} {
		if !msgs[m] {
			t.Errorf("no %q record in %q", m, errOut)
		}
	}
}
