package discord_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"passionbot/adapters/discord"
)

// TestDiscordgoLinesAtTheirLevel: discordgo's standard-log lines reach the
// bot's logger at discordgo's own level (so an error is an error, and
// counted), tagged part=discordgo; other standard-log lines are part=stdlog.
func TestDiscordgoLinesAtTheirLevel(t *testing.T) {
	var out bytes.Buffer
	base := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h := discord.StdLog{Other: base.With("part", "stdlog").Handler(), DG: base.With("part", "discordgo").Handler()}
	std := slog.NewLogLogger(h, slog.LevelInfo) // what slog.SetDefault does to the log package
	std.Printf("[DG0] wsapi.go:82:Open() error connecting to gateway")
	std.Printf("[DG1] wsapi.go:700:onEvent() unknown event")
	std.Printf("[DG2] wsapi.go:900:reconnect() trying to reconnect")
	std.Printf("[DG3] restapi.go:50:request() debug detail")
	std.Printf("http: TLS handshake error")
	got := out.String()
	for _, want := range []string{
		`level=ERROR msg="[DG0] wsapi.go:82:Open() error connecting to gateway" part=discordgo`,
		`level=WARN msg="[DG1] wsapi.go:700:onEvent() unknown event" part=discordgo`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, not := range []string{"[DG2]", "[DG3]", "TLS handshake"} {
		if strings.Contains(got, not) {
			t.Errorf("%q logged below the warn level:\n%s", not, got)
		}
	}
	out.Reset()
	base = slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h = discord.StdLog{Other: base.With("part", "stdlog").Handler(), DG: base.With("part", "discordgo").Handler()}
	slog.NewLogLogger(h, slog.LevelInfo).Printf("http: TLS handshake error")
	if !strings.Contains(out.String(), `level=INFO msg="http: TLS handshake error" part=stdlog`) {
		t.Errorf("another standard-log line: %q", out.String())
	}
}
