package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"passionbot/adapters/discord"
	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/health"
	"passionbot/internal/app"
	"passionbot/storage"
)

// doctor checks the live configuration and prints one line per check
// (bot.CheckResult): the configuration, each enabled platform's set-up
// (adapters/discord.Check, adapters/slack.Check), the database and
// [http] listen. Exit 0 when nothing failed, 2 when a platform's settings
// are unusable (a missing token: what run refuses with 2), 1 otherwise. It
// changes nothing on the platforms and does not migrate the database.
func (a *program) doctor(ctx context.Context) error {
	results := []bot.CheckResult{a.configCheck()}
	configErr := false
	if a.cfg.Discord.Enabled || a.cfg.Slack.Enabled {
		cmds, err := a.declarations(ctx)
		if err != nil {
			return err
		}
		rs, bad := a.platformChecks(ctx, cmds)
		results, configErr = append(results, rs...), bad
	}
	results = append(results, a.databaseCheck(ctx), a.listenCheck(ctx))
	failed := 0
	for _, r := range results {
		fmt.Fprintln(a.stdout, r)
		if r.Status == bot.CheckFailed {
			failed++
		}
	}
	switch {
	case configErr:
		return &exitError{code: 2, err: fmt.Errorf("%d check(s) failed; the configuration is not usable", failed)}
	case failed > 0:
		return fmt.Errorf("%d check(s) failed", failed)
	}
	return nil
}

// configCheck says which configuration was read and what it enables.
func (a *program) configCheck() bot.CheckResult {
	src := a.inv.config
	if src == "" {
		src = "passionbot.toml"
		if _, err := os.Stat(src); err != nil {
			src = "built-in defaults (no passionbot.toml here)"
		}
	}
	var on []string
	if a.cfg.Discord.Enabled {
		on = append(on, "discord")
	}
	if a.cfg.Slack.Enabled {
		on = append(on, "slack")
	}
	if len(on) == 0 {
		return bot.Passed("configuration", "%s: no platform enabled, the bot runs on the console ([discord] or [slack] enabled = true connects it)", src)
	}
	return bot.Passed("configuration", "%s: %s enabled", src, strings.Join(on, " and "))
}

// platformChecks runs the enabled platforms' checks; bad reports settings
// the adapter refuses outright (exit 2).
func (a *program) platformChecks(ctx context.Context, cmds []*bot.Command) (out []bot.CheckResult, bad bool) {
	if a.cfg.Discord.Enabled {
		opt := a.discordOptions()
		if _, err := discord.New(opt); err != nil {
			out, bad = append(out, bot.Failed("discord configuration", "%v", err)), true
		} else {
			out = append(out, discord.Check(ctx, opt, a.discordCheckOptions(cmds))...)
		}
	}
	if a.cfg.Slack.Enabled {
		opt := a.slackOptions()
		if _, err := slack.New(opt); err != nil {
			out, bad = append(out, bot.Failed("slack configuration", "%v", err)), true
		} else {
			out = append(out, slack.Check(ctx, opt, a.slackCheckOptions(cmds))...)
		}
	}
	return out, bad
}

func (a *program) discordOptions() discord.Options {
	d := a.cfg.Discord
	return discord.Options{Token: a.secrets.DiscordToken, BaseURL: d.BaseURL, GuildID: d.GuildID, PrivilegedIntents: d.PrivilegedIntents}
}

func (a *program) discordCheckOptions(cmds []*bot.Command) discord.CheckOptions {
	return discord.CheckOptions{ApplicationID: a.cfg.Discord.ApplicationID, Commands: cmds, Automod: a.cfg.Automod.Enabled,
		StaffRoles: slices.Concat(a.cfg.Roles.Moderator, a.cfg.Roles.Admin)}
}

func (a *program) slackOptions() slack.Options {
	return slack.Options{BotToken: a.secrets.SlackBotToken, AppToken: a.secrets.SlackAppToken, APIURL: a.cfg.Slack.APIURL,
		CommandPrefix: a.cfg.Slack.CommandPrefix}
}

func (a *program) slackCheckOptions(cmds []*bot.Command) slack.CheckOptions {
	return slack.CheckOptions{Commands: cmds, ChannelMessages: a.cfg.Slack.ChannelMessages}
}

// declarations are the commands this passionbot declares, built on a
// scratch database so that doctor leaves the real one as it is.
func (a *program) declarations(ctx context.Context) ([]*bot.Command, error) {
	dir, err := os.MkdirTemp("", "passionbot-doctor-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := storage.Open(ctx, filepath.Join(dir, "scratch.db"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	built, err := app.Build(ctx, app.Options{Config: a.cfg, DB: db})
	if err != nil {
		return nil, err
	}
	return built.Bot.Registry().Commands(), nil
}

// databaseCheck opens the configured database, when it exists, and
// reports migrations not applied; it creates and migrates nothing.
func (a *program) databaseCheck(ctx context.Context) bot.CheckResult {
	const name = "database"
	path := a.cfg.Database
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return bot.Failed(name, "%s does not exist and its folder %s is missing: create the folder or set database (or --db) to another path", path, dir)
		}
		return bot.Passed(name, "%s does not exist yet: passionbot creates it at the first start (or `passionbot migrate`)", path)
	}
	db, err := storage.Open(ctx, path)
	if err != nil {
		return bot.Failed(name, "%v", err)
	}
	defer db.Close()
	pending, err := db.Pending(ctx)
	if err != nil {
		return bot.Failed(name, "%s: %v", path, err)
	}
	v, _ := db.Version(ctx)
	if pending > 0 {
		return bot.Failed(name, "%s is at schema version %d with %d migration(s) not applied: run `passionbot migrate` (starting passionbot applies them too)", path, v, pending)
	}
	return bot.Passed(name, "%s opens, schema version %d, every migration applied", path, v)
}

// listenCheck reports whether [http] listen can be listened on; when it is
// taken by a running passionbot (its /healthz answers) that is fine.
func (a *program) listenCheck(ctx context.Context) bot.CheckResult {
	const name = "http listen"
	addr := a.cfg.HTTP.Listen
	if addr == "" {
		return bot.Passed(name, "[http] listen is off (no /healthz, /metrics or calendar feeds)")
	}
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		ln.Close()
		return bot.Passed(name, "%s is free", addr)
	}
	if u, uerr := health.URL(addr); uerr == nil {
		hctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if rep, _, herr := health.Ask(hctx, u); herr == nil {
			return bot.Passed(name, "%s is taken by a running passionbot (its /healthz answers %s)", addr, rep.Status)
		}
	}
	return bot.Failed(name, "[http] listen %s cannot be used (%v): another program listens there; stop it or choose another address", addr, err)
}

// startupWaitMax bounds how long the start-up checks wait for a platform
// to connect.
const startupWaitMax = 2 * time.Minute

// logStartupChecks runs doctor's platform checks once the adapters are
// connected and logs each failure as a warning, in doctor's words. It
// runs beside the bot and never stops it.
func (a *program) logStartupChecks(ctx context.Context, adapters []bot.Adapter, cmds []*bot.Command) {
	for _, ad := range adapters {
		var check func(context.Context) []bot.CheckResult
		switch ad := ad.(type) {
		case *discord.Adapter:
			co := a.discordCheckOptions(cmds)
			check = func(ctx context.Context) []bot.CheckResult { return ad.CheckLive(ctx, co) }
		case *slack.Adapter:
			co := a.slackCheckOptions(cmds)
			check = func(ctx context.Context) []bot.CheckResult { return ad.CheckLive(ctx, co) }
		default:
			continue
		}
		if !waitConnected(ctx, ad) {
			return
		}
		for _, r := range check(ctx) {
			if r.Status == bot.CheckFailed && ctx.Err() == nil {
				a.log.Warn(r.String(), "platform", ad.Platform(), "see", "passionbot doctor")
			}
		}
	}
}

// waitConnected waits until ad reports healthy (connected), at most
// startupWaitMax; false when ctx ended or it never connected.
func waitConnected(ctx context.Context, ad bot.Adapter) bool {
	h, ok := ad.(bot.HealthChecker)
	if !ok {
		return true
	}
	deadline := time.Now().Add(startupWaitMax)
	for h.Health() != nil {
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(200 * time.Millisecond):
		}
	}
	return true
}

// explainAdapterErr adds what to do to an adapter's fatal error when
// doctor knows it (Discord's gateway close 4014 or 4004).
func (a *program) explainAdapterErr(p bot.Platform, err error) error {
	if p == bot.PlatformDiscord {
		if advice := discord.GatewayAdvice(err, a.cfg.Discord.PrivilegedIntents); advice != "" {
			return fmt.Errorf("%s: %w — %s", p, err, advice)
		}
	}
	return fmt.Errorf("%s: %w", p, err)
}
