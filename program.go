package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/term"

	"passionbot/adapters/console"
	"passionbot/adapters/discord"
	"passionbot/adapters/slack"
	"passionbot/bot"
	"passionbot/bot/scheduler"
	"passionbot/calendar"
	"passionbot/config"
	"passionbot/health"
	"passionbot/internal/app"
	"passionbot/metrics"
	"passionbot/storage"
)

// shutdownGrace bounds how long running handlers may finish after a stop.
const shutdownGrace = 10 * time.Second

// program is one invocation of passionbot: its command line,
// configuration, secrets and standard streams.
type program struct {
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

// newProgram loads the configuration (exit 2 on any problem) and sets up
// logging.
func newProgram(inv invocation, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (*program, error) {
	cfg, err := loadConfig(inv.config)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	if inv.db != "" {
		cfg.Database = inv.db
	}
	return &program{
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
func (a *program) openDB(ctx context.Context) (*storage.DB, []int, error) {
	db, err := storage.Open(ctx, a.cfg.Database)
	if err != nil {
		return nil, nil, err
	}
	if err := db.RefuseUnderRunning(ctx); err != nil {
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
func (a *program) openClaimed(ctx context.Context) (*storage.DB, string, error) {
	db, err := storage.Open(ctx, a.cfg.Database)
	if err != nil {
		return nil, "", err
	}
	if err := db.EnsureLeaseTable(ctx); err != nil {
		db.Close()
		return nil, "", err
	}
	owner, err := db.Claim(ctx, a.log)
	if err != nil {
		db.Close()
		return nil, "", err
	}
	return db, owner, nil
}

// migrate applies the pending migrations holding the database's claim, as
// run does: refused while a bot runs on it, never two migrating at once.
func (a *program) migrate(ctx context.Context) error {
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

// adapters returns the configured platforms, the console when none is;
// Discord keeps its published commands' hash in db.
func (a *program) adapters(db *storage.DB) ([]bot.Adapter, error) {
	var out []bot.Adapter
	if a.cfg.Discord.Enabled {
		d, err := discord.New(discord.Options{
			Token:             a.secrets.DiscordToken,
			BaseURL:           a.cfg.Discord.BaseURL,
			GuildID:           a.cfg.Discord.GuildID,
			PrivilegedIntents: a.cfg.Discord.PrivilegedIntents,
			State:             db,
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
			BotToken:        a.secrets.SlackBotToken,
			AppToken:        a.secrets.SlackAppToken,
			APIURL:          a.cfg.Slack.APIURL,
			CommandPrefix:   a.cfg.Slack.CommandPrefix,
			ChannelMessages: a.cfg.Slack.ChannelMessages,
			Logger:          a.log.With("platform", "slack"),
			Observer:        a.obs,
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

// run claims the database, builds the bot (internal/app), starts its
// background work and runs every adapter until the context ends (a
// signal), an adapter's input ends (the console at end of input) or the
// claim is lost. Running handlers get shutdownGrace to finish; then the
// claim is released and the database closed.
func (a *program) run(ctx context.Context) error {
	m := metrics.New()
	a.log = slog.New(m.CountErrors(a.log.Handler()))
	a.obs = m
	// discordgo logs through the standard log package: route that into
	// this logger (its format, its level filter), at discordgo's levels.
	slog.SetDefault(slog.New(discord.StdLog{Other: a.log.With("part", "stdlog").Handler(), DG: a.log.With("part", "discordgo").Handler()}))
	// The platforms' settings (tokens, URLs) are checked before anything
	// starts: a missing token is exit 2 with no database touched.
	if _, err := a.adapters(nil); err != nil {
		return err
	}
	db, owner, err := a.openClaimed(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	defer db.ReleaseLease(context.Background(), owner)
	// The claim is renewed from now on: migrating and publishing commands
	// can take longer than its TTL. One failure stops everything.
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return db.KeepClaim(ctx, owner, storage.LeaseRenew, a.log) })
	b, err := a.build(ctx, db)
	if err != nil {
		return errors.Join(err, stop(g))
	}
	if err := a.startBackground(ctx, g, db, b, m); err != nil {
		return errors.Join(err, stop(g))
	}
	// doctor's platform checks, once connected: failures are warnings.
	g.Go(func() error { a.logStartupChecks(ctx, b.adapters, b.Bot.Registry().Commands()); return nil })
	for _, ad := range b.adapters {
		g.Go(func() error {
			err := ad.Run(ctx, b.Bot)
			if err != nil && ctx.Err() == nil {
				return a.explainAdapterErr(ad.Platform(), err)
			}
			return errStopped // one adapter ending stops the bot
		})
	}
	err = g.Wait()
	wctx, wcancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer wcancel()
	if werr := b.Bot.Wait(wctx); werr != nil {
		a.log.Warn("stopping with handlers still running", "err", werr)
	}
	a.log.Info("passionbot stopped")
	if errors.Is(err, errStopped) {
		return nil
	}
	return err
}

// errStopped ends the errgroup when an adapter's input ends: not a failure.
var errStopped = errors.New("stopped")

// stop waits for what g runs after a failed start; the context it runs
// under is cancelled by the failure's return.
func stop(g *errgroup.Group) error {
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// running is the built bot and the adapters it runs on.
type running struct {
	*app.App
	adapters []bot.Adapter
}

// build migrates the claimed database, connects the adapters and builds
// the bot; the adapters' native commands are published.
func (a *program) build(ctx context.Context, db *storage.DB) (*running, error) {
	if _, err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	if err := db.KeepReserve(); err != nil {
		a.log.Warn("no disk reserve for deletions (is the disk full?)", "err", err)
	}
	adapters, err := a.adapters(db)
	if err != nil {
		return nil, err
	}
	built, err := app.Build(ctx, app.Options{Config: a.cfg, DB: db, Adapters: adapters, Logger: a.log, Observer: a.obs})
	if err != nil {
		return nil, err
	}
	for _, ad := range adapters {
		if p, ok := ad.(bot.CommandPublisher); ok {
			if err := p.PublishCommands(ctx, built.Bot.Registry().Commands()); err != nil {
				return nil, err
			}
		}
	}
	a.log.Info("passionbot started", "version", version, "database", db.Path(), "platforms", app.Platforms(adapters))
	return &running{App: built, adapters: adapters}, nil
}

// startBackground starts what runs beside the adapters, in g: the
// scheduler with the features' jobs and the backups, the resumed
// deliveries, the metrics' gauges and the HTTP endpoint.
func (a *program) startBackground(ctx context.Context, g *errgroup.Group, db *storage.DB, b *running, m *metrics.Metrics) error {
	sched := b.Scheduler
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
	bk := a.cfg.Backup
	if err := db.ScheduleBackups(sched, storage.BackupSchedule{Cron: bk.Cron, Dir: bk.Dir, Keep: bk.Keep}, a.cfg.Location, a.log.With("part", "backup")); err != nil {
		return &exitError{code: 2, err: err}
	}
	g.Go(func() error {
		if err := sched.Run(ctx); err != nil && ctx.Err() == nil {
			return fmt.Errorf("scheduler: %w", err)
		}
		return nil
	})
	if err := b.Start(ctx); err != nil {
		return err
	}
	g.Go(func() error {
		if err := b.Resume(ctx); err != nil && ctx.Err() == nil {
			a.log.Error("resuming deliveries", "err", err)
		}
		return nil
	})
	if a.cfg.HTTP.Listen == "" {
		return nil
	}
	dash, err := b.Web(a.cfg, db, a.log, time.Now)
	if err != nil {
		return err
	}
	var pages http.Handler
	if dash != nil {
		pages = dash.Handler()
		g.Go(func() error { return dash.Run(ctx, b.Bot) })
	}
	srv, err := a.serveHTTP(db, m, a.healthChecks(db, b.adapters, sched), pages)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	g.Go(func() error {
		<-ctx.Done()
		return srv.Close()
	})
	return nil
}

// inviteDiscord prints the link that adds the bot to a Discord server.
func (a *program) inviteDiscord() error {
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

// offline builds the bot on the database without connecting any platform
// (ask, manifest slack) and calls f with it.
func (a *program) offline(ctx context.Context, f func(*app.App) error) error {
	db, _, err := a.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	built, err := app.Build(ctx, app.Options{Config: a.cfg, DB: db, Logger: a.log})
	if err != nil {
		return err
	}
	return f(built)
}

// manifestSlack prints the Slack app manifest generated from the commands.
func (a *program) manifestSlack(ctx context.Context) error {
	return a.offline(ctx, a.printManifest)
}

func (a *program) printManifest(built *app.App) error {
	var opts []slack.ManifestOption
	if a.cfg.Slack.ChannelMessages {
		opts = append(opts, slack.WithChannelMessages())
	}
	y, err := slack.Manifest(a.cfg.Name, built.Bot.Registry().Commands(), a.cfg.Slack.CommandPrefix, opts...)
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
func (a *program) healthChecks(db *storage.DB, adapters []bot.Adapter, sched *scheduler.Scheduler) []health.Check {
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

// serveHTTP starts the HTTP endpoint: the calendar feeds, /healthz,
// /metrics and, when pages is not nil, the web dashboard at /.
func (a *program) serveHTTP(db *storage.DB, m *metrics.Metrics, checks []health.Check, pages http.Handler) (*http.Server, error) {
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
	if pages != nil {
		mux.Handle("/", pages)
	}
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
