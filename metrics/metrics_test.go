package metrics_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/metrics"
	"passionbot/metrics/metricstest"
)

// scrape fetches the exposition text as Prometheus would.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	return metricstest.Scrape(t, srv.Client(), srv.URL)
}

func TestCommandsQuestionsAndLatency(t *testing.T) {
	m := metrics.New()
	h := bottest.New(t, bottest.WithObserver(m))
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "vad står PUNKS för?")
	h.Say(kim, "what is the airspeed velocity of an unladen swallow?")
	h.Say(kim, "hjälp")
	h.Say(kim, "warn user:@bo reason:spam")
	h.Say(kim, "hlep")
	body := scrape(t, m)
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"passionbot_messages_total", []string{`kind="message"`, `platform="console"`}, 5},
		{"passionbot_commands_total", []string{`command="question"`, `result="ok"`}, 2},
		{"passionbot_commands_total", []string{`command="help"`, `result="ok"`}, 1},
		{"passionbot_commands_total", []string{`command="warn"`, `result="refused"`}, 1},
		{"passionbot_commands_total", []string{`command="unknown"`, `result="refused"`}, 1},
		{"passionbot_questions_total", []string{`platform="console"`, `lang="sv"`}, 1},
		{"passionbot_questions_total", []string{`platform="console"`, `lang="en"`}, 1},
		{"passionbot_unanswered_questions_total", []string{`lang="en"`}, 1},
		{"passionbot_unanswered_questions_total", []string{`lang="sv"`}, -1},
		{"passionbot_command_duration_seconds_count", []string{`platform="console"`}, 5},
	} {
		if got := metricstest.Value(body, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if metricstest.Value(body, "go_goroutines") <= 0 || metricstest.Value(body, "process_resident_memory_bytes") <= 0 {
		t.Error("runtime and process metrics missing")
	}
}

// refusing is a platform that refuses every message, as Discord does when
// the channel is gone.
type refusing struct{}

func (refusing) Platform() bot.Platform                       { return bot.PlatformDiscord }
func (refusing) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (refusing) Send(context.Context, bot.Target, bot.Reply) (bot.MessageRef, error) {
	return bot.MessageRef{}, bot.Permanent(errors.New("Unknown Channel (10003)"))
}

func TestAnnouncementsSentLateAndFailed(t *testing.T) {
	m := metrics.New()
	wednesday := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	path := t.TempDir() + "/p.db"
	opts := func(at time.Time) []bottest.Option {
		return []bottest.Option{bottest.At(at), bottest.WithDatabase(path), bottest.WithObserver(m), bottest.WithAdapters(refusing{})}
	}
	h := bottest.New(t, opts(wednesday)...)
	org := h.Member("moa", bot.RoleModerator) // another platform's channel needs a moderator
	h.Say(org, `announce schedule cron:"0 * * * *" channel:"#allmant, discord:#gone" text:"tick"`)
	h.Advance(2 * time.Hour) // two firings: console sent twice, discord refused twice
	h.DB.Close()
	// Down for three hours: the last missed firing is sent late after the restart.
	h = bottest.New(t, opts(wednesday.Add(5*time.Hour+30*time.Minute))...)
	h.Advance(time.Millisecond)
	body := scrape(t, m)
	for _, c := range []struct {
		labels []string
		want   float64
	}{
		{[]string{`platform="console"`, `kind="announce"`, `outcome="sent"`}, 2},
		{[]string{`platform="console"`, `kind="announce"`, `outcome="late"`}, 1},
		{[]string{`platform="discord"`, `kind="announce"`, `outcome="failed"`}, 3},
	} {
		if got := metricstest.Value(body, "passionbot_announcements_total", c.labels...); got != c.want {
			t.Errorf("announcements%v = %v, want %v\n%s", c.labels, got, c.want, body)
		}
	}
}

func TestRateLimitWaits(t *testing.T) {
	m := metrics.New()
	m.RateLimited(bot.PlatformSlack, 1500*time.Millisecond)
	m.RateLimited(bot.PlatformSlack, 500*time.Millisecond)
	body := scrape(t, m)
	if got := metricstest.Value(body, "passionbot_rate_limit_waits_total", `platform="slack"`); got != 2 {
		t.Errorf("waits = %v", got)
	}
	if got := metricstest.Value(body, "passionbot_rate_limit_wait_seconds_total", `platform="slack"`); got != 2 {
		t.Errorf("wait seconds = %v", got)
	}
}

func TestErrorLogLinesCountedByPart(t *testing.T) {
	m := metrics.New()
	var out bytes.Buffer
	log := slog.New(m.CountErrors(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelWarn})))
	log.Error("boom")
	log.With("part", "delivery").Error("send failed")
	log.With("part", "delivery").Warn("retrying")
	log.With("platform", "discord").WithGroup("g").Error("gateway")
	log.With("platform", "slack", "part", "roles").Error("lookup")
	body := scrape(t, m)
	for part, want := range map[string]float64{"core": 1, "delivery": 1, "discord": 1, "roles": 1} {
		if got := metricstest.Value(body, "passionbot_errors_total", `part="`+part+`"`); got != want {
			t.Errorf("errors{part=%s} = %v, want %v", part, got, want)
		}
	}
	if n := strings.Count(out.String(), "\n"); n != 5 {
		t.Errorf("%d log lines written, want all 5:\n%s", n, out.String())
	}
}

func TestErrorsCountedEvenWhenNotLogged(t *testing.T) {
	m := metrics.New()
	var out bytes.Buffer
	// A handler that writes nothing below a level above Error still counts errors.
	log := slog.New(m.CountErrors(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelError + 4})))
	log.Error("quiet")
	if got := metricstest.Value(scrape(t, m), "passionbot_errors_total", `part="core"`); got != 1 || out.Len() != 0 {
		t.Errorf("errors = %v, written %q", got, out.String())
	}
}

func TestGaugesReadAtScrape(t *testing.T) {
	m := metrics.New()
	n := 3.0
	m.Gauge("open_questions", "open", func() (float64, error) { return n, nil })
	m.Gauge("broken", "a read that fails", func() (float64, error) { return 0, errors.New("database is locked") })
	body := scrape(t, m)
	if got := metricstest.Value(body, "passionbot_open_questions"); got != 3 {
		t.Errorf("open_questions = %v", got)
	}
	if got := metricstest.Value(body, "passionbot_broken"); got != -1 {
		t.Errorf("a failed read reported %v", got)
	}
	n = 4
	if got := metricstest.Value(scrape(t, m), "passionbot_open_questions"); got != 4 {
		t.Errorf("not read again at the next scrape: %v", got)
	}
}
