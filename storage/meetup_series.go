package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"passionbot/bot"
)

// MeetupSeries is a recurring meetup: a rule and the template its
// occurrences are made from. Each occurrence is an ordinary Meetup.
type MeetupSeries struct {
	ID          int64
	Spec        string        // recur.Rule.Spec: DTSTART;VALUE=DATE:… RRULE:…
	Duration    time.Duration // 0: no end given
	Title       string
	Description string
	Location    string
	Capacity    int // 0: unlimited
	Platform    bot.Platform
	ChannelID   string
	Organiser   bot.User
	EndedFrom   string // the first date (yyyy-mm-dd) no longer made; "" while it goes on
	CreatedAt   time.Time
}

// Occurrence ties a meetup to its series.
type Occurrence struct {
	SeriesID int64
	Date     string // the rule's date, yyyy-mm-dd in the community's zone
}

const seriesCols = `id, spec, duration, title, description, location, capacity, platform, channel_id,
organiser_platform, organiser_id, ended_from, created_at`

func scanSeries(s scanner) (MeetupSeries, error) {
	var m MeetupSeries
	var dur, created int64
	var capacity sql.NullInt64
	var platform, orgPlatform string
	err := s.Scan(&m.ID, &m.Spec, &dur, &m.Title, &m.Description, &m.Location, &capacity, &platform, &m.ChannelID,
		&orgPlatform, &m.Organiser.ID, &m.EndedFrom, &created)
	m.Duration = time.Duration(dur) * time.Second
	m.Capacity = int(capacity.Int64)
	m.Platform, m.Organiser.Platform = bot.Platform(platform), bot.Platform(orgPlatform)
	m.CreatedAt = time.Unix(created, 0)
	return m, err
}

// CreateMeetupSeries stores a new series (without occurrences) and
// returns it with its id.
func (d *DB) CreateMeetupSeries(ctx context.Context, s MeetupSeries) (MeetupSeries, error) {
	s.CreatedAt = d.now()
	if _, err := d.SeenMember(ctx, s.Organiser, s.CreatedAt); err != nil {
		return s, err
	}
	res, err := d.sql.ExecContext(ctx, `INSERT INTO meetup_series (spec, duration, title, description, location, capacity,
platform, channel_id, organiser_platform, organiser_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.Spec, int64(s.Duration/time.Second), s.Title, s.Description, s.Location, nullInt(s.Capacity),
		string(s.Platform), s.ChannelID, string(s.Organiser.Platform), s.Organiser.ID, s.CreatedAt.Unix())
	if err != nil {
		return s, fmt.Errorf("create meetup series: %w", d.explain(err))
	}
	s.ID, _ = res.LastInsertId()
	return s, nil
}

// MeetupSeries returns one series, or ErrNotFound.
func (d *DB) MeetupSeries(ctx context.Context, id int64) (MeetupSeries, error) {
	s, err := scanSeries(d.sql.QueryRowContext(ctx, "SELECT "+seriesCols+" FROM meetup_series WHERE id = ?", id))
	if isNoRows(err) {
		return s, ErrNotFound
	}
	if err != nil {
		return s, fmt.Errorf("read meetup series %d: %w", id, d.explain(err))
	}
	return s, nil
}

// LiveMeetupSeries lists the series that go on (not cancelled from some
// date), for rolling them forward at start.
func (d *DB) LiveMeetupSeries(ctx context.Context) ([]MeetupSeries, error) {
	rows, err := d.sql.QueryContext(ctx, "SELECT "+seriesCols+" FROM meetup_series WHERE ended_from = '' ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list meetup series: %w", d.explain(err))
	}
	defer rows.Close()
	var out []MeetupSeries
	for rows.Next() {
		s, err := scanSeries(rows)
		if err != nil {
			return nil, fmt.Errorf("list meetup series: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UpdateMeetupSeries saves a series' rule, template and end.
func (d *DB) UpdateMeetupSeries(ctx context.Context, s MeetupSeries) error {
	_, err := d.sql.ExecContext(ctx, `UPDATE meetup_series SET spec = ?, duration = ?, title = ?, description = ?, location = ?,
capacity = ?, ended_from = ? WHERE id = ?`,
		s.Spec, int64(s.Duration/time.Second), s.Title, s.Description, s.Location, nullInt(s.Capacity), s.EndedFrom, s.ID)
	if err != nil {
		return fmt.Errorf("update meetup series %d: %w", s.ID, d.explain(err))
	}
	return nil
}

// AddOccurrence stores m as the occurrence of series on date, unless the
// series already has one that day (made earlier, moved or cancelled): then
// it returns false and stores nothing. The meetup and its tie to the
// series are one transaction, so an occurrence is made exactly once.
func (d *DB) AddOccurrence(ctx context.Context, seriesID int64, date string, m Meetup) (Meetup, bool, error) {
	uid, err := newToken(12)
	if err != nil {
		return m, false, err
	}
	m.UID = uid + "@passionbot"
	now := d.now()
	m.CreatedAt, m.UpdatedAt = now, now
	if _, err := d.SeenMember(ctx, m.Organiser, now); err != nil {
		return m, false, err
	}
	added := false
	err = d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM meetup_occurrences WHERE series_id = ? AND occurrence = ?", seriesID, date).Scan(&n); err != nil || n > 0 {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO meetups (uid, title, description, location, starts_at, ends_at, capacity,
platform, channel_id, organiser_platform, organiser_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.UID, m.Title, m.Description, m.Location, m.Start.Unix(), nullTime(m.End), nullInt(m.Capacity),
			string(m.Platform), m.ChannelID, string(m.Organiser.Platform), m.Organiser.ID, now.Unix(), now.Unix())
		if err != nil {
			return err
		}
		m.ID, _ = res.LastInsertId()
		if _, err := tx.ExecContext(ctx, "INSERT INTO meetup_occurrences (meetup_id, series_id, occurrence) VALUES (?, ?, ?)", m.ID, seriesID, date); err != nil {
			return err
		}
		added = true
		return nil
	})
	if err != nil {
		return m, false, fmt.Errorf("add occurrence %s of series %d: %w", date, seriesID, d.explain(err))
	}
	return m, added, nil
}

// OccurrenceOf returns the series meetup id belongs to; ok is false for a
// meetup of its own.
func (d *DB) OccurrenceOf(ctx context.Context, meetupID int64) (Occurrence, bool, error) {
	var o Occurrence
	err := d.sql.QueryRowContext(ctx, "SELECT series_id, occurrence FROM meetup_occurrences WHERE meetup_id = ?", meetupID).Scan(&o.SeriesID, &o.Date)
	if isNoRows(err) {
		return o, false, nil
	}
	if err != nil {
		return o, false, fmt.Errorf("occurrence of meetup %d: %w", meetupID, d.explain(err))
	}
	return o, true, nil
}

// SeriesMeetups lists the occurrences of a series dated from on or after
// (all when from is ""), cancelled ones included, in date order.
func (d *DB) SeriesMeetups(ctx context.Context, seriesID int64, from string) ([]Meetup, error) {
	return d.meetups(ctx, `SELECT `+prefixed("m.", meetupCols)+` FROM meetups m JOIN meetup_occurrences o ON o.meetup_id = m.id
WHERE o.series_id = ? AND o.occurrence >= ? ORDER BY o.occurrence`, seriesID, from)
}
