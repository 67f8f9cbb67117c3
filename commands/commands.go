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
	"passionbot/knowledge"
)

// Store is the storage the commands use, as small interfaces.
type Store interface {
	RoleStore
	LocaleStore
	EntryStore
	QuestionStore
	LearnStore
	MeetupStore
	AnnouncementStore
	DeliveryStore
	PrivacyStore
	InterestStore
	StateStore
	MatchStore
	GroupStore
	ModStore
	RetentionStore
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
	Deliverer *Deliverer
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
	GroupNotify    []Dest
	// CalendarURL is the HTTP endpoint's base URL ("http://host:port"), ""
	// when [http] listen is off.
	CalendarURL string
	// AuditRetention is how long audit entries are kept ([moderation]
	// audit_retention): 0 means DefaultAuditRetention, negative forever.
	AuditRetention time.Duration
}

func (d Deps) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}

// logger is the deliverer's logger, or a silent one.
func (d Deps) logger() *slog.Logger {
	if d.Deliverer != nil {
		return d.Deliverer.log
	}
	return slog.New(slog.DiscardHandler)
}

// catalog returns every message, for texts written outside a command.
func (d Deps) catalog() *bot.Catalog {
	cat, err := bot.NewCatalog(Messages()...)
	if err != nil {
		panic(err) // the message sets are constants; a duplicate is a programming error caught by tests
	}
	return cat
}

// NewDeps loads the knowledge base (built-in topics, the topic folder dir and
// the entries in store) and the learn course. Malformed topic files are
// returned as problems, never fatal.
func NewDeps(ctx context.Context, store Store, dir string) (Deps, []error, error) {
	lib, problems, err := NewLibrary(ctx, dir, store)
	if err != nil {
		return Deps{}, problems, err
	}
	course, err := knowledge.Course()
	if err != nil {
		return Deps{}, problems, err
	}
	return Deps{Store: store, Library: lib, Course: course}, problems, nil
}

// All returns every command declaration, in the order help lists them.
func All(d Deps) []*bot.Command {
	var cmds []*bot.Command
	cmds = append(cmds, helpCommands()...)
	cmds = append(cmds, languageCommands(d.Store)...)
	cmds = append(cmds, askCommands(d.Library, d.Store)...)
	cmds = append(cmds, faqCommands(d.Library, d.Store, d.Store)...)
	cmds = append(cmds, learnCommands(d.Course, d.Store)...)
	cmds = append(cmds, newMeetups(d).commands()...)
	cmds = append(cmds, newAnnouncements(d).commands()...)
	tg, g := newTagger(), newGroups(d)
	cmds = append(cmds, interestCommands(d.Store, tg, g)...)
	cmds = append(cmds, g.commands(tg)...)
	cmds = append(cmds, profileCommands(d.Store, d.Store)...)
	cmds = append(cmds, newMatching(d).commands()...)
	cmds = append(cmds, newModeration(d).commands()...)
	cmds = append(cmds, privacyCommands(d.Store)...)
	cmds = append(cmds, roleCommands(d.Store)...)
	return cmds
}

// Start registers the reminders of upcoming meetups, every active schedule
// and the nightly pruning jobs with the scheduler, and tells the deliverer
// how to re-create their messages. The caller then runs Deliverer.Resume
// (in the background: it waits for platforms that are down).
func Start(ctx context.Context, d Deps) error {
	if err := newMeetups(d).start(ctx); err != nil {
		return err
	}
	if err := newMatching(d).start(ctx); err != nil {
		return err
	}
	if err := startRetention(ctx, d); err != nil {
		return err
	}
	return newAnnouncements(d).start(ctx)
}

// Fallback answers addressed text that is not a command as a question.
func Fallback(d Deps) bot.RunFunc { return askFallback(d.Library, d.Store) }

// Messages returns the commands' messages, one set per feature.
func Messages() []bot.Messages {
	return []bot.Messages{groupMessages(), helpMessages(), languageMessages(), askMessages(), faqMessages(), learnMessages(), meetupMessages(), interestMessages(), onboardingMessages(), matchMessages(), interestGroupMessages(), modMessages(), auditMirrorMessages(), channelMessages(), privacyMessages(), roleMessages()}
}

// groupMessages name the help groups.
func groupMessages() bot.Messages {
	return bot.Messages{
		"group.general": {SV: "Allmänt", EN: "General"},
		"group.admin":   {SV: "Administration", EN: "Administration"},
	}
}

// target returns the user named by a user argument, on the caller's platform.
func target(c *bot.Call, arg string) bot.User {
	return bot.User{Platform: c.Event.Platform, ID: c.Args.String(arg)}
}
