package app

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"time"

	"passionbot/adapters/web"
	"passionbot/bot"
	"passionbot/config"
	"passionbot/storage"
)

// Web builds the web dashboard on the built bot when the configuration
// serves it ([web] enabled and [http] listen), else nil: its handler is
// mounted on the HTTP endpoint and its Run feeds the bot.
func (a *App) Web(cfg config.Config, db *storage.DB, log *slog.Logger, now func() time.Time) (*web.Adapter, error) {
	if !cfg.Web.Enabled || cfg.HTTP.Listen == "" {
		return nil, nil
	}
	log = cmp.Or(log, slog.New(slog.DiscardHandler))
	base := cfg.HTTP.PublicURL
	if base == "" {
		base = "http://" + cfg.HTTP.Listen
	}
	opt := web.Options{Store: webStore{db}, BaseURL: base, Name: cfg.Name, DefaultLang: cfg.Locale,
		Location: cfg.Location, RequestsPerMinute: cfg.Web.RequestsPerMinute, Logger: log.With("platform", "web"), Now: now}
	if cfg.Web.Public {
		opt.Public = a.publicPage(base + "/calendar.ics")
	}
	return web.New(a.Bot, opt)
}

// webStore is the database as the web adapter's store of sign-in links
// and sessions.
type webStore struct{ db *storage.DB }

func invalid(err error) error {
	if errors.Is(err, storage.ErrLinkInvalid) || errors.Is(err, storage.ErrNoSession) {
		return web.ErrInvalid
	}
	return err
}

func (s webStore) UseLink(ctx context.Context, hash string, now time.Time) (web.Identity, error) {
	id, err := s.db.UseSignInLink(ctx, hash, now)
	return web.Identity{User: id.User, Lang: id.Lang}, invalid(err)
}

func (s webStore) Link(ctx context.Context, hash string, now time.Time) (web.Identity, error) {
	id, err := s.db.SignInLink(ctx, hash, now)
	return web.Identity{User: id.User, Lang: id.Lang}, invalid(err)
}

func (s webStore) CreateSession(ctx context.Context, hash string, ws web.Session, now time.Time) error {
	return s.db.CreateWebSession(ctx, hash, storage.WebSession{WebIdentity: storage.WebIdentity{User: ws.User, Lang: ws.Lang},
		CSRF: ws.CSRF, Created: now, Seen: now})
}

func (s webStore) Session(ctx context.Context, hash string, now time.Time, idle time.Duration) (web.Session, error) {
	ws, err := s.db.WebSession(ctx, hash, now, idle)
	return web.Session{Identity: web.Identity{User: ws.User, Lang: ws.Lang}, CSRF: ws.CSRF}, invalid(err)
}

func (s webStore) EndSession(ctx context.Context, hash string) error {
	return s.db.EndWebSession(ctx, hash)
}

func (s webStore) EndSessions(ctx context.Context, u bot.User) (int, error) {
	return s.db.EndWebSessions(ctx, u)
}

func (s webStore) SetLang(ctx context.Context, hash, lang string) error {
	return s.db.SetWebSessionLang(ctx, hash, lang)
}

// publicPage is the features' community page as the web adapter draws it.
func (a *App) publicPage(feed string) func(context.Context, string) (web.PublicPage, error) {
	return func(ctx context.Context, lang string) (web.PublicPage, error) {
		p, err := a.Features.PublicPage(ctx, lang)
		if err != nil {
			return web.PublicPage{}, err
		}
		out := web.PublicPage{About: p.About, FeedURL: feed}
		for _, m := range p.Meetups {
			out.Meetups = append(out.Meetups, web.PublicMeetup{Title: m.Title, Start: m.Start, End: m.End, Place: m.Place, Going: m.Going})
		}
		for _, t := range p.Interests {
			out.Interests = append(out.Interests, web.TagCount{Tag: t.Tag, Members: t.Members})
		}
		return out, nil
	}
}
