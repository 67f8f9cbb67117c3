package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"passionbot/bot"
)

// statsDB is a migrated database on a clock the test sets.
func statsDB(t testing.TB, path string) (*DB, *time.Time) {
	t.Helper()
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := new(time.Time)
	d.SetClock(func() time.Time { return *now })
	return d, now
}

// weeks are n+1 bounds a week apart, the last at end.
func weeks(end time.Time, n int) []time.Time {
	out := make([]time.Time, n+1)
	for i := range out {
		out[i] = end.AddDate(0, 0, 7*(i-n))
	}
	return out
}

// monday is Monday 2027-03-01 00:00 UTC.
var monday = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)

func TestQuestionsPerWeek(t *testing.T) {
	ctx := context.Background()
	d, _ := statsDB(t, filepath.Join(t.TempDir(), "s.db"))
	bounds := weeks(monday, 3) // Feb 8, 15, 22 → Mar 1
	kim, bo := member(t, d, "kim", monday), member(t, d, "bo", monday)
	for _, at := range []time.Time{monday.AddDate(0, 0, -20), monday.AddDate(0, 0, -6), monday.AddDate(0, 0, -6), monday.AddDate(0, 0, -30), monday} {
		if _, err := d.RecordAnswer(ctx, kim, "vad är punks?", "punks", "sv", at); err != nil {
			t.Fatal(err)
		}
	}
	// Week 1: one question asked by two members, answered later by an
	// organiser; week 2: one still open, and asked again (not counted twice).
	q1, _ := d.RecordUnanswered(ctx, kim, "När öppnar ateljén?", "sv", monday.AddDate(0, 0, -13))
	d.RecordUnanswered(ctx, bo, "när öppnar ateljén", "sv", monday.AddDate(0, 0, -12))
	if err := d.MarkAnswered(ctx, q1, "fraga-1"); err != nil {
		t.Fatal(err)
	}
	d.RecordUnanswered(ctx, kim, "Var parkerar man?", "sv", monday.AddDate(0, 0, -2))
	d.RecordUnanswered(ctx, kim, "var parkerar man", "sv", monday.AddDate(0, 0, -1))
	// Before the first week: not counted.
	d.RecordUnanswered(ctx, bo, "Gammal fråga?", "sv", monday.AddDate(0, 0, -40))

	got, err := d.QuestionsPer(ctx, bounds)
	if err != nil {
		t.Fatal(err)
	}
	want := []QuestionCounts{{Answered: 1}, {AnsweredLater: 2}, {Answered: 2, Open: 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("questions per week = %+v, want %+v", got, want)
	}
	if _, err := d.QuestionsPer(ctx, []time.Time{monday}); err == nil {
		t.Fatal("one bound made a period")
	}
	if _, err := d.QuestionsPer(ctx, []time.Time{monday, monday}); err == nil {
		t.Fatal("an empty period was accepted")
	}
}

func TestAnnouncementsPerWeek(t *testing.T) {
	ctx := context.Background()
	d, now := statsDB(t, filepath.Join(t.TempDir(), "s.db"))
	bounds := weeks(monday, 2)
	type firing struct {
		job     string
		at      time.Time
		late    bool
		after   time.Duration // delivered this long after its time
		outcome string        // delivered, failed, pending
	}
	w1, w2 := monday.AddDate(0, 0, -10), monday.AddDate(0, 0, -3)
	for range 12 {
		if _, err := d.CreateAnnouncement(ctx, Announcement{Spec: "0 9 * * 1", Text: "hej", CreatedBy: "console:olle"}); err != nil {
			t.Fatal(err)
		}
	}
	for i, f := range []firing{
		{"announce:1", w1, false, time.Second, "delivered"},
		{"announce:1", w1.Add(time.Hour), false, 2 * time.Minute, "delivered"}, // retried: late
		{"announce:2", w1, true, 30 * time.Minute, "delivered"},                // after downtime: late
		{"announce:2", w2, false, 0, "failed"},
		{"announce:2", w2.Add(time.Hour), false, 0, "pending"},
		{"announce:12", w2, false, 0, "delivered"},
		{"announce-test:1", w2, false, 0, "delivered"}, // a test send
		{"reminder:5:1h0m0s", w2, false, 0, "delivered"},
		{"announce:1", monday.AddDate(0, 0, -15), false, 0, "delivered"}, // before the weeks
		{"announce:1", monday, false, 0, "delivered"},                    // after them
		{"announce:13", w2, false, 0, "delivered"},                       // no such announcement
	} {
		target := fmt.Sprintf("console:#c%d", i)
		*now = f.at
		if _, err := d.ClaimDeliveries(ctx, f.job, f.at, []string{target}, f.late, "run"); err != nil {
			t.Fatal(err)
		}
		*now = f.at.Add(f.after)
		switch f.outcome {
		case "delivered":
			err := d.DeliveryDone(ctx, f.job, f.at, target, "m")
			if err != nil {
				t.Fatal(err)
			}
		case "failed":
			if err := d.DeliveryFailed(ctx, f.job, f.at, target, "Unknown Channel", true); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := d.AnnouncementsPer(ctx, bounds, bot.LateAfter)
	if err != nil {
		t.Fatal(err)
	}
	want := []DeliveryCounts{{Sent: 1, Late: 2}, {Sent: 1, Failed: 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("announcements per week = %+v, want %+v", got, want)
	}
}

func TestInterestGrowth(t *testing.T) {
	ctx := context.Background()
	d, now := statsDB(t, filepath.Join(t.TempDir(), "s.db"))
	then := monday.AddDate(0, 0, -28)
	add := func(at time.Time, id string, tags ...string) {
		*now = at
		var is []Interest
		for _, tag := range tags {
			is = append(is, Interest{Key: strings.ToLower(tag), Tag: tag})
		}
		if _, err := d.AddInterests(ctx, bot.User{Platform: bot.PlatformDiscord, ID: id}, is); err != nil {
			t.Fatal(err)
		}
	}
	add(then.Add(-time.Hour), "a", "Keramik", "Textil")
	add(then, "b", "keramik")
	add(then.Add(time.Hour), "c", "Keramik", "Bröd")
	add(monday, "d", "Bröd", "Textil")
	add(monday, "e", "Bröd")
	add(monday, "hidden", "Bröd", "Hemligt")
	if err := d.SaveProfile(ctx, Profile{User: bot.User{Platform: bot.PlatformDiscord, ID: "hidden"}, Visibility: VisibilityHidden}); err != nil {
		t.Fatal(err)
	}
	add(monday, "slack", "Keramik") // another platform
	d.AddInterests(ctx, bot.User{Platform: bot.PlatformSlack, ID: "s"}, []Interest{{Key: "keramik", Tag: "Keramik"}})

	got, err := d.InterestGrowth(ctx, bot.PlatformDiscord, bot.RoleOrganiser, then, 2)
	if err != nil {
		t.Fatal(err)
	}
	// "Keramik" is how most write it; the hidden member is not counted.
	want := []TagGrowth{{"Keramik", 4, 2}, {"Bröd", 3, 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("growth = %+v, want %+v", got, want)
	}
	if got, _ := d.InterestGrowth(ctx, bot.PlatformDiscord, bot.RoleOrganiser, then, 8); len(got) != 3 {
		t.Fatalf("a hidden member's only tag is counted: %+v", got)
	}
	// A member shown to organisers only counts for them, not for members;
	// the hidden member's earlier "Bröd" is left out of before too.
	add(then.Add(-2*time.Hour), "org-only", "Bröd")
	add(then.Add(-2*time.Hour), "hidden", "Keramik")
	if err := d.SaveProfile(ctx, Profile{User: bot.User{Platform: bot.PlatformDiscord, ID: "org-only"}, Visibility: VisibilityOrganisers}); err != nil {
		t.Fatal(err)
	}
	for viewer, want := range map[bot.Role][]TagGrowth{
		bot.RoleOrganiser: {{"Bröd", 4, 1}, {"Keramik", 4, 2}, {"Textil", 2, 1}}, // a tie goes by key
		bot.RoleMember:    {{"Keramik", 4, 2}, {"Bröd", 3, 0}, {"Textil", 2, 1}},
	} {
		if got, _ := d.InterestGrowth(ctx, bot.PlatformDiscord, viewer, then, 8); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s sees %+v, want %+v", viewer, got, want)
		}
	}
	if got, err := d.InterestGrowth(ctx, "telegram", bot.RoleOrganiser, then, 8); err != nil || len(got) != 0 {
		t.Fatalf("no interests = %+v, %v", got, err)
	}
}

func TestMeetupAnswerCounts(t *testing.T) {
	ctx := context.Background()
	d, now := statsDB(t, filepath.Join(t.TempDir(), "s.db"))
	*now = monday.AddDate(0, 0, -30)
	org := bot.User{Platform: bot.PlatformDiscord, ID: "org"}
	var ids []int64
	for i := range 5 {
		m, err := d.CreateMeetup(ctx, Meetup{Title: fmt.Sprintf("Träff %d", i), Start: monday.AddDate(0, 0, 7*(i-3)), Capacity: 2, Platform: bot.PlatformDiscord, Organiser: org})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	answer := func(id int64, who, a string) {
		if _, err := d.SetRSVP(ctx, id, bot.User{Platform: bot.PlatformDiscord, ID: who}, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, who := range []string{"a", "b", "c"} {
		answer(ids[1], who, "yes") // c on the waitlist
	}
	answer(ids[1], "d", "maybe")
	answer(ids[1], "e", "no")
	answer(ids[2], "a", "no")
	answer(ids[4], "a", "yes")
	if err := d.CancelMeetup(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	// The latest 3 starting before Monday + 10 days: 4 (Mar 8), 2 (Feb 22)
	// and 1 (Feb 15); 3 is cancelled, 0 is older.
	got, err := d.MeetupAnswerCounts(ctx, monday.AddDate(0, 0, 10), 3)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, m := range got {
		s = append(s, fmt.Sprintf("%s %s %d/%d/%d/%d", m.Title, m.Start.UTC().Format("01-02"), m.Yes, m.Maybe, m.No, m.Waitlisted))
	}
	if w := "Träff 1 02-15 2/1/1/1, Träff 2 02-22 0/0/1/0, Träff 4 03-08 1/0/0/0"; strings.Join(s, ", ") != w {
		t.Fatalf("meetups = %s, want %s", strings.Join(s, ", "), w)
	}
}

// TestStatsQueriesUseIndexes: none of the statistics reads a big table
// from end to end (the plan SQLite chooses without statistics, as the bot
// runs it).
func TestStatsQueriesUseIndexes(t *testing.T) {
	d, _ := statsDB(t, filepath.Join(t.TempDir(), "s.db"))
	bounds := weeks(monday, 12)
	for _, tc := range []struct {
		name string
		q    string
		args []any
		want []string
	}{
		{name: "answers", want: []string{"SEARCH answers USING COVERING INDEX answers_by_time (asked_at>? AND asked_at<?)"}},
		{name: "asked", want: []string{"SEARCH q USING INDEX unanswered_by_last_asked", "SEARCH qa USING INDEX question_askers_by_question"}},
		{name: "announcements", want: []string{"SCAN a", "SEARCH d USING PRIMARY KEY (job=? AND fire_at>? AND fire_at<?)"}},
		{name: "interests", want: []string{"SEARCH interests USING COVERING INDEX interests_by_platform_tag", // either index counts a tag's rows
			"SEARCH i USING PRIMARY KEY (platform=? AND user_id=?)", "SEARCH i USING COVERING INDEX interests_by_platform_tag (platform=? AND tag_key=?)",
			"SEARCH i USING COVERING INDEX interests_by_platform_tag_added (platform=? AND tag_key=? AND added_at<?)"}},
		{name: "meetups", q: meetupAnswersQuery, args: []any{monday.Unix(), 10},
			want: []string{"SEARCH meetups USING INDEX meetups_upcoming (status=? AND starts_at<?)", "SEARCH r USING PRIMARY KEY (meetup_id=?)"}},
	} {
		switch tc.name {
		case "answers":
			tc.q, tc.args = questionsGivenQuery(bounds)
		case "asked":
			tc.q, tc.args = questionsAskedQuery(bounds)
		case "announcements":
			tc.q, tc.args = announcementsQuery(bounds, bot.LateAfter)
		case "interests":
			tc.q, tc.args = interestGrowthQuery(bot.PlatformDiscord, bot.RoleOrganiser, monday, 8)
		}
		rows, err := d.sql.Query("EXPLAIN QUERY PLAN "+tc.q, tc.args...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: plan lacks %q:\n%s", tc.name, w, all)
			}
		}
		for _, p := range plan {
			// The few rows of a CTE (the top tags, the meetups, the
			// members hidden from viewer, the tags' counts) and the
			// announcements are read whole.
			if strings.HasPrefix(p, "SCAN ") && !slices.Contains([]string{"SCAN CONSTANT ROW", "SCAN top", "SCAN m", "SCAN h", "SCAN hidden", "SCAN e", "SCAN a"}, p) {
				t.Errorf("%s: %q:\n%s", tc.name, p, all)
			}
		}
	}
}

// BenchmarkStats reads every statistic from a database the size:
// 10,000 members with 5 interests each, 1,000 meetups with 20 answers
// each, 12,000 questions and answers, and 50,000 announcement deliveries.
func BenchmarkStats(b *testing.B) {
	ctx := context.Background()
	d, now := statsDB(b, filepath.Join(b.TempDir(), "big.db"))
	end := monday
	*now = end.AddDate(0, 0, -400)
	tx, err := d.sql.Begin()
	if err != nil {
		b.Fatal(err)
	}
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatal(err)
		}
	}
	for m := range 10000 {
		id := fmt.Sprintf("u%d", m)
		at := end.Add(-time.Duration(m) * 20 * time.Minute).Unix()
		exec("INSERT INTO members (platform, user_id, first_seen, last_seen) VALUES ('discord', ?, ?, ?)", id, at, at)
		for k := range 5 {
			n := (m*5 + k*k*131) % 400
			exec("INSERT OR IGNORE INTO interests (platform, user_id, tag_key, tag, added_at) VALUES ('discord', ?, ?, ?, ?)", id, fmt.Sprintf("tag%d", n), fmt.Sprintf("Tag%d", n), at)
		}
	}
	for i := range 1000 {
		start := end.AddDate(0, 0, i-900).Unix()
		res, err := tx.Exec(`INSERT INTO meetups (uid, title, starts_at, platform, organiser_platform, organiser_id, created_at, updated_at)
VALUES (?, ?, ?, 'discord', 'discord', 'u0', ?, ?)`, fmt.Sprintf("m%d", i), fmt.Sprintf("Träff %d", i), start, start, start)
		if err != nil {
			b.Fatal(err)
		}
		mid, _ := res.LastInsertId()
		for r := range 20 {
			exec("INSERT INTO rsvps (meetup_id, platform, user_id, answer, seq, updated_at) VALUES (?, 'discord', ?, ?, ?, ?)",
				mid, fmt.Sprintf("u%d", (i*20+r)%10000), [...]string{"yes", "maybe", "no"}[r%3], r, start)
		}
	}
	for q := range 12000 {
		at := end.Add(-time.Duration(q) * 20 * time.Minute).Unix()
		exec("INSERT INTO answers (platform, user_id, question, topic_id, lang, asked_at) VALUES ('discord', ?, 'fråga', 'punks', 'sv', ?)", fmt.Sprintf("u%d", q%10000), at)
		res, err := tx.Exec("INSERT INTO unanswered_questions (normalized, question, lang, first_asked, last_asked) VALUES (?, 'fråga', 'sv', ?, ?)", fmt.Sprintf("fråga %d", q), at, at)
		if err != nil {
			b.Fatal(err)
		}
		qid, _ := res.LastInsertId()
		exec("INSERT INTO question_askers (question_id, platform, user_id, asked_at) VALUES (?, 'discord', ?, ?)", qid, fmt.Sprintf("u%d", q%10000), at)
	}
	for range 40 {
		exec("INSERT INTO announcements (spec, text, created_by, created_at) VALUES ('0 9 * * 1', 'hej', 'discord:u0', ?)", end.Unix())
	}
	for i := range 50000 {
		at := end.Add(-time.Duration(i) * 15 * time.Minute).Unix()
		exec("INSERT INTO deliveries (job, fire_at, target, status, claimed_at, delivered_at) VALUES (?, ?, 'discord:#c', 'delivered', ?, ?)",
			fmt.Sprintf("announce:%d", 1+i%40), at, at, at+5)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	bounds := weeks(end, 12)
	b.ResetTimer()
	b.Run("questions", func(b *testing.B) {
		for b.Loop() {
			if qs, err := d.QuestionsPer(ctx, bounds); err != nil || qs[11].Answered == 0 {
				b.Fatal(qs, err)
			}
		}
	})
	b.Run("interests", func(b *testing.B) {
		for b.Loop() {
			if g, err := d.InterestGrowth(ctx, bot.PlatformDiscord, bot.RoleOrganiser, end.AddDate(0, 0, -28), 8); err != nil || len(g) != 8 {
				b.Fatal(g, err)
			}
		}
	})
	b.Run("meetups", func(b *testing.B) {
		for b.Loop() {
			if ms, err := d.MeetupAnswerCounts(ctx, end.AddDate(0, 0, 30), 10); err != nil || len(ms) != 10 {
				b.Fatal(ms, err)
			}
		}
	})
	b.Run("announcements", func(b *testing.B) {
		for b.Loop() {
			if as, err := d.AnnouncementsPer(ctx, bounds, bot.LateAfter); err != nil || as[11].Sent == 0 {
				b.Fatal(as, err)
			}
		}
	})
}
