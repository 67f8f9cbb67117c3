package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/commands"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

var _ commands.StatsStore = (*storage.DB)(nil)

// statsReply asks for the statistics as u in lang and returns the reply.
func statsReply(t *testing.T, h *bottest.Harness, u bot.User, lang, line string) bot.Reply {
	t.Helper()
	c := h.Send(bot.Event{Kind: bot.EventMessage, User: u, Channel: bot.Channel{ID: "dm-" + u.ID, DM: true}, Text: line, Addressed: true, Locale: lang})
	if len(c.Replies) != 1 {
		t.Fatalf("%s: %d replies: %q", line, len(c.Replies), c.Text())
	}
	return c.Replies[0]
}

// chartOf describes a view's chart: kind, unit, labels and each series.
func chartOf(v bot.View) string {
	c := v.Chart
	if c == nil {
		return v.Title + ": no chart"
	}
	s := fmt.Sprintf("%s [%d %s] %s", v.Title, c.Kind, c.Unit, strings.Join(c.Labels, "|"))
	for _, se := range c.Series {
		s += fmt.Sprintf("\n%s %v", se.Name, se.Values)
	}
	return s
}

// TestStatsFromRealData: five weeks of a community, made through commands
// on a fake clock across the October clock change, then a restart that
// sends an announcement late; the organiser reads the statistics in
// Swedish and English, a member is refused.
func TestStatsFromRealData(t *testing.T) {
	// Monday 19 October 2026, 00:30 summer time: week 43 began half an
	// hour ago (7×24 h counted back from winter time would say week 42).
	start := time.Date(2026, 10, 19, 0, 30, 0, 0, stockholm())
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(start), bottest.WithDatabase(path), bottest.WithAdapters(refusing{}))
	org, moa := h.Member("olle", bot.RoleOrganiser), h.Member("moa", bot.RoleModerator)
	kim, bo, cia := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	anna, dan, eva := h.Member("anna", bot.RoleMember), h.Member("dan", bot.RoleMember), h.Member("eva", bot.RoleMember)

	// Every Monday 09:00: one channel takes it, the other is gone.
	if got := h.Say(moa, `announce schedule cron:"0 9 * * 1" channel:"#allmant, discord:#gone" text:"God morgon!"`); !strings.Contains(got, "Schema 1 är skapat") {
		t.Fatalf("schedule = %q", got)
	}
	// The clock is moved to each Monday's firing exactly, so that each
	// goes out at its time (the fake clock does not wait for a job).
	to := func(month time.Month, day, hour int) {
		t.Helper()
		h.Advance(time.Date(2026, month, day, hour, 0, 0, 0, stockholm()).Sub(h.Clock.Now()))
	}
	h.Say(kim, "interests add keramik, textil")
	if got := h.Say(kim, "vad står PUNKS för?"); !strings.Contains(got, "PUNKS") {
		t.Fatalf("answered question = %q", got)
	}
	if got := h.Say(bo, "vem vann melodifestivalen 1974?"); !strings.Contains(got, "Det vet jag inte än") {
		t.Fatalf("unanswered question = %q", got)
	}

	for _, day := range []struct {
		m time.Month
		d int
	}{{time.October, 19}, {time.October, 26}, {time.November, 2}, {time.November, 9}, {time.November, 16}} {
		to(day.m, day.d, 9)
	}
	to(time.November, 18, 10) // Wednesday
	if got := h.Say(org, `faq answer id:1 text:"ABBA, med Waterloo."`); !strings.Contains(got, "Tack!") {
		t.Fatalf("faq answer = %q", got)
	}
	h.Say(bo, "interests add keramik")
	h.Say(cia, "interests add keramik, bröd")
	if got := h.Say(cia, "hur många kor betar på Getterön?"); !strings.Contains(got, "Det vet jag inte än") {
		t.Fatalf("open question = %q", got)
	}
	h.Say(org, `meetup create title:"Julfika i ateljén" when:"2026-11-20 18:00" where:"Ateljén" capacity:2`)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00" where:"Ateljén"`)
	h.Say(org, `meetup create title:"Inställd träff" when:"2026-11-21 18:00"`)
	for _, a := range []struct {
		u      bot.User
		line   string
		answer string
	}{{anna, "meetup rsvp id:1 answer:yes", "anmäld"}, {bo, "meetup rsvp id:1 answer:yes", "anmäld"}, {cia, "meetup rsvp id:1 answer:yes", "väntelistan"},
		{dan, "meetup rsvp id:1 answer:maybe", ""}, {eva, "meetup rsvp id:1 answer:no", ""}, {anna, "meetup rsvp id:2 svar:ja", "anmäld"}, {bo, "meetup rsvp id:3 svar:ja", "anmäld"}} {
		if got := h.Say(a.u, a.line); !strings.Contains(got, a.answer) {
			t.Fatalf("%s: %s = %q", a.u.ID, a.line, got)
		}
	}
	if got := h.Say(org, "meetup cancel id:3"); !strings.Contains(got, "inställd") {
		t.Fatalf("cancel = %q", got)
	}
	h.Say(org, `announce once when:"2026-11-25 12:00" channel:"#allmant" text:"Glöm inte julfikan!"`)
	to(time.November, 23, 9)
	to(time.November, 25, 10)
	h.DB.Close()
	// Down from 10:00 to 12:30: the one-off at 12:00 goes out late.
	h = bottest.New(t, bottest.At(time.Date(2026, 11, 25, 12, 30, 0, 0, stockholm())), bottest.WithDatabase(path), bottest.WithAdapters(refusing{}))
	h.Advance(time.Millisecond)

	sv := statsReply(t, h, org, "", "stats")
	wantSV := `**Statistik**
**Frågor** (v. 37–48): 3 frågor, varav 2 med svar och 1 utan svar än. 1 av dem fick svar av en arrangör i efterhand.
**Intressen** (medlemmar nu, ökning på 4 veckor): keramik 3 (+2), bröd 1 (+1), textil 1 (+0).
**Träffar** (de 2 senaste): 3 ja, 1 kanske, 1 nej, 1 på väntelistan. Flest ja: “Julfika i ateljén” 20 nov (2).
**Utskick** (v. 37–48): 13 meddelanden — i tid: 6, sena: 1, misslyckade: 6.`
	if sv.Text != wantSV {
		t.Errorf("sv text =\n%s\nwant\n%s", sv.Text, wantSV)
	}
	if !sv.Ephemeral {
		t.Error("the statistics are not for the caller only")
	}
	weeks := "v. 37|v. 38|v. 39|v. 40|v. 41|v. 42|v. 43|v. 44|v. 45|v. 46|v. 47|v. 48"
	wantViews := []string{
		"Frågor per vecka [1 frågor] " + weeks + `
besvarade [0 0 0 0 0 0 2 0 0 0 0 0]
obesvarade [0 0 0 0 0 0 0 0 0 0 1 0]`,
		`De vanligaste intressena [0 medlemmar] keramik|bröd|textil
nu [3 1 1]
för 4 veckor sedan [1 0 1]`,
		`Svar per träff [1 svar] 20 nov Julfika i ateljén|3 dec Keramikkväll
ja [2 1]
kanske [1 0]
nej [1 0]
väntelista [1 0]`,
		"Utskick per vecka [1 meddelanden] " + weeks + `
skickade i tid [0 0 0 0 0 0 1 1 1 1 1 1]
sena [0 0 0 0 0 0 0 0 0 0 0 1]
misslyckade [0 0 0 0 0 0 1 1 1 1 1 1]`,
	}
	checkViews(t, sv.Views, wantViews)

	en := statsReply(t, h, org, "en", "statistik")
	wantEN := `**Statistics**
**Questions** (wk 37–48): 3 questions, 2 answered and 1 not answered yet. 1 of them was answered later by an organiser.
**Interests** (members now, growth over 4 weeks): keramik 3 (+2), bröd 1 (+1), textil 1 (+0).
**Meetups** (the last 2): 3 yes, 1 maybe, 1 no, 1 on the waitlist. Most yes: “Julfika i ateljén” 20 Nov (2).
**Announcements** (wk 37–48): 13 messages — on time: 6, late: 1, failed: 6.`
	if en.Text != wantEN {
		t.Errorf("en text =\n%s\nwant\n%s", en.Text, wantEN)
	}
	if len(en.Views) != 4 || en.Views[1].Chart.Series[1].Name != "4 weeks ago" || en.Views[2].Chart.Labels[1] != "3 Dec Keramikkväll" ||
		en.Views[3].Title != "Announcements per week" || en.Views[0].Chart.Labels[0] != "wk 37" {
		t.Errorf("en views:\n%s", strings.Join(describe(en.Views), "\n"))
	}

	if got := h.Say(kim, "stats"); !strings.Contains(got, "Kommandot `statistik` kräver rollen arrangör, och du är medlem") {
		t.Errorf("a member asked for the statistics: %q", got)
	}
}

func describe(vs []bot.View) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = chartOf(v)
	}
	return out
}

func checkViews(t *testing.T, got []bot.View, want []string) {
	t.Helper()
	d := describe(got)
	if len(d) != len(want) {
		t.Fatalf("%d views:\n%s", len(d), strings.Join(d, "\n\n"))
	}
	for i := range want {
		if d[i] != want[i] {
			t.Errorf("view %d =\n%s\nwant\n%s", i, d[i], want[i])
		}
	}
}

// TestStatsWithNothingToCount: a new community gets sentences, no empty
// charts; meetups nobody answered are a sentence too.
func TestStatsWithNothingToCount(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	sv := statsReply(t, h, org, "", "statistik")
	if want := `**Statistik**
**Frågor:** ingen har frågat mig något de senaste 12 veckorna.
**Intressen:** ingen har lagt till några intressen än.
**Träffar:** det finns inga träffar än.
**Utskick:** inga schemalagda meddelanden har gått ut de senaste 12 veckorna.`; sv.Text != want || len(sv.Views) != 0 {
		t.Errorf("sv = %q, %d views", sv.Text, len(sv.Views))
	}
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	en := statsReply(t, h, org, "en", "stats")
	if want := `**Statistics**
**Questions:** nobody has asked me anything in the last 12 weeks.
**Interests:** nobody has added any interests yet.
**Meetups:** nobody has answered the only meetup yet.
**Announcements:** no scheduled messages went out in the last 12 weeks.`; en.Text != want || len(en.Views) != 0 {
		t.Errorf("en = %q, %d views", en.Text, len(en.Views))
	}
}
