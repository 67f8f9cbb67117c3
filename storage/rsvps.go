package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"passionbot/bot"
)

// RSVP is a member's answer to a meetup.
type RSVP struct {
	User       bot.User
	Answer     string // yes, maybe, no
	Waitlisted bool
	UpdatedAt  time.Time
}

// RSVPResult says what an answer led to.
type RSVPResult struct {
	Answer     string
	Waitlisted bool       // a yes that found the meetup full
	Position   int        // place on the waitlist, from 1
	Promoted   []bot.User // members moved from the waitlist to a place
	Unchanged  bool       // the member had already answered the same
}

// SetRSVP records u's answer. A yes takes a place while there is room, else
// a place on the waitlist; a member who gives up a place (maybe or no) makes
// room for the first on the waitlist, who is promoted and returned.
func (d *DB) SetRSVP(ctx context.Context, meetupID int64, u bot.User, answer string) (RSVPResult, error) {
	res := RSVPResult{Answer: answer}
	now := d.now()
	if _, err := d.SeenMember(ctx, u, now); err != nil {
		return res, err
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var status string
		var start int64
		var capacity sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT status, starts_at, capacity FROM meetups WHERE id = ?", meetupID).Scan(&status, &start, &capacity)
		if isNoRows(err) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if status == "cancelled" {
			return ErrCancelled
		}
		if time.Unix(start, 0).Before(now) {
			return ErrStarted
		}
		var prev string
		var prevWait int
		err = tx.QueryRowContext(ctx, "SELECT answer, waitlisted FROM rsvps WHERE meetup_id = ? AND platform = ? AND user_id = ?",
			meetupID, string(u.Platform), u.ID).Scan(&prev, &prevWait)
		if err != nil && !isNoRows(err) {
			return err
		}
		if prev == answer {
			res.Unchanged, res.Waitlisted = true, prevWait == 1
			if res.Waitlisted {
				res.Position, err = waitPosition(ctx, tx, meetupID, u)
			}
			return err
		}
		wait := 0
		if answer == "yes" && capacity.Valid {
			var taken int64
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM rsvps WHERE meetup_id = ? AND answer = 'yes' AND waitlisted = 0", meetupID).Scan(&taken); err != nil {
				return err
			}
			if taken >= capacity.Int64 {
				wait = 1
			}
		}
		var seq int64
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(seq), 0) + 1 FROM rsvps WHERE meetup_id = ?", meetupID).Scan(&seq); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO rsvps (meetup_id, platform, user_id, answer, waitlisted, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (meetup_id, platform, user_id) DO UPDATE SET answer = excluded.answer, waitlisted = excluded.waitlisted, seq = excluded.seq, updated_at = excluded.updated_at`,
			meetupID, string(u.Platform), u.ID, answer, wait, seq, now.Unix())
		if err != nil {
			return err
		}
		res.Waitlisted = wait == 1
		if res.Waitlisted {
			res.Position, err = waitPosition(ctx, tx, meetupID, u)
			return err
		}
		if prev == "yes" && prevWait == 0 && answer != "yes" {
			res.Promoted, err = promote(ctx, tx, meetupID, int(capacity.Int64))
		}
		return err
	})
	if err != nil {
		return res, fmt.Errorf("rsvp: %w", err)
	}
	return res, nil
}

func waitPosition(ctx context.Context, tx *sql.Tx, meetupID int64, u bot.User) (int, error) {
	var pos int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM rsvps WHERE meetup_id = ? AND waitlisted = 1 AND answer = 'yes'
AND seq <= (SELECT seq FROM rsvps WHERE meetup_id = ? AND platform = ? AND user_id = ?)`, meetupID, meetupID, string(u.Platform), u.ID).Scan(&pos)
	return pos, err
}

// promote moves the first on the waitlist into free places.
func promote(ctx context.Context, tx *sql.Tx, meetupID int64, capacity int) ([]bot.User, error) {
	var free int
	if capacity <= 0 {
		free = 1 << 30
	} else {
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM rsvps WHERE meetup_id = ? AND answer = 'yes' AND waitlisted = 0", meetupID).Scan(&taken); err != nil {
			return nil, err
		}
		free = capacity - taken
	}
	if free <= 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.platform, r.user_id, COALESCE(m.display_name, '') FROM rsvps r
LEFT JOIN members m ON m.platform = r.platform AND m.user_id = r.user_id
WHERE r.meetup_id = ? AND r.answer = 'yes' AND r.waitlisted = 1 ORDER BY r.seq LIMIT ?`, meetupID, free)
	if err != nil {
		return nil, err
	}
	var out []bot.User
	for rows.Next() {
		var u bot.User
		var p string
		if err := rows.Scan(&p, &u.ID, &u.Name); err != nil {
			rows.Close()
			return nil, err
		}
		u.Platform = bot.Platform(p)
		out = append(out, u)
	}
	rows.Close()
	for _, u := range out {
		if _, err := tx.ExecContext(ctx, "UPDATE rsvps SET waitlisted = 0 WHERE meetup_id = ? AND platform = ? AND user_id = ?", meetupID, string(u.Platform), u.ID); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// RSVPs lists a meetup's answers: places in order of answering, then the
// waitlist in order, then maybe and no.
func (d *DB) RSVPs(ctx context.Context, meetupID int64) ([]RSVP, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT r.platform, r.user_id, COALESCE(m.display_name, ''), r.answer, r.waitlisted, r.updated_at
FROM rsvps r LEFT JOIN members m ON m.platform = r.platform AND m.user_id = r.user_id
WHERE r.meetup_id = ? ORDER BY CASE r.answer WHEN 'yes' THEN r.waitlisted WHEN 'maybe' THEN 2 ELSE 3 END, r.seq`, meetupID)
	if err != nil {
		return nil, fmt.Errorf("list rsvps: %w", d.explain(err))
	}
	defer rows.Close()
	var out []RSVP
	for rows.Next() {
		var r RSVP
		var p string
		var w int
		var at int64
		if err := rows.Scan(&p, &r.User.ID, &r.User.Name, &r.Answer, &w, &at); err != nil {
			return nil, fmt.Errorf("list rsvps: %w", err)
		}
		r.User.Platform, r.Waitlisted, r.UpdatedAt = bot.Platform(p), w == 1, time.Unix(at, 0)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CalendarToken returns u's secret calendar-feed token, creating it once.
func (d *DB) CalendarToken(ctx context.Context, u bot.User) (string, error) {
	var tok string
	err := d.sql.QueryRowContext(ctx, "SELECT token FROM calendar_tokens WHERE platform = ? AND user_id = ?", string(u.Platform), u.ID).Scan(&tok)
	if err == nil {
		return tok, nil
	}
	if !isNoRows(err) {
		return "", fmt.Errorf("calendar token: %w", d.explain(err))
	}
	if _, err := d.SeenMember(ctx, u, d.now()); err != nil {
		return "", err
	}
	tok, err = newToken(16)
	if err != nil {
		return "", err
	}
	if _, err := d.sql.ExecContext(ctx, "INSERT INTO calendar_tokens (platform, user_id, token) VALUES (?, ?, ?)", string(u.Platform), u.ID, tok); err != nil {
		return "", fmt.Errorf("calendar token: %w", d.explain(err))
	}
	return tok, nil
}

// UserByCalendarToken finds the member a feed token belongs to, or ErrNotFound.
func (d *DB) UserByCalendarToken(ctx context.Context, token string) (bot.User, error) {
	var u bot.User
	var p string
	err := d.sql.QueryRowContext(ctx, "SELECT platform, user_id FROM calendar_tokens WHERE token = ?", token).Scan(&p, &u.ID)
	if isNoRows(err) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("calendar token: %w", d.explain(err))
	}
	u.Platform = bot.Platform(p)
	return u, nil
}
