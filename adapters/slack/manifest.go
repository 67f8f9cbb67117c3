package slack

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"

	"passionbot/bot"
)

// BotScopes are the OAuth scopes the features need: read mentions and DMs,
// answer (chat:write, commands), know members (users:read, usergroups:read),
// manage channels (channels:manage, groups:write, channels:read,
// groups:read) and find the bot's own messages to delete (channels:history,
// groups:history).
func BotScopes() []string {
	return []string{
		"app_mentions:read", "chat:write", "commands",
		"im:history", "im:read", "im:write",
		"users:read", "usergroups:read",
		"channels:read", "channels:manage", "channels:history", "channels:join",
		"groups:read", "groups:write", "groups:history",
		"pins:write",
	}
}

// BotEvents are the events the bot subscribes to.
func BotEvents() []string {
	return []string{"app_mention", "message.im", "member_joined_channel", "team_join"}
}

// ChannelMessageEvents are the events [slack] channel_messages adds: every
// message in the public and private channels the bot is in, for prefix
// commands and automatic moderation (their scopes, channels:history and
// groups:history, are among BotScopes already). Pinning needs pins:write.
func ChannelMessageEvents() []string { return []string{"message.channels", "message.groups"} }

// ManifestOption changes the generated manifest.
type ManifestOption func(*manifest)

// WithChannelMessages subscribes the app to channel messages
// ([slack] channel_messages = true).
func WithChannelMessages() ManifestOption {
	return func(m *manifest) {
		m.Settings.EventSubscriptions.BotEvents = append(m.Settings.EventSubscriptions.BotEvents, ChannelMessageEvents()...)
	}
}

type manifest struct {
	DisplayInformation struct {
		Name            string `yaml:"name"`
		Description     string `yaml:"description"`
		LongDescription string `yaml:"long_description,omitempty"`
		BackgroundColor string `yaml:"background_color"`
	} `yaml:"display_information"`
	Features struct {
		AppHome struct {
			MessagesTabEnabled         bool `yaml:"messages_tab_enabled"`
			MessagesTabReadOnlyEnabled bool `yaml:"messages_tab_read_only_enabled"`
		} `yaml:"app_home"`
		BotUser struct {
			DisplayName  string `yaml:"display_name"`
			AlwaysOnline bool   `yaml:"always_online"`
		} `yaml:"bot_user"`
		SlashCommands []SlashCommand `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuthConfig struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		EventSubscriptions struct {
			BotEvents []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			IsEnabled bool `yaml:"is_enabled"`
		} `yaml:"interactivity"`
		OrgDeployEnabled     bool `yaml:"org_deploy_enabled"`
		SocketModeEnabled    bool `yaml:"socket_mode_enabled"`
		TokenRotationEnabled bool `yaml:"token_rotation_enabled"`
	} `yaml:"settings"`
}

// SlashCommand is one slash command in the manifest.
type SlashCommand struct {
	Command      string `yaml:"command"`
	Description  string `yaml:"description"`
	UsageHint    string `yaml:"usage_hint,omitempty"`
	ShouldEscape bool   `yaml:"should_escape"`
}

// SlashCommands returns one slash command per command group ("/ask",
// "/faq", …), named with prefix, described from the declarations: a bare
// command's help, else the list of subcommands.
func SlashCommands(cmds []*bot.Command, prefix string) []SlashCommand {
	var order []string
	bare := map[string]*bot.Command{}
	subs := map[string][]string{}
	for _, c := range cmds {
		w := c.Words()
		if _, ok := bare[w[0]]; !ok && subs[w[0]] == nil {
			order = append(order, w[0])
		}
		if len(w) == 1 {
			bare[w[0]] = c
			continue
		}
		subs[w[0]] = append(subs[w[0]], strings.Join(w[1:], " "))
	}
	var out []SlashCommand
	for _, g := range order {
		// should_escape: Slack then sends mentions as <@U123|name> and channels
		// as <#C1|name>, which the core's parser reads as ids.
		sc := SlashCommand{Command: "/" + prefix + g, ShouldEscape: true}
		var hints []string
		if c := bare[g]; c != nil {
			sc.Description = c.Help.EN
			if h := strings.TrimSpace(strings.TrimPrefix(c.Usage(), g)); h != "" {
				hints = append(hints, h)
			}
		} else {
			sc.Description = fmt.Sprintf("%s: %s", g, strings.Join(subs[g], ", "))
		}
		hints = append(hints, subs[g]...)
		sc.Description, sc.UsageHint = clip(sc.Description, 100), clip(strings.Join(hints, " | "), 100)
		out = append(out, sc)
	}
	return out
}

// Manifest returns the Slack app manifest (YAML) for name and the command
// declarations: socket mode on, bot scopes, events, slash commands and
// interactivity. Paste it at api.slack.com/apps → Create New App → From a
// manifest.
func Manifest(name string, cmds []*bot.Command, prefix string, opts ...ManifestOption) ([]byte, error) {
	var m manifest
	m.DisplayInformation.Name = name
	m.DisplayInformation.Description = "Kunskap, träffar och kontakter för passionsdrivna aktörer / Knowledge, meetups and connections for passion-driven actors"
	m.DisplayInformation.BackgroundColor = "#6b2d8b"
	m.Features.AppHome.MessagesTabEnabled = true
	m.Features.BotUser.DisplayName = name
	m.Features.BotUser.AlwaysOnline = true
	m.Features.SlashCommands = SlashCommands(cmds, prefix)
	m.OAuthConfig.Scopes.Bot = BotScopes()
	m.Settings.EventSubscriptions.BotEvents = BotEvents()
	m.Settings.Interactivity.IsEnabled = true
	m.Settings.SocketModeEnabled = true
	for _, o := range opts {
		o(&m)
	}
	return yaml.Marshal(m)
}
