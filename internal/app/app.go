// Package app is passionbot's composition root: Build wires the core, the
// features, the scheduler and the deliverer from the configuration, a
// migrated database, the connected adapters and a clock. The program
// (package main) and the test harness (internal/bottest) both build the
// bot through it, so what the tests run is what members talk to.
package app

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/commands"
	"passionbot/config"
	"passionbot/delivery"
	"passionbot/knowledge"
	"passionbot/storage"
)

// Options are what Build needs besides the configuration's values.
type Options struct {
	Config   config.Config // validated (config.Load, or Default then Validate)
	DB       *storage.DB   // open and migrated
	Adapters []bot.Adapter // the connected platforms; none for ask and manifest
	// Clock runs the scheduler, the core and the database; nil is the real
	// clock (tests pass a scheduler.FakeClock).
	Clock    scheduler.Clock
	Logger   *slog.Logger // nil: nothing is logged
	Observer bot.Observer // told what is handled and delivered (metrics)
	// RetryFirst and RetryLongest bound the deliverer's retry waits (0:
	// its defaults; tests shorten them).
	RetryFirst, RetryLongest time.Duration
	// Tune changes the core's options last (tests: extra commands, hooks,
	// limits).
	Tune func(*bot.Options)
}

// App is passionbot built: the core and its features, and the scheduler
// and deliverer their background work runs on.
type App struct {
	Bot       *bot.Bot
	Features  *commands.Features
	Library   *commands.Library
	Scheduler *scheduler.Scheduler
	Deliverer *delivery.Deliverer
	// Problems are the topic files of [knowledge] dir that were skipped.
	Problems []error
}

// Build wires passionbot. Nothing runs yet: Start registers the features'
// jobs, the caller runs the scheduler, Resume and the adapters.
func Build(ctx context.Context, o Options) (*App, error) {
	cfg, db := o.Config, o.DB
	log := cmp.Or(o.Logger, slog.New(slog.DiscardHandler))
	clock := o.Clock
	if clock == nil {
		clock = scheduler.RealClock()
	} else {
		db.SetClock(clock.Now)
	}
	deps, problems, err := commands.NewDeps(ctx, db, cfg.Knowledge.Dir)
	for _, p := range problems {
		log.Warn("knowledge topic skipped", "problem", p)
	}
	if err != nil {
		return nil, err
	}
	a := &App{Library: deps.Library, Problems: problems,
		Scheduler: scheduler.New(clock, log.With("part", "scheduler")),
		Deliverer: delivery.New(db, o.Adapters, delivery.Options{Logger: log.With("part", "delivery"), Observer: o.Observer,
			Backoff: o.RetryFirst, MaxWait: o.RetryLongest}),
	}
	deps.Scheduler, deps.Deliverer, deps.Adapters, deps.Logger, deps.Now = a.Scheduler, a.Deliverer, o.Adapters, log, clock.Now
	deps.Lang, deps.Location = cfg.Locale, cfg.Location
	deps.Reminders, deps.Grace = cfg.Meetups.ReminderOffsets, cfg.Meetups.GraceDuration
	deps.MatchCron, deps.MatchBiweekly = cfg.Matching.Cron, cfg.Matching.EveryOtherWeek
	deps.MatchWindow = time.Duration(cfg.Matching.WindowWeeks) * 7 * 24 * time.Hour
	deps.GroupThreshold, deps.GroupNotify = cfg.Members.GroupThreshold, Dests(cfg.Members.GroupNotify)
	deps.AuditRetention = cmp.Or(cfg.Moderation.AuditRetentionDuration, -1) // "0": forever
	if l := cfg.HTTP.Listen; l != "" {
		deps.CalendarURL = cmp.Or(cfg.HTTP.PublicURL, "http://"+l)
		if cfg.Web.Enabled {
			deps.WebURL = deps.CalendarURL
		}
	}
	if a.Features, err = commands.NewFeatures(deps); err != nil {
		return nil, err
	}
	if a.Bot, err = bot.New(a.botOptions(o, log, clock)); err != nil {
		return nil, err
	}
	return a, nil
}

// botOptions are the core's options from the configuration and features.
func (a *App) botOptions(o Options, log *slog.Logger, clock scheduler.Clock) bot.Options {
	cfg, fs := o.Config, a.Features
	audit := fs.Audit(Dests(cfg.Moderation.LogChannels), cfg.Locale)
	bo := bot.Options{
		Name:        cfg.Name,
		Prefix:      cfg.Prefix,
		DefaultLang: cfg.Locale,
		Location:    cfg.Location,
		Commands:    fs.Commands(),
		Catalog:     fs.Catalog(),
		Fallback:    fs.Fallback(),
		Chat:        commands.IsSmallTalk,
		Suggest:     fs.Suggest(),
		Audit:       audit,
		DetectLang:  knowledge.DetectLang,
		Store:       o.DB,
		Roles:       roleMap(cfg.Roles, log),
		Adapters:    o.Adapters,
		Logger:      log,
		Observer:    o.Observer,
		Now:         clock.Now,
		// [limits] commands_per_minute = 0 turns the limit off.
		CommandsPerMinute: cmp.Or(cfg.Limits.CommandsPerMinute, -1),
		CommandBurst:      cfg.Limits.CommandBurst,
	}
	if cfg.Members.Onboarding {
		bo.OnJoin = fs.OnJoin()
	}
	if am := cfg.Automod; am.Enabled {
		bo.Inspect = commands.Automod(commands.AutomodRules{Banned: am.BannedRE, MaxMentions: am.MaxMentions,
			RepeatChannels: am.RepeatChannels, RepeatWindow: am.RepeatWindowDuration}, audit, clock.Now)
	}
	if o.Tune != nil {
		o.Tune(&bo)
	}
	return bo
}

// Start registers the features' background work (reminders,
// announcements, matching, retention) with the scheduler.
func (a *App) Start(ctx context.Context) error { return a.Features.Start(ctx) }

// Resume sends the deliveries a previous run left pending.
func (a *App) Resume(ctx context.Context) error { return a.Deliverer.Resume(ctx) }

// roleMap maps the configured platform roles to bot roles, and warns about
// entries that are names: anyone who can create a role or user group with
// that name gets the bot role.
func roleMap(r config.Roles, log *slog.Logger) bot.RoleMap {
	m := bot.NewRoleMap(map[bot.Role][]string{bot.RoleOrganiser: r.Organiser, bot.RoleModerator: r.Moderator, bot.RoleAdmin: r.Admin})
	if names := m.Names(); len(names) > 0 {
		log.Warn("[roles] maps role names: anyone who can create a Discord role or Slack user group with one of these names gets its bot role; use role ids (Discord: Server Settings → Roles → Copy Role ID; Slack: the user group's id, S…) instead",
			"names", strings.Join(names, ", "))
	}
	return m
}

// Dests reads configured "platform:#channel" targets (validated by config).
func Dests(ts []string) []delivery.Dest {
	var out []delivery.Dest
	for _, t := range ts {
		if d, ok := delivery.ParseDest(t); ok {
			out = append(out, d)
		}
	}
	return out
}

// Platforms names the adapters, for the start-up log line.
func Platforms(as []bot.Adapter) string {
	var out []string
	for _, a := range as {
		out = append(out, string(a.Platform()))
	}
	return fmt.Sprint(out)
}
