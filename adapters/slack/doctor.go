package slack

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"

	"passionbot/bot"
)

// CheckOptions say what Check verifies beyond the connection's Options.
type CheckOptions struct {
	// Commands are the declarations behind the manifest's slash commands.
	Commands []*bot.Command
	// ChannelMessages is [slack] channel_messages: the manifest then
	// subscribes to channel messages too.
	ChannelMessages bool
}

// scopeUse says what stops working without one of BotScopes.
func scopeUse(scope string) string {
	switch scope {
	case "app_mentions:read":
		return "mentions of the bot"
	case "chat:write":
		return "every answer"
	case "commands":
		return "slash commands"
	case "im:history", "im:read":
		return "DMs to the bot"
	case "im:write":
		return "DMs from the bot (reminders, welcomes)"
	case "users:read":
		return "roles of workspace owners and admins"
	case "usergroups:read":
		return "roles from user groups in [roles]"
	case "channels:read", "groups:read":
		return "channel commands"
	case "channels:manage", "groups:write":
		return "channel create, rename, topic and archive"
	case "channels:history", "groups:history":
		return "purge and channel messages"
	case "channels:join":
		return "joining channels it creates"
	case "pins:write":
		return "pin"
	}
	return ""
}

// checkTimeout bounds the whole of Check.
const checkTimeout = 30 * time.Second

// Check reports what the Slack app needs and lacks: the tokens' shape, the
// bot token (auth.test), the scopes it was granted (the X-OAuth-Scopes
// header) against the manifest's, that Socket Mode opens with the
// app-level token (apps.connections.open, without connecting: Slack would
// share the events between it and a running bot), and what cannot be
// checked with these tokens. It changes nothing in Slack.
func Check(ctx context.Context, opt Options, co CheckOptions) []bot.CheckResult {
	if err := CheckTokens(opt.BotToken, opt.AppToken); err != nil {
		return []bot.CheckResult{bot.Failed("slack tokens", "%v", err)}
	}
	a, err := New(opt)
	if err != nil {
		return []bot.CheckResult{bot.Failed("slack configuration", "%v", err)}
	}
	defer a.http.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	out := []bot.CheckResult{bot.Passed("slack tokens", "SLACK_BOT_TOKEN (xoxb-…) and SLACK_APP_TOKEN (xapp-…) are set")}
	return append(out, a.check(ctx, co, false)...)
}

// CheckLive makes Check's checks on the running adapter, except Socket
// Mode (its own connection proves it).
func (a *Adapter) CheckLive(ctx context.Context, co CheckOptions) []bot.CheckResult {
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	return a.check(ctx, co, true)
}

func (a *Adapter) check(ctx context.Context, co CheckOptions, live bool) []bot.CheckResult {
	var out []bot.CheckResult
	auth, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return append(out, bot.Failed("slack bot token", "Slack refused SLACK_BOT_TOKEN (%s): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page; if the app was removed, Install App → Install to Workspace again", slackError(err)))
	}
	out = append(out, bot.Passed("slack bot token", "Slack accepts it: the bot is @%s in %s (%s)", auth.User, auth.Team, auth.TeamID))
	out = append(out, checkScopes(auth.Header))
	if !live {
		out = append(out, a.checkSocketMode(ctx))
	}
	events := BotEvents()
	if co.ChannelMessages {
		events = append(events, ChannelMessageEvents()...)
	}
	out = append(out, bot.Unchecked("slack events", "Slack does not show an app's event subscriptions to its tokens: under Event Subscriptions → Subscribe to bot events, check that %s are listed (an app created from `passionbot manifest slack` has them)", strings.Join(events, ", ")))
	if co.Commands != nil {
		var names []string
		for _, sc := range SlashCommands(co.Commands, a.opt.CommandPrefix) {
			names = append(names, sc.Command)
		}
		out = append(out, bot.Unchecked("slack slash commands", "cannot be listed with these tokens: under Slash Commands, check that %s are there (after changing command_prefix, update the app from `passionbot manifest slack`)", strings.Join(names, " ")))
	}
	return out
}

// checkScopes compares the granted scopes with BotScopes.
func checkScopes(h http.Header) bot.CheckResult {
	const name = "slack scopes"
	header, present := h["X-Oauth-Scopes"]
	if !present {
		return bot.Unchecked(name, "Slack did not say which scopes the bot token has (no X-OAuth-Scopes header): compare OAuth & Permissions → Bot Token Scopes with `passionbot manifest slack`")
	}
	granted := map[string]bool{}
	for s := range strings.SplitSeq(strings.Join(header, ","), ",") {
		granted[strings.TrimSpace(s)] = true
	}
	var missing, uses []string
	for _, s := range BotScopes() {
		if !granted[s] {
			missing = append(missing, s)
			if u := scopeUse(s); u != "" && !slices.Contains(uses, u) {
				uses = append(uses, u)
			}
		}
	}
	if len(missing) == 0 {
		return bot.Passed(name, "all %d scopes of the manifest are granted", len(BotScopes()))
	}
	return bot.Failed(name, "missing %s (needed for %s): add them under OAuth & Permissions → Bot Token Scopes, or paste `passionbot manifest slack` under App Manifest, then Install App → Reinstall to Workspace (scopes are granted only on install)",
		strings.Join(missing, ", "), strings.Join(uses, "; "))
}

// checkSocketMode asks for a Socket Mode URL with the app-level token and
// does not connect to it.
func (a *Adapter) checkSocketMode(ctx context.Context) bot.CheckResult {
	const name = "slack socket mode"
	if _, _, err := a.api.StartSocketModeContext(ctx); err != nil {
		var se slackapi.SlackErrorResponse
		if errors.As(err, &se) {
			return bot.Failed(name, "Slack refused SLACK_APP_TOKEN (%s): turn Socket Mode on (Settings → Socket Mode) and generate an app-level token with the scope connections:write under Basic Information → App-Level Tokens", se.Err)
		}
		return bot.Failed(name, "apps.connections.open failed: %s (is [slack] api_url right, and the network up?)", slackError(err))
	}
	return bot.Passed(name, "SLACK_APP_TOKEN opens a Socket Mode connection (apps.connections.open)")
}
