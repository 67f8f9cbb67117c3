// Package commands declares passionbot's commands, one file per feature:
// help, language, role, … Each feature declares its commands as data
// (bot.Command) and its messages in both languages; storage and knowledge
// are reached through the small interfaces declared here.
package commands

import (
	"context"
	"log/slog"
	"time"

	"passionbot/bot"
	"passionbot/delivery"
	"passionbot/knowledge"
)

// Store is the storage the commands use, as small interfaces.
type Store interface {
	RoleStore
	LocaleStore
	EntryStore
	QuestionStore
	AnswerStore
	ExampleStore
	LearnStore
	MeetupStore
	SeriesStore
	MeetupCardStore
	AnnouncementStore
	delivery.Store
	PrivacyStore
	InterestStore
	StateStore
	MatchStore
	GroupStore
	ModStore
	RetentionStore
	WebSignInStore
}

// RoleStore keeps role grants.
type RoleStore interface {
	GrantRole(ctx context.Context, u bot.User, r bot.Role, by bot.User) error
	RevokeRole(ctx context.Context, u bot.User) (bool, error)
	Grants(ctx context.Context, p bot.Platform) ([]bot.Grant, error)
}

// LocaleStore keeps members' chosen language.
type LocaleStore interface {
	SetLocale(ctx context.Context, u bot.User, locale string) error
}

// Deps are what the commands need from the rest of passionbot.
type Deps struct {
	Store   Store
	Library *Library
	// Course is the learn course (knowledge.Course()).
	Course []knowledge.Lesson
	// Scheduler runs reminders and announcements.
	Scheduler Scheduler
	// Deliverer sends scheduled messages exactly once.
	Deliverer *delivery.Deliverer
	// Adapters are the connected platforms.
	Adapters []bot.Adapter
	// Lang is the community's default language (config locale).
	Lang string
	// Location is the community timezone.
	Location *time.Location
	// Reminders are the offsets before a meetup when members are reminded.
	Reminders []time.Duration
	// Grace is how late a missed firing may still be sent.
	Grace time.Duration
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// MatchCron is when matching runs ("" for never; default every Monday
	// 09:00, every other week with MatchBiweekly).
	MatchCron     string
	MatchBiweekly bool
	// MatchWindow is how long a pair is not matched again (default 8 weeks).
	MatchWindow time.Duration
	// GroupThreshold is how many members sharing an interest make the bot
	// suggest a channel for it (0: never); GroupNotify is where it says so.
	GroupThreshold int
	GroupNotify    []delivery.Dest
	// CalendarURL is the HTTP endpoint's base URL ("http://host:port"), ""
	// when [http] listen is off.
	CalendarURL string
	// WebURL is the web dashboard's base URL (sign-in links go to
	// WebURL+"/signin"), "" when the dashboard is off ([web] enabled
	// false or no [http] listen).
	WebURL string
	// AuditRetention is how long audit entries are kept ([moderation]
	// audit_retention): 0 means DefaultAuditRetention, negative forever.
	AuditRetention time.Duration
	// Logger is where features log, each with feature=<name>.
	Logger *slog.Logger
	// Catalog is the one message catalog: the core's messages, and each
	// feature's, added as NewFeatures builds them.
	Catalog *bot.Catalog
}

func (d Deps) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}

// logFor is the logger of one feature.
func (d Deps) logFor(feature string) *slog.Logger {
	if d.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Logger.With("feature", feature)
}

// catalog is the one catalog of every message (Features fills it).
func (d Deps) catalog() *bot.Catalog { return d.Catalog }

// NewDeps loads the knowledge base (built-in topics, the topic folder dir and
// the entries in store) and the learn course, and starts the one catalog.
// Malformed topic files are returned as problems, never fatal.
func NewDeps(ctx context.Context, store Store, dir string) (Deps, []error, error) {
	lib, problems, err := NewLibrary(ctx, dir, store)
	if err != nil {
		return Deps{}, problems, err
	}
	course, err := knowledge.Course()
	if err != nil {
		return Deps{}, problems, err
	}
	cat, err := bot.NewCatalog()
	if err != nil {
		return Deps{}, problems, err
	}
	return Deps{Store: store, Library: lib, Course: course, Catalog: cat}, problems, nil
}

// target returns the user named by a user argument, on the caller's platform.
func target(c *bot.Call, arg string) bot.User {
	return bot.User{Platform: c.Event.Platform, ID: c.Args.String(arg)}
}
