package main

import (
	"errors"
	"flag"
	"io"
	"slices"
	"strings"

	"passionbot/bot"
)

const usageText = `passionbot — en chattbot för passionsdrivna aktörer / a chat bot for passion-driven actors

Användning / Usage:
  passionbot [run]       starta boten / start the bot (console unless [discord] or [slack] is enabled)
  passionbot migrate     uppdatera databasen / apply database migrations
  passionbot version     visa versionen / print the version
  passionbot backup FIL  en konsistent kopia av databasen medan boten kör /
                         a consistent copy of the database while the bot runs
  passionbot check       kontrollera databasen (integritet, migreringar) / check the database (integrity, migrations)
  passionbot doctor      kontrollera inställningarna mot Discord/Slack, databasen och [http] /
                         check the set-up against Discord/Slack, the database and [http]: one line per check
  passionbot health      fråga den körande boten om dess hälsa ([http] listen) /
                         ask the running bot's /healthz ([http] listen): exit 0 healthy, 1 not
  passionbot invite discord
                         länken som bjuder in boten till en Discord-server / the link that adds the bot to a Discord server
  passionbot manifest slack
                         Slack-appens manifest (YAML) / the Slack app manifest (YAML)
  passionbot ask [--json] [FRÅGA…]
                         svara på en fråga, eller en fråga per rad från stdin /
                         answer a question, or one question per line from stdin

Flaggor / Flags (före eller efter kommandot / before or after the command):
  --config PATH          konfigurationsfil / configuration file (default ./passionbot.toml if it exists)
  --db PATH              databasfil / database file (overrides the configuration)
  --as ROLE              konsolens roll / the console user's role: member|organiser|moderator|admin (default admin)
  --lang sv|en           konsolens språk / the console's language (default: as you write, else the configured locale)
`

// invocation is a parsed command line.
type invocation struct {
	command string   // one of subcommands()
	args    []string // positional arguments after the command
	config  string
	db      string
	as      bot.Role
	lang    string
	help    bool
	json    bool // ask: one JSON object per question
}

// subcommands lists the known commands.
func subcommands() []string {
	return []string{"run", "migrate", "version", "ask", "invite", "manifest", "backup", "check", "health", "doctor"}
}

// parseArgs reads global flags before or after the subcommand.
func parseArgs(args []string, stderr io.Writer) (invocation, error) {
	var inv invocation
	fs := flag.NewFlagSet("passionbot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&inv.config, "config", "", "configuration file")
	fs.StringVar(&inv.db, "db", "", "database file")
	as := fs.String("as", "admin", "console role")
	fs.StringVar(&inv.lang, "lang", "", "console language")
	fs.BoolVar(&inv.json, "json", false, "ask: print JSON")
	var pos []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				inv.help = true
				return inv, nil
			}
			return inv, usageErr("%v (see passionbot --help)", err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if err := checkDBFlag(fs, inv.db); err != nil {
		return inv, err
	}
	inv.command = "run"
	if len(pos) > 0 {
		inv.command, inv.args = pos[0], pos[1:]
	}
	if inv.command == "help" {
		inv.help = true
		return inv, nil
	}
	if !slices.Contains(subcommands(), inv.command) {
		return inv, usageErr("unknown command %q: expected one of %s (see passionbot --help)", inv.command, strings.Join(subcommands(), ", "))
	}
	if inv.command == "invite" && (len(inv.args) != 1 || inv.args[0] != "discord") {
		return inv, usageErr("usage: passionbot invite discord")
	}
	if inv.command == "manifest" && (len(inv.args) != 1 || inv.args[0] != "slack") {
		return inv, usageErr("usage: passionbot manifest slack")
	}
	if inv.command == "backup" && (len(inv.args) != 1 || strings.TrimSpace(inv.args[0]) == "") {
		return inv, usageErr("usage: passionbot backup PATH")
	}
	if len(inv.args) > 0 && inv.command != "ask" && inv.command != "invite" && inv.command != "manifest" && inv.command != "backup" {
		return inv, usageErr("%s takes no arguments, got %q", inv.command, strings.Join(inv.args, " "))
	}
	if inv.json && inv.command != "ask" {
		return inv, usageErr("--json is only for ask")
	}
	role, err := bot.ParseRole(*as)
	if err != nil {
		return inv, usageErr("--as: %v", err)
	}
	inv.as = role
	if inv.lang != "" && !bot.ValidLang(inv.lang) {
		return inv, usageErr("--lang %q: must be sv or en", inv.lang)
	}
	return inv, nil
}

// checkDBFlag refuses a --db that names no file: an empty path, or an
// in-memory database, which would start empty and lose everything at exit
// (and a backup or check of it would say nothing about the real one).
func checkDBFlag(fs *flag.FlagSet, db string) error {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "db" })
	if !given {
		return nil
	}
	if strings.TrimSpace(db) == "" {
		return usageErr("--db needs a database file, got an empty path")
	}
	if isMemoryDB(db) {
		return usageErr("--db %s is an in-memory database, which loses everything at exit: name a database file", db)
	}
	return nil
}

// isMemoryDB reports whether name spells an in-memory database the way
// SQLite does: ":memory:", or a file: URI naming it or asking for
// mode=memory (storage.Open escapes URIs into file names today; refusing
// them too keeps that an implementation detail).
func isMemoryDB(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == ":memory:" {
		return true
	}
	rest, ok := strings.CutPrefix(n, "file:")
	return ok && (strings.HasPrefix(rest, ":memory:") || strings.Contains(rest, "mode=memory"))
}
