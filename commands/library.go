package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"passionbot/bot"
	"passionbot/knowledge"
	"passionbot/storage"
)

// EntryStore keeps organiser-written knowledge entries.
type EntryStore interface {
	SaveEntry(ctx context.Context, e storage.Entry, at time.Time) error
	DeleteEntry(ctx context.Context, id, lang string) (int, error)
	Entries(ctx context.Context) ([]storage.Entry, error)
}

// LibraryStore is what the Library reads from the database: the
// organisers' entries and the members' questions linked to topics.
type LibraryStore interface {
	EntryStore
	ExampleStore
}

// Library is the live knowledge base: the built-in topics, the topics in
// the configured folder and the organisers' entries in SQLite, later ones
// overriding earlier ones with the same id, each with the example
// questions organisers linked to it (`faq link`). Searches read the current
// index without locks; Reload builds a new index and swaps it in.
type Library struct {
	builtin []knowledge.Topic
	dir     string
	store   LibraryStore
	reload  sync.Mutex // one rebuild at a time
	cur     atomic.Pointer[knowledge.Index]
	origin  atomic.Pointer[map[string]string] // topic id -> "builtin", "dir" or "faq"
}

// NewLibrary loads the knowledge base. Malformed files in dir are returned
// as problems, never fatal.
func NewLibrary(ctx context.Context, dir string, store LibraryStore) (*Library, []error, error) {
	builtin, err := knowledge.Builtin()
	if err != nil {
		return nil, nil, fmt.Errorf("built-in knowledge base: %w", err)
	}
	l := &Library{builtin: builtin, dir: dir, store: store}
	problems, err := l.Reload(ctx)
	if err != nil {
		return nil, problems, err
	}
	return l, problems, nil
}

// Index returns the current search index.
func (l *Library) Index() *knowledge.Index { return l.cur.Load() }

// Origin says where the topic id comes from: "builtin", "dir", "faq" or "".
func (l *Library) Origin(id string) string { return (*l.origin.Load())[id] }

// IsBuiltin reports whether a built-in topic has this id.
func (l *Library) IsBuiltin(id string) bool {
	for _, t := range l.builtin {
		if t.ID == id {
			return true
		}
	}
	return false
}

// Builtin returns the built-in topic id in lang, or nil.
func (l *Library) Builtin(id, lang string) *knowledge.Topic {
	for i := range l.builtin {
		if t := &l.builtin[i]; t.ID == id && t.Lang == lang {
			return t
		}
	}
	return nil
}

// Reload rebuilds the index from the built-in topics, the folder and the
// database. It returns the folder's problems (file:line: what).
func (l *Library) Reload(ctx context.Context) ([]error, error) {
	l.reload.Lock()
	defer l.reload.Unlock()
	topics := append([]knowledge.Topic(nil), l.builtin...)
	origin := map[string]string{}
	for _, t := range l.builtin {
		origin[t.ID] = "builtin"
	}
	var problems []error
	if l.dir != "" {
		fromDir, errs := knowledge.LoadDir(l.dir)
		problems = errs
		for _, t := range fromDir {
			origin[t.ID] = "dir"
		}
		topics = append(topics, fromDir...)
	}
	if l.store != nil {
		entries, err := l.store.Entries(ctx)
		if err != nil {
			return problems, err
		}
		for _, e := range entries {
			topics = append(topics, entryTopic(e))
			origin[e.ID] = "faq"
		}
	}
	topics = append(topics, l.keepOtherLanguage(topics[len(l.builtin):])...)
	if l.store != nil {
		examples, err := l.store.Examples(ctx)
		if err != nil {
			return problems, err
		}
		addExamples(topics, examples)
	}
	l.cur.Store(knowledge.NewIndex(topics))
	l.origin.Store(&origin)
	return problems, nil
}

// keepOtherLanguage returns, for each overridden built-in topic, its
// built-in variant in the language that was not overridden, marked as not
// built-in: the index replaces a built-in topic as a whole, but an
// organiser who rewrites the Swedish text keeps the English one.
func (l *Library) keepOtherLanguage(overrides []knowledge.Topic) []knowledge.Topic {
	have := map[[2]string]bool{}
	for _, t := range overrides {
		have[[2]string{t.ID, t.Lang}] = true
	}
	var out []knowledge.Topic
	for _, b := range l.builtin {
		overridden := have[[2]string{b.ID, "sv"}] || have[[2]string{b.ID, "en"}]
		if overridden && !have[[2]string{b.ID, b.Lang}] {
			b.Builtin = false
			out = append(out, b)
		}
	}
	return out
}

// addExamples adds each linked question to the Examples of its topic in its
// language. A topic overridden later in the list (the index keeps the last
// with an id and language) gets it too; a question whose topic is gone is
// left out until the topic comes back.
func addExamples(topics []knowledge.Topic, examples []storage.Example) {
	for _, ex := range examples {
		for i := range topics {
			if t := &topics[i]; t.ID == ex.TopicID && t.Lang == ex.Lang && !slices.Contains(t.Examples, ex.Question) {
				// Clipped: the built-in topics' slices are shared with l.builtin.
				t.Examples = append(slices.Clip(t.Examples), ex.Question)
			}
		}
	}
}

func entryTopic(e storage.Entry) knowledge.Topic {
	return knowledge.Topic{ID: e.ID, Lang: e.Lang, Title: e.Title, Body: e.Body, Source: e.Source, Tags: e.Tags, Related: e.Related}
}

// skipped tells an organiser which file of the topic folder was skipped
// and why, and logs the whole problem for the operator. The reply names
// the file relative to the folder and the line, never what the line
// holds: the folder's content is the operator's, not the chat's.
func skipped(c *bot.Call, log *slog.Logger, p error) string {
	log.Warn("knowledge topic skipped", "problem", p)
	var fe *knowledge.FileError
	if !errors.As(p, &fe) || fe.Name == "." {
		return c.T("faq.dir_unreadable")
	}
	name := bot.Quote(fe.Name, 100)
	switch {
	case fe.Line > 0:
		return c.T("faq.skipped_line", name, fe.Line)
	case errors.Is(p, knowledge.ErrNotRegular):
		return c.T("faq.skipped_special", name)
	case errors.Is(p, knowledge.ErrTooLarge):
		return c.T("faq.skipped_large", name, knowledge.MaxTopicSize>>10)
	case errors.Is(p, knowledge.ErrDuplicate):
		return c.T("faq.skipped_dup", name)
	default:
		return c.T("faq.skipped_unread", name)
	}
}
