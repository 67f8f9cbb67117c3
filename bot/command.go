package bot

import (
	"context"
	"fmt"
	"strings"
)

// ArgKind is the type of a command argument.
type ArgKind int

// Argument kinds. KindRest takes the rest of the message as free text and
// must be the last argument.
const (
	KindText ArgKind = iota
	KindInt
	KindBool
	KindTime
	KindDuration
	KindChannel
	KindUser
	KindCron
	KindChoice
	KindRest
)

// String names the kind as shown in usage lines.
func (k ArgKind) String() string {
	return [...]string{"text", "int", "bool", "time", "duration", "channel", "user", "cron", "choice", "text"}[k]
}

// Arg declares one typed argument.
type Arg struct {
	Name     string // lowercase ASCII, used as name:value and as the native option name
	Kind     ArgKind
	Required bool
	Help     Text
	Choices  []string // KindChoice: allowed values (lowercase)
	Min, Max int      // KindInt: bounds when Max > Min
	MaxLen   int      // KindText/KindRest: longest value in runes (0: 2000)
	// Suggest asks platforms with autocomplete (Discord) to offer values
	// from Options.Suggest as the member types.
	Suggest bool
}

// RunFunc handles a parsed, authorized command.
type RunFunc func(ctx context.Context, c *Call) error

// Command is declared once as data; the text parser, help, the role check,
// Discord application commands and the Slack manifest all read it.
type Command struct {
	Name     string   // command words: "help", "role grant"
	Aliases  []string // whole alternative names, e.g. Swedish "hjälp"
	Group    string   // help group key: catalog "group.<Group>"
	Help     Text     // one line
	Args     []Arg
	Examples []string // text invocations shown by help
	Role     Role     // minimum role
	Needs    []Capability
	// Ephemeral replies are shown only to the caller where possible.
	Ephemeral bool
	// Private replies hold what only the caller may see (links with
	// personal tokens, the audit log, role grants, unanswered questions):
	// they are never posted where others can read them (ephemeral, or a
	// DM). Private implies Ephemeral.
	Private bool
	// Slow handlers are acknowledged (deferred) by adapters before running.
	Slow bool
	// NotNative commands are typed or reached by a button, never published
	// as a platform's native command: "ask feedback" (the 👍/👎 buttons
	// under an answer) would make Discord's /ask a group.
	NotNative bool
	Run       RunFunc
}

// RepliesEphemeral reports whether the command's replies are for the
// caller only (Ephemeral or Private): the one rule Call.Reply applies and
// adapters read when they acknowledge an invocation before the reply.
func (c *Command) RepliesEphemeral() bool { return c != nil && (c.Ephemeral || c.Private) }

// Words returns the command's name split into words.
func (c *Command) Words() []string { return strings.Fields(c.Name) }

// Arg returns the declared argument called name, or nil.
func (c *Command) Arg(name string) *Arg {
	for i := range c.Args {
		if c.Args[i].Name == name {
			return &c.Args[i]
		}
	}
	return nil
}

// Usage returns the text usage line: "role grant user:<user> role:<choice>".
func (c *Command) Usage() string {
	var b strings.Builder
	b.WriteString(c.Name)
	for _, a := range c.Args {
		b.WriteByte(' ')
		var s string
		switch {
		case a.Kind == KindRest:
			s = "<" + a.Name + "…>"
		case a.Kind == KindChoice && len(a.Choices) > 0:
			s = a.Name + ":" + strings.Join(a.Choices, "|")
		default:
			s = a.Name + ":<" + a.Kind.String() + ">"
		}
		if !a.Required {
			s = "[" + s + "]"
		}
		b.WriteString(s)
	}
	return b.String()
}

// Validate reports a declaration mistake: a bad name, a rest argument that
// is not last, duplicate argument names, missing help text.
func (c *Command) Validate() error {
	if len(c.Words()) == 0 {
		return fmt.Errorf("command without a name")
	}
	if c.Run == nil {
		return fmt.Errorf("command %q has no handler", c.Name)
	}
	if err := c.Help.Check(); err != nil {
		return fmt.Errorf("command %q help: %w", c.Name, err)
	}
	seen := map[string]bool{}
	for i, a := range c.Args {
		if !validArgName(a.Name) {
			return fmt.Errorf("command %q: bad argument name %q", c.Name, a.Name)
		}
		if seen[a.Name] {
			return fmt.Errorf("command %q: argument %q declared twice", c.Name, a.Name)
		}
		seen[a.Name] = true
		if a.Kind == KindRest && i != len(c.Args)-1 {
			return fmt.Errorf("command %q: rest argument %q must be last", c.Name, a.Name)
		}
		if a.Kind == KindChoice && len(a.Choices) == 0 {
			return fmt.Errorf("command %q: choice argument %q has no choices", c.Name, a.Name)
		}
		if err := a.Help.Check(); err != nil {
			return fmt.Errorf("command %q argument %q help: %w", c.Name, a.Name, err)
		}
	}
	return nil
}

func validArgName(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' && r != '-' {
			return false
		}
	}
	return true
}

// Registry holds the declared commands and finds them by their words.
type Registry struct {
	cmds   []*Command
	byName map[string]*Command // every name and alias, lowercase, single-spaced
	maxLen int                 // most words in any name
}

// NewRegistry validates the declarations and indexes them.
func NewRegistry(cmds []*Command) (*Registry, error) {
	r := &Registry{byName: map[string]*Command{}}
	for _, c := range cmds {
		if err := c.Validate(); err != nil {
			return nil, err
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			key := strings.ToLower(strings.Join(strings.Fields(n), " "))
			if _, dup := r.byName[key]; dup {
				return nil, fmt.Errorf("command name %q declared twice", key)
			}
			r.byName[key] = c
			r.maxLen = max(r.maxLen, len(strings.Fields(key)))
		}
		r.cmds = append(r.cmds, c)
	}
	return r, nil
}

// Commands returns the declarations in declared order.
func (r *Registry) Commands() []*Command { return r.cmds }

// Lookup returns the command named by the longest prefix of words and how
// many words it used, or nil.
func (r *Registry) Lookup(words []string) (*Command, int) {
	for n := min(len(words), r.maxLen); n > 0; n-- {
		key := strings.ToLower(strings.Join(words[:n], " "))
		if c, ok := r.byName[key]; ok {
			return c, n
		}
	}
	return nil, 0
}

// IsGroup reports whether word is the first word of a multi-word command
// ("role" for "role grant").
func (r *Registry) IsGroup(word string) bool {
	word = strings.ToLower(word)
	for _, c := range r.cmds {
		if w := c.Words(); len(w) > 1 && strings.ToLower(w[0]) == word {
			return true
		}
	}
	return false
}

// Names returns every command name and alias.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.byName))
	for n := range r.byName {
		out = append(out, n)
	}
	return out
}
