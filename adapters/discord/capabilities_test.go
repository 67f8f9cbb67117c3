package discord_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/discordfake"
	"passionbot/storage"
)

func asError[T error](err error, target *T) bool { return errors.As(err, target) }

func TestCapabilitiesAgainstTheFake(t *testing.T) {
	e := start(t, setup{})
	ctx := context.Background()
	a := e.a
	ch, err := a.CreateChannel(ctx, "keramik", "Lera och glasyr", true)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := e.fake.Channel(ch.ID)
	if got.Topic != "Lera och glasyr" || e.fake.Permissions(e.guild.ID, e.kim.ID, ch.ID)&discordgo.PermissionViewChannel != 0 {
		t.Fatalf("private channel visible to members: %+v", got)
	}
	botAllowed := false
	for _, o := range got.PermissionOverwrites {
		if o.ID == e.fake.BotID() && o.Allow&discordgo.PermissionViewChannel != 0 && o.Allow&discordgo.PermissionSendMessages != 0 {
			botAllowed = true
		}
	}
	if !botAllowed {
		t.Fatalf("the bot hid its own private channel from itself: %+v", got.PermissionOverwrites)
	}
	if err := a.SetSlowmode(ctx, ch, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := a.SetSlowmode(ctx, ch, 7*time.Hour); err == nil {
		t.Fatal("7 h slowmode accepted")
	}
	if err := a.Lock(ctx, ch, true); err != nil {
		t.Fatal(err)
	}
	got, _ = e.fake.Channel(ch.ID)
	if got.RateLimitPerUser != 30 || e.fake.Permissions(e.guild.ID, e.kim.ID, ch.ID)&discordgo.PermissionSendMessages != 0 {
		t.Fatalf("after slowmode and lock: %+v", got)
	}
	if err := a.Lock(ctx, ch, false); err != nil {
		t.Fatal(err)
	}
	if err := a.ArchiveChannel(ctx, bot.Channel{ID: ch.ID}); err != nil {
		t.Fatal(err)
	}
	got, _ = e.fake.Channel(ch.ID)
	if got.Name != "arkiv-keramik" {
		t.Fatalf("archived channel name %q", got.Name)
	}
	// Purge skips messages older than 14 days, which bulk delete refuses.
	old := e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: e.kim, Content: "gammalt", ID: discordfake.Snowflake(time.Now().Add(-20 * 24 * time.Hour))})
	for i := 0; i < 4; i++ {
		e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: e.kim, Content: "nytt"})
	}
	n, err := a.Purge(ctx, bot.Channel{ID: e.general}, 10)
	if err != nil || n != 4 {
		t.Fatalf("purge = %d, %v; want the 4 recent messages", n, err)
	}
	for _, id := range e.fake.Deletions(e.general) {
		if id == old {
			t.Fatal("a message older than 14 days was bulk-deleted")
		}
	}
	// Timeouts: at most 28 days.
	kim := bot.User{Platform: bot.PlatformDiscord, ID: e.kim.ID}
	if err := a.Timeout(ctx, kim, time.Hour, "spam"); err != nil {
		t.Fatal(err)
	}
	if m, _ := e.fake.Member(e.guild.ID, e.kim.ID); m.CommunicationDisabledUntil == nil {
		t.Fatal("timeout not set")
	}
	if err := a.Timeout(ctx, kim, 29*24*time.Hour, "x"); err == nil {
		t.Fatal("29-day timeout accepted")
	}
	if err := a.Timeout(ctx, kim, 0, "lifted"); err != nil {
		t.Fatal(err)
	}
	// DM.
	if _, err := a.Send(ctx, bot.Target{User: e.kim.ID}, bot.Reply{Text: "Välkommen!"}); err != nil {
		t.Fatal(err)
	}
	if dm, ok := e.fake.DMChannel(e.kim.ID); !ok || len(e.fake.Messages(dm.ID)) != 1 {
		t.Fatal("no DM")
	}
	// Guild Scheduled Events.
	start := time.Now().Add(48 * time.Hour).Truncate(time.Second)
	id, err := a.CreateEvent(ctx, bot.NativeEvent{Title: "Julfika i ateljén", Description: "Glögg och lera", Location: "Ateljén, Varberg", Start: start})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.UpdateEvent(ctx, bot.NativeEvent{ID: id, Title: "Julfika i ateljén (flyttad)", Location: "Ateljén", Start: start.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := a.CancelEvent(ctx, id); err != nil {
		t.Fatal(err)
	}
	evs := e.fake.ScheduledEvents(e.guild.ID)
	if len(evs) != 1 || evs[0].Name != "Julfika i ateljén (flyttad)" || evs[0].Status != 4 || evs[0].EntityType != 3 || !evs[0].StartTime.Equal(start.Add(time.Hour)) {
		t.Fatalf("scheduled events = %+v", evs)
	}
}

func TestInterestChannelCreatedAndMembersTold(t *testing.T) {
	e := start(t, setup{})
	mention(e, e.kim, "interests add tags:keramik")
	mention(e, e.org, "interests add tags:ceramics")
	e.messages(t, 2)
	mention(e, e.kim, "interests channel tag:keramik")
	if m := e.messages(t, 3)[2]; !strings.Contains(m.Content, "kräver rollen moderator") {
		t.Fatalf("member made a channel: %q", m.Content)
	}
	mention(e, e.mod, "interests channel tag:keramik")
	m := e.messages(t, 4)[3]
	if !strings.Contains(m.Content, "är skapad, och 2 medlemmar med intresset har fått besked") {
		t.Fatalf("interests channel = %q", m.Content)
	}
	var made *discordfake.Channel
	for _, ch := range e.fake.Channels(e.guild.ID) {
		if ch.Name == "keramik" {
			c := ch
			made = &c
		}
	}
	if made == nil {
		t.Fatal("no #keramik channel")
	}
	for _, u := range []discordfake.User{e.kim, e.org} {
		dm, ok := e.fake.DMChannel(u.ID)
		if !ok || len(e.fake.Messages(dm.ID)) != 1 || !strings.Contains(e.fake.Messages(dm.ID)[0].Content, "<#"+made.ID+">") {
			t.Fatalf("%s not told about the channel", u.Username)
		}
	}
}

func TestModerationCommandsOnDiscord(t *testing.T) {
	e := start(t, setup{})
	say := func(u discordfake.User, text string, n int) string {
		t.Helper()
		mention(e, u, text)
		return e.messages(t, n)[n-1].Content
	}
	if got := say(e.mod, `channel create name:keramik topic:"Lera och glasyr"`, 1); !strings.Contains(got, "är skapad") {
		t.Fatalf("create = %q", got)
	}
	var made discordfake.Channel
	for _, ch := range e.fake.Channels(e.guild.ID) {
		if ch.Name == "keramik" {
			made = ch
		}
	}
	if made.ID == "" || made.Topic != "Lera och glasyr" {
		t.Fatalf("channel on the server = %+v", made)
	}
	say(e.mod, "channel topic channel:<#"+made.ID+"> text:Glasyrkväll på torsdag", 2)
	say(e.mod, "channel lock channel:<#"+made.ID+">", 3)
	got, _ := e.fake.Channel(made.ID)
	if got.Topic != "Glasyrkväll på torsdag" || e.fake.Permissions(e.guild.ID, e.kim.ID, made.ID)&discordgo.PermissionSendMessages != 0 {
		t.Fatalf("after topic and lock = %+v", got)
	}
	// Archive asks first, privately (by DM, as the request was a mention).
	if got := say(e.mod, "channel archive channel:<#"+made.ID+">", 4); !strings.Contains(got, "DM") {
		t.Fatalf("archive without confirmation, in the channel = %q", got)
	}
	modDM, _ := e.fake.DMChannel(e.mod.ID)
	if ms := e.fake.Messages(modDM.ID); len(ms) != 1 || !strings.Contains(ms[0].Content, "Bekräfta") {
		t.Fatalf("archive confirmation by DM = %+v", ms)
	}
	if ch, _ := e.fake.Channel(made.ID); strings.HasPrefix(ch.Name, "arkiv-") {
		t.Fatal("archived before confirmation")
	}
	say(e.mod, "channel archive channel:<#"+made.ID+"> confirm:yes", 5)
	if ch, _ := e.fake.Channel(made.ID); ch.Name != "arkiv-keramik" {
		t.Fatalf("archived channel = %q", ch.Name)
	}
	// Purge and timeout.
	for i := 0; i < 3; i++ {
		e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: e.kim, Content: "spam"})
	}
	if got := say(e.mod, "purge count:3", 6); !strings.Contains(got, "meddelanden raderade") {
		t.Fatalf("purge = %q", got)
	}
	if n := len(e.fake.Deletions(e.general)); n != 3 {
		t.Fatalf("%d deletions on the server", n)
	}
	if got := say(e.mod, "timeout user:<@"+e.kim.ID+"> duration:1h reason:spam", 7); !strings.Contains(got, "är avstängd") {
		t.Fatalf("timeout = %q", got)
	}
	if m, _ := e.fake.Member(e.guild.ID, e.kim.ID); m.CommunicationDisabledUntil == nil {
		t.Fatal("no timeout on the server")
	}
	// A moderator trying to time out an admin (by Discord permissions).
	if got := say(e.mod, "timeout user:<@"+e.admin.ID+"> duration:1h", 8); !strings.Contains(got, "moderatorer kan inte agera mot administratörer") {
		t.Fatalf("moderator timed out an admin: %q", got)
	}
	// A platform refusal is explained and logged.
	e.fake.FailNext("PATCH", "/guilds/*/members/*", 403, `{"message":"Missing Permissions","code":50013}`)
	if got := say(e.mod, "timeout user:<@"+e.kim.ID+"> duration:2h", 9); !strings.Contains(got, "Plattformen sa nej") || strings.Contains(got, "{") {
		t.Fatalf("platform refusal = %q", got)
	}
	say(e.mod, "modlog", 10) // "I sent you a DM"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ms, err := e.fake.WaitMessages(ctx, modDM.ID, 2)
	if err != nil {
		t.Fatalf("modlog by DM: %v", err)
	}
	log := ms[1].Content
	for _, want := range []string{"timeout " + e.kim.ID + " (spam) → utfört", "timeout " + e.admin.ID + " → nekat", "timeout " + e.kim.ID + " → nekat: Plattformen sa nej"} {
		if !strings.Contains(log, want) {
			t.Errorf("modlog lacks %q:\n%s", want, log)
		}
	}
}

func TestAutomodDeletesWarnsAndLogs(t *testing.T) {
	all := discordfake.WithPrivilegedIntents(int(discordgo.IntentMessageContent | discordgo.IntentGuildMembers))
	e := start(t, setup{privileged: true, fakeOpts: []discordfake.Option{all}, options: func(o *bot.Options) {
		o.Inspect = commands.Automod(commands.AutomodRules{Banned: []*regexp.Regexp{regexp.MustCompile(`(?i)billiga följare`)}, MaxMentions: 3}, o.Audit, nil)
	}})
	post := func(u discordfake.User, text string) string {
		return e.fake.SendMessage(discordfake.MessageCreate{ChannelID: e.general, Author: u, Content: text})
	}
	spam := post(e.kim, "Köp BILLIGA följare här!")
	e.waitFor(t, "the banned message deleted", func() bool { return len(e.fake.Deletions(e.general)) == 1 })
	if d := e.fake.Deletions(e.general); d[0] != spam {
		t.Fatalf("deleted %v, want %s", d, spam)
	}
	e.waitFor(t, "a DM saying why", func() bool {
		dm, ok := e.fake.DMChannel(e.kim.ID)
		return ok && len(e.fake.Messages(dm.ID)) == 1
	})
	dm, _ := e.fake.DMChannel(e.kim.ID)
	if m := e.fake.Messages(dm.ID)[0].Content; !strings.Contains(m, "togs bort automatiskt") || !strings.Contains(m, "<#"+e.general+">") {
		t.Fatalf("automod DM = %q", m)
	}
	// Too many mentions; a moderator's identical message stays.
	many := post(e.kim, "<@1> <@2> <@3> @everyone kom hit")
	e.waitFor(t, "the mention spam deleted", func() bool { return len(e.fake.Deletions(e.general)) == 2 })
	if d := e.fake.Deletions(e.general); d[1] != many {
		t.Fatalf("deleted %v, want %s", d, many)
	}
	post(e.mod, "Köp billiga följare — så ser spam ut, akta er")
	// Automod deletes first and records after: wait for both records
	// before reading the log (a busy machine read it in between).
	e.waitFor(t, "both automod entries recorded", func() bool {
		got, err := e.h.DB.AuditSearch(context.Background(), bot.PlatformDiscord, storage.AuditFilter{Action: "automod"}, 10)
		return err == nil && len(got) >= 2
	})
	mention(e, e.mod, "modlog")
	e.messages(t, 1) // "I sent you a DM"
	modDM := func(n int) string {
		ch, _ := e.fake.DMChannel(e.mod.ID)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		ms, err := e.fake.WaitMessages(ctx, ch.ID, n)
		if err != nil {
			t.Fatalf("modlog by DM: %v", err)
		}
		return ms[n-1].Content
	}
	log := modDM(1)
	for _, want := range []string{"automod: automod banned " + e.kim.ID + " (" + e.general + ") → utfört: träffade förbjudet mönster 1", "automod: automod mentions " + e.kim.ID} {
		if !strings.Contains(log, want) {
			t.Errorf("modlog lacks %q:\n%s", want, log)
		}
	}
	if n := len(e.fake.Deletions(e.general)); n != 2 {
		t.Fatalf("%d deletions: a moderator's message was deleted", n)
	}
	// A refused delete is logged as failed, and the member is still told.
	e.fake.FailNext("DELETE", "/channels/*/messages/*", 403, `{"message":"Missing Permissions","code":50013}`)
	post(e.kim, "billiga följare igen")
	e.waitFor(t, "a second DM", func() bool { return len(e.fake.Messages(dm.ID)) == 3 })
	mention(e, e.mod, "modlog user:<@"+e.kim.ID+">")
	if got := modDM(2); !strings.Contains(got, "→ misslyckades: träffade förbjudet mönster 1; radering: ") {
		t.Fatalf("modlog after a refused delete = %q", got)
	}
	if n := len(e.fake.Deletions(e.general)); n != 2 {
		t.Fatalf("%d deletions after a refused delete", n)
	}
	// That was kim's third hit this hour: a flood after it is still
	// deleted, message by message, but brings no more DMs.
	for range 10 {
		post(e.kim, "billiga följare!!")
	}
	e.waitFor(t, "the flood deleted", func() bool { return len(e.fake.Deletions(e.general)) == 12 })
	if ms := e.fake.Messages(dm.ID); len(ms) != 3 || !strings.Contains(ms[2].Content, "tas bort utan att du får besked") {
		t.Fatalf("%d DMs after the flood (want 3, the last saying so)", len(ms))
	}
}
