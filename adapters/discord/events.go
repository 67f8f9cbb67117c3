package discord

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
)

// onMessage hands a message to the core: DMs and mentions of the bot are
// addressed; other messages go through only for the prefix check (their
// content is empty unless the Message Content intent is on).
func (a *Adapter) onMessage(ctx context.Context, h bot.Handler, m *discordgo.MessageCreate) {
	if m.Message == nil || m.Author == nil || m.Author.Bot || m.Author.ID == a.botID() {
		return
	}
	text, mentioned := a.stripMention(m.Message)
	addressed := m.GuildID == "" || mentioned
	if !addressed && !a.opt.PrivilegedIntents {
		return // prefix commands in plain messages need the Message Content intent
	}
	ev := bot.Event{
		Kind:      bot.EventMessage,
		Platform:  bot.PlatformDiscord,
		ID:        m.ID,
		User:      a.user(ctx, m.GuildID, m.Author, m.Member),
		Channel:   bot.Channel{ID: m.ChannelID, DM: m.GuildID == ""},
		Text:      text,
		Addressed: addressed,
	}
	// The question may be gone by the time the answer comes (a purge):
	// then the answer is posted without the reply link.
	keep := false
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &keep}
	ev.Respond = func(ctx context.Context, r bot.Reply) error {
		return a.sendChannel(ctx, m.ChannelID, r, ref)
	}
	h.Handle(ctx, ev)
}

// stripMention removes the bot's mention from the text and says whether
// the bot was mentioned.
func (a *Adapter) stripMention(m *discordgo.Message) (string, bool) {
	id := a.botID()
	mentioned := false
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			mentioned = true
		}
	}
	text := m.Content
	for _, tag := range []string{"<@" + id + ">", "<@!" + id + ">"} {
		if id != "" && strings.Contains(text, tag) {
			mentioned = true
			text = strings.ReplaceAll(text, tag, " ")
		}
	}
	return strings.TrimSpace(text), mentioned
}

// onInteraction turns a slash command into EventCommand and a button click
// into EventAction, each answered through the interaction.
func (a *Adapter) onInteraction(ctx context.Context, h bot.Handler, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	if i == nil {
		return // not decoded: onRaw repairs it
	}
	var du *discordgo.User
	if i.Member != nil {
		du = i.Member.User
	} else {
		du = i.User
	}
	if du == nil {
		return
	}
	ev := bot.Event{
		Platform:   bot.PlatformDiscord,
		ID:         i.ID,
		User:       a.user(ctx, i.GuildID, du, i.Member),
		Channel:    bot.Channel{ID: i.ChannelID, DM: i.GuildID == ""},
		Addressed:  true,
		LocaleHint: string(i.Locale),
		// Interaction replies can be ephemeral.
		PrivateReplies: true,
	}
	ephemeral := false
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		path, cmd, opts := a.resolve(i)
		ev.Kind, ev.Invoked, ev.Options = bot.EventCommand, cmd, optionValues(opts)
		if cmd == nil {
			// Published by an older version: the core reads it as text.
			ev.Command = strings.ReplaceAll(path, "-", " ")
		}
		ephemeral = cmd.RepliesEphemeral()
	case discordgo.InteractionApplicationCommandAutocomplete:
		a.autocomplete(ctx, h, i, ev.User)
		return
	case discordgo.InteractionMessageComponent:
		ev.Kind, ev.Action = bot.EventAction, i.MessageComponentData().CustomID
		ephemeral = true
	default:
		return
	}
	ir := &interactionReply{a: a, i: i, ephemeral: ephemeral, created: time.Now(), user: ev.User.ID}
	ev.Respond = ir.respond
	// Deferring and settling outlive a stop, like the handler's own reply
	// (the core detaches it): Discord must not show "interaction failed".
	timer := time.AfterFunc(a.opt.DeferAfter, func() {
		dctx, stop := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer stop()
		ir.deferReply(dctx)
	})
	h.Handle(ctx, ev)
	timer.Stop()
	fctx, stop := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer stop()
	ir.finish(fctx)
}

// settleTimeout bounds deferring an interaction, and settling it after the
// handler, with retries, also after a stop.
const settleTimeout = 15 * time.Second

// resolve returns an invocation's native path ("meetup create", the
// subcommand unwrapped), the declaration it names (nil when unknown) and
// its options.
func (a *Adapter) resolve(i *discordgo.Interaction) (string, *bot.Command, []*discordgo.ApplicationCommandInteractionDataOption) {
	data := i.ApplicationCommandData()
	path, opts := data.Name, data.Options
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		path, opts = path+" "+opts[0].Name, opts[0].Options
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return path, a.paths[path], opts
}

// optionValues are the options' typed values by name.
func optionValues(opts []*discordgo.ApplicationCommandInteractionDataOption) map[string]any {
	out := map[string]any{}
	for _, o := range opts {
		switch o.Type {
		case discordgo.ApplicationCommandOptionInteger:
			out[o.Name] = o.IntValue()
		case discordgo.ApplicationCommandOptionBoolean:
			out[o.Name] = o.BoolValue()
		case discordgo.ApplicationCommandOptionNumber:
			out[o.Name] = o.FloatValue()
		default: // string, user, channel, role: ids and text are strings
			if s, ok := o.Value.(string); ok {
				out[o.Name] = s
			}
		}
	}
	return out
}

func (a *Adapter) onMemberAdd(ctx context.Context, h bot.Handler, m *discordgo.GuildMemberAdd) {
	if m.Member == nil || m.User == nil || m.User.Bot {
		return
	}
	u := a.user(ctx, m.GuildID, m.User, m.Member)
	h.Handle(ctx, bot.Event{
		Kind:     bot.EventMemberJoined,
		Platform: bot.PlatformDiscord,
		User:     u,
		Respond: func(ctx context.Context, r bot.Reply) error {
			_, err := a.Send(ctx, bot.Target{User: u.ID}, r)
			return err
		},
	})
}

// user reports a Discord user with the role the community server gives
// them server-wide (see serverFacts): never from the permissions in the
// channel of the event, which channel overwrites change, and never from
// another server the bot is in. In a DM, the member's roles are looked up
// in the community server.
func (a *Adapter) user(ctx context.Context, guildID string, u *discordgo.User, m *discordgo.Member) bot.User {
	out := bot.User{Platform: bot.PlatformDiscord, ID: u.ID, Name: u.GlobalName}
	if out.Name == "" {
		out.Name = u.Username
	}
	if m != nil && m.Nick != "" {
		out.Name = m.Nick
	}
	g, err := a.guild()
	if err != nil || (guildID != "" && guildID != g) {
		return out // another server's roles count for nothing here
	}
	if m == nil || guildID == "" {
		if m, err = a.guildMember(ctx, g, u.ID); err != nil {
			if !errors.Is(err, bot.ErrNoSuchMember) {
				a.log.Warn("discord: looking up a member's roles failed", "user", u.ID, "err", err)
			}
			return out
		}
	}
	if err := a.serverFacts(ctx, g, u.ID, m.Roles, &out); err != nil {
		a.log.Warn("discord: reading the server's roles failed", "user", u.ID, "err", err)
	}
	return out
}

// Member looks a member of the community server up fresh, with the role
// their server-wide permissions give (bot.MemberResolver).
func (a *Adapter) Member(ctx context.Context, userID string) (bot.User, error) {
	g, err := a.guild()
	if err != nil {
		return bot.User{}, err
	}
	m, err := a.guildMember(ctx, g, userID)
	if err != nil {
		return bot.User{}, err
	}
	out := bot.User{Platform: bot.PlatformDiscord, ID: userID}
	if m.User != nil {
		out.Name = m.User.Username
	}
	if err := a.serverFacts(ctx, g, userID, m.Roles, &out); err != nil {
		return bot.User{}, err
	}
	return out, nil
}

// guildMember fetches a member of guild g; bot.ErrNoSuchMember when the
// user is not one.
func (a *Adapter) guildMember(ctx context.Context, g, userID string) (*discordgo.Member, error) {
	var m *discordgo.Member
	err := a.retry(ctx, func() (err error) {
		m, err = a.sess.GuildMember(g, userID, discordgo.WithContext(ctx))
		return err
	})
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == 404 {
		return nil, fmt.Errorf("discord member %s: %w", userID, bot.ErrNoSuchMember)
	}
	if err != nil {
		return nil, fmt.Errorf("discord member %s: %w", userID, err)
	}
	return m, nil
}

// serverFacts fills in u's role from the permissions of the server's
// @everyone role and of the member's roles (owner: admin), and the roles'
// ids and names for [roles]. The guild's roles come from the gateway's
// state, or from REST when the state lacks them.
func (a *Adapter) serverFacts(ctx context.Context, g, userID string, roleIDs []string, u *bot.User) error {
	guild, err := a.sess.State.Guild(g)
	if err != nil || len(guild.Roles) == 0 {
		err = a.retry(ctx, func() (err error) {
			guild, err = a.sess.Guild(g, discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			return fmt.Errorf("discord guild %s: %w", g, err)
		}
	}
	var perms int64
	for _, r := range guild.Roles {
		if r.ID == g || slices.Contains(roleIDs, r.ID) {
			perms |= r.Permissions
		}
		if r.ID != g && slices.Contains(roleIDs, r.ID) {
			u.RoleIDs = append(u.RoleIDs, r.ID)
			u.RoleNames = append(u.RoleNames, r.Name)
		}
	}
	if guild.OwnerID == userID {
		perms |= discordgo.PermissionAdministrator
	}
	u.Role = RoleFromPermissions(perms)
	return nil
}

// RoleFromPermissions maps Discord permissions to the core's roles.
func RoleFromPermissions(p int64) bot.Role {
	switch {
	case p&discordgo.PermissionAdministrator != 0:
		return bot.RoleAdmin
	case p&(discordgo.PermissionManageChannels|discordgo.PermissionModerateMembers) != 0:
		return bot.RoleModerator
	case p&discordgo.PermissionManageEvents != 0:
		return bot.RoleOrganiser
	}
	return bot.RoleMember
}

// interactionReply answers one interaction exactly once, then follows up:
// the first reply is the interaction response (or edits the deferred one),
// later replies and the rest of a split text are follow-ups.
type interactionReply struct {
	a         *Adapter
	i         *discordgo.Interaction
	ephemeral bool
	created   time.Time // received: Discord's windows count from here
	user      string    // who invoked it, for a private reply past the windows

	mu       sync.Mutex
	acked    bool // an interaction response was sent
	deferred bool // it was a deferral still to be filled
	sent     int  // messages sent
	done     bool // the handler returned: no deferral any more
}

func (r *interactionReply) flags(ephemeral bool) discordgo.MessageFlags {
	if ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// deferReply acknowledges a slow handler within Discord's window.
func (r *interactionReply) deferReply(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.acked || r.done {
		return
	}
	ctx, cancel := context.WithDeadline(ctx, r.created.Add(r.a.opt.CallbackWindow))
	defer cancel()
	err := r.a.retry(ctx, func() error {
		return r.a.interactionRespond(ctx, r.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: r.flags(r.ephemeral)},
		})
	})
	if err != nil {
		r.a.log.Warn("discord: deferring interaction failed", "err", err)
		return
	}
	r.acked, r.deferred = true, true
}

func (r *interactionReply) respond(ctx context.Context, rep bot.Reply) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	eph := rep.Ephemeral || r.ephemeral
	if r.late() {
		return r.fallback(ctx, rep, eph)
	}
	am := allowedMentions(rep.Mentions)
	if r.deferred && r.sent == 0 && eph && !r.ephemeral {
		// The "thinking…" placeholder is public, but this reply is for the
		// member only: remove the placeholder and answer privately.
		if err := r.a.retry(ctx, func() error { return r.a.interactionDelete(ctx, r.i) }); err == nil {
			r.sent = 1 // the placeholder is gone: the rest are follow-ups
		}
	}
	for _, m := range render(rep) {
		var err error
		switch {
		case !r.acked:
			// Only within Discord's window: a retry after it cannot succeed.
			wctx, cancel := context.WithDeadline(ctx, r.created.Add(r.a.opt.CallbackWindow))
			err = r.a.retry(wctx, func() error {
				return r.a.interactionRespond(wctx, r.i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Content: m.content, Embeds: m.embeds, Components: m.components, Files: m.files(), AllowedMentions: am, Flags: r.flags(eph)},
				})
			})
			cancel()
			if alreadyAcked(err) {
				err = nil // a retry after a lost answer: the first one arrived
			}
			if err != nil && r.sent == 0 && (errors.Is(err, context.DeadlineExceeded) || unknownInteraction(err)) {
				r.a.log.Warn("discord: the interaction's answer window passed; replying in the channel instead", "interaction", r.i.ID)
				return r.fallback(ctx, rep, eph)
			}
			r.acked = err == nil
		case r.deferred && r.sent == 0:
			// Empty lists, not null: compatible servers refuse null arrays.
			embeds, components := orEmpty(m.embeds), orEmpty(m.components)
			err = r.a.retry(ctx, func() error {
				return r.a.interactionEdit(ctx, r.i, &discordgo.WebhookEdit{Content: &m.content, Embeds: &embeds, Components: &components, Files: m.files(), AllowedMentions: am})
			})
		default:
			err = r.a.retry(ctx, func() error {
				return r.a.followup(ctx, r.i, &discordgo.WebhookParams{Content: m.content, Embeds: m.embeds, Components: m.components, Files: m.files(), AllowedMentions: am, Flags: r.flags(eph)})
			})
		}
		if err != nil {
			return err
		}
		r.sent++
	}
	return nil
}

// FollowupWindow is how long Discord takes follow-ups and edits of an
// interaction's answer.
const FollowupWindow = 15 * time.Minute

// late reports that Discord no longer takes an answer to the interaction:
// its first answer's window passed without one, or the follow-up window.
func (r *interactionReply) late() bool {
	age := time.Since(r.created)
	return !r.acked && age > r.a.opt.CallbackWindow || r.acked && age > FollowupWindow
}

// fallback sends a reply the interaction can no longer carry: in the
// channel, or by DM when it is for the member only.
func (r *interactionReply) fallback(ctx context.Context, rep bot.Reply, eph bool) error {
	if eph || r.i.ChannelID == "" {
		rep.Ephemeral = false
		_, err := r.a.Send(ctx, bot.Target{User: r.user}, rep)
		return err
	}
	return r.a.sendChannel(ctx, r.i.ChannelID, bot.Sanitize(rep), nil)
}

// orEmpty is s, or an empty (not nil) slice.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// unknownInteraction reports Discord's "Unknown interaction" (10062): the
// interaction's window passed.
func unknownInteraction(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == 10062
}

// finish settles an interaction whose handler returned: a deferral it
// never filled is removed, and one it never answered gets a short private
// acknowledgement, so Discord never shows "interaction failed".
func (r *interactionReply) finish(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done = true
	switch {
	case r.deferred && r.sent == 0:
		_ = r.a.retry(ctx, func() error { return r.a.interactionDelete(ctx, r.i) })
	case !r.acked && !r.late():
		wctx, cancel := context.WithDeadline(ctx, r.created.Add(r.a.opt.CallbackWindow))
		defer cancel()
		_ = r.a.retry(wctx, func() error {
			return r.a.interactionRespond(wctx, r.i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "✓", Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: allowedMentions(nil)},
			})
		})
	}
}

// alreadyAcked reports Discord's "Interaction has already been acknowledged".
func alreadyAcked(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == 40060
}

// autocomplete answers Discord's request for suggestions while a member
// types an option declared with Suggest.
func (a *Adapter) autocomplete(ctx context.Context, h bot.Handler, i *discordgo.Interaction, u bot.User) {
	_, cmd, opts := a.resolve(i)
	var choices []*discordgo.ApplicationCommandOptionChoice
	s, ok := h.(bot.Autocompleter)
	for _, o := range opts {
		if !o.Focused || !ok || cmd == nil {
			continue
		}
		typed, _ := o.Value.(string)
		for _, v := range s.Suggestions(ctx, u, cmd, o.Name, typed) {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: clip(v, 100), Value: clip(v, 100)})
		}
	}
	err := a.retry(ctx, func() error {
		return a.interactionRespond(ctx, i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		})
	})
	if err != nil {
		a.log.Warn("discord autocomplete answer failed", "err", err)
	}
}
