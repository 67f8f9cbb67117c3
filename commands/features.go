package commands

import (
	"context"
	"fmt"

	"passionbot/bot"
	"passionbot/delivery"
)

// Feature is one unit of the bot, in the spirit of Errbot's plugins: its
// commands (declared once as data), its messages in both languages and,
// when it is a Starter, its background work. Each is built once by
// NewFeatures from Deps, taking only what it needs, with its own logger.
type Feature interface {
	Name() string
	Commands() []*bot.Command
	Messages() bot.Messages
}

// Starter is a feature with background work: the scheduled jobs it
// registers when the bot starts (reminders, announcements, matching,
// retention), and the deliveries it knows how to re-create.
type Starter interface {
	Start(ctx context.Context) error
}

// Features is every feature, built once: one list, one catalog.
type Features struct {
	list       []Feature
	ask        *ask
	interests  *interests
	onboarding *onboarding
	moderation *moderation
	catalog    *bot.Catalog
	deps       Deps // for the community page
}

// NewFeatures builds every feature from d, in the order help lists them,
// and adds their messages to d.Catalog (a key defined twice is an error).
func NewFeatures(d Deps) (*Features, error) {
	if d.Catalog == nil {
		return nil, fmt.Errorf("commands: Deps without a catalog (use NewDeps)")
	}
	tags := newTagger()
	fs := &Features{ask: newAsk(d, tags), interests: newInterests(d, tags, newGroups(d, tags)),
		onboarding: newOnboarding(d), moderation: newModeration(d), catalog: d.Catalog, deps: d}
	fs.list = []Feature{newHelp(d), newLanguage(d), fs.ask, newFaq(d), newFeedback(d), fs.ask.chat, newLearn(d), newMeetups(d), newAnnouncements(d), newStats(d),
		fs.interests, newMatching(d), fs.moderation, newPrivacy(d), newDashboard(d), newRoles(d), fs.onboarding, newRetention(d)}
	for _, f := range fs.list {
		if err := d.Catalog.Add(f.Messages()); err != nil {
			return nil, fmt.Errorf("feature %s: %w", f.Name(), err)
		}
	}
	return fs, nil
}

// List returns the features in order.
func (fs *Features) List() []Feature { return fs.list }

// Catalog is the one catalog, with every feature's messages.
func (fs *Features) Catalog() *bot.Catalog { return fs.catalog }

// Commands returns every command declaration, in the order help lists them.
func (fs *Features) Commands() []*bot.Command {
	var cmds []*bot.Command
	for _, f := range fs.list {
		cmds = append(cmds, f.Commands()...)
	}
	return cmds
}

// Start starts every feature's background work. The caller then runs the
// deliverer's Resume (in the background: it waits for platforms that are
// down).
func (fs *Features) Start(ctx context.Context) error {
	for _, f := range fs.list {
		if s, ok := f.(Starter); ok {
			if err := s.Start(ctx); err != nil {
				return fmt.Errorf("feature %s: %w", f.Name(), err)
			}
		}
	}
	return nil
}

// Fallback answers addressed text that is not a command as a question.
func (fs *Features) Fallback() bot.RunFunc { return fs.ask.fallback() }

// Suggest offers existing tags as a member types a tag argument.
func (fs *Features) Suggest() func(ctx context.Context, p bot.Platform, viewer bot.Role, command, arg, typed string) []string {
	return fs.interests.suggest
}

// OnJoin welcomes a member who joined, once.
func (fs *Features) OnJoin() bot.RunFunc { return fs.onboarding.OnJoin() }

// Audit records privileged actions in the audit log and mirrors them to
// the mod-log channels (none: only the log), in lang.
func (fs *Features) Audit(mirror []delivery.Dest, lang string) func(ctx context.Context, r bot.AuditRecord) {
	return fs.moderation.audit(mirror, lang)
}

// txt is one text in Swedish and English, for declarations.
func txt(sv, en string) bot.Text { return bot.Text{SV: sv, EN: en} }
