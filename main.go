// Command passionbot is a chat bot for a community of passion-driven actors.
//
//	passionbot [run]        start the bot (console unless Discord or Slack is configured)
//	passionbot migrate      apply database migrations and exit
//	passionbot version      print the version
//	passionbot backup PATH  a consistent copy of the database while the bot runs
//	passionbot check        integrity, foreign keys and migrations of the database
//	passionbot health       ask the running bot's /healthz (exit 0 healthy, 1 not)
//	passionbot doctor       check the set-up: tokens, Discord permissions, intents and
//	                        commands, Slack scopes and Socket Mode, database, [http] listen
//	passionbot ask [--json] [QUESTION…]   answer questions (stdin lines when none given)
//	passionbot invite discord   print the OAuth2 link that adds the bot to a server
//	passionbot manifest slack   print the Slack app manifest
//
// Global flags, before or after the subcommand: --config PATH, --db PATH,
// and for the console --as member|organiser|moderator|admin and --lang sv|en.
// Exit codes: 0 ok, 2 usage or configuration error, 1 runtime failure.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is passionbot's release.
const version = "0.1.0"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// exitError carries an exit code: 2 for usage and configuration, 1 otherwise.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	err := dispatch(ctx, args, stdin, stdout, stderr, getenv)
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "passionbot:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	inv, err := parseArgs(args, stderr)
	if err != nil {
		return err
	}
	if inv.help {
		fmt.Fprint(stdout, usageText)
		return nil
	}
	switch inv.command {
	case "version":
		fmt.Fprintln(stdout, "passionbot", version)
		return nil
	}
	p, err := newProgram(inv, stdin, stdout, stderr, getenv)
	if err != nil {
		return err
	}
	switch inv.command {
	case "migrate":
		return p.migrate(ctx)
	case "ask":
		return p.ask(ctx)
	case "backup":
		return p.backup(ctx, inv.args[0])
	case "check":
		return p.check(ctx)
	case "health":
		return p.health(ctx)
	case "doctor":
		return p.doctor(ctx)
	case "invite":
		return p.inviteDiscord()
	case "manifest":
		return p.manifestSlack(ctx)
	default:
		return p.run(ctx)
	}
}
