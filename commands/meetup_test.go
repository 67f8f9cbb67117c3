package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// wednesday is Wednesday 2026-11-25 10:00 in Stockholm.
var wednesday = time.Date(2026, 11, 25, 10, 0, 0, 0, stockholm())

func stockholm() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		panic(err)
	}
	return loc
}

func TestMeetupCreateShowRSVPWaitlist(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `meetup create title:"Julfika i ateljén" when:"fredag 18-21" where:"Ateljén, Varberg" capacity:2 description:"Glögg och lera."`)
	if !strings.Contains(got, "Träff 1 är skapad") || !strings.Contains(got, "fredag 27 november 2026 kl. 18:00–21:00") || !strings.Contains(got, "0 av 2 platser") {
		t.Fatalf("create = %q", got)
	}
	a, b, c := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	if got := h.Say(a, "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "Du är anmäld till “Julfika i ateljén”") {
		t.Fatalf("rsvp a = %q", got)
	}
	h.Say(b, "meetup rsvp 1 yes")
	if got := h.Say(c, "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "väntelistan som nummer 1") {
		t.Fatalf("rsvp c (full) = %q", got)
	}
	show := h.Say(c, "meetup show id:1")
	if !strings.Contains(show, "Kommer (2): anna, bo") || !strings.Contains(show, "Väntelista (1): cia") || !strings.Contains(show, "2 av 2 platser, 0 kanske, 1 på väntelistan") {
		t.Fatalf("show = %q", show)
	}
	// Anna cancels: Cia is promoted and told.
	if got := h.Say(a, "meetup rsvp id:1 answer:no"); !strings.Contains(got, "du kommer inte") {
		t.Fatalf("rsvp no = %q", got)
	}
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "cia" || !strings.Contains(sent[0].Reply.Text, "en plats blev ledig") {
		t.Fatalf("promotion message = %+v", sent)
	}
	if show := h.Say(a, "meetup show id:1"); !strings.Contains(show, "Kommer (2): bo, cia") || strings.Contains(show, "Väntelista") {
		t.Fatalf("after promotion = %q", show)
	}
	// The same answer twice changes nothing.
	if got := h.Say(b, "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "anmäld") {
		t.Fatalf("repeat = %q", got)
	}
	if n := len(h.Outbox.Sent()); n != 1 {
		t.Fatalf("%d messages after a repeated answer", n)
	}
}

func TestMeetupBadInput(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, tc := range []struct{ cmd, want string }{
		{`meetup create title:x when:"2020-01-01 18:00"`, "har redan varit"},
		{`meetup create title:x when:"30/2 18:00"`, "finns inte"},
		{`meetup create title:x when:"2027-03-28 02:30"`, "finns inte"},
		{`meetup create title:x when:"2027-10-31 02:30"`, "inträffar två gånger den natten"},
		{`meetup create title:x when:"torsdag 15/1 18:00"`, "stämmer inte överens"},
		{`meetup create title:x when:"1/15 18:00"`, "datum skrivs dag/månad"},
		{`meetup create title:x when:"fredag"`, "kan betyda mer än en tid"},
		{`meetup create title:x when:"blurp"`, "förstår inte tiden"},
		{`meetup create title:x when:"fredag 18" capacity:-1`, "`capacity` ska vara mellan 1 och 10000, eller `0`/`ingen` för ingen gräns"},
		{`meetup create title:x`, "`när` saknas"},
		{`meetup rsvp id:99 answer:yes`, "ingen träff nummer 99"},
		{`meetup rsvp id:1 answer:sometime`, "`answer` ska vara en av: ja, kanske, nej"},
		{`meetup cancel id:42`, "ingen träff nummer 42"},
	} {
		if got := h.Say(org, tc.cmd); !strings.Contains(got, tc.want) {
			t.Errorf("%s = %q, want %q", tc.cmd, got, tc.want)
		}
	}
	if got := h.Say(h.Member("kim", bot.RoleMember), `meetup create title:x when:"fredag 18"`); !strings.Contains(got, "kräver rollen arrangör") {
		t.Errorf("member created a meetup: %q", got)
	}
	// Nothing was created by the refusals.
	if got := h.Say(org, "meetup list"); got != "Inga träffar är planerade just nu." {
		t.Errorf("list after refusals = %q", got)
	}
}

func TestMeetupCancelTellsAttendeesOnce(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Surdegskurs" when:"i morgon 10:00"`)
	h.Say(h.Member("anna", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	h.Say(h.Member("bo", bot.RoleMember), "meetup rsvp id:1 answer:maybe")
	h.Say(h.Member("cia", bot.RoleMember), "meetup rsvp id:1 answer:no")
	if got := h.Say(org, "meetup cancel id:1"); !strings.Contains(got, "är inställd. 2 anmälda har fått besked") {
		t.Fatalf("cancel = %q", got)
	}
	if got := h.Say(org, "meetup cancel id:1"); !strings.Contains(got, "redan inställd") {
		t.Fatalf("cancel twice = %q", got)
	}
	var to []string
	for _, s := range h.Outbox.Sent() {
		to = append(to, s.To.User)
		if !strings.Contains(s.Reply.Text, "“Surdegskurs”") || !strings.Contains(s.Reply.Text, "inställd") {
			t.Errorf("message = %q", s.Reply.Text)
		}
	}
	if strings.Join(to, ",") != "anna,bo" {
		t.Fatalf("told %v, want anna and bo", to)
	}
	if got := h.Say(h.Member("anna", bot.RoleMember), "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "redan inställd") {
		t.Fatalf("rsvp to a cancelled meetup = %q", got)
	}
	// Reminders of a cancelled meetup never go out.
	h.Advance(48 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d messages after the cancelled meetup's time, want the 2 cancellations", n)
	}
}

func TestRemindersAtOffsetsAfterRestart(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Marknadsdag" when:"2026-11-28 10:00" where:"Torget"`)
	h.Say(h.Member("anna", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	h.Say(h.Member("bo", bot.RoleMember), "meetup rsvp id:1 answer:no")
	h.Advance(24 * time.Hour) // Thursday 10:00: nothing due yet
	if n := len(h.Outbox.Sent()); n != 0 {
		t.Fatalf("%d messages a day early", n)
	}
	// Restart on the same database; the reminders come back.
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(24*time.Hour)), bottest.WithDatabase(path))
	h.Advance(24 * time.Hour) // Friday 10:00: the 24 h reminder
	sent := h.Outbox.Sent()
	if len(sent) != 1 || sent[0].To.User != "anna" || !strings.Contains(sent[0].Reply.Text, "Påminnelse: “Marknadsdag”") || !strings.Contains(sent[0].Reply.Text, "Plats: Torget") {
		t.Fatalf("24 h reminder = %+v", sent)
	}
	h.Advance(23 * time.Hour) // Saturday 09:00: the 1 h reminder
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d messages after the 1 h reminder, want 2", n)
	}
	h.Advance(48 * time.Hour)
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("%d messages later; reminders repeated", n)
	}
}

func TestMeetupShowHintsSharedInterests(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	for _, m := range []struct{ id, tags string }{{"anna", "keramik"}, {"bo", "ceramics, foto"}, {"cia", "foto"}} {
		u := h.Member(m.id, bot.RoleMember)
		h.Say(u, "interests add tags:"+m.tags)
		h.Say(u, "meetup rsvp id:1 answer:yes")
	}
	kim := h.Member("kim", bot.RoleMember)
	h.Say(kim, "interests add tags:keramik, foto")
	// keramik (anna, bo) and foto (bo, cia) tie at 2; the tie goes to the first name.
	if got := h.Say(kim, "meetup show id:1"); !strings.Contains(got, "För dig: 2 som kommer delar ditt intresse för foto") {
		t.Fatalf("hint = %q", got)
	}
	if got := h.Say(h.Member("dan", bot.RoleMember), "meetup show id:1"); strings.Contains(got, "För dig") {
		t.Fatalf("a member without interests got a hint: %q", got)
	}
}

func TestReminderIntroducesThoseWhoShareInterests(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	for _, m := range []struct{ id, tags string }{{"anna", "keramik, foto"}, {"bo", "ceramics"}, {"cia", "dans"}} {
		u := h.Member(m.id, bot.RoleMember)
		h.Say(u, "interests add tags:"+m.tags)
		h.Say(u, "meetup rsvp id:1 answer:yes")
	}
	h.Advance(7*24*time.Hour + 8*time.Hour) // past the 24 h reminder
	got := map[string]string{}
	for _, s := range h.Outbox.Sent() {
		if strings.HasPrefix(s.Reply.Text, "Påminnelse") && got[s.To.User] == "" {
			got[s.To.User] = s.Reply.Text
		}
	}
	if !strings.Contains(got["anna"], "Där träffar du bland andra bo, som också är intresserade av keramik.") {
		t.Errorf("anna's reminder = %q", got["anna"])
	}
	if !strings.Contains(got["bo"], "bland andra anna") {
		t.Errorf("bo's reminder = %q", got["bo"])
	}
	if strings.Contains(got["cia"], "Där träffar du") || got["cia"] == "" {
		t.Errorf("cia's reminder = %q", got["cia"])
	}
}

// TestReminderInTheChannelWhenDMsAreClosed: a member whose DMs are closed
// is reminded in the meetup's channel, pinged, once per reminder; the
// others get their DM as usual; after a restart mid-way nothing is repeated.
func TestReminderInTheChannelWhenDMsAreClosed(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Send(bot.Event{Kind: bot.EventMessage, User: org, Channel: bot.Channel{ID: "allmant"}, Addressed: true,
		Text: `meetup create title:"Marknadsdag" when:"2026-11-28 10:00" where:"Torget"`})
	for _, u := range []string{"anna", "bo", "cia"} {
		h.Say(h.Member(u, bot.RoleMember), "meetup rsvp id:1 answer:yes")
	}
	h.Outbox.RefuseDMs("anna", "cia")
	h.Advance(48 * time.Hour) // Friday 10:00: the 24 h reminder
	sent := h.Outbox.Sent()
	if len(sent) != 2 {
		t.Fatalf("%d messages, want bo's DM and one channel post: %+v", len(sent), sent)
	}
	var dm, post bottest.Sent
	for _, s := range sent {
		if s.To.User != "" {
			dm = s
		} else {
			post = s
		}
	}
	if dm.To.User != "bo" || !strings.Contains(dm.Reply.Text, "Påminnelse: “Marknadsdag”") {
		t.Fatalf("DM = %+v", dm)
	}
	if post.To.Channel != "allmant" || !strings.HasPrefix(post.Reply.Text, "Jag kunde inte nå er med ett direktmeddelande") ||
		!strings.Contains(post.Reply.Text, "Påminnelse: “Marknadsdag”") || len(post.Reply.Mentions) != 2 ||
		post.Reply.Mentions[0].ID != "anna" || post.Reply.Mentions[1].ID != "cia" {
		t.Fatalf("channel post = %+v", post)
	}
	// A restart replays nothing; the 1 h reminder does the same once more.
	h.DB.Close()
	h = bottest.New(t, bottest.At(wednesday.Add(48*time.Hour+time.Minute)), bottest.WithDatabase(path))
	h.Outbox.RefuseDMs("anna", "cia")
	h.Advance(time.Hour)
	if n := len(h.Outbox.Sent()); n != 0 {
		t.Fatalf("after the restart, before the 1 h reminder: %+v", h.Outbox.Sent())
	}
	h.Advance(22 * time.Hour) // Saturday 09:00
	if n := len(h.Outbox.Sent()); n != 2 {
		t.Fatalf("1 h reminder: %d messages, want 2: %+v", n, h.Outbox.Sent())
	}
}

// TestChannelReminderResumedAfterACrash: a run found anna's DMs closed and
// died, with the channel post claimed or not yet; the next run posts it
// once, naming her.
func TestChannelReminderResumedAfterACrash(t *testing.T) {
	for _, claimed := range []bool{true, false} {
		path := t.TempDir() + "/p.db"
		h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
		org := h.Member("olle", bot.RoleOrganiser)
		h.Send(bot.Event{Kind: bot.EventMessage, User: org, Channel: bot.Channel{ID: "allmant"}, Addressed: true,
			Text: `meetup create title:"Marknadsdag" when:"2026-11-28 10:00" where:"Torget"`})
		h.Say(h.Member("anna", bot.RoleMember), "meetup rsvp id:1 answer:yes")
		ctx := context.Background()
		job, fire := "reminder:1:24h0m0s", time.Date(2026, 11, 27, 10, 0, 0, 0, wednesday.Location())
		h.DB.ClaimDeliveries(ctx, job, fire, []string{"console:@anna"}, false, "a-run-that-died")
		h.DB.DeliveryFailed(ctx, job, fire, "console:@anna", "cannot send messages to this user", true)
		if claimed {
			h.DB.ClaimDeliveries(ctx, job, fire, []string{"console:#allmant"}, false, "a-run-that-died")
		}
		h.DB.Close()
		h = bottest.New(t, bottest.At(fire.Add(5*time.Minute)), bottest.WithDatabase(path))
		h.Advance(time.Millisecond) // the missed firing, within its grace
		sent := h.Outbox.Sent()
		if len(sent) != 1 || sent[0].To.Channel != "allmant" || len(sent[0].Reply.Mentions) != 1 || sent[0].Reply.Mentions[0].ID != "anna" ||
			!strings.Contains(sent[0].Reply.Text, "Påminnelse: “Marknadsdag”") {
			t.Fatalf("channel post claimed before the crash %v: sent %+v", claimed, sent)
		}
	}
}

// TestChannelReminderOnlyForTheMeetupsPlatform: a member who answered from
// another platform and could not be reached is not "pinged" in a channel
// of a platform where they are nobody.
func TestChannelReminderOnlyForTheMeetupsPlatform(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Send(bot.Event{Kind: bot.EventMessage, User: org, Channel: bot.Channel{ID: "allmant"}, Addressed: true,
		Text: `meetup create title:"Marknadsdag" when:"2026-11-28 10:00" where:"Torget"`})
	h.Say(bot.User{Platform: bot.PlatformSlack, ID: "U1", Name: "ulla"}, "meetup rsvp id:1 answer:yes") // slack is not connected here
	h.Advance(48 * time.Hour)
	if sent := h.Outbox.Sent(); len(sent) != 0 {
		t.Fatalf("sent %+v", sent)
	}
}

// TestMeetupCreateAsOrganisersWriteIt: a tester's organiser wrote `träff
// ny`, `meetup new`, `kapacitet:2` and an unquoted time ("när:fredag
// 18:00"); each creates the meetup meant, and a description after the
// time stays the description.
func TestMeetupCreateAsOrganisersWriteIt(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, c := range []struct{ lang, line, want string }{
		{"sv", `träff ny titel:Keramikkväll när:fredag 18:00`, "fredag 27 november 2026 kl. 18:00"},
		{"sv", `träff skapa titel:"Surdegsfika" när:"i morgon 10:00" kapacitet:2 plats:"Bageriet"`, "0 av 2 platser"},
		{"en", `meetup new title:Fika when:next saturday 14-16 Welcome all!`, "Welcome all!"},
		{"sv", `träff planera titel:Julfika tid:"25 december 18:00"`, "fredag 25 december 2026 kl. 18:00"},
		{"sv", `träff skapa titel:Keramik när:fredag 18 var:Biblioteket i Laholm`, "Var: Biblioteket i Laholm"},
		{"sv", `träff skapa titel:Bikupan frukostmöte när:onsdag kl 7:30`, "Bikupan frukostmöte\nNär"},
		{"sv", `träff skapa titel:Stickcafé när:tisdag 18 upprepa:varannan tisdag`, "varannan tisdag"},
	} {
		if got := h.SayIn(org, c.lang, c.line); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q", c.line, got)
		}
	}
	if got := h.SayIn(org, "sv", `träff skapa titel:Fika när:"igår 10:00"`); !strings.Contains(got, "har redan varit") {
		t.Errorf("yesterday: %q", got)
	}
	if got := h.SayIn(org, "sv", "träff ny"); !strings.Contains(got, "Användning: `träff skapa titel:") {
		t.Errorf("träff ny without arguments: %q", got)
	}
}
