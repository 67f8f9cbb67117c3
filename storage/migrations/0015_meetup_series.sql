-- Recurring meetups (issue 16, point 3). A series is a template and a rule
-- (recur.Rule.Spec, an iCalendar RRULE with its first date); each
-- occurrence is an ordinary row of meetups with its own RSVPs, capacity,
-- waitlist, reminders, cards and native event, tied to its series here by
-- the local date the rule gave it. The unique (series_id, occurrence) is
-- what makes rolling the series forward happen exactly once, whoever does
-- it (the series' own job, the start-up catch-up, a second instance): an
-- occurrence moved or cancelled on its own keeps its date here, so it is
-- never made again. A rule in words fires at most once a day.
CREATE TABLE IF NOT EXISTS meetup_series (
    id                 INTEGER PRIMARY KEY,
    spec               TEXT NOT NULL,              -- DTSTART;VALUE=DATE:… RRULE:…
    duration           INTEGER NOT NULL DEFAULT 0, -- seconds; 0: no end given
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    location           TEXT NOT NULL DEFAULT '',
    capacity           INTEGER CHECK (capacity IS NULL OR capacity > 0),
    platform           TEXT NOT NULL,
    channel_id         TEXT NOT NULL DEFAULT '',
    organiser_platform TEXT NOT NULL,
    organiser_id       TEXT NOT NULL,
    ended_from         TEXT NOT NULL DEFAULT '',   -- first date no longer made (cancel scope:following); '': goes on
    created_at         INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS meetup_occurrences (
    meetup_id  INTEGER PRIMARY KEY REFERENCES meetups (id) ON DELETE CASCADE,
    series_id  INTEGER NOT NULL REFERENCES meetup_series (id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,                      -- the rule's date, yyyy-mm-dd in the community's zone
    UNIQUE (series_id, occurrence)
);

-- (IF NOT EXISTS throughout: the newest step may be applied again, as
-- TestSecondInstanceRefused does.)
