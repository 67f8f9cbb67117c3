package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// The lists organisers and members read in chat also carry their data as
// views for the web dashboard (bot.View): a calendar of meetups, tables of
// answers, schedules and the questions waiting. The chat text stays as it
// was; the views hold no more than it says.

// oneTable returns the single table view of a reply, failing otherwise.
func oneTable(t *testing.T, cmd string, views []bot.View) (string, *bot.Table) {
	t.Helper()
	if len(views) != 1 || views[0].Table == nil {
		t.Fatalf("%s: views = %+v", cmd, views)
	}
	return views[0].Title, views[0].Table
}

func TestMeetupListAndShowViews(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org, kim := h.Member("olle", bot.RoleOrganiser), h.Member("kim", bot.RoleMember)
	h.Say(org, `meetup create title:"Julfika i ateljén" when:"fredag 18-21" where:"Ateljén, Varberg" capacity:2`)
	h.Say(org, `meetup create title:"Keramikkväll" when:"2026-12-03 18:00"`)
	h.Say(h.Member("cia", bot.RoleMember), "profile set visibility:hidden")
	for _, a := range []struct{ who, cmd string }{
		{"anna", "meetup rsvp id:1 answer:yes"},
		{"bo", "meetup rsvp id:1 answer:yes"},
		{"cia", "meetup rsvp id:1 answer:yes"}, // full: the waitlist
		{"dan", "meetup rsvp id:1 answer:maybe"},
		{"eva", "meetup rsvp id:1 answer:no"},
		{"eva", "meetup rsvp id:2 answer:yes"},
	} {
		h.Say(h.Member(a.who, bot.RoleMember), a.cmd)
		h.Advance(time.Minute)
	}

	// meetup list: the text as before, and a calendar.
	text, views := sayForViews(h, kim, "", "meetup list")
	if want := "**Kommande träffar**\n- `1` **Julfika i ateljén** — fredag 27 november 2026 kl. 18:00–21:00, Ateljén, Varberg\n- `2` **Keramikkväll** — torsdag 3 december 2026 kl. 18:00\nMer om en träff: `träff visa id:<nummer>`."; text != want {
		t.Fatalf("meetup list text = %q, want %q", text, want)
	}
	if len(views) != 1 || views[0].Title != "Kommande träffar" || views[0].Table != nil || len(views[0].Calendar) != 2 {
		t.Fatalf("meetup list views = %+v", views)
	}
	first, second := views[0].Calendar[0], views[0].Calendar[1]
	start, end := time.Date(2026, 11, 27, 18, 0, 0, 0, stockholm()), time.Date(2026, 11, 27, 21, 0, 0, 0, stockholm())
	if first.Title != "Julfika i ateljén" || !first.Start.Equal(start) || !first.End.Equal(end) || first.Place != "Ateljén, Varberg" ||
		first.Detail != "2 kommer · 1 på väntelistan" || first.Command != "meetup show id:1" || first.Start.Location().String() != "Europe/Stockholm" {
		t.Fatalf("first item = %+v", first)
	}
	if second.Title != "Keramikkväll" || !second.Start.Equal(time.Date(2026, 12, 3, 18, 0, 0, 0, stockholm())) || !second.End.IsZero() ||
		second.Place != "" || second.Detail != "1 kommer" || second.Command != "meetup show id:2" {
		t.Fatalf("second item = %+v", second)
	}
	_, views = sayForViews(h, kim, bot.LangEN, "meetup list")
	if views[0].Title != "Upcoming meetups" || views[0].Calendar[0].Detail != "2 going · 1 waitlisted" || views[0].Calendar[1].Detail != "1 going" {
		t.Fatalf("English calendar = %+v", views[0])
	}

	// meetup show: who is coming, waitlisted or maybe, exactly as the
	// card names them (a hidden profile does not hide an answer, in the
	// text or the table); those who said no are in neither.
	text, views = sayForViews(h, kim, "", "meetup show id:1")
	if !strings.Contains(text, "Kommer (2): anna, bo") || !strings.Contains(text, "Väntelista (1): cia") || !strings.Contains(text, "Kanske (1): dan") || strings.Contains(text, "eva") {
		t.Fatalf("meetup show text = %q", text)
	}
	title, tab := oneTable(t, "meetup show", views)
	want := [][]string{
		{"anna", "kommer", "2026-11-25 10:00"},
		{"bo", "kommer", "2026-11-25 10:01"},
		{"cia", "på väntelistan", "2026-11-25 10:02"},
		{"dan", "kanske", "2026-11-25 10:03"},
	}
	if title != "Svar: Julfika i ateljén" || !slices.Equal(tab.Columns, []string{"Namn", "Svar", "Svarade"}) || !slices.EqualFunc(tab.Rows, want, slices.Equal) {
		t.Fatalf("meetup show table %q: %q %q", title, tab.Columns, tab.Rows)
	}
	_, views = sayForViews(h, org, bot.LangEN, "meetup show id:1")
	title, tab = oneTable(t, "meetup show", views)
	if title != "Answers: Julfika i ateljén" || !slices.Equal(tab.Columns, []string{"Name", "Answer", "Answered"}) ||
		!slices.Equal(tab.Rows[2], []string{"cia", "waitlisted", "2026-11-25 10:02"}) || !slices.Equal(tab.Rows[3], []string{"dan", "maybe", "2026-11-25 10:03"}) {
		t.Fatalf("English meetup show table %q: %q %q", title, tab.Columns, tab.Rows)
	}
	// A meetup nobody answered has nothing to draw.
	h.Say(org, `meetup create title:"Tom" when:"2026-12-10 18:00"`)
	if _, views := sayForViews(h, kim, "", "meetup show id:3"); len(views) != 0 {
		t.Fatalf("views of a meetup without answers = %+v", views)
	}
}

func TestAnnounceListView(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday)) // Wednesday 25 November 2026, 10:00
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `announce schedule när:"varannan måndag kl 9" kanal:"#allmant" text:"Veckostart"`)
	h.Say(org, `announce once när:"fredag 9:00" kanal:"#allmant,#mat" text:"Glöm inte anmälan"`)
	h.Say(org, `announce schedule när:"vardagar kl 8" kanal:"#mat" text:"God morgon"`)
	h.Say(org, "announce pause id:3")

	text, views := sayForViews(h, org, "", "announce list")
	if !strings.Contains(text, "- `1` varannan måndag kl. 09:00 — nästa: måndag 30 november (aktivt) → console:#allmant: “Veckostart”") {
		t.Fatalf("announce list text = %q", text)
	}
	title, tab := oneTable(t, "announce list", views)
	want := [][]string{
		{"1", "varannan måndag kl. 09:00", "console:#allmant", "måndag 30 november 2026 kl. 09:00; måndag 14 december 2026 kl. 09:00; måndag 28 december 2026 kl. 09:00", "", "nej"},
		{"2", "en gång, fredag 27 november 2026 kl. 09:00 (väntar)", "console:#allmant, console:#mat", "fredag 27 november 2026 kl. 09:00", "", "nej"},
		{"3", "vardagar kl. 08:00", "console:#mat", "", "", "ja"},
	}
	if title != "Schemalagda meddelanden" || !slices.Equal(tab.Columns, []string{"Nr", "När", "Kanaler", "Nästa gånger", "Senaste resultat", "Pausat"}) ||
		!slices.EqualFunc(tab.Rows, want, slices.Equal) {
		t.Fatalf("announce list table %q:\n%q\n%q", title, tab.Columns, tab.Rows)
	}

	// After the firings: the last results; the one-off is sent.
	h.Advance(4*24*time.Hour + 23*time.Hour) // Monday 30 November 09:00
	text, views = sayForViews(h, org, bot.LangEN, "announce list")
	if !strings.Contains(text, "last Monday 30 November 2026, 09:00: 1/1") {
		t.Fatalf("English announce list text = %q", text)
	}
	title, tab = oneTable(t, "announce list", views)
	want = [][]string{
		{"1", "every other Monday at 09:00", "console:#allmant", "Monday 14 December 2026, 09:00; Monday 28 December 2026, 09:00; Monday 11 January 2027, 09:00", "Monday 30 November 2026, 09:00: 1/1", "no"},
		{"2", "once, Friday 27 November 2026, 09:00 (sent)", "console:#allmant, console:#mat", "", "Friday 27 November 2026, 09:00: 2/2", "no"},
		{"3", "weekdays at 08:00", "console:#mat", "", "", "yes"},
	}
	if title != "Scheduled messages" || !slices.Equal(tab.Columns, []string{"No.", "When", "Channels", "Next runs", "Last result", "Paused"}) ||
		!slices.EqualFunc(tab.Rows, want, slices.Equal) {
		t.Fatalf("English announce list table %q:\n%q\n%q", title, tab.Columns, tab.Rows)
	}
	if _, views := sayForViews(h, h.Member("kim", bot.RoleMember), "", "announce list"); len(views) != 0 {
		t.Fatalf("a member got the schedules: %+v", views)
	}
}

func TestFaqQueueViews(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim, bo, olle := h.Member("kim", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("olle", bot.RoleOrganiser)
	h.Say(kim, "Vem vann Melodifestivalen?")
	h.Advance(time.Hour)
	h.Say(bo, "vem vann melodifestivalen")
	h.Say(bo, "Who won the Eurovision song contest?")

	text, views := sayForViews(h, olle, "", "faq unanswered")
	if !strings.Contains(text, "- `1` 2× “Vem vann Melodifestivalen?” (sv)") {
		t.Fatalf("faq unanswered text = %q", text)
	}
	title, tab := oneTable(t, "faq unanswered", views)
	want := [][]string{
		{"1", "Vem vann Melodifestivalen?", "2", "sv", "2026-11-25 11:00", ""},
		{"2", "Who won the Eurovision song contest?", "1", "en", "2026-11-25 11:00", ""},
	}
	if title != "Obesvarade frågor" || !slices.Equal(tab.Columns, []string{"Nr", "Fråga", "Antal gånger", "Språk", "Senast ställd", "Liknande"}) ||
		!slices.EqualFunc(tab.Rows, want, slices.Equal) {
		t.Fatalf("faq unanswered table %q:\n%q\n%q", title, tab.Columns, tab.Rows)
	}
	_, views = sayForViews(h, olle, bot.LangEN, "faq unanswered")
	if title, tab := oneTable(t, "faq unanswered", views); title != "Unanswered questions" || !slices.Equal(tab.Columns, []string{"No.", "Question", "Times asked", "Language", "Last asked", "Similar"}) {
		t.Fatalf("English faq unanswered table %q: %q", title, tab.Columns)
	}

	// faq misses: the answers voted down, with the topic given.
	_, card := askCard(t, h, kim, "vad står PUNKS för?")
	if card == nil {
		t.Fatal("no vote card")
	}
	h.Say(bo, card.Buttons[1].Command) // 👎
	a, err := h.DB.GivenAnswer(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	topic := h.Library.Index().Topic(a.TopicID, "sv")
	text, views = sayForViews(h, olle, "", "faq misses")
	if !strings.Contains(text, "`1` 👎 1 · 👍 0 “vad står PUNKS för?” (sv) → `"+a.TopicID+"`") {
		t.Fatalf("faq misses text = %q", text)
	}
	title, tab = oneTable(t, "faq misses", views)
	if title != "Svar som inte hjälpte" || !slices.Equal(tab.Columns, []string{"Nr", "Fråga", "👎", "👍", "Språk", "Ämnet som gavs", "Ställd"}) ||
		len(tab.Rows) != 1 || !slices.Equal(tab.Rows[0], []string{"1", "vad står PUNKS för?", "1", "0", "sv", a.TopicID + " — " + topic.Title, "2026-11-25 11:00"}) {
		t.Fatalf("faq misses table %q:\n%q\n%q", title, tab.Columns, tab.Rows)
	}
	_, views = sayForViews(h, olle, bot.LangEN, "faq misses")
	if title, tab := oneTable(t, "faq misses", views); title != "Answers that did not help" || !slices.Equal(tab.Columns, []string{"No.", "Question", "👎", "👍", "Language", "Topic given", "Asked"}) {
		t.Fatalf("English faq misses table %q: %q", title, tab.Columns)
	}
	for _, cmd := range []string{"faq unanswered", "faq misses"} {
		if _, views := sayForViews(h, kim, "", cmd); len(views) != 0 {
			t.Fatalf("a member's %s carries views: %+v", cmd, views)
		}
	}
}
