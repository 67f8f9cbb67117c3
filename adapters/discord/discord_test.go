package discord_test

import (
	"cmp"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"go.uber.org/goleak"

	"passionbot/adapters/discord"
	"passionbot/bot"
	"passionbot/internal/bottest"
	"passionbot/internal/discordfake"
	"passionbot/knowledge"
	"passionbot/storage"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// env is a bot on a fresh database connected through the real discordgo
// client to a loopback fake Discord with one server.
type env struct {
	fake                 *discordfake.Server
	h                    *bottest.Harness
	a                    *discord.Adapter
	guild                discordfake.Guild
	general              string
	kim, mod, admin, org discordfake.User
	stop                 func()
}

type setup struct {
	privileged bool
	dbPath     string
	extra      []*bot.Command
	fakeOpts   []discordfake.Option
	lanes      int           // Options.InteractionLanes
	deferAfter time.Duration // Options.DeferAfter (default 300 ms)
	window     time.Duration // Options.CallbackWindow
	options    func(*bot.Options)
	harness    []bottest.Option // more harness options (the web dashboard)
}

func start(t *testing.T, s setup) *env {
	t.Helper()
	fake := discordfake.New(t, s.fakeOpts...)
	e := &env{fake: fake, kim: fake.NewUser("kim"), mod: fake.NewUser("moa"), admin: fake.NewUser("ada"), org: fake.NewUser("olle")}
	e.guild = fake.AddGuild(discordfake.Guild{
		Name:     "Passion Halland",
		OwnerID:  e.admin.ID,
		Channels: []discordfake.Channel{{Name: "allmant"}},
		Roles: []discordfake.Role{
			{ID: "900", Name: "Moderator", Permissions: discordgo.PermissionModerateMembers},
			{ID: "901", Name: "Styrelsen", Permissions: discordgo.PermissionAdministrator},
			{ID: "902", Name: "Arrangörer"},
			{ID: "903", Name: "Kanalansvariga", Permissions: discordgo.PermissionManageChannels},
		},
		Members: []discordfake.Member{{User: e.kim}, {User: e.mod, Roles: []string{"900"}}, {User: e.admin, Roles: []string{"901"}}, {User: e.org, Roles: []string{"902"}}},
	})
	e.general = e.guild.Channels[0].ID
	var a *discord.Adapter
	opts := []bottest.Option{bottest.WithAdapterOn(func(db *storage.DB) (bot.Adapter, error) {
		var err error
		a, err = discord.New(discord.Options{Token: fake.Token(), BaseURL: fake.URL(), GuildID: e.guild.ID, State: db,
			PrivilegedIntents: s.privileged, DeferAfter: cmp.Or(s.deferAfter, 300*time.Millisecond), CallbackWindow: s.window,
			Backoff: 10 * time.Millisecond, InteractionLanes: s.lanes})
		return a, err
	}), bottest.WithOptions(func(o *bot.Options) {
		o.Roles = bot.NewRoleMap(map[bot.Role][]string{bot.RoleOrganiser: {"id:902"}})
		if s.options != nil {
			s.options(o)
		}
	}), bottest.WithCommands(s.extra...)}
	if s.dbPath != "" {
		opts = append(opts, bottest.WithDatabase(s.dbPath))
	}
	opts = append(opts, s.harness...)
	e.h = bottest.New(t, opts...)
	e.a = a
	ctx, cancel := context.WithCancel(context.Background())
	if err := a.PublishCommands(ctx, e.h.Bot.Registry().Commands()); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, e.h.Bot) }()
	stopped := false
	e.stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer wcancel()
		e.h.Bot.Wait(wctx)
	}
	t.Cleanup(e.stop)
	e.waitFor(t, "connected", fake.Connected)
	e.waitFor(t, "commands published", func() bool {
		v, _ := e.h.DB.GetState(context.Background(), "discord.commands."+fake.AppID()+"."+e.guild.ID)
		return v != "" && len(fake.Commands(e.guild.ID)) > 0
	})
	return e
}

// waitFor polls cond (it may look at the database as well as the fake).
func (e *env) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: timed out", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (e *env) messages(t *testing.T, n int) []discordfake.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ms, err := e.fake.WaitMessages(ctx, e.general, n)
	if err != nil {
		t.Fatalf("waiting for %d messages: %v (have %d)", n, err, len(e.fake.Messages(e.general)))
	}
	return ms
}

func (e *env) response(t *testing.T, id string) discordfake.InteractionResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := e.fake.WaitInteractionResponse(ctx, id)
	if err != nil {
		t.Fatalf("no interaction response: %v", err)
	}
	return r
}

func mention(e *env, u discordfake.User, text string) string {
	return e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: u, Content: "<@" + e.fake.BotID() + "> " + text})
}

func TestMentionWithQuestionAnswered(t *testing.T) {
	e := start(t, setup{})
	id := mention(e, e.kim, "vad står PUNKS för?")
	m := e.messages(t, 1)[0]
	if !strings.Contains(m.Content, "Passionsdriven Utveckling av Näringsliv Kultur och Samhälle") {
		t.Fatalf("answer = %q", m.Content)
	}
	if m.MessageReference == nil || m.MessageReference.MessageID != id {
		t.Fatalf("not a reply to the question: %+v", m.MessageReference)
	}
	if am := m.AllowedMentions; am == nil || len(am.Parse) != 0 || am.RepliedUser {
		t.Fatalf("allowed_mentions = %+v", am)
	}
}

func TestIdentifyAsksOnlyForWhatIsEnabled(t *testing.T) {
	want := int(discordgo.IntentGuilds | discordgo.IntentGuildMessages | discordgo.IntentDirectMessages | discordgo.IntentGuildScheduledEvents)
	e := start(t, setup{})
	ids := e.fake.Identifies()
	if len(ids) != 1 || ids[0].Intents != want || ids[0].Token != "Bot "+e.fake.Token() && ids[0].Token != e.fake.Token() {
		t.Fatalf("IDENTIFY = %+v, want intents %d", ids, want)
	}
	// Without Message Content, plain channel messages are not commands.
	e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: e.kim, Content: "!help"})
	mention(e, e.kim, "vad står PUNKS för?")
	if ms := e.messages(t, 1); strings.Contains(ms[0].Content, "Kommandon") {
		t.Fatal("prefix command answered without the Message Content intent")
	}
	e.stop()

	p := start(t, setup{privileged: true, fakeOpts: []discordfake.Option{discordfake.WithPrivilegedIntents(int(discordgo.IntentMessageContent | discordgo.IntentGuildMembers))}})
	if got := p.fake.Identifies()[0].Intents; got != want|int(discordgo.IntentMessageContent|discordgo.IntentGuildMembers) {
		t.Fatalf("privileged IDENTIFY intents = %d", got)
	}
	p.fake.SendMessage(discordfake.MessageCreate{ChannelID: p.general, Author: p.kim, Content: "!help"})
	if ms := p.messages(t, 1); !strings.Contains(ms[0].Content, "Kommandon du kan använda") {
		t.Fatalf("prefix command with privileged intents = %q", ms[0].Content)
	}
}

func TestSlashHelpAndRefusal(t *testing.T) {
	e := start(t, setup{})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "help", Locale: "en-GB"})
	r := e.response(t, id)
	if r.Type != discordfake.ResponseMessage || r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "**Commands you can use**") {
		t.Fatalf("/help = type %d flags %d %q", r.Type, r.Data.Flags, r.Data.Content)
	}
	if strings.Contains(r.Data.Content, "`role grant`") {
		t.Fatal("a member's /help lists admin commands")
	}
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "role", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("list")}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "kräver rollen administratör, och du är medlem") || r.Data.Flags&64 == 0 {
		t.Fatalf("refusal = %q flags %d", r.Data.Content, r.Data.Flags)
	}
	// Discord permissions and [roles] names give roles.
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.admin, CommandName: "role", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("grant", discordfake.UserOpt("user", e.kim.ID), discordfake.Str("role", "moderator"))}})
	if r := e.response(t, id); r.Data.Content != e.kim.ID+" har nu rollen moderator." {
		t.Fatalf("admin's /role grant = %q", r.Data.Content)
	}
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.org, CommandName: "faq",
		Options: []discordfake.OptionValue{discordfake.Sub("unanswered")}})
	if r := e.response(t, id); strings.Contains(r.Data.Content, "kräver rollen") {
		t.Fatalf("[roles] organiser refused: %q", r.Data.Content)
	}
}

func TestButtonClickRoutedToItsAction(t *testing.T) {
	e := start(t, setup{})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "learn",
		Options: []discordfake.OptionValue{discordfake.Sub("start")}})
	r := e.response(t, id)
	if len(r.Data.Embeds) != 1 || len(r.Data.Components) != 1 || len(r.Data.Components[0].Components) != 3 {
		t.Fatalf("quiz card = %+v", r.Data)
	}
	lessons, _ := knowledge.Course()
	right := r.Data.Components[0].Components[lessons[0].Quiz[0].Answer-1]
	if right.CustomID != "learn answer:"+string(rune('0'+lessons[0].Quiz[0].Answer)) {
		t.Fatalf("button custom_id = %q", right.CustomID)
	}
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: right.CustomID, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.HasPrefix(r.Data.Content, "Rätt!") {
		t.Fatalf("click answered %q", r.Data.Content)
	}
}

func TestLongReplySplitAtLineBoundaries(t *testing.T) {
	e := start(t, setup{})
	var lines []string
	for i := 0; len(strings.Join(lines, "\n")) < 5000; i++ {
		lines = append(lines, "en rad om surdeg och keramik, nummer "+strings.Repeat("x", i%7))
	}
	text := strings.Join(lines, "\n")
	if _, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: text}); err != nil {
		t.Fatal(err)
	}
	ms := e.fake.Messages(e.general)
	if len(ms) != 3 {
		t.Fatalf("%d messages for %d characters, want 3", len(ms), len(text))
	}
	var joined string
	for _, m := range ms {
		if n := len([]rune(m.Content)); n > 2000 || strings.HasSuffix(m.Content, "nummer") {
			t.Fatalf("message of %d characters, or cut inside a line", n)
		}
		joined += m.Content
	}
	if joined != text {
		t.Fatal("the parts do not add up to the text")
	}
}

func TestEveryoneInUserTextDoesNotPing(t *testing.T) {
	e := start(t, setup{})
	// The reply echoes the member's text: "no command `@everyone @here <@&900>`".
	mention(e, e.kim, "help @everyone @here <@&900>")
	m := e.messages(t, 1)[0]
	if !strings.Contains(m.Content, "@\u200beveryone") || !strings.Contains(m.Content, "<@\u200b&900>") {
		t.Fatalf("the echoed text is not defused: %q", m.Content)
	}
	if m.AllowedMentions == nil || len(m.AllowedMentions.Parse) != 0 || len(m.AllowedMentions.Roles) != 0 || len(m.AllowedMentions.Users) != 0 {
		t.Fatalf("allowed_mentions = %+v", m.AllowedMentions)
	}
	if strings.Contains(m.Content, "@everyone") || strings.Contains(m.Content, "@here") || strings.Contains(m.Content, "<@&") {
		t.Fatalf("content = %q", m.Content)
	}
}

func TestRateLimitedSendDeliveredOnce(t *testing.T) {
	e := start(t, setup{})
	e.fake.RateLimit("POST", "/channels/*/messages", 1, 600*time.Millisecond)
	began := time.Now()
	mention(e, e.kim, "vad står PUNKS för?")
	e.messages(t, 1)
	if waited := time.Since(began); waited < 600*time.Millisecond {
		t.Fatalf("delivered after %v, inside the rate limit", waited)
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(e.fake.Messages(e.general)); n != 1 {
		t.Fatalf("%d messages after a 429, want 1", n)
	}
}

func TestServerErrorsRetriedRefusalsReported(t *testing.T) {
	e := start(t, setup{})
	e.fake.FailNext("POST", "/channels/*/messages", 502, `{"message":"Bad Gateway","code":0}`)
	e.fake.FailNext("POST", "/channels/*/messages", 500, `{"message":"Internal Server Error","code":0}`)
	if _, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: "hej"}); err != nil {
		t.Fatalf("5xx not retried: %v", err)
	}
	if n := len(e.fake.Messages(e.general)); n != 1 {
		t.Fatalf("%d messages after retries, want 1", n)
	}
	before := len(e.fake.Requests())
	e.fake.FailNext("POST", "/channels/*/messages", 403, `{"message":"Missing Permissions","code":50013}`)
	_, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: "hej igen"})
	var de *discord.Error
	if !asError(err, &de) || de.Code != discord.CodeMissingPermissions || de.Status != 403 {
		t.Fatalf("403 = %v", err)
	}
	if strings.Contains(err.Error(), e.fake.Token()) {
		t.Fatal("token in the error")
	}
	if n := len(e.fake.Requests()) - before; n != 1 {
		t.Fatalf("a permanent 403 was sent %d times", n)
	}
}

func TestDroppedGatewayResumes(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.kim, "vad står PUNKS för?")
	e.messages(t, 1)
	e.fake.Drop(discordfake.DropAbrupt)
	e.waitFor(t, "resumed", func() bool { return e.fake.Resumes() == 1 && e.fake.Connected() })
	mention(e, e.kim, "who commissioned the report?")
	if ms := e.messages(t, 2); !strings.Contains(ms[1].Content, "VIAkub Halland") {
		t.Fatalf("after resume = %q", ms[1].Content)
	}
}

func TestCommandsPublishedOnlyWhenChanged(t *testing.T) {
	path := t.TempDir() + "/p.db"
	e := start(t, setup{dbPath: path})
	if n := e.fake.CommandPuts(); n != 1 {
		t.Fatalf("%d bulk overwrites at first start", n)
	}
	names := map[string]bool{}
	for _, c := range e.fake.Commands(e.guild.ID) {
		names[c.Name] = true
	}
	for _, want := range []string{"help", "ask", "faq", "learn", "role", "language"} {
		if !names[want] {
			t.Errorf("command /%s not published", want)
		}
	}
	e.stop()
	e.h.DB.Close()

	// Restart on the same database, against the same server: unchanged commands are not sent again.
	var a *discord.Adapter
	h := bottest.New(t, bottest.WithDatabase(path), bottest.WithAdapterOn(func(db *storage.DB) (bot.Adapter, error) {
		var err error
		a, err = discord.New(discord.Options{Token: e.fake.Token(), BaseURL: e.fake.URL(), GuildID: e.guild.ID, State: db})
		return a, err
	}))
	a.PublishCommands(context.Background(), h.Bot.Registry().Commands())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, h.Bot) }()
	e.waitFor(t, "reconnected", func() bool { return len(e.fake.Identifies()) == 2 && e.fake.Connected() })
	mention(e, e.kim, "vad står PUNKS för?") // proves the adapter is past publishing
	e.messages(t, 1)
	cancel()
	<-done
	if n := e.fake.CommandPuts(); n != 1 {
		t.Fatalf("%d bulk overwrites after an unchanged restart, want 1", n)
	}
}

func TestSlowHandlerDeferredWithinThreeSeconds(t *testing.T) {
	slow := &bot.Command{Name: "slow", Group: "general", Help: bot.Text{SV: "långsam", EN: "slow"},
		Run: func(ctx context.Context, c *bot.Call) error {
			time.Sleep(1200 * time.Millisecond)
			return c.Reply(ctx, bot.Reply{Text: "klar efter en stund"})
		}}
	e := start(t, setup{extra: []*bot.Command{slow}})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "slow"})
	r := e.response(t, id)
	if r.Type != discordfake.ResponseDeferredMessage || r.Latency > 3*time.Second {
		t.Fatalf("first response type %d after %v; want a deferral within 3 s", r.Type, r.Latency)
	}
	e.waitFor(t, "the deferred reply filled in", func() bool {
		m, ok := e.fake.Original(id)
		return ok && m.Content == "klar efter en stund"
	})
	if n := len(e.fake.InteractionResponses(id)); n != 1 {
		t.Fatalf("%d interaction responses", n)
	}
}

func TestNonceMakesAResendIdempotent(t *testing.T) {
	e := start(t, setup{})
	r := bot.Reply{Text: "Veckans träffar: keramik på torsdag.", Nonce: "announce:7@1790000000→discord:#" + e.general}
	first, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, r)
	if err != nil {
		t.Fatal(err)
	}
	// A restart resends a delivery that was sent but not yet recorded.
	again, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, r)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.fake.Messages(e.general)); n != 1 || first.ID != again.ID {
		t.Fatalf("%d messages (ids %s, %s) for one nonce, want 1", n, first.ID, again.ID)
	}
	if _, err := e.a.Send(context.Background(), bot.Target{Channel: e.general}, bot.Reply{Text: "annat", Nonce: "announce:7@1790003600→discord:#" + e.general}); err != nil {
		t.Fatal(err)
	}
	if n := len(e.fake.Messages(e.general)); n != 2 {
		t.Fatalf("a different nonce was not posted: %d messages", n)
	}
}

func TestRolesFromAMessageAuthorsRoles(t *testing.T) {
	e := start(t, setup{})
	// moa's only role has Moderate Members: a moderator, also by mention
	// (without the Server Members intent the member list is not cached).
	mention(e, e.mod, "faq unanswered")
	if m := e.messages(t, 1)[0]; strings.Contains(m.Content, "kräver rollen") {
		t.Fatalf("moderator refused by mention: %q", m.Content)
	}
	mention(e, e.kim, "faq unanswered")
	if m := e.messages(t, 2)[1]; !strings.Contains(m.Content, "kräver rollen arrangör, och du är medlem") {
		t.Fatalf("member allowed: %q", m.Content)
	}
}

func TestPrivateReplyAfterAPublicDeferral(t *testing.T) {
	slowFail := &bot.Command{Name: "slowfail", Group: "general", Help: bot.Text{SV: "x", EN: "x"},
		Run: func(ctx context.Context, c *bot.Call) error {
			time.Sleep(700 * time.Millisecond)
			return c.Refuse("role.none", "kim") // refusals are ephemeral
		}}
	quiet := &bot.Command{Name: "quiet", Group: "general", Help: bot.Text{SV: "x", EN: "x"},
		Run: func(context.Context, *bot.Call) error { return nil }}
	e := start(t, setup{extra: []*bot.Command{slowFail, quiet}})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "slowfail", Locale: "sv-SE"})
	if r := e.response(t, id); r.Type != discordfake.ResponseDeferredMessage || r.Data.Flags&64 != 0 {
		t.Fatalf("first response = type %d flags %d; want a public deferral", r.Type, r.Data.Flags)
	}
	e.waitFor(t, "a private follow-up", func() bool {
		fs := e.fake.Followups(id)
		return len(fs) == 1 && fs[0].Flags&64 != 0 && strings.Contains(fs[0].Content, "ingen roll")
	})
	if orig, ok := e.fake.Original(id); ok && !orig.Deleted {
		t.Fatalf("the public placeholder stayed: %+v", orig)
	}
	// A handler that says nothing still gets the interaction acknowledged.
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "quiet"})
	if r := e.response(t, id); r.Type != discordfake.ResponseMessage || r.Data.Flags&64 == 0 {
		t.Fatalf("silent handler: type %d flags %d", r.Type, r.Data.Flags)
	}
}

func TestMeetupRSVPByButton(t *testing.T) {
	e := start(t, setup{})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.admin, CommandName: "meetup", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("create", discordfake.Str("title", "Julfika i ateljén"), discordfake.Str("when", "2027-06-15 18:00"), discordfake.Int("capacity", 1))}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "Träff 1 är skapad") {
		t.Fatalf("create = %q", r.Data.Content)
	}
	// The card is a message of its own in the channel, edited as members answer.
	card := cardIn(t, e, "Julfika i ateljén")
	if len(card.Components) != 1 || len(card.Components[0].Components) != 3 {
		t.Fatalf("meetup card = %+v", card)
	}
	yes := card.Components[0].Components[0]
	if yes.CustomID != "meetup rsvp id:1 answer:yes" {
		t.Fatalf("yes button = %+v", yes)
	}
	// The Guild Scheduled Event shows in Discord's Events tab.
	if evs := e.fake.ScheduledEvents(e.guild.ID); len(evs) != 1 || evs[0].Name != "Julfika i ateljén" {
		t.Fatalf("scheduled events = %+v", evs)
	}
	click := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CustomID: yes.CustomID, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "Du är anmäld till “Julfika i ateljén”") || r.Data.Flags&64 == 0 {
		t.Fatalf("click = %q flags %d", r.Data.Content, r.Data.Flags)
	}
	click = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.mod, CustomID: yes.CustomID, Locale: "sv-SE"})
	if r := e.response(t, click); !strings.Contains(r.Data.Content, "väntelistan som nummer 1") {
		t.Fatalf("second click = %q", r.Data.Content)
	}
	// Cancelling the meetup cancels the native event too.
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.admin, CommandName: "meetup", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("cancel", discordfake.Int("id", 1))}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "är inställd") {
		t.Fatalf("cancel = %q", r.Data.Content)
	}
	e.waitFor(t, "the native event cancelled", func() bool {
		evs := e.fake.ScheduledEvents(e.guild.ID)
		return len(evs) == 1 && evs[0].Status == 4
	})
}

func TestOnboardingDMOnMemberJoin(t *testing.T) {
	e := start(t, setup{privileged: true, fakeOpts: []discordfake.Option{discordfake.WithPrivilegedIntents(int(discordgo.IntentMessageContent | discordgo.IntentGuildMembers))}})
	nya := e.fake.NewUser("nya")
	e.fake.SendMemberAdd(e.guild.ID, discordfake.Member{User: nya})
	e.waitFor(t, "a welcome DM", func() bool {
		dm, ok := e.fake.DMChannel(nya.ID)
		return ok && len(e.fake.Messages(dm.ID)) == 1
	})
	dm, _ := e.fake.DMChannel(nya.ID)
	if m := e.fake.Messages(dm.ID)[0]; !strings.Contains(m.Content, "intressen lägg till") {
		t.Fatalf("welcome = %q", m.Content)
	}
}

func TestInterestsAndExportOnDiscord(t *testing.T) {
	e := start(t, setup{})
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "interests", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("add", discordfake.Str("tags", "keramik, surdeg"))}})
	if r := e.response(t, id); r.Data.Content != "Tillagt: keramik, surdeg." {
		t.Fatalf("add = %q", r.Data.Content)
	}
	mention(e, e.mod, "interests who tag:ceramics")
	if m := e.messages(t, 1)[0]; !strings.Contains(m.Content, "1 medlem – kim") {
		t.Fatalf("who = %q", m.Content)
	}
	id = e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "mydata", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("export")}})
	r := e.response(t, id)
	if r.Data.Flags&64 == 0 || len(r.Data.Attachments) != 1 || r.Data.Attachments[0].Filename != "passionbot-mydata.json" {
		t.Fatalf("export (flags %d): %q with %d attachments", r.Data.Flags, r.Data.Content, len(r.Data.Attachments))
	}
	file := string(r.Data.Attachments[0].Data)
	if !strings.Contains(file, `"tag": "keramik"`) || !strings.Contains(file, `"user_id": "`+e.kim.ID+`"`) {
		t.Fatalf("exported file = %q", file)
	}
}

func TestMatchIntroOnDiscord(t *testing.T) {
	e := start(t, setup{})
	for _, u := range []discordfake.User{e.kim, e.mod} {
		mention(e, u, "interests add tags:keramik")
		mention(e, u, "match on")
	}
	e.messages(t, 4)
	id := e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.org, CommandName: "match", Locale: "sv-SE",
		Options: []discordfake.OptionValue{discordfake.Sub("now")}})
	if r := e.response(t, id); !strings.Contains(r.Data.Content, "1 grupp har") {
		t.Fatalf("match now = %q", r.Data.Content)
	}
	for _, u := range []discordfake.User{e.kim, e.mod} {
		e.waitFor(t, "an intro DM to "+u.Username, func() bool {
			dm, ok := e.fake.DMChannel(u.ID)
			return ok && len(e.fake.Messages(dm.ID)) == 1 && strings.Contains(e.fake.Messages(dm.ID)[0].Content, "keramik")
		})
	}
}

func TestTagAutocomplete(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.kim, "interests add tags:keramik, surdeg, kerameik-kurser")
	mention(e, e.mod, "interests add tags:keramik")
	e.messages(t, 2)
	typed := discordfake.Str("tags", "surdeg, ker")
	typed.Focused = true
	id := e.fake.SendInteraction(discordfake.Interaction{Type: discordfake.InteractionAutocomplete, GuildID: e.guild.ID, ChannelID: e.general, User: e.admin,
		CommandName: "interests", Options: []discordfake.OptionValue{discordfake.Sub("add", typed)}})
	r := e.response(t, id)
	if r.Type != discordfake.ResponseAutocomplete || len(r.Choices) != 2 {
		t.Fatalf("autocomplete = type %d, %d choices: %s", r.Type, len(r.Choices), r.Raw)
	}
	if !strings.Contains(string(r.Choices[0]), `"surdeg, keramik"`) {
		t.Fatalf("first choice = %s; want the most common tag completing the last part", r.Choices[0])
	}
	// Nothing to suggest is an empty list, not an error.
	none := discordfake.Str("tag", "xyz")
	none.Focused = true
	id = e.fake.SendInteraction(discordfake.Interaction{Type: discordfake.InteractionAutocomplete, GuildID: e.guild.ID, ChannelID: e.general, User: e.admin,
		CommandName: "interests", Options: []discordfake.OptionValue{discordfake.Sub("who", none)}})
	if r := e.response(t, id); r.Type != discordfake.ResponseAutocomplete || len(r.Choices) != 0 {
		t.Fatalf("empty autocomplete = %+v", r)
	}
}

// TestInteractionBucketsStayBounded: discordgo keeps a rate-limit bucket
// per URL it calls, and an interaction's URLs hold its token; the adapter
// puts interaction calls on a fixed set of buckets so that memory does not
// grow with every slash command (bwmarrin/discordgo#1333).
func TestInteractionBucketsStayBounded(t *testing.T) {
	twice := &bot.Command{Name: "twice", Group: "general", Help: bot.Text{SV: "två svar", EN: "two replies"},
		Run: func(ctx context.Context, c *bot.Call) error {
			time.Sleep(400 * time.Millisecond) // past DeferAfter: deferred, then edited, then a follow-up
			if err := c.Reply(ctx, bot.Reply{Text: "först"}); err != nil {
				return err
			}
			return c.Reply(ctx, bot.Reply{Text: "sedan"})
		}}
	const lanes = 8 // fewer than the interactions, so that lanes are shared
	e := start(t, setup{extra: []*bot.Command{twice}, lanes: lanes})
	before := discord.RateLimitBuckets(e.a)
	var ids []string
	for range 40 {
		ids = append(ids, e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "help"}))
		ids = append(ids, e.fake.SendInteraction(discordfake.Interaction{GuildID: e.guild.ID, ChannelID: e.general, User: e.kim, CommandName: "twice"}))
	}
	for k, id := range ids {
		e.response(t, id)
		if k%2 == 1 {
			e.waitFor(t, "the edit and the follow-up", func() bool {
				m, ok := e.fake.Original(id)
				return ok && m.Content == "först" && len(e.fake.Followups(id)) == 1 && e.fake.Followups(id)[0].Content == "sedan"
			})
		}
	}
	if after := discord.RateLimitBuckets(e.a); after > before+2*lanes {
		t.Fatalf("%d rate-limit buckets after 80 interactions (%d before): one per interaction", after, before)
	}
}

// TestReminderInTheChannelWhenDiscordRefusesTheDM: Discord refuses the
// reminder DM (code 50007, the member's DMs are closed); the reminder is
// posted in the meetup's channel, pinging the member.
func TestReminderInTheChannelWhenDiscordRefusesTheDM(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.org, `meetup create title:"Keramikkväll" when:"2027-03-04 18:00" where:"Ateljén"`)
	e.messages(t, 1)
	mention(e, e.kim, "meetup rsvp id:1 answer:yes")
	// The organiser's answer may come after kim's: wait for both.
	e.waitFor(t, "the RSVP and the creation answered", func() bool {
		answered, created := false, false
		for _, m := range e.fake.Messages(e.general) {
			answered = answered || strings.Contains(m.Content, "Du är anmäld")
			created = created || strings.Contains(m.Content, "Träff 1 är skapad") || strings.Contains(m.Content, "Meetup 1 is created")
		}
		return answered && created
	})
	before := len(e.fake.Messages(e.general))
	e.fake.FailNext("POST", "/channels/*/messages", http.StatusForbidden, `{"code":50007,"message":"Cannot send messages to this user"}`)
	loc, _ := time.LoadLocation("Europe/Stockholm")
	e.h.Advance(time.Date(2027, 3, 3, 18, 1, 0, 0, loc).Sub(e.h.Clock.Now())) // past the 24 h reminder
	ms := e.messages(t, before+1)
	post := ms[len(ms)-1]
	if !strings.HasPrefix(post.Content, "<@"+e.kim.ID+"> Jag kunde inte nå er med ett direktmeddelande") || !strings.Contains(post.Content, "Keramikkväll") {
		t.Fatalf("channel reminder = %q", post.Content)
	}
	if am := post.AllowedMentions; am == nil || len(am.Users) != 1 || am.Users[0] != e.kim.ID || len(am.Parse) != 0 {
		t.Fatalf("allowed_mentions = %+v: only kim may be pinged", am)
	}
}
