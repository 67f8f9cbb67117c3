// Package console is passionbot's stdin/stdout adapter, the default when no
// platform is configured. Each input line is a message addressed to the bot
// from one local user; replies are written as text. Cards are rendered as
// readable text and buttons as the text command that does the same thing.
// Lines are handled one at a time, in order, so output follows input.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"passionbot/bot"
)

// MaxLine is the longest input line kept; the rest of a longer line is
// dropped (the core then refuses the message as too long).
const MaxLine = 1 << 20

// Options configure the console user.
type Options struct {
	UserID string   // default "operator"
	Name   string   // display name, default UserID
	Role   bot.Role // the role the operator acts as (--as)
	Lang   string   // explicit language (--lang), "" for automatic
	Prompt bool     // print a prompt before each line (interactive terminal)
}

// Adapter reads messages from in and writes replies to out.
type Adapter struct {
	in   io.Reader
	out  io.Writer
	opt  Options
	mu   sync.Mutex // serializes writes to out
	sent int
}

// New returns a console adapter.
func New(in io.Reader, out io.Writer, opt Options) *Adapter {
	if opt.UserID == "" {
		opt.UserID = "operator"
	}
	if opt.Name == "" {
		opt.Name = opt.UserID
	}
	return &Adapter{in: in, out: out, opt: opt}
}

// Platform returns "console".
func (a *Adapter) Platform() bot.Platform { return bot.PlatformConsole }

// Run reads lines until end of input or ctx ends, handing each to h and
// waiting for it before reading the next.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() { errc <- readLines(ctx, a.in, lines) }()
	n := 0
	for {
		if a.opt.Prompt {
			a.write("> ")
		}
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				if err := <-errc; err != nil {
					return fmt.Errorf("console input: %w", err)
				}
				return nil
			}
			n++
			h.Handle(ctx, a.event(n, line))
		}
	}
}

func (a *Adapter) event(n int, line string) bot.Event {
	return bot.Event{
		Kind:      bot.EventMessage,
		Platform:  bot.PlatformConsole,
		ID:        strconv.Itoa(n),
		User:      bot.User{Platform: bot.PlatformConsole, ID: a.opt.UserID, Name: a.opt.Name, Role: a.opt.Role},
		Channel:   bot.Channel{ID: "console", Name: "console", DM: true},
		Text:      line,
		Addressed: true,
		Locale:    a.opt.Lang,
		Respond: func(ctx context.Context, r bot.Reply) error {
			a.write(Render(r) + "\n")
			return nil
		},
	}
}

// readLines sends each line of in to out and closes it at end of input.
func readLines(ctx context.Context, in io.Reader, out chan<- string) error {
	defer close(out)
	return EachLine(in, func(line string) error {
		select {
		case out <- line:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// EachLine calls fn with every line of r, without its line ending; a line
// longer than MaxLine is cut there (the rest is dropped, the next line
// still read). It stops at the end of input or at fn's first error.
func EachLine(r io.Reader, fn func(line string) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := readLine(br)
		if line != "" || err == nil {
			if ferr := fn(line); ferr != nil {
				if errors.Is(ferr, context.Canceled) {
					return nil
				}
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line, keeping at most MaxLine bytes of it.
func readLine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, err := r.ReadSlice('\n')
		if room := MaxLine - b.Len(); room > 0 {
			b.Write(chunk[:min(len(chunk), room)])
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return strings.TrimRight(b.String(), "\r\n"), err
	}
}

// Send writes a message the bot starts itself, naming where it would go.
func (a *Adapter) Send(ctx context.Context, to bot.Target, r bot.Reply) (bot.MessageRef, error) {
	dest := "#" + to.Channel
	if to.User != "" {
		dest = "@" + to.User
	}
	a.mu.Lock()
	a.sent++
	id := strconv.Itoa(a.sent)
	a.mu.Unlock()
	a.write("[" + dest + "] " + Render(bot.Sanitize(r)) + "\n")
	return bot.MessageRef{Channel: to.Channel, ID: id}, nil
}

func (a *Adapter) write(s string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	io.WriteString(a.out, s)
}

// Render turns a reply into plain text: the text, then the card's title,
// body, fields and buttons (as the command that does the same thing).
func Render(r bot.Reply) string {
	var b strings.Builder
	for _, u := range r.Mentions { // the members it is meant for, named first
		if u.Platform == bot.PlatformConsole {
			b.WriteString("@" + u.ID + " ")
		}
	}
	b.WriteString(r.Text)
	if c := r.Card; c != nil {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if c.Title != "" {
			b.WriteString("== " + c.Title + " ==\n")
		}
		if c.Body != "" {
			b.WriteString(c.Body + "\n")
		}
		for _, f := range c.Fields {
			b.WriteString(f.Name + ": " + f.Value + "\n")
		}
		for _, btn := range c.Buttons {
			b.WriteString("[" + btn.Label + "] → " + btn.Command + "\n")
		}
		if c.Footer != "" {
			b.WriteString(c.Footer + "\n")
		}
	}
	if f := r.File; f != nil {
		b.WriteString("\n--- " + f.Name + " ---\n" + string(f.Data) + "\n--- end of " + f.Name + " ---")
	}
	return strings.TrimRight(b.String(), "\n")
}

// The console is the bare adapter: no optional capability.
var _ bot.Adapter = (*Adapter)(nil)

// Member answers for the operator alone: the console's only member, with
// the role it runs as (--as), as each of the operator's lines carries it.
// The web dashboard reads the operator's role through it on every request.
func (a *Adapter) Member(_ context.Context, userID string) (bot.User, error) {
	if userID != a.opt.UserID {
		return bot.User{}, bot.ErrNoSuchMember
	}
	return bot.User{Platform: bot.PlatformConsole, ID: a.opt.UserID, Name: a.opt.Name, Role: a.opt.Role}, nil
}
