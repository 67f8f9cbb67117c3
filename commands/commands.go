// Package commands declares passionbot's commands, one file per feature:
// help, language, role, … Each feature declares its commands as data
// (bot.Command) and its messages in both languages; storage and knowledge
// are reached through the small interfaces declared here.
package commands

import (
	"context"

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
	cmds = append(cmds, roleCommands(d.Store)...)
	return cmds
}

// Fallback answers addressed text that is not a command as a question.
func Fallback(d Deps) bot.RunFunc { return askFallback(d.Library, d.Store) }

// Messages returns the commands' messages, one set per feature.
func Messages() []bot.Messages {
	return []bot.Messages{groupMessages(), helpMessages(), languageMessages(), askMessages(), faqMessages(), learnMessages(), roleMessages()}
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
