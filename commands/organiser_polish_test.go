package commands_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"passionbot/bot"
	"passionbot/internal/bottest"
)

// A name:value whose name the command does not take is refused with the
// nearest name, also among the free text of a description; text that
// really says x:y is quoted, and links need no quotes (issue 16, point 6).
func TestUnknownOptionNamesAreNotSwallowed(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	for _, tc := range []struct{ lang, line, want string }{
		{"sv", `meetup create title:"A" when:"fredag 18" were:Ateljén`, "`were` är inget argument till träff skapa — menade du `where`?"},
		{"en", `meetup create title:"A" when:"fredag 18" were:Ateljén`, "`were` is not an argument of meetup create — did you mean `where`?"},
		{"sv", `meetup create titel:"A" när:"fredag 18" plas:Ateljén`, "menade du `plats`?"},
		{"sv", `meetup create title:"A" when:"fredag 18" foo:bar`, "`foo` är inget argument till träff skapa"},
		{"sv", `meetup create title:"A" when:"fredag 18" Ta med fika foo:bar`, "skriv det inom citattecken: `\"foo:bar\"`"},
		{"en", `meetup create title:"A" when:"fredag 18" foo:bar`, "If it belongs to the text, write it in quotes: `\"foo:bar\"`"},
	} {
		if got := h.SayIn(org, tc.lang, tc.line); !strings.Contains(got, tc.want) {
			t.Errorf("%s %s = %q, want %q", tc.lang, tc.line, got, tc.want)
		}
	}
	if got := h.Say(org, "meetup list"); got != "Inga träffar är planerade just nu." {
		t.Fatalf("a refused line created a meetup: %q", got)
	}
	h.Say(org, `meetup create title:"A" when:"fredag 18" "foo:bar"`)
	if got := h.Say(org, "meetup show id:1"); !strings.Contains(got, "foo:bar") {
		t.Errorf("quoted description lost: %q", got)
	}
	h.Say(org, `meetup create title:"B" when:"fredag 18" Anmälan på https://example.org/fika?x=1 eller mailto:olle@example.org`)
	if got := h.Say(org, "meetup show id:2"); !strings.Contains(got, "Anmälan på https://example.org/fika?x=1 eller mailto:olle@example.org") {
		t.Errorf("link in the description = %q", got)
	}
	h.Say(org, `meetup create title:"C" when:"fredag 18" Obs: ta med kaffe`)
	if got := h.Say(org, "meetup show id:3"); !strings.Contains(got, "Obs: ta med kaffe") {
		t.Errorf("a word ending in a colon = %q", got)
	}
}

// capacity:0 (or ingen/none) lifts a meetup's limit: the waitlisted get
// their places and a fourth yes is no longer waitlisted.
func TestCapacityZeroRemovesTheLimit(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	h.Say(org, `meetup create title:"Fika" when:"fredag 18" capacity:3`)
	for _, id := range []string{"a", "b", "c"} {
		h.Say(h.Member(id, bot.RoleMember), "meetup rsvp id:1 answer:yes")
	}
	if got := h.Say(h.Member("d", bot.RoleMember), "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "väntelistan") {
		t.Fatalf("4th yes with capacity 3 = %q", got)
	}
	if got := h.Say(org, "meetup edit id:1 capacity:0"); !strings.Contains(got, "Träff 1 är ändrad") {
		t.Fatalf("capacity:0 = %q", got)
	}
	if got := h.Say(h.Member("e", bot.RoleMember), "meetup rsvp id:1 answer:yes"); strings.Contains(got, "väntelistan") || !strings.Contains(got, "Du är anmäld") {
		t.Fatalf("yes without a limit = %q", got)
	}
	if got := h.Say(org, "meetup show id:1"); strings.Contains(got, "väntelistan") && !strings.Contains(got, "0 på väntelistan") {
		t.Errorf("still a waitlist: %q", got)
	}
	// The words, in both languages, on edit and create.
	h.Say(org, "meetup edit id:1 capacity:2")
	if got := h.Say(h.Member("f", bot.RoleMember), "meetup rsvp id:1 answer:yes"); !strings.Contains(got, "väntelistan") {
		t.Fatalf("limit back at 2 = %q", got)
	}
	for _, w := range []string{"platser:ingen", "capacity:none"} {
		h.Say(org, "meetup edit id:1 "+w)
		if got := h.Say(h.Member("g"+w, bot.RoleMember), "meetup rsvp id:1 answer:yes"); strings.Contains(got, "väntelistan") {
			t.Errorf("after %s = %q", w, got)
		}
		h.Say(org, "meetup edit id:1 capacity:1")
	}
	if got := h.Say(org, `meetup create title:"Öppet" when:"fredag 18" capacity:ingen`); !strings.Contains(got, "Träff 2 är skapad") {
		t.Errorf("create capacity:ingen = %q", got)
	}
}

// Counted messages take the noun's form for the count, in both languages.
func TestPluralForms(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	anna := h.Member("anna", bot.RoleMember)
	bo := h.Member("bo", bot.RoleMember)
	org := h.Member("olle", bot.RoleOrganiser)
	for _, tc := range []struct {
		who              bot.User
		lang, line, want string
	}{
		{anna, "sv", "interests add tags:keramik, surdeg, vävning", ""},
		{anna, "sv", "interests remove tags:keramik", "1 intresse borttaget."},
		{anna, "sv", "interests remove tags:surdeg, vävning", "2 intressen borttagna."},
		{anna, "en", "interests add tags:keramik, surdeg, vävning", ""},
		{anna, "en", "interests remove tags:keramik", "1 interest removed."},
		{anna, "en", "interests remove tags:surdeg, vävning", "2 interests removed."},
		{anna, "sv", "interests add tags:lera", ""},
		{bo, "sv", "interests who tag:lera", "lera: 1 medlem – anna"},
		{bo, "en", "interests who tag:lera", "lera: 1 member – anna"},
		{org, "sv", "interests add tags:lera", ""},
		{bo, "sv", "interests who tag:lera", "lera: 2 medlemmar – "},
		{bo, "en", "interests who tag:lera", "lera: 2 members – "},
		{org, "sv", `meetup create title:"Ett" when:"fredag 18"`, ""},
		{anna, "sv", "meetup rsvp id:1 answer:yes", ""},
		{org, "sv", "meetup cancel id:1", "1 anmäld har fått besked."},
		{org, "en", `meetup create title:"Two" when:"fredag 18"`, ""},
		{anna, "sv", "meetup rsvp id:2 answer:yes", ""},
		{bo, "sv", "meetup rsvp id:2 answer:maybe", ""},
		{org, "en", "meetup cancel id:2", "2 members who signed up have been told."},
		{org, "sv", `meetup create title:"Tre" when:"fredag 18"`, ""},
		{anna, "sv", "meetup rsvp id:3 answer:yes", ""},
		{bo, "sv", "meetup rsvp id:3 answer:yes", ""},
		{org, "sv", "meetup cancel id:3", "2 anmälda har fått besked."},
		{org, "en", `meetup create title:"Four" when:"fredag 18"`, ""},
		{anna, "sv", "meetup rsvp id:4 answer:yes", ""},
		{org, "en", "meetup cancel id:4", "1 member who signed up has been told."},
	} {
		got := h.SayIn(tc.who, tc.lang, tc.line)
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %s = %q, want %q", tc.lang, tc.line, got, tc.want)
		}
		if strings.Contains(got, "(er)") || strings.Contains(got, "(s)") || strings.Contains(got, "1 medlemmar") {
			t.Errorf("%s %s = %q: no plural form", tc.lang, tc.line, got)
		}
	}
}

// modlog shows the community's clock, not UTC or the server's zone.
func TestModlogInCommunityTime(t *testing.T) {
	at := time.Date(2026, 12, 5, 15, 7, 0, 0, time.UTC) // 16:07 in Stockholm
	h := bottest.New(t, bottest.At(at))
	mod := h.Member("moa", bot.RoleModerator)
	h.Say(h.Member("kim", bot.RoleMember), "hej")
	h.Say(mod, "warn user:kim reason:spam")
	if got := h.Say(mod, "modlog"); !strings.Contains(got, "2026-12-05 16:07 moa: warn kim (spam) → utfört") {
		t.Errorf("modlog sv = %q", got)
	}
	if got := h.SayIn(mod, "en", "modlog"); !strings.Contains(got, "2026-12-05 16:07 moa: warn kim (spam) → done") {
		t.Errorf("modlog en = %q", got)
	}
}

// mydata export shows times as RFC 3339 in the community's zone, with the
// offset of the day (+01:00 in winter, +02:00 in summer), never Unix numbers.
func TestExportTimesAreRFC3339(t *testing.T) {
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), "2026-11-25T10:00:00+01:00"},
		{time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC), "2027-06-10T11:00:00+02:00"},
	} {
		h := bottest.New(t, bottest.At(tc.at))
		kim := h.Member("kim", bot.RoleOrganiser)
		h.Say(kim, `meetup create title:"Fika" when:"i morgon 18"`)
		h.Say(kim, "meetup rsvp id:1 answer:yes")
		got := h.Say(kim, "mydata export")
		j := got[strings.Index(got, "{"):]
		var data map[string][]map[string]any
		if err := json.Unmarshal([]byte(j), &data); err != nil {
			t.Fatalf("export is no JSON: %v\n%s", err, got)
		}
		if v := data["members"][0]["first_seen"]; v != tc.want {
			t.Errorf("members.first_seen = %v, want %s", v, tc.want)
		}
		if v, _ := data["meetups"][0]["starts_at"].(string); !regexp.MustCompile(`^\d{4}-\d\d-\d\dT18:00:00\+0[12]:00$`).MatchString(v) {
			t.Errorf("meetups.starts_at = %v", data["meetups"][0]["starts_at"])
		}
		if v := data["rsvps"][0]["updated_at"]; v != tc.want {
			t.Errorf("rsvps.updated_at = %v, want %s", v, tc.want)
		}
	}
}

// A command group's word alone lists its subcommands; it is no error.
func TestGroupWordAloneListsSubcommands(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	org := h.Member("olle", bot.RoleOrganiser)
	got := h.Say(org, "meetup")
	for _, want := range []string{"`meetup` behöver ett underkommando:", "`träff skapa`", "`träff lista`"} {
		if !strings.Contains(got, want) {
			t.Errorf("meetup = %q, lacks %q", got, want)
		}
	}
	if strings.Contains(got, "känner inte till") {
		t.Errorf("meetup alone called unknown: %q", got)
	}
	if got := h.SayIn(org, "en", "meetup"); !strings.Contains(got, "`meetup` needs a subcommand:") || !strings.Contains(got, "`meetup create`") || strings.Contains(got, "don't know") {
		t.Errorf("meetup en = %q", got)
	}
}

// profile of a name no member has says so, instead of an empty profile.
func TestProfileOfNobody(t *testing.T) {
	h := bottest.New(t, bottest.At(wednesday))
	kim := h.Member("kim", bot.RoleMember)
	h.Say(h.Member("anna", bot.RoleMember), "hej")
	if got := h.Say(kim, "profile user:nobody"); !strings.Contains(got, "Jag känner ingen medlem `nobody`") {
		t.Errorf("sv = %q", got)
	}
	if got := h.SayIn(kim, "en", "profile user:nobody"); !strings.Contains(got, "I know no member `nobody`") {
		t.Errorf("en = %q", got)
	}
	if got := h.Say(kim, "profile user:anna"); strings.Contains(got, "ingen medlem") {
		t.Errorf("a known member = %q", got)
	}
}

// logBuffer collects what the bot logs, safe for its goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A meetup created two hours ahead never had a 24-hour reminder: after a
// restart that is no missed firing to warn about.
func TestNoMissedReminderWarningForShortNoticeMeetup(t *testing.T) {
	path := t.TempDir() + "/p.db"
	h := bottest.New(t, bottest.At(wednesday), bottest.WithDatabase(path))
	org := h.Member("olle", bot.RoleOrganiser)
	if got := h.Say(org, `meetup create title:"Snabbfika" when:"2026-11-25 12:00"`); !strings.Contains(got, "Träff 1 är skapad") {
		t.Fatalf("create = %q", got)
	}
	h.Say(h.Member("kim", bot.RoleMember), "meetup rsvp id:1 answer:yes")
	h.DB.Close()
	var logs logBuffer
	l := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h = bottest.New(t, bottest.At(wednesday.Add(30*time.Minute)), bottest.WithDatabase(path), bottest.WithLogger(l))
	h.Advance(time.Millisecond)
	if s := logs.String(); s != "" {
		t.Errorf("warnings at start: %s", s)
	}
	// The 1-hour reminder is still sent.
	h.Advance(31 * time.Minute)
	if sent := h.Outbox.Sent(); len(sent) != 1 || !strings.Contains(sent[0].Reply.Text, "Snabbfika") {
		t.Errorf("reminder = %+v", sent)
	}
}
