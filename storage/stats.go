package storage

import (
	"context"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
)

// The organisers' statistics (`stats`, issue 18): counts over periods the
// caller chooses (weeks in the community's timezone, so that a week that
// has a daylight-saving change is still Monday to Monday), read with the
// indexes the tables already have. Each query returns one row per period
// at most: the periods are numbered by a CASE over their bounds, in SQL,
// so that no row is carried to Go just to be counted.

// QuestionCounts is how the questions asked in one period went.
type QuestionCounts struct {
	// Answered is the questions the knowledge base answered at once (the
	// answers log, kept AnswerRetention).
	Answered int
	// AnsweredLater is the questions it could not answer that an organiser
	// has answered since (`faq answer`): each member who asked counts once.
	AnsweredLater int
	// Open is the questions still waiting for an answer, counted the same
	// way. A dismissed question is gone from both.
	Open int
}

// DeliveryCounts is how the scheduled announcements of one period went,
// counted per message (one firing to one channel), as the delivery log and
// the metrics count them.
type DeliveryCounts struct {
	Sent   int // delivered on time
	Late   int // delivered late (see AnnouncementsPer)
	Failed int // given up: the platform refused it
}

// TagGrowth is one interest and how many members have it now and had it
// at an earlier time.
type TagGrowth struct {
	Tag    string // as its members most often write it
	Now    int
	Before int
}

// MeetupAnswers is one meetup and the answers to it.
type MeetupAnswers struct {
	ID         int64
	Title      string
	Start      time.Time
	Yes        int // with a place
	Maybe      int
	No         int
	Waitlisted int // said yes when it was full
}

// periodCase is a CASE expression numbering the period of bounds (n+1
// ascending instants making n periods) that column falls in, 0 to n-1,
// NULL outside them. The bounds are the numbered parameters ?first… in
// order; it returns them as arguments.
func periodCase(column string, bounds []time.Time, first int) (string, []any) {
	var b strings.Builder
	args := make([]any, len(bounds))
	b.WriteString("CASE")
	for i, t := range bounds {
		args[i] = t.Unix()
		if i > 0 {
			fmt.Fprintf(&b, " WHEN %s < ?%d THEN %d", column, first+i, i-1)
		}
	}
	b.WriteString(" END")
	return b.String(), args
}

// checkBounds refuses periods that are not ascending.
func checkBounds(what string, bounds []time.Time) error {
	if len(bounds) < 2 {
		return fmt.Errorf("%s: %d bounds make no period", what, len(bounds))
	}
	for i := 1; i < len(bounds); i++ {
		if !bounds[i].After(bounds[i-1]) {
			return fmt.Errorf("%s: bounds not ascending at %d", what, i)
		}
	}
	return nil
}

// questionsGivenQuery counts the knowledge answers given per period, one
// range of answers_by_time each (a count per range reads only the index;
// numbering the rows and grouping them took five times as long). Its one
// row has a count per period.
func questionsGivenQuery(bounds []time.Time) (string, []any) {
	var b strings.Builder
	args := make([]any, len(bounds))
	b.WriteString("SELECT ")
	for i, t := range bounds {
		args[i] = t.Unix()
		if i > 0 {
			if i > 1 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "(SELECT COUNT(*) FROM answers WHERE asked_at >= ?%d AND asked_at < ?%d)", i, i+1)
		}
	}
	return b.String(), args
}

// questionsAskedQuery counts who asked the questions the bot could not
// answer, per period, split by whether an organiser has answered them
// since. A member's ask (question_askers.asked_at) is never later than its
// question's last_asked, so the questions asked in the periods are found
// through unanswered_by_last_asked and their askers through
// question_askers_by_question: no scan of every asker there ever was
// (CROSS JOIN keeps SQLite's planner, which has no statistics, from
// starting with the askers).
func questionsAskedQuery(bounds []time.Time) (string, []any) {
	period, args := periodCase("qa.asked_at", bounds, 1)
	return fmt.Sprintf(`SELECT %s AS period, SUM(q.answered_by IS NOT NULL), SUM(q.answered_by IS NULL)
FROM unanswered_questions q CROSS JOIN question_askers qa ON qa.question_id = q.id
WHERE q.last_asked >= ?1 AND qa.asked_at >= ?1 AND qa.asked_at < ?%d GROUP BY period`, period, len(bounds)), args
}

// QuestionsPer counts the questions members asked in each period between
// consecutive bounds (ascending; n+1 bounds make n periods): answered by
// the knowledge base at once, answered by an organiser since, or still
// open. Older than the retention (180 days) nothing is left to count.
func (d *DB) QuestionsPer(ctx context.Context, bounds []time.Time) ([]QuestionCounts, error) {
	if err := checkBounds("questions per period", bounds); err != nil {
		return nil, err
	}
	out := make([]QuestionCounts, len(bounds)-1)
	q, args := questionsGivenQuery(bounds)
	given := make([]any, len(out))
	for i := range out {
		given[i] = &out[i].Answered
	}
	if err := d.sql.QueryRowContext(ctx, q, args...).Scan(given...); err != nil {
		return nil, fmt.Errorf("questions per period: %w", d.explain(err))
	}
	q, args = questionsAskedQuery(bounds)
	if err := d.perPeriod(ctx, len(out), q, args, func(i int, n []int) { out[i].AnsweredLater, out[i].Open = n[0], n[1] }, 2); err != nil {
		return nil, fmt.Errorf("questions per period: %w", err)
	}
	return out, nil
}

// announcementsQuery counts the announcement deliveries per period of
// their firing's time. The delivery log's primary key is (job, fire_at,
// target), so each announcement's firings in the periods are one range of
// it: the announcements are the outer loop (CROSS JOIN keeps the planner
// from reading every announcement delivery there is instead). A removed
// announcement's log is removed with it (DeleteAnnouncement).
func announcementsQuery(bounds []time.Time, lateAfter time.Duration) (string, []any) {
	period, args := periodCase("d.fire_at", bounds, 2)
	late := "(d.late = 1 OR COALESCE(d.delivered_at, d.fire_at) > d.fire_at + ?1)"
	return fmt.Sprintf(`SELECT %s AS period,
  SUM(d.status = 'delivered' AND NOT %s), SUM(d.status = 'delivered' AND %s), SUM(d.status = 'failed')
FROM announcements a CROSS JOIN deliveries d ON d.job = 'announce:' || a.id
WHERE d.fire_at >= ?2 AND d.fire_at < ?%d GROUP BY period`, period, late, late, len(bounds)+1),
		append([]any{int64(lateAfter / time.Second)}, args...)
}

// AnnouncementsPer counts the scheduled announcements' messages whose
// firing fell in each period between consecutive bounds: sent on time,
// sent late, or failed. Late is how the code records it: the firing ran
// late (the bot was down at its time and the scheduler sent it within the
// grace after the restart: deliveries.late), or the message went out more
// than lateAfter after its time (delivered_at; bot.LateAfter, the limit
// the metrics' "late" outcome uses: queued behind other channels, retried
// through a platform's outage, resent by the next run). Messages still pending (a platform down, retrying) are in
// none of the three yet; test sends (`announce test`) and reminders are
// not announcements. The delivery log is pruned by retention, so periods
// older than it count nothing.
func (d *DB) AnnouncementsPer(ctx context.Context, bounds []time.Time, lateAfter time.Duration) ([]DeliveryCounts, error) {
	if err := checkBounds("announcements per period", bounds); err != nil {
		return nil, err
	}
	out := make([]DeliveryCounts, len(bounds)-1)
	q, args := announcementsQuery(bounds, lateAfter)
	err := d.perPeriod(ctx, len(out), q, args, func(i int, n []int) {
		out[i] = DeliveryCounts{Sent: n[0], Late: n[1], Failed: n[2]}
	}, 3)
	if err != nil {
		return nil, fmt.Errorf("announcements per period: %w", err)
	}
	return out, nil
}

// perPeriod runs a query whose rows are a period number and cols counts,
// and hands each period's counts to set.
func (d *DB) perPeriod(ctx context.Context, periods int, q string, args []any, set func(i int, n []int), cols int) error {
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return d.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var period *int
		n := make([]int, cols)
		dest := []any{&period}
		for i := range n {
			dest = append(dest, &n[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if period != nil && *period >= 0 && *period < periods {
			set(*period, n)
		}
	}
	return rows.Err()
}

// interestGrowthQuery is InterestGrowth's. Joining every interest with
// its member's profile to leave out those viewer may not see (as
// TopInterests does) is one lookup per row; instead the few members
// viewer may not see are looked up (hidden), their interests counted per
// key (gone, on the primary key), and taken from the counts of everyone's,
// read from interests_by_platform_tag alone. How many had a top key by
// before is a range count on interests_by_platform_tag_added (INDEXED BY:
// without statistics the planner might read the whole platform through
// the primary key for each). On the dashboard benchmark's 50,000 interests this is
// twice as fast as the join. CROSS JOIN keeps the hidden members the
// outer loop.
func interestGrowthQuery(p bot.Platform, viewer bot.Role, before time.Time, limit int) (string, []any) {
	return topTagsQuery(p, viewer, limit, &before)
}

// topTagsQuery is the query of the top tags on p that viewer may see,
// with how many members have each and, when before is not nil, how many
// of them had added it by then (see interestGrowthQuery for its shape).
// TopInterests and InterestGrowth both read it.
func topTagsQuery(p bot.Platform, viewer bot.Role, limit int, before *time.Time) (string, []any) {
	in, args := visibleIn(viewer, 4)
	var at int64
	beforeCol, goneBefore := "", "0"
	if before != nil {
		at = before.Unix()
		goneBefore = "SUM(i.added_at <= ?2)"
		beforeCol = `,
    (SELECT COUNT(*) FROM interests i INDEXED BY interests_by_platform_tag_added
     WHERE i.platform = ?1 AND i.tag_key = top.tag_key AND i.added_at <= ?2) - gone_before AS before`
	}
	return `WITH hidden AS MATERIALIZED (
    SELECT user_id FROM profiles WHERE platform = ?1 AND visibility NOT IN (` + in + `)),
gone AS MATERIALIZED (
    SELECT i.tag_key, COUNT(*) AS n, ` + goneBefore + ` AS before
    FROM hidden h CROSS JOIN interests i ON i.platform = ?1 AND i.user_id = h.user_id GROUP BY i.tag_key),
everyone AS (
    SELECT tag_key, COUNT(*) AS n FROM interests WHERE platform = ?1 GROUP BY tag_key),
top AS (
    SELECT e.tag_key, e.n - COALESCE(g.n, 0) AS n, COALESCE(g.before, 0) AS gone_before
    FROM everyone e LEFT JOIN gone g ON g.tag_key = e.tag_key
    WHERE e.n > COALESCE(g.n, 0) ORDER BY 2 DESC, e.tag_key LIMIT ?3)
SELECT (SELECT i.tag FROM interests i WHERE i.platform = ?1 AND i.tag_key = top.tag_key
        AND i.user_id NOT IN (SELECT user_id FROM hidden)
        GROUP BY i.tag ORDER BY COUNT(*) DESC, i.tag LIMIT 1) AS shown, n` + beforeCol + `
FROM top ORDER BY n DESC, tag_key`, append([]any{string(p), at, limit}, args...)
}

// InterestGrowth lists the most common interests on platform p, at most
// limit, with how many members have each now and how many of them had
// added it by before (interests.added_at). Only the members viewer may see
// are counted (VisibleTo), as in TopInterests. Removing an interest
// deletes its row, so Before counts the members who have it now and had
// it then: a member who dropped it since is in neither.
func (d *DB) InterestGrowth(ctx context.Context, p bot.Platform, viewer bot.Role, before time.Time, limit int) ([]TagGrowth, error) {
	q, args := interestGrowthQuery(p, viewer, before, limit)
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("interest growth: %w", d.explain(err))
	}
	defer rows.Close()
	var out []TagGrowth
	for rows.Next() {
		var g TagGrowth
		if err := rows.Scan(&g.Tag, &g.Now, &g.Before); err != nil {
			return nil, fmt.Errorf("interest growth: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// meetupAnswersQuery is MeetupAnswerCounts's: the meetups from
// meetups_upcoming (status, starts_at), newest first, then their answers
// from the rsvps primary key (meetup_id, …).
const meetupAnswersQuery = `SELECT m.id, m.title, m.starts_at,
  COALESCE(SUM(r.answer = 'yes' AND r.waitlisted = 0), 0), COALESCE(SUM(r.answer = 'maybe'), 0),
  COALESCE(SUM(r.answer = 'no'), 0), COALESCE(SUM(r.answer = 'yes' AND r.waitlisted = 1), 0)
FROM (SELECT id, title, starts_at FROM meetups WHERE status = 'scheduled' AND starts_at < ?1
      ORDER BY starts_at DESC, id DESC LIMIT ?2) m
LEFT JOIN rsvps r ON r.meetup_id = m.id
GROUP BY m.id ORDER BY m.starts_at, m.id`

// MeetupAnswerCounts returns the latest limit meetups starting before
// until (cancelled ones left out), oldest first, with their answers: yes
// with a place, maybe, no, and yes on the waitlist. Who came is not
// recorded; the answers are what there is.
func (d *DB) MeetupAnswerCounts(ctx context.Context, until time.Time, limit int) ([]MeetupAnswers, error) {
	rows, err := d.sql.QueryContext(ctx, meetupAnswersQuery, until.Unix(), limit)
	if err != nil {
		return nil, fmt.Errorf("meetup answers: %w", d.explain(err))
	}
	defer rows.Close()
	var out []MeetupAnswers
	for rows.Next() {
		var m MeetupAnswers
		var start int64
		if err := rows.Scan(&m.ID, &m.Title, &start, &m.Yes, &m.Maybe, &m.No, &m.Waitlisted); err != nil {
			return nil, fmt.Errorf("meetup answers: %w", err)
		}
		m.Start = time.Unix(start, 0)
		out = append(out, m)
	}
	return out, rows.Err()
}
