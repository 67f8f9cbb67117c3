package storage

import (
	"context"
	"fmt"

	"passionbot/bot"
)

// MeetupCard is a card the bot posted for a meetup: a message it edits in
// place when the meetup changes or members answer.
type MeetupCard struct {
	MeetupID int64
	Platform bot.Platform
	Ref      bot.MessageRef
	Lang     string // the card's language; "" for the community's
}

// AddMeetupCard records a posted card; recording it twice is harmless.
func (d *DB) AddMeetupCard(ctx context.Context, c MeetupCard) error {
	_, err := d.sql.ExecContext(ctx, `INSERT OR IGNORE INTO meetup_cards (meetup_id, platform, channel_id, message_id, lang, created_at)
VALUES (?, ?, ?, ?, ?, ?)`, c.MeetupID, string(c.Platform), c.Ref.Channel, c.Ref.ID, c.Lang, d.now().Unix())
	if err != nil {
		return fmt.Errorf("record meetup card: %w", d.explain(err))
	}
	return nil
}

// MeetupCards lists the cards posted for a meetup, oldest first.
func (d *DB) MeetupCards(ctx context.Context, meetupID int64) ([]MeetupCard, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT platform, channel_id, message_id, lang FROM meetup_cards
WHERE meetup_id = ? ORDER BY created_at, rowid`, meetupID)
	if err != nil {
		return nil, fmt.Errorf("meetup cards: %w", d.explain(err))
	}
	defer rows.Close()
	var out []MeetupCard
	for rows.Next() {
		c := MeetupCard{MeetupID: meetupID}
		var platform string
		if err := rows.Scan(&platform, &c.Ref.Channel, &c.Ref.ID, &c.Lang); err != nil {
			return nil, fmt.Errorf("meetup cards: %w", err)
		}
		c.Platform = bot.Platform(platform)
		out = append(out, c)
	}
	return out, rows.Err()
}

// RemoveMeetupCard forgets a card the platform says is gone (deleted by a
// moderator, its channel removed), so that it is not edited again.
func (d *DB) RemoveMeetupCard(ctx context.Context, c MeetupCard) error {
	_, err := d.sql.ExecContext(ctx, "DELETE FROM meetup_cards WHERE meetup_id = ? AND platform = ? AND channel_id = ? AND message_id = ?",
		c.MeetupID, string(c.Platform), c.Ref.Channel, c.Ref.ID)
	if err != nil {
		return fmt.Errorf("forget meetup card: %w", d.explain(err))
	}
	return nil
}
