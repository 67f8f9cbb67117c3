package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"passionbot/bot"
)

// Meetup is a planned in-person meetup.
type Meetup struct {
	ID          int64
	UID         string // stable iCalendar UID
	Title       string
	Description string
	Location    string
	Start       time.Time
	End         time.Time // zero when not given
	Capacity    int       // 0: unlimited
	Platform    bot.Platform
	ChannelID   string
	MessageID   string
	NativeID    string // Discord Guild Scheduled Event id
	Organiser   bot.User
	Cancelled   bool
	Sequence    int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Errors about meetups and RSVPs.
var (
	ErrCancelled = errors.New("meetup is cancelled")
	ErrStarted   = errors.New("meetup has already started")
)

const meetupCols = `id, uid, title, description, location, starts_at, ends_at, capacity, platform, channel_id, message_id,
native_event_id, organiser_platform, organiser_id, status, sequence, created_at, updated_at`

func scanMeetup(s scanner) (Meetup, error) {
	var m Meetup
	var start, created, updated int64
	var end, capacity sql.NullInt64
	var platform, orgPlatform, status string
	err := s.Scan(&m.ID, &m.UID, &m.Title, &m.Description, &m.Location, &start, &end, &capacity, &platform, &m.ChannelID, &m.MessageID,
		&m.NativeID, &orgPlatform, &m.Organiser.ID, &status, &m.Sequence, &created, &updated)
	if err != nil {
		return m, err
	}
	m.Start = time.Unix(start, 0)
	if end.Valid {
		m.End = time.Unix(end.Int64, 0)
	}
	m.Capacity = int(capacity.Int64)
	m.Platform, m.Organiser.Platform = bot.Platform(platform), bot.Platform(orgPlatform)
	m.Cancelled = status == "cancelled"
	m.CreatedAt, m.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return m, nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func nullInt(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// CreateMeetup stores a new meetup and returns it with its id and UID.
func (d *DB) CreateMeetup(ctx context.Context, m Meetup) (Meetup, error) {
	uid, err := newToken(12)
	if err != nil {
		return m, err
	}
	m.UID = uid + "@passionbot"
	now := d.now()
	m.CreatedAt, m.UpdatedAt = now, now
	if _, err := d.SeenMember(ctx, m.Organiser, now); err != nil {
		return m, err
	}
	res, err := d.sql.ExecContext(ctx, `INSERT INTO meetups (uid, title, description, location, starts_at, ends_at, capacity,
platform, channel_id, organiser_platform, organiser_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.UID, m.Title, m.Description, m.Location, m.Start.Unix(), nullTime(m.End), nullInt(m.Capacity),
		string(m.Platform), m.ChannelID, string(m.Organiser.Platform), m.Organiser.ID, now.Unix(), now.Unix())
	if err != nil {
		return m, fmt.Errorf("create meetup: %w", d.explain(err))
	}
	m.ID, _ = res.LastInsertId()
	return m, nil
}

// Meetup returns one meetup, or ErrNotFound.
func (d *DB) Meetup(ctx context.Context, id int64) (Meetup, error) {
	m, err := scanMeetup(d.sql.QueryRowContext(ctx, "SELECT "+meetupCols+" FROM meetups WHERE id = ?", id))
	if isNoRows(err) {
		return m, ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("read meetup %d: %w", id, d.explain(err))
	}
	return m, nil
}

// UpcomingMeetups lists scheduled meetups that have not ended by from, soonest first.
func (d *DB) UpcomingMeetups(ctx context.Context, from time.Time, limit int) ([]Meetup, error) {
	return d.meetups(ctx, `SELECT `+meetupCols+` FROM meetups
WHERE status = 'scheduled' AND COALESCE(ends_at, starts_at + 7200) >= ? ORDER BY starts_at, id LIMIT ?`, from.Unix(), limit)
}

// MeetupsBetween lists scheduled meetups starting in [from, to).
func (d *DB) MeetupsBetween(ctx context.Context, from, to time.Time) ([]Meetup, error) {
	return d.meetups(ctx, `SELECT `+meetupCols+` FROM meetups
WHERE status = 'scheduled' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id`, from.Unix(), to.Unix())
}

// MemberMeetups lists the upcoming meetups u said yes or maybe to.
func (d *DB) MemberMeetups(ctx context.Context, u bot.User, from time.Time) ([]Meetup, error) {
	return d.meetups(ctx, `SELECT `+prefixed("m.", meetupCols)+` FROM meetups m JOIN rsvps r ON r.meetup_id = m.id
WHERE r.platform = ? AND r.user_id = ? AND r.answer IN ('yes', 'maybe') AND m.status = 'scheduled'
AND COALESCE(m.ends_at, m.starts_at + 7200) >= ? ORDER BY m.starts_at, m.id`, string(u.Platform), u.ID, from.Unix())
}

// prefixed qualifies every column of a column list with p ("m.").
func prefixed(p, cols string) string {
	parts := SplitList(cols)
	for i := range parts {
		parts[i] = p + parts[i]
	}
	return strings.Join(parts, ", ")
}

func (d *DB) meetups(ctx context.Context, q string, args ...any) ([]Meetup, error) {
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list meetups: %w", d.explain(err))
	}
	defer rows.Close()
	var out []Meetup
	for rows.Next() {
		m, err := scanMeetup(rows)
		if err != nil {
			return nil, fmt.Errorf("list meetups: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// UpdateMeetup saves changed fields (title, description, location, times,
// capacity) and bumps the iCalendar sequence. When the capacity grows, the
// first on the waitlist are promoted; they are returned.
func (d *DB) UpdateMeetup(ctx context.Context, m Meetup) ([]bot.User, error) {
	var promoted []bot.User
	err := d.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE meetups SET title = ?, description = ?, location = ?, starts_at = ?, ends_at = ?,
capacity = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?`,
			m.Title, m.Description, m.Location, m.Start.Unix(), nullTime(m.End), nullInt(m.Capacity), d.now().Unix(), m.ID)
		if err != nil {
			return err
		}
		promoted, err = promote(ctx, tx, m.ID, m.Capacity)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("update meetup %d: %w", m.ID, d.explain(err))
	}
	return promoted, nil
}

// SetMeetupRefs stores the announcement message and native event ids.
func (d *DB) SetMeetupRefs(ctx context.Context, id int64, messageID, nativeID string) error {
	_, err := d.sql.ExecContext(ctx, "UPDATE meetups SET message_id = ?, native_event_id = ? WHERE id = ?", messageID, nativeID, id)
	if err != nil {
		return fmt.Errorf("meetup refs: %w", d.explain(err))
	}
	return nil
}

// CancelMeetup marks a meetup cancelled; ErrCancelled when it already was.
func (d *DB) CancelMeetup(ctx context.Context, id int64) error {
	res, err := d.sql.ExecContext(ctx, "UPDATE meetups SET status = 'cancelled', sequence = sequence + 1, updated_at = ? WHERE id = ? AND status = 'scheduled'", d.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("cancel meetup: %w", d.explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := d.Meetup(ctx, id); err != nil {
			return err
		}
		return ErrCancelled
	}
	return nil
}

// tx runs f in a transaction.
func (d *DB) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// newToken returns n random bytes in hex.
func newToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
