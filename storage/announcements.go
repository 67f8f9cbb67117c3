package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"passionbot/bot"
)

// Target is a channel on a platform.
type Target struct {
	Platform bot.Platform
	Channel  string
}

// String is "platform:#channel", the form used in the delivery log.
func (t Target) String() string { return string(t.Platform) + ":#" + t.Channel }

// Announcement is a scheduled message: recurring, or sent once.
type Announcement struct {
	ID int64
	// Spec is when it is sent, as the announcements feature stores it: a
	// recurrence rule or cron spec (recur.Rule.Spec), or one time.
	Spec       string
	Text       string
	Paused     bool
	Targets    []Target
	CreatedBy  string
	CreatedAt  time.Time
	RevisedAt  time.Time // last edit; zero when never edited
	LastFire   time.Time // last firing handled; zero when none
	LastResult string
}

// Revision is what an announcement was before an edit.
type Revision struct {
	At   time.Time
	Spec string
	Text string
}

// CreateAnnouncement stores a schedule with its channels.
func (d *DB) CreateAnnouncement(ctx context.Context, a Announcement) (Announcement, error) {
	now := d.now()
	a.CreatedAt = now
	err := d.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO announcements (spec, text, created_by, created_at) VALUES (?, ?, ?, ?)", a.Spec, a.Text, a.CreatedBy, now.Unix())
		if err != nil {
			return err
		}
		a.ID, _ = res.LastInsertId()
		for _, t := range a.Targets {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO announcement_targets (announcement_id, platform, channel_id) VALUES (?, ?, ?)", a.ID, string(t.Platform), t.Channel); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("create announcement: %w", d.explain(err))
	}
	return a, nil
}

// Announcements lists every schedule with its targets, by id.
func (d *DB) Announcements(ctx context.Context) ([]Announcement, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT id, spec, text, status, created_by, created_at, last_fire, last_result,
  (SELECT COALESCE(MAX(revised_at), 0) FROM announcement_revisions r WHERE r.announcement_id = a.id)
FROM announcements a ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list announcements: %w", d.explain(err))
	}
	var out []Announcement
	index := map[int64]int{}
	for rows.Next() {
		var a Announcement
		var status string
		var created, last, revised int64
		if err := rows.Scan(&a.ID, &a.Spec, &a.Text, &status, &a.CreatedBy, &created, &last, &a.LastResult, &revised); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list announcements: %w", err)
		}
		a.Paused, a.CreatedAt = status == "paused", time.Unix(created, 0)
		if last > 0 {
			a.LastFire = time.Unix(last, 0)
		}
		if revised > 0 {
			a.RevisedAt = time.Unix(revised, 0)
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	trows, err := d.sql.QueryContext(ctx, "SELECT announcement_id, platform, channel_id FROM announcement_targets ORDER BY announcement_id, platform, channel_id")
	if err != nil {
		return nil, fmt.Errorf("list announcement targets: %w", d.explain(err))
	}
	defer trows.Close()
	for trows.Next() {
		var id int64
		var t Target
		var p string
		if err := trows.Scan(&id, &p, &t.Channel); err != nil {
			return nil, err
		}
		t.Platform = bot.Platform(p)
		if i, ok := index[id]; ok {
			out[i].Targets = append(out[i].Targets, t)
		}
	}
	return out, trows.Err()
}

// Announcement returns one schedule, or ErrNotFound.
func (d *DB) Announcement(ctx context.Context, id int64) (Announcement, error) {
	all, err := d.Announcements(ctx)
	if err != nil {
		return Announcement{}, err
	}
	for _, a := range all {
		if a.ID == id {
			return a, nil
		}
	}
	return Announcement{}, ErrNotFound
}

// UpdateAnnouncement changes an announcement's spec and text, and its
// targets when a.Targets is not empty, keeping its id, delivery log and
// last firing; what it was before is kept as a Revision. It returns the
// announcement as stored, or ErrNotFound.
func (d *DB) UpdateAnnouncement(ctx context.Context, a Announcement) (Announcement, error) {
	now := d.now()
	err := d.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO announcement_revisions (announcement_id, revised_at, spec, text)
SELECT id, ?, spec, text FROM announcements WHERE id = ?`, now.Unix(), a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, "UPDATE announcements SET spec = ?, text = ? WHERE id = ?", a.Spec, a.Text, a.ID); err != nil {
			return err
		}
		if len(a.Targets) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM announcement_targets WHERE announcement_id = ?", a.ID); err != nil {
			return err
		}
		for _, t := range a.Targets {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO announcement_targets (announcement_id, platform, channel_id) VALUES (?, ?, ?)", a.ID, string(t.Platform), t.Channel); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return Announcement{}, err
	}
	if err != nil {
		return Announcement{}, fmt.Errorf("update announcement: %w", d.explain(err))
	}
	return d.Announcement(ctx, a.ID)
}

// AnnouncementRevisions returns what announcement id was before each
// edit, oldest first.
func (d *DB) AnnouncementRevisions(ctx context.Context, id int64) ([]Revision, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT revised_at, spec, text FROM announcement_revisions WHERE announcement_id = ? ORDER BY revised_at, rowid", id)
	if err != nil {
		return nil, fmt.Errorf("announcement revisions: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var at int64
		if err := rows.Scan(&at, &r.Spec, &r.Text); err != nil {
			return nil, fmt.Errorf("announcement revisions: %w", err)
		}
		r.At = time.Unix(at, 0)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetAnnouncementPaused pauses or resumes a schedule.
func (d *DB) SetAnnouncementPaused(ctx context.Context, id int64, paused bool) error {
	status := "active"
	if paused {
		status = "paused"
	}
	return d.exec1(ctx, "pause announcement", "UPDATE announcements SET status = ? WHERE id = ?", status, id)
}

// DeleteAnnouncement removes a schedule and its delivery log, so that a
// later schedule given the same id inherits nothing.
func (d *DB) DeleteAnnouncement(ctx context.Context, id int64) error {
	if err := d.exec1(ctx, "remove announcement", "DELETE FROM announcements WHERE id = ?", id); err != nil {
		return err
	}
	for _, job := range []string{fmt.Sprintf("announce:%d", id), fmt.Sprintf("announce-test:%d", id)} {
		if err := d.ForgetJob(ctx, job); err != nil {
			return err
		}
	}
	return nil
}

// AnnouncementResumed notes that a paused schedule runs again from at:
// firings missed while paused are never sent, after a restart neither.
func (d *DB) AnnouncementResumed(ctx context.Context, id int64, at time.Time) error {
	return d.exec1(ctx, "resume announcement", "UPDATE announcements SET last_fire = MAX(last_fire, ?) WHERE id = ?", at.Unix(), id)
}

// RecordAnnouncementFire notes the last firing handled and its result.
func (d *DB) RecordAnnouncementFire(ctx context.Context, id int64, fireAt time.Time, result string) error {
	return d.exec1(ctx, "record announcement", "UPDATE announcements SET last_fire = MAX(last_fire, ?), last_result = ? WHERE id = ?", fireAt.Unix(), result, id)
}

// exec1 runs a statement that must change exactly one row (ErrNotFound otherwise).
func (d *DB) exec1(ctx context.Context, what, q string, args ...any) error {
	res, err := d.sql.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, d.explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
