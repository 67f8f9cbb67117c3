package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/bot/recur"
	"passionbot/internal/bottest"
	"passionbot/storage"
)

// seriesDates is the series' occurrences as "2026-11-26 18:00 CET" lines,
// cancelled ones marked.
func seriesDates(t *testing.T, h *bottest.Harness, id int64) []string {
	t.Helper()
	ms, err := h.DB.SeriesMeetups(context.Background(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		s := m.Start.In(stockholm()).Format("2006-01-02 15:04 MST")
		if m.Cancelled {
			s += " cancelled"
		}
		out = append(out, s)
	}
	return out
}

func sameList(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }

// untilStart advances h's clock to a minute after meetup id starts.
func untilStart(t *testing.T, h *bottest.Harness, id int64) {
	t.Helper()
	m, err := h.DB.Meetup(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	h.Advance(m.Start.Add(time.Minute).Sub(h.Clock.Now()))
}

// TestMeetupSeriesRollsForward: a series makes four occurrences in
// Europe/Stockholm, each with its own answers and waitlist; when one
// starts the next is made, so four stay ahead, exactly once, also across
// restarts.
func TestMeetupSeriesRollsForward(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `meetup create titel:"Keramikkväll" när:"torsdag 18-21" plats:"Ateljén" platser:2 upprepa:"varannan torsdag"`)
	for _, want := range []string{"Serien är skapad: ↻ varannan torsdag kl. 18:00", "`1` torsdag 26 november 2026 kl. 18:00–21:00",
		"`2` torsdag 10 december 2026 kl. 18:00–21:00", "`3` torsdag 24 december 2026 kl. 18:00–21:00", "`4` torsdag 7 januari 2027 kl. 18:00–21:00", "0 av 2 platser"} {
		if !strings.Contains(got, want) {
			t.Errorf("create lacks %q:\n%s", want, got)
		}
	}
	want := []string{"2026-11-26 18:00 CET", "2026-12-10 18:00 CET", "2026-12-24 18:00 CET", "2027-01-07 18:00 CET"}
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("occurrences = %v", got)
	}
	if got := h.Say(org, "meetup list"); strings.Count(got, "↻ varannan torsdag kl. 18:00") != 4 {
		t.Fatalf("list = %q", got)
	}
	if got := h.Say(org, "meetup show id:3"); !strings.Contains(got, "↻ varannan torsdag kl. 18:00") {
		t.Fatalf("show = %q", got)
	}

	// Each occurrence has its own answers, capacity and waitlist.
	anna, bo, cia := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember), h.Member("cia", bot.RoleMember)
	h.Say(anna, "meetup rsvp id:1 answer:yes")
	h.Say(bo, "meetup rsvp id:1 answer:yes")
	if got := h.Say(cia, "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "väntelistan som nummer 1") {
		t.Fatalf("third yes to the first = %q", got)
	}
	if got := h.Say(cia, "meetup rsvp id:2 answer:yes"); !strings.Contains(got, "Du är anmäld") {
		t.Fatalf("yes to the second = %q", got)
	}
	if show := h.Say(cia, "meetup show id:2"); !strings.Contains(show, "Kommer (1): cia") || strings.Contains(show, ": anna") {
		t.Fatalf("second = %q", show)
	}

	// The first starts: the fifth is made, four are still ahead.
	untilStart(t, h, 1)
	want = append(want, "2027-01-21 18:00 CET")
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("after the first started: %v", got)
	}
	ahead, _ := h.DB.UpcomingMeetups(context.Background(), h.Clock.Now().Add(3*time.Hour), 100)
	if len(ahead) != 4 {
		t.Fatalf("%d ahead", len(ahead))
	}

	// A restart makes none again; the next start makes one, once.
	again := bottest.New(t, bottest.WithDatabase(h.DB.Path()), bottest.At(h.Clock.Now()))
	if got := seriesDates(t, again, 1); !sameList(got, want) {
		t.Fatalf("after a restart: %v", got)
	}
	untilStart(t, again, 2)
	want = append(want, "2027-02-04 18:00 CET")
	if got := seriesDates(t, again, 1); !sameList(got, want) {
		t.Fatalf("after the second started: %v", got)
	}
	third := bottest.New(t, bottest.WithDatabase(h.DB.Path()), bottest.At(again.Clock.Now().Add(time.Hour)))
	if got := seriesDates(t, third, 1); !sameList(got, want) {
		t.Fatalf("after a second restart: %v", got)
	}
	if got := third.Say(org, "meetup show id:6"); !strings.Contains(got, "torsdag 4 februari 2027 kl. 18:00–21:00") || !strings.Contains(got, "0 av 2 platser") {
		t.Fatalf("the sixth = %q", got)
	}
}

// TestMeetupSeriesEditScope: scope:one changes one occurrence;
// scope:following changes it, the later ones and the series (the new time
// of day is the rule's), and each one's members are told.
func TestMeetupSeriesEditScope(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create titel:"Keramikkväll" när:"torsdag 18-21" plats:"Ateljén" upprepa:"varannan torsdag"`)
	anna, bo := h.Member("anna", bot.RoleMember), h.Member("bo", bot.RoleMember)
	h.Say(anna, "meetup rsvp id:3 answer:yes")
	h.Say(bo, "meetup rsvp id:2 answer:maybe")

	if got := h.Say(org, `meetup edit id:2 where:"Biblioteket"`); !strings.Contains(got, "Träff 2 är ändrad. 1 medlem som svarat ja eller kanske har fått besked.") {
		t.Fatalf("edit one = %q", got)
	}
	places := func() []string {
		ms, _ := h.DB.SeriesMeetups(context.Background(), 1, "")
		var out []string
		for _, m := range ms {
			out = append(out, m.Location)
		}
		return out
	}
	if got := places(); !sameList(got, []string{"Ateljén", "Biblioteket", "Ateljén", "Ateljén"}) {
		t.Fatalf("places after scope:one = %v", got)
	}

	if got := h.Say(org, `meetup edit id:3 when:"24/12 19-22" scope:following`); !strings.Contains(got, "Träff 3 och serien framåt är ändrade (2 träffar). 1 medlem som svarat ja eller kanske har fått besked.") {
		t.Fatalf("edit following = %q", got)
	}
	want := []string{"2026-11-26 18:00 CET", "2026-12-10 18:00 CET", "2026-12-24 19:00 CET", "2027-01-07 19:00 CET"}
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("after scope:following = %v", got)
	}
	var notice string
	for _, s := range h.Outbox.Sent() {
		if s.To.User == "anna" {
			notice = s.Reply.Text
		}
	}
	if !strings.Contains(notice, "torsdag 24 december 2026 kl. 18:00–21:00 → torsdag 24 december 2026 kl. 19:00–22:00") {
		t.Fatalf("anna's notice = %q", notice)
	}
	if got := h.Say(org, "meetup list"); !strings.Contains(got, "↻ varannan torsdag kl. 19:00") {
		t.Fatalf("list after the new time = %q", got)
	}
	// The series goes on at the new time, with the new template: the job
	// fires at the rule's new time (19:00 on the first's day).
	untilStart(t, h, 2)
	want = append(want, "2027-01-21 19:00 CET")
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("rolled forward = %v", got)
	}

	// A new day for the following ones, scope:following on a meetup of its
	// own: explained.
	if got := h.Say(org, `meetup edit id:4 when:"2027-01-08 19:00" omfattning:följande`); !strings.Contains(got, "bara klockslaget och längden") {
		t.Fatalf("new day = %q", got)
	}
	h.Say(org, `meetup create title:"Fika" when:"fredag 15"`)
	if got := h.Say(org, `meetup edit id:6 title:"Fika!" scope:following`); !strings.Contains(got, "Träff 6 hör inte till en serie") {
		t.Fatalf("following on a single meetup = %q", got)
	}
}

// TestMeetupSeriesCancelScope: scope:one cancels one occurrence (never
// made again); scope:following cancels it and the later ones, tells their
// members and ends the series, also across a restart.
func TestMeetupSeriesCancelScope(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create titel:"Keramikkväll" när:"torsdag 18-21" upprepa:"varannan torsdag"`)
	anna := h.Member("anna", bot.RoleMember)
	for _, id := range []string{"2", "3", "4"} {
		h.Say(anna, "meetup rsvp id:"+id+" answer:yes")
	}
	if got := h.Say(org, "meetup cancel id:2"); !strings.Contains(got, "Träff 2, “Keramikkväll”, är inställd. 1 anmäld har fått besked.") {
		t.Fatalf("cancel one = %q", got)
	}
	untilStart(t, h, 1)
	want := []string{"2026-11-26 18:00 CET", "2026-12-10 18:00 CET cancelled", "2026-12-24 18:00 CET", "2027-01-07 18:00 CET", "2027-01-21 18:00 CET"}
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("after cancelling one = %v", got)
	}

	before := len(h.Outbox.Sent())
	if got := h.Say(org, "meetup cancel id:4 omfattning:följande"); !strings.Contains(got, "Träff 4 och serien framåt är inställda (2 träffar); inga nya läggs till. 1 medlem som svarat ja eller kanske har fått besked.") {
		t.Fatalf("cancel following = %q", got)
	}
	if sent := h.Outbox.Sent()[before:]; len(sent) != 1 || sent[0].To.User != "anna" || !strings.Contains(sent[0].Reply.Text, "är inställd") {
		t.Fatalf("told = %+v", sent)
	}
	want[3], want[4] = want[3]+" cancelled", want[4]+" cancelled"
	untilStart(t, h, 3)
	if got := seriesDates(t, h, 1); !sameList(got, want) {
		t.Fatalf("after cancelling the following = %v", got)
	}
	again := bottest.New(t, bottest.WithDatabase(h.DB.Path()), bottest.At(h.Clock.Now().Add(30*24*time.Hour)))
	if got := seriesDates(t, again, 1); !sameList(got, want) {
		t.Fatalf("after a restart = %v", got)
	}
	if s, err := again.DB.MeetupSeries(context.Background(), 1); err != nil || s.EndedFrom != "2027-01-07" {
		t.Fatalf("series = %+v, %v", s, err)
	}
}

// TestMeetupSeriesRefusals: a phrase recur cannot read gets its examples,
// cron is refused, and a first meetup on a day the rule skips is
// explained; nothing is stored.
func TestMeetupSeriesRefusals(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, `meetup create title:x when:"torsdag 18" upprepa:"varannan blurpdag"`)
	if !strings.Contains(got, "Jag förstår inte upprepningen") || !strings.Contains(got, recur.Examples(bot.LangSV)[0]) {
		t.Fatalf("unreadable = %q", got)
	}
	if got := h.SayIn(org, "en", `meetup create title:x when:"thursday 18:00" repeat:"every blurpday"`); !strings.Contains(got, "I don't understand the repetition") || !strings.Contains(got, recur.Examples(bot.LangEN)[0]) {
		t.Fatalf("unreadable in English = %q", got)
	}
	if got := h.Say(org, `meetup create title:x when:"torsdag 18" repeat:"0 18 * * 4"`); !strings.Contains(got, "Skriv upprepningen i ord") {
		t.Fatalf("cron = %q", got)
	}
	if got := h.Say(org, `meetup create title:x when:"fredag 18" repeat:"varannan torsdag"`); !strings.Contains(got, "fredag 27 november 2026 kl. 18:00, är inte en av dagarna i “varannan torsdag kl. 18:00”") {
		t.Fatalf("wrong day = %q", got)
	}
	if ms, _ := h.DB.UpcomingMeetups(context.Background(), wednesday, 10); len(ms) != 0 {
		t.Fatalf("stored %d meetups", len(ms))
	}
	if _, err := h.DB.MeetupSeries(context.Background(), 1); err != storage.ErrNotFound {
		t.Fatalf("series stored: %v", err)
	}
}
