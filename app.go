package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"passionbot/adapters/console"
	"passionbot/adapters/discord"
	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/calendar"
	"passionbot/commands"
	"passionbot/config"
	"passionbot/health"
	"passionbot/knowledge"
	"passionbot/metrics"
	"passionbot/storage"
)

// shutdownGrace bounds how long running handlers may finish after a stop.
const shutdownGrace = 10 * time.Second

// app is passionbot wired from its configuration.
type app struct {
	inv     invocation
	cfg     config.Config
	secrets config.Secrets
	log     *slog.Logger
	stdin   io.Reader
	stdout  io.Writer
	// obs is told what the bot handles (the metrics, while running).
	obs bot.Observer
	// httpLimits bound the [http] endpoint's clients (tests shorten them).
	httpLimits httpLimits
}

// newApp loads the configuration (exit 2 on any problem) and sets up logging.
func newApp(inv invocation, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (*app, error) {
	cfg, err := loadConfig(inv.config)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	if inv.db != "" {
		cfg.Database = inv.db
	}
	return &app{
		inv:     inv,
		cfg:     cfg,
		secrets: config.SecretsFromEnv(getenv),
		log:     newLogger(stderr, cfg.Log),
		stdin:   stdin,
		stdout:  stdout,

		httpLimits: defaultHTTPLimits(),
	}, nil
}

// loadConfig reads --config, else ./passionbot.toml when it exists, else
// the built-in defaults.
func loadConfig(path string) (config.Config, error) {
	if path != "" {
		return config.Load(path)
	}
	if _, err := os.Stat("passionbot.toml"); err == nil {
		return config.Load("passionbot.toml")
	}
	cfg := config.Default()
	return cfg, cfg.Validate()
}

func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openDB opens and migrates the database. While another passionbot runs
// on it, pending migrations are refused: a newer copy must not change the
// schema under a running older one.
func (a *app) openDB(ctx context.Context) (*storage.DB, []int, error) {
	db, err := storage.Open(ctx, a.cfg.Database)
	if err != nil {
		return nil, nil, err
	}
	if err := refuseUnderRunning(ctx, db); err != nil {
		db.Close()
		return nil, nil, err
	}
	applied, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, applied, nil
}

// openClaimed opens the database and claims it (see claim) before anything
// in it changes; the caller releases the claim (owner) and closes it.
func (a *app) openClaimed(ctx context.Context) (*storage.DB, string, error) {
	db, err := storage.Open(ctx, a.cfg.Database)
	if err != nil {
		return nil, "", err
	}
	if err := db.EnsureLeaseTable(ctx); err != nil {
		db.Close()
		return nil, "", err
	}
	owner, err := claim(ctx, db, a.log)
	if err != nil {
		db.Close()
		return nil, "", err
	}
	return db, owner, nil
}

// migrate applies the pending migrations holding the database's claim, as
// run does: refused while a bot runs on it, never two migrating at once.
func (a *app) migrate(ctx context.Context) error {
	db, owner, err := a.openClaimed(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	defer db.ReleaseLease(context.Background(), owner)
	applied, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s: %d migration(s) applied, schema version %d\n", db.Path(), len(applied), v)
	return nil
}

// adapters returns the configured platforms, the console when none is.
func (a *app) adapters() ([]bot.Adapter, error) {
	var out []bot.Adapter
	if a.cfg.Discord.Enabled {
		d, err := discord.New(discord.Options{
			Token:             a.secrets.DiscordToken,
			BaseURL:           a.cfg.Discord.BaseURL,
			GuildID:           a.cfg.Discord.GuildID,
			PrivilegedIntents: a.cfg.Discord.PrivilegedIntents,
			Logger:            a.log.With("platform", "discord"),
			Observer:          a.obs,
		})
		if err != nil {
			return nil, &exitError{code: 2, err: err}
		}
		out = append(out, d)
	}
	if a.cfg.Slack.Enabled {
		s, err := slack.New(slack.Options{
			BotToken:      a.secrets.SlackBotToken,
			AppToken:      a.secrets.SlackAppToken,
			APIURL:        a.cfg.Slack.APIURL,
			CommandPrefix: a.cfg.Slack.CommandPrefix,
			Logger:        a.log.With("platform", "slack"),
			Observer:      a.obs,
		})
		if err != nil {
			return nil, &exitError{code: 2, err: err}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, console.New(a.stdin, a.stdout, console.Options{
			Role:   a.inv.as,
			Lang:   a.inv.lang,
			Prompt: isTerminal(a.stdin),
		}))
	}
	return out, nil
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// deps loads the knowledge base and course (problems in [knowledge] dir
// are logged and skipped) and sets up the scheduler and deliveries.
func (a *app) deps(ctx context.Context, db *storage.DB, adapters []bot.Adapter) (commands.Deps, error) {
	deps, problems, err := commands.NewDeps(ctx, db, a.cfg.Knowledge.Dir)
	for _, p := range problems {
		a.log.Warn("knowledge topic skipped", "problem", p)
	}
	if err != nil {
		return deps, err
	}
	deps.Adapters = adapters
	deps.Lang, deps.Location = a.cfg.Locale, a.cfg.Location
	deps.Reminders, deps.Grace = a.cfg.Meetups.ReminderOffsets, a.cfg.Meetups.GraceDuration
	deps.Scheduler = scheduler.New(scheduler.RealClock(), a.log.With("part", "scheduler"))
	deps.MatchCron, deps.MatchBiweekly = a.cfg.Matching.Cron, a.cfg.Matching.EveryOtherWeek
	deps.GroupThreshold, deps.GroupNotify = a.cfg.Members.GroupThreshold, dests(a.cfg.Members.GroupNotify)
	deps.MatchWindow = time.Duration(a.cfg.Matching.WindowWeeks) * 7 * 24 * time.Hour
	deps.AuditRetention = cmp.Or(a.cfg.Moderation.AuditRetentionDuration, -1) // "0": forever
	if l := a.cfg.HTTP.Listen; l != "" {
		deps.CalendarURL = cmp.Or(a.cfg.HTTP.PublicURL, "http://"+l)
	}
	deps.Deliverer = commands.NewDeliverer(db, adapters, a.log.With("part", "delivery"))
	deps.Deliverer.SetObserver(a.obs)
	return deps, nil
}

// newBot builds the core with every command.
func (a *app) newBot(ctx context.Context, db *storage.DB, adapters []bot.Adapter) (*bot.Bot, commands.Deps, error) {
	deps, err := a.deps(ctx, db, adapters)
	if err != nil {
		return nil, deps, err
	}
	audit := commands.AuditTo(db, adapters, dests(a.cfg.Moderation.LogChannels), a.cfg.Locale)
	var inspect func(context.Context, *bot.Call) bool
	if am := a.cfg.Automod; am.Enabled {
		inspect = commands.Automod(commands.AutomodRules{Banned: am.BannedRE, MaxMentions: am.MaxMentions,
			RepeatChannels: am.RepeatChannels, RepeatWindow: am.RepeatWindowDuration}, audit, nil)
	}
	b, err := bot.New(bot.Options{
		Name:        a.cfg.Name,
		Prefix:      a.cfg.Prefix,
		DefaultLang: a.cfg.Locale,
		Location:    a.cfg.Location,
		Commands:    commands.All(deps),
		Messages:    commands.Messages(),
		Fallback:    commands.Fallback(deps),
		OnJoin:      onJoin(a.cfg.Members.Onboarding, db),
		Suggest:     commands.Suggest(deps),
		Audit:       audit,
		Inspect:     inspect,
		DetectLang:  knowledge.DetectLang,
		Store:       db,
		Roles:       a.roles(),
		Adapters:    adapters,
		Logger:      a.log,
		Observer:    a.obs,
		// [limits] commands_per_minute = 0 turns the limit off.
		CommandsPerMinute: cmp.Or(a.cfg.Limits.CommandsPerMinute, -1),
		CommandBurst:      a.cfg.Limits.CommandBurst,
	})
	return b, deps, err
}

// roles maps the configured platform roles to bot roles, and warns about
// entries that are names: anyone who can create a role or user group with
// that name gets the bot role.
func (a *app) roles() bot.RoleMap {
	r := a.cfg.Roles
	m := bot.NewRoleMap(map[bot.Role][]string{bot.RoleOrganiser: r.Organiser, bot.RoleModerator: r.Moderator, bot.RoleAdmin: r.Admin})
	if names := m.Names(); len(names) > 0 {
		a.log.Warn("[roles] maps role names: anyone who can create a Discord role or Slack user group with one of these names gets its bot role; use role ids (Discord: Server Settings → Roles → Copy Role ID; Slack: the user group's id, S…) instead",
			"names", strings.Join(names, ", "))
	}
	return m
}

// run starts every adapter and stops when the context ends (a signal) or
// when an adapter's input ends (the console at end of input). Running
// handlers get shutdownGrace to finish; then the database is closed.
func (a *app) run(ctx context.Context) error {
	m := metrics.New()
	a.log = slog.New(m.CountErrors(a.log.Handler()))
	a.obs = m
	// discordgo logs through the standard log package: route that into
	// this logger (its format, its level filter), at discordgo's levels.
	slog.SetDefault(slog.New(stdLog{other: a.log.With("part", "stdlog").Handler(), dg: a.log.With("part", "discordgo").Handler()}))
	adapters, err := a.adapters()
	if err != nil {
		return err
	}
	db, owner, err := a.openClaimed(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	defer db.ReleaseLease(context.Background(), owner)
	// The claim is renewed from now on: migrating and publishing commands
	// can take longer than its TTL. On return: cancel, wait, release, close.
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	errs := make(chan error, len(adapters)+3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := keepClaim(ctx, db, owner, leaseRenew, a.log); err != nil {
			errs <- err
			cancel()
		}
	}()
	if _, err := db.Migrate(ctx); err != nil {
		return err
	}
	if err := db.KeepReserve(); err != nil {
		a.log.Warn("no disk reserve for deletions (is the disk full?)", "err", err)
	}
	b, deps, err := a.newBot(ctx, db, adapters)
	if err != nil {
		return err
	}
	for _, ad := range adapters {
		if d, ok := ad.(*discord.Adapter); ok {
			d.SetState(db)
		}
		if p, ok := ad.(bot.CommandPublisher); ok {
			if err := p.PublishCommands(ctx, b.Registry().Commands()); err != nil {
				return err
			}
		}
	}
	a.log.Info("passionbot started", "version", version, "database", db.Path(), "platforms", platforms(adapters))

	sched := deps.Scheduler.(*scheduler.Scheduler)
	m.Gauge("scheduled_jobs", "Jobs the scheduler holds: announcements, reminders, matching, backups.",
		func() (float64, error) { return float64(sched.Len()), nil })
	m.Gauge("open_questions", "Questions waiting for an organiser's answer (faq unanswered).", func() (float64, error) {
		qctx, cancel := context.WithTimeout(context.Background(), healthTimeout)
		defer cancel()
		n, err := db.CountOpenQuestions(qctx)
		if err != nil {
			a.log.Warn("metrics: counting open questions", "err", err)
		}
		return float64(n), err
	})
	if err := scheduleBackups(sched, db, a.cfg.Backup, a.cfg.Location, a.log.With("part", "backup")); err != nil {
		return &exitError{code: 2, err: err}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := sched.Run(ctx); err != nil && ctx.Err() == nil {
			errs <- fmt.Errorf("scheduler: %w", err)
		}
	}()
	if err := commands.Start(ctx, deps); err != nil {
		cancel()
		wg.Wait()
		return err
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := deps.Deliverer.Resume(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("resuming deliveries", "err", err)
		}
	}()
	if a.cfg.HTTP.Listen != "" {
		srv, err := a.serveHTTP(db, m, a.healthChecks(db, adapters, sched))
		if err != nil {
			cancel()
			wg.Wait()
			return &exitError{code: 2, err: err}
		}
		defer srv.Close()
	}
	for _, ad := range adapters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ad.Run(ctx, b); err != nil && ctx.Err() == nil {
				errs <- fmt.Errorf("%s: %w", ad.Platform(), err)
			}
			cancel() // one adapter ending stops the bot
		}()
	}
	wg.Wait()
	close(errs)
	wctx, wcancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer wcancel()
	if err := b.Wait(wctx); err != nil {
		a.log.Warn("stopping with handlers still running", "err", err)
	}
	a.log.Info("passionbot stopped")
	return errors.Join(collect(errs)...)
}

func collect(errs <-chan error) []error {
	var out []error
	for e := range errs {
		out = append(out, e)
	}
	return out
}

func platforms(as []bot.Adapter) []string {
	var out []string
	for _, a := range as {
		out = append(out, string(a.Platform()))
	}
	return out
}

// inviteDiscord prints the link that adds the bot to a Discord server.
func (a *app) inviteDiscord() error {
	id := a.cfg.Discord.ApplicationID
	if id == "" {
		var err error
		if id, err = discord.AppIDFromToken(a.secrets.DiscordToken); err != nil {
			return &exitError{code: 2, err: fmt.Errorf("set [discord] application_id or DISCORD_TOKEN: %w", err)}
		}
	}
	fmt.Fprintln(a.stdout, discord.InviteURL(id))
	return nil
}

// manifestSlack prints the Slack app manifest generated from the commands.
func (a *app) manifestSlack(ctx context.Context) error {
	db, _, err := a.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	b, _, err := a.newBot(ctx, db, nil)
	if err != nil {
		return err
	}
	y, err := slack.Manifest(a.cfg.Name, b.Registry().Commands(), a.cfg.Slack.CommandPrefix)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(y)
	return err
}

// healthTimeout bounds one /healthz probe.
const healthTimeout = 2 * time.Second

// healthChecks are what /healthz probes: the database answers, each
// platform is connected (the console always is), the scheduler keeps up.
func (a *app) healthChecks(db *storage.DB, adapters []bot.Adapter, sched *scheduler.Scheduler) []health.Check {
	checks := []health.Check{{Name: "database", Probe: func(ctx context.Context) error {
		_, err := db.Version(ctx)
		return err
	}}}
	for _, ad := range adapters {
		probe := func(context.Context) error { return nil }
		if h, ok := ad.(bot.HealthChecker); ok {
			probe = func(context.Context) error { return h.Health() }
		}
		checks = append(checks, health.Check{Name: string(ad.Platform()), Probe: probe})
	}
	return append(checks, health.Check{Name: "scheduler", Probe: func(context.Context) error { return sched.Health() }})
}

// serveHTTP starts the HTTP endpoint: the calendar feeds, /healthz and
// /metrics.
func (a *app) serveHTTP(db *storage.DB, m *metrics.Metrics, checks []health.Check) (*http.Server, error) {
	ln, err := a.httpLimits.listen(a.cfg.HTTP.Listen)
	if err != nil {
		return nil, fmt.Errorf("[http] listen %q: %w", a.cfg.HTTP.Listen, err)
	}
	cal := calendar.Handler(db, a.cfg.Name, a.cfg.Location, nil, a.log.With("part", "http"))
	mux := http.NewServeMux()
	mux.Handle("/calendar.ics", cal)
	mux.Handle("/calendar/", cal)
	mux.Handle("/healthz", health.New(healthTimeout, checks...))
	mux.Handle("/metrics", m.Handler())
	srv := a.httpLimits.server(mux, slog.NewLogLogger(a.log.With("part", "http").Handler(), slog.LevelWarn))
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("http server stopped", "err", err)
		}
	}()
	a.log.Info("http endpoint listening", "addr", ln.Addr().String())
	if ap, err := netip.ParseAddrPort(ln.Addr().String()); err == nil && !ap.Addr().IsLoopback() {
		a.log.Warn("the http endpoint (health, metrics, calendars) listens beyond loopback; put a proxy with authentication in front", "addr", ln.Addr().String())
	}
	return srv, nil
}

// onJoin is the welcome for new members, when onboarding is on.
func onJoin(on bool, db *storage.DB) bot.RunFunc {
	if !on {
		return nil
	}
	return commands.Onboarding(db)
}

// dests reads configured "platform:#channel" targets (validated by config).
func dests(ts []string) []commands.Dest {
	var out []commands.Dest
	for _, t := range ts {
		if d, ok := commands.ParseDest(t); ok {
			out = append(out, d)
		}
	}
	return out
}

// stdLog takes the standard log package's lines (routed into slog by
// slog.SetDefault, all at Info): discordgo's "[DGn] …" lines go to dg at
// discordgo's level (0 error, 1 warning, 2 info, 3 debug), others to other.
type stdLog struct{ other, dg slog.Handler }

// Enabled lets every line through to Handle, which knows its real level.
func (h stdLog) Enabled(context.Context, slog.Level) bool { return true }

// Handle sets the line's level and passes it on when that level is logged.
func (h stdLog) Handle(ctx context.Context, r slog.Record) error {
	next := h.other
	if len(r.Message) > 5 && strings.HasPrefix(r.Message, "[DG") && r.Message[4] == ']' {
		next = h.dg
		switch r.Message[3] {
		case '0':
			r.Level = slog.LevelError
		case '1':
			r.Level = slog.LevelWarn
		case '2':
			r.Level = slog.LevelInfo
		default:
			r.Level = slog.LevelDebug
		}
	}
	if !next.Enabled(ctx, r.Level) {
		return nil
	}
	return next.Handle(ctx, r)
}

// WithAttrs adds attributes to both handlers.
func (h stdLog) WithAttrs(as []slog.Attr) slog.Handler {
	return stdLog{other: h.other.WithAttrs(as), dg: h.dg.WithAttrs(as)}
}

// WithGroup opens a group on both handlers.
func (h stdLog) WithGroup(name string) slog.Handler {
	return stdLog{other: h.other.WithGroup(name), dg: h.dg.WithGroup(name)}
}
