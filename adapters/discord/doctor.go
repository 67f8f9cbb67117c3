package discord

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"passionbot/bot"
)

// CheckOptions say what Check verifies beyond the connection's Options.
type CheckOptions struct {
	// ApplicationID is [discord] application_id; empty means the bot
	// user's id, as for every application created since 2021.
	ApplicationID string
	// Commands are the declarations whose slash commands must be published
	// (nil skips the check).
	Commands []*bot.Command
	// Automod is [automod] enabled: it deletes messages.
	Automod bool
	// StaffRoles are the [roles] moderator and admin entries (ids, "id:…"
	// or names): those roles may stay above the bot's role.
	StaffRoles []string
}

// Feature is one of passionbot's features and the server-wide permissions
// it needs on Discord.
type Feature struct {
	Name  string
	Why   string // what does not work without them
	Perms int64
}

// Features are the features' permissions; together they are Permissions,
// what `passionbot invite discord` asks for. Automatic moderation is
// included only when it is enabled.
func Features(automod bool) []Feature {
	fs := []Feature{
		{"replies", "the bot cannot answer, announce or remind in channels and threads",
			discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionSendMessagesInThreads |
				discordgo.PermissionEmbedLinks | discordgo.PermissionReadMessageHistory},
		{"moderation", "purge, pin, channel create/rename/topic/slowmode/lock and timeouts are refused",
			discordgo.PermissionManageMessages | discordgo.PermissionManageChannels | discordgo.PermissionManageRoles |
				discordgo.PermissionModerateMembers | discordgo.PermissionReadMessageHistory},
		{"meetups", "meetups get no Discord event in the server's Events list",
			discordgo.PermissionManageEvents},
	}
	if automod {
		fs = append(fs, Feature{"automod", "automatic moderation cannot delete the messages it catches",
			discordgo.PermissionManageMessages})
	}
	return fs
}

// permissionNames are the names Discord's Server Settings → Roles shows.
var permissionNames = []struct {
	bit  int64
	name string
}{
	{discordgo.PermissionViewChannel, "View Channels"},
	{discordgo.PermissionSendMessages, "Send Messages"},
	{discordgo.PermissionSendMessagesInThreads, "Send Messages in Threads"},
	{discordgo.PermissionEmbedLinks, "Embed Links"},
	{discordgo.PermissionReadMessageHistory, "Read Message History"},
	{discordgo.PermissionManageMessages, "Manage Messages"},
	{discordgo.PermissionManageChannels, "Manage Channels"},
	{discordgo.PermissionManageRoles, "Manage Roles"},
	{discordgo.PermissionModerateMembers, "Timeout Members (Moderate Members)"},
	{discordgo.PermissionManageEvents, "Manage Events"},
}

// PermissionNames names the permissions in p, in the order Discord lists them.
func PermissionNames(p int64) []string {
	var out []string
	for _, n := range permissionNames {
		if p&n.bit != 0 {
			out = append(out, n.name)
		}
	}
	return out
}

// checkTimeout bounds the whole of Check.
const checkTimeout = 45 * time.Second

// Check connects to Discord with opt, briefly, and reports what the bot
// needs and lacks: the token (GET /users/@me), the application id, the
// gateway with the configured intents (a close 4014 explained), each
// server's permissions per feature and role order, and the published
// slash commands. It never changes anything on Discord. A failure in one
// check does not stop the others unless they cannot run without it.
func Check(ctx context.Context, opt Options, co CheckOptions) []bot.CheckResult {
	if r, ok := checkTokenShape(opt.Token); !ok {
		return []bot.CheckResult{r}
	}
	a, err := New(opt)
	if err != nil {
		return []bot.CheckResult{bot.Failed("discord configuration", "%v", err)}
	}
	defer a.transport.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	return a.check(ctx, co, false)
}

// CheckLive makes Check's checks on the running adapter's connection,
// after Run connected, except the gateway (the adapter's own connection
// proves it). Slash commands are given a moment to be published: Run
// publishes them right after connecting.
func (a *Adapter) CheckLive(ctx context.Context, co CheckOptions) []bot.CheckResult {
	select {
	case <-a.ready:
	case <-ctx.Done():
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	return a.check(ctx, co, true)
}

// checkTokenShape reports a token that is missing or pasted with spaces or
// quotes around it; whether Discord takes it is checked next.
func checkTokenShape(token string) (bot.CheckResult, bool) {
	const name = "discord token"
	switch {
	case strings.TrimSpace(token) == "":
		return bot.Failed(name, "DISCORD_TOKEN is not set: copy the bot token (developer portal → your application → Bot → Reset Token) into the environment"), false
	case strings.TrimSpace(token) != token || strings.ContainsAny(token, "\"' \t\n"):
		return bot.Failed(name, "DISCORD_TOKEN has spaces, quotes or line breaks in it: set it to the token alone"), false
	}
	return bot.CheckResult{}, true
}

func (a *Adapter) check(ctx context.Context, co CheckOptions, live bool) []bot.CheckResult {
	var out []bot.CheckResult
	me, err := a.sess.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return append(out, a.tokenFailure(err))
	}
	out = append(out, bot.Passed("discord token", "Discord accepts it: the bot is @%s (id %s)", me.Username, me.ID))
	appID := cmpOr(co.ApplicationID, me.ID)
	// Listing the application's global commands proves the id is this
	// bot's application (another one answers 403 Missing Access).
	global, appErr := a.sess.ApplicationCommands(appID, "", discordgo.WithContext(ctx))
	if appErr != nil {
		out = append(out, bot.Failed("discord application", "application id %s is not this bot's (%v): copy the Application ID from the developer portal's General Information into [discord] application_id, or leave it empty", appID, a.explain(appErr)))
	} else {
		out = append(out, bot.Passed("discord application", "application id %s belongs to the bot", appID))
	}
	gatewayUp := live
	if !live {
		r, ok := a.checkGateway(ctx)
		out = append(out, r)
		gatewayUp = ok
		if ok {
			defer a.close()
		}
	}
	guilds, r := a.checkGuilds(ctx, gatewayUp)
	out = append(out, r...)
	for _, g := range guilds {
		out = append(out, a.checkGuild(ctx, g, me.ID, co)...)
	}
	if co.Commands != nil && appErr == nil {
		out = append(out, a.checkCommands(ctx, appID, global, co.Commands, live))
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// tokenFailure explains GET /users/@me's refusal.
func (a *Adapter) tokenFailure(err error) bot.CheckResult {
	const name = "discord token"
	var e *Error
	if errors.As(a.explain(err), &e) && e.Status == 401 {
		hint := ""
		if _, perr := AppIDFromToken(a.opt.Token); perr != nil {
			hint = " (it does not look like a bot token — three parts separated by dots — was the client secret or the public key copied instead?)"
		}
		return bot.Failed(name, "Discord refused DISCORD_TOKEN (HTTP 401)%s: in the developer portal open your application → Bot → Reset Token and put the new token in DISCORD_TOKEN", hint)
	}
	return bot.Failed(name, "could not reach Discord to check the token: %v (is [discord] base_url right, and the network up?)", a.explain(err))
}

// checkGateway opens the gateway with the configured intents, as Run does,
// and reports whether it connected; the session stays open for the
// servers in READY (the caller closes it).
func (a *Adapter) checkGateway(ctx context.Context) (bot.CheckResult, bool) {
	const name = "discord gateway"
	opened, err := a.open(ctx)
	if err != nil {
		if advice := GatewayAdvice(err, a.opt.PrivilegedIntents); advice != "" {
			return bot.Failed(name, "%s", advice), false
		}
		return bot.Failed(name, "could not connect: %v", err), false
	}
	if !opened {
		return bot.Failed(name, "not checked: %v", ctx.Err()), false
	}
	if a.opt.PrivilegedIntents {
		return bot.Passed(name, "connects with the privileged intents Message Content and Server Members"), true
	}
	return bot.Passed(name, "connects (privileged_intents is off: no prefix commands in ordinary messages, no automod on them, no welcomes)"), true
}

// GatewayAdvice explains a gateway refusal the operator can fix (close
// 4014 disallowed intents, 4004 authentication failed), or returns "".
func GatewayAdvice(err error, privileged bool) string {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return ""
	}
	switch ce.Code {
	case 4014:
		if !privileged {
			return "Discord closed the gateway with 4014 (disallowed intents) although privileged_intents is off: report it as a bug"
		}
		return "Discord closed the gateway with 4014 (disallowed intents): privileged_intents = true asks for Message Content and Server Members; turn both on in the developer portal (your application → Bot → Privileged Gateway Intents → Message Content Intent and Server Members Intent, Save Changes), or set privileged_intents = false"
	case 4004:
		return "Discord closed the gateway with 4004 (authentication failed): reset the token under Bot → Reset Token and put it in DISCORD_TOKEN"
	}
	return ""
}

// checkGuilds returns the servers to check: [discord] guild_id, else
// those in READY (at most 10).
func (a *Adapter) checkGuilds(ctx context.Context, gatewayUp bool) ([]*discordgo.Guild, []bot.CheckResult) {
	const name = "discord server"
	if id := a.opt.GuildID; id != "" {
		g, err := a.sess.Guild(id, discordgo.WithContext(ctx))
		if err != nil {
			return nil, []bot.CheckResult{bot.Failed(name, "guild_id %s cannot be reached (%v): add the bot with the link from `passionbot invite discord`, or fix [discord] guild_id (Developer Mode on, right-click the server → Copy Server ID)", id, a.explain(err))}
		}
		return []*discordgo.Guild{g}, []bot.CheckResult{bot.Passed(name, "%s (guild_id %s) is reachable", g.Name, g.ID)}
	}
	if !gatewayUp {
		return nil, []bot.CheckResult{bot.Unchecked(name, "no guild_id and no gateway connection to list the bot's servers: not checked")}
	}
	st := a.sess.State
	st.RLock()
	ids := make([]string, 0, len(st.Guilds))
	for _, g := range st.Guilds {
		ids = append(ids, g.ID)
	}
	st.RUnlock()
	if len(ids) == 0 {
		return nil, []bot.CheckResult{bot.Failed(name, "the bot is in no server: open the link from `passionbot invite discord` and pick your server")}
	}
	var guilds []*discordgo.Guild
	var out []bot.CheckResult
	for _, id := range ids[:min(len(ids), 10)] {
		g, err := a.sess.Guild(id, discordgo.WithContext(ctx))
		if err != nil {
			out = append(out, bot.Failed(name, "server %s cannot be read (%v)", id, a.explain(err)))
			continue
		}
		guilds = append(guilds, g)
		out = append(out, bot.Passed(name, "%s (%s) is reachable; without guild_id slash commands are global and can take up to an hour to appear", g.Name, g.ID))
	}
	return guilds, out
}

// checkGuild checks the bot's server-wide permissions per feature and its
// role's place above members' roles in g.
func (a *Adapter) checkGuild(ctx context.Context, g *discordgo.Guild, botID string, co CheckOptions) []bot.CheckResult {
	member, err := a.sess.GuildMember(g.ID, botID, discordgo.WithContext(ctx))
	if err != nil {
		return []bot.CheckResult{bot.Failed("discord permissions", "the bot's membership in %s cannot be read (%v)", g.Name, a.explain(err))}
	}
	roles, err := a.sess.GuildRoles(g.ID, discordgo.WithContext(ctx))
	if err != nil {
		return []bot.CheckResult{bot.Failed("discord permissions", "the roles of %s cannot be read (%v)", g.Name, a.explain(err))}
	}
	perms, top := basePermissions(g, member, roles)
	var out []bot.CheckResult
	for _, f := range Features(co.Automod) {
		name := "discord permissions for " + f.Name
		if missing := f.Perms &^ perms; missing != 0 {
			out = append(out, bot.Failed(name, "missing %s in %s: %s; give the bot's role%s these permissions in Server Settings → Roles, or add the bot again with the link from `passionbot invite discord`",
				strings.Join(PermissionNames(missing), ", "), g.Name, f.Why, roleName(top)))
			continue
		}
		out = append(out, bot.Passed(name, "%s", strings.Join(PermissionNames(f.Perms), ", ")))
	}
	return append(out, checkRoleOrder(g, top, roles, co.StaffRoles))
}

func roleName(r *discordgo.Role) string {
	if r == nil {
		return ""
	}
	return " (" + r.Name + ")"
}

// basePermissions are the bot's server-wide permissions in g (@everyone's
// and its roles', everything for the owner or an administrator) and its
// highest role (nil when it has none but @everyone).
func basePermissions(g *discordgo.Guild, m *discordgo.Member, roles []*discordgo.Role) (int64, *discordgo.Role) {
	var perms int64
	var top *discordgo.Role
	for _, r := range roles {
		if r.ID == g.ID {
			perms |= r.Permissions
			continue
		}
		if !slices.Contains(m.Roles, r.ID) {
			continue
		}
		perms |= r.Permissions
		if top == nil || above(r, top) {
			top = r
		}
	}
	if perms&discordgo.PermissionAdministrator != 0 || (m.User != nil && g.OwnerID == m.User.ID) {
		perms = ^int64(0) // discordgo.PermissionAll lacks the newer bits
	}
	return perms, top
}

// above reports whether r is above s in the role list (position, then the
// lower id, as Discord orders them).
func above(r, s *discordgo.Role) bool {
	if r.Position != s.Position {
		return r.Position > s.Position
	}
	return len(r.ID) < len(s.ID) || (len(r.ID) == len(s.ID) && r.ID < s.ID)
}

// checkRoleOrder reports members' roles above the bot's highest role:
// Discord lets a bot time out members and override channel permissions
// (locks) only for roles below its own. Other bots' roles, administrator
// roles and the staff roles of [roles] may stay above.
func checkRoleOrder(g *discordgo.Guild, top *discordgo.Role, roles []*discordgo.Role, staff []string) bot.CheckResult {
	const name = "discord role order"
	var over []string
	for _, r := range roles {
		if r.ID == g.ID || r.Managed || r.Permissions&discordgo.PermissionAdministrator != 0 || isStaff(r, staff) {
			continue
		}
		if top == nil || above(r, top) {
			over = append(over, r.Name)
		}
	}
	if top == nil {
		if len(over) == 0 {
			return bot.Passed(name, "no member roles in %s", g.Name)
		}
		return bot.Failed(name, "the bot has no role of its own in %s, so it is below %s: it cannot time out members who have them or lock channels for them; add the bot again with the link from `passionbot invite discord` (it creates the bot's role) and drag that role above them in Server Settings → Roles", g.Name, strings.Join(over, ", "))
	}
	if len(over) == 0 {
		return bot.Passed(name, "the bot's role %s is above every member role (timeouts and channel locks work)", top.Name)
	}
	return bot.Failed(name, "the bot's role %s is below %s in %s: it cannot time out members who have them or lock channels for them; drag %s above them in Server Settings → Roles (roles mapped to moderator or admin in [roles] may stay above)",
		top.Name, strings.Join(over, ", "), g.Name, top.Name)
}

// isStaff reports whether r is one of the [roles] moderator/admin
// entries, by id ("123", "id:123") or by name.
func isStaff(r *discordgo.Role, staff []string) bool {
	for _, s := range staff {
		if s == r.ID || strings.TrimPrefix(s, "id:") == r.ID || strings.EqualFold(s, r.Name) {
			return true
		}
	}
	return false
}

// checkCommands compares the published slash commands (of guild_id, else
// global) with the declarations. Live, it waits a little for Run's
// publish to land.
func (a *Adapter) checkCommands(ctx context.Context, appID string, global []*discordgo.ApplicationCommand, cmds []*bot.Command, live bool) bot.CheckResult {
	const name = "discord slash commands"
	want, _ := nativeCommands(cmds)
	for attempt := 0; ; attempt++ {
		have := global
		var err error
		if a.opt.GuildID != "" || attempt > 0 {
			have, err = a.sess.ApplicationCommands(appID, a.opt.GuildID, discordgo.WithContext(ctx))
		}
		if err != nil {
			return bot.Failed(name, "cannot be listed (%v)", a.explain(err))
		}
		diff := compareCommands(want, have)
		if diff == "" {
			where := "globally"
			if a.opt.GuildID != "" {
				where = "in the server"
			}
			return bot.Passed(name, "all %d published %s and matching the declarations", len(want), where)
		}
		if !live || attempt >= 10 {
			late := ""
			if a.opt.GuildID == "" {
				late = "; without guild_id Discord can take up to an hour to show global commands"
			}
			return bot.Failed(name, "%s: start passionbot, which publishes them when they changed since its last publish (`passionbot run`, then check again)%s", diff, late)
		}
		select {
		case <-ctx.Done():
			return bot.Failed(name, "%s", diff)
		case <-time.After(time.Second):
		}
	}
}

// compareCommands says how have differs from want ("" when it does not):
// commands missing, different (options, types, choices) and extra.
func compareCommands(want, have []*discordgo.ApplicationCommand) string {
	published := map[string]string{}
	for _, c := range have {
		published[c.Name] = commandShape(c)
	}
	var missing, stale []string
	for _, c := range want {
		shape, ok := published[c.Name]
		switch {
		case !ok:
			missing = append(missing, "/"+c.Name)
		case shape != commandShape(c):
			stale = append(stale, "/"+c.Name)
		}
		delete(published, c.Name)
	}
	var extra []string
	for n := range published {
		extra = append(extra, "/"+n)
	}
	slices.Sort(extra)
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d not published (%s)", len(missing), len(want), strings.Join(missing, " ")))
	}
	if len(stale) > 0 {
		parts = append(parts, "out of date: "+strings.Join(stale, " "))
	}
	if len(extra) > 0 {
		parts = append(parts, "not declared by this passionbot: "+strings.Join(extra, " "))
	}
	return strings.Join(parts, "; ")
}

// commandShape is what a member sees of a command: its options' types,
// names, requiredness and choices, nested (descriptions are left out:
// Discord may normalise them).
func commandShape(c *discordgo.ApplicationCommand) string {
	var b strings.Builder
	b.WriteString(c.Name)
	writeOptions(&b, c.Options)
	return b.String()
}

func writeOptions(b *strings.Builder, opts []*discordgo.ApplicationCommandOption) {
	for _, o := range opts {
		fmt.Fprintf(b, "(%d %s %t", o.Type, o.Name, o.Required)
		for _, ch := range o.Choices {
			fmt.Fprintf(b, " %v", ch.Value)
		}
		writeOptions(b, o.Options)
		b.WriteString(")")
	}
}
