// Package config reads passionbot's TOML configuration (github.com/BurntSushi/toml).
// Every key is documented in config.example.toml. Secrets never live in the
// file: DISCORD_TOKEN, SLACK_BOT_TOKEN and SLACK_APP_TOKEN come only from the
// environment, through Secrets.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // timezones work on machines without a zoneinfo database

	"github.com/BurntSushi/toml"
)

// Config is the whole configuration.
type Config struct {
	Name       string     `toml:"name"`
	Locale     string     `toml:"locale"`
	Timezone   string     `toml:"timezone"`
	Prefix     string     `toml:"prefix"`
	Database   string     `toml:"database"`
	Log        Log        `toml:"log"`
	Discord    Discord    `toml:"discord"`
	Slack      Slack      `toml:"slack"`
	Roles      Roles      `toml:"roles"`
	Knowledge  Knowledge  `toml:"knowledge"`
	HTTP       HTTP       `toml:"http"`
	Web        Web        `toml:"web"`
	Meetups    Meetups    `toml:"meetups"`
	Members    Members    `toml:"members"`
	Matching   Matching   `toml:"matching"`
	Moderation Moderation `toml:"moderation"`
	Automod    Automod    `toml:"automod"`
	Backup     Backup     `toml:"backup"`
	Limits     Limits     `toml:"limits"`

	// Location is Timezone, loaded.
	Location *time.Location `toml:"-"`
}

// Log configures log/slog output.
type Log struct {
	Level  string `toml:"level"`  // debug, info, warn, error
	Format string `toml:"format"` // text or json
}

// Discord configures the Discord adapter.
type Discord struct {
	Enabled           bool   `toml:"enabled"`
	ApplicationID     string `toml:"application_id"`
	GuildID           string `toml:"guild_id"`
	BaseURL           string `toml:"base_url"`
	PrivilegedIntents bool   `toml:"privileged_intents"`
}

// Slack configures the Slack adapter.
type Slack struct {
	Enabled       bool   `toml:"enabled"`
	APIURL        string `toml:"api_url"`
	CommandPrefix string `toml:"command_prefix"`
	// ChannelMessages hands the bot every message in the channels it is
	// in (prefix commands and automatic moderation), not only mentions.
	ChannelMessages bool `toml:"channel_messages"`
}

// Roles maps platform role or user-group names to passionbot roles.
type Roles struct {
	Organiser []string `toml:"organiser"`
	Moderator []string `toml:"moderator"`
	Admin     []string `toml:"admin"`
}

// Knowledge configures the knowledge base.
type Knowledge struct {
	Dir string `toml:"dir"`
}

// Meetups configures reminders and scheduled delivery.
type Meetups struct {
	// Reminders are offsets before a meetup's start ("24h", "1h").
	Reminders []string `toml:"reminders"`
	// Grace is how late a missed firing may still be sent after downtime.
	Grace string `toml:"grace"`

	// ReminderOffsets and GraceDuration are Reminders and Grace, parsed.
	ReminderOffsets []time.Duration `toml:"-"`
	GraceDuration   time.Duration   `toml:"-"`
}

// Members configures how new members are met.
type Members struct {
	// Onboarding sends a welcome DM to a member who joins (where the
	// platform reports joins).
	Onboarding bool `toml:"onboarding"`
	// GroupThreshold: when this many members share an interest with no
	// channel, the moderators are told once (0 turns it off).
	GroupThreshold int `toml:"group_threshold"`
	// GroupNotify lists where they are told: "discord:#<channel id>",
	// "slack:#<channel id>".
	GroupNotify []string `toml:"group_notify"`
}

// Matching configures when opted-in members are matched.
type Matching struct {
	Cron           string `toml:"cron"`             // "" turns scheduled matching off
	EveryOtherWeek bool   `toml:"every_other_week"` // run only in even ISO weeks
	WindowWeeks    int    `toml:"window_weeks"`     // a pair is not matched again within this
}

// Moderation configures the audit log's mirror and retention.
type Moderation struct {
	// LogChannels mirror every audit entry: "discord:#<id>", "slack:#<id>".
	LogChannels []string `toml:"log_channels"`
	// AuditRetention is how long audit entries are kept: days ("730d") or
	// a Go duration; "0" keeps them forever.
	AuditRetention string `toml:"audit_retention"`

	// AuditRetentionDuration is AuditRetention, parsed (0: forever).
	AuditRetentionDuration time.Duration `toml:"-"`
}

// Limits bound what one member can make the bot do.
type Limits struct {
	// CommandsPerMinute refills each member's bucket of commands (members
	// and organisers; moderators and admins are not limited); 0 turns the
	// limit off.
	CommandsPerMinute int `toml:"commands_per_minute"`
	// CommandBurst is how many commands a member may send at once.
	CommandBurst int `toml:"command_burst"`
}

// Automod configures automatic moderation of member messages.
type Automod struct {
	Enabled bool `toml:"enabled"`
	// Banned are regular expressions (RE2, matched case-insensitively).
	Banned []string `toml:"banned"`
	// MaxMentions is the most mentions one message may hold (0: no limit).
	MaxMentions int `toml:"max_mentions"`
	// RepeatChannels: the same text in this many channels within
	// RepeatWindow is spam (0: off).
	RepeatChannels int    `toml:"repeat_channels"`
	RepeatWindow   string `toml:"repeat_window"`

	// BannedRE and RepeatWindowDuration are Banned and RepeatWindow, parsed.
	BannedRE             []*regexp.Regexp `toml:"-"`
	RepeatWindowDuration time.Duration    `toml:"-"`
}

// Backup configures scheduled backups.
type Backup struct {
	Cron string `toml:"cron"` // "" turns scheduled backups off
	Dir  string `toml:"dir"`  // where the copies go
	Keep int    `toml:"keep"` // how many copies are kept (the oldest go first)
}

// HTTP configures the optional HTTP endpoint (health, metrics, calendars).
type HTTP struct {
	// Listen is host:port; a port alone (":8080") listens on loopback.
	Listen string `toml:"listen"`
	// PublicURL is how members reach it (a reverse proxy), for the
	// calendar links; default http://<listen>.
	PublicURL string `toml:"public_url"`
}

// Web is the web dashboard and community page, served on the [http]
// endpoint.
type Web struct {
	// Enabled serves the dashboard (sign-in links from `dashboard`) when
	// [http] listen is set. Default true.
	Enabled bool `toml:"enabled"`
	// Public shows the community page (upcoming meetups, what the
	// passion-driven economy is, common interests) to anyone, signed in or
	// not. Default false.
	Public bool `toml:"public"`
	// RequestsPerMinute bounds each signed-in browser (a burst of a
	// third of it); every request reads the member's role from the
	// platform. Default 60; 0 turns the limit off.
	RequestsPerMinute int `toml:"requests_per_minute"`
}

// Default returns the built-in configuration: console only, Swedish,
// Europe/Stockholm, passionbot.db in the working folder.
func Default() Config {
	c := Config{
		Name:     "passionbot",
		Locale:   "sv",
		Timezone: "Europe/Stockholm",
		Prefix:   "!",
		Database: "passionbot.db",
		Log:      Log{Level: "info", Format: "text"},
		Discord:  Discord{BaseURL: "https://discord.com"},
		Meetups:  Meetups{Reminders: []string{"24h", "1h"}, Grace: "1h"},
		Members:  Members{Onboarding: true, GroupThreshold: 5},
		Matching: Matching{Cron: "0 9 * * 1", EveryOtherWeek: true, WindowWeeks: 8},
		Slack:    Slack{APIURL: "https://slack.com/api/"},
		Automod:  Automod{MaxMentions: 5, RepeatChannels: 3, RepeatWindow: "1m"},
		Backup:   Backup{Dir: "backups", Keep: 7},
		Web:      Web{Enabled: true, RequestsPerMinute: 60},
		Limits:   Limits{CommandsPerMinute: 20, CommandBurst: 5},
		// Moderation's audit log is kept two years.
		Moderation: Moderation{AuditRetention: "730d"},
	}
	return c
}

// ErrNoFile is returned by Load when an optional default file is absent.
var ErrNoFile = errors.New("no configuration file")

// Load reads the file at path over the defaults and validates the result.
// Errors are one line naming the problem: the TOML line of a syntax error,
// an unknown key, a bad timezone or locale.
func Load(path string) (Config, error) {
	c := Default()
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return c, fmt.Errorf("configuration file %s does not exist", path)
		}
		return c, fmt.Errorf("configuration file %s: %w", path, err)
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, oneLine(pe.Message))
		}
		return c, fmt.Errorf("%s: %s", path, oneLine(err.Error()))
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.String()
		}
		return c, fmt.Errorf("%s: unknown key %s", path, strings.Join(names, ", "))
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Validate checks values and loads the timezone.
func (c *Config) Validate() error {
	if c.Locale != "sv" && c.Locale != "en" {
		return fmt.Errorf("locale %q: must be \"sv\" or \"en\"", c.Locale)
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil || c.Timezone == "" {
		return fmt.Errorf("timezone %q is not a known IANA timezone (such as \"Europe/Stockholm\")", c.Timezone)
	}
	c.Location = loc
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level) {
		return fmt.Errorf("log.level %q: must be debug, info, warn or error", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		return fmt.Errorf("log.format %q: must be text or json", c.Log.Format)
	}
	if strings.TrimSpace(c.Name) == "" {
		return errors.New("name must not be empty")
	}
	if strings.ContainsAny(c.Prefix, " \t\n") {
		return fmt.Errorf("prefix %q must not contain spaces", c.Prefix)
	}
	if c.Database == "" {
		return errors.New("database must name a file")
	}
	if l := c.HTTP.Listen; l != "" {
		host, _, err := net.SplitHostPort(l)
		if err != nil {
			return fmt.Errorf("http.listen %q: must be host:port, such as \"127.0.0.1:8080\"", l)
		}
		if host == "" {
			c.HTTP.Listen = "127.0.0.1" + l // loopback unless a host is named
		}
	}
	if c.Web.RequestsPerMinute < 0 {
		return fmt.Errorf("web.requests_per_minute %d: must be 0 (no limit) or more", c.Web.RequestsPerMinute)
	}
	if u := c.HTTP.PublicURL; u != "" {
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			return fmt.Errorf("http.public_url %q: must be an http(s) URL, such as \"https://bot.example.se\"", u)
		}
		c.HTTP.PublicURL = strings.TrimSuffix(u, "/")
	}
	c.Meetups.ReminderOffsets = nil
	for _, r := range c.Meetups.Reminders {
		d, err := time.ParseDuration(r)
		if err != nil || d <= 0 || d > 30*24*time.Hour {
			return fmt.Errorf("meetups.reminders: %q is not a duration between 1s and 720h (such as \"24h\")", r)
		}
		c.Meetups.ReminderOffsets = append(c.Meetups.ReminderOffsets, d)
	}
	g, err := time.ParseDuration(c.Meetups.Grace)
	if err != nil || g < 0 || g > 7*24*time.Hour {
		return fmt.Errorf("meetups.grace: %q is not a duration between 0 and 168h (such as \"1h\")", c.Meetups.Grace)
	}
	c.Meetups.GraceDuration = g
	for _, t := range append(append([]string(nil), c.Members.GroupNotify...), c.Moderation.LogChannels...) {
		if p, ch, ok := strings.Cut(t, ":#"); !ok || p == "" || ch == "" {
			return fmt.Errorf("members.group_notify or moderation.log_channels: %q is not \"platform:#channel\"", t)
		}
	}
	if c.Matching.WindowWeeks < 0 || c.Matching.WindowWeeks > 520 {
		return fmt.Errorf("matching.window_weeks %d: must be between 0 and 520", c.Matching.WindowWeeks)
	}
	if err := c.validateLimits(); err != nil {
		return err
	}
	if c.Backup.Keep < 1 || c.Backup.Keep > 1000 {
		return fmt.Errorf("backup.keep %d: must be between 1 and 1000", c.Backup.Keep)
	}
	if c.Backup.Cron != "" && strings.TrimSpace(c.Backup.Dir) == "" {
		return errors.New("backup.dir must name a folder when backup.cron is set")
	}
	return c.Automod.validate()
}

// validateLimits checks [limits] and parses moderation.audit_retention.
func (c *Config) validateLimits() error {
	if l := c.Limits; l.CommandsPerMinute < 0 || l.CommandsPerMinute > 6000 || l.CommandBurst < 1 || l.CommandBurst > 1000 {
		return fmt.Errorf("limits: commands_per_minute %d must be between 0 (off) and 6000, command_burst %d between 1 and 1000", l.CommandsPerMinute, l.CommandBurst)
	}
	d, err := parseDays(c.Moderation.AuditRetention)
	if err != nil || (d != 0 && d < 24*time.Hour) {
		return fmt.Errorf("moderation.audit_retention: %q is not a number of days of at least 1 (such as \"730d\"), or \"0\" to keep forever", c.Moderation.AuditRetention)
	}
	c.Moderation.AuditRetentionDuration = d
	return nil
}

// parseDays reads "730d" as 730 days and anything else as a Go duration.
func parseDays(s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(strings.TrimSpace(s), "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 0 || days > 100*366 {
			return 0, fmt.Errorf("%q is not a number of days", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration", s)
	}
	return d, nil
}

// validate parses the automod rules.
func (a *Automod) validate() error {
	a.BannedRE = nil
	for _, p := range a.Banned {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil || p == "" {
			return fmt.Errorf("automod.banned: %q is not a regular expression: %v", p, err)
		}
		a.BannedRE = append(a.BannedRE, re)
	}
	if a.MaxMentions < 0 || a.RepeatChannels < 0 || a.RepeatChannels == 1 {
		return errors.New("automod: max_mentions must be 0 or more, repeat_channels 0 or at least 2")
	}
	d, err := time.ParseDuration(a.RepeatWindow)
	if err != nil || d <= 0 || d > 24*time.Hour {
		return fmt.Errorf("automod.repeat_window: %q is not a duration between 1s and 24h (such as \"1m\")", a.RepeatWindow)
	}
	a.RepeatWindowDuration = d
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Secrets are the tokens, read only from the environment.
type Secrets struct {
	DiscordToken  string
	SlackBotToken string
	SlackAppToken string
}

// SecretsFromEnv reads the tokens with getenv (os.Getenv in main).
func SecretsFromEnv(getenv func(string) string) Secrets {
	return Secrets{
		DiscordToken:  getenv("DISCORD_TOKEN"),
		SlackBotToken: getenv("SLACK_BOT_TOKEN"),
		SlackAppToken: getenv("SLACK_APP_TOKEN"),
	}
}

// String never shows a token, so Secrets can be logged by mistake safely.
func (s Secrets) String() string { return "config.Secrets{redacted}" }

// GoString never shows a token either.
func (s Secrets) GoString() string { return s.String() }
