package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"passionbot/internal/token"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
)

// fill stores something about u in every table a member can appear in.
func fill(t *testing.T, d *DB, u bot.User) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC)
	d.SetClock(func() time.Time { return at })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := d.SeenMember(ctx, u, at)
	must(err)
	must(d.SetLocale(ctx, u, "en"))
	must(d.GrantRole(ctx, u, bot.RoleOrganiser, bot.User{Platform: u.Platform, ID: "admin"}))
	must(d.SaveLearnProgress(ctx, u, Progress{Lesson: 1, Question: 2, Correct: 3, Answered: 4}, at))
	m, err := d.CreateMeetup(ctx, Meetup{Title: "Keramik", Start: at.Add(48 * time.Hour), Platform: u.Platform, Organiser: u})
	must(err)
	_, err = d.SetRSVP(ctx, m.ID, u, "yes")
	must(err)
	s, err := d.CreateMeetupSeries(ctx, MeetupSeries{Spec: "RRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=18;BYMINUTE=0", Title: "Keramik", Platform: u.Platform, Organiser: u})
	must(err)
	_, _, err = d.AddOccurrence(ctx, s.ID, "2026-12-03", Meetup{Title: "Keramik", Start: at.Add(72 * time.Hour), Platform: u.Platform, Organiser: u})
	must(err)
	_, err = d.CalendarToken(ctx, u)
	must(err)
	must(d.SaveEntry(ctx, Entry{ID: fmt.Sprintf("e-%d", len(u.ID)+int(u.ID[0])), Lang: "sv", Title: "t", Body: "b", Author: u.Key()}, at))
	_, err = d.CreateAnnouncement(ctx, Announcement{Spec: "@daily", Text: "x", CreatedBy: u.Key(), Targets: []Target{{Platform: u.Platform, Channel: "c"}}})
	must(err)
	must(d.SaveProfile(ctx, Profile{User: u, Drive: "passion", About: "keramiker", Visibility: "members"}))
	_, err = d.AddInterests(ctx, u, []Interest{{Key: "keramik", Tag: "keramik"}})
	must(err)
	must(d.SetMatchOptIn(ctx, u, true))
	must(d.Audit(ctx, AuditEntry{Platform: u.Platform, Actor: u.ID, Action: "warn", Target: "someone", Result: "ok"}))
	must(d.Audit(ctx, AuditEntry{Platform: u.Platform, Actor: "mod", Action: "timeout", Target: u.ID, Result: "ok"}))
	_, err = d.SaveMatch(ctx, u.Platform, []string{u.ID}, []string{"keramik"})
	must(err)
	_, err = d.RecordUnanswered(ctx, u, "vad kostar en brännugn i "+u.ID+"?", "sv", at)
	must(err)
	_, err = d.RecordUnanswered(ctx, u, "Var köper man lera?", "sv", at) // asked by every member
	must(err)
	_, err = d.RecordAnswer(ctx, u, "vad gör "+u.ID+" med PUNKS?", "punks", "sv", at)
	must(err)
	a, err := d.RecordAnswer(ctx, u, "Vad är PUNKS?", "punks", "sv", at)
	must(err)
	_, err = d.Vote(ctx, u, a, VoteDown, at)
	must(err)
	_, err = d.LinkAnswer(ctx, a, "punks-meaning", "sv", u.Key(), at)
	must(err)
	_, err = d.ClaimDeliveries(ctx, "reminder:1:1h0m0s", at, []string{string(u.Platform) + ":@" + u.ID}, false, "run")
	must(err)
	id := WebIdentity{User: u, Lang: "sv"}
	must(d.CreateSignInLink(ctx, token.Hash("link-"+u.ID), id, at.Add(10*time.Minute)))
	must(d.CreateWebSession(ctx, token.Hash("session-"+u.ID), WebSession{WebIdentity: id, CSRF: "csrf-" + u.ID, Created: at, Seen: at}))
}

func TestExportAndForgetCoverEveryTable(t *testing.T) {
	ctx := context.Background()
	d := openTemp(t)
	d.Migrate(ctx)
	kim := bot.User{Platform: bot.PlatformDiscord, ID: "kim-4711", Name: "Kim"}
	bo := bot.User{Platform: bot.PlatformDiscord, ID: "bo-0815", Name: "Bo"}
	fill(t, d, kim)
	fill(t, d, bo)

	// Every table of the schema is either listed for members or has no member data.
	listed := map[string]bool{"schema_migrations": true, "unanswered_questions": true, "announcement_targets": true, "state": true,
		"matches": true, "sqlite_sequence": true, "instance_lease": true,
		"meetup_cards": true}
	for _, mt := range memberTables() {
		listed[mt.table] = true
	}
	// What an announcement was before an edit: its text, no member (who
	// made it is in announcements, which forget covers).
	listed["announcement_revisions"] = true
	// Which meetup is which date of which series: no member (the series'
	// organiser is in meetup_series, which forget covers).
	listed["meetup_occurrences"] = true
	rows, _ := d.SQL().QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")
	for rows.Next() {
		var name string
		rows.Scan(&name)
		if !listed[name] {
			t.Errorf("table %s is neither exported nor deliberately left out", name)
		}
	}
	rows.Close()

	exp, err := d.ExportMember(ctx, kim)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(exp)
	for _, mt := range memberTables() {
		if len(exp[mt.table]) == 0 {
			t.Errorf("export has no %s rows", mt.table)
		}
	}
	if strings.Contains(string(j), "bo-0815") {
		t.Fatalf("export holds another member's data: %s", j)
	}
	// The dashboard's sign-ins show when, never their keys.
	for _, secret := range []string{token.Hash("link-kim-4711"), token.Hash("session-kim-4711"), "csrf-kim-4711"} {
		if strings.Contains(string(j), secret) {
			t.Fatalf("export holds a sign-in secret %q: %s", secret, j)
		}
	}
	if s := exp["web_sessions"]; len(s) != 1 || len(s[0]) != 2 || s[0]["seen_at"] == nil || s[0]["created_at"] == nil {
		t.Fatalf("exported web sessions = %v, want when made and last used", s)
	}

	if err := d.ForgetMember(ctx, kim); err != nil {
		t.Fatal(err)
	}
	// Nothing in any table mentions kim any more; bo is untouched.
	for _, table := range tableNames(t, d) {
		if n := countMentions(t, d, table, "kim-4711"); n > 0 {
			t.Errorf("%s still has %d row(s) mentioning the forgotten member", table, n)
		}
	}
	if exp, _ := d.ExportMember(ctx, bo); len(exp["members"]) != 1 || len(exp["rsvps"]) != 1 || len(exp["learn_progress"]) != 1 {
		t.Fatalf("the other member lost data: %v", exp)
	}
	// The question others asked too stays, counted for them.
	if qs, _ := d.OpenQuestions(ctx, 10); len(qs) != 2 || qs[0].Text != "Var köper man lera?" || qs[1].Text != "vad kostar en brännugn i bo-0815?" {
		t.Fatalf("open questions after forgetting kim: %+v", qs)
	}
	// Kim's meetup stays for the others, without the organiser's identity.
	m, err := d.Meetup(ctx, 1)
	if err != nil || m.Organiser.ID != Forgotten {
		t.Fatalf("meetup after forgetting its organiser: %+v, %v", m, err)
	}
}

func tableNames(t *testing.T, d *DB) []string {
	rows, err := d.SQL().Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

// countMentions counts the rows of table with a text column containing s.
func countMentions(t *testing.T, d *DB, table, s string) int {
	rows, err := d.SQL().Query("SELECT * FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := scanMaps(rows)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range recs {
		for _, v := range r {
			if str, ok := v.(string); ok && strings.Contains(str, s) {
				n++
				break
			}
		}
	}
	return n
}
