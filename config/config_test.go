package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "passionbot.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaultsValidate(t *testing.T) {
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Location.String() != "Europe/Stockholm" || c.Locale != "sv" || c.Database != "passionbot.db" {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestExampleConfigLoads(t *testing.T) {
	c, err := Load("../config.example.toml")
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if c.Name == "" || c.Discord.Enabled || c.Slack.Enabled {
		t.Fatalf("example should be console-only with a name: %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"syntax", "name = \"x\"\nlocale = sv\n", ":2: "},
		{"unknown key", "name = \"x\"\ncolour = \"red\"\n", "unknown key colour"},
		{"unknown nested key", "[discord]\ntoken = \"abc\"\n", "unknown key discord.token"},
		{"bad timezone", "timezone = \"Mars/Olympus\"\n", `timezone "Mars/Olympus"`},
		{"bad locale", "locale = \"de\"\n", `locale "de"`},
		{"bad log level", "[log]\nlevel = \"loud\"\n", `log.level "loud"`},
		{"wrong type", "prefix = 3\n", "prefix"},
		{"bad automod pattern", "[automod]\nbanned = [\"(köp\"]\n", `automod.banned: "(köp" is not a regular expression`},
		{"bad automod window", "[automod]\nrepeat_window = \"soon\"\n", `automod.repeat_window: "soon"`},
		{"automod repeat of one", "[automod]\nrepeat_channels = 1\n", "repeat_channels 0 or at least 2"},
		{"http listen without port", "[http]\nlisten = \"8080\"\n", `http.listen "8080": must be host:port`},
		{"http public url", "[http]\nlisten = \":8080\"\npublic_url = \"bot.example.se\"\n", `http.public_url "bot.example.se"`},
	}
	for _, tt := range tests {
		_, err := Load(write(t, tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", tt.name, err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "nope.toml")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing file: %v", err)
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	s := SecretsFromEnv(func(k string) string { return "tok-" + k })
	if s.DiscordToken != "tok-DISCORD_TOKEN" || s.SlackAppToken != "tok-SLACK_APP_TOKEN" {
		t.Fatalf("secrets not read: %+v", s.DiscordToken)
	}
	for _, out := range []string{s.String(), s.GoString()} {
		if strings.Contains(out, "tok-") {
			t.Fatalf("secret printed: %s", out)
		}
	}
}

func TestHTTPListenDefaultsToLoopback(t *testing.T) {
	c, err := Load(write(t, "[http]\nlisten = \":8080\"\npublic_url = \"https://bot.example.se/\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP.Listen != "127.0.0.1:8080" || c.HTTP.PublicURL != "https://bot.example.se" {
		t.Fatalf("listen %q, public_url %q", c.HTTP.Listen, c.HTTP.PublicURL)
	}
	c, err = Load(write(t, "[http]\nlisten = \"0.0.0.0:8080\"\n"))
	if err != nil || c.HTTP.Listen != "0.0.0.0:8080" {
		t.Fatalf("an explicit host: %q %v", c.HTTP.Listen, err)
	}
}
