-- Every card the bot posted for a meetup, so that a change, a cancellation
-- and new RSVPs update each of them in place. No member data: channels and
-- message ids only.
CREATE TABLE meetup_cards (
    meetup_id  INTEGER NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    lang       TEXT NOT NULL DEFAULT '', -- the card's language; '' for the community's
    created_at INTEGER NOT NULL,
    PRIMARY KEY (meetup_id, platform, channel_id, message_id)
);

-- The announcement card each meetup already had.
INSERT INTO meetup_cards (meetup_id, platform, channel_id, message_id, created_at)
SELECT id, platform, channel_id, message_id, created_at FROM meetups WHERE message_id != '' AND channel_id != '';
