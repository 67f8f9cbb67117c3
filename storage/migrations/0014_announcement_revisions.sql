-- Edited announcements (issue 16, point 2). `announce edit` changes an
-- announcement in place, so that its id, its delivery log and its last
-- firing stay; what it was before each edit is kept here, and the time of
-- the newest edit is where the scheduler starts counting the new rule after
-- a restart (a firing of the new rule from before the edit is never sent
-- late). A one-off announcement needs no column: its spec is the iCalendar
-- "DTSTART:20261204T080000Z" of its one time.
CREATE TABLE IF NOT EXISTS announcement_revisions (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    revised_at      INTEGER NOT NULL,  -- when it was edited (unix seconds)
    spec            TEXT NOT NULL,     -- the spec and text before the edit
    text            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS announcement_revisions_by_announcement ON announcement_revisions (announcement_id, revised_at);

-- (IF NOT EXISTS throughout: the newest step may be applied again, as
-- TestSecondInstanceRefused does.)
