package discordfake_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	df "passionbot/internal/discordfake"
)

// Every test runs in parallel: discordgo's Session.Close sleeps one second.

const allIntents = discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent | discordgo.IntentGuildMembers

type fixture struct {
	fake                *df.Server
	guild               df.Guild
	general, voice, cat string
	owner, kim, sam     df.User
	modRole             string
}

func setup(t *testing.T, opts ...df.Option) fixture {
	t.Helper()
	fake := df.New(t, opts...)
	f := fixture{fake: fake, owner: fake.NewUser("alex"), kim: fake.NewUser("kim"), sam: fake.NewUser("sam"), modRole: fake.NewID()}
	f.guild = fake.AddGuild(df.Guild{
		Name:     "Passion",
		Channels: []df.Channel{{Name: "general"}, {Name: "Röst", Type: df.ChannelVoice}, {Name: "Evenemang", Type: df.ChannelCategory}},
		Roles:    []df.Role{{ID: f.modRole, Name: "moderator", Permissions: df.PermManageMessages | df.PermModerateMembers}},
		Members:  []df.Member{{User: f.owner}, {User: f.kim}, {User: f.sam, Roles: []string{f.modRole}}},
	})
	f.general, f.voice, f.cat = f.guild.Channels[0].ID, f.guild.Channels[1].ID, f.guild.Channels[2].ID
	return f
}

func restError(t *testing.T, err error, status, code int) *discordgo.RESTError {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("want *discordgo.RESTError %d/%d, got %v", status, code, err)
	}
	if re.Response.StatusCode != status || re.Message == nil || re.Message.Code != code {
		t.Fatalf("want HTTP %d code %d, got %v", status, code, re)
	}
	return re
}

func buttons(n int) discordgo.ActionsRow {
	var row discordgo.ActionsRow
	for i := range n {
		row.Components = append(row.Components, discordgo.Button{Label: "b", CustomID: strings.Repeat("x", i+1), Style: discordgo.PrimaryButton})
	}
	return row
}

func TestRejectsLikeDiscord(t *testing.T) {
	t.Parallel()
	f := setup(t)
	s := newSession(t, f.fake, allIntents)
	embeds := func(n int) []*discordgo.MessageEmbed {
		var es []*discordgo.MessageEmbed
		for range n {
			es = append(es, &discordgo.MessageEmbed{Title: "t"})
		}
		return es
	}
	var sixRows []discordgo.MessageComponent
	for range 6 {
		sixRows = append(sixRows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "b", CustomID: f.fake.NewID(), Style: 1}}})
	}
	for _, c := range []struct {
		name  string
		msg   discordgo.MessageSend
		code  int
		field string
	}{
		{"content over 2000 runes", discordgo.MessageSend{Content: strings.Repeat("å", 2001)}, 50035, `"content"`},
		{"six buttons in a row", discordgo.MessageSend{Content: "x", Components: []discordgo.MessageComponent{buttons(6)}}, 50035, `"components"`},
		{"six rows", discordgo.MessageSend{Content: "x", Components: sixRows}, 50035, `"components"`},
		{"custom_id over 100", discordgo.MessageSend{Content: "x", Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "b", Style: 1, CustomID: strings.Repeat("c", 101)}}}}}, 50035, `"custom_id"`},
		{"duplicate custom_id", discordgo.MessageSend{Content: "x", Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "b", Style: 1, CustomID: "a"}, discordgo.Button{Label: "c", Style: 1, CustomID: "a"}}}}}, 50035, "COMPONENT_CUSTOM_ID_DUPLICATED"},
		{"embed description over 4096", discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("d", 4097)}}}, 50035, `"description"`},
		{"eleven embeds", discordgo.MessageSend{Embeds: embeds(11)}, 50035, `"embeds"`},
		{"parse users with a users list", discordgo.MessageSend{Content: "x", AllowedMentions: &discordgo.MessageAllowedMentions{
			Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeUsers}, Users: []string{f.kim.ID}}}, 50035, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE"},
		{"empty message", discordgo.MessageSend{}, 50006, "Cannot send an empty message"},
	} {
		_, err := s.ChannelMessageSendComplex(f.general, &c.msg)
		re := restError(t, err, 400, c.code)
		if !bytes.Contains(re.ResponseBody, []byte(c.field)) {
			t.Errorf("%s: %s lacks %s", c.name, re.ResponseBody, c.field)
		}
	}
	if _, err := s.ChannelMessageSend(f.general, strings.Repeat("å", 2000)); err != nil {
		t.Errorf("2000 runes are allowed: %v", err)
	}
	if _, err := s.ChannelMessageSend("123", "x"); err == nil {
		t.Error("unknown channel accepted")
	} else {
		restError(t, err, 404, 10003)
	}
	if n := len(f.fake.Messages(f.general)); n != 1 {
		t.Errorf("%d messages stored; only the valid one should be", n)
	}
}

func TestRateLimitRetriedAndFailNext(t *testing.T) {
	t.Parallel()
	f := setup(t)
	s := newSession(t, f.fake, allIntents)
	route := "/channels/" + f.general + "/messages"

	f.fake.RateLimit("POST", "/channels/*/messages", 1, 250*time.Millisecond)
	start := time.Now()
	if _, err := s.ChannelMessageSend(f.general, "hej"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("discordgo retried after %v, before retry_after", d)
	}
	if n := len(f.fake.Messages(f.general)); n != 1 {
		t.Errorf("%d messages after a 429 and a retry", n)
	}
	var statuses []int
	for _, r := range f.fake.Requests() {
		if r.Route == route {
			statuses = append(statuses, r.Status)
			if r.Status == 429 {
				var body struct {
					RetryAfter float64 `json:"retry_after"`
					Global     bool    `json:"global"`
				}
				_ = json.Unmarshal(r.Response, &body)
				if body.RetryAfter != 0.25 || body.Global {
					t.Errorf("429 body %s", r.Response)
				}
			}
		}
	}
	if !slices.Equal(statuses, []int{429, 200}) {
		t.Errorf("statuses %v", statuses)
	}

	f.fake.FailNext("POST", "/channels/*/messages", 403, `{"message": "Missing Permissions", "code": 50013}`)
	_, err := s.ChannelMessageSend(f.general, "x")
	restError(t, err, 403, 50013)
	f.fake.FailNext("", "/api/v9/channels/*/messages", 500, `{"message": "500: Internal Server Error", "code": 0}`)
	_, err = s.ChannelMessageSend(f.general, "x")
	restError(t, err, 500, 0)
	f.fake.FailNext("POST", route, 502, "")
	if _, err := s.ChannelMessageSend(f.general, "efter 502"); err != nil {
		t.Errorf("discordgo retries a 502: %v", err)
	}
	if n := len(f.fake.Messages(f.general)); n != 2 {
		t.Errorf("%d messages", n)
	}
}

func TestApplicationCommands(t *testing.T) {
	t.Parallel()
	f := setup(t)
	s := newSession(t, f.fake, allIntents)
	sv := func(v string) *map[discordgo.Locale]string { return &map[discordgo.Locale]string{discordgo.Swedish: v} }
	cmds := []*discordgo.ApplicationCommand{
		{Name: "role", Description: "Roles", DescriptionLocalizations: sv("Roller"), Options: []*discordgo.ApplicationCommandOption{{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: "grant", Description: "Grant a role",
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionUser, Name: "user", Description: "Who", Required: true},
				{Type: discordgo.ApplicationCommandOptionString, Name: "role", Description: "Which", Required: true,
					Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "organiser", Value: "organiser"}}},
			},
		}}},
		{Name: "språk", Description: "Language", NameLocalizations: sv("språk")},
	}
	created, err := s.ApplicationCommandBulkOverwrite(f.fake.AppID(), f.guild.ID, cmds)
	if err != nil {
		t.Fatal(err)
	}
	stored := f.fake.Commands(f.guild.ID)
	if len(created) != 2 || created[0].ID == "" || created[0].ApplicationID != f.fake.AppID() || len(stored) != 2 ||
		stored[0].ID != created[0].ID || stored[0].Options[0].Options[1].Choices[0].Value != "organiser" ||
		stored[0].DescriptionLocalizations["sv-SE"] != "Roller" || f.fake.CommandPuts() != 1 {
		t.Errorf("created %+v stored %+v", created, stored)
	}
	again, err := s.ApplicationCommandBulkOverwrite(f.fake.AppID(), f.guild.ID, cmds)
	if err != nil || again[0].ID != created[0].ID || f.fake.CommandPuts() != 2 {
		t.Errorf("re-put keeps IDs: %v %+v", err, again)
	}
	listed, err := s.ApplicationCommands(f.fake.AppID(), f.guild.ID)
	if err != nil || len(listed) != 2 {
		t.Errorf("list %v %d", err, len(listed))
	}

	bad := []*discordgo.ApplicationCommand{{Name: "Role", Description: "x", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "a", Description: "a"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "b", Description: "", Required: true},
	}}}
	_, err = s.ApplicationCommandBulkOverwrite(f.fake.AppID(), "", bad)
	re := restError(t, err, 400, 50035)
	for _, code := range []string{"APPLICATION_COMMAND_INVALID_NAME", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "BASE_TYPE_BAD_LENGTH"} {
		if !bytes.Contains(re.ResponseBody, []byte(code)) {
			t.Errorf("%s lacks %s", re.ResponseBody, code)
		}
	}
	if len(f.fake.Commands("")) != 0 || f.fake.CommandPuts() != 2 {
		t.Error("a rejected overwrite stored commands")
	}
	// Localized names follow the rules of names, and stay unique in each
	// locale; a choice's localized name is at most 100 characters.
	svName := func(v string) map[discordgo.Locale]string { return map[discordgo.Locale]string{discordgo.Swedish: v} }
	badSV := []*discordgo.ApplicationCommand{{Name: "meetup", Description: "x", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "title", NameLocalizations: svName("Titel"), Description: "a"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "where", NameLocalizations: svName("plats"), Description: "b"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "place", NameLocalizations: svName("plats"), Description: "c"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "answer", NameLocalizations: svName("svar"), Description: "d",
			Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "yes", Value: "yes", NameLocalizations: svName(strings.Repeat("j", 101))}}},
	}}}
	_, err = s.ApplicationCommandBulkOverwrite(f.fake.AppID(), "", badSV)
	re = restError(t, err, 400, 50035)
	for _, code := range []string{"APPLICATION_COMMAND_INVALID_NAME", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "BASE_TYPE_BAD_LENGTH"} {
		if !bytes.Contains(re.ResponseBody, []byte(code)) {
			t.Errorf("%s lacks %s", re.ResponseBody, code)
		}
	}
	goodSV := []*discordgo.ApplicationCommand{{Name: "meetup", Description: "x", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "when", NameLocalizations: svName("när"), Description: "a"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "answer", NameLocalizations: svName("svar"), Description: "d",
			Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "yes", Value: "yes", NameLocalizations: svName("ja")}}},
	}}}
	if _, err := s.ApplicationCommandBulkOverwrite(f.fake.AppID(), "", goodSV); err != nil {
		t.Errorf("Swedish localizations refused: %v", err)
	} else if o := f.fake.Commands("")[0].Options; o[0].NameLocalizations["sv-SE"] != "när" || o[1].Choices[0].NameLocalizations["sv-SE"] != "ja" {
		t.Errorf("stored localizations: %+v", o)
	}
	if _, err := s.ApplicationCommandBulkOverwrite(f.fake.AppID(), "", cmds[1:]); err != nil || len(f.fake.Commands("")) != 1 {
		t.Errorf("global overwrite: %v", err)
	}
}

func TestModerationAndGuildREST(t *testing.T) {
	t.Parallel()
	f := setup(t)
	s := newSession(t, f.fake, allIntents)
	gid := f.guild.ID

	old := df.Snowflake(time.Now().Add(-15 * 24 * time.Hour))
	restError(t, s.ChannelMessagesBulkDelete(f.general, []string{old, f.fake.NewID()}), 400, 50034)
	a, b := f.fake.NewID(), f.fake.NewID()
	if err := s.ChannelMessagesBulkDelete(f.general, []string{a, b}); err != nil || !slices.Equal(f.fake.Deletions(f.general), []string{a, b}) {
		t.Errorf("bulk delete: %v %v", err, f.fake.Deletions(f.general))
	}

	slow := 10
	topic := "Om allt"
	if _, err := s.ChannelEdit(f.general, &discordgo.ChannelEdit{Name: "Allmänt Prat", Topic: topic, RateLimitPerUser: &slow}); err != nil {
		t.Fatal(err)
	}
	if ch, _ := f.fake.Channel(f.general); ch.Name != "allmänt-prat" || ch.Topic != topic || ch.RateLimitPerUser != 10 {
		t.Errorf("edited channel %+v", ch)
	}
	if err := s.ChannelPermissionSet(f.general, f.kim.ID, discordgo.PermissionOverwriteTypeMember, 0, df.PermSendMessages); err != nil {
		t.Fatal(err)
	}
	if ch, _ := f.fake.Channel(f.general); len(ch.PermissionOverwrites) != 1 || ch.PermissionOverwrites[0].Deny != df.PermSendMessages ||
		f.fake.Permissions(gid, f.kim.ID, f.general)&df.PermSendMessages != 0 {
		t.Errorf("overwrites %+v", ch.PermissionOverwrites)
	}

	ch, err := s.GuildChannelCreateComplex(gid, discordgo.GuildChannelCreateData{Name: "Keramik kurs", Type: discordgo.ChannelTypeGuildText, ParentID: f.cat})
	if err != nil || ch.Name != "keramik-kurs" || ch.ParentID != f.cat || len(f.fake.Channels(gid)) != 4 {
		t.Errorf("created %+v, %v", ch, err)
	}
	if _, err := s.ChannelDelete(ch.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.fake.Channel(ch.ID); ok {
		t.Error("deleted channel still there")
	}

	until := time.Now().Add(10 * time.Minute).Truncate(time.Second)
	if err := s.GuildMemberTimeout(gid, f.kim.ID, &until); err != nil {
		t.Fatal(err)
	}
	if m, _ := f.fake.Member(gid, f.kim.ID); m.CommunicationDisabledUntil == nil || !m.CommunicationDisabledUntil.Equal(until) {
		t.Errorf("timeout %+v", m.CommunicationDisabledUntil)
	}
	restError(t, s.GuildMemberTimeout(gid, f.owner.ID, &until), 403, 50013)
	far := time.Now().Add(29 * 24 * time.Hour)
	restError(t, s.GuildMemberTimeout(gid, f.kim.ID, &far), 400, 50035)
	if err := s.GuildMemberTimeout(gid, f.kim.ID, nil); err != nil {
		t.Fatal(err)
	}
	if m, _ := f.fake.Member(gid, f.kim.ID); m.CommunicationDisabledUntil != nil {
		t.Error("timeout not lifted")
	}
	if m, err := s.GuildMember(gid, f.sam.ID); err != nil || !slices.Contains(m.Roles, f.modRole) {
		t.Errorf("member %+v %v", m, err)
	}
	if roles, err := s.GuildRoles(gid); err != nil || len(roles) != 3 || roles[0].ID != gid {
		t.Errorf("roles %v %v", roles, err)
	}
	_, err = s.GuildMember(gid, "42")
	restError(t, err, 404, 10007)

	dm, err := s.UserChannelCreate(f.kim.ID)
	if got, _ := f.fake.DMChannel(f.kim.ID); err != nil || dm.ID != got.ID || dm.Type != discordgo.ChannelTypeDM {
		t.Errorf("DM channel %+v %v", dm, err)
	}
	if _, err := s.ChannelMessageSend(dm.ID, "hej"); err != nil || len(f.fake.Messages(dm.ID)) != 1 {
		t.Errorf("DM send %v", err)
	}
	if me, err := s.User("@me"); err != nil || me.ID != f.fake.BotID() {
		t.Errorf("@me %+v %v", me, err)
	}

	start, end := time.Now().Add(24*time.Hour), time.Now().Add(26*time.Hour)
	ev, err := s.GuildScheduledEventCreate(gid, &discordgo.GuildScheduledEventParams{
		Name: "Keramikkurs", PrivacyLevel: discordgo.GuildScheduledEventPrivacyLevelGuildOnly,
		ScheduledStartTime: &start, ScheduledEndTime: &end, EntityType: discordgo.GuildScheduledEventEntityTypeExternal,
		EntityMetadata: &discordgo.GuildScheduledEventEntityMetadata{Location: "Ateljén"},
	})
	if err != nil || ev.ID == "" || ev.EntityMetadata.Location != "Ateljén" {
		t.Fatalf("event %+v %v", ev, err)
	}
	if _, err := s.GuildScheduledEventEdit(gid, ev.ID, &discordgo.GuildScheduledEventParams{Name: "Keramik"}); err != nil {
		t.Fatal(err)
	}
	if evs := f.fake.ScheduledEvents(gid); len(evs) != 1 || evs[0].Name != "Keramik" || evs[0].Location != "Ateljén" {
		t.Errorf("events %+v", evs)
	}
	if list, err := s.GuildScheduledEvents(gid, false); err != nil || len(list) != 1 {
		t.Errorf("list %v %v", list, err)
	}
	past := time.Now().Add(-time.Hour)
	_, err = s.GuildScheduledEventCreate(gid, &discordgo.GuildScheduledEventParams{Name: "x", PrivacyLevel: 2,
		ScheduledStartTime: &past, ScheduledEndTime: &end, EntityType: discordgo.GuildScheduledEventEntityTypeExternal,
		EntityMetadata: &discordgo.GuildScheduledEventEntityMetadata{Location: "x"}})
	restError(t, err, 400, 50035)
	if err := s.GuildScheduledEventDelete(gid, ev.ID); err != nil || len(f.fake.ScheduledEvents(gid)) != 0 {
		t.Errorf("delete event %v", err)
	}
}

func TestIdentifyRejectedAndAuth(t *testing.T) {
	t.Parallel()
	f := setup(t, df.WithPrivilegedIntents(df.IntentGuildMembers))
	s := newSession(t, f.fake, allIntents)
	if err := s.Open(); err == nil || !strings.Contains(err.Error(), "4014") {
		t.Errorf("Open with a disallowed intent: %v", err)
	}
	if ids := f.fake.Identifies(); len(ids) != 1 || f.fake.Connected() {
		t.Errorf("identifies %d", len(ids))
	}

	get := func(path, auth string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", f.fake.URL()+path, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	if resp, _ := get("/api/v9/users/@me", ""); resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	if resp, _ := get("/api/v9/users/@me", "Bot wrong"); resp.StatusCode != 401 {
		t.Errorf("wrong token: %d", resp.StatusCode)
	}
	resp, body := get("/api/v9/users/@me", "Bot "+f.fake.Token())
	if resp.StatusCode != 200 || resp.Header.Get("X-RateLimit-Bucket") == "" || resp.Header.Get("X-RateLimit-Reset-After") == "" {
		t.Errorf("@me: %d %v", resp.StatusCode, resp.Header)
	}
	_ = body
	if resp, body := get("/api/v9/nothing/here", "Bot "+f.fake.Token()); resp.StatusCode != 404 || !bytes.Contains(body, []byte(`"404: Not Found"`)) {
		t.Errorf("unknown route: %d %s", resp.StatusCode, body)
	}
	if _, body := get("/api/v9/gateway", "Bot "+f.fake.Token()); !bytes.Contains(body, []byte(f.fake.GatewayURL())) {
		t.Errorf("gateway: %s", body)
	}
	http.DefaultClient.CloseIdleConnections()
}

func TestFilesReactionsHistory(t *testing.T) {
	t.Parallel()
	f := setup(t)
	s := newSession(t, f.fake, allIntents)
	sent, err := s.ChannelMessageSendComplex(f.general, &discordgo.MessageSend{
		Content: "Schema",
		Files:   []*discordgo.File{{Name: "schema.txt", ContentType: "text/plain", Reader: strings.NewReader("lördag 10-14")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sent.Attachments) != 1 || sent.Attachments[0].Filename != "schema.txt" {
		t.Errorf("response attachments %+v", sent.Attachments)
	}
	m, _ := f.fake.Message(sent.ID)
	if m.Content != "Schema" || len(m.Attachments) != 1 || string(m.Attachments[0].Data) != "lördag 10-14" {
		t.Errorf("recorded %+v", m)
	}
	if err := s.MessageReactionAdd(f.general, sent.ID, "✅"); err != nil {
		t.Fatal(err)
	}
	if m, _ := f.fake.Message(sent.ID); !slices.Equal(m.Reactions, []string{"✅"}) {
		t.Errorf("reactions %v", m.Reactions)
	}
	if err := s.ChannelTyping(f.general); err != nil {
		t.Fatal(err)
	}
	second, err := s.ChannelMessageSend(f.general, "två")
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.ChannelMessages(f.general, 10, "", "", "")
	if err != nil || len(hist) != 2 || hist[0].ID != second.ID {
		t.Errorf("history %v %v", hist, err)
	}
	if ch, err := s.Channel(f.general); err != nil || ch.Name != "general" {
		t.Errorf("GET channel %+v %v", ch, err)
	}
}
