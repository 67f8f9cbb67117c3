-- Meetups, RSVPs, scheduled announcements and the delivery log.
CREATE TABLE meetups (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE,     -- stable iCalendar UID
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    location           TEXT NOT NULL DEFAULT '',
    starts_at          INTEGER NOT NULL,         -- unix seconds
    ends_at            INTEGER,                  -- NULL: no end given
    capacity           INTEGER CHECK (capacity IS NULL OR capacity > 0),
    platform           TEXT NOT NULL,            -- where it was created and is announced
    channel_id         TEXT NOT NULL DEFAULT '',
    message_id         TEXT NOT NULL DEFAULT '', -- the announcement card
    native_event_id    TEXT NOT NULL DEFAULT '', -- Discord Guild Scheduled Event
    organiser_platform TEXT NOT NULL,
    organiser_id       TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    sequence           INTEGER NOT NULL DEFAULT 0, -- iCalendar SEQUENCE, bumped on every change
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX meetups_upcoming ON meetups (status, starts_at);

CREATE TABLE rsvps (
    meetup_id  INTEGER NOT NULL REFERENCES meetups (id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    answer     TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    waitlisted INTEGER NOT NULL DEFAULT 0 CHECK (waitlisted IN (0, 1)),
    seq        INTEGER NOT NULL,                -- order of the latest yes, for the waitlist
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (meetup_id, platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE announcements (
    id          INTEGER PRIMARY KEY,
    spec        TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    last_fire   INTEGER NOT NULL DEFAULT 0,  -- last firing handled (unix seconds)
    last_result TEXT NOT NULL DEFAULT ''
);

CREATE TABLE announcement_targets (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    platform        TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    PRIMARY KEY (announcement_id, platform, channel_id)
) WITHOUT ROWID;

-- Every firing to every target is claimed here before it is sent.
CREATE TABLE deliveries (
    job          TEXT NOT NULL,    -- "announce:12", "reminder:5:24h0m0s"
    fire_at      INTEGER NOT NULL, -- the firing's scheduled time (unix seconds)
    target       TEXT NOT NULL,    -- "discord:#123", "slack:@U1", …
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    late         INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT '',
    message_id   TEXT NOT NULL DEFAULT '',
    claimed_at   INTEGER NOT NULL,
    delivered_at INTEGER,
    PRIMARY KEY (job, fire_at, target)
) WITHOUT ROWID;
CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';

-- Secret tokens for members' personal calendar feeds.
CREATE TABLE calendar_tokens (
    platform TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    token    TEXT NOT NULL UNIQUE,
    PRIMARY KEY (platform, user_id),
    FOREIGN KEY (platform, user_id) REFERENCES members (platform, user_id) ON DELETE CASCADE
) WITHOUT ROWID;
