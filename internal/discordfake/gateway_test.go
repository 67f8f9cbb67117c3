package discordfake_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	df "passionbot/internal/discordfake"
)

// Gateway tests share sessions where they can: discordgo's Session.Close
// (and every reconnect) sleeps one second.

// gw is an opened discordgo session on a fixture, with its events.
type gw struct {
	fixture
	s     *discordgo.Session
	msgs  chan *discordgo.MessageCreate
	inter chan *discordgo.InteractionCreate
	joins chan *discordgo.GuildMemberAdd
}

func openGateway(t *testing.T, intents discordgo.Intent, opts ...df.Option) gw {
	t.Helper()
	g := gw{fixture: setup(t, opts...)}
	g.s = newSession(t, g.fake, intents)
	g.msgs = make(chan *discordgo.MessageCreate, 256)
	g.inter = make(chan *discordgo.InteractionCreate, 256)
	g.joins = make(chan *discordgo.GuildMemberAdd, 256)
	g.s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { g.msgs <- m })
	g.s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { g.inter <- i })
	g.s.AddHandler(func(_ *discordgo.Session, m *discordgo.GuildMemberAdd) { g.joins <- m })
	open(t, g.s, 1)
	return g
}

// message waits for the MESSAGE_CREATE with that ID, skipping others (the
// bot's own echoes, for instance).
func (g gw) message(t *testing.T, id string) *discordgo.MessageCreate {
	t.Helper()
	for {
		if m := next(t, g.msgs); m == nil || m.ID == id {
			return m
		}
	}
}

func TestGateway(t *testing.T) {
	t.Parallel()
	g := openGateway(t, allIntents)
	f, s := g.fixture, g.s

	t.Run("identify, READY, GUILD_CREATE", func(t *testing.T) {
		id, err := f.fake.WaitIdentify(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		if id.Intents != int(allIntents) || id.Token != "Bot "+f.fake.Token() || !id.Compress ||
			!strings.HasPrefix(id.Properties["browser"], "DiscordGo") {
			t.Errorf("identify = %+v", id)
		}
		if s.State.User.ID != f.fake.BotID() || !s.State.User.Bot || s.State.Application.ID != f.fake.AppID() {
			t.Errorf("READY user %+v application %+v", s.State.User, s.State.Application)
		}
		gd, err := s.State.Guild(f.guild.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(gd.Channels) != 3 || len(gd.Members) != 4 || len(gd.Roles) != 3 || gd.OwnerID != f.owner.ID {
			t.Errorf("guild: %d channels, %d members, %d roles, owner %s", len(gd.Channels), len(gd.Members), len(gd.Roles), gd.OwnerID)
		}
		if ch, err := s.State.Channel(f.general); err != nil || ch.Name != "general" || ch.GuildID != f.guild.ID {
			t.Errorf("channel %+v, %v", ch, err)
		}
		if err := f.fake.Wait(ctx(t), func() bool { return f.fake.Heartbeats() > 0 }); err != nil {
			t.Errorf("no heartbeat: %v", err)
		}
		if f.fake.Resumes() != 0 || len(f.fake.Identifies()) != 1 || !f.fake.Connected() {
			t.Errorf("resumes %d identifies %d", f.fake.Resumes(), len(f.fake.Identifies()))
		}
	})

	t.Run("MESSAGE_CREATE and GUILD_MEMBER_ADD", func(t *testing.T) {
		id := f.fake.SendMessage(df.MessageCreate{ChannelID: f.general, Author: f.kim, Content: "hej <@" + f.fake.BotID() + ">"})
		m := g.message(t, id)
		if m.ChannelID != f.general || m.GuildID != f.guild.ID || m.Author.ID != f.kim.ID ||
			len(m.Mentions) != 1 || m.Mentions[0].ID != f.fake.BotID() || m.Member == nil || m.Content == "" {
			t.Errorf("guild message %+v", m.Message)
		}
		id = f.fake.SendMessage(df.MessageCreate{Author: f.sam, Content: "privat"})
		m = g.message(t, id)
		dm, ok := f.fake.DMChannel(f.sam.ID)
		if m.GuildID != "" || !ok || m.ChannelID != dm.ID || m.Content != "privat" {
			t.Errorf("DM %+v (dm channel %+v)", m.Message, dm)
		}
		newbie := f.fake.NewUser("nova")
		f.fake.SendMemberAdd(f.guild.ID, df.Member{User: newbie})
		if j := next(t, g.joins); j.User.ID != newbie.ID || j.GuildID != f.guild.ID {
			t.Errorf("member add %+v", j.Member)
		}
		if _, ok := f.fake.Member(f.guild.ID, newbie.ID); !ok {
			t.Error("new member not stored")
		}
	})

	t.Run("ChannelMessageSendComplex recorded and echoed", func(t *testing.T) {
		asked := f.fake.SendMessage(df.MessageCreate{ChannelID: f.general, Author: f.kim, Content: "fråga"})
		g.message(t, asked)
		sent, err := s.ChannelMessageSendComplex(f.general, &discordgo.MessageSend{
			Content: "Hej <@" + f.kim.ID + "> och <@" + f.sam.ID + ">",
			Embeds: []*discordgo.MessageEmbed{{Title: "Kurs", Description: "Keramik",
				Fields: []*discordgo.MessageEmbedField{{Name: "När", Value: "Lördag"}}}},
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: "Ja", CustomID: "yes", Style: discordgo.PrimaryButton},
				discordgo.Button{Label: "Nej", CustomID: "no", Style: discordgo.SecondaryButton},
			}}},
			AllowedMentions: &discordgo.MessageAllowedMentions{Users: []string{f.kim.ID}},
			Reference:       &discordgo.MessageReference{MessageID: asked, ChannelID: f.general},
		})
		if err != nil {
			t.Fatal(err)
		}
		if sent.Author.ID != f.fake.BotID() || len(sent.Components) != 1 || sent.Embeds[0].Title != "Kurs" {
			t.Errorf("response message %+v", sent)
		}
		ms := f.fake.Messages(f.general)
		if len(ms) != 1 {
			t.Fatalf("%d messages recorded", len(ms))
		}
		m := ms[0]
		if m.ID != sent.ID || m.Content != "Hej <@"+f.kim.ID+"> och <@"+f.sam.ID+">" || m.Embeds[0].Fields[0].Value != "Lördag" ||
			m.Components[0].Components[1].CustomID != "no" || m.MessageReference.MessageID != asked ||
			m.AllowedMentions == nil || !slices.Equal(m.AllowedMentions.Users, []string{f.kim.ID}) {
			t.Errorf("recorded %+v", m)
		}
		if len(m.Mentions) != 1 || m.Mentions[0].ID != f.kim.ID {
			t.Errorf("allowed_mentions permits only kim; pinged %+v", m.Mentions)
		}
		if echo := g.message(t, sent.ID); echo.Author.ID != f.fake.BotID() {
			t.Errorf("echo %+v", echo.Message)
		}
		if _, err := s.ChannelMessageEdit(f.general, sent.ID, "ändrad"); err != nil {
			t.Fatal(err)
		}
		if m, _ := f.fake.Message(sent.ID); m.Content != "ändrad" || m.Edits != 1 || m.EditedTimestamp == nil || len(m.Embeds) != 1 {
			t.Errorf("edited %+v", m)
		}
		_, err = s.ChannelMessageEdit(f.general, asked, "nope")
		restError(t, err, 403, 50005)
		if err := s.ChannelMessageDelete(f.general, sent.ID); err != nil {
			t.Fatal(err)
		}
		if d := f.fake.Deletions(f.general); !slices.Equal(d, []string{sent.ID}) {
			t.Errorf("deletions %v", d)
		}
		_, err = s.ChannelMessageSendReply(f.general, "svar", &discordgo.MessageReference{MessageID: "1"})
		restError(t, err, 400, 50035)
	})

	t.Run("presence and member requests", func(t *testing.T) {
		chunks := make(chan *discordgo.GuildMembersChunk, 1)
		defer s.AddHandler(func(_ *discordgo.Session, c *discordgo.GuildMembersChunk) { chunks <- c })()
		if err := s.UpdateGameStatus(0, "keramik"); err != nil {
			t.Fatal(err)
		}
		if err := s.RequestGuildMembers(f.guild.ID, "k", 0, "n1", false); err != nil {
			t.Fatal(err)
		}
		if c := next(t, chunks); c.Nonce != "n1" || len(c.Members) != 1 || c.Members[0].User.ID != f.kim.ID {
			t.Errorf("chunk %+v", c)
		}
		if p := f.fake.PresenceUpdates(); len(p) != 1 || !strings.Contains(string(p[0]), "keramik") {
			t.Errorf("presence updates %s", p)
		}
	})

	t.Run("interactions", func(t *testing.T) { testInteractions(t, g) })
}

func testInteractions(t *testing.T, g gw) {
	f, s := g.fixture, g.s
	// A slash command with a subcommand, in a guild.
	iid := f.fake.SendInteraction(df.Interaction{
		ChannelID: f.general, User: f.sam, CommandName: "role", Locale: "sv-SE",
		Options: []df.OptionValue{df.Sub("grant", df.UserOpt("user", f.kim.ID), df.Str("role", "organiser"), df.Int("days", 3))},
	})
	i := next(t, g.inter)
	data := i.ApplicationCommandData()
	sub := data.Options[0]
	if i.ID != iid || i.GuildID != f.guild.ID || i.Member == nil || i.Member.User.ID != f.sam.ID || i.User != nil ||
		i.Locale != discordgo.Swedish || i.Member.Permissions&df.PermModerateMembers == 0 ||
		!slices.Contains(i.Member.Roles, f.modRole) || data.Name != "role" ||
		sub.Type != discordgo.ApplicationCommandOptionSubCommand || sub.Name != "grant" ||
		sub.Options[0].UserValue(nil).ID != f.kim.ID || sub.Options[1].StringValue() != "organiser" ||
		sub.Options[2].IntValue() != 3 || data.Resolved == nil || data.Resolved.Users[f.kim.ID] == nil {
		t.Errorf("interaction %+v data %+v", i.Interaction, data)
	}
	reply := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "Klart", Flags: discordgo.MessageFlagsEphemeral}}
	if err := s.InteractionRespond(i.Interaction, reply); err != nil {
		t.Fatal(err)
	}
	restError(t, s.InteractionRespond(i.Interaction, reply), 400, 40060)
	r, err := f.fake.WaitInteractionResponse(ctx(t), iid)
	if err != nil {
		t.Fatal(err)
	}
	if r.Type != df.ResponseMessage || r.Data.Content != "Klart" || r.Data.Flags != df.FlagEphemeral ||
		r.Latency <= 0 || r.Latency > 3*time.Second || len(f.fake.InteractionResponses(iid)) != 1 {
		t.Errorf("response %+v", r)
	}
	if o, ok := f.fake.Original(iid); !ok || o.Content != "Klart" {
		t.Errorf("original %+v", o)
	}

	// A button click on the bot's message, answered with UPDATE_MESSAGE.
	sent, err := s.ChannelMessageSendComplex(f.general, &discordgo.MessageSend{Content: "Kommer du?",
		Components: []discordgo.MessageComponent{buttons(1)}})
	if err != nil {
		t.Fatal(err)
	}
	f.fake.SendInteraction(df.Interaction{ChannelID: f.general, User: f.kim, CustomID: "x", MessageID: sent.ID})
	i = next(t, g.inter)
	if i.Type != discordgo.InteractionMessageComponent || i.MessageComponentData().CustomID != "x" || i.Message == nil || i.Message.ID != sent.ID {
		t.Fatalf("component interaction %+v", i.Interaction)
	}
	err = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "Tack!", Components: []discordgo.MessageComponent{}}})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := f.fake.Message(sent.ID); m.Content != "Tack!" || len(m.Components) != 0 || m.Edits != 1 {
		t.Errorf("updated message %+v", m)
	}

	// A DM command, deferred, then edited and followed up.
	did := f.fake.SendInteraction(df.Interaction{User: f.kim, CommandName: "help"})
	i = next(t, g.inter)
	if i.ID != did || i.GuildID != "" || i.Member != nil || i.User == nil || i.User.ID != f.kim.ID {
		t.Errorf("DM interaction %+v", i.Interaction)
	}
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	if o, _ := f.fake.Original(did); o.Flags&df.FlagLoading == 0 {
		t.Errorf("deferred original %+v", o)
	}
	content := "Här är hjälpen"
	if _, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &content}); err != nil {
		t.Fatal(err)
	}
	if o, _ := f.fake.Original(did); o.Content != content || o.Flags&df.FlagLoading != 0 {
		t.Errorf("edited original %+v", o)
	}
	if _, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: "Mer"}); err != nil {
		t.Fatal(err)
	}
	if fu := f.fake.Followups(did); len(fu) != 1 || fu[0].Content != "Mer" {
		t.Errorf("followups %+v", fu)
	}
	_, err = s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: strings.Repeat("x", 2001)})
	restError(t, err, 400, 50035)
}

// TestRestrictedSession: no Message Content or Server Members intent, no
// payload compression, an expired interaction window, fast heartbeats.
func TestRestrictedSession(t *testing.T) {
	t.Parallel()
	g := openGateway(t, discordgo.IntentsGuilds|discordgo.IntentsGuildMessages|discordgo.IntentsDirectMessages,
		df.WithCompression(false), df.WithInteractionDeadline(time.Nanosecond), df.WithHeartbeatInterval(100*time.Millisecond))
	f, s := g.fixture, g.s
	if err := f.fake.Wait(ctx(t), func() bool { return f.fake.Heartbeats() >= 3 }); err != nil {
		t.Errorf("heartbeat_interval not honoured: %d heartbeats: %v", f.fake.Heartbeats(), err)
	}

	id := f.fake.SendMessage(df.MessageCreate{ChannelID: f.general, Author: f.kim, Content: "!help"})
	if m := g.message(t, id); m.Content != "" {
		t.Errorf("without the Message Content intent a plain guild message has content %q", m.Content)
	}
	id = f.fake.SendMessage(df.MessageCreate{ChannelID: f.general, Author: f.kim, Content: "<@!" + f.fake.BotID() + "> help"})
	if m := g.message(t, id); m.Content == "" {
		t.Error("a mention of the bot must carry content")
	}
	id = f.fake.SendMessage(df.MessageCreate{Author: f.kim, Content: "help"})
	if m := g.message(t, id); m.Content != "help" {
		t.Errorf("DM content %q", m.Content)
	}
	if gd, err := s.State.Guild(f.guild.ID); err != nil || len(gd.Members) != 1 {
		t.Errorf("without GUILD_MEMBERS only the bot's member comes in GUILD_CREATE: %v", err)
	}

	f.fake.SendInteraction(df.Interaction{ChannelID: f.general, User: f.kim, CommandName: "help"})
	i := next(t, g.inter)
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	restError(t, err, 404, 10062)
}

func TestReconnectAndResume(t *testing.T) {
	t.Parallel()
	type mode struct {
		name   string
		drop   func(*df.Server)
		replay bool // resumed: missed dispatches are replayed
	}
	// Two sessions, each going through several disconnects in a row.
	for name, modes := range map[string][]mode{
		"drops": {
			{"abrupt", func(f *df.Server) { f.Drop(df.DropAbrupt) }, true},
			{"close 4000", func(f *df.Server) { f.Drop(df.DropResumable) }, true},
		},
		"ops": {
			{"op 9", (*df.Server).InvalidateSession, false},
			{"close 4009", func(f *df.Server) { f.Drop(df.DropInvalidSession) }, false},
			{"op 7", (*df.Server).Reconnect, true},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g := openGateway(t, allIntents)
			f := g.fake
			for _, c := range modes {
				resumes, identifies := f.Resumes(), len(f.Identifies())
				if c.replay {
					resumes++
				} else {
					identifies++
				}
				c.drop(f)
				var missed string
				if c.replay {
					// Sent while discordgo reconnects: RESUME must replay it.
					missed = f.SendMessage(df.MessageCreate{ChannelID: g.general, Author: g.kim, Content: "under " + c.name})
				}
				err := f.Wait(ctx(t), func() bool {
					return f.Connected() && len(f.Identifies()) == identifies && f.Resumes() == resumes
				})
				if err != nil {
					t.Fatalf("%s: resumes %d, identifies %d: %v", c.name, f.Resumes(), len(f.Identifies()), err)
				}
				if c.replay {
					if m := next(t, g.msgs); m.ID != missed {
						t.Errorf("%s: replayed %s, want %s", c.name, m.ID, missed)
					}
				}
				after := f.SendMessage(df.MessageCreate{ChannelID: g.general, Author: g.kim, Content: "efter " + c.name})
				if m := next(t, g.msgs); m.ID != after {
					t.Errorf("%s: after reconnect got %s (%q), want %s", c.name, m.ID, m.Content, after)
				}
			}
		})
	}
}
